"""The ``--no-mt`` JSON reports of the samples and of 20 newstest2014 documents stay as recorded.

Speed work must change no finding. A change meant to alter findings regenerates the fixtures
with ``python tests/fixtures/speed/regenerate.py`` and shows the diff in its commit.
"""

from __future__ import annotations

import json

import pytest

from tests.fixtures.speed import regenerate as fixtures


def _recorded(name: str) -> dict:
    return json.loads((fixtures.HERE / name).read_text(encoding="utf-8"))


def _compare(actual: dict, recorded: dict) -> None:
    """Findings first (readable failures), then the whole report (segments, scores, notices)."""
    for got, want in zip(actual["documents"], recorded["documents"]):
        assert [(f["id"], f["rule"], f["target"], f["source"], f["message"]) for f in got["findings"]] == [
            (f["id"], f["rule"], f["target"], f["source"], f["message"]) for f in want["findings"]
        ]
    assert json.loads(json.dumps(actual)) == recorded


@pytest.mark.parametrize("path", fixtures.SAMPLES)
def test_sample_report_unchanged(path):
    _compare(fixtures.sample_report(path), _recorded(fixtures.fixture_name(path)))


@pytest.mark.skipif(not fixtures.NEWSTEST.is_dir(), reason="needs ../shared/data/newstest2014-fren")
def test_newstest_reports_unchanged():
    for docid, source, target in fixtures.newstest_documents():
        _compare(fixtures.newstest_report(docid, source, target), _recorded(f"newstest2014__{docid}.json"))
