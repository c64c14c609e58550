"""Text of the translation that is still in the source language."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import regex

from mtcheck import langid, patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.literals import any_of, each_held
from mtcheck.checks.words import Twin, letter_words, lowered, tokens
from mtcheck.lexicon import Lexicon, lexicon, normalise
from mtcheck.model import Finding, Paragraph, Segment, Sentence, Severity
from mtcheck.resources import Phrases, stopwords, word_list
from mtcheck.typography import glossed_quotations

_TOKEN = Twin(patterns.compile(r"\p{L}+(?:['’](?=\p{L}))?"), r"[A-Za-z]+(?:['’](?=[A-Za-z]))?")


@functools.cache
def _kept_names(pair: str) -> Phrases | None:
    return Phrases(word_list(pair, "keep_source"), r"\p{L}", regex) or None


@functools.cache
def _holds_kept_name(pair: str) -> Callable[[str], bool]:
    """Whether a text holds one of the names the copy keeps anywhere (most sentences hold none)."""
    return any_of(word_list(pair, "keep_source"))


@functools.lru_cache(maxsize=4096)
def _kept_spans(text: str, pair: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds names the copy keeps (found once for ``_without_kept_names`` and ``blank_kept``)."""
    pattern = _kept_names(pair) if _holds_kept_name(pair)(text) else None
    return tuple(m.span() for m in pattern.finditer(text)) if pattern else ()


@functools.lru_cache(maxsize=1024)  # three rules read each sentence without them
def _without_kept_names(text: str, pair: str) -> str:
    spans = _kept_spans(text, pair)
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out += (text[last:start], " ")
        last = end
    return "".join(out) + text[last:]


def _without_glossed(text: str) -> str:
    """``text`` with quotations followed by their translation in brackets blanked, offsets unchanged."""
    for start, end in glossed_quotations(text) if "(" in text else ():
        text = text[:start] + " " * (end - start) + text[end:]
    return text


class UntranslatedSentence(Rule):
    """A sentence of the translation still written in the source language, or copied from it.

    Flags: ``Ce ne sera pas une paix juste et durable.`` in English copy; a target sentence
    identical to its source sentence.
    Leaves alone: French names and titles kept in English copy (``Les Bleus``, ``Salle des
    États``, ``Santé publique France``), short sentences that are only names or numbers, a
    sentence both sides quote in a third language (``Il faut bien le faire.`` in Italian and
    English), and words the two languages share (``No, no, no.`` in English and Spanish).
    """

    id = "untranslated"
    category = "accuracy/untranslated"
    severity = Severity.ERROR

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = (ctx.src_lang, ctx.tgt_lang)
        touched = _touched(ctx)
        for seg, sent in ctx.target_sentences():
            original = sent.text
            text = _without_kept_names(original, ctx.pair) if sent.paragraph in touched else original
            if langid.is_language(text, ctx.src_lang, pair):
                message = "Sentence is still in the source language."
            elif _identical(seg, original) and _source_words(text, ctx) >= 2 and _source_leads(text, pair):
                message = "Sentence is identical to its source."
            else:
                continue
            yield self.finding(message, target=sent.span, segment=seg)


_FIRST = patterns.compile_re(r"\S+")  # ``\s`` is ``str.isspace``: the first word ``str.split`` gives


def _identical(seg, text: str) -> bool:
    """Whether the sentence is its segment's source, spacing aside (most differ in their first
    word: the source's other sentences are not read then)."""
    if not seg.source:
        return False
    first = _FIRST.search(seg.source[0].text)
    if first is not None and ((word := _FIRST.search(text)) is None or word.group() != first.group()):
        return False
    return seg.source_text.split() == text.split()


def _source_leads(text: str, pair: tuple[str, str]) -> bool:
    """Whether no language has more of ``text``'s function words than the source language (``pair[0]``)."""
    scores = langid.language_scores(text, pair)
    return bool(scores) and scores.get(pair[0], 0.0) >= max(scores.values())


def _source_words(text: str, ctx: CheckContext) -> int:
    words = _TOKEN.lowered(text, lowered)
    source = langid.function_words(ctx.src_lang, (ctx.src_lang, ctx.tgt_lang))  # not "no" between English and Spanish
    return sum(w in source and w not in stopwords(ctx.tgt_lang) for w in words)


class UntranslatedSpan(Rule):
    """A run of source-language words inside an otherwise translated sentence.

    Flags: ``He said that la situation est très grave in Kyiv.`` — five or more words in a row,
    three of them source-language function words and none a target-language one.
    Leaves alone: French names kept in English (``Santé publique France``), single French
    words used in English (``laïcité``, ``banlieue``), and whole French sentences (the
    ``untranslated`` rule reports those).
    """

    id = "untranslated-span"
    category = "accuracy/untranslated"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = (ctx.src_lang, ctx.tgt_lang)
        src_stop, tgt_stop = langid.function_words(ctx.src_lang, pair), stopwords(ctx.tgt_lang)
        touched = _touched(ctx)
        for seg, sent in ctx.target_sentences():
            text = sent.text
            if sent.paragraph in touched:
                text = _without_kept_names(text, ctx.pair)
            if langid.is_language(text, ctx.src_lang, pair):
                continue
            for start, end in _source_runs(_without_glossed(text), src_stop, tgt_stop):
                yield self.finding(
                    "These words are still in the source language.",
                    target=sent.file_span(start, end),
                    segment=seg,
                )


@functools.lru_cache(maxsize=16)
def _source_only(src_stop: frozenset[str], tgt_stop: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The source's function words the target lacks, and those words each also with an apostrophe."""
    only = src_stop - tgt_stop
    return only, only | {w + "'" for w in only}


def _source_runs(text: str, src_stop: frozenset[str], tgt_stop: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Runs of five words or more outside the target's function words, three of them the
    source's (none in a text with fewer than three source-only function words)."""
    source_only, either = _source_only(src_stop, tgt_stop)
    # ``_TOKEN`` keeps a word's apostrophe only before a letter; the shared ``tokens`` keep it always,
    # so they count at least as many words of ``either``: fewer than three there, fewer here too
    if sum(map(either.__contains__, tokens(text))) < 3 or sum(map(source_only.__contains__, _TOKEN.lowered(text, lowered))) < 3:
        return
    tokens_of = _TOKEN.of(text)
    run: list[regex.Match] = []
    for m in [*tokens_of.finditer(text), None]:
        word = m.group().lower().replace("’", "'") if m else ""
        if m is not None and word not in tgt_stop and not (m.group()[0].isupper() and word not in src_stop):
            run.append(m)
            continue
        hits = sum(r.group().lower().replace("’", "'") in src_stop for r in run)
        if len(run) >= 5 and hits >= 3:
            yield run[0].start(), run[-1].end()
        run = []


_WORD = patterns.compile(r"\p{L}+")
_LETTER_RUNS = Twin(_WORD, r"[A-Za-z]+")
RARE_SOURCE_ZIPF = 1.0  # a word of the aligned source this frequent that the target language lacks
_ELIDED = patterns.compile(r"['’]\p{L}+")
_SKIP_BEFORE = frozenset("#@/\\_.0123456789")  # hashtags, handles, paths, file names, 5km
_MARKUP = patterns.compile(r"(?:\p{L}+://|www\.)\S+|[\w.+-]+@[\w-]+\.\S+|[#@][\p{L}\p{N}_-]+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu)\b")
_MARKUP_HINTS = ("/", "@", "#", "www.", ".com", ".org", ".net", ".gov", ".edu")  # weather.com
_QUOTED = patterns.compile(r"[\"“«‘*_][^\"“”«»‘’*_\n]{1,60}?[\"”»’*_]|(?<!\p{L})'[^'\n]{1,60}?'(?!\p{L})")


@functools.cache
def _loanwords(lang: str) -> dict[str, tuple[str, ...]]:
    """The language's words of foreign origin (``data/<lang>/loanwords.txt``) by first word,
    longest first (matched without a regular expression: compiling one per run costs more)."""
    table: dict[str, list[str]] = {}
    for phrase in sorted(word_list(lang, "loanwords"), key=len, reverse=True):
        table.setdefault(_WORD.match(phrase).group(), []).append(phrase)
    return {k: tuple(v) for k, v in table.items()}


@functools.cache
def _holds_loanword(lang: str) -> Callable[[str], bool]:
    """Whether a text (apostrophes straight) holds one of the language's loanwords anywhere."""
    return any_of(word_list(lang, "loanwords"))


@functools.lru_cache(maxsize=4096)
def blank_kept(text: str, pair: str) -> str:
    """``text`` with URLs, hashtags, handles, kept names, loanwords and quotations glossed in
    brackets blanked, offsets unchanged."""
    original = text
    if any(hint in text for hint in _MARKUP_HINTS):
        text = _MARKUP.sub(_blank, text)
    text = _without_glossed(text)
    if text == original:  # the names ``_without_kept_names`` found
        for start, end in _kept_spans(text, pair):
            text = text[:start] + " " * (end - start) + text[end:]
    elif (kept := _kept_names(pair)) is not None:
        text = kept.sub(_blank, text)
    tgt = pair.split("-", 1)[1]
    loanwords = _loanwords(tgt) if _holds_loanword(tgt)(text.replace("’", "'")) else {}
    for m in _WORD.finditer(text) if loanwords else ():
        for phrase in loanwords.get(m.group(), ()):
            end = m.start() + len(phrase)
            if text[m.start() : end].replace("’", "'") == phrase and not text[end : end + 1].isalpha():
                text = text[: m.start()] + " " * len(phrase) + text[end:]
                break
    return text


@functools.cache
def _blanking_literals(pair: str) -> tuple[str, ...]:
    """Strings one of which a text holds whenever ``blank_kept`` or ``_without_kept_names`` changes
    it: the markup hints, a bracket (glossed quotations), the names the copy keeps and each
    loanword's longest part without an apostrophe (loanwords are found with straight apostrophes)."""
    loanwords = (max(w.split("'"), key=len) for w in word_list(pair.split("-", 1)[1], "loanwords"))
    return tuple(dict.fromkeys([*_MARKUP_HINTS, "(", *word_list(pair, "keep_source"), *loanwords]))


def _touched(ctx: CheckContext) -> frozenset[Paragraph]:
    """The target paragraphs that hold one of ``_blanking_literals``: only their sentences can change
    through ``blank_kept`` or ``_without_kept_names`` (one Aho–Corasick pass per chunk of paragraphs;
    a paragraph's sentences are parts of its text)."""

    def compute() -> frozenset[Paragraph]:
        literals = _blanking_literals(ctx.pair)
        paragraphs = list(dict.fromkeys(sent.paragraph for _, sent in ctx.target_sentences()))
        return frozenset(p for p, _, found in each_held(paragraphs, lambda p: p.text, literals) if found)

    return ctx.shared("untranslated.touched", compute)


def blanked_sentences(ctx: CheckContext) -> Iterator[tuple[Segment, Sentence, str]]:
    """Each target sentence with its segment and its text through ``blank_kept`` (untranslated-word and spelling read them)."""
    touched = _touched(ctx)
    for seg, sent in ctx.target_sentences():
        yield seg, sent, blank_kept(sent.text, ctx.pair) if sent.paragraph in touched else sent.text


def _blank(m: regex.Match) -> str:
    return " " * len(m.group())


def _blank_quoted_terms(text: str, leaning: Callable[[str], bool]) -> str:
    """``text`` with short quoted or italic terms blanked when all their words are source-language
    (``the “projet de loi” (bill)``); quoted speech (``"very déçu"``) stays."""
    for m in _QUOTED.finditer(text):
        words = _WORD.findall(m.group())
        if 0 < len(words) <= 6 and all(w[0].isupper() or leaning(normalise(w)) for w in words):
            text = text[: m.start()] + _blank(m) + text[m.end() :]
    return text


def plain_words(text: str) -> Iterator[regex.Match]:
    """Lowercase-initial letter runs that are not part of a path, file name or number."""
    for m in _LETTER_RUNS.of(text).finditer(text):
        if m.group()[0].islower() and text[m.start() - 1 : m.start()] not in _SKIP_BEFORE and not text[m.end() : m.end() + 1].isdigit():
            yield m


def _name_tails(text: str, source: str, leaning: Callable[[str], bool]) -> set[int]:
    """Starts of lowercase source-language words that continue a capitalised source-language
    name (``Assemblée nationale``, ``Parti socialiste``) written so in the source, if any."""
    tails: set[int] = set()
    source = " ".join(source.split())
    head = previous = None
    run: list[regex.Match] = []
    for m in [*_LETTER_RUNS.of(text).finditer(text), None]:
        if m is not None and head is not None and _adjacent(text, previous, m) and m.group()[0].islower() and leaning(normalise(m.group())):
            run.append(m)
        else:
            if run and (not source or " ".join(text[head.start() : run[-1].end()].split()) in source):
                tails |= {r.start() for r in run}
            run = []
            head = m if m is not None and m.group()[0].isupper() and leaning(normalise(m.group())) else None
        previous = m
    return tails


_OPENING = patterns.compile(r"[\s\"“‘'«(\[—–-]*")


def _initial(text: str) -> regex.Match | None:
    """The sentence's first word when only its first letter is a capital (``Attaqué by…``)."""
    m = _LETTER_RUNS.of(text).search(text)
    if m is None or not m.group()[0].isupper() or not m.group()[1:].islower() or m.start() and not _OPENING.fullmatch(text, 0, m.start()):
        return None
    return m


def _fold(word: str) -> str:
    """``word`` without its accents (intubées → intubees)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _inflections(words: Iterable[str]) -> Callable[[str], bool]:
    """Whether a word is in ``words`` or shares a long stem with one (défend ↔ défendre)."""
    exact = set(words)
    stems = {w[: max(4, len(w) - 3)] for w in exact if len(w) >= 4}
    return lambda w: w in exact or any(w[:k] in stems for k in range(4, len(w) + 1))


class UntranslatedWord(Rule):
    """A word or a few words left in the source language inside a translated sentence.

    A word counts as source-language when it is frequent in the source language and rare in
    the target language (word frequencies of the ``wordfreq`` package, any language it
    covers); a word that is also in the aligned source sentence, or an inflection of one,
    needs less evidence, and a rare one the target language has never seen is enough when
    the source language's spelling dictionary has it or its letters are not ASCII
    (``giboyeux``, ``défaisance``; not a Latin term such as ``genitalis``). Neighbouring source-language words, and source function words
    between them, make one finding.
    Flags: ``the projet de loi was adopted``, ``The coach défend his choices``, ``It was a
    véritable success``; at a sentence start, a word of the source-language dictionary that
    English has never seen, when the source has it and it is not rare there (``Attaqué by the
    Liberals``, not the name ``Menga``); a source word
    with its accents dropped (``intubees`` for the source's ``intubées``).
    Leaves alone: English words of French origin (``café``, ``rapprochement``, ``coup
    d'état``, ``déjà vu``, ``laissez-faire``, ``entente``: ``data/<tgt>/loanwords.txt``),
    names and titles the copy keeps (``Les Bleus``, ``Le Monde``, any capitalised word and the
    lowercase words that continue it as in the source, ``Assemblée nationale``;
    ``data/<src>-<tgt>/keep_source.txt``), short quoted or italic source-language terms
    (``the “projet de loi” (bill)``; quoted speech is checked), hashtags, URLs, domain names (``weather.com``) and
    code, a source function word on its own (``de``, ``la``), whole sentences and long runs
    (the ``untranslated`` and ``untranslated-span`` rules report those).
    """

    id = "untranslated-word"
    category = "accuracy/untranslated"
    severity = Severity.WARNING

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        src_lex, tgt_lex = lexicon(ctx.src_lang), lexicon(ctx.tgt_lang)
        if src_lex is None or tgt_lex is None or ctx.src_lang == ctx.tgt_lang:
            return
        src_stop, tgt_stop = stopwords(ctx.src_lang), stopwords(ctx.tgt_lang)
        sentences = list(blanked_sentences(ctx))
        every = set().union(*(ctx.of_text(letter_words, text) for _, _, text in sentences))
        leaning = lambda w: src_lex.zipf(w) >= tgt_lex.zipf(w) + 1.0 or w in src_stop and w not in tgt_stop  # noqa: E731
        unseen = lambda w: tgt_lex.zipf(w) == 0 and not tgt_lex.known(w)  # noqa: E731
        # the words that pass the tests below: a sentence without any is skipped unread
        foreign, never_seen = _candidates(every, src_lex, tgt_lex)
        unseen_ascii = {w for w in never_seen if w.isascii()}
        for seg, sent, text in sentences:
            held = ctx.of_text(letter_words, text)
            initial = None if never_seen.isdisjoint(held) else _initial(text)  # its word is one of ``held``
            if initial is not None and not (src_lex.known(normalise(initial.group())) and unseen(normalise(initial.group()))):
                initial = None
            if initial is None and not _may_flag(ctx, seg, text, held, foreign, unseen_ascii):
                continue  # nothing could be flagged even with source evidence
            if langid.is_language(_without_kept_names(sent.text, ctx.pair), ctx.src_lang, (ctx.src_lang, ctx.tgt_lang)):
                continue
            for start, end in _source_runs(text, src_stop, tgt_stop):
                text = text[:start] + " " * (end - start) + text[end:]
            text = _blank_quoted_terms(text, leaning)
            tails = _name_tails(text, seg.source_text if seg.source else "", leaning)
            words = [(m, normalise(m.group())) for m in plain_words(text) if m.start() not in tails]
            if initial is not None and initial.start() not in tails:
                words.insert(0, (initial, normalise(initial.group())))
            src_words = [normalise(w) for w in _WORD.findall(seg.source_text)] if seg.source else []
            in_source = _inflections(src_words)
            unaccented = {_fold(w): w for w in src_words if not w.isascii()}

            def hit(m: regex.Match, w: str) -> bool:
                if w in src_stop:
                    return False
                if m is initial:  # Attaqué by the Liberals: a frequent dictionary word of the source
                    return in_source(w) and src_lex.zipf(w) >= 2.0
                if self._foreign(w, src_lex, tgt_lex, in_source):
                    return True
                accented = unaccented.get(w)  # intubees: the source's intubées, accents dropped
                return accented is not None and unseen(w) and unseen(accented)

            hits = [hit(m, w) for m, w in words]
            for first, last in _runs(words, hits, src_stop, tgt_stop, text):
                start, end = words[first][0].start(), words[last][0].end()
                elided = _ELIDED.match(text, end)  # aujourd'hui
                end = elided.end() if elided else end
                shown = sent.text[start:end]
                where = "; the source has it" if any(in_source(w) or w in unaccented for _, w in words[first : last + 1]) else ""
                yield self.finding(
                    f"“{shown}” is left in the source language{where}.",
                    target=sent.file_span(start, end),
                    segment=seg,
                )

    @staticmethod
    def _foreign(word: str, src: Lexicon, tgt: Lexicon, in_source: Callable[[str], bool]) -> bool:
        """Whether ``word`` is source-language: Zipf frequencies far apart, less so when the
        aligned source has the word (measured with ``bench/words.py`` and ``bench/precision.py``)."""
        s, t = src.zipf(word), tgt.zipf(word)
        if in_source(word):  # a rare source word English has never seen (giboyeux, chemineau)
            return s >= 2.0 and t < 3.0 and s - t >= 2.0 or t == 0 and s >= RARE_SOURCE_ZIPF and not tgt.known(word) and (src.known(word) or not word.isascii())
        return t < 2.0 and s - t >= 3.0 and not tgt.known(word)


def _may_flag(ctx: CheckContext, seg: Segment, text: str, held: frozenset[str], foreign: set[str], unseen_ascii: set[str]) -> bool:
    """Whether a plain word of ``text`` (``plain_words``) is in ``foreign``, or is in
    ``unseen_ascii`` and the aligned source has it with accents (``intubees``); plain words are
    among the sentence's letter words (``held``), read first."""
    dropped = unseen_ascii.intersection(held) if seg.source else ()
    if dropped:
        dropped = dropped.intersection(ctx.of_text(_folded_accented, seg.source_text))
    if not dropped and foreign.isdisjoint(held):
        return False
    plain = {normalise(m.group()) for m in plain_words(text)}
    return not foreign.isdisjoint(plain) or not plain.isdisjoint(dropped)


def _folded_accented(text: str) -> frozenset[str]:
    """The words of ``text`` beyond ASCII, without their accents (``intubées`` → ``intubees``)."""
    return frozenset(_fold(normalise(w)) for w in _WORD.findall(text) if not w.isascii())


_SEEN: dict[tuple[Lexicon, Lexicon], tuple[set[str], set[str], set[str]]] = {}  # words tested, and those that passed each test
_SEEN_LIMIT = 1 << 16


def _candidates(words: set[str], src: Lexicon, tgt: Lexicon) -> tuple[set[str], set[str]]:
    """The ``words`` that ``UntranslatedWord`` may flag given the best source evidence, and those
    the target language has never seen (the source's word with its accents dropped, when ASCII;
    a sentence's first word the source's dictionary has); each word is looked up and tested once per process (set operations for the words already tested)."""
    seen, foreign, unseen = _SEEN.setdefault((src, tgt), (set(), set(), set()))
    if len(seen) > _SEEN_LIMIT:  # bounded memory
        seen.clear()
        foreign.clear()
        unseen.clear()
    new = words.difference(seen)
    src.lookup(new)
    tgt.lookup(new)
    for word in new:
        seen.add(word)
        if UntranslatedWord._foreign(word, src, tgt, lambda w: True):
            foreign.add(word)
        if tgt.zipf(word) == 0 and not tgt.known(word):
            unseen.add(word)
    return words & foreign, words & unseen


def _runs(
    words: list[tuple[regex.Match, str]], hits: list[bool], src_stop: frozenset[str], tgt_stop: frozenset[str], text: str
) -> Iterator[tuple[int, int]]:
    """Index ranges of flagged words, joined across source function words between them."""
    k = 0
    while k < len(words):
        if not hits[k]:
            k += 1
            continue
        last = j = k
        while j + 1 < len(words) and _adjacent(text, words[j][0], words[j + 1][0]):
            j += 1
            if hits[j]:
                last = j
            elif words[j][1] not in src_stop or words[j][1] in tgt_stop:
                break
        yield k, last
        k = last + 1


def _adjacent(text: str, a: regex.Match, b: regex.Match) -> bool:
    """Whether only spaces, an apostrophe or a hyphen separate two words."""
    gap = text[a.end() : b.start()]
    return len(gap) <= 2 and all(c in " '’-\u00a0" for c in gap)
