"""Build the persisted index from places, and load it back.

Layout of an index directory (all written to a temporary directory, then renamed: atomic):

* ``meta.json``       format version, source versions, counts, reports; written last
* ``places.pkl``      per-place string columns (name, ascii name, codes, timezone, note, source)
* ``*.npy``           numeric place columns, the name-form table and the key indexes
  (sorted 64-bit hashes -> rows, memory-mapped on load)

A name *form* is one indexed string of a place: a source name, or a romanization geonorm
generated from a non-Latin name (kind ``romanized``, with its scheme and the original name).
"""
from __future__ import annotations

import json
import math
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from anyascii import anyascii
from tqdm import tqdm

from .model import NameKind, Place, date_int, feature_level
from .names.hashing import (SEGMENT_MIN_LEN, deletion_hashes, hash_array, letter_histograms, letter_masks,
                             segments)
from .names.keyindex import KeyIndex
from .names.keys import fold_ascii, skeleton_of_fold, written_key_of_normalized
from .names.normalize import code_like, normalize, script_of
from .names.romanize import romanizations

# 24: a code in capitals and a name written alike are both kept ('ROM', 'Rom'); Latin alternates
#     with a twin written with diacritics are no machine romanizations ('Kiew' beside 'Kʻiew')
# 23: cities500 names dropped as romanizations are given back when the town's area bears them;
#     a first-level area under a province the index lacks (Irish counties) has a code of its own;
# 22: postal villages of sparse regions take the first-level area of a farther town;
# 21: Cyrillic names romanized first (their schemes claim a shared spelling)
FORMAT_VERSION = 24
_CYRILLIC_SCHEME_COUNTRIES = ("UA", "RU", "BY")  # where the Ukrainian and Russian schemes are the national ones
LEVELS = ["populated place", "admin1", "admin2", "admin3", "admin", "country", "continent",
          "region", "other"]
KEY_TYPES = ("exact", "fold", "skeleton")
# Scripts whose names get generated Latin forms in the index. Arabic, Hebrew and CJK names are
# not romanized into the index: their machine romanizations ("krasnwarmysk") are the noise we
# drop from GeoNames; queries in those scripts match the original script or Latin names.
INDEXED_ROMANIZATION_SCRIPTS = ("cyrillic", "greek", "georgian", "armenian")
# which kind wins when one place has the same normalized string more than once
_KIND_RANK = {NameKind.OFFICIAL: 0, NameKind.PREFERRED: 1, NameKind.HISTORIC: 2,
              NameKind.ABBREVIATION: 3, NameKind.SHORT: 4, NameKind.ALTERNATE: 5,
              NameKind.COLLOQUIAL: 6, NameKind.ROMANIZED: 7}
PLACE_STR_COLS = ("name", "ascii_name", "feature_class", "feature_code", "country_code",
                  "admin1_code", "admin2_code", "timezone", "iso_code", "source", "note")


class _Forms:
    """Accumulates the name-form table during a build."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.place: list[int] = []
        self.kind: list[int] = []
        self.lang: list[str] = []
        self.scheme: list[str] = []
        self.orig: list[int] = []
        self.valid_from: list[int] = []
        self.valid_to: list[int] = []
        self.source: list[str] = []

    def add(self, text, place, kind, lang, scheme, orig, vf, vt, source) -> int:
        self.text.append(text)
        self.place.append(place)
        self.kind.append(int(kind))
        self.lang.append(lang)
        self.scheme.append(scheme)
        self.orig.append(orig)
        self.valid_from.append(vf)
        self.valid_to.append(vt)
        self.source.append(source)
        return len(self.text) - 1


def _codes(values: list[str]) -> tuple[np.ndarray, list[str]]:
    vocab = sorted(set(values))
    lookup = {v: i for i, v in enumerate(vocab)}
    return np.array([lookup[v] for v in values], dtype=np.int32), vocab


def _fold_of_norm(norm: str) -> str:
    """Fold key of a normalized string (equal to ``fold_ascii(to_ascii(text))`` for any
    ``text`` with ``normalize(text) == norm``)."""
    return fold_ascii(norm if norm.isascii() else normalize(anyascii(norm)))


def _analyse_names(pairs: list[tuple[str, str]]) -> list[tuple]:
    """Per (text, lang): (norm, fold, romanizations as [(scheme, roman, rnorm, rfold)]).

    Pure function of its input, run in worker processes. Only names with a non-empty
    normalized form in one of ``INDEXED_ROMANIZATION_SCRIPTS`` are romanized."""
    out = []
    for text, lang in pairs:
        norm = normalize(text)
        if not norm:
            out.append(("", "", ()))
            continue
        romans = ()
        if not text.isascii() and script_of(text) in INDEXED_ROMANIZATION_SCRIPTS:
            romans = []
            for scheme, roman in romanizations(text, lang):
                rnorm = normalize(roman)
                romans.append((scheme, roman, rnorm, _fold_of_norm(rnorm) if rnorm else ""))
        out.append((norm, _fold_of_norm(norm), romans))
    return out


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _map(pool: ProcessPoolExecutor | None, fn, items: list, size: int) -> list:
    """``[fn(chunk) for chunk in chunks]`` flattened, in order; in ``pool`` when given."""
    parts = pool.map(fn, _chunks(items, size)) if pool is not None else map(fn, _chunks(items, size))
    return [x for part in parts for x in part]


def _deletion_chunk(args: tuple[list[str], int]) -> tuple[np.ndarray, np.ndarray]:
    keys, offset = args
    hashes, ids = deletion_hashes(keys)
    return hashes, ids + np.int32(offset)


def _deletion_index(pool: ProcessPoolExecutor | None, fold_sorted: list[str]) -> KeyIndex:
    """Hashes of every distance-1 deletion of each fold key -> the key's number."""
    size = max(1, -(-len(fold_sorted) // 8))
    jobs = [(fold_sorted[i:i + size], i) for i in range(0, len(fold_sorted), size)]
    parts = list(pool.map(_deletion_chunk, jobs) if pool is not None else map(_deletion_chunk, jobs))
    hashes = np.concatenate([h for h, _ in parts]) if parts else np.empty(0, dtype=np.uint64)
    ids = np.concatenate([i for _, i in parts]) if parts else np.empty(0, dtype=np.int32)
    return KeyIndex.build(hashes, ids)  # ids ascending: stable sort keeps the per-key order


def _segment_index(keys_sorted: list[str]) -> KeyIndex:
    """The pigeonhole segments of each key (fold or written; length >= SEGMENT_MIN_LEN) -> the key's number."""
    texts, ids = [], []
    for i, k in enumerate(keys_sorted):
        if len(k) >= SEGMENT_MIN_LEN:
            texts.extend(segments(k))
            ids.extend((i, i, i))
    return KeyIndex.build(hash_array(texts), np.asarray(ids, dtype=np.int32))


def _pool() -> ProcessPoolExecutor | None:
    """Worker processes for the pure per-string work of a build (None on one CPU)."""
    workers = min(4, os.cpu_count() or 1)
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 else None


def _add_place_forms(forms: _Forms, row: int, place: Place, info: dict) -> None:
    """Add the name forms of one place: its distinct names, then their romanizations.

    ``info`` maps (text, lang) to the output of :func:`_analyse_names`."""
    best: dict[str, tuple[int, int]] = {}  # normalized -> (rank, form row)
    codes: dict[str, tuple[int, int]] = {}  # the same for codes in capitals ('ROM', beside 'Rom')
    for name in place.names:
        text = (name.name or "").strip()
        norm = info[text, name.lang][0]
        if not norm:
            continue
        rank = _KIND_RANK[name.kind] - (1 if name.valid_to else 0)
        # a code and a name written alike are two names: the airport code 'ROM' stands for Rome
        # only in capitals, the German 'Rom' in any case
        kept = codes if code_like(text) else best
        prev = kept.get(norm)
        if prev is not None and prev[0] <= rank:
            continue
        fr = forms.add(text, row, name.kind, name.lang, "", -1, date_int(name.valid_from),
                       date_int(name.valid_to), name.source)
        if prev is not None:
            forms.place[prev[1]] = -1  # superseded: dropped when the table is finalized
        kept[norm] = (rank, fr)
    # (in Ukraine, Russia and Belarus the Cyrillic names first: a spelling their named schemes make
    # and anyascii makes of another script too is the scheme's, 'Sloviansk' Ukrainian national
    # 2010 from Слов'янськ, not anyascii from the Greek Σλοβιάνσκ; elsewhere a Cyrillic exonym's
    # romanization is the lesser reading: 'Rakka' stays anyascii's)
    cyrillic_first = place.country_code in _CYRILLIC_SCHEME_COUNTRIES
    for norm, (_, fr) in sorted(best.items(), key=lambda kv: cyrillic_first and script_of(forms.text[kv[1][1]]) != "cyrillic"):
        text = forms.text[fr]
        if text.isascii():
            continue
        for scheme, roman, rnorm, _ in info[text, forms.lang[fr]][2]:
            if not rnorm or rnorm in best:
                continue
            rr = forms.add(roman, row, NameKind.ROMANIZED, "", scheme, fr, forms.valid_from[fr],
                           forms.valid_to[fr], forms.source[fr])
            best[rnorm] = (_KIND_RANK[NameKind.ROMANIZED], rr)


def build_index(places: Iterable[Place], out_dir: Path, meta: dict, progress: bool = True) -> dict:
    """Write an index for ``places`` into ``out_dir`` atomically; returns the meta dict."""
    t0 = time.time()
    places = list(places)
    located = [p for p in places if not (math.isnan(p.lat) or math.isnan(p.lon))]
    meta = dict(meta, places_without_point_dropped=len(places) - len(located))
    places = sorted(located, key=lambda p: p.id)
    n = len(places)
    ids = np.array([p.id for p in places], dtype=np.int64)
    # parents: populated place -> admin2 -> admin1 -> country
    countries, admin1, admin2 = {}, {}, {}
    for i, p in enumerate(places):
        if p.feature_code in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR", "PCLIX"):
            countries.setdefault(p.country_code, i)
        elif p.feature_code == "ADM1":
            admin1.setdefault((p.country_code, p.admin1_code), i)
        elif p.feature_code == "ADM2":
            admin2.setdefault((p.country_code, p.admin1_code, p.admin2_code), i)
    parent = np.full(n, -1, dtype=np.int32)
    for i, p in enumerate(places):
        code = p.feature_code
        cands = []
        if code not in ("ADM1", "ADM2", "CONT") and not code.startswith("PCL"):
            cands.append(admin2.get((p.country_code, p.admin1_code, p.admin2_code)))
        if code != "ADM1" and code != "CONT" and not code.startswith("PCL"):
            cands.append(admin1.get((p.country_code, p.admin1_code)))
        if code != "CONT" and not code.startswith("PCL"):
            cands.append(countries.get(p.country_code))
        parent[i] = next((c for c in cands if c is not None and c != i), -1)

    pool = _pool()
    try:
        return _build(places, parent, ids, out_dir, meta, progress, pool, t0)
    finally:
        if pool is not None:
            pool.shutdown()


def _name_info(pool: ProcessPoolExecutor | None, places: list[Place]) -> dict:
    """(text, lang) -> :func:`_analyse_names` output, for every distinct name of ``places``."""
    pairs = list(dict.fromkeys(((name.name or "").strip(), name.lang)
                               for p in places for name in p.names))
    return dict(zip(pairs, _map(pool, _analyse_names, pairs, 20000)))


def _build(places: list[Place], parent: np.ndarray, ids: np.ndarray, out_dir: Path, meta: dict,
           progress: bool, pool: ProcessPoolExecutor | None, t0: float) -> dict:
    n = len(places)
    info = _name_info(pool, places)
    forms = _Forms()
    it = tqdm(enumerate(places), total=n, desc="geonorm: names", unit=" places", disable=not progress,
              mininterval=1.0)
    for i, p in it:
        _add_place_forms(forms, i, p, info)
    keep = np.array([pl >= 0 for pl in forms.place], dtype=bool)
    # renumber forms (drop superseded), keeping 'orig' links consistent
    new_row = np.cumsum(keep) - 1
    sel = np.nonzero(keep)[0]
    text = [forms.text[j] for j in sel]
    orig = np.array([new_row[forms.orig[j]] if forms.orig[j] >= 0 else -1 for j in sel], dtype=np.int32)
    f_place = np.array([forms.place[j] for j in sel], dtype=np.int32)
    order = np.argsort(f_place, kind="stable")  # forms grouped by place
    inv = np.empty_like(order)
    inv[order] = np.arange(len(order))
    text = [text[j] for j in order]
    f_place = f_place[order]
    orig = np.where(orig[order] >= 0, inv[np.maximum(orig[order], 0)], -1).astype(np.int32)
    sel = sel[order]
    f_kind = np.array([forms.kind[j] for j in sel], dtype=np.int8)
    f_lang, lang_vocab = _codes([forms.lang[j] for j in sel])
    f_scheme, scheme_vocab = _codes([forms.scheme[j] for j in sel])
    f_source, source_vocab = _codes([forms.source[j] for j in sel])
    f_from = np.array([forms.valid_from[j] for j in sel], dtype=np.int32)
    f_to = np.array([forms.valid_to[j] for j in sel], dtype=np.int32)
    place_form_start = np.searchsorted(f_place, np.arange(n + 1)).astype(np.int32)

    # key indexes: normalized form and fold key of every form (the skeleton derives from the fold)
    m = len(text)
    rows = np.arange(m, dtype=np.int32)
    keys_of: dict[str, tuple[str, str]] = {}  # form text -> (norm, fold)
    for (t, _), (norm, fold, romans) in info.items():
        keys_of[t] = (norm, fold)
        for _, roman, rnorm, rfold in romans:
            keys_of[roman] = (rnorm, rfold)
    del info
    exact = [keys_of[t][0] for t in text]
    fold = [keys_of[t][1] for t in text]
    del keys_of
    skel_of = {f: skeleton_of_fold(f) for f in set(fold)}
    key_lists = {"exact": exact, "fold": fold, "skeleton": [skel_of[f] for f in fold]}

    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=out_dir.parent))
    try:
        # deletion index over distinct fold keys (Latin only, length >= 4)
        fold_sorted = sorted(set(k for k in fold if len(k) >= 4 and k.isascii()))
        deletion = _deletion_index(pool, fold_sorted)
        for kt in KEY_TYPES:
            KeyIndex.build(hash_array(key_lists[kt]), rows).save(tmp, kt)
        deletion.save(tmp, "deletion")
        segment = _segment_index(fold_sorted)
        segment.save(tmp, "segment")
        hists = letter_histograms(fold_sorted)
        np.save(tmp / "foldkey_hist.npy", hists)
        np.save(tmp / "foldkey_mask.npy", letter_masks(hists))
        fk_start, fk_forms = _forms_of_keys(fold_sorted, fold)
        np.save(tmp / "foldkey_start.npy", fk_start)
        np.save(tmp / "foldkey_forms.npy", fk_forms)
        # the typo search's second index: each Latin or Cyrillic name as written (a slip inside
        # a letter group the fold rewrites moves the fold key further than the slip itself)
        written = [written_key_of_normalized(k) for k in exact]
        written_sorted = sorted({k for k in written if len(k) >= SEGMENT_MIN_LEN})
        written_segment = _segment_index(written_sorted)
        written_segment.save(tmp, "wsegment")
        np.save(tmp / "wkey_mask.npy", letter_masks(letter_histograms(written_sorted)))
        encoded = [k.encode("utf-8") + b"\x00" for k in written_sorted]
        np.save(tmp / "wkey_text.npy", np.frombuffer(b"".join(encoded), dtype=np.uint8))
        np.save(tmp / "wkey_offsets.npy", np.concatenate(([0], np.cumsum([len(b) for b in encoded]))).astype(np.int64))
        wk_start, wk_forms = _forms_of_keys(written_sorted, written)
        np.save(tmp / "wkey_start.npy", wk_start)
        np.save(tmp / "wkey_forms.npy", wk_forms)

        np.save(tmp / "place_id.npy", ids)
        np.save(tmp / "place_lat.npy", np.array([p.lat for p in places], dtype=np.float64))
        np.save(tmp / "place_lon.npy", np.array([p.lon for p in places], dtype=np.float64))
        np.save(tmp / "place_pop.npy", np.array([p.population for p in places], dtype=np.int64))
        np.save(tmp / "place_parent.npy", parent)
        np.save(tmp / "place_level.npy", np.array(
            [LEVELS.index(feature_level(p.feature_class, p.feature_code)) for p in places], dtype=np.int8))
        np.save(tmp / "place_form_start.npy", place_form_start)
        for col, arr in (("place", f_place), ("kind", f_kind), ("lang", f_lang), ("scheme", f_scheme),
                         ("source", f_source), ("from", f_from), ("to", f_to), ("orig", orig)):
            np.save(tmp / f"form_{col}.npy", arr)
        strings = {
            "place": {col: [getattr(p, col) for p in places] for col in PLACE_STR_COLS},
            "form_text": "\x00".join(text),
            "fold_keys": "\x00".join(fold_sorted),
            "lang_vocab": lang_vocab, "scheme_vocab": scheme_vocab, "source_vocab": source_vocab,
        }
        with open(tmp / "strings.pkl", "wb") as fh:
            pickle.dump(strings, fh, protocol=pickle.HIGHEST_PROTOCOL)
        meta = dict(meta, format_version=FORMAT_VERSION, places=n, names=m,
                    fuzzy_keys=len(fold_sorted), deletion_entries=len(deletion), segment_entries=len(segment),
                    written_keys=len(written_sorted), written_segment_entries=len(written_segment),
                    build_seconds=round(time.time() - t0, 1), complete=True)
        with open(tmp / "meta.json", "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=1, ensure_ascii=False)
        if out_dir.exists():
            old = out_dir.with_name(out_dir.name + f".old-{os.getpid()}")
            os.replace(out_dir, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return meta


def _forms_of_keys(keys_sorted: list[str], form_keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """CSR lists of the form rows of each of ``keys_sorted`` (``form_keys``: the key of each
    form): (start offsets, form rows ascending)."""
    key_id = {k: i for i, k in enumerate(keys_sorted)}
    fid = np.fromiter((key_id.get(k, -1) for k in form_keys), dtype=np.int64, count=len(form_keys))
    rows = np.flatnonzero(fid >= 0)
    fid = fid[rows]
    order = np.argsort(fid, kind="stable")
    fk_start = np.zeros(len(keys_sorted) + 1, dtype=np.int64)
    fk_start[1:] = np.cumsum(np.bincount(fid, minlength=len(keys_sorted)))
    return fk_start, rows[order].astype(np.int32)


def _meta_json(directory: Path) -> dict | None:
    try:
        with open(directory / "meta.json", encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def read_meta(directory: Path) -> dict | None:
    """The index's meta.json, or None when missing, unreadable, incomplete or of another format."""
    meta = _meta_json(directory)
    if meta is None or not meta.get("complete") or meta.get("format_version") != FORMAT_VERSION:
        return None
    return meta


def index_format(directory: Path) -> int | None:
    """The format version a complete index at ``directory`` was built with (None: no such index)."""
    meta = _meta_json(directory)
    return meta.get("format_version") if meta is not None and meta.get("complete") else None
