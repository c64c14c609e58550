"""The disk cache of compiled ``regex`` patterns (``mtcheck.patterns``)."""

from __future__ import annotations

import marshal
import os

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
