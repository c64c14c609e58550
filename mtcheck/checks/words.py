"""A text's words as several rules read them, each form computed once per document through
``CheckContext.of_text(form, text)``: ``ctx.of_text(plain_letters, seg.target_text)``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from mtcheck import patterns
from mtcheck.align.scorers import strip_accents
from mtcheck.lexicon import normalise

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
_TYPOGRAPHIC = "’‘“”–—…«»"
_OTHER = patterns.compile_re(rf"[^\x00-\x7f{_TYPOGRAPHIC}]")


def ascii_like(text: str) -> bool:
    """Whether ``text`` holds no character beyond ASCII but typographic quotes, dashes and ellipses
    (one search: ``str.translate`` of such a text cost ten times more)."""
    return text.isascii() or _OTHER.search(text) is None


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
            self._twin = patterns.compile_re(self._ascii, self._flags)
        return self._twin

    def lowered(self, text: str, each: Callable[[list[str]], list[str]]) -> list[str]:
        """The matches of ``text`` in lowercase with straight apostrophes: in an :func:`ascii_like`
        text, the twin's matches in the text lowered once (not once per word: the twins read both
        cases and both apostrophes alike), else ``each`` of the Unicode pattern's matches."""
        if ascii_like(text):
            return self.of(text).findall(text.lower().replace("’", "'"))
        return each(self.unicode.findall(text))


_TOKEN = Twin(patterns.compile(r"\p{L}+['’]?"), r"[A-Za-z]+['’]?")


def lowered(words: list[str]) -> list[str]:
    """``words`` (no line break in them) in lowercase with straight apostrophes, in one pass
    (``str.lower`` reads no context across a line break)."""
    return "\n".join(words).lower().replace("’", "'").split("\n") if words else []


@functools.lru_cache(maxsize=4096)  # langid and untranslated-span read each sentence, untranslated-word too
def tokens(text: str) -> tuple[str, ...]:
    """A text's runs of letters, each with the apostrophe that follows it, in lowercase with
    straight apostrophes (``L’État`` → ``l'``, ``état``): the words ``mtcheck.langid`` weighs, read
    once per sentence for every rule that derives its words from them."""
    return tuple(_TOKEN.lowered(text, lowered))


def letter_words(text: str) -> frozenset[str]:
    """The runs of letters of ``text``, each as the lexicon looks it up (``lexicon.normalise``); in
    an :func:`ascii_like` text, :func:`tokens` without their apostrophes."""
    if ascii_like(text):
        return frozenset(" ".join(tokens(text)).replace("'", "").split())
    return frozenset(map(normalise, _LETTERS.findall(text)))
