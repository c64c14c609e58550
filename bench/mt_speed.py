"""Speed of the MT pass (forward MT + back-translation + forced scoring) on the seed article.

No pretrained weights are needed: the script builds random-weight models of the exact
Helsinki-NLP/opus-mt-fr-en shape (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocabulary
59,514, shared embeddings) for fr→en and en→fr, with their CTranslate2 int8 conversions,
and forces output lengths (as long as the input) since random weights stop anywhere.

For each backend it times, each in a fresh interpreter:
  * cold  — imports, model loading and the MT pass as the pipeline runs it over the aligned seed
            pair (samples/putin-xi-summit), with an empty cache: the aligner's prefetch of the
            source sentences, then the MT rules' shared analysis (forced decoding,
            back-translation of the segments that need it, decisions);
  * rerun — the same pass again on the unchanged text (persistent cache warm);
then tries several batch sizes. Prints wall and CPU seconds per stage and peak memory; the
machine is shared, so compare CPU seconds and medians. Random weights make nearly every
segment need its back-translation: ``--skip-share`` estimates, without a model, how many the
skip saves on professional translations (newstest2014, WMT14 systems standing in for the MT).
Targets on a 2-core CPU: cold ≤ 4.5 s (CTranslate2 int8, issue 10), ≤ 15 s (transformers), rerun ≤ 0.5 s.

    python bench/mt_speed.py [--backends ctranslate2,transformers] [--models-dir DIR] [--no-sweep]
                             [--back-translate-all] [--skip-share [SYSTEM ...]]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared").resolve()
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED_EN = REPO / "samples" / "putin-xi-summit.en.txt"
SEED_FR = REPO / "samples" / "putin-xi-summit.fr.txt"
DEFAULT_MODELS = Path(tempfile.gettempdir()) / "mtcheck-bench" / "models"
FORCED = {"force_length": True}


def corpus(lang: str) -> list[str]:
    lines = (REPO / "samples" / f"putin-xi-summit.{lang}.txt").read_text(encoding="utf-8").splitlines()
    nt = SHARED / "data" / "newstest2014-fren" / f"newstest2014.fr-orig.{lang}"
    if nt.is_file():
        lines += nt.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip()]


def ensure_models(models_dir: Path) -> None:
    from mtcheck.mt.models import locate, model_spec

    if all(locate(model_spec(p), models_dir).hf_dir and locate(model_spec(p), models_dir).ct2_dir
           for p in ("fr-en", "en-fr")):
        return
    from mtcheck.mt.randmodel import OPUS_MT, build_random_marian

    t = time.perf_counter()
    fr, en = corpus("fr"), corpus("en")
    for src, tgt, a, b, seed in (("fr", "en", fr, en, 0), ("en", "fr", en, fr, 1)):
        print(f"building a random opus-mt-{src}-{tgt}-shaped model in {models_dir} …", file=sys.stderr)
        build_random_marian(models_dir / f"opus-mt-{src}-{tgt}", src_lang=src, tgt_lang=tgt, src_lines=a,
                            tgt_lines=b, shape=OPUS_MT, seed=seed, spm_normalization=("nmt_nfkc", "nmt_nfkc"))
    print(f"built in {time.perf_counter() - t:.1f} s", file=sys.stderr)


def aligned_seed():
    """The seed pair, read, segmented and aligned by the core pipeline (MT off)."""
    from mtcheck.pipeline import check_pair

    result = check_pair(SEED_EN, SEED_FR, src_lang="fr", tgt_lang="en", settings={"mt": False})
    return result


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


class _Timed:
    """Wraps a session method: wall and CPU seconds spent in it, per direction."""

    def __init__(self, fn, wall: dict, cpu: dict, name: str) -> None:
        self.fn, self.wall, self.cpu, self.name = fn, wall, cpu, name

    def __call__(self, *args, **kw):
        direction = kw.get("direction", args[-1] if args and isinstance(args[-1], str) else "forward")
        stage = self.name if self.name == "forced" else direction
        t, c = time.perf_counter(), _cpu()
        try:
            return self.fn(*args, **kw)
        finally:
            self.wall[stage] = self.wall.get(stage, 0.0) + time.perf_counter() - t
            self.cpu[stage] = self.cpu.get(stage, 0.0) + _cpu() - c


def worker(args) -> dict:
    """One timed MT pass in this (fresh) interpreter; returns figures as a dict.

    The pass is the pipeline's: the aligner's prefetch of the source sentences, then the MT
    rules' shared analysis (forced decoding, back-translation where needed, decisions).
    """
    t0 = time.perf_counter()
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.mt_accuracy import MTAddition, MTMistranslation, MTOmission
    from mtcheck.mt.session import open_session

    result = aligned_seed()
    segs = [s for s in result.segments if s.source and s.target]
    for s in result.segments:
        s.scores.clear()
    t_prep = time.perf_counter()
    cpu0 = _cpu()
    settings = {
        "models_dir": args.models_dir,
        "backend": args.backend,
        "cache_path": args.cache,
        "mt_decoding": FORCED,
    }
    if args.batch_size:
        settings["batch_size"] = args.batch_size
    if args.score_batch_size:
        settings["score_batch_size"] = args.score_batch_size
    if args.hf_quantize:
        settings["hf_quantize"] = args.hf_quantize
    if args.threads:
        settings["threads"] = args.threads
    session, notice = open_session("fr", "en", settings)
    assert session is not None, notice
    src_sent = [x.text for s in segs for x in s.source]
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    session.translate_scored = _Timed(session.translate_scored, wall, cpu, "translate")
    session.score = _Timed(session.score, wall, cpu, "forced")
    t = time.perf_counter()
    c = _cpu()
    for eng in session.engines.values():
        if not args.lazy:
            eng.backend  # load now, so that stage times are model time only
    wall["load"], cpu["load"] = time.perf_counter() - t, _cpu() - c
    session.translate_scored(src_sent, "forward")  # what the aligner's prefetch does
    t, c, w0, c0 = time.perf_counter(), _cpu(), sum(wall.values()), sum(cpu.values())
    mt_settings = {"mt_thresholds": {"back_translate_all": 1}} if args.back_translate_all else {}
    ctx = CheckContext(result.target, result.source, result.segments, "fr", "en", mt_settings, session)
    findings = [f for r in (MTMistranslation, MTOmission, MTAddition) for f in r().check(ctx)]
    wall["analysis"] = time.perf_counter() - t - (sum(wall.values()) - w0)  # less the model calls made in it
    cpu["analysis"] = _cpu() - c - (sum(cpu.values()) - c0)
    end = time.perf_counter()
    d = session.describe()
    back = [s for s in segs if "back_translation_skipped" not in s.scores]
    return {
        "backend": args.backend,
        "segments": len(segs),
        "sentences": [len(src_sent), sum(len(s.target) for s in back)],
        "back_translated": len(back),
        "stages": {k: wall.get(k, 0.0) for k in ("load", "forward", "backward", "forced", "analysis")},
        "stages_cpu": {k: cpu.get(k, 0.0) for k in ("load", "forward", "backward", "forced", "analysis")},
        "mt_pass": end - t_prep,  # open + load + forward + backward + forced + analysis
        "process": (time.time() - args.started) if args.started else end - t0,  # incl. interpreter start
        "imports_and_alignment": t_prep - t0,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cpu_s": _cpu() - cpu0,  # user + system CPU time of the MT pass
        "stats": d["stats"],
        "models": [{k: m.get(k) for k in ("compute_type", "threads", "loaded")} for m in d["models"]],
        "findings": len(findings),
        "batch_size": args.batch_size,
        "score_batch_size": args.score_batch_size,
    }


def skip_share(system: str) -> None:
    """How many back-translations the skip saves on professional translations (an estimate).

    Random weights make every segment look suspicious, so the timed pass back-translates nearly
    all of them. Here newstest2014's French-original sentences and their human references go
    through the real decision (``analysis._Signals``) with a WMT14 system output standing in
    for the forward MT and planted forced decoding: a target word the stand-in does not vouch
    for (same left neighbour) gets -6 nats, the rest -0.5.
    """
    from types import SimpleNamespace

    from mtcheck.mt import analysis
    from mtcheck.mt.session import Hypothesis, TokenScores

    data = SHARED / "data" / "newstest2014-fren"
    if not data.is_dir():
        print(f"skip share: {data} not found")
        return
    keep = [int(x) - 1 for x in (data / "newstest2014.fr-orig.lines").read_text(encoding="utf-8").split()]
    sys_lines = (data / "sys" / f"newstest2014.{system}.en").read_text(encoding="utf-8").splitlines()
    src = (data / "newstest2014.fr-orig.fr").read_text(encoding="utf-8").splitlines()
    ref = (data / "newstest2014.fr-orig.en").read_text(encoding="utf-8").splitlines()

    class Chrf:
        def __init__(self) -> None:
            from sacrebleu.metrics import CHRF

            self.metric = CHRF()

        def chrf(self, hyp: str, ref: str) -> float:
            return self.metric.sentence_score(hyp, [ref]).score if hyp.strip() and ref.strip() else 0.0

    mt, th = Chrf(), analysis.thresholds(None)
    why: dict[str, int] = {}
    n = 0
    for S, T, M in zip(src, ref, (sys_lines[i] for i in keep)):
        if not (S.strip() and T.strip() and M.strip()):
            continue
        n += 1
        tw, mw = analysis.words(T), analysis.words(M)
        supported = analysis._supported(tw, mw, {tw[0].start} if tw else set())
        ts = TokenScores([w.text for w in tw], [(w.start, w.end) for w in tw],
                         [-0.5 if supported(i) else -6.0 for i in range(len(tw))] + [-0.5])
        seg = SimpleNamespace(source_text=S, target_text=T, target=[SimpleNamespace(text=T)])
        sig = analysis._Signals(seg, Hypothesis(M, -0.5, len(mw) + 1), ts, mt, "fr", "en", th)
        if sig.needs_back_translation:
            neg = len(analysis.negations(T, "en")) != len(analysis.negations(M, "en"))
            for reason, hit in (("addition", any(r[3] for r in sig.runs)), ("negation", neg),
                                ("omission", sig.corroborated_om)):
                why[reason] = why.get(reason, 0) + int(hit)
        else:
            why["skipped"] = why.get("skipped", 0) + 1
    sk = why.pop("skipped", 0)
    print(f"back-translation skipped for {sk}/{n} newstest2014 fr-orig segments ({100 * sk / max(1, n):.0f} %) "
          f"with {system} standing in for the MT; needed for " + ", ".join(f"{k} {v}" for k, v in sorted(why.items()))
          + " (a segment may count under several)")


def run_worker(backend: str, models_dir: Path, cache: Path, **extra) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--backend", backend,
           "--models-dir", str(models_dir), "--cache", str(cache), "--started", repr(time.time())]
    for k, v in extra.items():
        if v is not None and v is not False:
            cmd += [f"--{k.replace('_', '-')}"] + ([] if v is True else [str(v)])
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if out.returncode != 0:
        raise SystemExit(f"worker failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def rate(n: int, s: float) -> str:
    return f"{n / s:6.1f}/s" if s > 0.0005 else "  cached"


def report(label: str, r: dict) -> None:
    st, cp, n = r["stages"], r["stages_cpu"], r["segments"]
    ns, nt = r["sentences"]
    print(
        f"{label:<28} MT pass {r['mt_pass']:6.2f} s | load {st['load']:5.2f} s | forward {st['forward']:5.2f} s"
        f" {rate(ns, st['forward'])} | back {r['back_translated']:>2}/{n} segs {st['backward']:5.2f} s"
        f" {rate(nt, st['backward'])} | forced {st['forced']:5.2f} s {rate(n, st['forced'])}"
        f" | analysis {st['analysis']:5.2f} s | CPU {r['cpu_s']:5.2f} s (forward {cp['forward']:.2f}, back"
        f" {cp['backward']:.2f}, forced {cp['forced']:.2f}, analysis {cp['analysis']:.2f}) | process"
        f" {r['process']:5.2f} s | peak {r['peak_rss_mib']:5.0f} MiB | model calls {r['stats'].get('model_calls', 0)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backends", default="ctranslate2,transformers")
    ap.add_argument("--models-dir", default=str(DEFAULT_MODELS))
    ap.add_argument("--no-sweep", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="cold/rerun pairs per backend (the machine is noisy)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--backend", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    ap.add_argument("--started", type=float, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--score-batch-size", type=int, default=None)
    ap.add_argument("--hf-quantize", default=None, help="transformers on CPU: int8 (default) or none")
    ap.add_argument("--threads", type=int, default=None, help="CPU threads (default: all cores)")
    ap.add_argument("--lazy", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--back-translate-all", action="store_true",
                    help="back-translate every segment (threshold back_translate_all = 1), as before the skip")
    ap.add_argument("--skip-share", nargs="*", metavar="SYSTEM",
                    help="only estimate the share of back-translations skipped on newstest2014 (no model), "
                         "with these WMT14 systems standing in for the MT (default onlineB.0 uedin-wmt14.3024)")
    args = ap.parse_args()
    if args.skip_share is not None:
        for system in args.skip_share or ["onlineB.0", "uedin-wmt14.3024"]:
            skip_share(system)
        return
    if args.worker:
        print(json.dumps(worker(args)))
        return

    models_dir = Path(args.models_dir)
    ensure_models(models_dir)
    n_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"seed pair: {SEED_FR.name} → {SEED_EN.name}; {n_cores} CPU cores; forced output lengths")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            cache = Path(tmp) / f"{backend}.sqlite"
            quant = args.hf_quantize if backend == "transformers" else None
            colds, reruns = [], []
            for i in range(args.repeat):
                cache = Path(tmp) / f"{backend}-{i}.sqlite"
                opts = {"hf_quantize": quant, "threads": args.threads, "lazy": True,
                        "back_translate_all": args.back_translate_all}
                colds.append(run_worker(backend, models_dir, cache, **opts))
                reruns.append(run_worker(backend, models_dir, cache, **opts))
            c0 = colds[0]
            print(f"-- {backend} ({c0['models'][0]['compute_type']}, threads {c0['models'][0]['threads']},"
                  f" {c0['segments']} aligned segments, {c0['sentences'][0]} + {c0['sentences'][1]} sentences)")
            for i, (cold, rerun) in enumerate(zip(colds, reruns), 1):
                report(f"cold #{i} (empty cache)", cold)
                report(f"rerun #{i} (unchanged text)", rerun)
            target = 4.5 if backend == "ctranslate2" else 15.0
            cm = sorted(r["mt_pass"] for r in colds)
            rm = sorted(r["mt_pass"] for r in reruns)
            cc = sorted(r["cpu_s"] for r in colds)
            rc = sorted(r["cpu_s"] for r in reruns)
            print(f"   cold MT pass best {cm[0]:.2f} s, median {cm[len(cm) // 2]:.2f} s (target ≤ {target:g} s), "
                  f"CPU median {cc[len(cc) // 2]:.2f} s; rerun best {rm[0]:.2f} s, median {rm[len(rm) // 2]:.2f} s "
                  f"(target ≤ 0.5 s), CPU median {rc[len(rc) // 2]:.2f} s; load average {os.getloadavg()[0]:.1f}")
            if args.no_sweep:
                continue
            sizes = [(8, 16), (16, 16), (32, 16), (32, 32)] if backend == "ctranslate2" else [(8, 16), (16, 16), (32, 32)]
            for bs, sbs in sizes:
                r = run_worker(backend, models_dir, Path(tmp) / f"sweep-{backend}-{bs}-{sbs}.sqlite",
                               batch_size=bs, score_batch_size=sbs, hf_quantize=quant, threads=args.threads)
                report(f"batch {bs:>2} / score batch {sbs:>2}", r)


if __name__ == "__main__":
    main()
