"""The rules' ``regex`` patterns, compiled once per machine instead of once per run.

``regex`` parses a pattern in Python: the negation cues, unit and particle alternations built
from the data files cost tens of milliseconds on every start. A compiled ``regex`` pattern
reduces (as ``pickle`` sees it) to ``regex._regex.compile`` of its compiled code, plain values
that ``marshal`` keeps, so the patterns a run compiles through :func:`compile` are kept in
``patterns-by-key-<regex version>-<python>.marshal`` in the cache directory (that of
``mtcheck.lexicon``) and rebuilt from that code by the next run without parsing them again:
the file maps each key to its pattern's own ``marshal`` bytes, restored only when a run asks
for that pattern (a run needs a few of the patterns every language pair and rule has left
there). The key is the pattern text and its flags: a changed data file makes a new pattern,
never a stale one. Only patterns fixed by the code or the data files belong here, not ones
built from a document's words.

``marshal`` builds values and nothing else (no code runs while reading), and an entry is used
only when it holds the pattern asked for; a damaged or foreign file or entry is ignored and
rewritten. A run that compiled something new writes the file at exit (atomically), keeping at
most ``_MAX_ENTRIES`` patterns.

:func:`compile_re` does the same for Python's ``re`` (the ASCII twins of ``checks.words``, fixed
patterns compiled at import): such a pattern is kept as the arguments of ``_sre.compile`` (its
code from ``re``'s own compiler), under a key of three items.
"""

from __future__ import annotations

import _sre
import atexit
import copyreg
import marshal
import re
import sys
import threading

import regex
from regex import _regex

_MAX_ENTRIES = 4096
_lock = threading.Lock()
_patterns: dict[tuple, regex.Pattern | re.Pattern | bytes] | None = None  # bytes: not restored yet
_new: set[tuple] = set()
_re_code: dict[tuple[str, int, str], bytes] = {}  # an ``re`` pattern compiled in this run: what restores it


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the disk cache when an earlier run compiled it."""
    patterns = _loaded()
    key = (pattern, int(flags))
    found = patterns.get(key)
    if type(found) is bytes:
        found = _restore(found, pattern)
        if found is not None:
            patterns[key] = found
    if found is None:
        found = regex.compile(pattern, flags)
        with _lock:
            if not _new:
                atexit.register(_save)
            patterns[key] = found
            _new.add(key)
    return found


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the disk cache when an earlier run compiled it."""
    patterns = _loaded()
    key = (pattern, int(flags), "re")
    found = patterns.get(key)
    if type(found) is bytes:
        code, found = found, _restore_re(found, pattern)
        if found is not None:
            patterns[key], _re_code[key] = found, code
    if found is None:
        try:
            found, code = _compiled_re(pattern, int(flags))
        except Exception:  # noqa: BLE001 - re's private compiler differs (Python 3.10: sre_compile): not kept
            return re.compile(pattern, flags)
        with _lock:
            if not _new:
                atexit.register(_save)
            patterns[key] = found
            _re_code[key] = code
            _new.add(key)
    return found


def _compiled_re(pattern: str, flags: int) -> tuple[re.Pattern, bytes]:
    """The pattern as ``re._compiler.compile`` makes it, and the ``marshal`` bytes of its
    ``_sre.compile`` arguments."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    code = list(map(int, _compiler._code(parsed, flags)))  # its opcodes are int subclasses marshal refuses
    args = (pattern, flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
    return _sre.compile(*args), marshal.dumps((_sre.MAGIC, args))


def _restore_re(data: bytes, pattern: str) -> re.Pattern | None:
    """The ``re`` pattern kept in ``data`` (``None`` when it is damaged, another pattern or from
    another ``_sre``; ``_sre.compile`` validates the code)."""
    try:
        magic, args = marshal.loads(data)
        if magic != _sre.MAGIC or type(args) is not tuple or not args or args[0] != pattern:
            return None
        found = _sre.compile(*args)
    except Exception:  # noqa: BLE001 - damaged: compiled afresh
        return None
    return found if isinstance(found, re.Pattern) and found.pattern == pattern else None


def _path():
    from mtcheck.lexicon import _cache_dir

    return _cache_dir() / f"patterns-by-key-{regex.__version__}-{sys.implementation.cache_tag}.marshal"


def _loaded() -> dict[tuple[str, int], regex.Pattern | bytes]:
    global _patterns
    if _patterns is None:
        with _lock:
            if _patterns is None:
                _patterns = _read()
    return _patterns


def _read() -> dict[tuple[str, int], bytes]:
    try:
        with open(_path(), "rb") as f:
            entries = marshal.load(f)
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: compile afresh
        return {}
    if type(entries) is not dict:
        return {}
    return {k: v for k, v in entries.items() if type(k) is tuple and (len(k) == 2 or len(k) == 3 and k[2] == "re") and type(v) is bytes}


def _restore(data: bytes, pattern: str) -> regex.Pattern | None:
    """The pattern kept in ``data`` (``None`` when it is damaged or another pattern)."""
    try:
        code = marshal.loads(data)
        if type(code) is not tuple or not code or code[0] != pattern:
            return None
        found = _regex.compile(*code)
    except Exception:  # noqa: BLE001 - damaged: compiled afresh
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == pattern else None


def _code(pattern: regex.Pattern) -> bytes:
    """What :func:`_restore` rebuilds ``pattern`` from: the arguments of its reduction."""
    rebuild, args = copyreg.dispatch_table[type(pattern)](pattern)
    if rebuild is not _regex.compile:  # another regex release: not kept
        raise ValueError("unknown pattern reduction")
    return marshal.dumps(args)


def _save() -> None:
    """Write the cache when this run compiled new patterns (at exit; never an error of the run)."""
    from mtcheck.safefiles import atomic_write

    with _lock:
        if not _new or _patterns is None:
            return
        keep = dict(_patterns)
        if len(keep) > _MAX_ENTRIES:  # over the bound: only what this run compiled
            keep = {k: keep[k] for k in _new}
        _new.clear()
    kept = {}
    for key, value in keep.items():
        try:
            kept[key] = value if type(value) is bytes else _re_code[key] if len(key) == 3 else _code(value)
        except (KeyError, ValueError):  # a pattern marshal cannot keep: compiled again next time
            pass
    try:  # no home folder, a read-only cache: the next run compiles again
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(kept))
    except (OSError, RuntimeError):
        pass
