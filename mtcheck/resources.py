"""Language data shipped beside the code in ``mtcheck/data/``.

``data/<lang>/`` holds monolingual lists (abbreviations, stopwords, month names, …);
``data/<src>-<tgt>/`` holds bilingual tables (exonyms, calques, glossary, …). Adding a
language pair means adding files here, not code. ``.txt`` files hold one entry per line;
``.tsv`` files have a header row. ``#`` starts a comment line in both; blank lines are skipped.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files("mtcheck") / "data"))


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]


@functools.cache
def word_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``data/<lang>/<name>.txt`` (empty when the language lacks the list)."""
    return tuple(ln.strip() for ln in _lines(DATA_DIR / lang / f"{name}.txt"))


@functools.cache
def table(folder: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<folder>/<name>.tsv`` as dicts keyed by the header."""
    rows = _lines(DATA_DIR / folder / f"{name}.tsv")
    if not rows:
        return ()
    reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


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
    (``None`` when there are none)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered) if ordered else None



@functools.cache
def lexicon(src: str, tgt: str) -> dict[str, str]:
    """The pair's lexicon (``data/<src>-<tgt>/lexicon.tsv``): lowercase source form → its
    translations, separated by ``|``."""
    return {row[src].lower(): row[tgt] for row in pair_table(src, tgt, "lexicon")}
