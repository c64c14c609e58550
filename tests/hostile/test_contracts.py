"""Exit codes and error lines checked in-process: internal errors exit 3, unreadable files are
input errors, hostile cache entries are misses."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from mtcheck import cli
from tests.hostile.harness import EN, FR


@pytest.fixture
def pair(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTCHECK_DEBUG", "")  # recorded, so the --debug run's setting is undone after the test
    monkeypatch.delenv("MTCHECK_DEBUG")
    (tmp_path / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "story.fr.txt").write_text(FR, encoding="utf-8")
    return tmp_path


def run_main(monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["mtcheck", *args])
    with pytest.raises(SystemExit) as e:
        cli.main()
    return e.value.code, capsys.readouterr().err


def test_a_crash_exits_3_with_one_line_and_never_1(pair, monkeypatch, capsys):
    from mtcheck import report

    def boom(*args, **kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(report, "chunks", boom)  # what the CLI writes the report from
    code, err = run_main(monkeypatch, capsys, "check", "story.en.txt", "--no-mt")
    assert code == 3
    assert err.splitlines() == [
        "mtcheck: internal error: RuntimeError: renderer exploded; please report it (rerun with --debug for the traceback)"
    ]
    code, err = run_main(monkeypatch, capsys, "check", "story.en.txt", "--no-mt", "--debug")
    assert code == 3
    assert "Traceback" in err and "renderer exploded" in err


def test_a_crash_while_checking_one_file_exits_3(pair, monkeypatch, capsys):
    from mtcheck import pipeline

    def boom(*args, **kwargs):
        raise ValueError("rule exploded")

    monkeypatch.setattr(pipeline, "check_file", boom)
    code, err = run_main(monkeypatch, capsys, "check", "story.en.txt", "--no-mt")
    assert code == 3
    assert "please report it" in err and len(err.splitlines()) == 1


def test_usage_error_still_exits_2(pair, monkeypatch, capsys):
    code, err = run_main(monkeypatch, capsys, "check", "--no-such-option")
    assert code == 2 and len(err.splitlines()) == 1


def _unreadable(monkeypatch, name: str) -> None:
    """``name`` cannot be opened (as if mode 000 for a non-root user)."""
    import os

    real = os.open

    def refuse(path, *args, **kwargs):
        if os.path.basename(path) == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


def test_unreadable_target_is_an_input_error(pair, monkeypatch, capsys):
    _unreadable(monkeypatch, "story.en.txt")
    code, err = run_main(monkeypatch, capsys, "check", ".", "--no-mt", "-j", "1")
    assert code == 2
    assert "story.en.txt: cannot read (Permission denied)" in err


def test_fix_with_an_unreadable_source_goes_on_with_the_other_files(pair, monkeypatch, capsys):
    (pair / "other.en.txt").write_text(EN, encoding="utf-8")
    (pair / "other.fr.txt").write_text(FR, encoding="utf-8")
    _unreadable(monkeypatch, "story.fr.txt")
    code, err = run_main(monkeypatch, capsys, "fix", ".", "--no-backup")
    assert code == 2
    assert "story.fr.txt: cannot read (Permission denied)" in err
    assert (pair / "story.en.txt").read_text(encoding="utf-8") == EN
    assert "said said" not in (pair / "other.en.txt").read_text(encoding="utf-8")


# -- the MT cache never causes an error ---------------------------------------------------------


def test_cache_entries_that_do_not_read_back_cleanly_are_misses(tmp_path):
    from mtcheck.mt.cache import MTCache

    path = tmp_path / "mt.sqlite"
    cache = MTCache(path)
    cache.put_many({"ok": {"text": "fine", "logprob": -0.5, "tokens": 2}})
    cache.put_many({"surrogate": "\ud800"})  # cannot be stored: not an exception either
    cache.close()
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO mt (key, value, created) VALUES (?, ?, 0)", [
        ("lone", json.dumps({"text": "\ud800", "logprob": 0, "tokens": 1})),
        ("nan", '{"text": "x", "logprob": NaN, "tokens": 1}'),
        ("broken", "{not json"),
    ])
    db.commit()
    db.close()
    found = MTCache(path).get_many(["ok", "surrogate", "lone", "nan", "broken"])
    assert list(found) == ["ok"]


@pytest.mark.parametrize(
    "entry",
    [{"text": "x"}, ["x"], {"text": 3, "logprob": 0, "tokens": 1}, {"text": "x", "logprob": "0", "tokens": 1}, None],
)
def test_cached_translations_of_the_wrong_shape_are_misses(entry):
    from mtcheck.mt.session import _fits, _is_hypothesis

    assert not _is_hypothesis(entry)
    assert _is_hypothesis({"text": "x", "logprob": -1.5, "tokens": 3})
    plan = [([], 0, ["▁a", "▁b"], [])]
    assert _fits(plan, [[-1.0, -2.0, -0.1]])
    assert not _fits(plan, entry) and not _fits(plan, [["a", "b", "c"]]) and not _fits(plan, [[-1.0]])


def test_ctrl_c_stops_a_parallel_run_at_once_and_quietly(tmp_path):
    import os
    import signal
    import subprocess
    import time

    from tests.conftest import ROOT

    for k in range(12):  # long one-line texts: every worker is busy when Ctrl-C comes
        (tmp_path / f"s{k}.en.txt").write_text("He said said it, the minister said. " * 6000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mtcheck", "check", ".", "--no-mt", "-j", "8", "-f", "json", "-o", os.devnull],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, start_new_session=True,
    )
    time.sleep(3)
    os.killpg(proc.pid, signal.SIGINT)  # the terminal sends it to the whole process group
    start = time.perf_counter()
    proc.wait(timeout=30)
    assert time.perf_counter() - start < 2
    assert proc.returncode == 130
    lines = proc.stderr.read().decode().splitlines()
    assert lines[-1] == "mtcheck: error: interrupted"  # documents done before Ctrl-C may have printed notices
    assert not [ln for ln in lines if "Traceback" in ln or "KeyboardInterrupt" in ln or "error:" in ln and ln != lines[-1]]
