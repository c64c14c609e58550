"""JUnit XML: one testcase per failing finding (or per clean document), one failure each."""

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
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "2" and root.get("errors") == "1"
    suite = root.find("testsuite")
    cases = {c.get("name").split("/")[-1]: c for c in suite.findall("testcase")}
    bad = sorted(n for n in cases if n.startswith("bad.en.txt:"))
    assert set(cases) - set(bad) == {"good.en.txt", "broken.en.txt"}
    assert sorted(n.split(" ")[-1] for n in bad) == ["duplicate-word", "name-casing"]
    for name in bad:  # one failure per testcase, named path:line:col rule
        (failure,) = cases[name].findall("failure")
        assert failure.get("type") == name.split(" ")[-1] and name.split(" ")[0].count(":") == 2
    assert "meet meet" in "".join(cases[n].find("failure").text for n in bad)
    assert cases["good.en.txt"].find("failure") is None
    assert cases["broken.en.txt"].find("error").get("message").endswith("looks binary (contains NUL bytes), expected UTF-8 text")
    assert float(suite.get("time")) >= 0 and suite.get("timestamp")


def test_findings_below_fail_on_go_to_system_out(check):
    result = check(CLEAN_EN.replace("He is due", "He is due  "), FR)
    xml = render([result], fail_on="error")
    case = ET.fromstring(xml).find("testsuite/testcase")
    assert case.find("failure") is None
    assert "double-space" in case.find("system-out").text
    strict = ET.fromstring(render([result], fail_on="warning")).findall("testsuite/testcase")
    assert [f.get("type") for c in strict for f in c.findall("failure")] == ["double-space"]
    never = ET.fromstring(render([result], fail_on="never"))
    assert never.get("failures") == "0"


def test_control_characters_are_dropped_not_fatal(check):
    result = check("He met met the minister\x0b on Tuesday in Paris for talks that lasted four hours.")
    ET.fromstring(render([result]))  # well-formed
