from mtcheck.align.scorers import AnchorScorer


def test_out_of_english_pair_reads_the_reverse_lexicon_backwards():
    """en→de has no lexicon of its own: de-en's, read backwards, matches words with no cognate."""
    scorer = AnchorScorer("en", "de")
    assert scorer("The government met the people.", "Die Regierung traf die Menschen.") == 1.0
    assert scorer("The government met the people.", "Der Sturm zog nach Norden.") == 0.0


def test_coverage_is_each_side_s_share_of_words_found_on_the_other():
    scorer = AnchorScorer("de", "en")
    # Regierung → government, Menschen → people; Sturm has no counterpart
    assert scorer.coverage("Regierung Menschen Sturm", "The government and the people") == (2 / 3, 1.0)
    assert scorer.coverage("Regierung", "The storm moved north") == (0.0, 0.0)
    assert scorer.coverage("und die", "The government") == (0.5, 0.0)  # no content word: no evidence


def test_a_form_missing_from_the_lexicon_is_looked_up_without_its_ending():
    scorer = AnchorScorer("en", "es")  # es-en read backwards: "disease" → "enfermedad"
    assert scorer("diseased", "enfermedades") == 1.0
    assert scorer("dis", "enfermedades") == 0.0  # too short to lose an ending
