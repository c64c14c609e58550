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
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import sys
import threading

import regex
from regex import _regex

_MAX_ENTRIES = 4096
_lock = threading.Lock()
_patterns: dict[tuple[str, int], regex.Pattern | bytes] | None = None  # bytes: not restored yet
_new: set[tuple[str, int]] = set()


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
    return {k: v for k, v in entries.items() if type(k) is tuple and len(k) == 2 and type(v) is bytes}


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
            kept[key] = value if type(value) is bytes else _code(value)
        except (KeyError, ValueError):  # a pattern marshal cannot keep: compiled again next time
            pass
    try:  # no home folder, a read-only cache: the next run compiles again
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(kept))
    except (OSError, RuntimeError):
        pass
