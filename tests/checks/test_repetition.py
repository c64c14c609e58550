import pytest

from tests.conftest import by_rule, texts

EN = "The minister said on Tuesday that the talks would continue next week in Brussels."


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("Japanese diplomacy said said it would help.", "said said"),
        ("The the summit opened on Monday in Moscow.", "The the"),
        ("He went to\nto Brussels on Monday morning.", "to\nto"),
        ("It is is a very long process for everyone.", "is is"),
        ("Please wait wait for me at the embassy.", "wait wait"),
        ("I can can do it before the summit.", "can can"),
        ("Go in in the house before the rain.", "in in"),
        ("The had had is incorrect in this sentence.", "had had"),
        ("You can feel confident that that this summit will succeed.", "that that"),
        ("Let's go hip hip now to the summit.", "hip hip"),
        ("That is Will Will at the embassy.", "Will Will"),
    ],
)
def test_flags_doubled_words(check, sentence, flagged):
    result = check(f"{sentence} {EN}")
    assert texts(result, "duplicate-word") == [flagged]
    assert by_rule(result, "duplicate-word")[0].suggestion == flagged.split()[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "If I had had time, I would have gone to see him.",
        "Alice and Bob had had a long-standing relationship.",
        "I don't think that that is a problem for the summit.",
        "The crowd shouted hip hip hooray at the summit.",
        "He said that that was the end of the matter.",
        "There was so so much to say about the summit.",
        "The dancer Danse Danse performed at the festival.",
        "They flew to Bora Bora for the weekend.",
        "It was a very, very long night in the capital.",
        "They said bye-bye to the delegation at the airport.",
        "The envoys logged in in seconds and please log them in in the system.",
        "The can can hold the water for the delegation.",
        "He said no no no to the proposal.",
        "Wait wait! The minister is coming.",
        "Will will come to the summit with May.",
        "The E.ON on-site team and a.k.a a nickname.",
        "She gave her her passport back at the border.",
        "They heard the tuk tuk outside the hotel.",
    ],
)
def test_leaves_legitimate_doubles_alone(check, sentence):
    assert texts(check(f"{sentence} {EN}"), "duplicate-word") == []


FR = "Le ministre a déclaré mardi que les discussions se poursuivraient la semaine prochaine à Bruxelles."


@pytest.mark.parametrize(
    "sentence, source, flagged",
    [
        ("The talks in Japan Japan ended on Monday.", "Les pourparlers au Japon ont pris fin lundi.", "Japan Japan"),
        ("France won the World Cup Cup in 2018.", "La France a gagné la Coupe du monde en 2018.", "Cup Cup"),
        ("He flew to Paris Paris on Monday.", "Il s'est rendu à Paris lundi.", "Paris Paris"),
        ("It is a long-term long-term plan for the city.", "C'est un plan à long terme pour la ville.", "long-term long-term"),
        ("It is a long-term Long-term plan for the city.", "C'est un plan à long terme pour la ville.", "long-term Long-term"),
    ],
)
def test_flags_capitalised_and_hyphenated_doubles_against_the_source(check, sentence, source, flagged):
    result = check(f"{sentence} {EN}", f"{source} {FR}")
    assert texts(result, "duplicate-word") == [flagged]
    assert by_rule(result, "duplicate-word")[0].suggestion == flagged.split()[0]


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("They flew to Bora Bora for the weekend.", "Ils se sont envolés pour Bora-Bora le week-end."),
        ("They flew to Walla Walla for the weekend.", "Ils se sont envolés pour Walla Walla le week-end."),
        ("The show Dance Dance opened on Monday.", "Le spectacle Danse Danse a débuté lundi."),
        ("The dancer Danse Danse performed at the festival.", "La compagnie a dansé au festival."),
        ("The spa town of Baden-Baden welcomed the delegation.", "La ville thermale de Baden-Baden a accueilli la délégation."),
        ("They sang Bye Bye on the stage.", "Ils ont chanté au revoir sur scène."),
        ("He shouted No No No at the crowd.", "Il a crié non à la foule."),
        ("A well-known, well-known face appeared.", "Un visage bien connu est apparu."),
    ],
)
def test_leaves_doubles_the_source_has_alone(check, sentence, source):
    assert texts(check(f"{sentence} {EN}", f"{source} {FR}"), "duplicate-word") == []


def test_capitalised_double_without_a_source_is_left_alone(check):
    assert texts(check(f"The talks in Japan Japan ended on Monday. {EN}"), "duplicate-word") == []


def test_the_possessive_double_pattern_finds_what_the_backtracking_one_finds():
    import random

    import regex

    from mtcheck.checks import repetition

    backtracking = regex.compile(r"(?<![\p{L}\p{N}'’.-])(\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)(\s+)(\1)(?![\p{L}\p{N}'’-])", regex.IGNORECASE)
    pieces = ["the", "The", "a", "I", "long-term", "Long-Term", "don't", "it’s", "x", "été", "Été", "ſo", "SO", "5", "e.g",
              " ", "  ", "\n", "\u00a0", "-", "'", "’", ".", ",", "(", "!", "é"]
    rnd = random.Random(11)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        expected = [(m.span(), m.groups()) for m in backtracking.finditer(text)]
        assert [(m.span(), m.groups()) for m in repetition._DOUBLE.finditer(text)] == expected, text
        assert [(m.span(), m.groups()) for m in repetition._DOUBLES.of(text).finditer(text)] == expected, text


def test_the_lowered_search_finds_a_double_wherever_the_twin_does():
    import random

    from mtcheck.checks import repetition
    from mtcheck.checks.words import ascii_like

    pieces = ["the", "The", "THE", "a", "A", "I", "long-term", "Long-TERM", "don't", "DON’T", "x", "X", "5", "e.G", ".",
              " ", "  ", "\n", "\t", "\x1c", "-", "'", "’", "“", "—", ",", "(", "!", "_"]
    rnd = random.Random(12)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        assert ascii_like(text)
        assert bool(repetition._LOWERED_DOUBLE.search(text.lower())) == bool(repetition._DOUBLES.of(text).search(text)), text
