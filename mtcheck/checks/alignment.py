"""Sentences that alignment could not pair: dropped from, or added to, the translation."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity

# Very short sentences ("Why?", a dateline) are often merged or dropped on purpose.
_MIN_WORDS = 4


class Omission(Rule):
    """A source sentence with no counterpart in the translation.

    Flags: a sentence of the source that alignment leaves unpaired (a 1-0 bead), e.g. a
    French paragraph of three sentences translated by two that say nothing of the third.
    Leaves alone: sentences merged into a neighbour (2-1 beads), sentences under four words.
    """

    id = "omission"
    category = "accuracy/omission"
    severity = Severity.ERROR
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.segments:
            if seg.source and not seg.target and len(seg.source_text.split()) >= _MIN_WORDS:
                yield self.finding(
                    "Source sentence has no translation: “" + _clip(seg.source_text) + "”",
                    source=seg.source_span,
                    segment=seg,
                )


class Addition(Rule):
    """A target sentence with no counterpart in the source.

    Flags: a sentence of the translation that alignment leaves unpaired (a 0-1 bead), such
    as an explanatory sentence the translator added or a sentence pasted twice.
    Leaves alone: sentences split from one source sentence (1-2 beads), sentences under
    four words.
    """

    id = "addition"
    category = "accuracy/addition"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg in ctx.segments:
            if seg.target and not seg.source and len(seg.target_text.split()) >= _MIN_WORDS:
                yield self.finding(
                    "Target sentence has no counterpart in the source.",
                    target=seg.target_span,
                    segment=seg,
                )


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
