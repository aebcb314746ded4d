"""The game's own words: t() looks a string up in the active language, keeping its fields."""
from game import i18n


def test_english_is_the_string_itself_with_its_fields():
    i18n.use("en", {"Play": "Chwarae"})
    assert i18n.t("Play") == "Play"
    assert i18n.t("Question {n} of {total}", n=1, total=4) == "Question 1 of 4"


def test_a_language_uses_its_words_and_falls_back_to_english():
    try:
        i18n.use("cy", {"Play": "Chwarae", "Question {n} of {total}": "Cwestiwn {n} o {total}",
                        "Broken {n}": "Wedi torri {m}"})
        assert i18n.t("Play") == "Chwarae"
        assert i18n.t("Question {n} of {total}", n=2, total=4) == "Cwestiwn 2 o 4"
        assert i18n.t("Quit") == "Quit"  # not in the catalogue: English
        assert i18n.t("Broken {n}", n=3) == "Broken 3"  # a broken field: English
    finally:
        i18n.use("en", {})


def test_fields_of_a_string():
    assert i18n.fields_of("Question {n} of {total}") == {"n", "total"}
    assert i18n.fields_of("no fields") == set()
    assert i18n.fields_of("broken {") == {"{"}
