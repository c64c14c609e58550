"""Recall of the word-level rules (``untranslated-word``, ``spelling``) on injected errors.

Over WMT newstest2014's 108 French-original documents (human references, read in place from
``../shared/data/newstest2014-fren`` as in ``precision.py``), each document copy gets one
injection at a seeded random place, ``--rounds`` copies per document and kind:

- untranslated: an English word of a paragraph replaced by the French word it renders in the
  aligned source paragraph (the pair's own ``lexicon.tsv`` says which English words render a
  French word; French words spelled like their rendering, common in English too — wordfreq
  Zipf ≥ 3, such as ``personnel`` or ``figure`` — or listed as kept in English copy in
  ``keep_source.txt``/``loanwords.txt`` are skipped: those are no error);
- misspelling: a frequent English word (wordfreq Zipf ≥ 4, not in the source) given one
  random edit (a letter deleted, inserted, replaced or two swapped) that makes a non-word.

Detection = a finding of the kind's MQM category (``accuracy/untranslated``,
``fluency/spelling``) whose target span overlaps the injected word. It also prints the
error/warning findings of those rules on the clean references (false alarms, see
``precision.py`` for all rules) and up to ``--misses`` missed injections.

Run from the repository root: ``python bench/words.py`` (about 2 minutes on an idle 2-core machine;
``--rounds 1`` for a quicker look).
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import unicodedata

import regex

from _common import clip, is_problem
from precision import load_corpus, offsets, overlaps
from mtcheck.lexicon import lexicon, normalise
from mtcheck.model import Span
from mtcheck.resources import pair_table, stopwords, word_list

SEED = 20140614
CATEGORY = {"untranslated": "accuracy/untranslated", "misspelling": "fluency/spelling"}
ENGLISH_ZIPF = 3.0  # a French word this frequent in English (personnel, figure) is no injected error
_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}+(?![\p{L}'’-])")


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@functools.cache
def _kept() -> frozenset[str]:
    """What the data says English copy keeps: the pair's kept names and English loanwords."""
    return frozenset(normalise(w) for w in (*word_list("fr-en", "keep_source"), *word_list("en", "loanwords")))


@functools.cache
def _renderings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in pair_table("fr", "en", "lexicon"):
        out[row["fr"]] = [e for e in row["en"].split("|") if " " not in e and _plain(e) != _plain(row["fr"])]
    return out


def untranslated(src: str, tgt: str, rng: random.Random) -> tuple[str, int, int] | None:
    """``tgt`` with one English word replaced by the French word of ``src`` it renders."""
    lex, fr_stop, english = _renderings(), stopwords("fr"), lexicon("en")
    options = []
    for fm in _WORD.finditer(src):
        fr = fm.group()
        if fr in fr_stop or len(fr) < 3 or english.zipf(fr) >= ENGLISH_ZIPF or fr in _kept():
            continue
        for en in lex.get(fr, ()):
            options += [(fr, m) for m in regex.finditer(rf"(?<![\p{{L}}'’-]){en}(?![\p{{L}}'’-])", tgt)]
    if not options:
        return None
    fr, m = rng.choice(options)
    return tgt[: m.start()] + fr + tgt[m.end() :], m.start(), m.start() + len(fr)


def misspelling(src: str, tgt: str, rng: random.Random) -> tuple[str, int, int] | None:
    """``tgt`` with one frequent English word misspelled by a single random edit."""
    en, src_words = lexicon("en"), {normalise(w) for w in regex.findall(r"\p{L}+", src)}
    words = [m for m in _WORD.finditer(tgt) if len(m.group()) >= 4 and m.group() not in src_words]
    en.lookup(m.group() for m in words)
    words = [m for m in words if en.zipf(m.group()) >= 4.0]
    rng.shuffle(words)
    for m in words:
        w, i = m.group(), rng.randrange(len(m.group()))
        letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
        edit = rng.choice(["delete", "insert", "replace", "swap"])
        if edit == "delete":
            new = w[:i] + w[i + 1 :]
        elif edit == "insert":
            new = w[:i] + letter + w[i:]
        elif edit == "replace":
            new = w[:i] + letter + w[i + 1 :]
        else:
            i = min(i, len(w) - 2)
            new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        if new != w and en.zipf(new) < 2.0 and not en.known(new):
            return tgt[: m.start()] + new + tgt[m.end() :], m.start(), m.start() + len(new)
    return None


INJECT = {"untranslated": untranslated, "misspelling": misspelling}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="injected copies of each document per kind")
    ap.add_argument("--misses", type=int, default=8, help="missed injections listed per kind")
    args = ap.parse_args()
    from precision import run

    docs = load_corpus()
    clean = {"untranslated-word": 0, "spelling": 0}
    for d in docs:
        result = run(d.src, d.tgt, d.docid)
        for f in result.findings:
            if f.rule in clean and is_problem(f):
                clean[f.rule] += 1
                print(f"  clean reference: {f.rule} “{result.target.slice(f.target)}” ({d.docid})")
    print(f"false alarms on the clean references: {clean} ({sum(clean.values()) / 15:.2f} per 100 segments)")
    for kind, inject in INJECT.items():
        rng = random.Random(f"{SEED}-{kind}")
        hit, total, misses = 0, 0, []
        for _ in range(args.rounds):
            for d in docs:
                order = list(range(len(d.tgt)))
                rng.shuffle(order)
                for k in order:
                    done = inject(d.src[k], d.tgt[k], rng)
                    if done is None:
                        continue
                    tgt = list(d.tgt)
                    tgt[k], start, end = done
                    span = Span(start, end).shift(offsets(tgt)[k])
                    result = run(d.src, tgt, d.docid)
                    total += 1
                    if any(f.category == CATEGORY[kind] and overlaps(f.target, span) for f in result.findings):
                        hit += 1
                    else:
                        misses.append(f"{tgt[k][start:end]!r} in: {clip(tgt[k], 140)}")
                    break
        print(f"{kind:13} recall {hit}/{total} = {hit / max(total, 1):.1%}")
        for line in misses[: args.misses]:
            print("    missed", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
