"""HTML articles: block text, entities, exact offsets, suppressions, malformed markup."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from mtcheck.model import Document, DocumentResult, Span
from mtcheck.pipeline import check_file, check_pair
from mtcheck.readers import InputError, encode_fix
from mtcheck.readers.html import parse
from mtcheck.report.json import build_report
from tests.conftest import ROOT, SAMPLES

FORMATS = SAMPLES / "formats"
SCHEMA = json.loads((ROOT / "schema" / "mtcheck.report.1.json").read_text(encoding="utf-8"))


# -- helpers shared with the JSON and XLIFF tests ---------------------------------------------


def clean_slice(doc: Document, span: Span) -> str:
    """The clean text a file span covers: it must start and end on clean-character boundaries."""
    for p in doc.paragraphs:
        if p.span.start <= span.start and span.end <= p.span.end:
            starts = p.char_starts or [p.span.start + k for k in range(len(p.text))]
            ends = p.char_ends or [p.span.start + k + 1 for k in range(len(p.text))]
            i, j = starts.index(span.start), ends.index(span.end)
            return p.text[i : j + 1]
    raise AssertionError(f"span {span} is in no paragraph")


def assert_offsets_exact(result: DocumentResult, file_text: str) -> None:
    """Every finding's file slice is what the report says, and starts/ends on a clean character."""
    report = build_report([result])
    jsonschema.validate(report, SCHEMA)
    for f, out in zip(result.findings, report["documents"][0]["findings"]):
        if f.target is not None:
            assert file_text[f.target.start : f.target.end] == out["target"]["text"]
            clean_slice(result.target, f.target)
        if f.source is not None and result.source is not None:
            assert result.source.text[f.source.start : f.source.end] == out["source"]["text"]
            clean_slice(result.source, f.source)


def apply_fixes(path: Path, result: DocumentResult, rules: set[str], settings=None) -> str:
    """The file's text with the safe fixes of ``rules`` applied (encoded for the format)."""
    text = result.target.text
    fixes = sorted((f for f in result.findings if f.rule in rules and f.fix is not None), key=lambda f: f.target.start, reverse=True)
    assert fixes, f"no fix of {rules}"
    for f in fixes:
        text = text[: f.target.start] + encode_fix(path, result.target.text, f.target, f.fix, settings) + text[f.target.end :]
    return text


def pairs(result: DocumentResult) -> Counter:
    return Counter((f.rule, result.target.slice(f.target)) for f in result.findings if f.target)


def write_pair(tmp_path: Path, en: str, fr: str | None = None, suffix: str = ".html") -> Path:
    target = tmp_path / f"story.en{suffix}"
    target.write_text(en, encoding="utf-8")
    if fr is not None:
        (tmp_path / f"story.fr{suffix}").write_text(fr, encoding="utf-8")
    return target


def one_line_error(call, *needles: str) -> str:
    with pytest.raises(InputError) as e:
        call()
    message = str(e.value)
    assert "\n" not in message, message
    for needle in needles:
        assert needle in message, message
    return message


# -- the sample pair ---------------------------------------------------------------------------

SAMPLE = FORMATS / "putin-xi-summit.en.html"


@pytest.fixture(scope="module")
def sample() -> DocumentResult:
    [result] = check_file(SAMPLE, settings={"mt": False})
    return result


def test_sample_finds_the_seed_errors_with_exact_spans(sample):
    text = SAMPLE.read_text(encoding="utf-8")
    assert sample.source is not None and sample.source.path.endswith("putin-xi-summit.fr.html")
    found = pairs(sample)
    assert found[("duplicate-word", "said said")] == 1
    assert found[("foreign-quotes", "&nbsp;&raquo;")] == 1  # the stray », entities and all
    assert found[("name-casing", "kyiv")] == 1
    assert any(rule == "leftover" and t.startswith("Consult our file") for rule, t in found)
    assert_offsets_exact(sample, text)
    assert [s.id for s in sample.segments][:3] == ["p1.s1", "p2.s1", "p3.s1"]


def test_sample_never_flags_tags_attributes_scripts_or_comments(sample):
    text = SAMPLE.read_text(encoding="utf-8")
    tags = [(m.start(), m.end()) for m in re.finditer(r"<[^>]*>", text)]
    hidden = [(m.start(), m.end()) for m in re.finditer(r"<(script|style|title|nav)\b.*?</\1>|<!--.*?-->", text, re.S)]
    assert text.count("said said") == 9 and len(hidden) == 5  # planted in alt, title, script, comment …
    for f in sample.findings:
        span = f.target
        for a, b in tags:
            assert not a < span.start < b and not a < span.end < b, (f.rule, text[span.start : span.end])
        for a, b in hidden:
            assert span.end <= a or b <= span.start, (f.rule, text[span.start : span.end])


def test_html_finds_what_the_same_text_finds_as_plain_text(tmp_path, sample):
    plain_en = "\n\n".join(p.text for p in sample.target.paragraphs)
    plain_fr = "\n\n".join(p.text for p in sample.source.paragraphs)
    (tmp_path / "a.fr.txt").write_text(plain_fr, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(plain_en, encoding="utf-8")
    as_text = check_pair(tmp_path / "a.en.txt", settings={"mt": False})
    assert Counter((f.rule, clean_slice(sample.target, f.target)) for f in sample.findings) == Counter(
        (f.rule, as_text.target.slice(f.target)) for f in as_text.findings
    )


# -- the reader ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>said said</title><style>p::after { content: "said said" }</style></head>
<body><article>
<h1>The   summit &amp; <em>Moscow</em></h1>
<p class="lead" data-note="said said">Xi met&nbsp;Putin<br>
   in the <a href="https://example.org/said-said" title="kyiv">Kremlin</a> &#8212; caf&#233; &#xE9;t&eacute; &copy 2023 &foo; a < b</p>
<ul><li>One<li>Two <ul><li>Sub</li></ul> tail</ul>
<blockquote>Quote <p>inner</p> after</blockquote>
<table><tr><th>Head<td>Cell</table>
<script>var s = "said said";</script>
<pre>said said</pre>
<p>He typed <code>said said</code> here.
<p>Unclosed at the end
</article></body></html>"""


def test_blocks_and_clean_text():
    doc = parse("x.en.html", PAGE, "en")
    assert [p.text for p in doc.paragraphs] == [
        "The summit & Moscow",
        "Xi met\u00a0Putin\nin the Kremlin \u2014 café été © 2023 &foo; a < b",
        "One", "Two", "Sub", "tail",
        "Quote", "inner", "after",
        "Head", "Cell",
        "He typed said said here.",
        "Unclosed at the end",
    ]


def test_every_clean_character_maps_to_its_file_span():
    doc = parse("x.en.html", PAGE, "en")
    entity = {"&": "&amp;", "\u00a0": "&nbsp;", "\u2014": "&#8212;", "é": None, "©": "&copy"}
    for p in doc.paragraphs:
        for k, ch in enumerate(p.text):
            raw = PAGE[p.file_span(k, k + 1).start : p.file_span(k, k + 1).end]
            if raw == ch:
                continue
            if ch == " ":
                assert raw.isspace() and len(raw) > 1  # a collapsed run
            elif ch == "\n":
                assert raw == "<br>"
            elif ch == "é":
                assert raw in {"&#233;", "&#xE9;", "&eacute;"}
            else:
                assert raw == entity[ch], (ch, raw)
    assert PAGE[doc.paragraphs[0].char_starts[11] : doc.paragraphs[0].char_ends[11]] == "&amp;"


def test_code_urls_and_scripts_are_not_checked(check):
    doc = parse("x.en.html", PAGE, "en")
    assert [PAGE[m.start : m.end] for m in doc.masked] == ["said said"]
    assert not any("said said" in p.text and "typed" not in p.text for p in doc.paragraphs)
    result = check(PAGE, suffix=".html")
    assert [f for f in result.findings if f.rule == "duplicate-word"] == []


def test_entity_spanning_fixes_land_on_the_right_bytes(tmp_path):
    en = "<p>The minister said&nbsp;said the talks would &ldquo;grow stronger&rdquo;.&nbsp;&raquo;</p>\n<p>Then he left.</p>\n"
    fr = "<p>Le ministre a dit que les discussions allaient « se renforcer ».</p>\n<p>Puis il est parti.</p>\n"
    path = write_pair(tmp_path, en, fr)
    [result] = check_file(path, settings={"mt": False})
    assert pairs(result)[("duplicate-word", "said&nbsp;said")] == 1
    assert pairs(result)[("foreign-quotes", "&nbsp;&raquo;")] == 1
    fixed = apply_fixes(path, result, {"duplicate-word", "foreign-quotes"})
    assert fixed == "<p>The minister said the talks would &ldquo;grow stronger&rdquo;.”</p>\n<p>Then he left.</p>\n"
    assert parse(str(path), fixed, "en").paragraphs[0].text == "The minister said the talks would “grow stronger”.”"


def test_fix_text_is_escaped_for_html():
    assert encode_fix("a.html", "", Span(0, 0), "AT&T <b>") == "AT&amp;T &lt;b&gt;"


def test_suppression_comment_marks_findings_suppressed_and_keeps_them(tmp_path):
    en = (
        "<!-- mtcheck: ignore duplicate-word -- quoted verbatim from the statement -->\n"
        "<p>He said said it twice, on purpose.</p>\n"
        "<p>She said said nothing else.</p>\n"
    )
    path = write_pair(tmp_path, en)
    [result] = check_file(path, settings={"mt": False})
    dup = [f for f in result.findings if f.rule == "duplicate-word"]
    assert [(result.target.slice(f.target), f.suppressed) for f in dup] == [("said said", True), ("said said", False)]
    assert result.target.suppressions == {1: [("duplicate-word", "quoted verbatim from the statement")]}
    assert build_report([result])["documents"][0]["findings"][0]["suppressed"] is True


def test_suppression_needs_a_reason(tmp_path):
    path = write_pair(tmp_path, "<!-- mtcheck: ignore duplicate-word -->\n<p>He said said it.</p>\n")
    one_line_error(lambda: check_file(path, settings={"mt": False}), str(path), "line 1, column 1", "reason is required")


@pytest.mark.parametrize(
    "html, problem",
    [
        ("<p>Fine.</p>\n<p>Broken <!-- never closed\n<p>More.</p>", "line 2, column 11: unterminated comment"),
        ("<p>Fine.</p>\n<p class=\"lead>Text that the quote swallows.</p>\n<p class=\"x\">Next.</p>", "line 2, column 1: unclosed quote"),
        ("<p>Fine.</p>\n<p>Text <a href=\"x\"", "line 2, column 9: unterminated tag `<a`"),
        ("<p>Fine.</p>\n<script>var x = 1;\n<p>More.</p>", "line 2, column 1: `<script>` is never closed"),
        ("<div><span>only inline text</span></div><!-- no blocks -->".replace("div", "section"), "has no text in HTML block elements"),
        ("<p>Text.</p>\n<!-- mtcheck: ignore casing -- nothing follows -->\n", "not followed by any block"),
    ],
)
def test_malformed_html_is_a_one_line_input_error(tmp_path, html, problem):
    path = write_pair(tmp_path, html)
    one_line_error(lambda: check_file(path, settings={"mt": False}), str(path), problem)


def test_tolerated_markup_is_read_like_a_browser():
    doc = parse("x.html", "<P>One<p>Two</div></span><LI>Three</ul><p>Four <b>bold</i> end", "en")
    assert [p.text for p in doc.paragraphs] == ["One", "Two", "Three", "Four bold end"]


def test_ordinary_comments_mentioning_mtcheck_are_not_directives():
    doc = parse("x.html", "<!-- generated by mtcheck 1.0 --><!--mtcheck report--><!---><p>Text.</p>", "en")
    assert [p.text for p in doc.paragraphs] == ["Text."] and doc.suppressions == {}
