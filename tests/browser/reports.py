"""The reports the browser tests open: the real pipeline on the samples, plus hand-built edge cases."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mtcheck.report.html import render
from tests.report.html_fixtures import SAMPLES, build_report, make_result, seed_result, xss_result

SEED_TARGET = SAMPLES / "putin-xi-summit.en.txt"
XSS_TARGET = SAMPLES / "xss-payload.en.md"


def _check(target):
    from mtcheck.pipeline import check_pair

    try:  # show the path as an editor would type it, from the repository root
        target = target.relative_to(Path.cwd())
    except ValueError:
        pass
    return check_pair(str(target), settings={"mt": False})


@cache
def seed() -> tuple[str, dict]:
    """The seed pair through the real pipeline (no MT): (html, report)."""
    results = [_check(SEED_TARGET)]
    report = build_report(results)
    return render(results, report), report


@cache
def xss_sample() -> tuple[str, dict]:
    results = [_check(XSS_TARGET)]
    report = build_report(results)
    return render(results, report), report


@cache
def xss_handmade() -> tuple[str, dict]:
    results = [xss_result()]
    report = build_report(results)
    return render(results, report), report


@cache
def overlaps() -> tuple[str, dict]:
    """Overlapping, nested, cross-sentence and cross-paragraph spans, an omission, CRLF text, MT data."""
    target = "Alpha beta gamma. Delta epsilon zeta.\r\n\r\nEta theta iota kappa. Lambda mu."
    source = "Alpha bêta gamma. Delta epsilon zêta.\r\n\r\nÊta thêta iota kappa. Lambda mu. Nu xi."
    specs = [
        {"target": "beta gamma", "severity": "error", "message": "first", "suggestion": "beta-gamma"},
        {"target": "gamma. Delta", "severity": "warning", "category": "fluency/punctuation", "message": "crosses sentences"},
        {"target": "Delta epsilon zeta", "severity": "info", "category": "style/calque", "message": "outer"},
        {"target": "epsilon", "severity": "error", "category": "accuracy/name", "message": "nested", "source": "epsilon"},
        {"target": "zeta.\r\n\r\nEta", "severity": "info", "category": "locale/format", "message": "crosses paragraphs"},
        {"target": "kappa", "severity": "warning", "message": "last"},
        {"source": "Nu xi.", "severity": "error", "category": "accuracy/omission", "message": "omitted"},
    ]
    result = make_result(
        target, source, specs,
        mt={"status": "used", "models": ["opus-mt-fr-en", "opus-mt-en-fr"]},
        scores={"p1.s1": {"mt_forward": "Alpha beta-gamma.", "chrf_forward": 0.61234, "chrf_back": 0.5}},
    )
    report = build_report([result])
    return render([result], report), report


@cache
def two_documents() -> tuple[str, dict]:
    a = seed_result()
    b = make_result("Kyiv said said hello.", "Kiev a dit bonjour.", [{"target": "said said", "severity": "error"}],
                    target_path="b.en.txt", source_path="b.fr.txt")
    report = build_report([a, b])
    return render([a, b], report), report


@cache
def far_counterpart() -> tuple[str, dict]:
    """A finding whose source span sits many rows below its target span (a moved sentence)."""
    target = "\n\n".join(f"Paragraph {i} says something about topic number {i}." for i in range(1, 41))
    source = "\n\n".join(f"Le paragraphe {i} parle du sujet numéro {i}." for i in range(1, 41))
    result = make_result(target, source, [
        {"target": "Paragraph 1 says", "source": "Le paragraphe 40 parle", "category": "accuracy/mistranslation",
         "severity": "warning", "message": "moved"},
    ])
    report = build_report([result])
    return render([result], report), report
