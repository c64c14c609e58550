"""Getting models onto disk: download from the Hugging Face Hub, convert to CTranslate2.

Only ``mtcheck models pull`` touches the network; ``check`` never does. Weights are kept
as safetensors: when a repository only has ``pytorch_model.bin``, it is read once with
``torch.load(weights_only=True)`` (no pickled code runs) and rewritten as safetensors.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from mtcheck.mt.models import CT2_SUBDIR, META_FILE, ModelSpec, revision_of

HF_PATTERNS = [
    "config.json",
    "generation_config.json",
    "source.spm",
    "target.spm",
    "vocab.json",
    "tokenizer_config.json",
    "README.md",
    "LICENSE*",
]


def pull(spec: ModelSpec, models_dir: str | Path = "models", *, convert: bool = True, log=print) -> Path:
    """Download ``spec.name`` into ``models_dir/<name>/`` (progress bar) and convert it."""
    from huggingface_hub import HfApi, snapshot_download

    api = HfApi()
    info = api.model_info(spec.name)
    revision = info.sha
    files = {s.rfilename for s in (info.siblings or [])} or set(api.list_repo_files(spec.name, revision=revision))
    dest = Path(models_dir) / spec.dirname
    dest.mkdir(parents=True, exist_ok=True)
    weights = ["model.safetensors"] if "model.safetensors" in files else []
    if not weights and "model.safetensors.index.json" in files:
        weights = ["model.safetensors.index.json", "model-*.safetensors"]
    if not weights:
        weights = ["pytorch_model.bin"]
    log(f"downloading {spec.name}@{revision[:10]} into {dest}")
    snapshot_download(spec.name, revision=revision, local_dir=dest, allow_patterns=HF_PATTERNS + weights)
    if weights == ["pytorch_model.bin"]:
        log("the repository has no safetensors: converting pytorch_model.bin (weights only)")
        bin_to_safetensors(dest)
    (dest / META_FILE).write_text(
        json.dumps({"repo_id": spec.name, "revision": revision, "pulled": time.strftime("%Y-%m-%d")}),
        encoding="utf-8",
    )
    shutil.rmtree(dest / ".cache", ignore_errors=True)
    if convert:
        log(f"converting {dest} to CTranslate2 int8")
        convert_ct2(dest)
    return dest


def bin_to_safetensors(d: Path) -> Path:
    """Rewrite ``pytorch_model.bin`` as ``model.safetensors`` (tied weights stored once)."""
    import torch
    from safetensors.torch import save_file

    state = torch.load(d / "pytorch_model.bin", map_location="cpu", weights_only=True)
    seen: dict[int, str] = {}
    out = {}
    for k, v in state.items():
        ptr = v.untyped_storage().data_ptr()
        if ptr in seen and v.shape == state[seen[ptr]].shape:
            continue  # tied (shared embeddings / lm_head): transformers re-ties on load
        seen[ptr] = k
        out[k] = v.contiguous()
    save_file(out, str(d / "model.safetensors"), metadata={"format": "pt"})
    (d / "pytorch_model.bin").unlink()
    return d / "model.safetensors"


def convert_ct2(d: str | Path, quantization: str = "int8") -> Path:
    """Convert the transformers checkpoint in ``d`` to ``d/ctranslate2/`` (offline)."""
    d = Path(d)
    if (d / "pytorch_model.bin").is_file() and not (d / "model.safetensors").is_file():
        bin_to_safetensors(d)
    os.environ["HF_HUB_OFFLINE"] = "1"
    from ctranslate2.converters import TransformersConverter

    _quiet_transformers()
    out = d / CT2_SUBDIR
    tmp = d / (CT2_SUBDIR + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    TransformersConverter(str(d), copy_files=["source.spm", "target.spm"]).convert(
        str(tmp), quantization=quantization, force=True
    )
    cfg = json.loads((d / "config.json").read_text(encoding="utf-8"))
    (tmp / META_FILE).write_text(
        json.dumps({
            "source_revision": revision_of(d),
            "revision": f"{revision_of(d)}+ct2-{quantization}",
            "quantization": quantization,
            "max_position_embeddings": cfg.get("max_position_embeddings"),
        }),
        encoding="utf-8",
    )
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out


def _quiet_transformers() -> None:
    try:
        from transformers.utils import logging

        logging.set_verbosity_error()
        logging.disable_progress_bar()
    except Exception:  # pragma: no cover - cosmetic only
        pass
