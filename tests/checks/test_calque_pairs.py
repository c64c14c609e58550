"""The de/es/it → en calque tables: each entry is tested from its own examples."""

import pytest

from mtcheck.resources import pair_table
from tests.conftest import by_rule

NEUTRAL = {
    "de": "Die Gespräche zwischen beiden Delegationen dauerten bis spät in die Nacht.",
    "es": "Las conversaciones entre las dos delegaciones duraron hasta tarde.",
    "it": "I colloqui tra le due delegazioni sono durati fino a tarda notte.",
}
FILL = " Both delegations said talks had gone on late into the night."
ROWS = [(lang, row) for lang in NEUTRAL for row in pair_table(lang, "en", "calques")]


@pytest.mark.parametrize("lang", list(NEUTRAL))
def test_each_table_has_thirty_entries_with_examples(lang):
    rows = pair_table(lang, "en", "calques")
    assert len(rows) >= 30 and len({r["id"] for r in rows}) == len(rows)
    assert all(r["suggestion"] and r["example_source"] and r["example_target"] for r in rows)


@pytest.mark.parametrize(("lang", "row"), ROWS, ids=[f"{lang}:{row['id']}" for lang, row in ROWS])
def test_flags_its_example(check, lang, row):
    result = check(row["example_target"] + FILL, row["example_source"] + " " + NEUTRAL[lang], src_lang=lang)
    found = by_rule(result, row["kind"])
    assert any(f.suggestion == row["suggestion"] for f in found), row["id"]


@pytest.mark.parametrize(("lang", "row"), ROWS, ids=[f"{lang}:{row['id']}" for lang, row in ROWS])
def test_leaves_it_alone_without_the_source_word(check, lang, row):
    result = check(row["example_target"] + FILL, NEUTRAL[lang] + " " + NEUTRAL[lang], src_lang=lang)
    assert [f for f in by_rule(result, row["kind"]) if f.suggestion == row["suggestion"]] == []
