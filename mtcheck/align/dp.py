"""Dynamic-programming alignment of two sequences of texts (Gale & Church 1993, plus anchors).

Beads are 1-1, 1-2, 2-1, 1-0 and 0-1. A bead's cost is the negative log prior of its kind,
the Gale–Church length cost, and ``weight × (1 − similarity)`` from a pluggable scorer; a
1-2 or 2-1 bead pays extra when one of its two sentences shares nothing with the other side
(a sentence added or dropped next to a faithful one, rather than a split or a merge).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass

from mtcheck.align.scorers import Scorer

BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045}


@dataclass(frozen=True)
class LengthModel:
    """Target characters per source character (``ratio``) and its variance per character."""

    ratio: float = 1.0
    variance: float = 6.8


@dataclass(frozen=True)
class Weights:
    """Cost weights, tuned on newstest2014's French-original documents with ``bench/precision.py``
    (clean references and injected dropped/added sentences)."""

    similarity: float = 8.0
    skip: float = 4.0  # dissimilarity charged to a 1-0 or 0-1 bead
    orphan: float = 6.0  # charged to a 1-2 or 2-1 bead when one of its two sentences barely matches the other side
    orphan_below: float = 0.3  # "barely": similarity under this
    orphan_zero: float = 1.0  # the orphan charge's factor for a part that shares nothing with the other side
    headline_merge: float = 0.0  # charged to a 1-2 or 2-1 bead one of whose units has no final punctuation
    band: int = 20  # how far beyond |n - m| from the diagonal the path may wander


# Paragraphs: a headline or crosshead (no final punctuation) is dropped more often than merged, and
# a paragraph that shares nothing with its neighbour's translation is dropped rather than merged.
PARAGRAPH_WEIGHTS = Weights(headline_merge=4.0, band=6, orphan_zero=2.0)
_FINAL = re.compile(r"[.!?…:;»”\"’')\]]\s*$")


def _orphan_cost(similarity: float, weights: Weights) -> float:
    """What a 1-2 or 2-1 bead pays for a part that barely matches the other side (``orphan_zero``
    times as much for a part that matches nothing at all: a dropped or added paragraph, not a split)."""
    if similarity >= weights.orphan_below:
        return 0.0
    return weights.orphan * (weights.orphan_zero if similarity == 0 else 1)


def _length_cost(ls: int, lt: int, model: LengthModel) -> float:
    mean = (ls + lt / model.ratio) / 2 or 1.0
    delta = (lt - ls * model.ratio) / math.sqrt(mean * model.variance)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2·(1 − Φ(|δ|))
    return -math.log(max(tail, 1e-12))


def align(
    src: list[str],
    tgt: list[str],
    scorer: Scorer,
    length: LengthModel = LengthModel(),
    weights: Weights = Weights(),
) -> list[tuple[list[int], list[int], float]]:
    """The cheapest bead sequence: ``(source indices, target indices, similarity)`` triples."""
    n, m = len(src), len(tgt)
    scorer = functools.cache(scorer)  # a 2-1 or 1-2 bead's orphan test rescores its 1-1 pairs
    final = [[bool(_FINAL.search(u)) for u in units] for units in (src, tgt)] if weights.headline_merge else [[], []]
    # Each unit and each two neighbours joined, built once (and hashed once by the scorer's cache).
    src_text = (None, src, [a + " " + b for a, b in itertools.pairwise(src)])
    tgt_text = (None, tgt, [a + " " + b for a, b in itertools.pairwise(tgt)])
    length_costs: dict[tuple[int, int], float] = {}
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    steps = [(di, dj, -math.log(PRIORS[(di, dj)])) for di, dj in BEADS]
    band = abs(n - m) + weights.band  # the path stays near the diagonal: skips only widen it by |n - m|
    for i in range(n + 1):
        centre = i * m // n if n else 0
        row = cost[i]
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            base = row[j]
            if base == inf:
                continue
            for di, dj, prior in steps:
                ii, jj = i + di, j + dj
                if ii > n or jj > m:
                    continue
                if di and dj:
                    s_text = src_text[di][i]
                    t_text = tgt_text[dj][j]
                    sim = scorer(s_text, t_text)
                    lengths = (len(s_text), len(t_text))
                    lc = length_costs.get(lengths)
                    if lc is None:
                        lc = length_costs[lengths] = _length_cost(*lengths, length)
                    c = lc + weights.similarity * (1 - sim)
                    if di == 2:
                        c += _orphan_cost(min(scorer(part, t_text) for part in src[i:ii]), weights)
                    if dj == 2:
                        c += _orphan_cost(min(scorer(s_text, part) for part in tgt[j:jj]), weights)
                    if weights.headline_merge and (di == 2 or dj == 2):
                        if not all(final[0][i:ii]) or not all(final[1][j:jj]):
                            c += weights.headline_merge
                else:
                    sim = 0.0
                    c = weights.skip
                total = base + prior + c
                if total < cost[ii][jj]:
                    cost[ii][jj] = total
                    back[ii][jj] = (di, dj, sim)
    beads = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj, sim = step
        beads.append((list(range(i - di, i)), list(range(j - dj, j)), sim))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
