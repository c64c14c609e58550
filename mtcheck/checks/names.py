"""Proper names of the source that the translation lost or left in their source-language form."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.align.scorers import strip_accents
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.casing import Words as LazyWords, is_title_case, ordinary_words
from mtcheck.checks.literals import each_held
from mtcheck.checks.words import Twin, plain as _plain, plain_letters
from mtcheck.model import Finding, Segment, Sentence, Severity, Span
from mtcheck.resources import PairLexicon, Phrases, alternation, by_start, derived, exonyms, lexicon, lexicon_words, months, pair_table, stopwords, measured, word_list
from mtcheck.typography import typography

_LETTERS = patterns.compile(r"\p{L}+")
_LETTER = patterns.compile(r"\p{L}")
_LONG_WORD = patterns.compile(r"\p{L}{5,}")
_ALNUM = patterns.compile(r"[\p{L}\p{N}]+")
_TOKEN = patterns.compile(r"\p{L}+(?:[-'’]\p{L}+)*")

# Two or more capitalised words in a row (a person's name): "Jens Stoltenberg", "Xi Jinping"; a
# possessive ends the run ("Trump's West Virginia").
_RUN_WORD = r"\p{Lu}\p{Ll}(?:[\p{L}-]|['’](?![sS](?!\p{L})))*"
_NAME_RUN = patterns.compile(rf"(?<![\p{{L}}'’-]){_RUN_WORD}(?:[ \u00a0]{_RUN_WORD})+")
# A capitalised word, hyphenated parts included; after an elision too ("d'Israël").
_NAME_WORD = patterns.compile(r"(?<![\p{L}\p{N}_@/.-])\p{Lu}\p{L}*(?:-\p{L}+)*")
_NAME_WORDS = Twin(_NAME_WORD, r"[A-Z](?<![A-Za-z0-9_@/.-][A-Z])[A-Za-z]*(?:-[A-Za-z]+)*")  # for target copy: English is ASCII
# Capitalised words in a row, titles and hyphenated parts included: "Lance Corporal Hawkins".
_CAPITALISED_RUN = patterns.compile(r"(?<![\p{L}\p{N}_@/.-])\p{Lu}\p{L}*(?:-\p{L}+)*\.?(?:[ \u00a0]\p{Lu}\p{L}*(?:-\p{L}+)*\.?)*")
_OPENERS = "«“\"‘'([:—–-.!?…"


@functools.cache
def _accepted(src: str, tgt: str) -> dict[str, tuple[str, ...]]:
    """Every accepted target form of each source name: the preferred one, then the ``alt`` column."""
    return {
        row[src]: (row[tgt], *(a.strip() for a in row.get("alt", "").split("|") if a.strip()))
        for row in pair_table(src, tgt, "exonyms")
    }


_EXONYM_BOUNDARY = r"[\w'’-]"  # no such character touches a source form found in target copy
_EXONYM_EDGE = patterns.compile(_EXONYM_BOUNDARY)


def _stands(form: str, text: str) -> bool:
    """Whether ``text`` holds ``form`` with no word character (``_EXONYM_BOUNDARY``) touching it:
    where ``_exonym_pattern`` finds a match (this one or another)."""
    k, size = text.find(form), len(form)
    while k >= 0:
        if not (k and _EXONYM_EDGE.match(text, k - 1) or _EXONYM_EDGE.match(text, k + size)):
            return True
        k = text.find(form, k + 1)
    return False


@functools.cache
def _exonym_pattern(src: str, tgt: str) -> tuple[Phrases | None, dict[str, str], tuple[str, ...]]:
    """The source-language forms worth flagging in target copy, found as whole words, and the
    forms as literals (a sentence that holds none standing alone holds no match)."""
    false_alarms = frozenset(word_list(f"{src}-{tgt}", "exonym_false_alarms"))
    forms = {k: v for k, v in exonyms(src, tgt).items() if k != v and k not in false_alarms}
    return Phrases(forms, _EXONYM_BOUNDARY) or None, forms, tuple(sorted(forms))


def _similar(a: str, b: str) -> bool:
    """Whether two words are alike (difflib ratio ≥ 0.75; the cheap upper bounds first, the
    lengths' one, ``real_quick_ratio``, one from the letters each lacks (each costs a match at
    least once), then the letters in common, ``quick_ratio``, before a matcher is built)."""
    size = len(a) + len(b)
    if not size:
        return True
    if 2.0 * min(len(a), len(b)) / size < 0.75:
        return False
    letters_a, letters_b = set(a), set(b)
    if 2.0 * min(len(a) - len(letters_a - letters_b), len(b) - len(letters_b - letters_a)) / size < 0.75:
        return False
    if 2.0 * sum(min(a.count(c), b.count(c)) for c in letters_a) / size < 0.75:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _present(ctx: CheckContext, name: str, target: str, every: bool = False, person: bool = False, last: bool = False, fuzzy: bool = True) -> bool:
    """Whether ``name``, or one of its words (a surname used alone; with ``every``, each of its
    words of three letters or more), appears in ``target``. With ``person``, the first word of a
    name of several words does not count alone: ``Jhonathan`` is no ``Jhonathan Florez``
    (the surname alone, ``Florez``, is).
    With ``last``, only the last word counts: ``Texas`` of ``General du Texas``, ``Villepin`` of
    ``Dominique de Villepin``.

    Words of four letters or more match target words of four letters or more approximately, for
    transliterations (``Michoustine`` ↔ ``Mishustin``; not ``André`` ↔ ``and``); not with
    ``fuzzy`` false (exact words only: a cheaper test that implies the other).
    """
    plain_name = _plain(name)
    if plain_name in _plain(target):
        return True
    words = ctx.of_text(plain_letters, target)
    tokens = plain_name.split()
    parts = _LETTERS.findall(plain_name)

    def found(part: str) -> bool:
        return part in words or fuzzy and len(part) >= 4 and any(
            _similar(part, w) for w in words if len(w) >= 4 and abs(len(w) - len(part)) <= 3
        )

    if every:
        return all(found(part) for part in parts if len(part) >= 3)
    if last and len(tokens) > 1:
        return found(parts[-1])  # "Israël" of "Etat d'Israël", not the elided article
    if person and len(tokens) > 1:
        parts = parts[len(_LETTERS.findall(tokens[0])) :]  # "Jean-Claude": two parts
    return any(part in words for part in parts) or any(found(part) for part in parts)


def _any_present(ctx: CheckContext, forms: set[str], target: str, **how: bool) -> bool:
    """Whether one of ``forms`` is :func:`_present`: every form written in full first, then its
    exact words, then the approximate ones."""
    plain_target = _plain(target)
    return (
        any(_plain(f) in plain_target for f in forms)
        or any(_present(ctx, f, target, fuzzy=False, **how) for f in forms)
        or any(_present(ctx, f, target, **how) for f in forms)
    )


def _has_new_name(ctx: CheckContext, seg: Segment, lang: str) -> bool:
    """Whether the translation holds a capitalised word inside a sentence, or an acronym, that the
    source lacks: a name translated word by word (``Casa Blanca`` → ``White House``); weekdays,
    months, nationalities and languages do not count."""
    calendar = _calendar_words(lang)
    for sent in seg.target:
        for m in _NAME_WORDS.of(sent.text).finditer(sent.text):
            if m.group().lower() in calendar:
                continue
            before = sent.text[: m.start()].rstrip()
            if (before and before[-1] not in ".!?:«“\"'") or m.group().isupper():
                if not _present(ctx, m.group(), seg.source_text):
                    return True
    return False


@functools.cache
def _calendar_words(lang: str) -> frozenset[str]:
    """Weekdays, months, demonyms and languages: capitalised in English, never names."""
    words = (*word_list(lang, "weekdays"), *word_list(lang, "demonyms"), *word_list(lang, "languages"), *months(lang))
    return frozenset(w.lower() for w in words)


def _inside(name: str, text: str, m: regex.Match) -> bool:
    """Whether the match is part of an occurrence of ``name`` itself."""
    return any(k.start() <= m.start() and m.end() <= k.end() for k in regex.finditer(regex.escape(name), text))


def _in_name_run(text: str, m: regex.Match) -> bool:
    """Whether the match is preceded by a capitalised word inside the sentence (a person's name)."""
    before = regex.search(r"(\p{Lu}\p{Ll}+)[ \u00a0]$", text[: m.start()])
    return bool(before) and before.start() > 0


class _SourceName:
    """A name of a source sentence: its text, sentence and start there (its file span found when
    a finding asks), and whether it is a person's; ``whole``: each word must be there ("Disney
    Junior" is no "Disney"); ``run``: the whole run when its first word, at a sentence start, was
    left out ("François Hollande"); ``headed``: a name after a particle, whose last word must be
    there ("General du Texas" is no "General"). A plain class
    (compared by identity: each is found once), as is ``_Problem``: a dataclass compiles its
    methods on every start."""

    __slots__ = ("text", "sentence", "start", "person", "whole", "run", "headed")

    def __init__(self, text: str, sentence: Sentence, start: int, person: bool, whole: bool = False, run: str = "", headed: bool = False) -> None:
        self.text, self.sentence, self.start, self.person, self.whole, self.run, self.headed = text, sentence, start, person, whole, run, headed

    @property
    def span(self) -> Span:
        return self.sentence.file_span(self.start, self.start + len(self.text))


class _Problem:
    """A source name the aligned translation lost (``dropped``), gives fewer times than the source
    (``fewer``), replaced (``swapped``) or misspelled (``respelled``); ``target`` and ``found`` are
    the target name in the last two."""

    __slots__ = ("kind", "name", "segment", "expected", "serious", "target", "found")

    def __init__(self, kind: str, name: _SourceName, segment: Segment, expected: str, serious: bool,
                 target: Span | None = None, found: str = "") -> None:
        self.kind, self.name, self.segment, self.expected, self.serious = kind, name, segment, expected, serious
        self.target, self.found = target, found


def _mid_sentence(text: str, start: int, titles: frozenset[str] = frozenset()) -> bool:
    """Whether the word at ``start`` is inside the sentence: not its first word, nor the first after a
    quote or colon; after a title (``M.``, ``Mr.``) or an elided article (``de l'Elysée``) it is."""
    before = text[:start].rstrip(" \u00a0\u202f")
    if len(before) > 2 and before[-1] in "'’" and before[-2].isalpha():
        return True  # an elision inside the sentence, not a quote
    return bool(before) and (before[-1] not in _OPENERS or before.split()[-1] in titles)


@functools.cache
def _titles(src: str, tgt: str) -> tuple[frozenset[str], frozenset[str]]:
    """Titles before a name in each language: the pair's honorifics, the target's abbreviations."""
    rows = pair_table(src, tgt, "honorifics")
    return frozenset(row["source"] for row in rows), frozenset(word_list(tgt, "abbreviations")) | {row["target"] for row in rows}


@functools.cache
def _abbreviated(lang: str) -> frozenset[str]:
    """The language's capitalised abbreviations without their full stop (``Capt``, ``Gen``)."""
    return frozenset(a[:-1] for a in word_list(lang, "abbreviations") if a[:1].isupper() and a.endswith("."))


Words = tuple  # containers of lowercase words, searched in turn (no copy of the 8,000-word lexicon)


@functools.cache
def _source_ordinary(src: str, tgt: str) -> Words:
    """Lowercase source words that are no proper names even when capitalised: ordinary words of the
    pair's lexicon (also without the accent French drops on capitals: ``Etat``), function words."""
    return lexicon(src, tgt), _unaccented_ordinary(src, tgt), stopwords(src)


@derived
def _unaccented_ordinary(src: str, tgt: str) -> frozenset[str]:
    """The lexicon's source words that start with an accented letter, written without its accent."""
    return frozenset(strip_accents(w[0]) + w[1:] for w in lexicon(src, tgt) if not w[:1].isascii())


@functools.cache
def _target_ordinary(src: str, tgt: str) -> Words:
    """Lowercase target words that are no proper names even when capitalised: the words of the
    lexicon's translations (a part per first two letters read when asked), titles, calendar
    words, demonyms, languages, function words."""
    return LazyWords(_translated_words(src, tgt)), _other_ordinary(tgt), stopwords(tgt)


@derived
def _translated_words(src: str, tgt: str) -> dict[str, str]:
    """The lowercase words of the lexicon's translations by first two letters, separated by spaces."""
    by_start: dict[str, list[str]] = {}
    for word in {w.lower() for w in lexicon_words(src, tgt)}:
        by_start.setdefault(word[:2], []).append(word)
    return {start: " ".join(words) for start, words in by_start.items()}


@functools.cache
def _other_ordinary(tgt: str) -> frozenset[str]:
    """Abbreviated titles, calendar words, demonyms and languages of the target language, lowercase."""
    return _calendar_words(tgt) | {t.rstrip(".").lower() for t in word_list(tgt, "abbreviations")}


def _translated(name: str, target: str, src: str, tgt: str) -> bool:
    """Whether the translation renders a word of the name as an ordinary word (``Ancien Régime`` →
    ``former rulers``, ``la Bourse`` → ``the stock exchange``)."""
    words = lexicon(src, tgt)
    padded = " " + " ".join(_ALNUM.findall(target.lower())) + " "
    return any(f" {alt} " in padded for w in _LETTERS.findall(name) for alt in words.get(w.lower(), "").split("|") if alt)


@functools.cache
def _transliteration_table(src: str, tgt: str, person: bool) -> tuple[dict[str, list[str]], regex.Pattern]:
    """The transliteration table's rows for a person's name or any name, and its source sequences
    as one pattern, longest first (``$``: only at the end of a word)."""
    rows = pair_table(src, tgt, "transliteration")
    table = {row[src]: row[tgt].split("|") for row in rows if row.get("scope", "all") == "all" or not person}
    keys = sorted(table, key=len, reverse=True)
    return table, patterns.compile("|".join(regex.escape(k.rstrip("$")) + ("$" if k.endswith("$") else "") for k in keys) or "(?!)")


@functools.lru_cache(maxsize=4096)
def _transliterations(src: str, tgt: str, word: str, person: bool) -> regex.Pattern:
    """The spellings of a source name that are transliterations (``data/<pair>/transliteration.tsv``;
    for names that are no person's, also the ``places`` rows), as one pattern over the plain word."""
    table, sequences = _transliteration_table(src, tgt, person)
    pieces, pos = [], 0
    for m in sequences.finditer(word):
        key = m.group() + "$" if m.end() == len(word) and m.group() + "$" in table else m.group()
        pieces += [regex.escape(word[pos : m.start()]), "(?:" + "|".join(map(regex.escape, [m.group(), *table[key]])) + ")"]
        pos = m.end()
    return regex.compile("".join(pieces) + regex.escape(word[pos:]))


def _ordinary(word: str, words: Words) -> bool:
    """Whether a word, or each part of a hyphenated word, is in one of ``words``."""
    lower = word.lower().replace("’", "'")
    for w in words:
        if lower in w:
            return True
    parts = lower.split("-")
    return len(parts) > 1 and all(any(part in w for w in words) for part in parts)


@functools.cache
def _particle_pattern(lang: str) -> regex.Pattern | None:
    """A particle and the capitalised name after it (``data/<lang>/name_particles.txt``): `` de Villiers``."""
    particles = alternation(word_list(lang, "name_particles"))
    return patterns.compile(rf"[ \u00a0](?:{particles})(?:[ \u00a0]|(?<=['’]))?\p{{Lu}}\p{{L}}+(?:-\p{{L}}+)*") if particles else None


def _covered(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether one of ``spans`` covers position ``at``."""
    for a, b in spans:
        if a <= at < b:
            return True
    return False


def _surnames(ctx: CheckContext, source_text: str) -> frozenset[str]:
    """Last words of the full names in the source document (its paragraphs joined by line
    breaks): "François Hollande" → "Hollande"."""
    known = exonyms(ctx.src_lang, ctx.tgt_lang)
    runs = (m.group().split() for m in _NAME_RUN.finditer(source_text))
    return frozenset(words[-1] for words in runs if words[0] not in known)


@functools.cache
def _name_articles(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "name_articles"))


@functools.cache
def _source_reading(src: str, tgt: str) -> tuple:
    """What :func:`_source_names` reads of the pair, found once: exonyms, name articles, the
    containers of ordinary words, titles, whether the source capitalises every noun, the particle
    pattern, abbreviations, calendar words, function words and the lexicon."""
    style = typography(src)
    ordinary = (*_source_ordinary(src, tgt), _calendar_words(src))  # English "Friday", "French"
    if style.get("capitalises_titles"):  # English "City Council", "Election Day": ordinary words
        ordinary = (*ordinary, ordinary_words(src))
    noun_capitals = bool(style.get("capitalises_nouns"))  # German "Kläger Pech" is no name
    return (
        exonyms(src, tgt), _name_articles(src), ordinary, _titles(src, tgt)[0], noun_capitals, _particle_pattern(src),
        _abbreviated(src), _calendar_words(src), stopwords(src), lexicon(src, tgt),
    )


# Word tests read from the word and the pair's data alone, kept per process (words, not texts: a
# batch's names and sentence starts repeat), bounded.
_WORDS_KEPT = 1 << 16


@functools.lru_cache(maxsize=_WORDS_KEPT)
def _source_ordinary_word(src: str, tgt: str, word: str) -> bool:
    """Whether a capitalised source word is an ordinary word (``_source_reading``'s containers)."""
    return _ordinary(word, _source_reading(src, tgt)[2])


@functools.lru_cache(maxsize=_WORDS_KEPT)
def _source_alone(src: str, tgt: str, word: str) -> bool:
    """Whether a single capitalised word inside a source sentence may be a name, read from the word
    alone: no acronym, title, article, ordinary or calendar word (English "Monday", "French")."""
    _, articles, _, titles, noun_capitals, _, _, calendar, _, _ = _source_reading(src, tgt)
    return not (noun_capitals or word.isupper() or len(word) < 3 or word in titles or word in articles
                or _source_ordinary_word(src, tgt, word) or word.lower() in calendar)


def _source_names(ctx: CheckContext, sent: Sentence, surnames: frozenset[str]) -> Iterator[_SourceName]:
    """Runs of capitalised words, exonyms, and single capitalised words inside the sentence that
    are no ordinary word (a person's after a title or when the document gives the full name)."""
    src, tgt = ctx.src_lang, ctx.tgt_lang
    known, articles, _, titles, noun_capitals, particle, abbreviated, calendar, stop, lex = _source_reading(src, tgt)
    text, in_runs = sent.text, []
    for m in _NAME_RUN.finditer(text):
        words, start, run = m.group().split(), m.start(), m.group()
        if words[0] in known:
            continue  # exonyms are handled below
        in_runs.append(m.span())
        if prefix := next((n for n in range(len(words), 1, -1) if " ".join(words[:n]) in known), 0):
            place = " ".join(words[:prefix])  # "Reino Unido", also at a sentence start: a place
            yield _SourceName(place, sent, start, False)
            if prefix == len(words) or all(_source_ordinary_word(src, tgt, w) for w in words[prefix:]):
                continue  # "Stati Uniti Mercoledì"
            words, start = words[prefix:], start + len(place) + 1
            run = " ".join(words)
        titled = words[0] in titles  # "Mme Beaudet"
        led = start == 0 and words[0] not in articles  # "Jens Stoltenberg a…", not "La Royale a…"
        if start == 0 or titled:  # "Le Monde"-like sentence starts are ambiguous: keep the words after the first
            words, start = words[1:], start + len(words[0]) + 1
        if words and words[0] in titles:  # "La Sra" (May)
            words, start, titled = words[1:], start + len(words[0]) + 1, True
        end = m.end()
        if words and words[-1] in abbreviated and text[end : end + 1] == ".":
            words, end = words[:-1], end - len(words[-1]) - 1  # "Lifeguard Capt." (Larry Giles)
        if not words:
            continue
        if all(_source_ordinary_word(src, tgt, w) for w in words):
            continue  # "Ancien Régime", "Grand Prix": translated word by word
        person = (
            (len(words) > 1 and words[0] not in articles and words[0].lower() not in stop or led or titled)
            and not any(w in known for w in words)  # "Radio Australie"
            and not any(w.lower() in lex for w in words[1:])  # "Seconde Guerre"
        )
        person = person and not noun_capitals and not is_title_case(text)  # not in a headline
        person = person and not any(w.lower() in calendar for w in words)  # "Scottish Premiership"
        whole = not person and len(words) > 1 and words[0] not in articles
        yield _SourceName(text[start:end], sent, start, person, whole, run=run if start != m.start() else "")
    for m in _NAME_WORD.finditer(text):
        word = m.group()
        at = m.start()
        if in_runs and _covered(at, in_runs):
            continue
        if word in known and not (particle and _mid_sentence(text, at, titles) and particle.match(text, m.end())):
            yield _SourceName(word, sent, at, False)
            continue
        if not at:
            continue  # a sentence's first word: not inside it (``_mid_sentence``)
        if not _source_alone(src, tgt, word) or word in abbreviated and text[m.end() : m.end() + 1] == ".":  # "Capt. Larry Giles"
            continue
        if not _mid_sentence(text, at, titles):
            continue
        if particle and (then := particle.match(text, m.end())):
            in_runs.append((m.start(), then.end()))  # "Gérard de Villiers", but also "Séminaire de Québec"
            yield _SourceName(text[m.start() : then.end()], sent, m.start(), False, headed=True)
            continue
        before = text[: m.start()].rsplit(None, 1)  # its last word
        person = (word in surnames or bool(before) and before[-1] in titles) and not is_title_case(text)
        yield _SourceName(word, sent, m.start(), person)


@functools.cache
def _demonyms(src: str, tgt: str) -> PairLexicon:
    """The plain target words of each source demonym's translations (``Suédois`` → ``swede``,
    ``swedes``, ``swedish``), read by first two letters when asked."""
    return PairLexicon(_demonym_parts(src, tgt), lambda words: frozenset(words.split()))


@derived
def _demonym_parts(src: str, tgt: str) -> dict[str, str]:
    """``_demonyms``' lines by first two letters, each demonym's words separated by spaces."""
    return by_start({
        row[src]: " ".join(sorted({_plain(w) for f in (row[tgt], *row.get("alt", "").split("|")) for w in f.split()}))
        for row in pair_table(src, tgt, "demonyms")
    })


def _segment_memo(ctx: CheckContext, seg: Segment) -> dict:
    """What the name rules found of ``seg``, the segment they read now (one at a time): its
    capitalised target words (also as plain words) and its accounter, each found when first asked."""
    memo = ctx.shared("names.segment", lambda: [None, {}])  # the last segment and its memo
    if memo[0] is not seg:
        memo[:] = seg, {}
    return memo[1]


def _accounter(ctx: CheckContext, seg: Segment):
    """Whether a target word is accounted for by the segment's source: a source name, an exonym or
    transliteration of one, or a word sharing its first five letters with a source word
    (``Colombia``, ``colombienne``). Built once per segment."""
    memo = _segment_memo(ctx, seg)
    if "accounter" not in memo:
        memo["accounter"] = _new_accounter(ctx, seg)
    return memo["accounter"]


def _new_accounter(ctx: CheckContext, seg: Segment):
    known, accepted = exonyms(ctx.src_lang, ctx.tgt_lang), _accepted(ctx.src_lang, ctx.tgt_lang)
    source = seg.source_text
    names = _NAME_WORD.findall(source)
    rendered = {_plain(w) for s in names for f in accepted.get(s, (known.get(s, s),)) for w in f.split()}
    demonyms = _demonyms(ctx.src_lang, ctx.tgt_lang)
    rendered |= {w for s in names for w in demonyms.get(s, ())}
    stems = {_plain(w)[:5] for w in _LONG_WORD.findall(source)}

    def accounted(word: str) -> bool:
        plain = _plain(word)
        return plain in rendered or plain[:5] in stems or _present(ctx, word, source)

    return accounted


def _foreign_names(ctx: CheckContext, seg: Segment) -> list[tuple[Sentence, int, int]]:
    """Runs of capitalised words inside the target sentences that the source does not account for
    (``_accounter``: no word of the run is); titles, calendar and ordinary words are left out of
    the run."""
    if typography(ctx.tgt_lang).get("capitalises_nouns"):
        return []  # German copy capitalises every noun: a capital is no sign of a name
    ordinary = _target_ordinary(ctx.src_lang, ctx.tgt_lang)
    titles = _titles(ctx.src_lang, ctx.tgt_lang)[1]
    accounted = _accounter(ctx, seg)
    runs: list[tuple[Sentence, int, int]] = []
    for sent in seg.target:
        for run in _CAPITALISED_RUN.finditer(sent.text):
            words = [m for m in _NAME_WORD.finditer(run.group()) if not (m.group().isupper() or _ordinary(m.group(), ordinary))]
            if not words or any(accounted(m.group()) for m in words):
                continue  # "Lance Corporal Hawkins" with Hawkins in the source
            a, b = run.start() + words[0].start(), run.start() + words[-1].end()
            if _mid_sentence(sent.text, a, titles):
                runs.append((sent, a, b))
    return runs


def _swapped_word(ctx: CheckContext, seg: Segment, name: _SourceName, forms: set[str]) -> tuple[Sentence, int, int, bool] | None:
    """A capitalised target word in the place of one word of a name of several words, next to
    another word of it (``Jake Snowden`` for ``Edward Snowden``, ``Brown Vary`` for ``Karlovy
    Vary``), and whether the replaced word is nowhere in the translation. Not an ordinary word, a
    title, a transliteration of the replaced word (``Yulia`` for ``Ioulia``) or a word the source
    accounts for (``_accounter``; also a demonym: ``the Swede Zlatan`` for ``le Suédois Zlatan``).
    ``None`` when a form of the name is written in full, or for a target copy that capitalises
    nouns."""
    if len(name.text.split()) < 2 or typography(ctx.tgt_lang).get("capitalises_nouns"):
        return None
    target = _plain(seg.target_text)
    if any(_plain(f) in target for f in forms):
        return None
    tokens = [[_plain(t) for t in f.split()] for f in forms]
    ordinary = _target_ordinary(ctx.src_lang, ctx.tgt_lang)
    target_words = ctx.of_text(plain_letters, seg.target_text)
    articles = _articles(ctx.src_lang)
    first = name.text.split()[0]
    place = exonyms(ctx.src_lang, ctx.tgt_lang).get(first, first)
    if name.headed and place != first and _plain(first) not in target_words:  # "Dominica of Villepin"
        for sent in seg.target:
            if found := regex.search(rf"(?<!\p{{L}}){regex.escape(place)}(?!\p{{L}})", sent.text):
                return sent, found.start(), found.end(), True
    accounted = None
    for sent in seg.target:
        for run in _CAPITALISED_RUN.finditer(sent.text):
            words = list(_NAME_WORD.finditer(run.group()))
            for left, right in zip(words, words[1:]):
                for new, kept, step in ((left, right, -1), (right, left, 1)):
                    plain_new, plain_kept = _plain(new.group()), _plain(kept.group())
                    replaced = []  # the word at that place in the name, else one the translation lacks ("Bordeaux Moneybags")
                    for f in (f for f in tokens if plain_kept in f):
                        k = f.index(plain_kept) + step
                        replaced += [f[k]] if 0 <= k < len(f) else [t for t in f if t not in target_words and t not in articles]
                    if not replaced or any(plain_new in f for f in tokens):
                        continue
                    if new.group().isupper() or _ordinary(new.group(), ordinary):
                        continue
                    if any(_transliterations(ctx.src_lang, ctx.tgt_lang, r, name.person).fullmatch(plain_new) for r in replaced):
                        continue
                    accounted = accounted or _accounter(ctx, seg)
                    if not accounted(new.group()):
                        gone = not any(set(_LETTERS.findall(r)) <= target_words for r in replaced)
                        return sent, run.start() + new.start(), run.start() + new.end(), gone
    return None


@functools.lru_cache(maxsize=4096)
def _within(word: str, edits: int) -> regex.Pattern:
    return regex.compile(rf"(?:{regex.escape(word)}){{e<={edits}}}")


def _target_words(ctx: CheckContext, seg: Segment) -> tuple[list[tuple[Sentence, regex.Match]], set[str]]:
    """The capitalised words of the segment's target sentences, and their set."""
    memo = _segment_memo(ctx, seg)
    if "target words" not in memo:
        found = []
        for sent in seg.target:
            text = sent.text
            found += [(sent, m) for m in _NAME_WORDS.of(text).finditer(text)]
        memo["target words"] = found, {m.group() for _, m in found}
    return memo["target words"]


def _plain_names(text: str) -> frozenset[str]:
    """The capitalised words of a text, accent-free and in lowercase."""
    return frozenset(_plain(w) for w in _NAME_WORD.findall(text))


def _written(ctx: CheckContext, word: str) -> bool:
    """Whether the translation writes ``word`` with no letter touching it (searched once per
    document and word: a huge document repeats its names; a plain search, no pattern compiled
    per word). Within the document's bounds, a letter before them counts, one after them not."""

    def search() -> bool:
        text, end, size = ctx.target.text, ctx.target.bounds["endpos"], len(word)
        k = text.find(word, ctx.target.bounds["pos"], end)
        while k >= 0:
            if not (k and _LETTER.match(text, k - 1) or k + size < end and _LETTER.match(text, k + size)):
                return True
            k = text.find(word, k + 1, end)
        return False

    return ctx.shared(("written", word), search)


def _transposed(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped (``Obmaa`` for ``Obama``)."""
    diff = [k for k in range(len(a)) if len(a) == len(b) and a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _respelling(ctx: CheckContext, seg: Segment, name: _SourceName, forms: set[str]) -> tuple[Sentence, regex.Match, str] | None:
    """A target word that misspells a word of the name: one edit (two from six letters, or two
    neighbours swapped), same first letter, not in the source, no transliteration, no plural ``s``;
    an ordinary word (``Second`` for ``Seconde``) only inside a person's name whose other words
    are there (``François Holland``; also when the first of them starts the sentence). Or an accent dropped that the translation keeps elsewhere.
    ``None`` when one of the accepted forms is written exactly."""
    found, exact = _target_words(ctx, seg)
    if any(all(w in exact for w in f.split()) for f in forms):
        return None
    plain_words = ctx.of_text(plain_letters, seg.target_text)  # also after a stray full stop: ".François"
    source_words = ctx.of_text(_plain_names, seg.source_text)
    memo = _segment_memo(ctx, seg)
    if "readings" not in memo:  # each capitalised target word as written and plain, read once per segment
        memo["readings"] = [(sent, m, m.group(), _plain(m.group())) for sent, m in found]
    readings = memo["readings"]
    for form in sorted(forms):
        words = form.split()
        for word in (w for w in words if len(w) >= 4 and w not in exact):
            plain = _plain(word)
            runs = (words, name.run.split()) if form == name.text and name.run else (words,)  # '".François Hollande' too
            others_there = any(len(ws) > 1 and all(_plain(w) in plain_words for w in ws if w != word) for ws in runs)
            for sent, m, other, plain_other in readings:
                if plain_other == plain:
                    if strip_accents(word) == other and _written(ctx, word):
                        return sent, m, word  # "Francois" where the translation writes "François" elsewhere
                elif (
                    len(other) >= 4
                    and plain_other[0] == plain[0]
                    and plain_other not in source_words
                    and plain_other.rstrip("s") != plain.rstrip("s")
                    and (_within(plain, 1 if len(plain) <= 5 else 2).fullmatch(plain_other) or _transposed(plain, plain_other))
                    and not _transliterations(ctx.src_lang, ctx.tgt_lang, plain, name.person).fullmatch(plain_other)
                    and (name.person and others_there or not _ordinary(other, _target_ordinary(ctx.src_lang, ctx.tgt_lang)))
                ):
                    return sent, m, word
    return None


_LETTER_OR_DIGIT = patterns.compile(r"[\p{L}\p{N}]")


def _whole(name: str, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole word (no letter or digit touches it), left to
    right without overlaps, within ``text[pos:endpos]``: a plain search, no pattern compiled per
    name."""
    endpos = len(text) if endpos is None else endpos
    size, k = len(name), text.find(name, pos, endpos)
    while k >= 0:
        if not (k and _LETTER_OR_DIGIT.match(text, k - 1) or _LETTER_OR_DIGIT.match(text, k + size)):
            yield k
            k = text.find(name, k + max(size, 1), endpos)
        else:
            k = text.find(name, k + 1, endpos)


def _count(name: str, text: str) -> int:
    return sum(1 for _ in _whole(name, text))


def _elsewhere(ctx: CheckContext, seg: Segment, text: str) -> bool:
    """Whether the translation writes ``text`` as such outside the segment (it keeps that name)."""
    span = seg.target_span
    return any(not (span.start <= k < span.end) for k in _whole(text, ctx.target.text, **ctx.target.bounds))


def _problems(ctx: CheckContext) -> list[_Problem]:
    """Every source name that its aligned target segment drops, swaps for another name or respells
    (computed once per context: both name rules read them)."""
    return ctx.shared("names.problems", lambda: list(_analyse(ctx)))


def _analyse(ctx: CheckContext) -> Iterator[_Problem]:
    """The problems of ``_problems``: ``serious`` when the name is a person's, or for a respelled
    name, one the translation writes as such elsewhere (a swapped place may be a translation of it:
    ``Sainte-Croix`` → ``Holy Cross``, also where a paragraph left in French keeps it)."""
    known, accepted = exonyms(ctx.src_lang, ctx.tgt_lang), _accepted(ctx.src_lang, ctx.tgt_lang)
    # Swaps and respellings are warnings only for pairs measured for them (``resources.measured``):
    # elsewhere translated institutions (``Guardia`` → ``Guard``) look like respelled names.
    warn_swaps = measured(ctx.src_lang, ctx.tgt_lang, "name-mismatch")
    source_text = "\n".join(p.text for p in ctx.source.paragraphs) if ctx.source else ""
    surnames = _surnames(ctx, source_text)
    source_count = functools.cache(lambda word: _count(word, source_text))  # once per word, not per segment
    runs = not typography(ctx.tgt_lang).get("capitalises_nouns")  # ``_new_in_run``: German copy capitalises every noun
    for seg in ctx.aligned():
        target, missing, fewer, seen, first_only, problems = seg.target_text, [], [], set(), set(), []
        plain_target = exact = None  # the target's plain text and capitalised words: read when a name asks
        for sent in seg.source:
            for name in _source_names(ctx, sent, surnames):
                if name.text in seen:
                    if name.text == known.get(name.text, name.text) and _count(name.text, target) < _count(name.text, seg.source_text):
                        fewer.append((name, name.text))  # "Gaza … Gaza" in the source, one "Gaza" in the translation
                    continue
                seen.add(name.text)
                if exact is None:
                    exact = _target_words(ctx, seg)[1]
                if name.text in exact and name.text.isascii():
                    continue  # most names: one word written as such (so in the plain text too), neither swapped nor respelled
                if plain_target is None:
                    plain_target = _plain(target)
                expected = known.get(name.text, name.text)
                forms = {name.text, *accepted.get(name.text, (expected,))}
                written = any(_plain(f) in plain_target for f in forms)  # in full: present, whatever the name
                if written and len(name.text.split()) < 2 and any(all(w in exact for w in f.split()) for f in forms):
                    continue  # one word, a form written as such: present, neither swapped nor respelled
                # a first name alone is no name present, unless the source uses that word alone too ("M. Xi")
                given = not written and name.person and source_count(name.text.split()[0]) <= source_count(name.text)
                if written or _any_present(ctx, forms, target, every=name.whole, person=given, last=name.headed):
                    if not written and (swap := _swapped_word(ctx, seg, name, forms)):  # a form written in full: no swap
                        sent_t, a, b, gone = swap  # the replaced word elsewhere: perhaps a source slip put right
                        serious = warn_swaps and name.person and gone
                        problems.append(_Problem("swapped", name, seg, expected, serious, sent_t.file_span(a, b), sent_t.text[a:b]))
                    elif respelled := _respelling(ctx, seg, name, forms):
                        sent_t, m, word = respelled
                        respelled_only = _plain(m.group()) != _plain(word)  # not just an accent dropped
                        serious = warn_swaps and (name.person or respelled_only and expected == name.text and _elsewhere(ctx, seg, word))
                        problems.append(_Problem("respelled", name, seg, word, serious, sent_t.file_span(m.start(), m.end()), m.group()))
                elif not _translated(name.text, target, ctx.src_lang, ctx.tgt_lang):
                    missing.append((name, expected))
                    if given and _any_present(ctx, forms, target):
                        first_only.add(name.text)  # "Exxon" for "Exxon Mobil" may be right: a suggestion
        fewer = [f for f in fewer if f[0].text not in {name.text for name, _ in missing}]
        foreign = _foreign_names(ctx, seg) if missing or fewer else []
        for name, expected in missing + fewer:
            # the other name most like it: as many words ("Yves Bergeron" ↔ "Mario Draghi", not "Chairperson")
            other = min(foreign, key=lambda f: abs(len(f[0].text[f[1] : f[2]].split()) - len(name.text.split())), default=None)
            if other is None:
                dropped = (name, expected) in missing  # else a name the source repeats more often: a suggestion
                # unmeasured pairs: a new capitalised word may be the name translated (Partido Laborista → Labour Party)
                serious = name.person and dropped and (warn_swaps or not _has_new_name(ctx, seg, ctx.tgt_lang))
                serious = serious and name.text not in first_only and not _in_paragraph(seg, name, expected)
                problems.append(_Problem("dropped" if dropped else "fewer", name, seg, expected, serious))
            else:
                foreign.remove(other)
                sent_t, a, b = other
                serious = warn_swaps and name.person and name.text not in first_only
                problems.append(_Problem("swapped", name, seg, expected, serious, sent_t.file_span(a, b), sent_t.text[a:b]))
        yield from problems
        if runs:
            yield from _new_in_run(ctx, seg, [p.target for p in problems if p.target is not None])


# What joins two capitalised words of a name: a space, a particle between spaces, an elision.
_JOINERS = frozenset(
    [*" \u00a0"]
    + [a + particle + b for a in " \u00a0" for particle in ("of", "de", "du", "des", "del", "di", "da", "von", "van") for b in " \u00a0"]
    + [a + "d" + quote for a in " \u00a0" for quote in "'’"]
)


def _joined_runs(found: list[tuple[Sentence, regex.Match]]) -> Iterator[tuple[Sentence, list[regex.Match]]]:
    """Capitalised words in a row, particles between them included (``Théâtre du Châtelet``): the
    runs of two words or more of ``found`` (``_target_words``), each with its sentence."""
    words, last = [], None
    for sent, m in found:
        if words and sent is last and sent.text[words[-1].end() : m.start()] in _JOINERS:
            words.append(m)
            continue
        if len(words) > 1:
            yield last, words
        words, last = [m], sent
    if len(words) > 1:
        yield last, words


@functools.cache
def _articles(lang: str) -> frozenset[str]:
    """Articles and function words of the language, accent-free: never a word of a name."""
    return frozenset({_plain(a) for a in word_list(lang, "name_articles")} | stopwords(lang))


@functools.lru_cache(maxsize=_WORDS_KEPT)
def _novel(src: str, tgt: str, word: str) -> bool:
    """Whether a capitalised target word may be new in a run: no acronym, title or ordinary word."""
    return not (word.isupper() or word in _titles(src, tgt)[1] or _ordinary(word, _target_ordinary(src, tgt)))


def _new_in_run(ctx: CheckContext, seg: Segment, taken: list[Span]) -> Iterator[_Problem]:
    """A capitalised target word that the source does not account for, inside a name whose other
    words the source has, where the source has a capitalised word the translation lacks next to
    them (``Hezbollah National`` for ``Comité national``, ``Vettel du Châtelet`` for ``Théâtre du
    Châtelet``): a suggestion, that source name as the expected one. Not an article
    (``France Unbowed`` for ``La France insoumise`` is a translation), nor a transliteration of
    the source word (``Yulia`` for ``Ioulia``), nor for a target copy that capitalises nouns
    (the caller's test)."""
    source_text = plain_source = source_words = None  # the segment's source text, plain text and words: read when needed
    src, tgt = ctx.src_lang, ctx.tgt_lang
    articles, titles = _articles(src), _titles(src, tgt)[1]
    accounted = None
    for sent, words in _joined_runs(_target_words(ctx, seg)[0]):
        new = [w for w in words if _novel(src, tgt, w.group())]
        if not new:
            continue
        if source_text is None:
            source_text = seg.source_text
            lower_source = source_text.lower()
        # an ASCII word written in the source, in any case, is in its plain text too: the source accounts for it
        rest = [w for w in new if not ((g := w.group()).isascii() and (g in source_text or g.lower() in lower_source))]
        if rest and plain_source is None:
            plain_source = _plain(source_text)
        if all(_plain(w.group()) in plain_source for w in rest):
            continue  # "White House", "David Cameron": no word the source does not account for
        if source_words is None:
            source_words = ctx.of_text(plain_letters, seg.source_text)
        kept = {p for w in words if len(w.group()) > 2 and (p := _plain(w.group())) in source_words} - articles
        if not kept:
            continue
        # a word the source has is accounted for: the accounter reads only the others
        new = [w for w in new if _plain(w.group()) not in source_words]
        if new:
            accounted = accounted or _accounter(ctx, seg)
            new = [w for w in new if not accounted(w.group())]
        if len(new) != 1:
            continue
        a, b = new[0].start(), new[0].end()
        span = sent.file_span(a, b)
        if not _mid_sentence(sent.text, a, titles) or any(t.start < span.end and span.start < t.end for t in taken):
            continue
        target_words = ctx.of_text(plain_letters, seg.target_text)
        for src in seg.source:
            if found := _replaced_beside(src, kept, target_words, articles):
                i, j, word = found
                if _transliterations(ctx.src_lang, ctx.tgt_lang, _plain(word), True).fullmatch(_plain(new[0].group())):
                    return  # "Yulia" for "Ioulia"
                name = _SourceName(src.text[i:j], src, i, False)
                yield _Problem("swapped", name, seg, name.text, False, span, new[0].group())
                return


def _replaced_beside(src: Sentence, kept: set[str], target_words: set[str], articles: set[str]) -> tuple[int, int, str] | None:
    """A capitalised source word that the translation lacks, next to a word of ``kept`` or one
    particle away (``Théâtre du Châtelet``): the span of both and that word."""
    tokens = list(_TOKEN.finditer(src.text))
    for i, t in enumerate(tokens):
        if _plain(t.group()) not in kept:
            continue
        for j in (i - 1, i + 1, i - 2, i + 2):
            if not 0 <= j < len(tokens) or abs(j - i) == 2 and _plain(tokens[(i + j) // 2].group()) not in articles:
                continue
            word = tokens[j].group()
            if word[0].isupper() and _plain(word) not in target_words and _plain(word) not in articles:
                first, last = sorted((t, tokens[j]), key=lambda m: m.start())
                return first.start(), last.end(), word
    return None


def _in_paragraph(seg: Segment, name: _SourceName, expected: str) -> bool:
    """Whether the target paragraph of the segment gives the name as often as the source paragraph
    (in another sentence: sentences split otherwise than the source's, ``…in the water!'" Hammel
    added.``; not ``Borne`` dropped from one of two sentences that name her)."""
    source = " ".join(dict.fromkeys(s.paragraph.text for s in seg.source))
    target = " ".join(dict.fromkeys(s.paragraph.text for s in seg.target))
    return _count(name.text.split()[-1], source) <= max(_count(f.split()[-1], target) for f in {name.text, expected})


class MissingName(Rule):
    """A person's or place's name in the source that the aligned translation does not contain.

    Flags: ``Jens Stoltenberg`` in the source and neither it nor ``Stoltenberg`` in the
    translation; ``Pékin`` in the source and no ``Beijing`` in the translation; a single
    capitalised word inside a source sentence that is no ordinary word (``Borne``).
    The finding carries the source name and the whole target segment. A missing person's name
    (a full name, or a surname after a title or given in full elsewhere in the source) is a
    warning; another name only a suggestion, since translations often render a place as an
    adjective (``la France`` → ``French``). A name the source repeats in the segment and the
    translation gives fewer times is a suggestion too, and so is a person's first name left alone
    (``Jhonathan`` for ``Jhonathan Florez``: the surname dropped; but ``Exxon`` for ``Exxon
    Mobil`` is right, and no list tells first names; none where the source document uses that
    word alone too: ``M. Xi``), and so is a name that the target paragraph gives as often as the
    source paragraph (in another sentence: sentences split otherwise than the source's). A name with a particle is there only with its last word
    (``Villiers`` of ``Gérard de Villiers``; ``General`` alone is no ``General du Texas``). When the translation names someone else
    instead, ``name-mismatch`` reports it.
    Leaves alone: transliteration differences (``Mikhaïl Michoustine`` ↔ ``Mikhail Mishustin``),
    names mapped through the exonym table (``Moscou`` ↔ ``Moscow``), a surname used alone,
    the first word of a sentence, demonyms (``les Européens``), capitalised ordinary words
    (``l'Etat``, ``la Bourse``, ``Ancien Régime``) and institutions whose names are translated
    word by word. Only a suggestion: every name of a source language that capitalises all nouns
    (German ``Kläger Pech``; no single capitalised word counts there), a run of ordinary words of
    a language that capitalises titles (English ``City Council``), any name of a Title Case
    headline.
    """

    id = "missing-name"
    category = "accuracy/name"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for problem in _problems(ctx):
            if problem.kind not in ("dropped", "fewer"):
                continue
            name, expected = problem.name, problem.expected
            seg = problem.segment
            yield self.finding(
                f"Name “{name.text}” of the source is not in the translation"
                + (f" (expected “{expected}”)." if expected != name.text else ".")
                if problem.kind == "dropped"
                else f"The source names “{name.text}” {_count(name.text, seg.source_text)} times, the translation "
                f"{_count(name.text, seg.target_text)}.",
                source=name.span,
                target=problem.segment.target_span,
                segment=problem.segment,
                suggestion=expected if expected != name.text else None,
                severity=None if problem.serious else Severity.INFO,
            )


class NameMismatch(Rule):
    """A name of the translation that replaces or misspells the source's: ``Macron`` for ``Philippe``.

    Flags: a source name missing from its aligned translation while a capitalised name of that
    translation is absent from the source (“Macron” is not in the source; the source names
    “Édouard Philippe”); a word of a name of several words replaced, next to another word of it
    (``Jake Snowden`` for ``Edward Snowden``, ``Brown Vary`` for ``Karlovy Vary``; only a
    suggestion where the translation keeps the replaced word elsewhere: ``Daisy Buchanan`` for
    the source's slip ``Daisy Mulligan`` beside ``Carey Mulligan``); the first word of a name
    with a particle rendered as the place it also names (``Dominica of Villepin`` for
    ``Dominique de Villepin``: a suggestion); a near miss of a source name (``François Holland`` for ``François
    Hollande``: one edit, two from six letters, or two neighbouring letters swapped; same first
    letter), with the source spelling as suggestion; a dropped accent (``Francois``) where the
    translation writes the name with it elsewhere. A warning for a person's name, and for another
    name respelled where the translation writes it as such elsewhere; otherwise a suggestion
    (places are often translated: ``Sainte-Croix`` → ``Holy Cross``). Warnings only for pairs
    measured for them (``[measured] warn`` in ``data/<pair>/pair.toml``: fr→en);
    elsewhere translated institutions look like swaps (``Guardia`` → ``Guard``): suggestions.
    Leaves alone: exonyms (``Londres`` → ``London``), transliterations and translated place
    names (``Moubarak`` ↔ ``Mubarak``, ``Poutine`` ↔ ``Putin``, ``Asie`` ↔ ``Asia``:
    ``data/<pair>/transliteration.tsv``), a plural ``s``, titles, weekdays, months, demonyms and
    ordinary words that are capitalised (``Seconde Guerre`` → ``Second World War``), words at a
    sentence start, acronyms, accents dropped throughout the translation; next to a name, a
    transliteration of the word it replaces (``Yulia`` for ``Ioulia``), a demonym the source has
    (``the Swede Zlatan Ibrahimovic``) or a title (``Brother Kennedy``).
    """

    id = "name-mismatch"
    category = "accuracy/name"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for problem in _problems(ctx):
            if problem.kind == "swapped":
                message = f"“{problem.found}” is not in the source; the source names “{problem.name.text}”."
            elif problem.kind == "respelled":
                message = f"“{problem.found}” misspells the source's name “{problem.expected}”."
            else:
                continue
            yield self.finding(
                message,
                source=problem.name.span,
                target=problem.target,
                segment=problem.segment,
                suggestion=problem.expected,
                severity=None if problem.serious else Severity.INFO,
            )


class SourceExonym(Rule):
    """A place name left in its source-language form: ``Pékin``, ``Moscou``, ``Kiev``.

    Flags: a word of the pair's exonym table written in English copy (``Pékin`` → ``Beijing``).
    Leaves alone: forms that are also English names (``Paris``, ``Nice``), first names that
    double as French country names (``Maurice``, ``Dominique``), parts of longer names
    (``El Salvador``, ``Albert Londres``, ``Credit Suisse``), a form right after a source-language
    function word (the French title "Le Chemin de Damas"), and lowercase words. An error only
    for pairs measured for it (``[measured] warn`` in ``data/<pair>/pair.toml``); elsewhere a
    suggestion with no automatic fix (Spanish copy also writes ``Beijing``).
    """

    id = "source-exonym"
    category = "accuracy/name"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pattern, forms, literals = _exonym_pattern(ctx.src_lang, ctx.tgt_lang)
        if pattern is None:
            return
        # the forms each paragraph may hold (one pass over the text): most documents hold none
        holding = {id(p): held for p, _, held in each_held(ctx.target.paragraphs, lambda p: p.text, literals) if held}
        if not holding:
            return
        french_words = stopwords(ctx.src_lang) - stopwords(ctx.tgt_lang)
        # measured pairs only (``[measured] warn``): French or Spanish copy keeps English names of bodies ("London Stock Exchange")
        certain = measured(ctx.src_lang, ctx.tgt_lang, "source-exonym")
        for seg, sent in ctx.target_sentences():
            held, text = holding.get(id(sent.paragraph)), sent.text
            if held is None or not any(_stands(form, text) for form in held if form in text):
                continue
            for m in pattern.finditer(text):
                english = forms[m.group()]
                if _inside(english, text, m) or _in_name_run(text, m):
                    continue  # "Salvador" inside "El Salvador", "Londres" in "Albert Londres"
                before = regex.search(r"(\p{L}+)[ \u00a0]+$", text[: m.start()])
                if before and before.group(1).lower() in french_words:
                    continue  # inside source-language words: a title such as "Le Chemin de Damas"
                yield self.finding(
                    f"“{m.group()}” is the source-language form; the translation writes “{english}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=english,
                    fix=english if certain else None,
                    severity=None if certain else Severity.INFO,
                )
