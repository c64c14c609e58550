import pytest

from mtcheck.readers.text import paragraph_spans


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_paragraphs_with_any_line_ending(newline):
    text = f"First paragraph,{newline}same paragraph.{newline}{newline} {newline}Second.{newline}{newline}Third."
    paragraphs = [text[a:b] for a, b in paragraph_spans(text)]
    assert paragraphs == [f"First paragraph,{newline}same paragraph.", "Second.", "Third."]
