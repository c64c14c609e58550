"""A language's typographic conventions, from ``data/<lang>/typography.toml``."""

from __future__ import annotations

import functools
from typing import Any

from mtcheck import patterns
from mtcheck.resources import toml_data


@functools.cache
def typography(lang: str) -> dict[str, Any]:
    """The conventions for ``lang``; empty when mtcheck has none (its rules then stay silent)."""
    return toml_data(lang, "typography")


_GLOSSED = patterns.compile(r"[\"“„«‚‘][\u00a0\u202f ]?([^\"“”„«»\n]{1,80}?)[\u00a0\u202f ]?[\"”“»‘’]\s*\(")


def glossed_quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations followed by a bracket, as a quoted original is followed by its
    translation: ``„The being formally known as Kanye West“ (Das offiziell …)``."""
    return [m.span(1) for m in _GLOSSED.finditer(text)]
