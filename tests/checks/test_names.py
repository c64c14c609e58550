from tests.conftest import by_rule, texts

SRC_FILL = " Les discussions ont duré tard dans la nuit dans la capitale."
TGT_FILL = " The talks continued late into the night in the capital."


def missing(check, target, source):
    result = check(target + TGT_FILL, source + SRC_FILL)
    return [result.source.slice(f.source) for f in by_rule(result, "missing-name")]


def test_missing_person_name(check):
    # At a sentence start the first word is ambiguous ("Le Monde"), the words after it are not.
    assert missing(check, "The NATO chief urged Beijing not to supply arms.", "Jens Stoltenberg a exhorté Pékin à ne pas fournir d'armes.") == ["Stoltenberg"]
    assert missing(check, "The newspaper reported it on Monday.", "Le Monde l'a annoncé lundi.") == []
    assert missing(check, "The NATO chief said on Tuesday that he urged China.", "Le secrétaire général Jens Stoltenberg a exhorté mardi la Chine.") == ["Jens Stoltenberg"]


def test_missing_exonym(check):
    assert missing(check, "He urged China not to supply arms to Russia.", "Il a exhorté Pékin à ne pas fournir d'armes à la Russie.") == ["Pékin"]


def test_transliterations_surnames_and_exonyms_match(check):
    assert missing(
        check,
        "He met Prime Minister Mikhail Mishustin in Moscow, then Stoltenberg in Brussels.",
        "Il a rencontré le premier ministre Mikhaïl Michoustine à Moscou, puis Jens Stoltenberg à Bruxelles.",
    ) == []


def test_french_exonym_left_in_english(check):
    result = check("The president flew from Pékin to Moscou on Monday." + TGT_FILL)
    assert texts(result, "source-exonym") == ["Pékin", "Moscou"]
    assert [f.suggestion for f in by_rule(result, "source-exonym")] == ["Beijing", "Moscow"]


def test_english_names_that_look_french_are_left_alone(check):
    result = check("Maurice and Dominique flew from Paris to Nice on Monday." + TGT_FILL)
    assert texts(result, "source-exonym") == []
