"""An MT session: both directions of a language pair, batched, cached, offline.

``open_session(src, tgt, settings)`` is what the pipeline calls. It checks model files
before importing anything heavy: when models are missing it returns ``(None, notice)``
at the cost of a few ``stat`` calls. With models present it loads, per direction, the
CTranslate2 conversion (``backend="auto"`` when present) or the transformers checkpoint.

Settings (all optional): ``models_dir`` ("models"), ``backend`` ("auto" | "ctranslate2" |
"transformers"), ``cache`` (True), ``cache_path`` (see ``mtcheck.mt.cache``),
``model_names`` ({"fr-en": hub id or directory}), ``mt_thresholds`` (see
``mtcheck.mt.analysis.DEFAULT_THRESHOLDS``), ``mt_decoding`` ({"beam_size": 1,
"max_len_a": 1.5, "max_len_b": 10}), ``threads``, ``device``, ``batch_size``,
``score_batch_size``, ``hf_quantize`` ("int8" | "none", transformers on CPU),
``mt_preload`` (load the models in ``open_session`` instead of on first use, so a corrupt
model becomes a notice there; by default a re-run served from the cache loads nothing).
"""

from __future__ import annotations

import os

import importlib.util
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mtcheck.mt.cache import MTCache, default_cache_path, make_key
from mtcheck.mt.models import LocalModel, locate, model_spec
from mtcheck.mt.text import MarianText, cut, normalise, split_points

DEFAULT_DECODING = {"beam_size": 1, "max_len_a": 1.5, "max_len_b": 10, "force_length": False}
DIRECTIONS = ("forward", "backward")


@dataclass
class Hypothesis:
    """A machine translation and its mean log-probability per generated token."""

    text: str
    logprob: float
    tokens: int


@dataclass
class TokenScores:
    """Forced decoding of a human target: one log-prob per piece, then one for ``</s>``.

    ``spans[i]`` is the ``[start, end)`` range of piece ``i`` in the scored target text.
    """

    pieces: list[str]
    spans: list[tuple[int, int]]
    logprobs: list[float]
    chunks: int = 1

    @property
    def mean(self) -> float:
        return sum(self.logprobs) / len(self.logprobs) if self.logprobs else 0.0


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class MTLoadError(RuntimeError):
    """A model whose files are present could not be loaded."""


def _requested_compute(backend: str, settings: dict) -> str:
    """The compute configuration asked for (part of cache keys; known without loading)."""
    device = settings.get("device") or "auto"
    if backend == "ctranslate2":
        return f"int8/{device}"
    return f"{settings.get('hf_quantize', 'int8')}/{device}"


class Engine:
    """One direction: a model directory, its tokenisation and a backend loaded on first use.

    Loading waits for the first model call, so a re-run served entirely from the cache
    never loads a model (nor imports torch).
    """

    def __init__(self, pair: str, local: LocalModel, backend: str, settings: dict) -> None:
        self.pair = pair
        self.src_lang, self.tgt_lang = pair.split("-", 1)
        self.local = local
        self.backend_name = backend
        self.settings = settings
        path = local.ct2_dir if backend == "ctranslate2" else local.hf_dir
        assert path is not None
        self.path = path
        self.text = MarianText(path, self.src_lang, self.tgt_lang, local.spec.prefix)
        self._backend = None
        limit = 512
        for cfg in (local.hf_dir and local.hf_dir / "config.json", path / ".mtcheck.json"):
            if cfg and Path(cfg).is_file():
                data = json.loads(Path(cfg).read_text(encoding="utf-8"))
                if data.get("max_position_embeddings"):
                    limit = int(data["max_position_embeddings"])
                    break
        self.max_positions = limit
        wanted = settings.get("max_input_tokens")
        self.limit = max(4, min(int(wanted) if wanted else limit, limit) - 2)
        self.key = {
            "model": local.spec.name,
            "revision": local.revision(backend),
            "backend": backend,
            "compute": _requested_compute(backend, settings),
            "limit": self.limit,  # how long inputs are cut into chunks
            "prefix": local.spec.prefix,
            "version": CACHE_VERSION,
        }

    @property
    def loaded(self) -> bool:
        return self._backend is not None

    @property
    def backend(self):
        if self._backend is None:
            from mtcheck.mt.backends import BACKENDS

            try:
                self._backend = BACKENDS[self.backend_name](self.path, self.settings)
            except Exception as exc:  # corrupt or incompatible files
                msg = (str(exc).strip().splitlines() or [""])[0][:160]
                raise MTLoadError(
                    f"could not load {self.path} with {self.backend_name} ({type(exc).__name__}: {msg})"
                    f" — run `mtcheck models pull --pair {self.pair}` again"
                ) from exc
        return self._backend

    def describe(self) -> dict:
        out = {
            "pair": self.pair,
            "name": self.local.spec.name,
            "revision": self.key["revision"],
            "backend": self.backend_name,
            "compute_type": self.key["compute"],
            "path": str(self.path),
            "loaded": self.loaded,
        }
        if self._backend is not None:
            out["compute_type"] = self._backend.compute_type
            out["device"] = self._backend.device
            out["threads"] = list(self._backend.threads)
        return out


class MTSession:
    """Translation, back-translation and forced-decoding scores for one language pair."""

    def __init__(self, src_lang: str, tgt_lang: str, engines: dict[str, Engine], cache: MTCache, settings: dict):
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.engines = engines
        self.cache = cache
        self.settings = settings
        self.decoding = {**DEFAULT_DECODING, **(settings.get("mt_decoding") or {})}
        self.stats: Counter = Counter()
        self.errors: list[str] = []
        self._chrf = None

    # -- translation -------------------------------------------------------------------
    def translate(self, texts: list[str], direction: str = "forward") -> list[str]:
        """Translations of ``texts`` in order (``forward`` = source → target language)."""
        return [h.text for h in self.translate_scored(texts, direction)]

    def prefetch(self, texts: list[str], direction: str = "forward") -> None:
        """Translate ``texts`` in one batched pass so later single calls hit the cache."""
        self.translate_scored(texts, direction)

    def translate_scored(self, texts: list[str], direction: str = "forward") -> list[Hypothesis]:
        eng = self.engines[direction]
        norm = [normalise(t) for t in texts]
        keys = {n: make_key("translate", eng.key, eng.pair, self.decoding, n) for n in dict.fromkeys(norm) if n}
        found = {k: v for k, v in self.cache.get_many(list(keys.values())).items() if _is_hypothesis(v)}
        self.stats["cache_hits"] += len(found)
        todo = [n for n, k in keys.items() if k not in found]
        if todo:
            done = self._run_translate(eng, todo)
            fresh = {keys[n]: done[n] for n in todo}
            self.cache.put_many(fresh)
            found.update(fresh)
        return [Hypothesis(**found[keys[n]]) if n else Hypothesis("", 0.0, 0) for n in norm]

    def _chunks(self, eng: Engine, text: str) -> list[tuple[str, list[str]]]:
        """``text`` as model inputs ``(chunk, its pieces)``: itself, or cut where too long."""
        pieces = eng.text.pieces(text, "source")
        if len(pieces) <= eng.limit:
            return [(text, pieces)]
        self.stats["split_inputs"] += 1
        _, spans = eng.text.pieces_with_spans(text, "source")  # character offsets only where a cut is needed
        n_prefix = len(eng.text.prefix)
        points = split_points(text, spans[n_prefix:], eng.limit - n_prefix)
        return [(c, eng.text.pieces(c, "source")) for _, c in cut(text, points)]

    def _length_bounds(self, n: int, eng: Engine) -> tuple[int, int]:
        d = self.decoding
        cap = eng.max_positions - 1
        if d.get("force_length"):
            return min(n, cap), min(n, cap)
        return max(1, min(cap, int(d["max_len_a"] * n + d["max_len_b"]))), 1

    def _run_translate(self, eng: Engine, texts: list[str]) -> dict[str, dict]:
        from mtcheck.mt.backends import Request

        split = {t: self._chunks(eng, t) for t in texts}
        pieces = {c: p for cs in split.values() for c, p in cs}
        chunks = {t: [c for c, _ in cs] for t, cs in split.items()}
        unique = list(pieces)
        order = sorted(unique, key=lambda c: len(pieces[c]))
        batches, reqs = [], []
        for group in _balanced(order, eng.backend.translate_batch_size, eng.backend.threads[0]):
            batch = []
            for c in group:
                hi, lo = self._length_bounds(len(pieces[c]), eng)
                batch.append(Request(pieces[c], hi, lo))
            batches.append(batch)
            reqs.append(group)
        results = eng.backend.translate(batches, beam_size=int(self.decoding["beam_size"]))
        self.stats["model_calls"] += len(batches)
        self.stats["translated"] += len(unique)
        out_chunk = {}
        for group, rows in zip(reqs, results):
            for c, (hyp, total, n) in zip(group, rows):
                out_chunk[c] = (eng.text.detokenize(hyp), total, n)
        done = {}
        for t, cs in chunks.items():
            parts = [out_chunk[c] for c in cs]
            n = sum(p[2] for p in parts)
            total = sum(p[1] for p in parts)
            done[t] = {
                "text": " ".join(p[0] for p in parts if p[0]),
                "logprob": round(total / n, 4) if n else 0.0,
                "tokens": n,
            }
        return done

    # -- forced decoding ---------------------------------------------------------------
    def _score_plan(self, eng: Engine, source: str, target: str) -> list[tuple[list[str], int, list[str], list]]:
        """Chunks to score: ``(source pieces, target offset, target pieces, target spans)``."""
        src_p = eng.text.pieces(source, "source")
        tgt_p, tgt_s = eng.text.pieces_with_spans(target, "target")
        if len(src_p) <= eng.limit and len(tgt_p) <= eng.limit:
            return [(src_p, 0, tgt_p, tgt_s)]
        # Too long for the model: cut both sides at proportional word boundaries.
        k = math.ceil(max(len(src_p), len(tgt_p)) / (0.9 * eng.limit))
        while True:
            src_parts = cut(source, _proportional_cuts(source, k))
            tgt_parts = cut(target, _proportional_cuts(target, k))
            plan = []
            for (_, s), (off, t) in zip(src_parts, tgt_parts):
                tp, ts = eng.text.pieces_with_spans(t, "target")
                plan.append((eng.text.pieces(s, "source"), off, tp, ts))
            ok = len(src_parts) == len(tgt_parts) and all(
                len(p[0]) <= eng.limit and len(p[2]) <= eng.limit for p in plan
            )
            if ok or k > 64:
                return plan
            k += 1

    def score(self, sources: list[str], targets: list[str], direction: str = "forward") -> list[TokenScores]:
        """Forced decoding of each target given its source, with piece → character spans."""
        eng = self.engines[direction]
        plans, keys = [], []
        for s, t in zip(sources, targets):
            if not s.strip() or not t.strip():
                plans.append(None)
                keys.append(None)
                continue
            plans.append(self._score_plan(eng, s, t))
            keys.append(make_key("score", eng.key, eng.pair, normalise(s), normalise(t)))
        found = self.cache.get_many([k for k in dict.fromkeys(keys) if k])
        for plan, k in zip(plans, keys):  # an entry must fit the pieces it will be applied to
            if k in found and not _fits(plan, found[k]):
                del found[k]
        self.stats["cache_hits"] += len(found)
        todo = [i for i, k in enumerate(keys) if k and k not in found]
        todo = list({keys[i]: i for i in todo}.values())
        if todo:
            flat = [(i, j) for i in todo for j in range(len(plans[i]))]
            flat.sort(key=lambda ij: len(plans[ij[0]][ij[1]][2]))
            batches = _balanced(flat, eng.backend.score_batch_size, eng.backend.threads[0])
            results = eng.backend.score(
                [[(plans[i][j][0], plans[i][j][2]) for i, j in b] for b in batches]
            )
            self.stats["model_calls"] += len(batches)
            self.stats["scored"] += len(todo)
            per: dict[int, dict[int, list[float]]] = {}
            for b, rows in zip(batches, results):
                for (i, j), lps in zip(b, rows):
                    per.setdefault(i, {})[j] = [round(x, 4) for x in lps]
            fresh = {keys[i]: [per[i][j] for j in range(len(plans[i]))] for i in todo}
            self.cache.put_many(fresh)
            found.update(fresh)
        out = []
        for plan, k in zip(plans, keys):
            if plan is None:
                out.append(TokenScores([], [], []))
                continue
            chunk_lps = found[k]
            pieces, spans, lps = [], [], []
            for n, ((_, off, tp, ts), clp) in enumerate(zip(plan, chunk_lps)):
                last = n == len(plan) - 1
                pieces += tp
                spans += [(a + off, b + off) for a, b in ts]
                lps += clp if last else clp[:-1]
            out.append(TokenScores(pieces, spans, lps, len(plan)))
        return out

    # -- alignment scorer, chrF ---------------------------------------------------------
    def chrf(self, hypothesis: str, reference: str) -> float:
        """sacrebleu chrF (0–100) of one hypothesis against one reference."""
        if self._chrf is None:
            from sacrebleu.metrics import CHRF

            self._chrf = CHRF()
        if not hypothesis.strip() or not reference.strip():
            return 0.0
        return float(self._chrf.sentence_score(hypothesis, [reference]).score)

    @property
    def chrf_signature(self) -> str | None:
        if self._chrf is None:
            self.chrf("a", "a")
        return self._chrf.get_signature().format()

    def similarity(self, src_text: str, tgt_text: str) -> float:
        """MT similarity in [0, 1]: chrF of the target against the source's translation.

        Call ``prefetch(source sentences)`` first: a source made of several prefetched
        sentences joined by spaces is then served from their translations.
        """
        n = normalise(src_text)
        if not n or not tgt_text.strip():
            return 0.0
        hyp = self._cached_translation(n)
        if hyp is None:
            hyp = self.translate([src_text])[0]
        return self.chrf(hyp, tgt_text) / 100.0

    def _cached_translation(self, norm: str) -> str | None:
        """The translation of ``norm`` from memory, whole or as prefetched sentences joined."""
        eng = self.engines["forward"]

        def one(s: str) -> str | None:
            hit = self.cache.peek(make_key("translate", eng.key, eng.pair, self.decoding, s))
            return hit["text"] if isinstance(hit, dict) else None

        whole = one(norm)
        if whole is not None:
            return whole
        words = norm.split(" ")
        if len(words) > 400:
            return None
        # Split into a sequence of prefetched sentences (the aligner joins sentences, and
        # paragraphs are sentences joined): first[i] = a translation of words[i:], or None.
        first: list[str | None] = [None] * (len(words) + 1)
        first[len(words)] = ""
        for i in range(len(words) - 1, -1, -1):
            for j in range(i + 1, min(len(words), i + 150) + 1):  # a sentence is < 150 words
                if first[j] is None:
                    continue
                hit = one(" ".join(words[i:j]))
                if hit is not None:
                    first[i] = f"{hit} {first[j]}".strip()
                    break
        return first[0]

    # -- reporting ----------------------------------------------------------------------
    def describe(self) -> dict:
        backends = {e.key["backend"] for e in self.engines.values()}
        out = {
            "status": "failed" if self.errors else "used",
            "models": [e.describe() for e in self.engines.values()],
            "backend": backends.pop() if len(backends) == 1 else "mixed",
            "cache": str(self.cache.path) if self.cache.path else None,
            "decoding": dict(self.decoding),
            "chrf_signature": self.chrf_signature,
            "stats": dict(self.stats),
        }
        if self.errors:
            out["reason"] = self.errors[0]
        if self.cache.error:
            out["cache_error"] = self.cache.error
        return out

    def close(self) -> None:
        self.cache.close()


def _balanced(items: list, size: int, workers: int) -> list[list]:
    """Length-sorted ``items`` cut into batches of at most ``size``, longest batch first.

    The batch count is rounded up to a multiple of the parallel workers and the batches are
    made nearly equal, so no worker idles at the end of a pass while another still decodes.
    """
    if not items:
        return []
    k = -(-len(items) // size)
    if workers > 1 and len(items) >= workers and k % workers:
        k += workers - k % workers
    q, r = divmod(len(items), k)
    out, pos = [], 0
    for i in range(k):
        n = q + (1 if i < r else 0)
        if n:
            out.append(items[pos : pos + n])
        pos += n
    return out[::-1]


def _proportional_cuts(text: str, k: int) -> list[int]:
    cuts = []
    for j in range(1, k):
        target = len(text) * j // k
        left, right = text.rfind(" ", 0, target), text.find(" ", target)
        best = min((p for p in (left, right) if p > 0), key=lambda p: abs(p - target), default=target)
        if not cuts or best + 1 > cuts[-1]:
            cuts.append(best + 1)
    return cuts


def _notice_cmd(src: str, tgt: str) -> str:
    return f"mtcheck models pull --pair {src}-{tgt}"


# Bump when normalisation, chunking or scoring changes what a cached entry means.
CACHE_VERSION = 3


def _fits(plan, chunk_lps) -> bool:
    """Whether cached log-probs match a score plan: one list per chunk, one value per piece plus </s>."""
    return (
        isinstance(chunk_lps, list) and len(chunk_lps) == len(plan)
        and all(isinstance(lps, list) and len(lps) == len(tp) + 1 for (_, _, tp, _), lps in zip(plan, chunk_lps))
        and all(_is_number(x) for lps in chunk_lps for x in lps)
    )


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_hypothesis(entry) -> bool:
    """Whether a cached translation has the shape :class:`Hypothesis` needs (else it is a miss)."""
    return (
        isinstance(entry, dict) and set(entry) == {"text", "logprob", "tokens"} and isinstance(entry["text"], str)
        and _is_number(entry["logprob"]) and isinstance(entry["tokens"], int) and not isinstance(entry["tokens"], bool)
    )


# Engines (and the models they load on first use) are shared by every session of the process:
# a batch or a JSON Lines export of many articles loads each model once.
_ENGINES: dict[tuple, Engine] = {}
_ENGINE_SETTINGS = ("threads", "inter_threads", "intra_threads", "device", "hf_quantize", "batch_size", "score_batch_size", "max_input_tokens")


def _engine(pair: str, local, backend: str, settings: dict) -> Engine:
    key = (pair, str(local.ct2_dir if backend == "ctranslate2" else local.hf_dir), backend,
           *(repr(settings.get(k)) for k in _ENGINE_SETTINGS))
    if key not in _ENGINES:
        _ENGINES[key] = Engine(pair, local, backend, settings)
    return _ENGINES[key]


def open_session(src_lang: str, tgt_lang: str, settings: dict | None = None) -> tuple[MTSession | None, str | None]:
    """A ready MT session for ``src_lang → tgt_lang``, or ``(None, one-line notice)``."""
    os.environ["HF_HUB_OFFLINE"] = "1"  # before anything imports huggingface_hub: `check` never goes online
    settings = dict(settings or {})
    models_dir = str(settings.get("models_dir") or "models")
    pref = settings.get("backend") or "auto"
    arrow = f"{src_lang}→{tgt_lang}"
    cmd = _notice_cmd(src_lang, tgt_lang)
    if pref not in ("auto", "ctranslate2", "transformers"):
        return None, f"MT skipped: unknown backend {pref!r} (use auto, ctranslate2 or transformers)"
    pairs = {"forward": f"{src_lang}-{tgt_lang}", "backward": f"{tgt_lang}-{src_lang}"}
    specs = {d: model_spec(p, settings) for d, p in pairs.items()}
    unknown = [pairs[d] for d, s in specs.items() if s is None]
    if unknown:
        return None, (
            f"MT skipped: no MT model configured for {', '.join(unknown)} "
            f"(add mtcheck/data/<pair>/mt.toml or set model_names)"
        )
    locals_ = {d: locate(s, models_dir) for d, s in specs.items()}
    for loc in locals_.values():
        if not loc.present and loc.root is not None and loc.problems:  # a directory, but unusable
            why = loc.problems[0]
            return None, f"MT skipped: {why}" if "`mtcheck" in why else f"MT skipped: {why} — run `{cmd}`"
    missing = [loc.spec.dirname for loc in locals_.values() if not loc.present]
    if missing:
        return None, f"MT skipped: no models for {arrow} in {models_dir}/ (missing {', '.join(missing)}) — run `{cmd}`"
    if not _have("sentencepiece"):
        return None, "MT skipped: MT dependencies are not installed — run `pip install 'mtcheck[mt]'`"
    has_ct2 = _have("ctranslate2")
    has_hf = _have("torch") and _have("transformers")
    chosen: dict[str, str] = {}
    for d, loc in locals_.items():
        where = loc.root or Path(models_dir) / loc.spec.dirname
        if pref == "ctranslate2" or (pref == "auto" and loc.ct2_dir and has_ct2):
            if not loc.ct2_dir:
                return None, f"MT skipped: {where} has no CTranslate2 conversion — run `mtcheck models convert {where}`"
            if not has_ct2:
                return None, "MT skipped: ctranslate2 is not installed — run `pip install 'mtcheck[mt]'`"
            chosen[d] = "ctranslate2"
        else:
            if not loc.hf_dir:
                why = loc.problems[0] if loc.problems else f"{where} has no transformers checkpoint"
                return None, f"MT skipped: {why} — run `{cmd}`"
            if not has_hf:
                return None, "MT skipped: torch/transformers are not installed — run `pip install 'mtcheck[mt]'`"
            chosen[d] = "transformers"
    try:
        engines = {d: _engine(pairs[d], loc, chosen[d], settings) for d, loc in locals_.items()}
    except Exception as exc:  # unreadable SentencePiece files and the like
        msg = (str(exc).strip().splitlines() or [""])[0][:160]
        return None, f"MT skipped: could not read the models in {models_dir}/ ({type(exc).__name__}: {msg}) — run `{cmd}` again"
    if settings.get("mt_preload"):
        for eng in engines.values():
            try:
                eng.backend
            except MTLoadError as exc:
                return None, f"MT skipped: {exc}"
    use_cache = settings.get("cache", True)
    path = (settings.get("cache_path") or default_cache_path()) if use_cache else None
    return MTSession(src_lang, tgt_lang, engines, MTCache(path), settings), None
