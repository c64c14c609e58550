"""Fuzzing at nightly size: the hypothesis properties of ``tests/hostile/test_properties.py``
(every reader, the segmenter, the aligner, the whole pipeline and ``fix``) run with many
more generated inputs than CI gives them, split evenly between the properties.

Prints, per property, the inputs tried, the seconds taken and whether it found a crash (an
exception other than a one-line input error, an offset outside the file, a ``fix`` that is
not idempotent), with hypothesis's shrunk example; then the total of crashes (target 0).

    python bench/fuzz.py --examples 100000      # nightly (about an hour on 2 cores)
    python bench/fuzz.py --examples 2000        # a quick look
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="generated inputs in all (default: 100000)")
    args = parser.parse_args()
    from tests.hostile import test_properties

    count = sum(name.startswith("test_") for name in dir(test_properties))
    per = -(-args.examples // count)  # at least the inputs asked for
    os.environ["MTCHECK_FUZZ_EXAMPLES"] = str(per)  # read when the properties are defined: define them again
    test_properties = importlib.reload(test_properties)
    properties = [getattr(test_properties, name) for name in dir(test_properties) if name.startswith("test_")]
    crashes = 0
    print(f"{len(properties)} properties × {per} generated inputs")
    for prop in properties:
        start = time.perf_counter()
        try:
            prop()
            verdict = "ok"
        except Exception as e:  # noqa: BLE001 - a crash found: report it and go on
            crashes += 1
            verdict = f"CRASH {type(e).__name__}: {' '.join(str(e).split())[:600]}"
        print(f"{prop.__name__:<58} {time.perf_counter() - start:8.1f} s  {verdict}", flush=True)
    print(f"crashes found: {crashes} in {per * len(properties)} generated inputs")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
