"""Plain text: paragraphs are separated by blank lines (with any line endings: LF, CRLF, CR)."""

from __future__ import annotations

from mtcheck import patterns
from mtcheck.model import Document, Paragraph, Span
from mtcheck.segment import trimmed_ranges

_BLANK_LINE = patterns.compile(r"(?>\r\n|\r|\n)[^\S\r\n]*(?>\r\n|\r|\n)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of the blank-line separated blocks of ``text``, whitespace trimmed."""
    cuts = [0]
    for m in _BLANK_LINE.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return trimmed_ranges(text, zip(cuts[::2], cuts[1::2]))


def parse(path: str, text: str, lang: str) -> Document:
    paragraphs = [
        Paragraph(i, Span(a, b), file_text=text)
        for i, (a, b) in enumerate(paragraph_spans(text), 1)
    ]
    return Document(path=path, text=text, lang=lang, paragraphs=paragraphs)
