"""Triage in the report page: mark findings, reload, export, and the next run reads the decisions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.browser import reports

ROOT = Path(__file__).resolve().parents[2]


def _select(page, n):
    page.click(f"#f{n} a.fh")
    page.wait_for_function("(n) => document.documentElement.dataset.selected === String(n)", arg=n)


def _state(page):
    return page.evaluate(
        "() => [...document.querySelectorAll('li.fi')].map(li => [li.dataset.id, li.dataset.t || '', li.querySelector('.tb').textContent])"
    )


def test_mark_reload_export_and_recheck(open_report, tmp_path):
    html, report = reports.seed()
    opened = open_report(html, accept_downloads=True)
    page = opened.page
    findings = report["documents"][0]["findings"]
    assert page.text_content("#progress") == f"0 of {len(findings)} reviewed"

    # by click, with a note typed first; by key; a second press of the same decision undoes it
    _select(page, 0)
    page.fill("#tnote", "quoted from the source on purpose")
    page.click("#triage button[data-t=accepted]")
    assert page.get_attribute("#triage button[data-t=accepted]", "aria-pressed") == "true"
    _select(page, 1)
    page.keyboard.press("x")
    _select(page, 2)
    page.keyboard.press("f")
    _select(page, 3)
    page.keyboard.press("a")
    page.keyboard.press("a")
    assert page.text_content("#progress") == f"3 of {len(findings)} reviewed"
    before = _state(page)
    assert [t for _, t, _ in before[:4]] == ["accepted", "false-alarm", "fixed", ""]
    assert "quoted from the source on purpose" in before[0][2]

    # the decisions survive a reload (localStorage, keyed by document and finding id)
    page.reload()
    page.wait_for_selector("html[data-ready='1']", state="attached")
    assert _state(page) == before
    assert page.text_content("#progress") == f"3 of {len(findings)} reviewed"
    _select(page, 0)
    assert page.input_value("#tnote") == "quoted from the source on purpose"

    # export: a mtcheck.decisions/1 file naming the document as the report does
    with page.expect_download() as dl:
        page.click("#export")
    path = tmp_path / "decisions.json"
    dl.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["schema"] == "mtcheck.decisions/1"
    (key, entries), = exported["documents"].items()
    assert key == report["documents"][0]["target_path"]
    assert {e["id"]: e["decision"] for e in entries} == {f["id"]: t for f, t in zip(findings, ["accepted", "false-alarm", "fixed"])}
    assert opened.blocked == [] and opened.errors == []

    # the next run suppresses accepted and false-alarm findings with their reasons
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", key, "--no-mt", "--no-config", "-f", "json", "--decisions", str(path)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert run.returncode in (0, 1), run.stderr
    again = {f["id"]: f for f in json.loads(run.stdout)["documents"][0]["findings"]}
    assert again[findings[0]["id"]]["suppression"] == {"by": "decision", "decision": "accepted", "reason": "quoted from the source on purpose"}
    assert again[findings[1]["id"]]["suppression"] == {"by": "decision", "decision": "false-alarm", "reason": "false alarm"}
    assert "suppressed" not in again[findings[2]["id"]]  # marked fixed but still there: reported
    assert f"is marked fixed in {path}" in " ".join(json.loads(run.stdout)["documents"][0]["notices"])
    assert all("suppressed" not in again[f["id"]] for f in findings[3:])


def test_decisions_survive_a_newer_report_of_the_same_article(browser):
    """A re-run after edits (other findings gone, ids of the rest stable) shows the same decisions."""
    from mtcheck.report.html import render
    from mtcheck.report.json import build_report
    from tests.browser.conftest import REPORT_URL

    first = reports.seed()[0]
    result = reports._check(reports.SEED_TARGET)
    newer = result.replace(findings=result.findings[1:])  # the first problem was fixed meanwhile
    second = render([newer], build_report([newer]))
    body = {"html": first}
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        ctx.route("**/*", lambda r: r.fulfill(status=200, content_type="text/html", body=body["html"]) if r.request.url == REPORT_URL else r.abort())
        page = ctx.new_page()
        page.goto(REPORT_URL)
        page.wait_for_selector("html[data-ready='1']", state="attached")
        _select(page, 1)
        page.keyboard.press("x")
        kept = page.get_attribute("#f1", "data-id")
        body["html"] = second
        page.goto(REPORT_URL)
        page.wait_for_selector("html[data-ready='1']", state="attached")
        assert page.get_attribute("#f0", "data-id") == kept and page.get_attribute("#f0", "data-t") == "false-alarm"
        assert page.text_content("#progress") == f"1 of {len(newer.findings)} reviewed"
    finally:
        ctx.close()
