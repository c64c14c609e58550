"""The terminal report: findings grouped by paragraph, each with its sentence and highlighted span."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Document, DocumentResult, Finding, Span
from mtcheck.report.lines import Positions
from mtcheck.report.shared import cms_field, document_article, summary
from mtcheck.terminal import escape_controls

_COLOURS = {"error": "31", "warning": "33", "info": "36"}
_CONTEXT = 50


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _excerpt(doc: Document, span: Span, colour: bool) -> str:
    """The flagged span in the clean text of its paragraph (markup and escapes removed)."""
    paragraph = doc.paragraph_at(span.start)
    if paragraph is not None and paragraph.span.start <= span.end <= paragraph.span.end:
        text = paragraph.text
        i, j = paragraph.clean_range(span)
    else:
        text, i, j = doc.text, span.start, span.end
    start = max(text.rfind("\n", max(0, i - _CONTEXT), i) + 1, i - _CONTEXT)  # windows: no scan of a long line
    end_nl = text.find("\n", j, j + _CONTEXT)
    end = min(end_nl if end_nl != -1 else len(text), j + _CONTEXT)
    hit_shown = _safe(text[i:j].replace("\n", "⏎")) or "∅"
    marked = _paint(hit_shown, "1;4", colour) if colour else f"[{hit_shown}]"
    lead = "…" if start > 0 and text[start - 1] != "\n" else ""
    tail = "…" if end < len(text) and text[end] != "\n" else ""
    excerpt = f"{lead}{_safe(text[start:i])}{marked}{_safe(text[j:end])}{tail}"
    return excerpt.replace("\u00a0", "⍽").replace("\u202f", "⍽")


def _safe(text: str) -> str:
    """``text`` on one line with control characters escaped (an ESC in an article is shown as ``\x1b``)."""
    return escape_controls(text, newlines=True)


def _finding_lines(f: Finding, result: DocumentResult, colour: bool, position: Positions) -> list[str]:
    doc, span, side = (result.target, f.target, "") if f.target else (result.source, f.source, "source ")
    sev = _paint(f"{f.severity.value:<7}", _COLOURS[f.severity.value], colour)
    where = ""
    if doc is not None and span is not None:
        line, col = position(doc.text, span.start)
        field = cms_field(f, result)
        where = f"{side}{field + ' ' if field else ''}{line}:{col}"
    head = f"  {where:<14} {sev} {_paint(f'{f.rule:<24}', '2', colour)} {_safe(f.message)}"
    if f.related:
        head += f" (also {', '.join(f.related)})"
    if f.suppressed:
        reason = (f.suppression or {}).get("reason")
        head += f" (suppressed: {_safe(reason)})" if reason else " (suppressed)"
    lines = [head]
    if doc is not None and span is not None:
        lines.append(f"{'':17}{_excerpt(doc, span, colour)}")
    if f.suggestion is not None:
        lines.append(f"{'':17}→ {_safe(f.suggestion)}" if f.suggestion.strip() else f"{'':17}→ (delete)")
    return lines


def _label(doc: Document) -> str:
    """The document's path, with ``#<article id>`` for an article of a JSON export."""
    article = document_article(doc)
    return f"{doc.path}#{article}" if article else doc.path


def _source_label(result: DocumentResult) -> str:
    assert result.source is not None
    if result.source.path == result.target.path:
        return "its embedded source"
    return _label(result.source)


def render(results: list[DocumentResult], colour: bool = False, quiet: bool = False) -> str:
    """The terminal report; ``quiet`` keeps only documents with unsuppressed findings, no notices, no summary."""
    return "".join(chunks(results, colour, quiet))


def chunks(results: list[DocumentResult], colour: bool = False, quiet: bool = False) -> Iterator[str]:
    """The report of :func:`render` a finding at a time (never whole in memory)."""
    if quiet:
        results = [r.replace(notices=[]) for r in results if any(not f.suppressed for f in r.findings)]
        yield from _without_trailing_newlines(_lines(results, colour))
        if results:
            yield "\n"
        return
    yield from _lines(results, colour)
    counts = summary(results)
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    yield (
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{counts['info']} info in {plural(counts['documents'], 'document')}\n"
    )


def _lines(results: list[DocumentResult], colour: bool) -> Iterator[str]:
    """Each document's block, each line ending in a newline."""
    seen_notices: set[str] = set()  # one "MT skipped" for the run, not one per document
    position = Positions()
    for result in results:
        header = _safe(_label(result.target) + (f"  ←  {_source_label(result)}" if result.source else ""))
        yield _paint(header, "1", colour) + "\n"
        for notice in result.notices:
            if notice not in seen_notices:
                seen_notices.add(notice)
                yield f"  note: {_safe(notice)}\n"
        no_break = False
        current = None
        for f in result.findings:
            paragraph = (f.segment or "").split(".")[0] or "—"
            if paragraph != current:
                current = paragraph
                line = _paint(f" ¶{paragraph.lstrip('p')}", "2", colour)
                no_break = no_break or "⍽" in line
                yield line + "\n"
            lines = "".join(line + "\n" for line in _finding_lines(f, result, colour, position))
            no_break = no_break or "⍽" in lines
            yield lines
        if not result.findings:
            yield "  no findings\n"
        if no_break:
            yield "  (⍽ is a no-break space)\n"
        yield "\n"


def _without_trailing_newlines(pieces: Iterator[str]) -> Iterator[str]:
    """``pieces`` as ``"".join(pieces).rstrip("\\n")`` would give them, held back only while newlines."""
    held = ""
    for piece in pieces:
        body = piece.rstrip("\n")
        if body:
            yield held + body
            held = piece[len(body) :]
        else:
            held += piece
