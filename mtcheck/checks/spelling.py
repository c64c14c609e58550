"""Misspelled words of the translation."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.untranslated import blanked_sentences
from mtcheck.checks.words import Twin
from mtcheck.lexicon import Lexicon, lexicon, normalise
from mtcheck.model import Finding, Severity
from mtcheck.resources import table, toml_data, word_list

_WORD = patterns.compile(r"(?<![\p{L}\p{N}'’_@#/.\\-])\p{L}+(?:['’]\p{L}+)*(?![\p{L}\p{N}_/\\-]|['’]\p{L}|\.\p{L})")
_WORDS = Twin(_WORD, r"(?<![A-Za-z0-9'’_@#/.\\-])[A-Za-z]+(?:['’][A-Za-z]+)*(?![A-Za-z0-9_/\\-]|['’][A-Za-z]|\.[A-Za-z])")
_LETTERS = patterns.compile(r"\p{L}+")
_OPENING = patterns.compile(r"^[\s\"“‘'«(\[—–-]*$")
# By edit distance: how frequent (Zipf) a correction must be, and how much more than the word.
MIN_CORRECTION = {1: 3.5, 2: 4.0}
MIN_GAIN = {1: 1.5, 2: 2.0}
PART_ZIPF = 3.0  # both parts of an attested compound are at least this frequent
SOURCE_ZIPF = 3.0  # a source-language word this frequent is left to untranslated-word
VARIANT_GAP = 2.0  # a regional variant is at most this much more frequent (Zipf) than the word
SPLIT_ZIPF = 3.0  # both words of a run-together pair (staffand) are in the dictionary and this frequent
_TRIPLED = patterns.compile(r"(\p{L})\1\1")


def _keys(text: str) -> list[str]:
    """A text's words as the dictionary looks them up (``lexicon.normalise``)."""
    return _WORDS.lowered(text, lambda words: list(map(normalise, words)))


class Spelling(Rule):
    """A word the spelling dictionary does not know, one or two edits from a frequent word.

    A word is unknown when ``pyspellchecker``'s dictionary lacks it and it is rare in
    ``wordfreq``'s frequencies; the suggestion is the most frequent word at the smallest
    edit distance (two edits only for words of six letters or more). A target language needs
    only ``data/<tgt>/spelling.toml`` (its rarity threshold) and the packages' lists.
    Flags: ``the goverment said`` (government), ``they recieved`` (received), ``Ths is`` (This);
    two words run together that wordfreq has never seen (``staffand`` → staff and,
    ``selfdestructive`` → self-destructive); a letter tripled (``represss`` → repress); a plural
    of a participle (``injureds``, even when the document repeats it); a plural the dictionary lacks (``aircrafts``,
    ``informations``) only as information.
    Leaves alone: words that appear in the source (names, terms), capitalised words inside a
    sentence and acronyms, attested compounds and prefixed forms (``fundraised``, ``upsize``:
    ``data/<tgt>/prefixes.txt``), unseen words ending in a suffix that is also a word
    (``archaicness``: ``data/<tgt>/suffixes.txt``), words the document uses more than once,
    words of the source language (the ``untranslated-word`` rule reports those), loanwords and names the copy
    keeps (``data/<tgt>/loanwords.txt``, ``data/<src>-<tgt>/keep_source.txt``), regional
    spellings (``characterises``, ``centre``: ``data/<tgt>/spelling_variants.tsv``),
    hyphenated compounds, words next to digits (``5km``), hashtags, handles and URLs.
    """

    id = "spelling"
    category = "fluency/spelling"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        settings = _settings(ctx.tgt_lang)
        tgt_lex = lexicon(ctx.tgt_lang) if settings else None
        if tgt_lex is None:
            return
        unknown_zipf = settings["unknown_zipf"]
        src_lex = lexicon(ctx.src_lang) if ctx.src_lang != ctx.tgt_lang else None
        # Words are matched again rather than kept as matches: a match object per word of a 20 MiB
        # file was most of the run's peak memory (the context keeps a bounded share of the keys).
        blanked = list(blanked_sentences(ctx))
        counts = Counter(chain.from_iterable(ctx.of_text(_keys, text) for _, _, text in blanked))
        unknown = _unknown(counts.keys(), tgt_lex, unknown_zipf, src_lex)
        if not unknown:
            return
        source = None  # the source's words, read when a word first needs them
        words = (
            (seg, sent, m, key)
            for seg, sent, text in blanked
            if not unknown.isdisjoint(keys := ctx.of_text(_keys, text))  # most sentences: every word known
            for m, key in zip(_WORDS.of(text).finditer(text), keys)  # a match's key is its word normalised
            if key in unknown  # most words: the dictionary knows them
        )
        for seg, sent, m, key in words:
            word = m.group()
            if len(key) < 3 or counts[key] > 1 and not _participle_plural(key, tgt_lex) or not self._ordinary(word, sent.text[: m.start()]):
                continue
            if src_lex is not None and src_lex.zipf(_LETTERS.findall(key)[-1]) >= SOURCE_ZIPF:
                continue  # a source-language word, elided ones too (d'art, s'en): untranslated-word's
            if source is None:  # read after the cheaper tests: most documents never need it
                source = _source_words(ctx)
            if key in source:
                continue
            if _variant_known(key, ctx.tgt_lang) or _compound(key, tgt_lex, ctx.tgt_lang):
                continue
            best = _correction(key, tgt_lex) or _untripled(key, tgt_lex)
            joined = None if best is not None or tgt_lex.zipf(key) > 0 else _split(key, tgt_lex, ctx.tgt_lang)
            if best is None and joined is None:
                continue
            best = best or joined
            suggestion = best[0].upper() + best[1:] if word[0].isupper() else best
            # aircrafts, informations: usage, not a typo; injureds (a participle) is a typo
            plural = key in (best + "s", best + "es") and not best.endswith("ed") and not _TRIPLED.search(key)
            if joined is not None:
                message = f"“{word}” looks like two words run together; did you mean “{suggestion}”?"
            elif plural:
                message = f"“{word}” is an unusual plural of “{suggestion}”."
            else:
                message = f"“{word}” looks misspelled; did you mean “{suggestion}”?"
            yield self.finding(
                message,
                target=sent.file_span(m.start(), m.end()),
                segment=seg,
                suggestion=suggestion,
                severity=Severity.INFO if plural else None,
            )

    @staticmethod
    def _ordinary(word: str, before: str) -> bool:
        """Lowercase, or capitalised only because it starts the sentence; never an acronym or a name."""
        if any(c.isupper() for c in word[1:]):
            return False
        return word[0].islower() or bool(_OPENING.match(before))


_TESTED: dict[tuple[Lexicon, float, Lexicon | None], tuple[set[str], set[str]]] = {}  # words tested, and those unknown
_TESTED_LIMIT = 1 << 16


def _unknown(keys: Iterable[str], lex: Lexicon, unknown_zipf: float, src_lex: Lexicon | None = None) -> set[str]:
    """The ``keys`` that ``lex``'s dictionary lacks and that are rarer than ``unknown_zipf`` (any
    frequency will do for a language without a dictionary); each word is tested once per process
    (set operations for the words already tested), and looked up in ``src_lex`` then too (later
    rules read the source frequencies of target words)."""
    seen, unknown = _TESTED.setdefault((lex, unknown_zipf, src_lex), (set(), set()))
    if len(seen) > _TESTED_LIMIT:  # bounded memory
        seen.clear()
        unknown.clear()
    keys = set(keys)
    new = keys.difference(seen)  # not ``dict_keys - set``: that walks every word seen
    lex.lookup(new)
    if src_lex is not None:
        src_lex.lookup(new)
    entry, loose = lex.entry, not lex.has_dictionary
    for key in new:
        seen.add(key)
        zipf, known = entry(key)
        if not (known or zipf >= unknown_zipf or loose and zipf > 0):
            unknown.add(key)
    return unknown.intersection(keys)


def _source_words(ctx: CheckContext) -> set[str]:
    """The source's words (``normalise``). Its paragraphs, not its file text: an article of a
    JSON Lines export shares the whole file's text, and reading it per article made the export
    quadratic."""
    source: set[str] = set()
    for p in ctx.source.paragraphs if ctx.source else ():
        source.update(map(normalise, _LETTERS.findall(p.text)))
    return source


def _compound(word: str, lex: Lexicon, lang: str) -> bool:
    """Whether ``word`` is attested (wordfreq has seen it) and is a prefix of
    ``data/<lang>/prefixes.txt`` or a frequent word followed by a frequent word of four letters or
    more (``reinjected``, ``upsize``, ``fundraised``, ``slugfest``). Typos are rarely both:
    ``breakast`` (break + ast), ``tthis``, ``reate``."""
    if lex.zipf(word) == 0:
        return False
    prefixes = frozenset(word_list(lang, "prefixes"))
    parts = [(word[:i], word[i:]) for i in range(2, len(word) - 3)]
    lex.lookup(p for pair in parts for p in pair)
    return any(
        lex.zipf(b) >= PART_ZIPF and (a in prefixes or len(a) >= 4 and lex.zipf(a) >= PART_ZIPF) for a, b in parts
    )


def _split(word: str, lex: Lexicon, lang: str) -> str | None:
    """Two dictionary words run together (``staffand``, ``Increasingneeds``, ``selfdestructive``):
    the split whose rarer part is the most frequent, both parts of three letters or more, in the
    dictionary and at least ``SPLIT_ZIPF`` frequent, the second no ending that makes words
    (``archaicness``: ``data/<lang>/suffixes.txt``); joined by a hyphen after a prefix of
    ``data/<lang>/prefixes.txt`` (``self-destructive``), else by a space. Only for words wordfreq has never seen."""
    suffixes = frozenset(word_list(lang, "suffixes"))
    parts = [(word[:i], word[i:]) for i in range(3, len(word) - 2) if word[i:] not in suffixes]
    lex.lookup(p for pair in parts for p in pair)
    scored = [
        (min(lex.zipf(a), lex.zipf(b)), a, b)
        for a, b in parts
        if a.isalpha() and b.isalpha() and lex.known(a) and lex.known(b) and min(lex.zipf(a), lex.zipf(b)) >= SPLIT_ZIPF
    ]
    if not scored:
        return None
    _, a, b = max(scored)
    return f"{a}-{b}" if a in frozenset(word_list(lang, "prefixes")) else f"{a} {b}"


def _participle_plural(word: str, lex: Lexicon) -> bool:
    """``injureds``: a participle given a plural ``s`` (a machine-translation error even when the
    document repeats it)."""
    return word.endswith("eds") and not lex.known(word) and lex.known(word[:-1])


def _untripled(word: str, lex: Lexicon) -> str | None:
    """``represss`` → ``repress``: a letter written three times, the word known with two."""
    m = _TRIPLED.search(word)
    if m is None:
        return None
    fixed = word[: m.start()] + word[m.start() + 1 :]
    return fixed if lex.known(fixed) else None


def _correction(word: str, lex: Lexicon) -> str | None:
    """The likeliest frequent word one (or, from six letters, two) edits away: fewest edits, then
    frequency, a changed first or last letter counting against it (typos fall mid-word)."""
    near = lex.near(word, 2 if len(word) >= 6 else 1)
    if not near:
        return None
    d = near[0][0]
    scored = [(z + (c[0] != word[0]) + (c[-1] != word[-1]), c, -z) for dist, z, c in near if dist == d]
    _, best, zipf = min(scored)
    return best if zipf >= max(MIN_CORRECTION[d], lex.zipf(word) + MIN_GAIN[d]) else None


@functools.cache
def _settings(lang: str) -> dict:
    """``data/<lang>/spelling.toml`` (empty when the language has none: the rule stays off)."""
    return toml_data(lang, "spelling")


@functools.cache
def _variants(lang: str) -> tuple[tuple[str, str], ...]:
    pairs = [(row["a"], row["b"]) for row in table(lang, "spelling_variants")]
    return tuple(pairs + [(b, a) for a, b in pairs])


def _variant_known(word: str, lang: str) -> bool:
    """Whether a regional variant of ``word`` (``data/<lang>/spelling_variants.tsv``) is a known
    word not much more frequent than ``word`` itself (``aftre`` is no variant of ``after``)."""
    lex = lexicon(lang)
    forms = set()
    for a, b in _variants(lang):
        if a.endswith("$"):
            if b.endswith("$") and word.endswith(a[:-1]):
                forms.add(word[: len(word) - len(a) + 1] + b[:-1])
        else:
            forms |= {word[:i] + b + word[i + len(a) :] for i in _find_all(word, a)}
    lex.lookup(forms)
    return any((lex.known(f) or lex.zipf(f) >= _settings(lang)["unknown_zipf"]) and lex.zipf(word) >= lex.zipf(f) - VARIANT_GAP for f in forms)


def _find_all(word: str, part: str) -> Iterator[int]:
    i = word.find(part)
    while i >= 0:
        yield i
        i = word.find(part, i + 1)
