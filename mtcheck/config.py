"""Project configuration: ``mtcheck.toml`` or ``[tool.mtcheck]`` in ``pyproject.toml``.

Discovery starts in the current directory and walks up: the first ``mtcheck.toml`` (its
top-level keys, or its ``[tool.mtcheck]`` table) or ``pyproject.toml`` that has a
``[tool.mtcheck]`` table wins; ``--config FILE`` names one, ``--no-config`` ignores them.
Keys are kebab-case (``snake_case`` is accepted too); relative paths are relative to the
file's folder::

    [tool.mtcheck]
    src-lang = "fr"                  # the language pair (default: file-name tags, else fr→en)
    tgt-lang = "en"
    select = ["ALL"]                 # rule ids, categories or category prefixes
    extend-select = []
    ignore = ["style/calque"]
    fail-on = "error"                # error | warning | info | never
    format = "text"                  # text | concise | json | html | sarif | junit | jsonl
    glossary = ["terms.csv"]
    allowlist = ["Danse Danse"]      # flagged text that is right here: reported as suppressed
    decisions = "review/decisions.json"   # editors' decisions exported from the HTML report
    mt = true
    backend = "auto"
    models-dir = "models"
    cache = true
    jobs = 0                         # batch processes; 0 = one per core
    include = []                     # globs for files found under a directory
    exclude = ["drafts/"]
    json-fields = ["title", "standfirst", "body"]   # JSON CMS exports (mtcheck.readers.cms_json):
    json-html-fields = ["body"]                     # also json-id-field, json-source-id-fields,
                                                    # json-source-field, json-articles-field
    [tool.mtcheck.severity]          # per rule
    calque = "info"
    [tool.mtcheck.models]            # MT model per pair (hub id or directory)
    fr-en = "Helsinki-NLP/opus-mt-fr-en"
    [tool.mtcheck.thresholds]        # MT thresholds (see ``mtcheck.mt.analysis``)
    token_logprob = -5.5
    [[tool.mtcheck.overrides]]       # per-path: later entries win
    paths = ["sport/**"]
    ignore = ["english-capitals"]

Rule selection is layered as in ruff: the file's ``select``/``extend-select``/``ignore``,
then each matching override, then the command line. Within a layer the most specific
selector wins (rule id > category > category prefix) and ``ignore`` wins a tie; a layer
with ``select`` starts the selection afresh, one without it only adjusts what it names.
Scalars from later layers replace earlier ones; ``severity``, ``models`` and
``thresholds`` merge key by key; an override's ``glossary`` and ``allowlist`` add to the
file's. Command-line flags replace the file's values (``--glossary`` and ``--include``
replace the configured lists), except ``--exclude``, which adds to the configured excludes.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from mtcheck.model import CATEGORIES
from mtcheck.rules_filter import specificity

CONFIG_NAMES = ("mtcheck.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "concise", "json", "html", "sarif", "junit", "jsonl")
BACKENDS = ("auto", "ctranslate2", "transformers")

# key → (type check, description); paths are resolved against the config file's folder.
_STR, _BOOL, _INT, _STRLIST, _PATHLIST, _PATH, _TABLE = "str", "bool", "int", "list[str]", "list[path]", "path", "table"
KEYS: dict[str, str] = {
    "src-lang": _STR,
    "tgt-lang": _STR,
    "select": _STRLIST,
    "extend-select": _STRLIST,
    "ignore": _STRLIST,
    "severity": _TABLE,
    "fail-on": _STR,
    "format": _STR,
    "glossary": _PATHLIST,
    "allowlist": _STRLIST,
    "decisions": _PATH,
    "baseline": _PATH,
    "locale-decimal": _STR,  # "," or ".": the decimal separator a target must use (Spanish of the Americas: ".")
    "mt": _BOOL,
    "require-mt": _BOOL,
    "backend": _STR,
    "models-dir": _PATH,
    "models": _TABLE,
    "cache": _BOOL,
    "cache-path": _PATH,
    "thresholds": _TABLE,
    "jobs": _INT,
    "include": _STRLIST,
    "exclude": _STRLIST,
    # JSON CMS exports (see mtcheck.readers.cms_json): which fields, ids and sources
    "json-fields": _STRLIST,
    "json-html-fields": _STRLIST,
    "json-id-field": _STR,
    "json-source-id-fields": _STRLIST,
    "json-source-field": _STR,
    "json-articles-field": _STR,
    "overrides": "overrides",
}
# One line per key for the README's reference (``reference_markdown``; a test keeps them in step).
HELP: dict[str, str] = {
    "src-lang": "source language (default: the file-name tags, else fr)",
    "tgt-lang": "target language (default: the file-name tags, else en)",
    "select": "rules, categories or category prefixes to run (`ALL` by default)",
    "extend-select": "rules or categories added to the selection",
    "ignore": "rules or categories to skip (most specific selector wins)",
    "severity": "table: rule id → `error` / `warning` / `info`",
    "fail-on": "exit 1 at this severity or above: `error` (default), `warning`, `info`, `never`",
    "format": "report format: " + ", ".join(f"`{f}`" for f in FORMATS) + " (default `text`)",
    "glossary": "glossary CSV/TSV files (source, target columns)",
    "allowlist": "flagged texts that are right here: reported as suppressed",
    "decisions": "editors' decisions exported from the HTML report (`--decisions`)",
    "baseline": "report only findings not recorded in this baseline file (`--baseline`)",
    "locale-decimal": "`,` or `.`: the decimal separator a target must use (default: the target language's; Spanish of the Americas: `.`)",
    "mt": "run the MT checks (default true)",
    "require-mt": "exit 2 when MT models are missing (default false)",
    "backend": "MT backend: `auto` (default), `ctranslate2`, `transformers`",
    "models-dir": "folder of converted MT models (default `models`)",
    "models": "table: pair (`fr-en`) → model hub id or folder",
    "cache": "use the MT cache (default true)",
    "cache-path": "MT cache file (default `~/.cache/mtcheck/mt.sqlite`)",
    "thresholds": "table: MT thresholds (see `mtcheck.mt.analysis`)",
    "jobs": "documents checked in parallel; 0 = one per core (default)",
    "include": "globs: in folders, check only matching files",
    "exclude": "globs: in folders, skip matching files",
    "json-fields": "JSON exports: the fields checked (default title, standfirst, body)",
    "json-html-fields": "JSON exports: the fields holding HTML (default body)",
    "json-id-field": "JSON exports: the article id field",
    "json-source-id-fields": "JSON exports: fields naming the source article's id",
    "json-source-field": "JSON exports: a field holding the source article itself",
    "json-articles-field": "JSON exports: the field holding a list of articles",
    "overrides": "array of tables: `paths` globs, then keys that apply to those files",
}


def reference_markdown() -> str:
    """The configuration keys as a Markdown table (the README's copy is checked against it)."""
    rows = ["| key | type | meaning |", "|---|---|---|"]
    rows += [f"| `{key}` | {kind} | {HELP[key]} |" for key, kind in KEYS.items()]
    return "\n".join(rows) + "\n"


JSON_KEYS = ("json-fields", "json-html-fields", "json-id-field", "json-source-id-fields", "json-source-field", "json-articles-field")
OVERRIDE_KEYS = (
    "paths", "src-lang", "tgt-lang", "select", "extend-select", "ignore", "severity", "glossary", "allowlist", "thresholds",
    "mt", "locale-decimal", *JSON_KEYS,
)

DEFAULTS: dict[str, Any] = {
    "fail-on": "error",
    "format": "text",
    "mt": True,
    "require-mt": False,
    "backend": "auto",
    "cache": True,
    "jobs": 0,
}


class ConfigError(Exception):
    """A configuration mistake; ``str()`` is the one-line message (file and problem)."""


# ---------------------------------------------------------------------------- globs


@functools.lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: ``*`` and ``?`` stay inside one folder, ``**`` crosses folders.

    A pattern with a ``/`` is anchored at the configuration root; one without matches any
    single path component (``drafts`` matches ``a/drafts/b.en.txt``). Matching a folder
    matches everything under it.
    """
    pat = pattern.strip().replace("\\", "/").removeprefix("./").strip("/") if "/" in pattern else pattern.strip()
    out = []
    i = 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif pat[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pat[i] == "?":
            out.append("[^/]")
            i += 1
        elif pat[i] == "[" and "]" in pat[i + 2 :]:
            j = pat.index("]", i + 2)
            body = pat[i + 1 : j]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append(f"[{body.replace(chr(92), chr(92) * 2)}]")
            i = j + 1
        else:
            out.append(re.escape(pat[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?", re.DOTALL)


def glob_match(pattern: str, relpath: str) -> bool:
    """Whether ``relpath`` (posix, relative to the root) matches ``pattern``."""
    relpath = relpath.replace(os.sep, "/")
    rx = _glob_regex(pattern)
    if "/" in pattern.strip().rstrip("/"):
        return rx.fullmatch(relpath) is not None
    return any(rx.fullmatch(part) for part in relpath.split("/"))


def any_match(patterns: list[str], relpath: str) -> bool:
    return any(glob_match(p, relpath) for p in patterns)


def check_globs(patterns: list[str], where: str) -> None:
    """Refuse a glob that cannot be compiled (a reversed range such as ``[z-a]``)."""
    for pattern in patterns:
        try:
            _glob_regex(pattern)
        except re.error as e:
            raise ConfigError(f"{where}: bad glob {pattern!r} ({e.msg})") from None


# ---------------------------------------------------------------------------- rules


def known_selectors() -> set[str]:
    from mtcheck.checks import all_rules

    prefixes = {c.split("/")[0] for c in CATEGORIES}
    return set(all_rules()) | set(CATEGORIES) | prefixes | {"ALL", "all"}


def did_you_mean(name: str, known: set[str] | list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest known name, else empty."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_selectors(selectors: list[str], where: str) -> None:
    known = known_selectors()
    for s in selectors:
        if s.rstrip("/") not in known:
            hint = did_you_mean(s, known) or " (see `mtcheck rules`)"
            raise ConfigError(f"{where}: unknown rule or category {s!r}{hint}")


def resolve_rules(layers: list[dict[str, Any]]) -> list[str]:
    """The ids of the rules enabled after applying ``layers`` in order (see module docstring)."""
    from mtcheck.checks import all_rules

    enabled = {}
    for rule_id, cls in all_rules().items():
        state = True  # no layer at all: every rule
        for layer in layers:
            select, extend, ignore = layer.get("select"), layer.get("extend-select") or [], layer.get("ignore") or []
            if select is None and not extend and not ignore:
                continue
            s = max((specificity(x, rule_id, cls.category) for x in [*(select or []), *extend]), default=0)
            i = max((specificity(x, rule_id, cls.category) for x in ignore), default=0)
            if s == 0 and i == 0:
                state = state if select is None else False
            else:
                state = s > i
        enabled[rule_id] = state
    return [r for r, on in enabled.items() if on]


# ---------------------------------------------------------------------------- loading


def _norm_key(key: str) -> str:
    return key.replace("_", "-")


def _validate(raw: dict[str, Any], where: str, base: Path, allowed: tuple[str, ...] | dict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        k = _norm_key(key)
        if k not in allowed:
            known = ", ".join(sorted(allowed))
            raise ConfigError(f"{where}: unknown key {key!r} (known: {known})")
        kind = KEYS.get(k, "paths" if k == "paths" else None)
        out[k] = _check_value(k, kind, value, where, base)
    return out


def _check_value(key: str, kind: str | None, value: Any, where: str, base: Path) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: {key} must be {expected}, got {value!r}")

    if kind == _STR:
        if not isinstance(value, str):
            raise bad("a string")
        choices = {"fail-on": FAIL_ON, "format": FORMATS, "backend": BACKENDS}.get(key)
        if choices and value not in choices:
            raise bad(" | ".join(choices))
        return value
    if kind == _BOOL:
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if kind == _INT:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise bad("a whole number ≥ 0")
        return value
    if kind in (_STRLIST, _PATHLIST, "paths"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of strings")
        if key in ("select", "extend-select", "ignore"):
            check_selectors(value, f"{where}: {key}")
        if key in ("include", "exclude", "paths"):
            check_globs(value, f"{where}: {key}")
        if kind == _PATHLIST:
            return [str((base / v).resolve()) if not os.path.isabs(v) else v for v in value]
        return list(value)
    if kind == _PATH:
        if not isinstance(value, str):
            raise bad("a path")
        return str((base / value).resolve()) if not os.path.isabs(value) else value
    if kind == _TABLE:
        if not isinstance(value, dict):
            raise bad("a table")
        if key == "severity":
            from mtcheck.checks import all_rules

            rules = all_rules()
            for rule, level in value.items():
                if rule not in rules:
                    raise ConfigError(f"{where}: severity: unknown rule {rule!r} (see `mtcheck rules`)")
                if level not in SEVERITIES:
                    raise ConfigError(f"{where}: severity.{rule} must be error | warning | info, got {level!r}")
        elif key == "models":
            for pair, name in value.items():
                if not re.fullmatch(r"[a-z]{2,3}-[a-z]{2,3}", pair) or not isinstance(name, str):
                    raise ConfigError(f"{where}: models: expected \"src-tgt\" = \"model\", got {pair!r} = {name!r}")
        elif key == "thresholds":
            for name, number in value.items():
                if not isinstance(number, (int, float)) or isinstance(number, bool):
                    raise ConfigError(f"{where}: thresholds.{name} must be a number, got {number!r}")
        return dict(value)
    if kind == "overrides":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ConfigError(f"{where}: overrides must be an array of tables ([[tool.mtcheck.overrides]])")
        overrides = []
        for n, table in enumerate(value, 1):
            o = _validate(table, f"{where}: overrides[{n}]", base, OVERRIDE_KEYS)
            if not o.get("paths"):
                raise ConfigError(f"{where}: overrides[{n}] needs paths = [\"glob\", ...]")
            overrides.append(o)
        return overrides
    raise ConfigError(f"{where}: unknown key {key!r}")  # pragma: no cover


def _read_toml(path: Path) -> dict[str, Any]:
    from mtcheck.compat import tomllib

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML ({e})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    section = tool.get("mtcheck") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        return section if isinstance(section, dict) else None
    if isinstance(section, dict):
        return section
    return {k: v for k, v in data.items() if k != "tool"}


def _located(path: str | Path) -> Path:
    """``path`` with its folder resolved but not the file itself: a link is matched by its own
    name (and a link loop does not raise)."""
    p = Path(path)
    return Path(os.path.realpath(p.parent)) / p.name


# What a pyproject.toml needs to hold a tool.mtcheck table: a [tool] or [tool.mtcheck…] header,
# a line starting with a "tool" key (tool.mtcheck.x = …, tool = {…}) or an escape (a quoted key
# may spell either word with one). Keys may be quoted; TOML's whitespace is spaces and tabs.
_MAY_CONFIGURE = rb"""^[ \t]*(?:\[\[?[ \t]*["']?tool["']?[ \t]*(?:\]|\.[ \t]*["']?mtcheck)|["']?tool["']?[ \t]*[.=])|\\"""


def _may_configure(path: Path) -> bool:
    """Whether a ``pyproject.toml`` may hold a ``tool.mtcheck`` table (see ``_MAY_CONFIGURE``):
    one that cannot is skipped unparsed, as a project's own file found upwards mostly is (the
    TOML parser then stays unloaded)."""
    # kept compiled between runs; imported here: a command that reads no configuration loads no regex
    from mtcheck import patterns

    try:
        with path.open("rb") as f:
            return patterns.compile_re(_MAY_CONFIGURE, re.MULTILINE).search(f.read()) is not None
    except OSError:
        return True  # reported when loaded


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies from ``start`` (default: the current directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "mtcheck.toml":
                return candidate
            if not _may_configure(candidate):
                continue
            try:
                data = _read_toml(candidate)
            except ConfigError:
                return candidate  # reported when loaded
            if _table_of(candidate, data) is not None:
                return candidate
    return None


class Config:
    """A loaded configuration file plus the command line's overrides.

    ``file`` holds the file's validated keys (without ``overrides``), ``cli`` the keys the
    command line set; ``root`` anchors override and exclude globs. (A plain class: a dataclass
    costs about 0.2 ms to create on every start.)
    """

    def __init__(
        self,
        path: Path | None = None,
        root: Path | None = None,
        file: dict[str, Any] | None = None,
        overrides: list[dict[str, Any]] | None = None,
        cli: dict[str, Any] | None = None,
    ) -> None:
        self.path, self.root = path, Path.cwd() if root is None else root
        self.file, self.overrides, self.cli = file or {}, overrides or [], cli or {}

    @classmethod
    def load(cls, path: Path | None = None, *, discover: bool = True, cli: dict[str, Any] | None = None) -> "Config":
        if path is None and discover:
            path = find_config()
        config = cls(cli={k: v for k, v in (cli or {}).items() if v is not None})
        if path is None:
            return config
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        table = _table_of(path, _read_toml(path))
        if table is None:
            raise ConfigError(f"{path}: has no [tool.mtcheck] table")
        values = _validate(table, str(path), path.parent.resolve(), tuple(KEYS))
        config.path = path
        config.root = path.parent.resolve()
        config.overrides = values.pop("overrides", [])
        config.file = values
        return config

    # -------------------------------------------------------------- effective values

    def relpath(self, target: str | Path) -> str:
        p = _located(target)
        try:
            return p.relative_to(self.root).as_posix()
        except ValueError:
            return p.as_posix()

    def matching_overrides(self, target: str | Path | None) -> list[dict[str, Any]]:
        if target is None or not self.overrides:  # no per-path overrides: no path to resolve (31 asks per target)
            return []
        rel = self.relpath(target)
        return [o for o in self.overrides if any_match(o["paths"], rel)]

    def get(self, key: str, target: str | Path | None = None) -> Any:
        """The effective value of a scalar or mapping key for ``target``."""
        layers = [DEFAULTS, self.file, *self.matching_overrides(target), self.cli]
        if key in ("severity", "models", "thresholds"):
            merged: dict[str, Any] = {}
            for layer in layers:
                merged.update(layer.get(key) or {})
            return merged
        if key in ("glossary", "allowlist"):
            if key in self.cli:
                return list(self.cli[key])
            items = list(self.file.get(key) or [])
            for o in self.matching_overrides(target):
                items += [x for x in o.get(key) or [] if x not in items]
            return items
        if key == "include":  # the command line's globs replace the file's
            return list(self.cli.get(key) or self.file.get(key) or [])
        if key == "exclude":  # excludes add up: the command line can only exclude more
            return list(self.cli.get(key) or []) + list(self.file.get(key) or [])
        value = None
        for layer in layers:
            if key in layer:
                value = layer[key]
        return value

    def rule_layers(self, target: str | Path | None = None) -> list[dict[str, Any]]:
        return [self.file, *self.matching_overrides(target), self.cli]

    def enabled_rules(self, target: str | Path | None = None) -> list[str]:
        return resolve_rules(self.rule_layers(target))

    def settings(self, target: str | Path | None = None) -> dict[str, Any]:
        """The pipeline's settings dict for ``target`` (see ``pipeline.check_pair``)."""
        enabled = self.enabled_rules(target)
        settings: dict[str, Any] = {
            "mt": self.get("mt", target),
            "require_mt": self.get("require-mt", target),
            "backend": self.get("backend", target),
            "cache": self.get("cache", target),
            "glossary": self.get("glossary", target),
            "allowlist": self.get("allowlist", target),
            "select": enabled,
            "ignore": [] if enabled else ["ALL"],
            "severity": self.get("severity", target),
        }
        for key, name in (("models-dir", "models_dir"), ("cache-path", "cache_path")):
            if self.get(key, target):
                settings[name] = self.get(key, target)
        if self.get("models", target):
            settings["model_names"] = self.get("models", target)
        if self.get("thresholds", target):
            settings["mt_thresholds"] = self.get("thresholds", target)
        if self.get("locale-decimal", target):
            settings["locale_decimal"] = self.get("locale-decimal", target)
        for key in JSON_KEYS:
            value = self.get(key, target)
            if value is not None:
                settings[key.replace("-", "_")] = value
        return settings

    def languages(self, target: str | Path | None = None) -> tuple[str | None, str | None]:
        return self.get("src-lang", target), self.get("tgt-lang", target)

    def effective(self, target: str | Path | None = None) -> dict[str, Any]:
        """Every key's effective value (for ``mtcheck config``), itself a valid configuration.

        The layered selection is flattened into ``select`` = the ids of the enabled rules.
        """
        out: dict[str, Any] = {"select": self.enabled_rules(target)}
        for key in KEYS:
            if key in ("overrides", "select", "extend-select", "ignore"):
                continue
            value = self.get(key, target)
            if value is not None and value != [] and value != {}:
                out[key] = value
        return out


# ---------------------------------------------------------------------------- output


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):  # a basic string: control characters other than tab as \uXXXX
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + re.sub("[\x00-\x08\x0a-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(value)  # pragma: no cover


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_value(key)


def to_toml(values: dict[str, Any], table: str = "tool.mtcheck") -> str:
    """``values`` as a ``[tool.mtcheck]`` TOML table (nested dicts become sub-tables)."""
    lines = [f"[{table}]"]
    subtables = []
    for key, value in values.items():
        if isinstance(value, dict):
            subtables.append((key, value))
        elif isinstance(value, (list, tuple)) and len(_toml_value(value)) > 80:
            lines.append(f"{_toml_key(key)} = [")
            lines.extend(f"    {_toml_value(v)}," for v in value)
            lines.append("]")
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in subtables:
        lines.append("")
        lines.append(f"[{table}.{_toml_key(key)}]")
        lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
    return "\n".join(lines) + "\n"
