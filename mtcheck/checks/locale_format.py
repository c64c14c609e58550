"""Number, percentage, ordinal and title formats of the source language left in English."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity
from mtcheck.typography import typography

_NB = "\u00a0\u202f"


def _english_target(ctx: CheckContext) -> bool:
    return typography(ctx.tgt_lang).get("decimal") == "."


class DecimalComma(Rule):
    """A decimal comma in English copy: ``4,5%``, ``5,5 billion``.

    Flags: a comma between digits followed by one, two or four or more digits
    (``4,5``, ``1,25``), which English writes with a point.
    Leaves alone: thousands separators (``57,000``, ``1,250,000``), lists (``1, 2 and 3``),
    and copy in languages that use the decimal comma.
    """

    id = "decimal-comma"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    _PATTERN = regex.compile(r"(?<![\d,.])(\d+),(\d{1,2}|\d{4,})(?![\d,])")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                fixed = f"{m.group(1)}.{m.group(2)}"
                yield self.finding(
                    f"Decimal comma: English writes “{fixed}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=fixed,
                    fix=fixed,
                )


class ThousandsSpace(Rule):
    """A space (or no-break space) as thousands separator: ``57 000``.

    Flags: groups of three digits separated by a space, no-break space or narrow no-break
    space (``57 000``, ``5 000 000``), which English separates with commas.
    Leaves alone: a year next to another number (``in 2014 500 people``) and phone-like
    sequences that do not group by three.
    """

    id = "thousands-space"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    _PATTERN = regex.compile(rf"(?<![\d,.])\d{{1,3}}(?:[ {_NB}]\d{{3}})+(?![\d,.]\d|\d)")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                fixed = regex.sub(rf"[ {_NB}]", ",", m.group())
                yield self.finding(
                    f"Space as thousands separator: English writes “{fixed}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=fixed,
                    fix=fixed,
                )


class PercentSpace(Rule):
    """A space between a number and the percent sign: ``3 %``.

    Flags: ``3 %``, ``4.5 %`` (any space, no-break ones included).
    Leaves alone: ``3%`` and ``3 percent``.
    """

    id = "percent-space"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    _PATTERN = regex.compile(rf"(?<=\d)[ {_NB}]+%")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                yield self.finding(
                    "No space before “%” in English.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion="%",
                    fix="%",
                )


class FrenchOrdinal(Rule):
    """A French ordinal abbreviation in English: ``1er``, ``21e``, ``2ème``, ``1re``.

    Flags: a number followed by ``er``, ``re``, ``e``, ``ème`` or ``eme`` (``the 21e century``).
    Leaves alone: English ordinals (``1st``, ``21st``), units and codes such as ``5e-3`` or ``3em``.
    """

    id = "french-ordinal"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    _PATTERN = regex.compile(r"(?<![\p{L}\d.,-])(\d+)(er|re|ère|e|ème|eme)(?![\p{L}\d-])")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                fixed = m.group(1) + _english_suffix(int(m.group(1)))
                yield self.finding(
                    f"French ordinal “{m.group()}”: English writes “{fixed}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=fixed,
                    fix=fixed,
                )


def _english_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class FrenchHonorific(Rule):
    """A French title before a name: ``M. Xi``, ``Mme Merkel``, ``MM. Dupont et Durand``.

    Flags: ``M.``, ``Mme``, ``Mlle``, ``MM.`` followed by a capitalised name.
    Leaves alone: ``M.`` as an initial inside a name (``Michael M. Smith``) and ``M`` in
    units (``5 M``); the suggestion follows the house style only as far as ``Mr``/``Ms``.
    """

    id = "french-honorific"
    category = "locale/format"
    severity = Severity.ERROR

    _PATTERN = regex.compile(r"(?<![\p{L}.])(MM\.|M\.|Mmes|Mme|Mlle)(?=[ \u00a0]\p{Lu})")
    _ENGLISH = {"M.": "Mr", "MM.": "Messrs", "Mme": "Ms", "Mmes": "Mss", "Mlle": "Ms"}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                if m.group() == "M." and regex.search(r"\p{Lu}\p{Ll}+\s$", sent.text[: m.start()]):
                    continue  # a middle initial: "Michael M. Smith"
                english = self._ENGLISH[m.group()]
                yield self.finding(
                    f"French title “{m.group()}”: English uses “{english}” or the surname alone.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=english,
                )


class NbspPunctuation(Rule):
    """A no-break space before ``; : ! ?`` or ``%`` — French typography left in English.

    Flags: a U+00A0 or U+202F space before ``;``, ``:``, ``!``, ``?``.
    Leaves alone: no-break spaces elsewhere (``10\u00a0km`` is fine English), spaces before
    guillemets (``foreign-quotes`` reports those) and before ``%`` (``percent-space``).
    """

    id = "nbsp-punctuation"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    _PATTERN = regex.compile(rf"[{_NB}]+(?=[;:!?])")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not _english_target(ctx):
            return
        for seg, sent in ctx.target_sentences():
            for m in self._PATTERN.finditer(sent.text):
                mark = sent.text[m.end()]
                yield self.finding(
                    f"No-break space before “{mark}” (French typography).",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion="",
                    fix="",
                )
