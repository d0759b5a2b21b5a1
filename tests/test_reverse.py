"""Reverse geocoding: nearest populated place, vectorized, with a spatial index."""
from __future__ import annotations

import numpy as np
import pytest

from geonorm.faces.reverse import (KDTree3, ReverseResult, _unit_vectors, get_index, nearest, reverse,
                                   reverse_frame, reverse_many)


def test_pokrovsk(gaz):
    r = reverse(48.28, 37.18, gazetteer=gaz)
    assert isinstance(r, ReverseResult)
    assert r.id == 704422 and r.name == "Pokrovsk" and r.country_code == "UA"
    assert r.admin1 and r.admin2 and r.distance_km < 1
    assert reverse((48.28, 37.18), gazetteer=gaz).id == 704422
    from shapely.geometry import Point
    assert reverse(Point(37.18, 48.28), gazetteer=gaz).id == 704422  # shapely: x = lon
    # a point string as 'lat, lon' or in degrees and minutes with hemispheres (was a ValueError)
    assert reverse("48.28, 37.18", gazetteer=gaz).id == 704422
    assert reverse("48°16′48″N 37°10′48″E", gazetteer=gaz).id == 704422
    assert reverse("48°16'48\"N, 37°10'48\"E", gazetteer=gaz).id == 704422


def test_min_population(gaz):
    r = reverse(48.28, 37.18, min_population=200_000, gazetteer=gaz)
    assert r.population >= 200_000 and r.id != 704422 and r.distance_km > 50


def test_bad_points(gaz):
    assert reverse(float("nan"), 10.0, gazetteer=gaz) is None
    assert reverse(None, None, gazetteer=gaz) is None
    assert reverse(None, gazetteer=gaz) is None
    for lat, lon in [(91, 0), (-90.5, 0), (0, 180.5), (0, -181), (float("inf"), 0)]:
        with pytest.raises(ValueError):
            reverse(lat, lon, gazetteer=gaz)
    with pytest.raises(ValueError):
        reverse_many([10, 95], [10, 10], gazetteer=gaz)
    for text in ("not a point", "48.3, abc", "48.3, 37.2, 1", "Pokrovsk 48°16′48″N 37°10′48″E"):
        with pytest.raises(ValueError):
            reverse(text, gazetteer=gaz)
    for kwargs in (dict(lat=True, lon=False), dict(lat=48.28, lon=37.18, min_population="x")):
        with pytest.raises(ValueError):  # (not a TypeError from deep inside, nor the point (1, 0))
            reverse(**kwargs, gazetteer=gaz)


def test_poles_and_antimeridian(gaz):
    for lat, lon in [(90, 0), (-90, 0), (0, 180), (0, -180), (-17.8, 179.99), (64.7, -177.5)]:
        r = reverse(lat, lon, gazetteer=gaz)
        assert r is not None and r.distance_km >= 0
    # across the antimeridian: Fiji / Chukotka points find places on the other side of +-180
    a = reverse(-16.5, 179.999, gazetteer=gaz)
    b = reverse(-16.5, -179.999, gazetteer=gaz)
    assert abs(a.distance_km - b.distance_km) < 1.0


def test_many_matches_brute_force(gaz):
    rng = np.random.default_rng(7)
    n = 48
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon = rng.uniform(-180, 180, n)
    lat[::16] = np.nan
    rows, dist = nearest(lat, lon, gazetteer=gaz)
    idx = get_index(gaz)
    pts = _unit_vectors(gaz.place_lat[idx.rows], gaz.place_lon[idx.rows])
    ok = ~np.isnan(lat)
    q = _unit_vectors(lat[ok], lon[ok])
    best = np.concatenate([np.sqrt(((pts[None] - q[i:i + 8, None]) ** 2).sum(axis=2)).min(axis=1)
                           for i in range(0, len(q), 8)])
    from geonorm.faces.reverse import _chord_to_km
    assert np.allclose(dist[ok], _chord_to_km(best), atol=1e-6)
    assert (rows[~ok] == -1).all() and np.isnan(dist[~ok]).all()
    results = reverse_many(lat, lon, gazetteer=gaz)
    assert len(results) == n and results[0] is None and results[1].distance_km == pytest.approx(dist[1])


def test_tree_small_and_duplicates():
    rng = np.random.default_rng(3)
    for n in (1, 2, 5, 17, 1000):
        pts = _unit_vectors(rng.uniform(-90, 90, n), rng.uniform(-180, 180, n))
        pts = np.vstack([pts, pts[: n // 2]])  # duplicates
        tree = KDTree3(pts, leaf_size=4)
        q = _unit_vectors(rng.uniform(-90, 90, 200), rng.uniform(-180, 180, 200))
        d, i = tree.query(q)
        brute = np.sqrt(((q[:, None, :] - pts[None]) ** 2).sum(axis=2))
        assert np.allclose(d, brute.min(axis=1))
        assert np.allclose(np.sqrt(((q - pts[i]) ** 2).sum(axis=1)), d)


def test_index_is_cached(gaz):
    assert get_index(gaz) is get_index(gaz)
    assert get_index(gaz, 1000) is not get_index(gaz)
    with pytest.raises(ValueError):
        get_index(gaz, -1)


def test_frame(gaz):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"lat": [48.28, None, 50.45, float("nan")], "lon": [37.18, 30.5, 30.52, 1.0],
                       "keep": list("abcd")}, index=[10, 11, 12, 13])
    out = reverse_frame(df, gazetteer=gaz)
    assert list(out.index) == [10, 11, 12, 13] and list(out["keep"]) == list("abcd")
    assert out.loc[10, "geo_id"] == 704422 and out.loc[10, "geo_name"] == "Pokrovsk"
    assert out.loc[12, "geo_country_code"] == "UA"
    assert pd.isna(out.loc[11, "geo_id"]) and pd.isna(out.loc[11, "geo_name"])
    assert pd.isna(out.loc[13, "geo_distance_km"])
    assert "lat" in out and "geo_lat" in out and "geo_admin2" in out
    bad = pd.DataFrame({"y": [48.28, 95.0], "x": [37.18, 0.0]})
    with pytest.raises(ValueError):
        reverse_frame(bad, lat="y", lon="x", gazetteer=gaz)
    nulls = reverse_frame(bad, lat="y", lon="x", prefix="r_", gazetteer=gaz, errors="null")
    assert nulls.loc[0, "r_id"] == 704422 and pd.isna(nulls.loc[1, "r_id"])
    with pytest.raises(KeyError):
        reverse_frame(bad, gazetteer=gaz)


@pytest.mark.parametrize("lat, lon, name", [("-33.9", "18.4", "Cape Town"), ("40.7", "-74.0", "Brooklyn Heights")])
def test_the_reverse_command_takes_negative_coordinates(gaz, lat, lon, name):
    from click.testing import CliRunner

    from geonorm.cli import main
    res = CliRunner().invoke(main, ["reverse", lat, lon, "--json"])  # was "No such option '-3'"
    assert res.exit_code == 0, res.output
    assert f'"name": "{name}"' in res.output


@pytest.mark.parametrize("frame, message", [
    ({"lat": [48.28], "lon": [37.18], "geo_name": ["MY DATA"]}, "already has result columns"),  # was overwritten
    ({"lat": [48.28, "abc"], "lon": [37.18, 1.0]}, r"row 1: 'abc' is not a number"),  # was pandas' parse error
])
def test_reverse_frame_keeps_the_frames_columns_and_names_a_bad_row(gaz, frame, message):
    import pandas as pd
    with pytest.raises(ValueError, match=message):
        reverse_frame(pd.DataFrame(frame), gazetteer=gaz)


def test_reverse_frame_reads_a_duplicated_coordinate_column_as_an_error(gaz):
    import pandas as pd
    df = pd.DataFrame([[48.28, 48.28, 37.18]], columns=["lat", "lat", "lon"])
    with pytest.raises(ValueError, match="appears 2 times"):  # was TypeError: arg must be a list
        reverse_frame(df, gazetteer=gaz)


def test_a_city_centre_is_the_city_not_a_post_office_or_a_postal_village_placed_there():
    # Russian Post's regional office ('Ufps Moskovskoy Oblasti') and sorting centres had answered
    # Moscow's centre; a postal village placed at Kaliningrad's point had answered Kaliningrad's
    from geonorm.faces.reverse import reverse
    assert reverse(55.7558, 37.6173).name == "Moscow"
    assert reverse(54.7104, 20.4522).name == "Kaliningrad"
