"""Word forms the rules share through the check context."""

from mtcheck.checks.words import plain, plain_letters


def test_plain_text_drops_accents_and_case():
    assert plain("L'Élysée a reçu Michoustine") == "l'elysee a recu michoustine"


def test_plain_letters_are_the_runs_of_letters_of_the_plain_text():
    assert plain_letters("L'Élysée, Jean-Claude et 3 autres") == frozenset({"l", "elysee", "jean", "claude", "et", "autres"})
