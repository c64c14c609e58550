"""The rule registry: every check family is a module here; each rule has a stable id."""

from __future__ import annotations

import functools
import importlib

from mtcheck.checks.base import CheckContext, Rule

FAMILIES = (
    "alignment",
    "repetition",
    "casing",
    "punctuation",
    "locale_format",
    "target_typography",
    "numbers",
    "names",
    "polarity",
    "untranslated",
    "spelling",
    "calque",
    "leftover",
    "glossary",
    "consistency",
    "mt_accuracy",
)


@functools.cache
def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule class by id, in family order (found once per process; do not mutate)."""
    rules: dict[str, type[Rule]] = {}
    for family in FAMILIES:
        module = importlib.import_module(f"mtcheck.checks.{family}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and getattr(obj, "id", None):
                if obj.__module__ == module.__name__:
                    rules[obj.id] = obj
    return rules


__all__ = ["CheckContext", "Rule", "all_rules", "FAMILIES"]
