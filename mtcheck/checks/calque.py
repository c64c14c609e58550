"""Literal translations (calques) and false friends, from ``data/<pair>/calques.tsv``."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import each_held
from mtcheck.model import Finding, Segment, Severity, _Shown
from mtcheck.resources import derived, pair_table, required_literals


@functools.cache
def _bounded(pattern: str) -> regex.Pattern:
    """A table pattern as a whole-word, case-insensitive regular expression (compiled on first
    use, kept on disk by ``mtcheck.patterns``)."""
    return patterns.compile(rf"(?<!\w)(?:{pattern})(?!\w)", regex.IGNORECASE)


class Entry(_Shown):
    """A row of the table (compared by identity; written out: a dataclass costs ≈ 6 M instructions per start)."""

    __slots__ = ("id", "kind", "note", "source_literals", "source_pattern", "suggestion", "target_literals", "target_pattern")
    _SHOWN = ("id", "kind", "source_pattern", "target_pattern", "suggestion", "note", "source_literals", "target_literals")

    def __init__(
        self, id: str, kind: str, source_pattern: str, target_pattern: str, suggestion: str, note: str,
        source_literals: tuple[str, ...] = (), target_literals: tuple[str, ...] = (),
    ) -> None:
        self.id, self.kind, self.source_pattern, self.target_pattern = id, kind, source_pattern, target_pattern
        self.suggestion, self.note = suggestion, note
        self.source_literals = source_literals  # strings one of which every source match contains (``required_literals``)
        self.target_literals = target_literals  # the same for target matches

    @property
    def source(self) -> regex.Pattern:
        return _bounded(self.source_pattern)

    @property
    def target(self) -> regex.Pattern:
        return _bounded(self.target_pattern)


@functools.cache
def entries(src: str, tgt: str) -> tuple[Entry, ...]:
    """The pair's calque table; patterns compile lazily, only for entries whose literals a text holds."""
    return tuple(
        Entry(row["id"], row["kind"], row["source_pattern"], row["target_pattern"], row["suggestion"], row.get("note", ""), *literals)
        for row, literals in zip(pair_table(src, tgt, "calques"), _literals(src, tgt))
    )


@derived
def _literals(src: str, tgt: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The required literals of each row's source and target patterns, in table order."""
    return tuple((required_literals(row["source_pattern"]), required_literals(row["target_pattern"])) for row in pair_table(src, tgt, "calques"))


@functools.cache
def _order(src: str, tgt: str) -> dict[Entry, int]:
    """Each entry's place in the pair's table."""
    return {e: k for k, e in enumerate(entries(src, tgt))}


@functools.cache
def _by_target_literal(src: str, tgt: str, kind: str) -> tuple[tuple[Entry, ...], dict[str, tuple[Entry, ...]]]:
    """The entries of one kind always tried (no target literal known), and the others by each
    string one of which their target matches hold (``required_literals``)."""
    always: list[Entry] = []
    table: dict[str, list[Entry]] = {}
    for e in entries(src, tgt):
        if e.kind == kind:
            if not e.target_literals:
                always.append(e)
            for literal in e.target_literals:
                table.setdefault(literal, []).append(e)
    return tuple(always), {literal: tuple(group) for literal, group in table.items()}


class _TableRule(Rule):
    kind = ""

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        always, by_literal = _by_target_literal(ctx.src_lang, ctx.tgt_lang, self.kind)
        order = _order(ctx.src_lang, ctx.tgt_lang)
        held = _held(ctx)
        if always:  # every segment has candidates
            held_by = dict(held)
            held = [(seg, held_by.get(seg, frozenset())) for seg in ctx.segments if seg.target]
        for seg, found in held:
            if self.needs_source and not seg.source:
                continue
            candidates = set(always)
            for literal in found:
                candidates.update(by_literal.get(literal, ()))
            if not candidates:
                continue  # most segments
            src_folded = ctx.folded(seg.source)
            for entry in sorted(candidates, key=order.__getitem__):  # table order, as findings were always listed
                literals = entry.source_literals
                if seg.source and literals and not any(literal in src_folded for literal in literals):
                    continue  # the patterns run only where both sides hold their literals
                src_span = None
                if seg.source:
                    hit = next(((s, m) for s in seg.source if (m := entry.source.search(s.text))), None)
                    if hit is None:
                        continue
                    src_span = hit[0].file_span(hit[1].start(), hit[1].end())
                for sent in seg.target:
                    for m in entry.target.finditer(sent.text):
                        note = f" ({entry.note.rstrip('.')})" if entry.note else ""
                        yield self.finding(
                            f"“{m.group()}” reads as a literal translation; consider “{entry.suggestion}”{note}.",
                            target=sent.file_span(m.start(), m.end()),
                            source=src_span,
                            segment=seg,
                            suggestion=entry.suggestion,
                            severity=None if seg.source else Severity.INFO,
                        )



@functools.cache
def _target_literals(src: str, tgt: str) -> tuple[str, ...]:
    """Every target literal of the pair's table, both kinds."""
    return tuple(dict.fromkeys(literal for e in entries(src, tgt) for literal in e.target_literals))


def _held(ctx: CheckContext) -> list[tuple[Segment, frozenset[str]]]:
    """The segments whose folded target text holds target literals of the table, with those literals
    (found once per document for both rules: one Aho–Corasick pass per chunk of segments)."""

    def compute() -> list[tuple[Segment, frozenset[str]]]:
        segments = [seg for seg in ctx.segments if seg.target]
        literals = _target_literals(ctx.src_lang, ctx.tgt_lang)
        return [(seg, found) for seg, _, found in each_held(segments, lambda seg: ctx.folded(seg.target), literals) if found]

    return ctx.shared("calque.held", compute)


class Calque(_TableRule):
    """A word-for-word translation of a French expression: ``the master of the Kremlin``.

    Flags: the English side of a ``calque`` entry of ``data/<pair>/calques.tsv`` when the
    aligned source has its French side (``le maître du Kremlin``); without a source, as a
    suggestion only.
    Leaves alone: the same English where the source says something else (``the master of
    ceremonies``), and every ``false-friend`` entry (see ``false-friend``).
    """

    id = "calque"
    category = "style/calque"
    severity = Severity.WARNING
    kind = "calque"


class FalseFriend(_TableRule):
    """An English word that looks like the French one but means something else: ``actually`` for ``actuellement``.

    Flags: the English side of a ``false-friend`` entry of ``data/<pair>/calques.tsv`` only
    when the aligned source has the French word (``actuellement`` → ``actually``).
    Leaves alone: the same English word anywhere else (``actually`` is good English), and
    documents without a source.
    """

    id = "false-friend"
    category = "style/calque"
    severity = Severity.WARNING
    needs_source = True
    kind = "false-friend"
