"""What every report format shows besides the findings: CMS article ids and fields, the counts."""

from __future__ import annotations

from mtcheck.pipeline import check_file
from mtcheck.report.shared import article_id, cms_field, summary
from tests.conftest import SAMPLES


def test_article_ids_and_fields_of_a_json_export_only():
    export = check_file(SAMPLES / "formats" / "articles.en.jsonl", settings={"mt": False})
    assert [article_id(r) for r in export] == ["en-1042", "en-1043", "en-1044"]
    assert {cms_field(f, r) for r in export for f in r.findings if f.target} <= {"title", "standfirst", "body"}
    [seed] = check_file(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    assert article_id(seed) is None and {cms_field(f, seed) for f in seed.findings} == {None}


def test_summary_counts_documents_and_findings_not_suppressed(check):
    result = check("The the minister met his counterpart on Tuesday in Paris.")
    shown = [f for f in result.findings if not f.suppressed]
    assert shown
    counts = summary([result, result])
    assert counts["documents"] == 2 and sum(counts[k] for k in ("error", "warning", "info")) == 2 * len(shown)
    shown[0].suppressed = True
    assert sum(summary([result]).values()) == 1 + len(shown) - 1
