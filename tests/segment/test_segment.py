import pytest

from mtcheck.segment import split_sentences


def sentences(text, lang):
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("He left. She stayed.", "en", ["He left.", "She stayed."]),
        ("Mr. Smith met Dr. Jones in the U.S. capital. They spoke.", "en", ["Mr. Smith met Dr. Jones in the U.S. capital.", "They spoke."]),
        ("Growth was 4.5 percent. It fell.", "en", ["Growth was 4.5 percent.", "It fell."]),
        ("“I am sure,” he said. “Really.” Then he left.", "en", ["“I am sure,” he said.", "“Really.”", "Then he left."]),
        ("Hasard du calendrier\u00a0? Alors que Xi arrive.", "fr", ["Hasard du calendrier\u00a0?", "Alors que Xi arrive."]),
        ("« Je suis certain. » Puis il est parti.", "fr", ["« Je suis certain. »", "Puis il est parti."]),
        ("M. Xi a parlé. Mme Borne aussi.", "fr", ["M. Xi a parlé.", "Mme Borne aussi."]),
        ("une « image de stabilité […] notamment » ici. Fin.", "fr", ["une « image de stabilité […] notamment » ici.", "Fin."]),
        ("He paused... Then he spoke.", "en", ["He paused...", "Then he spoke."]),
        ("J. K. Rowling wrote it. Fans cheered.", "en", ["J. K. Rowling wrote it.", "Fans cheered."]),
        ("He moved to the U.S. He later returned.", "en", ["He moved to the U.S.", "He later returned."]),
        ("The U.S. President spoke.", "en", ["The U.S. President spoke."]),
        ('He said: "No." Then he left.', "en", ['He said: "No."', "Then he left."]),
        ("See No. 5 Downing Street. It is old.", "en", ["See No. 5 Downing Street.", "It is old."]),
        ("A headline without a full stop", "en", ["A headline without a full stop"]),  # no punctuation: one sentence, unsearched
        ("Is it over? ", "en", ["Is it over?"]),
        ("Une seule phrase !", "fr", ["Une seule phrase !"]),
        ("It ended… Then it began.", "en", ["It ended…", "Then it began."]),  # punctuation before the end: searched
    ],
)
def test_split(text, lang, expected):
    assert sentences(text, lang) == expected
