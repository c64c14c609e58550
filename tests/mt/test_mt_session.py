"""Production MT code paths driven by tiny random-weight Marian models (both backends)."""

from __future__ import annotations

import json
import math
import os
import unicodedata

import pytest

from mtcheck.checks.mt_accuracy import MTAddition, MTMistranslation, MTOmission, MTRoundTrip
from tests.mt.helpers import make_ctx

SHORT = [
    "Le président russe a accueilli son homologue.",
    "Xi Jinping est arrivé lundi à Moscou.",
    "Bonjour.",
    "Les deux dirigeants doivent signer plusieurs documents mardi.",
    "La Chine doit comprendre le point de vue de l’Ukraine.",
]
EN = [
    "The Russian president welcomed his counterpart.",
    "Xi Jinping arrived in Moscow on Monday.",
    "Hello.",
    "The two leaders are due to sign several documents on Tuesday.",
    "China must understand Ukraine’s point of view.",
]
LONG_FR = " ".join(
    ["Vladimir Poutine s’est dit prêt à discuter d’une initiative chinoise pour mettre fin à ce conflit,"
     " sur la base d’un document publié le mois dernier par Pékin et appelant notamment à des négociations de paix."] * 4
)
LONG_EN = " ".join(
    ["Vladimir Putin said he was ready to discuss a Chinese initiative to end this conflict, on the basis"
     " of a document published last month by Beijing and calling in particular for peace negotiations."] * 4
)


def test_loads_by_directory_and_describes(ct2_session, hf_session, tiny_models):
    for s, backend in ((ct2_session, "ctranslate2"), (hf_session, "transformers")):
        s.translate(["Bonjour."])
        s.translate(["Hello."], "backward")
        d = s.describe()
        json.dumps(d)
        assert d["status"] == "used" and d["backend"] == backend
        assert [m["pair"] for m in d["models"]] == ["fr-en", "en-fr"]
        assert all(m["path"].startswith(str(tiny_models)) for m in d["models"])
        assert all(m["revision"].startswith("local-") for m in d["models"])
        assert d["chrf_signature"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:")
        assert all(m["loaded"] for m in d["models"])
    assert ct2_session.describe()["models"][0]["compute_type"] == "int8"
    assert hf_session.describe()["models"][0]["compute_type"] == "float32"
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # set before transformers loaded anything


@pytest.mark.parametrize("backend", ["ct2_session", "hf_session"])
def test_batching_keeps_order_and_matches_single_calls(backend, request):
    s = request.getfixturevalue(backend)
    texts = SHORT + SHORT[::-1] + ["", "  "]
    batched = s.translate_scored(texts)
    assert len(batched) == len(texts)
    assert batched[-1].text == "" and batched[-2].text == ""
    for t, h in zip(texts[:5], batched[:5]):
        single = s.translate_scored([t])[0]
        assert single == h  # memo hit, same object content
        assert h.tokens > 0 and h.logprob <= 0
    assert [h.text for h in batched[:5]] == [h.text for h in batched[5:10]][::-1]
    # and really computed in batches: a fresh session translating all at once
    assert s.translate(texts[:2], "backward") == [s.translate([t], "backward")[0] for t in texts[:2]]


def test_fresh_batched_equals_fresh_single(open_tiny):
    # Greedy text of random weights is not compared: batch padding changes the kernels, and
    # near-ties flip on other CPUs. Forced decoding of given text must agree within rounding.
    a, b = open_tiny(batch_size=3), open_tiny()
    batched = a.translate(SHORT)
    singles = [b.translate([t])[0] for t in SHORT]
    assert len(batched) == len(singles) == len(SHORT) and all(isinstance(t, str) for t in batched)
    assert a.stats["model_calls"] == math.ceil(len(SHORT) / 3)
    assert b.stats["model_calls"] == len(SHORT)
    together = a.score(SHORT, EN)
    one_by_one = [b.score([s], [t])[0] for s, t in zip(SHORT, EN)]
    for x, y in zip(together, one_by_one):
        assert x.pieces == y.pieces and x.spans == y.spans
        assert max(abs(p - q) for p, q in zip(x.logprobs, y.logprobs)) < 0.05


def test_long_input_is_split_not_truncated(ct2_session):
    eng = ct2_session.engines["forward"]
    n = len(eng.text.pieces(LONG_FR, "source"))
    assert n > 2 * eng.limit  # the tiny model takes 62 pieces
    split = ct2_session._chunks(eng, LONG_FR)
    chunks = [c for c, _ in split]
    assert len(chunks) >= math.ceil(n / eng.limit)
    assert all(p == eng.text.pieces(c, "source") and len(p) <= eng.limit for c, p in split)
    assert ct2_session._chunks(eng, SHORT[0]) == [(SHORT[0], eng.text.pieces(SHORT[0], "source"))]
    assert " ".join(chunks).split() == LONG_FR.split()  # nothing dropped, nothing repeated
    before = ct2_session.stats["split_inputs"]
    long_h = ct2_session.translate_scored([LONG_FR])[0]
    assert ct2_session.stats["split_inputs"] == before + 1
    parts = ct2_session.translate_scored(chunks)
    assert long_h.text == " ".join(p.text for p in parts)
    assert long_h.tokens == sum(p.tokens for p in parts)


def test_forced_scoring_of_long_target_covers_every_character(ct2_session):
    ts = ct2_session.score([LONG_FR], [LONG_EN])[0]
    assert ts.chunks > 1
    assert len(ts.logprobs) == len(ts.pieces) + 1
    assert all(lp <= 0 for lp in ts.logprobs)
    covered = set()
    for a, b in ts.spans:
        covered.update(range(a, b))
    assert {i for i, c in enumerate(LONG_EN) if not c.isspace()} <= covered
    starts = [a for a, b in ts.spans if b > a]
    assert starts == sorted(starts)


def test_piece_offsets_map_to_the_raw_characters(ct2_session):
    text = "Putin said\u00a0“very  ﬁne” talks – in Kyiv’s «\u202fcentre\u202f»…"
    eng = ct2_session.engines["forward"]
    pieces, spans = eng.text.pieces_with_spans(text, "target")
    assert len(pieces) == len(spans)
    covered = []
    for p, (a, b) in zip(pieces, spans):
        surface = p.replace("\u2581", "")
        if surface.isalpha():
            raw = unicodedata.normalize("NFKC", text[a:b])
            assert raw == surface or ("ﬁ" in text[a:b] and surface in raw), (p, text[a:b])
        # "ﬁ" and "…" expand to several characters, hence pieces; every other character has one piece
        covered += [i for i in range(a, b) if len(unicodedata.normalize("NFKC", text[i])) == 1]
    assert sorted(covered) == sorted(set(covered))
    assert {i for i, c in enumerate(text) if c.isalpha() and c != "ﬁ"} <= set(covered)
    assert [a for a, b in spans if b > a] == sorted(a for a, b in spans if b > a)
    ts = ct2_session.score(["Poutine a dit"], [text])[0]
    assert ts.spans == spans and len(ts.logprobs) == len(pieces) + 1


def test_pieces_match_the_transformers_tokenizer(hf_session, tiny_models):
    from transformers import MarianTokenizer

    tok = MarianTokenizer.from_pretrained(str(tiny_models / "opus-mt-fr-en"))
    be = hf_session.engines["forward"].backend
    text = hf_session.engines["forward"].text
    # Same ids once the text is prepared; we also apply OPUS-MT's Moses punctuation
    # normalisation (’ → '), which MarianTokenizer leaves out.
    for s, t in zip(SHORT, EN):
        assert be._ids(text.pieces(s, "source")) + [be.eos] == tok(text.prepare(s, "source")).input_ids
        assert be._ids(text.pieces(t, "target")) + [be.eos] == tok(text_target=text.prepare(t, "target")).input_ids


def test_both_backends_agree_on_scores(ct2_session, hf_session):
    src, tgt = SHORT + [LONG_FR], EN + [LONG_EN]
    a, b = ct2_session.score(src, tgt), hf_session.score(src, tgt)
    for x, y in zip(a, b):
        assert x.pieces == y.pieces and x.spans == y.spans
        assert max(abs(p - q) for p, q in zip(x.logprobs, y.logprobs)) < 0.05
    # Greedy outputs are not compared across backends: random weights make near-ties that
    # int8 rounding and CPU instruction sets flip, so neither text nor length may be asserted.
    for session in (ct2_session, hf_session):
        hyps = session.translate_scored(SHORT)
        assert len(hyps) == len(SHORT)
        assert all(h.tokens > 0 and math.isfinite(h.logprob) and h.logprob <= 0 for h in hyps)


def test_persistent_cache_skips_the_model(open_tiny, tmp_path):
    path = tmp_path / "cache" / "mt.sqlite"
    first = open_tiny(cache=True, cache_path=str(path))
    first.translate(SHORT)
    first.translate(EN, "backward")
    first.score(SHORT, EN)
    assert first.stats["model_calls"] > 0
    first.close()
    again = open_tiny(cache=True, cache_path=str(path))
    assert again.translate(SHORT) == first.translate(SHORT)
    again.translate(EN, "backward")
    assert [t.logprobs for t in again.score(SHORT, EN)] == [t.logprobs for t in first.score(SHORT, EN)]
    assert again.stats["model_calls"] == 0 and again.stats["cache_hits"] >= 3 * len(SHORT)
    edited = SHORT[:2] + ["Le président chinois est reparti mercredi."] + SHORT[3:]
    again.translate(edited)
    assert again.stats["model_calls"] == 1 and again.stats["translated"] == 1
    # another backend is another cache entry
    other = open_tiny("transformers", cache=True, cache_path=str(path), threads=1)
    other.translate(SHORT[:1])
    assert other.stats["model_calls"] == 1


def test_no_cache_setting_writes_nothing(open_tiny, tmp_path):
    s = open_tiny(cache=False, cache_path=str(tmp_path / "never.sqlite"))
    s.translate(SHORT[:2])
    assert s.cache.path is None and not (tmp_path / "never.sqlite").exists()


def test_similarity_scorer(ct2_session):
    ct2_session.prefetch(SHORT)
    calls = ct2_session.stats["model_calls"]
    sims = [ct2_session.similarity(s, t) for s in SHORT for t in EN]
    joined = ct2_session.similarity(SHORT[0] + " " + SHORT[1], EN[0] + " " + EN[1])
    paragraph = ct2_session.similarity("\n".join(SHORT[1:4]), " ".join(EN[1:4]))
    assert ct2_session.stats["model_calls"] == calls  # all served from the prefetched translations
    assert all(0.0 <= x <= 1.0 for x in sims + [joined, paragraph])
    assert ct2_session.similarity("", "x") == 0.0


def test_rules_run_on_a_real_session_in_one_pass(open_tiny):
    s = open_tiny(batch_size=8, score_batch_size=16)
    pairs = list(zip(SHORT, EN)) * 2 + [(LONG_FR, LONG_EN)]
    ctx = make_ctx(pairs, s)
    findings = [f for r in (MTMistranslation, MTOmission, MTAddition, MTRoundTrip) for f in r().check(ctx)]
    assert not s.errors
    # forward + backward translation and forced scoring, each batched (the long pair is split)
    assert s.stats["model_calls"] <= 3 + 3
    for seg in ctx.segments:
        assert {"mt_forward", "back_translation", "chrf_forward", "chrf_back", "logprob_target", "logprob_mt"} <= set(seg.scores)
        json.dumps(seg.scores)
        skipped = {"back_translation", "chrf_back"} if "back_translation_skipped" in seg.scores else set()
        assert all(isinstance(v, (str, float)) or (k in skipped and v is None) for k, v in seg.scores.items())
    for f in findings:
        assert f.target is not None and 0 <= f.target.start <= f.target.end <= len(ctx.target.text)
        seg = next(x for x in ctx.segments if x.id == f.segment)
        assert seg.target_span.contains(f.target)


@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_beam_search_setting(open_tiny, backend):
    s = open_tiny(backend, mt_decoding={"beam_size": 2}, threads=1)
    hyps = s.translate_scored(SHORT[:3])
    assert all(h.text and h.tokens > 0 and h.logprob <= 0 for h in hyps)
    assert s.decoding["beam_size"] == 2 and s.describe()["decoding"]["beam_size"] == 2


def test_cached_scores_always_fit_their_pieces(open_tiny, tmp_path):
    """A cache written under one chunking is never applied to another (reviewer's repro)."""
    src = "Le président russe a accueilli son homologue chinois au Kremlin pour un sommet. " * 3
    tgt = "The Russian president welcomed his Chinese counterpart to the Kremlin for a summit. " * 3
    cache = str(tmp_path / "mt.sqlite")
    first = open_tiny(cache=True, cache_path=cache).score([src], [tgt])[0]
    again = open_tiny(cache=True, cache_path=cache, max_input_tokens=20).score([src], [tgt])[0]
    for scores in (first, again):
        assert len(scores.pieces) == len(scores.spans) and len(scores.logprobs) == len(scores.pieces) + 1
    assert again.chunks > first.chunks


def test_invisible_characters_are_removed_before_the_model(ct2_session):
    """A soft hyphen or zero-width space would become an <unk> piece; the spans stay exact."""
    text = "The presi\u00addent wel\u200bcomed his counterpart."
    eng = ct2_session.engines["forward"]
    pieces, spans = eng.text.pieces_with_spans(text, "target")
    assert pieces == eng.text.pieces_with_spans("The president welcomed his counterpart.", "target")[0]
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace("\u00ad", "").replace("\u200b", "") == "Thepresidentwelcomedhiscounterpart."
