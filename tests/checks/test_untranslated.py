from tests.conftest import texts

EN = "The talks between the two delegations continued late into the night in the capital. Both sides said progress was made on trade."
FR = "Les discussions entre les deux délégations ont duré tard dans la nuit dans la capitale. Les deux parties ont dit avoir progressé sur le commerce."


def test_sentence_left_in_french(check):
    result = check(EN + " Ce ne sera pas une paix juste et durable, a-t-il averti.", FR + " Ce ne sera pas une paix juste et durable, a-t-il averti.")
    assert texts(result, "untranslated") == ["Ce ne sera pas une paix juste et durable, a-t-il averti."]


def test_span_left_in_french(check):
    result = check(EN + " He said that la situation est très grave pour tous in Kyiv.")
    assert texts(result, "untranslated-span") == ["la situation est très grave pour tous"]


def test_french_names_kept_in_english_are_left_alone(check):
    result = check(EN + " Les Bleus beat Spain and Santé publique France reported new cases in the Salle des États.")
    assert texts(result, "untranslated") == [] and texts(result, "untranslated-span") == []


def test_identical_name_only_segment_is_left_alone(check):
    result = check("Xi Jinping\n\n" + EN, "Xi Jinping\n\n" + FR)
    assert texts(result, "untranslated") == []
