"""Configuration: discovery, validation, layering (file → per-path overrides → CLI), `mtcheck config`."""

from __future__ import annotations

import json
import textwrap

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.compat import tomllib
from mtcheck.config import Config, ConfigError, find_config, glob_match, resolve_rules

FR = (
    "Le Premier ministre japonais, Fumio Kishida, est arrivé mardi à Kyiv pour une visite surprise.\n\n"
    "Il doit rencontrer le président ukrainien, Volodymyr Zelensky, a indiqué le ministère japonais des Affaires étrangères.\n"
)
# Two planted errors: name-casing (kyiv, fluency/casing) and duplicate-word (meet meet, fluency/repetition).
EN = (
    "Japanese Prime Minister Fumio Kishida arrived in kyiv on Tuesday for a surprise visit.\n\n"
    "He is due to meet meet Ukrainian President Volodymyr Zelensky, the Japanese foreign ministry said.\n"
)


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def write_pair(folder, name="story", en=EN, fr=FR):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.fr.txt").write_text(fr, encoding="utf-8")
    target = folder / f"{name}.en.txt"
    target.write_text(en, encoding="utf-8")
    return target


def rules_found(result) -> dict[str, dict]:
    report = json.loads(result.stdout)
    return {f["rule"]: f for d in report["documents"] for f in d["findings"]}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_config(folder, text, name="mtcheck.toml"):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ------------------------------------------------------------------ discovery and validation


def test_discovery_walks_up_and_prefers_mtcheck_toml(project, monkeypatch):
    write_config(project, "[tool.mtcheck]\nfail-on = 'warning'\n", "pyproject.toml")
    sub = project / "a" / "b"
    sub.mkdir(parents=True)
    write_config(project / "a", "[project]\nname = 'x'\n", "pyproject.toml")  # no [tool.mtcheck]: skipped
    monkeypatch.chdir(sub)
    assert find_config() == project / "pyproject.toml"
    write_config(project, "fail-on = 'info'\n")
    assert find_config() == project / "mtcheck.toml"
    assert Config.load().get("fail-on") == "info"


@pytest.mark.parametrize("text, configures", [
    ("[tool.mtcheck]\nfail-on = 'warning'\n", True),
    ("[[tool.mtcheck.overrides]]\npaths = ['a/*']\n", True),
    ("[ tool . 'mtcheck' ]\nfail-on = 'warning'\n", True),
    ("[tool]\nmtcheck = {fail-on = 'warning'}\n", True),
    ("[tool]\n\"mtcheck\".fail-on = 'warning'\n", True),
    ("tool.mtcheck.fail-on = 'warning'\n[project]\nname = 'x'\n", True),
    ("tool = {mtcheck = {fail-on = 'warning'}}\n", True),
    ("[tool.\"\\u006dtcheck\"]\nfail-on = 'warning'\n", True),
    ("[project]\nname = 'mtcheck'\n[project.scripts]\nmtcheck = 'mtcheck.cli:run'\n[tool.setuptools]\npackages = []\n", False),
    ("[tool.black]\nline-length = 100\n[tool.ruff]\n", False),
])
def test_a_pyproject_that_cannot_configure_mtcheck_is_skipped_unparsed(project, monkeypatch, text, configures):
    from mtcheck.compat import tomllib
    from mtcheck.config import _may_configure, _table_of

    path = write_config(project, text, "pyproject.toml")
    assert (_table_of(path, tomllib.loads(text)) is not None) == configures  # what parsing says
    assert _may_configure(path) or not configures  # never skips a file that configures
    assert _may_configure(path) == configures  # and skips these unparsed
    monkeypatch.chdir(project)
    assert find_config() == (path if configures else None)


def test_snake_case_keys_and_paths_relative_to_the_file(project):
    (project / "conf").mkdir()
    write_config(project / "conf", "glossary = ['terms.csv']\nmodels_dir = 'm'\n")
    cfg = Config.load(project / "conf" / "mtcheck.toml")
    assert cfg.get("glossary") == [str((project / "conf" / "terms.csv").resolve())]
    assert cfg.settings()["models_dir"] == str((project / "conf" / "m").resolve())


@pytest.mark.parametrize(
    "text, message",
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("fail-on = 'sometimes'\n", "fail-on must be error | warning | info | never"),
        ("select = ['no-such-rule']\n", "unknown rule or category 'no-such-rule'"),
        ("[severity]\nduplicate-word = 'fatal'\n", "severity.duplicate-word must be error | warning | info"),
        ("[severity]\nnope = 'info'\n", "severity: unknown rule 'nope'"),
        ("jobs = -1\n", "jobs must be a whole number"),
        ("mt = 'yes'\n", "mt must be true or false"),
        ("[[overrides]]\nignore = ['fluency/casing']\n", "overrides[1] needs paths"),
        ("[[overrides]]\npaths = ['a/']\nfail-on = 'info'\n", "overrides[1]: unknown key 'fail-on'"),
        ("[thresholds]\ntoken_logprob = 'low'\n", "thresholds.token_logprob must be a number"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_exit_2_with_one_line(project, text, message):
    write_config(project, text)
    target = write_pair(project)
    result = invoke("check", target, "--no-mt")
    assert result.exit_code == 2
    assert message in result.stderr and "mtcheck.toml" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_unknown_selector_on_the_command_line_is_exit_2(project):
    result = invoke("check", write_pair(project), "--no-mt", "--ignore", "duplicate-words")
    assert result.exit_code == 2 and "--ignore: unknown rule or category 'duplicate-words'" in result.stderr


# ------------------------------------------------------------------ rule selection


def test_most_specific_selector_wins_within_a_layer():
    enabled = set(resolve_rules([{"ignore": ["fluency"], "select": ["ALL", "duplicate-word"]}]))
    assert "duplicate-word" in enabled and "name-casing" not in enabled and "leftover" in enabled
    enabled = set(resolve_rules([{"select": ["fluency/casing"], "ignore": ["name-casing"]}]))
    assert enabled == {"english-capitals", "sentence-start-casing", "capitalised-calendar"}
    # equal specificity: ignore wins
    assert "leftover" not in resolve_rules([{"select": ["leftover"], "ignore": ["leftover"]}])


def test_later_layers_win_and_select_starts_afresh():
    layers = [{"ignore": ["fluency/casing"]}, {"extend-select": ["name-casing"]}]
    enabled = set(resolve_rules(layers))
    assert "name-casing" in enabled and "english-capitals" not in enabled and "leftover" in enabled
    enabled = set(resolve_rules([{"ignore": ["fluency"]}, {"select": ["duplicate-word"]}]))
    assert enabled == {"duplicate-word"}


def test_file_selection_and_cli_override(project):
    write_config(project, "ignore = ['fluency/casing']\n")
    target = write_pair(project)
    result = invoke("check", target, "--no-mt", "-f", "json")
    assert set(rules_found(result)) == {"duplicate-word"}
    result = invoke("check", target, "--no-mt", "-f", "json", "--select", "name-casing")
    assert set(rules_found(result)) == {"name-casing"}
    result = invoke("check", target, "--no-mt", "-f", "json", "--extend-select", "name-casing")
    assert set(rules_found(result)) == {"duplicate-word", "name-casing"}
    result = invoke("check", target, "--no-mt", "-f", "json", "--no-config")
    assert set(rules_found(result)) == {"duplicate-word", "name-casing"}


def test_severity_fail_on_and_cli_flags_override_the_file(project):
    write_config(project, "fail-on = 'never'\nformat = 'json'\n[severity]\nduplicate-word = 'info'\n")
    target = write_pair(project)
    result = invoke("check", target, "--no-mt")
    assert result.exit_code == 0  # fail-on = never
    found = rules_found(result)  # format = json from the file
    assert found["duplicate-word"]["severity"] == "info" and found["name-casing"]["severity"] == "error"
    result = invoke("check", target, "--no-mt", "--fail-on", "error", "--format", "text")
    assert result.exit_code == 1 and result.stdout.startswith(str(target))


def test_a_configuration_without_overrides_resolves_no_target_path(project, monkeypatch):
    import mtcheck.config

    write_config(project, "[severity]\nname-casing = 'warning'\n")
    cfg = Config.load(None, discover=True, cli={})
    monkeypatch.setattr(mtcheck.config, "_located", lambda path: pytest.fail("resolved a path"))
    assert cfg.settings("news/a.en.txt")["severity"] == {"name-casing": "warning"}
    assert cfg.matching_overrides("news/a.en.txt") == []


def test_per_path_overrides(project):
    write_config(
        project,
        """
        [severity]
        name-casing = "warning"

        [[overrides]]
        paths = ["sport/**"]
        ignore = ["duplicate-word"]
        [overrides.severity]
        name-casing = "info"

        [[overrides]]
        paths = ["*.en.txt"]
        allowlist = ["kyiv"]
        """,
    )
    world = write_pair(project / "world")
    sport = write_pair(project / "sport" / "football")
    result = invoke("check", world, sport, "--no-mt", "-f", "json", "--fail-on", "never")
    docs = {d["target_path"]: {f["rule"]: f for f in d["findings"]} for d in json.loads(result.stdout)["documents"]}
    w, s = docs[str(world)], docs[str(sport)]
    assert set(w) == {"name-casing", "duplicate-word"} and set(s) == {"name-casing"}
    assert w["name-casing"]["severity"] == "warning" and s["name-casing"]["severity"] == "info"
    # allowlisted text is reported as suppressed, never dropped
    assert w["name-casing"]["suppressed"] is True and "suppressed" not in w["duplicate-word"]


def test_allowlist_suppresses_and_exit_code_ignores_it(project):
    write_config(project, "allowlist = ['meet meet', 'kyiv']\n")
    result = invoke("check", write_pair(project), "--no-mt", "-f", "json")
    assert result.exit_code == 0
    assert all(f["suppressed"] for f in rules_found(result).values())


def test_thresholds_models_and_langs_reach_the_settings(project):
    write_config(
        project,
        """
        src-lang = "fr"
        tgt-lang = "en"
        mt = false
        locale-decimal = "."
        [models]
        fr-en = "my/model"
        [thresholds]
        token_logprob = -6.5
        """,
    )
    cfg = Config.load()
    settings = cfg.settings("x.en.txt")
    assert settings["model_names"] == {"fr-en": "my/model"}
    assert settings["mt_thresholds"] == {"token_logprob": -6.5}
    assert settings["locale_decimal"] == "."
    assert settings["mt"] is False and cfg.languages() == ("fr", "en")
    with pytest.raises(ConfigError):
        write_config(project, "[models]\nfrench = 'x'\n")
        Config.load()


# ------------------------------------------------------------------ mtcheck config


def test_config_command_prints_effective_toml(project):
    write_config(
        project,
        """
        fail-on = "warning"
        ignore = ["style"]
        [[overrides]]
        paths = ["sport/"]
        mt = false
        """,
    )
    result = invoke("config")
    assert result.exit_code == 0
    assert "# configuration file: " + str(project / "mtcheck.toml") in result.stdout
    values = tomllib.loads(result.stdout)["tool"]["mtcheck"]
    assert values["fail-on"] == "warning" and values["mt"] is True
    assert "calque" not in values["select"] and "duplicate-word" in values["select"]
    assert "# disabled: calque false-friend" in result.stdout
    # the printed table is itself a valid configuration
    (project / "printed.toml").write_text(result.stdout, encoding="utf-8")
    printed = Config.load(project / "printed.toml")
    assert printed.get("fail-on") == "warning" and printed.enabled_rules() == values["select"]
    sport = invoke("config", "sport/a.en.txt", "--json")
    data = json.loads(sport.stdout)
    assert "duplicate-word" in data["settings"]["select"]
    assert data["settings"]["mt"] is False and data["config_file"].endswith("mtcheck.toml")


def test_config_command_without_a_file_shows_defaults(project):
    result = invoke("config")
    assert "none found (defaults)" in result.stdout
    values = tomllib.loads(result.stdout)["tool"]["mtcheck"]
    assert values["fail-on"] == "error" and values["format"] == "text"
    assert len(values["select"]) > 20 and "disabled" not in result.stdout


# ------------------------------------------------------------------ globs


@pytest.mark.parametrize(
    "pattern, path, expected",
    [
        ("sport/**", "sport/a/b.en.txt", True),
        ("sport/**", "world/sport.en.txt", False),
        ("sport/", "sport/b.en.txt", True),
        ("drafts", "a/drafts/b.en.txt", True),
        ("drafts", "a/drafts.en.txt", False),
        ("*.en.md", "x/y/z.en.md", True),
        ("*.en.md", "x/y/z.en.txt", False),
        ("world/*.en.txt", "world/a/b.en.txt", False),
        ("world/**/*.en.txt", "world/a/b.en.txt", True),
        ("world/**/*.en.txt", "world/b.en.txt", True),
        ("?.en.txt", "a.en.txt", True),
        ("[ab].en.txt", "c.en.txt", False),
    ],
)
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_readme_lists_every_configuration_key():
    """README's table is generated from config.KEYS/HELP; MTCHECK_UPDATE_README=1 rewrites it."""
    import os
    import re

    from mtcheck.config import HELP, KEYS, reference_markdown

    assert set(HELP) == set(KEYS)
    from tests.conftest import ROOT

    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(r"(<!-- config-keys:start -->\n)(.*?)(<!-- config-keys:end -->)", re.S)
    if os.environ.get("MTCHECK_UPDATE_README") == "1":
        readme.write_text(pattern.sub(lambda m: m.group(1) + reference_markdown() + m.group(3), text), encoding="utf-8")
        text = readme.read_text(encoding="utf-8")
    assert pattern.search(text).group(2) == reference_markdown()


def test_baseline_from_the_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_pair(tmp_path, "a")
    runner = CliRunner()
    assert runner.invoke(app, ["check", "a.en.txt", "--no-mt", "--write-baseline", "b.json"]).exit_code == 0
    (tmp_path / "mtcheck.toml").write_text('baseline = "b.json"\n', encoding="utf-8")
    out = runner.invoke(app, ["check", "a.en.txt", "--no-mt"])
    assert out.exit_code == 0 and "recorded in" in out.stderr
