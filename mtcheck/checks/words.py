"""A text's words as several rules read them, each form computed once per document through
``CheckContext.of_text(form, text)``: ``ctx.of_text(letters, sent.text)``."""

from __future__ import annotations

from mtcheck import patterns
from mtcheck.align.scorers import strip_accents

_LETTERS = patterns.compile(r"\p{L}+")


def letters(text: str) -> list[str]:
    """Runs of letters: ``l'Élysée`` → ``l``, ``Élysée``."""
    return _LETTERS.findall(text)


def plain_letters(text: str) -> frozenset[str]:
    """The runs of letters of the accent-free lowercase text: ``Élysée`` → ``elysee``."""
    return frozenset(_LETTERS.findall(strip_accents(text).lower()))
