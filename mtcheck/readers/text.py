"""Plain text: paragraphs are separated by blank lines."""

from __future__ import annotations

import regex

from mtcheck.model import Document, Paragraph, Span
from mtcheck.segment import trimmed_ranges

_PARAGRAPH = regex.compile(r"(?:(?!\n[^\S\n]*\n)[\s\S])+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of the blank-line separated blocks of ``text``, whitespace trimmed."""
    return trimmed_ranges(text, (m.span() for m in _PARAGRAPH.finditer(text)))


def parse(path: str, text: str, lang: str) -> Document:
    paragraphs = [
        Paragraph(index=i, span=Span(a, b), text=text[a:b])
        for i, (a, b) in enumerate(paragraph_spans(text), 1)
    ]
    return Document(path=path, text=text, lang=lang, paragraphs=paragraphs)
