"""The hostile-input campaign's repros (issue 12): each ends in a one-line error (exit 2), an
internal-error line (exit 3), or is checked as valid input — never a traceback, never exit 1
for a crash, and no input file changes."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.hostile.harness import EN, FR, mtcheck, one_error


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "story.fr.txt").write_text(FR, encoding="utf-8")
    return tmp_path


# -- lone surrogates, huge numbers ------------------------------------------------------------


def test_json_lone_surrogate_is_read_as_a_replacement_character(tmp_path):
    (tmp_path / "s.en.json").write_text('{"title": "The president spoke.", "body": "He said said \\ud800 it."}', encoding="utf-8")
    for fmt in ("text", "json", "sarif", "html"):
        run = mtcheck(tmp_path, "check", "s.en.json", "--no-mt", "-f", fmt)
        assert run.code == 1, run.stderr
    report = json.loads(mtcheck(tmp_path, "check", "s.en.json", "--no-mt", "-f", "json").stdout)
    assert [f["rule"] for f in report["documents"][0]["findings"]] == ["duplicate-word"]


def test_xliff_cp_surrogate_is_read_as_a_replacement_character(tmp_path):
    (tmp_path / "x.xlf").write_text(
        '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">'
        '<file id="f"><unit id="u1"><segment><source>Il a dit.</source><target>He said said <cp hex="D800"/> it.</target>'
        "</segment></unit></file></xliff>",
        encoding="utf-8",
    )
    run = mtcheck(tmp_path, "check", "x.xlf", "--no-mt", "-f", "json")
    assert run.code == 1
    assert [f["rule"] for f in json.loads(run.stdout)["documents"][0]["findings"]] == ["duplicate-word"]


def test_json_integer_over_4300_digits(tmp_path):
    (tmp_path / "n.en.json").write_text('{"title": "The president spoke.", "views": %s}' % ("9" * 5000), encoding="utf-8")
    run = mtcheck(tmp_path, "check", "n.en.json", "--no-mt")
    assert run.code == 2
    one_error(run, "n.en.json", "number too long")


# -- baselines, configuration, globs -----------------------------------------------------------


@pytest.mark.parametrize(
    "content, code",
    [
        ('{"schema": "mtcheck.baseline/1", "documents": {"a\\u0000b": [{"id": "x"}]}}', 1),
        ('{"schema": "mtcheck.baseline/1", "documents": {"\\ud800": [{"id": "x"}]}}', 1),
        ("[" * 100_000 + "]" * 100_000, 2),
        ('{"schema": "mtcheck.baseline/1", "documents": {}, "n": %s}' % ("9" * 5000), 2),
    ],
    ids=["nul-key", "surrogate-key", "deep-nesting", "huge-number"],
)
def test_hostile_baseline_files(pair, content, code):
    (pair / "base.json").write_text(content, encoding="utf-8")
    run = mtcheck(pair, "check", "story.en.txt", "--no-mt", "--baseline", "base.json")
    assert run.code == code, run.stderr
    if code == 2:
        one_error(run, "base.json", "not a baseline file")


@pytest.mark.parametrize(
    "content", ["[" * 100_000 + "]" * 100_000, '{"schema": "mtcheck.decisions/1", "documents": {}, "n": %s}' % ("9" * 5000)],
    ids=["deep-nesting", "huge-number"],
)
def test_hostile_decisions_files(pair, content):  # the baseline's twin ended as an internal error (exit 3)
    (pair / "decisions.json").write_text(content, encoding="utf-8")
    run = mtcheck(pair, "check", "story.en.txt", "--no-mt", "--decisions", "decisions.json")
    assert run.code == 2, run.stderr
    one_error(run, "decisions.json", "not a decisions file")


def test_deeply_nested_toml(pair):
    (pair / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    one_error(run := mtcheck(pair, "check", "story.en.txt", "--no-mt", "--config", "deep.toml"), "deep.toml", "nested too deeply")
    assert run.code == 2


@pytest.mark.parametrize(
    "args, config, where",
    [
        (["--exclude", "[z-a]"], None, "--exclude"),
        (["--include", "[z-a]"], None, "--include"),
        ([], 'exclude = ["[z-a]"]\n', "exclude"),
        ([], '[[overrides]]\npaths = ["[z-a]"]\nignore = ["duplicate-word"]\n', "overrides[1]: paths"),
    ],
    ids=["exclude-flag", "include-flag", "config-exclude", "override-paths"],
)
def test_bad_glob_range(pair, args, config, where):
    if config:
        (pair / "mtcheck.toml").write_text(config, encoding="utf-8")
    run = mtcheck(pair, "check", ".", "--no-mt", *args)
    assert run.code == 2
    one_error(run, where, "bad glob '[z-a]'")


# -- folders -----------------------------------------------------------------------------------


def test_symlink_loop_in_a_folder_does_not_abort_the_batch(pair):
    os.symlink("loop.en.txt", pair / "loop.en.txt")
    run = mtcheck(pair, "check", ".", "--no-mt", "-f", "json")
    assert run.code == 2
    one_error(run, "loop.en.txt")
    assert [d["target_path"] for d in json.loads(run.stdout)["documents"]][0].endswith("story.en.txt")


def test_non_utf8_file_name_keeps_stdout_json_valid(pair):
    (pair / os.fsdecode(b"bad\xff.en.txt")).write_text(EN, encoding="utf-8")
    run = mtcheck(pair, "check", ".", "--no-mt", "-f", "json")
    assert run.code == 2
    one_error(run, "bad\\xff.en.txt", "rename it")
    assert len(json.loads(run.stdout)["documents"]) == 1


# -- glossaries --------------------------------------------------------------------------------


def test_glossary_target_of_only_a_bar(pair):
    (pair / "g.csv").write_text("source,target\nprésident,|\n", encoding="utf-8")
    run = mtcheck(pair, "check", "story.en.txt", "--no-mt", "--glossary", "g.csv")
    assert run.code == 2
    one_error(run, "g.csv", "names no translation")


def test_glossary_field_over_the_csv_limit(pair):
    (pair / "g.csv").write_text('source,target\nprésident,"' + "x" * 140_000 + '"\n', encoding="utf-8")
    run = mtcheck(pair, "check", "story.en.txt", "--no-mt", "--glossary", "g.csv")
    assert run.code == 2
    one_error(run, "g.csv", "field larger than field limit")


# -- output ------------------------------------------------------------------------------------


def test_full_disk_is_one_line_exit_2(pair):
    with open("/dev/full", "wb") as full:
        run = mtcheck(pair, "check", "story.en.txt", "--no-mt", stdout=full)
    assert run.code == 2
    one_error(run, "cannot write output", "No space left")


def test_closed_stdout_is_not_a_crash(pair):
    run = mtcheck(pair, "check", "story.en.txt", "--no-mt", stdout=subprocess.DEVNULL)
    assert run.code == 1  # the findings, reported nowhere
    proc = subprocess.run(
        f"{os.sys.executable} -m mtcheck check story.en.txt --no-mt >&-", shell=True, cwd=pair, capture_output=True,
        env={**os.environ, "PYTHONPATH": str(__import__("tests.conftest").conftest.ROOT)},
    )
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


def test_control_characters_are_escaped_in_the_text_report(tmp_path):
    (tmp_path / "esc.en.txt").write_text("The president \x1b[2J spoke said said \x07 yesterday.\n", encoding="utf-8")
    run = mtcheck(tmp_path, "check", "esc.en.txt", "--no-mt")
    assert run.code == 1
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "\\x1b[2J" in run.stdout and "\\x07" in run.stdout


# -- smaller contract breaks --------------------------------------------------------------------


def test_utf16_is_named_as_such_not_binary(tmp_path):
    (tmp_path / "u.en.txt").write_bytes("The president spoke.".encode("utf-16"))
    run = mtcheck(tmp_path, "check", "u.en.txt", "--no-mt")
    assert run.code == 2
    one_error(run, "u.en.txt", "is UTF-16 text; re-save it as UTF-8")


def test_nul_after_the_first_8_kb_is_refused(tmp_path):
    (tmp_path / "n.en.txt").write_text("The man spoke to us. " * 1000 + "\x00 end.\n", encoding="utf-8")
    run = mtcheck(tmp_path, "check", "n.en.txt", "--no-mt")
    assert run.code == 2
    one_error(run, "n.en.txt", "NUL bytes")


@pytest.mark.parametrize("item, name", [('"text"', "a string"), ("null", "null")])
def test_json_messages_name_json_types(tmp_path, item, name):
    (tmp_path / "a.en.json").write_text(f'[{{"title": "The president spoke."}}, {item}]', encoding="utf-8")
    run = mtcheck(tmp_path, "check", "a.en.json", "--no-mt")
    assert run.code == 2
    one_error(run, f"article #2 is {name}, expected an object")


def test_markdown_suppression_after_the_last_block_is_an_error(tmp_path):
    (tmp_path / "s.en.md").write_text(EN + "\n<!-- mtcheck: ignore duplicate-word -- quoted -->\n", encoding="utf-8")
    run = mtcheck(tmp_path, "check", "s.en.md", "--no-mt")
    assert run.code == 2
    one_error(run, "s.en.md", "line 3", "silences nothing")


def test_config_prints_valid_toml_for_control_characters(tmp_path):
    import tomllib

    (tmp_path / "mtcheck.toml").write_text('allowlist = ["a\\u0007b", "c\\nd"]\n', encoding="utf-8")
    run = mtcheck(tmp_path, "config")
    assert run.code == 0
    assert tomllib.loads(run.stdout)["tool"]["mtcheck"]["allowlist"] == ["a\x07b", "c\nd"]


def test_fix_diff_in_a_read_only_folder(pair, monkeypatch):
    import tempfile as real_tempfile

    from mtcheck import fix

    made = real_tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None:
            raise PermissionError(13, "Permission denied")
        return made(*args, **kwargs)

    monkeypatch.setattr(fix.tempfile, "mkstemp", mkstemp)
    snapshot, outcome = fix.compute(pair / "story.en.txt", None, src_lang="fr", tgt_lang="en", settings={})
    assert outcome.changed and "said said" not in outcome.fixed
