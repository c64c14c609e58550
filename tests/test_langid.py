import pytest

from mtcheck import langid


@pytest.mark.parametrize("text, pair", [
    ("Mein Vater brach in Tränen zusammen.", ("en", "de")),
    ("Vorzugsweise beide gleichzeitig an verschiedenen Löchern.", ("en", "de")),
    ('"No vamos a pedir permiso".', ("en", "es")),
    ("Quizás me llaméis débil llorona.", ("en", "es")),
])
def test_words_english_shares_with_the_other_language_are_no_evidence_of_english(text, pair):
    assert langid.guess(text) == "en"  # without the pair, "in", "an", "no", "me" count for English
    assert langid.guess(text, pair=pair) != "en"


@pytest.mark.parametrize("text, pair, lang", [
    ("He said that he was in the office when the news came in.", ("en", "de"), "en"),
    ("He said that la situation est très grave pour tous in Kyiv.", ("fr", "en"), None),
    ("Ce ne sera pas une paix juste et durable, a-t-il averti.", ("fr", "en"), "fr"),
])
def test_guess_with_a_pair(text, pair, lang):
    assert langid.guess(text, pair=pair) == lang


def test_guess_reads_the_scores_of_language_scores():
    from mtcheck import langid

    text = "Ce ne sera pas une paix juste et durable pour nous."
    scores = langid.language_scores(text, ("fr", "en"))
    assert max(scores, key=scores.get) == "fr" == langid.guess(text, pair=("fr", "en"))
    assert scores["fr"] == sum(w in langid.function_words("fr", ("fr", "en")) for w in langid.tokens(text)) / len(langid.tokens(text))


def _ranked_guess(text, min_words=4, pair=()):
    """``guess`` as first written (the languages sorted by score): the oracle of the one that reads the best two."""
    words = langid.tokens(text)
    if len(words) < min_words:
        return None
    scores = langid.language_scores(text, pair)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return None if score < 0.15 or score < runner_up * 1.5 else best


def test_guess_is_the_ranked_guess_on_random_texts():
    import random

    rnd = random.Random(10)
    words = sorted(set().union(*(langid.function_words(lang) for lang in ("en", "fr", "de", "es", "it")))) + ["chat", "Haus", "x"]
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
        for pair in ((), ("fr", "en"), ("en", "de")):
            assert langid.guess.__wrapped__(text, pair=pair) == _ranked_guess(text, pair=pair), (text, pair)


def test_is_language_is_the_guess_compared():
    import random

    rnd = random.Random(12)
    words = sorted(set().union(*(langid.function_words(lang) for lang in ("en", "fr", "de", "es", "it")))) + ["chat", "Haus", "x", "L’", "qu’il"]
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
        for pair in (("fr", "en"), ("en", "de"), ("de", "en")):
            for lang in pair:
                assert langid.is_language(text, lang, pair) == (langid.guess.__wrapped__(text, pair=pair) == lang), (text, pair, lang)


def test_the_kept_function_words_are_each_language_s_stopwords():
    from mtcheck import langid
    from mtcheck.resources import languages, stopwords

    assert langid._function_words() == {lang: stopwords(lang) for lang in languages()}
    assert list(langid._function_words()) == list(languages())  # the order guess breaks ties by
