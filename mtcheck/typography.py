"""A language's typographic conventions, from ``data/<lang>/typography.toml``."""

from __future__ import annotations

import functools
from typing import Any

from mtcheck.compat import tomllib
from mtcheck.resources import DATA_DIR


@functools.cache
def typography(lang: str) -> dict[str, Any]:
    """The conventions for ``lang``; empty when mtcheck has none (its rules then stay silent)."""
    path = DATA_DIR / lang / "typography.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))
