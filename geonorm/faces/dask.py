"""Dask: the tables normalization as a Dask DataFrame operation (optional extra ``geonorm[dask]``).

    >>> from geonorm.faces.dask import normalize_dask
    >>> out = normalize_dask(ddf, "location", country="country")   # lazy; out.compute() / to_parquet

Each worker opens the index once (``Gazetteer.open(path)``, cached per process by path) — the
index path travels with the task graph, never the index. With column context the distinct
(value, hints) combinations and their row counts are computed across partitions first, resolved
once on the client (with the same sticky worker processes as ``normalize``), and the answers
travel to the workers once, as one shared object of the graph (a few MB per 10,000 spellings),
with the small :class:`~geonorm.matching.context.Context` (per group with ``group=``) for any
value a partition meets that the client did not — the same answers as
:func:`geonorm.faces.table.normalize` on the whole frame.
"""
from __future__ import annotations

import threading

import pandas as pd

from .parallel import worker_settings
from .table import FIELDS, ColumnNormalizer, _check_constants, _missing, result_frame, with_hints

_RESOLVERS: dict = {}
_LOCK = threading.Lock()


def worker_resolver(path: str, settings: dict | None = None):
    """The resolver for an index path and resolver settings (``Resolver.settings()``: the
    caller's defaults), built once per process."""
    key = (path, repr(sorted((settings or {}).items())))
    with _LOCK:
        r = _RESOLVERS.get(key)
        if r is None:
            from ..gazetteer import Gazetteer
            from ..matching.resolver import Resolver
            r = Resolver(Gazetteer.open(path), **(settings or {}))
            _RESOLVERS[key] = r
        return r


def _path(index, resolver) -> str:
    """The index directory the workers open: ``index``, else the resolver's, else the default."""
    if index is not None:
        return str(index)
    if resolver is not None:
        return str(resolver.gazetteer.path)
    from ..gazetteer import Gazetteer
    return str(Gazetteer.default(progress=False).path)


def _partition(pdf: pd.DataFrame, column, hints: dict, group, prefix, contexts, use_context,
               min_confidence, path, known=None, settings=None) -> pd.DataFrame:
    resolver = worker_resolver(path, settings)
    norm = ColumnNormalizer(resolver, column, group=group, prefix=prefix,
                            context=False, min_confidence=min_confidence, **hints)
    if use_context and contexts:
        norm.contexts = contexts  # ColumnContext objects: their cache key is computed once
    if known:
        norm.results = dict(known)  # the client's answers; a copy, as new values are added
    return _with_results(pdf, norm.apply(pdf))


def _with_results(pdf: pd.DataFrame, res: pd.DataFrame) -> pd.DataFrame:
    """``pdf`` with the result columns, text ones as pandas' string dtype: Dask fills an object
    column of its metadata with placeholder objects, which Parquet cannot type ('to_parquet'
    failed: 'Could not convert <object object ...>')."""
    out = pdf.copy()
    for c in res.columns:
        out[c] = res[c].astype("string") if res[c].dtype == object else res[c]
    return out


def normalize_dask(ddf, column, *, country=None, admin1=None, admin2=None, date=None, text=None, group=None,
                   within=None, feature=None, prefix="geo_", resolver=None, index=None, context=True,
                   min_confidence=None):
    """Lazy Dask counterpart of :func:`geonorm.faces.table.normalize` (same keywords; hints that
    are column names are columns, others must be valid values: a misspelt column name is a
    ValueError). ``index``: a custom index directory (default: the resolver's gazetteer, else
    the default index). Column context computes the distinct values first."""
    import dask.dataframe as dd  # noqa: F401  (optional dependency)

    if column not in ddf.columns:
        raise _missing(column, list(ddf.columns))
    hints = {"country": country, "admin1": admin1, "admin2": admin2, "date": date, "text": text}
    for name, v in list(hints.items()) + [("group", group)]:
        if v is not None and not isinstance(v, (str, int, float, tuple, list)) and hasattr(v, "__len__"):
            raise TypeError(f"{name}: with Dask give a constant or a column name, not an array")
    if group is not None and group not in ddf.columns:
        raise _missing(group, list(ddf.columns))
    clash = [prefix + f for f in FIELDS if prefix + f in ddf.columns]
    if clash:
        raise ValueError(f"the frame already has result columns {clash}; pass another prefix=")
    if within is not None or feature is not None:  # (the workers rebuild it from its settings)
        resolver = with_hints(resolver or (worker_resolver(str(index)) if index is not None else None),
                              within, feature)
    path = _path(index, resolver)
    _check_constants(resolver or worker_resolver(path), ddf.columns,
                     country=country, admin1=admin1, admin2=admin2, date=date, text=text)

    contexts, known = None, None
    if context is True:
        key_cols = [column] + [v for v in hints.values() if isinstance(v, str) and v in ddf.columns]
        if group is not None:
            key_cols.append(group)
        key_cols = list(dict.fromkeys(key_cols))
        counts = ddf[key_cols].groupby(key_cols, dropna=False, observed=True).size().compute()
        frame = counts.reset_index(name="__n")
        # the client resolves the distinct combos once (column context) with the same machinery
        client = ColumnNormalizer(resolver or worker_resolver(path), column, group=group, prefix=prefix,
                                  context=True, min_confidence=min_confidence, **hints)
        client.add_weighted(frame.drop(columns="__n"), frame["__n"].to_numpy())
        contexts = client.build_contexts()
        import dask
        known = dask.delayed(client.results, pure=True, traverse=False)
    elif context not in (False, None):
        contexts = context if isinstance(context, dict) else {None: context}

    meta = _with_results(ddf._meta, result_frame([], prefix, index=ddf._meta.index))
    # the workers rebuild the caller's resolver: same index, same defaults
    settings = worker_settings(resolver) if resolver is not None else None
    return ddf.map_partitions(_partition, column, hints, group, prefix, contexts, bool(contexts),
                              min_confidence, path, known, settings, meta=meta)
