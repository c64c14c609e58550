"""Wall time of a heuristic-only ``mtcheck check`` on the seed pair, interpreter start included.

What it measures:

1. ``mtcheck check samples/putin-xi-summit.en.txt --no-mt --format json`` run as a fresh
   subprocess (the console script next to this interpreter, else ``python -m mtcheck``):
   one untimed warm-up (file-system cache), then ``--runs`` timed runs (default 10); prints
   the median and the best, beside a bare ``python -c pass`` for reference. The JSON output
   is parsed once to make sure the timed command really checked the pair.
2. The import breakdown of that same command under ``python -X importtime``: total import
   time, the top 10 modules by cumulative time and by self time.
3. Where the rest of the time goes: one in-process run under cProfile (profiler overhead
   inflates it; read it for proportions): the top mtcheck functions by cumulative time and
   the time spent compiling regular expressions.
4. Whether torch, transformers, ctranslate2 or sentencepiece were imported (they must not
   be on a heuristic-only run).

Target (issue 2, "Done means"): median ≤ 0.5 s wall on this machine, interpreter start
included; no torch/transformers import.

Run from the repository root: ``python bench/speed_heuristics.py [--runs N]`` (about 10 s).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 0.5
ARGS = ["check", "samples/putin-xi-summit.en.txt", "--no-mt", "--format", "json"]
HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece", "tokenizers", "huggingface_hub", "numpy")
MUST_NOT = ("torch", "transformers")


def command() -> list[str]:
    script = Path(sys.executable).with_name("mtcheck")
    if script.is_file():
        return [str(script), *ARGS]
    found = shutil.which("mtcheck")
    return [found, *ARGS] if found else [sys.executable, "-m", "mtcheck", *ARGS]


CPU: list[float] = []  # user+sys seconds of each timed child, appended by ``timed``


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, proc


def profile_run() -> None:
    """One in-process run of the same command under cProfile, in a child interpreter."""
    code = (
        "import cProfile, contextlib, io, pstats, sys\n"
        f"sys.argv = ['mtcheck', *{ARGS!r}]\n"
        "from mtcheck.cli import main\n"
        "pr = cProfile.Profile(); pr.enable()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()): main()\n"
        "except SystemExit: pass\n"
        "pr.disable()\n"
        "st = pstats.Stats(pr).stats\n"
        "total = max(v[3] for v in st.values())\n"
        "print(f'TOTAL\\t{total}')\n"
        "for (fn, line, name), (cc, nc, tt, ct, _) in st.items():\n"
        "    if '/mtcheck/' in fn or name in ('compile', '_compile') and 'regex' in fn or fn.endswith('re/__init__.py') and name == '_compile':\n"
        "        print(f'{fn}\\t{line}\\t{name}\\t{nc}\\t{ct}')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"\n(profile run failed: {proc.stderr.strip().splitlines()[-1:]})")
        return
    total, rows = 0.0, []
    for line in proc.stdout.splitlines():
        parts = line.split("\t")
        if parts[0] == "TOTAL":
            total = float(parts[1])
        elif len(parts) == 5:
            rows.append((parts[0], int(parts[1]), parts[2], int(parts[3]), float(parts[4])))
    print(f"\n== In-process profile of the same command (cProfile, {total:.3f} s with profiler overhead) ==")
    compiles = [r for r in rows if "/mtcheck/" not in r[0]]
    regex_compile = max((r for r in compiles if "regex" in r[0] and r[2] == "compile"), key=lambda r: r[4], default=None)
    re_compile = next((r for r in compiles if "/re/" in r[0]), None)
    if regex_compile:
        print(f"  regex.compile: {regex_compile[3]} calls, {regex_compile[4]:.3f} s cumulative")
    if re_compile:
        print(f"  re._compile:   {re_compile[3]} calls, {re_compile[4]:.3f} s cumulative")
    print("  top 12 mtcheck functions by cumulative time (s):")
    own = sorted((r for r in rows if "/mtcheck/" in r[0]), key=lambda r: -r[4])
    for fn, line, name, nc, ct in own[:12]:
        short = fn[fn.index("/mtcheck/") + 1 :]
        print(f"    {ct:6.3f}  {short}:{line}({name})  ×{nc}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPROFILEIMPORTTIME"}

    cmd = command()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}"
          + ("  — WARNING: loaded machine, wall times are inflated; rerun when idle" if load[0] > (os.cpu_count() or 1) * 0.75 else ""))
    print(f"command: {' '.join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd))}  (cwd {REPO})")
    _, proc = timed(cmd, env)  # warm-up
    if proc.returncode not in (0, 1):
        print(f"FAILED: exit {proc.returncode}\n{proc.stderr}")
        return 1
    report = json.loads(proc.stdout)
    doc = report["documents"][0]
    print(f"warm-up: exit {proc.returncode}, {len(doc['segments'])} segments, {len(doc['findings'])} findings, "
          f"summary {report['summary']}")

    base = sorted(timed([sys.executable, "-c", "pass"], env)[0] for _ in range(args.runs))
    CPU.clear()
    times = sorted(timed(cmd, env)[0] for _ in range(args.runs))
    cpu = sorted(CPU)
    median = statistics.median(times)
    print(f"\n== Wall time over {args.runs} runs (interpreter start included) ==")
    print(f"  mtcheck check --no-mt --format json: median {median:.3f} s, best {times[0]:.3f} s, worst {times[-1]:.3f} s "
          f"(target ≤ {TARGET_S} s: {'MEETS' if median <= TARGET_S else 'ABOVE'})")
    print(f"  same runs, CPU time (user+sys, less sensitive to load): median {statistics.median(cpu):.3f} s, best {cpu[0]:.3f} s")
    print(f"  bare `python -c pass`:               median {statistics.median(base):.3f} s, best {base[0]:.3f} s")

    # -X importtime on the same command, run through the interpreter so the flag applies.
    imp_cmd = [sys.executable, "-X", "importtime", "-m", "mtcheck", *ARGS]
    proc = subprocess.run(imp_cmd, cwd=REPO, env=env, capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total_self = sum(r[0] for r in rows)
    print(f"\n== Imports (python -X importtime -m mtcheck {' '.join(ARGS)}) ==")
    print(f"  {len(rows)} modules, {total_self / 1e3:.0f} ms importing in total (sum of self times)")
    print("  top 10 by cumulative time (ms; nested modules repeat their parents' time):")
    for self_us, cum_us, depth, name in sorted(rows, key=lambda r: -r[1])[:10]:
        print(f"    {cum_us / 1e3:7.1f}  {name}")
    print("  top 10 by self time (ms):")
    for self_us, cum_us, depth, name in sorted(rows, key=lambda r: -r[0])[:10]:
        print(f"    {self_us / 1e3:7.1f}  {name}")
    top_level = {}
    for self_us, cum_us, depth, name in rows:
        if depth == 0:
            root = name.split(".")[0]
            top_level[root] = top_level.get(root, 0) + cum_us
    print("  by top-level package (ms, cumulative of top-level imports):")
    for root, us in sorted(top_level.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {us / 1e3:7.1f}  {root}")

    profile_run()

    imported = {r[3] for r in rows}
    print("\n== Heavy MT modules imported? ==")
    bad = False
    for mod in HEAVY:
        hit = sorted(n for n in imported if n == mod or n.startswith(mod + "."))
        flag = "yes" if hit else "no"
        if hit and mod in MUST_NOT:
            bad = True
            flag = "YES (must not be)"
        print(f"  {mod:16s} {flag}")
    print(f"  torch/transformers not imported: {'CONFIRMED' if not bad else 'FAILED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
