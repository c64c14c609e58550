"""Which language a piece of text is in, from the share of each language's function words.

Cheap and good enough for the questions mtcheck asks: "is this English sentence still in
French?" and "is this target file in the language it claims?". Languages are those with a
``data/<lang>/stopwords.txt``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from mtcheck.checks.words import tokens
from mtcheck.resources import derived, languages, normalise_word, stopwords, word_list


@functools.cache
def _stopwords(pair: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """Each language's function words; with ``pair``, less those a language of the pair shares
    with the other (``data/<lang>/langid_shared.txt``: "in" between English and German)."""
    table = dict(_function_words())
    for lang in set(pair) & set(table):
        shared = (line.split() for line in word_list(lang, "langid_shared"))
        table[lang] -= {normalise_word(word) for word, other in shared if other in pair}
    return table


@derived
def _function_words() -> dict[str, frozenset[str]]:
    """Every language's function words, kept as one value: a check reads no other language's data
    folder for them."""
    return {lang: stopwords(lang) for lang in languages()}


def function_words(lang: str, pair: tuple[str, ...] = ()) -> frozenset[str]:
    """The function words that count for ``lang`` when weighing a sentence between ``pair``."""
    return _stopwords(pair).get(lang, frozenset())


def language_scores(text: str, pair: tuple[str, ...] = ()) -> dict[str, float]:
    """For each known language, the share of ``text``'s words that are its function words
    (with ``pair``, not counting the words its two languages share)."""
    return _scores(tokens(text), pair)


_INDEXES: dict[tuple[str, ...], tuple[dict, tuple[str, ...], dict[str, tuple[int, ...]]]] = {}


def _languages_of(pair: tuple[str, ...] = ()) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The languages of ``_stopwords(pair)`` and, for each function word, the indices of those it
    counts for (built again when ``_stopwords`` gives a new table: its cache was cleared)."""
    table = _stopwords(pair)
    kept = _INDEXES.get(pair)
    if kept is None or kept[0] is not table:
        index: dict[str, tuple[int, ...]] = {}
        for k, stop in enumerate(table.values()):
            for word in stop:
                index[word] = (*index.get(word, ()), k)
        kept = _INDEXES[pair] = (table, tuple(table), index)
    return kept[1], kept[2]


def _scores(words: Sequence[str], pair: tuple[str, ...]) -> dict[str, float]:
    """``language_scores`` of a text's ``tokens`` (each word looked up once, not once per language)."""
    if not words:
        return {}
    langs, index = _languages_of(pair)
    counts = [0] * len(langs)
    for hits in filter(None, map(index.get, words)):  # the function words only
        for k in hits:
            counts[k] += 1
    n = len(words)
    return {lang: count / n for lang, count in zip(langs, counts)}


def is_language(text: str, lang: str, pair: tuple[str, ...]) -> bool:
    """Whether ``guess(text, pair=pair)`` is ``lang``: not when fewer than 15 % of the text's words
    are ``lang``'s function words (counted first: most sentences are in the other language)."""
    words = tokens(text)
    return bool(words) and sum(map(function_words(lang, pair).__contains__, words)) / len(words) >= 0.15 and guess(text, pair=pair) == lang


@functools.lru_cache(maxsize=1024)  # several rules ask about the same sentence
def guess(text: str, min_words: int = 4, pair: tuple[str, ...] = ()) -> str | None:
    """The most likely language of ``text``, or ``None`` when it is too short or unclear;
    ``pair``: the source and target languages the question is between."""
    words = tokens(text)
    if len(words) < min_words:
        return None
    scores = _scores(words, pair)
    if not scores:
        return None
    values = list(scores.values())
    score = max(values)
    best = next(lang for lang, value in scores.items() if value == score)  # the first of equals
    values.remove(score)
    runner_up = max(values, default=0.0)
    if score < 0.15 or score < runner_up * 1.5:
        return None
    return best
