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


def test_short_subheading_without_full_stop_left_alone(check):
    result = check(
        "Summit in Moscow\n\nThe summit opened on Monday.\n\nCheese Is Back\n\nIt ended on Tuesday.",
        "Sommet à Moscou\n\nLe sommet s'est ouvert lundi.\n\nLe fromage est de retour.\n\nIl s'est terminé mardi.",
    )
    assert texts(result, "final-punctuation") == []


def test_sentence_break_lost_inside_a_paragraph(check):
    result = check(
        "Summit in Moscow\n\nThe ministers met on Monday The talks resumed on Tuesday in the capital.",
        "Sommet à Moscou\n\nLes ministres se sont réunis lundi. Les discussions ont repris mardi dans la capitale.",
    )
    assert texts(result, "final-punctuation") == ["y"]
    assert by_rule(result, "final-punctuation")[0].suggestion == "y."


def test_capitalised_name_inside_a_sentence_is_not_a_lost_break(check):
    result = check(
        "Summit in Moscow\n\nThe ministers met in The Hague on Monday and the talks resumed on Tuesday.",
        "Sommet à Moscou\n\nLes ministres se sont réunis à La Haye lundi et les discussions ont repris mardi.",
    )
    assert texts(result, "final-punctuation") == []


@pytest.mark.parametrize(
    "target, flagged",
    [
        ("The ministers met on Monday. in Brussels to agree on the budget.", "."),
        ("The plan is aimed at? young voters in the suburbs.", "?"),
        ("Why did they stop? many voters asked in the suburbs.", "?"),
        ("He called the police, but by the time! they arrived he had left.", "!"),
        ("Several factors make situations such as that of 2012. difficult to predict.", "."),
    ],
)
def test_inner_sentence_mark(check, target, flagged):
    source = "Les ministres se sont réunis lundi à Bruxelles pour s'accorder sur le budget."
    result = check("Summit\n\n" + target + FILL, "Sommet\n\n" + source + " Les discussions entre les deux délégations se sont poursuivies tard dans la nuit dans la capitale.")
    assert texts(result, "inner-sentence-mark") == [flagged]


@pytest.mark.parametrize(
    "target",
    [
        "U.S. officials met the ministers on Monday in Brussels.",
        "The ministers met at 9 a.m. on Monday in Brussels.",
        "Taxes, fees etc. are on the agenda in Brussels.",
        '"Why?" he asked the ministers in Brussels.',
        "Why? she asked the ministers in Brussels.",
        "He paused... then left Brussels on Monday.",
        "The ministers bought an iPhone. iPhones are popular.",
    ],
)
def test_inner_sentence_mark_leaves_alone(check, target):
    source = "Les ministres se sont réunis lundi à Bruxelles."
    result = check("Summit\n\n" + target + FILL, "Sommet\n\n" + source + " Les discussions entre les deux délégations se sont poursuivies tard dans la nuit dans la capitale.")
    assert texts(result, "inner-sentence-mark") == []


def test_inner_mark_the_source_has_too_is_left_alone(check):
    result = check(
        "Summit\n\nI always wonder: what would they say? what would they think?" + FILL,
        "Sommet\n\nJe me demande toujours : qu'auraient-ils dit ? qu'auraient-ils pensé ?" + FILL,
    )
    assert texts(result, "inner-sentence-mark") == []


def test_short_sentence_without_full_stop_is_flagged(check):
    result = check(
        "Summit in Moscow\n\nThe summit opened on Monday.\n\nHis weapon was seized\n\nIt ended on Tuesday.",
        "Sommet à Moscou\n\nLe sommet s'est ouvert lundi.\n\nSon arme a été saisie.\n\nIl s'est terminé mardi.",
    )
    assert texts(result, "final-punctuation") == ["d"]


def test_inner_mark_beside_a_source_abbreviation_is_flagged(check):
    result = check(
        "Summit\n\nThe President and CEO. of Cogeco also welcomed the announcement." + FILL,
        "Sommet\n\nLe p.-d.g. de Cogeco a également salué l'annonce. Les discussions entre les deux délégations se sont poursuivies tard dans la nuit dans la capitale.",
    )
    assert texts(result, "inner-sentence-mark") == ["."]


@pytest.mark.parametrize("target, flagged", [("It was said by Maryse Bouvette..", [".."]), ("He paused... then left.", [])])
def test_doubled_full_stop(check, target, flagged):
    result = check("Summit\n\n" + target + FILL, "Sommet\n\nC'est ce qu'a dit Maryse Bouvette. Les discussions entre les deux délégations se sont poursuivies tard dans la nuit dans la capitale.")
    assert texts(result, "final-punctuation") == flagged


def test_foreign_quote_message_does_not_wrap_quotes_in_quotes(check):
    result = check("“I am confident our cooperation will grow stronger. »")
    (f,) = [f for f in result.findings if f.rule == "foreign-quotes"]
    assert f.message == "» is not an English quotation mark; use ” instead."


def test_quote_running_over_many_sentences_without_reopening(check):
    """NTREX-style copy, one sentence per line: a quotation opened and closed eight lines later."""
    lines = ['"We went into the game believing we could get something.'] + [f"Line {n} of the quote goes on here." for n in range(7)]
    text = "\n\n".join(lines + ['Hopefully we can push on now and be successful."'])
    assert texts(check(text), "unbalanced-quotes") == []


def test_nested_straight_quotes_left_alone(check):
    text = '"Once the government says, "O.K., this is a national disaster," we can open for assistance."' + FILL
    assert texts(check(text), "unbalanced-quotes") == []


def test_quote_never_closed_before_the_next_one_opens(check):
    text = 'He said: "In my experience these jobs never come back.' + FILL + '\n\nA spokesman said: "We have a plan."'
    assert texts(check(text), "unbalanced-quotes") == ['"']


def test_closing_straight_quote_without_opening(check):
    result = check('There are more than 300,000 people living there," the Red Cross said.' + FILL)
    assert texts(result, "unbalanced-quotes") == ['"']
    assert "without an opening" in by_rule(result, "unbalanced-quotes")[0].message


@pytest.mark.parametrize("text, flagged", [("a coup d\"état against Hitler.", 'd"'), ("plans for the Lakers\" six-game schedule.", 'Lakers"')])
def test_straight_quote_typed_for_an_apostrophe(check, text, flagged):
    result = check("He discussed " + text + FILL)
    assert texts(result, "unbalanced-quotes") == [flagged]
    assert "apostrophe" in by_rule(result, "unbalanced-quotes")[0].message


def test_straight_quote_between_a_number_and_a_word_names_the_number(check):
    result = check('The old screen measured 6"wide, he said.' + FILL)  # found by bench/fuzz.py: it crashed
    assert texts(result, "unbalanced-quotes") == ['6"']


def test_quote_the_source_leaves_open_too_is_left_alone(check):
    result = check(
        '"I think every resident now has a bond with this new building.\n\nEveryone knows that their book is part of it.',
        '"Je pense que chaque habitant a maintenant un lien avec ce nouveau bâtiment.\n\nChacun sait que son livre en fait partie.',
    )
    assert texts(result, "unbalanced-quotes") == []
    result = check(
        '"I think every resident now has a bond with this new building.\n\nEveryone knows that their book is part of it.',
        '« Je pense que chaque habitant a maintenant un lien avec ce nouveau bâtiment. »\n\nChacun sait que son livre en fait partie.',
    )
    assert texts(result, "unbalanced-quotes") == ['"']


def test_summary_bullets_without_full_stop_left_alone(check):
    result = check(
        "New cancer vaccine can teach the immune system to see rogue cells\n\nVaccine teaches immune system to recognise rogue cells\n\n"
        "Method involves extracting immune cells from a patient\n\nThe vaccine was tested on patients in London last year.",
        "Un nouveau vaccin peut apprendre au système immunitaire à voir les cellules\n\nLe vaccin apprend au système immunitaire à reconnaître les cellules.\n\n"
        "La méthode consiste à prélever des cellules.\n\nLe vaccin a été testé sur des patients à Londres l'an dernier.",
    )
    assert texts(result, "final-punctuation") == []


def test_missing_full_stop_right_after_the_headline_is_flagged(check):
    result = check(
        "Vaccine tested\n\nThe vaccine was tested on patients in London last year\n\nIt worked on most of them.",
        "Vaccin testé\n\nLe vaccin a été testé sur des patients à Londres l'an dernier.\n\nIl a fonctionné sur la plupart.",
    )
    assert texts(result, "final-punctuation") == ["r"]


@pytest.mark.parametrize("target, source", [
    ("It was played by a black musician, Dionisio A. Lind, who moved to the larger church.",
     "Il a été joué par un musicien noir, Dionisio A. Lind. Celui-ci est parti vers la grande église."),
    ("The Mercedes pitted a lap later and came out behind Vettel, but Hamilton went ahead after a fight.",
     "La Mercedes s'est arrêtée un tour plus tard derrière Vettel. Hamilton l'a dépassé après une lutte."),
    ("His gags are not as inventive as Atkinson's silent-movie gags in the persona of Mr. Bean today.",
     "Ses gags sont moins inventifs que ceux d'Atkinson dans le rôle de Mr. Bean aujourd'hui."),
])
def test_joined_sentence_that_is_not_a_lost_break(check, target, source):
    result = check("Title\n\n" + target + "\n\nThe end came on Monday.", "Titre\n\n" + source + "\n\nLa fin est venue lundi.")
    assert texts(result, "final-punctuation") == []


def test_sentence_running_on_into_the_next_block_is_left_alone(check):
    result = check(
        "Summit\n\nA source said it was by far the top of her priorities\n\nand the key to her future for the next decades.",
        "Sommet\n\nUne source a dit que c'était de loin sa priorité.\n\nC'était la clé de son avenir pour les prochaines décennies.",
    )
    assert texts(result, "final-punctuation") == []
