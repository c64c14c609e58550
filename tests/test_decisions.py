"""Decisions exported from the HTML report, read back by ``mtcheck check --decisions``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mtcheck.decisions import DecisionsError, apply, load
from mtcheck.pipeline import check_pair

SEED = Path(__file__).resolve().parents[1] / "samples" / "putin-xi-summit.en.txt"
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "mtcheck.report.1.json").read_text(encoding="utf-8"))


def _write(tmp_path, documents, schema="mtcheck.decisions/1"):
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"schema": schema, "documents": documents}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_ids():
    return [f.id for f in check_pair(str(SEED), settings={"mt": False}).findings]


def test_a_file_saved_elsewhere_matches_by_name(tmp_path, seed_ids):
    # the browser saves to a downloads folder and the key is relative to where mtcheck ran
    path = _write(tmp_path, {"elsewhere/putin-xi-summit.en.txt": [
        {"id": seed_ids[0], "decision": "false-alarm", "note": "a house style"},
        {"id": seed_ids[1], "decision": "fixed"},
    ]})
    result = check_pair(str(SEED), settings={"mt": False})
    assert apply(result, load(path)) == 1
    first, second = result.findings[:2]
    assert first.suppressed and first.suppression == {"by": "decision", "decision": "false-alarm", "reason": "a house style"}
    assert not second.suppressed and any("marked fixed" in n for n in result.notices)
    assert not any(f.suppressed for f in result.findings[2:])


def test_another_document_is_untouched(tmp_path, seed_ids):
    path = _write(tmp_path, {"other.en.txt": [{"id": seed_ids[0], "decision": "accepted"}]})
    result = check_pair(str(SEED), settings={"mt": False})
    assert apply(result, load(path)) == 0


@pytest.mark.parametrize("content, message", [
    (None, "no such decisions file"),
    ("{", "invalid JSON"),
    ('{"schema": "mtcheck.baseline/1", "documents": {}}', "not a decisions file"),
    ('{"schema": "mtcheck.decisions/1", "documents": {"a.en.txt": [{"id": "x", "decision": "maybe"}]}}', "needs an \"id\" and a \"decision\""),
])
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "d.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DecisionsError, match=message):
        load(path)


def test_cli_flag_and_config_key(tmp_path, seed_ids, monkeypatch):
    from typer.testing import CliRunner

    from mtcheck.cli import app

    decisions = _write(tmp_path, {str(SEED): [{"id": seed_ids[0], "decision": "accepted", "note": "intended"}]})
    config = tmp_path / "mtcheck.toml"
    config.write_text('decisions = "decisions.json"\n', encoding="utf-8")
    for args in (["--decisions", str(decisions), "--no-config"], ["--config", str(config)]):
        out = CliRunner().invoke(app, ["check", str(SEED), "--no-mt", "-f", "json", *args])
        report = json.loads(out.stdout)
        jsonschema.validate(report, SCHEMA)  # revision 1.1: suppression, related
        found = report["documents"][0]["findings"]
        assert found[0]["suppression"]["reason"] == "intended", args
        assert any(f.get("related") for f in found)
    out = CliRunner().invoke(app, ["check", str(SEED), "--no-mt", "--decisions", str(tmp_path / "none.json")])
    assert out.exit_code == 2 and "no such decisions file" in out.stderr
