"""Precision on a second corpus: NTREX-128 read backwards (French translation → English original).

What it measures: the 123 documents of ``../shared/data/ntrex128-en-fr`` (``ntrex128.docids``)
built as French source / English target pairs, one segment per paragraph, checked by the real
pipeline with MT off: error-or-warning findings per 100 segments, by rule, with a few samples
per rule. The corpus was translated from English, so read backwards some findings are real
discrepancies of its translation (a year changed, a sentence the translator added, which is
an omission in this direction); the samples let a reader tell them from false alarms.

No target is set (newstest2014's ``bench/precision.py`` carries the ≤ 2 per 100 target); this
script guards against tuning to one corpus. Run: ``python bench/precision_ntrex.py`` (≈ 10 s).
"""

from __future__ import annotations

import collections
import time

from _common import SHARED, check_texts, clip, is_problem

DATA = SHARED / "data" / "ntrex128-en-fr"


def documents() -> dict[str, list[tuple[str, str]]]:
    english = (DATA / "ntrex128.en").read_text(encoding="utf-8").splitlines()
    french = (DATA / "ntrex128.fr").read_text(encoding="utf-8").splitlines()
    ids = (DATA / "ntrex128.docids").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = collections.OrderedDict()
    for en, fr, doc in zip(english, french, ids):
        docs.setdefault(doc, []).append((fr, en))
    return docs


def main() -> None:
    started = time.perf_counter()
    docs = documents()
    counts: collections.Counter[str] = collections.Counter()
    samples: dict[str, list[str]] = collections.defaultdict(list)
    segments = 0
    for name, pairs in docs.items():
        segments += len(pairs)
        result = check_texts("\n\n".join(en for _, en in pairs), "\n\n".join(fr for fr, _ in pairs), name=name)
        for f in result.findings:
            if not is_problem(f):
                continue
            counts[f.rule] += 1
            if len(samples[f.rule]) < 3:
                doc, span = (result.target, f.target) if f.target else (result.source, f.source)
                samples[f.rule].append(f"{name}: {clip(doc.slice(span), 60)!r} — {clip(f.message, 90)}")
    total = sum(counts.values())
    print(f"== NTREX-128 backwards: {len(docs)} documents, {segments} segments ==")
    print(f"  error+warning findings: {total}  →  {100 * total / segments:.2f} per 100 segments")
    for rule, n in counts.most_common():
        print(f"    {rule:<26} {n:4d}  {100 * n / segments:5.2f} /100 seg")
        for sample in samples[rule]:
            print(f"        - {sample}")
    print(f"  ran in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
