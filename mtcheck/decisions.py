"""Editors' decisions from the HTML report, read back by the next run.

The report page lets an editor mark each finding *fixed*, *accepted* (intended) or *false
alarm*, with a note, and exports the marks as a ``mtcheck.decisions/1`` JSON file::

    {"schema": "mtcheck.decisions/1",
     "documents": {"story.en.txt": [{"id": "<finding id>", "decision": "accepted", "note": "…"}]}}

Documents are keyed by the report's document key (the target path as given, ``#<article
id>`` added for one article of a multi-article JSON export); a key is matched against the
checked document's path resolved from the current folder, else by file name, since the
file is usually saved to a downloads folder. ``mtcheck check --decisions FILE`` (or the
``decisions`` configuration key) then suppresses accepted and false-alarm findings with
the note as the reason, and reports a finding marked fixed that is still there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.safefiles import read_json

SCHEMA = "mtcheck.decisions/1"
DECISIONS = {"fixed": "fixed", "accepted": "accepted (intended)", "false-alarm": "false alarm"}


class DecisionsError(Exception):
    """A decisions file that cannot be read; ``str()`` is the one-line message."""


@dataclass
class Decisions:
    """Decisions by document key: ``{key: {finding id: (decision, note)}}``."""

    path: Path
    by_path: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    by_name: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def for_document(self, key: str) -> dict[str, tuple[str, str]]:
        file_part, hash_, article = key.partition("#")
        resolved = Path(file_part).resolve().as_posix() + hash_ + article
        return self.by_path.get(resolved) or self.by_name.get(Path(file_part).name + hash_ + article, {})


def load(path: Path) -> Decisions:
    data = read_json(path, "decisions", "export it from the HTML report", DecisionsError)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("documents"), dict):
        raise DecisionsError(f"{path}: not a decisions file (expected \"schema\": \"{SCHEMA}\")")
    out = Decisions(path)
    for key, entries in data["documents"].items():
        if not isinstance(entries, list):
            raise DecisionsError(f"{path}: {key}: expected a list of decisions")
        marks = {}
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry.get("decision") not in DECISIONS:
                raise DecisionsError(f"{path}: {key}: each decision needs an \"id\" and a \"decision\" ({', '.join(DECISIONS)})")
            marks[entry["id"]] = (entry["decision"], str(entry.get("note") or "").strip())
        file_part, hash_, article = key.partition("#")
        out.by_path[Path(file_part).resolve().as_posix() + hash_ + article] = marks
        out.by_name.setdefault(Path(file_part).name + hash_ + article, marks)
    return out


def apply(result: Any, decisions: Decisions) -> int:
    """Suppress ``result``'s accepted and false-alarm findings; a notice for fixed ones still present.

    Returns how many findings were suppressed.
    """
    from mtcheck.batch import document_label

    marks = decisions.for_document(document_label(result))
    suppressed = 0
    for f in result.findings:
        decision, note = marks.get(f.id, (None, ""))
        if decision == "fixed":
            text = result.target.slice(f.target) if f.target else f.rule
            result.notices.append(f"{f.rule} “{text}” is marked fixed in {decisions.path} but is still there")
        elif decision is not None and not f.suppressed:
            f.suppressed = True
            f.suppression = {"by": "decision", "decision": decision, "reason": note or DECISIONS[decision]}
            suppressed += 1
    return suppressed
