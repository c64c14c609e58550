from mtcheck.checks.literals import CHUNK, held


def test_every_literal_held_once_in_order_overlaps_included():
    literals = ("maître du", "du kremlin", "absent", "kremlin")
    assert held(literals, "le maître du kremlin, le maître du kremlin") == [0, 1, 3]


def test_an_empty_literal_is_held_as_by_in():
    assert held(("", "b"), "a") == [0]
    assert held(("",), "") == [0]


def test_nothing_held():
    assert held(("foo", "bar"), "baz qux") == []
    assert held((), "anything") == []


def test_each_held_gives_each_item_of_every_chunk_its_text_and_literals():
    from mtcheck.checks.literals import each_held

    items = [f"item {k}" for k in range(CHUNK + 3)]
    items[CHUNK + 1] = "the kremlin"
    got = list(each_held(items, str.upper, ("ITEM 1", "KREMLIN", "ABSENT")))
    assert [item for item, _, _ in got] == items
    assert [text for _, text, _ in got][CHUNK:] == ["ITEM 32", "THE KREMLIN", "ITEM 34"]
    assert [found for _, _, found in got][CHUNK:] == [set(), {"KREMLIN"}, set()]
    assert {item for item, _, found in got if found} == {"item 1", *(f"item {k}" for k in range(10, 20)), "the kremlin"}


def test_any_of_says_whether_a_text_holds_any_literal():
    from mtcheck.checks.literals import any_of

    test = any_of(("maître du", "kremlin"))
    assert test("le maître du Kremlin") and test("au kremlin")
    assert not test("le Maître du Kremlin") and not test("")
    assert any_of(("", "b"))("a")  # the empty literal, as by ``in``
    assert not any_of(())("anything")


def test_each_held_gives_each_item_the_literals_in_holds_as_in_does():
    import random

    from mtcheck.checks.literals import each_held

    rnd = random.Random(3)
    pieces = ["ab", "b", "ba", "\n", " ", "a b", "c", "é"]
    literals = ("ab", "b a", "a\nb", "", "ba", "c é", "b\n", "abab")
    for _ in range(300):
        items = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(0, 2 * CHUNK + 5))]
        got = list(each_held(items, str, literals))
        assert [item for item, _, _ in got] == items == [text for _, text, _ in got]
        assert [found for _, _, found in got] == [frozenset(lit for lit in literals if lit in item) for item in items], items
    assert list(each_held(["abc"], str.upper, ())) == [("abc", "ABC", frozenset())]


def test_held_each_gives_each_text_the_literals_it_holds():
    from mtcheck.checks.literals import held_each

    literals = ("ab", "b", "b\nc", "", "abc")
    assert held_each(literals, ["xab", "", "c", "bb\nc"]) == [{0, 1, 3}, {3}, {3}, {1, 2, 3}]  # "b\nc" across two texts is neither's
    assert held_each(literals, ["abc"]) == [{0, 1, 3, 4}]
    assert held_each(("b\n",), ["ab", "c"]) == [set(), set()]  # the joining newline is no text's
    assert held_each((), ["abc", "d"]) == [set(), set()]
    for texts in (["one", "two", "ab", "xabcx"], ["b" * 5, "", "a"]):
        assert held_each(literals, texts) == [{k for k, literal in enumerate(literals) if literal in text} for text in texts]


def test_each_held_shares_one_set_between_items_holding_the_same_literals():
    from mtcheck.checks.literals import each_held

    got = [found for _, _, found in each_held(["the cat", "a cat", "the dog"] * 40, str, ("cat", "dog"))]
    assert len({id(found) for found in got}) == 2 and got[0] == {"cat"} and got[2] == {"dog"}
