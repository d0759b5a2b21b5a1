"""Tables face: pandas normalize(), the accessor, column context."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geonorm.faces.table import FIELDS, ColumnNormalizer, ColumnNotFoundError, normalize

MESSY = ["Krasnoarmeysk", "Gorlovka", "Artemovsk (DPR)", "Dzerzinsk", "Kiev/Kyiv city", "Zaitsevo",
         "Peski", "Lugansk", None, np.nan, "", 42, "Gorlovka"]
HORLIVKA, LUHANSK, KYIV, BAKHMUT, POKROVSK, TORETSK = 707753, 702658, 703448, 713174, 704422, 709354


@pytest.fixture(scope="module")
def messy():
    return pd.DataFrame({"event": range(len(MESSY)), "where": MESSY, "country": ["UA"] * len(MESSY)},
                        index=[f"r{i}" for i in range(len(MESSY))])


def _ids(out):
    return [None if pd.isna(v) else int(v) for v in out["geo_id"]]


def test_messy_column_without_country(messy, resolver):
    out = normalize(messy, "where", resolver=resolver)
    assert list(out.index) == list(messy.index)
    assert len(out) == len(messy)
    pd.testing.assert_frame_equal(out[messy.columns], messy)  # original columns untouched
    assert [c for c in out.columns if c.startswith("geo_")] == ["geo_" + f for f in FIELDS]
    ids = _ids(out)
    assert ids[1] == HORLIVKA and ids[12] == HORLIVKA
    assert ids[7] == LUHANSK
    assert ids[4] == KYIV
    assert ids[2] == BAKHMUT
    # the Donbas column pulls the ambiguous names home
    assert ids[0] == POKROVSK
    assert ids[3] == TORETSK
    # null / empty / non-text -> null results, not errors
    for i in (8, 9, 10, 11):
        assert ids[i] is None
        assert out["geo_match_kind"].iloc[i] == "none"
        assert out["geo_confidence"].iloc[i] == 0.0
    assert "number" in out["geo_explanation"].iloc[11]
    assert out["geo_name"].iloc[1] == "Horlivka"
    assert out["geo_lat"].iloc[1] == pytest.approx(48.3, abs=0.05)
    assert out["geo_country_code"].iloc[7] == "UA"
    assert str(out["geo_id"].dtype) == "Int64"


def test_messy_column_with_country_column(messy, resolver):
    out = normalize(messy, "where", country="country", resolver=resolver)
    ids = _ids(out)
    assert ids[:5] == [POKROVSK, HORLIVKA, BAKHMUT, TORETSK, KYIV]
    assert ids[7] == LUHANSK
    assert "country hint Ukraine matches" in out["geo_explanation"].iloc[1]
    # the accessor with a constant hint gives the same ids
    out2 = messy.geonorm.normalize("where", country="UA", resolver=resolver)
    assert _ids(out2) == ids


def test_column_context_flips_an_ambiguous_row(resolver):
    towns = ["Krasnoarmeysk", "Gorlovka", "Donetsk", "Kramatorsk", "Slavyansk", "Mariupol", "Avdeevka"]
    df = pd.DataFrame({"where": towns})
    alone = normalize(df, "where", resolver=resolver, context=False)
    with_ctx = normalize(df, "where", resolver=resolver)
    # alone, 'Krasnoarmeysk' is the Russian town of that name (or a weak guess) ...
    assert int(alone["geo_id"].iloc[0]) != POKROVSK or alone["geo_confidence"].iloc[0] < 0.5
    # ... among Donbas towns it is Pokrovsk, Donetsk Oblast, and the explanation says why
    assert int(with_ctx["geo_id"].iloc[0]) == POKROVSK
    assert "column context" in with_ctx["geo_explanation"].iloc[0]
    assert with_ctx["geo_confidence"].iloc[0] > alone["geo_confidence"].iloc[0] or \
        int(alone["geo_id"].iloc[0]) != POKROVSK
    # confident rows are not touched by the context
    assert _ids(with_ctx)[1:] == _ids(alone)[1:]


def test_group_context(resolver):
    df = pd.DataFrame({"where": ["Krasnoarmeysk", "Gorlovka", "Donetsk", "Krasnoarmeysk", "Saratov", "Engels",
                                 "Volsk"],
                       "file": ["ua", "ua", "ua", "ru", "ru", "ru", "ru"]})
    out = normalize(df, "where", group="file", resolver=resolver)
    assert int(out["geo_id"].iloc[0]) == POKROVSK
    assert out["geo_country_code"].iloc[3] == "RU"


def test_series_accessor_and_distinct_once(resolver):
    s = pd.Series(["Gorlovka"] * 1000 + ["Lugansk"] * 1000, name="city", index=range(5000, 7000))
    calls = []

    class Counting:
        def __init__(self, inner):
            self.inner, self.gazetteer = inner, inner.gazetteer

        def resolve(self, q, **kw):
            calls.append(q)
            return self.inner.resolve(q, **kw)

    out = s.geonorm.normalize(resolver=Counting(resolver))
    assert list(out.columns[:1]) == ["city"] and list(out.index) == list(s.index)
    assert set(_ids(out)) == {HORLIVKA, LUHANSK}
    assert len(calls) <= 4  # distinct values resolved once (plus the context pass)


def test_missing_column_names_the_columns(messy, resolver):
    with pytest.raises(KeyError) as exc:
        normalize(messy, "location", resolver=resolver)
    assert isinstance(exc.value, ColumnNotFoundError) and isinstance(exc.value, ValueError)
    assert "'where'" in str(exc.value) and "'country'" in str(exc.value)
    with pytest.raises(ValueError):
        normalize(messy, "where", group="nope", resolver=resolver)


def test_date_column_and_bad_hints(resolver):
    df = pd.DataFrame({"where": ["Krasnoarmeysk", "Gorlovka", "Lugansk"],
                       "when": ["2014-07-01", "not a date", None],
                       "cc": ["UA", "Narnia", ""]})
    out = normalize(df, "where", country="cc", date="when", resolver=resolver)
    assert _ids(out) == [POKROVSK, HORLIVKA, LUHANSK]
    assert "ignored the invalid" in out["geo_explanation"].iloc[1]


def test_a_rows_first_level_area_is_read_inside_its_country(resolver):
    # 'Saada' with Yemen had been Sada, Mayotte (the probe read the area alone): the row reads it
    # as the governorate run from the town Sa'dah, and keeps its country
    df = pd.DataFrame({"where": ["Sa'ada", "Hodeidah"], "cc": ["Yemen", "Yemen"], "a1": ["Saada", "Al Hudaydah"]})
    out = normalize(df, "where", country="cc", admin1="a1", resolver=resolver)
    assert out["geo_country_code"].tolist() == ["YE", "YE"]
    assert "admin1 hint Şāʻdah matches" in out["geo_explanation"].iloc[0]


def test_a_country_column_of_iso_numbers_is_read_as_countries(resolver):
    # 804 is Ukraine, 643 Russia; a column with a gap reads them as floats (643.0)
    df = pd.DataFrame({"where": ["Krasnoarmeysk", "Krasnoarmeysk", "Gorlovka"], "cc": [804, 643.0, None]})
    out = normalize(df, "where", country="cc", resolver=resolver)
    assert out["geo_id"].iloc[0] == POKROVSK and out["geo_country_code"].tolist()[:2] == ["UA", "RU"]
    assert out["geo_id"].iloc[2] == HORLIVKA


def test_cells_that_are_lists_or_dicts_are_no_names_and_no_hints(resolver):
    df = pd.DataFrame({"where": ["Gorlovka", ["x"], {"a": 1}, "Lugansk"], "cc": ["UA", "UA", ["UA"], {"UA"}]})
    out = normalize(df, "where", country="cc", resolver=resolver)
    assert [None if pd.isna(x) else x for x in out["geo_id"]] == [HORLIVKA, None, None, LUHANSK]
    assert "type list is not text" in out["geo_explanation"].iloc[1]
    assert "ignored the invalid country hint" in out["geo_explanation"].iloc[3]


@pytest.mark.parametrize("hint", [{"date": "event_dat"}, {"country": "countyr"}])
def test_a_misspelt_hint_column_is_an_error_not_a_constant_dropped_on_every_row(resolver, hint):
    df = pd.DataFrame({"where": ["Gorlovka"], "event_date": ["2014-07-01"], "country": ["UA"]})
    with pytest.raises(ValueError, match="no column of the frame") as exc:
        normalize(df, "where", resolver=resolver, **hint)
    assert "'event_date'" in str(exc.value)


@pytest.mark.parametrize("text", ["headlines", "Headline"])
def test_a_misspelt_text_column_is_an_error_not_one_text_for_every_row(resolver, text):
    # (the word itself was every row's source text: 'Sverdlovsk' changed answer silently)
    df = pd.DataFrame({"where": ["Sverdlovsk"], "headline": ["Shelling in Luhansk oblast"]})
    with pytest.raises(ValueError, match="'headline' is"):
        normalize(df, "where", resolver=resolver, text=text)
    from geonorm import Fixed
    assert len(normalize(df, "where", resolver=resolver, text=Fixed(text))) == 1  # as asked for
    assert len(normalize(df, "where", resolver=resolver, text="Fighting near Luhansk")) == 1


def test_prefix_and_empty_frame(resolver):
    df = pd.DataFrame({"where": pd.Series([], dtype=object)})
    out = normalize(df, "where", prefix="g_", resolver=resolver)
    assert len(out) == 0 and "g_id" in out.columns
    with pytest.raises(ValueError):
        normalize(out, "where", prefix="g_", resolver=resolver)


def test_worker_processes_give_the_same_answers(resolver, monkeypatch):
    import geonorm.faces.parallel as parallel
    import geonorm.faces.table as table
    monkeypatch.setattr(parallel, "MIN_ITEMS", 5)
    monkeypatch.setattr(table, "MIN_ITEMS", 5)
    values = ["Kyiv", "Lviv", "Gorlovka", "Krasnoarmeysk", "Dimitrov", "Kharkov", "Odesa", None,
              "Zaporozhye", "Artemovsk (DPR)", "Dnepropetrovsk", "Mariupol", "Sumy", "Poltava"] * 3
    df = pd.DataFrame({"where": values})
    one = table.normalize(df, "where", resolver=resolver, workers=1)
    two = table.normalize(df, "where", resolver=resolver, workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(two) == len(df) and two["geo_id"].notna().sum() == len(values) - 3


def _pid_or_fail(resolver, item):
    import os
    if item == "boom":
        raise ValueError("boom")
    return os.getpid()


def test_sticky_pool_routes_a_key_to_one_worker_and_reports_errors(resolver):
    from geonorm.faces.parallel import StickyPool
    keys = [f"k{i}" for i in range(40)]
    with StickyPool(resolver, workers=2) as pool:
        first = pool.map(_pid_or_fail, keys, keys)
        second = pool.map(_pid_or_fail, keys[::-1], keys[::-1])
        assert first == second[::-1]  # the same worker each time
        assert len(set(first)) == 2
        with pytest.raises(ValueError, match="boom"):
            pool.map(_pid_or_fail, ["a", "boom"], ["a", "boom"])
        assert pool.map(_pid_or_fail, keys, keys) == first  # still usable after an error


def test_workers_that_cannot_fork_keep_the_resolver_settings(gaz, monkeypatch):
    # where fork is unavailable (macOS, Windows) a worker opens the index by path: it must
    # rebuild the caller's resolver, defaults included ('Krasnoarmeysk' with country RU)
    import geonorm.faces.parallel as parallel
    import geonorm.faces.table as table
    from geonorm import Resolver
    monkeypatch.setattr(parallel, "MIN_ITEMS", 5)
    monkeypatch.setattr(table, "MIN_ITEMS", 5)
    monkeypatch.setattr(parallel.mp, "get_all_start_methods", lambda: ["spawn"])
    resolver = Resolver(gaz, country="RU", typo_reach=3)
    values = ["Krasnoarmeysk", "Pokrovsk", "Dimitrov", "Kharkov", "Gorlovka", "Pervomaisk", "Lugansk"]
    df = pd.DataFrame({"where": values})
    one = table.normalize(df, "where", resolver=resolver, workers=1, context=False)
    two = table.normalize(df, "where", resolver=resolver, workers=2, context=False)
    pd.testing.assert_frame_equal(one, two)
    assert one["geo_country_code"].iloc[0] == "RU"


def test_typo_reach_is_a_positive_integer(gaz):
    from geonorm import Resolver
    with pytest.raises(ValueError, match="typo_reach"):
        Resolver(gaz, typo_reach=0)
    fast = Resolver(gaz, typo_reach=1)
    assert fast.resolve("Kslherson").name == "Kherson"  # nothing one slip away: still searched


def test_within_and_feature_hold_for_every_row(resolver):
    df = pd.DataFrame({"w": ["Pokrovsk", "Krasnoarmeysk", None]})
    out = normalize(df, "w", within=(129, 61, 130, 62), resolver=resolver)
    assert list(out["geo_id"].astype("object").where(out["geo_id"].notna(), None)) == [2017824, None, None]
    out = normalize(df, "w", feature="populated place", country="UA", resolver=resolver)
    assert list(out["geo_name"][:2]) == ["Pokrovsk", "Pokrovsk"]
    with pytest.raises(ValueError):
        normalize(df, "w", feature="planet", resolver=resolver)


def test_missing_data_markers_are_null_values_and_no_hints(resolver):
    df = pd.DataFrame({"where": ["N/A", "Gorlovka", "null"], "cc": ["UA", "N/A", "unknown"]})
    out = normalize(df, "where", country="cc", resolver=resolver, context=False)
    assert _ids(out) == [None, HORLIVKA, None]
    assert "ignored the invalid" not in out["geo_explanation"].iloc[1]  # an 'N/A' hint is no hint


def test_text_column_gives_each_row_its_source_text_as_context(resolver):
    # 'Sverdlovsk' alone is Yekaterinburg's old name; beside a headline about Luhansk oblast
    # towns it is Dovzhansk (Sverdlovsk until 2016); rows without a text keep the plain answer
    df = pd.DataFrame({"where": ["Sverdlovsk", "Sverdlovsk", "Sverdlovsk", None, "Kharkiv"],
                       "headline": ["Shelling near Antratsyt and Rovenky, Luhansk People's Republic",
                                    None, np.nan, "Rovenky", "Luhansk news"]}, index=list("abcde"))
    out = normalize(df, "where", text="headline", resolver=resolver, context=False)
    assert list(out.index) == list("abcde") and list(out["headline"].iloc[:1]) == [df["headline"].iloc[0]]
    assert out["geo_id"].iloc[0] == 692105 and "source text" in out["geo_explanation"].iloc[0]
    assert out["geo_country_code"].iloc[1] == "RU" and out["geo_country_code"].iloc[2] == "RU"
    assert pd.isna(out["geo_id"].iloc[3]) and out["geo_id"].iloc[4] == 706483
    # with the column context too: both contexts speak in the explanation
    out = normalize(df.iloc[:1], "where", text="headline", resolver=resolver)
    assert out["geo_id"].iloc[0] == 692105
    # a string that names no column is one text for every row (as with the other hints)
    out = normalize(df.iloc[:3], "where", text="Fighting near Antratsyt and Rovenky", resolver=resolver, context=False)
    assert list(out["geo_id"]) == [692105] * 3


def test_a_confidence_threshold_outside_0_1_is_refused_before_any_row(resolver):
    df = pd.DataFrame({"city": ["Gorlovka", None]})
    with pytest.raises(ValueError, match=r"min_confidence must be a number in \[0, 1\], got 5"):
        normalize(df, "city", resolver=resolver, min_confidence=5)
    for bad in (float("nan"), "high"):
        with pytest.raises(ValueError, match="context_min_confidence must be a number in"):
            ColumnNormalizer(resolver, "city", context_min_confidence=bad)


def test_the_frame_accessor_comes_with_import_geonorm_after_pandas():
    import subprocess
    import sys
    code = "import pandas as pd, geonorm; print(hasattr(pd.DataFrame({'a': [1]}), 'geonorm'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr  # was False: only geonorm.normalize registered it


def test_the_frame_accessor_comes_with_pandas_imported_after_geonorm():
    import subprocess
    import sys
    code = ("import sys, geonorm; assert 'pandas' not in sys.modules, 'import geonorm loads pandas'\n"
            "import pandas as pd; print(hasattr(pd.DataFrame({'a': [1]}), 'geonorm'), hasattr(pd.Series([1]), 'geonorm'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True True", out.stderr  # was False False until geonorm.normalize was used


@pytest.mark.parametrize("columns, hints", [(["where", "where"], {}), (["where", "c", "c"], {"country": "c"})])
def test_a_duplicated_column_the_normalizer_reads_is_a_clear_error(columns, hints):
    df = pd.DataFrame([["Kharkov", "UA", "UA"][:len(columns)]], columns=columns)
    with pytest.raises(ValueError, match="appears 2 times"):  # was AttributeError: no attribute 'array'
        normalize(df, "where", **hints)


def test_guard_a_duplicated_column_nobody_reads_is_kept():
    df = pd.DataFrame([["Kharkov", "x", "y"]], columns=["where", "c", "c"])
    out = normalize(df, "where")
    assert list(out.columns[:3]) == ["where", "c", "c"] and out["geo_name"][0] == "Kharkiv"


def test_a_year_a_float_column_holds_is_a_date_hint(resolver):
    # a year column with a blank is read as floats (2014.0); as text a CSV writes it '2014.0'
    df = pd.DataFrame({"where": ["Krasnoarmeysk"] * 3, "year": [2014.0, np.nan, 2014.0],
                       "text_year": ["2014.0", None, "2014"]})
    for col in ("year", "text_year"):
        out = normalize(df, "where", date=col, context=False, resolver=resolver)
        assert out["geo_id"].iloc[0] == POKROVSK and "in use on 2014-01-01" in out["geo_explanation"].iloc[0]
        assert "invalid" not in out["geo_explanation"].iloc[0]


def test_a_series_hint_is_matched_to_the_rows_by_its_index(resolver):
    df = pd.DataFrame({"where": ["Krasnoarmeysk"] * 3}, index=[10, 20, 30])
    cc = pd.Series({30: "UA", 10: "UA", 20: "RU"})  # (in another order than the rows)
    out = normalize(df, "where", country=cc, context=False, resolver=resolver)
    assert out["geo_country_code"].tolist() == ["UA", "RU", "UA"]
    with pytest.raises(ValueError, match="index"):
        normalize(df, "where", country=pd.Series(["UA"] * 3, index=[1, 2, 3]), resolver=resolver)


def test_a_fixed_hint_of_no_text_is_checked_and_a_numbered_column_is_a_hint_column(resolver):
    df = pd.DataFrame({"where": ["Krasnoarmeysk"]})
    for bad in (dict(country=999), dict(admin1=7), dict(country="WHERE")):  # ('WHERE': the column 'where')
        with pytest.raises(ValueError):
            normalize(df, "where", resolver=resolver, **bad)
    numbered = pd.DataFrame({0: ["Krasnoarmeysk"] * 2, 1: ["UA", "RU"]})
    out = normalize(numbered, 0, country=1, context=False, resolver=resolver)
    assert out["geo_country_code"].tolist() == ["UA", "RU"]


def test_fixed_takes_a_value_for_every_row_beside_a_column_of_that_name(resolver):
    from geonorm import Fixed
    df = pd.DataFrame({"where": ["Krasnoarmeysk"] * 2, "RU": ["UA", "UA"]})
    assert normalize(df, "where", country="RU", context=False, resolver=resolver)["geo_country_code"].tolist() == ["UA"] * 2
    out = normalize(df, "where", country=Fixed("RU"), context=False, resolver=resolver)
    assert out["geo_country_code"].tolist() == ["RU", "RU"]


def test_an_area_for_every_row_holds_beside_a_country_column(gaz):
    # 'within' and 'feature' hold for every row: they were dropped on every row that had a
    # country (Peski was Pisky, Poltava oblast, outside the box)
    df = pd.DataFrame({"w": ["Peski", "Peski"], "c": ["UA", None]})
    box = (36.5, 47.0, 40.5, 50.0)
    out = normalize(df, "w", country="c", within=box)
    assert out["geo_lon"].between(36.5, 40.5).all() and out["geo_lat"].between(47, 50).all()
