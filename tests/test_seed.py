"""End to end on the article the product began from."""

import pytest

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


@pytest.mark.parametrize("name", ["clean-budget-vote.en.txt", "clean-rail-strike.en.txt", "clean-heatwave.fr.txt"])
def test_clean_sample_has_no_error_or_warning(name):
    langs = {"src_lang": "en", "tgt_lang": "fr"} if ".fr." in name else {}  # a .fr target: say so (fr→en is the default)
    result = check_pair(SAMPLES / name, settings={"mt": False}, **langs)
    serious = [(f.rule, result.target.slice(f.target) if f.target else f.message) for f in result.findings if f.severity is not Severity.INFO]
    assert serious == []


@pytest.mark.parametrize(
    ("name", "target", "planted"),
    [("planted-flood-report", "en", 15), ("planted-rail-strike", "en", 8), ("planted-heatwave", "fr", 10)],
)
def test_planted_sample_finds_every_planted_artifact(name, target, planted):
    """Each planted artifact is found by a rule of its family, on its span or in its segment."""
    import csv

    from mtcheck.checks import all_rules

    family = {rule_id: cls.__module__.rsplit(".", 1)[-1] for rule_id, cls in all_rules().items()}
    langs = {"src_lang": "en", "tgt_lang": target} if target != "en" else {}
    result = check_pair(SAMPLES / f"{name}.{target}.txt", settings={"mt": False}, **langs)
    segments = {seg.id: seg for seg in result.segments}

    def covers(f, text):
        if f.target and (text in result.target.slice(f.target) or result.target.slice(f.target).strip() in text):
            return True
        if f.source and text == result.source.slice(f.source):
            return True
        seg = segments.get(f.segment)
        return f.target is None and seg is not None and text in seg.target_text

    with open(SAMPLES / f"{name}.expected.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    missed = [
        (r["family"], r["target_text"])
        for r in rows
        if not any(family[f.rule] == r["family"] and covers(f, r["target_text"]) for f in result.findings)
    ]
    assert len(rows) >= planted and missed == []


# The seed's problems, one finding each: (rule, flagged target text, rules merged into it).
SEED_FINDINGS = [
    ("foreign-quotes", " »", []),
    ("calque", "against Westerners", []),
    ("calque", "at new", []),
    ("glossary", "head of the American diplomacy", ["calque"]),
    ("name-casing", "kyiv", []),
    ("calque", "the master of the Kremlin", []),
    ("calque", "the Ukrainian file", []),
    ("glossary", "Siberian Force", []),
    ("calque", "Coincidence of the calendar", []),
    ("calque", "in full tension", []),
    ("duplicate-word", "said said", ["calque"]),
    ("leftover", "Consult our file: War in Ukraine", []),
]


def test_seed_every_problem_is_one_finding():
    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    got = [(f.rule, result.target.slice(f.target) if f.target else None, f.related) for f in result.findings]
    assert got == SEED_FINDINGS
    spans = [f.target for f in result.findings if f.target]
    for a in spans:
        for b in spans:
            assert a is b or not (a.start < b.end and b.start < a.end), (a, b)


def test_source_only_findings_point_at_the_rendering_too():
    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    glossary = {result.source.slice(f.source): result.target.slice(f.target) for f in result.findings if f.rule == "glossary"}
    assert glossary == {"chef de la diplomatie": "head of the American diplomacy", "Force de Sibérie": "Siberian Force"}
