"""Similarity scorers for alignment: how likely a source and a target text say the same thing.

A scorer is any ``Callable[[str, str], float]`` returning a similarity in ``[0, 1]``; the MT
layer adds one based on translations. The default, :class:`AnchorScorer`, needs no model: it
compares anchors that survive translation — numbers, names (through the pair's exonym
table) and cognates (accent-free 4-letter word prefixes).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

import regex

from mtcheck.resources import pair_table, word_list

Scorer = Callable[[str, str], float]

_NUMBER = regex.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class AnchorScorer:
    """Dice overlap of numbers, names and cognate prefixes between a source and a target."""

    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self._exonyms = {
            strip_accents(row[src_lang]).lower(): row[tgt_lang] for row in pair_table(src_lang, tgt_lang, "exonyms")
        }
        self._src_stop = frozenset(word_list(src_lang, "stopwords"))
        self._tgt_stop = frozenset(word_list(tgt_lang, "stopwords"))

    def anchors(self, text: str, source_side: bool) -> frozenset[str]:
        return _anchors(self, text, source_side)

    def __call__(self, src: str, tgt: str) -> float:
        a = self.anchors(src, True)
        b = self.anchors(tgt, False)
        if not a and not b:
            return 0.5
        return 2 * len(a & b) / (len(a) + len(b))

    def __hash__(self) -> int:
        return hash((self.src_lang, self.tgt_lang))


@functools.lru_cache(maxsize=8192)
def _anchors(scorer: AnchorScorer, text: str, source_side: bool) -> frozenset[str]:
    found = {regex.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text)}
    stop = scorer._src_stop if source_side else scorer._tgt_stop
    for m in _WORD.finditer(text):
        word = m.group()
        if word.lower() in stop:
            continue
        plain = strip_accents(word).lower()
        if source_side and plain in scorer._exonyms:
            plain = strip_accents(scorer._exonyms[plain]).lower()
        if len(plain) >= 4:
            found.add(plain[:4])
    return frozenset(found)
