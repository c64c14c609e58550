"""JSON CMS exports: offsets into the JSON text, fields, article pairing, malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.model import Span
from mtcheck.pipeline import check_file
from mtcheck.readers.cms_json import _LocatingDecoder, read_articles, string_map
from tests.readers.test_html import FORMATS, apply_fixes, assert_offsets_exact, clean_slice, one_line_error, pairs

SAMPLE = FORMATS / "articles.en.jsonl"
NO_MT = {"mt": False}


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    if not isinstance(content, str):
        if name.endswith(".jsonl"):
            content = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in content)
        else:
            content = json.dumps(content, ensure_ascii=False, indent=2)
    path.write_text(content, encoding="utf-8")
    return path


# -- the sample export --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    return check_file(SAMPLE, settings=NO_MT)


def test_sample_gives_one_result_per_article_paired_by_id(sample):
    assert len(sample) == 3
    assert all(r.target.path == str(SAMPLE) for r in sample)
    assert [r.target.paragraphs[0].unit_id for r in sample] == ["en-1042:title", "en-1043:title", "en-1044:title"]
    # en-1042 → fr-881 and en-1043 → fr-882 by translation_of (the French file lists them the other way round)
    assert sample[0].source.path.endswith("articles.fr.jsonl") and sample[0].source.paragraphs[0].unit_id == "fr-881:title"
    assert sample[1].source.paragraphs[0].unit_id == "fr-882:title"
    # en-1044 embeds its source: offsets into the English file itself
    assert sample[2].source.path == str(SAMPLE) and sample[2].source.paragraphs[0].unit_id == "en-1044/source:title"
    assert all(r.notices == [] for r in sample)


def test_sample_findings_have_exact_offsets(sample):
    text = SAMPLE.read_text(encoding="utf-8")
    assert pairs(sample[0])[("foreign-quotes", "&nbsp;&raquo;")] == 1
    assert pairs(sample[1])[("duplicate-word", "said said")] == 1
    assert pairs(sample[2])[("name-casing", "kyiv")] == 1
    for result in sample:
        assert_offsets_exact(result, text)


def test_fields_outside_the_configured_ones_are_never_flagged(sample):
    text = SAMPLE.read_text(encoding="utf-8")
    assert '"tags": ["said said", "kyiv"]' in text and '"byline": "said said"' in text
    decoder = _LocatingDecoder()
    allowed = []
    for line_start, line in _lines(text):
        obj, _ = decoder.scan_once(text, line_start)
        for o in (obj, obj.get("source") or {}):
            allowed += [(o[k].start, o[k].end) for k in ("title", "standfirst", "body") if o.get(k)]
    for result in sample:
        for f in result.findings:
            assert any(a < f.target.start and f.target.end < b for a, b in allowed), f.rule


def _lines(text):
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


# -- offsets through JSON escapes ------------------------------------------------------------------


def test_each_decoded_character_maps_to_its_whole_escape():
    text = r'{"title": "A\n\"Caf\u00e9\" \ud83d\ude00 \\ \/"}'
    value, _ = _LocatingDecoder().scan_once(text, 0)
    literal = value["title"]
    starts, ends = string_map(text, literal)
    raws = [text[a:b] for a, b in zip(starts, ends)]
    assert literal == 'A\n"Café" \U0001F600 \\ /'
    assert raws == ["A", r"\n", r"\"", "C", "a", "f", r"\u00e9", r"\"", " ", r"\ud83d\ude00", " ", "\\\\", " ", r"\/"]


def test_escaped_stray_guillemet_and_fix_keep_valid_json(tmp_path):
    en = '{"id": 1, "title": "Putin and Xi meet", "body": "<p>Putin said \\"cooperation will grow stronger. \\u00bb</p>\\n<p>He said\\u00a0said it.</p>"}\n'
    fr = '{"id": 1, "title": "Poutine et Xi se rencontrent", "body": "<p>Poutine a dit « la coopération va se renforcer. »</p><p>Il l\'a dit.</p>"}\n'
    path = write(tmp_path, "a.en.jsonl", en)
    write(tmp_path, "a.fr.jsonl", fr)
    [result] = check_file(path, settings=NO_MT)
    found = pairs(result)
    assert found[("foreign-quotes", " \\u00bb")] == 1 and found[("duplicate-word", "said\\u00a0said")] == 1
    assert_offsets_exact(result, en)
    fixed = apply_fixes(path, result, {"foreign-quotes", "duplicate-word"})
    body = json.loads(fixed)["body"]
    assert body == '<p>Putin said "cooperation will grow stronger.”</p>\n<p>He said it.</p>'


def test_fix_text_is_escaped_for_the_string_and_its_html(tmp_path):
    from mtcheck.readers import encode_fix

    text = '{"title": "Tom said said", "body": "<p>Tom said said</p>"}'
    title, body = text.index("said said"), text.rindex("said said")
    assert encode_fix("a.json", text, Span(title, title + 9), 'A&B "q"') == 'A&B \\"q\\"'
    assert encode_fix("a.json", text, Span(body, body + 9), 'A&B "q"') == 'A&amp;B \\"q\\"'


# -- fields and forms -------------------------------------------------------------------------------


def test_configurable_fields_with_dotted_paths_and_plain_paragraphs(tmp_path):
    settings = {**NO_MT, "json_fields": ["headline", "content.rendered", "notes"], "json_html_fields": ["content.rendered"]}
    article = {
        "id": 7,
        "headline": "Minister resigns",
        "content": {"rendered": "Loose text said said.\n\n<h2>Then</h2><p>A paragraph.</p>"},
        "notes": ["First note.\n\nSecond note.", "Third."],
        "body": "<p>said said is not configured</p>",
    }
    path = write(tmp_path, "one.en.json", article)
    [result] = check_file(path, settings=settings)
    assert [p.text for p in result.target.paragraphs] == [
        "Minister resigns", "Loose text said said.", "Then", "A paragraph.", "First note.", "Second note.", "Third.",
    ]
    assert [p.unit_id for p in result.target.paragraphs][:2] == ["7:headline", "7:content.rendered"]
    assert pairs(result)[("duplicate-word", "said said")] == 1
    assert result.notices and "No source found" in result.notices[0]


def test_array_file_and_source_named_by_a_string_field(tmp_path):
    write(tmp_path, "originals.json", [{"id": "f1", "title": "Le président chinois est arrivé à Moscou lundi."}])
    path = write(tmp_path, "export.en.json", {"articles": [
        {"id": "e1", "source": "originals.json", "source_id": "f1", "title": "The Chinese president arrived in moscow on Monday."},
    ]})
    [result] = check_file(path, settings={**NO_MT, "json_articles_field": "articles"})
    assert result.source.path.endswith("originals.json")
    assert pairs(result)[("name-casing", "moscow")] == 1


def test_suppression_comment_in_an_html_field(tmp_path):
    body = "<!-- mtcheck: ignore duplicate-word -- quoted verbatim -->\n<p>He said said it.</p>\n<p>She said said it.</p>"
    path = write(tmp_path, "s.en.jsonl", [{"id": 1, "body": body}])
    [result] = check_file(path, settings=NO_MT)
    assert [f.suppressed for f in result.findings if f.rule == "duplicate-word"] == [True, False]


def test_article_without_reference_pairs_by_same_id_else_notice(tmp_path):
    write(tmp_path, "p.fr.jsonl", [{"id": "x", "title": "Le sommet de Moscou s'est achevé mardi soir."}])
    path = write(tmp_path, "p.en.jsonl", [
        {"id": "x", "title": "The Moscow summit ended on Tuesday evening."},
        {"id": "y", "title": "An article the French edition never ran."},
    ])
    first, second = check_file(path, settings=NO_MT)
    assert first.source is not None and first.notices == []
    assert second.source is None and "article 'y' (line 2)" in second.notices[0]


# -- malformed input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("bad.en.json", '{"id": 1,\n  "title": "x",\n}', "invalid JSON at line 3, column 1: Expecting property name"),
        ("bad.en.jsonl", '{"id": 1, "title": "Fine."}\n{"id": 2, "title": "Broken\n', "invalid JSON at line 2, column 20: Unterminated string"),
        ("bad.en.jsonl", '{"id": 1, "title": "Fine."}\n[1, 2]\n', "line 2: article #2 is a number, expected an object"),
        ("bad.en.jsonl", '{"id": 1, "title": 42}\n', "article '1' (line 1): field 'title' is a number, expected text"),
        ("bad.en.jsonl", '{"id": 1, "headline": "x"}\n', "has none of the fields title, standfirst, body"),
        ("bad.en.jsonl", '{"id": 1, "title": "a"}\n{"id": 1, "title": "b"}\n', "article id '1' also used on line 1"),
        ("bad.en.jsonl", '{"id": 1, "body": "<p>Fine</p>\\n<p>Broken <!-- oops"}\n', "article '1' (line 1): broken HTML in field 'body' at line 1, column 43"),
        ("bad.en.jsonl", '{"id": 1, "title": "   "}\n', "article '1' (line 1) has no text to check"),
    ],
)
def test_malformed_json_is_a_one_line_input_error(tmp_path, name, content, problem):
    path = write(tmp_path, name, content)
    one_line_error(lambda: check_file(path, settings=NO_MT), str(path), problem)


def test_dangling_source_reference_is_an_input_error(tmp_path):
    write(tmp_path, "d.fr.jsonl", [{"id": "f1", "title": "Un titre en français pour l'article."}])
    path = write(tmp_path, "d.en.jsonl", [{"id": "e1", "translation_of": "f9", "title": "An English title for the article."}])
    one_line_error(lambda: check_file(path, settings=NO_MT), "article 'e1' (line 1): translation_of 'f9' not found in")


def test_identical_article_is_an_input_error(tmp_path):
    write(tmp_path, "i.fr.jsonl", [{"id": "a", "title": "Vladimir Poutine a reçu Xi Jinping au Kremlin mardi pour un sommet."}])
    path = write(tmp_path, "i.en.jsonl", [{"id": "a", "title": "Vladimir Poutine a reçu Xi Jinping au Kremlin mardi pour un sommet."}])
    one_line_error(lambda: check_file(path, settings=NO_MT, src_lang="fr", tgt_lang="fr"), "article 'a' (line 1) is identical to its source")


def test_reader_keeps_offsets_for_articles_on_later_lines():
    text = '{"id": "a", "title": "One."}\r\n\r\n{"id": "b", "title": "Caf\\u00e9 two."}\r\n'
    articles = read_articles("x.jsonl", text, "en", {})
    assert [(a.id, a.line) for a in articles] == [("a", 1), ("b", 3)]
    para = articles[1].doc.paragraphs[0]
    assert para.text == "Café two." and text[para.char_starts[3] : para.char_ends[3]] == "\\u00e9"
    assert clean_slice(articles[1].doc, Span(para.char_starts[0], para.char_ends[3])) == "Café"
