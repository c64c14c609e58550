import pytest

from tests.conftest import by_rule, texts

EN = "The talks between the two delegations continued late into the night in the capital."


@pytest.mark.parametrize(
    "line, flagged",
    [
        ("Consult our file: War in Ukraine", "Consult our file"),
        ("Lire aussi : Le sommet de Moscou", "Lire aussi"),
        ("À lire aussi : Le sommet de Moscou", "À lire aussi"),
        ("Read also: The Moscow summit", "Read also"),
        ("[Photo]", "[Photo]"),
        ("TODO check the figures with the desk", "TODO"),
    ],
)
def test_flags_boilerplate(check, line, flagged):
    result = check(f"{EN}\n\n{line}")
    assert any(flagged.lower() in t.lower() for t in texts(result, "leftover")), texts(result, "leftover")


def test_ordinary_sentences_are_left_alone(check):
    result = check(EN + " Readers were asked to see also the earlier report, and to read also the annex.")
    assert texts(result, "leftover") == []


LIRE_SOURCE = "Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale.\n\nLire aussi : La guerre en Ukraine, un an après"


def test_a_boilerplate_line_is_one_finding_over_the_whole_line(check):
    result = check(f"{EN}\n\nLire aussi : La guerre en Ukraine, un an après", LIRE_SOURCE)
    (f,) = [f for f in result.findings if f.target and result.target.slice(f.target).startswith("Lire")]
    assert f.rule == "leftover" and result.target.slice(f.target) == "Lire aussi : La guerre en Ukraine, un an après"
    assert set(f.related) == {"untranslated", "space-before-punctuation"}
    assert "delete the line" in f.message and f.fix is None


def test_fix_never_touches_a_line_that_must_be_deleted(tmp_path):
    from mtcheck.fix import compute

    target = tmp_path / "a.en.txt"
    target.write_text(f"{EN}\n\nLire aussi : La guerre en Ukraine, un an après\n", encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text(LIRE_SOURCE + "\n", encoding="utf-8")
    _, outcome = compute(target, None, src_lang=None, tgt_lang=None, settings={})
    assert not outcome.changed


def test_leftovers_found_in_every_chunk_of_paragraphs(check):
    """Literals are looked for once per chunk of paragraphs: each paragraph still gets its own findings."""
    paragraphs = [EN] * 70
    paragraphs[3], paragraphs[40], paragraphs[69] = "Read also: The Moscow summit", "[Photo]", "TODO check the figures"
    result = check("\n\n".join(paragraphs))
    lines = sorted({result.target.text.count("\n\n", 0, f.target.start) for f in result.findings if f.rule == "leftover"})
    assert lines == [3, 40, 69]


def test_a_pattern_without_a_literal_is_tried_once_per_chunk_and_still_found(check):
    # "[TK]" and "{{...}}" have no literal to look for: the chunk's lines are searched first
    paragraphs = [f"Paragraph {k} of the story is plain." for k in range(40)]
    paragraphs[35] = "The minister will speak on [TK] at noon."
    result = check("\n\n".join(paragraphs))
    assert [result.target.slice(f.target) for f in by_rule(result, "leftover")] == ["[TK]", "[TK]"]  # two table rows name it


@pytest.mark.parametrize(
    "pattern, needs",
    [
        (r"(?:^|[\[(])\s*T\.?N\.?\s*:", (":",)),  # a mark is rarer than one letter
        (r"\b(?:TK){2,}\b|\[\s*TK\s*\]|\bTK\b(?=\s*(?:[\]),.;:]|$))", ("tk", "[")),  # one per branch
        (r"\bX{3,}\b", ("xxx",)),
        (r"\{\{[^}\n]*\}\}", ("{{",)),
        (r"don['’]t", ("don",)),
        (r"\bN\.?\s?d\.?\s?T\b\.?", ()),  # one letter: nearly every text holds it
        (r"(?:TK)?\d+", ()),  # optional
        (r"(?=TK)\w+", ()),  # a lookahead's letters are not the match's
        (r"TK|\d", ()),  # a branch without one
        (r"\p{L}TK", ()),  # not Python's syntax
    ],
)
def test_patterns_without_a_long_literal_are_tried_only_where_a_short_one_is(pattern, needs):
    from mtcheck.checks.leftover import _short_needs

    assert _short_needs(pattern) == needs


def test_a_short_literal_still_finds_each_paragraphs_leftover(check):
    paragraphs = [f"Paragraph {k} of the story: plain." for k in range(40)]
    paragraphs[5], paragraphs[36] = "[T.N.: a pun in French]", "The price is XXXX euros, TK."
    result = check("\n\n".join(paragraphs))
    assert sorted(result.target.slice(f.target) for f in by_rule(result, "leftover")) == ["TK", "XXXX", "[T.N.:"]
