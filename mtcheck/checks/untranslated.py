"""Text of the translation that is still in the source language."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtcheck import langid
from mtcheck.checks.base import CheckContext, Rule
from mtcheck.model import Finding, Severity
from mtcheck.resources import Phrases, stopwords, word_list

_TOKEN = regex.compile(r"\p{L}+(?:['’](?=\p{L}))?")


@functools.cache
def _kept_names(pair: str) -> Phrases | None:
    return Phrases(word_list(pair, "keep_source"), r"\p{L}", regex) or None


def _without_kept_names(text: str, pair: str) -> str:
    pattern = _kept_names(pair)
    return pattern.sub(" ", text) if pattern else text


class UntranslatedSentence(Rule):
    """A sentence of the translation still written in the source language, or copied from it.

    Flags: ``Ce ne sera pas une paix juste et durable.`` in English copy; a target sentence
    identical to its source sentence.
    Leaves alone: French names and titles kept in English copy (``Les Bleus``, ``Salle des
    États``, ``Santé publique France``), short sentences that are only names or numbers.
    """

    id = "untranslated"
    category = "accuracy/untranslated"
    severity = Severity.ERROR

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for seg, sent in ctx.target_sentences():
            text = _without_kept_names(sent.text, ctx.pair)
            identical = bool(seg.source) and " ".join(seg.source_text.split()) == " ".join(sent.text.split())
            if langid.guess(text) == ctx.src_lang:
                message = "Sentence is still in the source language."
            elif identical and langid.guess(text) not in (None, ctx.tgt_lang) or identical and _source_words(text, ctx) >= 2:
                message = "Sentence is identical to its source."
            else:
                continue
            yield self.finding(message, target=sent.span, segment=seg)


def _source_words(text: str, ctx: CheckContext) -> int:
    words = [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]
    return sum(w in stopwords(ctx.src_lang) and w not in stopwords(ctx.tgt_lang) for w in words)


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
        src_stop, tgt_stop = stopwords(ctx.src_lang), stopwords(ctx.tgt_lang)
        for seg, sent in ctx.target_sentences():
            text = _without_kept_names(sent.text, ctx.pair)
            if langid.guess(text) == ctx.src_lang:
                continue
            for start, end in _source_runs(text, src_stop, tgt_stop):
                yield self.finding(
                    "These words are still in the source language.",
                    target=sent.file_span(start, end),
                    segment=seg,
                )


def _source_runs(text: str, src_stop: frozenset[str], tgt_stop: frozenset[str]) -> Iterator[tuple[int, int]]:
    run: list[regex.Match] = []
    for m in [*_TOKEN.finditer(text), None]:
        word = m.group().lower().replace("’", "'") if m else ""
        if m is not None and word not in tgt_stop and not (m.group()[0].isupper() and word not in src_stop):
            run.append(m)
            continue
        hits = sum(r.group().lower().replace("’", "'") in src_stop for r in run)
        if len(run) >= 5 and hits >= 3:
            yield run[0].start(), run[-1].end()
        run = []
