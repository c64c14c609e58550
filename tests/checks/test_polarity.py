import pytest

from tests.conftest import by_rule, texts

FILL_EN = "\n\nThe talks between the two delegations continued late into the night in the capital."
FILL_FR = "\n\nLes discussions entre les deux délégations se sont poursuivies tard dans la nuit dans la capitale."


def pair(check, target: str, source: str):
    return check("Talks in Paris" + "\n\n" + target + FILL_EN, "Discussions à Paris\n\n" + source + FILL_FR)


def problems(result, rule):
    return [f for f in by_rule(result, rule) if f.severity.value != "info"]


@pytest.mark.parametrize(
    "target, source",
    [
        ("His amendment was selected by the committee.", "Son amendement n'a pas été retenu par la commission."),
        ("The minister will ever return to Paris.", "Le ministre ne reviendra jamais à Paris."),
        ("Therefore, there will be more employees in the factory.", "Dès lors, il n'y aura plus d'employés dans l'usine."),
        ("The raid has been confirmed by either Israel or Syria.", "Le raid n'a été confirmé ni par Israël ni par la Syrie."),
        ("Anybody knew where the minister was.", "Personne ne savait où était le ministre."),
    ],
)
def test_lost_negation(check, target, source):
    result = pair(check, target, source)
    found = problems(result, "polarity")
    assert len(found) == 1 and result.target.slice(found[0].target) == target
    assert found[0].category == "accuracy/mistranslation" and found[0].source is not None


def test_added_negation_points_at_the_cue(check):
    result = pair(check, "His amendment was not selected by the committee.", "Son amendement a été retenu par la commission.")
    assert texts(result, "polarity") == ["not"]
    assert result.source.slice(by_rule(result, "polarity")[0].source) == "Son amendement a été retenu par la commission."


@pytest.mark.parametrize(
    "target, source",
    [
        ("The launch is planned only for 2014.", "Le lancement n'est prévu qu'en 2014."),
        ("The launch is not planned until 2014.", "Le lancement n'est prévu qu'en 2014."),
        ("He will leave before the vote is held.", "Il partira avant que le vote n'ait lieu."),
        ("They fear the strike will spread.", "Ils craignent que la grève ne s'étende."),
        ("The minister was unable to attend the summit.", "Le ministre n'a pas pu assister au sommet."),
        ("The minister failed to convince the deputies.", "Le ministre n'a pas réussi à convaincre les députés."),
        ("The government refuses to comment on the report.", "Le gouvernement ne commente pas le rapport."),
        ("There were quite a few people at the rally.", "Il y avait pas mal de monde au rassemblement."),
        ("The plan not only cuts taxes but also raises spending.", "Le plan non seulement baisse les impôts mais augmente aussi les dépenses."),
        ("It is impossible to know how many voters stayed home.", "On ne peut pas savoir combien d'électeurs sont restés chez eux."),
        ("The man succumbed to his serious injuries.", "L'homme n'a pas survécu à ses graves blessures."),
        ("Unlike his predecessor, he is popular.", "Contrairement à son prédécesseur, il est populaire."),
        ("He was not present at the meeting.", "Il était absent de la réunion."),
        ("The country has not had a case since 2001.", "Le pays est indemne de cas depuis 2001."),
        ("I'm not trying to please anyone.", "Je n'essaye de faire plaisir à personne."),
        ("You keep reminding yourself that we had a big lead.", "Vous n'arrêtez pas de vous rappeler que nous menions largement."),
        ("Interest remained high after the hearing.", "L'intérêt n'a pas faibli une fois l'audition terminée."),
        ("The vote is expected no later than Friday.", "Le vote devrait avoir lieu d'ici vendredi."),
        ("It can't be denied that languages matter.", "Il est évident que les langues comptent."),
        ("He is one of several rappers to change his name.", "Il n'est pas le seul rappeur à changer son nom."),
        ("The shelters are not a common sight elsewhere.", "Les refuges se font rares ailleurs."),
    ],
)
def test_leaves_alone(check, target, source):
    assert problems(pair(check, target, source), "polarity") == []


def test_count_difference_with_both_sides_negative_is_only_info(check):
    result = pair(
        check,
        "He is not allowed to contact minors or to use the Internet.",
        "Il ne doit pas contacter de mineurs et ne pas utiliser Internet.",
    )
    assert [f.severity.value for f in by_rule(result, "polarity")] == ["info"]


def test_headline_is_only_info(check):
    result = check("Top model starts her career in grand style\n\nShe said so." + FILL_EN, "Le mannequin ne commence pas sa carrière par la petite porte\n\nElle l'a dit." + FILL_FR)
    assert [f.severity.value for f in by_rule(result, "polarity")] == ["info"]


@pytest.mark.parametrize(
    "target, source",
    [
        ("The attack killed ten people in the north of the country.", "L'attaque aurait fait dix morts dans le nord du pays."),
        ("The incident occurred in terminal 3, provoking a wave of panic.", "L'incident se serait produit au terminal 3, provoquant une vague de panique."),
        ("A cargo of missiles was targeted and destroyed.", "Une cargaison de missiles aurait été ciblée et détruite."),
    ],
)
def test_reported_as_fact(check, target, source):
    result = pair(check, target, source)
    found = by_rule(result, "reported-as-fact")
    assert len(found) == 1 and result.target.slice(found[0].target) == target
    assert found[0].category == "accuracy/mistranslation" and found[0].severity.value == "warning"


@pytest.mark.parametrize(
    "target",
    [
        "The attack reportedly killed ten people in the north of the country.",
        "The attack allegedly killed ten people in the north of the country.",
        "The attack is said to have killed ten people in the north of the country.",
        "The attack would have killed ten people in the north of the country.",
        "According to the police, the attack killed ten people in the north of the country.",
        "The attack may have killed ten people in the north of the country.",
        "The attack is believed to have killed ten people in the north of the country.",
        "Police denounced allegations that the attack killed ten people in the north of the country.",
    ],
)
def test_hedged_translation_left_alone(check, target):
    result = pair(check, target, "L'attaque aurait fait dix morts dans le nord du pays.")
    assert by_rule(result, "reported-as-fact") == []


def test_conditional_without_participle_left_alone(check):
    result = pair(check, "It is a good idea to vote early.", "Ce serait une bonne idée de voter tôt.")
    assert by_rule(result, "reported-as-fact") == []


def test_negation_in_an_unpaired_neighbour_sentence_counts(check):
    source = (
        "Je tiens à préciser que je suis sociable avec un métier à responsabilité, je ris et je chante, je sors, "
        "je suis grand-mère, j'ai plein d'amis, mais mon cœur lui appartient et je ne vais jamais au cimetière."
    )
    target = (
        "I should say that I am rather sociable and have a job with responsibilities. I laugh and sing, I go out, "
        "I'm a grandmother, I have lots of friends, but my heart belongs to him. I never go to the cemetery."
    )
    assert problems(pair(check, target, source), "polarity") == []


@pytest.mark.parametrize("source", ["Ce serait aussi une première depuis 1996.", "Ce serait historique pour le pays."])
def test_conditional_before_an_adverb_or_adjective_is_not_reported_speech(check, source):
    assert by_rule(pair(check, "It was also a first since 1996 for the country.", source), "reported-as-fact") == []


def test_untranslated_target_is_left_to_the_untranslated_rules(check):
    french = "Les autorités appellent les habitants à ne pas s'approcher des cours d'eau."
    assert by_rule(pair(check, french, french), "polarity") == []


def test_nevertheless_is_not_a_lexical_negation(check):
    result = pair(check, "Nevertheless, the government has declared its intention to reform.", "Mais le gouvernement n'a aucunement manifesté l'intention de réformer.")
    assert len(problems(result, "polarity")) == 1


def test_reporting_verb_translating_the_source_one_is_no_hedge(check):
    result = pair(
        check,
        '"We want to identify the people who have come into contact with the kitten," said the ministries.',
        "« Nous voulons identifier les personnes qui auraient pu entrer en contact avec le chaton », précisent les ministères.",
    )
    assert len(by_rule(result, "reported-as-fact")) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It is not only cheap but good."), ("en", "He did not go."), ("en", "No later than Friday, nothing moved."),
        ("en", "It cannot be denied that he left."), ("en", "They will come, if not today."), ("en", "Nobody came; none left."),
        ("en", "The vote went ahead as planned."), ("en", "They DON’T know; no-one, NO ONE did."), ("en", "Snot is nonsense; anyone knows."), ("en", "He saw NOTHİNG, nothing."),
        ("fr", "Il n’a pas voulu."), ("fr", "Une personne ne sait rien."), ("fr", "NE PAS TOUCHER. Pas de chance."),
        ("fr", "Personne n'est venu, ni lui ni elle."), ("fr", "Il ne fait que passer."), ("fr", "Une bonne année pour les personnes."),
        ("fr", "Il n’importe guère, c'est pas mal."), ("fr", "avant qu'il ne parte, il ne peut pas."), ("fr", "Unité, panne, ânes."),
    ],
)
def test_the_indexed_cues_find_what_the_whole_lists_find(lang, text):
    """Only the cues whose first words a sentence holds run in it: the same hits as the whole lists."""
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.polarity import _blank, _negations, cues
    from mtcheck.model import Document, Paragraph, Sentence, Span

    para = Paragraph(0, Span(0, len(text)), file_text=text)
    para.sentences = [Sentence(para, 0, len(text), 1)]
    ctx = CheckContext(Document(f"a.{lang}.txt", text, lang, [para]), None, [], "fr", "en")
    c = cues(lang)
    blanked = c.ignore.whole.sub(_blank, text)
    assert [(s.start, s.end) for s in _negations(ctx, para.sentences, c)] == [m.span() for m in c.strong.whole.finditer(blanked)]


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bnot\b", [("not", True, True)]),
        (r"n[\x27’]t\b", [("n't", False, True), ("n't", False, True)]),
        (r"\bn(?:e\b|[\x27’])\s*pas", [("ne", True, True), ("n'", True, False), ("n'", True, False)]),
        (r"(?:^|[.!?]\s*)Pas\b", [("pas", True, True), ("pas", True, True)]),
        (r"\bcraign\p{L}*", [("craign", True, False)]),
        (r"\bno[ -]one\b", [("no one", True, True), ("no-one", True, True)]),
        (r"\p{L}+ne\b", None),  # no string begins every match
        (r"(?<!\b(?:le|une)\s)\bpas\b", [("pas", True, True)]),  # a lookbehind takes no width
        (r"\mpas\b", None),  # syntax of ``regex`` alone: Python's parser refuses it
        (r"\b(?:pas){e<=1}\b", None),  # fuzzy matching and nested sets, which Python's parser misreads
        (r"\b[[:alpha:]]ne\b", None),
        (r"\\pas\b", None),  # an escaped backslash
        (r"\bnon-?", [("non", True, False), ("non-", True, False)]),
    ],
)
def test_the_strings_a_cue_begins_with(pattern, needs):
    from mtcheck.checks.polarity import _needs

    assert _needs(pattern) == needs
