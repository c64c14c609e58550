"""Word forms the rules share through the check context, and the patterns' ASCII twins."""

import random
import zlib

import pytest

from mtcheck import langid
from mtcheck.checks import repetition, spelling, untranslated
from mtcheck.checks.words import Twin, ascii_like, plain, plain_letters, twin_of


def test_plain_text_drops_accents_and_case():
    assert plain("L'Élysée a reçu Michoustine") == "l'elysee a recu michoustine"


def test_plain_letters_are_the_runs_of_letters_of_the_plain_text():
    assert plain_letters("L'Élysée, Jean-Claude et 3 autres") == frozenset({"l", "elysee", "jean", "claude", "et", "autres"})

_PIECES = ["the", "The", "THE", "a", "I", "long-term", "Long-Term", "don't", "it’s", "x", "ab", "5", "42", "5km", "e.g",
           " ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "-", "'", "’", "‘", ".", ",", "_", "@", "#", "/", "\\",
           "“", "”", "–", "—", "…", "«", "»", "(", ")", "!"]


def _texts(seed: int, count: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(count)]


@pytest.mark.parametrize("twin", [repetition._DOUBLES, spelling._WORDS, langid._TOKEN, untranslated._TOKEN, untranslated._LETTER_RUNS])
def test_a_twin_finds_what_its_unicode_pattern_finds_in_ascii_like_texts(twin):
    for text in _texts(zlib.crc32(twin.unicode.pattern.encode())):
        fast = twin.of(text)
        assert fast is not twin.unicode
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in twin.unicode.finditer(text)], text


def test_a_text_with_other_characters_is_searched_with_the_unicode_pattern():
    twin = Twin(untranslated._WORD, r"[A-Za-z]+")
    for text in ("Élysée", "a\u00a0b", "ſo so", "\u212a", "İ", "naïve", "x²"):
        assert not ascii_like(text)
        assert twin.of(text) is twin.unicode
    assert ascii_like("“It’s over” — he said…")


def test_twin_of_picks_the_pattern_twin_of_picks():
    twin = Twin(untranslated._WORD, r"[A-Za-z]+")
    for text in [*_texts(7, 500), "Élysée", "a\u00a0b", "ſo so", "\u212a", "İ", "naïve", "x²", "“It’s” — «a»…", "l’été"]:
        assert twin_of(twin, text) is twin.of(text), text
