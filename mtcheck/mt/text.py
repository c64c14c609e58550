"""Text ↔ SentencePiece pieces for Marian models, with character offsets into the raw text.

Text goes through the same preparation OPUS-MT used in training — Unicode NFC, whitespace
collapsed, Moses punctuation normalisation (sacremoses) — then the model's SentencePiece
model. Every piece keeps the ``[start, end)`` code-point span it covers in the caller's
*raw* text: the prepared string is aligned back to the raw one character by character
(``difflib``), so quotes rewritten by Moses or characters folded by SentencePiece's own
normaliser still map to the characters the editor sees.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

_WS = re.compile(r"\s+")
SPACE = "\u2581"  # SentencePiece's word-boundary marker
EOS = "</s>"


def normalise(text: str) -> str:
    """The cache-key and model form of a text: NFC, invisible format and control characters
    (soft hyphen, zero-width space) removed as OPUS-MT's preprocessing does, any whitespace
    run (NBSP included) → one space."""
    visible = "".join(c for c in unicodedata.normalize("NFC", text) if c.isspace() or not _invisible(c))
    return _WS.sub(" ", visible).strip()


def _invisible(c: str) -> bool:
    return unicodedata.category(c) in ("Cf", "Cc")


_FOLD = {
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"',
    "’": "'", "‘": "'", "‚": "'", "‛": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}


def _fold(raw: str) -> tuple[str, list[int]]:
    """``raw`` folded the way text preparation changes it (NFKC, plain quotes and dashes,
    whitespace runs → one space) and, for each folded character, its index in ``raw``."""
    chars: list[str] = []
    index: list[int] = []
    prev_space = True
    for i, c in enumerate(raw):
        if c.isspace():
            if not prev_space:
                chars.append(" ")
                index.append(i)
            prev_space = True
            continue
        if _invisible(c):
            continue  # removed by the preparation, as in ``normalise``
        prev_space = False
        for f in _FOLD.get(c) or unicodedata.normalize("NFKC", c):
            chars.append(f)
            index.append(i)
    return "".join(chars), index


def offset_map(raw: str, prepared: str) -> list[int]:
    """For each index ``j`` in ``prepared`` (and ``len(prepared)``), the matching index in ``raw``."""
    folded, index = _fold(raw)
    index.append(len(raw))
    # The usual case, what difflib would find: the prepared text is the folded one, maybe after
    # the space SentencePiece puts before the first word.
    if prepared == folded:
        return index
    if prepared == " " + folded:
        return [index[0], *index]
    out = [0] * (len(prepared) + 1)
    sm = difflib.SequenceMatcher(None, folded, prepared, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                k = i1 + (j - j1)
            elif tag == "replace":
                k = i1 + ((j - j1) * (i2 - i1)) // (j2 - j1)
            else:  # insert: characters the preparation added
                k = i1
            out[j] = index[k]
    out[len(prepared)] = len(raw)
    return out


def _moses_class():
    """sacremoses' ``MosesPunctNormalizer``, loaded from its own file when possible.

    ``import sacremoses`` pulls in its tokenizer, truecaser and joblib (≈0.3 s); the
    normaliser module needs only ``re``/``regex``, so it is loaded on its own.
    """
    import sys

    if "sacremoses" in sys.modules:
        from sacremoses import MosesPunctNormalizer

        return MosesPunctNormalizer
    try:
        import importlib.util

        spec = importlib.util.find_spec("sacremoses")
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(list(spec.submodule_search_locations)[0]) / "normalize.py"
        mspec = importlib.util.spec_from_file_location("_mtcheck_moses_normalize", path)
        module = importlib.util.module_from_spec(mspec)
        mspec.loader.exec_module(module)
        return module.MosesPunctNormalizer
    except Exception:  # pragma: no cover - fall back to the ordinary import
        try:
            from sacremoses import MosesPunctNormalizer

            return MosesPunctNormalizer
        except ImportError:
            return None


def _moses(lang: str) -> Callable[[str], str]:
    cls = _moses_class()
    if cls is None:  # pragma: no cover - sacremoses is in the mt extra
        return lambda s: s
    norm = cls(lang).normalize
    return lambda s: norm(s) if s else ""


class MarianText:
    """Tokenisation of one Marian model: source/target SentencePiece + Moses normalisation."""

    def __init__(self, directory: str | Path, src_lang: str, tgt_lang: str, prefix: str = "") -> None:
        import sentencepiece as spm

        d = Path(directory)
        self.src_sp = spm.SentencePieceProcessor(model_file=str(d / "source.spm"))
        self.tgt_sp = spm.SentencePieceProcessor(model_file=str(d / "target.spm"))
        self._prep = {"source": _moses(src_lang), "target": _moses(tgt_lang)}
        self.prefix = [prefix] if prefix else []

    def prepare(self, text: str, side: str) -> str:
        return self._prep[side](normalise(text)).strip()

    def pieces(self, text: str, side: str = "source") -> list[str]:
        """Model input pieces of ``text`` (no ``</s>``; the backends add it)."""
        sp = self.src_sp if side == "source" else self.tgt_sp
        out = sp.encode(self.prepare(text, side), out_type=str)
        return (self.prefix + out) if side == "source" else out

    def pieces_with_spans(self, text: str, side: str = "target") -> tuple[list[str], list[tuple[int, int]]]:
        """Pieces of ``text`` and the raw-text span of each (spaces excluded)."""
        sp = self.src_sp if side == "source" else self.tgt_sp
        pieces = sp.encode(self.prepare(text, side), out_type=str)
        surface = "".join(p.replace(SPACE, " ") for p in pieces)
        m = offset_map(text, surface)
        spans, pos = [], 0
        for p in pieces:
            s = p.replace(SPACE, " ")
            lead = len(s) - len(s.lstrip(" "))
            a, b = pos + lead, pos + len(s)
            start = m[a] if a < b else m[min(a, len(surface))]
            end = m[b - 1] + 1 if b > a else start
            start = min(start, len(text))
            spans.append((start, min(max(start, end), len(text))))
            pos += len(s)
        if side == "source" and self.prefix:
            pieces = self.prefix + pieces
            spans = [(0, 0)] + spans
        return pieces, spans

    def detokenize(self, pieces: list[str]) -> str:
        """Target text of generated pieces (special tokens dropped)."""
        keep = [p for p in pieces if p not in (EOS, "<pad>", "<unk>") and not (p.startswith(">>") and p.endswith("<<"))]
        return self.tgt_sp.decode_pieces(keep).replace(SPACE, " ").strip()


_STRONG = re.compile(r"[.!?;:»”\"')\]]\s")
_WEAK = re.compile(r"[,–—]\s")


def split_points(text: str, spans: list[tuple[int, int]], limit: int) -> list[int]:
    """Character positions where ``text`` must be cut so no chunk exceeds ``limit`` pieces.

    Cuts go at the latest sentence-like boundary (``. ; : ! ?``, closing quotes) in the
    second half of the window, else a comma or dash, else a space, else between pieces.
    """
    cuts: list[int] = []
    first = 0  # index of the first piece of the current chunk
    n = len(spans)
    while n - first > limit:
        lo_char = spans[first][0]
        window_end = spans[first + limit - 1][1]
        half_char = spans[first + limit // 2][0]
        cut = None
        for pattern in (_STRONG, _WEAK):
            for m in pattern.finditer(text, lo_char, window_end + 1):
                if m.end() - 1 >= half_char:
                    cut = m.end()
            if cut:
                break
        if cut is None:
            space = text.rfind(" ", half_char, window_end)
            cut = space + 1 if space > lo_char else spans[first + limit - 1][1]
        cut = max(cut, spans[first][1])
        nxt = next((i for i in range(first, n) if spans[i][0] >= cut), n)
        if nxt == first:  # pragma: no cover - defensive: always advance
            nxt = first + limit
            cut = spans[nxt][0]
        cuts.append(cut)
        first = nxt
    return cuts


def cut(text: str, points: list[int]) -> list[tuple[int, str]]:
    """``text`` cut at ``points``: ``[(offset, chunk), ...]`` with chunks stripped."""
    out = []
    bounds = [0, *points, len(text)]
    for a, b in zip(bounds, bounds[1:]):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            out.append((a + lead, chunk.strip()))
    return out
