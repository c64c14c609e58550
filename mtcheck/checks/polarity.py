"""Meaning turned around: a negation added or lost, a reported claim rendered as fact.

The cues are data, one file per language (``data/<lang>/negation.toml``): ``strong`` cues
are grammatical negation, ``weak`` ones (lexical negation such as *refuse*, *impossible*,
*sans*) only excuse a negation on the other side, ``ignore`` removes what looks negative
and is not (*ne…que*, expletive *ne*, *not only*); ``reported`` marks a claim the source
reports without asserting it, ``hedges`` the words that keep it reported in a translation,
``attribution`` the reporting verbs (*said*, *a précisé*) on either side.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from re import _constants as C, _parser
from typing import NamedTuple

import ahocorasick
import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import any_of
from mtcheck.model import Finding, Segment, Sentence, Severity, Span, fold
from mtcheck.resources import derived, measured, required_literals, toml_data

_MAX_KEYS = 64  # strings one pattern may be indexed by; beyond, it runs in every sentence


def _nonletter(item: tuple) -> bool:
    """Whether a parsed item (a literal or a class) can only match a character that is no letter."""
    op, av = item
    if op is C.LITERAL:
        return not chr(av).isalpha()
    if op is C.IN:
        return all(
            (o is C.LITERAL and not chr(a).isalpha()) or (o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT, C.CATEGORY_NOT_WORD))
            for o, a in av
        )
    return False


def _walk(items: list, key: str, start: bool) -> list[tuple[str, bool, bool]] | None:
    """The strings that begin every match of ``items`` once ``key`` is matched, each with whether
    the character before it and the one after it are known to be no letter (``None``: unknown)."""
    if not items:
        return [(key, start, False)] if key else None
    (op, av), rest = items[0], items[1:]
    if op is C.LITERAL:
        return _walk(rest, "", True) if not key and not chr(av).isalpha() else _walk(rest, key + chr(av), start)
    if op is C.AT:
        if not key:
            return _walk(rest, "", True) if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_BOUNDARY) else None
        return [(key, start, av is C.AT_BOUNDARY and key[-1].isalpha())]
    if op is C.BRANCH:
        found = [_walk(list(b) + rest, key, start) for b in av[1]]
        return None if any(f is None for f in found) else [k for f in found for k in f]
    if op is C.SUBPATTERN:
        return _walk(list(av[3]) + rest, key, start) if not (av[1] or av[2]) else None
    if op in (C.ASSERT, C.ASSERT_NOT):
        return _walk(rest, key, start)  # zero width
    if op is C.IN:
        if not key:
            return _walk(rest, "", True) if _nonletter(items[0]) else None
        if len(av) <= 4 and all(o is C.LITERAL for o, _ in av):
            found = [_walk(rest, key + chr(a), start) for _, a in av]
            return None if any(f is None for f in found) else [k for f in found for k in f]
        return [(key, start, key[-1].isalpha() and _nonletter(items[0]))]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        if low == 0 and high == 1:
            found = [_walk(rest, key, start), _walk(list(sub) + rest, key, start)]
            return None if any(f is None for f in found) else [k for f in found for k in f]
        plain = len(sub) == 1 and _nonletter(sub[0])
        if not key:
            return _walk(rest, "", start or low >= 1) if plain else None
        return [(key, start, key[-1].isalpha() and plain and low >= 1)]
    return [(key, start, False)] if key else None


def _needs(pattern: str) -> list[tuple[str, bool, bool]] | None:
    """Strings one of which every match of ``pattern`` begins with, folded (``model.fold``), each
    with whether no letter stands before it and after it (a whole word: ``ne``, ``n'``); ``None``
    when they cannot be told (the pattern then runs in every sentence)."""
    if "\\\\" in pattern:  # an escaped backslash: "\\p{L}" would be misread below
        return None
    # read with Python's parser: ``\p{L}`` as ``\w``, ``\P{L}`` as ``\W`` (a letter may, may not match)
    python = re.sub(r"\\P\{\w+\}", r"\\W", re.sub(r"\\p\{\w+\}", r"\\w", pattern))
    if re.search(r"\{(?![\d,])|\[\[", python):  # fuzzy matching ``(?:ne){e<=1}``, nested sets: ``regex`` alone
        return None
    try:
        parsed = _parser.parse(python)
    except (re.error, RecursionError):
        return None
    found = _walk(list(parsed), "", False)
    return None if found is None or len(found) > _MAX_KEYS else [(fold(k), s, e) for k, s, e in found]


class Keyed:
    """A cue list compiled whole (``whole``), and indexed by the strings its patterns begin with
    (``_needs``): a sentence is searched only with the patterns whose strings its folded text
    holds (one Aho–Corasick pass, ``_Index``), in the list's order, so that it finds what the whole
    would. French ``ne``, ``n'`` need a whole word: no literal test can tell them apart from ``une``."""

    __slots__ = ("whole", "needs", "_parts", "_flags", "_index", "_subsets")

    def __init__(self, parts: list[str], flags: int, needs: tuple) -> None:
        self.whole, self._parts, self._flags, self._subsets = patterns.compile(_joined(parts), flags), parts, flags, {}
        self.needs, self._index = needs, _Index(needs)

    def among(self, folded: str) -> regex.Pattern | None:
        """The pattern of the cues that may match the text whose ``fold`` is ``folded`` (``None``: none may)."""
        found = self._index.found(folded)
        return self.of(None if found is None else found[0])

    def of(self, found: set[int] | None) -> regex.Pattern | None:
        """The pattern of the cues numbered ``found`` (``None``: every cue; empty: ``None``)."""
        if found is None or len(found) == len(self._parts):
            return self.whole
        if not found:
            return None
        subset = frozenset(found)
        pattern = self._subsets.get(subset)
        if pattern is None:
            pattern = self._subsets[subset] = patterns.compile(_joined([p for k, p in enumerate(self._parts) if k in subset]), self._flags)
        return pattern


class _Index:
    """The strings of one or more cue lists (``Keyed.needs``) in one Aho–Corasick automaton: one
    pass over a folded text tells, per list, the cues that may match in it."""

    __slots__ = ("_automaton", "_always")

    def __init__(self, *lists: tuple) -> None:
        keys: dict[tuple[str, bool, bool, int], set[int]] = {}
        self._always = tuple(frozenset(k for k, part_needs in enumerate(needs) if not part_needs) for needs in lists)
        for which, needs in enumerate(lists):
            for k, part_needs in enumerate(needs):
                for need in part_needs:
                    keys.setdefault((*need, which), set()).add(k)
        entries: dict[str, list[tuple[int, bool, bool, int, frozenset[int]]]] = {}
        for (key, start, end, which), ks in keys.items():
            entries.setdefault(key, []).append((len(key) - 1, start, end, which, frozenset(ks)))
        self._automaton = ahocorasick.Automaton()
        for key, rows in entries.items():
            self._automaton.add_word(key, tuple(rows))
        if entries:
            self._automaton.make_automaton()
        else:
            self._automaton = None

    def found(self, folded: str) -> list[set[int]] | None:
        """Per list, the numbers of the cues that may match the text whose ``fold`` is ``folded``;
        ``None``: any may ("İ", which ``regex`` matches with "i", folds to "i\u0307")."""
        if "\u0307" in folded:
            return None
        found = [set(always) for always in self._always]
        if self._automaton is not None:
            last = len(folded) - 1
            for end, rows in self._automaton.iter(folded):
                for back, start, after, which, ks in rows:
                    if start and end > back and folded[end - back - 1].isalpha():
                        continue  # most hits: inside a word ("ne" of "une")
                    if not (after and end < last and folded[end + 1].isalpha()):
                        found[which] |= ks
        return found


@derived
def _indexed(lang: str, kind: str) -> tuple[tuple[tuple[str, bool, bool], ...], ...]:
    """Per cue of the list ``kind`` of ``data/<lang>/negation.toml``, the strings ``Keyed`` indexes
    it by: those its matches begin with (``_needs``), or the longer ones each holds
    (``required_literals``: "personne" rather than "la", "une", "les"… before it); ``()``: none."""
    out = []
    for part in toml_data(lang, "negation").get(kind, []):
        needs = _needs(part)
        longer = required_literals(part)
        if longer and (needs is None or min(map(len, longer)) > max(len(n[0]) for n in needs)):
            needs = [(literal, False, False) for literal in longer]
        out.append(tuple(needs or ()))
    return tuple(out)


def _joined(parts: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts)


class Cues(NamedTuple):
    """A language's cues (``None`` where its data has none): ``strong`` and ``ignore`` indexed
    (``Keyed``), the others compiled; ``negations`` gives a text's ``strong`` spans once
    ``ignore`` is blanked."""

    ignore: Keyed | None
    strong: Keyed | None
    negations: Callable[[str], tuple[tuple[int, int], ...]]
    weak: regex.Pattern | None
    reported: regex.Pattern | None
    hedges: regex.Pattern | None
    attribution: regex.Pattern | None
    reported_literals: tuple[str, ...]  # strings one of which every match of ``reported`` holds (``required_literals``)


@functools.cache
def cues(lang: str) -> Cues:
    data = toml_data(lang, "negation")

    def compiled(key: str) -> regex.Pattern | None:
        return patterns.compile(_joined(data[key]), regex.IGNORECASE) if data.get(key) else None

    ignore, strong = (Keyed(data[k], regex.IGNORECASE, _indexed(lang, k)) if data.get(k) else None for k in ("ignore", "strong"))

    both = _Index(ignore.needs, strong.needs) if ignore is not None and strong is not None else None

    def negations(text: str) -> tuple[tuple[int, int], ...]:
        folded = fold(text)
        if both is not None:  # one pass for both lists
            found = both.found(folded)
            blank, pattern = (ignore.whole, strong.whole) if found is None else (ignore.of(found[0]), strong.of(found[1]))
        else:
            blank, pattern = ignore.among(folded) if ignore is not None else None, strong.among(folded) if strong is not None else None
        if blank is not None and (blanked := blank.sub(_blank, text)) != text:
            text, pattern = blanked, strong.among(fold(blanked)) if strong is not None else None
        return () if pattern is None else tuple([m.span() for m in pattern.finditer(text)])

    reported = required_literals(_joined(data["reported"])) if data.get("reported") else ()
    return Cues(ignore, strong, negations, *(compiled(k) for k in ("weak", "reported", "hedges", "attribution")), reported)


def _blank(m: regex.Match) -> str:
    return " " * len(m.group())


def _holds(ctx: CheckContext, text: str, literals: tuple[str, ...]) -> bool:
    """Whether a pattern whose required ``literals`` these are may match ``text`` (always, without any)."""
    return not literals or any_of(literals)(ctx.of_text(fold, text))


def _negations(ctx: CheckContext, sentences: list[Sentence], cues: Cues) -> list[Span]:
    """File spans of the ``strong`` cues in ``sentences`` (``ignore`` blanked), each sentence's
    found once per document."""
    return [sent.file_span(a, b) for sent in sentences for a, b in ctx.of_text(cues.negations, sent.text)]


def _hits(ctx: CheckContext, sentences: list[Sentence], pattern: regex.Pattern | None, literals: tuple[str, ...] = ()) -> list[Span]:
    """File spans of ``pattern`` in ``sentences``, searched only in those holding one of its
    required ``literals``, if it has some."""
    if pattern is None:
        return []
    return [
        sent.file_span(m.start(), m.end())
        for sent in sentences if _holds(ctx, sent.text, literals) for m in pattern.finditer(sent.text)
    ]


def _with_unaligned_neighbours(segments: list[Segment]) -> Iterator[tuple[Segment, list[Sentence], list[Sentence]]]:
    """Each aligned segment with its source and target sentences, plus those of the one-sided
    segments next to it in the same paragraph (a sentence the aligner left unpaired often
    carries part of the meaning)."""
    last = len(segments) - 1
    for k, seg in enumerate(segments):
        if not (seg.source and seg.target):
            continue
        source, target = seg.source, seg.target  # most segments: both neighbours aligned (or none)
        for n in (segments[k - 1] if k else None, segments[k + 1] if k < last else None):
            if n is None or n.source and n.target:
                continue
            if not n.target:
                source = source + [s for s in n.source if s.paragraph is seg.source[0].paragraph]
            if not n.source:
                target = target + [s for s in n.target if s.paragraph is seg.target[0].paragraph]
        yield seg, source, target


class Polarity(Rule):
    """A negation added or lost: the translation says the opposite of its source.

    Per aligned segment (with any unpaired sentence next to it), the source's grammatical
    negations (*ne…pas/plus/jamais/rien/personne/aucun/guère*, *ni…ni*, *personne ne*, *ne
    peut*) are counted against the translation's (*not*, *n't*, *no*, *never*, *nothing*,
    *nobody*, *none*, *neither/nor*), each side's lexical negation counting as an excuse for
    the other.
    Flags: ``n'a pas été retenu`` → ``was selected`` (lost; the source span is the negation),
    ``a été retenu`` → ``was not selected`` (added; the target span is the ``not``).
    A count that differs while both sides are negative, or a headline (the first block, one
    sentence: headlines are rewritten freely), is only an info.
    Leaves alone: *ne…que* (= only), expletive *ne* (*avant que…ne*, *à moins que…ne*,
    *craindre que…ne*), *pas mal*, *non seulement…mais*, *not only*, *if not*; lexical
    negation on either side (*n'a pas pu* → *was unable*/*failed to*; *refuse*, *deny*,
    *lack*, *impossible*, *unlike*, *sans*, *without*), litotes (*n'a pas faibli* → *remained
    high*, *it can't be denied*, *not unlike*), a target left in the source language,
    and pairs with no cue data. Only pairs measured for it (``[measured] warn`` in
    ``data/<pair>/pair.toml``: fr→en) get warnings; other pairs get suggestions.
    """

    id = "polarity"
    category = "accuracy/mistranslation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        src, tgt = cues(ctx.src_lang), cues(ctx.tgt_lang)
        if src.strong is None or tgt.strong is None:
            return
        warn = measured(ctx.src_lang, ctx.tgt_lang, self.id)
        first = ctx.target.paragraphs[0] if ctx.target.paragraphs else None
        headline = first if first is not None and len(first.sentences) == 1 else None
        for seg, source, target in _with_unaligned_neighbours(ctx.segments):
            s = _negations(ctx, source, src)
            t = _negations(ctx, target, tgt)
            if len(s) == len(t):
                continue
            if _negations(ctx, seg.target, src):
                continue  # the target is still in the source language: untranslated rules report it
            if len(s) > len(t) and len(s) > len(t) + len(_hits(ctx, target, tgt.weak)):
                finding = self._lost(ctx, seg, s, t)
            elif len(t) > len(s) and len(t) > len(s) + len(_hits(ctx, source, src.weak)):
                finding = self._added(ctx, seg, s, t)
            else:
                continue
            if seg.target[0].paragraph is headline or not warn:
                finding.severity = Severity.INFO  # headlines are rewritten freely; unmeasured pairs suggest
            yield finding

    def _lost(self, ctx: CheckContext, seg: Segment, s: list[Span], t: list[Span]) -> Finding:
        cue = ctx.source.slice(s[0]) if ctx.source else ""
        what = "has no negation" if not t else f"has {len(t)} negation(s) for the source's {len(s)}"
        return self.finding(
            f"Polarity: the source is negative (“{cue}”) but the translation {what}.",
            target=seg.target_span,
            source=s[0] if len(s) == 1 else seg.source_span,
            segment=seg,
            severity=Severity.WARNING if not t else Severity.INFO,
        )

    def _added(self, ctx: CheckContext, seg: Segment, s: list[Span], t: list[Span]) -> Finding:
        cue = ctx.target.slice(t[0])
        what = "has no negation" if not s else f"has {len(s)} negation(s) for the translation's {len(t)}"
        return self.finding(
            f"Polarity: the translation is negative (“{cue}”) but the source {what}.",
            target=t[0] if not s else seg.target_span,
            source=seg.source_span,
            segment=seg,
            severity=Severity.WARNING if not s else Severity.INFO,
        )


class ReportedAsFact(Rule):
    """A claim the source reports (the French journalistic conditional) translated as fact.

    French news reports unconfirmed facts in the conditional (*l'attaque aurait fait dix
    morts*: the attack reportedly killed ten); a translation in the plain past or present
    asserts what the source did not. Each conditional needs a hedge in the segment; a
    reporting verb (*said*, *told*) counts only beyond those translating the source's own
    (*a précisé la préfecture* → *said the prefecture*).
    Flags: ``l'attaque aurait fait dix morts`` → ``the attack killed ten``;
    ``il serait parti`` → ``he left``.
    Leaves alone: a translation with a hedge (*reportedly*, *allegedly*, *would have*,
    *could*, *may have*, *is said to*, *according to*, *believed to*, *apparently*,
    *the police said* where the source names no reporter…), conditionals without a past
    participle (*ce serait bien*) or of obligation (*aurait dû*), and pairs with no cue data.
    """

    id = "reported-as-fact"
    category = "accuracy/mistranslation"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        src, tgt = cues(ctx.src_lang), cues(ctx.tgt_lang)
        if src.reported is None or tgt.hedges is None:
            return
        for seg in ctx.aligned():
            claims = _hits(ctx, seg.source, src.reported, literals=src.reported_literals)
            if not claims:
                continue
            attributed = len(_hits(ctx, seg.target, tgt.attribution)) - len(_hits(ctx, seg.source, src.attribution))
            if len(_hits(ctx, seg.target, tgt.hedges)) + max(attributed, 0) >= len(claims):
                continue
            cue = ctx.source.slice(claims[0]) if ctx.source else ""
            yield self.finding(
                f"“{cue}” reports a claim without asserting it; the translation states it as fact.",
                target=seg.target_span,
                source=claims[0],
                segment=seg,
                suggestion="reportedly …, … is said to …, or according to …",
            )
