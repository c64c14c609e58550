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


def test_lowered_is_each_word_lowercased_with_straight_apostrophes():
    words = ["L’État", "ΟΔΟΣ", "Σ", "İstanbul", "don't", "ΣΑΣ"]
    assert langid.lowered(words) == [w.lower().replace("’", "'") for w in words]
    assert langid.lowered([]) == []
