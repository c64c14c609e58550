"""Time and peak memory of ``mtcheck check`` as inputs grow to the 20 MiB size limit.

For each kind of input (plain text with its source, an HTML page, a JSON Lines export, an
XLIFF 2.0 file, and a text of 100,000 one-sentence paragraphs) and each size (1, 2, 5, 10,
20 MiB by default), a file is built in a temporary folder from the seed article
(``samples/putin-xi-summit.*.txt``, planted errors included, so findings grow with the size)
and ``python -m mtcheck check FILE --no-mt -f FORMAT -o FILE`` runs as a subprocess (the report
written beside the input, through the temporary file renamed at the end; ``--format``: json by
default, several formats measure each on the same file). The
table gives wall seconds, the child's CPU seconds (user + system: on a shared machine the
figure to compare), its peak resident memory (``wait4``'s ``ru_maxrss``) and that memory
divided by the target file's size (``× input``) and by the size of every file read, the
source beside a text or JSON Lines target included (``× all``), then the time ratios of the
largest size to 2 MiB.
Every run reads the derived data from a private cache folder warmed by one check of the seed
first (the shared cache, churned by other checkouts, made some runs rebuild it: +40 MiB).
Targets (issue 12): time linear (20 MiB ≤ 10× the 2 MiB time), memory ≤ 20× the input.

    python bench/scaling.py                       # every kind, 1 2 5 10 20 MiB (several minutes)
    python bench/scaling.py --kinds text html --sizes 1 2
    python bench/scaling.py --kinds text --sizes 20 --format text concise json html sarif junit
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_EN = (REPO / "samples" / "putin-xi-summit.en.txt").read_text(encoding="utf-8")
SEED_FR = (REPO / "samples" / "putin-xi-summit.fr.txt").read_text(encoding="utf-8")
MIB = 2**20


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _repeat(make, size: int) -> list[str]:
    """Pieces ``make(k)`` for k = 0, 1, … until their UTF-8 size reaches ``size`` bytes."""
    out, total, k = [], 0, 0
    while total < size:
        piece = make(k)
        out.append(piece)
        total += len(piece.encode("utf-8"))
        k += 1
    return out


def build(kind: str, size: int, folder: Path) -> Path:
    """The target file of ``kind`` of about ``size`` bytes (and its source beside it)."""
    en, fr = _paragraphs(SEED_EN), _paragraphs(SEED_FR)
    if kind == "text":  # sized so that the source, the longer file (French), stays within the size too
        tgt = "\n\n".join(_repeat(lambda k: SEED_EN.strip() + "\n\n", size * len(SEED_EN.encode()) // max(len(SEED_EN.encode()), len(SEED_FR.encode()))))
        n = tgt.count(SEED_EN.strip())
        (folder / "story.fr.txt").write_text("\n\n".join([SEED_FR.strip()] * n), encoding="utf-8")
        path = folder / "story.en.txt"
        path.write_text(tgt, encoding="utf-8")
    elif kind == "html":
        body = _repeat(lambda k: "".join(f"<p>{p}</p>\n" for p in en), size)
        path = folder / "page.en.html"
        path.write_text(f"<!DOCTYPE html><html><body><article>\n{''.join(body)}</article></body></html>\n", encoding="utf-8")
    elif kind == "jsonl":
        def line(k: int, paras: list[str]) -> str:
            return json.dumps({"id": f"a{k}", "title": paras[0], "body": "\n\n".join(paras[1:])}, ensure_ascii=False) + "\n"

        lines = _repeat(lambda k: line(k, en), size * len(line(0, en).encode()) // max(len(line(0, en).encode()), len(line(0, fr).encode())))
        (folder / "feed.fr.jsonl").write_text("".join(line(k, fr) for k in range(len(lines))), encoding="utf-8")
        path = folder / "feed.en.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
    elif kind == "xliff":
        def esc(t: str) -> str:
            return t.replace("&", "&amp;").replace("<", "&lt;")

        pairs = list(zip(fr, en))
        units = _repeat(
            lambda k: f'<unit id="u{k}"><segment><source>{esc(pairs[k % len(pairs)][0])}</source>'
            f"<target>{esc(pairs[k % len(pairs)][1])}</target></segment></unit>\n",
            size,
        )
        path = folder / "story.xlf"
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            f'srcLang="fr" trgLang="en"><file id="f1">\n{"".join(units)}</file></xliff>\n',
            encoding="utf-8",
        )
    elif kind == "paragraphs":  # 100,000 one-sentence paragraphs, whatever the size asked
        words = SEED_EN.split()
        path = folder / "many.en.txt"  # short paragraphs (5 words of the seed, planted doubles included)
        path.write_text("\n\n".join(" ".join(words[k % 900 : k % 900 + 5]) for k in range(100_000)) + "\n", encoding="utf-8")
    else:
        raise ValueError(kind)
    return path


def measure(path: Path, cache: str, fmt: str = "json") -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS in bytes and exit code of ``mtcheck check`` on ``path``
    writing a ``fmt`` report to ``report.out`` beside it."""
    cmd = [sys.executable, "-m", "mtcheck", "check", path.name, "--no-mt", "-f", fmt, "-o", "report.out", "-q"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "MTCHECK_CACHE_DIR": cache}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=path.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        print(f"  ! {path.name}: exit {proc.returncode}: {proc.stderr.read().decode(errors='replace').strip()[:300]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", nargs="+", default=["text", "html", "jsonl", "xliff", "paragraphs"])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 2, 5, 10, 20], help="MiB")
    parser.add_argument("--format", nargs="+", default=["json"], dest="formats", help="report formats (each measured)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mtcheck-scaling-cache-") as cache:
        with tempfile.TemporaryDirectory(prefix="mtcheck-scaling-") as tmp:  # warms the private cache
            for lang in ("en", "fr"):
                Path(tmp, f"seed.{lang}.txt").write_bytes((REPO / "samples" / f"putin-xi-summit.{lang}.txt").read_bytes())
            measure(Path(tmp, "seed.en.txt"), cache)
        run(args.kinds, args.sizes, args.formats, cache)


def run(kinds: list[str], sizes: list[float], formats: list[str], cache: str) -> None:
    print(f"{'input':<11} {'format':<8} {'MiB':>6} {'seconds':>8} {'CPU s':>8} {'peak MiB':>9} {'× input':>8} {'× all':>6}  exit")
    for kind in kinds:
        times: dict[tuple[str, float], float] = {}
        cpus: dict[tuple[str, float], float] = {}
        for mib in sizes if kind != "paragraphs" else [0]:
            with tempfile.TemporaryDirectory(prefix="mtcheck-scaling-") as tmp:
                path = build(kind, int(mib * MIB) - 65536, Path(tmp))  # under the limit by more than one piece and the wrapper
                real = path.stat().st_size / MIB
                everything = sum(f.stat().st_size for f in Path(tmp).iterdir()) / MIB
                for fmt in formats:
                    seconds, cpu, peak, code = measure(path, cache, fmt)
                    times[fmt, mib], cpus[fmt, mib] = seconds, cpu
                    print(f"{kind:<11} {fmt:<8} {real:6.2f} {seconds:8.2f} {cpu:8.2f} {peak / MIB:9.0f} {peak / MIB / real:8.1f} "
                          f"{peak / MIB / everything:6.1f}  {code}", flush=True)
        top = max(mib for _, mib in times)
        for fmt in formats:
            if (fmt, 2) in times and top > 2:
                print(
                    f"{kind:<11} {fmt:<8} at {top:g} MiB / at 2 MiB: wall {times[fmt, top] / times[fmt, 2]:.1f}, "
                    f"CPU {cpus[fmt, top] / cpus[fmt, 2]:.1f} (size ratio {top / 2:g})",
                    flush=True,
                )


if __name__ == "__main__":
    main()
