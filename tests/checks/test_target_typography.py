"""Typography of French, German and Spanish targets (en → fr/de/es)."""

from tests.conftest import by_rule, texts

EN = "The minister said on Monday that prices rose by 3.5 percent in March. Mr Dupont was not convinced."
FR_OK = "Le ministre a déclaré lundi que les prix avaient augmenté de 3,5\u00a0% en mars. M.\u00a0Dupont n’était pas convaincu\u00a0: «\u00a0Non\u00a0!\u00a0»"
DE_OK = "Der Minister sagte am Montag, die Preise seien im März um 3,5 Prozent gestiegen. „Nein“, sagte Herr Dupont am 1. Juli."
ES_OK = "El ministro dijo el lunes que los precios subieron un 3,5 % en marzo. ¿Estaba convencido el señor Dupont? ¡No!"


def fr(check, text):
    return check(text, EN, src_lang="en", tgt_lang="fr")


def test_french_clean_copy_has_no_typography_finding(check):
    result = fr(check, FR_OK)
    assert [f.rule for f in result.findings if f.category in ("locale/format", "fluency/casing", "fluency/punctuation")] == []


def test_french_decimal_point_percent_and_missing_spaces(check):
    result = fr(check, "Le ministre a déclaré lundi que les prix avaient augmenté de 3.5% en mars. M. Dupont n’était pas convaincu: «Non!»")
    assert texts(result, "decimal-point") == ["3.5"]
    assert sorted(texts(result, "missing-nbsp")) == sorted(["%", ":", "«", "!", "»"])


def test_french_weekday_capitalised_and_english_honorific(check):
    result = fr(check, "Le ministre a déclaré Lundi que les prix avaient augmenté de 3,5\u00a0% le 12 Mars. Mr Dupont n’était pas convaincu.")
    assert texts(result, "capitalised-calendar") == ["Lundi", "Mars"]
    assert texts(result, "foreign-honorific") == ["Mr"]
    assert by_rule(result, "english-capitals") == []  # lowercase "mars" is right in French


def test_french_month_without_date_and_house_style(check):
    result = fr(check, "Le ministre a déclaré lundi que les prix avaient augmenté en Septembre, selon l’Insee.")
    assert texts(result, "capitalised-calendar") == ["Septembre"]
    result = fr(check, "Le ministre a-t-il dit: non? Les prix avaient augmenté en mars; personne ne le conteste!")
    assert {f.severity.value for f in by_rule(result, "missing-nbsp")} == {"info"}  # never spaced: a house style


def test_french_leaves_the_planet_and_nested_quotes_alone(check):
    result = fr(check, "La sonde vers Mars a décollé lundi, et le ministre a dit\u00a0: «\u00a0Il a répondu “non” hier\u00a0».")
    assert by_rule(result, "capitalised-calendar") == [] and by_rule(result, "foreign-quote-opener") == []


def test_french_english_quotes_flagged(check):
    result = fr(check, "Le ministre a déclaré lundi que “les prix avaient augmenté” en mars.")
    assert texts(result, "foreign-quote-opener") == ["“"]


def test_german_clean_copy_and_noun_capitals(check):
    result = check(DE_OK, EN, src_lang="en", tgt_lang="de")
    assert [f.rule for f in result.findings if f.category in ("locale/format", "fluency/casing", "fluency/punctuation")] == []
    assert len(result.target.sentences()) == 2  # "am 1. Juli" does not end a sentence


def test_german_english_quotes_and_decimal_point(check):
    result = check("Der Minister sagte am Montag, die Preise seien um 3.5 Prozent gestiegen. “Nein”, sagte er.", EN, src_lang="en", tgt_lang="de")
    assert texts(result, "decimal-point") == ["3.5"]
    assert texts(result, "foreign-quote-opener") == ["“"]


def test_german_time_is_no_decimal(check):
    result = check("Der Minister sprach am Montag um 10.30 Uhr vor der Presse über die Preise im März.", EN, src_lang="en", tgt_lang="de")
    assert by_rule(result, "decimal-point") == []


def test_spanish_inverted_marks(check):
    result = check(ES_OK, EN, src_lang="en", tgt_lang="es")
    assert by_rule(result, "inverted-marks") == []
    result = check("El ministro dijo el lunes que los precios subieron en marzo. Estaba convencido el señor Dupont? No!", EN, src_lang="en", tgt_lang="es")
    assert texts(result, "inverted-marks") == ["Estaba convencido el señor Dupont?", "No!"]
    result = check("El ministro dijo el lunes que los precios subieron en marzo y preguntó: qué hará el Gobierno?", EN, src_lang="en", tgt_lang="es")
    assert texts(result, "inverted-marks") == ["qué hará el Gobierno?"]


def test_spanish_decimal_point_allowed_by_locale_setting(check):
    text = "El ministro dijo el lunes que los precios subieron un 3.5 % en marzo y que seguirán subiendo."
    assert texts(check(text, EN, src_lang="en", tgt_lang="es"), "decimal-point") == ["3.5"]
    assert by_rule(check(text, EN, src_lang="en", tgt_lang="es", locale_decimal="."), "decimal-point") == []


def test_english_target_untouched(check):
    result = check("Prices rose by 3.5% on Monday: “No!” said Mr Dupont.", "Les prix ont augmenté de 3,5\u00a0% lundi\u00a0: «\u00a0Non\u00a0!\u00a0» a dit M. Dupont.")
    rules = {"decimal-point", "missing-nbsp", "capitalised-calendar", "foreign-honorific", "inverted-marks", "foreign-quote-opener"}
    assert [f.rule for f in result.findings if f.rule in rules] == []


def test_english_institution_translated_word_by_word_is_no_missing_person(check):
    result = fr(check, "Bob Nicholson, membre du conseil municipal, a déclaré lundi que les prix avaient augmenté en mars.")
    source_en = "Bob Nicholson, a City Council member, said on Monday that prices rose in March."
    result = check(result.target.text, source_en, src_lang="en", tgt_lang="fr")
    assert [f.severity.value for f in by_rule(result, "missing-name")] in ([], ["info"])


def test_spanish_time_after_a_clock_word_is_no_decimal(check):
    result = check("Según una encuesta, la hora perfecta para una pinta son las 5.30 de la tarde en sábado.", EN, src_lang="en", tgt_lang="es")
    assert by_rule(result, "decimal-point") == []
    result = check("Según una encuesta, los precios subieron un 5.30 por ciento el sábado.", EN, src_lang="en", tgt_lang="es")
    assert texts(result, "decimal-point") == ["5.30"]


def test_quoted_original_with_its_translation_in_brackets_needs_no_inverted_mark(check):
    target = 'Los manifestantes entonaban "November is coming!" (¡noviembre llegará pronto!) en el Senado. Gritaban: basta!'
    source = 'The protesters chanted "November is coming!" in the Senate. They shouted: enough!'
    result = check(target, source, src_lang="en", tgt_lang="es")
    assert texts(result, "inverted-marks") == ["basta!"]


def test_character_named_with_an_honorific_and_seven_are_left_alone(check):
    result = fr(check, "Il a un soupçon de Mr Bean et de Blanche-Neige et les Sept Nains, dit Mr Dupont.")
    assert texts(result, "foreign-honorific") == ["Mr"]
    assert by_rule(result, "capitalised-calendar") == []


def test_english_title_kept_as_the_source_writes_it_needs_no_nbsp(check):
    source = 'Lee, whose book "AI Superpowers: China and the New World Order" was published this month, said: no.'
    result = check("Lee, dont le livre « AI Superpowers: China and the New World Order » vient de paraître, a dit: non.", source, src_lang="en", tgt_lang="fr")
    assert [result.target.text[f.target.start - 3 : f.target.end] for f in by_rule(result, "missing-nbsp")] == ["dit:"]
