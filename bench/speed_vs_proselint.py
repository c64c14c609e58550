"""Whole-process time of ``mtcheck check`` against a monolingual prose linter on the same file.

What it measures: ``python -m mtcheck check samples/putin-xi-summit.en.txt --no-mt`` (this
tree's code, text report, its French source found by name) and ``proselint check`` on the same
English file, each a fresh process, alternating (mtcheck, proselint, mtcheck, …), ``--runs``
each (default 9, at least 7) after one untimed warm-up of each. Prints the median and best wall
time of each, the median CPU time (user+sys, less sensitive to other load) and the
mtcheck/proselint ratio of the medians.

Both run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` is dropped from the children's
environment): an installed mtcheck has its ``.pyc`` files, as proselint's venv has; with the
variable set, only mtcheck's source tree would be recompiled on every run. The typer version
is printed: typer 0.29 builds a pydantic validator per option, about 0.1 s more per start.

proselint is not a dependency of mtcheck: the script installs it (``proselint==0.16.0``, the
version the issue measured) into its own virtual environment, ``bench/.venv-proselint``
(gitignored), on first use; that needs the package index once.

Target (issue 10): ratio ≤ 1.0; must be ≤ 1.5.

Run from the repository root: ``python bench/speed_vs_proselint.py [--runs N]`` (about 10 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "samples/putin-xi-summit.en.txt"
PROSELINT_VENV = REPO / "bench" / ".venv-proselint"
PROSELINT = "proselint==0.16.0"


def proselint() -> list[str]:
    exe = PROSELINT_VENV / "bin" / "proselint"
    if not exe.is_file():
        print(f"installing {PROSELINT} into {PROSELINT_VENV.relative_to(REPO)} …", file=sys.stderr)
        venv.create(PROSELINT_VENV, with_pip=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "-q", PROSELINT], check=True)
    return [str(exe), "check", SAMPLE]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of one run, and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    runs = max(args.runs, 7)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPROFILE") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])  # this tree's mtcheck
    commands = {
        "mtcheck": [sys.executable, "-m", "mtcheck", "check", SAMPLE, "--no-mt"],
        "proselint": proselint(),
    }
    typer = subprocess.run([sys.executable, "-c", "import importlib.metadata as m; print(m.version('typer'))"],
                           capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f}; {sys.executable}, typer {typer}"
          + ("  — WARNING: loaded machine, wall times are inflated" if load > (os.cpu_count() or 1) * 0.75 else ""))
    for name, cmd in commands.items():  # warm-up: file-system cache, .pyc files
        _, _, rc = timed(cmd, env)
        if rc not in (0, 1):
            print(f"{name} failed (exit {rc}): {' '.join(cmd)}")
            return 1
    wall: dict[str, list[float]] = {n: [] for n in commands}
    cpu: dict[str, list[float]] = {n: [] for n in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            w, c, _ = timed(cmd, env)
            wall[name].append(w)
            cpu[name].append(c)
    print(f"{runs} alternating runs each, {SAMPLE}:")
    for name, cmd in commands.items():
        shown = " ".join(Path(c).name if k == 0 else c for k, c in enumerate(cmd))
        print(f"  {name:9s} median {statistics.median(wall[name]):.3f} s, best {min(wall[name]):.3f} s wall; "
              f"median CPU {statistics.median(cpu[name]):.3f} s   ({shown})")
    ratio = statistics.median(wall["mtcheck"]) / statistics.median(wall["proselint"])
    cpu_ratio = statistics.median(cpu["mtcheck"]) / statistics.median(cpu["proselint"])
    verdict = "MEETS target ≤ 1.0" if ratio <= 1.0 else "within limit ≤ 1.5" if ratio <= 1.5 else "ABOVE limit 1.5"
    print(f"mtcheck/proselint: {ratio:.2f} wall ({verdict}), {cpu_ratio:.2f} CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
