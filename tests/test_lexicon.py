import subprocess
import sys

from mtcheck.lexicon import deletes, distance, lexicon


def test_distance_counts_swaps_as_one_edit():
    assert distance("recieved", "received") == 1
    assert distance("goverment", "government") == 1
    assert distance("ths", "this") == 1
    assert distance("kitten", "sitting") == 3


def test_deletes_reach_two_edits():
    assert {"goverment", "gverment", "gvrment"} <= deletes("goverment")
    assert "goverment" in deletes("government", 1)


def test_frequencies_dictionary_and_corrections():
    en, fr = lexicon("en"), lexicon("fr")
    assert en.zipf("the") > 7 and en.zipf("xqzvw") == 0
    assert en.known("government") and not en.known("goverment")
    assert fr.zipf("véritable") > 4 > en.zipf("véritable")
    assert en.near("goverment")[0][2] == "government"
    assert lexicon("xx") is None


def test_lookups_keep_a_small_page_cache():
    """A run reads each page of the 45 MB file about once: SQLite's default 2 MB cache per
    language only cost page faults."""
    assert lexicon("en").db.execute("PRAGMA cache_size").fetchone()[0] == 32


def test_later_runs_read_the_cache_without_importing_wordfreq():
    lexicon("en")
    code = "import sys; from mtcheck.lexicon import lexicon; lexicon('en').zipf('the'); print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cache_clear_removes_derived_files_and_leaves_the_rest(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from mtcheck.mt.cli import cache_app

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    derived = ["lexicon-en-3-0a1b2c3d.sqlite", "patterns-2024.5.15-cpython-311.pickle", "data-en-common_words.txt-1-2-cpython-311.marshal",
               "derived-mtcheck.checks.names._demonyms-fr-en-0a1b2c3d-cpython-311.marshal"]
    for name in derived + ["notes.txt"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "lexicon-fr-3-link.sqlite").symlink_to(tmp_path / "notes.txt")
    result = CliRunner().invoke(cache_app, ["clear"])
    assert result.exit_code == 0, result.output
    assert "4 derived word lists and patterns removed" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lexicon-fr-3-link.sqlite", "notes.txt"]
