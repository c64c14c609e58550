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
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtcheck import __version__
from mtcheck.model import DocumentResult, Finding, Span

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


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        elif c == "\n":
            starts.append(i + 1)
        i += 1
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _region(text: str, starts: list[int], span: Span) -> dict[str, Any]:
    start_line, start_col = _position(starts, span.start)
    end_line, end_col = _position(starts, span.end)
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


def render_dict(results: list[DocumentResult], root: Path | None = None) -> dict[str, Any]:
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

    results_out: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        target_loc = artifact(result.target.path, result.tgt_lang, "analysisTarget")
        target_starts = _line_starts(result.target.text)
        source_loc = source_starts = None
        if result.source is not None:
            source_loc = artifact(result.source.path, result.src_lang, None)
            source_starts = _line_starts(result.source.text)
        for notice in result.notices:
            notifications.append(
                {"level": "note", "message": {"text": notice}, "locations": [{"physicalLocation": {"artifactLocation": target_loc}}]}
            )
        for f in result.findings:
            results_out.append(_result(f, result, rule_index, target_loc, target_starts, source_loc, source_starts))

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
        "results": results_out,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _result(
    f: Finding,
    result: DocumentResult,
    rule_index: dict[str, int],
    target_loc: dict[str, Any],
    target_starts: list[int],
    source_loc: dict[str, Any] | None,
    source_starts: list[int] | None,
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
            {"physicalLocation": {"artifactLocation": target_loc, "region": _region(result.target.text, target_starts, f.target)}}
        )
    if f.source is not None and source_loc is not None and result.source is not None:
        where = {"physicalLocation": {"artifactLocation": source_loc, "region": _region(result.source.text, source_starts, f.source)}}
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
    return json.dumps(render_dict(results, root), ensure_ascii=False, indent=2) + "\n"

