"""Dynamic-programming alignment of two sequences of texts (Gale & Church 1993, plus anchors).

Beads are 1-1, 1-2, 2-1, 1-0 and 0-1. A bead's cost is the negative log prior of its kind,
the Gale–Church length cost, and ``weight × (1 − similarity)`` from a pluggable scorer; a
1-2 or 2-1 bead pays extra when one of its two sentences shares nothing with the other side
(a sentence added or dropped next to a faithful one, rather than a split or a merge), or, for
paragraphs, when one of them adds nothing to what its neighbour already matches.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import NamedTuple

from mtcheck import patterns
from mtcheck.align.scorers import Scorer

Coverage = Callable[[str, str], tuple[float, float]]

BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045}
_PRIOR_COST = {bead: -math.log(p) for bead, p in PRIORS.items()}
_BEADS_BY_RANK = ((2, 1), (1, 2), (1, 1), (1, 0), (0, 1))  # a tie between beads goes to the lower rank
_PRIORS_BY_RANK = tuple(_PRIOR_COST[bead] for bead in _BEADS_BY_RANK)


class LengthModel(NamedTuple):
    """Target characters per source character (``ratio``) and its variance per character."""

    ratio: float = 1.0
    variance: float = 6.8


class Weights(NamedTuple):
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
_FINAL = patterns.compile_re(r"[.!?…:;»”\"’')\]]\s*$")


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


_SQRT2 = math.sqrt(2)


def align_one(src: str, tgt: str, scorer: Scorer, length: LengthModel = LengthModel(), weights: Weights = Weights()) -> float | None:
    """:func:`align` of one unit with one: the similarity when the 1-1 bead wins, ``None`` when
    a skip each way does (the target unit first: 0-1 wins the tie, as in the programme)."""
    skip, ls, lt = weights.skip, len(src), len(tgt)
    p21, p12, p11, p10, p01 = _PRIORS_BY_RANK
    best, start = 0.0 + p01 + skip + p10 + skip, 0.0 + p11
    ratio, variance = length
    c = -math.log(t if (t := math.erfc(abs((lt - ls * ratio) / math.sqrt(((ls + lt / ratio) / 2 or 1.0) * variance)) / _SQRT2)) > 1e-12 else 1e-12)
    if start + c > best:
        return None
    headline = weights.headline_body if weights.headline_body and bool(_FINAL.search(src)) != bool(_FINAL.search(tgt)) else 0.0
    if start + (c + headline) > best:  # the similarity only adds
        return None
    sim = scorer(src, tgt)
    c += weights.similarity * (1 - sim)
    if weights.unrelated and sim == 0 and min(ls, lt) >= weights.long:
        c += weights.unrelated
    c += headline
    return sim if start + c <= best else None


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
    the other side's length. ``weights.orphan_gain`` (paragraphs) needs it too. Both are asked
    about the same pairs again (a 2-1 or 1-2 bead's parts): pass cached ones.

    No cost is negative (weights are, similarities lie in ``[0, 1]``): a bead stops being
    costed as soon as what it has cost so far cannot beat its cell's best."""
    n, m = len(src), len(tgt)
    ratio, variance = length.ratio, length.variance
    src_len, tgt_len = list(map(len, src)), list(map(len, tgt))
    final = [[bool(_FINAL.search(u)) for u in units] for units in (src, tgt)] if weights.headline_merge or weights.headline_body else [[], []]
    sim_weight, skip, unrelated, headline_body = weights.similarity, weights.skip, weights.unrelated, weights.headline_body
    sqrt, erfc, log, sqrt2 = math.sqrt, math.erfc, math.log, _SQRT2
    p21, p12, p11, p10, p01 = _PRIORS_BY_RANK

    def single(i: int, j: int, c: float, start: float, best: float) -> tuple[float, float] | None:
        """The cost and similarity of the 1-1 bead from cell ``(i, j)`` whose length costs ``c``,
        or ``None`` as soon as its total ``start + cost`` cannot stay within ``best``."""
        headline = headline_body if headline_body and final[0][i] != final[1][j] else 0.0
        if start + (c + headline) > best:  # the similarity only adds
            return None
        sim = scorer(src[i], tgt[j])
        c += sim_weight * (1 - sim)
        if unrelated and sim == 0 and min(src_len[i], tgt_len[j]) >= weights.long:
            c += unrelated
        c += headline
        return c, sim

    # The length cost is Gale and Church's: −log of the two-sided tail of
    # δ = (lt − ls·ratio) / √(mean · variance), written out where a bead is costed.
    if n == m == 1 and weights.band >= 1:
        sim = align_one(src[0], tgt[0], scorer, length, weights)
        return [([0], [0], sim)] if sim is not None else [([], [0], 0.0), ([0], [], 0.0)]

    if coverage is not None and weights.orphan_cover is not None:
        src_part = lambda part, whole: coverage(part, whole)[0]
        tgt_part = lambda whole, part: coverage(whole, part)[1]
        below = weights.orphan_cover
    else:
        src_part = tgt_part = scorer
        below = weights.orphan_below
    # Once per unit and per two neighbours (joined by a space): the length as the length cost
    # reads it (source × ratio, target ÷ ratio) and the joined text's length; the joined text
    # itself when a bead is scored (few are: most stop on their length and orphan costs).
    src_r, tgt_r = [ls * ratio for ls in src_len], [lt / ratio for lt in tgt_len]
    src2_len, tgt2_len = [a + 1 + b for a, b in itertools.pairwise(src_len)], [a + 1 + b for a, b in itertools.pairwise(tgt_len)]
    src2_r, tgt2_r = [ls * ratio for ls in src2_len], [lt / ratio for lt in tgt2_len]
    joined: tuple[dict[int, str], dict[int, str]] = ({}, {})  # neighbours joined so far, by first position

    def merged(i: int, j: int, di: int, c: float, start: float, best: float, later: bool) -> tuple[float, float] | None:
        """The cost and similarity of the 2-1 (``di`` 2) or 1-2 bead from cell ``(i, j)`` whose
        length costs ``c``, or ``None`` as soon as its total cannot win (``later``: a tie loses).
        The orphan and headline charges are known before the similarity, the orphan charge's
        least often from the first part alone: they often rule the bead out without scoring the
        other part or the joined text."""
        headline = weights.headline_merge if weights.headline_merge and not all(final[0][i : i + di] + final[1][j : j + 3 - di]) else 0.0
        first = src_part(src[i], tgt[j]) if di == 2 else tgt_part(src[i], tgt[j])
        if first < below:  # charged whatever the other part scores
            least_orphan = weights.orphan * (weights.orphan_zero if first == 0 else min(1.0, weights.orphan_zero))
            if (least := start + (c + least_orphan + headline)) > best or (later and least == best):
                return None
        second = src_part(src[i + 1], tgt[j]) if di == 2 else tgt_part(src[i], tgt[j + 1])
        orphan = _orphan_cost(min(first, second), weights, below)
        if (least := start + (c + orphan + headline)) > best or (later and least == best):
            return None
        if di == 2:
            s_text, t_text = joined[0].get(i) or joined[0].setdefault(i, f"{src[i]} {src[i + 1]}"), tgt[j]
        else:
            s_text, t_text = src[i], joined[1].get(j) or joined[1].setdefault(j, f"{tgt[j]} {tgt[j + 1]}")
        sim = scorer(s_text, t_text)
        c += sim_weight * (1 - sim)  # the charges added in the reference order: the same sum
        c += orphan
        if unrelated and sim == 0 and min(len(s_text), len(t_text)) >= weights.long:
            c += unrelated
        c += headline
        if (
            weights.orphan_gain is not None
            and coverage is not None
            and not (start + c > best or (later and start + c == best))
            and _least_gain(src[i : i + di], tgt[j : j + 3 - di], coverage) < weights.orphan_gain
        ):
            c += weights.orphan
        return c, sim

    inf = math.inf
    band = abs(n - m) + weights.band  # the path stays near the diagonal: skips only widen it by |n - m|
    centres = [i * m // n if n else 0 for i in range(n + 1)]
    lo = [max(0, c - band) for c in centres]  # the cells a path may leave from, row by row
    hi = [min(m, c + band) for c in centres]
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[5] * (m + 1) for _ in range(n + 1)]  # each cell's winning bead (its rank), and its similarity
    sims = [[0.0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    # With as many units each side, the one-to-one path's cost (plus a margin for the order of
    # the sums) caps every cell's worth costing: each unit of ``|(n − i) − (m − j)|`` still to
    # make up costs a cell at least a 2-1, 1-2 or skip bead on its way to (n, m), so a bead
    # dearer than the cap less that is on no cheapest path and is not costed (nor is a cell none
    # of whose beads is within it: it stays unreachable).
    ceiling = inf
    if n == m:
        ceiling = 0.0
        for k in range(n):
            c = -log(t if (t := erfc(abs((tgt_len[k] - src_r[k]) / sqrt(((src_len[k] + tgt_r[k]) / 2 or 1.0) * variance)) / sqrt2)) > 1e-12 else 1e-12)
            ceiling += p11 + single(k, k, c, 0.0, inf)[0]
        ceiling += 1e-6 + 1e-9 * ceiling
    step = min(p21, p12, p10 + skip, p01 + skip)
    # Each cell takes its cheapest incoming bead; a tie goes to the bead from the earliest cell,
    # row by row (``rank``: 2-1 0, 1-2 1, 1-1 2, 1-0 3, 0-1 4; 5 none yet), as when every cell
    # pushed its beads forward in order. The skips and the 1-1 bead are costed first, so that a
    # 2-1 or 1-2 bead stops as soon as it cannot win.
    for ii in range(n + 1):
        row, back_row, sims_row, lo0, hi0 = cost[ii], back[ii], sims[ii], lo[ii], hi[ii]
        up, lo1, hi1 = (cost[ii - 1], lo[ii - 1], hi[ii - 1]) if ii >= 1 else (row, 1, 0)  # no row above: an empty range
        up2, lo2, hi2 = (cost[ii - 2], lo[ii - 2], hi[ii - 2]) if ii >= 2 else (row, 1, 0)
        for jj in range(lo0 if ii else 1, hi0 + 1):  # a cell off its row's band leads nowhere ((n, m) is on it)
            best, rank, chosen = ceiling - step * abs(n - ii - m + jj), 5, 0.0
            if jj <= hi1 and (base := up[jj]) != inf and (total := base + p10 + skip) <= best:  # 1-0 (lo1 <= lo0 <= jj)
                best, rank = total, 3
            if jj > lo0 and (base := row[jj - 1]) != inf and (total := base + p01 + skip) < best:  # 0-1
                best, rank = total, 4
            i, j = ii - 1, jj - 1
            if lo1 <= j <= hi1 and (base := up[j]) != inf and (start := base + p11) <= best:  # 1-1
                c = -log(t if (t := erfc(abs((tgt_len[j] - src_r[i]) / sqrt(((src_len[i] + tgt_r[j]) / 2 or 1.0) * variance)) / sqrt2)) > 1e-12 else 1e-12)
                if start + c <= best and (costed := single(i, j, c, start, best)) and (total := start + costed[0]) <= best:
                    best, rank, chosen = total, 2, costed[1]
            i = ii - 2
            if lo2 <= j <= hi2 and (base := up2[j]) != inf and (start := base + p21) <= best:  # 2-1
                c = -log(t if (t := erfc(abs((tgt_len[j] - src2_r[i]) / sqrt(((src2_len[i] + tgt_r[j]) / 2 or 1.0) * variance)) / sqrt2)) > 1e-12 else 1e-12)
                if start + c <= best and (costed := merged(i, j, 2, c, start, best, False)) and (total := start + costed[0]) <= best:
                    best, rank, chosen = total, 0, costed[1]
            i, j, later = ii - 1, jj - 2, rank == 0  # a tie with the 2-1 bead goes to the 2-1 bead
            if lo1 <= j <= hi1 and (base := up[j]) != inf and ((start := base + p12) < best or (start == best and not later)):  # 1-2
                c = -log(t if (t := erfc(abs((tgt2_len[j] - src_r[i]) / sqrt(((src_len[i] + tgt2_r[j]) / 2 or 1.0) * variance)) / sqrt2)) > 1e-12 else 1e-12)
                if (
                    (start + c < best or (start + c == best and not later))
                    and (costed := merged(i, j, 1, c, start, best, later))
                    and ((total := start + costed[0]) < best or (total == best and not later))
                ):
                    best, rank, chosen = total, 1, costed[1]
            if rank < 5:
                row[jj], back_row[jj], sims_row[jj] = best, rank, chosen
    beads = []
    i, j = n, m
    while i or j:
        di, dj = _BEADS_BY_RANK[back[i][j]]
        beads.append((list(range(i - di, i)), list(range(j - dj, j)), sims[i][j]))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
