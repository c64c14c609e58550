"""JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps, GitHub test reporters).

One ``<testsuite name="mtcheck">``. A document with no finding at or above ``--fail-on`` is
one passing ``<testcase>`` (``name`` and ``file`` are the target's path, ``classname`` is
``mtcheck.<folder>``); a document that would make ``mtcheck check`` exit 1 is one failing
testcase per such finding (``name`` is ``path:line:col rule``, one ``<failure>`` each:
``type`` is the rule id, ``message`` the position, severity and message; the body adds the
flagged text and the suggestion), so dashboards count and list each problem. Findings below
the threshold and notices go in the document's first testcase's ``<system-out>``; a
document that could not be read is an ``<error>``. The layout follows the Jenkins
``junit-10.xsd``.
"""

from __future__ import annotations

import socket
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from mtcheck.model import DocumentResult, Finding, Severity


def _clean(text: str) -> str:
    """Characters XML 1.0 allows (control characters other than tab/newline/CR are dropped)."""
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"))


def _classname(path: str) -> str:
    """``mtcheck.<folder>.<folder>`` for a relative path (JUnit viewers group by it)."""
    p = Path(path)
    parts = [] if p.is_absolute() else [x for x in p.parent.parts if x not in (".", "..")]
    return ".".join(["mtcheck", *parts])


def _where(f: Finding, result: DocumentResult) -> str:
    doc, span = (result.target, f.target) if f.target else (result.source, f.source)
    if doc is None or span is None:
        return result.target.path
    line = doc.text.count("\n", 0, span.start) + 1
    col = span.start - (doc.text.rfind("\n", 0, span.start) + 1) + 1
    return f"{doc.path}:{line}:{col}"


def _describe(f: Finding, result: DocumentResult) -> str:
    lines = [f"{_where(f, result)}: {f.severity.value} [{f.rule}] {f.message}"]
    doc, span = (result.target, f.target) if f.target else (result.source, f.source)
    if doc is not None and span is not None:
        lines.append(f"  text: {doc.slice(span)!r}")
    if f.suggestion is not None:
        lines.append(f"  suggestion: {f.suggestion!r}")
    lines.append(f"  category: {f.category}  id: {f.id}")
    return "\n".join(lines)


def render(
    results: list[DocumentResult],
    fail_on: str = "error",
    errors: list[tuple[str, str]] | None = None,
    seconds: dict[str, float] | None = None,
) -> str:
    """The JUnit XML report; ``errors`` are (path, message) of documents that were not checked."""
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    seconds = seconds or {}
    suite = ET.Element("testsuite", name="mtcheck")
    tests = failures = errored = 0
    total_time = 0.0
    from mtcheck.batch import document_label

    for result in results:
        path = document_label(result)
        t = seconds.get(result.target.path, 0.0)
        total_time += t
        failing = [
            f for f in result.findings if not f.suppressed and threshold is not None and f.severity.rank >= threshold
        ]
        below = [_describe(f, result) for f in result.findings if not f.suppressed and f not in failing]
        cases = []
        for f in failing or [None]:
            name = path if f is None else f"{_where(f, result)} {f.rule}"
            case = ET.SubElement(
                suite,
                "testcase",
                name=_clean(name),
                classname=_classname(result.target.path),
                file=result.target.path,
                time=f"{t / max(1, len(failing)):.3f}",
            )
            if f is not None:
                el = ET.SubElement(case, "failure", type=f.rule, message=_clean(f"{_where(f, result)} {f.severity.value}: {f.message}"))
                el.text = _clean(_describe(f, result))
            cases.append(case)
        notes = [f"note: {n}" for n in result.notices] + below
        if notes:
            ET.SubElement(cases[0], "system-out").text = _clean("\n".join(notes))
        tests += len(cases)
        failures += len(failing)
    for path, message in errors or []:
        tests += 1
        errored += 1
        case = ET.SubElement(suite, "testcase", name=path, classname="mtcheck", file=path, time="0.000")
        ET.SubElement(case, "error", type="InputError", message=_clean(message)).text = _clean(message)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errored))
    suite.set("skipped", "0")
    suite.set("time", f"{total_time:.3f}")
    suite.set("timestamp", datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat())
    suite.set("hostname", _clean(socket.gethostname()) or "localhost")
    root = ET.Element("testsuites", name="mtcheck", tests=str(tests), failures=str(failures), errors=str(errored), time=f"{total_time:.3f}")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

