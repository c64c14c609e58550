"""Decision logic of the MT rules, driven by a test double with planted MT output and scores."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from mtcheck.checks import all_rules
from mtcheck.checks.mt_accuracy import MTAddition, MTMistranslation, MTOmission, MTRoundTrip
from mtcheck.model import Severity
from mtcheck.mt.session import Hypothesis, TokenScores
from tests.mt.helpers import make_ctx

MT_RULES = (MTMistranslation, MTOmission, MTAddition, MTRoundTrip)


class PlantedTranslator:
    """TEST DOUBLE for ``MTSession``: planted translations and planted forced-decoding scores.

    ``forward``: source → (MT text, its mean log-prob); ``backward``: target → back-translation
    (and, for round trips, back-translation → round trip via ``forward``). ``low`` plants a
    log-prob for every occurrence of a target word (lowercase); other tokens get ``default``.
    Tokens are words and punctuation marks, so spans are exact.
    """

    def __init__(self, forward=None, backward=None, low=None, default=-0.5, fail=False):
        self.forward = forward or {}
        self.backward = backward or {}
        self.low = {k.lower(): v for k, v in (low or {}).items()}
        self.default = default
        self.fail = fail
        self.calls: Counter = Counter()
        self.errors: list[str] = []
        self._chrf = None

    def translate_scored(self, texts, direction="forward"):
        self.calls[f"translate-{direction}"] += 1
        if self.fail:
            raise RuntimeError("planted failure")
        table = self.forward if direction == "forward" else self.backward
        out = []
        for t in texts:
            v = table.get(t, t)
            text, lp = (v, -0.3) if isinstance(v, str) else v
            out.append(Hypothesis(text, lp, len(text.split()) + 1))
        return out

    def translate(self, texts, direction="forward"):
        return [h.text for h in self.translate_scored(texts, direction)]

    def score(self, sources, targets, direction="forward"):
        self.calls["score"] += 1
        out = []
        for t in targets:
            toks = list(re.finditer(r"\w+|[^\w\s]", t))
            lps = [self.low.get(m.group().lower(), self.default) for m in toks] + [self.default]
            out.append(TokenScores([m.group() for m in toks], [m.span() for m in toks], lps))
        return out

    def chrf(self, hypothesis, reference):
        from sacrebleu.metrics import CHRF

        self._chrf = self._chrf or CHRF()
        return self._chrf.sentence_score(hypothesis, [reference]).score if hypothesis and reference else 0.0


def run_rules(ctx, rules=MT_RULES):
    found = [f for rule in rules for f in rule().check(ctx)]
    assert not getattr(ctx.mt, "errors", None) or getattr(ctx.mt, "fail", False), ctx.mt.errors
    return found


def flagged(ctx, findings, rule=None):
    return [ctx.target.slice(f.target) for f in findings if f.target and (rule is None or f.rule == rule)]


# -- a faithful pair and its planted corruption --------------------------------------------
SRC = "Le président russe Vladimir Poutine a ensuite accueilli mardi son homologue chinois Xi Jinping au Kremlin."
GOOD = "Russian President Vladimir Putin then welcomed his Chinese counterpart Xi Jinping to the Kremlin on Tuesday."
MT = "Russian President Vladimir Putin then welcomed his Chinese counterpart Xi Jinping at the Kremlin on Tuesday."
BT_GOOD = "Le président russe Vladimir Poutine a ensuite accueilli son homologue chinois Xi Jinping au Kremlin mardi."
GARBLED = (
    "Then he was welcomed by Russian President Vladimir Putin on Tuesday by his Chinese counterpart "
    "Xi Jinping in the Kremlin."
)
BT_GARBLED = (
    "Puis il a été accueilli par le président russe Vladimir Poutine mardi par son homologue chinois "
    "Xi Jinping au Kremlin."
)


def faithful_double(**kw):
    return PlantedTranslator(forward={SRC: (MT, -0.3)}, backward={GOOD: BT_GOOD, GARBLED: BT_GARBLED}, **kw)


def test_faithful_pair_yields_no_finding():
    mt = faithful_double()
    ctx = make_ctx([(SRC, GOOD)], mt, {"mt_thresholds": {"back_translate_all": 1}})
    assert run_rules(ctx) == []
    scores = ctx.segments[0].scores
    assert scores["mt_forward"] == MT and scores["back_translation"] == BT_GOOD
    assert scores["chrf_forward"] > 80 and scores["chrf_back"] > 70
    assert scores["logprob_target"] == pytest.approx(-0.5) and scores["logprob_mt"] == -0.3
    assert all(isinstance(v, (str, float)) for v in scores.values()) and "back_translation_skipped" not in scores
    json.dumps(scores)


def test_clean_segment_is_not_back_translated_and_its_scores_say_so():
    mt = faithful_double()
    ctx = make_ctx([(SRC, GOOD)], mt)
    assert run_rules(ctx) == []
    assert mt.calls["translate-backward"] == 0
    scores = ctx.segments[0].scores
    assert scores["back_translation"] is None and scores["chrf_back"] is None  # keys kept: the contract
    assert scores["back_translation_skipped"].startswith("not needed")
    assert scores["mt_forward"] == MT and scores["chrf_forward"] > 80
    json.dumps(scores)


def test_planted_meaning_change_is_flagged_on_its_span():
    mt = faithful_double(low={"he": -7.5, "was": -6.2, "welcomed": -5.5, "by": -6.8})
    ctx = make_ctx([(SRC, GARBLED)], mt)
    findings = run_rules(ctx)
    assert {f.rule for f in findings} == {"mt-mistranslation"}
    first = findings[0]
    assert ctx.target.slice(first.target) == "he was welcomed by"
    assert first.category == "accuracy/mistranslation"
    assert first.suggestion == MT
    assert first.segment == "p1.s1"
    assert ctx.source.slice(first.source) == SRC
    assert "forced decoding" in first.message and "chrF" in first.message and MT in first.message
    # the flagged span is exact text inside the garbled sentence; the second misplaced "by"
    # ("on Tuesday by his") is a lone function word, which is never flagged on its own
    assert flagged(ctx, findings) == ["he was welcomed by"]


def test_lone_function_word_the_mt_would_not_use_is_left_alone():
    src = "Le président est arrivé au Kremlin mardi soir pour des entretiens."
    tgt = "The president arrived in the Kremlin on Tuesday evening for talks."
    mt_text = "The president arrived at the Kremlin on Tuesday evening for talks."
    mt = PlantedTranslator(forward={src: (mt_text, -0.3)}, backward={tgt: src}, low={"in": -6.5})
    assert run_rules(make_ctx([(src, tgt)], mt)) == []


def test_lone_synonym_is_left_alone_unless_very_improbable():
    src = "Le ministre a déclaré que les discussions continueraient la semaine prochaine."
    tgt = "The minister stated that the talks would continue next week."
    mt_text = "The minister said that the talks would continue next week."
    mt = PlantedTranslator(forward={src: (mt_text, -0.3)}, backward={tgt: src}, low={"stated": -6.0})
    assert run_rules(make_ctx([(src, tgt)], mt)) == []


def test_words_the_mt_also_uses_in_the_same_context_are_left_alone():
    # "Xi Jinping" and "Chinese counterpart" are improbable here, but the MT makes the same transitions.
    mt = faithful_double(low={"chinese": -7.0, "counterpart": -7.0, "jinping": -9.0})
    ctx = make_ctx([(SRC, GOOD)], mt)
    assert run_rules(ctx) == []


def test_single_substituted_word_host_for_guest():
    src = "Le président russe a couvert d’éloges son puissant invité chinois."
    tgt = "The Russian president showered his powerful Chinese host with praise."
    mt_text = "The Russian president showered his powerful Chinese guest with praise."
    mt = PlantedTranslator(forward={src: (mt_text, -0.3)}, backward={tgt: src}, low={"host": -9.0})
    ctx = make_ctx([(src, tgt)], mt)
    findings = run_rules(ctx)
    assert flagged(ctx, findings, "mt-mistranslation") == ["host"]
    assert findings[0].severity == Severity.WARNING


def test_names_alone_belong_to_the_name_check():
    src = "Le président ukrainien s’est rendu à Kiev."
    tgt = "The Ukrainian president travelled to Kyiv."
    mt = PlantedTranslator(forward={src: ("The Ukrainian president went to Kiev.", -0.3)},
                           backward={tgt: src}, low={"kyiv": -9.5})
    assert run_rules(make_ctx([(src, tgt)], mt)) == []


def test_dropped_negation():
    src = "Le gouvernement n’a pas signé l’accord."
    tgt = "The government has signed the agreement."
    mt = PlantedTranslator(
        forward={src: ("The government has not signed the agreement.", -0.3)},
        backward={tgt: "Le gouvernement a signé l’accord."},
    )
    ctx = make_ctx([(src, tgt)], mt)
    findings = run_rules(ctx)
    assert flagged(ctx, findings, "mt-mistranslation") == ["has signed"]
    assert "negation" in findings[0].message


def test_negation_kept_is_left_alone():
    src = "Le gouvernement n’a pas signé l’accord."
    tgt = "The government did not sign the agreement."
    mt = PlantedTranslator(
        forward={src: ("The government has not signed the agreement.", -0.3)},
        backward={tgt: "Le gouvernement n’a pas signé l’accord."},
    )
    assert run_rules(make_ctx([(src, tgt)], mt)) == []


def test_omission_found_through_back_translation():
    src = "Le ministre a annoncé une aide de cinq milliards pour la reconstruction des écoles et des hôpitaux."
    tgt = "The minister announced aid of five billion."
    mt = PlantedTranslator(
        forward={src: ("The minister announced five billion in aid for the reconstruction of schools and hospitals.", -0.3)},
        backward={tgt: "Le ministre a annoncé une aide de cinq milliards."},
        low={".": -6.5},  # the model expected "for the reconstruction …", not the full stop
    )
    ctx = make_ctx([(src, tgt)], mt)
    findings = run_rules(ctx)
    assert [f.rule for f in findings] == ["mt-omission"]
    f = findings[0]
    assert ctx.source.slice(f.source) == "reconstruction des écoles et des hôpitaux"
    assert ctx.target.slice(f.target) == tgt
    assert f.category == "accuracy/omission"
    assert "reconstruction" in ctx.segments[0].scores["omission_candidates"]


def test_paraphrase_is_not_an_omission():
    src = "Le ministre a affirmé que la situation restait préoccupante."
    tgt = "The minister said the situation remained worrying."
    mt = PlantedTranslator(
        forward={src: ("The minister stated that the situation remained of concern.", -0.3)},
        backward={tgt: "Le ministre a dit que la situation demeurait inquiétante."},
    )
    assert run_rules(make_ctx([(src, tgt)], mt)) == []


def test_addition_on_its_span():
    src = "Le président a rencontré le premier ministre mardi."
    tgt = "The president met the prime minister on Tuesday, in a meeting widely seen as a snub to Washington."
    mt = PlantedTranslator(
        forward={src: ("The president met the prime minister on Tuesday.", -0.3)},
        backward={tgt: "Le président a rencontré le premier ministre mardi, lors d’une réunion largement "
                       "considérée comme un camouflet pour Washington."},
        low={"meeting": -6.0, "widely": -7.0, "seen": -6.5, "snub": -8.5, "washington": -7.5},
    )
    ctx = make_ctx([(src, tgt)], mt)
    findings = run_rules(ctx)
    assert [f.rule for f in findings] == ["mt-addition"]
    assert flagged(ctx, findings) == ["meeting widely seen as a snub to Washington"]
    assert findings[0].category == "accuracy/addition"
    assert "camouflet" in ctx.segments[0].scores["addition_candidates"]


def test_round_trip_without_source():
    bad = "The talks were a tremendous flop for everyone involved in them."
    good = "Vladimir Putin welcomed Xi Jinping to the Kremlin on Tuesday."
    mt = PlantedTranslator(
        backward={bad: "Les pourparlers ont été un énorme échec.", good: "Vladimir Poutine a accueilli Xi Jinping."},
        forward={"Les pourparlers ont été un énorme échec.": "Discussions: huge failure.",
                 "Vladimir Poutine a accueilli Xi Jinping.": good},
    )
    ctx = make_ctx([(None, bad), (None, good)], mt, monolingual=True)
    assert run_rules(ctx, (MTMistranslation, MTOmission, MTAddition)) == []
    findings = run_rules(ctx, (MTRoundTrip,))
    assert [f.segment for f in findings] == ["p1.s1"]
    f = findings[0]
    assert f.severity in (Severity.INFO, Severity.WARNING) and f.category == "accuracy/mistranslation"
    assert ctx.target.slice(f.target) in bad
    assert ctx.segments[0].scores["round_trip"] == "Discussions: huge failure."
    assert ctx.segments[1].scores["chrf_round_trip"] == 100.0
    # the bilingual rules ignore monolingual documents, the round trip ignores bilingual ones
    assert run_rules(make_ctx([(SRC, GARBLED)], faithful_double()), (MTRoundTrip,)) == []


def test_no_session_means_no_work():
    ctx = make_ctx([(SRC, GARBLED)], None)
    assert run_rules(ctx) == []
    assert ctx.segments[0].scores == {}


def test_one_batched_pass_shared_by_all_rules():
    mt = faithful_double(low={"he": -7.5})
    pairs = [(SRC, GOOD), (SRC, GARBLED), (SRC, GOOD)]
    ctx = make_ctx(pairs, mt, {"mt_thresholds": {"back_translate_all": 1}})
    run_rules(ctx)
    run_rules(ctx)
    assert mt.calls == Counter({"translate-forward": 1, "translate-backward": 1, "score": 1})
    # a new context (another document) gets its own analysis
    run_rules(make_ctx(pairs, mt))
    assert mt.calls["score"] == 2


def test_thresholds_come_from_settings():
    low = {"he": -7.5, "was": -6.2, "welcomed": -5.5, "by": -6.8}
    strict = make_ctx([(SRC, GARBLED)], faithful_double(low=low), {"mt_thresholds": {"token_logprob": -10.0}})
    assert run_rules(strict) == []
    severe = make_ctx([(SRC, GARBLED)], faithful_double(low=low),
                      {"mt_thresholds": {"error_delta": -0.5, "error_token_logprob": -6.0}})
    assert Severity.ERROR in {f.severity for f in run_rules(severe)}


def test_mt_failure_is_recorded_not_raised():
    mt = faithful_double(fail=True)
    ctx = make_ctx([(SRC, GARBLED)], mt)
    assert run_rules(ctx) == []
    assert mt.errors and "planted failure" in mt.errors[0]


def test_rules_are_registered_and_documented():
    rules = all_rules()
    expected = {
        "mt-mistranslation": "accuracy/mistranslation",
        "mt-omission": "accuracy/omission",
        "mt-addition": "accuracy/addition",
        "mt-round-trip": "accuracy/mistranslation",
    }
    for rule_id, category in expected.items():
        cls = rules[rule_id]
        assert cls.category == category
        doc = cls.documentation()
        assert "Flags:" in doc and "Leaves alone:" in doc and cls.summary()


def test_capitalised_word_is_not_a_name_by_case_alone():
    """"the Senate" for "l'Assemblée nationale": capitalised, but nowhere in the source or the MT."""
    src = "Le texte a été adopté par l’Assemblée nationale mardi."
    tgt = "The text was adopted by the Senate on Tuesday."
    mt = PlantedTranslator(forward={src: ("The text was adopted by the National Assembly on Tuesday.", -0.3)},
                           backward={tgt: "Le texte a été adopté par le Sénat mardi."}, low={"senate": -9.0})
    ctx = make_ctx([(src, tgt)], mt)
    assert [ctx.target.slice(f.target) for f in run_rules(ctx) if f.rule == "mt-mistranslation"] == ["Senate"]


def test_stem_joins_inflections_but_not_different_words():
    from mtcheck.mt.analysis import stem

    assert stem("talks") == stem("talk") and stem("signée") == stem("signé") and stem("présidents") == stem("président")
    assert stem("governor") != stem("government") and stem("internal") != stem("international")


def _candidates(ctx):
    from mtcheck.mt.analysis import analyse

    return [(c.kind, c.segment.id, c.severity, c.target, c.source, c.message) for c in analyse(ctx).candidates]


def test_skipping_back_translation_changes_no_finding():
    """Random planted segments: the same candidates whether clean segments are back-translated or not."""
    import random

    rng = random.Random(7)
    sources = [SRC, "Le gouvernement n’a pas signé l’accord.", "Le président a rencontré le premier ministre mardi.",
               "Le ministre a annoncé une aide de cinq milliards pour la reconstruction des écoles et des hôpitaux."]
    english = [GOOD, MT, GARBLED, "The government has not signed the agreement.", "The government has signed the deal.",
               "The president met the prime minister on Tuesday, in a meeting widely seen as a snub to Washington.",
               "The minister announced aid of five billion.", "The president did not meet anyone."]
    french = sources + [BT_GOOD, BT_GARBLED, "Le ministre a annoncé une aide.", "Le président n'a rencontré personne.",
                        "Le président a rencontré le premier ministre mardi, lors d’une réunion largement considérée."]
    skipped = needed = 0
    kinds = set()
    for _ in range(60):
        pairs = [(rng.choice(sources), rng.choice(english)) for _ in range(3)]
        forward = {s: (rng.choice(english), rng.uniform(-2.0, -0.1)) for s, _ in pairs}
        backward = {t: rng.choice(french) for _, t in pairs}
        vocab = {w.lower() for _, t in pairs for w in re.findall(r"\w+|[^\w\s]", t)}
        low = {w: rng.uniform(-10.0, -4.0) for w in vocab if rng.random() < 0.3}
        default = rng.choice([-0.5, -2.0])
        runs = []
        for every in (1, 0):
            mt = PlantedTranslator(forward=forward, backward=backward, low=low, default=default)
            ctx = make_ctx(pairs, mt, {"mt_thresholds": {"back_translate_all": every}})
            runs.append(_candidates(ctx))
        assert runs[0] == runs[1]
        kinds |= {c[0] for c in runs[0]}
        flags = [s.scores.get("back_translation_skipped") for s in ctx.segments]
        skipped += sum(f is not None for f in flags)
        needed += sum(f is None for f in flags)
    assert skipped > 20 and needed > 20 and kinds == {"mistranslation", "omission", "addition"}  # all paths ran


@pytest.mark.parametrize("case", ["negation", "omission", "addition"])
def test_segments_that_need_back_translation_get_it(case):
    """Each kind of finding back-translation confirms keeps it."""
    pairs = {
        "negation": ("Le gouvernement n’a pas signé l’accord.", "The government has signed the agreement.",
                     "The government has not signed the agreement.", {}),
        "omission": ("Le ministre a annoncé une aide de cinq milliards pour la reconstruction des écoles et des hôpitaux.",
                     "The minister announced aid of five billion.",
                     "The minister announced five billion in aid for the reconstruction of schools and hospitals.",
                     {".": -6.5}),
        "addition": ("Le président a rencontré le premier ministre mardi.",
                     "The president met the prime minister on Tuesday, in a meeting widely seen as a snub to Washington.",
                     "The president met the prime minister on Tuesday.",
                     {"meeting": -6.0, "widely": -7.0, "seen": -6.5, "snub": -8.5, "washington": -7.5}),
    }
    src, tgt, mt_text, low = pairs[case]
    ctx = make_ctx([(src, tgt), (SRC, GOOD)], PlantedTranslator(forward={src: (mt_text, -0.3), SRC: (MT, -0.3)},
                                                                backward={tgt: src}, low=low))
    _candidates(ctx)
    first, clean = (s.scores for s in ctx.segments)
    assert first["back_translation"] == src and "back_translation_skipped" not in first
    assert clean["back_translation"] is None and "back_translation_skipped" in clean
