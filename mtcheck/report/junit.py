"""JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps, GitHub test reporters).

One ``<testsuite name="mtcheck">``. A document with no finding at or above ``--fail-on`` is
one passing ``<testcase>`` (``name`` and ``file`` are the target's path, ``classname`` is
``mtcheck.<folder>``); a document that would make ``mtcheck check`` exit 1 is one failing
testcase per such finding (``name`` is ``path:line:col rule``, one ``<failure>`` each:
``type`` is the rule id, ``message`` the position, severity and message; the body adds the
flagged text and the suggestion), so dashboards count and list each problem. Findings below
the threshold and notices go in the document's first testcase's ``<system-out>``; a
document that could not be read is an ``<error>``. The layout follows the Jenkins
``junit-10.xsd``. The totals come first (a counting pass), then the testcases are written one
at a time, as ``ElementTree`` would write the whole indented tree.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from mtcheck.model import DocumentResult, Finding, Severity
from mtcheck.report.lines import Positions


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """Characters XML 1.0 allows (control characters other than tab/newline/CR are dropped)."""
    return _NOT_XML.sub("", text)


def _classname(path: str) -> str:
    """``mtcheck.<folder>.<folder>`` for a relative path (JUnit viewers group by it)."""
    p = Path(path)
    parts = [] if p.is_absolute() else [x for x in p.parent.parts if x not in (".", "..")]
    return ".".join(["mtcheck", *parts])


def _where(f: Finding, result: DocumentResult, position: Positions) -> str:
    doc, span = (result.target, f.target) if f.target else (result.source, f.source)
    if doc is None or span is None:
        return result.target.path
    line, col = position(doc.text, span.start)
    return f"{doc.path}:{line}:{col}"


def _describe(f: Finding, result: DocumentResult, position: Positions) -> str:
    lines = [f"{_where(f, result, position)}: {f.severity.value} [{f.rule}] {f.message}"]
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
    return "".join(chunks(results, fail_on, errors, seconds))


def chunks(
    results: list[DocumentResult],
    fail_on: str = "error",
    errors: list[tuple[str, str]] | None = None,
    seconds: dict[str, float] | None = None,
) -> Iterator[str]:
    """The report of :func:`render` a testcase at a time."""
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    seconds = seconds or {}
    errors = errors or []

    def fails(f: Finding) -> bool:
        return not f.suppressed and threshold is not None and f.severity.rank >= threshold

    failing = [sum(map(fails, r.findings)) for r in results]
    failures = sum(failing)
    tests = sum(max(1, n) for n in failing) + len(errors)
    total_time = sum(seconds.get(r.target.path, 0.0) for r in results)
    suite = ET.Element("testsuite", name="mtcheck")
    for key, value in (
        ("tests", str(tests)),
        ("failures", str(failures)),
        ("errors", str(len(errors))),
        ("skipped", "0"),
        ("time", f"{total_time:.3f}"),
        ("timestamp", datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat()),
        ("hostname", _clean(socket.gethostname()) or "localhost"),
    ):
        suite.set(key, value)
    root = ET.Element("testsuites", name="mtcheck", tests=str(tests), failures=str(failures), errors=str(len(errors)), time=f"{total_time:.3f}")
    root.append(suite)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    if not tests:
        ET.indent(root)
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    ET.SubElement(suite, "testcase")  # the place of the testcases in the indented tree
    ET.indent(root)
    head, tail = ET.tostring(root, encoding="unicode").split("<testcase />")
    yield head
    cases = _testcases(results, fails, errors, seconds, Positions())
    yield _xml(next(cases))
    for case in cases:
        yield "\n    " + _xml(case)
    yield tail + "\n"


def _testcases(results, fails, errors, seconds, position: Positions) -> Iterator[ET.Element]:
    from mtcheck.batch import document_label

    for result in results:
        path = document_label(result)
        t = seconds.get(result.target.path, 0.0)
        failed = [f for f in result.findings if fails(f)]
        below = [_describe(f, result, position) for f in result.findings if not f.suppressed and not fails(f)]
        notes = [f"note: {n}" for n in result.notices] + below
        for k, f in enumerate(failed or [None]):
            name = path if f is None else f"{_where(f, result, position)} {f.rule}"
            case = ET.Element(
                "testcase",
                name=_clean(name),
                classname=_classname(result.target.path),
                file=result.target.path,
                time=f"{t / max(1, len(failed)):.3f}",
            )
            if f is not None:
                where = _where(f, result, position)
                el = ET.SubElement(case, "failure", type=f.rule, message=_clean(f"{where} {f.severity.value}: {f.message}"))
                el.text = _clean(_describe(f, result, position))
            if k == 0 and notes:
                ET.SubElement(case, "system-out").text = _clean("\n".join(notes))
            yield case
    for path, message in errors:
        case = ET.Element("testcase", name=path, classname="mtcheck", file=path, time="0.000")
        ET.SubElement(case, "error", type="InputError", message=_clean(message)).text = _clean(message)
        yield case


def _xml(case: ET.Element) -> str:
    """A testcase as it reads inside the indented document (two levels down)."""
    ET.indent(case, level=2)
    return ET.tostring(case, encoding="unicode")
