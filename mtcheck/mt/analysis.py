"""Turning MT signals into candidate findings, once per check context.

For every aligned segment (source and target present) one batched pass computes:

* forward MT of the source (the suggestion shown to editors) and its own mean log-prob;
* forced decoding of the human target given the source: a log-prob per SentencePiece
  piece, mapped to character spans of the target;
* back-translation of the target, and chrF (sacrebleu) of target vs MT and of
  back-translation vs source — only for segments where the forward signals leave an
  omission, an addition or a negation for it to confirm (``_Signals``): elsewhere it could
  change no finding, and the segment's scores say it was skipped.

The decision is carried by forced decoding (chrF of a round trip alone predicts little:
Moon et al., EAMT 2020). Words with a piece at or below ``token_logprob`` form runs; a run
counts when the MT output does not vouch for its words — forced decoding reads left to
right, so a word is vouched for when the MT makes the same transition (same left
neighbour, after stemming) — and when the segment corroborates it (mean log-prob well
below the MT's own, or low chrF against the MT) or the run is very improbable by itself.
Such a run is a mistranslation, or an addition when its content words are all new to the
MT, the target is longer than the MT and the back-translation brings words the source
lacks. A negation the MT has and the target lacks (or the reverse), mirrored between the
back-translation and the source, is a mistranslation too. Omissions come from source
content words the back-translation does not cover, in runs, when forced decoding shows an
improbable token and the target is shorter than the MT or lacks several of its words.
Documents without a source get a round trip (target → source language → target language).

All figures land in ``Segment.scores``; every threshold is in ``DEFAULT_THRESHOLDS`` and can
be overridden with ``settings["mt_thresholds"]``. Any object with the session's
``translate_scored`` / ``translate`` / ``score`` / ``chrf`` methods can drive this module
(tests use a planted test double).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from functools import cache, lru_cache

from mtcheck.model import Segment, Sentence, Severity, Span
from mtcheck.resources import exonyms, normalise_word, stopwords, word_list

DEFAULT_THRESHOLDS: dict[str, float] = {
    # forced decoding
    "token_logprob": -5.0,  # a target word with a piece at or below this (nats) is improbable
    "run_gap": 2,  # improbable words separated by up to this many others form one run
    "delta": -1.0,  # segment mean log-prob (human − MT) at or below this corroborates a run …
    "chrf_forward": 40.0,  # … and so does chrF(target vs MT) at or below this
    "error_delta": -2.0,  # error when the segment delta is at or below this …
    "error_token_logprob": -8.0,  # … and the run's mean piece log-prob at or below this
    "max_runs": 3,  # at most this many findings of each kind per segment (the strongest)
    # omission
    "omission_min_words": 2,  # uncovered source content words in a row
    "omission_length_ratio": 0.85,  # target words / MT words at or below this corroborates
    "omission_error_words": 4,
    "omission_error_ratio": 0.75,
    # addition
    "addition_min_words": 2,
    "addition_length_ratio": 1.15,  # target words / MT words at or above this
    # round trip without a source
    "round_trip_info_chrf": 30.0,
    "round_trip_warning_chrf": 15.0,
    # back-translation: 0 = only of segments where it can change a finding (see ``_Signals``), 1 = all
    "back_translate_all": 0,
}

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def thresholds(settings: dict | None) -> dict[str, float]:
    return {**DEFAULT_THRESHOLDS, **((settings or {}).get("mt_thresholds") or {})}


@cache
def coverage_stopwords(lang: str) -> frozenset[str]:
    """Words the coverage checks ignore: the language's function words and ``mt-stopwords.txt``."""
    return stopwords(lang) | {normalise_word(w) for w in word_list(lang, "mt-stopwords")}


_ENDINGS = ("ements", "ement", "ments", "ment", "ings", "ing", "ees", "ies", "ed", "es", "ee", "s", "e", "x")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light cross-inflection key: casefolded, accents stripped, one inflectional ending off
    (``talks``/``talk``, ``signée``/``signé``) — but ``governor`` and ``government`` stay apart."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(c for c in w if not unicodedata.combining(c))
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


@dataclass
class Word:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return stem(self.text)


def words(text: str) -> list[Word]:
    """Letter/digit runs of ``text`` (single letters such as elided l', d' dropped)."""
    return [
        Word(m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
        if len(m.group()) > 1 or m.group().isdigit()
    ]


def content(ws: list[Word], lang: str) -> list[Word]:
    stop = coverage_stopwords(lang)
    return [w for w in ws if w.text.lower() not in stop and not w.text.isdigit()]


def to_doc_span(sentences: list[Sentence], start: int, end: int) -> Span | None:
    """Map ``[start, end)`` in ``" ".join(sentence texts)`` to document (file) offsets."""
    if not sentences:
        return None
    pos, starts = 0, []
    for s in sentences:
        starts.append(pos)
        pos += len(s.text) + 1

    def locate(o: int, is_end: bool) -> tuple[Sentence, int]:
        for i in range(len(sentences) - 1, -1, -1):
            base = starts[i]
            if o > base or (o == base and not is_end) or i == 0:
                return sentences[i], min(max(o - base, 0), len(sentences[i].text))
        raise AssertionError  # pragma: no cover

    (sa, a), (sb, b) = locate(start, False), locate(end, True)
    if sa is sb:
        return _file_span(sa, a, max(a, b))
    first, last = _file_span(sa, a, len(sa.text)), _file_span(sb, 0, b)
    return Span(first.start, max(first.start, last.end))


def _file_span(s: Sentence, i: int, j: int) -> Span:
    if hasattr(s, "file_span"):
        return s.file_span(i, j)
    return Span(s.span.start + i, s.span.start + j)  # pragma: no cover - older model


@dataclass
class Candidate:
    """A finding-to-be: the rule that owns ``kind`` turns it into a ``Finding``."""

    kind: str  # "mistranslation" | "omission" | "addition" | "round-trip"
    segment: Segment
    message: str
    severity: Severity
    target: Span | None = None
    source: Span | None = None
    suggestion: str | None = None


@dataclass
class ContextAnalysis:
    candidates: list[Candidate] = field(default_factory=list)
    error: str | None = None

    def of(self, kind: str) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == kind]


_ANALYSES: dict[int, tuple[weakref.ref, ContextAnalysis]] = {}


def analysis_for(ctx) -> ContextAnalysis:
    """The MT analysis of ``ctx``, computed on first use and shared by every MT rule."""
    entry = _ANALYSES.get(id(ctx))
    if entry is not None and entry[0]() is ctx:
        return entry[1]
    try:
        result = analyse(ctx)
    except Exception as exc:  # an MT failure must not take the heuristic report down
        why = str(exc) if type(exc).__name__ == "MTLoadError" else f"{type(exc).__name__}: {exc}"
        result = ContextAnalysis(error=f"MT failed: {why}")
        errors = getattr(ctx.mt, "errors", None)
        if isinstance(errors, list):
            errors.append(result.error)
    key = id(ctx)
    _ANALYSES[key] = (weakref.ref(ctx, lambda _r: _ANALYSES.pop(key, None)), result)
    return result


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _by_sentence(mt, groups: list[list[str]], direction: str) -> list:
    """Translate sentence by sentence (one batch for all) and join per segment.

    Sentences are what MT models are trained on, the alignment scorer has usually translated
    the source sentences already (``MTSession.prefetch``), and the cache then works per
    sentence: editing one sentence re-translates only that sentence.
    """
    from mtcheck.mt.session import Hypothesis

    flat = [t for g in groups for t in g]
    hyps = iter(mt.translate_scored(flat, direction))
    out = []
    for g in groups:
        parts = [next(hyps) for _ in g]
        n = sum(h.tokens for h in parts)
        total = sum(h.logprob * h.tokens for h in parts)
        out.append(Hypothesis(" ".join(h.text for h in parts if h.text), total / n if n else 0.0, n))
    return out


def analyse(ctx) -> ContextAnalysis:
    th = thresholds(ctx.settings)
    if ctx.source is None:
        return _round_trip(ctx, th)
    segs = [s for s in ctx.segments if s.source and s.target]
    if not segs:
        return ContextAnalysis()
    mt = ctx.mt
    src = [s.source_text for s in segs]
    tgt = [s.target_text for s in segs]
    forward = _by_sentence(mt, [[x.text for x in s.source] for s in segs], "forward")
    forced = mt.score(src, tgt, "forward")
    signals = [_Signals(seg, hyp, ts, mt, ctx.src_lang, ctx.tgt_lang, th) for seg, hyp, ts in zip(segs, forward, forced)]
    every = th["back_translate_all"] > 0
    need = [sig for sig in signals if every or sig.needs_back_translation]
    back = _by_sentence(mt, [[x.text for x in sig.seg.target] for sig in need], "backward") if need else []
    bt_of = {id(sig): h.text for sig, h in zip(need, back)}
    out = ContextAnalysis()
    for sig in signals:
        out.candidates += sig.candidates(bt_of.get(id(sig)))
    return out


def _supported(tw: list[Word], mt_words: list[Word], first_words: set[int]):
    """``supported(i)``: the MT output has target word ``i`` after the same left neighbour.

    Forced decoding reads left to right, so a word is improbable *given what precedes it*;
    the MT output vouches for it only when it makes the same transition (the same word pair,
    after stemming). A sentence's first word needs only to occur in the MT output.
    """
    keys = {w.key for w in mt_words}
    bigrams = {(a.key, b.key) for a, b in zip(mt_words, mt_words[1:])}

    def supported(i: int) -> bool:
        if i == 0 or tw[i].start in first_words:
            return tw[i].key in keys
        return (tw[i - 1].key, tw[i].key) in bigrams

    return supported


@cache
def _negation(lang: str) -> re.Pattern | None:
    cues = word_list(lang, "mt-negation")
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None


def negations(text: str, lang: str) -> list[re.Match]:
    """Negation cues of ``text`` (``data/<lang>/mt-negation.txt``)."""
    pat = _negation(lang)
    return list(pat.finditer(text)) if pat else []


BACK_TRANSLATION_SKIPPED = "not needed: no omission, addition or negation finding could depend on it"


class _Signals:
    """One segment's forward signals (MT output, forced decoding), then its candidates.

    Back-translation decides three things only, each also bound by conditions it does not
    enter: an omission needs a corroborated segment (an improbable token; a target at most
    ``omission_length_ratio`` of the MT's length lacking ``omission_min_words`` of its
    content words) and that many source content words in a row the target itself lacks;
    an addition needs an improbable run of words new to the MT in a target longer than
    the MT; a negation finding needs the target and the MT to differ in negation cues.
    When none holds, ``needs_back_translation`` is false: the back-translation could change
    no finding, and ``analyse`` skips it (threshold ``back_translate_all`` = 1 turns the
    skip off). The cost is the report only: such a segment's ``back_translation`` and
    ``chrf_back`` are null, ``back_translation_skipped`` says why, and it has no
    ``omission_candidates``/``addition_candidates``.
    """

    def __init__(self, seg: Segment, hyp, ts, mt, src_lang: str, tgt_lang: str, th: dict) -> None:
        self.seg, self.hyp, self.ts, self.mt, self.th = seg, hyp, ts, mt, th
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        S, T = seg.source_text, seg.target_text
        self.tw, self.sw, self.mw = tw, sw, mw = words(T), words(S), words(hyp.text)
        self.chrf_f = chrf_f = mt.chrf(T, hyp.text)
        self.delta = delta = ts.mean - hyp.logprob
        self.t_keys = t_keys = {w.key for w in tw}
        self.t_lower = t_lower = {w.text.lower() for w in tw}
        self.src_content = content(sw, src_lang)
        self.mt_missing = mt_missing = [w for w in content(mw, tgt_lang) if w.key not in t_keys]
        self.mt_keys = mt_keys = {w.key for w in mw}
        known = exonyms(src_lang, tgt_lang)  # Kiev in the source names Kyiv in the translation
        name_keys = {w.key for w in sw} | mt_keys | {stem(known[w.text]) for w in sw if w.text in known}
        self.ratio = ratio = len(tw) / max(1, len(mw))

        # forced decoding: improbable runs the MT does not vouch for
        low_lp: list[float | None] = []
        for w in tw:
            lps = [lp for (a, b), lp in zip(ts.spans, ts.logprobs) if a < b and a < w.end and b > w.start]
            low_lp.append(min(lps) if lps else None)
        low = [i for i, lp in enumerate(low_lp) if lp is not None and lp <= th["token_logprob"]]
        runs: list[list[int]] = []
        for i in low:
            if runs and i - runs[-1][-1] - 1 <= th["run_gap"]:
                runs[-1].append(i)
            else:
                runs.append([i])
        sentence_starts = _first_words(seg.target)
        supported = _supported(tw, mw, sentence_starts)
        corroborated = delta <= th["delta"] or chrf_f <= th["chrf_forward"]
        scored_runs = []
        for run in runs:
            unsup = [k for k in range(run[0], run[-1] + 1) if not supported(k)]
            if not unsup:
                continue
            # Names (in the source or the MT output too) and numbers belong to their own checks; case
            # alone does not make a name (German capitalises every noun).
            names_only = all(
                tw[k].text.isdigit()
                or (tw[k].text[0].isupper() and tw[k].start not in sentence_starts and tw[k].key in name_keys)
                for k in unsup
            )
            if names_only:
                continue
            if all(normalise_word(tw[k].text) in coverage_stopwords(tgt_lang) for k in unsup):
                continue  # "arrived in" for the MT's "at": function words alone are style, not meaning
            a, b = tw[unsup[0]].start, tw[unsup[-1]].end
            lps = [lp for (x, y), lp in zip(ts.spans, ts.logprobs) if x < y and x < b and y > a]
            run_lp = sum(lps) / len(lps) if lps else 0.0
            scored_runs.append((run_lp, a, b, unsup))
        # A run needs the segment to corroborate it, unless it is very improbable by itself; a
        # single word (a synonym the MT did not choose: "stated" for "said") must be very improbable.
        scored_runs = [
            r for r in scored_runs
            if r[0] <= th["error_token_logprob"] or (corroborated and len(r[3]) > 1)
        ]
        strongest = sorted(scored_runs)[: int(th["max_runs"])]
        self.runs = []  # (run log-prob, start, end, shaped like an addition), in text order
        for run_lp, a, b, _ in sorted(strongest, key=lambda r: r[1]):
            run_words = [w for w in tw if a <= w.start and w.end <= b]
            run_content = content(run_words, tgt_lang)
            novel = [w for w in run_content if w.key not in mt_keys]
            addition_shape = (
                len(novel) >= th["addition_min_words"]
                and len(novel) >= 0.8 * len(run_content)
                and len(tw) - len(mw) >= 0.6 * len(run_words)
                and ratio >= th["addition_length_ratio"]
            )
            self.runs.append((run_lp, a, b, addition_shape))

        # omission: dropped content leaves a mark in forced decoding (the word after the gap, or
        # </s>, is improbable); and a paraphrase lacks the MT's words but is not shorter
        has_low = any(lp <= th["token_logprob"] for lp in ts.logprobs)
        self.corroborated_om = has_low and (
            ratio <= th["omission_length_ratio"] and len(mt_missing) >= th["omission_min_words"]
        )
        absent = [w for w in self.src_content if not (w.text.lower() in t_lower or w.key in t_keys)]
        negation_differs = bool(_negation(tgt_lang) and _negation(src_lang)) and (
            len(negations(T, tgt_lang)) != len(negations(hyp.text, tgt_lang))
        )
        self.needs_back_translation = (
            any(r[3] for r in self.runs)
            or negation_differs
            or (self.corroborated_om and any(len(cl) >= th["omission_min_words"] for cl in self._clusters(absent)))
        )

    def _clusters(self, uncovered: list[Word]) -> list[list[Word]]:
        """Runs of consecutive source content words that are in ``uncovered``."""
        clusters: list[list[Word]] = []
        current: list[Word] = []
        unc = {id(w) for w in uncovered}
        for w in self.src_content:
            if id(w) in unc:
                current.append(w)
            else:
                if current:
                    clusters.append(current)
                current = []
        if current:
            clusters.append(current)
        return clusters

    def candidates(self, bt: str | None) -> list[Candidate]:
        """The segment's candidates, with its back-translation ``bt`` (None: skipped)."""
        seg, hyp, ts, th, tw, mw = self.seg, self.hyp, self.ts, self.th, self.tw, self.mw
        S, T = seg.source_text, seg.target_text
        src_lang, tgt_lang = self.src_lang, self.tgt_lang
        lt, lm, delta, chrf_f, ratio = ts.mean, hyp.logprob, self.delta, self.chrf_f, self.ratio
        chrf_b = None if bt is None else self.mt.chrf(bt, S)
        seg.scores.update(
            {
                "mt_forward": hyp.text,
                "chrf_forward": round(chrf_f, 2),
                "back_translation": bt,
                "chrf_back": None if chrf_b is None else round(chrf_b, 2),
                "logprob_target": round(lt, 4),
                "logprob_mt": round(lm, 4),
                "logprob_delta": round(delta, 4),
            }
        )
        uncovered: list[Word] = []
        bt_extra: list[Word] = []
        if bt is not None:  # back-translation coverage
            bw = words(bt)
            bt_keys = {w.key for w in bw}
            s_keys = {w.key for w in self.sw}
            s_lower = {w.text.lower() for w in self.sw}
            uncovered = [w for w in self.src_content
                         if not (w.key in bt_keys or w.text.lower() in self.t_lower or w.key in self.t_keys)]
            bt_extra = [w for w in content(bw, src_lang) if w.key not in s_keys and w.text.lower() not in s_lower
                        and w.text.lower() not in self.t_lower]
        if uncovered:
            seg.scores["omission_candidates"] = " ".join(w.text for w in uncovered)
        if bt_extra:
            seg.scores["addition_candidates"] = " ".join(w.text for w in bt_extra)
        if ts.chunks > 1:
            seg.scores["mt_split"] = float(ts.chunks)
        if bt is None:
            seg.scores["back_translation_skipped"] = BACK_TRANSLATION_SKIPPED

        found: list[Candidate] = []
        mt_note = f"MT: {_quote(hyp.text)}"

        # --- forced decoding: improbable runs → mistranslation / addition
        for run_lp, a, b, addition_shape in self.runs:
            span_text = T[a:b]
            strong = delta <= th["error_delta"] and run_lp <= th["error_token_logprob"]
            sev = Severity.ERROR if strong else Severity.WARNING
            figures = (
                f"forced decoding {run_lp:.1f}/token; segment {lt:.2f} vs MT {lm:.2f}; chrF vs MT {chrf_f:.0f}"
            )
            if addition_shape and bt_extra:
                msg = (
                    f"Possible addition: {_quote(span_text)} has no counterpart in the source "
                    f"(back-translation adds {_quote(' '.join(w.text for w in bt_extra[:8]))}; {figures}). {mt_note}"
                )
                kind = "addition"
            else:
                msg = (
                    f"Possible mistranslation: {_quote(span_text)} is improbable given the source "
                    f"({figures}). {mt_note}"
                )
                kind = "mistranslation"
            found.append(
                Candidate(kind, seg, msg, sev, target=to_doc_span(seg.target, a, b),
                          source=seg.source_span, suggestion=hyp.text or None)
            )

        neg = None if bt is None else _negation_candidate(seg, hyp, bt, S, T, tw, mw, src_lang, tgt_lang, delta, th, mt_note)
        if neg is not None and not any(
            c.target and neg.target and c.target.start < neg.target.end and neg.target.start < c.target.end
            for c in found
        ):
            found.append(neg)

        # --- back-translation coverage → omission
        clusters = self._clusters(uncovered) if self.corroborated_om else []
        clusters = [cl for cl in clusters if len(cl) >= th["omission_min_words"]]
        biggest = sorted(clusters, key=len, reverse=True)[: int(th["max_runs"])]
        mt_missing = self.mt_missing
        for cl in sorted(biggest, key=lambda c: c[0].start):
            a, b = cl[0].start, cl[-1].end
            strong = len(cl) >= th["omission_error_words"] and ratio <= th["omission_error_ratio"]
            missing = f"; MT has {_quote(' '.join(w.text for w in mt_missing[:8]))} that the translation lacks" if mt_missing else ""
            msg = (
                f"Possible omission: source {_quote(S[a:b])} is not rendered (back-translation {_quote(bt)}, "
                f"chrF {chrf_b:.0f}; target/MT length {ratio:.2f}{missing}). {mt_note}"
            )
            found.append(
                Candidate("omission", seg, msg, Severity.ERROR if strong else Severity.WARNING,
                          target=seg.target_span, source=to_doc_span(seg.source, a, b), suggestion=hyp.text or None)
            )
        return found


def _first_words(sentences: list[Sentence]) -> set[int]:
    """Offsets (in the joined text) of each sentence's first word."""
    out, pos = set(), 0
    for s in sentences:
        first = next(iter(words(s.text)), None)
        if first:
            out.add(pos + first.start)
        pos += len(s.text) + 1
    return out


def _negation_candidate(seg, hyp, bt, S, T, tw, mw, src_lang, tgt_lang, delta, th, mt_note) -> Candidate | None:
    """A negation present in the MT but not the translation (or the reverse), confirmed by the
    back-translation differing from the source the same way."""
    nt, nm = negations(T, tgt_lang), negations(hyp.text, tgt_lang)
    nb, ns = negations(bt, src_lang), negations(S, src_lang)
    if not (_negation(tgt_lang) and _negation(src_lang)):
        return None
    diff_t, diff_b = len(nt) - len(nm), len(nb) - len(ns)
    if diff_t == 0 or diff_b == 0 or (diff_t > 0) != (diff_b > 0):
        return None
    span = None
    if diff_t < 0 and nm:
        # the MT's word after its negation, found in the target with its left neighbour
        after = next((w for w in mw if w.start >= nm[0].end()), None)
        hit = next((i for i, w in enumerate(tw) if after and w.key == after.key), None)
        if hit is not None:
            span = (tw[max(0, hit - 1)].start, tw[hit].end)
        what = "lacks the negation the MT has"
    else:
        span = (nt[-1].start(), nt[-1].end()) if nt else None
        what = "has a negation the MT does not"
    target = to_doc_span(seg.target, *span) if span else seg.target_span
    # A warning only: negation is also carried by vocabulary the cue lists may not know.
    sev = Severity.WARNING
    msg = (
        f"Possible mistranslation: the translation {what} ({len(nt)} vs {len(nm)} negation cues; "
        f"back-translation {len(nb)} vs source {len(ns)}). {mt_note}"
    )
    return Candidate("mistranslation", seg, msg, sev, target=target, source=seg.source_span,
                     suggestion=hyp.text or None)


def _round_trip(ctx, th: dict) -> ContextAnalysis:
    segs = [s for s in ctx.segments if s.target]
    if not segs:
        return ContextAnalysis()
    mt = ctx.mt
    tgt = [s.target_text for s in segs]
    back = [h.text for h in _by_sentence(mt, [[x.text for x in s.target] for s in segs], "backward")]
    again = mt.translate(back, "forward")
    out = ContextAnalysis()
    for seg, T, bt, rt in zip(segs, tgt, back, again):
        score = mt.chrf(rt, T)
        seg.scores.update({"back_translation": bt, "round_trip": rt, "chrf_round_trip": round(score, 2)})
        if score > th["round_trip_info_chrf"]:
            continue
        tw, rw = words(T), words(rt)
        supported = _supported(tw, rw, _first_words(seg.target))
        best: list[int] = []
        cur: list[int] = []
        for i in range(len(tw)):
            if not supported(i):
                cur.append(i)
                if len(cur) > len(best):
                    best = list(cur)
            else:
                cur = []
        if len(best) >= 2:
            target = to_doc_span(seg.target, tw[best[0]].start, tw[best[-1]].end)
            what = _quote(T[tw[best[0]].start : tw[best[-1]].end])
        else:
            target, what = seg.target_span, _quote(T)
        sev = Severity.WARNING if score <= th["round_trip_warning_chrf"] else Severity.INFO
        msg = (
            f"Round trip diverges (chrF {score:.0f}): {what} came back as {_quote(rt)} "
            f"(back-translation {_quote(bt)}); check the meaning"
        )
        out.candidates.append(Candidate("round-trip", seg, msg, sev, target=target))
    return out
