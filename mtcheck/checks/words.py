"""A text's words as several rules read them, each form computed once per document through
``CheckContext.of_text(form, text)``: ``ctx.of_text(plain_letters, seg.target_text)``."""

from __future__ import annotations

import functools

from mtcheck import patterns
from mtcheck.align.scorers import strip_accents

_LETTERS = patterns.compile(r"\p{L}+")


@functools.lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """The text without accents, in lowercase: ``Élysée`` → ``elysee``."""
    return strip_accents(text).lower()


def plain_letters(text: str) -> frozenset[str]:
    """The runs of letters of :func:`plain`'s text."""
    return frozenset(_LETTERS.findall(plain(text)))
