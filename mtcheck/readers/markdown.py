"""Markdown: blocks are paragraphs, headings, list items and quotes; code, URLs and link
targets are never checked.

Markup characters are dropped from each block's clean text (so ``**Kyiv**`` reads ``Kyiv``),
link targets and images' URLs are dropped, inline code and bare URLs are kept but masked.
An HTML comment ``<!-- mtcheck: ignore RULE[, RULE] -- reason -->`` on its own line silences
those rules (ids or category prefixes) in the next block; the reason is required, and a
malformed ``mtcheck:`` comment is an input error (as in HTML).
"""

from __future__ import annotations

import regex

from mtcheck.model import Document, Paragraph, Span
from mtcheck.readers import InputError, line_col
from mtcheck.readers.common import URL, MarkupError, parse_suppression

_FENCE = regex.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = regex.compile(r"^\s{0,3}(?:>\s?)+")
_RULE_LINE = regex.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_TABLE_SEP = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_COMMENT_LINE = regex.compile(r"^\s*<!--(.*?)-->\s*$")

_DROP = regex.compile(
    r"""
      (?P<img>!\[)                                   # image opener
    | (?P<ref>\]\[[^\]\n]*\])                        # reference link label
    | (?P<target>\]\([^)\s]*(?:\s+"[^"]*")?\))       # link target
    | (?P<open>\[)(?=[^\]\n]*\](?:\(|\[))            # link text opener
    | (?P<tag></?[A-Za-z][^>\n]*>)                   # inline HTML tag
    | (?P<strong>\*\*|__)                            # strong emphasis
    | (?P<em>(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))
    | (?P<trail>[ \t]+\#+[ \t]*$)                    # closing hashes of an ATX heading
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_CODE = regex.compile(r"(`+)(.+?)\1", regex.DOTALL)


def parse(path: str, text: str, lang: str) -> Document:
    doc = Document(path=path, text=text, lang=lang)
    for pieces, suppress in _blocks(text, doc):
        _add_block(doc, text, pieces, suppress)
    return doc


_LINE = regex.compile(r"([^\r\n]*)(?:\r\n|\r|\n)|([^\r\n]+)$")


def _lines(text: str):
    """``(start, end, body)`` per line; only CR, LF and CRLF end a line (``str.splitlines``
    would also split at \\x1c–\\x1e, \\x85 and U+2028, which are text here)."""
    for m in _LINE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        yield m.start(group), m.end(group), m.group(group)


def _blocks(text: str, doc: Document):
    """Blocks as lists of ``(start, end)`` content pieces, one per line, plus suppressions."""
    blocks: list[tuple[list[tuple[int, int]], list[tuple[str, str]]]] = []
    current: list[tuple[int, int]] = []
    suppress: list[tuple[str, str]] = []
    fence: str | None = None
    last_directive = 0

    def close() -> None:
        nonlocal current, suppress
        if current:
            blocks.append((current, suppress))
            suppress = []
        current = []

    for start, end, line in _lines(text):
        if fence is not None:
            doc.masked.append(Span(start, end))
            if line.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(line):
            close()
            fence = m.group(1)
            doc.masked.append(Span(start, end))
            continue
        if not line.strip():
            close()
            continue
        if m := _COMMENT_LINE.match(line):
            close()
            try:
                directive = parse_suppression(m.group(1)) or []
                suppress += directive
                last_directive = start if directive else last_directive
            except MarkupError as e:
                raise InputError(doc.path, f"line {line_col(text, start)[0]}: {e.message}") from None
            continue
        if _RULE_LINE.match(line) or _TABLE_SEP.match(line):
            close()
            continue
        if not current and line.startswith(("    ", "\t")):
            doc.masked.append(Span(start, end))
            continue
        offset = 0
        if m := _QUOTE.match(line):
            offset = m.end()
        rest = line[offset:]
        if m := _HEADING.match(rest):
            close()
            current.append((start + offset + m.end(), end))
            close()
            continue
        if m := _LIST_ITEM.match(rest):
            close()
            offset += m.end()
        else:
            offset += len(rest) - len(rest.lstrip())
        if start + offset < end:
            current.append((start + offset, end))
    close()
    if suppress:  # a directive with no block after it would silence nothing, silently
        raise InputError(doc.path, f"line {line_col(text, last_directive)[0]}: mtcheck comment silences nothing (no block follows it)")
    return blocks


def _add_block(doc: Document, text: str, pieces: list[tuple[int, int]], suppress) -> None:
    raw_chars: list[str] = []
    raw_pos: list[int] = []
    for k, (a, b) in enumerate(pieces):
        if k:
            raw_chars.append("\n")
            raw_pos.append(pieces[k - 1][1])  # the previous line's end: its line break
        raw_chars.extend(text[a:b])
        raw_pos.extend(range(a, b))
    raw = "".join(raw_chars)
    keep = [True] * len(raw)
    for m in _CODE.finditer(raw):
        for i in (*range(m.start(), m.start(2)), *range(m.end(2), m.end())):
            keep[i] = False
        doc.masked.append(Span(raw_pos[m.start(2)], raw_pos[m.end(2) - 1] + 1))
    code = {i for m in _CODE.finditer(raw) for i in range(m.start(), m.end())}
    for m in _DROP.finditer(raw):
        if m.start() in code:
            continue
        for i in range(m.start(), m.end()):
            keep[i] = False
    for m in URL.finditer(raw):
        doc.masked.append(Span(raw_pos[m.start()], raw_pos[m.end() - 1] + 1))
    kept = [i for i in range(len(raw)) if keep[i]]
    while kept and raw[kept[-1]].isspace():
        kept.pop()
    lead = next((k for k, i in enumerate(kept) if not raw[i].isspace()), len(kept))
    del kept[:lead]
    if not kept:
        return
    index = len(doc.paragraphs) + 1
    starts = [raw_pos[i] for i in kept]
    ends = [p + 1 for p in starts]
    doc.paragraphs.append(
        Paragraph(
            index=index,
            span=Span(starts[0], ends[-1]),
            text="".join(raw[i] for i in kept),
            char_starts=starts,
            char_ends=ends,
            file_text=text,
        )
    )
    if suppress:
        doc.suppressions[index] = list(suppress)
