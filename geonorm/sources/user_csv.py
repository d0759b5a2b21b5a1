"""An analyst's own CSV of places.

Columns (header row required, names case-insensitive, any order, extra columns ignored):

=================  ========  ==============================================================
column             required  content
=================  ========  ==============================================================
``id``             no        integer id; a GeoNames id adds the row's names to that place.
                             Missing or non-numeric ids get a stable id in the reserved range
                             3,000,000,000-3,999,999,999 (see :func:`stable_id`).
``name``           yes       the place's name
``lat``, ``lon``   yes       WGS84 decimal degrees (also ``latitude``, ``longitude``/``lng``)
``country``        no        ISO 3166-1 alpha-2 code (a country name is resolved in custom builds)
``admin1``         no        admin1 area: GeoNames code ('05', 'UA.05') or name ('Donetsk Oblast')
``admin2``         no        admin2 area: code or name
``alternate_names`` no       other names separated by ``|``
``feature_code``   no        GeoNames feature code (default PPL)
``feature_class``  no        GeoNames feature class (inferred from the code when missing)
``population``     no        integer
``note``           no        free text
=================  ========  ==============================================================

UTF-8 (a byte-order mark is tolerated); comma, semicolon or tab separated (detected from the
header). Bad rows are counted with their line numbers and skipped.
"""
from __future__ import annotations

import csv
import hashlib
import math
from pathlib import Path

from ..model import Name, NameKind, Place
from .base import SourceError
from .geonames import Report

RESERVED_ID_BASE = 3_000_000_000
RESERVED_ID_SPAN = 1_000_000_000
REQUIRED = ("name", "lat", "lon")
COLUMNS = {
    "id": ("id", "geonameid", "place_id"),
    "name": ("name",),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "lng", "long", "longitude"),
    "country": ("country", "country_code"),
    "admin1": ("admin1", "admin1_code"),
    "admin2": ("admin2", "admin2_code"),
    "alternate_names": ("alternate_names", "alternatenames"),
    "feature_code": ("feature_code",),
    "feature_class": ("feature_class",),
    "population": ("population",),
    "note": ("note",),
}


_MAX_ID = 2 ** 63  # ids and populations are stored as 64-bit integers

def stable_id(key: str, taken: set[int] | None = None) -> int:
    """An id in the reserved range derived from ``key`` (the row's own id text, else its name and
    coordinates): the same row gets the same id in every build, whatever its position in the file.
    On a collision with ``taken`` the next free id is used."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    pid = RESERVED_ID_BASE + int.from_bytes(digest, "big") % RESERVED_ID_SPAN
    while taken is not None and pid in taken:
        pid = RESERVED_ID_BASE + (pid - RESERVED_ID_BASE + 1) % RESERVED_ID_SPAN
    return pid


def feature_class_of(code: str) -> str:
    code = code.upper()
    if not code or code.startswith("PPL"):
        return "P"
    if code.startswith(("ADM", "PCL")) or code in ("TERR", "ZN", "PRSH"):
        return "A"
    if code.startswith("RGN") or code in ("AREA", "CONT", "PRK", "RES"):
        return "L"
    return ""


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_user_csv(path: str | Path, report: Report | None = None) -> list[Place]:
    """Places of an analyst's CSV. ``country``/``admin1``/``admin2`` are kept as written (codes or
    names); :func:`geonorm.custom.build_custom` resolves names to codes. Raises SourceError for a
    missing/unreadable file, a non-UTF-8 file, or missing required columns."""
    path = Path(path)
    report = report if report is not None else Report(path.name)
    source = f"csv:{path.name}"
    if not path.is_file():
        raise SourceError(f"{path}: CSV file not found")
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = fh.readline()
            if not header.strip():
                raise SourceError(f"{path}: empty file, expected a header row with columns "
                                  f"{', '.join(REQUIRED)}")
            fh.seek(0)
            reader = csv.reader(fh, delimiter=_delimiter(header), strict=True)  # (a quote left open is an error)
            found = [h.strip() for h in next(reader)]
            index: dict[str, int] = {}
            lowered = [h.lower() for h in found]
            for key, aliases in COLUMNS.items():
                for alias in aliases:
                    if alias in lowered:
                        index[key] = lowered.index(alias)
                        break
            missing = [c for c in REQUIRED if c not in index]
            if missing:
                raise SourceError(f"{path}: missing required column(s) {', '.join(missing)}; "
                                  f"found columns: {', '.join(repr(h) for h in found) or 'none'} "
                                  f"(required: {', '.join(REQUIRED)})")
            places: list[Place] = []
            seen_ids: set[int] = set()
            seen_text_ids: set[str] = set()
            assigned = 0
            for row in reader:
                line_no = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                report.rows += 1
                get = lambda key: (row[index[key]].strip() if key in index and index[key] < len(row)  # noqa: E731
                                   else "")
                name = get("name")
                if not name:
                    report.skip(line_no, "empty name")
                    continue
                try:
                    lat, lon = float(get("lat").replace(",", ".")), float(get("lon").replace(",", "."))
                except ValueError:
                    report.skip(line_no, f"lat/lon not numbers ({get('lat')!r}, {get('lon')!r})")
                    continue
                if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
                    report.skip(line_no, f"coordinates out of range ({lat}, {lon})")
                    continue
                pop_s = get("population").replace("_", "").replace(" ", "")
                if pop_s and not (pop_s.isdigit() and int(pop_s) < _MAX_ID):
                    report.skip(line_no, f"population is not an integer of people ({pop_s!r})")
                    continue
                id_s = get("id")
                note = get("note")
                if id_s.isdigit() and int(id_s) >= _MAX_ID:
                    report.skip(line_no, f"id {id_s} is too large (ids are below 2**63)")
                    continue
                if id_s.isdigit() and int(id_s) > 0:
                    pid = int(id_s)
                    if pid in seen_ids:
                        report.skip(line_no, f"duplicate id {pid}")
                        continue
                elif id_s and id_s in seen_text_ids:
                    report.skip(line_no, f"duplicate id {id_s!r}")
                    continue
                else:
                    key = f"id:{id_s}" if id_s else f"row:{name}|{lat:.5f}|{lon:.5f}|{get('country').upper()}"
                    pid = stable_id(key, seen_ids)
                    assigned += 1
                    if id_s:
                        seen_text_ids.add(id_s)
                        note = f"{note}; csv id {id_s}" if note else f"csv id {id_s}"
                seen_ids.add(pid)
                code = get("feature_code").upper() or "PPL"
                country = get("country")
                place = Place(id=pid, name=name, lat=lat, lon=lon,
                              feature_class=get("feature_class").upper() or feature_class_of(code),
                              feature_code=code,
                              country_code=country.upper() if len(country) == 2 else country,
                              admin1_code=get("admin1"), admin2_code=get("admin2"),
                              population=int(pop_s or 0), source=source, note=note)
                place.names.append(Name(pid, name, NameKind.OFFICIAL, source=source))
                for alt in (a.strip() for a in get("alternate_names").split("|")):
                    if alt and alt != name:
                        place.names.append(Name(pid, alt, NameKind.ALTERNATE, _lang(alt), source=source))
                places.append(place)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); "
                          f"save the CSV as UTF-8") from exc
    except csv.Error as exc:
        raise SourceError(f"{path}: not a readable CSV ({exc})") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc})") from exc
    report.count("places", len(places))
    if assigned:
        report.note(f"{assigned} rows without a numeric id got ids in the reserved range "
                    f"{RESERVED_ID_BASE}-{RESERVED_ID_BASE + RESERVED_ID_SPAN - 1} (stable: derived from "
                    f"the row's id text, else its name and coordinates)")
    return places


def _lang(name: str) -> str:
    from .packaged import _lang_of
    return _lang_of(name)
