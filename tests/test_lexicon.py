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


def test_later_runs_read_the_cache_without_importing_wordfreq():
    lexicon("en")
    code = "import sys; from mtcheck.lexicon import lexicon; lexicon('en').zipf('the'); print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
