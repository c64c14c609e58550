"""Helpers of the hostile-input tests: run the real command, snapshot every file of a tree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FR = "Il a dit : « Le taux est de 4,5 % et 57 000 personnes ont voté mardi à Kyiv. »\n\nLa réunion a duré deux heures.\n"
EN = "He said : « The rate is 4,5 % and 57 000 people voted on Tuesday in kyiv. »\n\nThe meeting lasted two hours.\n"


def mtcheck(*args, cwd: Path, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtcheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout, **kwargs)


def snapshot(*roots: Path) -> dict[str, bytes]:
    """Every regular file under ``roots`` (links not followed) and its bytes."""
    files = {}
    for root in roots:
        for p in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if p.is_file() and not p.is_symlink():
                files[str(p)] = p.read_bytes()
    return files


def one_error_line(proc: subprocess.CompletedProcess, *needles: str) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("mtcheck: error:")]
    assert len(lines) >= 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in proc.stderr, proc.stderr
    return lines[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A folder with ``story.en.txt`` (fixable leftovers) and its source ``story.fr.txt``."""
    (tmp_path / "story.fr.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "story.en.txt").write_text(EN, encoding="utf-8")
    return tmp_path
