"""Line/column lookups: one index of line starts per text, the same answers as a scan."""

from __future__ import annotations

import random

from mtcheck.readers import line_col
from mtcheck.report.lines import Positions


def test_same_as_a_scan_from_the_start():
    rng = random.Random(12)
    text = "".join(rng.choice("ab \n\r") for _ in range(2000))
    position = Positions()
    assert [position(text, i) for i in range(len(text) + 3)] == [line_col(text, i) for i in range(len(text) + 3)]


def test_universal_line_breaks_count_a_lone_cr_and_crlf_once():
    position = Positions(universal=True)
    text = "a\r\nb\rc\nd"
    assert [position(text, i) for i in range(len(text) + 1)] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (3, 2), (4, 1), (4, 2)
    ]  # CRLF: the LF is still on line 1
    assert Positions()(text, text.index("c")) == (2, 3)  # LF only: the lone CR is a character of line 2


def test_one_index_per_text_shared_by_every_lookup():
    position = Positions()
    a, b = "x\ny\n" * 3, "".join(["z\n"] * 4)
    for _ in range(3):
        assert position(a, 3) == (2, 2) and position(b, 5) == (3, 2)
    assert len(position._starts) == 2
