"""The HTML editor report: one self-contained page to review a translation side by side.

``render(results, report)`` takes the checked documents (for their texts and alignment) and
the ``mtcheck.report/1`` dict built from the same results (for the findings as published),
and returns the page. Everything from the articles goes through Jinja2's autoescape; the page
carries its CSS and JS inline under a Content-Security-Policy that allows those two blocks
(by hash) and nothing else, so it never fetches anything and injected markup cannot run.

Layout of the text: for each aligned segment one table row ``source | target``; each
document's text is cut at sentence starts and every piece is rendered once, in the row of the
sentence it starts with (whitespace and inline markup between sentences go with the sentence
before; block-level text outside any sentence, such as code blocks or XML/JSON structure, is
left out unless a finding touches it), so a finding's highlight always reproduces its exact
span even when findings overlap, nest or run across sentences. A highlight may therefore be
split into several ``<mark>`` fragments; all fragments of finding *n* carry ``n`` in their
``data-f`` list and the first one has the class ``h``.

The page is written as Jinja2 makes it (:func:`chunks`); a cell's pieces of text are cut only
when the template reaches its row, so the article texts are never held twice.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from mtcheck.model import CATEGORIES, DocumentResult

TEMPLATES = Path(__file__).parent / "templates"
SEVERITIES = ("error", "warning", "info")
SEV_RANK = {"error": 3, "warning": 2, "info": 1}
SEV_ICON = {"error": "✖", "warning": "▲", "info": "●"}
SEV_CODE = {"error": "e", "warning": "w", "info": "i"}


# ---------------------------------------------------------------- view model


@dataclass(slots=True)
class Cell:
    lang: str
    part: tuple = ()  # the arguments of ``_chunks`` for this cell, set by ``_Side.build``

    @property
    def chunks(self) -> list[tuple[str, str | None, str | None]]:
        """(text, data-f, class) runs of the cell, cut when the template asks for them."""
        return _chunks(*self.part) if self.part else []


@dataclass(slots=True)
class Row:
    id: str  # segment id
    html_id: str
    src: Cell | None
    tgt: Cell | None
    kind: str = ""  # "om" omission (source only), "ad" addition (target only)


@dataclass
class Group:
    key: str  # paragraph key: "p3", or "p2.x3" for an untranslated source paragraph
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class FindingView:
    n: int
    id: str
    rule: str
    category: str
    cat: int
    severity: str
    message: str
    suggestion: str | None
    target_text: str | None
    source_text: str | None
    segment: str | None
    anchor: str  # html id of the row to jump to
    suppressed: bool
    reason: str = ""
    related: list[str] = field(default_factory=list)
    order: tuple = ()


@dataclass
class DocView:
    index: int
    html_id: str
    key: str  # the document key of decisions (mtcheck.decisions): path, #article id
    title: str
    target_path: str
    source_path: str | None
    target_lang: str
    source_lang: str | None
    groups: list[Group]
    findings: list[FindingView]
    counts: dict[str, int]
    by_category: list[tuple[int, str, dict[str, int], int]]
    suppressed: int
    mt: str
    mt_used: bool
    notices: list[str]
    segdata: dict[str, dict[str, Any]]
    headline: str = ""


# ---------------------------------------------------------------- rendering


def render(results: list[DocumentResult], report: dict | None = None) -> str:
    """The HTML page for ``results``; ``report`` is ``build_report(results)`` (built when not given)."""
    return "".join(chunks(results, report))


def chunks(results: list[DocumentResult], report: dict | None = None) -> Iterator[str]:
    """The page of :func:`render` in pieces as the template makes them; without ``report``, each
    document's part of it is made in turn, its findings read once (its segments not at all)."""
    if report is None:
        from mtcheck.report.json import build_report, document_dict

        report = build_report([])
        documents = (document_dict(r, lazy=True) for r in results)
    else:
        documents = report.get("documents", [])
        if len(documents) != len(results):
            raise ValueError(f"report has {len(documents)} documents, results {len(results)}")
    counter = [0]
    docs = [_document_view(i, res, rep, counter) for i, (res, rep) in enumerate(zip(results, documents))]
    titles = Counter(d.title for d in docs)
    seen: Counter[str] = Counter()
    for d in docs:  # several articles from one file (JSON export): number them
        if titles[d.title] > 1:
            seen[d.title] += 1
            d.title = f"{d.title} #{seen[d.title]}"
    totals = Counter()
    for d in docs:
        totals.update(d.counts)
    css, js = _assets()
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    categories_present = sorted({f.cat for d in docs for f in d.findings})
    cat_counts = Counter(f.cat for d in docs for f in d.findings if not f.suppressed)
    tool = report.get("tool", {})
    return _env().get_template("report.html.j2").generate(
        docs=docs,
        csp=csp,
        css=Markup(css),
        js=Markup(js),
        tool_name=tool.get("name", "mtcheck"),
        version=tool.get("version", ""),
        schema=report.get("schema", ""),
        totals={s: totals.get(s, 0) for s in SEVERITIES},
        total_findings=sum(len(d.findings) for d in docs),
        suppressed=sum(d.suppressed for d in docs),
        categories=_families([(c, _cat_name(c), cat_counts.get(c, 0)) for c in categories_present]),
        severities=SEVERITIES,
        icons=SEV_ICON,
        segdata=[d.segdata for d in docs],
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def _assets() -> tuple[str, str]:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8").strip()
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8").strip()
    for name, text in (("report.css", css), ("report.js", js)):
        if "</" in text or "<!--" in text:  # would end the inline block early
            raise RuntimeError(f"{name} must not contain '</' or '<!--'")
    return css, js


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["tx"] = _text
    env.filters["plural"] = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
    env.filters["sevcount"] = lambda n, sev: f"{n} info" if sev == "info" else f"{n} {sev}" + ("" if n == 1 else "s")
    return env


def _text(value: str) -> Markup:
    """Escape article text; a CR becomes ``&#13;`` so the DOM keeps it (the parser drops raw CRs)."""
    out = escape(value)
    if "\r" in out:
        out = Markup(str(out).replace("\r", "&#13;"))
    return out


def _families(categories: list[tuple[int, str, int]]) -> list[tuple[str, list[tuple[int, str, int]]]]:
    """Categories grouped by family for the filter: ``[("fluency", [(6, "repetition", 2), …]), …]``."""
    out: list[tuple[str, list[tuple[int, str, int]]]] = []
    for c, name, n in categories:
        family, _, sub = name.partition("/")
        if not out or out[-1][0] != family:
            out.append((family, []))
        out[-1][1].append((c, sub or family, n))
    return out


def _cat_index(category: str) -> int:
    try:
        return CATEGORIES.index(category)
    except ValueError:
        return len(CATEGORIES)  # unknown: styled like other/*


def _cat_name(index: int) -> str:
    return CATEGORIES[index] if index < len(CATEGORIES) else "other"


# ---------------------------------------------------------------- one document


def _document_view(d: int, result: DocumentResult, rep: dict, counter: list[int]) -> DocView:
    target_doc, source_doc = result.target, result.source
    has_source = source_doc is not None
    rows: list[Row] = []
    seen_ids: Counter[str] = Counter()
    for seg in result.segments:
        seen_ids[seg.id] += 1
        suffix = "" if seen_ids[seg.id] == 1 else f"-{seen_ids[seg.id]}"
        kind = ""
        if has_source and seg.source and not seg.target:
            kind = "om"
        elif has_source and seg.target and not seg.source:
            kind = "ad"
        rows.append(
            Row(
                id=seg.id,
                html_id=f"d{d}-{seg.id}{suffix}",
                src=Cell(source_doc.lang) if has_source and seg.source else None,
                tgt=Cell(target_doc.lang) if seg.target else None,
                kind=kind,
            )
        )
    if not rows:  # nothing segmented: show the whole text in one row
        rows.append(Row("p0.s0", f"d{d}-p0.s0", None, Cell(target_doc.lang)))

    tgt_side = _Side(target_doc.text, [(i, s.target) for i, s in enumerate(result.segments) if s.target], rows, "tgt", target_doc)
    if not result.segments:
        tgt_side = _Side(target_doc.text, [(0, [])], rows, "tgt")
    src_side = (
        _Side(source_doc.text, [(i, s.source) for i, s in enumerate(result.segments) if s.source], rows, "src", source_doc)
        if has_source
        else None
    )

    # findings, in reading order
    row_of: dict[str, int] = {}  # a segment id's first row
    for i, row in enumerate(rows):
        row_of.setdefault(row.id, i)
    raw = rep.get("findings", [])
    placed: list[tuple[FindingView, dict | None, dict | None]] = []  # each view with its spans
    for f in raw:
        tspan, sspan = f.get("target"), f.get("source")
        anchor_row = None
        order_pos = 0
        if tspan is not None:
            anchor_row = tgt_side.row_at(tspan["start"])
            order_pos = tspan["start"]
        elif sspan is not None and src_side is not None:
            anchor_row = src_side.row_at(sspan["start"])
            order_pos = sspan["start"]
        if anchor_row is None and f.get("segment"):
            anchor_row = row_of.get(f["segment"])
        anchor = rows[anchor_row].html_id if anchor_row is not None else f"d{d}"
        sev = f.get("severity", "info")
        cat = _cat_index(f.get("category", ""))
        view = FindingView(
            n=0,
            id=str(f.get("id", "")),
            rule=str(f.get("rule", "")),
            category=str(f.get("category", "")),
            cat=cat,
            severity=sev if sev in SEV_RANK else "info",
            message=str(f.get("message", "")),
            suggestion=f.get("suggestion"),
            target_text=tspan.get("text") if tspan else None,
            source_text=sspan.get("text") if sspan else None,
            segment=f.get("segment") or (rows[anchor_row].id if anchor_row is not None else None),
            anchor=anchor,
            suppressed=bool(f.get("suppressed", False)),
            reason=str((f.get("suppression") or {}).get("reason") or ""),
            related=[str(r) for r in f.get("related") or []],
            order=(anchor_row if anchor_row is not None else len(rows), tspan is None, order_pos),
        )
        placed.append((view, tspan, sspan))
    placed.sort(key=lambda p: p[0].order)
    views = [v for v, _, _ in placed]
    for v, tspan, sspan in placed:
        v.n = counter[0]
        counter[0] += 1
        if tspan is not None:
            tgt_side.add(v, tspan["start"], tspan["end"])
        if sspan is not None and src_side is not None:
            src_side.add(v, sspan["start"], sspan["end"])
    tgt_side.build()
    if src_side is not None:
        src_side.build()

    groups: list[Group] = []
    for row in rows:
        key = row.id.rsplit(".", 1)[0] if "." in row.id else row.id
        if not groups or groups[-1].key != key:
            groups.append(Group(key))
        groups[-1].rows.append(row)

    active = [v for v in views if not v.suppressed]
    counts = Counter(v.severity for v in active)
    by_cat: dict[int, Counter] = {}
    for v in active:
        by_cat.setdefault(v.cat, Counter())[v.severity] += 1
    by_category = [
        (c, _cat_name(c), {s: by_cat[c].get(s, 0) for s in SEVERITIES}, sum(by_cat[c].values()))
        for c in sorted(by_cat)
    ]

    mt = result.mt or {}
    status = mt.get("status")
    if status == "used":
        models = ", ".join(_model_name(m) for m in mt.get("models", []) or []) or "model unnamed"
        mt_text, mt_used = f"used ({models})", True
    elif status:
        mt_text, mt_used = f"{status}: {mt.get('reason') or 'no reason given'}", False
    else:
        mt_text, mt_used = "not run", False

    segdata: dict[str, dict[str, Any]] = {}
    wanted = {v.segment for v in views if v.segment}
    for seg in result.segments:
        if seg.id in wanted and seg.scores:
            segdata[seg.id] = {k: _json_value(val) for k, val in seg.scores.items()}

    tpath = rep.get("target_path") or target_doc.path
    spath = rep.get("source_path") if "source_path" in rep else (source_doc.path if source_doc else None)
    return DocView(
        index=d,
        html_id=f"d{d}",
        key=str(tpath) + (f"#{rep['id']}" if rep.get("id") else ""),
        title=Path(str(tpath)).name + (f"#{rep['id']}" if rep.get("id") else ""),
        target_path=str(tpath),
        source_path=str(spath) if spath else None,
        target_lang=rep.get("target_lang") or target_doc.lang,
        source_lang=rep.get("source_lang") or (source_doc.lang if source_doc else None),
        groups=groups,
        findings=views,
        counts={s: counts.get(s, 0) for s in SEVERITIES},
        by_category=by_category,
        suppressed=len(views) - len(active),
        mt=mt_text,
        mt_used=mt_used,
        notices=[str(n) for n in (rep.get("notices") if rep.get("notices") is not None else result.notices)],
        segdata=segdata,
        headline=_headline(target_doc),
    )


def _headline(doc) -> str:
    """The document's first sentence, shortened: how an editor recognises an article."""
    sentences = doc.sentences()
    if not sentences:
        return ""
    text = " ".join(sentences[0].text.split())
    return text if len(text) <= 90 else text[:89].rstrip() + "…"


def _model_name(m: Any) -> str:
    if isinstance(m, dict):
        return str(m.get("name") or m.get("id") or m.get("path") or json.dumps(m, sort_keys=True))
    return str(m)


def _json_value(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        f = float(v)
        return v if math.isfinite(f) else None
    try:
        f = float(v)
        return f if math.isfinite(f) else None
    except (TypeError, ValueError):
        return str(v)


class _Side:
    """One side (source or target) of a document: its text partitioned over the table cells."""

    def __init__(self, text: str, cells: list[tuple[int, list]], rows: list[Row], side: str, doc=None) -> None:
        self.text = text
        paragraphs = doc.paragraphs if doc is not None else []
        # in plain text and Markdown, short markup next to a sentence (``# ``, ``</a>``) is shown
        self.lightweight = doc is None or Path(str(doc.path)).suffix.lower() in (".txt", ".md", ".markdown", "")
        self.paragraphs = sorted((p.span.start, p.span.end) for p in paragraphs)
        self.para_starts = [a for a, _ in self.paragraphs]
        self.side = side
        self.rows = rows
        items = []
        for row_index, sentences in cells:
            if sentences:
                start = min(s.span.start for s in sentences)
                end = max(s.span.end for s in sentences)
            else:
                start, end = 0, len(text)
            items.append((start, end, row_index))
        items.sort(key=lambda t: (t[0], t[2]))
        self.cells = []  # (range start, range end, cover start, cover end, row index)
        prev = 0
        for k, (start, end, row_index) in enumerate(items):
            a = 0 if k == 0 else max(start, prev)
            b = len(text) if k == len(items) - 1 else max(items[k + 1][0], a)
            self.cells.append((a, b, max(start, a), min(max(end, a), b), row_index))
            prev = b
        self.starts = [c[0] for c in self.cells]
        self.spans: list[list[tuple[FindingView, int, int]]] = [[] for _ in self.cells]

    def _cell_at(self, pos: int) -> int | None:
        if not self.cells:
            return None
        k = bisect_right(self.starts, pos) - 1
        return max(k, 0)

    def row_at(self, pos: int) -> int | None:
        k = self._cell_at(pos)
        return None if k is None else self.cells[k][4]

    def add(self, view: FindingView, start: int, end: int) -> None:
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        k = self._cell_at(start)
        if k is None:
            return
        if start == end:
            self.spans[k].append((view, start, end))
            return
        while k < len(self.cells) and self.cells[k][0] < end:
            if self.cells[k][1] > start:
                self.spans[k].append((view, start, end))
            k += 1

    def build(self) -> None:
        for k, (a, b, ca, cb, row_index) in enumerate(self.cells):
            row = self.rows[row_index]
            cell = row.tgt if self.side == "tgt" else row.src
            if cell is None:
                continue
            spans = self.spans[k]
            lo = a if a >= ca or self._keep(a, ca, spans) else ca
            hi = b if cb >= b or self._keep(cb, b, spans) else cb
            cell.part = (self.text, lo, hi, ca, cb, spans)

    def _keep(self, x: int, y: int, spans: list[tuple[FindingView, int, int]]) -> bool:
        """Whether text between sentences is shown: whitespace, inline markup, or flagged text.

        Text inside a paragraph is shown, and in plain text and Markdown short one-line markup
        too; other text between paragraphs (code blocks, HTML/XML/JSON structure, the other
        language's elements in a bilingual file) is left out of the cell.
        """
        gap = self.text[x:y]
        if not gap.strip():
            return True
        if any((s < y and e > x) or (s == e and x <= s < y) for _, s, e in spans):
            return True
        lo = x + len(gap) - len(gap.lstrip())
        hi = y - (len(gap) - len(gap.rstrip()))
        if self.lightweight and hi - lo <= 40 and "\n" not in self.text[lo:hi]:
            return True
        k = bisect_right(self.para_starts, lo) - 1
        return k >= 0 and self.paragraphs[k][1] >= hi  # inline text inside one paragraph


def _chunks(text: str, a: int, b: int, ca: int, cb: int, spans: list[tuple[FindingView, int, int]]):
    """Split ``text[a:b]`` into plain, unchecked and highlighted runs (flat, never nested)."""
    if not spans:  # most cells: the sentence text, perhaps with markup around it
        out = []
        for x, y, plain in ((a, min(ca, b), False), (max(ca, a), min(cb, b), True), (max(cb, a), b, False)):
            if x < y:
                piece = text[x:y]
                out.append((piece, None, None if plain or not piece.strip() else "u"))
        return out or [("", None, None)]
    bounds = {a, b, ca, cb}
    opening: dict[int, list[FindingView]] = {}  # a span's views by where it starts and ends inside [a, b]
    closing: dict[int, list[FindingView]] = {}
    length: dict[int, int] = {}
    heads: dict[int, set[int]] = {}
    zero: dict[int, list[FindingView]] = {}
    for v, s, e in spans:
        lo, hi = min(max(s, a), b), min(max(e, a), b)
        bounds.update((lo, hi))
        length.setdefault(v.n, e - s)
        heads.setdefault(s, set()).add(v.n)
        if s == e:
            zero.setdefault(s, []).append(v)
        elif lo < hi:
            opening.setdefault(lo, []).append(v)
            closing.setdefault(hi, []).append(v)
    points = sorted(bounds)
    out: list[tuple[str, str | None, str | None]] = []

    def emit_zero(pos: int) -> None:
        for v in zero.pop(pos, []):
            out.append(("", str(v.n), _mark_class([v], {v.n}, v.suppressed) + " z"))

    covering: dict[int, FindingView] = {}  # the spans over the run from x, kept as the sweep moves
    for x, y in zip(points, points[1:]):
        emit_zero(x)
        for v in closing.get(x, ()):
            del covering[v.n]
        for v in opening.get(x, ()):
            covering[v.n] = v
        piece = text[x:y]
        if covering:
            active = sorted(covering.values(), key=lambda v: (-SEV_RANK[v.severity], length[v.n], v.n))
            out.append((piece, " ".join(str(v.n) for v in active), _mark_class(active, heads.get(x, set()), all(v.suppressed for v in active))))
        elif (x < ca or x >= cb) and piece.strip():
            out.append((piece, None, "u"))
        elif out and out[-1][1] is None and out[-1][2] is None:
            out[-1] = (out[-1][0] + piece, None, None)
        else:
            out.append((piece, None, None))
    for pos in sorted(zero):
        emit_zero(pos)
    if not out:
        out.append(("", None, None))
    return out


def _mark_class(active: list[FindingView], heads: set[int], suppressed: bool) -> str:
    top = active[0]
    cls = f"c{top.cat} s{SEV_CODE[top.severity]}"
    if any(v.n in heads for v in active):
        cls += " h"
    if len(active) > 1:
        cls += " x"
    if suppressed:
        cls += " sup"
    return cls
