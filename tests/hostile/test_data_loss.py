"""Nothing the user wrote is ever replaced by a report, a baseline, a backup or an undo."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat

import pytest

from tests.hostile.conftest import mtcheck, one_error_line, snapshot


@pytest.mark.parametrize("fmt", ["text", "json", "html", "jsonl"])
@pytest.mark.parametrize("victim", ["story.en.txt", "story.fr.txt"])
def test_report_never_replaces_an_input(story, fmt, victim):  # A1
    before = snapshot(story)
    proc = mtcheck("check", "story.en.txt", "--no-mt", "-f", fmt, "-o", victim, cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, victim, "input of this run")
    assert snapshot(story) == before


def test_report_never_replaces_a_glossary_or_config_or_baseline(story):  # A1
    (story / "terms.csv").write_text("source,target\nKyiv,Kyiv\n", encoding="utf-8")
    (story / "mtcheck.toml").write_text("fail-on = \"never\"\n", encoding="utf-8")
    assert mtcheck("check", "story.en.txt", "--no-mt", "--write-baseline", "base.json", cwd=story).returncode == 0
    before = snapshot(story)
    for args in (["--glossary", "terms.csv", "-o", "terms.csv"], ["-o", "mtcheck.toml"], ["--baseline", "base.json", "-o", "base.json"]):
        proc = mtcheck("check", "story.en.txt", "--no-mt", *args, cwd=story)
        assert proc.returncode == 2, args
        one_error_line(proc, "input of this run")
    assert snapshot(story) == before


def test_report_through_a_hard_link_to_an_input_is_refused(story):  # A1, compared by inode
    os.link(story / "story.en.txt", story / "report.txt")
    before = snapshot(story)
    proc = mtcheck("check", "story.en.txt", "--no-mt", "-o", "report.txt", cwd=story)
    assert proc.returncode == 2
    assert snapshot(story) == before


def test_jsonl_report_named_like_a_target_inside_the_checked_folder(story):  # A1
    (story / "out").mkdir()
    proc = mtcheck("check", ".", "--no-mt", "-f", "jsonl", "-o", "report.en.txt", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "checked folder")
    assert not (story / "report.en.txt").exists()
    proc = mtcheck("check", ".", "--no-mt", "-f", "jsonl", "-o", "out/report.jsonl", cwd=story)
    assert proc.returncode == 1 and len((story / "out/report.jsonl").read_text().splitlines()) == 1
    assert not [p for p in story.rglob("*mtcheck-tmp*")]


def test_baseline_never_replaces_an_article_or_another_file(story):  # A2
    (story / "notes.json").write_text('{"mine": true}\n', encoding="utf-8")
    before = snapshot(story)
    for victim, needle in (("story.en.txt", "input of this run"), ("story.fr.txt", "input of this run"), ("notes.json", "not an mtcheck baseline")):
        proc = mtcheck("check", "story.en.txt", "--no-mt", "--write-baseline", victim, cwd=story)
        assert proc.returncode == 2, victim
        one_error_line(proc, needle)
    assert snapshot(story) == before
    assert mtcheck("check", "story.en.txt", "--no-mt", "--write-baseline", "b.json", cwd=story).returncode == 0
    assert mtcheck("check", "story.en.txt", "--no-mt", "--write-baseline", "b.json", cwd=story).returncode == 0  # its own kind: replaced


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))  # under every format's report of the story


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "html", "sarif", "junit"])
def test_failed_report_write_keeps_the_previous_report(story, fmt):  # A5: a full disk, reports written as they are made
    (story / "report.out").write_text("the previous report\n", encoding="utf-8")
    # no .pyc written under the limit: a first import there left a 100-byte .pyc (CPython keeps
    # what a short write wrote) that broke every later import of that module in the checkout
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = mtcheck("check", "story.en.txt", "--no-mt", "-f", fmt, "-o", "report.out", cwd=story, preexec_fn=_limit_file_size, env=env)
    assert proc.returncode == 2
    one_error_line(proc, "cannot write report", "unchanged")
    assert (story / "report.out").read_text() == "the previous report\n"
    assert not [p for p in story.rglob("*mtcheck-tmp*")]


def test_a_full_disk_on_the_first_run_is_the_report_error_not_a_crash(story, tmp_path_factory):  # A5, the cache still empty
    (story / "report.out").write_text("the previous report\n", encoding="utf-8")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MTCHECK_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    proc = mtcheck("check", "story.en.txt", "--no-mt", "-f", "json", "-o", "report.out", cwd=story, preexec_fn=_limit_file_size, env=env, timeout=180)
    assert proc.returncode == 2, proc.stderr  # the word lists were kept in memory (SQLite: disk I/O error), then the report could not be written
    one_error_line(proc, "cannot write report", "unchanged")
    assert (story / "report.out").read_text() == "the previous report\n"


@pytest.mark.parametrize("command", [["fix"], ["check"], ["fix", "--undo"], ["fix", "--diff"]])
def test_empty_path_argument_is_a_usage_error(story, command):  # A6
    before = snapshot(story)
    proc = mtcheck(*command, "", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "empty path")
    assert snapshot(story) == before


def test_second_fix_keeps_the_first_backup_and_undo_walks_back(story):  # A3
    original = (story / "story.en.txt").read_bytes()
    assert mtcheck("fix", "story.en.txt", cwd=story).returncode == 0
    first_fix = (story / "story.en.txt").read_bytes()
    assert (story / "story.en.txt.orig").read_bytes() == original
    edited = first_fix.replace(b"two hours", b"two hours hours")
    (story / "story.en.txt").write_bytes(edited)
    proc = mtcheck("fix", "story.en.txt", cwd=story)
    assert proc.returncode == 0 and "story.en.txt.2.orig" in proc.stderr
    assert (story / "story.en.txt.orig").read_bytes() == original
    assert (story / "story.en.txt.2.orig").read_bytes() == edited
    assert mtcheck("fix", "--undo", "story.en.txt", cwd=story).returncode == 0
    assert (story / "story.en.txt").read_bytes() == edited
    # the file is now the editor's edit, not what the first fix wrote: only --force goes back
    assert mtcheck("fix", "--undo", "story.en.txt", cwd=story).returncode == 2
    assert mtcheck("fix", "--undo", "--force", "story.en.txt", cwd=story).returncode == 0
    assert (story / "story.en.txt").read_bytes() == original
    assert not list(story.glob("*.orig"))


def test_undo_refuses_to_discard_edits_made_after_the_fix(story):  # A4
    assert mtcheck("fix", "story.en.txt", cwd=story).returncode == 0
    edited = (story / "story.en.txt").read_bytes() + b"\nA paragraph the editor added.\n"
    (story / "story.en.txt").write_bytes(edited)
    before = snapshot(story)
    proc = mtcheck("fix", "--undo", "story.en.txt", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "changed since the fix", "--force")
    assert snapshot(story) == before
    assert mtcheck("fix", "--undo", "--force", "story.en.txt", cwd=story).returncode == 0
    assert not (story / "story.en.txt.orig").exists()


def test_fix_keeps_hard_links(story):
    os.link(story / "story.en.txt", story / "linked.txt")
    assert mtcheck("fix", "story.en.txt", cwd=story).returncode == 0
    assert os.path.samefile(story / "story.en.txt", story / "linked.txt")
    assert (story / "linked.txt").read_bytes() != (story / "story.en.txt.orig").read_bytes()


def test_fix_refuses_a_read_only_file(story):
    target = story / "story.en.txt"
    target.chmod(0o444)
    before = snapshot(story)
    proc = mtcheck("fix", "story.en.txt", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "read-only")
    assert snapshot(story) == before and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_cache_clear_refuses_a_file_that_is_not_a_cache(tmp_path):  # B4
    for content in (b"", b"my notes\n"):
        victim = tmp_path / "victim"
        victim.write_bytes(content)
        proc = mtcheck("cache", "clear", "--cache-path", victim, cwd=tmp_path)
        assert proc.returncode == 2 and "not an MT cache" in proc.stderr
        assert victim.read_bytes() == content


def test_write_baseline_output_is_valid_json(story):
    assert mtcheck("check", "story.en.txt", "--no-mt", "--write-baseline", "b.json", cwd=story).returncode == 0
    assert json.loads((story / "b.json").read_text())["schema"] == "mtcheck.baseline/1"


def test_a_damaged_cache_is_reported_and_cache_clear_removes_it(tmp_path):
    import sqlite3

    from mtcheck.mt.cache import MTCache

    path = tmp_path / "mt.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE mt (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL)")
    db.executemany("INSERT INTO mt VALUES (?, ?, ?)", [(str(i), "x" * 500, 0) for i in range(200)])
    db.commit()
    db.close()
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\xff" * 3900  # the SQLite header stays: it is ours, but damaged
    path.write_bytes(bytes(data))
    cache = MTCache(path)
    assert cache.get_many(["1"]) == {} and "mtcheck cache clear" in cache.error  # a miss and a notice, never an error
    proc = mtcheck("cache", "clear", "--cache-path", path, cwd=tmp_path)
    assert proc.returncode == 0 and "damaged" in proc.stdout and "removed" in proc.stdout
    assert not path.exists()
