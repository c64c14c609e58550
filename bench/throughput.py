"""Warm throughput of the heuristic checks, and how a cold run grows with article size.

What it measures:

1. Warm, in one process: the 108 French-original documents of newstest2014 (1,500 segments,
   read in place from ``../shared``; built in memory as ``bench/precision.py`` builds them: one
   segment per paragraph, parsed, segmented, aligned and checked by ``check_documents``, MT
   off). One untimed pass (data loading, pattern compilation), then ``--passes`` timed passes
   (default 3), each with the caches keyed by a document's text emptied first (``TEXT_CACHES``:
   new articles never hit them) and the garbage collector paced as the ``mtcheck`` command paces
   it (``cli.pace_collector``); prints segments/s and documents/s of the best pass, by CPU time of this one
   process (one core; steadier than wall time when other work shares the machine). Then one more pass under
   cProfile: the top 5 functions by cumulative time below the driver (the profiler inflates
   the times; read them for proportions). ``--by-stage`` adds one more pass timed per stage:
   reading and segmenting, alignment, each rule, the rest (CPU ms per pass and share).
2. Cold: ``python -m mtcheck check seedN.en.txt --no-mt --format json`` as a fresh process,
   where ``seedN`` is the seed article (``samples/putin-xi-summit.{en,fr}.txt``) repeated N
   times (paragraphs in order, N = 1, 10, 100), written to a temporary folder; median of 3
   runs (1 run for 100×), bytecode caching on as in `speed_vs_proselint.py`. Prints seconds and seconds per 1× copy: linear growth keeps the
   second figure flat once start-up is amortised.

Targets (issue 10): ≥ 3,000 segments/s warm on one core; cold time linear in article size.

Run from the repository root: ``python bench/throughput.py [--passes N] [--no-cold] [--by-stage]``
(about 30 s).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, check_documents, check_texts, document
from precision import SEP, load_corpus

SEED = REPO / "samples" / "putin-xi-summit"
SIZES = (1, 10, 100)


# Caches keyed by a sentence's or paragraph's text: a batch of new articles never hits them, but a
# pass over documents checked before would. Word-keyed and data-keyed caches stay warm, as in a batch.
TEXT_CACHES = (
    "mtcheck.checks.words:plain", "mtcheck.checks.words:tokens",
    "mtcheck.checks.casing:_mid_words", "mtcheck.checks.casing:is_title_case", "mtcheck.langid:guess",
    "mtcheck.checks.untranslated:_kept_spans", "mtcheck.checks.untranslated:_without_kept_names",
    "mtcheck.checks.untranslated:blank_kept",
)


def text_caches() -> list:
    """The caches of ``TEXT_CACHES`` (an error names one that no longer exists)."""
    import importlib

    found = []
    for where in TEXT_CACHES:
        module, name = where.split(":")
        cache = getattr(importlib.import_module(module), name, None)
        if not hasattr(cache, "cache_clear"):
            raise SystemExit(f"bench/throughput.py: {where} is no longer a cache; update TEXT_CACHES")
        found.append(cache)
    return found


def one_pass(corpus, fresh: bool = True) -> tuple[float, float]:
    """CPU and wall seconds of checking every document once; ``fresh``: with the bounded caches
    emptied first, so that no text is remembered from an earlier pass over the same documents."""
    if fresh:
        for cache in text_caches():
            cache.cache_clear()
    cpu, wall = time.process_time(), time.perf_counter()
    for doc in corpus:
        check_texts(SEP.join(doc.tgt), SEP.join(doc.src), name=doc.docid)
    return time.process_time() - cpu, time.perf_counter() - wall


def warm(passes: int, stages: bool) -> None:
    from mtcheck.checks import all_rules
    from mtcheck.cli import pace_collector

    corpus = load_corpus()
    segments = sum(len(d.tgt) for d in corpus)
    all_rules()
    pace_collector()  # as ``mtcheck check`` does once its modules are loaded
    one_pass(corpus)  # loads data, compiles patterns
    best, wall = min(one_pass(corpus) for _ in range(passes))
    print(f"warm: {len(corpus)} documents, {segments} segments; best of {passes} passes {best:.3f} CPU-s ({wall:.3f} s wall): "
          f"{segments / best:,.0f} segments/s, {len(corpus) / best:.1f} documents/s per CPU-second "
          "(target ≥ 3,000 segments/s on one core)")
    profiler = cProfile.Profile()
    profiler.enable()
    one_pass(corpus)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    skip = {"one_pass", "check_texts", "check_documents", "<listcomp>", "<genexpr>"}
    rows = sorted(
        ((ct, f"{Path(fn).name}:{line}({name})", nc) for (fn, line, name), (_, nc, _, ct, _) in stats.items()
         if "/mtcheck/" in fn and name not in skip),
        reverse=True,
    )
    print("  top 5 mtcheck functions by cumulative time under cProfile (s, calls):")
    for ct, where, nc in rows[:5]:
        print(f"    {ct:6.3f}  {where}  ×{nc}")
    if stages:
        by_stage(corpus)


@contextlib.contextmanager
def _stage_clock(spent: collections.Counter):
    """Time alignment and each rule's ``check`` into ``spent`` (CPU seconds) while active."""
    from mtcheck import pipeline
    from mtcheck.checks import all_rules

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return list(fn(*args, **kwargs)) if name in rules else fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - t
        return wrapper

    rules = all_rules()
    saved = {rid: cls.check for rid, cls in rules.items()}
    align = pipeline.align_documents
    pipeline.align_documents = timed("alignment", align)
    for rid, cls in rules.items():
        cls.check = timed(rid, cls.check)
    try:
        yield
    finally:
        pipeline.align_documents = align
        for rid, cls in rules.items():
            cls.check = saved[rid]


def by_stage(corpus) -> None:
    """One pass timed per stage: where a pass's CPU goes (a rule that first asks for a shared
    word form pays for computing it)."""
    spent: collections.Counter = collections.Counter()
    for cache in text_caches():
        cache.cache_clear()
    total = time.process_time()
    with _stage_clock(spent):
        for doc in corpus:
            t = time.process_time()
            target = document(SEP.join(doc.tgt), "en", f"{doc.docid}.en.txt")
            source = document(SEP.join(doc.src), "fr", f"{doc.docid}.fr.txt")
            spent["reading and segmenting"] += time.process_time() - t
            check_documents(target, source, "fr", "en", {"mt": False})
    total = time.process_time() - total
    spent["the rest (pipeline, finalising)"] = total - sum(spent.values())
    print(f"  by stage, one pass ({total:.3f} CPU-s; stages under 1 % left out):")
    for name, s in spent.most_common():
        if s >= total / 100:
            print(f"    {s * 1000:7.1f} ms  {100 * s / total:5.1f} %  {name}")


def cold() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPROFILE") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    texts = {lang: SEED.with_suffix(f".{lang}.txt").read_text(encoding="utf-8").strip() for lang in ("en", "fr")}
    print("cold: python -m mtcheck check seedN.en.txt --no-mt --format json (fresh process, source found by name)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            for lang, text in texts.items():
                Path(tmp, f"seed{n}.{lang}.txt").write_text("\n\n".join([text] * n) + "\n", encoding="utf-8")
            cmd = [sys.executable, "-m", "mtcheck", "check", str(Path(tmp, f"seed{n}.en.txt")), "--no-mt", "--format", "json"]
            times = []
            for _ in range(3 if n < 100 else 1):
                t = time.perf_counter()
                proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True)
                times.append(time.perf_counter() - t)
                if proc.returncode not in (0, 1):
                    print(f"  {n}×: failed (exit {proc.returncode}): {proc.stderr.decode()[-300:]}")
                    return
            s = statistics.median(times)
            print(f"  {n:4d}× seed: {s:7.3f} s   ({s / n:.3f} s per copy)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--no-cold", action="store_true", help="skip the cold whole-process runs")
    ap.add_argument("--by-stage", action="store_true", help="one more warm pass timed per stage and rule")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f}"
          + ("  — WARNING: loaded machine, times are inflated" if load > (os.cpu_count() or 1) * 0.75 else ""))
    warm(args.passes, args.by_stage)
    if not args.no_cold:
        cold()
    return 0


if __name__ == "__main__":
    sys.exit(main())
