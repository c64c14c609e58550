"""Language data shipped beside the code in ``mtcheck/data/``.

``data/<lang>/`` holds monolingual lists (abbreviations, stopwords, month names, …);
``data/<src>-<tgt>/`` holds bilingual tables (exonyms, calques, glossary, …). Adding a
language pair means adding files here, not code. ``.txt`` files hold one entry per line;
``.tsv`` files have a header row. ``#`` starts a comment line in both; blank lines are skipped.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from mtcheck.model import fold

DATA_DIR = Path(__file__).resolve().parent / "data"


def _lines(path: Path) -> list[str]:
    """The entries of the regular file ``path`` (``_parsed`` has checked it is one)."""
    return [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip() and not ln.startswith("#")]


@functools.cache
def word_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``data/<lang>/<name>.txt`` (empty when the language lacks the list; a list of
    ``_STORED_BYTES`` or more, such as the 65,000 common English words, is kept parsed as
    tables are)."""
    return _parsed(DATA_DIR / lang / f"{name}.txt", lambda lines: tuple(ln.strip() for ln in lines))


@functools.cache
def table(folder: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<folder>/<name>.tsv`` as dicts keyed by the header (the 8,000-row lexicon
    is kept parsed: see ``_parsed``)."""
    return _parsed(DATA_DIR / folder / f"{name}.tsv", _rows)


def _parsed(path: Path, parse):
    """``parse`` of the file's lines; a file of ``_STORED_BYTES`` or more is parsed once per
    machine and data version: the result is kept in the cache directory (named after the file's
    size and modification time) and read back in a fifth of the time. Smaller files' lines come
    from their folder's kept copy (``_small_files``)."""
    lines = (_small_files(path.parent) or {}).get(path.name)
    if lines is not None:
        return parse(lines)
    st = _regular_stat(path)
    if st is None:
        return parse([])
    if st.st_size < _STORED_BYTES:
        return parse(_lines(path))
    return _kept_parse(path, st, lambda: parse(_lines(path)), lambda value: type(value) is tuple and set(map(type, value)) <= {dict, str})


@functools.cache
def _small_files(folder: Path) -> dict[str, tuple[str, ...] | dict] | None:
    """The entries of each list and table under ``_STORED_BYTES`` and the settings of each TOML
    file of the data folder ``folder``, by file name, kept in the cache directory as one value
    named after the folder's file names, sizes and modification times: a check reads one file
    per folder instead of each of the 65 it uses (``None`` for a folder outside ``DATA_DIR``)."""
    try:
        [stem] = folder.relative_to(DATA_DIR).parts
        with os.scandir(folder) as entries:
            files = {e.name: e.stat() for e in entries if e.name.endswith((".txt", ".tsv", ".toml"))}
    except (OSError, ValueError):  # no such folder, or not one of DATA_DIR's
        return None
    files = {name: st for name, st in files.items() if stat.S_ISREG(st.st_mode) and (st.st_size < _STORED_BYTES or name.endswith(".toml"))}
    if not files:
        return {}
    version = format(zlib.crc32("\n".join(f"{n} {st.st_size} {st.st_mtime_ns}" for n, st in sorted(files.items())).encode()), "08x")

    def build() -> dict[str, tuple[str, ...] | dict]:
        kept: dict[str, tuple[str, ...] | dict] = {}
        for name in files:
            with contextlib.suppress(OSError, ValueError):  # gone, or invalid: read (and reported) alone when asked
                kept[name] = _toml(folder / name) if name.endswith(".toml") else tuple(_lines(folder / name))
        return kept

    def valid(value) -> bool:
        return type(value) is dict and set(value) <= set(files) and all(type(v) in (tuple, dict) for v in value.values())

    return _kept("data", f"{stem}-small", version, build, valid)


def _regular_stat(path: Path) -> os.stat_result | None:
    """The data file's status, ``None`` when it is absent or no regular file (then read as empty)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _kept_parse(path: Path, st: os.stat_result, build, valid):
    """``build()``, the parse of the data file ``path``, kept in the cache directory under the
    file's name, size and modification time (see ``_kept``)."""
    return _kept("data", "-".join(path.relative_to(DATA_DIR).parts), f"{st.st_size}-{st.st_mtime_ns}", build, valid)


def _kept(kind: str, stem: str, version: str, build, valid):
    """``build()``, kept with ``marshal`` in the cache directory (``<kind>-<stem>-<version>``) and
    read back while ``valid`` accepts what is there; built again when there is no cache
    directory, the file is damaged or cannot be written. Writing a new version removes all but
    the newest ``_KEPT_VERSIONS`` of the stem (each checkout of the data or code makes one)."""
    from mtcheck.lexicon import _cache_dir

    try:
        stored = _cache_dir() / f"{kind}-{stem}-{version}-{sys.implementation.cache_tag}.marshal"
    except RuntimeError:  # no home folder to keep it in
        return build()
    try:
        value = marshal.loads(stored.read_bytes())
        if valid(value):
            return value
    except (OSError, EOFError, ValueError, TypeError):  # not stored yet, or damaged
        pass
    value = build()
    with contextlib.suppress(OSError, ValueError):  # a read-only cache, an unmarshallable value: built again next time
        import glob

        from mtcheck.safefiles import atomic_write

        data = marshal.dumps(value)
        stored.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(stored, data)
        older = sorted(stored.parent.glob(f"{kind}-{glob.escape(stem)}-*.marshal"), key=_mtime)[:-_KEPT_VERSIONS]
        for path in older:
            path.unlink(missing_ok=True)
    return value


_STORED_BYTES = 16 * 1024


def derived(function):
    """``functools.cache`` for a function of the data files alone (its arguments are language codes
    and names, never a document's words) whose value ``marshal`` keeps: the value is also kept in
    the cache directory, named after the function, its arguments and the size and modification
    time of every file of the package (``_package_version``), and read back by later runs instead
    of rebuilt."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.cache
    @functools.wraps(function)
    def cached(*args):
        return _kept(
            "derived",
            "-".join((name, *map(str, args))),
            _package_version(),
            lambda: function(*args),
            lambda value: isinstance(value, (tuple, dict, frozenset, set)),
        )

    return cached


_KEPT_VERSIONS = 4  # per kept value: the newest versions' copies


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@functools.cache
def _package_version() -> str:
    """A checksum of the path, size and modification time of every file of the package, data
    files and code (a changed function makes new values too; one scan per process)."""
    stats: list[str] = []
    folders = [str(DATA_DIR.parent)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                else:
                    st = entry.stat()
                    stats.append(f"{entry.path} {st.st_size} {st.st_mtime_ns}")
    return format(zlib.crc32("\n".join(sorted(stats)).encode()), "08x")


def _rows(rows: list[str]) -> tuple[dict[str, str], ...]:
    if not rows:
        return ()
    header = rows[0].split("\t")  # no quoting: a plain split reads the 8,000-row lexicon 3× faster than csv
    empty, tabs = dict.fromkeys(header, ""), len(header) - 1
    return tuple(
        dict(zip(header, map(str.strip, row.split("\t")))) if row.count("\t") == tabs
        else {**empty, **dict(zip(header, map(str.strip, row.split("\t"))))}  # a short row: missing cells are ""
        for row in rows[1:]
    )


def pair_table(src: str, tgt: str, name: str) -> tuple[dict[str, str], ...]:
    """A bilingual table for the ``src-tgt`` pair."""
    return table(f"{src}-{tgt}", name)


@functools.cache
def months(lang: str) -> dict[str, int]:
    """Month names and abbreviations of ``data/<lang>/months.tsv``, lowercase without the final
    period (``sept.`` → ``sept``), and their number."""
    return {row["name"].lower().rstrip("."): int(row["number"]) for row in table(lang, "months")}


@functools.cache
def exonyms(src: str, tgt: str) -> dict[str, str]:
    """The pair's exonyms, source form → target form (``Pékin`` → ``Beijing``); hyphenated
    forms are also keyed without hyphens (``Royaume Uni``)."""
    rows = {row[src]: row[tgt] for row in pair_table(src, tgt, "exonyms")}
    return {**{k.replace("-", " "): v for k, v in rows.items()}, **rows}


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The language's function words (``data/<lang>/stopwords.txt``), lowercase, apostrophes straight."""
    return frozenset(normalise_word(w) for w in word_list(lang, "stopwords"))


def normalise_word(word: str) -> str:
    """How words are compared with the word lists: lowercase, curly apostrophe made straight."""
    return word.lower().replace("’", "'")


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages mtcheck has data for: folders ``data/<lang>/`` with a ``stopwords.txt``."""
    return tuple(sorted(p.name for p in DATA_DIR.iterdir() if (p / "stopwords.txt").is_file()))


def alternation(words) -> str | None:
    """A regular-expression alternation of ``words``, longest first so that the longest form wins
    (``None`` when there are none); alphabetical within a length, so that the pattern is the same
    in every process (``mtcheck.patterns`` keeps it by its text)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in ordered) if ordered else None


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` contains, folded (``model.fold``).

    A cheap test before a pattern runs: when none of them is in ``fold(text)``, the pattern
    cannot match ``text``. Literal characters count, through groups and alternations
    (``(?:the )?master of`` → ``master of``; ``(?:read|see) (?:also|more)`` → ``also``,
    ``more``); classes, escapes like ``\\w``, lookarounds and optional parts do not. ``()``
    when nothing of three characters is certain (or the pattern is verbose): then the pattern
    itself must run. Patterns in the ``re`` syntax.
    """
    if re.search(r"\(\?[a-zA-Z]*x", pattern):
        return ()  # verbose: its spaces are no literals
    try:
        found, end = _alternation(pattern, 0)
    except (IndexError, ValueError):  # unbalanced: let the pattern itself decide
        return ()
    return tuple(dict.fromkeys(fold(f) for f in found)) if end == len(pattern) else ()


_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(?:,\d*)?\})[?+]?")
_PLAIN = re.compile(r"[^\\\[\](){}|?*+.^$]+")
_ESCAPE_SIZE = {"x": 4, "u": 6, "U": 10}  # characters, backslash included


def _alternation(p: str, k: int) -> tuple[tuple[str, ...], int]:
    """The required strings of the branches from ``k`` up to ``)`` or the end: one set for all of them."""
    branches = []
    while True:
        found, k = _sequence(p, k)
        branches.append(found)
        if k == len(p) or p[k] == ")":
            break
        k += 1  # "|"
    if not all(branches):
        return (), k
    return tuple(s for b in branches for s in b), k


def _sequence(p: str, k: int) -> tuple[tuple[str, ...], int]:
    """The best required strings of one branch (see ``_rarity``)."""
    candidates: list[tuple[str, ...]] = []
    run = ""
    while k < len(p) and p[k] not in "|)":
        ch, literal, group = p[k], None, ()
        if ch == "\\":
            nxt = p[k + 1]
            if nxt.isalnum():  # \w, \d, \b, \1, \x41, \u00a0, \N{…}, \p{L}: no literal kept
                k += _ESCAPE_SIZE.get(nxt, 2) if p[k + 2 : k + 3] != "{" else p.index("}", k) + 1 - k
            else:
                literal, k = nxt, k + 2
        elif ch == "[":
            k += 2 if p[k + 1] == "^" else 1
            k += p[k] == "]"
            while p[k] != "]":
                k += 2 if p[k] == "\\" else 1
            k += 1
        elif ch == "(":
            if p.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?#", "(?P="), k) or p.startswith("(?", k) and p[k + 2] not in ":P":
                _, k = _alternation(p, k + 3)  # a lookaround, comment, backreference or flags: nothing certain
            else:
                k = p.index(">", k) + 1 if p.startswith("(?P<", k) else k + (3 if p.startswith("(?:", k) else 1)
                group, k = _alternation(p, k)
            k += 1  # ")"
        elif ch in ".^$":
            k += 1
        else:
            plain = _PLAIN.match(p, k)
            if plain and plain.end() > k + 1:  # a run of plain characters at once; its last may be quantified
                if not _QUANTIFIER.match(p, plain.end()):
                    run += plain.group()
                    k = plain.end()
                    continue
                run += p[k : plain.end() - 1]
                k = plain.end() - 1
            literal, k = p[k], k + 1
        q = _QUANTIFIER.match(p, k)
        optional = bool(q) and (q.group().startswith(("?", "*")) or q.group(1) is not None and int(q.group(1) or 0) == 0)
        if q:
            k = q.end()
        if literal is not None and not optional:
            run += literal
            if not q:
                continue  # the run goes on
        if run:
            candidates.append((run,))
        run = ""
        if group and not optional:
            candidates.append(group)
    if run:
        candidates.append((run,))
    best = max(candidates, key=_rarity, default=())
    return (best if best and min(map(len, best)) >= 3 else ()), k


def _rarity(candidate: tuple[str, ...]) -> tuple[int, int, int]:
    """How seldom text holds one of ``candidate``: long words are rarer than common short ones (`` of the ``)."""
    return (
        min(max(map(len, s.split()), default=0) for s in candidate),
        min(map(len, candidate)),
        -len(candidate),
    )


class PhraseMatch:
    """A match of :class:`Phrases`, read like a regular-expression match (``group``, ``start``, ``end``)."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("no such group")
        return self.string[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


class Phrases:
    """Fixed phrases found by lookup, as ``(?<!B)(?:p1|p2|…)(?!B)`` with the longest first would.

    For word lists of hundreds of entries: compiling one big alternation costs tens of
    milliseconds on every start; this indexes the phrases by their first characters instead.
    ``boundary`` is a character class (``[\\w'’-]``) of ``engine`` (``re`` or ``regex``): no such
    character may touch a match. Matching is case-sensitive; matches do not overlap, leftmost first.
    """

    _PREFIX = 3

    def __init__(self, phrases, boundary: str, engine=re) -> None:
        self._by_prefix: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            if phrase:
                self._by_prefix.setdefault(phrase[: self._PREFIX], []).append(phrase)
        from mtcheck import patterns  # compiled patterns are kept between runs

        compile_ = patterns.compile if engine.__name__ == "regex" else patterns.compile_re
        self._boundary = compile_(boundary)
        # Where a phrase may start: a capital it starts with, or the first letters of the others.
        capitals = "".join(sorted({p[0] for p in self._by_prefix if p[0].isupper()}))
        starts = [f"[{re.escape(capitals)}]"] if capitals else []
        starts += (re.escape(p) for p in sorted(self._by_prefix) if not p[0].isupper())
        self._starts = compile_(rf"(?<!{boundary})(?={'|'.join(starts)})") if starts else None

    def __bool__(self) -> bool:
        return self._starts is not None

    def finditer(self, text: str):
        if self._starts is None:
            return
        by_prefix, boundary, end = self._by_prefix, self._boundary, 0
        for m in self._starts.finditer(text):
            p = m.start()
            if p < end:
                continue
            for size in range(self._PREFIX, 0, -1):  # longer prefixes hold the longer phrases
                hit = next((q for q in by_prefix.get(text[p : p + size], ()) if text.startswith(q, p)
                            and not boundary.match(text, p + len(q))), None)
                if hit is not None:
                    end = p + len(hit)
                    yield PhraseMatch(text, p, end)
                    break

    def search(self, text: str) -> PhraseMatch | None:
        return next(self.finditer(text), None)

    def sub(self, replacement, text: str) -> str:
        """``text`` with each match replaced by ``replacement`` (a string, or a function of the match)."""
        out, last = [], 0
        for m in self.finditer(text):
            out += (text[last : m.start()], replacement(m) if callable(replacement) else replacement)
            last = m.end()
        return "".join(out) + text[last:] if out else text


def measured(src: str, tgt: str, rule: str) -> bool:
    """Whether ``data/<src>-<tgt>/pair.toml`` lists ``rule`` under ``[measured] warn``: a rule
    whose false alarms depend on the pair reports warnings only where it was measured, and
    suggestions elsewhere."""
    return rule in toml_data(f"{src}-{tgt}", "pair").get("measured", {}).get("warn", [])


@functools.cache
def toml_data(lang: str, name: str) -> dict:
    """The settings of ``data/<lang>/<name>.toml`` (empty when the language lacks the file), kept
    parsed whatever their size (a run that finds every one kept never loads the TOML parser)."""
    path = DATA_DIR / lang / f"{name}.toml"
    kept = (_small_files(path.parent) or {}).get(path.name)
    if kept is not None:
        return kept
    st = _regular_stat(path)
    if st is None:
        return {}
    return _kept_parse(path, st, lambda: _toml(path), lambda value: type(value) is dict)


def _toml(path: Path) -> dict:
    from mtcheck.compat import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


@derived
def lexicon_words(src: str, tgt: str) -> frozenset[str]:
    """Every word of the pair's lexicon translations, as written (``shoot down|kill`` → ``shoot``,
    ``down``, ``kill``): ordinary target-language words, for the casing and name rules."""
    translations = {row[tgt] for row in pair_table(src, tgt, "lexicon")}  # inflections share theirs: split each once
    return frozenset(" ".join(translations).replace("|", " ").split())


_ABSENT = object()


@functools.cache
def lexicon(src: str, tgt: str) -> PairLexicon:
    """The pair's lexicon (``data/<src>-<tgt>/lexicon.tsv``): lowercase source form → its
    translations, separated by ``|``."""
    return PairLexicon(_lexicon_parts(src, tgt))


@derived
def _lexicon_parts(src: str, tgt: str) -> dict[str, str]:
    """The lexicon's lines by the form's first two characters (``by_start``)."""
    return by_start({row[src].lower(): row[tgt] for row in pair_table(src, tgt, "lexicon")})


def by_start(mapping: dict[str, str]) -> dict[str, str]:
    """A string mapping's ``key\tvalue`` lines (neither may hold a tab or a line break) by the
    key's first two characters: the kept form of a ``PairLexicon``."""
    parts: dict[str, list[str]] = {}
    for key, value in mapping.items():
        parts.setdefault(key[:2], []).append(f"{key}\t{value}")
    return {start: "\n".join(lines) for start, lines in parts.items()}


class PairLexicon(Mapping):
    """A read-only mapping kept as ``key\tvalue`` lines per first two characters of a key
    (``by_start``), a key looked up by searching its part's string: a run looks up a few hundred
    words, and reading all 8,000 entries of a pair's lexicon cost 12 M instructions and 1.7 MB
    on every start (a dict per part read: the aligner's words reach half the parts). ``read``
    turns a kept value string into the value (none: the string itself)."""

    __slots__ = ("_lines", "_read")

    def __init__(self, lines: dict[str, str], read=None) -> None:
        self._lines: dict[str, str] = lines
        self._read = read

    def get(self, key: str, default=None):
        lines = self._lines.get(key[:2]) if isinstance(key, str) else None
        if not lines:
            return default
        line = key + "\t"
        if lines.startswith(line):
            at = len(line)
        else:
            at = lines.find("\n" + line)
            if at < 0:
                return default
            at += len(line) + 1
        end = lines.find("\n", at)
        value = lines[at:] if end < 0 else lines[at:end]
        return value if self._read is None else self._read(value)

    def __contains__(self, key: object) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT  # type: ignore[arg-type]

    def __getitem__(self, key: str):
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        for lines in self._lines.values():
            yield from (line.split("\t", 1)[0] for line in lines.split("\n"))

    def __len__(self) -> int:
        return sum(len(lines.split("\n")) for lines in self._lines.values())
