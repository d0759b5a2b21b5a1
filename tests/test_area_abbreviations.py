"""States and provinces as Latin American addresses abbreviate them ('Morelia, Mich.', 'Monterrey
N.L.', 'Palermo, CABA'), and the Spanish area words' abbreviations ('Depto.', 'Pcia.', 'Mpio.')."""
import pytest

from geonorm.sources.curated import area_code_key, written_as_area_code

MICHOACAN, NUEVO_LEON, CHIHUAHUA, QUINTANA_ROO, ESTADO_DE_MEXICO = 3995955, 3522542, 4014336, 3520887, 3523272
CABA, BUENOS_AIRES_CITY, MEXICO = 3433955, 3435910, 3996063


def test_an_area_code_is_looked_up_by_its_letters():
    assert area_code_key("Q. Roo") == area_code_key("QROO") == "QROO"
    assert area_code_key("Méx.") == "MEX" and area_code_key("N.L.") == "NL"
    # written as a code: in capitals or with a dot, not a word or a name ('Son' is a Dutch town)
    assert written_as_area_code("Mich.") and written_as_area_code("OH")
    assert not written_as_area_code("Son") and not written_as_area_code("Mich")


@pytest.mark.parametrize("phrase, name, admin1", [
    ("Morelia, Mich.", "Morelia", "Michoacán de Ocampo"),  # was Michigan, an area answer at 0.10
    ("Morelia, Mich", "Morelia", "Michoacán de Ocampo"),  # the dot dropped
    ("Detroit, Mich.", "Detroit", "Michigan"),  # the AP abbreviation still
    ("Cd. Juárez, Chih.", "Ciudad Juárez", "Chihuahua"),
    ("Cancún, Q. Roo", "Cancún", "Quintana Roo"),
    ("Hermosillo, Son.", "Hermosillo", "Sonora"),
    ("Manzanillo, Col.", "Manzanillo", "Colima"),
    ("Monterrey, NL", "Monterrey", "Nuevo León"),  # NL is also the Netherlands and Newfoundland
    ("Monterrey N.L.", "Monterrey", "Nuevo León"),  # no comma: was no match
    ("La Paz, B.C.S.", "La Paz", "Baja California Sur"),
    ("Vancouver B.C.", "Vancouver", "British Columbia"),
    ("La Plata, Bs. As.", "La Plata", "Buenos Aires"),
    # a state's code hyphened to its town, as Brazilian addresses write it: 'Manaus-AM' was
    # Macao by a guess, 'Recife-PE' Recife at 0.30
    ("Recife-PE", "Recife", "Pernambuco"),
    ("Manaus-AM", "Manaus", "Amazonas"),
    ("Springfield-IL", "Springfield", "Illinois"),
])
def test_a_state_abbreviation_after_its_town(resolver, phrase, name, admin1):
    m = resolver.resolve(phrase)
    assert (m.name, m.admin1) == (name, admin1) and m.confidence >= 0.8


def test_a_roman_numeral_after_a_hyphen_is_no_state_code():
    from geonorm.matching.phrase import parse_phrase
    assert [p.text for p in parse_phrase("Teremky-II")] == ["Teremky-II"]  # a quarter of Kyiv
    assert [p.text for p in parse_phrase("Natal-RN")] == ["Natal", "RN"]


def test_a_state_abbreviation_as_an_admin1_hint(resolver):
    assert resolver.resolve("Morelia", admin1="Mich.").admin1 == "Michoacán de Ocampo"
    assert resolver.resolve("Guadalupe", admin1="N.L.").admin1 == "Nuevo León"
    assert resolver.resolve("Guadalupe", admin1="Zac.").admin1 == "Zacatecas"


def test_a_dotted_state_abbreviation_alone(resolver):
    assert resolver.resolve("Chih.").id == CHIHUAHUA
    assert resolver.resolve("Q. Roo").id == QUINTANA_ROO
    assert resolver.resolve("CABA").id == CABA  # not Caba, a town in the Philippines
    assert resolver.resolve("Caba, La Union").country_code == "PH"


def test_initials_that_name_a_part_of_a_city_stay_with_it(resolver):
    # 'L.A.' is also Louisiana's code: 'Downtown L.A.' is no Louisiana town
    assert resolver.resolve("Downtown L.A.").admin1 != "Louisiana"


@pytest.mark.parametrize("phrase, place_id", [
    ("Edo. de México", ESTADO_DE_MEXICO),  # was Edo, Nigeria
    ("Provincia de México", ESTADO_DE_MEXICO),  # was the country
    ("Mexico state", ESTADO_DE_MEXICO),
    ("Mpio. de Zitácuaro, Mich.", 8582368),  # was Michigan at 0.99
])
def test_spanish_area_words_abbreviated_and_states_named_like_their_country(resolver, phrase, place_id):
    m = resolver.resolve(phrase)
    assert m.id == place_id and m.confidence >= 0.7


def test_depto_and_pcia_say_the_area(resolver):
    m = resolver.resolve("Depto. de Antioquia")
    assert m.feature == "admin1" and m.country_code == "CO" and m.confidence >= 0.9  # was 0.50
    assert resolver.resolve("Mexico").id == MEXICO  # a bare name is still the country


def test_a_quarter_of_a_city_that_is_its_own_area_is_answered_with_the_city(resolver):
    # CABA is the first-level area that Buenos Aires is: a quarter the gazetteer lacks is in the city
    m = resolver.resolve("Palermo, CABA")
    assert m.id == BUENOS_AIRES_CITY and m.match_kind == "area"
    assert "Palermo" in m.explain()
