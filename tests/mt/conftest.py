"""Tiny random-weight Marian models (fr→en, en→fr) and their CTranslate2 conversions.

Built once per test session (≈10 s on 2 cores) with the production builder
``mtcheck.mt.randmodel``: SentencePiece trained on the samples and newstest2014 lines,
``save_pretrained`` as safetensors, ``ct2-transformers`` conversion. Laid out as
``<dir>/opus-mt-fr-en`` and ``<dir>/opus-mt-en-fr`` so sessions resolve them exactly as
they resolve pulled models (``models_dir`` + the names in ``mtcheck/data/<pair>/mt.toml``).
Random weights: tests assert shapes, order, offsets, caching and agreement, never content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
NEWSTEST = SHARED / "data" / "newstest2014-fren"


def corpus(lang: str, limit: int = 400) -> list[str]:
    lines: list[str] = []
    for p in sorted((ROOT / "samples").glob(f"*.{lang}.*")):
        lines += p.read_text(encoding="utf-8").splitlines()
    extra = NEWSTEST / f"newstest2014.fr-orig.{lang}"
    if extra.is_file():
        lines += extra.read_text(encoding="utf-8").splitlines()[:limit]
    return [ln for ln in lines if ln.strip()]


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> Path:
    for mod in ("torch", "transformers", "sentencepiece", "ctranslate2"):
        pytest.importorskip(mod, reason="the mt extra is not installed")
    from mtcheck.mt.randmodel import build_random_marian

    d = tmp_path_factory.mktemp("mt-models")
    fr, en = corpus("fr"), corpus("en")
    # The English side uses SentencePiece's nmt_nfkc normaliser (as opus-mt does), the
    # French side the identity one: offsets are tested through both.
    build_random_marian(d / "opus-mt-fr-en", src_lang="fr", tgt_lang="en", src_lines=fr, tgt_lines=en,
                        spm_normalization=("identity", "nmt_nfkc"), seed=0)
    build_random_marian(d / "opus-mt-en-fr", src_lang="en", tgt_lang="fr", src_lines=en, tgt_lines=fr,
                        spm_normalization=("nmt_nfkc", "identity"), seed=1)
    return d


def _open(models: Path, backend: str, **extra):
    from mtcheck.mt.session import open_session

    session, notice = open_session("fr", "en", {"models_dir": str(models), "backend": backend, "cache": False, **extra})
    assert notice is None, notice
    return session


@pytest.fixture(scope="session")
def ct2_session(tiny_models):
    s = _open(tiny_models, "ctranslate2")
    yield s
    s.close()


@pytest.fixture(scope="session")
def hf_session(tiny_models):
    # the fp32 reference; one thread: the tiny model gains nothing from more, and OpenMP
    # threads spin badly when the CPU is shared with other test processes
    s = _open(tiny_models, "transformers", hf_quantize="none", threads=1)
    yield s
    s.close()


@pytest.fixture
def open_tiny(tiny_models):
    """Open a fresh session on the tiny models with extra settings."""
    return lambda backend="ctranslate2", **extra: _open(tiny_models, backend, **extra)
