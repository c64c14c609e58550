"""The rule context: work several rules share runs once per document."""

from __future__ import annotations

from mtcheck.checks.base import _ENTRY_COST, CheckContext
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


def test_a_form_of_a_text_is_computed_once_per_context():
    ctx = CheckContext(Document("a.en.txt", "", "en"), None, [], "fr", "en")
    calls = []

    def words(text):
        calls.append(text)
        return text.split()

    for _ in range(3):
        assert ctx.of_text(words, "two words") == ["two", "words"]
    assert ctx.of_text(str.upper, "two words") == "TWO WORDS"  # another form of the same text: its own entry
    assert calls == ["two words"]


def test_forms_of_a_huge_document_are_computed_again_past_the_budget(monkeypatch):
    ctx = CheckContext(Document("a.en.txt", "", "en"), None, [], "fr", "en")
    monkeypatch.setattr(ctx, "_budget", 10 + _ENTRY_COST)
    calls = []
    form = lambda text: calls.append(text) or len(text)  # noqa: E731
    assert [ctx.of_text(form, t) for t in ("short", "short", "much longer text", "much longer text")] == [5, 5, 16, 16]
    assert calls == ["short", "much longer text", "much longer text"]  # kept while it fits, then not
