"""The ``mtcheck.report/1`` JSON contract, read by CMS pipelines (schema in ``schema/``)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from mtcheck import __version__
from mtcheck.model import DocumentResult, Finding, Span
from mtcheck.report.shared import article_id, cms_field, summary

SCHEMA = "mtcheck.report/1"


def _span(span: Span | None, text: str | None = None) -> dict[str, Any] | None:
    if span is None:
        return None
    out: dict[str, Any] = {"start": span.start, "end": span.end}
    if text is not None:
        out["text"] = text[span.start : span.end]
    return out


def finding_dict(f: Finding, result: DocumentResult) -> dict[str, Any]:
    out = {
        "id": f.id,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "target": _span(f.target, result.target.text),
        "source": _span(f.source, result.source.text if result.source else None) if f.source else None,
        "segment": f.segment,
        "suggestion": f.suggestion,
    }
    if (field := cms_field(f, result)) is not None:
        out["field"] = field
    if f.related:
        out["related"] = list(f.related)
    if f.suppressed:
        out["suppressed"] = True
        if f.suppression:
            out["suppression"] = dict(f.suppression)
    return out


def document_dict(result: DocumentResult, *, lazy: bool = False) -> dict[str, Any]:
    """The document's part of the report; ``lazy``: its segments and findings as iterators
    (see :func:`chunks`)."""
    segments = (
        {"id": s.id, "target": _span(s.target_span), "source": _span(s.source_span), "scores": _finite(s.scores)}
        for s in result.segments
    )
    findings = (finding_dict(f, result) for f in result.findings)
    out = {
        "target_path": result.target.path,
        "source_path": result.source.path if result.source else None,
        "target_lang": result.tgt_lang,
        "source_lang": result.src_lang,
        "segments": segments if lazy else list(segments),
        "findings": findings if lazy else list(findings),
        "notices": list(result.notices),
    }
    if (article := article_id(result)) is not None:
        out["id"] = article
    return out


def build_report(results: list[DocumentResult]) -> dict[str, Any]:
    """The report object; ``render`` serialises it."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "mtcheck", "version": __version__},
        "documents": [document_dict(r) for r in results],
        "summary": summary(results),
    }


def _finite(scores: dict) -> dict:
    """Scores with NaN and infinities as ``null``: JSON has no such numbers (a model may give them)."""
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in scores.items()}


def render(results: list[DocumentResult]) -> str:
    return "".join(chunks(results))


def chunks(results: list[DocumentResult]) -> Iterator[str]:
    """The report as ``json.dumps(build_report(results), ensure_ascii=False, indent=2)`` writes
    it, in pieces: one finding or segment at a time, never the whole report in memory (on a
    20 MiB input it would be several times the input's size)."""
    report = build_report([])
    report["documents"] = (document_dict(r, lazy=True) for r in results)
    report["summary"] = summary(results)
    yield from encode(report, 0)
    yield "\n"


def encode(value: Any, level: int) -> Iterator[str]:
    """``value`` at nesting ``level`` as ``json.dumps(..., indent=2)`` writes it; an iterator is
    an array written as it is consumed, a dict holding one is written key by key."""
    pad = "\n" + "  " * level
    if isinstance(value, Iterator):
        opened = False
        for item in value:
            yield ("," if opened else "[") + pad + "  "
            opened = True
            yield from encode(item, level + 1)
        yield pad + "]" if opened else "[]"
    elif isinstance(value, dict) and any(isinstance(v, Iterator) for v in value.values()):
        for k, (key, item) in enumerate(value.items()):
            yield ("," if k else "{") + pad + "  " + json.dumps(key, ensure_ascii=False) + ": "
            yield from encode(item, level + 1)
        yield pad + "}"
    else:  # JSON strings hold no raw newline: indenting the lines nests the block
        yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", pad)
