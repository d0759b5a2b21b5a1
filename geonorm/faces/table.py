"""Tables: normalize a pandas column of place names, with column context.

    >>> import geonorm.faces.table  # registers the ``.geonorm`` accessor
    >>> out = df.geonorm.normalize("location", country="country")

Each distinct (value, hints) combination is resolved once. With ``context=True`` (default) the
rows inform each other: confidently resolved values (weighted by how many rows carry them) give a
:class:`~geonorm.matching.context.Context` — countries, first-level areas and points — and the
values that were not confident are resolved again with it; their explanation then says
"column context: ...". With ``group=`` a context is built per group.

The machinery (:class:`ColumnNormalizer`) is shared by the streaming CSV command and by Dask.
"""
from __future__ import annotations

import dataclasses
import math
import threading
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from rapidfuzz.distance import OSA

from ..matching.context import Context, joined
from ..matching.hints import missing_marker
from ..matching.match import Match
from ..matching.resolver import confidence_arg
from .parallel import MIN_ITEMS, StickyPool

FIELDS = ("id", "name", "lat", "lon", "country_code", "admin1", "admin2", "confidence", "match_kind",
          "matched_name", "explanation")
HINTS = ("country", "admin1", "admin2", "date", "text")
CONTEXT_LABEL = "column context"
# rows this confident make the column context, and rows below it are re-ranked with it. UCDP
# Ukraine dev as a column (2026-11-27): 0.6 -> acc@20km 0.8779, ECE 0.100; 0.7 -> 0.8810, 0.095;
# 0.75-0.9 -> 0.8794, 0.093-0.095 (answers at 0.6-0.7 are right ~79%: weak voters)
CONTEXT_MIN_CONFIDENCE = 0.7
CONTENDER = 0.2  # a runner-up this confident makes a row ambiguous enough for the column to decide


class ColumnContext(Context):
    """A Context whose cache key is computed once (it is part of every resolver cache key)."""

    @property
    def key(self) -> str:
        k = self.__dict__.get("_key")
        if k is None:
            k = Context.key.fget(self)
            self.__dict__["_key"] = k
        return k

    @classmethod
    def of(cls, ctx: Context) -> "ColumnContext":
        if isinstance(ctx, cls):
            return ctx
        from dataclasses import fields
        return cls(**{f.name: getattr(ctx, f.name) for f in fields(ctx)})


class ColumnNotFoundError(KeyError, ValueError):
    """A named column is not in the frame (the message lists the columns that are)."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


def check_unique(columns, names) -> None:
    """A ValueError when one of ``names`` is the name of several of ``columns`` (a column read
    by name must be one column)."""
    columns = list(columns)
    for name in names:
        if columns.count(name) > 1:
            raise ValueError(f"column {name!r} appears {columns.count(name)} times; rename the duplicates")


def _missing(name, columns) -> ColumnNotFoundError:
    cols = ", ".join(repr(c) for c in list(columns)[:50])
    more = " ..." if len(columns) > 50 else ""
    return ColumnNotFoundError(f"column {name!r} not found; the columns are: {cols}{more}")


def is_null(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return False


@dataclasses.dataclass(frozen=True)
class _NotText:
    """A cell no hash can key (a list, a dict), by its type: no name and no hint."""
    kind: str

    def __str__(self) -> str:
        return f"<{self.kind}>"

    __repr__ = __str__  # (an explanation quotes it: 'got <list>')


@dataclasses.dataclass(frozen=True)
class Fixed:
    """A hint value for every row, never read as a column's name (``--country UA`` on the command
    line, beside a column that happens to be named 'UA')."""
    value: object


def _column_label(value, columns) -> bool:
    """Is ``value`` the label of one of ``columns`` (text, or a number for a frame whose columns
    are numbered)?"""
    if isinstance(value, (Fixed, bool)) or not isinstance(value, (str, int, np.integer)):
        return False
    try:
        return value in columns
    except TypeError:
        return False


def _factorize(values):
    """``pd.factorize`` of a column's values; a cell no hash can key stands as :class:`_NotText`."""
    try:
        return pd.factorize(values, use_na_sentinel=False)
    except TypeError:
        return pd.factorize(np.array([v if _hashable(v) else _NotText(type(v).__name__) for v in values],
                                     dtype=object), use_na_sentinel=False)


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def result_columns_in(columns, prefix: str) -> list[str]:
    """The result columns (``prefix`` + a field of :data:`FIELDS`) that ``columns`` already has."""
    return [prefix + f for f in FIELDS if prefix + f in columns]


def _key(value):
    """A hashable, NaN-safe key part."""
    if is_null(value):
        return None
    if isinstance(value, (np.generic,)):
        return value.item()
    return value


# ---- resolving ------------------------------------------------------------------------------
def resolve_row(resolver, value, hints: dict, min_confidence=None, context: Context | None = None) -> Match:
    """Resolve one row's value with its ``hints`` (country, admin1, admin2, date; missing or blank
    ones are no hints); a bad hint value drops that hint, and the explanation says so, instead of
    failing. A ``text`` hint (the row's source text) adds the places it names as context
    (:func:`geonorm.text_context`), beside ``context``."""
    if isinstance(value, _NotText):
        return Match(query=str(value), reason=f"query of type {value.kind} is not text")
    kw = {k: (None if is_null(v) or (isinstance(v, str) and (not v.strip() or missing_marker(v))) else v)
          for k, v in hints.items()}
    kw = {("as_of" if k == "date" else k): v for k, v in kw.items()}
    text = kw.pop("text", None)
    if text is not None:
        from .text import text_context
        context = joined(text_context(str(text), query=value if isinstance(value, str) else None,
                                      resolver=resolver), context)
    if min_confidence is not None:
        kw["min_confidence"] = min_confidence
    try:
        return resolver.resolve(value, context=context, **kw)
    except ValueError as exc:
        bad = []
        for name in ("as_of", "country", "admin1", "admin2"):
            if kw.get(name) is None:
                continue
            # (a first-level area is looked for inside the valid country hint, a district inside
            # both: 'Saada' with Yemen is no Sada, Mayotte)
            probe = {k: kw.get(k) for k in _PROBED_WITH.get(name, (name,))}
            if _hint_error(resolver, probe) is not None:
                bad.append(name)
                kw[name] = None
        if not bad:
            raise
        m = resolver.resolve(value, context=context, **kw)
        # a copy: the resolver caches and shares its Match objects
        return dataclasses.replace(m, hints=list(m.hints) + [f"ignored the invalid {', '.join(bad)} hint ({exc})"])


# the hints a row's hint is checked beside (see resolve_row); the others alone
_PROBED_WITH = {"admin1": ("country", "admin1"), "admin2": ("country", "admin1", "admin2")}


def _hint_error(resolver, hints: dict) -> ValueError | None:
    """The ValueError the resolver raises for ``hints`` (a probe query), or None when they are valid."""
    try:
        resolver.resolve("x", **hints)
    except ValueError as exc:
        return exc
    return None


def _resolve_item(resolver, item) -> Match:
    """(value, hints, min_confidence, context) -> Match (module level: runs in workers)."""
    value, hints, min_confidence, context = item
    return resolve_row(resolver, value, hints, min_confidence, context)


def result_row(m: Match | None) -> tuple:
    """The output fields for one Match (None = the input value was undecodable)."""
    if m is None:
        return (None, None, None, None, None, None, None, 0.0, "none", None,
                "No match: the value contains undecodable bytes.")
    if not m.ok:
        return (None, None, None, None, None, None, None, 0.0, "none", None, m.explain())
    return (m.id, m.name, m.lat, m.lon, m.country_code, m.admin1 or None, m.admin2 or None,
            m.confidence, m.match_kind, m.matched_name, m.explain())


def result_frame(rows: list[tuple], prefix: str, index=None) -> pd.DataFrame:
    """Output columns from result tuples, with stable dtypes (also used for Dask meta)."""
    cols = list(zip(*rows)) if rows else [()] * len(FIELDS)
    data = {}
    for name, values in zip(FIELDS, cols):
        if name == "id":
            s = pd.array(list(values), dtype="Int64")
        elif name in ("lat", "lon", "confidence"):
            s = np.array([np.nan if v is None else v for v in values], dtype="float64")
        else:
            s = pd.Series(np.array(values, dtype=object), dtype=object if not values else None).array
        data[prefix + name] = s
    return pd.DataFrame(data, index=index)


def _context_could_move(ctx: Context, m: Match) -> bool:
    """Would the column context favour a runner-up more than the answer? (Else re-ranking
    cannot change the answer and is skipped.)"""
    places = m.places()  # the answer first (``m`` is a match)
    if any(lat is None or lat != lat for _, _, lat, _ in places):
        return True  # a place without a point: let the resolver decide
    lifts = [ctx.bonus(*p)[0] for p in places]
    return max(lifts[1:], default=0.0) > lifts[0]


class ColumnNormalizer:
    """Distinct-value resolution with column context, fed in one or more chunks.

    1. :meth:`add` each chunk (collects distinct (value, hints, group) combos and row counts);
    2. :meth:`finish` resolves the distinct combos, builds the context(s) and re-resolves the
       non-confident combos with it;
    3. :meth:`apply` each chunk to get its result columns.

    ``context`` is True (build from the data), False, or a ready Context (or a dict
    group -> Context, e.g. broadcast to Dask workers): then distinct combos are resolved with it
    directly wherever the plain answer is not confident.
    """

    def __init__(self, resolver, column, *, country=None, admin1=None, admin2=None, date=None, text=None,
                 group=None, prefix="geo_", context=True, min_confidence=None, context_min_confidence=None,
                 workers: int | None = None) -> None:
        self.resolver = resolver
        self.workers = workers  # processes for the distinct values (None: automatic, 1: none)
        self.column = column
        self.hints = {"country": country, "admin1": admin1, "admin2": admin2, "date": date, "text": text}
        self.group = group
        self.prefix = prefix
        self.context = context
        self.min_confidence = confidence_arg(min_confidence)
        self.context_min = confidence_arg(context_min_confidence, "context_min_confidence")
        if self.context_min is None:
            self.context_min = CONTEXT_MIN_CONFIDENCE
        self.counts: Counter = Counter()
        self.results: dict = {}
        self.contexts: dict = {}
        self.finished = False

    # -- specs --
    def _spec(self, frame: pd.DataFrame):
        """For each key part: ('col', name) or ('const', value)."""
        cols = frame.columns
        spec = []
        for name in HINTS:
            v = self.hints[name]
            if isinstance(v, Fixed):
                spec.append((name, "const", v.value))
            elif _column_label(v, cols):
                spec.append((name, "col", v))
            elif v is None or isinstance(v, str) or not hasattr(v, "__len__") or isinstance(v, tuple):
                spec.append((name, "const", v))
            else:  # a Series / array aligned with the frame
                spec.append((name, "array", v))
        if self.group is not None:
            if self.group not in cols:
                raise _missing(self.group, cols)
            spec.append(("group", "col", self.group))
        return spec

    def keys_of(self, frame: pd.DataFrame):
        """(codes per row, list of distinct key tuples) for a chunk."""
        if self.column not in frame.columns:
            raise _missing(self.column, frame.columns)
        spec = self._spec(frame)
        check_unique(frame.columns, [self.column] + [v for _, kind, v in spec if kind == "col"])
        n = len(frame)
        codes, uniques = _factorize(frame[self.column].array)
        parts = [(np.asarray(uniques, dtype=object), codes)]
        for name, kind, v in spec:
            if kind == "const":
                continue
            arr = frame[v].array if kind == "col" else _aligned(v, frame, name)
            if len(arr) != n:
                raise ValueError(f"the {name} hint has {len(arr)} values for {n} rows")
            c, u = _factorize(arr)
            parts.append((np.asarray(u, dtype=object), c))
        if len(parts) == 1:
            return codes, [(u,) if type(u) is str else (_key(u),) for u in parts[0][0]]
        combined = codes.astype(np.int64)
        for u, c in parts[1:]:
            combined, _ = pd.factorize(combined * len(u) + c.astype(np.int64))
        _, first_rows = np.unique(combined, return_index=True)
        keys = [tuple(_key(u[c[r]]) for u, c in parts) for r in first_rows.tolist()]
        combined_codes = combined
        return combined_codes, keys

    def _key_hints(self, key: tuple, spec) -> tuple[dict, object]:
        hints, group, i = {}, None, 1
        for name, kind, v in spec:
            if kind == "const":
                if name != "group":
                    hints[name] = v
                continue
            if name == "group":
                group = key[i]
            else:
                hints[name] = key[i]
            i += 1
        return {k: v for k, v in hints.items() if v is not None or self.hints[k] is not None}, group

    # -- passes --
    def add(self, frame: pd.DataFrame) -> None:
        codes, keys = self.keys_of(frame)
        counts = np.bincount(codes, minlength=len(keys)) if len(keys) else []
        self._spec_cache = self._spec(frame)
        for k, c in zip(keys, counts):
            self.counts[k] += int(c)

    def add_weighted(self, frame: pd.DataFrame, weights) -> None:
        """Like :meth:`add` for a frame of distinct rows with their row counts."""
        codes, keys = self.keys_of(frame)
        counts = np.bincount(codes, weights=np.asarray(weights, dtype=float), minlength=len(keys))
        self._spec_cache = self._spec(frame)
        for k, c in zip(keys, counts):
            self.counts[k] += int(c)

    def add_counts(self, counts: Iterable[tuple[tuple, int]], spec) -> None:
        self._spec_cache = spec
        for k, c in counts:
            self.counts[tuple(_key(x) for x in k)] += int(c)

    def _plain(self, key, spec) -> Match:
        hints, _ = self._key_hints(key, spec)
        return resolve_row(self.resolver, key[0], hints, self.min_confidence, None)

    def _context_of(self, key, spec, first: Match):
        """(hints, context) when ``first`` should be re-ranked with the column context, else None."""
        if not self._needs_context(first):
            return None
        hints, group = self._key_hints(key, spec)
        ctx = self.contexts.get(group) if self.group is not None else self.contexts.get(None)
        if not ctx or (first.ok and not _context_could_move(ctx, first)):
            return None
        return hints, ctx

    def _with_context(self, key, spec, first: Match) -> Match:
        found = self._context_of(key, spec, first)
        if found is None:
            return first
        return resolve_row(self.resolver, key[0], found[0], self.min_confidence, found[1])

    def _parallel_ok(self) -> bool:
        """Worker processes only help with many distinct values and a plain resolver (one
        without a fallback geocoder, whose rate limit and cache belong to this process)."""
        return (self.workers != 1 and len(self.counts) >= MIN_ITEMS
                and getattr(self.resolver, "fallback", None) is None)

    def _needs_context(self, m: Match) -> bool:
        """Not confident, or a runner-up is a real contender: the column may decide."""
        if not m.alternatives:  # a lone candidate cannot be re-ranked
            return False
        return not m.ok or m.confidence < self.context_min or m.alternatives[0].confidence >= CONTENDER

    def finish(self, progress=None) -> None:
        """Resolve all distinct combos (two passes when building the context)."""
        spec = getattr(self, "_spec_cache", [])
        keys = list(self.counts)
        items = [(k[0], self._key_hints(k, spec)[0], self.min_confidence, None) for k in keys]
        # one set of workers for both passes; a spelling always meets the same worker, whose
        # resolver still holds its candidates when the context pass comes
        with StickyPool(self.resolver, self.workers if self._parallel_ok() else 1) as pool:
            first = dict(zip(keys, pool.map(_resolve_item, items, [k[0] for k in keys])))
            if progress is not None:
                progress.update(len(keys))
            if self.context is True:
                by_group: dict = {}
                for k in keys:
                    _, g = self._key_hints(k, spec)
                    by_group.setdefault(g if self.group is not None else None, []).append(k)
                self.contexts = {
                    g: ColumnContext.from_matches([first[k] for k in ks], label=CONTEXT_LABEL,
                                                  min_confidence=self.context_min,
                                                  weights=[self.counts[k] for k in ks])
                    for g, ks in by_group.items()}
            elif isinstance(self.context, Context):
                self.contexts = {None: ColumnContext.of(self.context)}
            elif isinstance(self.context, dict):
                self.contexts = {g: ColumnContext.of(c) for g, c in self.context.items()}
            self.results = dict(first)
            if self.contexts:  # the second pass: values that were not confident, with the context
                redo, redo_items = [], []
                for k in keys:
                    found = self._context_of(k, spec, first[k])
                    if found is not None:
                        redo.append(k)
                        redo_items.append((k[0], found[0], self.min_confidence, found[1]))
                for k, m in zip(redo, pool.map(_resolve_item, redo_items, [k[0] for k in redo])):
                    self.results[k] = m
        self.finished = True

    def build_contexts(self) -> dict:
        """Resolve the counted combos without context and return the contexts (for broadcast)."""
        saved = self.context
        self.context = True
        self.finish()
        self.context = saved
        return self.contexts

    def resolve_keys(self, keys: list[tuple], spec) -> list[Match]:
        """Resolve combos not seen by :meth:`add` (Dask partitions with broadcast context)."""
        out = []
        for k in keys:
            m = self.results.get(k)
            if m is None:
                m = self._plain(k, spec)
                if self.contexts:
                    m = self._with_context(k, spec, m)
                self.results[k] = m
            out.append(m)
        return out

    def matches_for(self, frame: pd.DataFrame) -> tuple[np.ndarray, list[Match]]:
        codes, keys = self.keys_of(frame)
        spec = self._spec(frame)
        return codes, self.resolve_keys(keys, spec)

    def apply(self, frame: pd.DataFrame, bad_rows: np.ndarray | None = None,
              precomputed=None) -> pd.DataFrame:
        """The result columns for a chunk (index aligned with it). ``bad_rows``: boolean mask of
        rows whose value could not be decoded (null results)."""
        codes, matches = precomputed if precomputed is not None else self.matches_for(frame)
        if len(frame) == 0:
            return result_frame([], self.prefix, index=frame.index)
        pos = self._result_positions(matches)
        codes = pos[np.asarray(codes, dtype=np.intp)]
        if bad_rows is not None and bad_rows.any():  # position 0 is the null result
            codes[bad_rows] = 0
        # one vectorized take per column from typed arrays over the distinct results
        # (a chunk has far fewer distinct values than rows)
        distinct = self._result_table()
        return pd.DataFrame({c: distinct[c].array.take(codes) for c in distinct.columns},
                            index=frame.index)

    def _result_positions(self, matches: list) -> np.ndarray:
        """Positions of ``matches`` in the table of result rows (added on first sight)."""
        if not hasattr(self, "_rows"):
            self._rows: dict = {}  # id(match) -> (match, position); the match keeps the id alive
            self._table: list[tuple] = [result_row(None)]
            self._table_frame = None
            self._result_positions(list(self.results.values()))  # all known at once: one table
        rows, table, out = self._rows, self._table, []
        for m in matches:
            t = rows.get(id(m))
            if t is None or t[0] is not m:
                t = rows[id(m)] = (m, len(table))
                table.append(result_row(m))
            out.append(t[1])
        return np.asarray(out, dtype=np.intp)

    def _result_table(self) -> pd.DataFrame:
        if self._table_frame is None or len(self._table_frame) != len(self._table):
            self._table_frame = result_frame(self._table, self.prefix)
        return self._table_frame


# ---- the pandas face --------------------------------------------------------------------------
_resolver_lock = threading.Lock()


def _default_resolver():
    from ..matching.resolver import default_resolver
    with _resolver_lock:
        return default_resolver()


def _aligned(values, frame: pd.DataFrame, name: str):
    """A hint given as a Series or an array, one value per row of ``frame``: a Series by its
    index labels (not by position), an array in row order."""
    if not isinstance(values, pd.Series) or values.index.equals(frame.index):
        return values.array if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    if not values.index.is_unique or not frame.index.isin(values.index).all():
        raise ValueError(f"the {name} hint is a Series whose index does not hold each row's label once; "
                         "give it with the frame's index (or as a column of the frame)")
    return values.reindex(frame.index).array


def _check_constants(resolver, columns, **hints) -> None:
    """A hint that names no column is one value for every row: a ValueError when it is no valid
    value either (a misspelt column name, 'event_dat', or a number, would be dropped on every row;
    so would a column's name in other capitals, 'CC' for the column 'cc', which is also a code)."""
    for name, value in hints.items():
        fixed = isinstance(value, Fixed)
        if fixed:
            value = value.value
        elif _column_label(value, columns):
            continue
        elif isinstance(value, str) and (other := [c for c in columns if isinstance(c, str)
                                                   and c.casefold() == value.strip().casefold()]):
            raise _not_a_column(name, value, other[0])
        if value is None or isinstance(value, (pd.Series, np.ndarray, list)) or is_null(value) \
                or isinstance(value, str) and (not value.strip() or missing_marker(value)):
            continue
        if name == "text":  # one source text for every row, unless it is one word a slip from a column's
            if not fixed and isinstance(value, str) and len(value.split()) == 1 and (other := [
                    c for c in columns if isinstance(c, str) and OSA.distance(c.casefold(), value.strip().casefold(),
                                                                              score_cutoff=2) <= 2]):
                raise _not_a_column(name, value, other[0])
            continue
        exc = _hint_error(resolver, {"as_of" if name == "date" else name: value})
        if exc is not None:
            raise ValueError(f"{name}={value!r} is no column of the frame and no valid {name} value ({exc}); "
                             "the columns are: " + ", ".join(repr(c) for c in columns))


def _not_a_column(name: str, value: str, column: str) -> ValueError:
    return ValueError(f"{name}={value!r} is no column of the frame, but {column!r} is: give the column's "
                      f"name as written (or geonorm.Fixed({value!r}) for that value on every row)")


def with_hints(resolver, within=None, feature=None):
    """``resolver`` (default: the default one), or one over the same gazetteer and settings with
    ``within`` / ``feature`` as defaults for every row (a bad value raises ValueError)."""
    resolver = resolver or _default_resolver()
    if within is None and feature is None:
        return resolver
    from ..matching.resolver import Resolver
    return Resolver(resolver.gazetteer, **{**resolver.settings(), "within": within, "feature": feature})


def normalize(df_or_series, column=None, *, country=None, admin1=None, admin2=None, date=None, text=None,
              group=None, within=None, feature=None, prefix: str = "geo_", resolver=None, context=True,
              min_confidence=None, workers: int | None = None) -> pd.DataFrame:
    """Normalize a column of place names; returns a copy of the frame with result columns.

    ``country``, ``admin1``, ``admin2``, ``date``: a constant hint, or the name of a column holding
    one per row (a string that is a column name is taken as the column). ``text``: a column of
    each row's source text (an event's headlines, the article it was coded from), or one text for
    every row: the places it names are context for the row (:func:`geonorm.text_context`, about
    2 ms per distinct headline). ``within``, ``feature``: one area or feature filter for every row
    (as in :func:`geonorm.resolve`). ``group``: a column whose
    groups get their own column context. ``context``: let confidently resolved rows re-rank the
    ambiguous ones (the explanation then mentions 'column context'). New columns:
    ``{prefix}id, name, lat, lon, country_code, admin1, admin2, confidence, match_kind,
    matched_name, explanation``; empty, null and non-text values give null results.
    ``workers``: processes for the distinct values (None: the available cores when there are
    thousands of them; 1: this process only).
    """
    if isinstance(df_or_series, pd.Series):
        name = df_or_series.name if df_or_series.name is not None else (column or "value")
        if column is not None and column != name:
            raise _missing(column, [name])
        df = df_or_series.to_frame(name=name)
        column = name
    elif isinstance(df_or_series, pd.DataFrame):
        df = df_or_series
        if column is None:
            if df.shape[1] == 1:
                column = df.columns[0]
            else:
                raise ValueError("give column=...; the columns are: "
                                 + ", ".join(repr(c) for c in df.columns))
    else:
        raise TypeError(f"normalize() takes a pandas DataFrame or Series, got {type(df_or_series).__name__}")
    if column not in df.columns:
        raise _missing(column, df.columns)
    clash = result_columns_in(df.columns, prefix)
    if clash:
        raise ValueError(f"the frame already has result columns {clash}; pass another prefix=")
    resolver = with_hints(resolver, within, feature)
    _check_constants(resolver, df.columns, country=country, admin1=admin1, admin2=admin2, date=date, text=text)
    norm = ColumnNormalizer(resolver, column, country=country, admin1=admin1,
                            admin2=admin2, date=date, text=text, group=group, prefix=prefix, context=context,
                            min_confidence=min_confidence, workers=workers)
    norm.add(df)
    norm.finish()
    res = norm.apply(df)
    out = df.copy()
    for c in res.columns:
        out[c] = res[c]
    return out


@pd.api.extensions.register_dataframe_accessor("geonorm")
class GeonormFrameAccessor:
    """``df.geonorm.normalize("location", country="country")``."""

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def normalize(self, column=None, **kwargs) -> pd.DataFrame:
        return normalize(self._df, column, **kwargs)


@pd.api.extensions.register_series_accessor("geonorm")
class GeonormSeriesAccessor:
    """``s.geonorm.normalize(country="UA")`` -> a frame with the value and the result columns."""

    def __init__(self, s: pd.Series) -> None:
        self._s = s

    def normalize(self, **kwargs) -> pd.DataFrame:
        return normalize(self._s, **kwargs)
