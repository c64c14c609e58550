"""Benchmark the HTML editor report on a 2,000-sentence document.

Builds a long source/target pair by repeating the seed article (samples/putin-xi-summit.*)
until the target has 2,000 sentences, checks it with the real pipeline (no MT), then prints:

* render time of ``mtcheck.report.html.render`` (median of several runs);
* Chromium load to interactive: headless Debian Chromium opens the file from disk, time from
  navigation start to the report's ``mtcheck-ready`` mark (its script has run and wired up
  every control), measured in the page and from Python around ``goto`` (median);
* the latency of the first ``j`` and of one filter change on the long page;
* the HTML size against the JSON report (``--format json`` output, and compact JSON).

Targets (issue 5): load to interactive ≤ 1 s, HTML ≤ 3× the JSON. Exit status 1 if missed.

    python bench/html_report.py [--sentences 2000] [--runs 5] [--keep bench/out/long.html]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtcheck.report.html import render  # noqa: E402
from mtcheck.report.json import build_report  # noqa: E402
from mtcheck.report.json import render as render_json  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def long_pair(sentences: int, workdir: Path) -> tuple[Path, Path]:
    """The seed pair repeated (paragraph by paragraph) until the target has ``sentences`` sentences."""
    from mtcheck.pipeline import check_pair

    en = (ROOT / "samples" / "putin-xi-summit.en.txt").read_text(encoding="utf-8").strip()
    fr = (ROOT / "samples" / "putin-xi-summit.fr.txt").read_text(encoding="utf-8").strip()
    per_copy = sum(len(p.sentences) for p in check_pair(ROOT / "samples" / "putin-xi-summit.en.txt", settings={"mt": False}).target.paragraphs)
    en_paras, fr_paras = en.split("\n\n"), fr.split("\n\n")
    out_en, out_fr, count = [], [], 0
    while count < sentences:
        out_en.extend(en_paras)
        out_fr.extend(fr_paras)
        count += per_copy
    target = workdir / "long.en.txt"
    source = workdir / "long.fr.txt"
    target.write_text("\n\n".join(out_en) + "\n", encoding="utf-8")
    source.write_text("\n\n".join(out_fr) + "\n", encoding="utf-8")
    return target, source


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", help="also write the page here")
    args = ap.parse_args()

    from mtcheck.pipeline import check_pair

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        target, source = long_pair(args.sentences, tmpdir)
        t0 = time.perf_counter()
        result = check_pair(target, source, settings={"mt": False})
        check_s = time.perf_counter() - t0
        results = [result]
        n_sent = len(result.target.sentences())
        n_src = len(result.source.sentences()) if result.source else 0
        report = build_report(results)

        render_times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            html = render(results, report)
            render_times.append(time.perf_counter() - t0)
        json_text = render_json(results)
        compact = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
        html_b, json_b, compact_b = (len(s.encode("utf-8")) for s in (html, json_text, compact))

        page_path = tmpdir / "report.html"
        page_path.write_text(html, encoding="utf-8")
        if args.keep:
            Path(args.keep).parent.mkdir(parents=True, exist_ok=True)
            Path(args.keep).write_text(html, encoding="utf-8")

        load = browser_figures(page_path, args.runs)

    findings = report["documents"][0]["findings"]
    print(f"document: {n_sent} target sentences, {n_src} source sentences, {len(result.segments)} segments, "
          f"{len(findings)} findings ({sum(1 for f in findings if f['target'])} with a target span)")
    print(f"pipeline check (no MT, for reference): {check_s * 1000:.0f} ms")
    print(f"render (median of {args.runs}): {statistics.median(render_times) * 1000:.0f} ms")
    if load is None:
        print(f"chromium: {CHROMIUM} or playwright missing, load not measured")
    else:
        print(f"chromium load to interactive, in page (median of {args.runs}): {load['ready_ms']:.0f} ms "
              f"(DOMContentLoaded {load['dcl_ms']:.0f} ms, script init {load['init_ms']:.1f} ms)")
        print(f"chromium load to interactive, goto → ready from Python (median): {load['wall_ms']:.0f} ms")
        print(f"render + load to interactive: {statistics.median(render_times) * 1000 + load['wall_ms']:.0f} ms (target ≤ 1000 ms)")
        print(f"first j: {load['j_ms']:.1f} ms; one severity filter change: {load['filter_ms']:.1f} ms; search: {load['search_ms']:.1f} ms")
    print(f"HTML size: {html_b / 1024:.0f} KiB; JSON report (--format json, indented): {json_b / 1024:.0f} KiB → "
          f"{html_b / json_b:.2f}× (target ≤ 3×); compact JSON {compact_b / 1024:.0f} KiB → {html_b / compact_b:.2f}×")
    ok = html_b <= 3 * json_b and (load is None or statistics.median(render_times) * 1000 + load["wall_ms"] <= 1000)
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


def browser_figures(page_path: Path, runs: int) -> dict | None:
    if not Path(CHROMIUM).exists():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    ready, dcl, init, wall, jt, ft, st = [], [], [], [], [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(runs):
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            page = ctx.new_page()
            t0 = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="commit")
            page.wait_for_selector("html[data-ready='1']", state="attached")
            wall.append((time.perf_counter() - t0) * 1000)
            fig = page.evaluate("""() => {
                const nav = performance.getEntriesByType("navigation")[0];
                const m = performance.getEntriesByName("mtcheck-ready")[0];
                const s = performance.getEntriesByName("mtcheck-init")[0];
                return {ready: m ? m.startTime : NaN, dcl: nav.domContentLoadedEventEnd, init: m && s ? m.startTime - s.startTime : NaN};
            }""")
            ready.append(fig["ready"])
            dcl.append(fig["dcl"])
            init.append(fig["init"])
            jt.append(page.evaluate("""() => new Promise(res => {
                const t = performance.now();
                document.dispatchEvent(new KeyboardEvent("keydown", {key: "j", bubbles: true}));
                requestAnimationFrame(() => res(performance.now() - t)); })"""))
            ft.append(page.evaluate("""() => new Promise(res => {
                const box = document.querySelector("input[name=sev][value=info]") || document.querySelector("input[name=sev]");
                const t = performance.now();
                box.click();
                requestAnimationFrame(() => res(performance.now() - t)); })"""))
            st.append(page.evaluate("""() => new Promise(res => {
                const q = document.getElementById("q"); q.value = "putin";
                const t = performance.now();
                q.form.dispatchEvent(new Event("submit", {cancelable: true}));
                requestAnimationFrame(() => res(performance.now() - t)); })"""))
            ctx.close()
        browser.close()
    med = statistics.median
    return {"ready_ms": med(ready), "dcl_ms": med(dcl), "init_ms": med(init), "wall_ms": med(wall),
            "j_ms": med(jt), "filter_ms": med(ft), "search_ms": med(st)}


if __name__ == "__main__":
    sys.exit(main())
