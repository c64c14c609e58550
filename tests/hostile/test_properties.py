"""Property tests (hypothesis) over every reader, the segmenter, the aligner, the pipeline and
``fix``: offsets map back into the file, no exception but a one-line input error escapes, and
``fix`` is idempotent. Bounded (a few dozen examples each) so the suite stays fast; the
nightly-size run is ``python bench/fuzz.py --examples 100000``."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from mtcheck.readers import InputError, segment_document

# Words, markup and the characters that broke things: quotes, escapes, controls, surrogate
# escapes, entities, Markdown emphasis, CR line endings, no-break spaces.
TOKENS = [
    "The", "president", "said", "said", "Kyiv", "kyiv", "Moscou", "Moscow", "le", "président", "a", "dit",
    "3,5", "3.5", "1 000", "No.", "U.S.", "Mr.", "«", "»", "“", "”", '"', "'", " ", " ", " ", "\n", "\n\n", "\r\n",
    "\t", ".", ". ", "!", "?", "…", ",", ";", ":", "-", "—", "(", ")", "[", "]", "[…]", "*", "**", "_", "`", "```",
    "#", "<", ">", "&", "&amp;", "&#xD800;", "&#0;", "&nbsp;", "<p>", "</p>", "<span>", "<b>", "</b>", "<br/>",
    "<!-- mtcheck: ignore duplicate-word -- quoted -->", "<script>", "http://example.com/a.b", "\x1b[2J", "\x07",
    "\x00", "\u00a0", "\u202f", "\u200b", "\ufeff", "é", "e\u0301", "😀", "\\", "\\ud800", "\\u00e9", "{", "}",
]
texts = st.lists(st.sampled_from(TOKENS) | st.text(max_size=3), max_size=40).map("".join)
# Enough real prose around the noise that the language and pairing guards let it through.
EN = "The president spoke to reporters in Moscow on Monday about the talks with his Chinese counterpart. "
FR = "Le président a parlé aux journalistes à Moscou lundi des discussions avec son homologue chinois. "
# CI: 40 inputs per property; bench/fuzz.py sets MTCHECK_FUZZ_EXAMPLES for the nightly-size run.
FAST = settings(
    max_examples=int(os.environ.get("MTCHECK_FUZZ_EXAMPLES", "40")), deadline=None, database=None,
    suppress_health_check=list(HealthCheck),
)


def _check_offsets(doc) -> None:
    """Every clean character maps to a non-empty, ordered file range inside the text."""
    n = len(doc.text)
    for p in doc.paragraphs:
        assert p.char_starts is None or len(p.char_starts) == len(p.text) == len(p.char_ends)
        for k in range(len(p.text)):
            a, b = p.file_span(k, k + 1).start, p.file_span(k, k + 1).end
            assert 0 <= a < b <= n
        for s in p.sentences:
            assert 0 <= s.span.start <= s.span.end <= n
            assert p.text[s.start : s.end] == s.text


@FAST
@given(texts)
def test_plain_text_offsets_round_trip(text):
    from mtcheck.readers.text import parse

    doc = parse("x.en.txt", text, "en")
    for p in doc.paragraphs:  # plain text: every clean character is the file's own
        assert "".join(text[p.file_span(k, k + 1).start : p.file_span(k, k + 1).end] for k in range(len(p.text))) == p.text
    try:
        segment_document(doc)
    except InputError:
        return
    _check_offsets(doc)


@FAST
@given(texts, st.sampled_from(["markdown", "html"]))
def test_markup_readers_map_offsets_or_refuse_in_one_line(text, fmt):
    from mtcheck.readers.html import parse as html
    from mtcheck.readers.markdown import parse as markdown

    try:
        doc = segment_document((markdown if fmt == "markdown" else html)("x.en", text, "en"))
    except InputError as e:
        assert "\n" not in str(e).strip()
        return
    _check_offsets(doc)


@FAST
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=4), st.booleans())
def test_json_and_xliff_readers(fields, lines):
    from mtcheck.readers import cms_json
    from mtcheck.readers.xliff import parse as xliff

    articles = [json.dumps({"id": str(k), "title": t, "body": b}, ensure_ascii=k % 2 == 0) for k, (t, b) in enumerate(fields)]
    text = "\n".join(articles) if lines else "[" + ",".join(articles) + "]"
    try:
        for article in cms_json.read_articles("x.en.jsonl" if lines else "x.en.json", text, "en"):
            _check_offsets(article.doc)
    except InputError:
        pass
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    units = "".join(f'<unit id="u{k}"><segment><source>{esc(s)}</source><target>{esc(t)}</target></segment></unit>' for k, (s, t) in enumerate(fields))
    markup = f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f">{units}</file></xliff>'
    try:
        pair = xliff("x.xlf", markup)
    except InputError:
        return
    _check_offsets(pair.source)
    _check_offsets(pair.target)


@FAST
@given(texts, st.sampled_from(["en", "fr"]))
def test_segmenter_covers_every_character_once(text, lang):
    from mtcheck.segment import split_sentences

    ranges = split_sentences(text, lang)
    covered = 0
    for a, b in ranges:
        assert covered <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert not text[covered:a].strip()
        covered = b
    assert not text[covered:].strip()


@FAST
@given(texts, texts)
def test_aligner_places_every_sentence_once_in_order(source, target):
    from mtcheck.align import align_documents
    from mtcheck.readers.text import parse

    src, tgt = parse("x.fr.txt", source, "fr"), parse("x.en.txt", target, "en")
    try:
        segment_document(src)
        segment_document(tgt)
    except InputError:
        return
    segments = align_documents(src, tgt)
    assert [s.id for seg in segments for s in seg.target] == [s.id for s in tgt.sentences()]
    assert sorted(s.id for seg in segments for s in seg.source) == sorted(s.id for s in src.sentences())


@FAST
@given(texts, texts, st.sampled_from([".txt", ".md", ".html"]))
def test_pipeline_spans_lie_in_the_file(target, source, suffix):
    from mtcheck.pipeline import check_file

    with tempfile.TemporaryDirectory() as tmp:
        t, s = Path(tmp) / f"a.en{suffix}", Path(tmp) / f"a.fr{suffix}"
        t.write_text(EN + target + "\n\n" + EN, encoding="utf-8")
        s.write_text(FR + source + "\n\n" + FR, encoding="utf-8")
        try:
            results = check_file(t, s, src_lang="fr", tgt_lang="en", settings={"mt": False})
        except InputError as e:
            assert "\n" not in str(e).strip()
            return
        for r in results:
            for f in r.findings:
                for doc, span in ((r.target, f.target), (r.source, f.source)):
                    if span is not None:
                        assert doc is not None and 0 <= span.start <= span.end <= len(doc.text)


@FAST
@given(texts, st.sampled_from([".txt", ".md", ".html", ".json"]))
def test_fix_is_idempotent(target, suffix):
    from mtcheck.fix import FixError, compute, write

    target = EN + target + " " + EN
    if suffix == ".json":
        target = json.dumps({"title": target})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a.en{suffix}"
        path.write_text(target, encoding="utf-8", newline="")
        try:
            snapshot, outcome = compute(path, None, src_lang="fr", tgt_lang="en", settings={})
        except (InputError, FixError):
            return
        if outcome.changed:
            write(snapshot, outcome, backup=False)
        try:
            _, again = compute(path, None, src_lang="fr", tgt_lang="en", settings={})
        except InputError:  # the fixed text is refused only where the original was borderline
            return
        assert not again.changed or outcome.unresolved
