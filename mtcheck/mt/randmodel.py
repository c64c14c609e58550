"""Random-weight MarianMT checkpoints for tests and benchmarks (no download needed).

The Hugging Face Hub is not always reachable, and tests must never depend on pretrained
weights. ``build_random_marian`` writes a complete Marian checkpoint directory exactly as
``mtcheck models pull`` would leave one — ``config.json``, ``model.safetensors``,
``generation_config.json``, ``source.spm``, ``target.spm``, ``vocab.json``,
``tokenizer_config.json`` — plus, optionally, its CTranslate2 int8 conversion in
``<dir>/ctranslate2/``. SentencePiece models are trained on the lines given.

Random weights give near-uniform distributions (log-probs near ``-ln V``) and the same
output for every input: callers may assert shapes, order, determinism and offsets, never
content. This module imports torch/transformers; it is never imported at check time.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

TINY = dict(d_model=32, layers=2, heads=2, ffn=128, max_positions=64, spm_vocab=300)
"""A model of a few hundred kilobytes that builds in seconds (tests)."""

OPUS_MT = dict(d_model=512, layers=6, heads=8, ffn=2048, max_positions=512, spm_vocab=8000,
               vocab_size=59514)
"""The exact shape of Helsinki-NLP/opus-mt-fr-en (75 M parameters, shared embeddings)."""


def train_spm(lines: Iterable[str], path: Path, vocab_size: int, *, normalization: str = "identity") -> None:
    """Train a unigram SentencePiece model on ``lines`` into ``path`` (Marian's id layout)."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([ln for ln in lines if ln.strip()]),
        model_writer=buf,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        character_coverage=1.0,
        normalization_rule_name=normalization,
        minloglevel=2,
    )
    path.write_bytes(buf.getvalue())


def _pieces(spm_path: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    return [
        sp.id_to_piece(i)
        for i in range(sp.get_piece_size())
        if not (sp.is_control(i) or sp.is_unknown(i))
    ]


def build_random_marian(
    out_dir: str | Path,
    *,
    src_lang: str,
    tgt_lang: str,
    src_lines: Iterable[str],
    tgt_lines: Iterable[str],
    shape: dict | None = None,
    seed: int = 0,
    ct2: bool = True,
    spm_normalization: tuple[str, str] = ("identity", "identity"),
) -> Path:
    """Write a random-weight Marian checkpoint (and its CTranslate2 conversion) to ``out_dir``.

    ``shape`` keys: d_model, layers, heads, ffn, max_positions, spm_vocab and optionally
    vocab_size (the Marian vocabulary is padded with filler pieces up to that size, to
    reproduce the cost of a real output layer).
    """
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    from mtcheck.mt.pull import _quiet_transformers

    _quiet_transformers()
    shape = {**TINY, **(shape or {})}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = out / "_spm"
    work.mkdir(exist_ok=True)
    train_spm(src_lines, work / "source.spm", shape["spm_vocab"], normalization=spm_normalization[0])
    train_spm(tgt_lines, work / "target.spm", shape["spm_vocab"], normalization=spm_normalization[1])

    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece in _pieces(work / "source.spm") + _pieces(work / "target.spm"):
        vocab.setdefault(piece, len(vocab))
    wanted = shape.get("vocab_size")
    if wanted:
        filler = 0
        while len(vocab) < wanted - 1:
            vocab.setdefault(f"<filler{filler}>", len(vocab))
            filler += 1
    pad = len(vocab)
    vocab["<pad>"] = pad
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    tok = MarianTokenizer(
        source_spm=str(work / "source.spm"),
        target_spm=str(work / "target.spm"),
        vocab=str(work / "vocab.json"),
        source_lang=src_lang,
        target_lang=tgt_lang,
    )
    tok.save_pretrained(str(out))

    size = len(vocab)
    cfg = MarianConfig(
        vocab_size=size,
        decoder_vocab_size=size,
        d_model=shape["d_model"],
        encoder_layers=shape["layers"],
        decoder_layers=shape["layers"],
        encoder_attention_heads=shape["heads"],
        decoder_attention_heads=shape["heads"],
        encoder_ffn_dim=shape["ffn"],
        decoder_ffn_dim=shape["ffn"],
        max_position_embeddings=shape["max_positions"],
        activation_function="swish",
        scale_embedding=True,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(cfg).eval()
    model.generation_config = GenerationConfig(
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        bad_words_ids=[[pad]],
        num_beams=1,
        max_length=shape["max_positions"],
    )
    model.save_pretrained(str(out), safe_serialization=True)
    if not (out / "vocab.json").exists():
        (out / "vocab.json").write_bytes((work / "vocab.json").read_bytes())
    for f in work.iterdir():
        f.unlink()
    work.rmdir()
    if ct2:
        from mtcheck.mt.pull import convert_ct2

        convert_ct2(out)
    return out
