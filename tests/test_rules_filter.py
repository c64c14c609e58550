"""Rule selection: the most specific selector wins, ``ignore`` wins a tie."""

from __future__ import annotations

import itertools

from mtcheck.rules_filter import rule_enabled, specificity

SELECTORS = ["ALL", "fluency", "fluency/", "fluency/grammar", "accuracy", "duplicate-word", "polarity"]


def test_an_id_in_the_selection_is_enabled_unless_ignored_as_specifically():
    assert rule_enabled("duplicate-word", "fluency/grammar", {"select": ["polarity", "duplicate-word"]})
    assert not rule_enabled("duplicate-word", "fluency/grammar", {"select": ["polarity"]})
    assert rule_enabled("duplicate-word", "fluency/grammar", {"select": ["duplicate-word"], "ignore": ["fluency"]})
    assert not rule_enabled("duplicate-word", "fluency/grammar", {"select": ["duplicate-word"], "ignore": ["duplicate-word"]})
    assert rule_enabled("polarity", "accuracy/polarity", {}) and rule_enabled("polarity", "accuracy/polarity", {"select": ["ALL"]})


def test_the_shortcuts_agree_with_the_specificity_rule():
    for rule_id, category in (("duplicate-word", "fluency/grammar"), ("polarity", "accuracy/polarity")):
        for n, m in ((1, 0), (2, 0), (1, 1), (2, 1)):
            for select in itertools.permutations(SELECTORS, n):
                for ignore in itertools.permutations(SELECTORS, m):
                    best = max(specificity(s, rule_id, category) for s in select)
                    worst = max((specificity(s, rule_id, category) for s in ignore), default=0)
                    settings = {"select": list(select), "ignore": list(ignore)}
                    assert rule_enabled(rule_id, category, settings) == (best > 0 and best > worst), settings
