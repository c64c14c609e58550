from tests.conftest import by_rule

SRC = "Le mandat d'arrêt a été émis par la Cour pénale internationale."


def glossary(check, target, source=SRC, **settings):
    result = check(target, source, **settings)
    return [result.source.slice(f.source) for f in by_rule(result, "glossary")]


def test_default_glossary(check):
    assert glossary(check, "The arrest warrant was issued by the international penal court.") == ["Cour pénale internationale"]
    assert glossary(check, "The arrest warrant was issued by the International Criminal Court.") == []


def test_user_glossary_file(check, tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("source,target\nmandat d'arrêt,arrest warrant|warrant\n", encoding="utf-8")
    assert glossary(check, "The detention order was issued by the International Criminal Court.", glossary=[str(path)]) == ["mandat d'arrêt"]
    assert glossary(check, "The warrant was issued by the International Criminal Court.", glossary=[str(path)]) == []


def test_semicolon_glossary_and_empty_glossary(check, tmp_path):
    import pytest

    from mtcheck.readers import InputError

    semi = tmp_path / "terms.csv"
    semi.write_text("source;target\nmandat d'arrêt;arrest warrant|warrant\n", encoding="utf-8")
    assert glossary(check, "The detention order was issued by the International Criminal Court.", glossary=[str(semi)]) == ["mandat d'arrêt"]
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="glossary is empty"):
        glossary(check, "The warrant was issued.", glossary=[str(empty)])


def test_a_user_entry_and_a_built_in_one_on_one_span_give_one_finding(check, tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text("source,target\nForce de Sibérie,Power of Siberia pipeline\n", encoding="utf-8")
    result = check(
        "Russia delivered a record amount of gas through the Siberian Force pipeline the day before.",
        "La Russie a livré un montant record de gaz via le gazoduc Force de Sibérie la veille.",
        glossary=[str(terms)],
    )
    found = [f for f in result.findings if f.rule == "glossary"]
    assert len(found) == 1 and found[0].suggestion == "Power of Siberia pipeline"
    assert result.target.slice(found[0].target) == "Siberian Force"


def test_a_term_is_compared_and_hashed_by_source_and_targets_as_the_frozen_dataclass_was():
    from mtcheck.checks.glossary import Term

    a, b = Term("Cour pénale internationale", ("ICC",)), Term("Cour pénale internationale", ("ICC",))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Term("Cour pénale internationale", ("ICC", "the court"))
    assert repr(a) == "Term(source='Cour pénale internationale', targets=('ICC',))"
    assert a.words == ("cour", "pénale", "internationale") and a.key == "internationale"
