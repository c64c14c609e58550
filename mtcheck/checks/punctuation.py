"""Quotation marks, spacing and final punctuation that English typography does not allow."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity
from mtcheck.typography import typography

_SPACES = " \u00a0\u202f"
_FINAL = regex.compile(r"[.!?…][\s\u00a0\u202f]*[»”\"’')\]]*\s*$")


class ForeignQuotes(Rule):
    """French guillemets (« ») or German quotes („) left in English copy.

    Flags: ``“I am confident … stronger. »`` (the stray ``»`` and the space before it),
    ``« a quote »``.
    Leaves alone: English curly and straight quotes, and guillemets in a French target.
    """

    id = "foreign-quotes"
    category = "fluency/punctuation"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        foreign = typography(ctx.tgt_lang).get("foreign_quotes", {})
        if not foreign:
            return
        pattern = _foreign_quote_pattern(tuple(foreign.items()))
        for seg, sent in ctx.target_sentences():
            for m in pattern.finditer(sent.text):
                mark = m.group().strip(_SPACES)
                english = foreign[mark]
                yield self.finding(
                    f"“{mark}” is not an English quotation mark; use “{english}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=english,
                    fix=english,
                )


@functools.cache
def _foreign_quote_pattern(foreign: tuple[tuple[str, str], ...]) -> regex.Pattern:
    """Foreign quotation marks with the spacing French puts inside them (``« `` and `` »``)."""
    openers = regex.escape("".join(k for k, v in foreign if v in "“‘"))
    closers = regex.escape("".join(k for k, v in foreign if v not in "“‘"))
    return regex.compile(rf"[{openers}][{_SPACES}]?(?=\S)|(?<=\S)[{_SPACES}]?[{closers}]|[{openers}{closers}]")


class UnbalancedQuotes(Rule):
    """Quotation marks that do not pair up.

    Quotes are paired across the document, as a stream: a quotation may run over several
    paragraphs (up to ``_MAX_PARAGRAPHS``) before it closes.
    Flags: a closing ``”`` with no opening ``“``, an opening ``“`` never closed, a straight
    ``"`` left without its partner.
    Leaves alone: a quotation that runs on into the next paragraphs (English reopens each
    paragraph of a long quote and closes only the last; CMS exports cut quotes across
    blocks), apostrophes, foreign quotation marks (``foreign-quotes`` reports those,
    and they count as English ones here), and targets whose ``typography.toml`` sets
    ``check_quote_balance = false``.
    """

    id = "unbalanced-quotes"
    category = "fluency/punctuation"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        typo = typography(ctx.tgt_lang)
        pairs = [tuple(p) for p in typo.get("quotes", [])[:1]]
        if not pairs or not typo.get("check_quote_balance", True):
            return
        opener, closer = pairs[0]
        foreign = typo.get("foreign_quotes", {})
        openers = {opener} | {k for k, v in foreign.items() if v == opener}
        closers = {closer} | {k for k, v in foreign.items() if v == closer}
        segment_of = {id(s): seg for seg, s in ctx.target_sentences()}
        curly: list[tuple[int, int]] = []  # open quotations: (paragraph number, index)
        straight: tuple[int, int] | None = None
        for k, para in enumerate(ctx.target.paragraphs):
            for stale in [q for q in curly if k - q[0] > _MAX_PARAGRAPHS]:
                curly.remove(stale)
                yield self._at(ctx, stale, "Opening quotation mark is never closed.", segment_of)
            if straight and k - straight[0] > _MAX_PARAGRAPHS:
                yield self._at(ctx, straight, "Straight quotation mark is never closed.", segment_of)
                straight = None
            reopens = bool(curly) and para.text.lstrip().startswith(tuple(openers))
            reopens_straight = straight is not None and para.text.lstrip().startswith('"')
            for i, ch in enumerate(para.text):
                if ch in openers:
                    if reopens:
                        reopens = False  # the reopening quote of a continued quotation
                    else:
                        curly.append((k, i))
                elif ch in closers:
                    if curly:
                        curly.pop()
                    else:
                        yield self._at(ctx, (k, i), "Closing quotation mark without an opening one.", segment_of)
                elif ch == '"':
                    if reopens_straight:
                        reopens_straight = False  # the reopening quote of a continued quotation
                    else:
                        straight = None if straight else (k, i)
        for q in curly:
            yield self._at(ctx, q, "Opening quotation mark is never closed.", segment_of)
        if straight:
            yield self._at(ctx, straight, "Straight quotation mark is never closed.", segment_of)

    def _at(self, ctx: CheckContext, where: tuple[int, int], message: str, segment_of) -> Finding:
        para = ctx.target.paragraphs[where[0]]
        i = where[1]
        sentence = next((s for s in para.sentences if s.start <= i < s.end), None)
        seg = segment_of.get(id(sentence)) if sentence else None
        return self.finding(message, target=para.file_span(i, i + 1), segment=seg)


_MAX_PARAGRAPHS = 5


class SpaceBeforePunctuation(Rule):
    """A space before a full stop, comma, colon, semicolon, question or exclamation mark or closing quote.

    Flags: ``he said , then``, ``Why ?``, ``“Hello ”`` — French spacing carried into English.
    Leaves alone: ellipses (``…``), ``[…]``, a space before an opening quote or bracket, and
    no-break spaces (``nbsp-punctuation`` reports those).
    """

    id = "space-before-punctuation"
    category = "fluency/punctuation"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        marks = typography(ctx.tgt_lang).get("no_space_before", "")
        if not marks:
            return
        pattern = regex.compile(rf"(?<=[\p{{L}}\p{{N}}”’)%]) +(?=[{regex.escape(marks)}](?![.…]))")
        for seg, sent in ctx.target_sentences():
            for m in pattern.finditer(sent.text):
                mark = sent.text[m.end()]
                span = sent.file_span(m.start(), m.end())
                if ctx.target.slice(span).strip(" "):
                    continue  # markup between the word and the mark, not a space in the file
                yield self.finding(
                    f"No space before “{mark}” in English.",
                    target=span,
                    segment=seg,
                    suggestion="",
                    fix="",
                )


class DoubleSpace(Rule):
    """Two or more spaces between words.

    Flags: ``the  summit`` (two spaces), which CMS exports keep and browsers hide.
    Leaves alone: indentation at the start of a line and spaces around line breaks.
    """

    id = "double-space"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg, sent in ctx.target_sentences():
            for m in regex.finditer(r"(?<=\S)[ \u00a0]{2,}(?=\S)", sent.text):
                span = sent.file_span(m.start(), m.end())
                if ctx.target.slice(span).strip(" \u00a0"):
                    continue  # markup removed between two spaces, not a double space in the file
                yield self.finding(
                    "Several spaces in a row.",
                    target=span,
                    segment=seg,
                    suggestion=" ",
                    fix=" ",
                )


class FinalPunctuation(Rule):
    """A translated sentence that lost the final punctuation its source has.

    Flags: ``He left`` aligned with ``Il est parti.`` — a sentence ending on a letter or digit.
    Leaves alone: the headline (the document's first block, when it is one sentence: English
    headlines take no full stop even where the French has one), datelines whose source has
    no final punctuation either, sentences ending in any punctuation, quote or bracket
    (``It was rough,`` continues).
    """

    id = "final-punctuation"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        first = ctx.target.paragraphs[0] if ctx.target.paragraphs else None
        for seg in ctx.aligned():
            source_end = seg.source[-1].text
            last = seg.target[-1]
            if not _FINAL.search(source_end) or not last.text.rstrip()[-1:].isalnum():
                continue  # a sentence continued in the next segment ends with "," ":" or "-"
            if first is not None and last.paragraph is first and len(first.sentences) == 1:
                continue  # the headline: English headlines take no full stop
            end = len(last.text.rstrip())
            yield self.finding(
                f"Missing final punctuation; the source ends with “{source_end.rstrip()[-1]}”.",
                target=last.file_span(max(end - 1, 0), end),
                segment=seg,
            )
