"""Sentence segmentation of clean paragraph text, for French, English and kin.

Rule-based and offset-preserving: a boundary is end punctuation (``. ! ? …``), optionally
followed by closing quotes or brackets (with the no-break space French puts before ``»``),
then whitespace, then something that can start a sentence. Abbreviations from
``data/<lang>/abbreviations.txt``, initials, decimals and ``[…]`` never end a sentence.
"""

from __future__ import annotations

import functools

import regex

from mtcheck import patterns
from mtcheck.model import Paragraph, Sentence
from mtcheck.resources import stopwords, word_list
from mtcheck.typography import typography

_BOUNDARY = patterns.compile(
    r"""
    (?<![\[(])                       # not the ellipsis of "[…]" or "(...)"
    (?:[.!?]+|…|\.\.\.)              # end punctuation
    (?:[\s\u00a0\u202f]?[»”"’')\]])*  # closing quotes / brackets, French-spaced or not
    (?=\s+[\p{Lu}\p{N}«“„"'‘(\[¿¡—–-])  # whitespace, then a sentence start
    """,
    regex.VERBOSE,
)
_FOLLOWING_WORD = patterns.compile(r"\s+(\p{Lu}\p{Ll}*)\b")
_DIGIT_NEXT = patterns.compile(r"\s*\d")
_INITIAL = patterns.compile(r"^(?:\p{Lu}\.)+$|^\p{Lu}\.-\p{Lu}\.$")


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "abbreviations"))


@functools.cache
def _final_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations that may also end a sentence (``U.S.``, ``etc.``, ``Inc.``)."""
    return frozenset(word_list(lang, "abbreviations_sentence_final_ok"))


@functools.cache
def _sentence_openers(lang: str) -> frozenset[str]:
    """Capitalised function words that start a sentence after such an abbreviation (``He``, ``The``)."""
    return frozenset(w.capitalize() for w in stopwords(lang) if w.isalpha())


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of the sentences in ``text``, whitespace trimmed."""
    last = len(text) - 1  # a boundary needs its end punctuation before the last character: most paragraphs hold none
    if text.find(".", 0, last) < 0 and text.find("!", 0, last) < 0 and text.find("?", 0, last) < 0 and text.find("…", 0, last) < 0:
        return trimmed_ranges(text, ((0, len(text)),))
    abbreviations = _abbreviations(lang)
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(_last_token(text, m.start() + 1), abbreviations):
            if not _ends_anyway(text, m, lang) and not _number_missing(text, m, lang):
                continue
        if text[m.start()] == "." and _ordinal_period(text, m, lang):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    return trimmed_ranges(text, zip(cuts, cuts[1:]))


def trimmed_ranges(text: str, ranges) -> list[tuple[int, int]]:
    """``ranges`` of ``text`` with surrounding whitespace trimmed; empty ones dropped."""
    out = []
    for a, b in ranges:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _ends_anyway(text: str, m: regex.Match, lang: str) -> bool:
    """An abbreviation that may end a sentence does, before a sentence opener: ``…the U.S. He left.``"""
    token = _last_token(text, m.start() + 1)
    following = _FOLLOWING_WORD.match(text, m.end())
    return (
        token is not None
        and token in _final_abbreviations(lang)
        and following is not None
        and following.group(1) in _sentence_openers(lang)
    )


def _ordinal_period(text: str, m: regex.Match, lang: str) -> bool:
    """German ``am 1. Juli``, ``im 17. Jahrhundert``: a period after one to three digits marks an
    ordinal (languages whose ``typography.toml`` sets ``ordinal_period``) unless a function word follows."""
    if not typography(lang).get("ordinal_period") or not regex.search(r"(?<![\d.,])\d{1,3}$", text[: m.start()]):
        return False
    nxt = regex.match(r"\s+(\p{L}+)", text[m.end() :])
    return bool(nxt) and nxt.group(1) not in _sentence_openers(lang)


def _number_missing(text: str, m: regex.Match, lang: str) -> bool:
    """``No.``, ``p.`` are abbreviations only before a number: ``He said: "No." Then…`` ends."""
    token = _last_token(text, m.start() + 1)
    if token is None or token.lstrip("(«“\"'‘[") not in _before_number(lang):
        return False
    return not _DIGIT_NEXT.match(text, m.start() + 1)


@functools.cache
def _before_number(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "abbreviations_before_number"))


def _last_token(text: str, end: int) -> str | None:
    """The run of non-space characters ending at ``end``, found without copying ``text[:end]``
    (a boundary per sentence of a 2 MB one-line text stays linear)."""
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end] or None


def _is_abbreviation(token: str | None, abbreviations: frozenset[str]) -> bool:
    if not token:
        return False
    token = token.lstrip("(«“\"'‘[")
    return token in abbreviations or bool(_INITIAL.match(token))


def segment_paragraph(paragraph: Paragraph, lang: str) -> None:
    """Fill ``paragraph.sentences``."""
    paragraph.sentences = [
        Sentence(paragraph, a, b, n) for n, (a, b) in enumerate(split_sentences(paragraph.text, lang), 1)
    ]
