"""Data loading helpers: ``Phrases`` finds what the equivalent big alternation finds."""

from __future__ import annotations

import random
import re

import pytest
import regex

from mtcheck.model import fold
from mtcheck.resources import Phrases, alternation, exonyms, pair_table, required_literal, word_list

BOUNDARIES = [(r"[\w'’-]", re), (r"\p{L}", regex)]


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("boundary, engine", BOUNDARIES)
def test_phrases_match_like_the_alternation(boundary, engine):
    words = ["Moscou", "Moscou-Centre", "Pékin", "Royaume-Uni", "Royaume Uni", "Le Caire", "Le", "É", "Ré", "d'Ivoire"]
    reference = engine.compile(rf"(?<!{boundary})(?:{alternation(words)})(?!{boundary})")
    phrases = Phrases(words, boundary, engine)
    rng = random.Random(7)
    pieces = [*words, "x", " ", "-", "'", "’", "9", "é", ",", "Moscoux", "LeCaire", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _spans(phrases, text) == _spans(reference, text), text
        assert phrases.sub(" ", text) == reference.sub(" ", text)


def test_phrases_on_the_shipped_lists():
    forms = list(exonyms("fr", "en"))
    reference = re.compile(rf"(?<![\w'’-])(?:{alternation(forms)})(?![\w'’-])")
    text = " ".join(forms) + " Au Royaume-Uni, Pékinois et pékin, l'Égypte, Moscou. " + "-".join(forms[:50])
    assert _spans(Phrases(forms, r"[\w'’-]"), text) == _spans(reference, text)
    kept = word_list("fr-en", "keep_source")
    reference = regex.compile(rf"(?<!\p{{L}})(?:{alternation(kept)})(?!\p{{L}})")
    text = " ".join(kept) + " " + "".join(kept[:40])
    assert _spans(Phrases(kept, r"\p{L}", regex), text) == _spans(reference, text)


def test_empty_phrases_are_false_and_find_nothing():
    phrases = Phrases([], r"\w")
    assert not phrases
    assert list(phrases.finditer("anything")) == []
    assert phrases.search("anything") is None


@pytest.mark.parametrize(
    "pattern, literal",
    [
        ("ma[iî]tre du kremlin", "kremlin"),
        ("en pleines? tensions?", "tension"),
        ("(?:the )?master of the Kremlin", "kremlin"),
        (r"interpel+(?:ed|ing)?", "interpel"),
        (r"\bdelays?\b", "delay"),
        (r"[]a-z]+ said", "said"),
        (r"[^\]x] said", "said"),
        ("wooden (?:language|tongue)|tongue of wood", None),  # a top-level alternative
        ("du|de", None),
        ("(?:make|made) it", None),  # nothing certain of three letters
    ],
)
def test_required_literal(pattern, literal):
    assert required_literal(pattern) == literal


def test_required_literal_is_in_every_calque_example():
    for row in pair_table("fr", "en", "calques"):
        for side in ("source", "target"):
            example = row[f"example_{side}"]
            literal = required_literal(row[f"{side}_pattern"])
            if literal and re.search(row[f"{side}_pattern"], example, re.IGNORECASE):
                assert literal in fold(example), (row["id"], side)
