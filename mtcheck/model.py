"""The data that flows through mtcheck: document → sentences → aligned segments → findings.

Every offset is a Unicode code-point offset into the document's text (UTF-8 decoded,
leading BOM removed, line endings untouched), so ``text[start:end]`` is always the span.
"""

from __future__ import annotations

import bisect
import enum
import functools
from array import array
from collections.abc import Iterable, Iterator, Sequence


class Severity(str, enum.Enum):
    """How urgent a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}

CATEGORIES = (
    "accuracy/mistranslation",
    "accuracy/omission",
    "accuracy/addition",
    "accuracy/untranslated",
    "accuracy/number",
    "accuracy/name",
    "fluency/repetition",
    "fluency/casing",
    "fluency/punctuation",
    "fluency/spelling",
    "fluency/grammar",
    "locale/format",
    "style/calque",
    "terminology/glossary",
    "terminology/inconsistent",
    "other/leftover",
)


class _Shown:
    """``repr`` over the class's ``_SHOWN`` fields, as a dataclass writes it. The model's classes
    are written out: a dataclass compiles each method it generates from source on every start
    (≈ 1.2 M instructions each, 30 M for this module's)."""

    __slots__ = ()
    _SHOWN: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self._SHOWN)})"


class _Compared(_Shown):
    """…and ``==`` over the same fields (then unhashable), as a dataclass compares."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._SHOWN)


class FrozenInstanceError(AttributeError):
    """Raised on assigning to a field of an immutable value (as ``dataclasses`` names it)."""


class Span:
    """A half-open ``[start, end)`` range of code points in a document's text.

    Immutable, compared, ordered and hashed as ``(start, end)``, as a frozen dataclass would be;
    written out because the dataclass's ten generated methods cost about 1 ms on every start.
    """

    __slots__ = ("end", "start")
    __match_args__ = ("start", "end")
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"bad span {start}..{end}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __setattr__(self, name: str, value) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self):
        return Span, (self.start, self.end)

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(start={self.start!r}, end={self.end!r})"

    def __eq__(self, other) -> bool:
        return (self.start, self.end) == (other.start, other.end) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __lt__(self, other) -> bool:
        return (self.start, self.end) < (other.start, other.end) if other.__class__ is self.__class__ else NotImplemented

    def __le__(self, other) -> bool:
        return (self.start, self.end) <= (other.start, other.end) if other.__class__ is self.__class__ else NotImplemented

    def __gt__(self, other) -> bool:
        return (self.start, self.end) > (other.start, other.end) if other.__class__ is self.__class__ else NotImplemented

    def __ge__(self, other) -> bool:
        return (self.start, self.end) >= (other.start, other.end) if other.__class__ is self.__class__ else NotImplemented

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)


class Paragraph(_Shown):
    """A block of text (paragraph, heading, list item, table cell, …) and its sentences.

    ``text`` is the block's clean text (markup removed, entities decoded). For each of its
    characters, ``char_starts[k]``/``char_ends[k]`` give the file span it came from; both are
    ``None`` when the clean text is the file text itself starting at ``span.start``. Lists are
    stored as :class:`Offsets` (a few bytes per run of consecutive offsets instead of about 36
    per character: a 20 MiB HTML page's maps would otherwise take most of its memory).

    A reader passes the file text as ``file_text``: when the clean text is the file text itself
    at ``span`` (no markup, entity or escape inside), the paragraph keeps no copy of it and no
    maps, and ``text`` is sliced from the file text when asked. A map that is one run of
    offsets is kept as a ``range``.
    """

    __slots__ = ("_file", "_text", "char_ends", "char_starts", "index", "sentences", "span", "unit_id")
    _SHOWN = ("index", "span", "char_starts", "char_ends", "sentences", "unit_id")
    index: int  # 1-based
    span: Span
    char_starts: Sequence[int] | None
    char_ends: Sequence[int] | None
    sentences: list["Sentence"]
    unit_id: str | None  # set by pre-aligned formats (XLIFF unit id, JSON field)
    _text: str | None  # the clean text, or None: ``_file[span]``
    _file: str | None

    def __init__(
        self,
        index: int,
        span: Span,
        text: str | None = None,
        char_starts: Sequence[int] | None = None,
        char_ends: Sequence[int] | None = None,
        sentences: list["Sentence"] | None = None,
        unit_id: str | None = None,
        *,
        file_text: str | None = None,
    ) -> None:
        if text is None and file_text is None:
            raise ValueError("a paragraph needs its text or the file text")
        starts, ends = _compact(char_starts), _compact(char_ends)
        if text is not None and file_text is not None and _verbatim(span, text, starts, ends, file_text):
            text = starts = ends = None
        self.index, self.span, self.unit_id = index, span, unit_id
        self.char_starts, self.char_ends = starts, ends
        self.sentences = [] if sentences is None else sentences
        self._text, self._file = text, None if text is not None else file_text

    def clean(self, i: int, j: int) -> str:
        """``text[i:j]`` without slicing the whole paragraph first."""
        if self._text is not None:
            return self._text[i:j]
        start = self.span.start
        return self._file[start + i : start + min(j, len(self.span))]

    def file_span(self, i: int, j: int) -> Span:
        """The file span of clean-text characters ``[i, j)``."""
        if self.char_starts is None or self.char_ends is None:
            return Span(self.span.start + i, self.span.start + j)
        if j <= i:
            pos = self.char_starts[i] if i < len(self.char_starts) else self.span.end
            return Span(pos, pos)
        return Span(self.char_starts[i], self.char_ends[j - 1])

    def contiguous(self, span: Span) -> bool:
        """Whether ``span`` of the file holds no markup between its clean characters (entities are fine)."""
        if self.char_starts is None or self.char_ends is None:
            return True
        i, j = self.clean_range(span)
        return all(self.char_ends[k] == self.char_starts[k + 1] for k in range(i, j - 1))

    def clean_range(self, span: Span) -> tuple[int, int]:
        """The clean-text range ``[i, j)`` whose characters come from inside ``span``."""
        if self.char_starts is None or self.char_ends is None:
            return span.start - self.span.start, span.end - self.span.start
        i = bisect.bisect_left(self.char_starts, span.start)
        j = bisect.bisect_right(self.char_ends, span.end)
        return i, max(i, j)


# Texts sliced on demand are kept for the paragraphs and sentences used last: rules read a
# sentence's text again and again while they look at it, and every sentence once per rule. 256
# holds both sides of a 128-bead article (newstest's longest has 91): with 64, each rule's walk
# over a longer one missed every sentence (12,156 misses for 3,043 sentences a bench pass).
_RECENT = 256


@functools.lru_cache(maxsize=_RECENT)
def _paragraph_text(paragraph: Paragraph) -> str:
    return paragraph._text if paragraph._text is not None else paragraph._file[paragraph.span.start : paragraph.span.end]


# As for sentences below: the cache is the getter.
Paragraph.text = property(  # type: ignore[attr-defined]
    _paragraph_text, doc="The clean text (a paragraph of the file text is sliced once and kept while used)."
)


def _compact(values: Sequence[int] | None) -> Sequence[int] | None:
    """``values`` as a ``range`` when they are one run of consecutive offsets, else as :class:`Offsets`."""
    if values is None or isinstance(values, range):
        return values
    offsets = values if isinstance(values, Offsets) else Offsets(values)
    return offsets.run() or offsets


def _verbatim(span: Span, text: str, starts: Sequence[int] | None, ends: Sequence[int] | None, file_text: str) -> bool:
    """Whether ``text`` is ``file_text[span]``, each character read from its own place."""
    if len(text) != len(span) or not file_text.startswith(text, span.start):
        return False
    if starts is None or ends is None:
        return True
    one_to_one = range(span.start, span.end), range(span.start + 1, span.end + 1)
    return isinstance(starts, range) and isinstance(ends, range) and (starts, ends) == one_to_one


class Offsets(Sequence[int]):
    """A read-only sequence of file offsets stored as runs of consecutive values.

    Clean text maps to its file mostly one character after another (markup and entities break
    the runs), so a block's map takes a few runs, not a number per character.
    """

    __slots__ = ("_first", "_base", "_len")

    def __init__(self, values: Iterable[int]) -> None:
        self._first = array("q")  # the index where each run starts
        self._base = array("q")  # its first value
        n, previous = 0, None
        for v in values:
            if v - 1 != previous:
                self._first.append(n)
                self._base.append(v)
            previous = v
            n += 1
        self._len = n

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._len))]
        if k < 0:
            k += self._len
        if not 0 <= k < self._len:
            raise IndexError("offset index out of range")
        r = bisect.bisect_right(self._first, k) - 1
        return self._base[r] + k - self._first[r]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._first[1:], self._len]
        for first, end, base in zip(self._first, ends, self._base):
            yield from range(base, base + end - first)

    def run(self) -> range | None:
        """The offsets as a ``range`` when they are one run (or none), else ``None``."""
        if len(self._first) > 1:
            return None
        start = self._base[0] if self._len else 0
        return range(start, start + self._len)

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"


class Sentence(_Shown):
    """Sentence ``n`` (1-based) of a paragraph: characters ``[start, end)`` of its clean text.

    Its text, id (``p<paragraph>.s<n>``) and file span are computed from those offsets when
    asked, so a sentence holds no copy of the text.
    """

    __slots__ = ("end", "n", "paragraph", "start")
    _SHOWN = ("start", "end", "n")

    def __init__(self, paragraph: Paragraph, start: int, end: int, n: int) -> None:
        self.paragraph, self.start, self.end, self.n = paragraph, start, end, n

    @property
    def id(self) -> str:
        return f"p{self.paragraph.index}.s{self.n}"

    @property
    def span(self) -> Span:
        """The file span."""
        return self.paragraph.file_span(self.start, self.end)

    def file_span(self, i: int, j: int) -> Span:
        """The file span of characters ``[i, j)`` of this sentence's text."""
        return self.paragraph.file_span(self.start + i, self.start + j)


@functools.lru_cache(maxsize=_RECENT)
def _sentence_text(sentence: Sentence) -> str:
    return sentence.paragraph.clean(sentence.start, sentence.end)


# The cache itself is the getter: no Python frame per read (≈ 70,000 reads a bench pass).
Sentence.text = property(_sentence_text, doc="The sentence's clean text (the last texts read are kept).")  # type: ignore[attr-defined]


def fold(text: str) -> str:
    """Text for a cheap presence test before a case-insensitive pattern runs: ``word in fold(text)``.

    Case-folded, ``ı`` read as ``i`` (``re.IGNORECASE`` matches them) and curly apostrophes
    straight, so that a literal a pattern requires, folded the same way, is found in any text
    the pattern matches.
    """
    return text.casefold().replace("ı", "i").replace("’", "'")


class Document(_Compared):
    """A decoded file: its full text, language, the blocks worth checking, and masked regions.

    ``masked`` spans (code, URLs, link targets, markup) are never flagged.
    ``suppressions`` map a paragraph index to the rule ids or category prefixes silenced there.
    ``scope`` is the part of ``text`` the document is when the file holds several (an article
    of a JSON export: its JSON value; ``None``: all of it). A pattern run over the document's
    text searches within :attr:`bounds`, so that per-article work stays per article.
    """

    _SHOWN = ("path", "text", "lang", "paragraphs", "masked", "suppressions", "scope")

    def __init__(
        self,
        path: str,
        text: str,
        lang: str,
        paragraphs: list[Paragraph] | None = None,
        masked: list[Span] | None = None,
        suppressions: dict[int, list[tuple[str, str]]] | None = None,
        scope: Span | None = None,
    ) -> None:
        self.path, self.text, self.lang, self.scope = path, text, lang, scope
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.masked = [] if masked is None else masked
        self.suppressions = {} if suppressions is None else suppressions

    @property
    def bounds(self) -> dict[str, int]:
        """``pos``/``endpos`` arguments for a pattern searched in ``text`` within the document's own part."""
        return {"pos": 0, "endpos": len(self.text)} if self.scope is None else {"pos": self.scope.start, "endpos": self.scope.end}

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The first paragraph whose file span contains ``offset`` (a binary search: linear
        time for a finding per paragraph of a 100,000-paragraph file)."""
        starts = self._paragraph_starts()
        if starts is None:  # paragraphs out of file order: look at each
            return next((p for p in self.paragraphs if p.span.start <= offset <= p.span.end), None)
        k = bisect.bisect_right(starts, offset) - 1
        # ends are sorted too, so the first container is the earliest one from here back that ends at or after offset
        first = None
        while k >= 0 and self.paragraphs[k].span.end >= offset:
            first = self.paragraphs[k]
            k -= 1
        return first

    def _paragraph_starts(self) -> list[int] | None:
        """Paragraph starts when starts and ends both ascend (cached until paragraphs change)."""
        key = (len(self.paragraphs), self.paragraphs[-1].span if self.paragraphs else None)
        cached = self.__dict__.get("_starts")
        if cached is None or cached[0] != key:
            spans = [p.span for p in self.paragraphs]
            ordered = all(a.start <= b.start and a.end <= b.end for a, b in zip(spans, spans[1:]))
            cached = (key, [s.start for s in spans] if ordered else None)
            self.__dict__["_starts"] = cached
        return cached[1]

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def is_masked(self, span: Span) -> bool:
        """Whether ``span`` overlaps a masked span (a binary search over them, sorted once)."""
        cached = self.__dict__.get("_masks")
        if cached is None or cached[0] != len(self.masked):
            ordered = sorted(self.masked, key=lambda m: m.start)
            reach, ends = -1, []  # ends[k]: the furthest end among the first k + 1 masks
            for m in ordered:
                reach = max(reach, m.end)
                ends.append(reach)
            cached = (len(self.masked), [m.start for m in ordered], ends)
            self.__dict__["_masks"] = cached
        _, starts, ends = cached
        k = bisect.bisect_left(starts, span.end) - 1  # the masks starting before span.end
        return k >= 0 and ends[k] > span.start


class Segment(_Compared):
    """An aligned bead: 0–2 source sentences against 0–2 target sentences.

    ``id`` is ``p<target paragraph>.s<n>`` numbering beads inside the paragraph pair, so it
    is stable across runs of the same input. ``scores`` carries alignment and MT figures.
    """

    __slots__ = ("id", "scores", "source", "target")
    _SHOWN = ("id", "source", "target", "scores")

    def __init__(self, id: str, source: list[Sentence], target: list[Sentence], scores: dict[str, float | str] | None = None) -> None:
        self.id, self.source, self.target = id, source, target
        self.scores = {} if scores is None else scores

    @property
    def source_span(self) -> Span | None:
        return _cover(self.source)

    @property
    def target_span(self) -> Span | None:
        return _cover(self.target)

    @property
    def source_text(self) -> str:
        return _joined(self.source)

    @property
    def target_text(self) -> str:
        return _joined(self.target)


def _joined(sentences: list[Sentence]) -> str:
    """The sentences' texts joined by a space (most beads have one: its text as it is)."""
    return sentences[0].text if len(sentences) == 1 else " ".join([s.text for s in sentences])


def _cover(sentences: list[Sentence]) -> Span | None:
    if not sentences:
        return None
    return Span(sentences[0].span.start, sentences[-1].span.end)


class Finding(_Compared):
    """One problem for the editor, produced by one rule.

    ``fix`` is the replacement text for ``target`` when the rule marks it safe to apply
    automatically; ``suggestion`` is what the editor is told (it may be the same text).
    ``suppression`` says who silenced it and why (``{"by": "inline" | "allowlist" |
    "decision", "reason": …}``); ``related`` lists the rules whose findings on the same
    span were merged into this one (one problem, one finding).
    """

    _SHOWN = ("rule", "category", "severity", "message", "target", "source", "segment", "suggestion", "fix",
              "suppressed", "id", "suppression", "related")

    def __init__(
        self,
        rule: str,
        category: str,
        severity: Severity,
        message: str,
        target: Span | None = None,
        source: Span | None = None,
        segment: str | None = None,
        suggestion: str | None = None,
        fix: str | None = None,
        suppressed: bool = False,
        id: str = "",  # stable fingerprint, set by the pipeline
        suppression: dict[str, str] | None = None,
        related: list[str] | None = None,
    ) -> None:
        self.rule, self.category, self.severity, self.message = rule, category, severity, message
        self.target, self.source, self.segment, self.suggestion, self.fix = target, source, segment, suggestion, fix
        self.suppressed, self.id, self.suppression = suppressed, id, suppression
        self.related = [] if related is None else related


class DocumentResult(_Compared):
    """Everything mtcheck learned about one target document (and its source, if any).

    ``mt`` describes the MT pass: ``{"status": "used" | "skipped", "reason": str,
    "models": [...]}``; per-segment MT output lives in ``Segment.scores``.
    """

    __slots__ = _SHOWN = ("target", "source", "segments", "findings", "notices", "mt", "src_lang", "tgt_lang")
    target: Document
    source: Document | None
    segments: list[Segment]
    findings: list[Finding]
    notices: list[str]
    mt: dict
    src_lang: str
    tgt_lang: str

    def __init__(
        self,
        target: Document,
        source: Document | None,
        segments: list[Segment],
        findings: list[Finding],
        notices: list[str] | None = None,
        mt: dict | None = None,
        src_lang: str = "",
        tgt_lang: str = "",
    ) -> None:
        self.target, self.source, self.segments, self.findings = target, source, segments, findings
        self.notices = [] if notices is None else notices
        self.mt = {} if mt is None else mt
        self.src_lang, self.tgt_lang = src_lang, tgt_lang

    def replace(self, **changes) -> DocumentResult:
        """A copy with ``changes`` (field name → value), as ``dataclasses.replace`` makes one."""
        return DocumentResult(**{**{name: getattr(self, name) for name in self._SHOWN}, **changes})
