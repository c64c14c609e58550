"""Running ``mtcheck`` on hostile inputs: exit code, one-line stderr, inputs untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

EN = "The president spoke to reporters in Moscow on Monday. He said said the talks went well.\n"
FR = "Le président a parlé aux journalistes à Moscou lundi. Il a dit que les discussions s'étaient bien passées.\n"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` (links not followed) with its bytes."""
    out = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            p = Path(dirpath) / name
            if p.is_file() and not p.is_symlink():
                out[os.fsdecode(p)] = p.read_bytes()
    return out


def mtcheck(folder: Path, *args, stdin=None, stdout=subprocess.PIPE, env: dict | None = None) -> Run:
    """``python -m mtcheck ARGS`` in ``folder`` (MT off, a private cache), asserting that no
    file under ``folder`` changed and that no traceback was printed."""
    before = snapshot(folder)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "MTCHECK_CACHE_DIR": str(folder / ".cache"), **(env or {})}
    environment.pop("MTCHECK_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", *map(os.fsdecode, args)],
        cwd=folder, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=environment, timeout=120,
    )
    after = {k: v for k, v in snapshot(folder).items() if "/.cache/" not in k}
    before = {k: v for k, v in before.items() if "/.cache/" not in k}
    assert after == before, "an input file changed"
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr, stderr
    assert proc.returncode != 1 or "error:" not in stderr, "a crash reported as findings"
    return Run(proc.returncode, proc.stdout.decode("utf-8") if proc.stdout else "", stderr)


def one_error(run: Run, *fragments: str) -> str:
    """The single stderr line of an input error, which names ``fragments``."""
    errors = [line for line in run.lines if line.startswith("mtcheck: error:")]
    assert len(errors) == 1, run.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]
