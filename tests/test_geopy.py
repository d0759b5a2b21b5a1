"""The geopy face (offline Geonorm geocoder) and GeoJSON export."""
from __future__ import annotations

import json
import math

import pytest

pd = pytest.importorskip("pandas")
from geopy.exc import GeocoderServiceError  # noqa: E402
from geopy.extra.rate_limiter import RateLimiter  # noqa: E402
from geopy.geocoders.base import Geocoder  # noqa: E402
from geopy.location import Location  # noqa: E402

from geonorm.faces.geojson import dumps, feature_collection, to_feature  # noqa: E402
from geonorm.faces.geopy import Geonorm  # noqa: E402


@pytest.fixture(scope="module")
def geocoder(resolver):
    return Geonorm(resolver)


def test_is_a_geopy_geocoder_without_network(geocoder):
    assert isinstance(geocoder, Geocoder)
    with pytest.raises(GeocoderServiceError):
        geocoder.adapter.get_json("http://example.org", timeout=1, headers={})


def test_geocode_historic_name_in_phrase(geocoder):
    loc = geocoder.geocode("Krasnoarmeysk, Donetsk Oblast")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == 704422
    assert loc.address.startswith("Pokrovsk, ") and loc.address.endswith("Ukraine")
    assert loc.latitude == pytest.approx(48.28, abs=0.01) and loc.longitude == pytest.approx(37.18, abs=0.01)
    assert 0 < loc.raw["confidence"] <= 1 and "Krasnoarmeysk" in loc.raw["explanation"]
    assert loc.raw["match_kind"] == "historic"


def test_geocode_keywords(geocoder):
    assert geocoder.geocode("Artemivsk", timeout=3, country_codes="ua", language="en").raw["country_code"] == "UA"
    assert geocoder.geocode("Kyiv", country_codes=["ua"]).raw["country_code"] == "UA"
    assert geocoder.geocode({"city": "Kramatorsk", "country": "Ukraine"}).raw["name"] == "Kramatorsk"
    assert geocoder.geocode("Kyiv", addressdetails=True) is not None  # online-only keyword ignored
    with pytest.raises(TypeError):
        geocoder.geocode("Kyiv", no_such_keyword=1)


def test_geocode_many_and_thresholds(geocoder):
    locs = geocoder.geocode("Bakhmut", exactly_one=False, limit=3)
    assert isinstance(locs, list) and 1 <= len(locs) <= 3
    assert all(isinstance(x, Location) for x in locs)
    assert geocoder.geocode("Krasnoarmeysk", min_confidence=0.999) is None
    locs = geocoder.geocode("Pokrovsk", exactly_one=False, min_confidence=0.2)
    assert locs and all(x.raw["confidence"] >= 0.2 for x in locs)  # (runner-ups below it had been listed)


@pytest.mark.parametrize("bad", [None, float("nan"), "", "   ", "12345", "Qxqxqxqx Zzzzvvvv"])
def test_unresolvable_gives_none(geocoder, bad):
    assert geocoder.geocode(bad) is None


def test_dataframe_recipe_with_rate_limiter(geocoder):
    df = pd.DataFrame({"loc": ["Kyiv", "Krasnoarmeysk, Donetsk Oblast", None, "Qxqxqxqx Zzzzvvvv"]})
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    df["location"] = df["loc"].apply(geocode)
    df["point"] = df["location"].apply(lambda loc: tuple(loc.point)[:2] if loc else None)
    assert df["location"][1].raw["id"] == 704422
    assert df["location"][2] is None and df["location"][3] is None
    assert df["point"][0] == pytest.approx((50.45, 30.52), abs=0.05)


def test_reverse_location(geocoder):
    loc = geocoder.reverse((48.28, 37.18))
    assert isinstance(loc, Location) and loc.raw["id"] == 704422
    assert loc.raw["distance_km"] < 1 and loc.address.startswith("Pokrovsk")
    assert geocoder.reverse("48.28, 37.18").raw["id"] == 704422
    assert geocoder.reverse((48.28, 37.18), exactly_one=False)[0].raw["id"] == 704422
    assert geocoder.reverse((float("nan"), 37.0)) is None
    with pytest.raises(ValueError):
        geocoder.reverse((91.0, 0.0))
    big = geocoder.reverse((48.28, 37.18), min_population=500_000)
    assert big.raw["population"] >= 500_000 and big.raw["distance_km"] > 50


def test_geojson_feature_is_lon_lat(resolver):
    m = resolver.resolve("Krasnoarmeysk, Donetsk Oblast")
    f = to_feature(m, row=7)
    assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
    lon, lat = f["geometry"]["coordinates"]
    assert (lon, lat) == (pytest.approx(m.lon), pytest.approx(m.lat)) and lon < lat  # 37 E, 48 N
    p = f["properties"]
    assert p["id"] == 704422 and p["name"] == "Pokrovsk" and p["row"] == 7
    for k in ("query", "confidence", "match_kind", "matched_name", "admin1", "country_code", "explanation"):
        assert k in p


def test_geojson_collection_keeps_no_matches_and_is_json(resolver):
    matches = [resolver.resolve("Kyiv"), resolver.resolve("Qxqxqxqx Zzzzvvvv")]
    fc = feature_collection(matches)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    assert fc["features"][1]["geometry"] is None and fc["features"][1]["properties"]["reason"]
    again = json.loads(dumps(matches))
    assert again["features"][0]["geometry"]["coordinates"][0] == pytest.approx(30.52, abs=0.05)
    assert not any(isinstance(v, float) and math.isnan(v)
                   for f in again["features"] for v in f["properties"].values())
    # features pass through; reverse results become features too
    from geonorm.faces.reverse import reverse
    fc2 = feature_collection([fc["features"][0], reverse(48.28, 37.18, gazetteer=resolver.gazetteer)])
    assert fc2["features"][1]["properties"]["id"] == 704422
    assert fc2["features"][1]["geometry"]["coordinates"][0] == pytest.approx(37.18, abs=0.01)
    # a None (a point reverse_many found nothing for) keeps its place, unlocated (was dropped)
    fc3 = feature_collection([None, matches[0]])
    assert [f["geometry"] is None for f in fc3["features"]] == [True, False]


def test_to_geojson_takes_matches_beside_mentions(resolver):
    from geonorm import to_geojson
    fc = to_geojson([resolver.resolve("Kyiv"), resolver.resolve("Qxqxqxqx Zzzzvvvv")])  # was AttributeError
    assert [f["properties"]["name"] for f in fc["features"]] == ["Kyiv"]
