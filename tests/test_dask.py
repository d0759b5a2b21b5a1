"""Tables face on Dask: map_partitions on a local cluster, resolver built once per worker."""
from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from geonorm.faces.table import normalize  # noqa: E402

TOWNS = ["Krasnoarmeysk", "Gorlovka", "Artemovsk (DPR)", "Dzerzinsk", "Kiev/Kyiv city", "Zaitsevo",
         "Peski", "Lugansk", None, "", "42", "Donetsk", "Kramatorsk"]


def test_dask_local_cluster_matches_pandas(gaz, resolver):
    from geonorm.faces.dask import normalize_dask

    df = pd.DataFrame({"where": TOWNS * 15, "cc": (["UA", None, "UA"] * 65)[:len(TOWNS) * 15]})
    df.index = df.index * 10
    # threads keep the test fast; the per-worker cache is per process either way
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        ddf = dd.from_pandas(df, npartitions=4)
        lazy = normalize_dask(ddf, "where", country="cc", index=gaz.path)
        assert "geo_id" in lazy.columns and "geo_explanation" in lazy.columns
        out = lazy.compute()
        cached = client.run(lambda: len(__import__("geonorm.faces.dask", fromlist=["x"])._RESOLVERS))
        assert all(n == 1 for n in cached.values())
    ref = normalize(df, "where", country="cc", resolver=resolver)
    assert out.index.equals(df.index) and len(out) == len(df)
    assert list(out["geo_id"].fillna(-1).astype(int)) == list(ref["geo_id"].fillna(-1).astype(int))
    assert int(out["geo_id"].iloc[0]) == 704422  # column context reached the workers
    assert "column context" in out["geo_explanation"].iloc[3] or out["geo_confidence"].iloc[3] > 0.6
    with pytest.raises(KeyError, match="'where'"):
        normalize_dask(ddf, "location", index=gaz.path)


def test_dask_workers_rebuild_the_callers_resolver(gaz):
    # a worker builds its own resolver from the index path: with the caller's defaults
    import dask

    from geonorm import Resolver
    from geonorm.faces.dask import normalize_dask
    df = pd.DataFrame({"where": ["Krasnoarmeysk", "Pokrovsk", "Lugansk"]})
    resolver = Resolver(gaz, country="RU")
    with dask.config.set(scheduler="sync"):
        out = normalize_dask(dd.from_pandas(df, npartitions=2), "where", resolver=resolver, context=False).compute()
    ref = normalize(df, "where", resolver=resolver, context=False)
    assert list(out["geo_id"]) == list(ref["geo_id"]) and out["geo_country_code"].iloc[0] == "RU"


def test_dask_results_write_to_parquet(gaz, tmp_path):
    # Dask fills object columns of its metadata with placeholder objects, which Parquet cannot
    # type: to_parquet failed ('Could not convert <object object ...>'); text results are strings
    pytest.importorskip("pyarrow")
    from geonorm.faces.dask import normalize_dask

    ddf = dd.from_pandas(pd.DataFrame({"where": ["Gorlovka", None, "Kiev"]}), npartitions=2)
    lazy = normalize_dask(ddf, "where", index=gaz.path, context=False)
    assert str(lazy.dtypes["geo_name"]) == "string"
    lazy.to_parquet(tmp_path / "out.parquet")
    back = pd.read_parquet(tmp_path / "out.parquet")
    assert back["geo_id"].astype("Int64").tolist() == [707753, pd.NA, 703448]
    assert back["geo_name"].tolist()[::2] == ["Horlivka", "Kyiv"] and pd.isna(back["geo_name"].iloc[1])


def test_dask_refuses_a_misspelt_hint_column_and_takes_within_and_feature(gaz):
    # a hint naming no column must be a valid value, as with pandas (a misspelt column name was
    # taken as a constant and dropped on every row); within= and feature= were missing
    import dask

    from geonorm.faces.dask import normalize_dask
    df = pd.DataFrame({"where": ["Pokrovsk", "Donetsk", "Kharkov"], "country": ["UA"] * 3})
    ddf = dd.from_pandas(df, npartitions=2)
    for hint in (dict(country="contry"), dict(admin1="Adm1"), dict(date="event_dat")):
        with pytest.raises(ValueError, match="no column of the frame"):
            normalize_dask(ddf, "where", index=gaz.path, **hint)
    with dask.config.set(scheduler="sync"):
        out = normalize_dask(ddf, "where", country="country", index=gaz.path, context=False,
                             feature="admin1").compute()
        ref = normalize(df, "where", country="country", feature="admin1", context=False)
        assert list(out["geo_id"]) == list(ref["geo_id"]) and out["geo_id"].iloc[1] == 709716  # Donetsk oblast
        south = normalize_dask(ddf, "where", index=gaz.path, context=False, within=(36.0, 47.5, 38.5, 48.5)).compute()
    assert south["geo_id"].iloc[2] is pd.NA or pd.isna(south["geo_id"].iloc[2])  # Kharkiv lies outside
    assert south["geo_id"].iloc[0] == 704422
