from mtcheck.align import length_model
from mtcheck.align.dp import PARAGRAPH_WEIGHTS, align
from mtcheck.align.scorers import AnchorScorer
from tests.conftest import SAMPLES


def test_one_to_two_and_two_to_one():
    scorer = AnchorScorer("fr", "en")
    src = ["Le sportif Jhonathan Florez a sauté jeudi d'un hélicoptère au-dessus de Bogota, la capitale colombienne.", "Il a atterri sain et sauf."]
    tgt = ["Sportsman Jhonathan Florez jumped from a helicopter above Bogota on Thursday.", "Bogota is the capital of Colombia.", "He landed safely."]
    beads = [(s, t) for s, t, _ in align(src, tgt, scorer)]
    assert beads == [([0], [0, 1]), ([1], [2])]


def test_empty_sides():
    scorer = AnchorScorer("fr", "en")
    assert [(s, t) for s, t, _ in align(["Une phrase."], [], scorer)] == [([0], [])]
    assert [(s, t) for s, t, _ in align([], ["A sentence."], scorer)] == [([], [0])]


def test_paragraph_counts_that_differ(check):
    source = (SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8")
    target = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8").split("\n\n")
    dropped = target.pop(9)
    assert dropped.startswith("Jens Stoltenberg also once again urged Beijing")
    result = check("\n\n".join(target), source)
    omitted = [result.source.slice(f.source) for f in result.findings if f.rule == "omission"]
    assert omitted == ["Jens Stoltenberg a également exhorté une nouvelle fois Pékin à ne pas fournir d’armes à la Russie."]
    assert not [f for f in result.findings if f.rule == "addition"]


def test_dropped_headline_is_an_omission_not_a_merge(check):
    source = (
        "Un air de documentaire\n\n"
        "Le film prend des allures de documentaire, du label de musique poussiéreux aux coulisses des concerts.\n\n"
        "Le réalisateur a tourné pendant deux ans avec le groupe en tournée."
    )
    target = (
        "The film has the feel of a documentary, from the fusty record label to the backstage of concerts.\n\n"
        "The director filmed the band on tour for two years."
    )
    result = check(target, source)
    assert [result.source.slice(f.source) for f in result.findings if f.rule == "omission"] == ["Un air de documentaire"]


def test_merged_and_split_paragraphs_with_equal_counts(check):
    source = (SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8").split("\n\n")[:6]
    target = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8").split("\n\n")[:6]
    merged = [target[0], target[1] + " " + target[2], target[3], target[4]]
    half = len(target[5]) // 2
    cut = target[5].index(". ", half) + 1
    merged += [target[5][:cut].strip(), target[5][cut:].strip()]
    assert len(merged) == len(source)
    result = check("\n\n".join(merged), "\n\n".join(source))
    assert [f.rule for f in result.findings if f.rule in ("omission", "addition", "number-mismatch", "missing-name")] == []


def test_coverage_keeps_a_split_whose_long_half_is_loosely_rendered():
    """The long half shares little with the whole target (its similarity is diluted, and many of
    its words are unknown), the short half a good part of its words: a 2-1 merge, not a drop."""
    scorer = AnchorScorer("de", "en")
    src = [
        "Die Schwimmerin Anna Berger, die an drei olympischen Wettkämpfen teilgenommen hat, erzählt, dass sie sich als Kind wegen ihrer Herkunft ausgegrenzt fühlte.",
        "Doch genau das habe sie angetrieben, so erfolgreich zu werden.",
    ]
    tgt = ["Olympic swimmer Anna Berger says she felt shut out as a child because of her background - but that drove her to become a success."]
    assert [(s, t) for s, t, _ in align(src, tgt, scorer, coverage=scorer.coverage)] == [([0, 1], [0])]


def test_coverage_still_drops_a_sentence_that_shares_nothing():
    scorer = AnchorScorer("fr", "en")
    src = ["Le sportif Jhonathan Florez a sauté jeudi d'un hélicoptère au-dessus de Bogota."]
    tgt = ["Sportsman Jhonathan Florez jumped from a helicopter above Bogota on Thursday.", "Fishermen stayed home as waves reached the sea wall."]
    assert [(s, t) for s, t, _ in align(src, tgt, scorer, coverage=scorer.coverage)] == [([0], [0]), ([], [1])]


def _paragraphs(src: list[str], tgt: list[str], **weights) -> list[tuple[list[int], list[int]]]:
    """Paragraph beads of a German source and its English translation (de→en lexicon and lengths)."""
    scorer = AnchorScorer("de", "en")
    chosen = PARAGRAPH_WEIGHTS._replace(**weights)
    return [(s, t) for s, t, _ in align(src, tgt, scorer, length_model("de", "en"), chosen, scorer.coverage)]


def test_dropped_headline_is_not_paired_with_a_lead_that_repeats_it():
    """The headline is as long as the translated lead and shares as much with it; a headline
    paired with a body paragraph pays ``headline_body``, so the headline is what was dropped."""
    src = [
        "Verkehrsunfall in Deptford: Radfahrer stirbt bei Zusammenstoß mit Auto",
        "Bei einem Zusammenstoß mit einem Auto ist in London ein Radfahrer ums Leben gekommen.",
        "Der Fahrer hielt an, doch der Mann starb am Unfallort.",
    ]
    tgt = ["A cyclist has died in a collision involving a car in London.", "The driver stopped, but the man died at the scene."]
    assert _paragraphs(src, tgt) == [([0], []), ([1], [0]), ([2], [1])]
    assert _paragraphs(src, tgt, headline_body=0.0)[:2] == [([0], [0]), ([1], [])]


def test_dropped_paragraph_that_adds_nothing_to_its_neighbour_is_not_merged():
    src = [
        "Ein Hai hat am Samstag in Kalifornien einen Jungen verletzt.",
        "Ein Hai hat am Samstag in Kalifornien einen 13-jährigen Jungen beim Tauchen angegriffen und verletzt, sagten Beamte.",
        "Der Angriff geschah kurz vor 7 Uhr am Strand von Encinitas.",
    ]
    tgt = [
        "A shark attacked and injured a 13-year-old boy diving in California on Saturday, officials said.",
        "The attack happened just before 7 a.m. on the beach at Encinitas.",
    ]
    assert _paragraphs(src, tgt) == [([0], []), ([1], [0]), ([2], [1])]
    assert _paragraphs(src, tgt, orphan_gain=None)[0] == ([0, 1], [0])


def test_long_paragraphs_that_share_nothing_are_not_paired():
    """The dropped quote shares no anchor with the next paragraph's short translation, which
    fits its length better than the long paragraph it translates: ``unrelated`` decides."""
    src = [
        "Die Regierung hat am Dienstag beschlossen, das alte Krankenhaus der Stadt bis zum nächsten Frühling zu schließen.",
        "„Sobald wir grünes Licht bekommen, öffnen wir uns auch für Unterstützung von außen, doch bislang fehlt dieser Schritt noch“, hieß es.",
        (
            "Als am Freitagabend in Palu die zweite Nacht nach dem Erdbeben und dem Tsunami hereinbrach, warteten Freunde und Familien der "
            "Vermissten noch immer auf Nachrichten, während Helfer mit schwerem Gerät in den Trümmern suchten."
        ),
        "Der Bürgermeister sagte, das neue Gebäude werde 85 Millionen Euro kosten.",
    ]
    tgt = [
        "The government decided on Tuesday to close the city's old hospital by next spring.",
        "As night fell for the second time in Palu after Friday's earthquake and tsunami, families were still waiting for news.",
        "The mayor said the new building would cost 85 million euros.",
    ]
    assert _paragraphs(src, tgt)[1:3] == [([1], []), ([2], [1])]
    assert _paragraphs(src, tgt, unrelated=0.0)[1:3] == [([1], [1]), ([2], [])]
