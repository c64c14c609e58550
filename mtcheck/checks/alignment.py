"""Sentences that alignment could not pair: dropped from, or added to, the translation."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Segment, Severity, Span

# Very short sentences ("Why?", a dateline) are often merged or dropped on purpose.
_MIN_WORDS = 4


class Omission(Rule):
    """A source sentence with no counterpart in the translation.

    Flags: a sentence of the source that alignment leaves unpaired (a 1-0 bead), e.g. a
    French paragraph of three sentences translated by two that say nothing of the third; a
    whole paragraph left out is one finding covering the paragraph.
    Leaves alone: sentences merged into a neighbour (2-1 beads), sentences under four words.
    """

    id = "omission"
    category = "accuracy/omission"
    severity = Severity.ERROR
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        dropped: dict[int, list[Segment]] = {}  # whole source paragraphs left out, by paragraph
        translated = {s.paragraph.index for seg in ctx.segments if seg.target for s in seg.source}
        for seg in ctx.segments:
            if seg.source and not seg.target and len(seg.source_text.split()) >= _MIN_WORDS:
                paragraph = seg.source[0].paragraph
                if paragraph.index not in translated:
                    dropped.setdefault(paragraph.index, []).append(seg)
                    continue
                yield self.finding(
                    "Source sentence has no translation: “" + _clip(seg.source_text) + "”",
                    source=seg.source_span,
                    segment=seg,
                )
        for segs in dropped.values():
            text = " ".join(s.source_text for s in segs)
            yield self.finding(
                f"Source paragraph has no translation ({len(segs)} sentence{'s' * (len(segs) > 1)}): “{_clip(text)}”",
                source=Span(segs[0].source_span.start, segs[-1].source_span.end),
                segment=segs[0],
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
