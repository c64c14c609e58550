"""Shared helpers: check small in-memory articles through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.model import DocumentResult, Finding
from mtcheck.pipeline import check_pair

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


class Checker:
    """Writes a target (and source) to a temporary folder and checks them with MT off."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(
        self, target: str, source: str | None = None, suffix: str = ".txt", src_lang: str = "fr", tgt_lang: str = "en", **settings
    ) -> DocumentResult:
        self.count += 1
        stem = self.folder / f"doc{self.count}"
        tgt_path = stem.with_suffix(f".{tgt_lang}{suffix}")
        tgt_path.write_text(target, encoding="utf-8")
        src_path = None
        if source is not None:
            src_path = stem.with_suffix(f".{src_lang}{suffix}")
            src_path.write_text(source, encoding="utf-8")
        settings = {"mt": False, **settings}
        return check_pair(tgt_path, src_path, src_lang=src_lang, tgt_lang=tgt_lang, settings=settings, find_by_name=False)


@pytest.fixture
def check(tmp_path: Path) -> Checker:
    return Checker(tmp_path)


def by_rule(result: DocumentResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


def texts(result: DocumentResult, rule: str) -> list[str]:
    """The flagged target text of each finding of ``rule``."""
    return [result.target.slice(f.target) for f in by_rule(result, rule) if f.target is not None]
