"""The seed pair through real opus-mt models — runs only when they are in models/."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.mt.models import locate, model_spec

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
PRESENT = all(locate(model_spec(p), MODELS).present for p in ("fr-en", "en-fr"))

pytestmark = pytest.mark.skipif(
    not PRESENT, reason="real opus-mt models not in models/ (run `mtcheck models pull --pair fr-en`)"
)

GARBLED = "Then he was welcomed by Russian President Vladimir Putin on Tuesday by his Chinese counterpart Xi Jinping"


def test_seed_pair_garbled_sentence_is_flagged(tmp_path):
    from mtcheck.pipeline import check_pair

    samples = ROOT / "samples"
    result = check_pair(
        samples / "putin-xi-summit.en.txt",
        samples / "putin-xi-summit.fr.txt",
        src_lang="fr",
        tgt_lang="en",
        settings={"models_dir": str(MODELS), "cache_path": str(tmp_path / "mt.sqlite")},
    )
    assert result.mt["status"] == "used"
    start = result.target.text.index(GARBLED)
    end = start + len(GARBLED)
    hits = [
        f for f in result.findings
        if f.rule == "mt-mistranslation" and f.target and start <= f.target.start < end
    ]
    assert hits, [(f.rule, result.target.slice(f.target)) for f in result.findings if f.rule.startswith("mt-")]
