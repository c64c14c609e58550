import pytest

from tests.conftest import texts

EN = "The talks between the two delegations continued late into the night in the capital. Both sides said progress was made on trade."
FR = "Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale. Les deux parties ont dit avoir progressé sur le commerce."


def test_sentence_left_in_french(check):
    result = check(EN + " Ce ne sera pas une paix juste et durable, a-t-il averti.", FR + " Ce ne sera pas une paix juste et durable, a-t-il averti.")
    assert texts(result, "untranslated") == ["Ce ne sera pas une paix juste et durable, a-t-il averti."]


def test_span_left_in_french(check):
    result = check(EN + " He said that la situation est très grave pour tous in Kyiv.")
    assert texts(result, "untranslated-span") == ["la situation est très grave pour tous"]


def test_french_names_kept_in_english_are_left_alone(check):
    result = check(EN + " Les Bleus beat Spain and Santé publique France reported new cases in the Salle des États.")
    assert texts(result, "untranslated") == [] and texts(result, "untranslated-span") == []


def test_identical_name_only_segment_is_left_alone(check):
    result = check("Xi Jinping\n\n" + EN, "Xi Jinping\n\n" + FR)
    assert texts(result, "untranslated") == []


def test_word_left_in_french_in_the_source_is_flagged(check):
    result = check("The coach défend his choices after the defeat.", "L'entraîneur défend ses choix après la défaite.")
    assert texts(result, "untranslated-word") == ["défend"]


def test_rare_source_word_english_has_never_seen_is_flagged(check):
    result = check(
        "The region is giboyeux and the défaisance structure sits by the mitoyen wall.",
        "La région est giboyeuse et giboyeux, la structure de défaisance est près du mur mitoyen.",
    )
    assert texts(result, "untranslated-word") == ["giboyeux", "défaisance", "mitoyen"]


def test_rare_latin_term_of_the_source_is_left_alone(tmp_path):
    from mtcheck.pipeline import check_pair

    (tmp_path / "a.de.txt").write_text("Häufige virale STI sind HIV, Herpes genitalis oder Hepatitis.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Common viral STIs are HIV, herpes genitalis and hepatitis.", encoding="utf-8")
    result = check_pair(tmp_path / "a.de.txt", tmp_path / "a.en.txt", src_lang="de", tgt_lang="en", settings={"mt": False})
    assert texts(result, "untranslated-word") == []


def test_rare_word_english_lacks_is_left_alone_when_not_in_the_source(check):
    result = check("The region is giboyeux and the chemineau sleeps by the wall.", "La région est riche et l'homme dort près du mur.")
    assert texts(result, "untranslated-word") == []


def test_french_phrase_is_one_finding(check):
    result = check("The projet de loi was adopted on Tuesday by the deputies.", "Le projet de loi a été adopté mardi par les députés.")
    assert texts(result, "untranslated-word") == ["projet de loi"]


def test_french_word_not_in_the_source_needs_strong_evidence(check):
    result = check(EN + " It was a véritable success for the gouvernement.", FR)
    assert texts(result, "untranslated-word") == ["véritable", "gouvernement"]


def test_english_words_of_french_origin_and_cognates_are_left_alone(check):
    en = "Over coffee at a café, the rapprochement after the coup d'état felt like déjà vu; the entente and laissez-faire situation held."
    fr = "Au café, le rapprochement après le coup d'État avait un air de déjà-vu ; l'entente et le laissez-faire, la situation a tenu."
    assert texts(check(en, fr), "untranslated-word") == []


def test_names_quoted_terms_hashtags_and_urls_are_left_alone(check):
    en = ("Les Bleus told Le Monde that the Assemblée nationale passed the “projet de loi” (bill), "
          "see #réforme and https://example.fr/projet-de-loi for Charles de Gaulle's legacy.")
    fr = "Les Bleus ont dit au Monde que l'Assemblée nationale a adopté le projet de loi, voir #réforme."
    assert texts(check(en, fr), "untranslated-word") == []


def test_whole_french_sentence_is_left_to_the_sentence_rule(check):
    result = check(EN + " Ce ne sera pas une paix juste et durable, a-t-il averti.", FR + " Ce ne sera pas une paix juste et durable, a-t-il averti.")
    assert texts(result, "untranslated-word") == []


def test_other_pair_uses_its_own_frequency_list(tmp_path):
    from mtcheck.pipeline import check_pair

    (tmp_path / "plan.de.txt").write_text("Der Plan wurde gestern vom Parlament abgelehnt.", encoding="utf-8")
    (tmp_path / "plan.en.txt").write_text("The plan was abgelehnt by parliament yesterday.", encoding="utf-8")
    result = check_pair(tmp_path / "plan.en.txt", settings={"mt": False})
    assert texts(result, "untranslated-word") == ["abgelehnt"]


def test_quoted_speech_and_words_after_a_name_are_checked(check):
    en = 'The club said it was "very déçu" and Mr Montebourg besoin a commitment from the Assemblée nationale.'
    fr = "Le club s'est dit « très déçu » et M. Montebourg a besoin d'un engagement de l'Assemblée nationale."
    assert texts(check(en, fr), "untranslated-word") == ["déçu", "besoin"]


def test_name_tails_are_left_alone_without_a_source(check):
    assert texts(check(EN + " The Assemblée nationale and the Parti socialiste voted."), "untranslated-word") == []


def test_span_covers_an_elided_word(check):
    result = check("He served six presidents, aujourd'hui retired, in Paris.", "Il a servi six présidents, aujourd'hui retraités, à Paris.")
    assert texts(result, "untranslated-word") == ["aujourd'hui"]


def test_source_word_at_a_sentence_start_is_flagged(check):
    en = "Attaqué by the Liberals, Mr. Nicholson answered. Hélène Dubois answered too."
    fr = "Attaqué par les libéraux, M. Nicholson a répondu. Hélène Dubois a aussi répondu."
    assert texts(check(en, fr), "untranslated-word") == ["Attaqué"]


def test_rare_source_word_at_a_sentence_start_is_left_alone(tmp_path):
    from mtcheck.pipeline import check_pair

    (tmp_path / "a.es.txt").write_text("Menga marcó el gol de la victoria para Livingston.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Menga scored the winning goal for Livingston.", encoding="utf-8")
    result = check_pair(tmp_path / "a.es.txt", tmp_path / "a.en.txt", src_lang="es", tgt_lang="en", settings={"mt": False})
    assert texts(result, "untranslated-word") == []


def test_source_word_with_accents_dropped_is_flagged(check):
    en = "Three patients were intubees on Monday at the cafe near the hospital."
    fr = "Trois patients ont été intubées lundi au café près de l'hôpital."
    assert texts(check(en, fr), "untranslated-word") == ["intubees"]


def test_german_sentence_with_words_english_shares_is_not_english(check):
    target = "Mein Vater brach in Tränen zusammen. Er hatte seit Jahren nicht mehr geweint, sagte meine Mutter."
    source = "My father broke down and cried. He had not cried for years, my mother said."
    result = check(target, source, src_lang="en", tgt_lang="de")
    assert texts(result, "untranslated") == []
    result = check("My father broke down and cried. " + target.split(". ")[1], source, src_lang="en", tgt_lang="de")
    assert texts(result, "untranslated") == ["My father broke down and cried."]


def test_english_sports_terms_spanish_uses_and_domain_names_are_left_alone(check):
    target = "Europa ganó los foursomes del sábado y evitó los bogeys en el rough, según informó weather.com ayer."
    source = "Europe won Saturday's foursomes and avoided bogeys in the rough, weather.com reported yesterday."
    assert texts(check(target, source, src_lang="en", tgt_lang="es"), "untranslated-word") == []


def test_english_word_left_in_spanish_is_flagged(check):
    target = "Europa ganó los partidos del sábado y evitó los errores, según informó el weather ayer por la tarde."
    source = "Europe won Saturday's matches and avoided mistakes, the weather service reported yesterday afternoon."
    assert texts(check(target, source, src_lang="en", tgt_lang="es"), "untranslated-word") == ["weather"]


def test_quoted_original_followed_by_its_translation_is_left_alone(check):
    source = 'He wrote: "The being formally known as Kanye West." The rapper also spoke about his music on the show.'
    target = "Er schrieb: „The being formally known as Kanye West“ (Das offiziell als Kanye West bekannte Wesen). Der Rapper sprach auch über seine Musik."
    result = check(target, source, src_lang="en", tgt_lang="de")
    assert texts(result, "untranslated-span") == [] and texts(result, "untranslated-word") == []
    target = "Er schrieb: „The being formally known as Kanye West“. Der Rapper sprach auch über seine Musik in der Sendung."
    assert texts(check(target, source, src_lang="en", tgt_lang="de"), "untranslated") == ["Er schrieb: „The being formally known as Kanye West“."]


def test_identical_sentence_of_words_both_languages_share_is_left_alone(check):
    result = check('"No, no, no, no, no. El ministro se fue sin decir nada más.', '"No, no, no, no, no. The minister left without saying anything else.', src_lang="en", tgt_lang="es")
    assert texts(result, "untranslated") == []


def test_sentence_both_sides_quote_in_a_third_language_is_left_alone(check):
    target = "He shrugged. Il faut bien le faire. The rest of the team agreed with him on that day."
    source = "Alzò le spalle. Il faut bien le faire. Il resto della squadra era d'accordo con lui quel giorno."
    assert texts(check(target, source, src_lang="it", tgt_lang="en"), "untranslated") == []


def test_source_runs_need_three_source_function_words():
    from mtcheck.checks.untranslated import _source_runs
    from mtcheck.resources import stopwords

    src_stop, tgt_stop = stopwords("fr"), stopwords("en")
    text = "He said: ce ne sera pas une paix juste et durable, and left."
    assert [text[a:b] for a, b in _source_runs(text, src_stop, tgt_stop)] == ["ce ne sera pas une paix juste et durable"]
    assert list(_source_runs("He said paix juste et durable sera bonne today.", src_stop, tgt_stop)) == []


@pytest.mark.parametrize(
    "text, without, blanked",
    [
        ("The Quai d'Orsay and Matignon agreed.", "The   and   agreed.", "The              and          agreed."),
        ("Matignon (www.gouvernement.fr/x) agreed.", "  (www.gouvernement.fr/x) agreed.", "         (                       agreed."),
        ('At Matignon, "le plan" (the plan) stands.', 'At  , "le plan" (the plan) stands.', 'At         , "       " (the plan) stands.'),
    ],
)
def test_kept_names_found_once_serve_both_blankings(text, without, blanked):
    from mtcheck.checks.untranslated import _without_kept_names, blank_kept

    assert _without_kept_names(text, "fr-en") == without  # a space for each name
    assert blank_kept(text, "fr-en") == blanked  # offsets kept; markup and glossed quotations blanked too


def test_candidates_are_tested_once_per_word_and_stay_the_same():
    from mtcheck.checks.untranslated import UntranslatedWord, _candidates
    from mtcheck.lexicon import lexicon

    src, tgt = lexicon("fr"), lexicon("en")
    words = {"projet", "véritable", "the", "government", "intubees", "zzqx"}
    src.lookup(words)
    tgt.lookup(words)
    foreign = {w for w in words if UntranslatedWord._foreign(w, src, tgt, lambda w: True)}
    unseen = {w for w in words if tgt.zipf(w) == 0 and not tgt.known(w)}
    assert foreign == {"projet", "véritable"} and unseen == {"intubees", "zzqx"}
    assert _candidates(set(words), src, tgt) == (foreign, unseen)
    assert _candidates(set(words), src, tgt) == (foreign, unseen)  # remembered
    assert _candidates({"the", "zzqx"}, src, tgt) == (set(), {"zzqx"})


def test_identical_reads_the_first_word_first_and_agrees_with_the_whole_comparison():
    import random
    from types import SimpleNamespace

    from mtcheck.checks.untranslated import _identical

    rnd = random.Random(3)
    pieces = ["Il", "a", "dit", " ", "  ", "\n", "Il a", "dit.", "\u00a0", "\u2003", "\x1c"]
    for _ in range(5000):
        source = [SimpleNamespace(text="".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 3)))) for _ in range(rnd.randint(0, 2))]
        seg = SimpleNamespace(source=source, source_text=" ".join(s.text for s in source))
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 4)))
        assert _identical(seg, text) == (bool(source) and seg.source_text.split() == text.split()), (source, text)


def test_the_shared_tokens_count_at_least_the_source_only_words_a_span_needs():
    import random

    from mtcheck import langid
    from mtcheck.checks.untranslated import _TOKEN, _source_only
    from mtcheck.checks.words import lowered, tokens
    from mtcheck.resources import stopwords

    src_stop, tgt_stop = langid.function_words("fr", ("fr", "en")), stopwords("en")
    only, either = _source_only(src_stop, tgt_stop)
    rnd = random.Random(5)
    pieces = ["l", "L", "d", "qu", "la", "est", "très", "the", "x", "'", "’", " ", "  ", ",", "-", "é", "5", "(", ")", "Élysée"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16)))
        assert sum(map(either.__contains__, tokens(text))) >= sum(map(only.__contains__, _TOKEN.lowered(text, lowered))), text


def test_may_flag_reads_plain_words_as_the_whole_test_did():
    import random
    from types import SimpleNamespace

    from mtcheck.checks.untranslated import _WORD, _fold, _may_flag, plain_words
    from mtcheck.checks.words import letter_words
    from mtcheck.lexicon import normalise

    def whole(seg, text, foreign, unseen):  # the test as first written: every plain word read
        plain = [normalise(m.group()) for m in plain_words(text)]
        if any(w in foreign for w in plain):
            return True
        dropped = [w for w in plain if w in unseen]
        return bool(dropped and seg.source and set(dropped) & {_fold(normalise(w)) for w in _WORD.findall(seg.source_text) if not w.isascii()})

    ctx = SimpleNamespace(of_text=lambda form, text: form(text))
    rnd = random.Random(6)
    vocabulary = ["projet", "Projet", "intubees", "INTUBEES", "the", "The", "véritable", "5", "#", "/", "km", " ", " ", ". ", "_", "é"]
    for _ in range(5000):
        text = "".join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 10)))
        source = rnd.choice(["", "intubées le projet", "véritable", "Intubées"])
        seg = SimpleNamespace(source=[source] if source else [], source_text=source)
        held = letter_words(text)
        foreign = {w for w in held if rnd.random() < 0.3}
        unseen = {w for w in held if w.isascii() and rnd.random() < 0.5}
        assert _may_flag(ctx, seg, text, held, foreign, unseen) == whole(seg, text, foreign, unseen), (text, source, foreign, unseen)


def test_only_paragraphs_holding_a_blanking_literal_can_change():
    import random

    from mtcheck.checks.literals import any_of
    from mtcheck.checks.untranslated import _blanking_literals, _without_kept_names, blank_kept

    holds = any_of(_blanking_literals("fr-en"))
    rnd = random.Random(8)
    pieces = ["Élysée", "Le Monde", "café", "coup d’état", "coup d'état", "déjà vu", "(", ")", "« x »", "“y”", "#tag", "@who",
              "www.", "weather.com", "a/b", " ", "the", "projet", ",", "."]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        if not holds(text):
            assert blank_kept.__wrapped__(text, "fr-en") == text == _without_kept_names.__wrapped__(text, "fr-en"), text


def test_a_sentences_first_word_is_one_of_its_letter_words():
    import random

    from mtcheck.checks.untranslated import _initial
    from mtcheck.checks.words import letter_words
    from mtcheck.lexicon import normalise

    rnd = random.Random(9)
    pieces = ["Attaqué", "ÉTAT", "The", "the", "«", " ", "“", "-", "5", "’", "İstanbul", "Ωmega", "\u212bngstrom", "x"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        m = _initial(text)
        assert m is None or normalise(m.group()) in letter_words(text), text
