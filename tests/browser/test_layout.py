"""The report on a phone (390×844) and a laptop (1366×768): screenshots committed in docs/."""

from __future__ import annotations

import os
from pathlib import Path

from tests.browser import reports

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"viewport": (390, 844), "is_mobile": True, "has_touch": True}


def _shot(page, name, tmp_path):
    """Saves docs/NAME when MTCHECK_UPDATE_SCREENSHOT=1 (else a temporary file)."""
    out = ROOT / "docs" / name if os.environ.get("MTCHECK_UPDATE_SCREENSHOT") == "1" else tmp_path / name
    page.screenshot(path=str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _in_view(page, selector):
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
           return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight + 1 && r.left >= 0 && r.right <= innerWidth + 1; }""",
        selector,
    )


def test_phone_one_column_no_overflow(open_report, tmp_path):
    html, _ = reports.seed()
    page = open_report(html, **PHONE).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.querySelector('table.counts').getBoundingClientRect().right") <= 390
    # target over source, each as wide as the screen allows: words wrap between words
    cells = page.evaluate("""() => [...document.querySelectorAll('table.al tbody tr')].slice(0, 20).map(tr => {
        const [src, tgt] = [tr.querySelector('td:nth-child(2):not(:last-child)'), tr.querySelector('td:last-child')];
        return src && tgt ? [tgt.getBoundingClientRect().top < src.getBoundingClientRect().top,
                             Math.min(src.clientWidth, tgt.clientWidth)] : null; }).filter(Boolean)""")
    assert cells and all(above and width >= 340 for above, width in cells), cells
    _shot(page, "report-phone.png", tmp_path)


def test_phone_tapping_a_highlight_opens_the_sheet(open_report, tmp_path):
    html, _ = reports.seed()
    page = open_report(html, **PHONE).page
    assert _in_view(page, "#fab")  # the findings list, one tap away from anywhere
    mark = page.locator("table.al mark.c12").first  # a calque in the target
    mark.scroll_into_view_if_needed()
    mark.tap()
    page.wait_for_function("document.documentElement.dataset.selected !== undefined")
    assert _in_view(page, "#details") and _in_view(page, "#next") and _in_view(page, "#triage")
    assert "literal translation" in page.text_content("#dbody")
    assert _in_view(page, "table.al mark.sel")  # the highlight stays visible above the sheet
    _shot(page, "report-phone-finding.png", tmp_path)
    page.tap("#next")
    assert "Finding 2 of" in page.text_content("#details-h") or "Finding" in page.text_content("#details-h")
    page.tap("#close")
    assert page.is_hidden("#details") and _in_view(page, "#fab")
    page.tap("#fab")
    page.wait_for_function("Math.abs(document.getElementById('findings').getBoundingClientRect().top) < 5")


def test_laptop_side_panel_shows_several_findings(open_report, tmp_path):
    html, _ = reports.seed()
    page = open_report(html, viewport=(1366, 768)).page
    visible = """() => [...document.querySelectorAll('li.fi')].filter(li => { const r = li.getBoundingClientRect();
        return !li.hidden && r.top >= 0 && r.bottom <= innerHeight; }).length"""
    assert page.evaluate(visible) >= 3
    page.click("#f4 a.fh")
    assert _in_view(page, "#triage")
    assert page.evaluate(visible) >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    _shot(page, "report-laptop.png", tmp_path)
