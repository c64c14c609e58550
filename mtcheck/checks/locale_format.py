"""Number, percentage, ordinal and title formats of the source language left in English."""

from __future__ import annotations

import functools

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, PatternRule
from mtcheck.model import Sentence, Severity
from mtcheck.resources import alternation, months, pair_table, word_list
from mtcheck.typography import typography

_NB = "\u00a0\u202f"


class _EnglishFormatRule(PatternRule):
    """Format rules apply to copy in a language that writes decimals with a point."""

    def applies(self, ctx: CheckContext) -> bool:
        return typography(ctx.tgt_lang).get("decimal") == "."


class DecimalComma(_EnglishFormatRule):
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
    pattern = patterns.compile(r"(?<![\d,.])(\d+),(\d{1,2}|\d{4,})(?![\d,])")
    needs = (",",)

    def replacement(self, m: regex.Match) -> str:
        return f"{m.group(1)}.{m.group(2)}"

    def message(self, m: regex.Match) -> str:
        return f"Decimal comma: English writes “{self.replacement(m)}”."


class ThousandsSpace(_EnglishFormatRule):
    """A space (or no-break space) as thousands separator: ``57 000``.

    Flags: groups of three digits separated by a space, no-break space or narrow no-break
    space (``57 000``, ``5 000 000``), which English separates with commas.
    Leaves alone: a year next to another number (``in 2014 500 people``), a day after a
    month (``on March 21 500 people``), phone-like sequences that do not group by three, and
    digits the source spaces the same way where its language groups thousands otherwise
    (German ``116 123``: a phone number).
    """

    id = "thousands-space"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True
    pattern = patterns.compile(rf"(?<![\d,.])\d{{1,3}}(?:[ {_NB}]\d{{3}})+(?![\d,.]\d|\d)")

    def compiled(self, ctx: CheckContext) -> regex.Pattern:
        self._months = months(ctx.tgt_lang)
        self._codes: set[str] = set()  # spaced digits of a source whose language does not group thousands with spaces
        if ctx.source is not None and typography(ctx.src_lang).get("thousands", " ") not in f" {_NB}":
            self._codes = {_digits_spaced(m.group()) for m in self.pattern.finditer(ctx.source.text)}
        return self.pattern

    def skip(self, sentence: Sentence, m: regex.Match) -> bool:
        if _digits_spaced(m.group()) in self._codes:
            return True
        before = regex.search(r"(\p{L}+)\.?\s+$", sentence.text[: m.start()])
        return bool(before) and before.group(1).lower() in self._months  # "on March 21 500 people"

    def replacement(self, m: regex.Match) -> str:
        return regex.sub(rf"[ {_NB}]", ",", m.group())

    def message(self, m: regex.Match) -> str:
        return f"Space as thousands separator: English writes “{self.replacement(m)}”."


def _digits_spaced(text: str) -> str:
    return regex.sub(rf"[ {_NB}]", " ", text)


class PercentSpace(_EnglishFormatRule):
    """A space between a number and the percent sign: ``3 %``.

    Flags: ``3 %``, ``4.5 %`` (any space, no-break ones included).
    Leaves alone: ``3%`` and ``3 percent``.
    """

    id = "percent-space"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True
    pattern = patterns.compile(rf"(?<=\d)[ {_NB}]+%")
    needs = ("%",)

    def replacement(self, m: regex.Match) -> str:
        return "%"

    def message(self, m: regex.Match) -> str:
        return "No space before “%” in English."


class SourceOrdinal(_EnglishFormatRule):
    """A source-language ordinal abbreviation in English: ``1er``, ``21e``, ``2ème``, ``1re``.

    Flags: a number followed by one of the source language's ordinal endings
    (``data/<src>/ordinal_suffixes.txt``; French ``er``, ``re``, ``e``, ``ème``…: ``the 21e century``).
    Leaves alone: English ordinals (``1st``, ``21st``), units and codes such as ``5e-3`` or ``3em``.
    """

    id = "source-ordinal"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True

    def compiled(self, ctx: CheckContext) -> regex.Pattern | None:
        return _ordinal_pattern(ctx.src_lang)

    def replacement(self, m: regex.Match) -> str:
        n = int(m.group(1)) if m.group(1).isdecimal() else 0  # digits newer than Python's Unicode tables
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return m.group(1) + suffix

    def message(self, m: regex.Match) -> str:
        return f"Ordinal “{m.group()}” in the source language's style: English writes “{self.replacement(m)}”."


@functools.cache
def _ordinal_pattern(lang: str) -> regex.Pattern | None:
    suffixes = alternation(word_list(lang, "ordinal_suffixes"))
    return patterns.compile(rf"(?<![\p{{L}}\d.,-])(\d+)({suffixes})(?![\p{{L}}\d-])") if suffixes else None


class SourceHonorific(_EnglishFormatRule):
    """A source-language title before a name: ``M. Xi``, ``Mme Merkel``, ``MM. Dupont et Durand``.

    Flags: a title of ``data/<pair>/honorifics.tsv`` followed by a capitalised name.
    Leaves alone: ``M.`` as an initial inside a name (``Michael M. Smith``) and ``M`` in
    units (``5 M``); the suggestion follows the house style only as far as ``Mr``/``Ms``,
    so it is never applied automatically.
    """

    id = "source-honorific"
    category = "locale/format"
    severity = Severity.ERROR

    def compiled(self, ctx: CheckContext) -> regex.Pattern | None:
        self._english = _honorifics(ctx.src_lang, ctx.tgt_lang)
        if not self._english:
            return None
        titles = alternation(self._english)
        return patterns.compile(rf"(?<![\p{{L}}.])({titles})(?=[ \u00a0]\p{{Lu}})")

    def skip(self, sentence: Sentence, m: regex.Match) -> bool:
        initial = len(m.group()) == 2 and m.group().endswith(".")
        return initial and bool(regex.search(r"\p{Lu}\p{Ll}+\s$", sentence.text[: m.start()]))

    def replacement(self, m: regex.Match) -> str:
        return self._english[m.group()]

    def message(self, m: regex.Match) -> str:
        return f"Title “{m.group()}” of the source language: English uses “{self.replacement(m)}” or the surname alone."


@functools.cache
def _honorifics(src: str, tgt: str) -> dict[str, str]:
    return {row["source"]: row["target"] for row in pair_table(src, tgt, "honorifics")}


class NbspPunctuation(_EnglishFormatRule):
    """A no-break space before ``; : ! ?`` — French typography left in English.

    Flags: a U+00A0 or U+202F space before ``;``, ``:``, ``!``, ``?``.
    Leaves alone: no-break spaces elsewhere (``10\u00a0km`` is fine English), spaces before
    guillemets (``foreign-quotes`` reports those) and before ``%`` (``percent-space``).
    """

    id = "nbsp-punctuation"
    category = "locale/format"
    severity = Severity.ERROR
    safe_fix = True
    pattern = patterns.compile(rf"[{_NB}]+(?=[;:!?])")
    needs = tuple(_NB)

    def replacement(self, m: regex.Match) -> str:
        return ""

    def message(self, m: regex.Match) -> str:
        return f"No-break space before “{m.string[m.end()]}” (French typography)."
