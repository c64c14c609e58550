"""Which of a table's literals a text holds, in one Aho–Corasick pass (``pyahocorasick``)
rather than one substring search per literal."""

from __future__ import annotations

import functools

import ahocorasick


@functools.cache
def _automaton(literals: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for k, literal in enumerate(literals):
        automaton.add_word(literal, k)
    automaton.make_automaton()
    return automaton


def held(literals: tuple[str, ...], text: str) -> list[int]:
    """The indices of the distinct, non-empty ``literals`` that ``text`` holds, in order."""
    return sorted({k for _, k in _automaton(literals).iter(text)}) if literals else []
