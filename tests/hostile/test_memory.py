"""Bounded memory (issue 12): the biggest holders measured with tracemalloc on large inputs —
per-character offset maps, a match object kept per word, the whole report built in memory —
stay within a few bytes per input character (figures: bench/scaling.py)."""

from __future__ import annotations

import json
import pickle
import tracemalloc

import pytest

from mtcheck.model import Document, Offsets, Paragraph, Span

SENTENCE = "The minister said on Monday that the economy grew by 2.5 per cent, “a record” for the région. "


def traced(make):
    """``make()``'s result and the memory it allocated: (result, still held, peak), in bytes."""
    tracemalloc.start()
    try:
        result = make()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held, peak


@pytest.mark.parametrize("values", [[], [7], [3, 4, 5, 9, 10, 2, 3], list(range(100, 200)) + [5, 400, 401]])
def test_offsets_read_like_the_list_they_store(values):
    offsets = Offsets(values)
    assert len(offsets) == len(values) and list(offsets) == values
    assert [offsets[k] for k in range(len(values))] == values and offsets[1:-1] == values[1:-1]
    if values:
        assert offsets[-1] == values[-1]
    with pytest.raises(IndexError):
        offsets[len(values)]
    assert list(pickle.loads(pickle.dumps(offsets))) == values  # results travel from worker processes


def test_an_html_page_maps_its_characters_in_runs_not_one_number_each():
    from mtcheck.readers.html import parse

    page = "<html><body>" + "".join(f"<p>{SENTENCE * 3}<b>bold</b> &amp; more.</p>\n" for _ in range(400)) + "</body></html>"
    doc, held, _ = traced(lambda: parse("p.en.html", page, "en"))
    assert len(doc.paragraphs) == 400 and doc.paragraphs[0].text.endswith("bold & more.")
    p = doc.paragraphs[1]
    assert page[p.char_starts[0] : p.char_ends[2]] == "The" and page[p.file_span(len(p.text) - 7, len(p.text) - 6).start] == "&"
    # clean text, paragraphs and maps take about 5 bytes a character here; the maps alone took 16
    assert held < 8 * len(page), f"{held / len(page):.1f} bytes per character of the page"


def test_spelling_keeps_no_object_per_word():
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.spelling import Spelling
    from mtcheck.readers import segment_document
    from mtcheck.align import monolingual_segments

    def context(paragraphs: int) -> CheckContext:
        text = "\n\n".join(SENTENCE.strip() + " Teh speling misstake." for _ in range(paragraphs))
        doc = Document("s.en.txt", text, "en", [Paragraph(k + 1, Span(a, a + n), text[a : a + n]) for k, (a, n) in enumerate(_blocks(text))])
        segment_document(doc)
        return CheckContext(doc, None, monolingual_segments(doc), "fr", "en")

    list(Spelling().check(context(10)))  # word lists loaded outside the measure
    ctx = context(2000)  # ≈ 230 KB, 40,000 words
    size = len(ctx.target.text)
    _, _, peak = traced(lambda: list(Spelling().check(ctx)))
    assert peak < 8 * size, f"peak {peak / size:.1f} bytes per character (a match object per word: about 40)"



def test_untranslated_word_keeps_no_word_set_per_sentence():
    from mtcheck.align import monolingual_segments
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.untranslated import UntranslatedWord
    from mtcheck.readers import segment_document
    from mtcheck.readers.text import parse

    def context(paragraphs: int) -> CheckContext:
        text = "\n\n".join(f"The bill {k} was adopted by the assemblée on Monday." for k in range(paragraphs))
        doc = segment_document(parse("u.en.txt", text, "en"))
        return CheckContext(doc, None, monolingual_segments(doc), "fr", "en")

    list(UntranslatedWord().check(context(10)))  # word lists loaded outside the measure
    ctx = context(20_000)  # ≈ 900 KB of one-sentence paragraphs
    size = len(ctx.target.text)
    findings, _, peak = traced(lambda: list(UntranslatedWord().check(ctx)))
    assert len(findings) == 20_000
    assert peak < 22 * size, f"peak {peak / size:.1f} bytes per character (18.6 with its 20,000 findings; a word set kept per sentence: 29)"

def _blocks(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for block in text.split("\n\n"):
        out.append((start, len(block)))
        start += len(block) + 2
    return out


def test_the_json_report_is_written_a_finding_at_a_time(tmp_path):
    from mtcheck import report
    from mtcheck.pipeline import check_file
    from mtcheck.report.json import build_report

    (tmp_path / "s.en.txt").write_text("\n\n".join(f"He said said it on day {k}." for k in range(3000)), encoding="utf-8")
    results = check_file(tmp_path / "s.en.txt", settings={"mt": False})
    pieces = list(report.chunks("json", results))
    whole = "".join(pieces)
    assert whole == json.dumps(build_report(results), ensure_ascii=False, indent=2) + "\n"  # the same bytes as before
    assert len(json.loads(whole)["documents"][0]["findings"]) == 3000
    assert len(pieces) > 10 and max(map(len, pieces)) < 2 * report.CHUNK  # never the report, a document or its findings in one piece


def test_a_segmented_text_holds_offsets_not_copies_of_its_sentences():
    from mtcheck.align import monolingual_segments
    from mtcheck.readers import segment_document
    from mtcheck.readers.text import parse

    text = "\n\n".join((SENTENCE * 3).strip() for _ in range(3000))  # ≈ 850 KB, two bytes a character in memory
    segment_document(parse("w.en.txt", text[:500], "en"))  # word lists loaded outside the measure
    (doc, segments), held, _ = traced(lambda: (doc := segment_document(parse("x.en.txt", text, "en")), monolingual_segments(doc)))
    assert len(segments) == 9000 and segments[-1].target[0].text == SENTENCE.strip()
    # 5.3 bytes a character: the text (2) and a few objects per sentence; with a copy of each
    # paragraph and sentence it took 12.7
    assert held < 8 * len(text), f"{held / len(text):.1f} bytes per character"


def test_a_json_lines_export_holds_its_file_text_once():
    from mtcheck.readers import cms_json, segment_document

    line = json.dumps({"id": "a", "title": "A title", "body": "\n\n".join([SENTENCE.strip() * 2] * 6)}, ensure_ascii=False)
    lines = "".join(line.replace('"a"', f'"a{k}"', 1) + "\n" for k in range(800))  # ≈ 950 KB
    cms_json.read_articles("w.en.jsonl", line, "en")
    articles, held, _ = traced(lambda: [segment_document(a.doc) for a in cms_json.read_articles("x.en.jsonl", lines, "en")])
    assert len(articles) == 800 and articles[-1].paragraphs[-1].text == SENTENCE.strip() * 2
    # 3.3 bytes a character; a clean copy of every paragraph and its two maps took 10.1
    assert held < 5 * len(lines), f"{held / len(lines):.1f} bytes per character"


def test_findings_are_ordered_without_an_entry_per_segment():
    from mtcheck.align import monolingual_segments
    from mtcheck.model import Finding, Severity
    from mtcheck.pipeline import _finalise
    from mtcheck.readers import segment_document
    from mtcheck.readers.text import parse

    doc = segment_document(parse("x.en.txt", "\n\n".join(f"Line {k}." for k in range(50_000)), "en"))
    segments = monolingual_segments(doc)

    def finding(segment) -> Finding:
        return Finding("spelling", "fluency/spelling", Severity.WARNING, "m", target=segment.target[0].span, segment=segment.id)

    findings = [finding(segments[-1]), Finding("omission", "accuracy/omission", Severity.WARNING, "no segment"), finding(segments[7])]
    _finalise(list(findings), segments, doc, None, [])  # the document's paragraph index, built once, outside the measure
    kept, _, peak = traced(lambda: _finalise(findings, segments, doc, None, []))
    assert [f.segment for f in kept] == ["p8.s1", "p50000.s1", None]  # file order; a finding without a segment last
    assert peak < 100_000, f"peak {peak} bytes (a dict of every segment's id took about 4 MB)"


def _peak_of_check(path) -> int:
    """Peak resident bytes of ``python -m mtcheck check PATH`` (the installed command's set-up)."""
    import os
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "mtcheck", "check", str(path), "--no-mt", "-f", "json", "-o", os.devnull, "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    return usage.ru_maxrss * 1024


def test_a_json_lines_export_leaves_no_pile_of_articles_for_the_collector(tmp_path):
    def export(folder, articles: int):
        folder.mkdir()
        for lang, body in (("en", "The minister said said on Monday that the economy grew by 2.5 per cent. "), ("fr", "Le ministre a dit lundi que l'économie a progressé de 2,5 %. ")):
            lines = (json.dumps({"id": f"a{k}", "title": "Title", "body": "\n\n".join([body * 3] * 8)}, ensure_ascii=False) for k in range(articles))
            (folder / f"feed.{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return folder / "feed.en.jsonl"

    small, big = export(tmp_path / "small", 5), export(tmp_path / "big", 250)
    grew = _peak_of_check(big) - _peak_of_check(small)
    size = big.stat().st_size + big.with_name("feed.fr.jsonl").stat().st_size
    # each finished article is cyclic garbage (sentences and paragraphs point at each other): the
    # peak grows 9.6× these 0.8 MiB; a collector told to wait for 100,000 new objects let it grow 19×
    assert grew < 14 * size, f"peak grew by {grew / 2**20:.0f} MiB for {size / 2**20:.1f} MiB of export"
