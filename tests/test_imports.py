"""A heuristic-only check imports only what it needs: no MT layer, no unused report writers."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import ROOT

NEVER = ("mtcheck.mt", "torch", "transformers", "ctranslate2", "sentencepiece", "mtcheck.report.html", "mtcheck.report.sarif")

# ``-X importtime`` logs ``import`` statements but not ``importlib.import_module`` (how rule
# families and report writers load), so the run also lists ``sys.modules`` as it exits.
_RUN = (
    "import atexit, runpy, sys\n"
    "atexit.register(lambda: print('MODULES', *sorted(sys.modules), file=sys.stderr))\n"
    "sys.argv = ['mtcheck', *sys.argv[1:]]\n"
    "runpy.run_module('mtcheck', run_name='__main__')\n"
)


def _imported(*args: str) -> set[str]:
    """The modules ``python -X importtime -m mtcheck ARGS`` imports, run on this tree's code."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _RUN, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    logged = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", proc.stderr, re.MULTILINE))
    loaded = next(line.split()[1:] for line in proc.stderr.splitlines() if line.startswith("MODULES "))
    return logged | set(loaded)


def test_no_mt_check_imports_no_mt_module():
    modules = _imported("check", "samples/putin-xi-summit.en.txt", "--no-mt")
    assert {"mtcheck.pipeline", "mtcheck.checks.calque"} <= modules  # the run really checked
    assert not {m for m in modules if any(m == n or m.startswith(n + ".") for n in NEVER)}
    assert not {"json", "mtcheck.report.json"} & modules  # the text report needs no JSON encoder


def test_mt_commands_still_listed():
    proc = subprocess.run([sys.executable, "-m", "mtcheck", "--help"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0 and "models" in proc.stdout and "cache" in proc.stdout
