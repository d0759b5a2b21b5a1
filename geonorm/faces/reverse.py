"""Reverse geocoding: a point -> the nearest populated place, its admin areas and the distance.

    >>> from geonorm.faces.reverse import reverse
    >>> r = reverse(48.28, 37.18)
    >>> r.name, r.id, round(r.distance_km, 1)
    ('Pokrovsk', 704422, 0.2)

The spatial index is a balanced k-d tree over 3D unit vectors (so distances are exact chord
distances on the sphere, with no trouble at the antimeridian or the poles). It is built lazily,
once per gazetteer and population threshold, and queried in batches with numpy: the tree is
walked breadth-first for a whole batch of points at once, pruning nodes whose bounding box is
farther than the best upper bound known for the point (the nearest box's far corner, then the
nearest place found). If scipy is installed, ``scipy.spatial.cKDTree`` is used instead; answers
are the same.

Functions:
- :func:`nearest` — vectorized core: arrays of (gazetteer row, distance_km); row -1 for NaN points.
- :func:`reverse` — one point -> :class:`ReverseResult` (None for a NaN point).
- :func:`reverse_many` — arrays of points -> list of results.
- :func:`reverse_frame` — a pandas DataFrame with lat/lon columns -> the frame with ``geo_*`` columns.

Out-of-range coordinates raise ``ValueError``; NaN coordinates give no result.
"""
from __future__ import annotations

import math
import threading
import weakref
from dataclasses import asdict, dataclass

import numpy as np

from ..matching.phrase import coordinates_in
from ..sources import katottg, postal

EARTH_RADIUS_KM = 6371.0088
_CHUNK = 32768


@dataclass
class ReverseResult:
    """The populated place nearest to a point."""

    id: int
    name: str
    lat: float
    lon: float
    distance_km: float
    country_code: str
    admin1: str
    admin2: str
    country: str = ""
    population: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def address(self) -> str:
        return ", ".join(x for x in (self.name, self.admin1, self.country or self.country_code) if x)


# ---- geometry helpers -------------------------------------------------------------------------
def _unit_vectors(lat, lon) -> np.ndarray:
    la, lo = np.radians(np.asarray(lat, dtype=np.float64)), np.radians(np.asarray(lon, dtype=np.float64))
    c = np.cos(la)
    return np.stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)], axis=-1)


def _chord_to_km(chord) -> np.ndarray:
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.asarray(chord) / 2.0))


def _check_coords(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Validate; returns the mask of usable (non-NaN) points. Out of range -> ValueError."""
    if lat.shape != lon.shape:
        raise ValueError(f"lat and lon have different shapes: {lat.shape} vs {lon.shape}")
    ok = ~(np.isnan(lat) | np.isnan(lon))
    bad = ok & ((np.abs(lat) > 90) | (np.abs(lon) > 180) | np.isinf(lat) | np.isinf(lon))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"coordinate out of range at index {i}: lat={float(lat[i])}, lon={float(lon[i])} "
                         f"(lat must be in [-90, 90], lon in [-180, 180])")
    return ok


def _as_float_array(values, what: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        # pandas nullable arrays, None values, strings...
        try:
            import pandas as pd
            arr = pd.to_numeric(pd.Series(values, dtype=object), errors="raise").astype("float64").to_numpy()
        except Exception as exc:
            raise ValueError(f"{what} must be numbers: {exc}") from None
    return np.atleast_1d(arr).astype(np.float64, copy=False)


# ---- the index --------------------------------------------------------------------------------
class KDTree3:
    """A balanced k-d tree over 3D points with a batched, vectorized nearest-neighbour query.

    Nodes are stored heap-ordered (children of node h are 2h+1 and 2h+2), every leaf at the same
    depth, bounding boxes and leaf points as separate coordinate arrays (1D gathers are fast)."""

    def __init__(self, xyz: np.ndarray, leaf_size: int = 12) -> None:
        xyz = np.ascontiguousarray(xyz, dtype=np.float64)
        n = len(xyz)
        if n == 0:
            raise ValueError("cannot index zero points")
        self.n = n
        depth = max(0, math.ceil(math.log2(max(n / leaf_size, 1.0))))
        self.depth = depth
        perm = np.arange(n)
        pos = np.arange(n)
        split_dim = np.zeros(max((1 << depth) - 1, 1), dtype=np.int8)
        split_val = np.zeros(max((1 << depth) - 1, 1))
        for level in range(depth):
            k = 1 << level
            bounds = (np.arange(k + 1, dtype=np.int64) * n) // k
            node = np.searchsorted(bounds, pos, side="right") - 1  # node of each position
            pts = xyz[perm]
            lo = np.minimum.reduceat(pts, bounds[:-1], axis=0)
            hi = np.maximum.reduceat(pts, bounds[:-1], axis=0)
            dim = np.argmax(hi - lo, axis=1)
            key = pts[pos, dim[node]]
            order = np.argsort(node * 4.0 + key)  # by node, then by the coordinate (|key| <= 1)
            perm = perm[order]
            mid = (np.arange(1, 2 * k, 2, dtype=np.int64) * n) // (2 * k)  # first of the right child
            split_dim[k - 1:2 * k - 1] = dim
            split_val[k - 1:2 * k - 1] = xyz[perm[mid], dim]
        self.split_dim, self.split_val = split_dim, split_val
        leaves = 1 << depth
        bounds = (np.arange(leaves + 1, dtype=np.int64) * n) // leaves
        sizes = np.diff(bounds)
        width = int(sizes.max())
        # leaf j holds perm[bounds[j]:bounds[j+1]]; pad with its first point (same answers)
        offs = np.minimum(np.arange(width)[None, :], (sizes - 1)[:, None]) + bounds[:-1, None]
        self.width = width
        self.leaf_idx = perm[offs].ravel()  # (leaves * width) original indices
        self.leaf_xyz = [np.ascontiguousarray(xyz[self.leaf_idx, d]) for d in range(3)]
        total = 2 * leaves - 1
        first = leaves - 1
        self.lo, self.hi = [], []
        for d in range(3):
            lo, hi = np.empty(total), np.empty(total)
            c = self.leaf_xyz[d].reshape(leaves, width)
            lo[first:], hi[first:] = c.min(axis=1), c.max(axis=1)
            for level in range(depth - 1, -1, -1):
                a, b = (1 << level) - 1, (1 << (level + 1)) - 1
                kids = 2 * np.arange(a, b) + 1
                lo[a:b] = np.minimum(lo[kids], lo[kids + 1])
                hi[a:b] = np.maximum(hi[kids], hi[kids + 1])
            self.lo.append(lo)
            self.hi.append(hi)

    @property
    def nbytes(self) -> int:
        arrays = [self.leaf_idx, self.split_dim, self.split_val, *self.leaf_xyz, *self.lo, *self.hi]
        return sum(a.nbytes for a in arrays)

    def query(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(chord distance, index) of the nearest point for each row of ``q`` (m x 3)."""
        out_d = np.empty(len(q))
        out_i = np.empty(len(q), dtype=np.int64)
        for s in range(0, len(q), _CHUNK):
            out_d[s:s + _CHUNK], out_i[s:s + _CHUNK] = self._query(q[s:s + _CHUNK])
        return out_d, out_i

    def _leaf_nearest(self, leaf: np.ndarray, qc: list[np.ndarray]):
        """Squared distance and index of the nearest point of each (leaf, query) pair."""
        w = self.width
        flat = (leaf[:, None] * w + np.arange(w)).ravel()
        d2 = np.zeros(flat.shape)
        for d in range(3):
            diff = self.leaf_xyz[d].take(flat) - np.repeat(qc[d], w)
            d2 += diff * diff
        d2 = d2.reshape(-1, w)
        j = np.argmin(d2, axis=1)
        rows = np.arange(len(j))
        return d2[rows, j], self.leaf_idx.take(flat.reshape(-1, w)[rows, j])

    def _query(self, q: np.ndarray):
        m = len(q)
        qc = [np.ascontiguousarray(q[:, d]) for d in range(3)]
        first_leaf = (1 << self.depth) - 1
        # 1. descend to the leaf holding each point: its nearest point bounds the answer
        node = np.zeros(m, dtype=np.int64)
        rows = np.arange(m)
        for _ in range(self.depth):
            dim = self.split_dim.take(node)
            val = self.split_val.take(node)
            x = np.choose(dim, qc)
            node = 2 * node + 1 + (x >= val)
        best, idx = self._leaf_nearest(node - first_leaf, qc)
        best = best.copy()
        # 2. walk the tree breadth-first, keeping the boxes nearer than the bound
        qi = rows
        node = np.zeros(m, dtype=np.int64)
        for _ in range(self.depth):
            qi = np.repeat(qi, 2)
            node = (2 * node[:, None] + np.array([1, 2])).ravel()
            mind2 = np.zeros(len(qi))
            maxd2 = np.zeros(len(qi))
            for d in range(3):
                x = qc[d].take(qi)
                below, above = self.lo[d].take(node) - x, x - self.hi[d].take(node)
                far = np.maximum(np.abs(below), np.abs(above))
                maxd2 += far * far
                gap = np.maximum(below, above)
                np.maximum(gap, 0.0, out=gap)
                mind2 += gap * gap
            # a box holds a point no farther than its far corner: a tighter bound for far points
            np.minimum.at(best, qi, maxd2 * (1 + 1e-12))
            keep = mind2 <= best.take(qi)
            qi, node = qi[keep], node[keep]
        if len(qi):
            d2, found = self._leaf_nearest(node - first_leaf, [c.take(qi) for c in qc])
            np.minimum.at(best, qi, d2)
            win = d2 <= best.take(qi)
            idx[qi[win]] = found[win]
        return np.sqrt(best), idx


class _ScipyTree:
    def __init__(self, xyz: np.ndarray) -> None:
        from scipy.spatial import cKDTree
        self.tree = cKDTree(xyz)
        self.nbytes = xyz.nbytes * 2

    def query(self, q: np.ndarray):
        d, i = self.tree.query(q, k=1)
        return d, np.asarray(i, dtype=np.int64)


def _make_tree(xyz: np.ndarray, engine: str = "auto"):
    if engine in ("auto", "scipy"):
        try:
            return _ScipyTree(xyz)
        except ImportError:
            if engine == "scipy":
                raise
    return KDTree3(xyz)


class ReverseIndex:
    """Nearest populated place of a gazetteer (optionally with population >= min_population)."""

    def __init__(self, gazetteer, min_population: int = 0, engine: str = "auto") -> None:
        gaz = gazetteer
        mask = np.asarray(gaz.place_level) == 0
        # a settlement placed at its hromada's point (KATOTTG), or a postal village at its post
        # office's approximate one (often a city's centre: 'Moskva-Mspts'), has no point of its own
        mask &= np.array([source != katottg.SOURCE and not note.endswith(postal.APPROXIMATE_NOTE)
                          for source, note in zip(gaz._pstr["source"], gaz._pstr["note"])], dtype=bool)
        if min_population:
            mask &= np.asarray(gaz.place_pop) >= int(min_population)
        self.rows = np.flatnonzero(mask)
        if len(self.rows) == 0:
            raise ValueError(f"no populated place has population >= {min_population}")
        self.gazetteer = gaz
        self.min_population = int(min_population)
        self.tree = _make_tree(_unit_vectors(gaz.place_lat[self.rows], gaz.place_lon[self.rows]), engine)

    def nearest(self, lats, lons, towns_first: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(rows, distance_km) arrays; row -1 and distance NaN for NaN points. ``towns_first``: a
        place of no known population gives way to a town with people at most
        :data:`SAME_POINT_KM` farther (postal villages placed at a city's centre)."""
        lat, lon = _as_float_array(lats, "lat"), _as_float_array(lons, "lon")
        ok = _check_coords(lat, lon)
        rows = np.full(lat.shape, -1, dtype=np.int64)
        dist = np.full(lat.shape, np.nan)
        if ok.any():
            chord, i = self.tree.query(_unit_vectors(lat[ok], lon[ok]))
            rows[ok] = self.rows[i]
            dist[ok] = _chord_to_km(chord)
            if towns_first and self.min_population == 0:
                self._towns_first(lat, lon, rows, dist)
        return rows, dist

    def _towns_first(self, lat: np.ndarray, lon: np.ndarray, rows: np.ndarray, dist: np.ndarray) -> None:
        """In place: each row of no known population that a town with people at most
        :data:`SAME_POINT_KM` farther replaces."""
        unpeopled = np.flatnonzero((rows >= 0) & (np.asarray(self.gazetteer.place_pop)[rows] == 0))
        if len(unpeopled):
            town_rows, town_dist = get_index(self.gazetteer, 1).nearest(lat[unpeopled], lon[unpeopled])
            better = town_dist <= dist[unpeopled] + SAME_POINT_KM
            rows[unpeopled[better]], dist[unpeopled[better]] = town_rows[better], town_dist[better]


SAME_POINT_KM = 0.5
_indexes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def get_index(gazetteer=None, min_population: int = 0) -> ReverseIndex:
    """The (cached) reverse index of a gazetteer (default gazetteer if None)."""
    if gazetteer is None:
        from ..gazetteer import Gazetteer
        gazetteer = Gazetteer.default(progress=False)
    if min_population is None or (isinstance(min_population, float) and math.isnan(min_population)):
        min_population = 0
    if isinstance(min_population, bool) or not isinstance(min_population, (int, float, np.integer, np.floating)):
        raise ValueError(f"min_population must be a number of people, got {min_population!r}")
    if min_population < 0:
        raise ValueError(f"min_population must be >= 0, got {min_population!r}")
    key = int(min_population)
    with _lock:
        per_gaz = _indexes.setdefault(gazetteer, {})
        idx = per_gaz.get(key)
    if idx is None:
        idx = ReverseIndex(gazetteer, key)
        with _lock:
            idx = per_gaz.setdefault(key, idx)
    return idx


# ---- results ----------------------------------------------------------------------------------
class _Describer:
    """Builds ReverseResults, caching admin/country names per row."""

    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self._cache: dict[int, tuple] = {}

    def info(self, row: int) -> tuple:
        hit = self._cache.get(row)
        if hit is None:
            gaz = self.gaz
            place = gaz.place(row)
            crow = gaz.area_rows().get(("country", place.country_code))
            country = gaz.place(crow).name if crow is not None else ""
            hit = (place.id, place.name, place.lat, place.lon, place.country_code,
                   gaz.admin_name(row, "admin1"), gaz.admin_name(row, "admin2"), country,
                   place.population)
            self._cache[row] = hit
        return hit

    def result(self, row: int, dist: float) -> ReverseResult | None:
        if row < 0:
            return None
        pid, name, lat, lon, cc, a1, a2, country, pop = self.info(row)
        return ReverseResult(id=pid, name=name, lat=lat, lon=lon, distance_km=float(dist),
                             country_code=cc, admin1=a1, admin2=a2, country=country, population=pop)


_describers: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _describer(gaz) -> _Describer:
    with _lock:
        d = _describers.get(gaz)
        if d is None:
            d = _describers[gaz] = _Describer(gaz)
    return d


def _split_point(lat, lon):
    """reverse(lat, lon) or reverse((lat, lon)) / reverse(shapely Point) / reverse('lat, lon')."""
    if lon is not None:
        return lat, lon
    point = lat
    if point is None or (isinstance(point, float) and math.isnan(point)):
        return None, None
    if hasattr(point, "geom_type"):
        if point.geom_type != "Point":
            raise ValueError(f"reverse needs a point, got a {point.geom_type}")
        return point.y, point.x
    if hasattr(point, "latitude") and hasattr(point, "longitude"):  # geopy Point
        return point.latitude, point.longitude
    if isinstance(point, str):
        parts = point.replace(";", ",").split(",")
        if len(parts) == 2 and not any(c.isalpha() or c in "°'′\"″" for c in point):
            return parts[0].strip(), parts[1].strip()
        # degrees, minutes and seconds with their hemispheres ('48°01′N 37°48′E'), as a phrase
        # may write them
        written, rest = coordinates_in(point)
        if written is not None and not rest.strip(" ,;"):
            return written
        raise ValueError(f"point string must be 'lat, lon' or degrees with hemispheres, got {point!r}")
    try:
        a, b = point[:2] if len(point) >= 2 else (None, None)
    except TypeError:
        raise ValueError(f"a point must be (lat, lon), got {point!r}") from None
    if a is None:
        raise ValueError(f"a point must be (lat, lon), got {point!r}")
    return a, b


def nearest(lats, lons, *, min_population: int = 0, gazetteer=None) -> tuple[np.ndarray, np.ndarray]:
    """Vectorized core: (gazetteer rows, distance_km) for arrays of points (-1 / NaN for NaN)."""
    return get_index(gazetteer, min_population).nearest(lats, lons)


def reverse(lat, lon=None, *, min_population: int = 0, gazetteer=None) -> ReverseResult | None:
    """The nearest populated place to a point (``reverse(48.28, 37.18)`` or ``reverse((48.28, 37.18))``).

    Returns None for a NaN point; out-of-range coordinates raise ValueError."""
    lat, lon = _split_point(lat, lon)
    if isinstance(lat, bool) or isinstance(lon, bool):  # (True is 1 to float())
        raise ValueError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}")
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        if lat is None or lon is None:
            return None
        raise ValueError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from None
    idx = get_index(gazetteer, min_population)
    rows, dist = idx.nearest([la], [lo], towns_first=True)
    return _describer(idx.gazetteer).result(int(rows[0]), float(dist[0]))


def reverse_many(lats, lons, *, min_population: int = 0, gazetteer=None) -> list[ReverseResult | None]:
    """Vectorized reverse geocoding of arrays of points (None for NaN points)."""
    idx = get_index(gazetteer, min_population)
    rows, dist = idx.nearest(lats, lons, towns_first=True)
    d = _describer(idx.gazetteer)
    return [d.result(r, x) for r, x in zip(rows.tolist(), dist.tolist())]


_FRAME_FIELDS = ("id", "name", "admin1", "admin2", "country_code", "country", "population",
                 "lat", "lon", "distance_km")


def _numbers(column, name: str, errors: str) -> np.ndarray:
    """A column's values as floats; a value that is no number raises a ValueError naming its row
    (``errors="raise"``) or becomes NaN (``errors="null"``)."""
    import pandas as pd
    values = pd.to_numeric(column, errors="coerce").astype("float64")
    if errors == "raise":
        wrong = values.isna() & column.notna() & column.astype(str).str.strip().ne("")
        if wrong.any():
            at = wrong.to_numpy().nonzero()[0][0]
            raise ValueError(f"column {name!r}, row {column.index[at]!r}: {column.iloc[at]!r} is not a number "
                             "(errors='null' gives such rows nulls)")
    return values.to_numpy()


def reverse_frame(df, lat: str = "lat", lon: str = "lon", prefix: str = "geo_", *,
                  min_population: int = 0, gazetteer=None, errors: str = "raise"):
    """A copy of ``df`` with ``{prefix}id, name, admin1, admin2, country_code, country, population,
    lat, lon, distance_km`` columns for the nearest populated place of each row's point.

    Every row is kept; rows with a missing (NaN/None) point get nulls. Out-of-range points raise
    ValueError, or (``errors="null"``) get nulls too."""
    import pandas as pd
    if errors not in ("raise", "null"):
        raise ValueError("errors must be 'raise' or 'null'")
    for col in (lat, lon):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the frame (columns: {list(df.columns)})")
    from .table import check_unique
    check_unique(df.columns, (lat, lon))
    clash = [prefix + f for f in _FRAME_FIELDS if prefix + f in df.columns]
    if clash:  # (the frame's own columns are never overwritten)
        raise ValueError(f"the frame already has result columns {clash}; pass another prefix=")
    la, lo = (_numbers(df[col], col, errors) for col in (lat, lon))
    if errors == "null":
        bad = (np.abs(la) > 90) | (np.abs(lo) > 180)
        la, lo = la.copy(), lo.copy()
        la[bad] = np.nan
        lo[bad] = np.nan
    idx = get_index(gazetteer, min_population)
    rows, dist = idx.nearest(la, lo, towns_first=True)
    desc = _describer(idx.gazetteer)
    uniq, inverse = np.unique(rows, return_inverse=True)
    table = {f: [] for f in _FRAME_FIELDS[:-1]}
    for r in uniq.tolist():
        info = desc.info(r) if r >= 0 else (None,) * 9
        pid, name, plat, plon, cc, a1, a2, country, pop = info
        for f, v in zip(("id", "name", "admin1", "admin2", "country_code", "country", "population",
                         "lat", "lon"), (pid, name, a1, a2, cc, country, pop, plat, plon)):
            table[f].append(v)
    out = df.copy()
    for f in _FRAME_FIELDS[:-1]:
        vals = np.asarray(table[f], dtype=object)[inverse.ravel()]
        if f in ("id", "population"):
            col = pd.array(vals.tolist(), dtype="Int64")
        elif f in ("lat", "lon"):
            col = pd.to_numeric(pd.Series(vals.tolist(), dtype=object), errors="coerce").to_numpy()
        else:
            col = pd.array(vals.tolist(), dtype="string")
        out[prefix + f] = col
    out[prefix + "distance_km"] = dist
    return out
