"""Paragraphs and sentences hold offsets, not copies of the text (issue 12: memory)."""

from __future__ import annotations

import pickle

import pytest

from mtcheck.model import Offsets, Paragraph, Span
from mtcheck.readers import segment_document
from mtcheck.readers.html import parse as parse_html
from mtcheck.readers.text import parse as parse_text

TEXT = "First one. Second one here.\n\n  Third, alone.  \n"


def test_a_plain_text_paragraph_reads_its_text_from_the_file_text():
    doc = segment_document(parse_text("x.en.txt", TEXT, "en"))
    first, second = doc.paragraphs
    assert [first.text, second.text] == ["First one. Second one here.", "Third, alone."]
    assert first.char_starts is None and first.clean(6, 9) == "one" and second.clean(0, 99) == "Third, alone."
    sentences = doc.sentences()
    assert [(s.id, s.text) for s in sentences] == [("p1.s1", "First one."), ("p1.s2", "Second one here."), ("p2.s1", "Third, alone.")]
    assert [doc.slice(s.span) for s in sentences] == [s.text for s in sentences]
    assert doc.slice(sentences[1].file_span(7, 10)) == "one"


def test_a_sentence_is_computed_the_same_after_a_round_trip_through_pickle():
    doc = segment_document(parse_text("x.en.txt", TEXT, "en"))  # results travel from worker processes
    again = pickle.loads(pickle.dumps(doc))
    assert [(s.id, s.text, s.span) for s in again.sentences()] == [(s.id, s.text, s.span) for s in doc.sentences()]


def test_an_html_block_without_markup_inside_keeps_no_copy_and_no_map():
    page = "<p>Plain words here.</p><p>With &amp; an entity.</p><p>Tag <b>inside</b>.</p>"
    plain, entity, tagged = parse_html("x.en.html", page, "en").paragraphs
    assert plain.char_starts is None and plain.text == "Plain words here." and page[plain.span.start : plain.span.end] == plain.text
    assert entity.text == "With & an entity." and page[entity.file_span(5, 6).start : entity.file_span(5, 6).end] == "&amp;"
    assert tagged.text == "Tag inside." and isinstance(tagged.char_starts, Offsets)


def test_a_one_to_one_map_of_other_characters_keeps_the_clean_text():
    file_text = "a\nb c"
    p = Paragraph(1, Span(0, 3), "a b", [0, 1, 2], [1, 2, 3], file_text=file_text)  # a line break read as a space
    assert p.text == "a b" and p.char_starts == range(0, 3) and p.char_ends == range(1, 4)  # one run: a range
    q = Paragraph(1, Span(2, 5), "b c", [2, 3, 4], [3, 4, 5], file_text=file_text)
    assert q.text == "b c" and q.char_starts is None


def test_a_span_is_an_immutable_ordered_value():
    import copy
    from mtcheck.model import FrozenInstanceError

    a = Span(1, 3)
    assert a == Span(1, 3) != Span(1, 4) and hash(a) == hash(Span(1, 3)) and len(a) == 2
    assert sorted([Span(2, 3), Span(1, 4), a]) == [a, Span(1, 4), Span(2, 3)]
    assert pickle.loads(pickle.dumps(a)) == copy.deepcopy(a) == a and repr(a) == "Span(start=1, end=3)"
    with pytest.raises(FrozenInstanceError):
        a.start = 2
    with pytest.raises(ValueError):
        Span(3, 1)


def test_texts_read_right_past_the_kept_ones():
    from mtcheck.model import _RECENT, Paragraph, Sentence, Span

    file_text = " ".join(f"Sentence {k}." for k in range(3 * _RECENT))
    starts = [k for k in range(len(file_text)) if file_text.startswith("Sentence", k)]
    para = Paragraph(1, Span(0, len(file_text)), file_text=file_text)
    para.sentences = [Sentence(para, a, file_text.index(".", a) + 1, n) for n, a in enumerate(starts, 1)]
    marked = Paragraph(2, Span(0, 3), "a b", [0, 1, 2], [1, 2, 3])  # its own clean text
    for _ in range(2):  # twice: every text evicted before it is read again
        assert [s.text for s in para.sentences] == [f"Sentence {k}." for k in range(3 * _RECENT)]
        assert para.text == file_text and marked.text == "a b"


def test_a_document_result_is_compared_shown_and_replaced_as_a_dataclass_was():
    from mtcheck.model import Document, DocumentResult

    doc = Document("a.en.txt", "Text.", "en")
    a = DocumentResult(doc, None, [], [], src_lang="fr", tgt_lang="en")
    b = a.replace(notices=["n"])
    assert a.notices == [] and a.mt == {} and a.notices is not DocumentResult(doc, None, [], []).notices
    assert b.notices == ["n"] and b.target is doc and b.tgt_lang == "en" and b != a == a.replace()
    assert repr(a).startswith("DocumentResult(target=Document(") and repr(a).endswith("src_lang='fr', tgt_lang='en')")
    assert pickle.loads(pickle.dumps(b)) == b
    with pytest.raises(TypeError):
        a.replace(colour=True)
