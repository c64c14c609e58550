import pytest

from tests.conftest import by_rule, texts

FILL = " The talks between the two delegations continued late into the night in the capital."


def test_stray_closing_guillemet(check):
    result = check("“I am confident that cooperation will grow stronger. »" + FILL)
    assert texts(result, "foreign-quotes") == [" »"]
    assert by_rule(result, "foreign-quotes")[0].suggestion == "”"
    assert texts(result, "unbalanced-quotes") == []


def test_guillemet_pair(check):
    result = check("He called it « a historic day » for both countries." + FILL)
    assert texts(result, "foreign-quotes") == ["« ", " »"]


def test_english_quotes_left_alone(check):
    result = check("He called it “a historic day” for both countries, and ‘fair’ too." + FILL)
    assert texts(result, "foreign-quotes") == [] and texts(result, "unbalanced-quotes") == []


def test_unbalanced_quotes(check):
    result = check("He called it “a historic day for both countries." + FILL)
    assert texts(result, "unbalanced-quotes") == ["“"]


def test_quote_running_into_next_paragraph_is_left_alone(check):
    result = check("“The first part of a long quote goes here." + FILL + "\n\n“And the quote ends here,” he said.")
    assert texts(result, "unbalanced-quotes") == []


@pytest.mark.parametrize("text, flagged", [("He said , then left.", " "), ("Why ? Nobody knows.", " "), ("It was “great ” indeed.", " ")])
def test_space_before_punctuation(check, text, flagged):
    assert texts(check(text + FILL), "space-before-punctuation") == [flagged]


@pytest.mark.parametrize("text", ["He paused … then left.", "The image of stability […] particularly.", "A list (see above) follows."])
def test_space_before_punctuation_leaves_ellipses_alone(check, text):
    assert texts(check(text + FILL), "space-before-punctuation") == []


def test_double_space(check):
    assert texts(check("The  summit opened on Monday." + FILL), "double-space") == ["  "]


def test_missing_final_punctuation(check):
    result = check(
        "Summit in Moscow\n\nThe summit opened on Monday in Moscow\n\nIt ended on Tuesday.",
        "Sommet à Moscou\n\nLe sommet s'est ouvert lundi à Moscou.\n\nIl s'est terminé mardi.",
    )
    assert texts(result, "final-punctuation") == ["w"]


def test_headline_without_final_punctuation_left_alone(check):
    result = check("Putin and Xi meet in Moscow\n\nThe summit opened on Monday.", "Poutine et Xi se rencontrent à Moscou\n\nLe sommet s'est ouvert lundi.")
    assert texts(result, "final-punctuation") == []


def test_markup_removed_between_spaces_is_not_a_double_space(check):
    result = check("The summit <b>opened</b> on Monday in <img src=x> Moscow." + FILL, suffix=".md")
    assert texts(result, "double-space") == []


def test_straight_quote_continued_across_paragraphs(check):
    text = '"The first part of a long quote goes here.' + FILL + '\n\n"And the quote ends here," he said.'
    assert texts(check(text), "unbalanced-quotes") == []


def test_headline_without_full_stop_even_where_the_source_has_one(check):
    result = check("Putin and Xi meet in Moscow\n\nThe summit opened on Monday.", "Poutine et Xi se rencontrent à Moscou.\n\nLe sommet s'est ouvert lundi.")
    assert texts(result, "final-punctuation") == []


def test_foreign_quote_message_does_not_wrap_quotes_in_quotes(check):
    result = check("“I am confident our cooperation will grow stronger. »")
    (f,) = [f for f in result.findings if f.rule == "foreign-quotes"]
    assert f.message == "» is not an English quotation mark; use ” instead."
