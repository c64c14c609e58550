"""CMS boilerplate, editors' and translators' notes and placeholders left in the copy."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from re import _constants as C, _parser

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import CHUNK, held_each
from mtcheck.model import Finding, Severity, fold
from mtcheck.resources import derived, pair_table, required_literals


@derived
def _patterns(src: str, tgt: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Each pattern of the table, the strings one of which its matches hold (``required_literals``,
    else ``_short_needs``), its label."""
    return tuple(
        (row["pattern"], required_literals(row["pattern"]) or _short_needs(row["pattern"]), row["label"])
        for row in pair_table(src, tgt, "leftovers")
    )


def _short_needs(pattern: str) -> tuple[str, ...]:
    """Strings shorter than ``required_literals`` keeps, one of which every match of ``pattern``
    holds, folded: ``:`` for ``T.N.:``, ``tk`` or ``[`` for the TK placeholder; ``()`` when the best
    is one letter (``n``, ``d``, ``t`` of ``NdT``: nearly every text holds it) or the pattern is
    not in Python's syntax."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE | re.MULTILINE)
    except (re.error, RecursionError, OverflowError):
        return ()
    needs = _sequence_needs(list(parsed))
    return tuple(dict.fromkeys(fold(s) for s in needs)) if needs and _rarity(needs) >= 2 else ()


def _rarity(needs: tuple[str, ...]) -> int:
    """How seldom a text holds one of ``needs``: by length, a mark counting as three letters."""
    return min(len(s) + 2 * any(not c.isalnum() for c in s) for s in needs)


def _sequence_needs(items: list) -> tuple[str, ...]:
    """The rarest set of strings one of which every match of the parsed ``items`` holds."""
    candidates, run = [], ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append((run,))
        run, found = "", ()
        if op is C.SUBPATTERN and not (av[1] or av[2]):  # no inline flags
            found = _sequence_needs(list(av[3]))
        elif op is C.BRANCH:
            branches = [_sequence_needs(list(b)) for b in av[1]]
            found = tuple(s for b in branches for s in b) if all(branches) else ()
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = list(av[2])
            single = len(sub) == 1 and sub[0][0] is C.LITERAL
            found = (chr(sub[0][1]) * min(av[0], 8),) if single else _sequence_needs(sub)  # X{3,}: xxx
        elif op is C.IN and len(av) <= 4 and all(o is C.LITERAL for o, _ in av):
            found = tuple(chr(a) for _, a in av)
        if found:
            candidates.append(found)
    if run:
        candidates.append((run,))
    return max(candidates, key=_rarity, default=())


@functools.cache
def _compiled(pattern: str) -> regex.Pattern:
    return patterns.compile(pattern, regex.IGNORECASE | regex.MULTILINE)


class Leftover(Rule):
    """Boilerplate and notes that must not be published: ``Lire aussi``, ``Consult our file``, ``TODO``.

    Flags: the patterns of ``data/<pair>/leftovers.tsv`` in either language — read-also
    links, "see our file" lines, ``[Photo]`` placeholders, translator's notes, ``TODO``/``TK``.
    Leaves alone: the same words inside ordinary sentences where the table anchors them to
    the start of a paragraph (``he urged readers to see also…`` is not a leftover line).
    """

    id = "leftover"
    category = "other/leftover"
    severity = Severity.ERROR
    deletes = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for para, present in _chunked(ctx, _patterns(ctx.src_lang, ctx.tgt_lang)):
            for pattern, _, label in present:
                for m in _compiled(pattern).finditer(para.text):
                    if m.end() == m.start():
                        continue
                    sentence = next((s for s in para.sentences if s.start <= m.start() < s.end), None)
                    start, end = m.start(), m.end()
                    if pattern.startswith("^"):  # a whole line of boilerplate: the line goes
                        line_end = para.text.find("\n", end)
                        end = len(para.text[: line_end if line_end != -1 else len(para.text)].rstrip())
                        start += len(m.group()) - len(m.group().lstrip())
                    what = "delete the line" if end > m.end() else "delete it"
                    yield self.finding(
                        f"Leftover {label}: “{m.group().strip()}” must not be published; {what}.",
                        target=para.file_span(start, end),
                        segment=ctx.segment_of(sentence),
                    )


@functools.cache
def _by_literal(src: str, tgt: str) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """The distinct literals of the table's patterns, for each the patterns (by number) that hold
    it, and the patterns without any."""
    table = _patterns(src, tgt)
    literals = tuple(dict.fromkeys(literal for p in table for literal in p[1]))
    holders = tuple(tuple(k for k, p in enumerate(table) if literal in p[1]) for literal in literals)
    return literals, holders, tuple(k for k, p in enumerate(table) if not p[1])


def _chunked(ctx: CheckContext, table: tuple) -> Iterator[tuple]:
    """Each target paragraph with the patterns of ``table`` that may match in it, in table order:
    those with one of their literals in its folded text (one Aho–Corasick pass per chunk of
    paragraphs), and those without literals that match somewhere in the chunk's lines (one search
    per chunk rather than per paragraph: a paragraph's match is one in its chunk's lines too)."""
    literals, holders, bare = _by_literal(ctx.src_lang, ctx.tgt_lang)
    paragraphs = ctx.target.paragraphs
    for k in range(0, len(paragraphs), CHUNK):
        chunk = paragraphs[k : k + CHUNK]
        lines = "\n".join(p.text for p in chunk) if bare else ""
        everywhere = [n for n in bare if _compiled(table[n][0]).search(lines)]
        for para, held in zip(chunk, held_each(literals, [ctx.of_text(fold, p.text) for p in chunk])):
            if held or everywhere:
                numbers = {n for literal in held for n in holders[literal]}.union(everywhere)
                yield para, [table[n] for n in sorted(numbers)]
