"""JUnit XML: one testcase per document, one failure per finding at or above --fail-on."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.report.junit import render
from tests.test_config import EN, FR, write_pair

CLEAN_EN = EN.replace("kyiv", "Kyiv").replace("meet meet", "meet")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_one_testcase_per_document_and_a_failure_per_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_pair(tmp_path / "news", "bad")
    write_pair(tmp_path / "news", "good", en=CLEAN_EN)
    (tmp_path / "news" / "broken.en.txt").write_bytes(b"\x00binary")
    result = invoke("check", tmp_path / "news", "--no-mt", "-f", "junit", "-q")
    assert result.exit_code == 2  # the broken file
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "1" and root.get("errors") == "1"
    suite = root.find("testsuite")
    cases = {c.get("name").split("/")[-1]: c for c in suite.findall("testcase")}
    assert set(cases) == {"bad.en.txt", "good.en.txt", "broken.en.txt"}
    failures = cases["bad.en.txt"].findall("failure")
    assert sorted(f.get("type") for f in failures) == ["duplicate-word", "name-casing"]
    assert "meet meet" in "".join(f.text for f in failures)
    assert cases["good.en.txt"].find("failure") is None
    assert cases["broken.en.txt"].find("error").get("message").endswith("looks binary (contains NUL bytes), expected UTF-8 text")
    assert float(suite.get("time")) >= 0 and suite.get("timestamp")


def test_findings_below_fail_on_go_to_system_out(check):
    result = check(CLEAN_EN.replace("He is due", "He is due  "), FR)
    xml = render([result], fail_on="error")
    case = ET.fromstring(xml).find("testsuite/testcase")
    assert case.find("failure") is None
    assert "double-space" in case.find("system-out").text
    strict = ET.fromstring(render([result], fail_on="warning")).find("testsuite/testcase")
    assert [f.get("type") for f in strict.findall("failure")] == ["double-space"]
    never = ET.fromstring(render([result], fail_on="never"))
    assert never.get("failures") == "0"


def test_control_characters_are_dropped_not_fatal(check):
    result = check("He met met the minister\x0b on Tuesday in Paris for talks that lasted four hours.")
    ET.fromstring(render([result]))  # well-formed
