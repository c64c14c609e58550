"""Precision, refusals and injected-artifact recall for every language pair beside fr→en.

Corpora (read in place from ``../shared/data``), one segment per paragraph, MT off:

- ``newstest2013-multi``: German- and Spanish-original documents with their English
  translation (de→en, es→en); English-original documents with their German, Spanish and
  French translations (en→de, en→es, en→fr);
- ``ntrex128-en-xx`` (and ``ntrex128-en-fr``): English news with professional de/es/it/fr
  translations, read forwards for en→xx and backwards for de/es/it→en (the "source" is then
  translationese, and some findings are real discrepancies of that translation).

Per pair it prints: documents refused as "not a translation", error-or-warning findings per
100 segments with the per-rule breakdown (and samples), recall on injected artifacts per
type, and whether an unrelated article (another document's target) is refused.

Run: ``python bench/precision_pairs.py [PAIR ...] [--samples N] [--inject-docs N]``
(every pair by default; ≈ 1–2 min on 2 cores).
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import regex

from _common import SHARED, check_texts, clip, is_problem
from precision import SEP, _para_span, key, offsets  # one layout of documents for every bench
from mtcheck.model import Span
from mtcheck.readers import InputError
from mtcheck.resources import word_list
from mtcheck.typography import typography
from mtcheck.segment import split_sentences

SEED = 20131201
TARGET_PER_100 = 2.0
NT13 = SHARED / "data" / "newstest2013-multi"
NTREX = SHARED / "data" / "ntrex128-en-xx"
NTREX_FR = SHARED / "data" / "ntrex128-en-fr"
PAIRS = ("de-en", "es-en", "it-en", "en-de", "en-es", "en-fr")


@dataclass
class Doc:
    name: str
    src: list[str]
    tgt: list[str]


def _lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def newstest2013(src: str, tgt: str) -> list[Doc]:
    orig = src  # the original language of the documents taken: the true direction
    meta = _lines(NT13 / "newstest2013.meta.tsv")[1:]
    s_lines, t_lines = _lines(NT13 / f"newstest2013.{src}"), _lines(NT13 / f"newstest2013.{tgt}")
    docs: dict[str, Doc] = {}
    for row in meta:
        if not row.strip():
            continue
        line, docid, lang, _ = row.split("\t")
        if lang != orig:
            continue
        k = int(line) - 1
        d = docs.setdefault(docid, Doc(f"nt13:{docid}", [], []))
        d.src.append(s_lines[k].strip())
        d.tgt.append(t_lines[k].strip())
    return list(docs.values())


def ntrex(src: str, tgt: str) -> list[Doc]:
    folder = NTREX_FR if "fr" in (src, tgt) else NTREX
    ids = _lines(folder / "ntrex128.docids")
    s_lines, t_lines = _lines(folder / f"ntrex128.{src}"), _lines(folder / f"ntrex128.{tgt}")
    docs: dict[str, Doc] = {}
    for docid, s, t in zip(ids, s_lines, t_lines):
        if docid.strip():
            d = docs.setdefault(docid, Doc(f"ntrex:{docid}", [], []))
            d.src.append(s.strip())
            d.tgt.append(t.strip())
    return list(docs.values())


def corpus(pair: str) -> list[Doc]:
    src, tgt = pair.split("-")
    return (newstest2013(src, tgt) if pair != "it-en" else []) + ntrex(src, tgt)


def verified_defects() -> dict[tuple[str, str, str, str], str]:
    """(pair, document, rule, flagged text) → reason, for findings verified by reading both sides
    to be real discrepancies of the professional translation (``bench/pair_defects.tsv``)."""
    with (Path(__file__).with_name("pair_defects.tsv")).open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(r["pair"], r["document"], r["rule"], r["text"]): r["reason"] for r in rows}


def run(doc: Doc, src_lang: str, tgt_lang: str, src=None, tgt=None):
    return check_texts(SEP.join(tgt or doc.tgt), SEP.join(src or doc.src), src_lang, tgt_lang, name=doc.name.replace(":", "_").replace("/", "_"))


def describe(result, f) -> str:
    doc, span = (result.target, f.target) if f.target is not None else (result.source, f.source)
    flagged = doc.slice(span) if span and doc else ""
    where = "" if f.target is not None else "SOURCE "
    return f"{where}{clip(flagged, 50)!r} — {clip(f.message, 110)}"


# ---------------------------------------------------------------- injections

_LOWER = regex.compile(r"(?<![\p{L}\p{N}'’._/@-])\p{Ll}{4,}(?![\p{L}\p{N}'’-])")
_CAP = regex.compile(r"(?<![\p{L}\p{N}'’._/@-])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}'’-])")
_NUMBER = regex.compile(r"(?<![\p{L}\d.,])\d+(?:[.,]\d+)*(?![\d\p{L}])")
_DIGITS = regex.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
# A decimal as the target language writes it, and what a translator who kept the source's
# format would have written instead.
DECIMALS = {
    "en": (regex.compile(r"(?<![\d,.])\d+\.\d{1,2}(?![\d.]|,\d)"), ".", ","),
    "de": (regex.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,]|\.\d)"), ",", "."),
    "es": (regex.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,]|\.\d)"), ",", "."),
    "fr": (regex.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,]|\.\d)"), ",", "."),
}
LEFTOVERS = {"de": "Lesen Sie auch: ", "es": "Lea también: ", "it": "Leggi anche: ", "en": "Read more: ", "fr": "Lire aussi : "}
CALENDAR = {
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril juin juillet août septembre octobre novembre décembre",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero abril junio julio agosto septiembre octubre noviembre diciembre",
}


@dataclass
class Injection:
    src: list[str]
    tgt: list[str]
    target: Span | None
    source: Span | None
    what: str


def _replace(doc: Doc, k: int, start: int, end: int, new: str, what: str) -> Injection:
    tgt = list(doc.tgt)
    tgt[k] = tgt[k][:start] + new + tgt[k][end:]
    o = offsets(tgt)[k]
    return Injection(list(doc.src), tgt, Span(o + start, o + start + len(new)), None, what)


def _mid(text: str, start: int, lang: str) -> bool:
    if start in {a for a, _ in split_sentences(text, lang)}:
        return False
    before = text[:start].rstrip(" \u00a0\u202f")
    return bool(before) and before[-1] not in "«»„“”\"‘'([:—–-.!?…¿¡"


def inj_doubled(doc, rng, pair, others):
    c = [(k, m) for k, p in enumerate(doc.tgt) for m in _LOWER.finditer(p)]
    if not c:
        return None
    k, m = rng.choice(c)
    return _replace(doc, k, m.start(), m.end(), f"{m.group()} {m.group()}", f"doubled {m.group()!r}")


def inj_lower_name(doc, rng, pair, others):
    """A name (a capitalised word of both sides that is no ordinary English word: not German
    ``Import``, not ``Labour``) lowercased inside a target sentence."""
    tgt_lang = pair.split("-")[1]
    common = set(word_list("en", "common_words"))
    c = []
    for k, p in enumerate(doc.tgt):
        words = {w for w in _CAP.findall(doc.src[k]) if w.lower() not in common}
        c += [(k, m) for m in _CAP.finditer(p) if m.group() in words and _mid(p, m.start(), tgt_lang)]
    if not c:
        return None
    k, m = rng.choice(c)
    low = m.group()[0].lower() + m.group()[1:]
    return _replace(doc, k, m.start(), m.end(), low, f"{m.group()!r} → {low!r}")


def inj_untranslated(doc, rng, pair, others):
    c = [k for k in range(len(doc.src)) if len(doc.src[k].split()) >= 5]
    if not c:
        return None
    k = rng.choice(c)
    return _replace(doc, k, 0, len(doc.tgt[k]), doc.src[k], f"¶{k + 1} left in the source language")


def _values(text: str) -> set[str]:
    return {regex.sub(r"\D", "", m.group()).lstrip("0") or "0" for m in _DIGITS.finditer(text)}


def inj_number(doc, rng, pair, others):
    c = [(k, m) for k, p in enumerate(doc.tgt) for m in _NUMBER.finditer(p)
         if (regex.sub(r"\D", "", m.group()).lstrip("0") or "0") in _values(doc.src[k])]
    if not c:
        return None
    k, m = rng.choice(c)
    old, values = m.group(), _values(doc.src[k])
    for step in range(1, 10):
        new = old[:-1] + str((int(old[-1]) + step) % 10)
        if (regex.sub(r"\D", "", new).lstrip("0") or "0") not in values:
            return _replace(doc, k, m.start(), m.end(), new, f"{old!r} → {new!r}")
    return None


def inj_number_format(doc, rng, pair, others):
    pattern, sep, wrong = DECIMALS[pair.split("-")[1]]
    c = [(k, m) for k, p in enumerate(doc.tgt) for m in pattern.finditer(p)]
    if not c:
        return None
    k, m = rng.choice(c)
    new = m.group().replace(sep, wrong)
    return _replace(doc, k, m.start(), m.end(), new, f"{m.group()!r} → {new!r}")


def inj_dropped(doc, rng, pair, others):
    c = [k for k in range(len(doc.src)) if len(doc.src[k].split()) >= 4]
    if not c or len(doc.tgt) < 2:
        return None
    k = rng.choice(c)
    return Injection(list(doc.src), doc.tgt[:k] + doc.tgt[k + 1:], None, _para_span(doc.src, k), f"dropped ¶{k + 1}")


def inj_added(doc, rng, pair, others):
    tgt_lang = pair.split("-")[1]
    pool = [p for d in others for p in d.tgt if len(p.split()) >= 6 and len(split_sentences(p, tgt_lang)) == 1 and p[-1:] in ".!?"]
    if not pool:
        return None
    j = rng.randrange(1, len(doc.tgt) + 1)
    tgt = doc.tgt[:j] + [rng.choice(pool)] + doc.tgt[j:]
    return Injection(list(doc.src), tgt, _para_span(tgt, j), None, f"added ¶ after ¶{j}")


def inj_leftover(doc, rng, pair, others):
    src_lang = pair.split("-")[0]
    line = LEFTOVERS[src_lang] + rng.choice(others).src[0]
    tgt = doc.tgt + [line]
    return Injection(list(doc.src), tgt, _para_span(tgt, len(tgt) - 1), None, "leftover line")


def inj_typography(doc, rng, pair, others):
    """The target language's own typography undone: French « » and no-break spaces, German „“,
    Spanish ¿, French/Spanish lowercase day and month names capitalised."""
    tgt_lang = pair.split("-")[1]
    c = []
    for k, p in enumerate(doc.tgt):
        if tgt_lang == "fr":
            c += [(k, m, "“" + m.group(1) + "”") for m in regex.finditer(r"«[\u00a0\u202f ]?([^»]{3,}?)[\u00a0\u202f ]?»", p)]
            c += [(k, m, m.group(1)) for m in regex.finditer(r"\p{L}[\u00a0\u202f]?([;:!?])", p) if m.group()[1:2] in "\u00a0\u202f"]
        if tgt_lang == "de":
            c += [(k, m, "“" + m.group(1) + "”") for m in regex.finditer(r"„([^“]{3,}?)“", p)]
        if tgt_lang == "es":
            c += [(k, m, "") for m in regex.finditer(r"¿", p)]
        if tgt_lang in CALENDAR:  # not the names a weekday or month doubles as (Domingo, Mars)
            homonyms = {w.lower() for w in typography(tgt_lang).get("calendar_homonyms", [])}
            words = [w for w in CALENDAR[tgt_lang].split() if w not in homonyms]
            c += [(k, m, m.group().capitalize()) for m in regex.finditer(r"\b(?:%s)\b" % "|".join(words), p) if _mid(p, m.start(), tgt_lang)]
    if not c:
        return None
    k, m, new = rng.choice(c)
    if tgt_lang == "fr" and len(new) == 1:  # no-break space removed before ; : ! ?
        return _replace(doc, k, m.start() + 1, m.end(), new, f"no space before {new!r}")
    return _replace(doc, k, m.start(), m.end(), new, f"{clip(m.group(), 30)!r} → {clip(new, 30)!r}")


KINDS = [
    ("doubled word", "fluency/repetition", inj_doubled),
    ("lowercased name", "fluency/casing", inj_lower_name),
    ("untranslated sentence", "accuracy/untranslated", inj_untranslated),
    ("changed number", "accuracy/number", inj_number),
    ("source number format", "locale/format", inj_number_format),
    ("dropped sentence", "accuracy/omission", inj_dropped),
    ("added sentence", "accuracy/addition", inj_added),
    ("leftover line", "other/leftover", inj_leftover),
    ("target typography", "*", inj_typography),
]


def overlaps(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return False
    if a.start == a.end:
        return b.start <= a.start <= b.end
    if b.start == b.end:  # a deletion (the ¿ removed): a finding that starts or ends there
        return a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


# ---------------------------------------------------------------- main


def measure(pair: str, samples: int, inject_docs: int) -> dict:
    src_lang, tgt_lang = pair.split("-")
    docs = corpus(pair)
    refused: list[str] = []
    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    by_corpus: collections.Counter[str] = collections.Counter()
    verified = verified_defects()
    defects: list[str] = []
    segments = 0
    for d in docs:
        segments += len(d.tgt)
        try:
            result = run(d, src_lang, tgt_lang)
        except InputError as e:
            refused.append(f"{d.name}: {e.problem}")
            continue
        for f in result.findings:
            if not is_problem(f):
                continue
            rule, _, text = key(result, f)
            reason = verified.get((pair, d.name, rule, text))
            if reason is not None:
                defects.append(f"{d.name}: {describe(result, f)}\n          verified: {reason}")
            else:
                counts[f.rule] += 1
                by_corpus[d.name.split(":")[0]] += 1
                examples[f.rule].append(f"{d.name}: {describe(result, f)}")
    total = sum(counts.values())
    per100 = 100 * total / segments
    print(f"\n== {pair}: {len(docs)} documents, {segments} segments ==")
    for prefix, label in (("nt13", "newstest2013"), ("ntrex", "NTREX-128")):
        n_seg = sum(len(d.tgt) for d in docs if d.name.startswith(prefix))
        if n_seg:
            print(f"  {label}: {by_corpus[prefix]} findings in {n_seg} segments → {100 * by_corpus[prefix] / n_seg:.2f} per 100")
    print(f"  refused as not a translation: {len(refused)}")
    for r in refused:
        print(f"    - {clip(r, 160)}")
    print(f"  error+warning findings: {total} → {per100:.2f} per 100 segments "
          f"({'MEETS' if per100 <= TARGET_PER_100 else 'ABOVE'} ≤ {TARGET_PER_100})")
    rng = random.Random(SEED)
    for rule, n in counts.most_common():
        print(f"    {rule:26s} {n:4d}  {100 * n / segments:5.2f} /100")
        for e in rng.sample(examples[rule], min(samples, n)):
            print(f"        - {e}")
    if defects:
        print(f"  not counted: {len(defects)} findings on discrepancies verified by reading (bench/pair_defects.tsv):")
        for e in defects:
            print(f"    - {e}")

    # an unrelated article: each document against the next document's source
    unrelated = 0
    tried = 0
    for d, other in zip(docs, docs[1:] + docs[:1]):
        if min(len(d.tgt), len(other.src)) < 4:
            continue
        tried += 1
        try:
            run(d, src_lang, tgt_lang, src=other.src)
        except InputError:
            unrelated += 1
    print(f"  unrelated articles refused: {unrelated} / {tried}")

    # recall on injected artifacts
    pool = [d for d in docs if d.name.startswith("nt13")] + [d for d in docs if not d.name.startswith("nt13")][:inject_docs]
    print("  recall on injected artifacts:")
    recall = {}
    for name, family, inject in KINDS:
        found = applicable = 0
        misses: list[str] = []
        for d in pool:
            rng = random.Random(f"{SEED}:{pair}:{name}:{d.name}")
            inj = inject(d, rng, pair, [o for o in docs if o is not d])
            if inj is None:
                continue
            applicable += 1
            try:
                result = run(d, src_lang, tgt_lang, src=inj.src, tgt=inj.tgt)
            except InputError as e:
                misses.append(f"{d.name}: {inj.what}: refused ({clip(e.problem, 60)})")
                continue
            hit = any(
                (family == "*" or f.category == family) and (overlaps(f.target, inj.target) or overlaps(f.source, inj.source))
                for f in result.findings
            )
            found += hit
            if not hit:
                misses.append(f"{d.name}: {inj.what}")
        if applicable:
            recall[name] = found / applicable
            print(f"    {name:24s} {found:4d} / {applicable:<4d} {100 * found / applicable:6.1f}%")
            for m in misses[:3]:
                print(f"        miss: {clip(m, 150)}")
    return {"pair": pair, "refused": len(refused), "per100": per100, "recall": recall}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="*", default=list(PAIRS))
    ap.add_argument("--samples", type=int, default=4, help="sample findings printed per rule")
    ap.add_argument("--inject-docs", type=int, default=30, help="NTREX documents used for injections (newstest ones always)")
    args = ap.parse_args()
    started = time.perf_counter()
    rows = [measure(p, args.samples, args.inject_docs) for p in args.pairs]
    print("\n== Summary ==")
    print(f"  {'pair':6s} {'refused':>7s} {'per 100':>8s}  lowest recall")
    for r in rows:
        low = min(r["recall"].items(), key=lambda kv: kv[1]) if r["recall"] else ("-", 0)
        print(f"  {r['pair']:6s} {r['refused']:7d} {r['per100']:8.2f}  {100 * low[1]:.1f}% ({low[0]})")
    print(f"  ran in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
