"""The pipeline's own decisions: which rules run for a document."""

from __future__ import annotations

from mtcheck.checks import all_rules
from mtcheck.pipeline import _rules_to_run


def ids(select, ignore, has_source=True, tgt_lang="en"):
    return [cls.id for cls in _rules_to_run(select, ignore, has_source, tgt_lang)]


def test_every_rule_runs_on_a_translation_with_its_source_by_default():
    everything = [r for r, cls in all_rules().items() if cls.target_langs is None or "en" in cls.target_langs]
    assert ids(None, None) == ids([], []) == everything  # registry order


def test_the_rules_follow_each_settings_not_the_first_ones_decided():
    assert ids(["duplicate-word"], None) == ["duplicate-word"]
    assert "duplicate-word" not in ids(None, ["fluency/repetition"])
    assert "duplicate-word" in ids(None, None)  # the earlier settings left no trace


def test_source_rules_and_other_languages_rules_are_left_out():
    needing = {r for r, cls in all_rules().items() if cls.needs_source}
    english_only = {r for r, cls in all_rules().items() if cls.target_langs is not None and "fr" not in cls.target_langs}
    assert needing and not needing & set(ids(None, None, has_source=False))
    assert english_only and not english_only & set(ids(None, None, tgt_lang="fr"))
