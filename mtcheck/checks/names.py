"""Proper names of the source that the translation lost or left in their source-language form."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator

import regex

from mtcheck.align.scorers import strip_accents
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.casing import is_title_case, ordinary_words
from mtcheck.model import Finding, Sentence, Severity
from mtcheck.resources import alternation, exonyms, months, pair_table, stopwords, word_list
from mtcheck.typography import typography

_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}'’-]*\p{L}")
# Two or more capitalised words in a row (a person's name): "Jens Stoltenberg", "Xi Jinping".
_NAME_RUN = regex.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \u00a0]\p{Lu}\p{Ll}[\p{L}'’-]*)+")


@functools.cache
def _accepted(src: str, tgt: str) -> dict[str, tuple[str, ...]]:
    """Every accepted target form of each source name: the preferred one, then the ``alt`` column."""
    return {
        row[src]: (row[tgt], *(a.strip() for a in row.get("alt", "").split("|") if a.strip()))
        for row in pair_table(src, tgt, "exonyms")
    }


@functools.cache
def _exonym_pattern(src: str, tgt: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """The source-language forms worth flagging in target copy, as one pattern."""
    false_alarms = frozenset(word_list(f"{src}-{tgt}", "exonym_false_alarms"))
    forms = {k: v for k, v in exonyms(src, tgt).items() if k != v and k not in false_alarms}
    if not forms:
        return None, forms
    alternatives = alternation(forms)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])"), forms  # re: compiles 10× faster here


def _plain(text: str) -> str:
    return strip_accents(text).lower()


def _present(name: str, target: str) -> bool:
    """Whether ``name``, or one of its words (a surname used alone), appears in ``target``.

    Words of four letters or more match approximately, for transliterations.
    """
    plain_target = _plain(target)
    if _plain(name) in plain_target:
        return True
    words = set(regex.findall(r"\p{L}+", plain_target))
    for part in regex.findall(r"\p{L}+", _plain(name)):
        if part in words:
            return True
        if len(part) >= 4 and any(
            difflib.SequenceMatcher(None, part, w).ratio() >= 0.75 for w in words if abs(len(w) - len(part)) <= 3
        ):
            return True
    return False


def _has_new_name(source: str, target: list[Sentence], lang: str) -> bool:
    """Whether the translation holds a capitalised word inside a sentence, or an acronym, that the
    source lacks: a name translated word by word (``Casa Blanca`` → ``White House``); weekdays,
    months, nationalities and languages do not count."""
    calendar = _calendar_words(lang)
    for sent in target:
        for m in _CAPITALISED.finditer(sent.text):
            if m.group().lower() in calendar:
                continue
            before = sent.text[: m.start()].rstrip()
            if (before and before[-1] not in ".!?:«“\"'") or m.group().isupper():
                if not _present(m.group(), source):
                    return True
    return False


@functools.cache
def _calendar_words(lang: str) -> frozenset[str]:
    words = (*word_list(lang, "weekdays"), *word_list(lang, "demonyms"), *word_list(lang, "languages"), *months(lang))
    return frozenset(w.lower() for w in words)


def _inside(name: str, text: str, m: regex.Match) -> bool:
    """Whether the match is part of an occurrence of ``name`` itself."""
    return any(k.start() <= m.start() and m.end() <= k.end() for k in regex.finditer(regex.escape(name), text))


def _in_name_run(text: str, m: regex.Match) -> bool:
    """Whether the match is preceded by a capitalised word inside the sentence (a person's name)."""
    before = regex.search(r"(\p{Lu}\p{Ll}+)[ \u00a0]$", text[: m.start()])
    return bool(before) and before.start() > 0


class MissingName(Rule):
    """A person's or place's name in the source that the aligned translation does not contain.

    Flags: ``Jens Stoltenberg`` in the source and neither it nor ``Stoltenberg`` in the
    translation; ``Pékin`` in the source and no ``Beijing`` in the translation.
    A missing person's name is a warning; a missing place or country only a suggestion, since
    translations often render it as an adjective (``la France`` → ``French``).
    Leaves alone: transliteration differences (``Mikhaïl Michoustine`` ↔ ``Mikhail Mishustin``),
    names mapped through the exonym table (``Moscou`` ↔ ``Moscow``), a surname used alone,
    names at the start of a sentence that are ordinary words, and institutions whose names
    are translated word by word (only runs of capitalised words and exonyms count as names;
    a run that starts with a function word — ``Das Verfahren``, ``Las Filipinas`` — or whose
    translation holds a capitalised name the source lacks — ``Partido Laborista`` → ``Labour
    Party`` — is only a suggestion, and so is every run of a source language that capitalises
    all nouns, German ``Kläger Pech``, or a run of ordinary words of a language that capitalises
    titles, English ``City Council``, or any run of a Title Case headline).
    """

    id = "missing-name"
    category = "accuracy/name"
    severity = Severity.WARNING
    needs_source = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        known = exonyms(ctx.src_lang, ctx.tgt_lang)
        accepted = _accepted(ctx.src_lang, ctx.tgt_lang)
        articles = frozenset(word_list(ctx.src_lang, "name_articles"))  # "La Toussaint" is no person
        function_words = stopwords(ctx.src_lang)
        noun_capitals = bool(typography(ctx.src_lang).get("capitalises_nouns"))  # German "Kläger Pech" is no name
        titles = bool(typography(ctx.src_lang).get("capitalises_titles"))
        for seg in ctx.aligned():
            target = seg.target_text
            translated: bool | None = None  # whether the target has a name the source lacks, computed once
            for sent in seg.source:
                for name, span in self._names(sent, known):
                    english = known.get(name, name)
                    if any(_present(form, target) for form in {name, *accepted.get(name, (english,))}):
                        continue
                    first = name.split()[0]
                    person = " " in name and name not in known and first not in articles and first.lower() not in function_words
                    person = person and not noun_capitals
                    if person and titles:  # English "City Council", "Election Day": ordinary words, translated
                        person = not is_title_case(sent.text) and any(w.lower() not in ordinary_words(ctx.src_lang) for w in name.split())
                    if person and translated is None:
                        translated = _has_new_name(seg.source_text, seg.target, ctx.tgt_lang)
                    person = person and not translated
                    yield self.finding(
                        f"Name “{name}” of the source is not in the translation"
                        + (f" (expected “{english}”)." if english != name else "."),
                        source=span,
                        segment=seg,
                        suggestion=english if english != name else None,
                        severity=None if person else Severity.INFO,
                    )

    @staticmethod
    def _names(sent: Sentence, known: dict[str, str]):
        seen = set()
        for m in _NAME_RUN.finditer(sent.text):
            words = m.group().split()
            if m.start() == 0 or words[0] in known:
                continue  # "Le Monde"-like sentence starts are ambiguous; exonyms are handled below
            seen.add(m.group())
            yield m.group(), sent.file_span(m.start(), m.end())
        for m in _CAPITALISED.finditer(sent.text):
            if m.group() in known and m.group() not in seen:
                seen.add(m.group())
                yield m.group(), sent.file_span(m.start(), m.end())


class SourceExonym(Rule):
    """A place name left in its source-language form: ``Pékin``, ``Moscou``, ``Kiev``.

    Flags: a word of the pair's exonym table written in English copy (``Pékin`` → ``Beijing``).
    Leaves alone: forms that are also English names (``Paris``, ``Nice``), first names that
    double as French country names (``Maurice``, ``Dominique``), parts of longer names
    (``El Salvador``, ``Albert Londres``, ``Credit Suisse``), and lowercase words.
    """

    id = "source-exonym"
    category = "accuracy/name"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        pattern, forms = _exonym_pattern(ctx.src_lang, ctx.tgt_lang)
        if pattern is None:
            return
        for seg, sent in ctx.target_sentences():
            for m in pattern.finditer(sent.text):
                english = forms[m.group()]
                if _inside(english, sent.text, m) or _in_name_run(sent.text, m):
                    continue  # "Salvador" inside "El Salvador", "Londres" in "Albert Londres"
                yield self.finding(
                    f"“{m.group()}” is the source-language form; the translation writes “{english}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=english,
                    fix=english,
                )
