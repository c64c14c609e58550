"""Quotation marks, spacing and final punctuation that English typography does not allow."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import any_of
from mtcheck.model import Finding, Segment, Sentence, Severity
from mtcheck.resources import months as months_of
from mtcheck.resources import stopwords, word_list
from mtcheck.typography import typography

_SPACES = " \u00a0\u202f"


def _holds(text: str, needles: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needles``: a pattern that needs one runs only then."""
    return any_of(needles)(text)
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
        marks = tuple("".join(foreign))
        for seg, sent in ctx.target_sentences():
            text = sent.text
            if not _holds(text, marks):
                continue  # every match holds a foreign mark
            for m in pattern.finditer(text):
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

    Quotes are paired across the document, as a stream, by their side: a straight ``"``
    opens before a word (``said "We``) and closes after one (``point."``). A quotation may
    run over any number of paragraphs (or sentences, in a corpus of one sentence per line):
    English reopens each paragraph of a long quote and closes only the last.
    Flags: a closing ``”`` or ``"`` with no quotation open, an opening one never closed, a
    ``"`` typed for an apostrophe (``d"état``, ``the Lakers" coach`` with no quotation open).
    Leaves alone: a quotation that runs on into the next paragraphs (with or without the
    reopening quote at the start of each), nested straight quotes, a quotation the aligned
    source also leaves open in that segment (a quote cut across segments), foreign quotation marks
    (``foreign-quotes`` reports those, and they count as English ones here), and targets
    whose ``typography.toml`` sets ``check_quote_balance = false``.
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
        sides = {ch: _OPENS for ch in {opener} | {k for k, v in foreign.items() if v == opener}}
        sides |= {ch: _CLOSES for ch in {closer} | {k for k, v in foreign.items() if v == closer}}
        marks = _any_of("".join(sorted({*sides, "\""})))  # the characters read below
        stacks: dict[bool, list[tuple[int, int]]] = {True: [], False: []}  # curly / straight → open quotations
        for k, para in enumerate(ctx.target.paragraphs):
            text = para.text
            for mark in marks.finditer(text):
                i, ch = mark.start(), mark.group()
                curly = ch != '"'
                side = sides.get(ch) if curly else _straight_side(text, i)
                if side is None:
                    continue
                stack = stacks[curly]
                if side == _INSIDE or side == _CLOSES and not stack and _POSSESSIVE.match(text, i - 1):
                    start = i
                    while start and text[start - 1].isalnum():  # the word or number it follows: 5"x7" too
                        start -= 1
                    word = text[start:i]
                    message = f"Straight quotation mark after “{word}” where no quotation is open: an apostrophe?"
                    yield from self._at(ctx, (k, i - len(word)), message, len(word) + 1)
                elif side == _OPENS and (i == 0 or text[:i].isspace()) and stack and stack[-1][0] < k:  # first in its block
                    stack[-1] = (k, i)  # the reopening quote of a quotation continued from an earlier paragraph
                elif side == _OPENS or side == _EITHER and not stack:
                    stack.append((k, i))
                elif stack:
                    stack.pop()
                else:
                    yield from self._at(ctx, (k, i), "Closing quotation mark without an opening one.")
        for curly, stack in stacks.items():
            for where in stack:
                yield from self._at(ctx, where, _NEVER_CLOSED[curly])

    def _at(self, ctx: CheckContext, where: tuple[int, int], message: str, length: int = 1) -> Iterator[Finding]:
        """The finding at ``where``, unless its aligned source leaves a quotation open too."""
        para = ctx.target.paragraphs[where[0]]
        i = where[1]
        sentence = next((s for s in para.sentences if s.start <= i < s.end), None)
        seg = ctx.segment_of(sentence)
        if seg is not None and seg.source and sum(ch in _SOURCE_QUOTES for s in seg.source for ch in s.text) % 2:
            return  # the translation keeps the source's layout (a quotation cut across segments)
        yield self.finding(message, target=para.file_span(i, i + length), segment=seg)


_OPENS, _CLOSES, _EITHER, _INSIDE = "opens", "closes", "either", "inside"


@functools.cache
def _any_of(characters: str) -> regex.Pattern:
    return regex.compile(f"[{regex.escape(characters)}]")

_DOUBLE_SPACE = patterns.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_TWO_SPACES = ("  ", " \u00a0", "\u00a0 ", "\u00a0\u00a0")  # one of which every match holds
_POSSESSIVE = patterns.compile(r'\p{L}" \p{L}')  # ``Lakers" six-game``: an apostrophe typed as a quote
_SOURCE_QUOTES = '"“”«»„'  # not ‘ ’ ‚ ‹ ›: apostrophes look the same
_NEVER_CLOSED = {True: "Opening quotation mark is never closed.", False: "Straight quotation mark is never closed."}
_AFTER_WORD = ".,;:!?…)]}%’'"
_BEFORE_WORD = "([{‘'$£€¿¡#@…"


def _straight_side(text: str, i: int) -> str:
    """Which side of a quotation a straight ``"`` at ``text[i]`` stands on, from what touches it."""
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    ends_word = before.isalnum() or before in _AFTER_WORD and before != ""
    starts_word = after.isalnum() or after in _BEFORE_WORD and after != ""
    if before.isalnum() and after.isalnum():
        return _INSIDE
    if starts_word and not ends_word:
        return _OPENS
    if ends_word and not starts_word:
        return _CLOSES
    return _EITHER


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
        spaced = tuple(" " + mark for mark in marks)  # what every match ends with
        for seg, sent in ctx.target_sentences():
            text = sent.text
            if not _holds(text, spaced):
                continue
            for m in pattern.finditer(text):
                mark = text[m.end()]
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
            text = sent.text
            if not _holds(text, _TWO_SPACES):
                continue
            for m in _DOUBLE_SPACE.finditer(text):
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
    Leaves alone: headlines, summary bullets and subheadings (the first block; three or more
    leading blocks that end without punctuation; a block of one short sentence in Title Case:
    headlines take no full stop even where the source has one), datelines whose source has no final punctuation
    either, sentences ending in any punctuation, quote or bracket (``It was rough,``
    continues), ellipses, capitalised words inside a sentence: names, weekdays, months,
    demonyms, *in The Hague*, initials (*Dionisio A. Lind*), a name the translator joined on
    with a function word (*, but Hamilton*), and source breaks that are not sentence ends
    (``Mr. Bean``, ``…water!'" Hammel added``).
    """

    id = "final-punctuation"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        paragraphs = ctx.target.paragraphs
        titles = _title_blocks(paragraphs)
        continued = {id(a) for a, b in zip(paragraphs, paragraphs[1:]) if b.text.lstrip()[:1].islower()}
        for seg in ctx.aligned():
            last = seg.target[-1]
            if id(last.paragraph) in titles or _heading(last):
                continue  # a headline or summary bullet: no full stop there
            if len(seg.source) > len(seg.target):
                yield from self._lost_boundaries(ctx, seg)
            yield from self._doubled_stops(seg)
            source_end = seg.source[-1].text
            if not _FINAL.search(source_end) or not last.text.rstrip()[-1:].isalnum():
                continue  # a sentence continued in the next segment ends with "," ":" or "-"
            if last is last.paragraph.sentences[-1] and id(last.paragraph) in continued:
                continue  # the sentence runs on into the next block, which starts in lowercase
            end = len(last.text.rstrip())
            yield self.finding(
                f"Missing final punctuation; the source ends with “{source_end.rstrip()[-1]}”.",
                target=last.file_span(max(end - 1, 0), end),
                segment=seg,
            )

    def _doubled_stops(self, seg: Segment) -> Iterator[Finding]:
        if any(".." in s.text and _DOUBLED_STOP.search(s.text) for s in seg.source):
            return
        for sent in seg.target:
            text = sent.text
            for m in _DOUBLED_STOP.finditer(text) if ".." in text else ():
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
        last_word = (first.text.split() or [""])[-1]
        if _ATTRIBUTED.search(first.text) or last_word in word_list(ctx.src_lang, "abbreviations") + word_list(ctx.tgt_lang, "abbreviations"):
            return  # ``…water!'" Hammel added.``, ``Mr. Bean``: one sentence the source's splitter cut
        openers = _openers(ctx.tgt_lang)
        function_words = stopwords(ctx.tgt_lang)
        opening = regex.match(r"\P{L}*(\p{L}+)", second.text)
        expected = len(sent.text) * len(first.text) / (len(first.text) + len(second.text))
        opener = opening.group(1) if opening else None
        candidates = [
            m for m in _CAPITAL_AFTER_WORD.finditer(sent.text, overlapped=True)
            if m.group(2) in openers and not m.group("cap")
            or m.group(2) == opener and m.group(1)[0].islower() and m.group(1).lower() not in function_words
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
_CAPITAL_AFTER_WORD = patterns.compile(r"(?<!\S)(\S*[\p{L}\p{N}]) (\p{Lu}\p{Ll}*)\b(?!\.)(?P<cap>\s+\p{Lu})?")  # not initials
_ATTRIBUTED = patterns.compile(r"[!?][’'”\"»“]+$")  # a quoted question or exclamation, its attribution next
_TITLE_BLOCKS = 6
_BULLETED = 3


def _title_blocks(paragraphs) -> set[int]:
    """Ids of the leading blocks when three or more start with a capital and end without final
    punctuation: a headline and its summary bullets (at most ``_TITLE_BLOCKS``). With fewer, only the first block: the
    second may be a body sentence that lost its full stop."""
    blocks: set[int] = set()
    for para in paragraphs[:_TITLE_BLOCKS]:
        if _FINAL.search(para.text) or para.text.lstrip()[:1].islower():
            break  # a sentence, or the rest of one cut across blocks
        blocks.add(id(para))
    if len(blocks) < _BULLETED and paragraphs:
        return {id(paragraphs[0])} if len(paragraphs[0].sentences) == 1 else set()
    return blocks


def _heading(sentence: Sentence) -> bool:
    """A block of one short sentence in Title Case: a subheading (``Cheese Is Back``)."""
    if len(sentence.paragraph.sentences) != 1:
        return False
    words = sentence.text.split()
    return len(words) <= _HEADING_WORDS and all(w[:1].isupper() or not w[:1].isalpha() for w in words if len(w) > 3)


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
    ``p.-d.g.``), a question or exclamation mark before an attribution (``Why? she asked``;
    ``data/<lang>/subject_pronouns.txt``, ``speech_verbs.txt``), and segments whose source has
    more sentences.
    """

    id = "inner-sentence-mark"
    category = "fluency/punctuation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.aligned():
            if len(seg.source) > len(seg.target):
                continue  # the source breaks where the target does not: a casing matter
            in_source = Counter(m.group().strip() for _, m in _inner_marks(seg.source, _SOURCE_INNER, _SOURCE_INNER_NEEDS, ctx.src_lang))
            for sent, m in _inner_marks(seg.target, _INNER, _INNER_NEEDS, ctx.tgt_lang):
                if m.group() in "?!" and _attribution(sent.text[m.end():], ctx.tgt_lang):
                    continue  # "Why? she asked."
                if in_source[m.group()] > 0:
                    in_source[m.group()] -= 1  # the source has this mark before a lowercase word too
                    continue
                yield self.finding(
                    f"“{m.group()}” inside a sentence, before a lowercase word.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion="",
                )


def _inner_marks(sentences: list[Sentence], pattern: regex.Pattern, needs: tuple[str, ...], lang: str) -> Iterator[tuple[Sentence, regex.Match]]:
    """Marks of ``pattern`` in ``sentences`` that are not the full stop of an abbreviation or
    initial (searched only in sentences holding one of ``needs``, which every match holds)."""
    abbreviations = _abbreviations(lang)
    for sent in sentences:
        text = sent.text
        if not _holds(text, needs):
            continue
        for m in pattern.finditer(text):
            if m.group().strip() == ".":
                token = text[: m.end()].split()[-1].lstrip("(«“\"'‘[")
                if token in abbreviations or "." in token[:-1] or len(token) <= 2:
                    continue  # U.S., e.g., p.-d.g., initials
            yield sent, m


def _attribution(text: str, lang: str) -> bool:
    """Whether ``text`` opens with a pronoun and a reporting verb (``she asked``)."""
    words = text.split(None, 2)
    return len(words) >= 2 and words[0] in _word_set(lang, "subject_pronouns") and words[1].rstrip(".,;") in _word_set(lang, "speech_verbs")


@functools.cache
def _word_set(lang: str, name: str) -> frozenset[str]:
    return frozenset(word_list(lang, name))


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "abbreviations") + word_list(lang, "abbreviations_sentence_final_ok"))


_INNER = patterns.compile(r"(?<=[\p{L}\p{N}])[.?!](?=[ \u00a0]+\p{Ll}(?!\p{L}*\p{Lu}))")
_SOURCE_INNER = patterns.compile(r"[ \u00a0\u202f]?[.?!](?=[ \u00a0\u202f]+\p{Ll})")  # French spaces before "?" and "!"
# What every match of each holds: a mark, then a space.
_INNER_NEEDS = tuple(mark + space for mark in ".?!" for space in " \u00a0")
_SOURCE_INNER_NEEDS = tuple(mark + space for mark in ".?!" for space in " \u00a0\u202f")
