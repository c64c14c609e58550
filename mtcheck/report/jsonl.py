"""JSON Lines for pipelines: one complete ``mtcheck.report/1`` report per line, per document.

Each line is written as soon as its document is checked (so, with ``--jobs`` above 1, in
the order documents finish, not the order they were found), compact and without a line
break inside; every line validates against ``schema/mtcheck.report.1.json`` on its own.
"""

from __future__ import annotations

import json

from mtcheck.model import DocumentResult
from mtcheck.report.json import build_report


# Line separators that JSON leaves raw but line-splitting readers (Python's str.splitlines,
# JavaScript before ES2019) treat as line breaks.
_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def line(result: DocumentResult) -> str:
    text = json.dumps(build_report([result]), ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _ESCAPES.items():
        text = text.replace(raw, escaped)
    return text + "\n"


def render(results: list[DocumentResult]) -> str:
    return "".join(line(r) for r in results)
