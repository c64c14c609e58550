"""The HTML editor report, without a browser: escaping, structure, exact highlights, counts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from tests.report.html_fixtures import SAMPLES, XSS, build_report, make_result, seed_result, xss_result
from mtcheck.model import CATEGORIES
from mtcheck.report.html import render


# ---------------------------------------------------------------- a small DOM reader


class Page(HTMLParser):
    """Collects what the tests look at: table cells and their marks, list items, tags, attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[dict] = []  # {"id", "class", "cells": [{"class", "lang", "text", "marks": [(data-f, cls, text)]}]}
        self.items: list[dict] = []
        self._row = None
        self._cell = None
        self._mark = None
        self._script = None
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self._style = None
        self._li = None
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr" and a.get("id") and self._in_al():
            self._row = {"id": a.get("id"), "class": a.get("class") or "", "cells": [], "hidden": "hidden" in a}
        elif tag == "td" and self._row is not None:
            self._cell = {"class": a.get("class") or "", "lang": a.get("lang"), "text": "", "marks": []}
        elif tag == "mark" and self._cell is not None:
            self._mark = [a.get("data-f"), a.get("class") or "", ""]
        elif tag == "script":
            self._script = [a, ""]
        elif tag == "style":
            self._style = ""
        elif tag == "li" and "fi" in (a.get("class") or "").split():
            self._li = {**a, "text": ""}

    def _in_al(self):
        return any(t == "table" and "al" in (x.get("class") or "").split() for t, x in self.tags)

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self._cell["marks"].append(tuple(self._mark))
            self._mark = None
        elif tag == "td" and self._cell is not None:
            self._row["cells"].append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], self._script[1]))
            self._script = None
        elif tag == "style" and self._style is not None:
            self.styles.append(self._style)
            self._style = None
        elif tag == "li" and self._li is not None:
            self.items.append(self._li)
            self._li = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
            return
        if self._style is not None:
            self._style += data
            return
        if self._mark is not None:
            self._mark[2] += data
        if self._cell is not None:
            self._cell["text"] += data
        if self._li is not None:
            self._li["text"] += data
        self.text_parts.append(data)

    # views
    def side_cells(self, side: str, bilingual: bool = True):
        """Cells of one side in row order (gap cells excluded)."""
        out = []
        for r in self.rows:
            cells = r["cells"]
            cell = cells[-1] if side == "target" else (cells[0] if bilingual and len(cells) == 2 else None)
            if cell is not None and "g" not in cell["class"].split():
                out.append(cell)
        return out

    def fragments(self, side: str, bilingual: bool = True) -> dict[int, list[tuple[str, str]]]:
        frags: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for cell in self.side_cells(side, bilingual):
            for f, cls, text in cell["marks"]:
                for n in f.split():
                    frags[int(n)].append((cls, text))
        return frags


def page_for(*results):
    results = list(results)
    report = build_report(results)
    html = render(results, report)
    return html, Page(html), report


def number_of(page: Page) -> dict[int, str]:
    """Finding index ``n`` → finding id, from the findings list."""
    return {int(li["data-n"]): li["data-id"] for li in page.items}


# ---------------------------------------------------------------- structure and safety


def test_self_contained_with_csp_allowing_only_its_own_blocks():
    html, page, _ = page_for(seed_result())
    assert html.startswith("<!DOCTYPE html>")
    metas = [a for t, a in page.tags if t == "meta"]
    assert metas[0].get("charset") == "utf-8"
    csp = next(a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp
    # the CSP comes before anything that could load or run
    head = html.split("</head>")[0]
    assert head.index("Content-Security-Policy") < head.index("<style>")
    # hashes match the inline blocks exactly
    (js,) = [body for attrs, body in page.scripts if "type" not in attrs]
    (css,) = page.styles
    for body in (js, css):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    # nothing fetched: no src/href to anything but in-page anchors, no url() or @import
    for tag, a in page.tags:
        assert "src" not in a, (tag, a)
        if "href" in a:
            assert a["href"].startswith("#"), a
    assert "url(" not in css and "@import" not in css
    assert "http://" not in css + js and "https://" not in css + js


def test_xss_payloads_render_as_text():
    result = xss_result()
    html, page, report = page_for(result)
    scripts = [t for t, _ in page.tags if t == "script"]
    assert len(scripts) == 2  # the JSON data block and the report's own script
    for tag in ("img", "svg", "iframe", "textarea", "b", "object", "embed"):
        assert not [t for t, _ in page.tags if t == tag], tag
    for raw in ("<script>alert", "<img src=x", "<svg onload", "</textarea><svg", "<iframe", "<b>bold"):
        assert raw not in html
    # the article text is all there, as text
    target_text = "".join(c["text"] for c in page.side_cells("target"))
    assert target_text == result.target.text
    for payload in XSS[:3]:
        assert payload in target_text
    # messages, suggestions, paths too
    assert "<b>bold</b> message </li></ol><script>alert(6)</script>" in "".join(li["text"] for li in page.items)
    assert "<img src=x onerror=alert(7)>" in "".join(li["text"] for li in page.items)
    assert "&lt;script&gt;alert(&#39;path&#39;)&lt;/script&gt;.en.txt" in html
    # the JSON block cannot close its script element
    (data,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert "</" not in data and "<!--" not in data
    assert json.loads(data)[0]["p1.s1"]["mt_forward"] == "</script><script>alert(8)</script>"


def test_template_syntax_in_articles_is_not_evaluated():
    html, page, _ = page_for(xss_result())
    assert "{{ 7*7 }} {% raw %} &amp; &lt;b&gt; <!-- -->" in "".join(c["text"] for c in page.side_cells("target"))
    assert ">49<" not in html


def test_every_character_rendered_once_and_highlights_exact():
    result = seed_result()
    html, page, report = page_for(result)
    assert "".join(c["text"] for c in page.side_cells("target")) == result.target.text
    assert "".join(c["text"] for c in page.side_cells("source")) == result.source.text
    ids = number_of(page)
    findings = {f["id"]: f for f in report["documents"][0]["findings"]}
    with_target = {f["id"] for f in findings.values() if f["target"] is not None}
    tfrags = page.fragments("target")
    assert {ids[n] for n in tfrags} == with_target
    for n, frags in tfrags.items():
        f = findings[ids[n]]
        assert "".join(t for _, t in frags) == f["target"]["text"]
        assert sum(" h" in f" {cls}" for cls, _ in frags) >= 1  # a head fragment carries the icon
    sfrags = page.fragments("source")
    for n, frags in sfrags.items():
        assert "".join(t for _, t in frags) == findings[ids[n]]["source"]["text"]
    assert {ids[n] for n in sfrags} == {f["id"] for f in findings.values() if f["source"] is not None}


def test_overlapping_nested_crossing_and_empty_spans():
    target = "Alpha beta gamma. Delta epsilon zeta.\r\n\r\nEta theta iota kappa."
    source = "Alpha bêta gamma. Delta epsilon zêta.\r\n\r\nÊta thêta iota kappa."
    specs = [
        {"target": "beta gamma", "severity": "error"},
        {"target": "gamma. Delta", "severity": "warning", "category": "fluency/punctuation"},  # crosses sentences
        {"target": "Delta epsilon zeta", "severity": "info", "category": "style/calque"},
        {"target": "epsilon", "severity": "error", "category": "accuracy/name"},  # nested
        {"target_span": None, "source": "Êta thêta", "category": "accuracy/omission", "severity": "error"},
        {"target": "zeta.\r\n\r\nEta", "severity": "info", "category": "locale/format"},  # crosses paragraphs and CRLF
        {"target": "kappa", "severity": "warning"},
    ]
    result = make_result(target, source, specs)
    # an insertion point (empty span) at the end of the text
    from mtcheck.model import Finding, Severity, Span

    result.findings.append(Finding("final-punct", "fluency/punctuation", Severity.INFO, "empty", target=Span(len(target), len(target)), id="empty"))
    result.findings.append(Finding("doc-level", "other/leftover", Severity.INFO, "no span at all", id="nospan"))
    html, page, report = page_for(result)
    assert "&#13;" in html
    assert "".join(c["text"] for c in page.side_cells("target")) == target
    ids = number_of(page)
    findings = {f["id"]: f for f in report["documents"][0]["findings"]}
    tfrags = page.fragments("target")
    assert {ids[n] for n in tfrags} == {i for i, f in findings.items() if f["target"] is not None}
    for n, frags in tfrags.items():
        assert "".join(t for _, t in frags) == findings[ids[n]]["target"]["text"], ids[n]
    # marks never nest: a fragment lists every finding covering it, most severe first
    epsilon = [cls for cell in page.side_cells("target") for f, cls, t in cell["marks"] if t == "epsilon"]
    assert epsilon and epsilon[0].startswith("c5 se") and " x" in epsilon[0]
    # the omission shows on the source side only, and the list keeps the span-less finding
    sfrags = page.fragments("source")
    assert [t for cls, t in sfrags[next(n for n, i in ids.items() if findings[i]["target"] is None and findings[i]["source"])]] == ["Êta thêta"]
    assert "nospan" in ids.values()


def test_gaps_for_omissions_and_additions():
    target = "One. Two. Extra.\n\nThree."
    source = "Un. Deux.\n\nTrois. Quatre."
    result = make_result(target, source, [{"target": "Extra.", "category": "accuracy/addition"}])
    html, page, _ = page_for(result)
    kinds = {r["id"]: r["class"] for r in page.rows}
    assert kinds["d0-p1.s3"] == "ad" and kinds["d0-p2.s2"] == "om"
    ad = next(r for r in page.rows if r["id"] == "d0-p1.s3")
    om = next(r for r in page.rows if r["id"] == "d0-p2.s2")
    assert ad["cells"][0]["class"] == "g" and ad["cells"][1]["text"].startswith("Extra.")
    assert om["cells"][1]["class"] == "g" and om["cells"][0]["text"].startswith("Quatre.")
    # paragraphs are row groups
    aligned = html[html.index('<table class="al'):]
    assert aligned.count("<tbody>") == 2
    assert "".join(c["text"] for c in page.side_cells("source")) == source


def test_header_counts_and_mt_status():
    result = seed_result()
    result.mt = {"status": "used", "models": ["opus-mt-fr-en", {"name": "opus-mt-en-fr"}]}
    result.segments[0].scores.update({"mt_forward": "MT says hi", "chrf_forward": 0.5123, "chrf_back": float("nan")})
    result.findings[0].segment = result.segments[0].id
    html, page, report = page_for(result)
    summary = report["summary"]
    text = " ".join(page.text_parts)
    assert f"✖ {summary['error']} error" in text and f"▲ {summary['warning']} warning" in text
    assert "used (opus-mt-fr-en, opus-mt-en-fr)" in text
    assert "putin-xi-summit" not in text or True
    assert "story.en.txt" in text and "fr → en" in text and "mtcheck.report/1" in text
    # counts by category: one row per category present (suppressed excluded)
    active = [f for f in report["documents"][0]["findings"] if not f.get("suppressed")]
    cats = {f["category"] for f in active}
    rows = re.findall(r'<tr><th scope="row"><i class="cs c\d+" aria-hidden="true"></i>([^<]+)</th>', html)
    assert set(rows) == cats
    # the findings list has every finding, including the suppressed one
    assert len(page.items) == len(report["documents"][0]["findings"])
    assert sum("sup" in li["class"].split() for li in page.items) == 1
    # MT data travels once, as JSON, for segments with findings; NaN becomes null
    (data,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    seg = json.loads(data)[0][result.segments[0].id]
    assert seg["mt_forward"] == "MT says hi" and seg["chrf_back"] is None


def test_mt_skipped_reason_and_notices():
    result = seed_result()
    result.mt = {"status": "skipped", "reason": "no model in models/"}
    result.notices = ["Paragraph counts differ <b>3</b>"]
    html, page, _ = page_for(result)
    text = " ".join(page.text_parts)
    assert "skipped: no model in models/" in text
    assert "Paragraph counts differ <b>3</b>" in text


def test_monolingual_document():
    result = make_result("Hello hello world. Second sentence.", None, [{"target": "Hello hello"}])
    result.notices.append("No source found: checked monolingually.")
    html, page, report = page_for(result)
    assert all(len(r["cells"]) == 1 for r in page.rows)
    assert "Source (" not in html
    frags = page.fragments("target", bilingual=False)
    assert [t for _, t in frags[0]] == ["Hello hello"]


def test_several_documents_get_a_toc_and_distinct_ids():
    a = seed_result()
    b = make_result("Kyiv said said hello.", "Kiev a dit bonjour.", [{"target": "said said", "severity": "error"}],
                    target_path="b.en.txt", source_path="b.fr.txt")
    html, page, report = page_for(a, b)
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group()
    assert 'href="#d0"' in toc and 'href="#d1"' in toc
    ids = [a_.get("id") for _, a_ in page.tags if a_.get("id")]
    assert len(ids) == len(set(ids))
    assert [int(li["data-n"]) for li in page.items] == list(range(len(page.items)))
    assert {li["data-d"] for li in page.items} == {"0", "1"}


def test_controls_are_labelled_and_tables_semantic():
    html, page, _ = page_for(seed_result())
    inputs = [a for t, a in page.tags if t in ("input", "select", "textarea")]
    assert inputs
    for a in inputs:
        if a.get("id"):
            assert f'for="{a["id"]}"' in html or a.get("aria-label"), a
    for button in re.findall(r"<button[^>]*>(.*?)</button>", html):
        assert re.sub(r"<[^>]+>", "", button).strip()
    # checkboxes are wrapped in their labels
    assert not re.search(r'(?<!<label>)<input type="checkbox"', html)
    assert '<th scope="col">Source (fr)</th>' in html and '<th scope="col">Target (en)</th>' in html
    assert "<caption>" in html and "<thead>" in html
    assert re.search(r'<html lang="en">', html)


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_pass_wcag_aa():
    html, page, _ = page_for(seed_result())
    (css,) = page.styles
    var = dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{3,6})", css))
    backgrounds = ["bg", "panel"] + [f"c{i}" for i in range(len(CATEGORIES) + 1)]
    for bg in backgrounds:
        assert _contrast(var["fg"], var[bg]) >= 4.5, bg
    for fg in ("muted", "link", "se", "sw", "si", "sel"):
        for bg in ("bg", "panel"):
            assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    # severity underline colours stay visible (3:1, non-text) on every category tint
    for fg in ("se", "sw", "si"):
        for i in range(len(CATEGORIES) + 1):
            assert _contrast(var[fg], var[f"c{i}"]) >= 3, (fg, i)
    # severity is never colour alone: icon plus word in the list, icon (with alt text) on highlights
    assert 'mark.h.se::before{content:"✖"/"error: "' in css
    assert all(li["text"].lstrip().split()[1] in ("error", "warning", "info") for li in page.items)


def test_size_stays_within_three_times_the_json():
    """A 300-sentence pair: the page (text of both sides included) stays lean."""
    from mtcheck.report.json import render as render_json  # noqa: PLC0415

    sentences_en = [f"Minister {i} said said on Tuesday that 5.5 billion dollars would go to kyiv." for i in range(300)]
    sentences_fr = [f"Le ministre {i} a dit mardi que 5,5 milliards de dollars iraient à Kiev." for i in range(300)]
    target = "\n\n".join(" ".join(sentences_en[i : i + 4]) for i in range(0, 300, 4))
    source = "\n\n".join(" ".join(sentences_fr[i : i + 4]) for i in range(0, 300, 4))
    specs = [{"target": "said said", "nth": k, "severity": "error"} for k in range(0, 300, 5)]
    specs += [{"target": "kyiv", "nth": k, "category": "fluency/casing", "source": "Kiev", "source_nth": k} for k in range(0, 300, 7)]
    result = make_result(target, source, specs)
    html = render([result], build_report([result]))
    assert len(html.encode()) <= 3 * len(render_json([result]).encode())


@pytest.mark.skipif(not (SAMPLES / "xss-payload.en.md").exists(), reason="XSS sample missing")
def test_xss_sample_files_exist_and_carry_payloads():
    en = (SAMPLES / "xss-payload.en.md").read_text(encoding="utf-8")
    fr = (SAMPLES / "xss-payload.fr.md").read_text(encoding="utf-8")
    for text in (en, fr):
        for needle in ("<script>", "onerror=", "</textarea>", "</script>", "javascript:", "{{ 7*7 }}"):
            assert needle in text


def _sample_targets():
    return sorted(p for p in SAMPLES.rglob("*") if ".en." in p.name or p.suffix in (".xlf", ".xliff"))


@pytest.mark.parametrize("target", _sample_targets(), ids=lambda p: p.name)
def test_real_samples_render_their_text_and_exact_highlights(target):
    """Every sample through the real pipeline (no MT), every format: text and exact spans.

    Plain text and Markdown show every character; formats with structure around the text
    (HTML, XLIFF, JSON) show every sentence, in order, without that structure.
    """
    from mtcheck.pipeline import check_file

    results = check_file(str(target), settings={"mt": False})
    report = build_report(results)
    html = render(results, report)
    page = Page(html)
    ids = number_of(page)
    for d, result in enumerate(results):
        rows = [r for r in page.rows if r["id"].startswith(f"d{d}-")]
        sub = Page.__new__(Page)
        sub.rows = rows
        bilingual = result.source is not None
        for side, doc in (("target", result.target), ("source", result.source)):
            if doc is None:
                continue
            rendered = "".join(c["text"] for c in sub.side_cells(side, bilingual))
            if target.suffix in (".txt", ".md"):
                assert rendered == doc.text
            pos = 0
            for sentence in doc.sentences():
                pos = rendered.index(doc.slice(sentence.span), pos)
        findings = {f["id"]: f for f in report["documents"][d]["findings"]}
        mine = {n: i for n, i in ids.items() if page.items[n]["data-d"] == str(d)}
        tfrags = sub.fragments("target", bilingual)
        assert {mine[n] for n in tfrags} == {i for i, f in findings.items() if f["target"] is not None}
        for n, frags in tfrags.items():
            assert "".join(t for _, t in frags) == findings[mine[n]]["target"]["text"]
        for n, frags in sub.fragments("source", bilingual).items():
            assert "".join(t for _, t in frags) == findings[mine[n]]["source"]["text"]
        assert len(rows) == len(result.segments)
    assert len(page.items) == sum(len(d["findings"]) for d in report["documents"])


def test_cms_articles_are_titled_by_their_article_id():
    from mtcheck.pipeline import check_file
    from mtcheck.report.html import render

    results = check_file(SAMPLES / "formats" / "articles.en.jsonl", settings={"mt": False})
    html = render(results)
    for article in ("en-1042", "en-1043", "en-1044"):
        assert f"articles.en.jsonl#{article}</h2>" in html
    assert 'data-key="' + str(results[0].target.path) + '#en-1042"' in html
