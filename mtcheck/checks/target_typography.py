"""Typography of a target that is not English: French, German and Spanish conventions.

Every rule reads what it enforces from the target language's ``data/<lang>/typography.toml``
(a key missing there keeps the rule silent), so English targets are never checked here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, PatternRule, Rule
from mtcheck.model import Finding, Sentence, Severity
from mtcheck.resources import alternation, months, word_list
from mtcheck.typography import glossed_quotations, typography

_NB = "\u00a0\u202f"


class DecimalPoint(PatternRule):
    """A decimal point in copy whose language writes a decimal comma: ``3.5 %`` in French or German.

    Flags: a point between digits followed by one or two digits (``3.5``, ``1.25``) in a target
    whose ``typography.toml`` has ``decimal = ","`` (the ``locale-decimal`` setting overrides it:
    Spanish of the Americas writes a point).
    Leaves alone: thousands groups (``1.000``, ``2.500.000``), dates (``1.5.2020``, ``1.5.``),
    times before or after a clock word (``10.30 Uhr``, ``a las 5.30``), and English targets.
    """

    id = "decimal-point"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True
    pattern = patterns.compile(r"(?<![\d,.])(\d+)\.(\d{1,2})(?![\d.]|,\d)")
    needs = (".",)

    def applies(self, ctx: CheckContext) -> bool:
        self._clock = _clock_after(ctx.tgt_lang)
        self._clock_before = _clock_before(ctx.tgt_lang)
        return (ctx.settings.get("locale_decimal") or typography(ctx.tgt_lang).get("decimal")) == ","

    def skip(self, sentence: Sentence, m: regex.Match) -> bool:
        if self._clock_before and len(m.group(2)) == 2 and int(m.group(2)) < 60 and self._clock_before.search(sentence.text, 0, m.start()):
            return True  # a las 5.30
        return bool(self._clock and self._clock.match(sentence.text, m.end()))

    def replacement(self, m: regex.Match) -> str:
        return f"{m.group(1)},{m.group(2)}"

    def message(self, m: regex.Match) -> str:
        return f"Decimal point: this language writes “{self.replacement(m)}”."


@functools.cache
def _clock_before(lang: str) -> regex.Pattern | None:
    words = alternation(word_list(lang, "clock_words_before"))
    return regex.compile(rf"(?<!\p{{L}})(?:{words})\s+$", regex.IGNORECASE) if words else None


@functools.cache
def _clock_after(lang: str) -> regex.Pattern | None:
    words = alternation(word_list(lang, "clock_words"))
    return patterns.compile(rf"\s?(?:{words})(?!\p{{L}})", regex.IGNORECASE) if words else None


class MissingNbsp(Rule):
    """A French mark without its no-break space: ``Attention!``, ``dit: oui``, ``5%``, ``«Non»``.

    Flags: a letter or digit directly followed by one of the target's ``nbsp_before`` marks
    (French ``; : ! ? %``), and guillemets with nothing between them and the quotation when
    ``nbsp_inside_guillemets`` is set.
    Leaves alone: a plain or no-break space already there (CMS templates turn spaces into
    no-break ones); a document that never spaces these marks follows a house style (Swiss or
    Canadian French): its findings are only suggestions; times and scores (``10:30``, ``2:1``), web addresses (``https:``), ``?!``,
    a mark between words the source has exactly so (an English title kept: ``« AI Superpowers: China »``)
    and ``!!``, and targets whose typography does not ask for these spaces.
    """

    id = "missing-nbsp"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        typo = typography(ctx.tgt_lang)
        marks = typo.get("nbsp_before", "")
        if not marks:
            return
        before = regex.compile(rf"(?<=[\p{{L}}\p{{N}}])(?=[{regex.escape(marks)}])(?!:\d|:/)(?<!https?|ftp|www)")
        inside = regex.compile(r"«(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.!?…])»") if typo.get("nbsp_inside_guillemets") else None
        spaced = regex.compile(rf"(?<=[\p{{L}}\p{{N}}])[ {_NB}][{regex.escape(marks)}]")
        text = ctx.target.text
        severity = None if spaced.search(text, **ctx.target.bounds) or len(before.findall(text, **ctx.target.bounds)) < 2 else Severity.INFO  # a house style
        for seg, sent in ctx.target_sentences():
            for m in before.finditer(sent.text):
                mark = sent.text[m.start()]
                if seg.source and _copied(sent.text, m.start(), seg.source_text):
                    continue  # « AI Superpowers: China… »: a title kept as the source writes it
                yield self.finding(
                    f"No space before “{mark}”: French puts a no-break space there.",
                    target=sent.file_span(m.start(), m.start() + 1),
                    segment=seg,
                    suggestion=f"\u00a0{mark}",
                    fix=f"\u00a0{mark}",
                    severity=severity,
                )
            for m in inside.finditer(sent.text) if inside else ():
                fixed = "«\u00a0" if m.group() == "«" else "\u00a0»"
                yield self.finding(
                    f"No space inside “{m.group()}”: French puts a no-break space there.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=fixed,
                    fix=fixed,
                )


def _copied(text: str, i: int, source: str) -> bool:
    """Whether the words on both sides of ``text[i]`` stand in ``source`` exactly so."""
    head = regex.search(r"\S+$", text[:i])
    tail = regex.match(r"\s*\S+", text[i + 1 :])
    if head is None or tail is None:
        return False
    return (head.group() + text[i] + tail.group()).replace("’", "'") in source.replace("’", "'")


class CapitalisedCalendar(Rule):
    """A weekday or month capitalised inside a sentence of a language that writes them in lowercase: ``Lundi``.

    Flags: in a target whose ``typography.toml`` sets ``lowercase_calendar`` (French, Spanish),
    a capitalised weekday or month inside a sentence (``Lundi``, ``en Octubre``).
    Leaves alone: words at a sentence start, the names a weekday or month doubles as
    (``calendar_homonyms``: ``Mars`` the planet, ``Julio`` the first name) away from a date
    (``12 Mars 2020`` is flagged), and English or German targets.
    """

    id = "capitalised-calendar"
    category = "fluency/casing"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not typography(ctx.tgt_lang).get("lowercase_calendar"):
            return
        pattern = _calendar_pattern(ctx.tgt_lang)
        if pattern is None:
            return
        homonyms = frozenset(typography(ctx.tgt_lang).get("calendar_homonyms", []))
        for seg, sent in ctx.target_sentences():
            text = sent.text
            for m in pattern.finditer(text):
                head = text[: m.start()].rstrip(" \u00a0\u202f")
                if not head or head[-1] in "«“\"‘'([:—–-.!?…¿¡":
                    continue
                dated = regex.search(r"\d\s*(?:de)?$", head) or regex.match(r"\s+(?:de\s+|del\s+)?\d", text[m.end() :])
                if m.group() in homonyms and not dated:
                    continue
                yield self.finding(
                    f"“{m.group()}” takes no capital in this language: “{m.group().lower()}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=m.group().lower(),
                    fix=m.group().lower(),
                )


@functools.cache
def _calendar_pattern(lang: str) -> regex.Pattern | None:
    names = [w for w in (*word_list(lang, "weekdays"), *months(lang)) if w.isalpha()]
    words = alternation(w[0].upper() + w[1:] for w in names)
    return patterns.compile(rf"(?<![\p{{L}}-])(?:{words})(?![\p{{L}}-])") if words else None


class ForeignHonorific(PatternRule):
    """An English honorific left in French copy: ``Mr Macron`` → ``M. Macron``.

    Flags: the forms of the target's ``honorifics`` table (French ``Mr``, ``Mrs``, ``Ms``) before
    a capitalised name.
    Leaves alone: the same letters elsewhere (``MR`` as an acronym, ``Mr.`` at a sentence end
    with no name after it), characters named so (``Mr Bean``: ``honorific_names``), and
    targets without the table.
    """

    id = "foreign-honorific"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    def compiled(self, ctx: CheckContext) -> regex.Pattern | None:
        self._forms = typography(ctx.tgt_lang).get("honorifics", {})
        self._names = tuple(typography(ctx.tgt_lang).get("honorific_names", []))
        forms = alternation(self._forms)
        return patterns.compile(rf"(?<![\p{{L}}.])(?:{forms})(?=\s\p{{Lu}})") if forms else None

    def skip(self, sentence: Sentence, m: regex.Match) -> bool:
        return sentence.text.startswith(self._names, m.start())  # Mr Bean

    def replacement(self, m: regex.Match) -> str:
        return self._forms[m.group()]

    def message(self, m: regex.Match) -> str:
        return f"“{m.group()}” is English; this language writes “{self.replacement(m)}”."


class InvertedMarks(Rule):
    """A Spanish question or exclamation without its opening ``¿`` or ``¡``.

    Flags: a sentence with more ``?`` than ``¿`` (or ``!`` than ``¡``) in a target whose
    ``typography.toml`` has ``inverted`` marks; the question or exclamation is reported, from
    where the opening mark belongs to the closing one.
    Leaves alone: balanced pairs (``¿Qué pasó?``, ``Dijo: ¡basta!``), marks inside web
    addresses or inside a quoted original followed by its translation in brackets
    (``"November is coming!" (¡noviembre llegará!)``), and targets without inverted marks.
    """

    id = "inverted-marks"
    category = "fluency/punctuation"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        inverted = typography(ctx.tgt_lang).get("inverted", {})
        for seg, sent in ctx.target_sentences():
            if not any(mark in sent.text for mark in inverted):
                continue  # no closing mark (blanking below only removes some): nothing to report
            text = regex.sub(r"\S+://\S+", lambda u: " " * len(u.group()), sent.text)
            for start, end in glossed_quotations(sent.paragraph.text):  # "November is coming!" (¡noviembre llegará!)
                start, end = max(start - sent.start, 0), min(end - sent.start, len(text))
                if start < end:
                    text = text[:start] + " " * (end - start) + text[end:]
            for mark, opener in inverted.items():
                if text.count(mark) > text.count(opener):
                    end = text.rindex(mark) + 1
                    start = max(text.rfind(c, 0, end - 1) for c in ":;«“\"¿¡.") + 1  # where the opener belongs
                    start += len(text[start:end]) - len(text[start:end].lstrip())
                    yield self.finding(
                        f"“{mark}” without its opening “{opener}”.",
                        target=sent.file_span(start, end),
                        segment=seg,
                        suggestion=opener,
                    )


class ForeignQuoteOpener(Rule):
    """A quotation opened with another language's mark: ``“Ja”`` in German, ``“Oui”`` in French.

    Flags: an opening mark of the target's ``foreign_openers`` (English ``“``) at the start of a
    quotation, with the language's own opener as the suggestion (German ``„``, French ``«``).
    Leaves alone: ``“ ”`` nested inside French ``« »``, the German closing ``“`` (after a word),
    and targets without ``foreign_openers``.
    """

    id = "foreign-quote-opener"
    category = "fluency/punctuation"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        typo = typography(ctx.tgt_lang)
        foreign = typo.get("foreign_openers", "")
        quotes = typo.get("quotes", [])
        if not foreign or not quotes:
            return
        own_open, own_close = quotes[0]
        opening = regex.compile(rf"(?<![\p{{L}}\p{{N}}.,;:!?…])[{regex.escape(foreign)}](?=\p{{L}}|\p{{N}})")
        for seg, sent in ctx.target_sentences():
            for m in opening.finditer(sent.text):
                head = sent.text[: m.start()]
                if own_close != own_open and head.count(own_open) > head.count(own_close):
                    continue  # nested inside the language's own quotation marks
                yield self.finding(
                    f"“{m.group()}” does not open a quotation in this language; use “{own_open}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=own_open,
                )
