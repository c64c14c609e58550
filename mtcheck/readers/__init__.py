"""Reading input files into documents with exact character offsets.

Every reader returns paragraphs whose clean text maps back, character by character, to the
file's text (UTF-8 decoded, leading BOM removed, line endings untouched).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mtcheck.model import Document, Span
from mtcheck.safefiles import MAX_BYTES, UnsafePath, read_regular
from mtcheck.segment import segment_paragraph


class InputError(Exception):
    """A file mtcheck cannot check; ``str()`` is the one-line message for the user."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def decode(path: str | Path) -> str:
    """The file's text: UTF-8, leading BOM removed; refuses what is not a readable text file.

    Only regular files are read, within the size limit and the checked tree (see
    :mod:`mtcheck.safefiles`).
    """
    try:
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, expected a file") from None
    except UnsafePath as e:
        raise InputError(path, str(e)) from None
    except OSError as e:
        raise InputError(path, f"cannot read ({e.strerror or e})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and _is_utf16(data):
        raise InputError(path, "is UTF-16 text; re-save it as UTF-8")
    if b"\x00" in data:
        raise InputError(path, "looks binary (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); re-save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():  # no stripped copy of a 20 MiB text
        raise InputError(path, "is empty")
    return text


def _is_utf16(data: bytes) -> bool:
    try:
        data.decode("utf-16")
    except UnicodeDecodeError:
        return False
    return True


FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".xlf": "xliff",
    ".xliff": "xliff",
}

SUFFIXES = frozenset(FORMATS)  # every extension a reader handles (batch discovery reads this)


def format_of(path: str | Path) -> str:
    """``text``, ``markdown``, ``html``, ``json`` or ``xliff``, from the extension (else ``text``).

    ``json`` and ``xliff`` files may hold several articles or both languages: check them with
    :func:`mtcheck.pipeline.check_file`; the others are one document each.
    """
    return FORMATS.get(Path(path).suffix.lower(), "text")


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of offset ``pos`` of ``text``."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _parser(path: str | Path):
    fmt = format_of(path)
    if fmt == "markdown":
        from mtcheck.readers.markdown import parse
    elif fmt == "html":
        from mtcheck.readers.html import parse
    elif fmt in {"json", "xliff"}:
        raise InputError(path, f"is a {fmt.upper()} file, which holds several documents or both languages: check it with pipeline.check_file")
    else:
        from mtcheck.readers.text import parse
    return parse


def read_document(path: str | Path, lang: str) -> Document:
    """Decode, parse and sentence-segment one file."""
    text = decode(path)
    doc = _parser(path)(str(path), text, lang)
    segment_document(doc)
    return doc


def segment_document(doc: Document, what: str | None = None) -> Document:
    """Sentence-segment every paragraph in ``doc.lang``; a document with no sentence is refused.

    ``what`` names the part of the file the document is (``article 'a2'``) in that message.
    """
    for paragraph in doc.paragraphs:
        segment_paragraph(paragraph, doc.lang)
    if not any(p.sentences for p in doc.paragraphs):
        raise InputError(doc.path, f"{what} has no text to check" if what else "has no text to check")
    return doc


def encode_fix(path: str | Path, file_text: str, span: Span, replacement: str, settings: dict[str, Any] | None = None) -> str:
    """``replacement`` written as the file's format needs it at ``span``, ready to splice in.

    Plain text and Markdown take it as is; HTML and XLIFF escape ``&``, ``<`` and ``>``; inside a
    JSON string literal it is JSON-escaped (and HTML-escaped first in an HTML field such as
    ``body``, see :mod:`mtcheck.readers.cms_json`).
    """
    fmt = format_of(path)
    if fmt in {"html", "xliff"}:
        return _escape_markup(replacement)
    if fmt == "json":
        from mtcheck.readers.cms_json import encode_in_string

        return encode_in_string(str(path), file_text, span, replacement, settings or {})
    return replacement


def _escape_markup(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
