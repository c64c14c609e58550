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


def test_segment_of_finds_the_segment_of_a_target_sentence(check):
    from mtcheck.checks.base import CheckContext

    result = check("First sentence here. Second one follows.", "Première phrase ici. La seconde suit.")
    target = result.target
    segments = result.segments
    ctx = CheckContext(target, result.source, segments, "fr", "en")
    for seg in segments:
        for sent in seg.target:
            assert ctx.segment_of(sent) is seg
    assert ctx.segment_of(None) is None


def test_a_pattern_rule_with_needs_searches_only_sentences_holding_one(monkeypatch):
    import regex

    from mtcheck.checks.base import PatternRule
    from mtcheck.model import Paragraph, Segment, Sentence, Severity, Span

    class Commas(PatternRule):
        """Commas.

        Flags: ``,``.
        Leaves alone: the rest.
        """

        id = "test-commas"
        category = "fluency/punctuation"
        severity = Severity.INFO
        pattern = regex.compile(r"\d,\d")
        needs = (",",)

        def message(self, m):
            return "comma"

    text = "Growth was 4,5 percent. Nothing here."
    para = Paragraph(0, Span(0, len(text)), file_text=text)
    para.sentences = [Sentence(para, 0, 23, 1), Sentence(para, 24, len(text), 2)]
    segments = [Segment(id=f"s{k}", source=[], target=[s]) for k, s in enumerate(para.sentences)]
    ctx = CheckContext(Document("a.en.txt", text, "en", [para]), None, segments, "fr", "en")
    searched = []
    original = Commas.pattern

    class Spy:
        def finditer(self, text):
            searched.append(text)
            return original.finditer(text)

    monkeypatch.setattr(Commas, "pattern", Spy())
    found = list(Commas().check(ctx))
    assert [text[f.target.start : f.target.end] for f in found] == ["4,5"]
    assert searched == ["Growth was 4,5 percent."]  # the sentence without a comma is never searched


def test_sentences_and_aligned_segments_read_the_same_past_the_listed_size(check, monkeypatch):
    from mtcheck.checks import base

    result = check("First sentence here. Second one follows.", "Première phrase ici. La seconde suit.")
    listed = CheckContext(result.target, result.source, result.segments, "fr", "en")
    expected = (list(listed.target_sentences()), list(listed.aligned()))
    assert expected[0] and expected[1] and (list(listed.target_sentences()), list(listed.aligned())) == expected
    monkeypatch.setattr(base, "_LISTED", 0)  # a huge file: walked anew, nothing listed
    walked = CheckContext(result.target, result.source, result.segments, "fr", "en")
    assert (list(walked.target_sentences()), list(walked.aligned())) == expected
    assert walked._pairs is None and walked._aligned is None


def test_folded_joins_each_sentences_folded_text():
    from types import SimpleNamespace

    from mtcheck.checks.base import CheckContext
    from mtcheck.model import fold

    ctx = CheckContext(None, None, [], "fr", "en")
    one, two = SimpleNamespace(text="L’ÉTAT Straße"), SimpleNamespace(text="Il a dit")
    assert ctx.folded([one]) == fold(one.text) == "l'état strasse"
    assert ctx.folded([one, two]) == f"{fold(one.text)} {fold(two.text)}"
    assert ctx.folded([]) == ""
