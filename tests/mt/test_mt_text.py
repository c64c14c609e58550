"""Character offsets of prepared text (``mtcheck.mt.text.offset_map``)."""

from __future__ import annotations

import difflib

import pytest

from mtcheck.mt.text import _fold, offset_map


def _by_difflib(raw: str, prepared: str) -> list[int]:
    """The general alignment, as ``offset_map`` computes it when no shortcut applies."""
    folded, index = _fold(raw)
    index.append(len(raw))
    out = [0] * (len(prepared) + 1)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, folded, prepared, autojunk=False).get_opcodes():
        for j in range(j1, j2):
            k = i1 + (j - j1) if tag == "equal" else i1 + ((j - j1) * (i2 - i1)) // (j2 - j1) if tag == "replace" else i1
            out[j] = index[k]
    out[len(prepared)] = len(raw)
    return out


@pytest.mark.parametrize(
    ("raw", "prepared"),
    [
        ("Putin met Xi.", "Putin met Xi."),
        ("Putin met Xi.", " Putin met Xi."),  # SentencePiece's leading space
        ("Putin  said\u00a0“very fine” – in Kyiv’s", " Putin said \"very fine\" - in Kyiv's"),  # folded first
        ("Putin said “very fine”.", " Putin said « very fine »."),  # a real difference: difflib
        ("", ""),
        ("", " "),
        ("  ", " "),
    ],
)
def test_offset_map_shortcuts_agree_with_difflib(raw, prepared):
    assert offset_map(raw, prepared) == _by_difflib(raw, prepared)
