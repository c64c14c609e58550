"""What every report format tells besides the findings: where a finding sits in a CMS export
(article id, field) and the counts. Apart from ``mtcheck.report.json`` so that the text report
never loads the JSON encoder."""

from __future__ import annotations

from mtcheck.model import Document, DocumentResult, Finding


def article_id(result: DocumentResult) -> str | None:
    """The CMS article id of a target read from a JSON export (``None`` for other formats)."""
    return document_article(result.target)


def document_article(doc: Document) -> str | None:
    """The article id of a document read from a JSON export (``None`` for other formats)."""
    from mtcheck.readers import format_of

    if format_of(doc.path) != "json":
        return None
    unit = next((p.unit_id for p in doc.paragraphs if p.unit_id), None)
    return unit.rsplit(":", 1)[0] if unit else None


def cms_field(f: Finding, result: DocumentResult) -> str | None:
    """The CMS field (``title``, ``body``…) holding the finding's target span, for JSON exports."""
    if f.target is None or article_id(result) is None:
        return None
    paragraph = result.target.paragraph_at(f.target.start)
    return paragraph.unit_id.rsplit(":", 1)[-1] if paragraph is not None and paragraph.unit_id else None


def summary(results: list[DocumentResult]) -> dict[str, int]:
    counts = {"documents": len(results), "error": 0, "warning": 0, "info": 0}
    for result in results:
        for f in result.findings:
            if not f.suppressed:
                counts[f.severity.value] += 1
    return counts
