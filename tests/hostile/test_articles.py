"""JSON exports hold many articles: one that cannot be checked is one error for that article while
the others are checked (exit 2: the run is incomplete), and each article's work stays inside its
own part of the file (issue 12)."""

from __future__ import annotations

import json
import time

import pytest

from mtcheck.checks.base import CheckContext
from mtcheck.model import Segment
from mtcheck.pipeline import ArticleErrors, check_file
from mtcheck.readers import InputError, segment_document
from mtcheck.readers.cms_json import read_articles
from tests.hostile.conftest import mtcheck as mtcheck_shared_cache
from tests.hostile.conftest import snapshot
from tests.hostile.harness import mtcheck

NO_MT = {"mt": False}
EN = "The minister said said that the talks in Moscow went well on Monday."
FR = "Le ministre a dit que les discussions à Moscou s'étaient bien passées lundi."


def _line(ident: str, title: str) -> str:
    return json.dumps({"id": ident, "title": title}, ensure_ascii=False) + "\n"


@pytest.fixture
def export(tmp_path):
    """``f.en.jsonl`` whose line 2 is broken JSON, between two good articles, and its source."""
    (tmp_path / "f.fr.jsonl").write_text(_line("a1", FR) + _line("a2", FR) + _line("a3", FR), encoding="utf-8")
    (tmp_path / "f.en.jsonl").write_text(_line("a1", EN) + '{"id": "a2", "title": "Broken\n' + _line("a3", EN), encoding="utf-8")
    return tmp_path


def test_a_bad_json_lines_line_is_one_error_and_the_other_articles_are_checked(export):
    before = snapshot(export)  # the shared word-list cache: a private one is built for minutes on a loaded machine
    run = mtcheck_shared_cache("check", "f.en.jsonl", "--no-mt", "-f", "json", cwd=export, timeout=600)
    errors = [line for line in run.stderr.splitlines() if line.startswith("mtcheck: error:")]
    assert run.returncode == 2 and len(errors) == 1 and "invalid JSON at line 2" in errors[0], run.stderr
    documents = json.loads(run.stdout)["documents"]
    assert [d["id"] for d in documents] == ["a1", "a3"]
    assert all(d["source_path"] and [f["rule"] for f in d["findings"]] == ["duplicate-word"] for d in documents)
    run = mtcheck_shared_cache("fix", "f.en.jsonl", cwd=export, timeout=600)  # fix rewrites no file with a line it cannot read
    assert run.returncode == 2 and "line 2" in run.stderr and "Traceback" not in run.stderr
    assert snapshot(export) == before


@pytest.mark.parametrize(
    "bad, problem",
    [
        ({"id": "a2", "title": 42}, "article 'a2' (line 2): field 'title' is a number"),
        ({"id": "a1", "title": EN}, "line 2: article id 'a1' also used on line 1"),
        ({"id": "a2", "headline": EN}, "has none of the fields"),
        ({"id": "a2", "body": "<p>Fine</p><!-- oops"}, "broken HTML in field 'body'"),
        ({"id": "a2", "title": "   "}, "article 'a2' (line 2) has no text to check"),
        ({"id": "a2", "title": FR}, "article 'a2' (line 2): looks like 'fr' text"),
        ({"id": "a2", "title": EN, "translation_of": "zz"}, "translation_of 'zz' not found"),
        ("a2", "line 2: article #2 is a string, expected an object"),
    ],
)
def test_an_article_refused_for_its_content_leaves_the_others_checked(tmp_path, bad, problem):
    (tmp_path / "f.fr.jsonl").write_text(_line("a1", FR) + _line("a2", FR) + _line("a3", FR), encoding="utf-8")
    (tmp_path / "f.en.jsonl").write_text(_line("a1", EN) + json.dumps(bad) + "\n" + _line("a3", EN), encoding="utf-8")
    with pytest.raises(ArticleErrors) as refused:
        check_file(tmp_path / "f.en.jsonl", settings=NO_MT)
    assert len(refused.value.problems) == 1 and problem in refused.value.problems[0]
    assert [r.target.paragraphs[0].unit_id for r in refused.value.results] == ["a1:title", "a3:title"]
    assert isinstance(refused.value, InputError) and "\n" not in str(refused.value)  # callers that know no better refuse the file


def test_an_export_whose_every_line_is_bad_checks_nothing(tmp_path):
    (tmp_path / "f.en.jsonl").write_text("{oops\n[1]\n", encoding="utf-8")
    run = mtcheck(tmp_path, "check", "f.en.jsonl", "--no-mt", "-f", "json")
    errors = [line for line in run.lines if line.startswith("mtcheck: error:")]
    assert run.code == 2 and len(errors) == 2 and run.stdout == "", run.stderr


def test_a_bad_line_of_the_source_export_leaves_its_target_checked_alone(tmp_path):
    (tmp_path / "f.fr.jsonl").write_text(_line("a1", FR) + "{oops\n", encoding="utf-8")
    (tmp_path / "f.en.jsonl").write_text(_line("a1", EN) + _line("a2", EN), encoding="utf-8")
    with pytest.raises(ArticleErrors) as refused:
        check_file(tmp_path / "f.en.jsonl", settings=NO_MT)
    assert refused.value.problems == [f"{tmp_path / 'f.fr.jsonl'}: invalid JSON at line 2, column 2: Expecting property name enclosed in double quotes"]
    first, second = refused.value.results
    assert first.source is not None and second.source is None and "checked monolingually" in second.notices[0]


# -- each article its own part of the file -----------------------------------------------------------


def _contexts(en_titles: list[str], fr_titles: list[str], src: str = "fr", tgt: str = "en") -> list[CheckContext]:
    """One context per article of two JSON Lines texts (sources in ``fr_titles``), as the pipeline builds them."""
    targets = read_articles("f.jsonl", "".join(_line(f"a{k}", t) for k, t in enumerate(en_titles)), tgt)
    sources = read_articles("f.jsonl", "".join(_line(f"a{k}", t) for k, t in enumerate(fr_titles)), src)
    out = []
    for t, s in zip(targets, sources):
        segment_document(t.doc)
        segment_document(s.doc)
        out.append(CheckContext(t.doc, s.doc, [Segment("p1.s1", s.doc.sentences(), t.doc.sentences())], src, tgt))
    return out


def test_each_article_document_is_scoped_to_its_own_line():
    text = _line("a", "One.") + "\n" + _line("b", "Two.")
    first, second = read_articles("f.jsonl", text, "en")
    assert text[first.doc.scope.start : first.doc.scope.end] == _line("a", "One.").strip()
    assert second.doc.bounds == {"pos": text.index('{"id": "b"'), "endpos": len(text) - 1}


def test_a_doubled_name_is_compared_with_its_own_source_only():
    from mtcheck.checks.repetition import DuplicateWord

    # "Japon Japon" in another article's source does not excuse "Japan Japan" here
    contexts = _contexts(["Talks with Japan Japan went well.", "Talks with Japan Japan went well."], ["Les discussions avec le Japon Japon.", "Les discussions avec le Japon."])
    assert [len(list(DuplicateWord().check(c))) for c in contexts] == [0, 1]


def test_per_article_rules_take_time_in_proportion_to_the_article_not_the_file():
    from mtcheck.checks.repetition import DuplicateWord
    from mtcheck.checks.target_typography import MissingNbsp

    n = 4000  # the whole file searched per article: about 40 s for each rule here; per article: well under 1 s
    doubled = _contexts([f"On day {k} the talks with Japan Japan went well." for k in range(n)], [f"Le jour {k}, le Japon a parlé." for k in range(n)])
    french = _contexts([f"Le jour {k}, il a dit: oui." for k in range(n)], [f"On day {k}, he said: yes." for k in range(n)], "en", "fr")
    start = time.perf_counter()
    found = [f for c in doubled for f in DuplicateWord().check(c)] + [f for c in french for f in MissingNbsp().check(c)]
    took = time.perf_counter() - start
    assert len(found) == 2 * n
    assert took < 10, f"took {took:.1f} s: each article searches the whole file again?"


def _one_document(en: list[str], fr: list[str]) -> CheckContext:
    """One text document of a sentence per paragraph, aligned paragraph by paragraph."""
    from mtcheck.readers.text import parse

    target, source = parse("s.en.txt", "\n\n".join(en), "en"), parse("s.fr.txt", "\n\n".join(fr), "fr")
    segment_document(target)
    segment_document(source)
    segments = [Segment(f"p{k}.s1", s.sentences, t.sentences) for k, (s, t) in enumerate(zip(source.paragraphs, target.paragraphs), 1)]
    return CheckContext(target, source, segments, "fr", "en")


def test_per_sentence_work_in_one_large_document_does_not_rescan_the_document():
    from mtcheck.checks.names import MissingName
    from mtcheck.checks.repetition import DuplicateWord

    n = 3000  # each double or person name rescanning the whole source: about 30 s per rule here
    doubled = _one_document([f"On day {k} the talks with Japan Japan went well." for k in range(n)], [f"Le jour {k}, le Japon a parlé." for k in range(n)])
    named = _one_document([f"On day {k} the president spoke." for k in range(n)], [f"Le jour {k}, Vladimir Poutine a parlé." for k in range(n)])
    start = time.perf_counter()
    doubles = list(DuplicateWord().check(doubled))
    missing = list(MissingName().check(named))
    took = time.perf_counter() - start
    assert len(doubles) == n and len(missing) == n
    assert took < 15, f"took {took:.1f} s: each sentence searches the whole document again?"
