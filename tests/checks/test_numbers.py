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
