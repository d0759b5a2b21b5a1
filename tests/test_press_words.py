"""Place phrases as the French, German, Spanish, Italian, Portuguese and Polish press writes them."""
import pytest

from geonorm.matching.phrase import parse_phrase

KHERSON, BAKHMUT, ZAPORIZKA_OBLAST, DONETSKA_OBLAST = 706448, 713174, 687699, 709716


@pytest.mark.parametrize("phrase", ["à Kherson", "en Kherson", "dans Kherson", "em Kherson"])
def test_a_preposition_before_the_name_is_no_part_of_it(resolver, phrase):
    m = resolver.resolve(phrase)
    assert m.id == KHERSON and m.match_kind == "exact"  # not a fuzzy 'Emerson' or 'a Kherson'


@pytest.mark.parametrize("phrase", ["in der Nähe von Bachmut", "In der Nähe von Bachmut", "nahe Bachmut"])
def test_german_near_words_are_no_place(resolver, phrase):
    m = resolver.resolve(phrase)
    assert m.id == BAKHMUT  # 'Nähe' is no Nahe, Schleswig-Holstein
    assert parse_phrase(phrase)[0].near


def test_a_village_word_before_the_name_says_a_village(resolver):
    part = parse_phrase("im Dorf Pisky")[0]
    assert part.text == "Pisky" and part.village
    assert resolver.resolve("im Dorf Pisky").name == "Pisky"  # not Dorf, Zürich
    assert resolver.resolve("we wsi Piski").name == "Pisky"


@pytest.mark.parametrize("phrase, area", [("im Gebiet Saporischschja", ZAPORIZKA_OBLAST),
                                          ("regione di Donetsk", DONETSKA_OBLAST)])
def test_area_words_after_leading_words(resolver, phrase, area):
    assert resolver.resolve(phrase).id == area


@pytest.mark.parametrize("name", ["Stadt Wehlen", "Ort im Innkreis", "A Coruña", "Au Sable", "In Salah"])
def test_names_that_begin_with_such_a_word_keep_it(resolver, name):
    assert resolver.resolve(name).name == name
