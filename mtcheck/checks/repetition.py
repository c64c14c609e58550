"""Words typed or translated twice in a row."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator

import regex

from mtcheck import patterns
from mtcheck.align.scorers import strip_accents
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.checks.words import Twin, ascii_like
from mtcheck.model import Finding, Severity
from mtcheck.resources import table, word_list

# Possessive: a word can end and be followed by spaces at one place only (its last letter), so
# giving characters back never finds another match; it only cost a retry per letter of every word.
_DOUBLE = patterns.compile(r"(?<![\p{L}\p{N}'’.-])(\p{L}[\p{L}'’]*+(?:-\p{L}[\p{L}'’]*+)*+)(\s++)(\1)(?![\p{L}\p{N}'’-])", regex.IGNORECASE)
_DOUBLES = Twin(_DOUBLE, r"(?<![A-Za-z0-9'’.-])([A-Za-z][A-Za-z'’]*+(?:-[A-Za-z][A-Za-z'’]*+)*+)([ \t\n\v\f\r]++)(\1)(?![A-Za-z0-9'’-])", re.IGNORECASE)
# The ASCII twin without IGNORECASE, for the lowercased text (same length: it is ``ascii_like``):
# whether a sentence holds a double at all, in about half the time.
_LOWERED_DOUBLE = patterns.compile_re(r"(?<![a-z0-9'’.-])([a-z][a-z'’]*+(?:-[a-z][a-z'’]*+)*+)([ \t\n\v\f\r]++)(\1)(?![a-z0-9'’-])")
# A capitalised word doubled in the source ("Danse Danse", "Bora-Bora").
_SOURCE_DOUBLE = patterns.compile(r"(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’]*)[\s‐-]+\1(?![\p{L}\p{N}'’-])")
_LAST_WORD = patterns.compile(r"(\p{L}+)\s+$")
_EXCLAMATION_END = patterns.compile(r"^\s*(?:[,!.?…;:)\]”’\"»—–-]|$)")
_CONTRACTION = patterns.compile(r"^\s*n['’]t\b")
_WINDOW = 200  # characters of context either side of a double that its exceptions look at


@functools.cache
def _contexts(lang: str) -> dict[str, tuple[regex.Pattern, bool]]:
    """Doubles that are right only before certain words (``data/<lang>/doubles_in_context.tsv``)."""
    return {
        row["pair"]: (patterns.compile(row["followed_by"], regex.IGNORECASE), row["not_after_determiner"] == "yes")
        for row in table(lang, "doubles_in_context")
    }


@functools.cache
def _lexicon(lang: str, name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(lang, name))


def _stem(verb: str) -> str:
    """A rough base form: ``logged`` → ``log``, ``signs`` → ``sign``, ``checking`` → ``check``."""
    for suffix in ("ing", "ed", "s"):
        if verb.endswith(suffix) and len(verb) > len(suffix) + 2:
            verb = verb[: -len(suffix)]
            if len(verb) > 2 and verb[-1] == verb[-2]:
                verb = verb[:-1]
            break
    return verb


class DuplicateWord(Rule):
    """The same word twice in a row: ``said said``, ``the the``, ``long-term long-term``.

    Flags: an immediate repetition, case-insensitive, also across a line break
    (``The the``, ``to\\nto``), hyphenated words (``long-term long-term``), exclamations used
    inside a sentence (``wait wait for me``), and a capitalised double inside a sentence
    (``talks in Japan Japan``, ``the World Cup Cup``) when the document has a source that does
    not double the name.
    Leaves alone: grammatical doubles in their context (``I had had time``, ``said that that
    was``, ``hip hip hooray``; not ``The had had is``), ``so so much``, ``gave her her book``, reduplicated words and exclamations (``blah blah``, ``tuk tuk``, ``No no!``),
    a phrasal verb's particle before the same preposition (``log in in the morning``), a name
    beside its homograph (``Will will come``), a noun-modal after a determiner (``the can can
    hold water``), three or more in a row (``no no no``), doubled names (``Danse Danse``, ``Bora Bora``,
    ``Walla Walla``: listed ones always; other capitalised doubles inside a sentence when there is
    no source or the source doubles them too, ``Danse Danse`` → ``Dance Dance``), single letters
    (``O O O``), abbreviations (``E.ON on``), reduplicated hyphenated words (``bye-bye``,
    ``Baden-Baden``) and repetitions separated by punctuation (``very, very``).
    """

    id = "duplicate-word"
    category = "fluency/repetition"
    severity = Severity.ERROR
    safe_fix = True

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg, sent in ctx.target_sentences():
            text = sent.text
            if ascii_like(text) and not _LOWERED_DOUBLE.search(text.lower()):
                continue  # most sentences
            for m in _DOUBLES.of(text).finditer(text):
                if self._legitimate(ctx.tgt_lang, text, m) and not self._name_doubled_once(ctx, text, m):
                    continue
                first, second = m.group(1), m.group(3)
                yield self.finding(
                    f"Doubled word “{first} {second}”.",
                    target=sent.file_span(m.start(), m.end()),
                    segment=seg,
                    suggestion=first,
                    fix=first,
                )

    def _name_doubled_once(self, ctx: CheckContext, text: str, m: regex.Match) -> bool:
        """Whether a capitalised double (``Japan Japan``) repeats a name that the source writes once:
        no doubled name of the source looks like it, and the words would be no legitimate double in
        lowercase either (``Bye Bye``, ``No No No``, a listed name such as ``Bora Bora``)."""
        first, second = m.group(1), m.group(3)
        if ctx.source is None or not (first[0].isupper() and second[0].isupper()):
            return False
        lower = text.lower()
        lower_match = _DOUBLE.match(lower, m.start()) if len(lower) == len(text) else None
        if lower_match is None or self._legitimate(ctx.tgt_lang, lower, lower_match):
            return False
        plain = strip_accents(first).lower()
        doubled = ctx.shared("source-doubles", lambda: [
            strip_accents(d.group(1)).lower() for d in _SOURCE_DOUBLE.finditer(ctx.source.text, **ctx.source.bounds)
        ])  # once per document: each capitalised double of a 20 MiB document rescanned its whole source
        return not any(
            difflib.SequenceMatcher(None, plain, word).ratio() >= 0.75 for word in doubled
        )  # "Danse Danse" rendered "Dance Dance"

    @staticmethod
    def _legitimate(lang: str, text: str, m: regex.Match) -> bool:
        first, second = m.group(1), m.group(3)
        pair = f"{first} {second}".lower()
        # Only the neighbourhood matters: bounded windows keep a 2 MB one-line text linear.
        after = text[m.end() : m.end() + _WINDOW]
        prefix = text[max(0, m.start() - _WINDOW) : m.start()]
        if len(first) == 1 and first.lower() not in {"a", "i"}:
            return True
        if pair in _lexicon(lang, "legit_doubles") or pair in _lexicon(lang, "doubled_names"):
            return True
        if pair in _lexicon(lang, "interjection_doubles") and _EXCLAMATION_END.match(after):
            return True
        if pair in _contexts(lang):
            followed_by, not_after_determiner = _contexts(lang)[pair]
            before = _LAST_WORD.search(prefix)
            after_determiner = bool(before) and before.group(1).lower() in _lexicon(lang, "determiners")
            return bool(followed_by.match(after)) and not (not_after_determiner and after_determiner)
        if _CONTRACTION.match(after):
            return True  # "did did n't" in tokenised text
        if regex.match(rf"\s+{regex.escape(second)}(?![\p{{L}}])", after, regex.IGNORECASE):
            return True  # three or more in a row is deliberate: "no no no"
        if pair in _lexicon(lang, "determiner_doubles"):
            before = _LAST_WORD.search(prefix)
            if before and before.group(1).lower() in _lexicon(lang, "determiners"):
                return True
        if first.lower() in _lexicon(lang, "phrasal_particles"):
            words = regex.findall(r"\p{L}+", prefix)[-2:]
            if words and words[-1].lower() in _lexicon(lang, "object_pronouns"):
                words = words[:-1]  # "log them in in"
            if words and _stem(words[-1].lower()) in _lexicon(lang, "phrasal_verbs"):
                return True
        homographs = _lexicon(lang, "name_homographs")
        if first.lower() in homographs:  # "Will will come" is a name and a verb; "is Will Will" a typo
            return first[0].isupper() != second[0].isupper() or m.start() == 0
        return first[0].isupper() and second[0].isupper() and m.start() > 0  # a doubled name
