"""Which rules run and at what severity, from ``select``/``ignore``/``severity`` settings.

Selectors are rule ids (``duplicate-word``), categories (``fluency/casing``) or category
prefixes (``fluency``). As in flake8, the most specific selector wins; at equal
specificity ``ignore`` wins. With no ``select``, every rule is selected.
"""

from __future__ import annotations

from typing import Any

from mtcheck.model import Severity


def specificity(selector: str, rule_id: str, category: str) -> int:
    """How closely ``selector`` names a rule: 3 its id, 2 its category, 1 a category prefix or ``ALL``, 0 not at all."""
    if selector == rule_id:
        return 3
    if selector == category:
        return 2
    if category.startswith(selector.rstrip("/") + "/") or selector in {"ALL", "all"}:
        return 1
    return 0


def rule_enabled(rule_id: str, category: str, settings: dict[str, Any]) -> bool:
    select = settings.get("select") or ["ALL"]
    ignore = settings.get("ignore") or []
    if not ignore and (rule_id in select or select == ["ALL"]):  # the usual settings (a configuration's are flattened
        return True  # to the enabled rules' ids): decided without a selector's specificity
    best_select = max((specificity(s, rule_id, category) for s in select), default=0)
    best_ignore = max((specificity(s, rule_id, category) for s in ignore), default=0)
    return best_select > 0 and best_select > best_ignore


def severity_for(rule_id: str, default: Severity, settings: dict[str, Any]) -> Severity:
    override = (settings.get("severity") or {}).get(rule_id)
    return Severity(override) if override else default
