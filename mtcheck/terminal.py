"""Text that is safe to print on a terminal: control characters shown, never obeyed."""

from __future__ import annotations

import functools
import re


@functools.cache
def _controls(newlines: bool) -> re.Pattern:
    """The characters escaped (compiled when first needed: the surrogate range alone costs ≈ 9 M
    instructions, and printable text, most of it, is never searched)."""
    return re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]" if newlines else "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str, *, newlines: bool = False) -> str:
    """``text`` with control characters other than tab and newline (and, with ``newlines``,
    those too) and lone surrogates written as ``\\x1b``-style escapes: an ESC or BEL in an
    article cannot clear the screen or retitle the window."""
    return text if text.isprintable() else _controls(newlines).sub(_escape, text)


def has_controls(text: str) -> bool:
    """Whether ``text`` (a file name, say) holds a control character or a lone surrogate."""
    return not text.isprintable() and _controls(True).search(text) is not None
