from mtcheck.checks.literals import held


def test_every_literal_held_once_in_order_overlaps_included():
    literals = ("maître du", "du kremlin", "absent", "kremlin")
    assert held(literals, "le maître du kremlin, le maître du kremlin") == [0, 1, 3]


def test_an_empty_literal_is_held_as_by_in():
    assert held(("", "b"), "a") == [0]
    assert held(("",), "") == [0]


def test_nothing_held():
    assert held(("foo", "bar"), "baz qux") == []
    assert held((), "anything") == []
