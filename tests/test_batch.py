"""Batch mode: folders, pairing by name, include/exclude, parallel jobs, jsonl streaming, summary."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mtcheck import batch
from mtcheck.cli import app
from tests.conftest import ROOT
from tests.test_config import EN, write_pair

CLEAN_EN = EN.replace("kyiv", "Kyiv").replace("meet meet", "meet")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """world/ (2 errors), sport/football/ (clean), drafts/ (excluded), an orphan target, hidden dirs."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "news"
    write_pair(root / "world", "kishida")
    write_pair(root / "sport" / "football", "match", en=CLEAN_EN)
    write_pair(root / "drafts", "draft")
    write_pair(root / ".git" / "x", "hidden")
    (root / "world" / "orphan.en.txt").write_text(CLEAN_EN, encoding="utf-8")
    (root / "world" / "kishida.en.txt.orig").write_text(EN, encoding="utf-8")
    (root / "world" / "notes.txt").write_text("not tagged", encoding="utf-8")
    return root


def paths(result) -> list[str]:
    return [d["target_path"] for d in json.loads(result.stdout)["documents"]]


def test_folder_is_walked_pairing_targets_with_sources(newsroom):
    result = invoke("check", newsroom, "--no-mt", "-f", "json", "--exclude", "drafts")
    assert result.exit_code == 1
    assert paths(result) == [
        str(newsroom / "sport/football/match.en.txt"),
        str(newsroom / "world/kishida.en.txt"),
        str(newsroom / "world/orphan.en.txt"),
    ]
    docs = {d["target_path"]: d for d in json.loads(result.stdout)["documents"]}
    assert docs[str(newsroom / "world/kishida.en.txt")]["source_path"] == str(newsroom / "world/kishida.fr.txt")
    assert docs[str(newsroom / "world/orphan.en.txt")]["source_path"] is None
    assert "orphan.en.txt: checked monolingually" in result.stderr


def test_include_and_exclude_globs_from_cli_and_config(newsroom):
    only_sport = invoke("check", newsroom, "--no-mt", "-f", "json", "--include", "sport/**")
    assert paths(only_sport) == [str(newsroom / "sport/football/match.en.txt")]
    assert only_sport.exit_code == 0
    (newsroom.parent / "mtcheck.toml").write_text("exclude = ['drafts/', 'world/orphan*']\n", encoding="utf-8")
    result = invoke("check", newsroom, "--no-mt", "-f", "json")
    assert [p.split("/")[-1] for p in paths(result)] == ["match.en.txt", "kishida.en.txt"]


def test_parallel_jobs_give_the_same_report(newsroom):
    one = invoke("check", newsroom, "--no-mt", "-f", "json", "--jobs", "1")
    two = invoke("check", newsroom, "--no-mt", "-f", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_jsonl_streams_one_valid_report_per_document(newsroom):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema" / "mtcheck.report.1.json").read_text(encoding="utf-8"))
    result = invoke("check", newsroom, "--no-mt", "-f", "jsonl", "-j", "2")
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    names = set()
    for line in lines:
        report = json.loads(line)
        jsonschema.validate(report, schema)
        assert report["summary"]["documents"] == 1 and len(report["documents"]) == 1
        names.add(report["documents"][0]["target_path"].split("/")[-1])
    assert names == {"match.en.txt", "kishida.en.txt", "orphan.en.txt", "draft.en.txt"}


def test_jsonl_to_a_file(newsroom, tmp_path):
    out = tmp_path / "reports.jsonl"
    result = invoke("check", newsroom, "--no-mt", "-f", "jsonl", "-o", out, "-q")
    assert result.stdout == "" and len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_summary_table_on_stderr_for_batches_only(newsroom):
    result = invoke("check", newsroom, "--no-mt", "-f", "json")
    assert "rule" in result.stderr and "duplicate-word" in result.stderr and "total" in result.stderr
    assert "4 documents checked, 2 with findings" in result.stderr and "documents/s" in result.stderr
    single = invoke("check", newsroom / "world" / "kishida.en.txt", "--no-mt", "-f", "json")
    assert "documents checked" not in single.stderr
    quiet = invoke("check", newsroom, "--no-mt", "-q")
    assert quiet.stderr == ""
    assert "kishida.en.txt" in quiet.stdout and "match.en.txt" not in quiet.stdout  # clean ones left out
    assert "errors," not in quiet.stdout  # no summary line


def test_input_error_in_one_file_does_not_stop_the_batch(newsroom):
    (newsroom / "world" / "broken.en.txt").write_bytes(b"\xff\xfe\x00binary")
    result = invoke("check", newsroom, "--no-mt", "-f", "json")
    assert result.exit_code == 2
    assert "broken.en.txt: looks binary" in result.stderr
    assert len(paths(result)) == 4  # the others are still reported


def test_empty_folder_is_exit_2(tmp_path):
    result = invoke("check", tmp_path, "--no-mt")
    assert result.exit_code == 2 and "is a directory with no target files" in result.stderr


def test_pair_sources_and_force_exclude_for_hooks(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom)
    # only the French was staged: its English target is checked instead
    result = invoke("check", "world/kishida.fr.txt", "notes.txt", "--pair-sources", "--no-mt", "-f", "json")
    assert paths(result) == ["world/kishida.en.txt"]
    both = invoke("check", "world/kishida.fr.txt", "world/kishida.en.txt", "--pair-sources", "--no-mt", "-f", "json")
    assert paths(both) == ["world/kishida.en.txt"]
    (newsroom / "mtcheck.toml").write_text("exclude = ['world/']\n", encoding="utf-8")
    excluded = invoke("check", "world/kishida.en.txt", "--force-exclude", "--no-mt")
    assert excluded.exit_code == 0 and "no target files to check" in excluded.stderr
    kept = invoke("check", "world/kishida.en.txt", "--no-mt")
    assert kept.exit_code == 1


def test_progress_bar_only_on_a_tty_after_a_second(monkeypatch):
    assert not batch.Progress(10, enabled=True).enabled  # pytest's stderr is not a TTY

    class TTY(io.StringIO):
        def isatty(self):
            return True

    fake = TTY()
    monkeypatch.setattr(sys, "stderr", fake)
    progress = batch.Progress(3, enabled=True)
    assert progress.enabled
    progress.advance("a")
    assert progress._bar is None  # under a second: nothing shown
    progress.start -= 2
    progress.advance("b")
    assert progress._bar is not None
    progress.close()
    assert not batch.Progress(1, enabled=True).enabled  # a single document never shows a bar
    assert not batch.Progress(3, enabled=False).enabled  # --quiet


def test_default_jobs_is_the_core_count():
    assert batch.default_jobs() >= 1


def test_batch_cli_end_to_end_in_a_subprocess(newsroom):
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", str(newsroom), "--no-mt", "-f", "sarif", "-j", "2"],
        capture_output=True, text=True, cwd=newsroom,
    )
    assert proc.returncode == 1
    sarif = json.loads(proc.stdout)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"duplicate-word", "name-casing"}
    assert "documents/s" in proc.stderr


def test_folder_with_html_json_and_xliff(tmp_path, monkeypatch):
    from tests.test_fix import EN_1, EN_2, FR_1, FR_2

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.html").write_text(f"<p>{FR_1}</p>\n<p>{FR_2}</p>\n", encoding="utf-8")
    (tmp_path / "a.en.html").write_text(f"<p>{EN_1}.</p>\n<p>{EN_2}</p>\n", encoding="utf-8")
    (tmp_path / "feed.fr.jsonl").write_text(
        json.dumps({"id": 1, "body": FR_1}) + "\n" + json.dumps({"id": 2, "body": FR_2}) + "\n", encoding="utf-8")
    (tmp_path / "feed.en.jsonl").write_text(
        json.dumps({"id": 1, "body": EN_1 + "."}) + "\n" + json.dumps({"id": 2, "body": EN_2}) + "\n", encoding="utf-8")
    (tmp_path / "u.xlf").write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="fr" target-language="en" datatype="plaintext" original="a"><body>'
        f'<trans-unit id="1"><source>{FR_2}</source><target>{EN_2}</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8")
    (tmp_path / "package.json").write_text("{}", encoding="utf-8")  # untagged JSON: not an article
    result = invoke("check", tmp_path, "--no-mt", "-f", "junit", "-q")
    from xml.etree import ElementTree as ET

    cases = [c.get("file") for c in ET.fromstring(result.stdout).iter("testcase")]  # one per failing finding
    assert sorted({c.split("/")[-1] for c in cases}) == ["a.en.html", "feed.en.jsonl", "u.xlf"]
    jsonl = invoke("check", tmp_path, "--no-mt", "-f", "jsonl", "-q")
    assert len(jsonl.stdout.splitlines()) == 4
    baseline = tmp_path / "b.json"
    invoke("check", tmp_path, "--no-mt", "--write-baseline", baseline)
    assert {k.split("/")[-1] for k in json.loads(baseline.read_text())["documents"]} == {
        "a.en.html", "feed.en.jsonl#1", "feed.en.jsonl#2", "u.xlf"}
    assert invoke("check", tmp_path, "--no-mt", "--baseline", baseline).exit_code == 0


def test_an_internal_error_is_that_files_error_not_a_crash(newsroom, monkeypatch):
    from mtcheck import pipeline

    real = pipeline.check_file

    def flaky(target, *args, **kwargs):
        if "kishida" in str(target):
            raise RuntimeError("rule exploded")
        return real(target, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check_file", flaky)
    result = invoke("check", newsroom, "--no-mt", "-f", "json", "-j", "1")
    assert result.exit_code == 3  # a bug, never the findings code nor an input error
    assert "kishida.en.txt: internal error while checking (RuntimeError: rule exploded)" in result.stderr
    assert len(paths(result)) == 3
    monkeypatch.setenv("MTCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        CliRunner().invoke(app, ["check", str(newsroom), "--no-mt", "-j", "1"], catch_exceptions=False)
