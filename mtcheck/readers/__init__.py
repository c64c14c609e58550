"""Reading input files into documents with exact character offsets.

Every reader returns paragraphs whose clean text maps back, character by character, to the
file's text (UTF-8 decoded, leading BOM removed, line endings untouched).
"""

from __future__ import annotations

from pathlib import Path

from mtcheck.model import Document
from mtcheck.segment import segment_paragraph

MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file mtcheck cannot check; ``str()`` is the one-line message for the user."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def decode(path: str | Path) -> str:
    """The file's text: UTF-8, leading BOM removed; refuses what is not a readable text file."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a directory, expected a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size / 2**20:.1f} MiB, limit {MAX_BYTES // 2**20} MiB)")
    data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks binary (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); re-save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(path, "is empty")
    return text


def _parser(path: str | Path):
    suffix = Path(path).suffix.lower()
    if suffix in {".md", ".markdown"}:
        from mtcheck.readers.markdown import parse
    else:
        from mtcheck.readers.text import parse
    return parse


def read_document(path: str | Path, lang: str) -> Document:
    """Decode, parse and sentence-segment one file."""
    text = decode(path)
    doc = _parser(path)(str(path), text, lang)
    for paragraph in doc.paragraphs:
        segment_paragraph(paragraph, lang)
    if not any(p.sentences for p in doc.paragraphs):
        raise InputError(path, "has no text to check")
    return doc
