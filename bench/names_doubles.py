"""Recall of the name and double checks on artifacts injected into clean professional translations.

Over WMT newstest2014's 108 French-original documents (built as in ``precision.py``: one segment
per paragraph, source = the French original, target = the human English reference, real pipeline,
MT off), one artifact per document copy and type, at a seeded random place:

- name swapped: a name of the reference that the aligned source writes the same way (a run of
  capitalised words inside a sentence, each in the source paragraph and never written in lowercase
  in the corpus: ``John Kerry``, ``Hollande``, ``Gaza``) replaced by such a name of another document;
- name removed: that name deleted (with the space before it);
- name respelled: one letter of a word of five letters or more of that name deleted, doubled,
  swapped with the next one, or a vowel changed (never the first letter);
- capitalised double: a capitalised word inside a sentence that the source also has, doubled
  (``Japan`` → ``Japan Japan``);
- hyphenated double: a lowercase hyphenated word doubled (``long-term`` → ``long-term long-term``).

Detection = a finding of the expected MQM category whose target span overlaps the changed text
(for a removed name: the finding's target span contains the place of the removal). Printed per
type: recall with findings of any severity and with error/warning findings only, and the
error/warning findings the injection caused elsewhere (not in the clean document's findings).

Run from the repository root: ``python bench/names_doubles.py`` (about 40 s here; ``--misses N``
lists N missed injections per type). The seed is fixed (``SEED``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass, field

import regex

from _common import clip, injected, is_problem
from precision import Doc, Injection, _mid_sentence, _replace, describe, key, load_corpus, new_problems, run

from mtcheck.model import Span

SEED = 20140614
_RUN = regex.compile(r"(?<![\p{L}\p{N}'’.-])\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}'’-])")
_HYPHENATED = regex.compile(r"(?<![\p{L}\p{N}'’.-])\p{Ll}+(?:-\p{Ll}+)+(?![\p{L}\p{N}'’-])")
CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}
VOWELS = "aeiou"


_LOWERCASE: set[str] = set()  # every word written in lowercase somewhere in the corpus (filled in main)


def _names(doc: Doc, k: int) -> list[regex.Match]:
    """Runs of capitalised words inside a sentence of target paragraph ``k`` that the translator kept
    as is: each word of three letters or more is in the aligned source paragraph and never written
    in lowercase in the corpus (not ``Centre``, ``Internet``, ``Mars``)."""
    source_words = set(regex.findall(r"\p{L}+", doc.src[k]))
    out = []
    for m in _RUN.finditer(doc.tgt[k]):
        words = [w for w in regex.findall(r"\p{L}+", m.group()) if len(w) >= 3]
        if (
            words
            and _mid_sentence(doc.tgt[k], m.start())
            and all(w in source_words and w.lower() not in _LOWERCASE for w in words)
            and not CALENDAR & set(words)
        ):
            out.append(m)
    return out


def _candidates(doc: Doc) -> list[tuple[int, regex.Match]]:
    return [(k, m) for k in range(len(doc.tgt)) for m in _names(doc, k)]


def inj_swapped(doc: Doc, rng: random.Random, corpus: list[Doc]) -> Injection | None:
    cands = _candidates(doc)
    if not cands:
        return None
    k, m = rng.choice(cands)
    text = " ".join(doc.src + doc.tgt)
    pool = sorted({n.group() for d in corpus if d.docid != doc.docid for j, _ in enumerate(d.tgt) for n in _names(d, j)})
    pool = [n for n in pool if not set(n.split()) & set(regex.findall(r"\p{L}+", text))]
    other = rng.choice(pool)
    return _replace(doc, k, m.start(), m.end(), other, f"“{m.group()}” → “{other}”")


def inj_removed(doc: Doc, rng: random.Random, corpus: list[Doc]) -> Injection | None:
    cands = _candidates(doc)
    if not cands:
        return None
    k, m = rng.choice(cands)
    start = m.start() - 1 if doc.tgt[k][m.start() - 1 : m.start()] == " " else m.start()
    return _replace(doc, k, start, m.end(), "", f"“{m.group()}” removed")


def _respell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    ops = {
        "delete": word[:i] + word[i + 1 :],
        "double": word[: i + 1] + word[i] + word[i + 1 :],
        "swap": word[:i] + word[i + 1] + word[i] + word[i + 2 :],
    }
    if word[i] in VOWELS:
        ops["vowel"] = word[:i] + rng.choice([v for v in VOWELS if v != word[i]]) + word[i + 1 :]
    new = ops[rng.choice(sorted(ops))]
    return new if new != word else word[:i] + word[i + 1 :]


def inj_respelled(doc: Doc, rng: random.Random, corpus: list[Doc]) -> Injection | None:
    cands = [
        (k, m, w) for k, m in _candidates(doc) for w in regex.finditer(r"\p{L}{5,}", m.group())
    ]
    if not cands:
        return None
    k, m, w = rng.choice(cands)
    new = _respell(w.group(), rng)
    start = m.start() + w.start()
    return _replace(doc, k, start, start + len(w.group()), new, f"“{w.group()}” → “{new}”")


def inj_capitalised_double(doc: Doc, rng: random.Random, corpus: list[Doc]) -> Injection | None:
    cands = [(k, m.start() + w.start(), w.group()) for k, m in _candidates(doc) for w in regex.finditer(r"\p{Lu}\p{Ll}+", m.group())]
    if not cands:
        return None
    k, start, word = rng.choice(cands)
    return _replace(doc, k, start, start + len(word), f"{word} {word}", f"“{word} {word}”")


def inj_hyphenated_double(doc: Doc, rng: random.Random, corpus: list[Doc]) -> Injection | None:
    cands = [(k, m) for k, p in enumerate(doc.tgt) for m in _HYPHENATED.finditer(p)]
    if not cands:
        return None
    k, m = rng.choice(cands)
    return _replace(doc, k, m.start(), m.end(), f"{m.group()} {m.group()}", f"“{m.group()} {m.group()}”")


@dataclass
class Kind:
    name: str
    family: str
    inject: object


KINDS = [
    Kind("name swapped", "accuracy/name", inj_swapped),
    Kind("name removed", "accuracy/name", inj_removed),
    Kind("name respelled", "accuracy/name", inj_respelled),
    Kind("capitalised double", "fluency/repetition", inj_capitalised_double),
    Kind("hyphenated double", "fluency/repetition", inj_hyphenated_double),
]


@dataclass
class Tally:
    applicable: int = 0
    found: int = 0
    found_problem: int = 0
    by_rule: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    fp: Counter = field(default_factory=Counter)
    fp_examples: list[str] = field(default_factory=list)


def hits(f_span: Span | None, changed: Span) -> bool:
    if f_span is None:
        return False
    if changed.start == changed.end:
        return f_span.start <= changed.start <= f_span.end
    return f_span.start < changed.end and changed.start < f_span.end


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=8, help="missed injections listed per type")
    args = ap.parse_args()
    corpus = load_corpus()
    _LOWERCASE.update(w for d in corpus for p in d.src + d.tgt for w in regex.findall(r"(?<!\p{L})\p{Ll}+(?!\p{L})", p))
    clean = {}
    for d in corpus:
        result = run(d.src, d.tgt, d.docid)
        clean[d.docid] = Counter(key(result, f) for f in result.findings if is_problem(f))
    tallies = {k.name: Tally() for k in KINDS}
    for kind, d, inj in injected(KINDS, corpus, SEED, corpus):
        t = tallies[kind.name]
        t.applicable += 1
        result = run(inj.src, inj.tgt, d.docid)
        on = [f for f in result.findings if f.category == kind.family and hits(f.target, inj.target)]
        if on:
            t.found += 1
            t.found_problem += any(is_problem(f) for f in on)
            t.by_rule.update({f.rule for f in on})
        else:
            t.misses.append(f"{d.docid}: {inj.what}: {inj.shown}")
        # a finding on the injection or on its source paragraph is no false positive elsewhere
        for f in new_problems(result, clean[d.docid], lambda f: hits(f.target, inj.target) or (f.target is None and hits(f.source, inj.near_source))):
            t.fp[f.rule] += 1
            if len(t.fp_examples) < 4:
                t.fp_examples.append(f"{d.docid} ({inj.what}): " + describe(result, f, 120))

    print(f"== Recall on injected name and double artifacts (seed {SEED}; 108 newstest2014 French-original documents) ==")
    print(f"  {'type':22s} {'found':>5s} / {'docs':<4s} {'any':>7s} {'err/warn':>9s}  FPs elsewhere  rules")
    for kind in KINDS:
        t = tallies[kind.name]
        n = max(t.applicable, 1)
        print(f"  {kind.name:22s} {t.found:5d} / {t.applicable:<4d} {100 * t.found / n:6.1f}% {100 * t.found_problem / n:8.1f}%  "
              f"{sum(t.fp.values()):5d}          {', '.join(f'{r} {c}' for r, c in t.by_rule.most_common())}")
    for kind in KINDS:
        t = tallies[kind.name]
        if t.misses:
            print(f"\n  {kind.name}: {len(t.misses)} missed")
            for m in t.misses[: args.misses]:
                print(f"    - {clip(m, 220)}")
        if t.fp:
            print(f"  {kind.name}: FPs elsewhere " + ", ".join(f"{r} {n}" for r, n in t.fp.most_common()))
            for e in t.fp_examples:
                print(f"    - {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
