"""Recall of the polarity and sentence-punctuation rules on errors injected into human references.

Over newstest2014's 108 French-original documents (the corpus of ``precision.py``), one
injection per document and kind, at a seeded random eligible place of the English reference:

- ``negation removed``: a ``not``/``n't``/``never`` of a paragraph whose French has a
  grammatical negation is dropped (``is not`` → ``is``, ``doesn't`` → ``does``, ``can't`` →
  ``can``, ``has never seen`` → ``has seen``);
- ``negation added``: ``not`` after the first auxiliary of a paragraph where neither side is
  negative (``was selected`` → ``was not selected``);
- ``final punctuation removed``: the final ``. ! ?`` of a paragraph of 8 words or more that is
  not the headline;
- ``sentence break removed``: two consecutive lines joined into one paragraph on both sides
  and the English full stop between them dropped (``… on Monday The talks …``; the rule sees
  only breaks before a capitalised function word, so this figure shows that limit);
- ``inner sentence mark``: ``.`` or ``?`` put between two lowercase words inside a sentence;
- ``hedge removed``: *apparently*/*allegedly*/*reportedly* dropped from a translation whose
  French has a journalistic conditional (few eligible places: the figure is indicative).

Detection = a finding of the expected MQM category (``accuracy/mistranslation`` for
polarity, ``fluency/punctuation`` for the others) whose target span overlaps the injected
span (for removals, the word beside the removed text); ``warning+`` counts only error and
warning findings. Also prints what ``polarity`` and ``reported-as-fact`` find on the clean
references. Run from the repository root: ``python bench/polarity_punct.py`` (≈ 1 min here).
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter

import regex
from _common import clip
from precision import Doc, Injection, _para_span, load_corpus, offsets, overlaps, run

from mtcheck.checks.polarity import cues
from mtcheck.model import Severity, Span
from mtcheck.segment import split_sentences

SEED = 20141201
TARGET = 0.90

_REMOVABLE = regex.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|do|does|did) not\b|\b(?:is|are|was|were|has|have|had|would|could|should|do|does|did|ca|wo)n['’]t\b|\bnever\b")
_AUXILIARY = regex.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b(?= \p{Ll})")
_BETWEEN_LOWER = regex.compile(r"(?<=\b\p{Ll}{3,}) (?=\p{Ll}{3,}\b)")
_CATEGORY = {
    "negation removed": "accuracy/mistranslation",
    "negation added": "accuracy/mistranslation",
    "final punctuation removed": "fluency/punctuation",
    "sentence break removed": "fluency/punctuation",
    "inner sentence mark": "fluency/punctuation",
    "hedge removed": "accuracy/mistranslation",
}


def _edit(doc: Doc, k: int, start: int, end: int, new: str, flagged: tuple[int, int], what: str) -> Injection:
    """Replace ``[start, end)`` of paragraph ``k`` by ``new``; ``flagged`` is the span (in the new
    paragraph) a finding must overlap."""
    tgt = list(doc.tgt)
    tgt[k] = tgt[k][:start] + new + tgt[k][end:]
    o = offsets(tgt)[k]
    shown = clip(tgt[k][max(0, flagged[0] - 60) : flagged[1] + 60], 170)
    return Injection(list(doc.src), tgt, Span(o + flagged[0], o + flagged[1]), None, _para_span(doc.src, k), what, shown)


def _negative(text: str, lang: str) -> bool:
    c = cues(lang)
    return bool(c.negations(text))


def _positive_form(cue: str) -> str:
    low = cue.lower()
    if low == "never":
        return ""
    if low.endswith("not"):
        return cue[: -len(" not")]
    return {"can't": "can", "won't": "will", "can’t": "can", "won’t": "will"}.get(low, cue[: -3])


def inj_negation_removed(doc: Doc, rng: random.Random) -> Injection | None:
    cands = [(k, m) for k, p in enumerate(doc.tgt) if k and _negative(doc.src[k], "fr") for m in _REMOVABLE.finditer(p)]
    if not cands:
        return None
    k, m = rng.choice(cands)
    new = _positive_form(m.group())
    start, end = (m.start() - 1, m.end()) if not new else (m.start(), m.end())  # "has never seen" → "has seen"
    return _edit(doc, k, start, end, new, (start - 1, start + len(new)), f"“{m.group()}” → “{new}”")


def inj_negation_added(doc: Doc, rng: random.Random) -> Injection | None:
    cands = [
        (k, m) for k, p in enumerate(doc.tgt)
        if k and not _negative(p, "en") and not _negative(doc.src[k], "fr") for m in _AUXILIARY.finditer(p)
    ]
    if not cands:
        return None
    k, m = rng.choice(cands)
    return _edit(doc, k, m.end(), m.end(), " not", (m.end() + 1, m.end() + 4), f"“{m.group()} not”")


def inj_final_removed(doc: Doc, rng: random.Random) -> Injection | None:
    cands = [k for k, p in enumerate(doc.tgt) if k and len(p.split()) >= 8 and p.rstrip()[-1:] in ".!?" and p.rstrip()[-2:-1].isalnum()]
    if not cands:
        return None
    k = rng.choice(cands)
    end = len(doc.tgt[k].rstrip())
    return _edit(doc, k, end - 1, end, "", (end - 2, end - 1), f"final “{doc.tgt[k][end - 1]}” removed")


def inj_break_removed(doc: Doc, rng: random.Random) -> Injection | None:
    """Two consecutive lines joined into one paragraph on both sides, the English full stop
    between them dropped (newstest lines are single French sentences)."""
    cands = [
        k for k in range(1, len(doc.tgt) - 1)
        if doc.tgt[k].endswith(".") and doc.tgt[k][-2:-1].isalnum() and doc.src[k].rstrip()[-1:] in ".!?"
        and doc.tgt[k + 1][:1].isupper() and len(split_sentences(doc.tgt[k], "en")) == 1
    ]
    if not cands:
        return None
    k = rng.choice(cands)
    joined = Doc(doc.docid, doc.lines, doc.src[:k] + [f"{doc.src[k]} {doc.src[k + 1]}"] + doc.src[k + 2 :],
                 doc.tgt[:k] + [f"{doc.tgt[k]} {doc.tgt[k + 1]}"] + doc.tgt[k + 2 :])
    end = len(doc.tgt[k])
    nxt = doc.tgt[k + 1].split()[0]
    return _edit(joined, k, end - 1, end, "", (end - 2, end - 1), f"“{doc.tgt[k][end - 8 : end]} {nxt}”: “.” removed")


def inj_inner_mark(doc: Doc, rng: random.Random) -> Injection | None:
    cands = [(k, m) for k, p in enumerate(doc.tgt) if k for m in _BETWEEN_LOWER.finditer(p)]
    if not cands:
        return None
    k, m = rng.choice(cands)
    mark = rng.choice(".?")
    return _edit(doc, k, m.start(), m.start(), mark, (m.start(), m.start() + 1), f"“{mark}” inserted")


_HEDGE = regex.compile(r"\b(?:apparently|allegedly|reportedly|supposedly|reputedly) ")


def inj_hedge_removed(doc: Doc, rng: random.Random) -> Injection | None:
    reported = cues("fr").reported
    cands = [(k, m) for k, p in enumerate(doc.tgt) if reported.search(doc.src[k]) for m in _HEDGE.finditer(p)]
    if not cands:
        return None
    k, m = rng.choice(cands)
    return _edit(doc, k, m.start(), m.end(), "", (max(0, m.start() - 1), m.start() + 1), f"“{m.group().strip()}” removed")


INJECTORS = {
    "negation removed": inj_negation_removed,
    "negation added": inj_negation_added,
    "final punctuation removed": inj_final_removed,
    "sentence break removed": inj_break_removed,
    "inner sentence mark": inj_inner_mark,
    "hedge removed": inj_hedge_removed,
}


def clean_findings(docs: list[Doc]) -> None:
    counts: Counter = Counter()
    shown = []
    for d in docs:
        r = run(d.src, d.tgt, d.docid)
        for f in r.findings:
            if f.rule in ("polarity", "reported-as-fact", "inner-sentence-mark", "final-punctuation"):
                counts[(f.rule, Severity(f.severity).value)] += 1
                shown.append(f"    {d.docid} {f.rule} [{Severity(f.severity).value}] {clip(r.target.slice(f.target), 100)}")
    print("== On the clean references ==")
    for (rule, sev), n in sorted(counts.items()):
        print(f"  {rule:22} {sev:8} {n}")
    print("\n".join(shown))


def main() -> int:
    t0 = time.time()
    docs = load_corpus()
    clean_findings(docs)
    print("\n== Recall on injected errors (one per document and kind) ==")
    ok = True
    for kind, inject in INJECTORS.items():
        rng = random.Random(f"{SEED}-{kind}")
        n = hit = hit_warn = 0
        misses = []
        for d in docs:
            inj = inject(d, rng)
            if inj is None:
                continue
            n += 1
            r = run(inj.src, inj.tgt, d.docid)
            found = [f for f in r.findings if f.category == _CATEGORY[kind] and overlaps(f.target, inj.target)]
            hit += bool(found)
            hit_warn += any(Severity(f.severity) is not Severity.INFO for f in found)
            if not found:
                misses.append(f"    {d.docid}: {inj.what}: {inj.shown}")
                if "-v" in sys.argv:
                    k = next(i for i, (a, b) in enumerate(zip(inj.tgt, d.tgt)) if a != b)
                    misses.append(f"      src: {clip(inj.src[k], 300)}")
                    misses.extend(f"      got: {f.rule} {Severity(f.severity).value} {f.message}" for f in r.findings if f.category == _CATEGORY[kind])
        rate = hit / n if n else 0.0
        ok &= rate >= TARGET
        print(f"  {kind:26} {hit:3}/{n:3} = {rate:6.1%} (warning+ {hit_warn / n if n else 0:6.1%})  target ≥ {TARGET:.0%}")
        print("\n".join(misses[: 60 if "-v" in sys.argv else 8]))
    print(f"\n{time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
