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
