import pytest

from tests.conftest import by_rule, texts

FILL = " The talks between the two delegations continued late into the night in the capital."


@pytest.mark.parametrize(
    "text, rule, flagged, suggestion",
    [
        ("Growth reached 4,5% last year.", "decimal-comma", "4,5", "4.5"),
        ("A new aid of 5,5 billion dollars was announced.", "decimal-comma", "5,5", "5.5"),
        ("Some 57 000 people marched.", "thousands-space", "57 000", "57,000"),
        ("Some 57\u00a0000 people marched.", "thousands-space", "57\u00a0000", "57,000"),
        ("Unemployment fell to 3 % in May.", "percent-space", " %", "%"),
        ("It opened on the 1er of May.", "source-ordinal", "1er", "1st"),
        ("A relic of the 21e century.", "source-ordinal", "21e", "21st"),
        ("M. Xi said he was ready.", "source-honorific", "M.", "Mr"),
        ("He asked: why\u00a0? Then he left.", "nbsp-punctuation", "\u00a0", ""),
    ],
)
def test_flags_french_formats(check, text, rule, flagged, suggestion):
    result = check(text + FILL)
    assert texts(result, rule) == [flagged]
    assert by_rule(result, rule)[0].suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Some 57,000 people marched, 1,250,000 in all.",
        "Growth reached 4.5% last year, up from 3%.",
        "Choose 1, 2 or 3 of the options on the 1st and 21st of May.",
        "In 2014 500 people were arrested.",
        "On March 21 500 people gathered and on May 5 200 screens went dark.",
        "Michael M. Smith said the distance was 10\u00a0km.",
    ],
)
def test_leaves_english_formats_alone(check, text):
    result = check(text + FILL)
    assert [f.rule for f in result.findings if f.category == "locale/format"] == []


def test_spaced_digits_the_source_writes_alike_where_thousands_take_a_point(check):
    target = "You can call Samaritans free on 116 123 or 0800 555 111 today." + FILL
    result = check(target, "Sie können die Samariter kostenlos unter 116 123 oder 0800 555 111 anrufen.", src_lang="de")
    assert texts(result, "thousands-space") == []


def test_spaced_thousands_of_a_french_source_still_flagged(check):
    result = check("Some 57 000 people marched." + FILL, "Quelque 57 000 personnes ont défilé.", src_lang="fr")
    assert texts(result, "thousands-space") == ["57 000"]
    result = check("Some 57 000 people marched." + FILL, "Etwa 57.000 Menschen marschierten.", src_lang="de")
    assert texts(result, "thousands-space") == ["57 000"]
