"""1-based line and column of offsets: one index of line starts per text, searched by bisection.

A report makes one :class:`Positions` and asks it for every finding: each text's line starts
are found once, on its first lookup (articles of one JSON export share their file's text, so
they share its index), instead of a scan from the start of the text per finding.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_BREAKS = {False: re.compile("\n"), True: re.compile("\r\n|\r|\n")}


class Positions:
    """Line/column lookups; ``universal``: a CR alone or before LF ends a line too (SARIF's
    lines), else only LF does (the text, concise and JUnit reports, like ``readers.line_col``)."""

    def __init__(self, universal: bool = False) -> None:
        self._breaks = _BREAKS[universal]
        self._starts: dict[int, tuple[str, array]] = {}  # id(text) → (the text, kept so its id stays its own; line starts)

    def __call__(self, text: str, offset: int) -> tuple[int, int]:
        """Line and column (both 1-based) of ``offset`` in ``text``."""
        entry = self._starts.get(id(text))
        if entry is None:
            entry = self._starts[id(text)] = (text, array("q", [0, *(m.end() for m in self._breaks.finditer(text))]))
        starts = entry[1]
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1
