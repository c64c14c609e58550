"""SARIF 2.1.0 output validates against the official OASIS schema and points at the right text.

``schema/sarif-schema-2.1.0.json`` is the OASIS SARIF TC's schema (errata01, from the
oasis-tcs/sarif-spec repository, ``Schemata/sarif-schema-2.1.0.json``, commit 0a8091f),
vendored unmodified so the test runs offline; it is distributed under the OASIS IPR Policy
(RF on RAND terms), whose copyright notice allows copying the standard's materials.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.report.sarif import render
from tests.conftest import ROOT, SAMPLES

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((ROOT / "schema" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def render_dict(results, root=None):
    return json.loads(render(results, root))


def validate(log):
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def test_seed_pair_sarif_validates(check):
    from mtcheck.pipeline import check_pair

    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    log = render_dict([result], root=ROOT)
    validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"duplicate-word", "name-casing", "leftover"}
    text = result.target.text
    for res, f in zip(run["results"], result.findings):
        region = res["locations"][0]["physicalLocation"]["region"]
        assert res["ruleId"] == f.rule and res["partialFingerprints"]["mtcheck/v1"] == f.id
        if f.target is not None:
            assert region["charOffset"] == f.target.start and region["charLength"] == len(f.target)
            assert region["snippet"]["text"] == text[f.target.start : f.target.end]
            # line/column (1-based, code points) agree with the offset
            line_start = text.rfind("\n", 0, f.target.start) + 1
            assert region["startLine"] == text.count("\n", 0, f.target.start) + 1
            assert region["startColumn"] == f.target.start - line_start + 1
        rule = run["tool"]["driver"]["rules"][res["ruleIndex"]]
        assert rule["id"] == res["ruleId"]
    uri = run["artifacts"][0]["location"]["uri"]
    assert uri == "samples/putin-xi-summit.en.txt" and run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")


def test_regions_with_crlf_and_non_ascii(check):
    result = check(
        "Le café.\r\nHe said said « hello » to the Élysée.\r\n",
        "Le café.\r\nIl a dit « bonjour » à l'Élysée.\r\n",
    )
    log = render_dict([result])
    validate(log)
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    region = by_rule["duplicate-word"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (2, 4, 2, 13)
    fix = by_rule["duplicate-word"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "said" and fix["deletedRegion"]["charLength"] == 9


def test_suppressed_findings_carry_a_suppression_and_notices_become_notifications(check):
    result = check("He met met the minister on Tuesday in Paris for talks that lasted four hours.")  # monolingual
    result.findings[0].suppressed = True
    log = render_dict([result])
    validate(log)
    run = log["runs"][0]
    assert run["results"][0]["suppressions"] == [{"kind": "inSource"}]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes and "monolingually" in notes[0]["message"]["text"]


def test_cli_sarif_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.txt").write_text("Il a dit que le taux est de 4,5 % mardi à Kyiv.\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("He said the rate is 4,5 % on Tuesday in kyiv.\n", encoding="utf-8")
    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(app, ["check", "a.en.txt", "--no-mt", "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    validate(log)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"decimal-comma", "percent-space", "name-casing"}
    assert log["runs"][0]["artifacts"][1]["location"]["uri"] == "a.fr.txt"


def test_schema_rejects_a_broken_log():
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})  # driver needs a name


def test_paths_are_relative_to_the_repository_root_from_anywhere(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "news").mkdir()
    (repo / "news" / "a.fr.txt").write_text("Il a dit que le taux est de 4,5 % mardi à Kyiv.\n", encoding="utf-8")
    (repo / "news" / "a.en.txt").write_text("He said the rate is 4,5 % on Tuesday in kyiv.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # outside the repository
    out = CliRunner().invoke(app, ["check", "repo/news/a.en.txt", "--no-mt", "--no-config", "-f", "sarif"])
    log = json.loads(out.stdout)
    validate(log)
    assert [a["location"]["uri"] for a in log["runs"][0]["artifacts"]] == ["news/a.en.txt", "news/a.fr.txt"]
    out = CliRunner().invoke(app, ["check", "repo/news/a.en.txt", "--no-mt", "--no-config", "-f", "sarif", "--sarif-root", "repo/news"])
    assert json.loads(out.stdout)["runs"][0]["artifacts"][0]["location"]["uri"] == "a.en.txt"


def test_a_suppression_keeps_its_reason(check):
    result = check("He met met the minister on Tuesday in Paris for talks that lasted four hours.")
    result.findings[0].suppressed = True
    result.findings[0].suppression = {"by": "decision", "decision": "accepted", "reason": "a quotation"}
    log = render_dict([result])
    validate(log)
    assert log["runs"][0]["results"][0]["suppressions"] == [{"kind": "external", "justification": "a quotation"}]
