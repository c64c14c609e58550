"""Data loading helpers: ``Phrases`` finds what the equivalent big alternation finds."""

from __future__ import annotations

import os
import random
import re

import pytest
import regex

from mtcheck.model import fold
from mtcheck.resources import Phrases, alternation, exonyms, pair_table, required_literals, word_list

BOUNDARIES = [(r"[\w'’-]", re), (r"\p{L}", regex)]


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("boundary, engine", BOUNDARIES)
def test_phrases_match_like_the_alternation(boundary, engine):
    words = ["Moscou", "Moscou-Centre", "Pékin", "Royaume-Uni", "Royaume Uni", "Le Caire", "Le", "É", "Ré", "d'Ivoire"]
    reference = engine.compile(rf"(?<!{boundary})(?:{alternation(words)})(?!{boundary})")
    phrases = Phrases(words, boundary, engine)
    rng = random.Random(7)
    pieces = [*words, "x", " ", "-", "'", "’", "9", "é", ",", "Moscoux", "LeCaire", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _spans(phrases, text) == _spans(reference, text), text
        assert phrases.sub(" ", text) == reference.sub(" ", text)


def test_phrases_on_the_shipped_lists():
    forms = list(exonyms("fr", "en"))
    reference = re.compile(rf"(?<![\w'’-])(?:{alternation(forms)})(?![\w'’-])")
    text = " ".join(forms) + " Au Royaume-Uni, Pékinois et pékin, l'Égypte, Moscou. " + "-".join(forms[:50])
    assert _spans(Phrases(forms, r"[\w'’-]"), text) == _spans(reference, text)
    kept = word_list("fr-en", "keep_source")
    reference = regex.compile(rf"(?<!\p{{L}})(?:{alternation(kept)})(?!\p{{L}})")
    text = " ".join(kept) + " " + "".join(kept[:40])
    assert _spans(Phrases(kept, r"\p{L}", regex), text) == _spans(reference, text)


def test_empty_phrases_are_false_and_find_nothing():
    phrases = Phrases([], r"\w")
    assert not phrases
    assert list(phrases.finditer("anything")) == []
    assert phrases.search("anything") is None


@pytest.mark.parametrize(
    "pattern, literals",
    [
        ("ma[iî]tre du Kremlin", ("tre du kremlin",)),
        ("en pleines? tensions?", (" tension",)),  # the rarer word
        ("(?:the )?master of the Kremlin", ("master of the kremlin",)),
        (r"interpel+(?:ed|ing)?", ("interpel",)),  # "l+": one l is certain, what follows may repeat it
        (r"\bdelays?\b", ("delay",)),
        (r"[]a-z]+ said", (" said",)),
        (r"[^\]x] said", (" said",)),
        (r"^\s*(?:read|see) (?:also|more)\b", ("also", "more")),  # one of them, the longer pair
        ("wooden (?:language|tongue)|tongue of wood", ("wooden ", "tongue of wood")),
        (r"(?P<w>hello|help)s?", ("hello", "help")),
        (r"(?<=ab)cde(?!xyz)", ("cde",)),  # lookarounds hold nothing certain
        (r"\u00a0abc|\p{L}abcd", ("abc", "abcd")),
        ("x{0,2}yyy", ("yyy",)),
        ("L’Élysée", ("l'élysée",)),  # folded like the text it is looked for in
        ("du|de", ()),
        ("(?:make|made) it|it", ()),  # a branch with nothing of three characters
        (r"ab(?:cd)+ef", ()),
        ("(unbalanced", ()),
        (r"(?P<w>said) (?P=w)", ("said",)),  # a backreference is no literal
        (r"(?x) said  it", ()),  # verbose: spaces are not literal
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("name, columns", [("calques", ("source_pattern", "target_pattern")), ("leftovers", ("pattern",))])
def test_required_literals_are_in_every_match(name, columns):
    """On the shipped tables: every match of a pattern, in its examples or in text built from it, holds a literal."""
    rng = random.Random(3)
    rows = pair_table("fr", "en", name)
    for row in rows:
        for column in columns:
            pattern = re.compile(row[column], re.IGNORECASE | re.MULTILINE)
            literals = required_literals(row[column])
            texts = [v for v in row.values() if v] + [" ".join(rng.choice(list(r.values())) for r in rng.sample(rows, 3)) for _ in range(20)]
            for text in texts:
                for m in pattern.finditer(text):
                    assert not literals or any(lit in fold(m.group()) for lit in literals), (row[column], m.group())


@pytest.mark.parametrize(
    "reader, folder, file, text, expected",
    [
        ("table", "xx-yy", "lexicon.tsv", "# comment\nxx\tyy\nchat\tcat| kitty\nchien\n",
         ({"xx": "chat", "yy": "cat| kitty"}, {"xx": "chien", "yy": ""})),
        ("word_list", "xx", "common_words.txt", "# comment\nchat \n\nchien\n", ("chat", "chien")),
    ],
)
def test_a_large_data_file_is_parsed_once_and_read_back_from_the_cache(tmp_path, monkeypatch, reader, folder, file, text, expected):
    from mtcheck import resources

    data, cache = tmp_path / "data", tmp_path / "cache"
    (data / folder).mkdir(parents=True)
    (data / folder / file).write_text(text, encoding="utf-8")
    monkeypatch.setattr(resources, "DATA_DIR", data)
    monkeypatch.setattr(resources, "_STORED_BYTES", 0)
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(cache))
    read = getattr(resources, reader).__wrapped__
    name = file.rsplit(".", 1)[0]
    assert read(folder, name) == expected
    [stored] = cache.iterdir()
    assert read(folder, name) == expected  # from the stored copy
    stored.write_bytes(b"\x00damaged")
    assert read(folder, name) == expected
    assert read(folder, "missing") == ()
    for k in range(resources._KEPT_VERSIONS + 2):  # the file changed (another checkout): older copies go
        os.utime(data / folder / file, ns=(k * 10**9, k * 10**9))
        assert read(folder, name) == expected
    assert len(list(cache.iterdir())) == resources._KEPT_VERSIONS


def test_a_folders_small_files_are_read_from_one_kept_copy(tmp_path, monkeypatch):
    from mtcheck import resources

    data, cache = tmp_path / "data", tmp_path / "cache"
    (data / "xx").mkdir(parents=True)
    names, style = data / "xx" / "names.txt", data / "xx" / "style.toml"
    names.write_text("# comment\nchat \n", encoding="utf-8")
    style.write_text("quotes = true\n", encoding="utf-8")
    (data / "xx" / "broken.toml").write_text("quotes = \n", encoding="utf-8")
    monkeypatch.setattr(resources, "DATA_DIR", data)
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(cache))

    def read(name: str):  # as a new process would: nothing cached in memory
        resources._small_files.cache_clear()
        return resources.word_list.__wrapped__("xx", name), resources.toml_data.__wrapped__("xx", "style")

    try:
        assert read("names") == (("chat",), {"quotes": True})
        assert [p.name.startswith("data-xx-small-") for p in cache.iterdir()] == [True]
        stamp = names.stat().st_mtime_ns
        names.write_text("# comment\nchien\n", encoding="utf-8")  # same size and time: the kept copy answers
        os.utime(names, ns=(stamp, stamp))
        assert read("names") == (("chat",), {"quotes": True})
        os.utime(names, ns=(stamp + 10**9, stamp + 10**9))  # a changed file: read again
        assert read("names") == (("chien",), {"quotes": True})
        assert read("missing")[0] == ()
        with pytest.raises(ValueError):  # an invalid TOML file is reported when asked, as before
            resources.toml_data.__wrapped__("xx", "broken")
    finally:
        resources._small_files.cache_clear()


def test_alternation_is_the_same_in_every_process():
    assert alternation(["bis", "und", "à", "to", "oder", "a"]) == "oder|bis|und|to|a|à"


def test_a_derived_value_is_built_once_and_read_back_until_the_package_changes(tmp_path, monkeypatch):
    from mtcheck import resources

    package, cache, calls = tmp_path / "package", tmp_path / "cache", []
    (package / "data").mkdir(parents=True)
    (package / "code.py").write_text("one", encoding="utf-8")
    monkeypatch.setattr(resources, "DATA_DIR", package / "data")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(cache))

    def build(lang: str) -> dict[str, frozenset[str]]:
        calls.append(lang)
        return {"words": frozenset({lang, "chat"})}

    def read() -> dict[str, frozenset[str]]:  # as a new process would: nothing cached in memory
        resources._package_version.cache_clear()
        value.cache_clear()
        return value("fr")

    value = resources.derived(build)
    try:
        assert read() == {"words": frozenset({"fr", "chat"})} and calls == ["fr"]
        assert read() == {"words": frozenset({"fr", "chat"})} and calls == ["fr"]  # from the stored copy
        (package / "code.py").write_text("two!", encoding="utf-8")  # a changed file of the package: built again
        assert read() == {"words": frozenset({"fr", "chat"})} and calls == ["fr", "fr"]
        for stored in cache.iterdir():
            stored.write_bytes(b"\x00damaged")
        assert read() == {"words": frozenset({"fr", "chat"})} and calls == ["fr", "fr", "fr"]
    finally:
        resources._package_version.cache_clear()


def test_only_the_newest_versions_of_a_derived_value_are_kept(tmp_path, monkeypatch):
    from mtcheck import resources

    package, cache = tmp_path / "package", tmp_path / "cache"
    (package / "data").mkdir(parents=True)
    monkeypatch.setattr(resources, "DATA_DIR", package / "data")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(cache))
    value = resources.derived(lambda lang: (lang,))
    try:
        for k in range(resources._KEPT_VERSIONS + 2):  # a changed package each time
            (package / "code.py").write_text("x" * k, encoding="utf-8")
            resources._package_version.cache_clear()
            value.cache_clear()
            assert value("fr") == ("fr",)
        assert len(list(cache.glob("derived-*-fr-*.marshal"))) == resources._KEPT_VERSIONS
        assert value("en") == ("en",) and len(list(cache.iterdir())) == resources._KEPT_VERSIONS + 1
    finally:
        resources._package_version.cache_clear()


def test_a_lexicon_reads_the_part_of_a_key_only_and_is_the_pair_table_as_a_mapping():
    from mtcheck.resources import PairLexicon, by_start, lexicon

    lex = PairLexicon({"ch": "chat\tcat|kitty\nchien\t\nchiens\tdogs", "é": "é\tE"})
    assert "chat" in lex and lex["chien"] == "" and lex.get("chat") == "cat|kitty" and lex["chiens"] == "dogs"
    assert "cha" not in lex and "hat" not in lex and "at" not in lex and "kitty" not in lex and "ien" not in lex
    assert 3 not in lex and lex.get("x", "-") == "-" and "é" in lex and "" not in lex
    with pytest.raises(KeyError):
        lex["chaton"]
    assert dict(lex) == {"chat": "cat|kitty", "chien": "", "chiens": "dogs", "é": "E"} and len(lex) == 4
    assert PairLexicon(by_start(dict(lex))) == lex and dict(PairLexicon({"ch": "chat\tcat dog"}, str.split)) == {"chat": ["cat", "dog"]}
    for src, tgt in (("fr", "en"), ("de", "en")):
        table = {row[src].lower(): row[tgt] for row in pair_table(src, tgt, "lexicon")}
        shipped = lexicon(src, tgt)
        assert dict(shipped) == table and len(shipped) == len(table) and all(shipped.get(k) == v for k, v in table.items())
