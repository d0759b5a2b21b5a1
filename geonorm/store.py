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
from pathlib import Path

import numpy as np
from tqdm import tqdm

from .model import NameKind, Place, feature_level
from .names.hashing import deletions, hash_array, hash64
from .names.keyindex import KeyIndex
from .names.keys import fold_ascii, skeleton_of_fold
from .names.normalize import normalize, script_of, to_ascii
from .names.romanize import romanizations

FORMAT_VERSION = 5
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


def _date_int(text: str) -> int:
    """'2016-05-12' -> 20160512, '2016' -> 20160000, '' -> 0."""
    digits = "".join(ch for ch in (text or "") if ch.isdigit())
    if not digits:
        return 0
    return int((digits + "0000")[:8])


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


class _Memo(dict):
    """Memoized normalization during a build (names repeat across places)."""

    def __missing__(self, text: str) -> str:
        value = self[text] = normalize(text)
        return value


def _add_place_forms(forms: _Forms, row: int, place: Place, norm_of: _Memo) -> None:
    best: dict[str, tuple[int, int]] = {}  # normalized -> (rank, form row)
    for name in place.names:
        text = (name.name or "").strip()
        norm = norm_of[text]
        if not norm:
            continue
        rank = _KIND_RANK[name.kind] - (1 if name.valid_to else 0)
        prev = best.get(norm)
        if prev is not None and prev[0] <= rank:
            continue
        fr = forms.add(text, row, name.kind, name.lang, "", -1, _date_int(name.valid_from),
                       _date_int(name.valid_to), name.source)
        if prev is not None:
            forms.place[prev[1]] = -1  # superseded: dropped when the table is finalized
        best[norm] = (rank, fr)
    for norm, (_, fr) in list(best.items()):
        text = forms.text[fr]
        if text.isascii() or script_of(text) not in INDEXED_ROMANIZATION_SCRIPTS:
            continue
        for scheme, roman in romanizations(text, forms.lang[fr]):
            rnorm = norm_of[roman]
            if not rnorm or rnorm in best:
                continue
            rr = forms.add(roman, row, NameKind.ROMANIZED, "", scheme, fr, forms.valid_from[fr],
                           forms.valid_to[fr], forms.source[fr])
            best[rnorm] = (_KIND_RANK[NameKind.ROMANIZED], rr)


def build_index(places: Iterable[Place], out_dir: Path, meta: dict, progress: bool = True) -> dict:
    """Write an index for ``places`` into ``out_dir`` atomically; returns the meta dict."""
    t0 = time.time()
    places = sorted(places, key=lambda p: p.id)
    n = len(places)
    ids = np.array([p.id for p in places], dtype=np.int64)
    # parents: populated place -> admin2 -> admin1 -> country
    row_of = {p.id: i for i, p in enumerate(places)}
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

    forms = _Forms()
    norm_of = _Memo()
    it = tqdm(enumerate(places), total=n, desc="geonorm: names", unit=" places", disable=not progress,
              mininterval=1.0)
    for i, p in it:
        _add_place_forms(forms, i, p, norm_of)
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

    # key indexes
    m = len(text)
    rows = np.arange(m, dtype=np.int32)
    exact = [norm_of[t] for t in text]
    fold_of: dict[str, str] = {}
    for t, norm in zip(text, tqdm(exact, desc="geonorm: keys", disable=not progress, mininterval=1.0)):
        if norm not in fold_of:
            fold_of[norm] = fold_ascii(norm if norm.isascii() else to_ascii(t))
    del norm_of
    skel_of = {f: skeleton_of_fold(f) for f in set(fold_of.values())}
    key_lists = {"exact": exact, "fold": [fold_of[n] for n in exact]}
    key_lists["skeleton"] = [skel_of[f] for f in key_lists["fold"]]

    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=out_dir.parent))
    try:
        for kt in KEY_TYPES:
            KeyIndex.build(hash_array(key_lists[kt]), rows).save(tmp, kt)
        # deletion index over distinct fold keys (Latin only, length >= 4)
        fold_sorted = sorted(set(k for k in key_lists["fold"] if len(k) >= 4 and k.isascii()))
        fold_id = {k: i for i, k in enumerate(fold_sorted)}
        fk_rows = [[] for _ in fold_sorted]
        for r, k in enumerate(key_lists["fold"]):
            i = fold_id.get(k)
            if i is not None:
                fk_rows[i].append(r)
        fk_start = np.zeros(len(fold_sorted) + 1, dtype=np.int64)
        fk_start[1:] = np.cumsum([len(x) for x in fk_rows])
        fk_forms = np.array([r for x in fk_rows for r in x], dtype=np.int32)
        del_hashes, del_ids = [], []
        for i, k in enumerate(tqdm(fold_sorted, desc="geonorm: fuzzy index", disable=not progress,
                                   mininterval=1.0)):
            for d in deletions(k):
                del_hashes.append(hash64(d))
                del_ids.append(i)
        KeyIndex.build(np.array(del_hashes, dtype=np.uint64), np.array(del_ids, dtype=np.int32)).save(tmp, "deletion")
        np.save(tmp / "foldkey_start.npy", fk_start)
        np.save(tmp / "foldkey_forms.npy", fk_forms)

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
                    fuzzy_keys=len(fold_sorted), deletion_entries=len(del_hashes),
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


def read_meta(directory: Path) -> dict | None:
    """The index's meta.json, or None when missing, unreadable or incomplete."""
    try:
        with open(directory / "meta.json", encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        return None
    if not meta.get("complete") or meta.get("format_version") != FORMAT_VERSION:
        return None
    return meta
