import pytest

from tests.conftest import texts

EN = "The talks between the two delegations continued late into the night in the capital."


@pytest.mark.parametrize(
    "line, flagged",
    [
        ("Consult our file: War in Ukraine", "Consult our file"),
        ("Lire aussi : Le sommet de Moscou", "Lire aussi"),
        ("À lire aussi : Le sommet de Moscou", "À lire aussi"),
        ("Read also: The Moscow summit", "Read also"),
        ("[Photo]", "[Photo]"),
        ("TODO check the figures with the desk", "TODO"),
    ],
)
def test_flags_boilerplate(check, line, flagged):
    result = check(f"{EN}\n\n{line}")
    assert any(flagged.lower() in t.lower() for t in texts(result, "leftover")), texts(result, "leftover")


def test_ordinary_sentences_are_left_alone(check):
    result = check(EN + " Readers were asked to see also the earlier report, and to read also the annex.")
    assert texts(result, "leftover") == []
