"""Which of a table's literals a text holds, in one Aho–Corasick pass (``pyahocorasick``)
rather than one substring search per literal (calque table: 18 ms → 2.5 ms per pass over
newstest2014)."""

from __future__ import annotations

import functools

import ahocorasick


@functools.lru_cache(maxsize=64)  # tables and glossary sets: a few per process
def _automaton(literals: tuple[str, ...]) -> tuple[ahocorasick.Automaton | None, frozenset[int]]:
    """The automaton of the non-empty literals (``None`` without any), and the indices of the
    empty ones (held by any text)."""
    automaton = ahocorasick.Automaton()
    for k, literal in enumerate(literals):
        if literal:
            automaton.add_word(literal, k)
    if len(automaton):
        automaton.make_automaton()
    return automaton if len(automaton) else None, frozenset(k for k, literal in enumerate(literals) if not literal)


def held(literals: tuple[str, ...], text: str) -> list[int]:
    """The indices of the distinct ``literals`` that ``text`` holds, in order."""
    if not literals:
        return []
    automaton, empty = _automaton(literals)
    return sorted(empty.union(k for _, k in automaton.iter(text))) if automaton is not None else sorted(empty)
