import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLES

SEED = SAMPLES / "putin-xi-summit.en.txt"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "mtcheck", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_json_on_stdout_only_and_exit_1_on_errors():
    proc = run("check", SEED, "--no-mt", "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["schema"] == "mtcheck.report/1"
    assert report["documents"][0]["source_path"].endswith("putin-xi-summit.fr.txt")


def test_fail_on_never_exits_0():
    assert run("check", SEED, "--no-mt", "--fail-on", "never").returncode == 0


def test_monolingual_notice_on_stderr(tmp_path):
    target = tmp_path / "story.en.txt"
    target.write_text("The summit opened on Monday in Moscow. Leaders met for talks that lasted four hours in the Kremlin.", encoding="utf-8")
    proc = run("check", target, "--no-mt", "--format", "json")
    assert proc.returncode == 0
    assert "checked monolingually" in proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["source_path"] is None


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: d / "missing.en.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "e.en.txt").write_text("") and d / "e.en.txt" or d / "e.en.txt", "is empty"),
        (lambda d: (d / "b.en.txt").write_bytes(b"\x00\x01\x02binary") and d / "b.en.txt", "looks binary"),
        (lambda d: (d / "l.en.txt").write_bytes("Caf\u00e9".encode("latin-1")) and d / "l.en.txt", "not valid UTF-8"),
    ],
)
def test_bad_input_exit_2_one_line(tmp_path, setup, message):
    proc = run("check", setup(tmp_path), "--no-mt")
    assert proc.returncode == 2
    assert message in proc.stderr and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_wrong_language_and_identical_source(tmp_path):
    french = (SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8")
    wrong = tmp_path / "story.en.txt"
    wrong.write_text(french, encoding="utf-8")
    proc = run("check", wrong, "--no-mt")
    assert proc.returncode == 2 and "looks like 'fr' text" in proc.stderr
    (tmp_path / "same.en.txt").write_text("The same text in both files, for the summit in Moscow and more words here.", encoding="utf-8")
    (tmp_path / "same.fr.txt").write_text("The same text in both files, for the summit in Moscow and more words here.", encoding="utf-8")
    proc = run("check", tmp_path / "same.en.txt", "--no-mt")
    assert proc.returncode == 2 and "identical to its source" in proc.stderr


def test_rules_lists_and_documents():
    proc = run("rules")
    assert proc.returncode == 0 and "duplicate-word" in proc.stdout and "fluency/repetition" in proc.stdout
    proc = run("rules", "duplicate-word")
    assert "Leaves alone" in proc.stdout
    assert run("rules", "no-such-rule").returncode == 2


def test_heuristic_run_never_imports_torch():
    code = (
        "import sys\n"
        "from mtcheck.pipeline import check_pair\n"
        f"check_pair({str(SEED)!r}, settings={{'mt': False}})\n"
        "from mtcheck.cli import _mount_mt_commands\n_mount_mt_commands()\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'torch imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_run_collects_garbage_at_its_own_pace():
    """``python -m mtcheck`` loads its modules with the collector off, then runs with it on,
    waiting for ``_GC_YOUNG`` new objects (never left off: a long batch must still collect)."""
    code = (
        "import atexit, gc, runpy, sys\n"
        "atexit.register(lambda: print('GC', gc.isenabled(), gc.get_threshold()[0], file=sys.stderr))\n"
        f"sys.argv = ['mtcheck', 'check', {str(SEED)!r}, '--no-mt']\n"
        "runpy.run_module('mtcheck', run_name='__main__')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    from mtcheck.cli import _GC_YOUNG

    assert proc.returncode == 1 and f"GC True {_GC_YOUNG}" in proc.stderr


def test_mismatched_source_is_an_input_error():
    proc = run("check", SEED, "--source", SAMPLES / "clean-budget-vote.fr.txt", "--no-mt")
    assert proc.returncode == 2 and "does not look like a translation" in proc.stderr and proc.stderr.count("\n") == 1


def test_partial_translation_is_checked_not_refused(tmp_path):
    english = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8").split("\n\n")[:2]
    (tmp_path / "partial.en.txt").write_text("\n\n".join(english), encoding="utf-8")
    (tmp_path / "partial.fr.txt").write_text((SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", tmp_path / "partial.en.txt", "--no-mt", "--format", "json")
    assert proc.returncode == 1, proc.stderr  # omissions reported, not an input error
    rules = {f["rule"] for f in json.loads(proc.stdout)["documents"][0]["findings"]}
    assert "omission" in rules


def test_unknown_language_is_an_input_error():
    proc = run("check", SEED, "--src-lang", "xx", "--no-mt")
    assert proc.returncode == 2 and "unknown language 'xx'" in proc.stderr


def test_usage_errors_are_one_line():
    proc = run("check", "--bogus")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "No such option: --bogus" in proc.stderr


def test_a_target_in_the_default_source_language_is_a_usage_error(tmp_path):
    fr = "samples/putin-xi-summit.fr.txt"
    out = run("check", fr, "--no-mt")
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert "is tagged 'fr', the source language of the default fr→en pair" in line
    assert "check samples/putin-xi-summit.en.txt" in line and "--src-lang en --tgt-lang fr" in line
    before = (ROOT / fr).read_bytes()
    out = run("fix", fr)
    assert out.returncode == 2 and (ROOT / fr).read_bytes() == before
    assert not (ROOT / (fr + ".orig")).exists()


def test_english_rules_never_run_on_a_french_target():
    from mtcheck.checks import all_rules

    out = run("check", "samples/putin-xi-summit.fr.txt", "--no-mt", "--src-lang", "en", "--tgt-lang", "fr", "-f", "json")
    assert out.returncode == 0, out.stderr
    rules = {f["rule"] for f in json.loads(out.stdout)["documents"][0]["findings"]}
    english = {r for r, cls in all_rules().items() if cls.target_langs is not None and "fr" not in cls.target_langs}
    assert {"english-capitals", "foreign-quotes"} <= english and not rules & english
    out = run("fix", "samples/putin-xi-summit.fr.txt", "--diff", "--src-lang", "en", "--tgt-lang", "fr")
    assert out.returncode == 0 and out.stdout == ""


def test_rules_by_category_and_did_you_mean():
    out = run("rules", "fluency/casing")
    assert out.returncode == 0
    assert {line.split()[0] for line in out.stdout.splitlines()} >= {"name-casing", "english-capitals", "sentence-start-casing", "capitalised-calendar"}
    assert run("rules", "locale").stdout.count("locale/format") >= 5
    out = run("rules", "duplicat-word")
    assert out.returncode == 2 and "did you mean 'duplicate-word'?" in out.stderr
    out = run("check", SEED, "--no-mt", "--select", "fluency/casin")
    assert out.returncode == 2 and "did you mean 'fluency/casing'?" in out.stderr
    out = run("fix", SEED, "--diff", "--rule", "duplicate-wrd")
    assert out.returncode == 2 and "did you mean 'duplicate-word'?" in out.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["fix"], ["rules"], ["config"]])
def test_help_shows_no_internal_type_names(command):
    out = run(*command, "--help")
    assert out.returncode == 0
    assert "<bool>" not in out.stdout and "list[str]" not in out.stdout and "{targets}" not in out.stdout


def test_only_the_command_run_is_built_and_every_command_stays_registered(monkeypatch, capsys):
    import typer.main

    from mtcheck import cli

    before, built = list(cli.app.registered_commands), []
    build = typer.main.get_command_from_info
    monkeypatch.setattr(typer.main, "get_command_from_info", lambda command_info, **kw: built.append(command_info.callback.__name__) or build(command_info, **kw))
    for argv, expected in ((["rules"], ["rules"]), (["--help"], ["check", "fix", "rules", "show_config"])):
        built.clear()
        monkeypatch.setattr(sys, "argv", ["mtcheck", *argv])
        with pytest.raises(SystemExit) as stop:
            cli.main()
        assert stop.value.code == 0 and built[: len(expected)] == expected
        assert cli.app.registered_commands[: len(before)] == before
    assert "fix" in capsys.readouterr().out  # the help lists every command
