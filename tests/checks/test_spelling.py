from tests.conftest import by_rule, texts

FR = "Le gouvernement a reçu la lettre mardi. C'est une surprise."


def test_misspellings_are_flagged_with_a_correction(check):
    result = check("The goverment said they recieved the letter on Tuesday. Ths is a surprise.", FR)
    assert texts(result, "spelling") == ["goverment", "recieved", "Ths"]
    assert [f.suggestion for f in by_rule(result, "spelling")] == ["government", "received", "This"]


def test_names_acronyms_source_words_and_markup_are_left_alone(check):
    en = ("Mr Zelenskyy met NATO envoys in Kyiv, ran 5km along the Zoomba river, posted #goverment "
          "and www.goverment-news.com, and read the long-term plan.")
    fr = "M. Zelensky a rencontré les envoyés de l'OTAN à Kyiv le long de la Zoomba."
    assert texts(check(en, fr), "spelling") == []


def test_word_from_the_source_and_repeated_words_are_left_alone(check):
    en = "The brand vaxxo sold well. The plonkers sued, and the plonkers lost."
    fr = "La marque vaxxo s'est bien vendue. Les plaignants ont perdu."
    assert texts(check(en, fr), "spelling") == []


def test_british_spellings_loanwords_and_french_words_are_left_alone(check):
    en = "The organiser characterises the centre's programme as a tour de force; the projet failed."
    fr = "L'organisateur qualifie le programme du centre de tour de force ; le projet a échoué."
    assert texts(check(en, fr), "spelling") == []


def test_attested_compounds_are_left_alone_but_split_typos_are_not(check):
    en = "The group fundraised for the upsize, then met for breakast."
    fr = "Le groupe a collecté des fonds pour l'agrandissement, puis s'est retrouvé au petit-déjeuner."
    assert texts(check(en, fr), "spelling") == ["breakast"]


def test_elided_source_words_are_left_to_untranslated_word(check):
    en = "The area is not left à l'abandon by the Société d'art lyrique."
    fr = "Le quartier n'est pas laissé à l'abandon par la Société d'art lyrique."
    assert texts(check(en, fr), "spelling") == []


def test_a_target_language_without_spelling_settings_is_not_checked(tmp_path):
    from mtcheck.pipeline import check_pair

    (tmp_path / "a.en.txt").write_text("The government received the letter on Tuesday.", encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text("Le gouvernment a reçu la lettre mardi.", encoding="utf-8")
    result = check_pair(tmp_path / "a.fr.txt", tmp_path / "a.en.txt", src_lang="en", tgt_lang="fr", settings={"mt": False})
    assert texts(result, "spelling") == []


def test_unusual_plural_is_only_information(check):
    result = check("Israeli aircrafts entered Lebanese air space on Wednesday.", "Des avions israéliens sont entrés dans l'espace aérien libanais mercredi.")
    assert [(result.target.slice(f.target), f.severity.value, f.suggestion) for f in by_rule(result, "spelling")] == [("aircrafts", "info", "aircraft")]


def test_words_run_together_are_flagged_with_the_split(check):
    en = "Increasingneeds worry the staffand the board, and selfdestructive habits the nonwounded."
    fr = "Les besoins croissants inquiètent le personnel et le conseil, et les habitudes autodestructrices les indemnes."
    result = check(en, fr)
    assert [(result.target.slice(f.target), f.suggestion) for f in by_rule(result, "spelling")] == [
        ("Increasingneeds", "Increasing needs"),
        ("staffand", "staff and"),
        ("selfdestructive", "self-destructive"),
        ("nonwounded", "non-wounded"),
    ]


def test_derived_words_and_attested_compounds_are_not_split(check):
    en = "The archaicness of the gracefulness and the mouselike crowd of the cinemagoing boardroom was a standout."
    fr = "L'archaïsme de la grâce et la foule de souris dans la salle du conseil cinéphile était remarquable."
    assert texts(check(en, fr), "spelling") == []


def test_tripled_letter_and_plural_participle_are_flagged(check):
    en = "The regime represss the protests and the injureds were taken to hospital."
    fr = "Le régime réprime les manifestations et les blessés ont été emmenés à l'hôpital."
    result = check(en, fr)
    assert [(result.target.slice(f.target), f.severity.value, f.suggestion) for f in by_rule(result, "spelling")] == [
        ("represss", "warning", "repress"),
        ("injureds", "warning", "injured"),
    ]


def test_plural_participle_is_flagged_even_when_repeated(check):
    en = "Four injureds were counted, and the injureds were taken to hospital."
    fr = "Quatre blessés ont été comptés, et les blessés ont été emmenés à l'hôpital."
    assert texts(check(en, fr), "spelling") == ["injureds", "injureds"]
