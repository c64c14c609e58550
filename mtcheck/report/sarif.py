"""SARIF 2.1.0 output for code-scanning tools (GitHub, GitLab, Azure DevOps, IDE viewers).

One run; ``tool.driver.rules`` lists every rule with its documentation and default level.
Each finding is a result located in the target file (or, for an omission, in the source
file) with 1-based line/column and ``charOffset``/``charLength``; columns and offsets count
Unicode code points (``run.columnKind = "unicodeCodePoints"``), matching mtcheck's offsets.
The finding's fingerprint is ``partialFingerprints["mtcheck/v1"]``; a safe fix becomes a
SARIF ``fix``; an inline suppression becomes ``suppressions: [{"kind": "inSource"}]``, a
decision or allowlist entry ``"external"``, each with its reason as ``justification``.
Paths are relative to ``root`` (``uriBaseId: "%SRCROOT%"``) when they lie under it: by default
the git repository holding the first document (the nearest folder above it with a ``.git``),
else the current directory; ``--sarif-root`` names another.
Validated against the OASIS schema vendored in ``schema/sarif-schema-2.1.0.json``.
Written a result at a time (:func:`chunks`); the artifacts and notices before them come from a
first pass over the documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtcheck import __version__
from mtcheck.model import DocumentResult, Finding, Span
from mtcheck.report.json import encode
from mtcheck.report.lines import Positions

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def _repository_root(results: list[DocumentResult]) -> Path | None:
    """The git repository holding the first document, if any."""
    if not results:
        return None
    here = Path(results[0].target.path).resolve().parent
    return next((p for p in (here, *here.parents) if (p / ".git").exists()), None)


def _uri(path: str, root: Path) -> tuple[str, str | None]:
    p = Path(path).resolve()
    try:
        return quote(p.relative_to(root).as_posix()), SRCROOT
    except ValueError:
        return p.as_uri(), None


def _region(text: str, position: Positions, span: Span) -> dict[str, Any]:
    start_line, start_col = position(text, span.start)
    end_line, end_col = position(text, span.end)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }
    snippet = text[span.start : span.end]
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    from mtcheck.checks import all_rules

    descriptors = []
    index = {}
    for i, (rule_id, cls) in enumerate(all_rules().items()):
        index[rule_id] = i
        doc = cls.documentation()
        descriptors.append(
            {
                "id": rule_id,
                "name": "".join(part.capitalize() for part in rule_id.split("-")),
                "shortDescription": {"text": cls.summary()},
                "fullDescription": {"text": doc},
                "help": {"text": doc, "markdown": f"**{rule_id}** ({cls.category})\n\n{doc}"},
                "defaultConfiguration": {"level": LEVELS[cls.severity.value]},
                "properties": {
                    "category": cls.category,
                    "tags": [cls.category.split("/")[0], cls.category],
                    "safeFix": bool(cls.safe_fix),
                },
            }
        )
    return descriptors, index


def _log(results: list[DocumentResult], root: Path | None) -> dict[str, Any]:
    """The SARIF log with its one run's results as an iterator (written as they are made)."""
    root = (root or _repository_root(results) or Path.cwd()).resolve()
    rules, rule_index = _rules()
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}

    def artifact(path: str, lang: str, role: str | None) -> dict[str, Any]:
        uri, base = _uri(path, root)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            loc: dict[str, Any] = {"uri": uri}
            if base:
                loc["uriBaseId"] = base
            entry: dict[str, Any] = {"location": loc, "encoding": "utf-8", "properties": {"language": lang}}
            if role:
                entry["roles"] = [role]
            artifacts.append(entry)
        loc = {"uri": uri, "index": artifact_index[uri]}
        if base:
            loc["uriBaseId"] = base
        return loc

    documents = []  # (result, target location, source location)
    notifications: list[dict[str, Any]] = []
    for result in results:
        target_loc = artifact(result.target.path, result.tgt_lang, "analysisTarget")
        source_loc = artifact(result.source.path, result.src_lang, None) if result.source is not None else None
        documents.append((result, target_loc, source_loc))
        for notice in result.notices:
            notifications.append(
                {"level": "note", "message": {"text": notice}, "locations": [{"physicalLocation": {"artifactLocation": target_loc}}]}
            )
    lines = Positions(universal=True)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mtcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/mtcheck/",
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
        "artifacts": artifacts,
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": (
            _result(f, result, rule_index, target_loc, source_loc, lines)
            for result, target_loc, source_loc in documents
            for f in result.findings
        ),
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": iter([run])}


def _result(
    f: Finding,
    result: DocumentResult,
    rule_index: dict[str, int],
    target_loc: dict[str, Any],
    source_loc: dict[str, Any] | None,
    lines: Positions,
) -> dict[str, Any]:
    message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion and f.suggestion.strip() else "")
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity.value],
        "message": {"text": message},
        "partialFingerprints": {"mtcheck/v1": f.id},
        "properties": {"category": f.category, "segment": f.segment},
    }
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    locations = []
    related = []
    if f.target is not None:
        locations.append(
            {"physicalLocation": {"artifactLocation": target_loc, "region": _region(result.target.text, lines, f.target)}}
        )
    if f.source is not None and source_loc is not None and result.source is not None:
        where = {"physicalLocation": {"artifactLocation": source_loc, "region": _region(result.source.text, lines, f.source)}}
        if locations:
            related.append({"id": 1, "message": {"text": "source text"}, **where})
        else:
            locations.append(where)
    if not locations:
        locations.append({"physicalLocation": {"artifactLocation": target_loc}})
    out["locations"] = locations
    if related:
        out["relatedLocations"] = related
    if f.fix is not None and f.target is not None:
        out["fixes"] = [
            {
                "description": {"text": f"Replace with {f.fix!r}" if f.fix else "Delete"},
                "artifactChanges": [
                    {
                        "artifactLocation": target_loc,
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": f.target.start, "charLength": f.target.end - f.target.start},
                                "insertedContent": {"text": f.fix},
                            }
                        ],
                    }
                ],
            }
        ]
    if f.suppressed:
        by = (f.suppression or {}).get("by", "inline")
        suppression = {"kind": "inSource" if by == "inline" else "external"}
        if (f.suppression or {}).get("reason"):
            suppression["justification"] = f.suppression["reason"]
        out["suppressions"] = [suppression]
    return out


def render(results: list[DocumentResult], root: Path | None = None) -> str:
    return "".join(chunks(results, root))


def chunks(results: list[DocumentResult], root: Path | None = None) -> Iterator[str]:
    """The log as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it, a result at a time."""
    yield from encode(_log(results, root), 0)
    yield "\n"

