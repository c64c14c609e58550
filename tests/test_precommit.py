"""The real pre-commit (from PyPI) runs the `mtcheck` hook of this repository, offline.

`pre-commit try-repo REPO mtcheck --files ...` clones REPO, builds the hook's virtualenv and
pip-installs the clone into it, then runs the hook in a temporary git project: it must fail
on a planted doubled word and pass once the word is fixed.

REPO is a snapshot of this working tree (tracked files plus untracked, not ignored ones,
committed into a temporary repository), so the test checks what is on disk — committed or
not — and never touches this repository's git state. (`try-repo` on the repository itself
would only see committed and tracked files.)

Offline: pip gets ``PIP_NO_INDEX=1`` (no index is contacted), and the packages mtcheck
depends on are those already installed in the running environment, made visible with
``PYTHONPATH``; ``PIP_NO_BUILD_ISOLATION=0`` (pip's spelling of ``--no-build-isolation``)
builds mtcheck with that environment's setuptools instead of downloading one. Where
``unshare -n`` works (Linux, root), the whole run happens in a network namespace with no
network at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

FR = (
    "Le Premier ministre japonais, Fumio Kishida, est arrivé mardi à Kyiv pour une visite surprise.\n\n"
    "Il doit rencontrer le président ukrainien, Volodymyr Zelensky, a indiqué le ministère japonais des Affaires étrangères.\n"
)
EN_FIXED = (
    "Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday for a surprise visit.\n\n"
    "He is due to meet Ukrainian President Volodymyr Zelensky, the Japanese foreign ministry said.\n"
)
EN_PLANTED = EN_FIXED.replace("meet Ukrainian", "meet meet Ukrainian")

GIT = ("git", "-c", "user.name=mtcheck tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV"))}
    paths = sysconfig.get_paths()
    site = os.pathsep.join(dict.fromkeys([paths["purelib"], paths["platlib"]]))
    env.update(
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PYTHONPATH=site,
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    return env


def _offline_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def _snapshot(dest: Path) -> None:
    """Copy this working tree's tracked and untracked (not ignored) files into a new git repo."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
    )
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout: try-repo needs one")
    for name in filter(None, listed.stdout.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    subprocess.run([*GIT, "init", "-q", str(dest)], check=True)
    subprocess.run([*GIT, "-C", str(dest), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(dest), "commit", "-q", "-m", "snapshot"], check=True)


def test_hook_fails_on_planted_error_and_passes_once_fixed(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is in the dev extra")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = tmp_path / "mtcheck-repo"
    hook_repo.mkdir()
    _snapshot(hook_repo)
    assert (hook_repo / ".pre-commit-hooks.yaml").is_file()

    project = tmp_path / "newsroom"
    (project / "world").mkdir(parents=True)
    subprocess.run([*GIT, "init", "-q", str(project)], check=True)
    (project / "world" / "kishida.fr.txt").write_text(FR, encoding="utf-8")
    target = project / "world" / "kishida.en.txt"
    target.write_text(EN_PLANTED, encoding="utf-8")
    subprocess.run([*GIT, "-C", str(project), "add", "-A"], check=True)

    env = _env(tmp_path)
    cmd = [*_offline_prefix(), sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "mtcheck", "--verbose",
           "--files", "world/kishida.en.txt", "world/kishida.fr.txt"]

    failed = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "Failed" in out and "duplicate-word" in out and "meet meet" in out, out

    target.write_text(EN_FIXED, encoding="utf-8")
    subprocess.run([*GIT, "-C", str(project), "add", "-A"], check=True)
    passed = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "Passed" in out and "0 errors" in out, out
