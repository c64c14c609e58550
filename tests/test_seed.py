"""End to end on the article the product began from."""

from mtcheck.model import Severity
from mtcheck.pipeline import check_pair
from tests.conftest import SAMPLES


def flagged(result, rule):
    return [(f.target.start, result.target.slice(f.target)) for f in result.findings if f.rule == rule and f.target]


def test_seed_leftovers_found_with_exact_spans():
    text = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8")
    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    assert result.source is not None
    assert flagged(result, "duplicate-word") == [(text.index("said said"), "said said")]
    assert flagged(result, "name-casing") == [(text.index("kyiv"), "kyiv")]
    assert flagged(result, "foreign-quotes") == [(text.index(" »"), " »")]
    leftovers = flagged(result, "leftover")
    assert leftovers and leftovers[0][0] == text.index("Consult our file")
    calques = [t for _, t in flagged(result, "calque")]
    assert "the master of the Kremlin" in calques


def test_clean_sample_has_no_error_or_warning():
    result = check_pair(SAMPLES / "clean-budget-vote.en.txt", settings={"mt": False})
    serious = [(f.rule, result.target.slice(f.target) if f.target else f.message) for f in result.findings if f.severity is not Severity.INFO]
    assert serious == []


def test_planted_sample_finds_every_planted_artifact():
    import csv

    result = check_pair(SAMPLES / "planted-flood-report.en.txt", settings={"mt": False})
    found_target = {result.target.slice(f.target) for f in result.findings if f.target}
    found_source = {result.source.slice(f.source) for f in result.findings if f.source}
    with open(SAMPLES / "planted-flood-report.expected.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")]
    missed = [r for r in rows if not any(r["target_text"] in t or t in r["target_text"] for t in found_target | found_source if t.strip())]
    assert missed == []
