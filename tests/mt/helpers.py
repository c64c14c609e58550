"""Build check contexts directly from sentence pairs (one paragraph per pair)."""

from __future__ import annotations

from mtcheck.checks.base import CheckContext
from mtcheck.model import Document, Paragraph, Segment, Sentence, Span


def document(path: str, lang: str, paragraphs: list[list[str]]) -> Document:
    """A plain-text document whose paragraphs hold the given sentences (joined by a space)."""
    text, paras = "", []
    for pi, sents in enumerate(paragraphs, start=1):
        if text:
            text += "\n\n"
        start = len(text)
        body = " ".join(sents)
        text += body
        para = Paragraph(pi, Span(start, len(text)), body)
        pos = 0
        for si, s in enumerate(sents, start=1):
            para.sentences.append(
                Sentence(paragraph=para, start=pos, end=pos + len(s), n=si)
            )
            pos += len(s) + 1
        paras.append(para)
    return Document(path, text, lang, paras)


def make_ctx(pairs, mt=None, settings=None, *, monolingual: bool = False) -> CheckContext:
    """``pairs``: ``[(source, target), ...]``; a side may be a list of sentences (one segment)."""

    def as_list(x):
        return x if isinstance(x, list) else [x]

    tgt = document("t.en.txt", "en", [as_list(t) for _, t in pairs])
    src = None if monolingual else document("t.fr.txt", "fr", [as_list(s) for s, _ in pairs])
    segments = []
    for i, tp in enumerate(tgt.paragraphs):
        sp = src.paragraphs[i].sentences if src else []
        segments.append(Segment(f"p{i + 1}.s1", list(sp), list(tp.sentences)))
    return CheckContext(tgt, src, segments, "fr", "en", dict(settings or {}), mt)
