"""A new language pair is data plus a model name: a toy Portuguese → English pair, built from
data files alone in a copy of ``mtcheck/data``, is checked end to end."""

from __future__ import annotations

import shutil

import pytest

from mtcheck import align, langid, resources, typography
from mtcheck.mt import models
from tests.conftest import by_rule, texts

PT = {
    "pt/stopwords.txt": "o\na\nos\nas\nde\ndo\nda\ndos\ndas\nem\nno\nna\num\numa\ne\nque\npara\ncom\nnão\npor\nse\nao\nà\nmais\nfoi\né\nsão\nseu\nsua\n",
    "pt/typography.toml": 'quotes = [["«", "»"], ["“", "”"]]\ndecimal = ","\nthousands = "."\n',
    "pt/number_words.tsv": "word\tvalue\ndois\t2\ntrês\t3\ndez\t10\n",
    "pt/months.tsv": "name\tnumber\njaneiro\t1\nmarço\t3\n",
    "pt-en/mt.toml": 'name = "Helsinki-NLP/opus-mt-pt-en"\n',
    "pt-en/leftovers.tsv": "pattern\tlang\tlabel\n^\\s*leia também\\b\tpt\tread-also link (Leia também)\n",
    "pt-en/exonyms.tsv": "pt\ten\tkind\talt\nLisboa\tLisbon\tcity\t\n",
    "pt-en/calques.tsv": (
        "id\tkind\tsource_pattern\ttarget_pattern\tsuggestion\texample_source\texample_target\tnote\n"
        "puxar-push\tfalse-friend\tpux(?:ar|ou|aram)\tpush(?:ed)?\tpull\tEle puxou a porta.\tHe pushed the door.\t\n"
    ),
}

SOURCE = "\n\n".join([
    "O governo aprovou em março um plano de 2,5 milhões de euros para os hospitais de Lisboa.",
    "A ministra disse que dez hospitais vão receber três médicos cada um.",
    "Os sindicatos pediram mais médicos para o hospital de Coimbra.",
    "O presidente puxou o debate para a questão dos salários.",
    "A oposição criticou o plano no parlamento na quarta-feira.",
])
TARGET = "\n\n".join([
    "The government approved a 2.5 million euro plan for Lisbon's hospitals in March.",
    "The minister said 10 hospitals would get three doctors each.",
    "The unions asked for more doctors for the hospital in Coimbra.",
    "The president pushed the debate to the question of wages.",
    "The opposition criticised the plan in parliament on Wednesday.",
])


@pytest.fixture
def toy_pair(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(resources.DATA_DIR, data)
    for name, text in PT.items():
        (data / name).parent.mkdir(exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    for module in (resources, models):
        monkeypatch.setattr(module, "DATA_DIR", data)
    caches = (resources.languages, resources._package_version, langid._function_words, langid._stopwords, typography.typography, align.length_model)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_toy_pair_from_data_alone(toy_pair, check):
    assert "pt" in resources.languages() and "pt-en" in models.configured_pairs()
    assert models.model_spec("pt-en").name == "Helsinki-NLP/opus-mt-pt-en"
    result = check(TARGET + "\n\nLeia também: o plano", SOURCE, src_lang="pt")
    assert all(seg.source and seg.target for seg in result.segments[:5])  # aligned one to one
    assert by_rule(result, "number-mismatch") == []  # dez ↔ 10, três ↔ three, 2,5 ↔ 2.5
    assert texts(result, "leftover") == ["Leia também: o plano"]  # the whole line goes
    assert [f.suggestion for f in by_rule(result, "false-friend")] == ["pull"]


def test_toy_pair_finds_a_changed_number_and_a_source_exonym(toy_pair, check):
    target = TARGET.replace("2.5 million", "3.5 million").replace("plan for Lisbon's hospitals", "plan for hospitals in Lisboa")
    result = check(target, SOURCE, src_lang="pt")
    assert texts(result, "number-mismatch") == ["3.5"]
    assert [f.suggestion for f in by_rule(result, "source-exonym")] == ["Lisbon"]
