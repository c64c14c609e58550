from mtcheck.readers.markdown import parse

MD = """# The summit in **Moscow** #

Xi met Putin in the [Kremlin](https://kremlin.ru/ "said said") on Tuesday.
He said `said said` was code, see https://example.org/said-said.

<!-- mtcheck: ignore duplicate-word -- quoted verbatim -->
- First item with *emphasis*
- Second item

```
code said said
```

> A quoted line
> that continues.
"""


def test_blocks_and_clean_text():
    doc = parse("x.en.md", MD, "en")
    assert [p.text for p in doc.paragraphs] == [
        "The summit in Moscow",
        "Xi met Putin in the Kremlin on Tuesday.\nHe said said said was code, see https://example.org/said-said.",
        "First item with emphasis",
        "Second item",
        "A quoted line\nthat continues.",
    ]


def test_every_clean_character_maps_to_the_same_file_character():
    doc = parse("x.en.md", MD, "en")
    for p in doc.paragraphs:
        for k, ch in enumerate(p.text):
            assert MD[p.file_span(k, k + 1).start] == ch


def test_code_and_urls_are_masked_and_suppressions_read():
    doc = parse("x.en.md", MD, "en")
    masked = [MD[m.start : m.end] for m in doc.masked]
    assert "said said" in masked and "https://example.org/said-said" in masked
    assert doc.suppressions == {3: [("duplicate-word", "quoted verbatim")]}


def test_findings_in_code_are_dropped(check):
    result = check(MD, suffix=".md")
    flagged = [result.target.slice(f.target) for f in result.findings if f.rule == "duplicate-word"]
    assert flagged == []


def test_malformed_or_unknown_suppressions_are_input_errors(check):
    import pytest

    from mtcheck.readers import InputError

    body = "The minister said said that the talks would continue next week in Brussels with both sides."
    with pytest.raises(InputError, match="reason is required"):
        check(f"<!-- mtcheck: ignore duplicate-word -->\n{body}\n", suffix=".md")
    with pytest.raises(InputError, match="unknown rule 'duplicat-word'"):
        check(f"<!-- mtcheck: ignore duplicat-word -- quoted -->\n{body}\n", suffix=".md")
    result = check(f"<!-- mtcheck: ignore fluency -- quoted verbatim -->\n{body}\n", suffix=".md")
    assert [f.suppressed for f in result.findings if f.rule == "duplicate-word"] == [True]


def test_inline_suppression_keeps_its_reason_in_json(check):
    from mtcheck.report.json import finding_dict

    body = "The minister said said that the talks would continue next week in Brussels with both sides."
    result = check(f"<!-- mtcheck: ignore fluency -- quoted verbatim -->\n{body}\n", suffix=".md")
    (f,) = [f for f in result.findings if f.rule == "duplicate-word"]
    out = finding_dict(f, result)
    assert out["suppressed"] is True and out["suppression"] == {"by": "inline", "reason": "quoted verbatim"}
