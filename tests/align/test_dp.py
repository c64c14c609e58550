import random
import zlib

import pytest

from mtcheck.align.dp import PARAGRAPH_WEIGHTS, LengthModel, Weights, align, align_one
from mtcheck.align.scorers import anchor_scorer
from tests.align.reference_dp import reference_align

FR = ["le", "président", "Poutine", "a", "rencontré", "Xi", "Jinping", "à", "Pékin", "pour", "400", "milliards", "de", "gaz", "accord", "Sibérie", "maison"]
EN = ["the", "president", "Putin", "met", "Xi", "Jinping", "in", "Beijing", "for", "400", "billion", "gas", "deal", "Siberia", "house", "car"]
WEIGHTS = (Weights(), PARAGRAPH_WEIGHTS, Weights(band=1), Weights(orphan_cover=None))


def _units(rnd: random.Random, words: list[str], count: int) -> list[str]:
    return [" ".join(rnd.choices(words, k=rnd.randint(0, 12))) + rnd.choice([".", "", "!"]) for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_same_beads_as_the_reference_programme(seed):
    """Pruning beads that cannot win changes no alignment, similarity included."""
    rnd = random.Random(seed)
    scorer = anchor_scorer("fr", "en")
    for _ in range(60):
        src, tgt = _units(rnd, FR, rnd.randint(0, 9)), _units(rnd, EN, rnd.randint(0, 9))
        for weights in WEIGHTS:
            for coverage in (scorer.coverage, None):
                args = (src, tgt, scorer, LengthModel(1.1, 6.8), weights, coverage)
                assert align(*args) == reference_align(*args)


def _coarse(src: str, tgt: str) -> float:
    return (zlib.crc32(f"{src}|{tgt}".encode()) % 3) / 2


def _coarse_coverage(src: str, tgt: str) -> tuple[float, float]:
    return (zlib.crc32(src.encode()) % 3) / 2, (zlib.crc32(tgt.encode()) % 3) / 2


@pytest.mark.parametrize("seed", range(4))
def test_ties_go_to_the_same_bead(seed):
    """Equal units and a three-valued scorer make many paths cost the same: the same one wins."""
    rnd = random.Random(seed)
    for _ in range(60):
        src = ["a" * rnd.choice([5, 10]) for _ in range(rnd.randint(0, 8))]
        tgt = ["b" * rnd.choice([5, 10]) + rnd.choice(["", "."]) for _ in range(rnd.randint(0, 8))]
        for weights in WEIGHTS[:3]:
            for coverage in (_coarse_coverage, None):
                args = (src, tgt, _coarse, LengthModel(), weights, coverage)
                assert align(*args) == reference_align(*args)


@pytest.mark.parametrize("seed", range(4))
def test_equal_counts_capped_by_the_one_to_one_path_give_the_same_beads(seed):
    """As many units each side (the one-to-one path's cost caps the cells costed): the same
    beads as the reference, ties and skips included."""
    rnd = random.Random(seed)
    scorer = anchor_scorer("fr", "en")
    for _ in range(60):
        count = rnd.randint(0, 9)
        src, tgt = _units(rnd, FR, count), _units(rnd, EN, count)
        if rnd.random() < 0.5:  # a shifted pair of sides: off-diagonal paths win
            src = src[1:] + src[:1]
        for weights in WEIGHTS:
            for coverage in (scorer.coverage, None):
                args = (src, tgt, scorer, LengthModel(1.1, 6.8), weights, coverage)
                assert align(*args) == reference_align(*args)
        units = ["a" * rnd.choice([5, 10]) for _ in range(count)], ["b" * rnd.choice([5, 10]) + rnd.choice(["", "."]) for _ in range(count)]
        for weights in WEIGHTS[:3]:
            args = (*units, _coarse, LengthModel(), weights, _coarse_coverage)
            assert align(*args) == reference_align(*args)


def test_one_unit_each_side_is_one_bead_or_two_skips():
    """A pair of units too unlike in length to be one bead is a dropped and an added unit, as in the programme."""
    scorer = anchor_scorer("fr", "en")
    for src, tgt in ((["Oui."], ["Yes."]), (["Oui."], ["The government met the people in Beijing. " * 8])):
        for weights in WEIGHTS:
            assert align(src, tgt, scorer, LengthModel(1.1, 6.8), weights) == reference_align(src, tgt, scorer, LengthModel(1.1, 6.8), weights)
    assert align(["Oui."], ["The government met the people in Beijing. " * 8], scorer) == [([], [0], 0.0), ([0], [], 0.0)]


@pytest.mark.parametrize("seed", range(2))
def test_one_unit_with_one_as_the_reference_programme(seed):
    """``align_one`` (alignment's common case: one sentence each side) answers as the programme does."""
    rnd = random.Random(seed)
    scorer = anchor_scorer("fr", "en")
    for _ in range(200):
        src, tgt = _units(rnd, FR, 1)[0] * rnd.choice([1, 1, 12]), _units(rnd, EN, 1)[0] * rnd.choice([1, 1, 12])
        for weights in WEIGHTS[:3]:
            sim = align_one(src, tgt, scorer, LengthModel(1.1, 6.8), weights)
            expected = reference_align([src], [tgt], scorer, LengthModel(1.1, 6.8), weights)
            assert expected == ([([0], [0], sim)] if sim is not None else [([], [0], 0.0), ([0], [], 0.0)])
