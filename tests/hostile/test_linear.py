"""The quadratic paths of issue 12, at sizes where quadratic work takes minutes and linear work
well under a second or two. Each budget is ≥ 10× the linear time on a loaded 2-core machine,
so these catch a regression to quadratic time, not a slow machine (figures: bench/scaling.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
import regex

from mtcheck.model import Document, DocumentResult, Finding, Paragraph, Severity, Span
from tests.conftest import ROOT


@contextmanager
def within(seconds: float):
    start = time.perf_counter()
    yield
    took = time.perf_counter() - start
    assert took < seconds, f"took {took:.1f} s (budget {seconds} s): quadratic again?"


ONE_LINE = ("The minister said said that the U.S. economy grew by 2.5 per cent. No. 10 said so. " * 4000).strip()  # ≈ 340 KB


def test_sentence_splitting_of_a_long_single_line():
    from mtcheck.segment import split_sentences

    with within(5):
        ranges = split_sentences(ONE_LINE, "en")
    assert len(ranges) >= 8000


def test_duplicate_word_exceptions_look_at_a_bounded_window():
    from mtcheck.checks.repetition import DuplicateWord

    text = "He had had time and said said so " * 20_000  # one sentence, 40,000 doubles
    matches = list(regex.finditer(r"(\p{L}+)(\s+)(\1)", text))
    with within(5):
        verdicts = [DuplicateWord._legitimate("en", text, m) for m in matches]
    assert verdicts.count(False) >= 10_000  # "said said" flagged; "had had time" left alone


def test_mid_sentence_words_of_a_long_sentence():
    from mtcheck.checks.casing import _mid_sentence_words

    doc = _doc("word " * 100_000)
    with within(5):
        assert len(list(_mid_sentence_words(doc.paragraphs[0].sentences[0]))) == 99_999


def _doc(text: str, paragraphs: int = 1) -> Document:
    from mtcheck.readers.text import parse
    from mtcheck.readers import segment_document

    return segment_document(parse("x.en.txt", text, "en"))


def test_paragraph_at_and_is_masked_on_100k_paragraphs():
    doc = _doc("\n\n".join(f"Paragraph {k} is here." for k in range(100_000)))
    doc.masked = [Span(p.span.start, p.span.start + 3) for p in doc.paragraphs[::2]]
    with within(5):
        found = [doc.paragraph_at(p.span.start + 5) for p in doc.paragraphs]
        masked = [doc.is_masked(Span(p.span.start + 1, p.span.start + 2)) for p in doc.paragraphs]
    assert found == doc.paragraphs
    assert masked == [k % 2 == 0 for k in range(100_000)]


def test_paragraph_at_keeps_the_first_container():
    doc = Document("x", "abcdef", "en")
    doc.paragraphs = [Paragraph(1, Span(0, 3), "abc", [0, 1, 2], [1, 2, 3]), Paragraph(2, Span(3, 6), "def", [3, 4, 5], [4, 5, 6])]
    assert doc.paragraph_at(3).index == 1 and doc.paragraph_at(4).index == 2 and doc.paragraph_at(7) is None
    doc.paragraphs.reverse()  # out of file order: still found
    assert doc.paragraph_at(3).index == 2 and doc.paragraph_at(1).index == 1


def test_many_findings_in_one_huge_sentence_fingerprint_in_linear_time(tmp_path):
    from mtcheck.pipeline import check_file

    path = tmp_path / "one.en.txt"
    path.write_text("He said said it and " * 10_000 + "left.\n", encoding="utf-8")  # 200 KB, one sentence
    with within(30):
        [result] = check_file(path, None, src_lang="fr", tgt_lang="en", settings={"mt": False}, find_by_name=False)
    ids = [f.id for f in result.findings if f.rule == "duplicate-word"]
    assert len(ids) == 10_000 and len(set(ids)) == 10_000


def test_unclosed_spans_then_blocks_in_html():
    from mtcheck.readers.html import parse

    n = 30_000
    markup = "<html><body>" + "<span>" * n + "".join(f"<p>Block {k}.</p>" for k in range(n)) + "</body></html>"
    with within(10):
        doc = parse("x.en.html", markup, "en")
    assert len(doc.paragraphs) == n


def test_xliff_leading_whitespace_and_markdown_star_runs():
    from mtcheck.readers.markdown import parse as markdown
    from mtcheck.readers.xliff import parse as xliff

    unit = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f"><unit id="u"><segment>'
    text = unit + f"<source>{' ' * 300_000}Il a dit.</source><target>{' ' * 300_000}He said.</target></segment></unit></file></xliff>"
    with within(10):
        xliff("x.xlf", text)
        markdown("x.en.md", "The " + "*" * 300_000 + " end.\n\n" + " " * 300_000 + "Next.\n", "en")


def test_fix_encodes_every_replacement_of_a_json_lines_file_against_one_parse(monkeypatch):
    from mtcheck.readers import cms_json

    lines = [json.dumps({"id": f"a{k}", "title": "He said said it."}) for k in range(3000)]
    text = "\n".join(lines) + "\n"
    calls = []
    real = cms_json._parse_values
    monkeypatch.setattr(cms_json, "_parse_values", lambda *a: calls.append(1) or real(*a))
    cms_json._literals.cache_clear()
    starts = [i for i in range(len(text)) if text.startswith("said said", i)]
    with within(10):
        out = [cms_json.encode_in_string("f.en.jsonl", text, Span(s, s + 9), "said & <b>", {}) for s in starts]
    assert len(calls) == 1 and out[0] == "said & <b>"


def test_pairing_a_json_lines_export_of_many_articles(tmp_path):
    from mtcheck.readers.cms_json import pair_articles

    n = 20_000  # quadratic pairing: about 30 s here; linear: 2 s
    (tmp_path / "f.en.jsonl").write_text("".join(json.dumps({"id": k, "title": "He said it."}) + "\n" for k in range(n)), encoding="utf-8")
    (tmp_path / "f.fr.jsonl").write_text("".join(json.dumps({"id": k, "title": "Il l'a dit."}) + "\n" for k in range(n)), encoding="utf-8")
    with within(10):
        pairs = pair_articles(tmp_path / "f.en.jsonl", tmp_path / "f.fr.jsonl", "fr", "en")
    assert len(pairs) == n and all(p.source is not None for p in pairs)


def many_findings(lines: int) -> list[DocumentResult]:
    """A text of ``lines`` long lines (20,000: 4.8 MiB) with a finding on every other one, built
    without checking it (only the report is measured)."""
    filler = "the minister told reporters in the capital on Tuesday, " * 4
    text, findings, pos = [], [], 0
    for k in range(lines):
        line = f"He said said it on day {k}, {filler}\n"
        if k % 2 == 0:
            findings.append(Finding("duplicate-word", "fluency/grammar", Severity.ERROR, "Doubled word “said said”.", Span(pos + 3, pos + 12), segment=f"p{k}.s0", suggestion="said", id=f"f{k}"))
        text.append(line)
        pos += len(line)
    return [DocumentResult(Document("big.en.txt", "".join(text), "en"), None, [], findings, src_lang="fr", tgt_lang="en")]


def stream_report(fmt: str) -> str:
    """Seconds, report bytes and growth of the peak resident memory while the ``fmt`` report of
    :func:`many_findings` is made piece by piece (run in a fresh process: its own peak)."""
    import resource

    from mtcheck import report

    "".join(report.chunks(fmt, many_findings(10)))  # imports and first-use caches outside the measure
    results = many_findings(20_000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    size = sum(len(piece.encode("utf-8")) for piece in report.chunks(fmt, results))
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) * 1024
    return f"{time.perf_counter() - start} {size} {growth}"


# quadratic (line numbers by a scan per finding, one cell's highlights by a scan per boundary) and
# whole-report times there: text 37 s, concise 35 s, JUnit 100 s, HTML 21 s; growth of the peak:
# text 10 MiB, JUnit 27 MiB, SARIF 92 MiB (9× its report), HTML 71 MiB (7× its report);
# streamed: 0.2–2 s, under 1 MiB but HTML's 17 MiB (its findings list is made before the page)
@pytest.mark.parametrize(("fmt", "seconds", "times_report"), [("text", 10, 0.25), ("concise", 10, 0.25), ("junit", 30, 0.25), ("sarif", 20, 0.25), ("html", 20, 3)])
def test_reports_of_many_findings_on_a_large_input_are_made_in_linear_time_and_streamed(fmt, seconds, times_report):
    code = f"from tests.hostile.test_linear import stream_report; print(stream_report({fmt!r}))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
    took, size, growth = map(float, proc.stdout.split())
    assert took < seconds, f"{fmt}: took {took:.1f} s (budget {seconds} s): quadratic again?"
    assert growth < max(times_report * size, 4 * 2**20), f"{fmt}: peak grew by {growth / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB report"
