"""The disk cache of compiled ``regex`` and ``re`` patterns (``mtcheck.patterns``)."""

from __future__ import annotations

import _sre
import marshal
import os
import re

import pytest
import regex

from mtcheck import patterns


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache directory and a module that has read nothing yet (as a new process)."""
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))

    def restart() -> None:
        monkeypatch.setattr(patterns, "_patterns", None)
        monkeypatch.setattr(patterns, "_new", set())
        monkeypatch.setattr(patterns, "_re_code", {})

    restart()
    return restart


def test_a_pattern_compiled_once_is_read_back_by_the_next_run(fresh):
    first = patterns.compile(r"(?<!\p{L})ne\s+\p{L}+\s+pas\b", regex.IGNORECASE)
    assert first.pattern == r"(?<!\p{L})ne\s+\p{L}+\s+pas\b" and first.search("Il NE veut PAS")
    patterns._save()
    fresh()
    assert (r"(?<!\p{L})ne\s+\p{L}+\s+pas\b", int(regex.IGNORECASE)) in patterns._loaded()
    again = patterns.compile(r"(?<!\p{L})ne\s+\p{L}+\s+pas\b", regex.IGNORECASE)
    assert again.flags == first.flags and again.search("il ne veut pas").span() == (3, 14)
    assert not patterns._new  # nothing new to write


def test_flags_are_part_of_the_key(fresh):
    assert patterns.compile("abc").search("ABC") is None
    assert patterns.compile("abc", regex.IGNORECASE).search("ABC") is not None


def test_a_damaged_file_is_ignored_and_rewritten(fresh):
    patterns._path().write_bytes(b"not marshal data")
    assert patterns.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]
    patterns._save()
    fresh()
    assert (r"\d+", 0) in patterns._loaded()


def test_a_file_holding_anything_but_patterns_is_refused(fresh, tmp_path):
    (tmp_path / "victim").write_text("x")
    code = compile(f"import os; os.remove({str(tmp_path / 'victim')!r})", "boom", "exec")
    patterns._path().write_bytes(marshal.dumps({(r"\d+", 0): marshal.dumps(code), (r"\w+", 0): marshal.dumps(("\\w+", 0))}))
    assert patterns.compile(r"\d+").match("7") and patterns.compile(r"\w+").match("a")
    assert (tmp_path / "victim").exists() and patterns._new == {(r"\d+", 0), (r"\w+", 0)}


def test_nothing_is_written_when_nothing_new_was_compiled(fresh):
    patterns._save()
    assert not patterns._path().exists()


def test_an_unwritable_cache_is_no_error(fresh, monkeypatch, tmp_path):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "file" / "below"))
    assert patterns.compile("x+").match("xx")
    patterns._save()  # mkdir fails: the next run compiles again


def test_only_the_patterns_a_run_asks_for_are_restored(fresh):
    patterns.compile(r"\d+")
    patterns.compile(r"\p{Lu}\p{L}+")
    patterns._save()
    fresh()
    assert patterns.compile(r"\d+").findall("a 12") == ["12"]
    loaded = patterns._loaded()
    assert isinstance(loaded[(r"\d+", 0)], regex.Pattern) and type(loaded[(r"\p{Lu}\p{L}+", 0)]) is bytes


def test_a_damaged_entry_is_compiled_afresh_and_rewritten(fresh):
    patterns._path().write_bytes(marshal.dumps({(r"\d+", 0): b"not marshal data", (r"\w+", 0): patterns._code(regex.compile(r"\s+"))}))
    assert patterns.compile(r"\d+").findall("a 12") == ["12"]
    assert patterns.compile(r"\w+").findall("a 12") == ["a", "12"]  # the entry held another pattern
    patterns._save()
    fresh()
    assert patterns.compile(r"\d+").pattern == r"\d+" and not patterns._new


_RE_CASES = [
    (r"(?<![A-Za-z0-9'’.-])([A-Za-z][A-Za-z'’]*+(?:-[A-Za-z][A-Za-z'’]*+)*+)([ \t\n\v\f\r]++)(\1)(?![A-Za-z0-9'’-])", re.IGNORECASE),
    (r"(?P<word>[A-Za-z]+)['’]?", 0),
    (rb"^[ \t]*\[tool", re.MULTILINE),
    ("[^\x00-\x7f’‘“”–—…«»]", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), _RE_CASES)
def test_an_re_pattern_read_back_is_the_one_re_compiles(fresh, pattern, flags):
    first = patterns.compile_re(pattern, flags)
    assert first == re.compile(pattern, flags)  # same pattern, flags and code
    patterns._save()
    fresh()
    assert type(patterns._loaded()[(pattern, int(flags), "re")]) is bytes
    again = patterns.compile_re(pattern, flags)
    assert again == re.compile(pattern, flags) and again.groupindex == re.compile(pattern, flags).groupindex
    assert not patterns._new


def test_an_re_pattern_read_back_stays_in_the_file_when_another_is_new(fresh):
    patterns.compile_re(r"[0-9]+")
    patterns._save()
    fresh()
    patterns.compile_re(r"[0-9]+")
    patterns.compile_re(r"[a-z]+")
    patterns._save()
    fresh()
    assert {(r"[0-9]+", 0, "re"), (r"[a-z]+", 0, "re")} <= patterns._loaded().keys()


def test_an_re_and_a_regex_pattern_of_the_same_text_are_kept_apart(fresh):
    assert isinstance(patterns.compile_re(r"\w+"), re.Pattern) and isinstance(patterns.compile(r"\w+"), regex.Pattern)
    patterns._save()
    fresh()
    assert isinstance(patterns.compile_re(r"\w+"), re.Pattern) and isinstance(patterns.compile(r"\w+"), regex.Pattern)


def test_a_damaged_or_foreign_re_entry_is_compiled_afresh(fresh):
    _, code = patterns._compiled_re(r"\s+", 0)
    other_sre = marshal.dumps((_sre.MAGIC + 1, marshal.loads(code)[1]))
    patterns._path().write_bytes(marshal.dumps({(r"\d+", 0, "re"): b"junk", (r"\s+", 0, "re"): other_sre, (r"\w+", 0, "re"): code}))
    assert patterns.compile_re(r"\d+").findall("a 12") == ["12"]
    assert patterns.compile_re(r"\s+") == re.compile(r"\s+")
    assert patterns.compile_re(r"\w+").findall("a 12") == ["a", "12"]  # the entry held another pattern
    assert patterns._new == {(r"\d+", 0, "re"), (r"\s+", 0, "re"), (r"\w+", 0, "re")}


def test_an_re_pattern_is_compiled_by_re_when_its_private_compiler_fails(fresh, monkeypatch):
    def broken(pattern, flags):
        raise ImportError("no re._compiler")  # as on Python 3.10, whose compiler is sre_compile

    monkeypatch.setattr(patterns, "_compiled_re", broken)
    assert patterns.compile_re(r"\d+") == re.compile(r"\d+") and not patterns._new
