"""MT-based accuracy checks: meaning errors found with real NMT models (see ``mtcheck.mt``).

The four rules share one analysis per document (``mtcheck.mt.analysis.analysis_for``): one
batched pass of forward MT, back-translation and forced decoding over all segments. Without
an MT session (``ctx.mt is None``: models missing or ``--no-mt``) they do nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity


class _MTRule(Rule):
    kind: ClassVar[str]

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.mt is None:
            return
        if self.needs_source and ctx.source is None:
            return
        from mtcheck.mt.analysis import analysis_for

        for c in analysis_for(ctx).of(self.kind):
            yield self.finding(
                c.message,
                target=c.target,
                source=c.source,
                segment=c.segment,
                suggestion=c.suggestion,
                severity=c.severity,
            )


class MTMistranslation(_MTRule):
    """Target words the MT model finds improbable given the source and the MT output does not support.

    Forced decoding scores every target piece given the source; a run of improbable words
    (at or below ``token_logprob``) that the MT suggestion does not vouch for (it does not
    make the same word-to-word transitions) is flagged on its exact span when the segment
    corroborates it (mean log-prob well below the MT's own, or low chrF against the MT) or
    the run is very improbable by itself. A negation present in the MT but not in the
    translation (or the reverse), mirrored by the back-translation, is flagged as well.
    Error when both the segment and the run are very improbable, warning otherwise.

    Flags:
      - "Then he was welcomed by Russian President Vladimir Putin … by his Chinese
        counterpart" for "Le président russe Vladimir Poutine a ensuite accueilli … son
        homologue chinois" (roles reversed);
      - "host" for "invité"; a dropped negation ("has signed" for "n'a pas signé").

    Leaves alone:
      - free but faithful wording the MT also produces or scores as likely;
      - names and numbers alone (the name and number checks own them);
      - everything when no MT models are installed.
    """

    id = "mt-mistranslation"
    category = "accuracy/mistranslation"
    severity = Severity.WARNING
    needs_source = True
    kind = "mistranslation"


class MTOmission(_MTRule):
    """Source content the translation leaves out, found through back-translation.

    Source content words that the back-translation of the target does not cover (after
    stemming; names and numbers copied verbatim count as covered), in a run of at least
    ``omission_min_words``, when forced decoding finds an improbable token (where the missing
    words should have been) and the target is shorter than the MT suggestion or lacks
    several of its content words. The finding's source span is the uncovered words; its
    target span is the segment's translation.

    Flags:
      - "the solidarity and support for Ukraine" where the source says "du Japon et du G7
        à l'Ukraine" and the translation drops Japan and the G7's role;
      - a subordinate clause missing from the translation.

    Leaves alone:
      - paraphrases whose back-translation uses other words for a short phrase;
      - function words; whole unaligned sentences (the alignment check reports those).
    """

    id = "mt-omission"
    category = "accuracy/omission"
    severity = Severity.WARNING
    needs_source = True
    kind = "omission"


class MTAddition(_MTRule):
    """Target content with no counterpart in the source, found through forced decoding and back-translation.

    An improbable run of target words (as for ``mt-mistranslation``) is an addition when its
    content words are all absent from the MT suggestion, the translation is at least
    ``addition_length_ratio`` times as long as the MT, and the back-translation brings
    content words the source does not have.

    Flags:
      - "…, which was seen as a major snub," added to a sentence whose source has no such clause.

    Leaves alone:
      - explanatory expansions the MT also produces (acronyms spelt out, titles);
      - whole added sentences (the alignment check reports those).
    """

    id = "mt-addition"
    category = "accuracy/addition"
    severity = Severity.WARNING
    needs_source = True
    kind = "addition"


class MTRoundTrip(_MTRule):
    """Without a source: sentences whose round trip (target → source language → target) diverges strongly.

    Only for documents checked monolingually. chrF of the round trip against the sentence
    at or below ``round_trip_info_chrf`` gives an ``info``, at or below
    ``round_trip_warning_chrf`` a ``warning``; the span is the longest run of words the
    round trip does not reproduce.

    Flags:
      - a garbled sentence whose round trip comes back with another meaning.

    Leaves alone:
      - documents with a source (the bilingual MT rules apply there);
      - ordinary paraphrase in the round trip (chrF above the thresholds).
    """

    id = "mt-round-trip"
    category = "accuracy/mistranslation"
    severity = Severity.INFO
    needs_source = False
    kind = "round-trip"

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.source is not None:
            return
        yield from super().check(ctx)
