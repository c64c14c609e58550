"""The two inference engines behind an MT session, with one interface.

Both take SentencePiece pieces (no ``</s>``: each backend appends it to sources) and give
back pieces and natural-log probabilities:

* ``translate(batches)`` — greedy or beam search, one ``Request`` list per batch; returns
  ``(pieces, sum_logprob, n_scored)`` per input, where ``n_scored`` counts the generated
  tokens including ``</s>`` when it was produced.
* ``score(batches)`` — forced decoding: the log-probability of every target piece and of
  the final ``</s>``.

CTranslate2 (``ctranslate2`` only: no torch, no transformers) runs int8 on CPU with
``inter_threads`` workers of ``intra_threads`` threads each; batches are submitted
asynchronously so the workers run in parallel. transformers (MarianMTModel) loads
safetensors only, never remote code, with the Hub forced offline.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

EOS = "</s>"


@dataclass
class Request:
    """One translation input: pieces and decoding length bounds (in generated tokens)."""

    pieces: list[str]
    max_len: int
    min_len: int = 1


def cpu_threads(settings: dict) -> int:
    n = settings.get("threads")
    if n:
        return int(n)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return max(1, os.cpu_count() or 1)


class CT2Backend:
    name = "ctranslate2"

    def __init__(self, path: str | Path, settings: dict) -> None:
        import ctranslate2

        threads = cpu_threads(settings)
        device = settings.get("device") or ("cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu")
        if device == "cuda":
            compute, inter, intra = "int8_float16", 1, 1
        else:
            # Measured on 2 vCPU: several one-thread workers beat one multi-thread worker.
            compute = "int8"
            inter = int(settings.get("inter_threads") or min(threads, 4))
            intra = int(settings.get("intra_threads") or max(1, threads // inter))
        self.device, self.compute_type = device, compute
        self.threads = (inter, intra)
        self.model = ctranslate2.Translator(
            str(path), device=device, compute_type=compute, inter_threads=inter, intra_threads=intra
        )
        # A greedy step costs little more for more sentences: on the seed (43 sentences, 2
        # workers) 32 took 5.6 s of CPU against 6.7 s with 8 (bench/mt_speed.py).
        self.translate_batch_size = int(settings.get("batch_size") or 32)
        self.score_batch_size = int(settings.get("score_batch_size") or 16)
        self.calls = 0

    def translate(self, batches: list[list[Request]], beam_size: int = 1) -> list[list[tuple[list[str], float, int]]]:
        pending = []
        for batch in batches:
            self.calls += 1
            pending.append(
                self.model.translate_batch(
                    [r.pieces + [EOS] for r in batch],
                    asynchronous=True,
                    beam_size=beam_size,
                    max_decoding_length=max(r.max_len for r in batch),
                    min_decoding_length=max(1, min(r.min_len for r in batch)),
                    max_input_length=0,
                    # greedy: summed log-probs (normalised here); beam: ranked and scored per token
                    length_penalty=0 if beam_size == 1 else 1,
                    return_scores=True,
                    return_end_token=True,
                )
            )
        out = []
        for batch, results in zip(batches, pending):
            rows = []
            for req, res in zip(batch, results):
                r = res.result()
                toks = list(r.hypotheses[0])
                ended = bool(toks) and toks[-1] == EOS
                hyp = toks[:-1] if ended else toks
                n = len(hyp) + int(ended)
                total = float(r.scores[0]) * (1 if beam_size == 1 else n)
                if len(hyp) > req.max_len:
                    # Decoded on under a longer batch budget without finishing: cut it to its own
                    # budget (greedy prefixes do not depend on the budget) at the same mean log-prob,
                    # so the output does not depend on how inputs were batched.
                    mean = total / n if n else 0.0
                    hyp, ended, n = hyp[: req.max_len], False, req.max_len
                    total = mean * n
                rows.append((hyp, total, n))
            out.append(rows)
        return out

    def score(self, batches: list[list[tuple[list[str], list[str]]]]) -> list[list[list[float]]]:
        pending = []
        for batch in batches:
            self.calls += 1
            pending.append(
                self.model.score_batch(
                    [s + [EOS] for s, _ in batch], [t for _, t in batch], asynchronous=True, max_input_length=0
                )
            )
        return [[list(r.result().log_probs) for r in results] for results in pending]


class HFBackend:
    name = "transformers"

    def __init__(self, path: str | Path, settings: dict) -> None:
        # No network during check, whatever the environment says.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        import torch
        from transformers import MarianMTModel
        from transformers.utils import logging

        logging.set_verbosity_error()
        logging.disable_progress_bar()
        self.torch = torch
        device = settings.get("device") or ("cuda" if torch.cuda.is_available() else "cpu")
        if device == "cpu":
            torch.set_num_threads(cpu_threads(settings))
        model = MarianMTModel.from_pretrained(
            str(path), local_files_only=True, use_safetensors=True, trust_remote_code=False
        ).eval()
        self.quantized = False
        if device == "cpu" and settings.get("hf_quantize", "int8") == "int8":
            import warnings

            with warnings.catch_warnings():  # torch 2.13 flags its quantised tensors as deprecated
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
            self.quantized = True
        self.model = model.to(device)
        self.device = device
        self.compute_type = "int8-dynamic" if self.quantized else str(next(model.parameters()).dtype).replace("torch.", "")
        cfg = model.config
        self.vocab: dict[str, int] = json.loads((Path(path) / "vocab.json").read_text(encoding="utf-8"))
        self.itos = {i: s for s, i in self.vocab.items()}
        self.unk = self.vocab.get("<unk>", 1)
        self.eos = cfg.eos_token_id
        self.pad = cfg.pad_token_id
        self.start = cfg.decoder_start_token_id
        gc = model.generation_config
        gc.max_length = None
        gc.num_beams = 1
        self.translate_batch_size = int(settings.get("batch_size") or 16)
        self.score_batch_size = int(settings.get("score_batch_size") or 16)
        self.threads = (1, torch.get_num_threads())  # (parallel workers, threads each): one process-wide pool
        self.calls = 0

    def _ids(self, pieces: list[str]) -> list[int]:
        return [self.vocab.get(p, self.unk) for p in pieces]

    def _pad(self, rows: list[list[int]]):
        width = max(len(r) for r in rows)
        ids = self.torch.full((len(rows), width), self.pad, dtype=self.torch.long)
        mask = self.torch.zeros((len(rows), width), dtype=self.torch.long)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = self.torch.tensor(r, dtype=self.torch.long)
            mask[i, : len(r)] = 1
        return ids.to(self.device), mask.to(self.device)

    def translate(self, batches: list[list[Request]], beam_size: int = 1) -> list[list[tuple[list[str], float, int]]]:
        torch = self.torch
        out = []
        for batch in batches:
            self.calls += 1
            ids, mask = self._pad([self._ids(r.pieces) + [self.eos] for r in batch])
            with torch.inference_mode():
                gen = self.model.generate(
                    input_ids=ids,
                    attention_mask=mask,
                    num_beams=beam_size,
                    do_sample=False,
                    max_new_tokens=max(r.max_len for r in batch),
                    min_new_tokens=min(r.min_len for r in batch) if min(r.min_len for r in batch) > 1 else None,
                    forced_eos_token_id=None,  # like CTranslate2: a capped output is left open
                    length_penalty=1.0,
                    output_logits=beam_size == 1,
                    output_scores=beam_size > 1,
                    return_dict_in_generate=True,
                )
            seqs = gen.sequences[:, 1:]  # drop the decoder start token
            if beam_size == 1:
                lp = torch.zeros(seqs.shape, dtype=torch.float32)
                for t, step in enumerate(gen.logits[: seqs.shape[1]]):  # one step at a time: small memory
                    lp[:, t] = torch.log_softmax(step.float(), dim=-1).gather(1, seqs[:, t : t + 1]).squeeze(1).cpu()
            rows = []
            for i, req in enumerate(batch):
                toks = seqs[i].tolist()
                if self.eos in toks:
                    cut = toks.index(self.eos)
                    ended = cut < req.max_len
                    pieces_ids = toks[: min(cut, req.max_len)]
                else:
                    pieces_ids = [t for t in toks if t != self.pad][: req.max_len]
                    ended = False
                n = len(pieces_ids) + int(ended)
                pieces = [self.itos.get(t, "<unk>") for t in pieces_ids]
                if beam_size == 1:
                    total = float(lp[i, :n].sum())
                else:  # beam search reports the length-normalised score of the best beam
                    total = float(gen.sequences_scores[i]) * n
                rows.append((pieces, total, n))
            out.append(rows)
        return out

    def score(self, batches: list[list[tuple[list[str], list[str]]]]) -> list[list[list[float]]]:
        torch = self.torch
        out = []
        for batch in batches:
            self.calls += 1
            ids, mask = self._pad([self._ids(s) + [self.eos] for s, _ in batch])
            labels = [self._ids(t) + [self.eos] for _, t in batch]
            dec, dmask = self._pad([[self.start] + lab[:-1] for lab in labels])
            lab_ids, _ = self._pad(labels)
            with torch.inference_mode():
                logits = self.model(
                    input_ids=ids, attention_mask=mask, decoder_input_ids=dec, decoder_attention_mask=dmask
                ).logits.float()
            lp = torch.log_softmax(logits, dim=-1).gather(-1, lab_ids.unsqueeze(-1)).squeeze(-1)
            out.append([lp[i, : len(lab)].tolist() for i, lab in enumerate(labels)])
        return out


BACKENDS = {"ctranslate2": CT2Backend, "transformers": HFBackend}
