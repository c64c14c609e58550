"""Similarity scorers for alignment: how likely a source and a target text say the same thing.

A scorer is any ``Callable[[str, str], float]`` returning a similarity in ``[0, 1]``; the MT
layer adds one based on translations. The default, :class:`AnchorScorer`, needs no model: it
compares what survives translation — numbers (in digits or words), month and weekday names,
names (through the pair's exonym table), cognates (accent-free 4-letter word prefixes) and the
translations of a bilingual lexicon.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable

from mtcheck import patterns
from mtcheck.resources import (
    PairLexicon,
    by_start,
    derived,
    months,
    pair_table,
    stopwords,
    table,
    word_list,
)

Scorer = Callable[[str, str], float]

_NUMBER = patterns.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f ")  # what a number holds beside its digits
_WORD = patterns.compile(r"\p{L}[\p{L}'’-]*")


def strip_accents(text: str) -> str:
    """The text's compatibility decomposition (NFKD) without its combining characters: ``Élysée`` → ``Elysee``."""
    if text.isascii():  # nothing to strip: NFKD leaves ASCII as it is
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    for mark in {*decomposed}:  # each distinct character tested once, each mark removed in one pass
        if unicodedata.combining(mark):
            decomposed = decomposed.replace(mark, "")
    return decomposed


@functools.lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """What a word is compared by: its accent-free, lowercase first four letters."""
    return strip_accents(word).lower()[:4]


class AnchorScorer:
    """Share of words on both sides that find a counterpart on the other side.

    A source word's counterparts are its own key (a cognate or a name), the keys of its
    translations in the pair's lexicon (``data/<pair>/lexicon.tsv``: ``personnes`` →
    ``people``) and of its exonym (``Pékin`` → ``Beijing``); a pair without either table reads
    the reverse pair's backwards (en→de: ``people`` → ``Menschen``). Numbers match by their digits.
    Function words (``stopwords.txt``) are ignored.
    """

    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self._translations = _translations(src_lang, tgt_lang)  # source word → its target words, keyed lazily
        self._keys: dict[str, frozenset[str]] = {}
        self._src_stop = stopwords(src_lang)
        self._tgt_stop = stopwords(tgt_lang)
        self._src_values = _value_words(src_lang)
        self._tgt_values = _value_words(tgt_lang)
        # A word as written → its keys (source) or key (target); None for a word not compared.
        self._source_forms: dict[str, frozenset[str] | None] = {}
        self._target_forms: dict[str, str | None] = {}

    def keys_of(self, word: str) -> frozenset[str]:
        """A lowercase source word's own key and the keys of its translations (those of the
        word less an ending of up to three letters when the lexicon lacks its form:
        ``diseased`` → ``disease``, ``Regierungs`` → ``Regierung``)."""
        keys = self._keys.get(word)
        if keys is None and word in self._src_values:
            keys = self._keys[word] = frozenset({self._src_values[word]})
        if keys is None:
            forms = self._translations.get(word)
            if forms is None:
                forms = next((self._translations[word[:-k]] for k in (1, 2, 3) if len(word) - k >= 4 and word[:-k] in self._translations), "")
            translations = (w for alt in forms.split("|") for w in alt.split())
            keys = self._keys[word] = frozenset({_key(word), *(_key(w) for w in translations if len(w) >= 3)})
        return keys

    def _source_form(self, written: str) -> frozenset[str] | None:
        """The keys of a source word as written (``None``: a function word, or under three letters)."""
        word = written.lower().replace("’", "'")
        word = word.split("'", 1)[1] if "'" in word[:3] else word  # l'accord → accord
        keys = None if word in self._src_stop or len(word) < 3 else self.keys_of(word)
        return _kept(self._source_forms, written, keys)

    def _target_form(self, written: str) -> str | None:
        """The key of a target word as written (``None``: a function word, or under three letters)."""
        word = written.lower()
        key = None if word in self._tgt_stop or len(word) < 3 else self._tgt_values.get(word) or _key(word)
        return _kept(self._target_forms, written, key)

    def source_words(self, text: str) -> tuple[frozenset[str], ...]:
        """For each content word or number of a source text, the keys it may match."""
        return self.read_source(text)[0]

    def target_words(self, text: str) -> tuple[str, ...]:
        """The key of each content word or number of a target text."""
        return self.read_target(text)[0]

    def __call__(self, src: str, tgt: str) -> float:
        return _similarity(self.read_source(src), self.read_target(tgt))

    def coverage(self, src: str, tgt: str) -> tuple[float, float]:
        """Share of the source's content words that find a counterpart in the target, and the
        other way round (0.5 for a side without content words: no evidence either way)."""
        return _coverage(self.read_source(src), self.read_target(tgt))

    def document(self) -> DocumentScorer:
        """This scorer for the texts of one document pair, each text read once."""
        return DocumentScorer(self)

    def read_source(self, text: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
        """A source text's words (see :meth:`source_words`) and the union of their keys."""
        numbers, written = _tokens(text)
        words = [frozenset({n}) for n in numbers]
        words += filter(None, _forms(self._source_forms, written, self._source_form))  # keys are never empty
        return tuple(words), frozenset().union(*words)

    def read_target(self, text: str) -> tuple[tuple[str, ...], dict[str, int]]:
        """A target text's word keys (see :meth:`target_words`) and how often each occurs."""
        words, written = _tokens(text)
        words += [key for key in _forms(self._target_forms, written, self._target_form) if key is not None]
        counts: dict[str, int] = {}
        _count_elements(counts, words)  # Counter's own counting, without its checks
        return tuple(words), counts

    def rendering(self, phrase: str, text: str) -> tuple[int, int] | None:
        """Where ``text`` renders the source ``phrase``: the shortest run of words matching its content words.

        ``Force de Sibérie`` → ``Siberian Force``, ``chef de la diplomatie`` → ``head of the
        American diplomacy``: every content word of the phrase must find a counterpart
        (cognate or lexicon translation) within a run at most three words longer than the
        phrase. ``None`` when there is no such run.
        """
        wanted = list(self.source_words(phrase))
        if not wanted:
            return None
        words = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text)]
        limit = len(phrase.split()) + 3
        best = None
        for i, (start, _, key) in enumerate(words):
            if not any(key in keys for keys in wanted):
                continue
            left = list(wanted)
            for j in range(i, min(len(words), i + limit)):
                hit = next((k for k, keys in enumerate(left) if words[j][2] in keys), None)
                if hit is not None:
                    left.pop(hit)
                    if not left:
                        if best is None or j - i < best[1] - best[0]:
                            best = (i, j)
                        break
        return (words[best[0]][0], words[best[1]][1]) if best is not None else None


@functools.cache
def _translations(src_lang: str, tgt_lang: str) -> PairLexicon:
    """Lowercase source word → the target forms of the pair's exonym and lexicon rows that have
    it, separated by ``|`` (read by first two letters when asked: a run looks up a few hundred
    of the 8,600 words)."""
    return PairLexicon(_translation_parts(src_lang, tgt_lang))


@derived
def _translation_parts(src_lang: str, tgt_lang: str) -> dict[str, str]:
    """``_translations``' lines by first two letters (``resources.by_start``)."""
    translations: dict[str, list[str]] = {}
    for name in ("exonyms", "lexicon"):
        rows = pair_table(src_lang, tgt_lang, name)
        for row in rows:
            translations.setdefault(row[src_lang].lower(), []).append(row[tgt_lang])
        backwards = () if rows else pair_table(tgt_lang, src_lang, name)
        for row in backwards:  # en→de reads de-en's names and lexicon backwards
            for word in {w for alt in row[src_lang].split("|") for w in alt.split()}:
                translations.setdefault(word.lower(), []).append(row[tgt_lang])
    return by_start({word: "|".join(forms) for word, forms in translations.items()})


@functools.cache
def anchor_scorer(src_lang: str, tgt_lang: str) -> AnchorScorer:
    """The pair's anchor scorer, built once per process."""
    return AnchorScorer(src_lang, tgt_lang)


@functools.cache
def _value_words(lang: str) -> dict[str, str]:
    """Words that stand for a value in any language: number words as their digits (``drei`` →
    ``3``, matching ``3`` or ``three``), month and weekday names as their number (``März`` and
    ``March`` → ``month3``)."""
    values = {row["word"].lower(): str(int(float(row["value"]))) for row in table(lang, "number_words")}
    values.update({name: f"month{number}" for name, number in months(lang).items() if len(name) > 3})
    values.update({day.lower(): f"day{k}" for k, day in enumerate(word_list(lang, "weekdays"), 1)})
    return {w: v for w, v in values.items() if w not in stopwords(lang)}  # not "un", "a", "ein"


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The digits of each number of a text (its separators dropped: ``1 500,5`` → ``15005``) and its words as written."""
    numbers, words = _ascii_patterns() if text.isascii() else (_NUMBER, _WORD)
    return [number.translate(_SEPARATORS) for number in numbers.findall(text)], words.findall(text)


@functools.cache
def _ascii_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``_NUMBER`` and ``_WORD`` for an ASCII text, where ``\\d`` is ``[0-9]``, ``\\p{L}`` is
    ``[A-Za-z]`` and no ``’`` occurs, in Python's ``re``: the same tokens, found about twice as fast
    (94 % of newstest2014's English paragraphs; compiled on first use, not at start)."""
    return patterns.compile_re(r"[0-9]+(?:[., ][0-9]+)*"), patterns.compile_re(r"[A-Za-z][A-Za-z'-]*")


_FORMS_KEPT = 1 << 16  # words as written kept per side: a long-running batch meets new words forever


def _kept(forms: dict, written: str, value: object, limit: int | None = None) -> object:
    """``value``, kept in ``forms`` under ``written`` (``forms`` emptied first when it holds ``limit``, by default ``_FORMS_KEPT``)."""
    if len(forms) >= (limit or _FORMS_KEPT):
        forms.clear()
    forms[written] = value
    return value


def _forms(known: dict, written: list[str], new: Callable[[str], object]) -> list:
    """What ``known`` holds for each word as ``written``, ``new`` computing (and keeping) what it lacks."""
    try:
        return list(map(known.__getitem__, written))
    except KeyError:
        return [known[word] if word in known else new(word) for word in written]


def _similarity(src: tuple[tuple[frozenset[str], ...], frozenset[str]], tgt: tuple[tuple[str, ...], dict[str, int]]) -> float:
    """The share of both sides' words that find a counterpart, from each side's words and keys."""
    (src_words, src_keys), (tgt_words, tgt_keys) = src, tgt
    if not (shared := src_keys.intersection(tgt_keys)):  # the keys both texts have
        return 0.0 if src_words or tgt_words else 0.5
    return (len(src_words) - sum(map(shared.isdisjoint, src_words)) + sum(map(tgt_keys.__getitem__, shared))) / (len(src_words) + len(tgt_words))


def _coverage(src: tuple[tuple[frozenset[str], ...], frozenset[str]], tgt: tuple[tuple[str, ...], dict[str, int]]) -> tuple[float, float]:
    """Each side's share of words that find a counterpart on the other side (0.5 for a side without words)."""
    (src_words, src_keys), (tgt_words, tgt_keys) = src, tgt
    shared = src_keys.intersection(tgt_keys)
    src_matched, tgt_matched = len(src_words) - sum(map(shared.isdisjoint, src_words)), sum(map(tgt_keys.__getitem__, shared))
    return src_matched / len(src_words) if src_words else 0.5, tgt_matched / len(tgt_words) if tgt_words else 0.5


_TEXTS_KEPT = 8192  # texts read per side and document: a 20 MiB article's would otherwise all be kept


class DocumentScorer:
    """An :class:`AnchorScorer` over one document pair: each text's words read once and kept
    while the document is aligned (dropped with it: nothing outlives the document, and no
    process-wide cache keyed by text grows with articles never seen again)."""

    __slots__ = ("_scorer", "_sources", "_targets")

    def __init__(self, scorer: AnchorScorer) -> None:
        self._scorer = scorer
        self._sources: dict[str, tuple[tuple[frozenset[str], ...], frozenset[str]]] = {}
        self._targets: dict[str, tuple[tuple[str, ...], dict[str, int]]] = {}

    def __call__(self, src: str, tgt: str) -> float:
        return _similarity(self._sources.get(src) or self._source(src), self._targets.get(tgt) or self._target(tgt))

    def coverage(self, src: str, tgt: str) -> tuple[float, float]:
        """:meth:`AnchorScorer.coverage`."""
        return _coverage(self._sources.get(src) or self._source(src), self._targets.get(tgt) or self._target(tgt))

    def _source(self, text: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
        """A source text read and kept (callers look it up first: a read is a non-empty tuple)."""
        return _kept(self._sources, text, self._scorer.read_source(text), _TEXTS_KEPT)

    def _target(self, text: str) -> tuple[tuple[str, ...], dict[str, int]]:
        """A target text read and kept (as :meth:`_source`)."""
        return _kept(self._targets, text, self._scorer.read_target(text), _TEXTS_KEPT)
