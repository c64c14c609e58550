"""One source term, several translations within one article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.glossary import term_occurrences
from mtcheck.model import Finding, Severity


def _spelling(form: str) -> str:
    """A form without case, spaces, hyphens and dots: ``cease-fire`` and ``ceasefire`` agree."""
    return "".join(ch for ch in form.lower() if ch.isalnum())


class InconsistentTerm(Rule):
    """A glossary term spelled two ways in the same article: ``ceasefire`` and ``cease-fire``.

    Flags: ``cessez-le-feu`` rendered ``ceasefire`` in one paragraph and ``cease-fire`` in
    another — both allowed by the glossary, but an article keeps one spelling; the less
    frequent one is reported, with the usual one as suggestion.
    Leaves alone: a term spelled the same way throughout, forms differing only in case or
    number (``ceasefire``/``ceasefires``), and different wordings the glossary allows
    (``foreign minister`` then ``top diplomat``, ``United Nations`` then ``UN``): varying
    them is style.
    """

    id = "inconsistent-term"
    category = "terminology/inconsistent"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        uses: dict[str, list] = {}
        for seg, term, _, _ in term_occurrences(ctx):
            if len(term.targets) < 2:
                continue
            for target_form, pattern in zip(term.targets, term.target_patterns):
                found = next(((sent, m) for sent in seg.target if (m := pattern.search(sent.text))), None)
                if found is not None:
                    uses.setdefault(term.source, []).append((target_form.lower(), seg, *found))
                    break
        for source_term, occurrences in uses.items():
            counts = Counter(form for form, *_ in occurrences)
            if len(counts) < 2 or len({_spelling(form) for form in counts}) > 1:
                continue  # one form, or different wordings (variation is style, not inconsistency)
            usual = max(counts, key=lambda form: (counts[form], -[o[0] for o in occurrences].index(form)))
            usual_text = next(m.group() for form, _, _, m in occurrences if form == usual)
            for form, seg, sent, m in occurrences:
                if form != usual:
                    yield self.finding(
                        f"“{source_term}” is translated “{usual_text}” elsewhere in the article; keep one form.",
                        target=sent.file_span(m.start(), m.end()),
                        segment=seg,
                        suggestion=usual_text,
                    )
