import pytest

from tests.conftest import by_rule

SRC_FILL = " Les discussions ont duré tard dans la nuit dans la capitale."
TGT_FILL = " The talks continued late into the night in the capital."


def numbers(check, target, source):
    result = check(target + TGT_FILL, source + SRC_FILL)
    return [(result.target.slice(f.target) if f.target else None, result.source.slice(f.source) if f.source else None) for f in by_rule(result, "number-mismatch")]


def test_changed_number_reports_both_spans(check):
    assert numbers(check, "Tokyo announced new aid of 5.2 billion dollars.", "Tokyo a annoncé une nouvelle aide de 5,5 milliards de dollars.") == [("5.2", "5,5")]


def test_missing_number(check):
    assert numbers(check, "The report of NATO's activities was presented.", "Le rapport d'activités de l'OTAN en 2022 a été présenté.") == [(None, "2022")]


def test_added_number(check):
    assert numbers(check, "More than 300 people attended the meeting.", "Beaucoup de gens ont assisté à la réunion.") == [("300", None)]


@pytest.mark.parametrize(
    "target, source",
    [
        ("Some 57,000 people marched.", "Quelque 57 000 personnes ont défilé."),
        ("Growth reached 4.5% last year.", "La croissance a atteint 4,5 % l'an dernier."),
        ("The meeting lasted more than 4 hours.", "La rencontre a duré plus de quatre heures."),
        ("Nine people were injured.", "Neuf personnes ont été blessées."),
        ("Aid of €1.2 billion was announced.", "Une aide de 1,2 milliard d'euros a été annoncée."),
        ("Aid of 1,200 million euros was announced.", "Une aide de 1,2 milliard d'euros a été annoncée."),
        ("They met on Tuesday, March 21.", "Ils se sont rencontrés mardi 21 mars."),
        ("They met on 21/03 at the Kremlin.", "Ils se sont rencontrés le 21 mars au Kremlin."),
        ("The vote is on November 04.", "Le vote a lieu le 4 novembre."),
        ("The session opens at 2:30 p.m. sharp.", "La séance s'ouvre à 14 h 30 précises."),
        ("It was the fifteenth attempt in fifteen years.", "C'était la quinzième tentative en quinze ans."),
    ],
)
def test_format_changes_are_not_mismatches(check, target, source):
    assert numbers(check, target, source) == []


@pytest.mark.parametrize(
    "target, source",
    [
        ("The train leaves at 9.30pm every day.", "Le train part à 21h30 chaque jour."),
        ("The train leaves at 3pm every day.", "Le train part à 15 heures chaque jour."),
        ("The shop opens at 10am.", "Le magasin ouvre à 10h00."),
        ("It is his fourth title this season.", "C'est son 4e titre cette saison."),
    ],
)
def test_times_and_ordinals(check, target, source):
    assert numbers(check, target, source) == []


def test_hour_without_minutes(check):
    assert numbers(check, "The vote closes at 8pm tonight.", "Le scrutin ferme à 20 h ce soir.") == []


@pytest.mark.parametrize(
    "target, source",
    [
        ("In the 1980s, he embarked on a scam.", "Dans les années 80, il monte une arnaque."),
        ("Call 08 11 00 06 95 for help.", "Appelez le 08.11.00.06.95 pour de l'aide."),
    ],
)
def test_decades_and_phone_numbers(check, target, source):
    assert numbers(check, target, source) == []


def test_changed_scale_is_a_mismatch(check):
    assert numbers(check, "The fund holds 2 billion euros.", "Le fonds détient 2 millions d'euros.") == [("2", "2")]


@pytest.mark.parametrize(
    "target, source",
    [
        ("Debt reached $1.2tn last year.", "La dette a atteint 1 200 milliards de dollars l'an dernier."),
        ("It was the great painter of the 20th century.", "Ce fut le grand peintre du XXe siècle."),
        ("A 19th-century house was sold.", "Une maison du XIXe siècle a été vendue."),
    ],
)
def test_attached_scales_and_roman_centuries(check, target, source):
    assert numbers(check, target, source) == []


@pytest.mark.parametrize(
    "target, source",
    [
        ("The 550 pound hog had mauled the farmer.", "L'animal pesant 250 kg a mutilé l'éleveur."),
        ("Rosa had winds of 85 mph and was 385 miles away.", "Les vents soufflaient à 135 km/h et Rosa se trouvait à 620 km."),
        ("Rosa will bring up to 10 inches of rain.", "Il tombera jusqu'à 25 cm de pluie."),
        ("Locally, 1 to 4 inches of rain will fall.", "Localement, entre 2,5 et 10 cm de pluie tomberont."),
        ("It was 86°F in the shade.", "Il faisait 30 °C à l'ombre."),
    ],
)
def test_unit_conversions_are_not_mismatches(check, target, source):
    assert numbers(check, target, source) == []


def test_wrong_conversion_is_a_mismatch(check):
    assert numbers(check, "The hog weighed 250 pounds.", "L'animal pesait 250 kg.") != []


def test_same_unit_must_match_exactly(check):
    assert numbers(check, "The hog weighed 270 kg.", "L'animal pesait 250 kg.") == [("270", "250")]


def pair_numbers(check, target, source, src_lang, tgt_lang="en"):
    result = check(target, source, src_lang=src_lang, tgt_lang=tgt_lang)
    return [(result.target.slice(f.target) if f.target else None, result.source.slice(f.source) if f.source else None) for f in by_rule(result, "number-mismatch")]


@pytest.mark.parametrize(
    "target, source, src_lang",
    [
        ("He received a pass about 30 yards out from the goal.", "Er erhielt in ca. 27 Meter Entfernung vom Tor einen Pass.", "de"),
        ("The quake triggered waves as high as 20 feet on Friday.", "Das Beben löste am Freitag bis zu sechs Meter hohe Wellen aus.", "de"),
        ("The 6-foot-6 forward grew up in Baton Rouge.", "Der 1,98 m große Flügelspieler wuchs in Baton Rouge auf.", "de"),
        ("A 6-foot-6 junior, Sims grew up in Baton Rouge.", "Der zwei Meter große Sims wuchs in Baton Rouge auf.", "de"),
        ("It is the straw hat with a two-foot wide brim.", "Es ist der Strohhut mit 60 Zentimeter breitem Rand.", "de"),
        ("Another cyclist died about a mile away from the crash.", "Ein anderer Radfahrer starb etwa 1,6 Kilometer von dem Unfall entfernt.", "de"),
        ("Rainfall totals of over half an inch are possible.", "Saranno possibili precipitazioni di oltre 1 cm di pioggia.", "it"),
        ("It was a sunny 80 degrees outside his home.", "Es waren sonnige 27 Grad vor seinem Haus.", "de"),
        ("There is nearly a 20-degree temperature difference between the cities.", "Zwischen den Städten besteht ein Temperaturunterschied von fast 12 ºC.", "de"),
        ("The city could reach 80 degrees, about 10 degrees above average.", "Die Stadt könnte 27 ºC erreichen, etwa 6 Grad über dem Durchschnitt.", "de"),
        ("The East is expected to see widespread 80s this week.", "Im Osten werden diese Woche Temperaturen um 27 ºC erwartet.", "de"),
        ("Locally, 1 to 4 inches of rain will fall in the desert.", "Localmente, entre 2 y 10 centímetros de lluvia caerán en el desierto.", "es"),
        ("Locally, 1 to 4 inches of rain will fall in the desert.", "A livello locale, dai 2 ai 10 cm di pioggia cadranno nel deserto.", "it"),
    ],
)
def test_translators_unit_conversions(check, target, source, src_lang):
    assert pair_numbers(check, target, source, src_lang) == []


def test_two_ounces_in_grams(check):
    result = pair_numbers(check, "Ils possédaient 56 grammes de marijuana ou moins.", "They possessed two ounces or less of marijuana.", "en", "fr")
    assert result == []


@pytest.mark.parametrize(
    "target, source, src_lang, expected",
    [
        ("He received a pass about 50 yards out from the goal.", "Er erhielt in ca. 27 Meter Entfernung vom Tor einen Pass.", "de", [("50", "27")]),
        ("The 5-foot-6 forward grew up in Baton Rouge.", "Der 1,98 m große Flügelspieler wuchs in Baton Rouge auf.", "de", [("5", "1,98")]),
        ("The city could reach 95 degrees on Tuesday.", "Die Stadt könnte am Dienstag 27 Grad erreichen.", "de", [("95", "27")]),
    ],
)
def test_wrong_conversions_are_caught(check, target, source, src_lang, expected):
    assert pair_numbers(check, target, source, src_lang) == expected


@pytest.mark.parametrize(
    "target, source",
    [
        ("The volcano sits 45 miles (72 kilometers) southeast of the capital.", "Der Vulkan liegt 72 Kilometer südöstlich der Hauptstadt."),
        ("The tsunami traveled at speeds of 800 kph (497 mph) before striking.", "Der Tsunami zog mit 800 km/h über das Meer, bevor er auf die Küste traf."),
        ("Waves as high as six meters (18 feet) smashed onshore.", "Bis zu sechs Meter hohe Wellen schlugen auf den Strand."),
        ("New tariffs affect $200 billion (£150 billion) worth of items.", "Neue Strafzölle betreffen Güter im Wert von 200 Milliarden Dollar."),
    ],
)
def test_conversion_added_in_parentheses(check, target, source):
    assert pair_numbers(check, target, source, "de") == []


def test_changed_number_beside_a_conversion_is_caught(check):
    target = "The volcano sits 45 miles (73 kilometers) southeast of the capital."
    assert pair_numbers(check, target, "Der Vulkan liegt 72 Kilometer südöstlich der Hauptstadt.", "de") == [("73", None)]
    target = "The coast stretches 301 km (180 miles) north of Palu."
    assert pair_numbers(check, target, "Die Küste erstreckt sich über 300 km (180 Meilen) nördlich von Palu.", "de") == [("301", "300")]


def test_changed_currency_gloss_is_caught(check):
    result = pair_numbers(
        check, "Neue Zölle betreffen Güter im Wert von 200 Milliarden Dollar (160 Milliarden Pfund).",
        "New tariffs affect $200 billion (£150 billion) worth of items.", "en", "de",
    )
    assert result == [("160", "150")]


def test_converted_price_is_one_finding(check):
    result = pair_numbers(check, "Ein Glas Bier kostet stolze 10 Euro.", "A glass of beer knocks you back £9 ($14) each.", "en", "de")
    assert result == [("10", "9")]


@pytest.mark.parametrize(
    "target, source, src_lang",
    [
        ("North Korea seeks a formal end to the 1950-53 Korean War.", "Nordkorea strebt ein offizielles Ende des von 1950 bis 1953 geführten Koreakriegs an.", "de"),
        ("Condoms do not offer 100% protection.", "Kondome bieten keinen hundertprozentigen Schutz.", "de"),
        ("The victim, in his 40s, was shot in the chest.", "Das Opfer, ein Mann in den Vierzigern, wurde in die Brust geschossen.", "de"),
        ("It was her 36th meeting with constituents.", "Fue su trigésimo sexta reunión con los electores.", "es"),
        ("The projects total 17 billion dollars of investments.", "Los proyectos suman 17 mil millones de dólares en inversiones.", "es"),
        ("They studied at Yale in the 1980s.", "Hanno studiato a Yale negli anni Ottanta.", "it"),
        ("They unveiled their SS19 collection in Paris.", "Sie zeigten ihre Sommerkollektion 2019 in Paris.", "de"),
        ("Bernard Vann: WW1 Victoria Cross cleric celebrated", "Bernard Vann, Träger des Viktoriakreuzes im 1. Weltkrieg, wurde geehrt", "de"),
        ("The congregation moved out in the 1930s.", "La congregación se fue en los años 30 del siglo XX.", "es"),
        ("Bouchard equalised with a power play goal on 27:37.", "Bouchard glich mit einem Power-Play-Treffer in der 28. Minute aus.", "de"),
        ("She is 100 percent certain that he groped her.", "Tiene la absoluta certeza de que la toqueteó.", "es"),
    ],
)
def test_years_words_codes_and_idioms(check, target, source, src_lang):
    assert pair_numbers(check, target, source, src_lang) == []


@pytest.mark.parametrize(
    "target, source, src_lang, expected",
    [
        ("North Korea seeks a formal end to the 1950-54 Korean War.", "Nordkorea strebt ein offizielles Ende des von 1950 bis 1953 geführten Koreakriegs an.", "de", [("54", "1953")]),
        ("It was her 37th meeting with constituents.", "Fue su trigésimo sexta reunión con los electores.", "es", [("37", None)]),
        ("The projects total 17 million dollars of investments.", "Los proyectos suman 17 mil millones de dólares en inversiones.", "es", [("17", "17")]),
        ("The congregation moved out in the 1930s.", "La congregación se fue en los años 30 del siglo XIX.", "es", [(None, "XIX")]),
        ("She is 90 percent certain that he groped her.", "Tiene un 100 % de certeza de que la toqueteó.", "es", [("90", "100")]),
    ],
)
def test_real_differences_beside_those_forms_are_caught(check, target, source, src_lang, expected):
    assert pair_numbers(check, target, source, src_lang) == expected


def test_date_for_a_weekday(check):
    source = "Grant Reeher told The Hill for an article published Saturday."
    assert pair_numbers(check, "Grant Reeher l'a dit dans un article publié le 29 septembre dans The Hill.", source, "en", "fr") == []
    source = "On Friday the March 23 Movement (M23) clashed with the army."
    assert pair_numbers(check, "Vendredi, le Mouvement du 24 mars (M23) a affronté l'armée.", source, "en", "fr") == [("24", None)]
    source = "Grant Reeher told The Hill for an article published last week."
    assert pair_numbers(check, "Grant Reeher l'a dit dans un article publié le 29 septembre dans The Hill.", source, "en", "fr") == [("29", None)]


def test_round_count_in_words(check):
    assert pair_numbers(check, "Plus d'un millier de personnes ont été tuées.", "More than 1,000 people were killed.", "en", "fr") == []


def test_thousands_comma_is_not_a_decimal(check):
    result = pair_numbers(
        check, "Les commerces sont interdits dans un rayon de 30 km autour d'une école.",
        "Cannabis businesses are prohibited within 1,000 feet of a school.", "en", "fr",
    )
    assert result == [("30", "1,000")]


def _sentences(path, lang):
    from mtcheck.readers.text import parse
    from mtcheck.segment import segment_paragraph

    doc = parse(str(path), path.read_text(encoding="utf-8") + "\n\nAbout a mile away, zweistündigen Pause, une heure, fifty-eight, five.", lang)
    for paragraph in doc.paragraphs:
        segment_paragraph(paragraph, lang)
    return doc.sentences()


@pytest.mark.parametrize("name", ["putin-xi-summit.fr", "putin-xi-summit.en", "planted-rail-strike.de", "planted-heatwave.fr", "planted-flood-report.en"])
def test_number_words_found_without_walking_every_word(name, monkeypatch):
    """The walk visits only the words it may read as a number: the same numbers as visiting all."""
    from mtcheck.checks import numbers as module
    from tests.conftest import SAMPLES

    lang = name.rsplit(".", 1)[1]
    sentences = _sentences(SAMPLES / f"{name}.txt", lang)
    found = [module.extract(s, lang) for s in sentences]
    assert any(not n.digits for numbers in found for n in numbers)  # number words were read
    monkeypatch.setattr(module, "_number_word_places", lambda text, lang: list(range(len(module._WORD.findall(text)))))
    assert [module.extract(s, lang) for s in sentences] == found


def test_number_word_places():
    from mtcheck.checks.numbers import _number_word_places

    assert _number_word_places("They walked about a mile with two friends.", "en") == [3, 6]
    assert _number_word_places("Nach einer zweistündigen Pause.", "de") == [2]
    assert _number_word_places("The talks continued late into the night.", "en") == []
    assert _number_word_places("They had a plan and a mile to go.", "en") == [5]  # an article counts before a unit only


def test_digits_python_cannot_read_are_no_number(check):
    """``regex`` knows digits of scripts newer than Python's Unicode tables (found by bench/fuzz.py)."""
    result = check("The plan costs 40 euros.", "Le plan coûte \U00011bf0 euros et 40 euros.")
    assert [f for f in result.findings if f.rule == "number-mismatch" and f.target is not None] == []


def test_a_roman_century_is_read_without_any_digit_in_the_segment(check):
    # segments with no figure are skipped unread: a Roman numeral of a century counts as one
    assert numbers(check, "It was painted in the eighteenth century.", "Il a été peint au XIXe siècle.") == [(None, "XIXe")]


def test_numbers_in_words_alone_are_left_to_themselves(check):
    assert numbers(check, "Four ministers resigned on the same day.", "Trois ministres ont démissionné le même jour.") == []


@pytest.mark.parametrize(
    "source, target, paired",
    [
        ("Il a 37 ans et gagne 4 500 euros.", "He is 37 and earns 4,500 euros.", True),
        ("Le prix est de 5,5 %.", "The price is 5.5%.", True),
        ("Il a 37 ans.", "He is 38.", False),  # changed
        ("Il a 37 ans.", "He is 37, born in 1987.", False),  # added
        ("Ils étaient 37 en 2014.", "There were 37.", False),  # dropped
        ("Il pèse 250 kg.", "He weighs 250 pounds.", False),  # the same figure in another unit
        ("Il pèse 250 kg.", "He weighs 550 pounds.", False),  # a conversion: left to unmatched
    ],
)
def test_figures_paired_as_written(source, target, paired):
    from mtcheck.checks.numbers import _figures, _paired_as_written

    src = [n for s in _sentences_of(source, "fr") for n in _figures(s, "fr").numbers()]
    tgt = [n for s in _sentences_of(target, "en") for n in _figures(s, "en").numbers()]
    assert _paired_as_written(src, tgt) is paired


def _sentences_of(text, lang):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"a.{lang}.txt")
        path.write_text(text, encoding="utf-8")
        return _sentences(path, lang)


@pytest.mark.parametrize("name, src_lang", [("putin-xi-summit", "fr"), ("planted-heatwave", "fr"), ("planted-flood-report", "fr"), ("planted-rail-strike", "de")])
def test_segments_paired_as_written_skip_nothing_unmatched_would_report(name, src_lang, monkeypatch):
    """Skipping the number words of segments whose figures pair as written finds what reading them finds."""
    from mtcheck.checks import numbers as module
    from mtcheck.pipeline import check_pair
    from tests.conftest import SAMPLES

    def findings():
        result = check_pair(SAMPLES / f"{name}.en.txt", SAMPLES / f"{name}.{src_lang}.txt", src_lang=src_lang, tgt_lang="en", settings={"mt": False, "select": ["number-mismatch"]})
        return [(f.message, f.target, f.source) for f in result.findings]

    paired, real = [], module._paired_as_written
    monkeypatch.setattr(module, "_paired_as_written", lambda src, tgt: paired.append(real(src, tgt)) or paired[-1])
    fast = findings()
    assert True in paired  # segments were skipped
    monkeypatch.setattr(module, "_paired_as_written", lambda src, tgt: False)
    assert findings() == fast
