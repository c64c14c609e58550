"""The HTML report in headless Chromium: live DOM, filters, keyboard, XSS, no network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import reports
from tests.browser.conftest import REPORT_URL

ROOT = Path(__file__).resolve().parents[2]

HIGHLIGHTS_JS = """
(side) => {
  const cells = side === "target" ? "table.al tbody tr > td:last-child" : "table.al:not(.mono) tbody tr > td:nth-child(2):not(:last-child)";
  const ids = {};
  for (const li of document.querySelectorAll("li.fi")) ids[li.dataset.n] = li.dataset.id;
  const out = {};
  for (const m of document.querySelectorAll(cells + " mark[data-f]"))
    for (const n of m.dataset.f.split(" ")) (out[n] = out[n] || []).push(m.textContent);
  return Object.entries(out).map(([n, parts]) => [Number(n), ids[n], parts.join("")]);
}
"""

LIST_JS = """
() => [...document.querySelectorAll("li.fi")].map(li => ({
  n: Number(li.dataset.n), id: li.dataset.id, s: li.dataset.s, c: li.dataset.c, hidden: li.hidden,
  text: li.textContent, sup: li.classList.contains("sup"),
  msg: li.querySelector(".msg").textContent, tt: li.querySelector(".tt") && li.querySelector(".tt").textContent}))
"""

ROWS_JS = """
() => [...document.querySelectorAll("table.al tbody tr")].map(tr => {
  const fs = new Set();
  for (const m of tr.querySelectorAll("mark[data-f]")) for (const n of m.dataset.f.split(" ")) fs.add(Number(n));
  return {id: tr.id, hidden: tr.hidden || getComputedStyle(tr).display === "none", f: [...fs], text: tr.textContent};
})
"""


def _findings(report, doc=None):
    docs = report["documents"] if doc is None else [report["documents"][doc]]
    return [f for d in docs for f in d["findings"]]


def _wait_filtered(page, before):
    page.wait_for_function("(n) => Number(document.documentElement.dataset.filtered || 0) > n", arg=before)


def _filtered(page):
    return page.evaluate("Number(document.documentElement.dataset.filtered || 0)")


# ---------------------------------------------------------------- highlights


@pytest.mark.parametrize("which", ["seed", "overlaps", "two_documents"])
def test_one_highlight_per_finding_with_exact_text(open_report, which):
    html, report = getattr(reports, which)()
    opened = open_report(html)
    page = opened.page
    findings = _findings(report)
    lst = page.evaluate(LIST_JS)
    assert len(lst) == len(findings)
    by_n = {item["n"]: item for item in lst}
    highlights = page.evaluate(HIGHLIGHTS_JS, "target")
    with_target = [f for f in findings if f["target"] is not None]
    assert len(highlights) == len(with_target) > 0
    # each highlight's text is its finding's target.text (findings matched by list position)
    expected = {}
    for i, d in enumerate(report["documents"]):
        for f in d["findings"]:
            expected.setdefault((i, f["id"]), f)
    doc_of = {item["n"]: int(page.evaluate(f"document.getElementById('f{item['n']}').dataset.d")) for item in lst}
    for n, fid, text in highlights:
        f = expected[(doc_of[n], fid)]
        assert text == f["target"]["text"], (fid, text, f["target"]["text"])
    # source spans too (omissions show there)
    for n, fid, text in page.evaluate(HIGHLIGHTS_JS, "source"):
        f = expected[(doc_of[n], fid)]
        assert f["source"] is not None and text == f["source"]["text"]
    assert sum(1 for f in findings if f["source"] is not None) == len(page.evaluate(HIGHLIGHTS_JS, "source"))
    assert not opened.errors and not opened.blocked and not opened.dialogs
    assert by_n  # the list is indexed


def test_seed_report_flags_the_planted_problems(open_report):
    html, report = reports.seed()
    page = open_report(html).page
    texts = [t for _, _, t in page.evaluate(HIGHLIGHTS_JS, "target")]
    joined = "\n".join(texts)
    for needle in ("said said", "kyiv", "»", "Consult our file"):
        assert needle in joined, needle


# ---------------------------------------------------------------- filters and search


def test_severity_and_category_filters_hide_and_show_rows(open_report):
    html, report = reports.seed()
    page = open_report(html).page
    lst = page.evaluate(LIST_JS)
    assert [i["hidden"] for i in lst] == [i["sup"] for i in lst]  # suppressed start hidden

    severities = {i["s"] for i in lst if not i["sup"]}
    sev = "error" if "error" in severities else sorted(severities)[0]
    before = _filtered(page)
    page.uncheck(f"input[name=sev][value={sev}]")
    _wait_filtered(page, before)
    lst = page.evaluate(LIST_JS)
    for i in lst:
        assert i["hidden"] == (i["s"] == sev or i["sup"]), i
    hidden_n = {i["n"] for i in lst if i["hidden"]}
    off = page.evaluate("""() => [...document.querySelectorAll("mark[data-f]")].map(m => [m.dataset.f.split(" ").map(Number), m.classList.contains("off")])""")
    for ns, is_off in off:
        assert is_off == all(n in hidden_n for n in ns)

    # only rows with findings: exactly the rows holding a visible finding
    before = _filtered(page)
    page.check("input[name=only]")
    _wait_filtered(page, before)
    rows = page.evaluate(ROWS_JS)
    visible_n = {i["n"] for i in lst if not i["hidden"]}
    for r in rows:
        assert r["hidden"] == (not any(n in visible_n for n in r["f"])), r["id"]
    assert any(not r["hidden"] for r in rows) and any(r["hidden"] for r in rows)
    # and rows named by a visible finding's segment are shown
    shown = {r["id"] for r in rows if not r["hidden"]}
    for f in _findings(report):
        if f["severity"] != sev and not f.get("suppressed") and f["segment"] and f["target"]:
            assert f"d0-{f['segment']}" in shown

    # a category off as well
    cat = next(i["c"] for i in lst if not i["hidden"])
    before = _filtered(page)
    page.uncheck(f"input[name=cat][value='{cat}']")
    _wait_filtered(page, before)
    lst2 = page.evaluate(LIST_JS)
    for i in lst2:
        assert i["hidden"] == (i["s"] == sev or i["c"] == cat or i["sup"])
    rows = page.evaluate(ROWS_JS)
    visible_n = {i["n"] for i in lst2 if not i["hidden"]}
    for r in rows:
        assert r["hidden"] == (not any(n in visible_n for n in r["f"]))

    # everything back on
    before = _filtered(page)
    page.check(f"input[name=sev][value={sev}]")
    page.check(f"input[name=cat][value='{cat}']")
    page.uncheck("input[name=only]")
    _wait_filtered(page, before + 2)
    assert not any(r["hidden"] for r in page.evaluate(ROWS_JS))
    assert [i["hidden"] for i in page.evaluate(LIST_JS)] == [i["sup"] for i in lst]


def test_search_box_filters_findings_and_rows(open_report):
    html, report = reports.seed()
    page = open_report(html).page
    lst = page.evaluate(LIST_JS)
    target = next(i for i in lst if i["tt"] and len(i["tt"].strip()) >= 4 and not i["sup"])
    query = target["tt"].strip().split()[0].lower()
    before = _filtered(page)
    page.fill("#q", query)
    _wait_filtered(page, before)
    lst = page.evaluate(LIST_JS)
    assert not next(i for i in lst if i["n"] == target["n"])["hidden"]
    for i in lst:
        assert i["hidden"] == (i["sup"] or query not in i["text"].lower())
    visible_n = {i["n"] for i in lst if not i["hidden"]}
    for r in page.evaluate(ROWS_JS):
        assert r["hidden"] == (query not in r["text"].lower() and not any(n in visible_n for n in r["f"]))
    before = _filtered(page)
    page.fill("#q", "")
    _wait_filtered(page, before)
    assert not any(r["hidden"] for r in page.evaluate(ROWS_JS))


# ---------------------------------------------------------------- keyboard and selection


def _selected(page):
    return page.evaluate("""() => ({
      n: document.documentElement.dataset.selected === undefined ? null : Number(document.documentElement.dataset.selected),
      marks: [...document.querySelectorAll("table.al tbody tr > td:last-child mark.sel")].map(m => m.textContent).join(""),
      details: document.getElementById("details").hidden ? null : document.getElementById("details").textContent,
      inView: (() => { const m = document.querySelector("mark.sel"); if (!m) return null;
                       const r = m.getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })(),
    })""")


def test_j_and_k_move_between_findings(open_report):
    html, report = reports.seed()
    page = open_report(html).page
    visible = [i for i in page.evaluate(LIST_JS) if not i["hidden"]]
    assert len(visible) >= 3
    assert _selected(page)["n"] is None
    page.keyboard.press("j")
    s = _selected(page)
    assert s["n"] == visible[0]["n"]
    assert s["marks"] == (visible[0]["tt"] or "")
    assert visible[0]["msg"] in s["details"]
    assert s["inView"] is True
    page.keyboard.press("j")
    s = _selected(page)
    assert s["n"] == visible[1]["n"] and s["marks"] == (visible[1]["tt"] or "")
    assert visible[1]["msg"] in s["details"] and s["inView"] is True
    page.keyboard.press("k")
    assert _selected(page)["n"] == visible[0]["n"]
    page.keyboard.press("Escape")
    assert _selected(page)["n"] is None
    page.keyboard.press("k")  # from nothing, k starts at the end
    assert _selected(page)["n"] == visible[-1]["n"]
    # '/' goes to the search box; keys typed there are text (j included), Escape leaves it
    # keeping the query, and j then walks the matches
    page.keyboard.press("Escape")
    query = "j" + (visible[1]["tt"] or visible[1]["msg"]).strip()[:3].lower()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    before = _filtered(page)
    page.keyboard.press("j")
    page.keyboard.press("Backspace")
    page.keyboard.type(query[1:])
    assert page.input_value("#q") == query[1:]
    _wait_filtered(page, before)
    page.wait_for_function("(q) => document.getElementById('status').textContent.includes('findings shown') && true", arg=query)
    page.wait_for_timeout(300)  # the search is debounced
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") != "q"
    assert page.input_value("#q") == query[1:]
    matches = [i for i in page.evaluate(LIST_JS) if not i["hidden"]]
    assert matches and all(query[1:] in i["text"].lower() for i in matches)
    page.keyboard.press("j")
    assert _selected(page)["n"] == matches[0]["n"]


def test_j_skips_filtered_findings_and_crosses_documents(open_report):
    html, report = reports.two_documents()
    page = open_report(html).page
    lst = page.evaluate(LIST_JS)
    last = [i for i in lst if not i["hidden"]]
    before = _filtered(page)
    page.uncheck("input[name=sev][value=error]")
    _wait_filtered(page, before)
    visible = [i for i in page.evaluate(LIST_JS) if not i["hidden"]]
    assert all(i["s"] != "error" for i in visible)
    for expected in visible:
        page.keyboard.press("j")
        assert _selected(page)["n"] == expected["n"]
    page.keyboard.press("j")  # stays on the last one
    assert _selected(page)["n"] == visible[-1]["n"]
    before = _filtered(page)
    page.check("input[name=sev][value=error]")
    _wait_filtered(page, before)
    page.keyboard.press("Escape")
    for _ in last:
        page.keyboard.press("j")
    assert _selected(page)["n"] == last[-1]["n"]
    assert page.evaluate(f"document.getElementById('f{last[-1]['n']}').dataset.d") == "1"
    # the TOC leads to the second document
    assert page.locator("nav.toc a[href='#d1']").count() == 1


def test_clicking_a_highlight_shows_details_and_scrolls_the_list(open_report):
    html, report = reports.overlaps()
    page = open_report(html, viewport=(1200, 500)).page
    # the nested finding: clicking "epsilon" selects the most specific, most severe one first
    eps = page.locator("table.al tbody tr > td:last-child mark", has_text="epsilon").first
    eps.click()
    s = _selected(page)
    assert "nested" in s["details"] and s["marks"] == "epsilon"
    # clicking again cycles to the other findings under the same point
    eps.click()
    s2 = _selected(page)
    assert s2["n"] != s["n"] and "epsilon" in s2["marks"]
    # the list entry is scrolled into view inside the side panel
    inside = page.evaluate("""() => { const li = document.querySelector("li.fi.sel"), box = document.getElementById("findings");
        const a = li.getBoundingClientRect(), b = box.getBoundingClientRect(); return a.top >= b.top - 1 && a.bottom <= b.bottom + 1; }""")
    assert inside
    # MT suggestion and scores show for a segment that has them
    page.locator("li.fi a.fh", has_text="accuracy/name").first.click()
    page.locator("table.al tbody tr > td:last-child mark", has_text="beta").first.click()
    d = _selected(page)["details"]
    assert "first" in d and "beta-gamma" in d
    assert "Alpha beta-gamma." in d and "chrf_forward" in d and "0.612" in d
    # the omission (source only) is selectable from the list and highlighted on the source side
    page.locator("li.fi a.fh", has_text="accuracy/omission").click()
    src = page.evaluate("[...document.querySelectorAll('mark.sel')].map(m => m.textContent).join('')")
    assert src == "Nu xi."
    row = page.evaluate("document.querySelector('tr.cur').className")
    assert "om" in row


def test_selecting_from_the_list_scrolls_the_text(open_report):
    html, report = reports.seed()
    page = open_report(html, viewport=(1300, 600)).page
    last = page.locator("li.fi:not([hidden]) a.fh").last
    last.click()
    s = _selected(page)
    assert s["n"] is not None and s["inView"] is True
    # the aligned source of that row is on screen with it: same row
    same_row = page.evaluate("""() => { const m = document.querySelector("mark.sel"); const tr = m.closest("tr");
        const r = tr.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && tr.cells.length >= 2; }""")
    assert same_row


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "escaping-only"])
@pytest.mark.parametrize("which", ["xss_sample", "xss_handmade"])
def test_xss_payloads_do_not_execute(open_report, which, bypass_csp):
    html, report = getattr(reports, which)()
    opened = open_report(html, bypass_csp=bypass_csp)
    page = opened.page
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.wait_for_timeout(300)
    state = page.evaluate("""() => ({
        xss: window.__xss === undefined ? null : window.__xss,
        injected: document.querySelectorAll("img, svg, iframe, textarea, object, embed, b, a[href^='javascript']").length,
        scripts: document.scripts.length,
        text: document.body.innerText })""")
    assert state["xss"] is None
    assert state["injected"] == 0
    assert state["scripts"] == 2
    assert "<script>" in state["text"] and "onerror=" in state["text"]
    assert opened.dialogs == [] and opened.blocked == [] and opened.errors == []
    assert opened.requests == [REPORT_URL]


def test_no_network_request_is_attempted(open_report):
    html, report = reports.seed()
    opened = open_report(html)
    page = opened.page
    page.keyboard.press("j")
    page.click("input[name=only]")
    page.fill("#q", "putin")
    page.wait_for_timeout(300)
    assert opened.requests == [REPORT_URL]
    assert opened.blocked == []
    # the CSP itself refuses fetches, images and frames, before any request leaves
    result = page.evaluate("""async () => {
        let fetched = "blocked";
        try { await fetch("http://example.invalid/x"); fetched = "sent"; } catch (e) {}
        const img = new Image(); img.src = "http://example.invalid/pixel.png";
        document.body.appendChild(img);
        await new Promise(r => setTimeout(r, 200));
        return fetched; }""")
    assert result == "blocked"
    assert opened.blocked == []  # nothing reached the network layer


def test_opens_from_disk(browser, tmp_path):
    html, _ = reports.seed()
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    ctx = browser.new_context()
    page = ctx.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready='1']", state="attached")
    page.keyboard.press("j")
    page.wait_for_timeout(200)
    assert requests == [path.as_uri()] and errors == []
    ctx.close()


# ---------------------------------------------------------------- without JS, in print


def test_readable_without_javascript(open_report):
    html, report = reports.seed()
    opened = open_report(html, java_script_enabled=False)
    page = opened.page
    assert page.locator("#tools").is_hidden()
    assert page.locator("noscript .note, .note").first.is_visible()
    assert page.locator("li.fi").count() == len(_findings(report))
    assert page.locator("li.fi").first.is_visible()
    assert page.locator("table.al tbody tr").first.is_visible()
    assert page.locator("table.al mark").count() > 0
    # a list entry links to its row
    href = page.locator("li.fi a.fh").first.get_attribute("href")
    assert page.locator(f"[id='{href[1:]}']").count() == 1


def test_prints_cleanly(open_report):
    html, report = reports.seed()
    page = open_report(html).page
    page.keyboard.press("j")
    page.emulate_media(media="print")
    styles = page.evaluate("""() => ({
        tools: getComputedStyle(document.getElementById("tools")).display,
        details: getComputedStyle(document.getElementById("details")).display,
        aside: getComputedStyle(document.getElementById("side")).position,
        list: getComputedStyle(document.getElementById("findings")).display,
        mark: getComputedStyle(document.querySelector("table.al mark")).printColorAdjust })""")
    assert styles["tools"] == "none" and styles["details"] == "none"
    assert styles["aside"] == "static" and styles["list"] != "none"
    assert styles["mark"] == "exact"
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


# ---------------------------------------------------------------- screenshot for the README


def test_screenshot(open_report, tmp_path):
    """Saves docs/report.png when MTCHECK_UPDATE_SCREENSHOT=1 (else a temporary file)."""
    html, report = reports.seed()
    page = open_report(html, viewport=(1400, 1000)).page
    lst = page.evaluate(LIST_JS)
    pick = next((i for i in lst if i["tt"] == "kyiv"), None) or next(i for i in lst if i["s"] == "error")
    page.locator(f"#f{pick['n']} a.fh").click()
    page.wait_for_timeout(100)
    out = ROOT / "docs" / "report.png" if os.environ.get("MTCHECK_UPDATE_SCREENSHOT") == "1" else tmp_path / "report.png"
    page.screenshot(path=str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_two_sides_follow_each_other(open_report):
    """Clicking one side's span brings the other side's span of the same finding into view."""
    html, report = reports.far_counterpart()
    page = open_report(html, viewport=(1300, 700)).page
    visible = """(side) => { const m = document.querySelector(`table.al tbody tr > td:${side === "target" ? "last-child" : "nth-child(2)"} mark.sel`);
        const r = m.getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; }"""
    page.locator("table.al tbody tr > td:last-child mark").first.click()
    assert page.evaluate(visible, "source")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator("table.al tbody tr > td:nth-child(2) mark").first.click()
    assert page.evaluate(visible, "target")


def test_count_end_of_list_and_escape(open_report):
    """The heading counts what the filters show, j at the end says so, Esc deselects then clears the search."""
    html, report = reports.seed()
    page = open_report(html).page
    total = len(_findings(report))
    assert page.text_content("#findings-h") == f"Findings ({total})"
    before = _filtered(page)
    page.fill("#q", "calque")
    page.keyboard.press("Enter")
    _wait_filtered(page, before)
    shown = sum(1 for item in page.evaluate(LIST_JS) if not item["hidden"])
    assert 0 < shown < total and page.text_content("#findings-h") == f"Findings ({shown} of {total})"
    for _ in range(shown + 1):
        page.keyboard.press("j")
    assert "No finding after this one" in page.text_content("#status")
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.dataset.selected") is None
    assert "Finding " not in page.text_content("#status")  # the deselected finding is not kept there
    before = _filtered(page)
    page.keyboard.press("Escape")
    _wait_filtered(page, before)
    assert page.input_value("#q") == "" and page.text_content("#findings-h") == f"Findings ({total})"
