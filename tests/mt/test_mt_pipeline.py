"""The MT layer inside the real pipeline: tiny models end to end, and the missing-model paths."""

from __future__ import annotations

import json

import pytest

from mtcheck.pipeline import check_pair
from mtcheck.readers import InputError
from tests.conftest import SAMPLES

SEED_EN = SAMPLES / "putin-xi-summit.en.txt"
SEED_FR = SAMPLES / "putin-xi-summit.fr.txt"
MT_RULES = {"mt-mistranslation", "mt-omission", "mt-addition", "mt-round-trip"}


def test_seed_pair_with_tiny_models(tiny_models, tmp_path):
    settings = {"models_dir": str(tiny_models), "backend": "ctranslate2", "cache_path": str(tmp_path / "mt.sqlite")}
    result = check_pair(SEED_EN, SEED_FR, src_lang="fr", tgt_lang="en", settings=settings)
    assert result.mt["status"] == "used" and result.mt["backend"] == "ctranslate2"
    json.dumps(result.mt)
    assert any(n.startswith("MT: ") and "chrF signature: nrefs:1" in n for n in result.notices)
    aligned = [s for s in result.segments if s.source and s.target]
    assert aligned and all("mt_forward" in s.scores and "chrf_back" in s.scores for s in aligned)
    for f in result.findings:
        if f.rule in MT_RULES:
            assert f.target is not None and result.target.slice(f.target)
    # unchanged text: the second run is served from the cache
    again = check_pair(SEED_EN, SEED_FR, src_lang="fr", tgt_lang="en", settings=settings)
    assert [s.scores.get("mt_forward") for s in again.segments] == [s.scores.get("mt_forward") for s in result.segments]
    assert sorted((f.rule, f.target) for f in again.findings) == sorted((f.rule, f.target) for f in result.findings)


def test_missing_models_notice_and_require_mt(tmp_path):
    settings = {"models_dir": str(tmp_path / "models")}
    result = check_pair(SEED_EN, SEED_FR, src_lang="fr", tgt_lang="en", settings=settings)
    assert result.mt["status"] == "skipped"
    notices = [n for n in result.notices if n.startswith("MT skipped")]
    assert len(notices) == 1 and "mtcheck models pull --pair fr-en" in notices[0]
    assert not {f.rule for f in result.findings} & MT_RULES
    assert result.findings  # the heuristic checks still ran
    with pytest.raises(InputError):
        check_pair(SEED_EN, SEED_FR, src_lang="fr", tgt_lang="en", settings={**settings, "require_mt": True})


def test_engines_are_shared_across_sessions(tiny_models):
    """A batch of articles loads each model once per process."""
    from mtcheck.mt.session import open_session

    settings = {"models_dir": str(tiny_models), "cache": False}
    first, _ = open_session("fr", "en", settings)
    second, _ = open_session("fr", "en", settings)
    assert first is not None and second is not None and first is not second
    assert first.engines["forward"] is second.engines["forward"]
