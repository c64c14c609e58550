"""Numbers that changed, vanished or appeared between a source sentence and its translation."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Sentence, Severity, Span
from mtcheck.resources import alternation, months, table, word_list
from mtcheck.typography import typography

_DIGITS = patterns.compile(
    r"(?<![\p{L}\d])(?:\d{2}(?:[ .\u00a0-]\d{2}){3,}(?!\d)"  # a phone number: 08 11 00 06 95
    r"|(?<![\d:])\d{1,2}:\d{2}(?![\d:])"  # a time of day: 15:00, 7:30
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
    r"(?:\s?h\s?\d{2}|\s?h\b)?"
)
_WORD = patterns.compile(r"\p{L}+")
_PHONE = patterns.compile(r"\d{2}(?:[ .\u00a0-]\d{2}){3,}")
_HOUR_MINUTES = patterns.compile(r"(?:h\s?|^\d{1,2}[.:])(\d{2})$")
_AM_PM = patterns.compile(r"\s?(?:(a\.?m\.?)|(p\.?m\.?))(?!\p{L})", regex.IGNORECASE)


_TENS = frozenset(float(v) for v in range(20, 100, 10))
_UNITS = frozenset(float(v) for v in range(1, 10))


@dataclass(frozen=True)
class Number:
    """A number found in a sentence: the values it may stand for, and whether it was written in digits."""

    values: frozenset[float]
    span: Span
    text: str
    digits: bool
    scaled: frozenset[float] = frozenset()  # the values once a scale word applies: 5,5 milliards → 5.5e9
    dimension: str | None = None  # with a unit after it: "length", "mass", …
    factor: float | None = None  # the unit's size in the dimension's base unit
    base: frozenset[float] = frozenset()  # the values in the dimension's base unit: 250 kg, 551 pounds → ~250


@functools.cache
def _context_patterns(lang: str) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    """Words before a number that make it a decade, and after it that make it a 24-hour time."""
    decade, clock = alternation(word_list(lang, "decade_words")), alternation(word_list(lang, "clock_words"))
    return (
        patterns.compile(rf"(?:{decade})\s?['’‘]?$", regex.IGNORECASE) if decade else None,  # anni '80
        patterns.compile(rf"\s?(?:{clock})(?!\p{{L}})", regex.IGNORECASE) if clock else None,
    )


@functools.cache
def _clock_before(lang: str) -> regex.Pattern | None:
    """Words before a number that make it a time of day (Italian ``alle 7.55``)."""
    words = alternation(word_list(lang, "clock_words_before"))
    return patterns.compile(rf"(?<!\p{{L}})(?:{words})\s$", regex.IGNORECASE) if words else None


@functools.cache
def _words(lang: str) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    numbers = {r["word"].lower(): float(r["value"]) for r in (*table(lang, "number_words"), *table(lang, "ordinal_words"))}
    scales = {r["word"].lower(): float(r["value"]) for r in table(lang, "scales")}
    return numbers, scales, {name: float(number) for name, number in months(lang).items()}


def _parse_digits(text: str, lang: str) -> set[float]:
    """Every value a digit string can mean in ``lang`` (``5,5`` → 5.5 in French)."""
    typo = typography(lang)
    decimal = typo.get("decimal", ".")
    groups = regex.split(r"[.,\u00a0\u202f ]", text)
    seps = regex.findall(r"[.,\u00a0\u202f ]", text)
    values = {float("".join(groups))}
    if seps and seps[-1] == decimal and len(set(seps)) <= 2:
        values.add(float("".join(groups[:-1]) + "." + groups[-1]))
    if len(seps) == 1 and seps[0] in ".,":  # ambiguous: 1.250 / 1,5
        values.add(float(groups[0] + "." + groups[1]))
    return values


def extract(sentence: Sentence, lang: str) -> list[Number]:
    """Numbers in digits, number words and month names, scaled by a following scale word."""
    numbers, scales, months = _words(lang)
    text = sentence.text
    found: list[Number] = []
    decade, clock24 = _context_patterns(lang)
    clock_before = _clock_before(lang)
    for m in _DIGITS.finditer(text):
        am_pm = _AM_PM.match(text, m.end())
        minutes = _HOUR_MINUTES.search(m.group())
        twenty_four = bool(clock24 and clock24.match(text, m.end())) or "h" in m.group()
        twenty_four |= ":" in m.group() and not am_pm  # 15:00
        if minutes and not am_pm and typography(lang).get("clock_24h"):  # alle 7.55
            twenty_four |= bool(clock_before and clock_before.search(text[: m.start()]))
        if minutes and (am_pm or twenty_four):
            if minutes.group(1) != "00":
                start = m.start() + minutes.start(1)
                found.append(Number(frozenset({float(minutes.group(1))}), sentence.file_span(start, m.end()), minutes.group(1), True))
            values = {float(regex.match(r"\d+", m.group()).group())}
        elif _PHONE.fullmatch(m.group()):
            values = {float(regex.sub(r"\D", "", m.group()))}
        else:
            values = _parse_digits(regex.sub(r"\s?h$", "", m.group()), lang)
            if len(m.group()) == 2 and decade and decade.search(text[: m.start()]):
                values |= {1900 + v for v in values} | {2000 + v for v in values}
        if am_pm and am_pm.group(2):  # p.m.
            values |= {v + 12 for v in values}
        if twenty_four:  # 15 heures, 21h30
            values |= {v - 12 for v in values if v > 12}
        scale = _scale_after(text, m.end(), scales)
        scaled = frozenset(v * scale for v in values) if scale else frozenset()
        dimension, factor, base = _unit_after(text, m.end(), lang, values)
        found.append(
            Number(frozenset(values) | scaled, sentence.file_span(m.start(), m.end()), m.group(), True, scaled, dimension, factor, base)
        )
    lowered = set(map(str.lower, _WORD.findall(text)))
    words = list(_WORD.finditer(text)) if not (lowered.isdisjoint(numbers) and lowered.isdisjoint(months)) else []
    joined = -1  # the units word of a hyphenated compound already counted
    for k, m in enumerate(words):
        word = m.group().lower()
        value = numbers.get(word, months.get(word) if m.group()[0].isupper() or lang != "en" else None)
        if value is None or k == joined:
            continue
        start, end = m.start(), m.end()
        unit = numbers.get(words[k + 1].group().lower()) if k + 1 < len(words) else None
        if value in _TENS and unit in _UNITS and text[end : words[k + 1].start()] == "-":  # fifty-eight
            value, end, joined = value + unit, words[k + 1].end(), k + 1
        nxt = words[k + 1].group().lower() if k + 1 < len(words) else ""
        scaled = frozenset({value * scales[nxt]}) if nxt in scales else frozenset()
        found.append(Number(frozenset({value}) | scaled, sentence.file_span(start, end), text[start:end], False, scaled))
    for m in _roman_ordinals(lang).finditer(text) if _roman_ordinals(lang) else ():
        value = float(_roman_value(m.group(1)))
        found.append(Number(frozenset({value}), sentence.file_span(m.start(), m.end()), m.group(), True))
    for m in _roman_centuries(lang).finditer(text) if _roman_centuries(lang) else ():
        numeral = m.group(1) or m.group(2)
        start, end = m.span(1) if m.group(1) else m.span(2)
        found.append(Number(frozenset({float(_roman_value(numeral))}), sentence.file_span(start, end), numeral, True))
    return found


def _scale_after(text: str, end: int, scales: dict[str, float]) -> float | None:
    """The scale word right after a number, spaced or not: ``5,5 milliards``, ``$1.2tn``."""
    word = _WORD.match(text, end) or (_WORD.match(text, end + 1) if text[end : end + 1] in " \u00a0\u202f" else None)
    return scales.get(word.group().lower()) if word else None


@functools.cache
def _roman_ordinals(lang: str) -> regex.Pattern | None:
    """Roman numerals with the language's ordinal ending: ``XXe siècle``, ``XIXe``."""
    suffixes = alternation(word_list(lang, "ordinal_suffixes"))
    return patterns.compile(rf"(?<![\p{{L}}])([IVXLC]{{2,}}|[IVX])(?:{suffixes})(?![\p{{L}}])") if suffixes else None


@functools.cache
def _roman_centuries(lang: str) -> regex.Pattern | None:
    """Roman numerals beside a century word, without an ordinal ending: ``siglo XX``, ``XIX secolo``."""
    words = alternation(word_list(lang, "century_words"))
    if not words:
        return None
    return patterns.compile(rf"(?<!\p{{L}})(?:(?:{words})\s+([IVXLC]{{1,6}})|([IVXLC]{{1,6}})\s+(?:{words}))(?!\p{{L}})")


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


@functools.cache
def _units(lang: str) -> tuple[regex.Pattern | None, dict[str, tuple[str, float, float]]]:
    rows = {r["unit"]: (r["dimension"], float(r["factor"]), float(r["offset"])) for r in table(lang, "units")}
    units = alternation(rows)
    if not units:
        return None, rows
    # the unit may follow a range: "5 à 7,5 cm", "1 to 4 inches", "entre 2 y 10 centímetros"
    pattern = patterns.compile(
        rf"(?:\s*(?:à|to|-|–|and|et|ou|or|y|o|e|a|bis|und|oder)\s*\d+(?:[.,]\d+)?)?[\s\u00a0\u202f]*({units})(?![\p{{L}}²])"
    )
    return pattern, rows


def _unit_after(text: str, end: int, lang: str, values: set[float]) -> tuple[str | None, float | None, frozenset[float]]:
    """The dimension and size of the unit written after a number, and the number in base units."""
    pattern, rows = _units(lang)
    m = pattern.match(text, end) if pattern else None
    if m is None:
        return None, None, frozenset()
    dimension, factor, offset = rows[m.group(1)]
    return dimension, factor, frozenset(v * factor + offset for v in values)


# Converted quantities are rounded by the translator: 250 kg ↔ 550 pounds (249.5 kg).
_CONVERSION_TOLERANCE = 0.12


def _close(a: Number, b: Number) -> bool:
    """Whether two numbers may be the same quantity: same value (when both carry a scale, the
    scaled values decide), or the same measure in other units (``250 kg`` ↔ ``550 pounds``)."""
    if a.dimension is not None and a.dimension == b.dimension and a.factor != b.factor:  # converted
        return any(abs(x - y) <= _CONVERSION_TOLERANCE * max(abs(x), abs(y), 1e-9) for x in a.base for y in b.base)
    if a.scaled and b.scaled:
        left, right = a.scaled, b.scaled
    else:
        left, right = a.values, b.values
    return any(abs(x - y) <= 1e-9 * max(1.0, abs(x)) for x in left for y in right)


def unmatched(src: list[Number], tgt: list[Number]) -> tuple[list[Number], list[Number]]:
    """Digit numbers on either side that nothing on the other side accounts for."""
    free_tgt = list(tgt)
    left_src = []
    for n in sorted(src, key=lambda n: not n.digits):
        match = next((t for t in free_tgt if _close(n, t)), None)
        if match is not None:
            free_tgt.remove(match)
        elif n.digits:
            left_src.append(n)
    return left_src, [t for t in free_tgt if t.digits]


class NumberMismatch(Rule):
    """A number in the source that is missing or different in the translation, or the reverse.

    Flags: ``5,5 milliards`` translated ``5.2 billion``; ``en 2022`` → ``in 2021``; a figure
    dropped from a sentence; a figure the translation added.
    Leaves alone: format changes (``57 000`` ↔ ``57,000``, ``4,5 %`` ↔ ``4.5%``), number words
    (``quatre`` ↔ ``4``, ``neuf`` ↔ ``nine``), scales (``1,2 milliard`` ↔ ``1.2 billion`` or
    ``1,200 million``), dates (``21 mars`` ↔ ``March 21``, ``04`` ↔ ``4``, ``mars`` ↔ ``03``),
    24-hour times (``14 h 30`` ↔ ``2:30 p.m.``), decades (``les années 80`` ↔ ``the 1980s``),
    unit conversions within rounding (``250 kg`` ↔ ``550 pounds``, ``135 km/h`` ↔ ``85 mph``),
    phone numbers in any grouping, and numbers written as words on both sides.
    """

    id = "number-mismatch"
    category = "accuracy/number"
    severity = Severity.ERROR
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.aligned():
            src = [n for s in seg.source for n in extract(s, ctx.src_lang)]
            tgt = [n for s in seg.target for n in extract(s, ctx.tgt_lang)]
            missing, extra = unmatched(src, tgt)
            if len(missing) == 1 and len(extra) == 1:
                yield self.finding(
                    f"Number changed: the source has “{missing[0].text}”, the translation “{extra[0].text}”.",
                    target=extra[0].span,
                    source=missing[0].span,
                    segment=seg,
                )
                continue
            for n in missing:
                yield self.finding(
                    f"Number “{n.text}” of the source is missing from the translation.",
                    source=n.span,
                    segment=seg,
                )
            for n in extra:
                yield self.finding(
                    f"Number “{n.text}” is not in the source.",
                    target=n.span,
                    segment=seg,
                )
