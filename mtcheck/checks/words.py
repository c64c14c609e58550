"""A text's words as several rules read them, each form computed once per document through
``CheckContext.of_text(form, text)``: ``ctx.of_text(plain_letters, seg.target_text)``."""

from __future__ import annotations

import functools
import re
from typing import Any

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


# Characters beyond ASCII that are no letter, digit or space for ``re`` and ``regex`` alike, and
# have no other case: a text of ASCII and these reads the same with ASCII classes.
_TYPOGRAPHIC = str.maketrans("", "", "’‘“”–—…«»")


def ascii_like(text: str) -> bool:
    """Whether ``text`` holds no character beyond ASCII but typographic quotes, dashes and ellipses."""
    return text.isascii() or text.translate(_TYPOGRAPHIC).isascii()


class Twin:
    """A ``regex`` pattern with Unicode classes (``\\p{L}``, ``\\s``) and its twin in Python's ``re``
    written with ASCII classes (``[A-Za-z]``, ``[ \\t\\n\\v\\f\\r]``): in an :func:`ascii_like` text
    both find the same, the twin two to three times faster (``tests/checks/test_words.py``
    compares them on random texts)."""

    __slots__ = ("unicode", "_ascii", "_flags", "_twin")

    def __init__(self, unicode: Any, ascii_pattern: str, flags: int = 0) -> None:
        self.unicode, self._ascii, self._flags, self._twin = unicode, ascii_pattern, flags, None

    def of(self, text: str) -> Any:
        """The pattern to search ``text`` with."""
        if not ascii_like(text):
            return self.unicode
        if self._twin is None:
            self._twin = re.compile(self._ascii, self._flags)
        return self._twin


_BEYOND_ASCII_LIKE = re.compile(r"[^\x00-\x7f" + re.escape("".join(map(chr, _TYPOGRAPHIC))) + "]")


def twin_of(twin: Twin, text: str) -> Any:
    """``twin.of(text)`` with a cheaper test: a search that stops at the first character
    :func:`ascii_like` refuses (most of a French text is never read), where ``ascii_like`` copies
    the whole text first."""
    if text.isascii() or _BEYOND_ASCII_LIKE.search(text) is None:
        if twin._twin is None:
            twin._twin = re.compile(twin._ascii, twin._flags)
        return twin._twin
    return twin.unicode
