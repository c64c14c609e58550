"""Batch throughput: newstest2014's 108 French-original documents in one `mtcheck check DIR` run.

What it does: writes each document as a pair ``<docid>.en.txt`` (the human English reference)
/ ``<docid>.fr.txt`` (the French original), one segment per paragraph, into a temporary
folder (read in place from ``../shared/data/newstest2014-fren``: ``newstest2014.fr-orig.{fr,en}``,
document ids from ``newstest2014.meta.tsv`` through ``newstest2014.fr-orig.lines``), then runs
the real command line as a subprocess, interpreter start included::

    mtcheck check DIR --no-mt --format jsonl --output FILE --quiet --jobs N

for N = 1 and 2 (``--jobs`` to change), ``--repeat`` times each, and prints per N:

* wall time and documents/s (best and median of the repeats), and the CPU seconds the
  process tree used (user + system, median): when other work loads the cores, 2 jobs can
  only beat 1 if the CPU figure shows a second core was free to use;
* peak memory: the largest single process (``ru_maxrss`` from ``wait4``) and the whole
  process tree (main process + workers), sampled from ``/proc`` every 20 ms;
* a check that the JSONL output has one report per document and the findings it holds.

Run from the repository root: ``python bench/batch.py [--jobs 1 2] [--repeat 3]``. On a
loaded machine compare figures from the same run only (the load average is printed).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = (REPO / ".." / "shared" / "data" / "newstest2014-fren").resolve()
SEP = "\n\n"


def write_corpus(folder: Path) -> int:
    fr = (DATA / "newstest2014.fr-orig.fr").read_text(encoding="utf-8").split("\n")
    en = (DATA / "newstest2014.fr-orig.en").read_text(encoding="utf-8").split("\n")
    orig = [int(x) for x in (DATA / "newstest2014.fr-orig.lines").read_text().split()]
    with (DATA / "newstest2014.meta.tsv").open(encoding="utf-8", newline="") as f:
        docid_of = {int(r["line"]): r["docid"] for r in csv.DictReader(f, delimiter="\t")}
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for k, line in enumerate(orig):
        src, tgt = docs.setdefault(docid_of[line], ([], []))
        src.append(fr[k].strip())
        tgt.append(en[k].strip())
    for docid, (src, tgt) in docs.items():
        (folder / f"{docid}.fr.txt").write_text(SEP.join(src) + "\n", encoding="utf-8")
        (folder / f"{docid}.en.txt").write_text(SEP.join(tgt) + "\n", encoding="utf-8")
    return len(docs)


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and its descendants, from /proc (KiB)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            parent[int(entry)] = int(fields[1])
            with open(f"/proc/{entry}/statm", "rb") as f:
                rss[int(entry)] = int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
    members = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parent.items():
            if ppid in members and pid not in members:
                members.add(pid)
                changed = True
    return sum(rss.get(p, 0) for p in members)


def run_once(folder: Path, jobs: int, out: Path) -> dict:
    cmd = [sys.executable, "-m", "mtcheck", "check", str(folder), "--no-mt", "--format", "jsonl",
           "--output", str(out), "--quiet", "--jobs", str(jobs), "--fail-on", "never", "--no-config"]
    peak_tree = 0
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"mtcheck exited {proc.returncode}: {stderr.strip()[:500]}")
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    findings = sum(len(r["documents"][0]["findings"]) for r in reports)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "docs": len(reports), "findings": findings,
            "max_rss_mib": usage.ru_maxrss / 1024, "tree_mib": peak_tree / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"missing {DATA}: this benchmark reads ../shared/data/newstest2014-fren")
        return 1
    with tempfile.TemporaryDirectory(prefix="mtcheck-batch-") as tmp:
        folder = Path(tmp) / "newstest2014"
        folder.mkdir()
        n = write_corpus(folder)
        print(f"{n} documents ({n} .en.txt targets + {n} .fr.txt sources) in {folder}")
        print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("command: mtcheck check DIR --no-mt --format jsonl --output FILE --quiet --jobs N\n")
        rows = []
        for jobs in args.jobs:
            runs = [run_once(folder, jobs, Path(tmp) / f"out-{jobs}.jsonl") for _ in range(args.repeat)]
            walls = [r["wall"] for r in runs]
            best, median = min(walls), statistics.median(walls)
            assert all(r["docs"] == n for r in runs), "the JSONL output lacks documents"
            cpu = statistics.median(r["cpu"] for r in runs)
            rows.append((jobs, best, median, n / best, n / median, cpu, max(r["max_rss_mib"] for r in runs),
                         max(r["tree_mib"] for r in runs), runs[0]["findings"]))
        print(f"{'jobs':>4}  {'best s':>7}  {'median s':>8}  {'docs/s best':>11}  {'docs/s median':>13}  {'CPU s':>6}  "
              f"{'peak RSS/process':>16}  {'peak RSS tree':>13}  findings")
        for jobs, best, median, rate_best, rate_median, cpu, rss, tree, findings in rows:
            print(f"{jobs:>4}  {best:7.2f}  {median:8.2f}  {rate_best:11.1f}  {rate_median:13.1f}  {cpu:6.2f}  "
                  f"{rss:13.0f} MiB  {tree:9.0f} MiB  {findings}")
        if len(rows) > 1:
            print(f"\nspeed-up {rows[-1][0]} jobs vs {rows[0][0]}: {rows[0][1] / rows[-1][1]:.2f}× (best wall times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
