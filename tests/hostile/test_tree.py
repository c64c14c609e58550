"""A checked folder never reads or writes outside itself, and only regular files are read."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.hostile.conftest import EN, FR, mtcheck, one_error_line, snapshot

SECRET = "root:x:0:0:secret-password-line:/root:/bin/bash\n"


@pytest.fixture
def repo(story, tmp_path_factory):
    """``story`` plus ``leak.en.txt`` and ``other.fr.txt`` linking to files outside it."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "passwd").write_text(SECRET + EN, encoding="utf-8")
    (outside / "draft.fr.txt").write_text(FR, encoding="utf-8")
    (story / "leak.en.txt").symlink_to(outside / "passwd")
    (story / "other.en.txt").write_text(EN, encoding="utf-8")
    (story / "other.fr.txt").symlink_to(outside / "draft.fr.txt")
    return story, outside


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_folder_walk_never_reads_a_link_out_of_the_tree(repo, fmt):  # B1
    story, outside = repo
    proc = mtcheck("check", ".", "--no-mt", "-f", fmt, "-o", "../report.out", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "leak.en.txt", "outside")
    assert "other.fr.txt" in proc.stderr or "other.en.txt" in proc.stderr
    report = (story.parent / "report.out").read_text(encoding="utf-8")
    assert "secret-password-line" not in report and "story.en.txt" in report


def test_fix_on_a_folder_never_writes_out_of_the_tree(repo):  # B1
    story, outside = repo
    before = snapshot(outside)
    proc = mtcheck("fix", ".", cwd=story)
    assert proc.returncode == 2 and "outside" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(outside) == before
    assert not list(outside.glob("*.orig"))
    assert (story / "story.en.txt.orig").exists()  # the rest of the folder was fixed


def test_links_inside_the_tree_are_read(story):
    (story / "alias.en.txt").symlink_to(story / "story.en.txt")
    proc = mtcheck("check", ".", "--no-mt", "-f", "json", cwd=story)
    assert proc.returncode == 1 and "outside" not in proc.stderr


def test_a_file_named_on_the_command_line_is_read_where_it_leads(repo):
    story, _ = repo
    proc = mtcheck("check", "leak.en.txt", "--no-mt", "-f", "json", "--fail-on", "never", cwd=story)
    assert proc.returncode == 0, proc.stderr


def test_symlink_loop_in_a_folder_is_one_error_line(story):
    (story / "loop.en.txt").symlink_to(story / "loop.en.txt")
    proc = mtcheck("check", ".", "--no-mt", "-f", "json", cwd=story)
    assert proc.returncode == 2
    one_error_line(proc, "loop.en.txt")


def test_fifo_is_refused_without_blocking(story):  # B3
    os.mkfifo(story / "pipe.en.txt")
    proc = mtcheck("check", ".", "--no-mt", "-f", "json", cwd=story, timeout=30)
    assert proc.returncode == 2
    one_error_line(proc, "pipe.en.txt", "not a regular file")
    proc = mtcheck("fix", "pipe.en.txt", cwd=story, timeout=30)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr


@pytest.mark.parametrize("option", ["--baseline", "--decisions", "--glossary"])
def test_fifo_named_in_the_settings_is_refused_without_blocking(story, tmp_path, option):  # B3: they blocked forever
    os.mkfifo(tmp_path / "pipe")
    proc = mtcheck("check", "story.en.txt", "--no-mt", option, str(tmp_path / "pipe"), cwd=story, timeout=30)
    assert proc.returncode == 2
    one_error_line(proc, "pipe", "not a regular file")


@pytest.mark.parametrize("command", [["check", "--no-mt"], ["fix"]])
def test_device_is_refused_without_reading_it(tmp_path, command):  # B3: /dev/zero grew memory without bound
    proc = mtcheck(*command, "/dev/zero", "--tgt-lang", "en", cwd=tmp_path, timeout=30)
    assert proc.returncode == 2
    one_error_line(proc, "not a regular file")


def test_size_limit_is_enforced_while_reading(tmp_path):
    from mtcheck.readers import InputError, decode
    from mtcheck.safefiles import UnsafePath, read_regular

    big = tmp_path / "big.en.txt"
    big.write_bytes(b"word " * 300)
    with pytest.raises(UnsafePath, match="too large"):
        read_regular(big, limit=1000)
    assert len(read_regular(big, limit=1500)) == 1500
    (tmp_path / "ok.en.txt").write_text("A sentence.\n")
    assert decode(tmp_path / "ok.en.txt") == "A sentence.\n"
    with pytest.raises(InputError, match="not a regular file"):
        decode("/dev/null")


def test_report_to_stdout_device_still_works(story):
    proc = subprocess.run(f"{mtcheck.__globals__['sys'].executable} -m mtcheck check story.en.txt --no-mt -f json -o /dev/stdout",
                          shell=True, capture_output=True, text=True, cwd=story)
    assert proc.returncode == 1 and '"schema"' in proc.stdout


def test_unreadable_subfolder_is_an_error_line_not_skipped_silently(story, monkeypatch, capsys):
    import os as os_module

    from typer.testing import CliRunner

    from mtcheck.cli import app

    (story / "locked").mkdir()
    (story / "locked" / "other.en.txt").write_text(EN, encoding="utf-8")
    real = os_module.scandir

    def scandir(path="."):
        if os_module.path.basename(os_module.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os_module.fspath(path))
        return real(path)

    monkeypatch.setattr(os_module, "scandir", scandir)
    monkeypatch.chdir(story)
    result = CliRunner().invoke(app, ["check", ".", "--no-mt", "-f", "json", "-j", "1"])
    assert result.exit_code == 2
    assert "locked: cannot list this folder (Permission denied); its files were not checked" in result.stderr
    result = CliRunner().invoke(app, ["fix", ".", "--diff"])
    assert result.exit_code == 2 and "cannot list this folder" in result.stderr


def test_fix_through_a_link_uses_the_source_beside_the_link(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "store" / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "desk" / "story.en.txt").symlink_to(tmp_path / "store" / "story.en.txt")
    (tmp_path / "desk" / "story.fr.txt").write_text(FR, encoding="utf-8")
    proc = mtcheck("fix", "desk/story.en.txt", "--diff", cwd=tmp_path)
    assert proc.returncode == 1 and "in Kyiv" in proc.stdout  # the casing fix needs the source's "Kyiv"
    assert "No source found" not in proc.stderr
