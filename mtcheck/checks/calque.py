"""Literal translations (calques) and false friends, from ``data/<pair>/calques.tsv``."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity
from mtcheck.resources import pair_table


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    source: regex.Pattern
    target: regex.Pattern
    suggestion: str
    note: str


def _bounded(pattern: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


@functools.cache
def entries(src: str, tgt: str) -> tuple[Entry, ...]:
    """The pair's calque table, compiled."""
    return tuple(
        Entry(row["id"], row["kind"], _bounded(row["source_pattern"]), _bounded(row["target_pattern"]), row["suggestion"], row.get("note", ""))
        for row in pair_table(src, tgt, "calques")
    )


class _TableRule(Rule):
    kind = ""

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        table = [e for e in entries(ctx.src_lang, ctx.tgt_lang) if e.kind == self.kind]
        for seg, sent in ctx.target_sentences():
            for entry in table:
                for m in entry.target.finditer(sent.text):
                    source = entry.source.search(seg.source_text) if seg.source else None
                    if seg.source and source is None:
                        continue
                    if not seg.source and self.needs_source:
                        continue
                    src_span = None
                    if source is not None:
                        src_span = next(
                            (s.file_span(mm.start(), mm.end()) for s in seg.source if (mm := entry.source.search(s.text))),
                            None,
                        )
                    note = f" ({entry.note.rstrip('.')})" if entry.note else ""
                    yield self.finding(
                        f"“{m.group()}” reads as a literal translation; consider “{entry.suggestion}”{note}.",
                        target=sent.file_span(m.start(), m.end()),
                        source=src_span,
                        segment=seg,
                        suggestion=entry.suggestion,
                        severity=None if seg.source else Severity.INFO,
                    )


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
