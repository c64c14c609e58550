"""Dynamic-programming alignment of two sequences of texts (Gale & Church 1993, plus anchors).

Beads are 1-1, 1-2, 2-1, 1-0 and 0-1. A bead's cost is the negative log prior of its kind,
the Gale–Church length cost, and ``weight × (1 − similarity)`` from a pluggable scorer; a
1-2 or 2-1 bead pays extra when one of its two sentences shares nothing with the other side
(a sentence added or dropped next to a faithful one, rather than a split or a merge), or, for
paragraphs, when one of them adds nothing to what its neighbour already matches.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from mtcheck.align.scorers import Scorer

Coverage = Callable[[str, str], tuple[float, float]]

BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045}
_PRIOR_COST = {bead: -math.log(p) for bead, p in PRIORS.items()}
# A cell's incoming beads, cheapest first, each with the rank of the cell it comes from (row by row)
# and its prior cost.
_PULL = tuple((order, di, dj, _PRIOR_COST[(di, dj)]) for order, di, dj in ((3, 1, 0), (4, 0, 1), (2, 1, 1), (0, 2, 1), (1, 1, 2)))


@dataclass(frozen=True)
class LengthModel:
    """Target characters per source character (``ratio``) and its variance per character."""

    ratio: float = 1.0
    variance: float = 6.8


@dataclass(frozen=True)
class Weights:
    """Cost weights, tuned on newstest2014's French-original documents with ``bench/precision.py``
    (clean references and injected dropped/added sentences); ``orphan_cover``, ``orphan_gain``,
    ``unrelated`` and ``headline_body`` with ``bench/precision_pairs.py`` on every pair."""

    similarity: float = 8.0
    skip: float = 4.0  # dissimilarity charged to a 1-0 or 0-1 bead
    orphan: float = 6.0  # charged to a 1-2 or 2-1 bead when one of its two sentences barely matches the other side
    orphan_below: float = 0.3  # "barely": similarity under this
    orphan_cover: float | None = 0.2  # "barely", given a coverage: under this share of the part's words found on the other side
    orphan_zero: float = 1.0  # the orphan charge's factor for a part that shares nothing with the other side
    headline_merge: float = 0.0  # charged to a 1-2 or 2-1 bead one of whose units has no final punctuation
    orphan_gain: float | None = None  # given a coverage, ``orphan`` is charged to a 2-1 or 1-2 bead whose weaker part adds less than this
    unrelated: float = 0.0  # charged to a 1-1 bead of two units of ``long`` characters or more that share nothing
    long: int = 100
    headline_body: float = 0.0  # charged to a 1-1 bead that pairs a unit without final punctuation with one that has it
    band: int = 20  # how far beyond |n - m| from the diagonal the path may wander


# Paragraphs: a headline or crosshead (no final punctuation) is dropped more often than merged, and
# translated by a headline; a paragraph that shares nothing with its neighbour's translation, or
# adds nothing to what its neighbour matches, is dropped rather than merged; two long paragraphs
# that share no anchor at all are not each other's translation.
PARAGRAPH_WEIGHTS = Weights(
    headline_merge=4.0, headline_body=2.0, band=6, orphan_zero=2.0, orphan_cover=None, orphan_gain=0.1, unrelated=4.0
)
_FINAL = re.compile(r"[.!?…:;»”\"’')\]]\s*$")


def _orphan_cost(similarity: float, weights: Weights, below: float) -> float:
    """What a 1-2 or 2-1 bead pays for a part that barely matches the other side (``orphan_zero``
    times as much for a part that matches nothing at all: a dropped or added paragraph, not a split)."""
    if similarity >= below:
        return 0.0
    return weights.orphan * (weights.orphan_zero if similarity == 0 else 1)


def _least_gain(src: list[str], tgt: list[str], coverage: Coverage) -> float:
    """What the weaker part of a 2-1 or 1-2 bead adds: the share of the other side's words that
    the merged parts find, less the share its neighbour finds alone (a paragraph dropped beside
    one that says much the same adds little; each half of a real merge adds its own words)."""
    side = 1 if len(src) == 2 else 0  # the single side, whose words the parts find
    parts, whole = (src, " ".join(tgt)) if side else (tgt, " ".join(src))

    def share(text: str) -> float:
        return coverage(*((text, whole) if side else (whole, text)))[side]

    return share(" ".join(parts)) - max(share(part) for part in parts)


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
    coverage: Coverage | None = None,
) -> list[tuple[list[int], list[int], float]]:
    """The cheapest bead sequence: ``(source indices, target indices, similarity)`` triples.

    ``coverage`` (source, target) → the share of each side's words found on the other side.
    With it and ``weights.orphan_cover`` (sentences), a 2-1 or 1-2 bead's orphan test asks how
    much of the part finds a counterpart (a sentence split in two keeps its words on both
    halves' side); otherwise it takes the part's similarity to the whole other side, diluted by
    the other side's length. ``weights.orphan_gain`` (paragraphs) needs it too.

    No cost is negative (weights are, similarities lie in ``[0, 1]``): a bead stops being
    costed as soon as what it has cost so far cannot beat its cell's best."""
    n, m = len(src), len(tgt)
    if n > 1 or m > 1:  # a 2-1 or 1-2 bead's orphan test rescores its 1-1 pairs
        scorer = functools.cache(scorer)
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
    src_len, tgt_len = [len(u) for u in src], [len(u) for u in tgt]

    def bead_cost(i: int, j: int, di: int, dj: int, start: float, best: float, later: bool) -> tuple[float, float] | None:
        """The cost and similarity of the bead ``(di, dj)`` from cell ``(i, j)``, or ``None`` as
        soon as its cost so far cannot win (the charges after it only add): its total ``start +
        cost`` must stay under ``best``, or equal it when the bead comes from an earlier cell."""
        ii, jj = i + di, j + dj
        ls = src_len[i] if di == 1 else src_len[i] + src_len[i + 1] + 1  # the lengths of the joined texts
        lt = tgt_len[j] if dj == 1 else tgt_len[j] + tgt_len[j + 1] + 1
        c = _length_cost(ls, lt, length)
        if start + c > best or (later and start + c == best):  # a similarity in [0, 1] only adds
            return None
        s_text = src[i] if di == 1 else " ".join(src[i:ii])
        t_text = tgt[j] if dj == 1 else " ".join(tgt[j:jj])
        sim = scorer(s_text, t_text)
        c += weights.similarity * (1 - sim)
        if start + c > best or (later and start + c == best):
            return None
        if di == 2:
            c += _orphan_cost(min(src_part(part, t_text) for part in src[i:ii]), weights, below)
        if dj == 2:
            c += _orphan_cost(min(tgt_part(s_text, part) for part in tgt[j:jj]), weights, below)
        if weights.unrelated and sim == 0 and min(len(s_text), len(t_text)) >= weights.long:
            c += weights.unrelated
        if weights.headline_body and di == dj == 1 and final[0][i] != final[1][j]:
            c += weights.headline_body
        if weights.headline_merge and (di == 2 or dj == 2):
            if not all(final[0][i:ii]) or not all(final[1][j:jj]):
                c += weights.headline_merge
        if (
            weights.orphan_gain is not None
            and coverage is not None
            and (di == 2 or dj == 2)
            and not (start + c > best or (later and start + c == best))
            and _least_gain(src[i:ii], tgt[j:jj], coverage) < weights.orphan_gain
        ):
            c += weights.orphan
        return c, sim

    inf = float("inf")
    band = abs(n - m) + weights.band  # the path stays near the diagonal: skips only widen it by |n - m|
    centres = [i * m // n if n else 0 for i in range(n + 1)]
    lo = [max(0, c - band) for c in centres]  # the cells a path may leave from, row by row
    hi = [min(m, c + band) for c in centres]
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    # Each cell takes its cheapest incoming bead; a tie goes to the bead from the earliest cell
    # (row by row), as when every cell pushed its beads forward in order. The cheap beads are
    # costed first, so that a 2-1 or 1-2 bead stops as soon as it cannot win.
    for ii in range(n + 1):
        for jj in range(lo[max(0, ii - 2)], min(m, hi[ii] + 2) + 1):  # lo and hi never decrease
            best, rank, step = inf, len(_PULL), None
            for order, di, dj, prior in _PULL:
                i, j = ii - di, jj - dj
                if i < 0 or j < lo[i] or j > hi[i] or (base := cost[i][j]) == inf:
                    continue
                start = base + prior
                if start > best or (start == best and order > rank):
                    continue  # no cost is negative: it cannot win
                if di and dj:
                    costed = bead_cost(i, j, di, dj, start, best, order > rank)
                    if costed is None:
                        continue
                    c, sim = costed
                else:
                    c, sim = weights.skip, 0.0
                total = start + c
                if total < best or (total == best and order < rank):
                    best, rank, step = total, order, (di, dj, sim)
            if step is not None:
                cost[ii][jj], back[ii][jj] = best, step
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
