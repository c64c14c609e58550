"""Which MT model serves a language pair, where it lives on disk, and whether it is usable.

The default model of a direction is data: ``mtcheck/data/<src>-<tgt>/mt.toml`` names it
(``name = "Helsinki-NLP/opus-mt-fr-en"``); ``settings["model_names"]`` overrides it. A
name is a hub id or a local directory. A hub id is looked up, in order, in
``<models_dir>/<last part of the id>/``, ``<models_dir>/<id>/`` and the local Hugging Face
cache (files only, never the network).

A model directory is a transformers checkpoint (``config.json``, ``model.safetensors``,
``source.spm``, ``target.spm``, ``vocab.json``) and/or its CTranslate2 conversion in
``<dir>/ctranslate2/``. Files are checked here, before anything is loaded. This module
imports neither torch nor transformers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.resources import DATA_DIR

CT2_SUBDIR = "ctranslate2"
META_FILE = ".mtcheck.json"
HF_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")
CT2_FILES = ("model.bin", "config.json", "source.spm", "target.spm")
CT2_VOCABS = (
    ("shared_vocabulary.json",),
    ("shared_vocabulary.txt",),
    ("source_vocabulary.json", "target_vocabulary.json"),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
)


def _read_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10: the files are flat key = value
        out: dict = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r'\s*(\w+)\s*=\s*(?:"([^"]*)"|([-\d.]+))\s*(?:#.*)?$', line)
            if m:
                out[m.group(1)] = m.group(2) if m.group(2) is not None else float(m.group(3))
        return out
    with path.open("rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class ModelSpec:
    """The model configured for one direction (``pair`` = ``src-tgt``)."""

    pair: str
    name: str
    licence: str = ""
    size_mb: float = 0
    prefix: str = ""  # target-language token for multilingual models, e.g. ">>fra<<"

    @property
    def dirname(self) -> str:
        return self.name.rstrip("/").split("/")[-1]


def configured_pairs() -> list[str]:
    """Every direction that ships an ``mt.toml`` (``["de-en", "en-de", ...]``)."""
    return sorted(p.parent.name for p in DATA_DIR.glob("*-*/mt.toml"))


def model_spec(pair: str, settings: dict | None = None) -> ModelSpec | None:
    """The model for ``pair`` from ``settings['model_names']`` or the pair's ``mt.toml``."""
    settings = settings or {}
    data: dict = {}
    path = DATA_DIR / pair / "mt.toml"
    if path.is_file():
        data = _read_toml(path)
    name = (settings.get("model_names") or {}).get(pair) or data.get("name")
    if not name:
        return None
    return ModelSpec(
        pair=pair,
        name=str(name),
        licence=str(data.get("licence", "")),
        size_mb=float(data.get("size_mb", 0) or 0),
        prefix=str(data.get("prefix", "") or ""),
    )


@dataclass
class LocalModel:
    """What is on disk for one model: a usable transformers dir and/or CTranslate2 dir."""

    spec: ModelSpec
    root: Path | None = None  # the directory the name resolved to (may hold only ctranslate2/)
    hf_dir: Path | None = None
    ct2_dir: Path | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return self.hf_dir is not None or self.ct2_dir is not None

    def revision(self, backend: str) -> str:
        """A stable id of the weights a backend loads (pulled commit, or a content fingerprint)."""
        d = self.ct2_dir if backend == "ctranslate2" else self.hf_dir
        return revision_of(d) if d else ""


def hf_problems(d: Path) -> list[str]:
    """Why ``d`` is not a loadable transformers Marian checkpoint ([] when it is)."""
    missing = [f for f in HF_FILES if not (d / f).is_file()]
    has_st = (d / "model.safetensors").is_file() or (d / "model.safetensors.index.json").is_file()
    problems = []
    if not has_st:
        if (d / "pytorch_model.bin").is_file():
            problems.append(
                f"{d} has only pytorch_model.bin (pickle, not loaded): run `mtcheck models convert {d}`"
            )
        else:
            missing.append("model.safetensors")
    if missing:
        problems.append(f"{d} lacks {', '.join(missing)}")
    return problems


def ct2_problems(d: Path) -> list[str]:
    """Why ``d`` is not a loadable CTranslate2 model with its SentencePiece files."""
    missing = [f for f in CT2_FILES if not (d / f).is_file()]
    if not any(all((d / f).is_file() for f in group) for group in CT2_VOCABS):
        missing.append("shared_vocabulary.json")
    return [f"{d} lacks {', '.join(missing)}"] if missing else []


def _hf_cache_snapshot(repo_id: str) -> Path | None:
    """The local Hugging Face cache snapshot of ``repo_id`` (no network, no import)."""
    if "/" not in repo_id:
        return None
    hub = os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE")
    if not hub:
        home = os.environ.get("HF_HOME") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "huggingface"
        )
        hub = os.path.join(home, "hub")
    repo = Path(hub) / ("models--" + repo_id.replace("/", "--"))
    ref = repo / "refs" / "main"
    if ref.is_file():
        snap = repo / "snapshots" / ref.read_text().strip()
        if snap.is_dir():
            return snap
    return None


def candidate_dirs(spec: ModelSpec, models_dir: str | Path) -> list[Path]:
    models = Path(models_dir)
    name = spec.name
    out = []
    if Path(name).expanduser().is_dir() and (os.sep in name or name.startswith(".")):
        out.append(Path(name).expanduser())
    out += [models / spec.dirname, models / name]
    snap = _hf_cache_snapshot(name)
    if snap:
        out.append(snap)
    seen, uniq = set(), []
    for d in out:
        if d not in seen and d.is_dir():
            seen.add(d)
            uniq.append(d)
    return uniq


def locate(spec: ModelSpec, models_dir: str | Path = "models") -> LocalModel:
    """Find ``spec`` on disk; the first directory with a usable model wins."""
    found = LocalModel(spec)
    for d in candidate_dirs(spec, models_dir):
        hf = hf_problems(d)
        ct2_dir = d / CT2_SUBDIR
        ct2 = ct2_problems(ct2_dir) if ct2_dir.is_dir() else [f"{d} has no {CT2_SUBDIR}/ conversion"]
        if not hf or not ct2:
            found.root = d
            found.hf_dir = None if hf else d
            found.ct2_dir = None if ct2 else ct2_dir
            found.problems = hf + ct2
            return found
        if found.root is None:
            found.root = d
        found.problems += hf
    return found


_REVISIONS: dict[tuple[str, float, int], str] = {}


def revision_of(d: Path) -> str:
    """The pulled commit recorded in ``.mtcheck.json``, else a fingerprint of the weights."""
    meta = d / META_FILE
    if meta.is_file():
        try:
            rev = json.loads(meta.read_text(encoding="utf-8")).get("revision")
            if rev:
                return str(rev)
        except (OSError, ValueError):
            pass
    if d.name != CT2_SUBDIR and d.parent.name == "snapshots":
        return d.name  # Hugging Face cache: the snapshot directory is the commit
    weights = next(
        (d / f for f in ("model.bin", "model.safetensors", "model.safetensors.index.json") if (d / f).is_file()),
        None,
    )
    if weights is None:
        return ""
    st = weights.stat()
    key = (str(weights), st.st_mtime, st.st_size)
    if key not in _REVISIONS:
        h = hashlib.sha1()
        h.update(str(st.st_size).encode())
        for extra in ("config.json", "vocab.json", "shared_vocabulary.json"):
            if (d / extra).is_file():
                h.update((d / extra).read_bytes())
        with weights.open("rb") as f:
            h.update(f.read(1 << 20))
            if st.st_size > 2 << 20:
                f.seek(-(1 << 20), os.SEEK_END)
                h.update(f.read(1 << 20))
        _REVISIONS[key] = "local-" + h.hexdigest()[:16]
    return _REVISIONS[key]


def dir_size_mb(d: Path) -> float:
    return sum(p.stat().st_size for p in d.rglob("*") if p.is_file()) / 2**20
