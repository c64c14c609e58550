"""The hand-annotated real MT errors that ``bench/meaning.py`` reads (``bench/meaning_errors.tsv``)."""

from __future__ import annotations

import csv
import functools

import pytest

from tests.conftest import ROOT, SHARED

FIXTURE = ROOT / "bench" / "meaning_errors.tsv"
DATA = SHARED / "data" / "newstest2014-fren"
COLUMNS = ["system", "line", "kind", "start", "end", "span", "note"]
KINDS = {"untranslated", "name", "polarity", "conditional", "spelling", "punctuation", "double"}
SYSTEMS = {
    "Stanford-University.3496", "kit.3112", "onlineA.0", "onlineB.0", "onlineC.0", "rbmt1.0", "rbmt4.0",
    "uedin-wmt14.3024",
}


def rows() -> list[dict[str, str]]:
    with FIXTURE.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@functools.cache
def system_lines(system: str) -> list[str]:
    return (DATA / "sys" / f"newstest2014.{system}.en").read_text(encoding="utf-8").split("\n")


def test_fixture_rows_are_well_formed():
    table = rows()
    assert len(table) >= 60
    for r in table:
        assert None not in r.values() and None not in r, r  # exactly seven columns
        assert r["system"] in SYSTEMS and r["kind"] in KINDS, r
        start, end, line = int(r["start"]), int(r["end"]), int(r["line"])
        assert 0 <= start < end and 1 <= line <= 3003, r
        assert end - start == len(r["span"]) and r["note"].strip(), r
    keys = [(r["system"], r["line"], r["start"], r["end"]) for r in table]
    assert len(keys) == len(set(keys))


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/newstest2014-fren is absent")
def test_spans_are_slices_of_french_original_system_lines():
    with (DATA / "newstest2014.meta.tsv").open(encoding="utf-8", newline="") as f:
        french = {int(r["line"]) for r in csv.DictReader(f, delimiter="\t") if r["origlang"] == "fr"}
    for r in rows():
        line = int(r["line"])
        assert line in french, r
        text = system_lines(r["system"])[line - 1]
        assert int(r["end"]) <= len(text), r
        assert text[int(r["start"]) : int(r["end"])] == r["span"], r
