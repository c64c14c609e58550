from tests.conftest import texts

SRC = (
    "Un cessez-le-feu a été annoncé lundi par les deux camps.\n\n"
    "Le chef de la diplomatie a salué ce cessez-le-feu devant la presse.\n\n"
    "Selon l'ONU, le cessez-le-feu tient depuis mardi."
)


def test_two_spellings_of_one_term(check):
    target = (
        "A ceasefire was announced on Monday by both sides.\n\n"
        "The foreign minister welcomed the ceasefire before the press.\n\n"
        "According to the UN, the cease-fire has held since Tuesday."
    )
    assert texts(check(target, SRC), "inconsistent-term") == ["cease-fire"]


def test_one_spelling_and_varied_wording_are_left_alone(check):
    target = (
        "A ceasefire was announced on Monday by both sides.\n\n"
        "The top diplomat welcomed the ceasefires before the press.\n\n"
        "According to the United Nations, the ceasefire has held since Tuesday."
    )
    assert texts(check(target, SRC), "inconsistent-term") == []
