from tests.conftest import by_rule

SRC = (
    "Vladimir Poutine a salué mardi des discussions très importantes avec Xi Jinping. "
    "Jens Stoltenberg a exhorté Pékin à ne pas fournir d'armes à la Russie. "
    "Tokyo a annoncé en février une nouvelle aide de 5,5 milliards de dollars à l'Ukraine."
)
TGT = (
    "Vladimir Putin hailed very important talks with Xi Jinping on Tuesday. "
    "Jens Stoltenberg urged Beijing not to supply arms to Russia. "
    "Tokyo announced in February a new aid of 5.5 billion dollars to Ukraine."
)


def test_dropped_sentence_is_an_omission(check):
    dropped = TGT.replace("Jens Stoltenberg urged Beijing not to supply arms to Russia. ", "")
    result = check(dropped, SRC)
    assert [result.source.slice(f.source) for f in by_rule(result, "omission")] == [
        "Jens Stoltenberg a exhorté Pékin à ne pas fournir d'armes à la Russie."
    ]


def test_added_sentence_is_an_addition(check):
    added = TGT + " The announcement was welcomed by Ukrainian officials in a statement late on Monday."
    result = check(added, SRC)
    assert [result.target.slice(f.target) for f in by_rule(result, "addition")] == [
        "The announcement was welcomed by Ukrainian officials in a statement late on Monday."
    ]


def test_faithful_translation_has_no_gaps(check):
    result = check(TGT, SRC)
    assert by_rule(result, "omission") == [] and by_rule(result, "addition") == []


def test_split_sentence_is_not_an_omission(check):
    split = TGT.replace("hailed very important talks with Xi Jinping on Tuesday.", "hailed talks with Xi Jinping on Tuesday. He called them very important.")
    result = check(split, SRC)
    assert by_rule(result, "omission") == [] and by_rule(result, "addition") == []


def test_dropped_paragraph_is_one_finding(check):
    from tests.conftest import SAMPLES

    source = (SAMPLES / "putin-xi-summit.fr.txt").read_text(encoding="utf-8")
    target = (SAMPLES / "putin-xi-summit.en.txt").read_text(encoding="utf-8").split("\n\n")
    dropped = target.pop(10)  # a paragraph of three sentences
    assert dropped.startswith("During an “informal” meeting on Monday")
    result = check("\n\n".join(target), source)
    omissions = by_rule(result, "omission")
    assert len(omissions) == 1 and "paragraph" in omissions[0].message
    assert result.source.slice(omissions[0].source).startswith("Lors d’une rencontre «\u00a0informelle\u00a0» lundi")
