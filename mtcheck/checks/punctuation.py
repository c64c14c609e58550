"""Quotation marks, spacing and final punctuation that English typography does not allow."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Segment, Sentence, Severity
from mtcheck.resources import months as months_of
from mtcheck.resources import stopwords, word_list
from mtcheck.typography import typography

_SPACES = " \u00a0\u202f"
_FINAL = patterns.compile(r"[.!?…][\s\u00a0\u202f]*[»”\"’')\]]*\s*$")


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
    target_langs = frozenset({"en"})

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
                    f"{mark} is not an English quotation mark; use {english} instead.",
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
    return patterns.compile(rf"[{openers}][{_SPACES}]?(?=\S)|(?<=\S)[{_SPACES}]?[{closers}]|[{openers}{closers}]")


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
        pattern = patterns.compile(rf"(?<=[\p{{L}}\p{{N}}”’)%]) +(?=[{regex.escape(marks)}](?![.…]))")
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

    Flags: ``He left`` aligned with ``Il est parti.`` — a sentence ending on a letter or digit;
    inside a paragraph, ``He left The talks resumed.`` where the source has two sentences
    (the space, where the source's break falls, before a capitalised sentence opener such
    as *The*, *He*, *A*, or before the first word of the source's second sentence); a
    doubled full stop (``Maryse Bouvette..``, ``the U.S..``) where the source has none.
    Leaves alone: headlines and subheadings (the document's first block, or a block of one
    short sentence in Title Case: English headlines take no full stop even where the French
    has one), datelines whose source has no final punctuation either, sentences ending in
    any punctuation, quote or bracket (``It was rough,`` continues), ellipses, and
    capitalised words inside a sentence: names, weekdays, months, demonyms, *in The Hague*.
    """

    id = "final-punctuation"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        first = ctx.target.paragraphs[0] if ctx.target.paragraphs else None
        for seg in ctx.aligned():
            if len(seg.source) > len(seg.target):
                yield from self._lost_boundaries(ctx, seg)
            yield from self._doubled_stops(seg)
            source_end = seg.source[-1].text
            last = seg.target[-1]
            if not _FINAL.search(source_end) or not last.text.rstrip()[-1:].isalnum():
                continue  # a sentence continued in the next segment ends with "," ":" or "-"
            if last.paragraph is first and len(first.sentences) == 1 or _heading(last):
                continue  # a headline: English headlines take no full stop
            end = len(last.text.rstrip())
            yield self.finding(
                f"Missing final punctuation; the source ends with “{source_end.rstrip()[-1]}”.",
                target=last.file_span(max(end - 1, 0), end),
                segment=seg,
            )

    def _doubled_stops(self, seg: Segment) -> Iterator[Finding]:
        if any(_DOUBLED_STOP.search(s.text) for s in seg.source):
            return
        for sent in seg.target:
            for m in _DOUBLED_STOP.finditer(sent.text):
                yield self.finding("Doubled full stop.", target=sent.file_span(m.start(), m.end()), segment=seg, suggestion=".")

    def _lost_boundaries(self, ctx: CheckContext, seg: Segment) -> Iterator[Finding]:
        """Two source sentences translated as one that runs them together (``on Monday The talks``).

        The break is looked for where the source's falls (same share of the text, within
        ``_BREAK_SLACK``): a space before a capitalised sentence opener (*The*, *He*, *A*; not
        *The Hague*), or a lowercase word then the word the source's second sentence starts
        with (*job Delta*). Other capitalised words are left alone: a translator who joins two
        sentences keeps names inside the joined one.
        """
        if len(seg.source) != 2 or len(seg.target) != 1:
            return
        sent, (first, second) = seg.target[0], seg.source
        openers = _openers(ctx.tgt_lang)
        opening = regex.match(r"\P{L}*(\p{L}+)", second.text)
        expected = len(sent.text) * len(first.text) / (len(first.text) + len(second.text))
        opener = opening.group(1) if opening else None
        candidates = [
            m for m in _CAPITAL_AFTER_WORD.finditer(sent.text, overlapped=True)
            if m.group(2) in openers and not m.group("cap") or m.group(2) == opener and m.group(1)[0].islower()
        ]
        near = [m for m in candidates if abs(m.start(2) - expected) <= _BREAK_SLACK * len(sent.text)]
        best = min(near, key=lambda m: abs(m.start(2) - expected), default=None)
        if best is None:
            return
        end = best.end(1)
        yield self.finding(
            f"Missing punctuation before “{best.group(2)}”: the source has a sentence break here.",
            target=sent.file_span(end - 1, end),
            segment=seg,
            suggestion=sent.text[end - 1] + ".",
        )


_HEADING_WORDS = 6
_DOUBLED_STOP = patterns.compile(r"(?<![.…])\.\.(?![.…])")  # not an ellipsis
_BREAK_SLACK = 0.25
_CAPITAL_AFTER_WORD = patterns.compile(r"(?<!\S)(\S*[\p{L}\p{N}]) (\p{Lu}\p{Ll}*)\b(?P<cap>\s+\p{Lu})?")


def _heading(sentence: Sentence) -> bool:
    """A block of one short sentence in Title Case: a subheading (``Cheese Is Back``)."""
    words = sentence.text.split()
    long_words = [w for w in words if len(w) > 3]
    return (
        len(sentence.paragraph.sentences) == 1 and len(words) <= _HEADING_WORDS
        and all(w[:1].isupper() or not w[:1].isalpha() for w in long_words)
    )


@functools.cache
def _openers(lang: str) -> frozenset[str]:
    """Capitalised function words that start sentences (not ``I``, nor month names such as ``May``)."""
    months = {name.capitalize() for name in months_of(lang)}
    function_words = {*stopwords(lang), *word_list(lang, "mt-stopwords")}  # the latter has "a", "on"
    return frozenset(w.capitalize() for w in function_words if w.isalpha() and w != "i") - months


class InnerSentenceMark(Rule):
    """A full stop, question or exclamation mark inside a sentence, before a lowercase word.

    Flags: ``the ministers met on Monday. in Brussels``, ``the plan is aimed at? young
    voters`` — where the aligned source has no sentence break there.
    Leaves alone: abbreviations and initials (``U.S. officials``, ``etc. and``, ``a.m. on``),
    ellipses, a mark followed by a quote or bracket (``"Why?" he asked``), brand names
    written in lowercase (``iPhone``), as many marks as the source also has before a lowercase
    word (``que disent-ils ? que pensent-ils ?``; not counting its abbreviations such as
    ``p.-d.g.``), and segments whose source has more sentences.
    """

    id = "inner-sentence-mark"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.aligned():
            if len(seg.source) > len(seg.target):
                continue  # the source breaks where the target does not: a casing matter
            in_source = Counter(m.group().strip() for _, m in _inner_marks(seg.source, _SOURCE_INNER, ctx.src_lang))
            for sent, m in _inner_marks(seg.target, _INNER, ctx.tgt_lang):
                if in_source[m.group()] > 0:
                    in_source[m.group()] -= 1  # the source has this mark before a lowercase word too
                    continue
                yield self.finding(
                    f"“{m.group()}” inside a sentence, before a lowercase word.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion="",
                )


def _inner_marks(sentences: list[Sentence], pattern: regex.Pattern, lang: str) -> Iterator[tuple[Sentence, regex.Match]]:
    """Marks of ``pattern`` in ``sentences`` that are not the full stop of an abbreviation or initial."""
    abbreviations = _abbreviations(lang)
    for sent in sentences:
        for m in pattern.finditer(sent.text):
            if m.group().strip() == ".":
                token = sent.text[: m.end()].split()[-1].lstrip("(«“\"'‘[")
                if token in abbreviations or "." in token[:-1] or len(token) <= 2:
                    continue  # U.S., e.g., p.-d.g., initials
            yield sent, m


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "abbreviations") + word_list(lang, "abbreviations_sentence_final_ok"))


_INNER = patterns.compile(r"(?<=[\p{L}\p{N}])[.?!](?=[ \u00a0]+\p{Ll}(?!\p{L}*\p{Lu}))")
_SOURCE_INNER = patterns.compile(r"[ \u00a0\u202f]?[.?!](?=[ \u00a0\u202f]+\p{Ll})")  # French spaces before "?" and "!"
