"""Words typed or translated twice in a row."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity
from mtcheck.resources import word_list

_DOUBLE = regex.compile(r"(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}'’]*)(\s+)(\1)(?![\p{L}\p{N}'’-])", regex.IGNORECASE)


@functools.cache
def _legit(lang: str) -> frozenset[str]:
    return frozenset(p.lower() for p in word_list(lang, "legit_doubles"))


@functools.cache
def _names(lang: str) -> frozenset[str]:
    return frozenset(p.lower() for p in word_list(lang, "doubled_names"))


class DuplicateWord(Rule):
    """The same word twice in a row: ``said said``, ``the the``.

    Flags: an immediate repetition, case-insensitive, also across a line break
    (``The the``, ``to\\nto``).
    Leaves alone: grammatical doubles (``had had``, ``that that``, ``so so much``), doubled
    names (``Danse Danse``, ``Bora Bora``: both words capitalised inside a sentence),
    hyphenated words (``bye-bye``) and repetitions separated by punctuation (``very, very``).
    """

    id = "duplicate-word"
    category = "fluency/repetition"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        legit, names = _legit(ctx.tgt_lang), _names(ctx.tgt_lang)
        for seg, sent in ctx.target_sentences():
            for m in _DOUBLE.finditer(sent.text):
                first, second = m.group(1), m.group(3)
                pair = f"{first} {second}".lower()
                if pair in legit or pair in names:
                    continue
                if first[0].isupper() and second[0].isupper() and m.start() > 0:
                    continue  # a doubled name inside a sentence
                yield self.finding(
                    f"Doubled word “{first} {second}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=first,
                    fix=first,
                )
