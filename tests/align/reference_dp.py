"""The alignment programme as first written (every cell pushes each bead forward, every bead
fully costed): the oracle ``tests/align/test_dp.py`` compares ``mtcheck.align.dp.align`` with."""

from __future__ import annotations

import functools
import math

from mtcheck.align.dp import (
    _FINAL,
    BEADS,
    PRIORS,
    Coverage,
    LengthModel,
    Weights,
    _least_gain,
    _orphan_cost,
)
from mtcheck.align.scorers import Scorer


def _length_cost(ls: int, lt: int, model: LengthModel) -> float:
    mean = (ls + lt / model.ratio) / 2 or 1.0
    delta = (lt - ls * model.ratio) / math.sqrt(mean * model.variance)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2·(1 − Φ(|δ|))
    return -math.log(max(tail, 1e-12))


def reference_align(
    src: list[str],
    tgt: list[str],
    scorer: Scorer,
    length: LengthModel = LengthModel(),  # noqa: B008
    weights: Weights = Weights(),  # noqa: B008
    coverage: Coverage | None = None,
) -> list[tuple[list[int], list[int], float]]:
    """The cheapest bead sequence: ``(source indices, target indices, similarity)`` triples.

    ``coverage`` (source, target) → the share of each side's words found on the other side.
    With it and ``weights.orphan_cover`` (sentences), a 2-1 or 1-2 bead's orphan test asks how
    much of the part finds a counterpart (a sentence split in two keeps its words on both
    halves' side); otherwise it takes the part's similarity to the whole other side, diluted by
    the other side's length. ``weights.orphan_gain`` (paragraphs) needs it too."""
    n, m = len(src), len(tgt)
    scorer = functools.cache(scorer)  # a 2-1 or 1-2 bead's orphan test rescores its 1-1 pairs
    if coverage is not None:
        coverage = functools.cache(coverage)
    if coverage is not None and weights.orphan_cover is not None:
        src_part = lambda part, whole: coverage(part, whole)[0]
        tgt_part = lambda whole, part: coverage(whole, part)[1]
        below = weights.orphan_cover
    else:
        src_part = tgt_part = scorer
        below = weights.orphan_below
    final = [[bool(_FINAL.search(u)) for u in units] for units in (src, tgt)] if weights.headline_merge or weights.headline_body else [[], []]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    prior = {bead: -math.log(p) for bead, p in PRIORS.items()}
    band = abs(n - m) + weights.band  # the path stays near the diagonal: skips only widen it by |n - m|
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for di, dj in BEADS:
                ii, jj = i + di, j + dj
                if ii > n or jj > m:
                    continue
                if di and dj:
                    s_text = " ".join(src[i:ii])
                    t_text = " ".join(tgt[j:jj])
                    sim = scorer(s_text, t_text)
                    c = _length_cost(len(s_text), len(t_text), length) + weights.similarity * (1 - sim)
                    if di == 2:
                        c += _orphan_cost(min(src_part(part, t_text) for part in src[i:ii]), weights, below)
                    if dj == 2:
                        c += _orphan_cost(min(tgt_part(s_text, part) for part in tgt[j:jj]), weights, below)
                    if weights.unrelated and sim == 0 and min(len(s_text), len(t_text)) >= weights.long:
                        c += weights.unrelated
                    if weights.headline_body and di == dj == 1 and final[0][i] != final[1][j]:
                        c += weights.headline_body
                    if weights.headline_merge and (di == 2 or dj == 2):  # noqa: SIM102
                        if not all(final[0][i:ii]) or not all(final[1][j:jj]):
                            c += weights.headline_merge
                    if (
                        weights.orphan_gain is not None
                        and coverage is not None
                        and (di == 2 or dj == 2)
                        and _least_gain(src[i:ii], tgt[j:jj], coverage) < weights.orphan_gain
                    ):
                        c += weights.orphan
                else:
                    sim = 0.0
                    c = weights.skip
                total = base + prior[(di, dj)] + c
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
