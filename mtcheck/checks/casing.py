"""Capitalisation that English requires and the translation lost."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.words import Twin
from mtcheck.lexicon import lexicon
from mtcheck.model import Finding, Segment, Sentence, Severity
from mtcheck.resources import (
    derived,
    exonyms,
    lexicon_words,
    months,
    pair_table,
    stopwords,
    table,
    word_list,
)
from mtcheck.typography import typography

_LETTERS = patterns.compile(r"\p{L}+")
_TITLED_PART = patterns.compile(r"\p{Lu}\p{Ll}+")

_WORD = patterns.compile(r"(?<![\p{L}\p{N}_@/.-])\p{L}[\p{L}'’-]*\p{L}|(?<![\p{L}\p{N}_@/.-])\p{L}")
# the twin tests what precedes a word after its first letter: ``re`` then searches for a letter first
_WORDS = Twin(_WORD, r"[A-Za-z](?<![A-Za-z0-9_@/.-][A-Za-z])(?:[A-Za-z'’-]*[A-Za-z])?")


def _mid_sentence_words(sent: Sentence) -> tuple[regex.Match, ...]:
    """Words that are not the sentence's first word (nor the first after a colon or quote)."""
    return _mid_words(sent.text)


_SPACES = " \u00a0\u202f"
_AFTER_OPENER = patterns.compile("[" + regex.escape("«“\"‘'([:—–-.!?…") + "][" + _SPACES + "]*")  # a word after it starts a sentence


@functools.lru_cache(maxsize=1024)
def _mid_words(text: str) -> tuple[regex.Match, ...]:
    """:func:`_mid_sentence_words` of a text, found once however many rules and calls ask."""
    starts = {m.end() for m in _AFTER_OPENER.finditer(text)}
    starts.add(len(text) - len(text.lstrip(_SPACES)))  # the first word
    return tuple([m for m in _WORDS.of(text).finditer(text) if m.start() not in starts])


@functools.cache
def _lowercase_names(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(lang, "lowercase_names"))


class NameCasing(Rule):
    """A proper noun written in lowercase: ``kyiv``, ``gazprom``.

    Flags: a lowercase word whose capitalised form is in the aligned source (``Florez`` →
    ``florez``) or is the source's name through the pair's exonyms (``Kiev`` → ``kyiv``) —
    for ordinary words (``bank``), only when the translation lacks the capitalised form;
    without source evidence, a known place name
    (the English side of the exonym table) that stands capitalised elsewhere in the document.
    Leaves alone: a capitalised source noun of a language that capitalises every noun
    (German ``System`` → ``system``) when the English word is an ordinary word
    (``data/en/common_words.txt``); from a source that capitalises titles (English), words of
    a multiword name or a Title Case headline (``Central Bank`` → ``banque centrale``), and for
    a target that writes them in lowercase, the generic word of a name (``District of
    Columbia`` → ``district de Columbia``) and demonyms, languages, weekdays, months
    (``Mandarin`` → ``mandarin``); from other sources, the target's ordinary words in a run of
    capitalised words (an English title kept in a Spanish source: ``Consumer Energy Alliance``,
    ``The Power of Nutrition``) and a run the
    translation writes as a lowercase phrase (``Haute Couture`` →
    ``haute couture``); a word the translation writes in lowercase three times and never
    capitalised (twice from a source that capitalises every noun: ``Homewear`` → ``homewear``);
    without source evidence, anything in a language that writes demonyms in lowercase (Spanish
    ``indonesia`` beside ``Indonesia``); from an English source, a word it also writes in
    lowercase and capitalises only at sentence starts (``Rakfisk is…``, ``rakfisk``) and an ordinary English word that the target's
    spelling dictionary knows (French ``nazi``, ``nutrition``); common words capitalised elsewhere only as titles or parts of names
    (``president`` beside ``President Zelensky``, ``bad bank`` beside ``Royal Bank of
    Scotland``), names lowercase by design (``iPhone``, ``de Gaulle``, ``al-Qassam``),
    words at a sentence start.
    """

    id = "name-casing"
    category = "fluency/casing"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        stop = stopwords(ctx.tgt_lang)
        by_design = _lowercase_names(ctx.tgt_lang)
        names = exonyms(ctx.src_lang, ctx.tgt_lang)
        places = _place_names(ctx.src_lang, ctx.tgt_lang)
        # without source evidence, only where demonyms are capitalised too (Spanish "indonesia" is one)
        standalone = set()
        if typography(ctx.tgt_lang).get("capitalises_calendar"):  # a sentence naming no place adds none
            named = (sent for _, sent in ctx.target_sentences() if not places.isdisjoint(ctx.of_text(_words, sent.text)))
            standalone = {w for sent in named for w in _standalone_capitalised(sent, places)}
        casing = None  # the translation's lowercase word counts and capitalised words: read for a candidate only
        src_typo = typography(ctx.src_lang)
        nouns = src_typo.get("capitalises_nouns")
        ordinary = ordinary_words(ctx.tgt_lang)
        titles = src_typo.get("capitalises_titles")
        tgt_typo = typography(ctx.tgt_lang)
        alone = tgt_typo.get("capitalises_titles")  # French "le district de Columbia"
        lowercase_kinds = not (tgt_typo.get("capitalises_calendar") or tgt_typo.get("capitalises_nouns"))
        calendar = _always_capitalised(ctx.src_lang) if lowercase_kinds else {}
        # an English source that writes the word in lowercase too and capitalises it only at sentence starts ("Rakfisk is…")
        source_lower = set()
        if titles and ctx.source:
            source_lower = {w for p in ctx.source.paragraphs for w in _words(p.text) if w.islower()}
            source_lower -= {w.lower() for s in ctx.source.sentences() for w in _capitalised(s)}
        known = lexicon(ctx.tgt_lang) if titles else None
        images = _exonym_images(ctx.src_lang, ctx.tgt_lang)
        seg_names: tuple = (None, None, None)  # (segment, every form its source names may take, its source names), read when asked
        for seg, sent in ctx.target_sentences():
            if seg_names[0] is not seg:
                seg_names, source_text = (seg, None, None), seg.source_text
            # the lowercase words that may be flagged, at a sentence start too: most sentences have none
            # that can be a name (a source name is part of the source text or the exonym of one)
            maybe = {w[0].upper() + w[1:] for w in ctx.of_text(_words, sent.text) if w[0].islower() and len(w) >= 3 and w not in stop}
            if not _may_be_names(maybe, standalone, images, source_text):
                continue
            if seg_names[1] is None:
                seg_names = (seg, _source_forms(ctx, seg, names), None)
            wanted = {w[0].upper() + w[1:] for m in _mid_sentence_words(sent) if (w := m.group())[0].islower()}
            source_names = {}  # none when no lowercase word here can be a source name of the segment
            if not wanted.isdisjoint(seg_names[1]):
                if seg_names[2] is None:
                    found = {
                        names.get(word, word): word
                        for s in seg.source
                        for word in (_names_outside_titles(s, ctx.src_lang, alone) if titles else _names(s, ordinary, seg.target_text))
                        if not (nouns and word.lower() in ordinary) and word.lower() not in calendar  # French "mandarin"
                    }
                    found |= {names[w]: w for s in seg.source for w in ctx.of_text(_words, s.text) if w in names}
                    found |= {w: w for w in found.values()}  # "Cricket Australia" kept in French copy
                    seg_names = (seg, seg_names[1], found)
                source_names = dict(seg_names[2])
                words = ctx.of_text(_words, sent.text)
                lowercase = {w for w in words if w.islower()}
                for word in words:  # "bad bank" beside "Royal Bank of Scotland": the name is there
                    if word in source_names and word.lower() in lowercase and word.lower() in _common_words(ctx.src_lang, ctx.tgt_lang):
                        source_names.pop(word)
            for m in _mid_sentence_words(sent) if source_names or standalone else ():
                word = m.group()
                if not word[0].islower():
                    continue
                name = word[0].upper() + word[1:]
                if name not in source_names and name not in standalone:
                    continue  # the cheap test first: most words name nothing
                if word.lower() in by_design or word in stop or len(word) < 3:
                    continue
                if any(ch.isupper() for ch in word[1:]):
                    continue  # lowercase by design: al-Qassam, eBay
                casing = casing or _target_casing(ctx)
                lower_count, capitalised = casing
                if lower_count[word] >= (2 if nouns else 3) and name not in capitalised:
                    continue  # lowercase throughout the translation: its writer's choice ("homewear", "rakfisk")
                if name in source_names:
                    original = source_names[name]
                    if original.lower() in source_lower:
                        continue
                    if known and original.lower() in ordinary_words(ctx.src_lang) and known.known(word):
                        continue  # an English word that is an ordinary target word too: French "nazi", "congrès"
                    reason = f"the source has “{original}”" + (f" (English “{name}”)" if original != name else "")
                elif name in standalone:
                    reason = f"the document elsewhere has “{name}”"
                else:
                    continue
                yield self.finding(
                    f"“{word}” is a name: {reason}.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=name,
                    fix=name,
                )


def _may_be_names(forms: set[str], standalone: set[str], images: frozenset[str], source_text: str) -> bool:
    """Whether one of ``forms`` may be a source name (a part of the source text, or the exonym of
    one) or a place standing alone elsewhere: a cheap test before the segment's names are read."""
    return not (forms.isdisjoint(standalone) and forms.isdisjoint(images)) or any(form in source_text for form in forms)


def _source_forms(ctx: CheckContext, seg: Segment, names: dict[str, str]) -> frozenset[str]:
    """Every form a source name of the segment may take in ``NameCasing``: the words of its source
    sentences, less a possessive ``'s``, and their exonyms (a cheap test before the names are read)."""
    words = {w for s in seg.source for w in ctx.of_text(_words, s.text)}
    words |= {w.removesuffix("'s").removesuffix("’s") for w in words if w.endswith(("'s", "’s"))}
    return frozenset(words | {names[w] for w in names.keys() & words})


def _capitalised(sent: Sentence) -> set[str]:
    """Capitalised words inside a sentence."""
    return {m.group() for m in _mid_sentence_words(sent) if m.group()[0].isupper()}


def _words(text: str) -> list[str]:
    """The words of a text (``_WORD``), read by two rules: ``ctx.of_text(_words, text)``."""
    return _WORDS.of(text).findall(text)


def _target_casing(ctx: CheckContext) -> tuple[Counter, set[str]]:
    """How often each lowercase word occurs in the translation, and its capitalised words inside
    sentences (one reading of each sentence)."""
    lower, capitalised = Counter(), set()
    for _, sent in ctx.target_sentences():
        lower.update([w for w in ctx.of_text(_words, sent.text) if w.islower()])
        capitalised |= _capitalised(sent)
    return lower, capitalised


def _names(sent: Sentence, ordinary: Words, target: str) -> set[str]:
    """Capitalised words inside a source sentence, less the target's ordinary words inside a run of
    capitalised words (an English title kept in a Spanish source: ``Fox News``, ``The Power of
    Nutrition``; ``Google`` alone stays) and words of a run that the translation writes as a
    lowercase phrase (German ``Haute Couture`` → ``haute couture``)."""
    titles, phrases = [], []  # spans of runs, of their parts written lowercase in the translation
    for run in _CAPITAL_RUN.finditer(sent.text):
        titles.append(run.span())
        parts = list(_TITLED_PART.finditer(run.group()))
        for i, j in ((i, j) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)):
            phrase = run.group()[parts[i].start() : parts[j - 1].end()].lower()
            if _has_phrase(target, phrase):
                phrases.append((run.start() + parts[i].start(), run.start() + parts[j - 1].end()))
    names = set()
    for m in _mid_sentence_words(sent):
        word, where = m.group(), m.start()
        if not word[0].isupper() or any(a <= where < b for a, b in phrases):
            continue
        if word.lower() not in ordinary or not any(a <= where < b for a, b in titles):
            names.add(word)
    return names


def _has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` with no letter touching it (a plain search, no
    pattern compiled per phrase)."""
    k = text.find(phrase)
    while k >= 0:
        end = k + len(phrase)
        if not (k and text[k - 1].isalpha() or end < len(text) and text[end].isalpha()):
            return True
        k = text.find(phrase, k + 1)
    return False


# Capitalised words in a row, also joined by "of" ("The Power of Nutrition", "Banco de España").
_CAPITAL_RUN = patterns.compile(
    r"(?<![\p{L}\p{N}_@/.-])\p{Lu}\p{Ll}+(?:[ \u00a0](?:(?:of|de|del|di|du|des)(?: the)?[ \u00a0])?\p{Lu}\p{Ll}+)+(?![\p{L}\p{N}])"
)


def _names_outside_titles(sent: Sentence, lang: str, alone: bool = True) -> set[str]:
    """Capitalised words of a language that capitalises titles (English) that look like names:
    not ordinary words unless they stand alone (``Merkel``, ``Brexit``; not ``Central`` of
    ``Central Bank``; with ``alone`` false, for a translation into a language that writes the
    generic word of a name in lowercase, not before ``of``: ``District of Columbia`` →
    ``district de Columbia``), names after a title abbreviation (``Rev. David``), the first word
    when it is no ordinary word (``Erdogan then headed…``), and nothing from a Title Case
    headline. A possessive ``'s`` is left out (``Erdogan's`` → ``Erdogan``)."""
    if is_title_case(sent.text):
        return set()
    ordinary = ordinary_words(lang)
    titled = {m.group() for m in _WORDS.of(sent.text).finditer(sent.text) if _after_abbreviation(sent.text, m.start(), lang)}  # Rev. David
    first = _WORDS.of(sent.text).search(sent.text)
    if first and first.group()[0].isupper() and len(first.group()) > 2:
        titled.add(first.group())
    titled = {w.removesuffix("'s").removesuffix("’s") for w in titled}
    standalone = _standalone_capitalised(sent)
    if not alone:
        standalone = {w for w in standalone if w.lower() not in ordinary or not regex.search(rf"\b{w} {_GENERIC_OF}", sent.text)}
    words = {w.removesuffix("'s").removesuffix("’s") for w in _capitalised(sent)} | titled
    return {w for w in words if w[0].isupper() and w.lower() not in ordinary} | standalone


_GENERIC_OF = r"(?:of|de|du|del|des|di)(?: the)? \p{Lu}"  # "District of Columbia", "Canal de Saint-Quentin"


@functools.lru_cache(maxsize=1024)
def is_title_case(text: str) -> bool:
    """A headline in Title Case: three quarters of its words of four letters or more capitalised,
    and no final full stop (found once however many names of the sentence ask)."""
    if text.rstrip().endswith("."):  # most sentences: no words to read
        return False
    words = [w for w in _WORDS.of(text).findall(text) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _after_abbreviation(text: str, start: int, lang: str) -> bool:
    """Whether the word at ``start`` follows a title abbreviation (``Rev.``, ``Col.``, ``Dr.``)."""
    before = regex.search(r"(\S+)\s+$", text[:start])
    return bool(before) and before.group(1) in _abbreviations(lang)


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "abbreviations"))


def _standalone_capitalised(sent: Sentence, among: frozenset[str] | None = None) -> set[str]:
    """Capitalised words standing alone inside a sentence (not part of a multiword name); with
    ``among``, only those of it."""
    found = set()
    words = _mid_sentence_words(sent)
    for k, m in enumerate(words):
        word = m.group()
        if among is not None and word not in among or not word[0].isupper() or word.isupper():
            continue
        joined_before = k > 0 and words[k - 1].end() == m.start() - 1 and words[k - 1].group()[0].isupper()
        joined_after = k + 1 < len(words) and words[k + 1].start() == m.end() + 1 and words[k + 1].group()[0].isupper()
        if not joined_before and not joined_after:
            found.add(word)
    return found


class Words:
    """Membership in a long word list whose part for each first two letters becomes a set only
    when a word asks for it (a run looks up a few hundred words, not the 65,000)."""

    __slots__ = ("_by_start", "_sets")

    def __init__(self, by_start: dict[str, str]) -> None:
        self._by_start, self._sets = by_start, {}

    def __contains__(self, word: str) -> bool:
        start = word[:2]
        found = self._sets.get(start)
        if found is None:
            found = self._sets[start] = frozenset(self._by_start.get(start, "").split())
        return word in found


@functools.cache
def ordinary_words(lang: str) -> Words:
    """The language's ordinary lowercase words (``data/<lang>/common_words.txt``)."""
    return Words(_ordinary_by_start(lang))


@derived
def _ordinary_by_start(lang: str) -> dict[str, str]:
    """The ordinary words by their first two letters, separated by spaces (no word holds one)."""
    by_start: dict[str, list[str]] = {}
    for word in word_list(lang, "common_words"):
        by_start.setdefault(word[:2], []).append(word)
    return {start: " ".join(words) for start, words in by_start.items()}


@functools.cache
def _common_words(src: str, tgt: str) -> frozenset[str]:
    """Ordinary target-language words: every word of the pair's lexicon translations."""
    return lexicon_words(src, tgt)


@functools.cache
def _exonym_images(src: str, tgt: str) -> frozenset[str]:
    """The target forms of the pair's exonyms (``Kiev`` → ``Kyiv``)."""
    return frozenset(exonyms(src, tgt).values())


@functools.cache
def _place_names(src: str, tgt: str) -> frozenset[str]:
    """Single-word names of the target language known from the pair's exonym table."""
    return frozenset(row[tgt] for row in pair_table(src, tgt, "exonyms") if " " not in row[tgt])


@functools.cache
def _always_capitalised(lang: str) -> dict[str, str]:
    """Lowercased word → its kind, for words the language always capitalises."""
    kinds: dict[str, str] = {}
    for kind, name in (("weekday", "weekdays"), ("nationality", "demonyms"), ("language", "languages")):
        for word in word_list(lang, name):
            kinds.setdefault(word.lower(), kind)
    for row in table(lang, "months"):
        if row["name"][-1] != ".":
            kinds.setdefault(row["name"].lower(), "month")
    return kinds


class CalendarAndNationality(Rule):
    """Weekdays, months, nationalities and languages that English capitalises: ``tuesday``, ``the french team``.

    Flags: ``on tuesday``, ``In january``, ``21 march``, ``the french team``, ``european leaders``,
    ``in english`` — French writes these in lowercase, English does not.
    Leaves alone: ``march``/``may`` as verbs (months that are also common words are flagged only
    in a date — ``21 march,``, ``may 3`` — or when the source names the month, and fixed
    automatically only then: ``3 may have been killed`` is not a date), words that are
    lowercase in other senses (``polish`` the verb, ``china``
    the porcelain), anything at a sentence start, and targets whose ``typography.toml`` does not
    set ``capitalises_calendar`` (French, Spanish, Italian write these in lowercase).
    """

    id = "english-capitals"
    category = "fluency/casing"
    severity = Severity.ERROR
    safe_fix = True
    target_langs = frozenset({"en"})

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not typography(ctx.tgt_lang).get("capitalises_calendar"):
            return  # French, Spanish, Italian write them in lowercase
        kinds = _always_capitalised(ctx.tgt_lang)
        ambiguous = frozenset(w.lower() for w in word_list(ctx.tgt_lang, "ambiguous_months"))
        for seg, sent in ctx.target_sentences():
            if kinds.keys().isdisjoint(ctx.of_text(_words, sent.text)):
                continue  # most sentences: no such word
            for m in _WORDS.of(sent.text).finditer(sent.text):
                word = m.group()
                kind = kinds.get(word)
                if kind is None or not word[0].islower():
                    continue
                certain = True
                if word in ambiguous:  # "may"/"march": a month only in a date
                    in_source = _source_has_month(seg.source_text, ctx.src_lang, word, ctx.tgt_lang)
                    if not (in_source or _in_date(sent.text, m)):
                        continue
                    certain = in_source
                fixed = word[0].upper() + word[1:]
                yield self.finding(
                    f"English capitalises {_PLURAL[kind]}: “{fixed}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=fixed,
                    fix=fixed if certain else None,
                )


_PLURAL = {"weekday": "weekdays", "month": "months", "nationality": "nationalities", "language": "languages"}


_DAY_BEFORE = patterns.compile(r"(?<!\d)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+$")
_DAY_OR_YEAR_AFTER = patterns.compile(r"\s+(?:[1-9]|[12]\d|3[01]|\d{4})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|people|of)\b)")
_DATE_END = patterns.compile(r"\s*(?:$|[,.;:)!?]|\d{4}\b)")


def _in_date(text: str, m: regex.Match) -> bool:
    """``March 21``, ``May 2023``, ``21 march,``/``21 march 2023``: not ``3 may have``, ``12 march in``."""
    after = text[m.end() :]
    if _DAY_OR_YEAR_AFTER.match(after):
        return True
    return bool(_DAY_BEFORE.search(text[: m.start()])) and bool(_DATE_END.match(after))


def _source_has_month(source: str, src_lang: str, word: str, tgt_lang: str) -> bool:
    """Whether the aligned source names the same month (``mars`` for ``march``)."""
    if not source:
        return False
    number = months(tgt_lang).get(word)
    words = {w.lower() for w in _LETTERS.findall(source)}
    return number is not None and any(months(src_lang).get(w) == number for w in words)




class SentenceStartCasing(Rule):
    """A sentence that starts in lowercase where its source starts with a capital.

    Flags: ``the Thin White Duke is back.`` aligned with ``Le Thin White Duke est de retour.``
    Leaves alone: sentences after an ellipsis or inside a quotation that continue a sentence,
    sentences that open on a number (``18 states back the challenge``, ``1997 nahm er``),
    sentences after one left without final punctuation (a sentence split across blocks),
    names lowercase by design (``iPhone sales rose``), sentences whose source also starts
    in lowercase, and documents without a source.
    """

    id = "sentence-start-casing"
    category = "fluency/casing"
    severity = Severity.WARNING
    needs_source = True
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_design = _lowercase_names(ctx.tgt_lang)
        previous = None  # each target sentence's previous one, read for a sentence that starts in lowercase
        for seg in ctx.aligned():
            sent = seg.target[0]
            m = _first_word(sent.text)
            if m is None or not m.group()[0].islower() or m.group().lower() in by_design:
                continue  # most sentences: a capital
            first_src = _first_word(seg.source[0].text)
            if first_src is None or not first_src.group()[0].isupper():
                continue
            if previous is None:
                sentences = ctx.target.sentences()
                previous = {id(b): a for a, b in zip(sentences, sentences[1:])}
            before = previous.get(id(sent))
            if before is not None and not _ENDED.search(before.text):
                continue  # the sentence before runs on into this one (a translation split across blocks)
            opening = sent.text[: m.start()]
            if opening.strip() in {"…", "...", "[…]"} or any(ch.isdigit() for ch in opening):
                continue  # a continued sentence; a sentence opening on a number (``18 states``, ``32 % étaient``)
            fixed = m.group()[0].upper() + m.group()[1:]
            yield self.finding(
                "Sentence starts in lowercase; the source starts with a capital.",
                target=sent.file_span(m.start(), m.end()),
                segment=seg,
                suggestion=fixed,
                fix=fixed,
            )


_ENDED = patterns.compile(r"[.!?…:»”\"’')\]]\s*$")


def _first_word(text: str) -> regex.Match | None:
    text = text[:40]
    return _WORDS.of(text).search(text)
