"""Alignment for every pair: a short professional-style translation aligns without gaps, and an
unrelated article is refused as "not a translation" (the story is written for these tests)."""

import pytest

from mtcheck.readers import InputError
from tests.conftest import by_rule

STORY = {
    "en": [
        "The city council voted on Tuesday to close the old hospital by next spring.",
        "About 400 people work there, and many of them fear for their jobs.",
        "The mayor said the new building would cost 85 million euros.",
        "Doctors and nurses protested in front of the town hall in the evening.",
        "A final decision is expected at the end of the month.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, das alte Krankenhaus bis zum nächsten Frühling zu schließen.",
        "Dort arbeiten rund 400 Menschen, und viele von ihnen haben Angst um ihre Arbeitsplätze.",
        "Der Bürgermeister sagte, das neue Gebäude werde 85 Millionen Euro kosten.",
        "Ärzte und Pflegekräfte protestierten am Abend vor dem Rathaus.",
        "Eine endgültige Entscheidung wird Ende des Monats erwartet.",
    ],
    "es": [
        "El ayuntamiento votó el martes cerrar el viejo hospital antes de la próxima primavera.",
        "Allí trabajan unas 400 personas, y muchas temen por sus empleos.",
        "El alcalde dijo que el nuevo edificio costará 85 millones de euros.",
        "Médicos y enfermeros protestaron por la tarde frente al ayuntamiento.",
        "Se espera una decisión final a finales de mes.",
    ],
    "it": [
        "Il consiglio comunale ha votato martedì la chiusura del vecchio ospedale entro la prossima primavera.",
        "Vi lavorano circa 400 persone, e molte di loro temono per il proprio posto di lavoro.",
        "Il sindaco ha detto che il nuovo edificio costerà 85 milioni di euro.",
        "Medici e infermieri hanno protestato la sera davanti al municipio.",
        "Una decisione definitiva è attesa alla fine del mese.",
    ],
    "fr": [
        "Le conseil municipal a voté mardi la fermeture du vieil hôpital d'ici au printemps prochain.",
        "Environ 400 personnes y travaillent, et beaucoup craignent pour leur emploi.",
        "Le maire a déclaré que le nouveau bâtiment coûterait 85 millions d'euros.",
        "Des médecins et des infirmières ont manifesté le soir devant la mairie.",
        "Une décision définitive est attendue à la fin du mois.",
    ],
}
UNRELATED = [  # English; paired with the story in the other language, whichever side it is on
    "Heavy rain flooded the coast overnight near the old harbour.",
    "Fishermen stayed home as waves reached the sea wall.",
    "Schools in the valley were closed until the weekend.",
    "Forecasters expect the storm to move north by Friday.",
    "Volunteers handed out sandbags to shopkeepers.",
]
PAIRS = ["fr-en", "de-en", "es-en", "it-en", "en-de", "en-es", "en-fr"]


@pytest.mark.parametrize("pair", PAIRS)
def test_translation_aligns_without_gaps(check, pair):
    src, tgt = pair.split("-")
    result = check("\n\n".join(STORY[tgt]), "\n\n".join(STORY[src]), src_lang=src, tgt_lang=tgt)
    assert by_rule(result, "omission") == [] and by_rule(result, "addition") == []
    assert all(s.source and s.target for s in result.segments)


@pytest.mark.parametrize("pair", PAIRS)
def test_unrelated_article_is_refused(check, pair):
    src, tgt = pair.split("-")
    source, target = (STORY[src], UNRELATED) if tgt == "en" else (UNRELATED, STORY[tgt])
    with pytest.raises(InputError, match="does not look like a translation"):
        check("\n\n".join(target), "\n\n".join(source), src_lang=src, tgt_lang=tgt)


def test_short_unrelated_article_sharing_anchors_by_chance_is_refused(check):
    """One sentence in four that shares anchors by chance (400 people, Tuesday, the evening) is not a translation."""
    target = [
        "On Tuesday about 400 people came to the old harbour in the evening.",
        "The winning crew crossed the line well ahead of the others.",
        "Sponsors handed out caps and flags along the river bank.",
        "Organisers hope to hold the race again next summer.",
    ]
    with pytest.raises(InputError, match="does not look like a translation"):
        check("\n\n".join(target), "\n\n".join(STORY["de"][:4]), src_lang="de")
