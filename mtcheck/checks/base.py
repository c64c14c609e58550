"""What every check is: a rule with a stable id, an MQM-style category and a default severity.

A rule's docstring is its documentation (``mtcheck rules RULE`` prints it): the first line
says what it catches, then ``Flags:`` and ``Leaves alone:`` sections with examples.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from mtcheck.checks.literals import any_of
from mtcheck.model import CATEGORIES, Document, Finding, Segment, Sentence, Severity, Span, _Shown, fold


_KEPT_COST = 1 << 18  # what a context's kept forms may cost, in characters of text plus _ENTRY_COST each:
_ENTRY_COST = 100  # ≈ 5 MB at most (a newstest article needs a tenth); a huge document computes the rest again
_LISTED = 4096  # segments up to which a context lists its sentences and aligned segments once (any article; not a 20 MiB file)


class CheckContext(_Shown):
    """What a rule sees: both documents, their alignment, the language pair and settings.

    ``mt`` is an MT session (see ``mtcheck.mt``) or ``None`` when MT is off or unavailable.
    Written out, not a dataclass: its generated methods cost ≈ 6 M instructions every start.
    """

    __slots__ = ("__weakref__", "_aligned", "_budget", "_pairs", "_shared", "mt", "pair", "segments", "settings", "source", "src_lang", "target", "tgt_lang")
    _SHOWN = ("target", "source", "segments", "src_lang", "tgt_lang", "settings", "mt")

    def __init__(
        self,
        target: Document,
        source: Document | None,
        segments: list[Segment],
        src_lang: str,
        tgt_lang: str,
        settings: dict[str, Any] | None = None,
        mt: Any = None,
    ) -> None:
        self.target, self.source, self.segments, self.src_lang, self.tgt_lang = target, source, segments, src_lang, tgt_lang
        self.settings = {} if settings is None else settings
        self.mt = mt
        self.pair = f"{src_lang}-{tgt_lang}"
        self._shared: dict[Any, Any] = {}
        self._pairs: list[tuple[Segment, Sentence]] | None = None  # listed once for an article, walked anew for a huge file
        self._aligned: list[Segment] | None = None
        self._budget = _KEPT_COST  # what kept forms may still cost

    def shared(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, run once per document: work several rules need (the glossary's hits)."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]

    def of_text(self, form: Callable[[str], Any], text: str) -> Any:
        """``form(text)``, computed once per document whichever rule asks: a sentence's or a
        segment side's words (``mtcheck.checks.words``), tokenised once and read by every rule.
        Forms are kept while their cost fits ``_KEPT_COST``; a huge document's others are
        computed again when asked."""
        key = (form, text)
        try:
            return self._shared[key]
        except KeyError:
            value = form(text)
            cost = len(text) + _ENTRY_COST
            if cost <= self._budget:  # bounded memory
                self._budget -= cost
                self._shared[key] = value
            return value

    def folded(self, sentences: list[Sentence]) -> str:
        """The ``model.fold`` of each sentence's text (``of_text``) joined by spaces: a segment side
        as the literal tables read it."""
        if len(sentences) == 1:
            return self.of_text(fold, sentences[0].text)
        return " ".join([self.of_text(fold, s.text) for s in sentences])

    def segment_of(self, sentence: Sentence | None) -> Segment | None:
        """The segment holding a target ``sentence`` (indexed once per document, on first use)."""
        if sentence is None:
            return None
        return self.shared("segment_of", lambda: {id(s): seg for seg, s in self.target_sentences()}).get(id(sentence))

    def target_sentences(self) -> Iterator[tuple[Segment, Sentence]]:
        """Each target sentence with its segment, in order (a list walked by every rule: no generator to resume)."""
        if self._pairs is None:
            if len(self.segments) > _LISTED:
                return ((seg, sent) for seg in self.segments for sent in seg.target)
            self._pairs = [(seg, sent) for seg in self.segments for sent in seg.target]
        return iter(self._pairs)

    def rendering_span(self, seg: Segment, phrase: str) -> Span | None:
        """The span of the aligned target that renders the source ``phrase``, when one can be found."""
        from mtcheck.align.scorers import anchor_scorer

        scorer = anchor_scorer(self.src_lang, self.tgt_lang)
        for sent in seg.target:
            found = scorer.rendering(phrase, sent.text)
            if found is not None:
                return sent.file_span(*found)
        return None

    def aligned(self) -> Iterator[Segment]:
        """Segments that have both a source and a target side."""
        if self._aligned is None:
            if len(self.segments) > _LISTED:
                return (seg for seg in self.segments if seg.source and seg.target)
            self._aligned = [seg for seg in self.segments if seg.source and seg.target]
        return iter(self._aligned)


class Rule:
    """Base class of all checks; subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    needs_source: ClassVar[bool] = False
    safe_fix: ClassVar[bool] = False  # whether ``Finding.fix`` may be applied by ``mtcheck fix``
    target_langs: ClassVar[frozenset[str] | None] = None  # the target languages it applies to (None: any)
    deletes: ClassVar[bool] = False  # its findings ask to delete the span: no other finding inside it stands

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if getattr(cls, "id", None):
            assert cls.category in CATEGORIES, f"{cls.id}: unknown category {cls.category}"
            assert cls.__doc__, f"{cls.id}: a rule needs a docstring"

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        """The docstring as plain text (literal markers ````x```` shown as ```x```)."""
        return inspect.cleandoc(cls.__doc__ or "").replace("``", "`")

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        *,
        target: Span | None = None,
        source: Span | None = None,
        segment: Segment | None = None,
        suggestion: str | None = None,
        fix: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            target=target,
            source=source,
            segment=segment.id if segment else None,
            suggestion=suggestion,
            fix=fix if self.safe_fix else None,
        )


class PatternRule(Rule):
    """A rule that flags every match of ``pattern`` in the target's sentences.

    Subclasses set ``pattern`` (or build it from the pair's data in ``compiled``) and
    ``message``; ``replacement`` gives the suggestion (also the fix when the rule's fix is
    safe); ``applies`` and ``skip`` narrow where it fires; ``needs``, strings one of which
    every match holds, skips the sentences that hold none of them unsearched.
    """

    pattern: ClassVar[Any] = None
    needs: ClassVar[tuple[str, ...]] = ()

    def applies(self, ctx: CheckContext) -> bool:
        return True

    def compiled(self, ctx: CheckContext) -> Any:
        """The pattern for this context; rules whose pattern comes from the pair's data override this."""
        return self.pattern

    def skip(self, sentence: Sentence, match: Any) -> bool:
        return False

    def message(self, match: Any) -> str:
        raise NotImplementedError

    def replacement(self, match: Any) -> str | None:
        return None

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        pattern = self.compiled(ctx) if self.applies(ctx) else None
        if pattern is None:
            return
        holds = any_of(self.needs) if self.needs else None
        for seg, sent in ctx.target_sentences():
            text = sent.text
            if holds is not None and not holds(text):
                continue
            for m in pattern.finditer(text):
                if self.skip(sent, m):
                    continue
                replacement = self.replacement(m)
                yield self.finding(
                    self.message(m),
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=replacement,
                    fix=replacement,
                )
