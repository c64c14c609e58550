"""Aligning a source document with its translation: paragraphs first, then sentences.

Paragraphs are aligned with the same dynamic programme as sentences — even when the counts
match, unless every paragraph pair clearly corresponds (a translator who merges two
paragraphs and splits another keeps the count) — then
sentences inside each paragraph pair: 1-1, 1-2, 2-1, 1-0 or 0-1. The result is the
document's list of segments (beads).
"""

from __future__ import annotations

import functools

from mtcheck.align.dp import PARAGRAPH_WEIGHTS, Coverage, LengthModel, align, align_one
from mtcheck.align.scorers import Scorer, anchor_scorer
from mtcheck.model import Document, Paragraph, Segment
from mtcheck.resources import toml_data

# Paragraphs paired one to one are taken as they are when each pair shares at least this much.
_PAIRED = 0.5  # seed and clean samples: true pairs ≥ 0.69, pairs shifted by one ≤ 0.40


@functools.cache
def length_model(src_lang: str, tgt_lang: str) -> LengthModel:
    """The pair's length ratio and variance from ``data/<pair>/pair.toml`` (Gale–Church defaults)."""
    conf = toml_data(f"{src_lang}-{tgt_lang}", "pair").get("alignment", {})
    return LengthModel(ratio=conf.get("length_ratio", 1.0), variance=conf.get("length_variance", 6.8))


def monolingual_segments(target: Document) -> list[Segment]:
    """One segment per target sentence, for documents without a source."""
    return [Segment(id=s.id, source=[], target=[s]) for s in target.sentences()]


def align_documents(source: Document, target: Document, scorer: Scorer | None = None) -> list[Segment]:
    """Segments covering every sentence of both documents, in target order."""
    # Each text read once for the document, and one cache of scores: the paragraph test, the
    # paragraph programme and a one-sentence paragraph's own alignment ask about the same pairs.
    anchors = anchor_scorer(source.lang, target.lang).document()
    coverage = functools.cache(anchors.coverage)
    scorer = functools.cache(scorer or anchors)
    lengths = length_model(source.lang, target.lang)
    src, tgt = source.paragraphs, target.paragraphs
    segments: list[Segment] = []
    last_target = 0
    for src_index, tgt_index in _paragraph_pairs(src, tgt, scorer, coverage, lengths):
        if tgt_index:
            last_target = tgt[tgt_index[0]].index
            prefix = f"p{last_target}"
        else:  # a source paragraph with no translation: name it after the one before
            prefix = f"p{last_target}.x{src[src_index[0]].index}"
        if len(src_index) == len(tgt_index) == 1 and len(ss := src[src_index[0]].sentences) == 1 == len(ts := tgt[tgt_index[0]].sentences):
            # one sentence each side, the common case: without the programme's lists
            (s,), (t,) = ss, ts
            sim = align_one(src[src_index[0]].text[s.start : s.end], tgt[tgt_index[0]].text[t.start : t.end], scorer, lengths)
            if sim is None:
                segments += (Segment(f"{prefix}.s1", [], [t]), Segment(f"{prefix}.s2", [s], []))
            else:
                segments.append(segment := Segment(f"{prefix}.s1", [s], [t]))
                segment.scores["align_similarity"] = round(sim, 3)
            continue
        src_sents = [s for k in src_index for s in src[k].sentences]
        tgt_sents = [s for k in tgt_index for s in tgt[k].sentences]
        src_units = [src[k].text[s.start : s.end] for k in src_index for s in src[k].sentences]  # a sentence's text is a slice of its paragraph's
        tgt_units = [tgt[k].text[s.start : s.end] for k in tgt_index for s in tgt[k].sentences]
        for n, (si, ti, sim) in enumerate(align(src_units, tgt_units, scorer, lengths, coverage=coverage), 1):
            segment = Segment(f"{prefix}.s{n}", list(map(src_sents.__getitem__, si)), list(map(tgt_sents.__getitem__, ti)))
            if si and ti:
                segment.scores["align_similarity"] = round(sim, 3)
            segments.append(segment)
    return segments


def unit_segments(source: Document, target: Document) -> list[Segment]:
    """Segments from pre-aligned units (XLIFF): paragraphs pair by ``(index, unit_id)``.

    Each unit's paragraphs become segments ``p<index>.s<n>``, ``n`` counting the unit's
    paragraphs (XLIFF 2 segments) from 1; all of a paragraph's sentences go in one segment.
    A unit present on one side only gives a source-only or target-only segment.
    """
    src = {(p.index, p.unit_id): p for p in source.paragraphs}
    tgt = {(p.index, p.unit_id): p for p in target.paragraphs}
    keys = list(dict.fromkeys(k for p in sorted(target.paragraphs + source.paragraphs, key=lambda p: p.index) for k in [(p.index, p.unit_id)]))
    segments: list[Segment] = []
    count: dict[int, int] = {}
    for key in keys:
        count[key[0]] = count.get(key[0], 0) + 1
        s, t = src.get(key), tgt.get(key)
        segments.append(
            Segment(
                id=f"p{key[0]}.s{count[key[0]]}",
                source=list(s.sentences) if s else [],
                target=list(t.sentences) if t else [],
            )
        )
    return segments


def _paragraph_pairs(src: list[Paragraph], tgt: list[Paragraph], scorer: Scorer, coverage: Coverage, lengths: LengthModel) -> list[tuple[list[int], list[int]]]:
    """The paragraph beads (source and target positions) of two documents' paragraphs. Their
    texts are read when asked (a paragraph of the file text is sliced again once no longer
    kept): lists of them all, held through the whole alignment, took +34 MiB at the 20 MiB size
    limit; the programme's are held while it runs."""
    if len(src) == len(tgt) and all(scorer(s.text, t.text) >= _PAIRED for s, t in zip(src, tgt)):
        return [([k], [k]) for k in range(len(src))]  # the common case, without the programme
    return [(si, ti) for si, ti, _ in align([p.text for p in src], [p.text for p in tgt], scorer, lengths, PARAGRAPH_WEIGHTS, coverage)]


__all__ = ["align_documents", "monolingual_segments", "unit_segments"]
