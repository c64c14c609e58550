"""Hand-built check results for the HTML report tests (no pipeline needed).

``make_result`` turns a source/target text pair into a DocumentResult: paragraphs split on
blank lines, sentences on final punctuation, sentences paired 1-1 inside each paragraph
(extra sentences become omission/addition beads). Findings are given as dicts naming the
flagged text (``target="said said"``, optionally ``nth``) or explicit offsets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mtcheck.model import Document, DocumentResult, Finding, Paragraph, Segment, Sentence, Severity, Span

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

_SENT = re.compile(r"\S.*?(?:[.!?…]+[»”\"’)]*(?=\s|$)|$)", re.S)


def make_document(path: str, text: str, lang: str) -> Document:
    doc = Document(path=path, text=text, lang=lang)
    for n, m in enumerate(re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*$)", text, re.S), 1):
        para = Paragraph(index=n, span=Span(m.start(), m.end()), text=m.group())
        for k, s in enumerate(_SENT.finditer(m.group()), 1):
            sent_text = s.group().rstrip()
            para.sentences.append(
                Sentence(paragraph=para, start=s.start(), end=s.start() + len(sent_text), n=k)
            )
        doc.paragraphs.append(para)
    return doc


def pair_segments(source: Document | None, target: Document, drop: dict[str, list[int]] | None = None) -> list[Segment]:
    """1-1 beads per paragraph; ``drop={"p2": [1]}`` makes source sentence 2 (0-based 1) of p2 an omission."""
    segments: list[Segment] = []
    for i, tp in enumerate(target.paragraphs):
        sp = source.paragraphs[i] if source is not None and i < len(source.paragraphs) else None
        src = list(sp.sentences) if sp else []
        omitted = {k for k in (drop or {}).get(f"p{tp.index}", [])}
        beads: list[tuple[list, list]] = []
        tgt = list(tp.sentences)
        si = ti = 0
        while si < len(src) or ti < len(tgt):
            if si < len(src) and (si in omitted or ti >= len(tgt)):
                beads.append(([src[si]], []))
                si += 1
            elif ti < len(tgt) and si >= len(src):
                beads.append(([], [tgt[ti]]))
                ti += 1
            else:
                beads.append(([src[si]], [tgt[ti]]))
                si += 1
                ti += 1
        for n, (s, t) in enumerate(beads, 1):
            segments.append(Segment(id=f"p{tp.index}.s{n}", source=s, target=t))
    return segments


def _locate(text: str, needle: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


def make_result(
    target_text: str,
    source_text: str | None,
    findings: list[dict[str, Any]],
    *,
    target_path: str = "story.en.txt",
    source_path: str = "story.fr.txt",
    drop: dict[str, list[int]] | None = None,
    mt: dict | None = None,
    scores: dict[str, dict] | None = None,
) -> DocumentResult:
    target = make_document(target_path, target_text, "en")
    source = make_document(source_path, source_text, "fr") if source_text is not None else None
    segments = pair_segments(source, target, drop)
    for seg in segments:
        seg.scores.update((scores or {}).get(seg.id, {}))
    out = []
    for k, spec in enumerate(findings):
        tspan = spec.get("target_span")
        if tspan is None and spec.get("target") is not None:
            tspan = _locate(target_text, spec["target"], spec.get("nth", 0))
        sspan = spec.get("source_span")
        if sspan is None and spec.get("source") is not None:
            sspan = _locate(source_text or "", spec["source"], spec.get("source_nth", 0))
        seg_id = spec.get("segment")
        if seg_id is None:
            pos = tspan.start if tspan is not None else (sspan.start if sspan is not None else None)
            side = "target" if tspan is not None else "source"
            for seg in segments:
                sents = getattr(seg, side)
                if pos is not None and sents and sents[0].span.start <= pos <= sents[-1].span.end:
                    seg_id = seg.id
                    break
        out.append(
            Finding(
                rule=spec.get("rule", "test-rule"),
                category=spec.get("category", "fluency/repetition"),
                severity=Severity(spec.get("severity", "warning")),
                message=spec.get("message", f"finding {k}"),
                target=tspan,
                source=sspan,
                segment=seg_id,
                suggestion=spec.get("suggestion"),
                suppressed=spec.get("suppressed", False),
                id=spec.get("id", f"fp{k:04d}"),
            )
        )
    result = DocumentResult(target, source, segments, out, notices=[], mt=mt or {"status": "skipped", "reason": "disabled (--no-mt)"})
    if hasattr(result, "src_lang"):
        result.src_lang = "fr" if source is not None else ""
        result.tgt_lang = "en"
    return result


def fallback_report(results: list[DocumentResult]) -> dict:
    """``mtcheck.report/1`` from results, as the core's build_report writes it."""
    def span(s, text):
        return None if s is None else {"start": s.start, "end": s.end, "text": text[s.start : s.end]}

    docs = []
    summary = {"documents": len(results), "error": 0, "warning": 0, "info": 0}
    for r in results:
        fs = []
        for f in r.findings:
            d = {
                "id": f.id, "rule": f.rule, "category": f.category, "severity": f.severity.value,
                "message": f.message, "target": span(f.target, r.target.text),
                "source": span(f.source, r.source.text) if r.source and f.source else None,
                "segment": f.segment, "suggestion": f.suggestion,
            }
            if f.suppressed:
                d["suppressed"] = True
            else:
                summary[f.severity.value] += 1
            fs.append(d)
        docs.append({
            "target_path": r.target.path, "source_path": r.source.path if r.source else None,
            "target_lang": r.target.lang, "source_lang": r.source.lang if r.source else "fr",
            "segments": [
                {"id": s.id, "target": None if s.target_span is None else {"start": s.target_span.start, "end": s.target_span.end},
                 "source": None if s.source_span is None else {"start": s.source_span.start, "end": s.source_span.end},
                 "scores": s.scores}
                for s in r.segments
            ],
            "findings": fs, "notices": list(r.notices),
        })
    return {"schema": "mtcheck.report/1", "tool": {"name": "mtcheck", "version": "test"}, "documents": docs, "summary": summary}


def build_report(results: list[DocumentResult]) -> dict:
    try:
        from mtcheck.report.json import build_report as core
    except ImportError:
        return fallback_report(results)
    return core(results)


# ---------------------------------------------------------------- canned cases

SEED_TARGET = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8") if (SAMPLES / "putin-xi-summit.en.txt").exists() else ""
SEED_SOURCE = (SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8") if (SAMPLES / "putin-xi-summit.fr.txt").exists() else ""


def seed_result() -> DocumentResult:
    """The seed pair with the planted problems flagged by hand, plus overlapping and cross-sentence spans."""
    return make_result(
        SEED_TARGET,
        SEED_SOURCE,
        [
            {"target": "grow stronger. »", "rule": "punctuation-quotes", "category": "fluency/punctuation", "severity": "error",
             "message": "Mismatched quotes: “ closed by »", "suggestion": "grow stronger.”"},
            {"target": "»", "rule": "guillemets", "category": "fluency/punctuation", "severity": "warning",
             "message": "French guillemet in English text", "suggestion": "”"},
            {"target": "kyiv", "rule": "casing", "category": "fluency/casing", "severity": "error",
             "message": "“kyiv” is capitalised elsewhere", "suggestion": "Kyiv", "source": "Kiev"},
            {"target": "said said", "rule": "duplicate-word", "category": "fluency/repetition", "severity": "error",
             "message": "Repeated word “said”", "suggestion": "said"},
            {"target": "Consult our file: War in Ukraine", "rule": "leftover", "category": "other/leftover", "severity": "error",
             "message": "CMS boilerplate left in the article", "source": "Consultez notre dossier"},
            {"target": "5.5 billion dollars (5.1 billion euros)", "rule": "number-format", "category": "locale/format",
             "severity": "info", "message": "Check currency style"},
            {"target": "5.5", "rule": "numbers", "category": "accuracy/number", "severity": "warning",
             "message": "Number check", "source": "5,5"},
            {"target": "credible. Washington even", "rule": "cross", "category": "style/calque", "severity": "info",
             "message": "A span across two sentences"},
            {"target": "Then he was welcomed by Russian President Vladimir Putin", "rule": "mistranslation",
             "category": "accuracy/mistranslation", "severity": "warning", "message": "Inverted roles"},
            {"target": "welcomed by Russian President", "rule": "calque", "category": "style/calque", "severity": "info",
             "message": "Overlapping finding", "suppressed": True},
        ],
    )


XSS = [
    "<script>window.__xss=1;alert(1)</script>",
    "<img src=x onerror=\"window.__xss=2;alert(2)\">",
    "</textarea><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "\"><iframe src=javascript:alert(5)>",
    "{{ 7*7 }} {% raw %} &amp; &lt;b&gt; <!-- -->",
]


def xss_result() -> DocumentResult:
    target = (
        "The minister said said <script>window.__xss=1;alert(1)</script> on Tuesday.\n\n"
        "A photo <img src=x onerror=\"window.__xss=2;alert(2)\"> was shown. Then </textarea><svg onload=alert(3)> appeared.\n\n"
        "Code </script><script>alert(4)</script> and \"><iframe src=javascript:alert(5)> here. {{ 7*7 }} {% raw %} &amp; &lt;b&gt; <!-- -->\n"
    )
    source = (
        "Le ministre a dit <script>window.__xss=1;alert(1)</script> mardi.\n\n"
        "Une photo <img src=x onerror=\"window.__xss=2;alert(2)\"> a été montrée. Puis </textarea><svg onload=alert(3)> est apparu.\n\n"
        "Code </script><script>alert(4)</script> et \"><iframe src=javascript:alert(5)> ici. {{ 7*7 }} {% raw %} &amp; &lt;b&gt; <!-- -->\n"
    )
    return make_result(
        target,
        source,
        [
            {"target": "said said <script>", "message": "<b>bold</b> message </li></ol><script>alert(6)</script>",
             "suggestion": "<img src=x onerror=alert(7)>", "severity": "error"},
            {"target": "<img src=x onerror=\"window.__xss=2;alert(2)\">", "category": "other/leftover", "source": "<img src=x",
             "message": "Leftover markup </textarea>"},
            {"target": "</script><script>alert(4)</script>", "category": "accuracy/untranslated", "severity": "info",
             "message": "x\u2028y\u2029z </script>"},
        ],
        target_path="<script>alert('path')</script>.en.txt",
        source_path="xss\"><b>.fr.txt",
        scores={"p1.s1": {"mt_forward": "</script><script>alert(8)</script>", "chrf_forward": 0.5}},
    )
