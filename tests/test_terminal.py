"""Escaping for the terminal: control characters and lone surrogates shown, printable text untouched."""

from __future__ import annotations

import random
import re

from mtcheck.terminal import escape_controls, has_controls

_ALL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # what the escapes cover, searched in every text


def test_controls_and_surrogates_are_escaped_printable_text_kept_as_is():
    assert escape_controls("a\x1b[2Jb\tc\n\x85\udcff") == "a\\x1b[2Jb\tc\n\\x85\\xff"
    assert escape_controls("a\tb\nc\u2028", newlines=True) == "a\\x09b\\x0ac\u2028"
    text = "Le « ministre » a dit : “oui” — 4,5\u00a0% ’"
    assert escape_controls(text) == text and escape_controls(text, newlines=True) == text
    assert not has_controls("news/a.en.txt") and not has_controls("a\u00a0b") and has_controls("a\nb") and has_controls("\ud800")


def test_the_printable_shortcut_changes_nothing_on_random_text():
    rng = random.Random(10)
    pools = [(0, 0x100), (0x2000, 0x2030), (0xD700, 0xE100), (0, 0x110000)]
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(rng.randrange(12)))
        assert has_controls(text) == bool(_ALL.search(text))
        for newlines in (False, True):
            keep = "" if newlines else "\t\n"
            expected = _ALL.sub(lambda m: m.group() if m.group() in keep else escape_controls(m.group(), newlines=True), text)
            assert escape_controls(text, newlines=newlines) == expected
