"""What the markup readers share: URLs to mask, and ``mtcheck:`` suppression comments."""

from __future__ import annotations

import re

import regex

# URLs are kept in the clean text but masked: never flagged.
URL = regex.compile(
    r"<(?:https?|ftp)://[^\s<>]+>|<[^\s@<>]+@[^\s@<>]+>"
    r"|(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()]*[^\s<>().,;:!?'\"»”]"
)

SUPPRESS_COMMENT = re.compile(r"^\s*mtcheck\s*:\s*ignore\s+([\w/,\s-]+?)\s+--\s+(\S.*?)\s*$", re.S)
_MTCHECK_COMMENT = re.compile(r"^\s*mtcheck\s*:")


class MarkupError(ValueError):
    """Markup that cannot be read sensibly; ``pos`` indexes the markup string."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


def parse_suppression(body: str, pos: int = 0) -> list[tuple[str, str]] | None:
    """``[(rule, reason), …]`` from an ``mtcheck: ignore RULE -- reason`` text, ``None`` when
    the text is not an mtcheck directive; a malformed one raises :class:`MarkupError`."""
    if not _MTCHECK_COMMENT.match(body):
        return None
    m = SUPPRESS_COMMENT.match(body)
    if not m:
        raise MarkupError(
            "malformed mtcheck comment: expected `mtcheck: ignore RULE[, RULE] -- reason` (a reason is required)", pos
        )
    rules = [r.strip() for r in m.group(1).split(",") if r.strip()]
    if not rules:
        raise MarkupError("mtcheck comment names no rule", pos)
    return [(r, " ".join(m.group(2).split())) for r in rules]
