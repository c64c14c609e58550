"""Another language pair is data, not code: a de→en pair runs with whatever data it has."""

from mtcheck.pipeline import check_pair

DE = "Die Regierung hat am Dienstag einen neuen Haushalt vorgestellt. Er sieht Ausgaben von 57 Milliarden Euro vor.\n\nDer Minister sagte, die Lage sei ernst."
EN = "The government presented a new budget on tuesday. It plans spending of 57 billion euros.\n\nThe minister said said the situation was serious."


def test_german_source_runs_and_pair_specific_rules_stay_silent(tmp_path):
    (tmp_path / "budget.de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "budget.en.txt").write_text(EN, encoding="utf-8")
    result = check_pair(tmp_path / "budget.en.txt", settings={"mt": False})
    assert (result.src_lang, result.tgt_lang) == ("de", "en") and result.source is not None
    rules = {f.rule for f in result.findings}
    assert {"duplicate-word", "english-capitals"} <= rules
    assert not rules & {"source-honorific", "source-ordinal", "calque", "glossary", "omission"}
