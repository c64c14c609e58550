"""Reports written from check results: one module per format, chosen by name here."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

FORMATS = ("text", "concise", "json", "jsonl", "html", "sarif", "junit")


def render(fmt: str, results: list, **options: Any) -> str:
    """The report of ``results`` in format ``fmt`` (modules are imported only when used).

    Options each format understands: ``colour`` and ``quiet`` (text), ``fail_on``, ``errors``
    and ``seconds`` (junit); the others take none.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"mtcheck.report.{fmt}")
    return module.render(results, **options)


def chunks(fmt: str, results: list, **options: Any) -> Iterator[str]:
    """The report of :func:`render` in pieces of about ``CHUNK`` characters, for writing as it
    is made: a format that can (all but ``jsonl``, written a document at a time by the command
    line) never holds the whole report in memory."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"mtcheck.report.{fmt}")
    if hasattr(module, "chunks"):
        return _gathered(module.chunks(results, **options))
    return iter([module.render(results, **options)])


CHUNK = 1 << 16


def _gathered(pieces: Iterator[str]) -> Iterator[str]:
    """``pieces`` joined into strings of at least ``CHUNK`` characters (the last may be shorter):
    one write per chunk rather than per finding or template node."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)
