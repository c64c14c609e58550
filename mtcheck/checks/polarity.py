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
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import any_of
from mtcheck.model import Finding, Segment, Sentence, Severity, Span, fold
from mtcheck.resources import measured, required_literals, toml_data


@dataclass(frozen=True)
class Cues:
    """A language's compiled cue patterns (``None`` where its data has none)."""

    ignore: regex.Pattern | None
    strong: regex.Pattern | None
    weak: regex.Pattern | None
    reported: regex.Pattern | None
    hedges: regex.Pattern | None
    attribution: regex.Pattern | None
    ignore_literals: tuple[str, ...]  # strings one of which every match of ``ignore`` holds (``required_literals``)
    reported_literals: tuple[str, ...]  # the same for ``reported``


@functools.cache
def cues(lang: str) -> Cues:
    data = toml_data(lang, "negation")

    def joined(key: str) -> str:
        return "|".join(f"(?:{p})" for p in data.get(key, []))

    def compiled(key: str) -> regex.Pattern | None:
        return patterns.compile(joined(key), regex.IGNORECASE) if data.get(key) else None

    keys = ("ignore", "strong", "weak", "reported", "hedges", "attribution")
    return Cues(*(compiled(k) for k in keys), *(required_literals(joined(k)) if data.get(k) else () for k in ("ignore", "reported")))


def _blank(m: regex.Match) -> str:
    return " " * len(m.group())


def _holds(ctx: CheckContext, text: str, literals: tuple[str, ...]) -> bool:
    """Whether a pattern whose required ``literals`` these are may match ``text`` (always, without any)."""
    return not literals or any_of(literals)(ctx.of_text(fold, text))


def _hits(
    ctx: CheckContext, sentences: list[Sentence], pattern: regex.Pattern | None, ignore: regex.Pattern | None,
    ignore_literals: tuple[str, ...] = (), literals: tuple[str, ...] = (),
) -> list[Span]:
    """File spans of ``pattern`` in ``sentences``, after blanking what ``ignore`` matches; each
    pattern runs only in sentences holding one of its required literals, if it has some
    (``literals`` only without ``ignore``: blanking may make a match)."""
    if pattern is None:
        return []
    out = []
    for sent in sentences:
        text = sent.text
        if ignore is not None and _holds(ctx, text, ignore_literals):
            text = ignore.sub(_blank, text)
        elif ignore is None and not _holds(ctx, text, literals):
            continue
        out.extend(sent.file_span(m.start(), m.end()) for m in pattern.finditer(text))
    return out


def _with_unaligned_neighbours(segments: list[Segment]) -> Iterator[tuple[Segment, list[Sentence], list[Sentence]]]:
    """Each aligned segment with its source and target sentences, plus those of the one-sided
    segments next to it in the same paragraph (a sentence the aligner left unpaired often
    carries part of the meaning)."""
    for k, seg in enumerate(segments):
        if not (seg.source and seg.target):
            continue
        near = [segments[j] for j in (k - 1, k + 1) if 0 <= j < len(segments)]
        source = seg.source + [s for n in near if not n.target for s in n.source if s.paragraph is seg.source[0].paragraph]
        target = seg.target + [s for n in near if not n.source for s in n.target if s.paragraph is seg.target[0].paragraph]
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
            s = _hits(ctx, source, src.strong, src.ignore, src.ignore_literals)
            t = _hits(ctx, target, tgt.strong, tgt.ignore, tgt.ignore_literals)
            if len(s) == len(t):
                continue
            if _hits(ctx, seg.target, src.strong, src.ignore, src.ignore_literals):
                continue  # the target is still in the source language: untranslated rules report it
            if len(s) > len(t) and len(s) > len(t) + len(_hits(ctx, target, tgt.weak, None)):
                finding = self._lost(ctx, seg, s, t)
            elif len(t) > len(s) and len(t) > len(s) + len(_hits(ctx, source, src.weak, None)):
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
            claims = _hits(ctx, seg.source, src.reported, None, literals=src.reported_literals)
            if not claims:
                continue
            attributed = len(_hits(ctx, seg.target, tgt.attribution, None)) - len(_hits(ctx, seg.source, src.attribution, None))
            if len(_hits(ctx, seg.target, tgt.hedges, None)) + max(attributed, 0) >= len(claims):
                continue
            cue = ctx.source.slice(claims[0]) if ctx.source else ""
            yield self.finding(
                f"“{cue}” reports a claim without asserting it; the translation states it as fact.",
                target=seg.target_span,
                source=claims[0],
                segment=seg,
                suggestion="reportedly …, … is said to …, or according to …",
            )
