"""The rules' ``regex`` patterns, compiled once per machine instead of once per run.

``regex`` parses a pattern in Python: the negation cues, unit and particle alternations built
from the data files cost tens of milliseconds on every start. A compiled ``regex`` pattern
pickles as its compiled code, which ``regex`` restores without parsing the pattern again, so
the patterns a run compiles through :func:`compile` are kept in
``patterns-by-key-<regex version>-<python>.pickle`` in the cache directory (that of
``mtcheck.lexicon``) and read back by the next run: the file maps each key to its pattern's
own pickle, restored only when a run asks for that pattern (a run needs a few of the
patterns every language pair and rule has left there). The key is the pattern text and its
flags: a changed data file makes a new pattern, never a stale one. Only patterns fixed by the
code or the data files belong here, not ones built from a document's words.

Each pattern is restored with an unpickler that rebuilds ``regex`` patterns and nothing else; a
damaged or foreign file or entry is ignored and rewritten. A run that compiled something new writes
the file at exit (atomically), keeping at most ``_MAX_ENTRIES`` patterns.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import pickle
import sys
import threading

import regex

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

    return _cache_dir() / f"patterns-by-key-{regex.__version__}-{sys.implementation.cache_tag}.pickle"


class _PatternsOnly(pickle.Unpickler):
    """Rebuilds ``regex`` patterns (``regex._regex.compile`` of their compiled code) and nothing else."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is no regex pattern")


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
            entries = _PatternsOnly(f).load()
    except Exception:  # noqa: BLE001 - missing, damaged, from another version: compile afresh
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if type(k) is tuple and len(k) == 2 and type(v) is bytes}


def _restore(data: bytes, pattern: str) -> regex.Pattern | None:
    """The pattern pickled in ``data`` (``None`` when it is damaged or another pattern)."""
    try:
        found = _PatternsOnly(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - damaged: compiled afresh
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == pattern else None


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
    keep = {k: v if type(v) is bytes else pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in keep.items()}
    with contextlib.suppress(OSError, RuntimeError):  # no home folder, a read-only cache: the next run compiles again
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL))
