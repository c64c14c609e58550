"""Which words a language has and how frequent they are, from maintained packages.

Frequencies come from ``wordfreq`` (Zipf scale: 7 for "the", 3 for a word seen once per
million words, 0 for an unknown one); the spelling dictionary from ``pyspellchecker``. Any
language both packages cover works with no data of ours. Loading a full list takes about a
second, too slow for every run, so on first use a language's lists are copied into an SQLite
file in the cache directory (``$MTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtcheck``, else
``~/.cache/mtcheck``), named after the packages' data files, and later runs look up only the
words of the document. A cache that cannot be written is built in memory.
"""

from __future__ import annotations

import contextlib
import functools
import math
import importlib.util
import os
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable
from pathlib import Path

# Correction candidates: words at least this frequent, or in the spelling dictionary and at
# least CANDIDATE_KNOWN_ZIPF frequent (misspellings such as "teh" reach Zipf 3 in wordfreq).
CANDIDATE_ZIPF = 4.0
CANDIDATE_KNOWN_ZIPF = 3.0
_SCHEMA = 1


@functools.lru_cache(maxsize=1 << 14)  # the same words, read by several rules
def normalise(word: str) -> str:
    """How words are looked up: NFC, lowercase, curly apostrophe made straight."""
    word = word.lower()
    return word if word.isascii() else unicodedata.normalize("NFC", word).replace("’", "'")


def deletes(word: str, depth: int = 2) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier if len(w) > 1 for i in range(len(w))}
        out |= frontier
    return out


def distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _data_file(package: str, relative: str) -> Path | None:
    folder = _package_folder(package)
    path = folder / relative if folder is not None else None
    return path if path is not None and path.is_file() else None


@functools.cache
def _package_folder(package: str) -> Path | None:
    """Where an installed package lives (searched once: each language's lexicon asks)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _cache_dir() -> Path:
    env = os.environ.get("MTCHECK_CACHE_DIR")
    if env:
        return Path(env)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "mtcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mtcheck"


# Files derived from installed packages and data files, rebuilt on use: lexicons, compiled
# patterns (``mtcheck.patterns``), parsed large data files and values derived from the data
# files (``mtcheck.resources``).
_DERIVED = ("lexicon-*.sqlite", "lexicon-*.tmp", "patterns-*.marshal", "patterns-*.pickle", "data-*.marshal", "derived-*.marshal")


def clear_derived() -> int:
    """Remove the derived files of the cache directory (rebuilt by the next check); how many."""
    folder = _cache_dir()
    removed = 0
    for pattern in _DERIVED:
        for path in folder.glob(pattern):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


class Lexicon:
    """One language's word frequencies, spelling dictionary and correction index (read-only)."""

    def __init__(self, lang: str, db: sqlite3.Connection, has_dictionary: bool) -> None:
        self.lang = lang
        self.db = db
        self.has_dictionary = has_dictionary
        self._seen: dict[str, tuple[float, bool]] = {}

    def lookup(self, words: Iterable[str]) -> None:
        """Fetch the entries of ``words`` (normalised) in one pass; later calls are memoised."""
        todo = list(set(words).difference(self._seen))
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            rows = self.db.execute(f"SELECT word, zipf, known FROM freq WHERE word IN ({','.join('?' * len(chunk))})", chunk)
            found = {w: (z, bool(k)) for w, z, k in rows}
            for w in chunk:
                self._seen[w] = found.get(w, (0.0, False))

    def entry(self, word: str) -> tuple[float, bool]:
        """``(zipf(word), known(word))`` in one lookup."""
        entry = self._seen.get(word)
        if entry is None:
            self.lookup([word])
            entry = self._seen[word]
        return entry

    def zipf(self, word: str) -> float:
        return self.entry(word)[0]

    def known(self, word: str) -> bool:
        """Whether the spelling dictionary has ``word`` (False when the language has none)."""
        return self.entry(word)[1]

    def near(self, word: str, max_distance: int = 2) -> list[tuple[int, float, str]]:
        """Frequent words within ``max_distance`` edits of ``word``: (distance, -zipf, word), best first."""
        keys = list(deletes(word, max_distance))
        rows = self.db.execute(f"SELECT DISTINCT word FROM deletes WHERE key IN ({','.join('?' * len(keys))})", keys)
        out = []
        for (cand,) in rows:
            d = distance(word, cand)
            if 0 < d <= max_distance:
                out.append((d, -self.zipf(cand), cand))
        return sorted(out)


@functools.cache
def lexicon(lang: str) -> Lexicon | None:
    """The language's lexicon, built into the cache on first use; ``None`` if wordfreq lacks it."""
    wf = _data_file("wordfreq", f"data/large_{lang}.msgpack.gz") or _data_file("wordfreq", f"data/small_{lang}.msgpack.gz")
    if wf is None:
        return None
    ps = _data_file("spellchecker", f"resources/{lang}.json.gz")
    stamp = "-".join(f"{p.stat().st_size}.{p.stat().st_mtime_ns}" for p in (wf, ps) if p)
    path = _cache_dir() / f"lexicon-{lang}-{_SCHEMA}-{zlib.crc32(stamp.encode()):08x}.sqlite"
    db = None
    if path.is_file():
        try:
            db = _read_only(path)
            db.execute("SELECT 1 FROM deletes LIMIT 1")
        except sqlite3.Error:
            db = None
    if db is None:
        db = _build(lang, path, ps is not None)
    return Lexicon(lang, db, ps is not None)


def _build(lang: str, path: Path, has_dictionary: bool) -> sqlite3.Connection:
    import wordfreq

    freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
    rows: dict[str, list] = {w: [round(math.log10(f) + 9, 2), 0] for w, f in freqs.items() if f > 0}
    if has_dictionary:
        from spellchecker import SpellChecker

        for w in SpellChecker(language=lang, distance=1).word_frequency.dictionary:
            rows.setdefault(normalise(w), [0.0, 0])[1] = 1
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = _filled(sqlite3.connect(tmp, check_same_thread=False), rows)
    except (OSError, sqlite3.Error):  # no cache folder, or a full disk: kept in memory for this run
        with contextlib.suppress(OSError):
            tmp.unlink()
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute("PRAGMA temp_store = MEMORY")  # the index's sort too: no temporary file
        return _filled(db, rows)
    db.close()
    try:
        os.replace(tmp, path)
    except OSError:
        path = tmp
    return _read_only(path)


def _filled(db: sqlite3.Connection, rows: dict[str, list]) -> sqlite3.Connection:
    """``db`` with the lexicon's tables made from ``rows`` (word → zipf, known); closed if that fails."""
    try:
        db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, zipf REAL, known INTEGER) WITHOUT ROWID")
        db.executemany("INSERT INTO freq VALUES (?, ?, ?)", ((w, z, k) for w, (z, k) in rows.items()))
        db.execute("CREATE TABLE deletes (key TEXT, word TEXT)")
        targets = [w for w, (z, k) in rows.items() if z >= CANDIDATE_ZIPF or k and z >= CANDIDATE_KNOWN_ZIPF]
        db.executemany("INSERT INTO deletes VALUES (?, ?)", ((d, w) for w in targets if w.isalpha() for d in deletes(w)))
        db.execute("CREATE INDEX deletes_key ON deletes (key)")
        db.commit()
    except BaseException:
        db.close()
        raise
    return db


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection with a small page cache: a run reads a few pages per word once, and
    the default 2 MB cache per language cost a page fault per page read (1,100 for the seed)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    db.execute(f"PRAGMA cache_size = {_CACHE_PAGES}")
    return db


_CACHE_PAGES = 32
