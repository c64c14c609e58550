"""Recall on meaning errors (issue 8): real MT errors annotated by hand, and synthetic ones.

What it measures, on newstest2014's 108 French-original documents (read in place from
``../shared/data/newstest2014-fren``, loaded as in ``bench/precision.py``), with the real
pipeline (``check_documents``, MT off) and one segment per paragraph:

1. Real errors: ``bench/meaning_errors.tsv`` lists errors annotated by reading the English
   outputs of the 8 WMT14 systems (``sys/newstest2014.<system>.en``) against the French
   source and the human reference: system, line (1-based in the system file), kind,
   code-point offsets of the erroneous span in that line, the span, a note. Each annotated
   line is checked in its document (all lines of the system's output for that document, with
   the French source), so headline and document-level logic see what an editor's file has.
   Detection = an unsuppressed finding (error, warning or info) of the kind's MQM category
   whose target span overlaps the annotated span.
2. Synthetic errors: one per document copy per kind at a seeded random position in the
   human reference (see ``KINDS`` for how each is injected; a kind with two variants picks
   one of those a document allows). Detection = an unsuppressed finding of the kind's MQM
   category whose target span overlaps the change. A name "removed" is the whole name
   ("Édouard Philippe", "Jean-Marc Ayrault", "de Gaulle", "Philippe's" with its ``'s``): until
   December 2026 it was the one word drawn, so "Édouard Philippe" often lost only "Édouard" and
   kept the surname, a legitimate way to write a name (70.2 % "found" then; same draws).
3. False alarms: error-or-warning findings of the same categories on the clean references,
   per 100 segments, by rule, with seeded samples (``bench/precision.py`` counts all rules).

Targets (issue 8, "Done means"): ≥ 80 % of the real errors overall; ≥ 90 % per synthetic
kind. Run from the repository root: ``python bench/meaning.py`` (``--misses N`` lists N
missed cases per kind, default 5; ``--samples N`` N false alarms per rule, default 4). It takes
about 27 s of CPU here (wall time grows with the machine's load); the seed is fixed (``SEED``).
"""

from __future__ import annotations

import argparse
import csv
import functools
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import regex

from _common import REPO, check_texts, clip, injected, is_problem
from mtcheck.align.scorers import strip_accents
from mtcheck.model import Span
from mtcheck.resources import pair_table, stopwords
from precision import (
    DATA, SEP, Doc, _CAP_WORD, _mid_sentence, _title_case, describe, load_corpus, offsets, overlaps,
)

SEED = 20140614
TARGET_REAL = 0.80
TARGET_SYNTHETIC = 0.90
FIXTURE = REPO / "bench" / "meaning_errors.tsv"
CATEGORY = {
    "untranslated": "accuracy/untranslated",
    "name": "accuracy/name",
    "polarity": "accuracy/mistranslation",
    "conditional": "accuracy/mistranslation",
    "spelling": "fluency/spelling",
    "punctuation": "fluency/punctuation",
    "double": "fluency/repetition",
}

_WORD = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*")
_LOWER = regex.compile(r"(?<![\p{L}\p{N}'’._/@-])[a-z]{2,}(?![\p{L}\p{N}'’@-])")
_HYPHENATED = regex.compile(r"(?<![\p{L}\p{N}-])[a-z]{2,}-[a-z]{2,}(?![\p{L}\p{N}-])")
_FR_NEGATION = regex.compile(r"\b(?:ne|n['’])\s*(?:\p{L}+['’]?\s*){0,3}?(?:pas|plus|jamais|rien|aucune?|personne|guère)\b", regex.I)
_EN_NEGATION = regex.compile(r"\b(?:not|no|never|nothing|nobody|none|neither|nor|without|cannot)\b|n't\b", regex.I)
_CONTRACTED = {
    "don't": "do", "doesn't": "does", "didn't": "did", "isn't": "is", "aren't": "are", "wasn't": "was",
    "weren't": "were", "hasn't": "has", "haven't": "have", "hadn't": "had", "won't": "will", "can't": "can",
    "couldn't": "could", "wouldn't": "would", "shouldn't": "should", "cannot": "can",
}
_AUX = r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|did|does|do)"
_NOT_AFTER_AUX = regex.compile(rf"\b({_AUX}) not (?=\p{{Ll}})")
_CONTRACTION = regex.compile(r"\b(?:" + "|".join(regex.escape(k) for k in _CONTRACTED) + r")\b", regex.I)
_AUX_BEFORE_WORD = regex.compile(rf"\b{_AUX}(?= (?!not\b|n't|never\b|no\b)\p{{Ll}}{{2,}})")
_VOWELS = "aeiou"


# ---------------------------------------------------------------- real errors


@dataclass
class Annotation:
    system: str
    line: int
    kind: str
    start: int
    end: int
    span: str
    note: str


def load_annotations() -> list[Annotation]:
    with FIXTURE.open(encoding="utf-8", newline="") as f:
        return [
            Annotation(r["system"], int(r["line"]), r["kind"], int(r["start"]), int(r["end"]), r["span"], r["note"])
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


@functools.cache
def system_lines(system: str) -> list[str]:
    return (DATA / "sys" / f"newstest2014.{system}.en").read_text(encoding="utf-8").split("\n")


def check_real(corpus: list[Doc], annotations: list[Annotation]):
    """For each annotation: (annotation, detected, findings on its line as ``rule[category]``)."""
    doc_of = {line: d for d in corpus for line in d.lines}
    by_doc: dict[tuple[str, str], list[Annotation]] = defaultdict(list)
    for a in annotations:
        by_doc[a.system, doc_of[a.line].docid].append(a)
    out = []
    for (system, docid), anns in by_doc.items():
        lines = system_lines(system)
        d = doc_of[anns[0].line]
        tgt = [lines[n - 1].rstrip() for n in d.lines]
        result = check_texts(SEP.join(tgt), SEP.join(d.src), name=f"{system}.{docid}")
        starts = offsets(tgt)
        live = [f for f in result.findings if not f.suppressed and f.target is not None]
        for a in anns:
            k = d.lines.index(a.line)
            span = Span(starts[k] + a.start, starts[k] + a.end)
            line_span = Span(starts[k], starts[k] + len(tgt[k]))
            hit = any(f.category == CATEGORY[a.kind] and overlaps(f.target, span) for f in live)
            near = [f"{f.rule}[{f.category}]" for f in live if overlaps(f.target, line_span)]
            out.append((a, hit, near))
    return out


# ---------------------------------------------------------------- synthetic errors


@dataclass
class Injection:
    tgt: list[str]
    target: Span  # the changed target span (document offsets)
    what: str
    shown: str
    variant: str = ""  # for kinds injected in two ways


def _inject(doc: Doc, k: int, start: int, end: int, new: str, what: str, span=None, variant: str = "") -> Injection:
    """Replace ``doc.tgt[k][start:end]`` by ``new``. The change is ``span(new_paragraph)`` (a
    ``(start, end)`` in the new paragraph) when given, else the new text itself."""
    tgt = list(doc.tgt)
    tgt[k] = tgt[k][:start] + new + tgt[k][end:]
    a, b = span(tgt[k]) if span else (start, start + len(new))
    o = offsets(tgt)[k]
    return Injection(tgt, Span(o + a, o + b), what, clip(tgt[k][max(0, a - 50) : b + 50], 150), variant)


def _word_around(text: str, pos: int) -> tuple[int, int]:
    """From the start of the word before ``pos`` to the end of the word after it."""
    a = pos
    while a > 0 and text[a - 1] == " ":
        a -= 1
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = pos
    while b < len(text) and text[b] == " ":
        b += 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


@dataclass(frozen=True)
class Vocab:
    """What the injections need to know about English and the pair: reference word counts and
    the aligner's French→English lexicon."""

    words: Counter  # lowercased
    lowercase: Counter  # words as they occur in lowercase (a capitalised word never seen so is a name)
    lexicon: dict[str, tuple[str, ...]]  # French content word → its English content-word renderings
    names: tuple[str, ...]  # names that a source and its reference share, never lowercase in either language


def build_vocab(corpus: list[Doc]) -> Vocab:
    en = (DATA / "newstest2014.en").read_text(encoding="utf-8")
    found = _WORD.findall(en)
    words = Counter(w.lower() for w in found)
    lowercase = Counter(w for w in found if w.islower())
    fr_lowercase = {w for w in _WORD.findall((DATA / "newstest2014.fr").read_text(encoding="utf-8")) if w.islower()}
    en_stop, fr_stop = stopwords("en"), stopwords("fr")
    lexicon = {}
    for row in pair_table("fr", "en", "lexicon"):
        renderings = tuple(e for e in row["en"].split("|") if len(e) >= 4 and e not in en_stop)
        if row["fr"] not in fr_stop and renderings:
            lexicon[row["fr"]] = renderings
    vocab = Vocab(words, lowercase, lexicon, ())
    names = {m.group() for d in corpus for _, m in _name_candidates(d, vocab)}
    return Vocab(words, lowercase, lexicon, tuple(sorted(n for n in names if n.lower() not in fr_lowercase)))


def _name_candidates(doc: Doc, vocab: Vocab):
    """Mid-sentence names (capitalised words never seen lowercase) that the aligned source has too."""
    for k, p in enumerate(doc.tgt):
        if _title_case(p):
            continue
        src_words = set(_WORD.findall(doc.src[k]))
        for m in _CAP_WORD.finditer(p):
            if m.group() in src_words and not vocab.lowercase[m.group().lower()] and _mid_sentence(p, m.start()):
                yield k, m


def inj_untranslated(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    cands = []
    for k, p in enumerate(doc.tgt):
        low = p.lower()
        for fr in {w for w in _WORD.findall(doc.src[k]) if w.islower() and len(w) >= 4}:
            if vocab.words[fr] or fr not in vocab.lexicon:
                continue  # also an English word (or unknown to the lexicon)
            for en in vocab.lexicon[fr]:
                for m in regex.finditer(rf"(?<![\p{{L}}'’-]){regex.escape(en)}(?![\p{{L}}'’-])", low):
                    if p[m.start() : m.end()].islower():
                        cands.append((k, m.start(), m.end(), fr))
    if not cands:
        return None
    k, a, b, fr = rng.choice(sorted(cands))
    return _inject(doc, k, a, b, fr, f"“{doc.tgt[k][a:b]}” → “{fr}”")


def inj_polarity(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    removals, additions = [], []
    for k, p in enumerate(doc.tgt):
        if _FR_NEGATION.search(doc.src[k]):
            removals += [(k, m.start(), m.end(), m.group(1)) for m in _NOT_AFTER_AUX.finditer(p)]
            removals += [(k, m.start(), m.end(), _CONTRACTED[m.group().lower()]) for m in _CONTRACTION.finditer(p)
                         if m.group().islower()]
        elif not regex.search(r"\b(?:ne|n['’]|non|sans|ni)\b", doc.src[k], regex.I) and not _EN_NEGATION.search(p):
            additions += [(k, m.end()) for m in _AUX_BEFORE_WORD.finditer(p) if m.group().islower()]
    variants = [v for v, c in (("removed", removals), ("added", additions)) if c]
    if not variants:
        return None
    if rng.choice(variants) == "removed":
        k, a, b, kept = rng.choice(removals)
        new = kept + (" " if doc.tgt[k][b - 1] == " " else "")
        return _inject(doc, k, a, b, new, f"“{doc.tgt[k][a:b].strip()}” → “{kept}”",
                       lambda p: _word_around(p, a + len(kept)), "removed")
    k, pos = rng.choice(additions)
    return _inject(doc, k, pos, pos, " not", "“not” added", lambda p: _word_around(p, pos + 1), "added")


def inj_name(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    cands = list(_name_candidates(doc, vocab))
    if not cands:
        return None
    k, m = rng.choice(cands)
    p = doc.tgt[k]
    if rng.random() < 0.5:
        here = set(_WORD.findall(" ".join(doc.src + doc.tgt)))
        other = rng.choice([n for n in vocab.names if n not in here])
        return _inject(doc, k, m.start(), m.end(), other, f"“{m.group()}” → “{other}”", variant="replaced")
    a, b = _whole_name(p, doc.src[k], m)
    if p[b : b + 2] in ("'s", "’s"):
        b += 2  # "Philippe's plan" → "plan", not "'s plan"
    a = a - 1 if p[a - 1] == " " else a
    return _inject(doc, k, a, b, "", f"“{p[a:b].strip()}” removed", lambda q: _word_around(q, a), "removed")


_TOKEN = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
_PARTICLES = frozenset({"de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della", "bin", "al", "el", "le", "la"})


def _whole_name(text: str, source: str, m: regex.Match) -> tuple[int, int]:
    """The whole name around the word ``m``: the maximal run of capitalised words that the aligned
    source also has capitalised (accents aside: "Édouard Philippe", "Jean-Marc Ayrault"), particles included
    ("de Gaulle", "von der Leyen"); a title the source lacks ("President") is left."""
    def plain(w: str) -> str:
        return strip_accents(w.removesuffix("'s").removesuffix("’s"))

    in_source = {plain(w.group()) for w in _TOKEN.finditer(source)}
    tokens = []
    for t in _TOKEN.finditer(text):
        word, end = t.group(), t.end()
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        tokens.append((t.start(), end, word))
    k = next(i for i, t in enumerate(tokens) if t[0] <= m.start() < t[1])

    def joined(i: int, j: int) -> bool:  # tokens i and i + 1 separated by one space
        return text[tokens[i][1] : tokens[j][0]] == " "

    def name_word(i: int) -> bool:
        word = tokens[i][2]
        return word in _PARTICLES or len(word) > 1 and word[0].isupper() and plain(word) in in_source

    first = last = k
    while first > 0 and joined(first - 1, first) and name_word(first - 1):
        first -= 1
    while last + 1 < len(tokens) and joined(last, last + 1) and name_word(last + 1):
        last += 1
    while last > k and tokens[last][2] in _PARTICLES:
        last -= 1  # "Philippe de" + an ordinary word: the particle is not the name's
    return tokens[first][0], tokens[last][1]


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["swap", "drop", "double", "vowel"])
    if op == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    if op == "vowel" and word[i] in _VOWELS:
        return word[:i] + rng.choice([v for v in _VOWELS if v != word[i]]) + word[i + 1 :]
    return word[:i] + word[i + 1 :]


def inj_spelling(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    cands = [(k, m) for k, p in enumerate(doc.tgt) for m in _LOWER.finditer(p)
             if len(m.group()) >= 5 and vocab.words[m.group()] >= 5 and m.group() not in doc.src[k].lower()]
    if not cands:
        return None
    k, m = rng.choice(cands)
    for _ in range(10):
        wrong = _misspell(m.group(), rng)
        if not vocab.words[wrong]:
            return _inject(doc, k, m.start(), m.end(), wrong, f"“{m.group()}” → “{wrong}”")
    return None


def inj_final_punctuation(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    cands = [k for k in range(1, len(doc.tgt))
             if doc.tgt[k][-1:] in ".!?" and doc.tgt[k][-2:-1].isalnum() and doc.src[k].rstrip()[-1:] in ".!?"
             and len(doc.tgt[k].split()) >= 4]
    if not cands:
        return None
    k = rng.choice(cands)
    p = doc.tgt[k]
    return _inject(doc, k, len(p) - 1, len(p), "", f"final “{p[-1]}” removed", lambda q: _word_around(q, len(q)))


def inj_inner_mark(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    cands = [(k, m.end()) for k, p in enumerate(doc.tgt) for m in regex.finditer(r"(?<=\b[a-z]{2,})(?= [a-z]{2,}\b)", p)
             if _mid_sentence(p, m.end() + 1)]
    if not cands:
        return None
    k, pos = rng.choice(cands)
    mark = rng.choice(".?!")
    return _inject(doc, k, pos, pos, mark, f"“{mark}” inside a sentence")


def inj_double(doc: Doc, rng: random.Random, vocab: Vocab) -> Injection | None:
    names = [(k, m) for k, m in _name_candidates(doc, vocab) if len(regex.findall(rf"\b{m.group()}\b", doc.src[k])) == 1]
    hyphens = [(k, m) for k, p in enumerate(doc.tgt) for m in _HYPHENATED.finditer(p)]
    variants = [(v, c) for v, c in (("capitalised", names), ("hyphenated", hyphens)) if c]
    if not variants:
        return None
    variant, cands = rng.choice(variants)
    k, m = rng.choice(cands)
    new = f"{m.group()} {m.group()}"
    return _inject(doc, k, m.start(), m.end(), new, f"“{new}”", variant=variant)


@dataclass
class Kind:
    name: str
    family: str
    inject: object
    note: str


KINDS = [
    Kind("untranslated", CATEGORY["untranslated"], inj_untranslated,
         "an English word replaced by a French word of the aligned source that the pair lexicon translates by it (not an English word)"),
    Kind("name", CATEGORY["name"], inj_name,
         "a mid-sentence name (capitalised, never seen lowercase in the references) also in the aligned source replaced by a name of another document (that word), "
         "or removed whole (half each): the run of capitalised words around it that the source has too, particles and a possessive included"),
    Kind("polarity", CATEGORY["polarity"], inj_polarity,
         "“not”/“n't” removed where the source has ne…pas/plus/jamais/…, or “not” added after an auxiliary where neither side has a negation"),
    Kind("spelling", CATEGORY["spelling"], inj_spelling,
         "a lowercase word of ≥ 5 letters seen ≥ 5 times in the references, not in the source, given one edit (swap, drop, double, vowel) that makes a non-word"),
    Kind("punctuation (final)", CATEGORY["punctuation"], inj_final_punctuation,
         "final . ! ? right after a letter or digit removed from a non-first paragraph of ≥ 4 words whose source ends with one"),
    Kind("punctuation (inner)", CATEGORY["punctuation"], inj_inner_mark,
         "“.” “?” or “!” inserted mid-sentence between two lowercase words"),
    Kind("double", CATEGORY["double"], inj_double,
         "a capitalised name that the aligned source has once, doubled (“Japan Japan”), or a hyphenated word doubled"),
]


@dataclass
class Tally:
    applicable: int = 0
    found: int = 0
    variants: Counter = field(default_factory=Counter)
    variants_found: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- main


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "  n/a "


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=5, help="missed cases listed per kind")
    ap.add_argument("--samples", type=int, default=4, help="false alarms shown per rule")
    args = ap.parse_args()
    t0 = time.perf_counter()
    corpus = load_corpus()
    n_segments = sum(len(d.tgt) for d in corpus)

    # ---- 1. real errors
    annotations = load_annotations()
    real = check_real(corpus, annotations)
    t_real = time.perf_counter() - t0
    per_kind: dict[str, list[bool]] = defaultdict(list)
    for a, hit, _ in real:
        per_kind[a.kind].append(hit)
    found = sum(hit for _, hit, _ in real)
    print(f"== Real MT errors: {len(real)} annotated in the 8 WMT14 systems' outputs ({FIXTURE.name}) ==")
    print(f"  {'kind':14s} {'found':>5s} / {'of':<4s} {'recall':>7s}  category")
    for kind in CATEGORY:
        hits = per_kind.get(kind, [])
        print(f"  {kind:14s} {sum(hits):5d} / {len(hits):<4d} {_pct(sum(hits), len(hits))}   {CATEGORY[kind]}")
    overall = found / len(real) if real else 0.0
    print(f"  {'overall':14s} {found:5d} / {len(real):<4d} {_pct(found, len(real))}   target ≥ {100 * TARGET_REAL:.0f}%: "
          f"{'MEETS' if overall >= TARGET_REAL else 'BELOW'}")
    by_system = Counter(a.system for a, _, _ in real)
    hit_system = Counter(a.system for a, hit, _ in real if hit)
    print("  by system: " + ", ".join(f"{s} {hit_system[s]}/{n}" for s, n in sorted(by_system.items())))

    # ---- 2. synthetic errors
    t2 = time.perf_counter()
    vocab = build_vocab(corpus)
    tallies = {k.name: Tally() for k in KINDS}
    for kind, d, inj in injected(KINDS, corpus, SEED, vocab):
        tally = tallies[kind.name]
        result = check_texts(SEP.join(inj.tgt), SEP.join(d.src), name=d.docid)
        hit = any(not f.suppressed and f.category == kind.family and overlaps(f.target, inj.target) for f in result.findings)
        variant = inj.variant
        tally.applicable += 1
        tally.found += hit
        tally.variants[variant] += 1
        tally.variants_found[variant] += hit
        if not hit:
            near = [f"{f.rule}[{f.category}]" for f in result.findings if not f.suppressed and overlaps(f.target, inj.target)]
            tally.misses.append(f"{d.docid}: {inj.what}: {inj.shown}" + (f"\n          on it instead: {', '.join(near)}" if near else ""))
    t_syn = time.perf_counter() - t2
    print(f"\n== Synthetic errors in the human references (seed {SEED}; one per document copy per kind) ==")
    print(f"  {'kind':22s} {'found':>5s} / {'docs':<4s} {'recall':>7s}  verdict  category")
    worst = 1.0
    for kind in KINDS:
        t = tallies[kind.name]
        recall = t.found / t.applicable if t.applicable else 0.0
        worst = min(worst, recall)
        verdict = ("ok" if recall >= TARGET_SYNTHETIC else "LOW") if t.applicable else "n/a"
        print(f"  {kind.name:22s} {t.found:5d} / {t.applicable:<4d} {_pct(t.found, t.applicable)}  {verdict:7s}  {kind.family}")
        if len(t.variants) > 1:
            for v, n in sorted(t.variants.items()):
                print(f"    {v:20s} {t.variants_found[v]:5d} / {n:<4d} {_pct(t.variants_found[v], n)}")
    print(f"  lowest recall: {100 * worst:.1f}% (target ≥ {100 * TARGET_SYNTHETIC:.0f}% per kind)")
    print("\n  how each kind is injected:")
    for kind in KINDS:
        print(f"    {kind.name:22s} {kind.note}")

    # ---- 3. false alarms of these categories on the clean references
    t3 = time.perf_counter()
    families = set(CATEGORY.values())
    by_rule: Counter = Counter()
    info: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for d in corpus:
        result = check_texts(SEP.join(d.tgt), SEP.join(d.src), name=d.docid)
        for f in result.findings:
            if f.category not in families or f.suppressed:
                continue
            if is_problem(f):
                by_rule[f"{f.rule} ({f.category})"] += 1
                examples[f"{f.rule} ({f.category})"].append(f"{d.docid}: " + describe(result, f, 120))
            else:
                info[f.category] += 1
    t_clean = time.perf_counter() - t3
    total = sum(by_rule.values())
    print(f"\n== False alarms on the clean references: {len(corpus)} documents, {n_segments} segments ==")
    print(f"  error+warning findings of these categories: {total}  →  {100 * total / n_segments:.2f} per 100 segments "
          f"(all rules together must stay ≤ 2.00: bench/precision.py); info findings: {sum(info.values())}")
    for rule, n in by_rule.most_common():
        print(f"    {rule:50s} {n:4d}   {100 * n / n_segments:5.2f} /100 seg")
    rng = random.Random(SEED)
    for rule, _ in by_rule.most_common():
        for e in rng.sample(examples[rule], min(args.samples, len(examples[rule]))):
            print(f"    - {e}")

    # ---- misses
    print("\n== Missed real errors (by kind) ==")
    for kind in CATEGORY:
        missed = [(a, near) for a, hit, near in real if a.kind == kind and not hit]
        if missed:
            print(f"  {kind}: {len(missed)} missed")
        for a, near in missed[: args.misses]:
            print(f"    - {a.system} line {a.line}: “{a.span}” ({a.note})" + (f"; on the line: {', '.join(near)}" if near else ""))
    print("\n== Missed synthetic errors (examples) ==")
    for kind in KINDS:
        t = tallies[kind.name]
        if t.misses:
            print(f"  {kind.name}: {len(t.misses)} missed")
        for m in t.misses[: args.misses]:
            print(f"    - {m}")
    print(f"\n== Timing ==\n  real {t_real:.1f} s, synthetic {t_syn:.1f} s, clean {t_clean:.1f} s; total {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
