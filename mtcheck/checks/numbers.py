"""Numbers that changed, vanished or appeared between a source sentence and its translation."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

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
_PHONE_LENGTH = 11  # the fewest characters a match of _PHONE has
_HOUR_MINUTES = patterns.compile(r"(?:h\s?|^\d{1,2}[.:])(\d{2})$")
_SEPARATOR = patterns.compile(r"[.,\u00a0\u202f ]")  # of digit groups
_LEADING_DIGITS = patterns.compile(r"\d+")
_NON_DIGIT = patterns.compile(r"\D")
_HOUR_MARK = patterns.compile(r"\s?h$")  # 21h
_AM_PM = patterns.compile(r"\s?(?:(a\.?m\.?)|(p\.?m\.?))(?!\p{L})", regex.IGNORECASE)


_TENS = frozenset(float(v) for v in range(20, 100, 10))
_UNITS = frozenset(float(v) for v in range(1, 10))
# What may join a tens word to a units word: ``fifty-eight``, ``trigésimo sexto``, ``treinta y seis``, ``vingt et un``.
_NUMBER_JOIN = patterns.compile(r"-|\s+(?:(?:y|et)\s+)?")
# A number in parentheses right after another one: ``45 miles (72 km)``, ``$200 billion (£150 billion)``.
_GLOSS_BEFORE = patterns.compile(r"[^()\d]{0,30}\(\s*(?:[$£€¥]|US\$)?\s*$")
_GLOSS_AFTER = patterns.compile(r"[^()\d]{0,30}\)")
# The last two digits of a year after a four-digit year: ``1950-53``.
_YEAR_RANGE = patterns.compile(r"(?<!\d)(1[5-9]|20)\d{2}\s?[-–/]\s?$")
# Digits glued to capitals: ``SS19`` (spring-summer 2019), ``WW1``, ``F125``.
_GLUED = patterns.compile(r"(?<![\p{L}\d])\p{Lu}{1,4}(\d{1,4})(?![\d\p{L}])")


class Quantity(NamedTuple):
    """A number read in one unit: the unit's dimension and size, the amount in the dimension's
    base unit, and half the size of its last written digit there (the translator's rounding)."""

    dimension: str
    factor: float
    base: float
    slack: float


class Number(NamedTuple):
    """A number found in a sentence: the values it may stand for, and whether it was written in digits."""

    values: frozenset[float]
    span: Span
    text: str
    digits: bool
    scaled: frozenset[float] = frozenset()  # the values once a scale word applies: 5,5 milliards → 5.5e9
    quantities: tuple[Quantity, ...] = ()  # with a unit after it, every reading of the unit: 80 degrees (°F or °C)
    bare: tuple[Quantity, ...] = ()  # without a unit: the temperatures it may be ("widespread 80s")
    gloss: Span | None = None  # the number it follows in parentheses: 45 miles (72 km)
    soft: str = ""  # what excuses it when nothing else is unaccounted for: "century", "date", "percent"


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
    rows = (*table(lang, "number_words"), *table(lang, "ordinal_words"), *table(lang, "round_numbers"))
    numbers = {r["word"].lower(): float(r["value"]) for r in rows}
    scales = {r["word"].lower(): float(r["value"]) for r in table(lang, "scales")}
    return numbers, scales, {name: float(number) for name, number in months(lang).items()}


@functools.cache
def _word_keys(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lowercase words the number-word walk of ``extract`` may read as a value (number words,
    month names, unit articles: "about a mile"), the unit articles alone, and those of them that
    are no number word or month name (read only before a unit)."""
    numbers, _, months = _words(lang)
    articles = frozenset(word_list(lang, "unit_articles"))
    return frozenset(numbers) | frozenset(months) | articles, articles, articles - frozenset(numbers) - frozenset(months)


def _number_word_places(text: str, lang: str) -> list[int]:
    """The indices of the words of ``text`` (``_WORD``) that the walk of ``extract`` may read as
    a number: the others are skipped without looking up each one in turn, and so is an article
    that is no number word and stands before no unit ("a" in "a mile" only)."""
    keys, _, bare_articles = _word_keys(lang)
    found = _WORD.findall(text)
    if not found:
        return []
    words = "\n".join(found).lower().split("\n")  # one pass: str.lower has no context across lines
    compounds, units = _compounds(lang), _units(lang)[1]
    if compounds is None:
        held = keys.intersection(words)
        if not held:
            return []
        if held.isdisjoint(bare_articles):
            return [k for k, w in enumerate(words) if w in held]
        return [k for k, w in enumerate(words) if w in held and not (w in bare_articles and (k + 1 == len(found) or found[k + 1] not in units))]
    return [
        k for k, w in enumerate(words)
        if (w in keys or compounds.fullmatch(w))
        and not (w in bare_articles and not compounds.fullmatch(w) and (k + 1 == len(found) or found[k + 1] not in units))
    ]


@functools.cache
def _compounds(lang: str) -> regex.Pattern | None:
    """Words made of a number word and a suffix: German ``hundertprozentig``, ``zweistündigen``."""
    suffixes = alternation(word_list(lang, "number_compound_suffixes"))
    if not suffixes:
        return None
    return patterns.compile(rf"({alternation(_words(lang)[0])})(?:{suffixes})\p{{Ll}}{{0,2}}", regex.IGNORECASE)


@functools.cache
def _weekdays(lang: str) -> regex.Pattern | None:
    days = alternation(word_list(lang, "weekdays"))
    return patterns.compile(rf"(?<!\p{{L}})(?:{days})(?!\p{{L}})", regex.IGNORECASE) if days else None


def _names_weekday(sentences: list[Sentence], lang: str) -> bool:
    days = _weekdays(lang)
    return bool(days and any(days.search(s.text) for s in sentences))


def _parse_digits(text: str, lang: str) -> tuple[set[float], float]:
    """Every value a digit string can mean in ``lang`` (``5,5`` → 5.5 in French), and the size of
    its last digit in the finest reading (0.1 for ``5,5``)."""
    if text.isdecimal():  # no separator: one reading
        return {float(text)}, 1.0
    typo = typography(lang)
    decimal = typo.get("decimal", ".")
    groups = _SEPARATOR.split(text)
    seps = _SEPARATOR.findall(text)
    values = {float("".join(groups))}
    step = 1.0
    if seps and seps[-1] == decimal and len(set(seps)) <= 2:
        values.add(float("".join(groups[:-1]) + "." + groups[-1]))
        step = 10.0 ** -len(groups[-1])
    if len(seps) == 1 and seps[0] in ".," and (seps[0] == decimal or len(groups[1]) != 3):  # 1,5 in English copy; not 1,000
        values.add(float(groups[0] + "." + groups[1]))
        step = 10.0 ** -len(groups[1])
    return values, step


_WORD_AFTER = patterns.compile(r"\.?\s+(?:de\s+)?(\p{L}+)")
_WORD_BEFORE = patterns.compile(r"(\p{L}+)\.?\s+$")


def _month_beside(text: str, start: int, end: int, months: dict[str, float]) -> bool:
    """Whether a month name is written right before or after a number: ``29 septembre``, ``Dec. 1``."""
    after = _WORD_AFTER.match(text, end)
    before = _WORD_BEFORE.search(text[max(0, start - 15) : start])
    return any(m and m.group(1).lower() in months for m in (after, before))


class _Figures(NamedTuple):
    """The numbers of a sentence written in digits, as ``extract`` finds them, each where it stands
    in the sentence (start, end, number): the minutes of times of day, the others, and Roman
    numerals. Their ``span`` is ``None`` and their ``bare`` readings empty until ``extract``: what
    ``_same`` compares is there."""

    minutes: list[tuple[int, int, Number]]
    places: list[tuple[int, int, Number]]
    romans: list[tuple[int, int, Number]]

    def numbers(self) -> list[Number]:
        """In ``extract``'s order."""
        return [number for found in self for _, _, number in found]


def extract(sentence: Sentence, lang: str, figures: _Figures | None = None) -> list[Number]:
    """Numbers in digits, number words and month names, scaled by a following scale word
    (``figures``: the sentence's ``_figures``, when already found)."""
    figures = figures or _figures(sentence, lang)
    numbers, scales, months = _words(lang)
    text = sentence.text
    found = [n._replace(span=sentence.file_span(start, end)) for start, end, n in figures.minutes]
    romans = [n._replace(span=sentence.file_span(start, end)) for start, end, n in figures.romans]
    places = [
        (start, end, n._replace(span=sentence.file_span(start, end), bare=() if n.quantities or n.scaled else _bare(lang, n.values)))
        for start, end, n in figures.places
    ]
    decade = _context_patterns(lang)[0]
    places_of_words = _number_word_places(text, lang)
    words = list(_WORD.finditer(text)) if places_of_words else []
    joined = -1  # the units word of a compound number already counted
    compounds, articles = _compounds(lang), _word_keys(lang)[1]
    for k in places_of_words:
        m = words[k]
        word = m.group().lower()
        value = numbers.get(word, months.get(word) if m.group()[0].isupper() or lang != "en" else None)
        if value is None and compounds and (c := compounds.fullmatch(word)):
            value = numbers[c.group(1).lower()]
        if k == joined or (value is None and (word not in articles or k + 1 == len(words) or words[k + 1].group() not in _units(lang)[1])):
            continue  # an article counts as one only before a unit: "about a mile"
        start, end = m.start(), m.end()
        unit = numbers.get(words[k + 1].group().lower()) if k + 1 < len(words) else None
        if value in _TENS and unit in _UNITS and _NUMBER_JOIN.fullmatch(text[end : words[k + 1].start()]):  # fifty-eight
            value, end, joined = value + unit, words[k + 1].end(), k + 1
        quantities, _ = _quantities_after(text, end, lang, {value if value is not None else 1.0}, min(value or 1.0, 1.0))
        if value is None:
            if not quantities:
                continue
            value = 1.0
        values = {value}
        if value in _TENS and decade and decade.search(text[:start]):  # negli anni Ottanta
            values |= {1900 + value, 2000 + value}
        nxt = words[k + 1].group().lower() if k + 1 < len(words) else ""
        scaled = frozenset({value * scales[nxt]}) if nxt in scales else frozenset()
        places.append((start, end, Number(frozenset(values) | scaled, sentence.file_span(start, end), text[start:end], False, scaled, quantities)))
    for m in _GLUED.finditer(text):  # SS19 ↔ 2019, WW1 ↔ 1. Weltkrieg: accounts for a figure, never flagged
        if not m.group(1).isdecimal():
            continue
        v = float(m.group(1))
        values = {v, 1900 + v, 2000 + v} if len(m.group(1)) == 2 else {v}
        found.append(Number(frozenset(values), sentence.file_span(m.start(1), m.end(1)), m.group(), False))
    places.sort(key=lambda p: p[0])
    for k, (start, end, number) in enumerate(places):
        gloss = None
        if k and "(" in text and _GLOSS_BEFORE.fullmatch(text[places[k - 1][1] : start]) and _GLOSS_AFTER.match(text, end):
            gloss = places[k - 1][2].span
        found.append(number._replace(gloss=gloss) if gloss else number)
    found += romans
    return found


def _figures(sentence: Sentence, lang: str) -> _Figures:
    """The numbers of ``sentence`` written in digits (see ``extract``)."""
    _, scales, months = _words(lang)
    text = sentence.text
    times: list[tuple[int, int, Number]] = []  # the minutes of times of day
    decade, clock24 = _context_patterns(lang)
    clock_before = _clock_before(lang)
    clock_24h = typography(lang).get("clock_24h")
    skip_to = 0  # the inches of "6-foot-6" are read with their feet
    places: list[tuple[int, int, Number]] = []  # where they stand
    for m in _DIGITS.finditer(text):
        digits = m.group()
        first, last = m.span()
        if first < skip_to or not (digits.isdecimal() or _NON_DIGIT.sub("", digits).isdecimal()):
            continue  # read with its feet; or digits of a script newer than Python's Unicode tables
        after = text[last : last + 2].lower()
        am_pm = _AM_PM.match(text, last) if "a" in after or "p" in after else None  # it begins with one
        minutes = _HOUR_MINUTES.search(digits) if "h" in digits or "." in digits or ":" in digits else None
        twenty_four = bool(clock24 and clock24.match(text, last)) or "h" in digits
        twenty_four |= ":" in digits and not am_pm  # 15:00
        if minutes and not am_pm and clock_24h:  # alle 7.55
            twenty_four |= bool(clock_before and clock_before.search(text[:first]))
        step = 1.0
        if minutes and ":" in digits and int(digits.split(":")[0]) > 23:  # a match clock: 27:37, the 28th minute
            values = {float(digits.split(":")[0]), float(digits.split(":")[0]) + 1}
        elif minutes and (am_pm or twenty_four):
            if minutes.group(1) != "00":
                start = first + minutes.start(1)
                times.append((start, last, Number(frozenset({float(minutes.group(1))}), None, minutes.group(1), True)))
            values = {float(_LEADING_DIGITS.match(digits).group())}
        elif len(digits) >= _PHONE_LENGTH and _PHONE.fullmatch(digits):
            values = {float(_NON_DIGIT.sub("", digits))}
        else:
            values, step = _parse_digits(_HOUR_MARK.sub("", digits) if "h" in digits else digits, lang)
            if len(digits) == 2:
                if decade and decade.search(text[:first]):
                    values |= {1900 + v for v in values} | {2000 + v for v in values}
                if year := _YEAR_RANGE.search(text[max(0, first - 8) : first]):  # 1950-53
                    values |= {float(year.group(1)) * 100 + v for v in values}
        if am_pm and am_pm.group(2):  # p.m.
            values |= {v + 12 for v in values}
        if twenty_four:  # 15 heures, 21h30
            values |= {v - 12 for v in values if v > 12}
        scale, end = _scale_after(text, last, scales)
        scaled = frozenset(v * scale for v in values) if scale else frozenset()
        quantities, unit_end = _quantities_after(text, last, lang, values, step)
        skip_to = max(skip_to, unit_end)
        soft = "date" if len(digits) <= 2 and 1 <= min(values) <= 31 and _month_beside(text, first, last, months) else ""
        if 100.0 in values and any(q.dimension == "percent" for q in quantities):
            soft = "percent"  # "100 percent certain" for "absolutely sure"
        places.append((first, last, Number(frozenset(values) | scaled, None, text[first:end], True, scaled, quantities, soft=soft)))
    romans = []
    for m in _roman_ordinals(lang).finditer(text) if _roman_ordinals(lang) else ():
        value = float(_roman_value(m.group(1)))
        romans.append((m.start(), m.end(), Number(frozenset({value}), None, m.group(), True, soft="century")))
    for m in _roman_centuries(lang).finditer(text) if _roman_centuries(lang) else ():
        numeral = m.group(1) or m.group(2)
        start, end = m.span(1) if m.group(1) else m.span(2)
        romans.append((start, end, Number(frozenset({float(_roman_value(numeral))}), None, numeral, True, soft="century")))
    return _Figures(times, places, romans)


def _scale_after(text: str, end: int, scales: dict[str, float]) -> tuple[float | None, int]:
    """The scale words right after a number, spaced or not (``5,5 milliards``, ``$1.2tn``,
    ``17 mil millones``), and where they end."""
    scale = None
    for _ in range(2):
        word = _WORD.match(text, end) or (_WORD.match(text, end + 1) if text[end : end + 1] in " \u00a0\u202f" else None)
        if not word or word.group().lower() not in scales:
            break
        scale, end = (scale or 1.0) * scales[word.group().lower()], word.end()
    return scale, end


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


class _Unit(NamedTuple):
    dimension: str
    factor: float
    offset: float
    then: str  # the unit of a bare number written right after: 6-foot-6 (inches)


@functools.cache
def _units(lang: str) -> tuple[regex.Pattern | None, dict[str, list[_Unit]]]:
    """The language's units (a unit may have several readings: ``degrees``, °C or °F) and a
    pattern for one written after a number."""
    rows: dict[str, list[_Unit]] = {}
    for r in table(lang, "units"):
        rows.setdefault(r["unit"], []).append(_Unit(r["dimension"], float(r["factor"]), float(r["offset"]), r.get("then", "")))
    units = alternation(rows)
    if not units:
        return None, rows
    articles = alternation(word_list(lang, "unit_articles"))
    # the unit may follow a range ("5 à 7,5 cm", "1 to 4 inches", "entre 2 y 10 centímetros"),
    # a hyphen ("a 20-degree difference") or an article ("half an inch")
    pattern = patterns.compile(
        r"(?:\s*(?:à|to|-|–|and|et|ou|or|y|o|e|a|ai|al|bis|und|oder)\s*\d+(?:[.,]\d+)?)?[\s\u00a0\u202f-]*"
        + (rf"(?:(?:{articles})\s+)?" if articles else "")
        + rf"({units})(?![\p{{L}}²])"
    )
    return pattern, rows


@functools.cache
def _temperatures(lang: str) -> tuple[_Unit, ...]:
    """The temperature units of a language: a bare number may be one ("a sunny 80")."""
    return tuple({u for units in _units(lang)[1].values() for u in units if u.dimension == "temperature"})


def _bare(lang: str, values: set[float]) -> tuple[Quantity, ...]:
    """The temperatures a number written without a unit may be ("a sunny 80")."""
    return _bare_of(lang, frozenset(values))


@functools.lru_cache(maxsize=4096)  # keyed by values: the same few small numbers recur
def _bare_of(lang: str, values: frozenset[float]) -> tuple[Quantity, ...]:
    return tuple(
        Quantity(u.dimension, u.factor, v * u.factor + u.offset, 0.5 * u.factor)
        for v in values if v.is_integer() and 0 < v < 130 for u in _temperatures(lang)
    )


_SUB_NUMBER = patterns.compile(r"[\s-]?(\d{1,2})(?![\d.,])")


def _quantities_after(text: str, end: int, lang: str, values: set[float], step: float) -> tuple[tuple[Quantity, ...], int]:
    """Every reading of the unit written after a number, and where a smaller-unit number read
    with it ends (the second 6 of ``6-foot-6``; 0 when none); a unit with an offset (°F) is also
    read as a difference of temperatures (``a 20-degree difference``)."""
    pattern, rows = _units(lang)
    m = pattern.match(text, end) if pattern else None
    if m is None:
        return (), 0
    consumed, out = 0, []
    for unit in rows[m.group(1)]:
        extra = 0.0
        sub = _SUB_NUMBER.match(text, m.end()) if unit.then else None
        if sub and sub.group(1).isdecimal():
            tail = pattern.match(text, sub.end())
            if tail is None or tail.group(1) == unit.then:
                extra = float(sub.group(1)) * rows[unit.then][0].factor
                consumed = tail.end() if tail else sub.end()
        for v in values:
            out.append(Quantity(unit.dimension, unit.factor, v * unit.factor + unit.offset + extra, 0.5 * step * unit.factor))
            if unit.offset:
                out.append(Quantity(unit.dimension, unit.factor, v * unit.factor, 0.5 * step * unit.factor))
    return tuple(out), consumed


# Converted quantities are rounded by the translator: 250 kg ↔ 550 pounds (249.5 kg).
_CONVERSION_TOLERANCE = 0.12


def _same(a: Number, b: Number) -> bool:
    """The same value (when both carry a scale, the scaled values decide) in the same unit, if any."""
    dims_a, dims_b = {q.dimension for q in a.quantities}, {q.dimension for q in b.quantities}
    if dims_a & dims_b and not {(q.dimension, q.factor) for q in a.quantities} & {(q.dimension, q.factor) for q in b.quantities}:
        return False  # 250 kg is not 250 pounds
    left, right = (a.scaled, b.scaled) if a.scaled and b.scaled else (a.values, b.values)
    return any(abs(x - y) <= 1e-9 * max(1.0, abs(x)) for x in left for y in right)


def _converted(left: tuple[Quantity, ...], right: tuple[Quantity, ...]) -> bool:
    """The same measure in other units, within the translator's rounding: 250 kg ↔ 550 pounds."""
    return any(
        x.dimension == y.dimension and x.factor != y.factor
        and abs(x.base - y.base) <= _CONVERSION_TOLERANCE * max(abs(x.base), abs(y.base)) + min(x.slack, y.slack)
        for x in left for y in right
    )


_PASSES = (
    _same,
    lambda a, b: _converted(a.quantities, b.quantities),
    lambda a, b: _converted(a.quantities, b.bare) or _converted(a.bare, b.quantities),  # 27 °C ↔ "widespread 80s"
)


def unmatched(src: list[Number], tgt: list[Number], src_days: bool = False, tgt_days: bool = False) -> tuple[list[Number], list[Number]]:
    """Digit numbers on either side that nothing on the other side accounts for: first the same
    values, then conversions. When one side is fully accounted for, a leftover of the other is
    excused if it is a conversion or a currency added in parentheses beside a number matched as
    written (``45 miles (72 km)``), a century whose years the other side gives, a day of the
    month where the other side names the weekday, or "100 %" for "absolutely"."""
    free_src, free_tgt = sorted(src, key=lambda n: not n.digits), sorted(tgt, key=lambda n: not n.digits)
    exact: set[Span] = set()
    # words pair with each other last: they only account for digits ("ein" must leave "a mile" to "1,6 km")
    for k, test, digits in (*((k, test, True) for k, test in enumerate(_PASSES)), (0, _same, False)):
        for n in list(free_src):
            match = next((t for t in free_tgt if (n.digits or t.digits) == digits and test(n, t)), None)
            if match is not None:
                free_src.remove(n)
                free_tgt.remove(match)
                if k == 0:
                    exact |= {n.span, match.span}
    left_src, left_tgt = [n for n in free_src if n.digits], [t for t in free_tgt if t.digits]
    # a gloss beside a figure that is itself left over says nothing more: £9 ($14) ↔ 10 €, one finding
    left_src = [n for n in left_src if not any(p.span == n.gloss for p in left_src)]
    left_tgt = [t for t in left_tgt if not any(p.span == t.gloss for p in left_tgt)]

    def excused(n: Number, side: list[Number], other: list[Number], days: bool) -> bool:
        partner = next((p for p in side if p.span == n.gloss), None) if n.gloss else None
        if partner is not None and partner.span in exact:  # 45 miles (72 km) with 45 miles matched
            return not n.quantities or _converted(n.quantities, partner.quantities)
        glossed = next((p for p in side if p.gloss == n.span and p.span in exact), None)
        if glossed is not None:  # 209 km (130 miles) with 130 miles matched
            return _converted(n.quantities, glossed.quantities)
        if n.soft == "century":
            c = min(n.values)
            return any(100 * (c - 1) <= v < 100 * c for o in other for v in o.values)
        if n.soft == "date":  # "published Saturday" ↔ "publié le 29 septembre", not when the other side dates it too
            return days and not any(o.soft == "date" for o in other)
        return n.soft == "percent"

    if not left_tgt:
        left_src = [n for n in left_src if not excused(n, src, tgt, tgt_days)]
    elif not left_src:
        left_tgt = [t for t in left_tgt if not excused(t, tgt, src, src_days)]
    return left_src, left_tgt


def _paired_as_written(src: list[Number], tgt: list[Number]) -> bool:
    """Whether each figure of ``src`` (``_Figures.numbers``) takes one of ``tgt`` of the same value,
    in the order ``unmatched`` tries them first, leaving none of either: ``unmatched`` then reports
    nothing, whatever number words either side holds (they come after the figures, and only figures
    are left over)."""
    if len(src) != len(tgt):
        return False
    free = list(tgt)
    for n in src:
        for k, t in enumerate(free):
            if _same(n, t):
                del free[k]
                break
        else:
            return False
    return True


_ANY_DIGIT = patterns.compile(r"\d")
_ROMAN_LETTER = patterns.compile(r"[IVXLC]")  # which every Roman numeral of ``_roman_ordinals``, ``_roman_centuries`` holds


def _has_figures(sentences: list[Sentence], lang: str) -> bool:
    """Whether the sentences may hold a number that ``unmatched`` can report: digits, or a Roman
    numeral of a century (``extract`` finds no other)."""
    ordinals, centuries = _roman_ordinals(lang), _roman_centuries(lang)
    for sent in sentences:
        text = sent.text
        if _ANY_DIGIT.search(text):
            return True
        if (ordinals or centuries) and _ROMAN_LETTER.search(text):
            if ordinals and ordinals.search(text) or centuries and centuries.search(text):
                return True
    return False


class NumberMismatch(Rule):
    """A number in the source that is missing or different in the translation, or the reverse.

    Flags: ``5,5 milliards`` translated ``5.2 billion``; ``en 2022`` → ``in 2021``; a figure
    dropped from a sentence; a figure the translation added; a conversion off by more than
    rounding (``27 Meter`` → ``50 yards``); a changed figure beside a conversion in parentheses.
    Leaves alone: format changes (``57 000`` ↔ ``57,000``, ``4,5 %`` ↔ ``4.5%``), number words
    (``quatre`` ↔ ``4``, ``trigésimo sexta`` ↔ ``36th``, ``hundertprozentig`` ↔ ``100%``,
    ``the Eighties`` ↔ ``los años 80``), scales (``1,2 milliard`` ↔ ``1.2 billion`` or
    ``1,200 million``, ``17 mil millones`` ↔ ``17 billion``), dates (``21 mars`` ↔ ``March 21``,
    ``1950-53`` ↔ ``1950 bis 1953``, ``SS19`` ↔ ``2019``; a date for the source's weekday),
    24-hour times (``14 h 30`` ↔ ``2:30 p.m.``), decades (``les années 80`` ↔ ``the 1980s``),
    unit conversions within rounding (``250 kg`` ↔ ``550 pounds``, ``1,98 m`` ↔ ``6-foot-6``,
    ``27 Grad`` ↔ ``80 degrees``, ``1,6 km`` ↔ ``a mile``), a conversion or currency added in
    parentheses (``45 miles (72 km)``), phone numbers in any grouping, and numbers written as
    words on both sides.
    """

    id = "number-mismatch"
    category = "accuracy/number"
    severity = Severity.ERROR
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.aligned():
            if not (_has_figures(seg.source, ctx.src_lang) or _has_figures(seg.target, ctx.tgt_lang)):
                continue  # numbers in words only account for figures: nothing to report
            src_figures = [_figures(s, ctx.src_lang) for s in seg.source]
            tgt_figures = [_figures(s, ctx.tgt_lang) for s in seg.target]
            if _paired_as_written([n for f in src_figures for n in f.numbers()], [n for f in tgt_figures for n in f.numbers()]):
                continue  # most segments: number words, glosses and excuses cannot change that
            src = [n for s, f in zip(seg.source, src_figures) for n in extract(s, ctx.src_lang, f)]
            tgt = [n for s, f in zip(seg.target, tgt_figures) for n in extract(s, ctx.tgt_lang, f)]
            dated = any(n.soft == "date" for n in (*src, *tgt))  # then: does the other side name the weekday?
            missing, extra = unmatched(src, tgt, dated and _names_weekday(seg.source, ctx.src_lang), dated and _names_weekday(seg.target, ctx.tgt_lang))
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
