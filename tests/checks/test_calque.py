"""Every entry of the calque table is tested from its own examples."""

import pytest

from mtcheck.checks.calque import entries
from mtcheck.resources import pair_table
from tests.conftest import by_rule

ROWS = pair_table("fr", "en", "calques")
RULE = {"calque": "calque", "false-friend": "false-friend"}
NEUTRAL_SOURCE = "Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale russe."
FILL = " Both delegations said talks had gone on late into the night in the capital."


def test_table_is_large_and_complete():
    assert len(ROWS) >= 60
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["kind"] in RULE and row["suggestion"] and row["example_source"] and row["example_target"], row["id"]
    assert len(entries("fr", "en")) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_flags_its_example(check, row):
    # the rule alone: in a full run a glossary finding on the same span speaks for it (see test_seed)
    result = check(row["example_target"] + FILL, row["example_source"] + " " + NEUTRAL_SOURCE, select=[RULE[row["kind"]]])
    found = by_rule(result, RULE[row["kind"]])
    assert found, f"{row['id']} not flagged in {row['example_target']!r}"
    assert any(f.suggestion == row["suggestion"] for f in found)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_leaves_it_alone_when_the_source_does_not_support_it(check, row):
    source = "Le ministre a parlé longuement devant les journalistes réunis au siège du gouvernement. " + NEUTRAL_SOURCE
    result = check(row["example_target"] + FILL, source)
    assert [f for f in by_rule(result, RULE[row["kind"]]) if f.suggestion == row["suggestion"]] == []


def test_monolingual_calque_is_only_a_suggestion(check):
    result = check("The sanctions were announced by the master of the Kremlin on Monday." + FILL)
    assert [f.severity.value for f in by_rule(result, "calque")] == ["info"]
    assert by_rule(result, "false-friend") == []


def test_calques_found_in_every_chunk_of_segments(check):
    """Literals are looked for once per chunk of segments: each segment still gets its own findings."""
    rows = [r for r in ROWS if r["kind"] == "calque"][:3]
    src, tgt = [NEUTRAL_SOURCE] * 70, [FILL.strip()] * 70
    for k, row in zip((5, 33, 64), rows):
        src[k], tgt[k] = row["example_source"], row["example_target"]
    result = check("\n\n".join(tgt), "\n\n".join(src), select=["calque"])
    lines = sorted({result.target.text.count("\n\n", 0, f.target.start) for f in by_rule(result, "calque")})
    assert lines == [5, 33, 64]


def test_table_entries_are_compared_by_identity():
    from mtcheck.checks.calque import Entry

    a, b = (Entry("x", "calque", "maître", "master", "leader", "") for _ in range(2))
    assert a != b and a == a and len({a, b}) == 2
    assert a.source_literals == a.target_literals == ()
    assert repr(a).startswith("Entry(id='x', kind='calque', source_pattern='maître'")
