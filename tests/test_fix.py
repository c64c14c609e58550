"""`mtcheck fix`: only safe fixes, byte-identical elsewhere, atomic, backed up, idempotent, race-safe."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck import fix as fixmod
from mtcheck.cli import app
from mtcheck.model import Finding, Severity, Span

FR = "Il a dit : « Le taux est de 4,5 % et 57 000 personnes ont voté mardi à Kyiv. »\n\nLa réunion a duré deux heures.\n"
# Safe fixes: space before ":", « » quotes, decimal comma, "4,5 %", "57 000", kyiv; the calque
# ("actually"-style suggestions) and other findings without a safe fix must stay.
EN = "He said : « The rate is 4,5 % and 57 000 people voted on Tuesday in kyiv. »\n\nThe meeting lasted two hours.\n"
EN_FIXED = "He said: “The rate is 4.5% and 57,000 people voted on Tuesday in Kyiv.”\n\nThe meeting lasted two hours.\n"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.fr.txt").write_text(FR, encoding="utf-8")
    target = tmp_path / "story.en.txt"
    target.write_text(EN, encoding="utf-8")
    return target


def test_fix_applies_safe_fixes_and_keeps_a_backup(story):
    story.chmod(0o640)
    result = invoke("fix", story)
    assert result.exit_code == 0, result.stderr
    assert story.read_text(encoding="utf-8") == EN_FIXED
    assert (story.parent / "story.en.txt.orig").read_text(encoding="utf-8") == EN
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert "applied 7 fixes in 1 file" in result.stderr
    assert not [p for p in story.parent.iterdir() if "mtcheck-tmp" in p.name]
    # the file now checks clean of every fixable rule
    check = invoke("check", story, "--no-mt")
    assert check.exit_code == 0, check.stdout


def test_fix_twice_changes_nothing_the_second_time(story):
    invoke("fix", story, "--no-backup")
    before = story.stat().st_mtime_ns, story.read_bytes()
    result = invoke("fix", story)
    assert result.exit_code == 0 and "applied 0 fixes in 0 files" in result.stderr
    assert (story.stat().st_mtime_ns, story.read_bytes()) == before
    assert not (story.parent / "story.en.txt.orig").exists()


def test_bytes_outside_fix_spans_are_identical_bom_and_crlf_kept(story):
    raw = b"\xef\xbb\xbf" + EN.replace("\n", "\r\n").encode("utf-8")
    story.write_bytes(raw)
    (story.parent / "story.fr.txt").write_bytes(FR.replace("\n", "\r\n").encode("utf-8"))
    assert invoke("fix", story).exit_code == 0
    fixed = story.read_bytes()
    assert fixed == b"\xef\xbb\xbf" + EN_FIXED.replace("\n", "\r\n").encode("utf-8")


def test_only_outside_spans_unchanged_generic():
    text = "aa XX bb YY cc"
    findings = [
        Finding("r1", "fluency/repetition", Severity.ERROR, "m", target=Span(3, 5), fix="x"),
        Finding("r2", "fluency/repetition", Severity.ERROR, "m", target=Span(9, 11), fix="yyy"),
    ]
    out = fixmod.apply_fixes(text, findings)
    assert out == "aa x bb yyy cc"


def test_diff_prints_without_writing_and_exits_1(story):
    result = invoke("fix", story, "--diff")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- ") and "-He said : « The rate" in result.stdout and "+He said: “The rate" in result.stdout
    assert story.read_text(encoding="utf-8") == EN and not (story.parent / "story.en.txt.orig").exists()
    invoke("fix", story)
    clean = invoke("fix", story, "--diff")
    assert clean.exit_code == 0 and clean.stdout == ""


def test_rule_limits_the_fixes(story):
    result = invoke("fix", story, "--rule", "decimal-comma", "--rule", "name-casing", "--no-backup")
    assert result.exit_code == 0
    assert story.read_text(encoding="utf-8") == EN.replace("4,5", "4.5").replace("kyiv", "Kyiv")


@pytest.mark.parametrize("rule, message", [("nope", "unknown rule 'nope'"), ("calque", "calque has no safe fix")])
def test_bad_rule_is_exit_2_and_nothing_written(story, rule, message):
    result = invoke("fix", story, "--rule", rule)
    assert result.exit_code == 2 and message in result.stderr
    assert story.read_text(encoding="utf-8") == EN


def test_file_changed_between_read_and_write_is_not_overwritten(story, monkeypatch):
    real_compute = fixmod.compute

    def compute_then_someone_edits(*args, **kwargs):
        out = real_compute(*args, **kwargs)
        story.write_text(EN + "\nAn editor's new paragraph.\n", encoding="utf-8")
        return out

    monkeypatch.setattr(fixmod, "compute", compute_then_someone_edits)
    result = invoke("fix", story)
    assert result.exit_code == 2
    assert "changed on disk while being fixed; not overwritten" in result.stderr
    assert story.read_text(encoding="utf-8").endswith("An editor's new paragraph.\n")
    assert not [p for p in story.parent.iterdir() if "mtcheck-tmp" in p.name]


def test_change_just_before_replace_is_detected(story):
    snapshot, outcome = fixmod.compute(story, None, src_lang=None, tgt_lang=None, settings={})
    # same size, same mtime: only the content hash can tell
    st = story.stat()
    story.write_bytes(EN.replace("He said", "We said").encode("utf-8"))
    os.utime(story, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(fixmod.FileChanged):
        fixmod.write(snapshot, outcome, backup=False)
    assert story.read_text(encoding="utf-8").startswith("We said")


def test_undo_restores_the_original(story):
    invoke("fix", story)
    result = invoke("fix", "--undo", story)
    assert result.exit_code == 0 and "restored" in result.stderr
    assert story.read_text(encoding="utf-8") == EN
    assert not (story.parent / "story.en.txt.orig").exists()
    again = invoke("fix", "--undo", story)
    assert again.exit_code == 2 and "no backup" in again.stderr


def test_symlink_is_followed_and_kept(story, tmp_path):
    link_dir = tmp_path / "published"
    link_dir.mkdir()
    link = link_dir / "story.en.txt"
    link.symlink_to(story)
    (link_dir / "story.fr.txt").symlink_to(tmp_path / "story.fr.txt")
    assert invoke("fix", link, "--no-backup").exit_code == 0
    assert link.is_symlink() and story.read_text(encoding="utf-8") == EN_FIXED


@pytest.mark.parametrize(
    "content, message",
    [(b"\xff\xfe not utf-8 at all", "not valid UTF-8"), (b"\x00\x01\x02binary", "looks binary"), (b"", "is empty")],
)
def test_malformed_input_exit_2_nothing_written(tmp_path, content, message):
    target = tmp_path / "bad.en.txt"
    target.write_bytes(content)
    result = invoke("fix", target)
    assert result.exit_code == 2 and message in result.stderr
    assert target.read_bytes() == content and not (tmp_path / "bad.en.txt.orig").exists()


def test_a_folder_is_fixed_file_by_file_and_errors_do_not_stop_the_others(story, tmp_path):
    (tmp_path / "broken.en.txt").write_bytes(b"\xff\xfe")
    result = invoke("fix", tmp_path, "--no-backup")
    assert result.exit_code == 2 and "broken.en.txt" in result.stderr
    assert story.read_text(encoding="utf-8") == EN_FIXED


def _f(rule, start, end, fix):
    return Finding(rule, "fluency/punctuation", Severity.ERROR, "m", target=Span(start, end), fix=fix)


def test_overlapping_fixes_are_resolved_deterministically():
    findings = [
        _f("b-rule", 2, 6, "X"),
        _f("a-rule", 4, 8, "Y"),  # overlaps b-rule: deferred
        _f("c-rule", 2, 6, "Z"),  # same span, other text: deferred
        _f("d-rule", 6, 6, "!"),  # insertion right after b-rule's span: fine
        _f("e-rule", 6, 6, "?"),  # a second insertion at the same point: deferred
        _f("f-rule", 10, 12, ""),
        Finding("g-rule", "fluency/casing", Severity.ERROR, "m", target=Span(12, 13), fix=None),  # no fix
    ]
    expected = None
    for seed in range(20):
        shuffled = findings[:]
        random.Random(seed).shuffle(shuffled)
        accepted, deferred = fixmod.select_fixes(shuffled)
        got = ([f.rule for f in accepted], sorted(f.rule for f in deferred))
        expected = expected or got
        assert got == expected
    assert expected == (["b-rule", "d-rule", "f-rule"], ["a-rule", "c-rule", "e-rule"])
    assert fixmod.apply_fixes("0123456789abcdef", [f for f in findings if f.rule in expected[0]]) == "01X!6789cdef"


def test_suppressed_and_unselected_fixes_are_not_applied():
    f1, f2 = _f("x", 0, 1, "A"), _f("y", 2, 3, "B")
    f1.suppressed = True
    assert fixmod.select_fixes([f1, f2])[0] == [f2]
    assert fixmod.select_fixes([f1, f2], rules={"x"})[0] == []


def test_markdown_fix_leaves_code_and_links_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.md").write_text("Il a dit que le taux est de 4,5 %.\n\n`code 4,5 %`\n", encoding="utf-8")
    target = tmp_path / "a.en.md"
    target.write_text("He said the rate is 4,5 %.\n\n`code 4,5 %`\n", encoding="utf-8")
    assert invoke("fix", target, "--no-backup").exit_code == 0
    assert target.read_text(encoding="utf-8") == "He said the rate is 4.5%.\n\n`code 4,5 %`\n"


def test_backup_keeps_permissions_and_write_failure_leaves_file(story):
    story.chmod(0o600)
    snapshot, outcome = fixmod.compute(story, None, src_lang=None, tgt_lang=None, settings={})
    fixmod.write(snapshot, outcome)
    orig = Path(str(story) + ".orig")
    assert stat.S_IMODE(orig.stat().st_mode) == 0o600 and orig.read_text(encoding="utf-8") == EN


# ------------------------------------------------------------------ other formats

FR_1 = "Le Premier ministre japonais, Fumio Kishida, est arrivé mardi à Kyiv pour une visite surprise."
FR_2 = "Il doit rencontrer le président ukrainien, Volodymyr Zelensky, a indiqué le ministère japonais des Affaires étrangères."
EN_1 = "Japanese Prime Minister Fumio Kishida arrived in kyiv on Tuesday for a surprise visit"
EN_2 = "He is due to meet meet Ukrainian President Volodymyr Zelensky, the Japanese foreign ministry said."


def test_html_fix_keeps_markup_and_entities(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.html").write_text(f"<h1>Visite</h1>\n<p>{FR_1}</p>\n<p>{FR_2}</p>\n", encoding="utf-8")
    target = tmp_path / "a.en.html"
    html = f'<h1>Visit</h1>\n<p class="x">{EN_1} &amp; talks.</p>\n<p>{EN_2.replace("meet meet", "<b>meet meet</b>")}</p>\n'
    target.write_text(html, encoding="utf-8")
    assert invoke("fix", target, "--no-backup").exit_code == 0
    assert target.read_text(encoding="utf-8") == html.replace("kyiv", "Kyiv").replace("<b>meet meet</b>", "<b>meet</b>")


def test_json_export_fix_applies_to_every_article_and_stays_valid_json(tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    src = [{"id": "a1", "title": "Visite", "body": f"<p>{FR_1}</p>"}, {"id": "a2", "title": "Rencontre", "body": f"<p>{FR_2}</p>"}]
    tgt = [{"id": "a1", "title": "Visit", "body": f'<p>{EN_1} "today".</p>'}, {"id": "a2", "title": "Meeting", "body": f"<p>{EN_2}</p>"}]
    (tmp_path / "feed.fr.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in src), encoding="utf-8")
    target = tmp_path / "feed.en.jsonl"
    target.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in tgt), encoding="utf-8")
    result = invoke("fix", target)
    assert result.exit_code == 0 and "applied 2 fixes" in result.stderr
    fixed = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert fixed[0]["body"] == f'<p>{EN_1.replace("kyiv", "Kyiv")} "today".</p>'
    assert fixed[1]["body"] == f"<p>{EN_2.replace('meet meet', 'meet')}</p>"
    assert not [p for p in tmp_path.iterdir() if "mtcheck-fix" in p.name or "mtcheck-tmp" in p.name]


def test_xliff_fix_edits_targets_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    xlf = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="fr" target-language="en" datatype="plaintext" original="a"><body>\n'
        f'<trans-unit id="1"><source>{FR_1}</source><target>{EN_1}.</target></trans-unit>\n'
        f'<trans-unit id="2"><source>{FR_2}</source><target>{EN_2}</target></trans-unit>\n'
        "</body></file></xliff>\n"
    )
    target = tmp_path / "story.xlf"
    target.write_text(xlf, encoding="utf-8")
    assert invoke("fix", target, "--no-backup").exit_code == 0
    assert target.read_text(encoding="utf-8") == xlf.replace("in kyiv", "in Kyiv").replace("meet meet", "meet")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("x.en.json", '{"id": "a1", "title": "Hi" \n', "invalid JSON"),
        ("y.en.jsonl", '{"id": "a1", "title": 3}\n', "expected text"),
        (
            "z.xlf",
            '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file source-language="fr" target-language="en" datatype="plaintext" original="a"><body>'
            f'<trans-unit id="1"><source>{FR_1}</source></trans-unit></body></file></xliff>\n',
            "has no <target>",
        ),
    ],
)
def test_malformed_exports_exit_2_nothing_written(tmp_path, name, content, message):
    target = tmp_path / name
    target.write_text(content, encoding="utf-8")
    result = invoke("fix", target)
    assert result.exit_code == 2 and message in result.stderr and str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_fix_never_spans_markup(tmp_path):
    """`said <em>said</em>` is reported, but fixing it would unbalance the tags: suggestion only."""
    from mtcheck.pipeline import check_pair

    page = tmp_path / "story.en.html"
    page.write_text("<html><body><p>The minister said <em>said</em> that the talks would continue next week in Brussels with both delegations.</p></body></html>", encoding="utf-8")
    result = check_pair(page, settings={"mt": False})
    doubled = [f for f in result.findings if f.rule == "duplicate-word"]
    assert doubled and doubled[0].suggestion == "said" and doubled[0].fix is None
