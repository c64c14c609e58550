import pytest

from tests.conftest import SAMPLES, by_rule, texts

EN_FILL = " The talks between the two delegations continued late into the night in the capital."


def test_lowercased_name_with_source_exonym(check):
    result = check(
        "For its part, kyiv urged Xi Jinping to use his influence." + EN_FILL,
        "Pour sa part, Kiev a exhorté Xi Jinping à user de son influence. Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale.",
    )
    assert texts(result, "name-casing") == ["kyiv"]


def test_lowercased_place_capitalised_elsewhere_without_source(check):
    result = check("The envoy flew to kyiv on Monday for the talks. He had never been in Kyiv before the war." + EN_FILL)
    assert texts(result, "name-casing") == ["kyiv"]


def test_common_word_capitalised_only_in_titles_is_left_alone(check):
    result = check(
        "The Chinese president met Russian President Vladimir Putin. The bank said the World Bank agreed." + EN_FILL
    )
    assert texts(result, "name-casing") == []


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("The vote took place on tuesday in the parliament.", "tuesday"),
        ("The law came into force in january after a long debate.", "january"),
        ("The summit was held on 21 march, in Moscow.", "march"),
        ("The summit opens on march 21 in Moscow.", "march"),
        ("It happened on may 3 in the capital.", "may"),
        ("The french team won the match in the evening.", "french"),
        ("Several european leaders attended the meeting.", "european"),
        ("She gave the speech in english and then left.", "english"),
    ],
)
def test_english_capitals(check, sentence, flagged):
    assert texts(check(sentence + EN_FILL), "english-capitals") == [flagged]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters march through the city every week.",
        "The talks may continue next week.",
        "They polish the statement before publication.",
        "The French team won on Tuesday, 21 March, in May.",
        "Police said at least 3 may have been killed in the blast.",
        "The organisers said 12 march in silence every year.",
    ],
)
def test_english_capitals_leaves_verbs_and_capitals_alone(check, sentence):
    assert texts(check(sentence + EN_FILL), "english-capitals") == []


def test_sentence_start_lowercase_where_source_is_capitalised(check):
    result = check(
        "the Thin White Duke is back with a new album. It was recorded in secret in New York over two years.",
        "Le Thin White Duke est de retour avec un nouvel album. Il a été enregistré en secret à New York pendant deux ans.",
    )
    assert texts(result, "sentence-start-casing") == ["the"]


def test_sentence_opening_on_a_number_is_left_alone(check):
    result = check(
        "32 % étaient en faveur d'une telle campagne. Les autres ont refusé de répondre aux questions.",
        "Thirty-two percent supported such a run. The others declined to answer the questions.",
        src_lang="en", tgt_lang="fr",
    )
    assert texts(result, "sentence-start-casing") == []


def test_sentence_start_lowercase_in_a_french_target(check):
    result = check(
        "les États-Unis insistent sur la dénucléarisation. Les autres pays ont refusé de répondre.",
        "The U.S. insists on denuclearization. The other countries declined to answer.",
        src_lang="en", tgt_lang="fr",
    )
    assert texts(result, "sentence-start-casing") == ["les"]


def test_sentence_start_lowercase_by_design_is_left_alone(check):
    result = check(
        "iPhone sales rose sharply in the third quarter of the year. Analysts expected a smaller increase in sales.",
        "Les ventes d'iPhone ont fortement augmenté au troisième trimestre. Les analystes attendaient une hausse plus faible.",
    )
    assert texts(result, "sentence-start-casing") == []


def test_lowercased_name_beside_its_capitalised_compound(check):
    result = check(
        "Although google is working on a new model of Google Glass, sales are slow." + EN_FILL,
        "Bien que Google travaille sur un nouveau modèle de Google Glass, les ventes sont lentes. Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale.",
    )
    assert texts(result, "name-casing") == ["google"]


def test_common_word_beside_a_name_containing_it_is_left_alone(check):
    result = check(
        "The Royal Bank of Scotland will create an internal bad bank structure." + EN_FILL,
        "La Royal Bank of Scotland créera en interne une structure de défaisance (bad bank). Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale.",
    )
    assert texts(result, "name-casing") == []


def test_ambiguous_month_confirmed_by_the_source(check):
    result = check(
        "The summit was held on 21 march in Moscow." + EN_FILL,
        "Le sommet s'est tenu le 21 mars à Moscou. Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale.",
    )
    assert texts(result, "english-capitals") == ["march"]


def test_french_regions_with_english_names_are_names(check):
    result = check(
        "Farmers from brittany and normandy demonstrated on Tuesday in berlin against the reform.",
        "Les agriculteurs de Bretagne et de Normandie ont manifesté mardi à Berlin contre la réforme.",
    )
    assert sorted(result.target.slice(f.target) for f in result.findings if f.rule == "name-casing") == ["berlin", "brittany", "normandy"]


def test_sentence_continued_from_an_open_block_is_left_alone(check):
    result = check(
        "The minister said the plan,\n\nwhich parliament approved, would start in May.",
        "Le ministre a dit que le plan serait lancé en mai.\n\nLe Parlement l’a approuvé.",
    )
    assert by_rule(result, "sentence-start-casing") == []


@pytest.mark.parametrize(
    "target, source, pair, flagged",
    [
        pytest.param(
            "He spoke at an event of the Consumer Energy Alliance, the voice of the energy consumer, in chelsea.",
            "Habló en un evento de la Consumer Energy Alliance, la voz del consumidor energético, en Chelsea.",
            "es-en",
            ["chelsea"],
            id="english_title_kept_in_a_spanish_source_is_no_name_evidence",
        ),
        pytest.param(
            "She met the beautiful femme fatale Ophelia in the palace of erdogan.",
            "Sie traf die schöne Femme Fatale Ophelia im Palast von Erdogan.",
            "de-en",
            ["erdogan"],
            id="source_phrase_written_lowercase_is_no_name",
        ),
        pytest.param(
            "She has no time for the homewear brand. Sales of homewear fell in the spring.",
            "Sie hat keine Zeit für die Homewear-Marke. Der Verkauf von Homewear ging im Frühjahr zurück.",
            "de-en",
            [],
            id="word_lowercase_throughout_the_translation_is_left_alone",
        ),
        pytest.param(
            "Sales at Lloyds rose. The owner of the lloyds chain said Lloyds would grow.",
            "Los ventas de Lloyds subieron. El propietario de la cadena Lloyds dijo que Lloyds crecería.",
            "es-en",
            ["lloyds"],
            id="name_lowercased_once_beside_its_capitalised_uses_is_flagged",
        ),
        pytest.param(
            "Les 18 États et le district de Columbia soutiennent le recours. Les cours de mandarin continueront à nice.",
            "The 18 states and the District of Columbia support the challenge. Mandarin lessons will go on in Marseille and Nice.",
            "en-fr",
            ["nice"],
            id="french_target_lowercases_generic_words_and_languages",
        ),
        pytest.param(
            "Anschließend reiste erdogan nach Köln. Die Politik von deptford wurde kritisiert.",
            "Erdogan then headed for Cologne. Deptford's policies were criticised.",
            "en-de",
            ["erdogan", "deptford"],
            id="english_source_name_at_a_sentence_start_or_with_a_possessive_is_evidence",
        ),
        pytest.param(
            "El rakfisk es trucha en salazón. Luego se come el rakfisk con aquavit en la cena.",
            "Rakfisk is trout sprinkled with salt. Then you eat the rakfisk with aquavit at dinner.",
            "en-es",
            [],
            id="english_source_word_also_lowercase_there_is_no_name",
        ),
        pytest.param(
            "Le groupe a annoncé un financement pour la nutrition des enfants, a dit le président.",
            "The group announced funding for Nutrition of children, the president said.",
            "en-fr",
            [],
            id="ordinary_english_word_that_is_a_french_word_is_no_name",
        ),
        pytest.param(
            "Dijo que el nombre rima con Twp y pwp. En galés, twp significa tonto y pwp significa caca.",
            "He said the name rhymes with Twp and Pwp. In Welsh, twp means daft and pwp means poo.",
            "en-es",
            ["pwp"],
            id="english_source_word_capitalised_inside_a_sentence_is_evidence_even_if_lowercase_elsewhere",
        ),
    ],
)
def test_name_casing_across_pairs(check, target, source, pair, flagged):
    src_lang, tgt_lang = pair.split("-")
    result = check(target, source, src_lang=src_lang, tgt_lang=tgt_lang)
    assert texts(result, "name-casing") == flagged


def test_a_phrase_stands_alone_only_without_letters_touching_it():
    from mtcheck.checks.casing import _has_phrase

    assert _has_phrase("the haute couture house", "haute couture")
    assert _has_phrase("haute couture", "haute couture")
    assert not _has_phrase("the haute coutures", "haute couture")
    assert _has_phrase("xhaute couture, haute couture.", "haute couture")  # the second one
    assert not _has_phrase("éhaute couture", "haute couture")


def test_ordinary_words_answer_as_the_full_list_does():
    from mtcheck.checks.casing import ordinary_words
    from mtcheck.resources import word_list

    words, every = ordinary_words("en"), set(word_list("en", "common_words"))
    for word in ("bank", "aardvarks", "system", "merkel", "erdogan", "", "a", "zz", "bank bank", "x-ray"):
        assert (word in words) == (word in every), word
    assert "bank" not in ordinary_words("xx")  # a language without the list


@pytest.mark.parametrize(
    "target, source, langs",
    [
        ("putin-xi-summit.en.txt", "putin-xi-summit.fr.txt", ("fr", "en")),
        ("planted-heatwave.en.txt", "planted-heatwave.fr.txt", ("fr", "en")),
        ("planted-rail-strike.en.txt", "planted-rail-strike.de.txt", ("de", "en")),
        ("putin-xi-summit.fr.txt", "putin-xi-summit.en.txt", ("en", "fr")),
    ],
)
def test_source_names_read_only_where_a_lowercase_word_may_be_one(check, monkeypatch, target, source, langs):
    """Skipping a segment's source names where no lowercase word can be one of them finds the same."""
    from mtcheck.checks import casing

    tgt = (SAMPLES / target).read_text(encoding="utf-8")
    src = (SAMPLES / source).read_text(encoding="utf-8")
    tgt = tgt.replace("Putin", "putin").replace("Beijing", "beijing").replace("Poutine", "poutine")
    select = {"select": ["name-casing"], "src_lang": langs[0], "tgt_lang": langs[1]}
    found = [(f.target, f.message) for f in check(tgt, src, **select).findings]
    # every lowercase word of the segment may be a source name: its names are always read
    monkeypatch.setattr(casing, "_may_be_names", lambda *args: True)
    monkeypatch.setattr(casing, "_source_forms", lambda ctx, seg, names: frozenset(w[0].upper() + w[1:] for w in casing._WORD.findall(seg.target_text)))
    assert [(f.target, f.message) for f in check(tgt, src, **select).findings] == found
    if langs == ("fr", "en") and "putin" in tgt:
        assert found


@pytest.mark.parametrize(
    "text, words",
    [
        ("  Paris said no.", ["said", "no"]),  # the first word, after spaces
        ("He said: « Non ! » and left…  Then rain.", ["said", "and", "left", "rain"]),  # after a colon, quote, ! or …
        ("A well-known man (Jean) met l'Élysée.\u00a0Then", ["well-known", "man", "met", "l'Élysée"]),
        ("", []),
    ],
)
def test_mid_sentence_words_leave_out_words_after_an_opener(text, words):
    from mtcheck.checks.casing import _mid_words

    assert [m.group() for m in _mid_words(text)] == words


def test_the_word_pattern_and_its_ascii_twin_find_the_same_words():
    from mtcheck.checks import casing
    from tests.checks.test_words import _texts

    for text in _texts(11):
        fast = casing._WORDS.of(text)
        assert fast is not casing._WORD
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in casing._WORD.finditer(text)], text
    assert casing._WORDS.of("l’Élysée") is casing._WORD
