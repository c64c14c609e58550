"""Baselines: `--write-baseline` records today's findings; `--baseline` reports only new ones."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from tests.test_config import EN, FR, write_pair


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_pair(tmp_path / "world")


def test_write_then_only_new_findings(story, tmp_path):
    baseline = tmp_path / "mtcheck-baseline.json"
    written = invoke("check", story, "--no-mt", "--write-baseline", baseline)
    assert written.exit_code == 0 and "recorded 2 findings" in written.stderr
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["schema"] == "mtcheck.baseline/1"
    assert {e["rule"] for e in data["documents"]["world/story.en.txt"]} == {"name-casing", "duplicate-word"}

    same = invoke("check", story, "--no-mt", "--baseline", baseline, "-f", "json")
    assert same.exit_code == 0 and json.loads(same.stdout)["documents"][0]["findings"] == []
    assert "2 findings recorded in" in same.stderr

    # an edit elsewhere keeps the old findings baselined; a new problem is reported
    story.write_text(EN.replace("surprise visit.", "surprise visit. It was his first first trip.", 1), encoding="utf-8")
    (story.parent / "story.fr.txt").write_text(FR.replace("surprise.", "surprise. C'était son premier voyage.", 1), encoding="utf-8")
    new = invoke("check", story, "--no-mt", "--baseline", baseline, "-f", "json")
    findings = json.loads(new.stdout)["documents"][0]["findings"]
    assert new.exit_code == 1
    assert [(f["rule"], f["target"]["text"]) for f in findings] == [("duplicate-word", "first first")]


def test_same_finding_in_another_document_is_new(story, tmp_path):
    baseline = tmp_path / "b.json"
    invoke("check", story, "--no-mt", "--write-baseline", baseline)
    other = write_pair(tmp_path / "sport")
    result = invoke("check", story, other, "--no-mt", "--baseline", baseline, "-f", "json")
    docs = {d["target_path"]: d["findings"] for d in json.loads(result.stdout)["documents"]}
    assert docs[str(story)] == [] and len(docs[str(other)]) == 2


def test_baseline_paths_are_relative_to_the_baseline_file(story, tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    baseline = tmp_path / "ci" / "baseline.json"
    invoke("check", story, "--no-mt", "--write-baseline", baseline)
    assert list(json.loads(baseline.read_text())["documents"]) == ["../world/story.en.txt"]
    monkeypatch.chdir(tmp_path / "world")  # run from elsewhere: still matches
    result = invoke("check", "story.en.txt", "--no-mt", "--baseline", baseline)
    assert result.exit_code == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such baseline file"),
        ("{", "invalid JSON"),
        ('{"schema": "other"}', "not a baseline file"),
        ('{"schema": "mtcheck.baseline/1", "documents": {"a": [{"rule": "x"}]}}', "needs an \"id\""),
    ],
)
def test_bad_baseline_is_exit_2(story, tmp_path, content, message):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = invoke("check", story, "--no-mt", "--baseline", baseline)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""
