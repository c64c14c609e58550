"""One line per finding, ``path:line:col: severity rule message``, for editors' jump lists and grep.

Suppressed findings are left out; a finding located only in the source names the source
file; one with no span at all names the target file alone (``path: severity rule message``).
Control characters are escaped (``\\x1b``), as in the text report.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import DocumentResult
from mtcheck.report.lines import Positions
from mtcheck.terminal import escape_controls


def render(results: list[DocumentResult]) -> str:
    return "".join(chunks(results))


def chunks(results: list[DocumentResult]) -> Iterator[str]:
    """The report a line at a time."""
    position = Positions()
    for result in results:
        for f in result.findings:
            if f.suppressed:
                continue
            doc, span = (result.target, f.target) if f.target else (result.source, f.source)
            where = result.target.path
            if doc is not None and span is not None:
                line, col = position(doc.text, span.start)
                where = f"{doc.path}:{line}:{col}"
            related = f" (also {', '.join(f.related)})" if f.related else ""
            yield escape_controls(f"{where}: {f.severity.value} {f.rule} {' '.join(f.message.split())}{related}", newlines=True) + "\n"
