"""CMS boilerplate, editors' and translators' notes and placeholders left in the copy."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import chunks
from mtcheck.model import Finding, Severity, fold
from mtcheck.resources import derived, pair_table, required_literals


@derived
def _patterns(src: str, tgt: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Each pattern of the table, the strings one of which its matches hold (``required_literals``), its label."""
    return tuple((row["pattern"], required_literals(row["pattern"]), row["label"]) for row in pair_table(src, tgt, "leftovers"))


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
        patterns = _patterns(ctx.src_lang, ctx.tgt_lang)
        for para, folded, present in _chunked(ctx, patterns):
            for pattern, literals, label in present:
                if literals and not any(literal in folded for literal in literals):
                    continue  # most paragraphs: the pattern never runs
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


def _chunked(ctx: CheckContext, patterns):
    """Each target paragraph, its folded text, and the ``patterns`` that may match in its chunk of
    paragraphs (one search per pattern without a literal and chunk rather than per paragraph: a
    paragraph's match is one in its chunk's lines too), each with those of its literals the chunk
    holds (a paragraph holds no other)."""
    literals = tuple(dict.fromkeys(literal for p in patterns for literal in p[1]))
    for chunk, folded, found in chunks(ctx.target.paragraphs, lambda p: ctx.of_text(fold, p.text), literals):
        lines = "\n".join(p.text for p in chunk)
        present = [
            (pattern, held, label)
            for pattern, needed, label in patterns
            if (held := tuple(literal for literal in needed if literal in found)) or not needed and _compiled(pattern).search(lines)
        ]
        yield from ((para, text, present) for para, text in zip(chunk, folded))
