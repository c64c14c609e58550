import random

from mtcheck.align.scorers import AnchorScorer


def test_out_of_english_pair_reads_the_reverse_lexicon_backwards():
    """en→de has no lexicon of its own: de-en's, read backwards, matches words with no cognate."""
    scorer = AnchorScorer("en", "de")
    assert scorer("The government met the people.", "Die Regierung traf die Menschen.") == 1.0
    assert scorer("The government met the people.", "Der Sturm zog nach Norden.") == 0.0


def test_coverage_is_each_side_s_share_of_words_found_on_the_other():
    scorer = AnchorScorer("de", "en")
    # Regierung → government, Menschen → people; Sturm has no counterpart
    assert scorer.coverage("Regierung Menschen Sturm", "The government and the people") == (2 / 3, 1.0)
    assert scorer.coverage("Regierung", "The storm moved north") == (0.0, 0.0)
    assert scorer.coverage("und die", "The government") == (0.5, 0.0)  # no content word: no evidence


def test_a_form_missing_from_the_lexicon_is_looked_up_without_its_ending():
    scorer = AnchorScorer("en", "es")  # es-en read backwards: "disease" → "enfermedad"
    assert scorer("diseased", "enfermedades") == 1.0
    assert scorer("dis", "enfermedades") == 0.0  # too short to lose an ending


def _plain_counts(scorer: AnchorScorer, src: str, tgt: str) -> tuple[int, int, int, int]:
    """Word by word: each side's content words, and those with a counterpart on the other side."""
    src_words, tgt_words = scorer.source_words(src), scorer.target_words(tgt)
    src_keys = set().union(*src_words)
    src_matched = sum(1 for keys in src_words if not keys.isdisjoint(tgt_words))
    return len(src_words), len(tgt_words), src_matched, sum(1 for key in tgt_words if key in src_keys)


def test_similarity_and_coverage_count_every_word_that_finds_a_counterpart():
    """Repeated words, words with several keys (a lexicon entry) and numbers count once per occurrence."""
    rnd = random.Random(0)
    fr = ["personnes", "personnes", "gouvernement", "accord", "Pékin", "400", "3", "trois", "mars", "maison", "chat"]
    en = ["people", "people", "persons", "government", "deal", "Beijing", "400", "three", "March", "house", "dog"]
    scorer = AnchorScorer("fr", "en")
    for _ in range(200):
        src, tgt = " ".join(rnd.choices(fr, k=rnd.randint(0, 8))), " ".join(rnd.choices(en, k=rnd.randint(0, 8)))
        src_count, tgt_count, src_matched, tgt_matched = _plain_counts(scorer, src, tgt)
        expected = (src_matched + tgt_matched) / (src_count + tgt_count) if src_count or tgt_count else 0.5
        assert scorer(src, tgt) == expected
        assert scorer.coverage(src, tgt) == (src_matched / src_count if src_count else 0.5, tgt_matched / tgt_count if tgt_count else 0.5)


def test_words_as_written_are_kept_within_a_bound_and_score_the_same(monkeypatch):
    """The word forms a scorer keeps are dropped once there are too many; scores do not change."""
    from mtcheck.align import scorers

    src, tgt = "Les 1 500,5 personnes l'accord de Pékin", "The 15005 people agreed in Beijing"
    expected = AnchorScorer("fr", "en")(src, tgt)
    monkeypatch.setattr(scorers, "_FORMS_KEPT", 3)
    scorer = AnchorScorer("fr", "en")
    for _ in range(2):
        assert scorer(src, tgt) == expected == 1.0
        assert len(scorer._source_forms) <= 3 and len(scorer._target_forms) <= 3


def test_numbers_match_by_their_digits_whatever_their_separators():
    scorer = AnchorScorer("fr", "en")
    assert scorer.source_words("1 500,5 et 2\u202f000") == (frozenset({"15005"}), frozenset({"2000"}))
    assert scorer.target_words("1,500.5 and 2 000") == ("15005", "2000")


def test_strip_accents_drops_every_combining_character_and_nothing_else():
    import unicodedata

    from mtcheck.align.scorers import strip_accents

    assert strip_accents("Élysée, Œuvre, ﬁn, Ångström") == "Elysee, Œuvre, fin, Angstrom"
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for k in range(0, len(every), 4096):
        chunk = every[k : k + 4096]
        assert strip_accents(chunk) == "".join(ch for ch in unicodedata.normalize("NFKD", chunk) if not unicodedata.combining(ch))


def test_ascii_texts_give_the_tokens_the_unicode_patterns_give():
    """An ASCII text is read with Python's ``re`` twins of ``_NUMBER`` and ``_WORD``: the same tokens."""
    from mtcheck.align import scorers

    rnd = random.Random(1)
    pieces = ["Jean", "l'accord", "well-known", "x", "1", "2.5", "3,000", "4 500", ". ", ",", " ", "'", "-", "_", "é", "’", "\u00a0", "9"]
    numbers, words = scorers._ascii_patterns()
    for _ in range(2000):
        text = "".join(rnd.choices(pieces, k=rnd.randint(0, 12)))
        if text.isascii():
            assert (numbers.findall(text), words.findall(text)) == (scorers._NUMBER.findall(text), scorers._WORD.findall(text))
        assert scorers._tokens(text)[1] == scorers._WORD.findall(text)


def test_a_document_scorer_scores_as_its_scorer_and_keeps_texts_within_a_bound(monkeypatch):
    """Each text is read once per document (at most ``_TEXTS_KEPT`` kept per side); scores do not change."""
    from mtcheck.align import scorers

    monkeypatch.setattr(scorers, "_TEXTS_KEPT", 2)
    scorer = AnchorScorer("fr", "en")
    document = scorer.document()
    fr = ["Les 1 500 personnes de Pékin", "Le gouvernement", "l'accord de mars", "", "et"]
    en = ["The 1,500 people of Beijing", "The government", "the March deal", "", "and"]
    for _ in range(2):
        for src in fr:
            for tgt in en:
                assert document(src, tgt) == scorer(src, tgt)
                assert document.coverage(src, tgt) == scorer.coverage(src, tgt)
                assert len(document._sources) <= 2 and len(document._targets) <= 2


PAIRS = [("fr", "en"), ("de", "en"), ("es", "en"), ("it", "en"), ("en", "de"), ("en", "es"), ("en", "fr")]


def test_the_translations_read_by_part_are_the_whole_table():
    """``_translations`` keeps lines by first two letters; every key reads as the full mapping built from the tables."""
    from mtcheck.align.scorers import _translations
    from mtcheck.resources import pair_table

    for src, tgt in PAIRS:
        full: dict[str, list[str]] = {}
        for name in ("exonyms", "lexicon"):
            rows = pair_table(src, tgt, name)
            for row in rows:
                full.setdefault(row[src].lower(), []).append(row[tgt])
            for row in () if rows else pair_table(tgt, src, name):
                for word in {w for alt in row[src].split("|") for w in alt.split()}:
                    full.setdefault(word.lower(), []).append(row[tgt])
        table = {word: "|".join(forms) for word, forms in full.items()}
        lazy = _translations(src, tgt)
        assert dict(lazy) == table and len(lazy) == len(table) and all(lazy.get(k) == v and k in lazy for k, v in table.items())
        assert not any(key[:-1] in lazy for key in table if key[:-1] not in table)  # a prefix of a key is no key
