"""Terms the newsroom's glossary requires: a source term must be rendered by one of its listed translations."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import each_held
from mtcheck.model import Finding, Segment, Sentence, Severity, _Compared, fold
from mtcheck.readers import InputError
from mtcheck.resources import pair_table
from mtcheck.safefiles import UnsafePath, read_text


class Term(_Compared):
    """A glossary entry; its patterns compile on first use (most terms never occur in a text).
    Compared and hashed by source and targets, as the frozen dataclass it was (written out: a
    dataclass costs ≈ 6 M instructions per start)."""

    __slots__ = ("key", "source", "targets", "words")
    _SHOWN = ("source", "targets")

    def __init__(self, source: str, targets: tuple[str, ...]) -> None:
        self.source, self.targets = source, targets
        self.words = tuple(fold(source).split())  # folded (``model.fold``): a sentence lacking one cannot match the pattern
        self.key = max(self.words, key=len)  # its longest word, tested first

    def __hash__(self) -> int:
        return hash((self.source, self.targets))

    @property
    def pattern(self) -> regex.Pattern:
        return _bounded(self.source)

    @property
    def target_patterns(self) -> tuple[regex.Pattern, ...]:
        return tuple(_bounded(t, plural=True) for t in self.targets)


@functools.lru_cache(maxsize=4096)
def _bounded(text: str, plural: bool = False) -> regex.Pattern:
    words = r"\s+".join(re.escape(w).replace("'", "['’]") for w in text.split())
    suffix = "(?:e?s)?" if plural else ""
    return patterns.compile(rf"(?<!\w){words}{suffix}(?!\w)", regex.IGNORECASE)  # glossary terms: kept on disk


def _term(source: str, targets: str) -> Term:
    return Term(source, tuple(t.strip() for t in targets.split("|") if t.strip()))


def load_glossary(path: str | Path) -> tuple[Term, ...]:
    """A user glossary: CSV (``,`` or ``;``) or TSV with ``source`` and ``target`` columns.

    Target alternatives are split by ``|``. Read once per file and modification time.
    """
    p = Path(path)
    try:
        return _load_glossary(str(p.resolve()), p.stat().st_mtime_ns)
    except OSError as e:
        raise InputError(path, f"cannot read glossary ({e.strerror})") from None


@functools.lru_cache(maxsize=16)
def _load_glossary(path: str, mtime: int) -> tuple[Term, ...]:
    try:
        text = read_text(path, "utf-8-sig", anywhere=True)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read glossary ({e.__class__.__name__})") from None
    except UnsafePath as e:
        raise InputError(path, f"cannot read glossary: {e}") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise InputError(path, "glossary is empty; it needs a header row with 'source' and 'target' columns")
    import csv  # only for a user's glossary file

    delimiter = max("\t,;", key=lines[0].count)
    try:
        rows = list(csv.DictReader(lines, delimiter=delimiter))
    except csv.Error as e:  # a field over csv's 131,072-character limit, say
        raise InputError(path, f"glossary is not valid CSV/TSV ({e})") from None
    if not rows or not {"source", "target"} <= {(k or "").strip() for k in rows[0]}:
        raise InputError(path, "glossary needs a header row with 'source' and 'target' columns")
    terms = []
    for row in rows:
        r = {(k or "").strip(): v for k, v in row.items()}
        source, targets = (r.get("source") or "").strip(), (r.get("target") or "").strip()
        if source and targets:
            term = _term(source, targets)
            if not term.targets:
                raise InputError(path, f"glossary: the entry for {source!r} names no translation (target {targets!r})")
            terms.append(term)
    return tuple(terms)


@functools.cache
def _default(src: str, tgt: str) -> tuple[Term, ...]:
    return tuple(_term(r["source"], r["target"]) for r in pair_table(src, tgt, "glossary"))


class GlossaryTerm(Rule):
    """A glossary term of the source translated otherwise than the glossary requires.

    Flags: ``Cour pénale internationale`` in the source with no ``International Criminal
    Court`` in the translation; terms from ``--glossary FILE`` and the pair's default
    newsroom glossary (``data/<pair>/glossary.tsv``).
    The finding also points at the translation's rendering of the term when it can be found
    (``Siberian Force`` for ``Force de Sibérie``).
    Leaves alone: any of the listed alternatives (``ceasefire|cease-fire``), in the
    singular or plural, case differences, and sentences whose source lacks the term.
    """

    id = "glossary"
    category = "terminology/glossary"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        flagged: set[tuple[int, int]] = set()  # a user entry and a built-in one on one span: one finding
        for seg, term, sent, m in term_occurrences(ctx):
            if any(p.search(seg.target_text) for p in term.target_patterns):
                continue
            span = sent.file_span(m.start(), m.end())
            if (span.start, span.end) in flagged:
                continue
            flagged.add((span.start, span.end))
            wanted = " or ".join(f"“{t}”" for t in term.targets)
            yield self.finding(
                f"Glossary: “{m.group()}” should be translated {wanted}.",
                source=span,
                target=ctx.rendering_span(seg, m.group()),
                segment=seg,
                suggestion=term.targets[0],
            )


def glossary_terms(ctx: CheckContext) -> list[Term]:
    """The user's ``--glossary`` files followed by the pair's default glossary (the user's entries win)."""
    terms = []
    for path in ctx.settings.get("glossary") or []:
        terms += load_glossary(path)
    return terms + list(_default(ctx.src_lang, ctx.tgt_lang))


def term_occurrences(ctx: CheckContext) -> list[tuple[Segment, Term, Sentence, regex.Match]]:
    """Each aligned segment's first occurrence of each glossary term in its source (found once per document)."""
    return ctx.shared("glossary.term_occurrences", lambda: list(_term_occurrences(ctx)))


def _term_occurrences(ctx: CheckContext) -> Iterator[tuple[Segment, Term, Sentence, regex.Match]]:
    terms = glossary_terms(ctx)
    keys = tuple(dict.fromkeys(term.key for term in terms))
    by_key: dict[str, list[tuple[int, Term]]] = {}
    for k, term in enumerate(terms):
        by_key.setdefault(term.key, []).append((k, term))
    for seg, text, found in each_held(list(ctx.aligned()), lambda seg: ctx.folded(seg.source), keys):
        if not found:
            continue  # most segments
        held = by_key[next(iter(found))] if len(found) == 1 else sorted(pair for key in found for pair in by_key[key])
        for _, term in held:  # in the glossary's order (none for most segments)
            if not all(w in text for w in term.words):
                continue  # most terms: the pattern never runs
            hit = next(((sent, m) for sent in seg.source if (m := term.pattern.search(sent.text))), None)
            if hit is not None:
                yield seg, term, *hit
