import json

import jsonschema
import pytest

from mtcheck.pipeline import check_pair
from mtcheck.report.json import build_report
from tests.conftest import ROOT, SAMPLES

SCHEMA = json.loads((ROOT / "schema" / "mtcheck.report.1.json").read_text(encoding="utf-8"))
TARGETS = sorted(p for p in SAMPLES.glob("*.en.*") if p.suffix in {".txt", ".md"})


@pytest.fixture(scope="module")
def reports():
    return {p.name: build_report([check_pair(p, settings={"mt": False})]) for p in TARGETS}


def test_samples_exist():
    assert len(TARGETS) >= 3


def test_reports_validate_against_schema(reports):
    for report in reports.values():
        jsonschema.validate(report, SCHEMA)


def test_offsets_round_trip_on_every_sample(reports):
    for name, report in reports.items():
        doc = report["documents"][0]
        target = (SAMPLES / name).read_text(encoding="utf-8-sig")
        source = (SAMPLES / doc["source_path"].split("/")[-1]).read_text(encoding="utf-8-sig") if doc["source_path"] else None
        for f in doc["findings"]:
            if f["target"]:
                assert target[f["target"]["start"] : f["target"]["end"]] == f["target"]["text"]
            if f["source"]:
                assert source[f["source"]["start"] : f["source"]["end"]] == f["source"]["text"]
        for seg in doc["segments"]:
            assert seg["target"] or seg["source"]


def test_ids_are_stable_across_runs():
    path = SAMPLES / "putin-xi-summit.en.txt"
    first = build_report([check_pair(path, settings={"mt": False})])
    second = build_report([check_pair(path, settings={"mt": False})])
    assert first == second
    ids = [f["id"] for f in first["documents"][0]["findings"]]
    assert len(ids) == len(set(ids))


def test_cms_article_ids_and_fields_are_reported():
    from mtcheck.pipeline import check_file
    from mtcheck.report.text import render as render_text

    results = check_file(SAMPLES / "formats" / "articles.en.jsonl", settings={"mt": False})
    report = build_report(results)
    jsonschema.validate(report, SCHEMA)
    docs = report["documents"]
    assert [d["id"] for d in docs] == ["en-1042", "en-1043", "en-1044"]
    assert {f["field"] for d in docs for f in d["findings"]} <= {"title", "standfirst", "body"}
    assert all("field" in f for d in docs for f in d["findings"] if f["target"])
    text = render_text(results)
    assert "articles.en.jsonl#en-1042  ←  " in text and "articles.fr.jsonl#fr-881" in text
    assert "articles.en.jsonl#en-1044  ←  its embedded source" in text
    assert "articles.en.jsonl  ←  " not in text
    assert "\n  body 1:" in text  # the CMS field of each finding
    # a plain text report has neither
    seed = build_report([check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})])["documents"][0]
    assert "id" not in seed and not any("field" in f for f in seed["findings"])


def test_non_finite_scores_are_null_not_invalid_json():
    from mtcheck.report.json import render

    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    aligned = next(s for s in result.segments if s.source and s.target)
    aligned.scores.update({"chrf_back": float("nan"), "mt_forward": float("-inf"), "kept": 0.5})
    text = render([result])
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the JSON report"))
    scores = next(s["scores"] for d in json.loads(text)["documents"] for s in d["segments"] if s["id"] == aligned.id)
    assert {k: scores[k] for k in ("chrf_back", "mt_forward", "kept")} == {"chrf_back": None, "mt_forward": None, "kept": 0.5}
