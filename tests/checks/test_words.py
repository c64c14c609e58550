"""Word forms the rules share through the check context, and the patterns' ASCII twins."""

import random
import zlib

import pytest

from mtcheck.checks import repetition, spelling, untranslated, words
from mtcheck.checks.words import Twin, ascii_like, plain, plain_letters
from mtcheck.lexicon import normalise


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


@pytest.mark.parametrize("twin", [repetition._DOUBLES, spelling._WORDS, words._TOKEN, untranslated._TOKEN, untranslated._LETTER_RUNS])
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


@pytest.mark.parametrize("twin", [spelling._WORDS, words._TOKEN, untranslated._TOKEN, untranslated._LETTER_RUNS])
def test_a_twins_lowered_matches_are_its_matches_normalised(twin):
    for text in [*_texts(zlib.crc32(twin.unicode.pattern.encode()) + 1), "Élysée’s NAÏVE İstanbul", "ΟΔΟΣ Σ"]:
        assert twin.lowered(text, lambda words: [normalise(w) for w in words]) == [normalise(w) for w in twin.unicode.findall(text)], text
        assert twin.lowered(text, words.lowered) == words.lowered(twin.unicode.findall(text)), text


def test_ascii_like_is_ascii_once_the_typographic_marks_are_taken_out():
    rnd = random.Random(7)
    alphabet = [*"aZ 9\n\x00\x7f", *words._TYPOGRAPHIC, "\x80", "é", "\u00a0", "\u2018\u2019", "\U0001f600", "\ud800", "ſ", "‚", "„"]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6)))
        assert ascii_like(text) == text.translate(str.maketrans("", "", words._TYPOGRAPHIC)).isascii(), text


def test_lowered_is_each_word_lowercased_with_straight_apostrophes():
    sample = ["L’État", "ΟΔΟΣ", "Σ", "İstanbul", "don't", "ΣΑΣ"]
    assert words.lowered(sample) == [w.lower().replace("’", "'") for w in sample]
    assert words.lowered([]) == []


_UNICODE_PIECES = [*_PIECES, "Élysée", "l’État", "NAÏVE", "İstanbul", "ΟΔΟΣ", "Σ", "\u212b", "e\u0301", "\u1100\u1161", "x²", "\u00a0", "ſ"]


def _sample_lines() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).parents[2] / "samples"
    return [line for path in sorted(folder.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _mixed_texts(seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [*_texts(seed), *("".join(rnd.choice(_UNICODE_PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(3000)), *_sample_lines()]


def test_tokens_are_the_shared_patterns_matches_lowered():
    for text in _mixed_texts(11):
        assert words.tokens.__wrapped__(text) == tuple(words.lowered(words._TOKEN.unicode.findall(text))), text


def test_letter_words_are_the_letter_runs_as_the_lexicon_looks_them_up():
    for text in _mixed_texts(12):
        assert words.letter_words(text) == frozenset(normalise(w) for w in untranslated._WORD.findall(text)), text
