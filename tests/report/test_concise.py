"""The concise format: ``path:line:col: severity rule message``, one line per finding."""

from __future__ import annotations

import re

from mtcheck.pipeline import check_pair
from mtcheck.report import render
from tests.conftest import SAMPLES


def test_one_clickable_line_per_unsuppressed_finding():
    result = check_pair(SAMPLES / "putin-xi-summit.en.txt", settings={"mt": False})
    result.findings[0].suppressed = True
    lines = render("concise", [result]).splitlines()
    assert len(lines) == len(result.findings) - 1
    assert all(re.match(r"^\S+putin-xi-summit\.en\.txt:\d+:\d+: (error|warning|info) [a-z-]+ \S", line) for line in lines)
    assert any(line.endswith("Doubled word “said said”. (also calque)") for line in lines)
    text = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8").splitlines()
    kyiv = next(line for line in lines if " name-casing " in line)
    row, col = map(int, kyiv.split(": ")[0].split(":")[-2:])
    assert text[row - 1][col - 1 : col + 3] == "kyiv"
