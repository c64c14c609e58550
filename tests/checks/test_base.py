"""The rule context: work several rules share runs once per document."""

from __future__ import annotations

from mtcheck.checks.base import CheckContext
from mtcheck.model import Document, fold


def test_shared_work_runs_once_per_context():
    ctx = CheckContext(Document("a.en.txt", "", "en"), None, [], "fr", "en")
    calls = []
    for _ in range(3):
        assert ctx.shared("hits", lambda: calls.append(1) or ["hit"]) == ["hit"]
    assert calls == [1]
    other = CheckContext(Document("b.en.txt", "", "en"), None, [], "fr", "en")
    assert other.shared("hits", lambda: []) == []  # per context, never across documents


def test_fold_makes_case_dotless_i_and_apostrophes_comparable():
    assert fold("L’ÉLYSÉE et Straße") == "l'élysée et strasse"
    assert fold("Dıyarbakır") == "diyarbakir"
