"""XLIFF 1.2 and 2.0: unit alignment, findings in <target> elements, malformed files refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtcheck.pipeline import check_file
from mtcheck.readers.xliff import parse
from tests.readers.test_html import FORMATS, apply_fixes, assert_offsets_exact, one_line_error, pairs

NO_MT = {"mt": False}
SEGMENT_ID = re.compile(r"^p\d+(\.x\d+)?\.s\d+$")


def write(tmp_path: Path, content: str, name: str = "job.xlf") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def xliff12(*units: str, src: str = "fr-FR", tgt: str = "en-US") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f' <file source-language="{src}" target-language="{tgt}" datatype="plaintext" original="story">\n  <body>\n'
        + "\n".join(f"   {u}" for u in units)
        + "\n  </body>\n </file>\n</xliff>\n"
    )


def unit(uid: str, source: str, target: str | None, extra: str = "") -> str:
    tgt = f"<target>{target}</target>" if target is not None else ""
    return f'<trans-unit id="{uid}"><source>{source}</source>{tgt}{extra}</trans-unit>'


def target_ranges(text: str) -> list[tuple[int, int]]:
    """Content ranges of the <target> elements outside <alt-trans>."""
    alt = [(m.start(), m.end()) for m in re.finditer(r"<alt-trans\b.*?</alt-trans>", text, re.S)]
    return [
        (m.start(1), m.end(1))
        for m in re.finditer(r"<target\b[^>]*>(.*?)</target>", text, re.S)
        if not any(a <= m.start() < b for a, b in alt)
    ]


# -- the samples --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["putin-xi-summit.xlf", "putin-xi-summit.v2.xlf"])
def test_sample_end_to_end(name):
    path = FORMATS / name
    text = path.read_text(encoding="utf-8")
    [result] = check_file(path, settings=NO_MT)
    assert result.source.path == result.target.path == str(path)
    assert (result.src_lang, result.tgt_lang) == ("fr", "en")
    assert all(SEGMENT_ID.match(s.id) for s in result.segments)
    assert all(s.source and s.target for s in result.segments)
    found = pairs(result)
    assert found[("duplicate-word", "said said")] == 1  # not the ones in <alt-trans> or <ph>
    assert found[("foreign-quotes", " »")] == 1
    assert found[("name-casing", "kyiv")] == 1
    assert_offsets_exact(result, text)
    ranges = target_ranges(text)
    for f in result.findings:
        if f.target is not None:
            assert any(a <= f.target.start and f.target.end <= b for a, b in ranges), f.rule


def test_segment_ids_follow_units():
    [v1] = check_file(FORMATS / "putin-xi-summit.xlf", settings=NO_MT)
    # the first unit is translate="no": it is skipped but still counted, so ids never shift
    assert [s.id for s in v1.segments] == [f"p{n}.s1" for n in range(2, 10)]
    assert v1.target.paragraphs[0].unit_id == "s001"
    [v2] = check_file(FORMATS / "putin-xi-summit.v2.xlf", settings=NO_MT)
    assert [s.id for s in v2.segments] == ["p2.s1", "p2.s2", "p2.s3", "p3.s1", "p3.s2", "p4.s1", "p5.s1", "p5.s2"]
    assert v2.target.paragraphs[0].unit_id == "par-1/1.1"


# -- reading -----------------------------------------------------------------------------------


def test_inline_markup_entities_and_cdata():
    text = xliff12(
        unit(
            "u1",
            'Le <g id="1">président</g> a dit &lt;non&gt; <x id="2"/> au Kremlin.',
            'The <g id="1">president</g> said &lt;no&gt; <x id="2"/> at the <ph id="3">&lt;b&gt;</ph>Kremlin &amp; left.',
        ),
        unit("u2", "<![CDATA[Un <b> brut]]>", "<![CDATA[A raw <b>]]>"),
    )
    pair = parse("x.xlf", text)
    assert [p.text for p in pair.target.paragraphs] == ["The president said <no> at the Kremlin & left.", "A raw <b>"]
    assert [p.text for p in pair.source.paragraphs] == ["Le président a dit <non> au Kremlin.", "Un <b> brut"]
    para = pair.target.paragraphs[0]
    for k, ch in enumerate(para.text):
        raw = text[para.file_span(k, k + 1).start : para.file_span(k, k + 1).end]
        assert raw == ch or raw in {"&lt;", "&gt;", "&amp;"}, (ch, raw)


def test_xliff2_inline_codes_and_languages():
    text = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-CA" trgLang="en">'
        '<file id="f"><unit id="u"><segment><source>Prix<cp hex="00A0"/>: 5 <ph id="1"/> euros</source>'
        '<target>Price<cp hex="00A0"/>: 5 <ph id="1"/> <pc id="2">euros</pc></target></segment></unit></file></xliff>'
    )
    pair = parse("x.xlf", text)
    assert (pair.version, pair.src_lang, pair.tgt_lang) == ("2.0", "fr", "en")
    assert pair.target.paragraphs[0].text == "Price\u00a0: 5 euros"


def test_suppression_note_marks_findings_suppressed(tmp_path):
    path = write(tmp_path, xliff12(
        unit("a", "Il l'a dit deux fois, exprès.", "He said said it twice, on purpose.",
             "<note>mtcheck: ignore duplicate-word -- quoted verbatim</note>"),
        unit("b", "Elle n'a rien dit d'autre.", "She said said nothing else."),
    ))
    [result] = check_file(path, settings=NO_MT)
    assert [(result.target.slice(f.target), f.suppressed) for f in result.findings if f.rule == "duplicate-word"] == [
        ("said said", True), ("said said", False),
    ]


def test_fix_lands_inside_the_target_element(tmp_path):
    content = xliff12(unit("a", "Le ministre a dit que Tom &amp; Jerry sont partis.", "The minister said said that Tom &amp; Jerry left."))
    path = write(tmp_path, content)
    [result] = check_file(path, settings=NO_MT)
    fixed = apply_fixes(path, result, {"duplicate-word"})
    assert fixed == content.replace("said said", "said")
    assert parse(str(path), fixed).target.paragraphs[0].text == "The minister said that Tom & Jerry left."


# -- malformed --------------------------------------------------------------------------------------

LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<xliff version="1.2"><file><body/></file></xliff>'


@pytest.mark.parametrize(
    "content, problem",
    [
        (xliff12(unit("intro", "Bonjour à tous.", "Hello everyone."), unit("s2", "Le président est arrivé.", None)),
         "unit 's2' (line 6) has no <target>"),
        (xliff12(unit("s7", "Le président est arrivé.", '<x id="1"/> ')), "unit 's7' (line 5) has an empty <target>"),
        ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f">'
         '<unit id="u9"><segment id="a"><source>Un.</source><target>One.</target></segment>'
         '<segment id="b"><source>Deux.</source></segment></unit></file></xliff>',
         "unit 'u9', segment b (line 1) has no <target>"),
        ("<html><body><p>Not XLIFF</p></body></html>", "root element is <html>, expected <xliff>"),
        ('<xliff version="3.0"><file/></xliff>', "unsupported XLIFF version '3.0'"),
        (LAUGHS, "has a DOCTYPE at line 2, column 1"),
        (xliff12(unit("a", "Un.", "One <g id='1'>two.")), "not well-formed XML at line 5, column"),
        (xliff12(unit("a", "Un &eacute;té.", "One summer.")), "not well-formed XML at line 5"),
        (xliff12(), "has no translation units with text"),
    ],
)
def test_malformed_xliff_is_a_one_line_input_error(tmp_path, content, problem):
    path = write(tmp_path, content)
    one_line_error(lambda: check_file(path, settings=NO_MT), str(path), problem)


def test_source_option_and_untranslated_file_are_refused(tmp_path):
    path = write(tmp_path, xliff12(unit("a", "Le président chinois est arrivé à Moscou lundi.", "Le président chinois est arrivé à Moscou lundi.")))
    one_line_error(lambda: check_file(path, tmp_path / "other.xlf", settings=NO_MT), "--source does not apply")
    one_line_error(lambda: check_file(path, settings=NO_MT, tgt_lang="fr"), "every <target> is identical to its <source>")


def test_urls_in_targets_are_never_flagged(tmp_path):
    path = write(tmp_path, xliff12(unit("a", "Voir https://exemple.fr/dit-dit pour les détails du sommet.",
                                        "See https://example.org/said-said/said-said for the the details.")))
    [result] = check_file(path, settings=NO_MT)
    assert [result.target.slice(f.target) for f in result.findings if f.rule == "duplicate-word"] == ["the the"]
