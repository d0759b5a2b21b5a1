"""A loaded, read-only gazetteer index: places, their names, and key lookups.

``Gazetteer.default()`` gives the embedded default (built once into the user cache directory,
rebuilt when the source versions or the format change, or when the cache is broken).
``Gazetteer.open(path)`` opens a custom index built with ``geonorm gazetteer build``.
"""
from __future__ import annotations

import pickle
import threading
from pathlib import Path
from typing import NamedTuple

import numpy as np
from rapidfuzz.distance import OSA

from .model import NameKind
from .names.hashing import deletions, hash64, histogram_bound, mask_bound, query_segments, sorted_unique
from .names.keyindex import KeyIndex, range_indices
from .names.keys import fold_key, skeleton_key
from .names.normalize import script_of, to_ascii
from .store import FORMAT_VERSION, KEY_TYPES, LEVELS, index_format, read_meta

_NAME_KINDS = {int(k): k for k in NameKind}  # NameKind(int) is slow (Enum lookup)
_HISTORIC = int(NameKind.HISTORIC)
_ADMIN2 = LEVELS.index("admin2")


def _segment_ids(index: KeyIndex, masks: np.ndarray, key: str, max_dist: int) -> np.ndarray:
    """Ids of the keys of a segment ``index`` sharing a segment with ``key`` whose letter
    ``masks`` allow ``max_dist`` edits."""
    hashes = np.fromiter((hash64(s) for s in query_segments(key, max_dist)), dtype=np.uint64)
    ids = sorted_unique(index.get_many(hashes))
    return ids[mask_bound(masks[ids], key) <= max_dist]


_RECORD_CACHE_SIZE = 200_000  # records kept per kind (cleared when full)


def _remember(cache: dict, row: int, record):
    """Keep ``record`` in ``cache`` under ``row`` (emptied when full) and return it."""
    if len(cache) > _RECORD_CACHE_SIZE:
        cache.clear()
    cache[row] = record
    return record


class GazetteerError(RuntimeError):
    """The index is missing, corrupt or cannot be built."""


class PlaceRecord(NamedTuple):
    """A place as stored in the index (``row`` is its position in this index). Immutable; a
    named tuple because records are made per candidate (six times cheaper than a frozen
    dataclass)."""

    row: int
    id: int
    name: str
    ascii_name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    level: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int
    timezone: str
    iso_code: str
    source: str
    note: str


class NameRecord(NamedTuple):
    """One indexed name form of a place (immutable)."""

    row: int
    text: str
    place_row: int
    kind: NameKind
    lang: str
    scheme: str  # romanization scheme that produced this form ('' = from the source)
    original: str  # the non-Latin name it was romanized from ('' if none)
    valid_from: int  # yyyymmdd, 0 = unknown (yyyy0000 when only the year is known)
    valid_to: int
    source: str


class Gazetteer:
    """Read-only access to an index directory."""

    def __init__(self, directory: Path) -> None:
        directory = Path(directory)
        meta = read_meta(directory)
        if meta is None:
            built = index_format(directory)
            if built is not None and built != FORMAT_VERSION:
                raise GazetteerError(
                    f"the geonorm index at {directory} has format {built}; this geonorm reads format "
                    f"{FORMAT_VERSION}: build it again from its sources (geonorm gazetteer build)")
            raise GazetteerError(f"no complete geonorm index at {directory}")
        self.meta = meta
        self.path = directory
        try:
            self._load(directory)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, KeyError) as exc:
            raise GazetteerError(f"corrupt geonorm index at {directory}: {exc}") from exc
        self._area_cache: dict | None = None
        self._place_cache: dict[int, PlaceRecord] = {}
        self._form_cache: dict[int, NameRecord] = {}
        self._iso_cache: dict[str, list[int]] | None = None
        self._old_name_places: frozenset[int] | None = None
        self._lock = threading.Lock()

    def _load(self, d: Path) -> None:
        # memory-mapped, viewed as plain ndarrays (indexing a np.memmap is ~40x slower)
        load = lambda name: np.asarray(np.load(d / f"{name}.npy", mmap_mode="r"))  # noqa: E731
        self.place_id = np.asarray(load("place_id"))
        self.place_lat = np.asarray(load("place_lat"))
        self.place_lon = np.asarray(load("place_lon"))
        self.place_pop = np.asarray(load("place_pop"))
        self.place_parent = np.asarray(load("place_parent"))
        self.place_level = np.asarray(load("place_level"))
        self.place_form_start = load("place_form_start")
        self.form_place = load("form_place")
        self.form_kind = load("form_kind")
        self.form_lang = load("form_lang")
        self.form_scheme = load("form_scheme")
        self.form_source = load("form_source")
        self.form_from = load("form_from")
        self.form_to = load("form_to")
        self.form_orig = load("form_orig")
        self.foldkey_start = load("foldkey_start")
        self.foldkey_forms = load("foldkey_forms")
        self.foldkey_hist = load("foldkey_hist")
        self.foldkey_mask = load("foldkey_mask")
        self.wkey_start = load("wkey_start")
        self.wkey_forms = load("wkey_forms")
        self.wkey_mask = load("wkey_mask")
        self.wkey_text = load("wkey_text")  # each key's UTF-8 and a NUL, from wkey_offsets[i]
        self.wkey_offsets = load("wkey_offsets")
        self.keys = {kt: KeyIndex.load(d, kt) for kt in KEY_TYPES}
        self.deletion = KeyIndex.load(d, "deletion")
        self.segment = KeyIndex.load(d, "segment")
        self.written_segment = KeyIndex.load(d, "wsegment")
        with open(d / "strings.pkl", "rb") as fh:
            s = pickle.load(fh)
        self._pstr = s["place"]
        text = s["form_text"]
        self.form_text = text.split("\x00") if text else []
        self.fold_keys = s["fold_keys"].split("\x00") if s["fold_keys"] else []
        self.lang_vocab = s["lang_vocab"]
        self.scheme_vocab = s["scheme_vocab"]
        self.source_vocab = s["source_vocab"]
        if len(self.form_text) != len(self.form_place) or len(self._pstr["name"]) != len(self.place_id):
            raise ValueError("column lengths disagree")

    # ---- construction ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> "Gazetteer":
        return cls(Path(path))

    @classmethod
    def default(cls, progress: bool = True) -> "Gazetteer":
        from .default import default_gazetteer
        return default_gazetteer(progress=progress)

    # ---- places ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.place_id)

    def row_of(self, place_id: int | str) -> int | None:
        """The row of the place with this id, or None. An id read from a file as text
        ('704422') is the same id; anything that is no whole number (None, NaN, 'abc') is none."""
        if isinstance(place_id, str):
            place_id = place_id.strip()
            if not place_id.isdigit():
                return None
        try:
            pid = int(place_id)
            if pid != place_id and not isinstance(place_id, str):
                return None  # 704422.5
        except (TypeError, ValueError, OverflowError):
            return None
        if not -2**63 <= pid < 2**63:
            return None
        i = int(np.searchsorted(self.place_id, pid))
        return i if i < len(self.place_id) and int(self.place_id[i]) == pid else None

    def place(self, row: int) -> PlaceRecord:
        """The place at ``row`` (records are cached: candidates repeat across queries)."""
        hit = self._place_cache.get(row)
        return hit if hit is not None else _remember(self._place_cache, row, self._make_place(row))

    def _make_place(self, row: int) -> PlaceRecord:
        if isinstance(row, bool) or not isinstance(row, (int, np.integer)) or not 0 <= row < len(self.place_id):
            raise IndexError(f"no place row {row!r} (rows are 0 to {len(self.place_id) - 1}; get(id) finds a place by id)")
        s = self._pstr
        return PlaceRecord(
            row=row, id=int(self.place_id[row]), name=s["name"][row],
            ascii_name=s["ascii_name"][row], lat=float(self.place_lat[row]),
            lon=float(self.place_lon[row]), feature_class=s["feature_class"][row],
            feature_code=s["feature_code"][row], level=LEVELS[int(self.place_level[row])],
            country_code=s["country_code"][row], admin1_code=s["admin1_code"][row],
            admin2_code=s["admin2_code"][row], population=int(self.place_pop[row]),
            timezone=s["timezone"][row], iso_code=s["iso_code"][row], source=s["source"][row],
            note=s["note"][row])

    def get(self, place_id: int | str) -> PlaceRecord | None:
        """The place with this id (GeoNames id for GeoNames places; as a number or its digits),
        or None."""
        row = self.row_of(place_id)
        return None if row is None else self.place(row)

    def parent(self, row: int) -> int | None:
        p = int(self.place_parent[row])
        return None if p < 0 else p

    def parents(self, row: int) -> list[PlaceRecord]:
        """Parent chain, nearest first: Pokrovsk -> Pokrovsk Raion -> Donetsk Oblast -> Ukraine."""
        out, seen = [], {row}
        p = self.parent(row)
        while p is not None and p not in seen:
            seen.add(p)
            out.append(self.place(p))
            p = self.parent(p)
        return out

    def admin2_row(self, row: int) -> int | None:
        """Row of the second-level area the place is in (itself when it is one), or None."""
        for _ in range(3):
            if int(self.place_level[row]) == _ADMIN2:
                return row
            row = int(self.place_parent[row])
            if row < 0:
                return None
        return None

    def country_code_of(self, row: int) -> str:
        return self._pstr["country_code"][row]

    def admin1_code_of(self, row: int) -> str:
        return self._pstr["admin1_code"][row]

    def country_codes(self) -> frozenset[str]:
        """The country codes of the places the gazetteer holds (cached)."""
        codes = self.__dict__.get("_country_codes")
        if codes is None:
            codes = self.__dict__["_country_codes"] = frozenset(self._pstr["country_code"]) - {""}
        return codes

    def area_rows(self) -> dict:
        """{('country', cc) | ('admin1', cc, a1) | ('admin2', cc, a1, a2): row} (cached)."""
        if self._area_cache is None:
            cache = {}
            cc, a1, a2 = self._pstr["country_code"], self._pstr["admin1_code"], self._pstr["admin2_code"]
            for row in np.nonzero(np.isin(self.place_level, [LEVELS.index("country"),
                                                             LEVELS.index("admin1"),
                                                             LEVELS.index("admin2")]))[0].tolist():
                level = LEVELS[int(self.place_level[row])]
                if level == "country":
                    cache.setdefault(("country", cc[row]), row)
                elif level == "admin1":
                    cache.setdefault(("admin1", cc[row], a1[row]), row)
                elif a2[row]:  # (a county made of districts has no code of its own: no
                    # town names it as its admin2 by code)
                    cache.setdefault(("admin2", cc[row], a1[row], a2[row]), row)
            self._area_cache = cache
        return self._area_cache

    def areas_with_code(self, code: str) -> list[int]:
        """Rows of countries and admin areas whose ISO 3166 code is ``code`` ('UA', 'UA-14')."""
        if self._iso_cache is None:
            index: dict[str, list[int]] = {}
            iso = self._pstr["iso_code"]
            for row in self.area_rows().values():
                if iso[row]:
                    index.setdefault(iso[row].upper(), []).append(row)
            self._iso_cache = index
        return self._iso_cache.get(code.upper(), [])

    def admin_name(self, row: int, level: str) -> str:
        """Name of the place's admin1/admin2 area ('' when unknown)."""
        s = self._pstr
        cc, a1 = s["country_code"][row], s["admin1_code"][row]
        key = ("admin1", cc, a1) if level == "admin1" else ("admin2", cc, a1, s["admin2_code"][row])
        r = self.area_rows().get(key)
        return self._pstr["name"][r] if r is not None else ""

    # ---- names ----------------------------------------------------------------------------
    def form(self, row: int) -> NameRecord:
        """The name form at ``row`` (records are cached like places: answers repeat)."""
        hit = self._form_cache.get(row)
        return hit if hit is not None else _remember(self._form_cache, row, self._make_form(row))

    def _make_form(self, row: int) -> NameRecord:
        orig = int(self.form_orig[row])
        return NameRecord(
            row=row, text=self.form_text[row], place_row=int(self.form_place[row]),
            kind=_NAME_KINDS[int(self.form_kind[row])], lang=self.lang_vocab[int(self.form_lang[row])],
            scheme=self.scheme_vocab[int(self.form_scheme[row])],
            original=self.form_text[orig] if orig >= 0 else "",
            valid_from=int(self.form_from[row]), valid_to=int(self.form_to[row]),
            source=self.source_vocab[int(self.form_source[row])])

    def old_name_spelt_as(self, form_row: int) -> NameRecord | None:
        """The old name of a place that an undated alternate spells another way: GeoNames'
        'Artyomovsk' for Bakhmut is Artemovsk, its name until 2016. A dated or historic name of
        the same place with the same consonant frame (``skeleton_key``), when the place's own
        name has another frame and the old name is not the own name again; None otherwise."""
        if _NAME_KINDS[int(self.form_kind[form_row])] not in (NameKind.ALTERNATE, NameKind.ROMANIZED) \
                or int(self.form_from[form_row]) or int(self.form_to[form_row]):
            return None
        row = int(self.form_place[form_row])
        if row not in self._places_with_old_names():
            return None
        text, name = self.form_text[form_row], self._pstr["name"][row]
        frame = skeleton_key(text)
        if not frame or frame == skeleton_key(name):
            return None
        a, b = int(self.place_form_start[row]), int(self.place_form_start[row + 1])
        old = np.flatnonzero((np.asarray(self.form_to[a:b]) > 0) | (np.asarray(self.form_kind[a:b]) == _HISTORIC))
        twins = [r for r in (a + old).tolist()
                 if skeleton_key(self.form_text[r]) == frame and fold_key(self.form_text[r]) != fold_key(name)]
        if not twins:
            return None
        # the old name as written in the same script, and the closest spelling of those
        script = script_of(text)
        return self.form(min(twins, key=lambda r: (script_of(self.form_text[r]) != script,
                                                   OSA.distance(to_ascii(text), to_ascii(self.form_text[r])))))

    def _places_with_old_names(self) -> frozenset:
        """Rows of the places with a dated or historic name (a few hundred; made on first use)."""
        if self._old_name_places is None:
            old = (np.asarray(self.form_to) > 0) | (np.asarray(self.form_kind) == _HISTORIC)
            self._old_name_places = frozenset(np.asarray(self.form_place)[old].tolist())
        return self._old_name_places

    def has_airport_code(self, row: int) -> bool:
        """Is one of the place's names three capital letters, as a town's airport code among
        GeoNames' alternate names is ('DOK' of Donetsk, 'SDF' of Louisville)?"""
        a, b = int(self.place_form_start[row]), int(self.place_form_start[row + 1])
        return any(len(t) == 3 and t.isupper() and t.isalpha() and t.isascii()
                   for t in (self.form_text[r] for r in range(a, b)))

    def names_of(self, row: int) -> list[NameRecord]:
        """Every indexed name form of a place (source names and generated romanizations)."""
        self.place(row)  # (an IndexError for a row that is none)
        a, b = int(self.place_form_start[row]), int(self.place_form_start[row + 1])
        return [self.form(r) for r in range(a, b)]

    def lookup(self, key_type: str, key: str) -> np.ndarray:
        """Form rows whose ``key_type`` key ('exact', 'fold', 'skeleton') equals ``key``."""
        return self.keys[key_type].get(key)

    def fuzzy_keys(self, fold: str) -> list[int]:
        """Ids of indexed fold keys within one deletion of ``fold`` on each side (SymSpell)."""
        return self.keys_or_deletions(deletions(fold))

    def keys_or_deletions(self, keys) -> list[int]:
        """Ids of indexed fold keys equal to one of ``keys`` or one deletion from it."""
        hashes = np.fromiter((hash64(k) for k in keys), dtype=np.uint64)
        return sorted_unique(self.deletion.get_many(hashes)).tolist()

    def segment_keys(self, fold: str, max_dist: int = 2) -> np.ndarray:
        """Ids of indexed fold keys that share a pigeonhole segment with ``fold`` and whose letter
        counts allow ``max_dist`` edits: a superset of the keys within ``max_dist`` (<= 2) edits
        of it; at three edits, of those that leave one of the three segments whole (verify the
        distance before use)."""
        ids = _segment_ids(self.segment, self.foldkey_mask, fold, max_dist)
        return ids[histogram_bound(self.foldkey_hist[ids], fold) <= max_dist]

    def forms_of_fold_key(self, key_id: int) -> np.ndarray:
        return self.foldkey_forms[int(self.foldkey_start[key_id]):int(self.foldkey_start[key_id + 1])]

    def written_segment_keys(self, written: str, max_dist: int = 2) -> np.ndarray:
        """Ids of indexed written keys (:func:`~geonorm.names.keys.written_key`) that share a
        pigeonhole segment with ``written`` and whose letters allow ``max_dist`` (<= 2) edits: a
        superset of those within ``max_dist`` edits (verify the distance before use)."""
        return _segment_ids(self.written_segment, self.wkey_mask, written, max_dist)

    def written_keys_of(self, key_ids: np.ndarray) -> list[str]:
        """The written keys of ``key_ids`` (read from the memory-mapped text: a list of all 1 M
        would hold ~75 MB)."""
        off = self.wkey_offsets
        if not len(key_ids):
            return []
        at = range_indices(off[key_ids], off[key_ids + 1] - off[key_ids])
        return self.wkey_text[at].tobytes().decode("utf-8").split("\x00")[:-1]

    def forms_of_written_key(self, key_id: int) -> np.ndarray:
        return self.wkey_forms[int(self.wkey_start[key_id]):int(self.wkey_start[key_id + 1])]

    def stats(self) -> dict:
        return {"places": len(self), "names": len(self.form_text), **{
            k: self.meta.get(k) for k in ("sources", "versions", "build_seconds", "fuzzy_keys", "written_keys",
                                          "deletion_entries", "reports", "noise")}}
