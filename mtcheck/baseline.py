"""Baselines: accept today's findings, report only new ones.

``mtcheck check --write-baseline FILE`` records every unsuppressed finding as a document
path (relative to the baseline file's folder, ``/``-separated; ``#<article id>`` added for
an article of a JSON export that holds several) plus the finding's stable
fingerprint (``Finding.id``: rule, flagged text, its sentence, occurrence). ``--baseline
FILE`` then drops findings whose (path, fingerprint) is recorded, so editing elsewhere in
an article or moving a paragraph does not resurface old findings, while a new occurrence
of the same problem does.

The file is JSON (``mtcheck.baseline/1``); the rule, line and text of each entry are for
people reading the file and are not used for matching.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mtcheck import __version__
from mtcheck.safefiles import atomic_write, read_json

SCHEMA = "mtcheck.baseline/1"


class BaselineError(Exception):
    """A baseline that cannot be read or written; ``str()`` is the one-line message."""


def _key_path(doc_path: str, base_dir: Path) -> str:
    p = Path(doc_path).resolve()
    try:
        return p.relative_to(base_dir).as_posix()
    except ValueError:
        return Path(os.path.relpath(p, base_dir)).as_posix()


def _fragment(result: Any) -> str:
    """``#<article id>`` for one article of a multi-article JSON export, else empty."""
    from mtcheck.batch import document_label

    return document_label(result)[len(result.target.path) :]


def build(results: list[Any], baseline_path: Path) -> dict[str, Any]:
    base_dir = baseline_path.resolve().parent
    documents: dict[str, list[dict[str, Any]]] = {}
    for result in results:
        entries = []
        for f in result.findings:
            if f.suppressed:
                continue
            entry: dict[str, Any] = {"id": f.id, "rule": f.rule}
            if f.target is not None:
                entry["line"] = result.target.text.count("\n", 0, f.target.start) + 1
                entry["text"] = result.target.slice(f.target)
            entries.append(entry)
        if entries:
            documents.setdefault(_key_path(result.target.path, base_dir) + _fragment(result), []).extend(entries)
    return {
        "schema": SCHEMA,
        "tool": {"name": "mtcheck", "version": __version__},
        "documents": dict(sorted(documents.items())),
    }


def write(results: list[Any], baseline_path: Path) -> int:
    """Write the baseline atomically; returns how many findings it records."""
    data = build(results, baseline_path)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(baseline_path, text)
    except OSError as e:
        raise BaselineError(f"{baseline_path}: cannot write baseline ({e.strerror})") from None
    return sum(len(v) for v in data["documents"].values())


def load(baseline_path: Path) -> set[tuple[str, str]]:
    """The recorded (path, fingerprint) pairs; paths are resolved against the file's folder."""
    data = read_json(baseline_path, "baseline", "create it with --write-baseline", BaselineError)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("documents"), dict):
        raise BaselineError(f"{baseline_path}: not a baseline file (expected \"schema\": \"{SCHEMA}\")")
    base_dir = baseline_path.resolve().parent
    keys = set()
    for path, entries in data["documents"].items():
        if not isinstance(entries, list):
            raise BaselineError(f"{baseline_path}: {path}: expected a list of findings")
        file_part, hash_, article = path.partition("#")
        try:
            doc = (base_dir / file_part).resolve().as_posix() + hash_ + article
        except (ValueError, OSError):  # NUL or a lone surrogate: no document has that path
            continue
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise BaselineError(f"{baseline_path}: {path}: each finding needs an \"id\"")
            keys.add((doc, entry["id"]))
    return keys


def filter_new(result: Any, known: set[tuple[str, str]]) -> int:
    """Drop the findings of ``result`` recorded in the baseline; returns how many were dropped."""
    doc = Path(result.target.path).resolve().as_posix() + _fragment(result)
    before = len(result.findings)
    result.findings = [f for f in result.findings if (doc, f.id) not in known]
    return before - len(result.findings)
