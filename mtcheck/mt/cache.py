"""A persistent MT cache in SQLite, safe to share between processes.

Keys are SHA-256 digests of everything that determines an output: the model id and its
revision, the backend and its compute type, the direction, the decoding settings and the
normalised text (for forced decoding: source and target). Re-running ``check`` on an
unchanged article makes no model call; editing one paragraph re-runs only its segments.

Location: ``settings["cache_path"]``, else ``$MTCHECK_CACHE_DIR/mt.sqlite``, else the
user cache directory — ``$XDG_CACHE_HOME/mtcheck/mt.sqlite`` (default
``~/.cache/mtcheck/mt.sqlite``; ``%LOCALAPPDATA%\\mtcheck\\mt.sqlite`` on Windows).
The database runs in WAL mode with a busy timeout, so concurrent ``check`` processes
read and write it safely; any SQLite failure degrades to an in-memory cache, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path


def default_cache_path() -> Path:
    env = os.environ.get("MTCHECK_CACHE_DIR")
    if env:
        return Path(env) / "mt.sqlite"
    if os.name == "nt":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mtcheck" / "mt.sqlite"


def make_key(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def foreign_file(path: Path, *, allow_empty: bool = False) -> str | None:
    """Why an existing ``path`` must not be used as a cache (``None`` when it may).

    An empty file is what SQLite itself leaves for a moment while another process creates
    the cache: a check accepts it (``allow_empty``), ``cache clear`` does not.
    """
    try:
        if not path.exists():
            return None
        if not path.is_file():
            return f"{path}: is not a regular file; not used as the MT cache"
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        return f"{path}: cannot read ({exc.strerror or exc}); not used as the MT cache"
    if head != b"SQLite format 3\x00" and not (allow_empty and head == b""):
        return f"{path}: is not an MT cache (not an SQLite database); not touched"
    return None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _decode(raw: str) -> object | None:
    """A stored value, or ``None`` (a miss) for one that does not read back cleanly: bad JSON,
    NaN or Infinity, a lone surrogate."""
    try:
        value = json.loads(raw, parse_constant=_no_constant)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError, TypeError):
        return None
    return value


class CacheBusy(Exception):
    """The cache database is locked by another process."""


class CacheCorrupt(Exception):
    """The cache file is an SQLite database that cannot be read (damaged): only removing it helps."""


def _corrupt(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.DatabaseError) and any(
        words in str(exc).lower() for words in ("malformed", "not a database", "disk image")
    )


class MTCache:
    """``get_many``/``put_many`` over a key → JSON table; ``path=None`` keeps it in memory."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        self.error: str | None = None
        self.corrupt = False  # an SQLite file of ours that cannot be read
        self._db: sqlite3.Connection | None = None
        self._memory: dict[str, object] = {}

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self.path is None or self.error:
            return self._db
        self.error = foreign_file(self.path, allow_empty=True)
        if self.error:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS mt (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL)")
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            self.corrupt = isinstance(exc, sqlite3.Error) and _corrupt(exc)
            hint = "; `mtcheck cache clear` removes it" if self.corrupt else ""
            self.error = f"MT cache disabled ({self.path}: {exc}{hint})"
        return self._db

    def peek(self, key: str) -> object | None:
        """An entry already read or written by this process (no database access)."""
        return self._memory.get(key)

    def get_many(self, keys: list[str]) -> dict[str, object]:
        found = {k: self._memory[k] for k in keys if k in self._memory}
        rest = [k for k in keys if k not in found]
        db = self._conn()
        if db is None or not rest:
            return found
        try:
            for i in range(0, len(rest), 500):
                chunk = rest[i : i + 500]
                q = "SELECT key, value FROM mt WHERE key IN (%s)" % ",".join("?" * len(chunk))
                for k, v in db.execute(q, chunk):
                    value = _decode(v)
                    if value is not None:
                        found[k] = self._memory[k] = value
        except sqlite3.Error as exc:
            self.error = f"MT cache disabled ({exc})"
        return found

    def put_many(self, items: dict[str, object]) -> None:
        self._memory.update(items)
        db = self._conn()
        if db is None or not items:
            return
        now = time.time()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT OR REPLACE INTO mt (key, value, created) VALUES (?, ?, ?)",
                [(k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()],
            )
            db.execute("COMMIT")
        except (sqlite3.Error, ValueError) as exc:  # ValueError: a lone surrogate cannot be stored
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.error = f"MT cache not written ({exc})"

    def clear(self) -> int:
        """Delete every entry; returns how many there were (raises ``CacheBusy`` while another process writes)."""
        self._memory.clear()
        db = self._conn()
        if db is None:
            if self.corrupt:
                raise CacheCorrupt(f"{self.path}: the MT cache is damaged")
            return 0
        try:
            return self._clear(db)
        except sqlite3.Error as exc:
            if _corrupt(exc):
                raise CacheCorrupt(f"{self.path}: the MT cache is damaged ({exc})") from None
            raise CacheBusy(f"{self.path}: cannot clear the MT cache now ({exc}); try again when no check is running") from None

    def _clear(self, db) -> int:
        n = db.execute("SELECT COUNT(*) FROM mt").fetchone()[0]
        db.execute("DELETE FROM mt")
        db.execute("VACUUM")
        return int(n)

    def __len__(self) -> int:
        db = self._conn()
        try:
            return int(db.execute("SELECT COUNT(*) FROM mt").fetchone()[0]) if db else len(self._memory)
        except sqlite3.Error:
            return len(self._memory)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
