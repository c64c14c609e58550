"""Every report is written as it is made: bounded pieces, the same text as ``render``, and a
report that fails half-way never replaces the previous one."""

from __future__ import annotations

import json
import re
import sys
from xml.etree import ElementTree as ET

import pytest

from mtcheck import cli, report
from mtcheck.pipeline import check_file

STREAMED = ("text", "concise", "json", "html", "sarif", "junit")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """One document with 1,500 findings, CRLF line ends and a source."""
    folder = tmp_path_factory.mktemp("many")
    (folder / "s.en.txt").write_bytes("\r\n\r\n".join(f"He said said it on day {k}." for k in range(1500)).encode())
    (folder / "s.fr.txt").write_bytes("\r\n\r\n".join(f"Il l'a dit le jour {k}." for k in range(1500)).encode())
    return check_file(folder / "s.en.txt", settings={"mt": False})


def _timeless(text: str) -> str:
    return re.sub(r'timestamp="[^"]*"', "", text)  # JUnit's: the two runs may fall in different seconds


@pytest.mark.parametrize("fmt", STREAMED)
def test_pieces_are_bounded_and_make_the_rendered_report(many, fmt):
    options = {"root": None} if fmt == "sarif" else {}
    pieces = list(report.chunks(fmt, many, **options))
    whole = "".join(pieces)
    assert _timeless(whole) == _timeless(report.render(fmt, many, **options))
    fixed = len(report.render(fmt, [], **options))  # the report of nothing: HTML's inline CSS and JS, SARIF's rules
    assert len(whole) > 2 * report.CHUNK and max(map(len, pieces)) < 2 * report.CHUNK + fixed  # never the whole report at once


def test_streamed_junit_and_sarif_locate_every_finding(many):
    [result] = many
    flagged = [f for f in result.findings if f.rule == "duplicate-word"]
    assert len(flagged) == 1500
    cases = ET.fromstring("".join(report.chunks("junit", many))).findall("testsuite/testcase")
    assert [c.get("name").split(":")[1] for c in cases[:3]] == ["1", "3", "5"]  # CRLF: one line each, a blank between
    log = json.loads("".join(report.chunks("sarif", many)))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"] if r["ruleId"] == "duplicate-word"]
    assert [(g["startLine"], g["startColumn"]) for g in regions[:3]] == [(1, 4), (3, 4), (5, 4)]


@pytest.mark.parametrize("fmt", ["text", "html", "sarif", "junit"])
def test_a_report_that_fails_half_way_keeps_the_previous_file(tmp_path, monkeypatch, capsys, fmt):
    (tmp_path / "s.en.txt").write_text("\n\n".join(f"He said said it on day {k}." for k in range(600)), encoding="utf-8")
    (tmp_path / "report.out").write_text("the previous report\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MTCHECK_DEBUG", raising=False)
    module = __import__(f"mtcheck.report.{fmt}", fromlist=["chunks"])
    made = module.chunks

    def failing(*args, **kwargs):
        for k, piece in enumerate(made(*args, **kwargs)):
            if k == 300:
                raise RuntimeError("exploded half-way")
            yield piece

    monkeypatch.setattr(module, "chunks", failing)
    monkeypatch.setattr(sys, "argv", ["mtcheck", "check", "s.en.txt", "--no-mt", "-f", fmt, "-o", "report.out"])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 3 and "exploded half-way" in capsys.readouterr().err
    assert (tmp_path / "report.out").read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out", "s.en.txt"]  # no draft left
