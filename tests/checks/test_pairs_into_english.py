"""de/es/it → en: casing, names and numbers that understand the source language."""

from tests.conftest import by_rule, texts


def test_german_noun_capitals_are_no_name_evidence(check):
    result = check("The system in Berlin was changed, merkel said.", "Das System in Berlin wurde geändert, sagte Merkel.", src_lang="de")
    assert texts(result, "name-casing") == ["merkel"]


def test_spanish_institution_translated_is_not_a_missing_person(check):
    result = check(
        "The Labour Party voted against the plan on Tuesday in London.",
        "El Partido Laborista votó contra el plan el martes en Londres.",
        src_lang="es",
    )
    assert [f.severity.value for f in by_rule(result, "missing-name")] in ([], ["info"])


def test_spanish_missing_person_still_flagged(check):
    result = check("The minister voted against the plan on Tuesday.", "El ministro Pedro Sánchez votó contra el plan el martes.", src_lang="es")
    assert [f.severity.value for f in by_rule(result, "missing-name")] == ["warning"]


def test_source_number_words_and_ordinals_match_digits(check):
    result = check(
        "The company reported a 10-year low in the 3rd quarter, with 2.8 billion euros in sales.",
        "La empresa registró el nivel más bajo en diez años en el tercer trimestre, con 2.800 millones de euros en ventas.",
        src_lang="es",
    )
    assert by_rule(result, "number-mismatch") == []


def test_pair_leftover_line(check):
    result = check("The talks ended late.\n\nLesen Sie auch: Die Gespräche", "Die Gespräche endeten spät.", src_lang="de")
    assert texts(result, "leftover") == ["Lesen Sie auch: Die Gespräche"]  # the whole line goes


ES = [
    "El Gobierno aprobó el martes un plan de 2.500 millones de euros para la sanidad.",
    "La ministra Carolina Darias dijo que el plan llegará a 17 regiones.",
    "Los sindicatos pidieron 300 médicos más antes de 2024.",
    "La oposición criticó el plan en el Congreso el miércoles.",
    "El debate continuará en Madrid el 12 de mayo.",
]
EN = [
    "The government approved a 2.5 billion euro health plan on Tuesday.",
    "Minister Carolina Darias said the plan would reach 17 regions.",
    "The unions asked for 300 more doctors before 2024.",
    "The opposition criticised the plan in Congress on Wednesday.",
    "The debate will continue in Madrid on May 12.",
]
OTHER = [
    "Heavy rain flooded the coast overnight near the old harbour.",
    "Fishermen stayed home as waves reached the sea wall.",
    "Schools in the valley were closed until the weekend.",
    "Forecasters expect the storm to move north by Friday.",
    "Volunteers handed out sandbags to shopkeepers.",
]


def test_spanish_translation_aligns_and_unrelated_article_is_refused(check):
    import pytest

    from mtcheck.readers import InputError

    check("\n\n".join(EN), "\n\n".join(ES), src_lang="es")
    with pytest.raises(InputError, match="does not look like a translation"):
        check("\n\n".join(OTHER), "\n\n".join(ES), src_lang="es")


def test_spanish_place_run_at_a_sentence_start_is_an_exonym(check):
    result = check(
        "Britain will always be open to people who want to live here.",
        "Gran Bretaña siempre estará abierta a aquellos que quieran vivir aquí.",
        src_lang="es",
    )
    assert by_rule(result, "missing-name") == []


def test_italian_place_run_before_a_weekday_is_no_person(check):
    result = check(
        "U.S. President Donald Trump last Wednesday referred to the supplement.",
        "Stati Uniti Mercoledì scorso il Presidente Donald Trump ha fatto riferimento al supplemento.",
        src_lang="it",
    )
    assert [f for f in by_rule(result, "missing-name") if f.severity.value != "info"] == []


def test_translated_party_name_is_no_missing_person(check):
    result = check(
        "Labour denies it is devising a plan. It said the U.K. government would not change course.",
        "El Partido Laborista niega que esté ideando un plan. Dijo que el gobierno del Reino Unido no cambiaría de rumbo.",
        src_lang="es",
    )
    assert by_rule(result, "missing-name") == []


def test_spanish_title_is_no_name(check):
    result = check("Mrs May said the plan would work.", "La Sra. May dijo que el plan funcionaría.", src_lang="es")
    assert by_rule(result, "missing-name") == []


def test_name_in_a_target_sentence_split_otherwise_is_a_suggestion(check):
    result = check(
        "\"I yelled at everyone to get out of the water: 'There's a shark in the water!'\" Hammel added.",
        "“Grité a todos que saliesen del agua porque había un tiburón”, añadió Hammel.",
        src_lang="es",
    )
    assert [f.severity.value for f in by_rule(result, "missing-name")] in ([], ["info"])


def test_spanish_name_with_a_demonym_is_no_person(check):
    result = check(
        "The coach of the national team spoke on Monday in Madrid.",
        "El entrenador de la Selección Española habló el lunes en Madrid.",
        src_lang="es",
    )
    assert [f.severity.value for f in by_rule(result, "missing-name")] in ([], ["info"])
