"""The admin2 hint (a district, raion or county per query or per row) and district names as
datasets write them."""
from __future__ import annotations

import io
import math

import pandas as pd
import pytest
from click.testing import CliRunner

from geonorm.faces.csvstream import normalize_command
from geonorm.faces.table import normalize


def _km(a_lat, a_lon, b_lat, b_lon) -> float:
    p = math.pi / 180
    x = math.sin((b_lat - a_lat) * p / 2) ** 2 + math.cos(a_lat * p) * math.cos(b_lat * p) * \
        math.sin((b_lon - a_lon) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(x))


def test_admin2_hint_picks_the_namesake_in_the_district(resolver):
    # Donetsk oblast holds many a Mykolaivka: the biggest (Kramatorsk raion) without the hint
    plain = resolver.resolve("Mykolaivka", admin1="Donetsk oblast")
    hinted = resolver.resolve("Mykolaivka", admin1="Donetsk oblast", admin2="Volnovakha raion")
    assert plain.admin2 != "Volnovakha Raion"
    assert hinted.admin2 == "Volnovakha Raion"
    assert "admin2 hint Volnovakha raion holds it" in hinted.hints
    # the same hint for the place it names moves nothing, and says so
    m = resolver.resolve("Mykolaivka", admin1="Donetsk oblast", admin2="Kramatorsk raion")
    assert m.id == plain.id and "admin2 hint Kramatorsk raion holds it" in m.hints


def test_admin2_hint_without_admin1_and_in_other_countries(resolver):
    m = resolver.resolve("Springfield", admin2="Greene County")
    assert (m.admin1, m.admin2) == ("Missouri", "Greene County")
    m = resolver.resolve("Springfield", admin2="Sangamon County")
    assert m.admin1 == "Illinois"


def test_admin2_hint_names_an_abolished_raion_by_its_town(resolver):
    # Shakhtarsk raion was abolished in 2020 (the gazetteer's raions are the new ones): places
    # near Shakhtarsk are in it
    shakhtarsk = resolver.resolve("Shakhtarsk", admin1="Donetsk oblast")
    m = resolver.resolve("Marynivka", admin1="Donetsk oblast", admin2="Shakhtarsk raion")
    assert "admin2 hint Shakhtarsk raion holds it" in m.hints
    assert _km(m.lat, m.lon, shakhtarsk.lat, shakhtarsk.lon) < 40
    far = resolver.resolve("Marynivka", admin1="Donetsk oblast")
    assert _km(far.lat, far.lon, shakhtarsk.lat, shakhtarsk.lon) > 40


def test_admin2_hint_with_another_area_word_or_a_city_council(resolver):
    # GeoNames says 'Svativskyi Raion'; a table says district
    m = resolver.resolve("Svatove", admin1="Luhansk oblast", admin2="Svativskyi district")
    assert m.name == "Svatove" and "admin2 hint Svativskyi district holds it" in m.hints
    m = resolver.resolve("Makeevka", admin1="Donetsk oblast", admin2="Makiivka City municipality")
    assert m.id == 702320 and "admin2 hint Makiivka City municipality holds it" in m.hints


def test_admin2_hint_misspelt_and_invalid(resolver):
    m = resolver.resolve("Mykolaivka", admin1="Donetsk oblast", admin2="Volnovaha raion")
    assert "admin2 hint Volnovaha raion holds it" in m.hints
    with pytest.raises(ValueError, match="second-level area"):
        resolver.resolve("Mykolaivka", admin2="Qqqxyz raion")
    with pytest.raises(ValueError):
        resolver.resolve("Mykolaivka", admin2=42)
    for missing in (None, float("nan"), pd.NA):
        assert resolver.resolve("Mykolaivka", admin1="Donetsk oblast", admin2=missing).id == \
            resolver.resolve("Mykolaivka", admin1="Donetsk oblast").id


def test_admin2_column_in_a_table_keeps_every_row(resolver):
    df = pd.DataFrame({"where": ["Mykolaivka", "Mykolaivka", "Mykolaivka", None],
                       "oblast": ["Donetsk oblast"] * 4,
                       "raion": ["Volnovakha raion", "Kramatorsk raion", "Qqqxyz raion", "Volnovakha raion"]},
                      index=[10, 11, 12, 13])
    out = normalize(df, "where", admin1="oblast", admin2="raion", resolver=resolver, context=False)
    assert list(out.index) == [10, 11, 12, 13]
    assert list(out["geo_admin2"][:2]) == ["Volnovakha Raion", "Kramatorskyi Raion"]
    assert "ignored the invalid admin2 hint" in out["geo_explanation"].iloc[2]
    assert pd.isna(out["geo_id"].iloc[3])


def test_admin2_column_in_the_csv_command(tmp_path, resolver, monkeypatch):
    import geonorm.matching.resolver as R
    monkeypatch.setattr(R, "_default", resolver)
    p = tmp_path / "events.csv"
    p.write_text("where,oblast,raion\nMykolaivka,Donetsk oblast,Volnovakha raion\n"
                 "Mykolaivka,Donetsk oblast,Kramatorsk raion\n", encoding="utf-8")
    res = CliRunner().invoke(normalize_command, [str(p), "--column", "where", "--admin1-column", "oblast",
                                                 "--admin2-column", "raion", "--no-progress", "--no-context"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(io.StringIO(res.stdout), dtype=str)
    assert list(df["geo_admin2"]) == ["Volnovakha Raion", "Kramatorskyi Raion"]
    res = CliRunner().invoke(normalize_command, [str(p), "--column", "where", "--admin2", "Volnovakha raion",
                                                 "--admin2-column", "raion", "--no-progress"])
    assert res.exit_code != 0 and "not both" in res.output


def test_a_town_named_with_its_own_district_is_in_it(resolver):
    # Yasynuvata raion (abolished in 2020) is the town's: the town is no candidate outside it
    for phrase in ("Yasynuvata, Yasynuvata raion", "Yasinovataya town, Yasinovatsky district"):
        assert resolver.resolve(phrase).id == 688373, phrase
    assert resolver.resolve("Makiivka, Makiivka City municipality").id == 702320


def test_a_district_named_with_another_area_word_than_the_gazetteers(resolver):
    m = resolver.resolve("Svativskyi district")
    assert (m.name, m.feature) == ("Svativskyi Raion", "admin2")
    # a Slavic district adjective names a town where Slavic is spoken: Shantou (formerly Swatow,
    # which folds like 'svativ') has no 'Svativskyi' district
    pairs = resolver._areas.named_after_adjective("Svativskyi", "admin2")
    assert all(resolver.gazetteer.country_code_of(area) == "UA" for area, _ in pairs)


def test_a_district_spelt_otherwise_with_another_area_word(resolver):
    # 'Zvenigovsky District' is GeoNames' 'Zvenigovskiy Rayon' (-sky for -skiy, District for
    # Rayon): it was Venëvskiy Rayon by a typo of its English alternate
    m = resolver.resolve("Zvenigovsky District")
    assert (m.id, m.feature, m.match_kind) == (461915, "admin2", "transliteration"), m.explain()


@pytest.mark.parametrize("hint", ["admin1", "admin2", "country", "near", "as_of"])
def test_a_huge_hint_is_a_short_error(resolver, hint):
    with pytest.raises(ValueError) as exc:
        resolver.resolve("Mykolaivka", **{hint: "x" * 1_000_000})
    assert len(str(exc.value)) < 300


def test_area_words_alone_are_no_admin2_hint(resolver):
    for value in ("raion", "район", "district"):
        with pytest.raises(ValueError, match="names no area"):
            resolver.resolve("Mykolaivka", admin2=value)


def test_a_district_named_as_the_gazetteer_names_it_holds_its_towns(resolver):
    # 'Pokrovsk Raion' is GeoNames' own name of the raion Avdiivka lies in: not a village
    # 'Pokrovske' that happens to lie near a namesake Avdiyivka of Chernihiv oblast
    for phrase in ("Avdiivka, Pokrovsk Raion", "Avdiivka, Pokrovsk district"):
        m = resolver.resolve(phrase)
        assert (m.id, m.admin2) == (713122, "Pokrovsk Raion"), phrase
    assert "admin2 hint Pokrovsk Raion holds it" in resolver.resolve("Avdiivka", admin2="Pokrovsk Raion").hints


@pytest.mark.parametrize("phrase, district", [
    ("Kursk region, Sudzhansky district", "Sudzhanskiy Rayon"),
    ("Luhansk region, Svativskyi district", "Svativskyi Raion"),
    ("Illinois, Cook County", "Cook County"),
])
def test_a_phrase_of_areas_alone_names_the_smallest(resolver, phrase, district):
    m = resolver.resolve(phrase)
    assert (m.name, m.feature) == (district, "admin2")
    # a country after an area is still a qualifier of it
    assert resolver.resolve("Kursk region, Russia").feature == "admin1"


@pytest.mark.parametrize("hint", ["Pokrovskyi", "Покровський"])
def test_a_district_adjective_alone_names_the_district(resolver, hint):
    # a raion column without the word 'raion': not the villages named Pokrovskyi
    m = resolver.resolve("Novoselivka", admin2=hint)
    assert m.admin2 == "Pokrovsk Raion" and f"admin2 hint {hint} holds it" in m.hints


def test_admin2_hint_picks_the_place_of_a_list_in_the_district(resolver):
    # a list names places of several districts: the one in the hinted district answers, as with
    # a country or admin1 hint (was Kramatorsk, the first, outside Pokrovsk Raion)
    m = resolver.resolve("shelling of Kramatorsk, Kostiantynivka and Myrnohrad", admin2="Pokrovsk Raion")
    assert m.id == 710035 and "Kramatorsk lies outside the hinted area" in m.explain()
    # a first place inside the district stays the answer (a guard)
    assert resolver.resolve("Myrnohrad and Kramatorsk", admin2="Pokrovsk Raion").id == 710035
