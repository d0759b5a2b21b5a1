"""Curated data in ``gazetteer/`` (installed as ``geonorm.curated``): dated renames, regions
that cities500 lacks, and extra aliases of existing places. See gazetteer/README.md."""
from __future__ import annotations

import csv
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Name, NameKind, Place, date_int
from ..names.keys import fold_key
from ..names.normalize import normalize
from .base import ImportReport, SourceError


NAME_FILES = ("aliases.csv", "demonyms.csv", "abbreviations.csv")


def curated_dir() -> Path:
    """Directory holding the curated CSV files (installed package data, else the repo copy)."""
    try:
        path = Path(str(resources.files("geonorm.curated")))
        if (path / "__init__.py").exists():
            return path
    except ModuleNotFoundError:
        pass
    repo = Path(__file__).resolve().parents[2] / "gazetteer"
    if (repo / "__init__.py").exists():
        return repo
    raise SourceError("curated gazetteer files not found (expected the gazetteer/ directory)")


def area_code_key(text: str) -> str:
    """How an area code is looked up: its letters in capitals, without dots, spaces or accents
    ('Mich.' and 'MICH', 'Q. Roo' and 'QROO', 'Méx.' and 'MEX', 'N.L.' and 'NL')."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isalnum()).upper()


def written_as_area_code(text: str) -> bool:
    """Is ``text`` a known area code written as one: in capitals ('OH', 'CABA') or with a dot
    ('Mich.', 'Q. Roo', 'N.L.'), not a word or name ('Son', 'Col')?"""
    return (text.isupper() or "." in text) and area_code_key(text) in area_codes()


@lru_cache(maxsize=1)
def area_codes() -> dict[str, tuple[int, ...]]:
    """{code key: place ids} from ``gazetteer/area_codes.csv``: postal codes of US states,
    Canadian provinces and Australian states ('OH', 'ON', 'VIC') and the conventional
    abbreviations of Mexican states and Argentine provinces ('Mich.', 'N.L.', 'CABA'), keyed by
    :func:`area_code_key`. They name an area in a phrase or hint ('Columbus, OH', 'Morelia,
    Mich.', ``admin1="OH"``) and as a bare query in capitals, at a code's capped confidence; in
    running text only beside other places of their country (many are words)."""
    out: dict[str, list[int]] = {}
    for _, row, _ in _table("area_codes.csv"):
        try:
            out.setdefault(area_code_key(row["code"]), []).append(int(row["place_id"]))
        except (KeyError, ValueError):
            continue
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def region_members() -> dict[int, frozenset[str]]:
    """{region id: the ISO 3166-1 country codes and ISO 3166-2 area codes it spans} from
    ``gazetteer/region_members.csv`` (Donbas: UA-14, UA-09; the Middle East: BH, CY, EG, ...;
    Greater Manchester: its districts GB-BOL, GB-MAN, ...). A region without members holds what
    lies near its point."""
    out: dict[int, frozenset[str]] = {}
    for _, row, _ in _table("region_members.csv"):
        try:
            out[int(row["region_id"])] = frozenset(row.get("members", "").upper().split())
        except (KeyError, ValueError):
            continue
    return out


def region_countries(region_id: int) -> frozenset[str]:
    """The countries a region's members lie in ('UA-14', 'UA-09' -> UA), empty for a region
    without members."""
    return frozenset(m.split("-")[0] for m in region_members().get(region_id, ()))


def population_overrides(directory: Path | None = None) -> dict[int, int]:
    """{GeoNames id: population} from ``gazetteer/populations.csv``: populations of places the
    extracts give none or too few for what the name stands for (Ealing, a London borough of
    367,100 people, is a GeoNames place of population 0). Applied where larger than the source's."""
    out: dict[int, int] = {}
    for line_no, row, report in _table("populations.csv", directory):
        try:
            out[int(row["place_id"])] = int(row["population"])
        except (KeyError, ValueError):
            report.skip(line_no, "place_id or population is not an integer")
    return out


def dropped_names(directory: Path | None = None) -> dict[int, frozenset[str]]:
    """{GeoNames id: normalized names} from ``gazetteer/dropped_names.csv``: names the source
    gives a place that mislead where they are read (Casablanca's literal translation 'White
    House', which news writes for the US president's seat)."""
    out: dict[int, set[str]] = {}
    for line_no, row, report in _table("dropped_names.csv", directory):
        try:
            out.setdefault(int(row["place_id"]), set()).add(normalize(row["name"]))
        except (KeyError, ValueError):
            report.skip(line_no, "place_id is not an integer")
    return {k: frozenset(v) for k, v in out.items()}


def drop_names(places: dict[int, Place], directory: Path | None = None) -> int:
    """Remove :func:`dropped_names` from ``places``; the number of names removed."""
    removed = 0
    for pid, names in dropped_names(directory).items():
        place = places.get(pid)
        if place is None:
            continue
        kept = [n for n in place.names if normalize(n.name) not in names]
        removed += len(place.names) - len(kept)
        place.names = kept
    return removed


def fill_populations(places: dict[int, Place], directory: Path | None = None) -> int:
    """Raise the population of ``places`` to :func:`population_overrides`' where the source's is
    smaller; the number of places changed."""
    changed = 0
    for pid, population in population_overrides(directory).items():
        place = places.get(pid)
        if place is not None and place.population < population:
            place.population = population
            changed += 1
    return changed


def apply_corrections(places: dict[int, Place], directory: Path | None = None) -> dict[str, int]:
    """The curated corrections every gazetteer build applies to its places (default and imported):
    :func:`fill_populations`, then :func:`drop_names`; what each changed."""
    return {"populations_filled": fill_populations(places, directory),
            "curated_names_dropped": drop_names(places, directory)}


@dataclass(frozen=True)
class FormerState:
    """A state that no longer exists (``gazetteer/former_states.csv``) and what became of it:
    ``continued`` by its first successor (the Soviet Union by Russia), ``merged`` into it (East
    Germany into Germany), or ``dissolved`` into several, none of which is the answer
    (Yugoslavia, Czechoslovakia). ``place_id``: the successor country's GeoNames id, if one."""

    name: str
    valid_from: str
    valid_to: str
    relation: str
    successors: tuple[str, ...]
    place_id: int | None
    source: str


FORMER_STATE_RELATIONS = ("continued", "merged", "dissolved")


@lru_cache(maxsize=1)
def former_states() -> dict[str, FormerState]:
    """{normalized name: FormerState} for every name of every former state."""
    try:
        directory = curated_dir()
    except SourceError:
        return {}
    out: dict[str, FormerState] = {}
    for state, names in read_former_states(directory / "former_states.csv", ImportReport("")):
        for name in names:
            out.setdefault(normalize(name), state)
    return out


# renames.csv's columns of old names, with the language each is in
RENAME_NAME_COLUMNS = (("old_name_uk", "uk"), ("old_name_ru", "ru"), ("old_names_latin", ""))


@lru_cache(maxsize=1)
def rename_periods() -> dict[tuple[int, str], tuple[tuple[int, int], ...]]:
    """{(place id, folded old name): its periods as (from, to) yyyymmdd integers} for the old
    names renames.csv gives more than one period (Voroshilovgrad, Luhansk's name 1935-1958 and
    1970-1990): the index keeps one form per name and place, with the first period."""
    out: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for _, row, _ in _table("renames.csv"):
        if not row.get("geonameid", "").isdigit():
            continue
        period = (date_int(row.get("valid_from", "")), date_int(row.get("valid_to", "")))
        for col, _ in RENAME_NAME_COLUMNS:
            for old in _split_names(row.get(col, "")):
                periods = out.setdefault((int(row["geonameid"]), fold_key(old)), [])
                if period not in periods:
                    periods.append(period)
    return {key: tuple(sorted(p)) for key, p in out.items() if len(p) > 1}


def read_former_states(path: Path, report: ImportReport) -> list[tuple[FormerState, list[str]]]:
    """The former states in ``path`` with all their names (rows with no name or an unknown
    relation are skipped and reported)."""
    out = []
    for line_no, row in _rows(path, report):
        names = _split_names(row.get("names", ""))
        pid = row.get("geonameid", "")
        if not names or row.get("relation") not in FORMER_STATE_RELATIONS:
            report.skip(line_no, f"no name or a relation not in {FORMER_STATE_RELATIONS}")
            continue
        if pid and not pid.isdigit():
            report.skip(line_no, "geonameid is not an integer")
            continue
        out.append((FormerState(names[0], row.get("valid_from", ""), row.get("valid_to", ""), row["relation"],
                                tuple(row.get("successors", "").split()), int(pid) if pid else None,
                                f"curated:{row.get('source_id', '')}"), names))
    return out


def curated_rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of a small curated table of ``gazetteer/`` read at run time (none when missing)."""
    return (row for _, row, _ in _table(filename))


def _table(filename: str, directory: Path | None = None) -> Iterator[tuple[int, dict[str, str], ImportReport]]:
    """(line number, row, the file's report) of a small curated table; none when the curated
    directory is missing."""
    try:
        directory = directory or curated_dir()
    except SourceError:
        return
    report = ImportReport(f"gazetteer/{filename}")
    for line_no, row in _rows(directory / filename, report):
        yield line_no, row, report


def _rows(path: Path, report: ImportReport) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            report.rows += 1
            yield line_no, {k: (v or "").strip() for k, v in row.items() if k}


def _split_names(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def load_curated(directory: Path | None = None) -> tuple[dict[int, Place], list[Name], list[ImportReport]]:
    """Return (new places, names to attach to existing places, reports)."""
    directory = directory or curated_dir()
    places: dict[int, Place] = {}
    names: list[Name] = []
    reports = []

    report = ImportReport("gazetteer/places.csv")
    for line_no, row in _rows(directory / "places.csv", report):
        try:
            pid = int(row["id"])
            place = Place(id=pid, name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                          feature_class=row.get("feature_class") or "L",
                          feature_code=row.get("feature_code") or "RGN",
                          country_code=row.get("country_code", ""), admin1_code=row.get("admin1_code", ""),
                          admin2_code=row.get("admin2_code", ""), population=int(row.get("population") or 0), note=row.get("note", ""),
                          source=f"curated:{row.get('source_id', '')}")
        except (KeyError, ValueError) as exc:
            report.skip(line_no, f"bad place row: {exc}")
            continue
        if math.isnan(place.lat) or not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
            report.skip(line_no, "coordinates out of range")
            continue
        place.names.append(Name(pid, place.name, NameKind.OFFICIAL, "en", source=place.source))
        places[pid] = place
    reports.append(report)

    report = ImportReport("gazetteer/renames.csv")
    for line_no, row in _rows(directory / "renames.csv", report):
        try:
            pid = int(row["geonameid"])
        except (KeyError, ValueError):
            report.skip(line_no, "geonameid is not an integer")
            continue
        source = f"curated:{row.get('source_id', '')}"
        # an old name that is the current one again (Bakhmut until 1924 and since 2016): its Latin
        # spellings ('Bachmut', 'Kamenskoye') are how other languages write the name now
        latin = _split_names(row.get("old_names_latin", ""))
        again = any(fold_key(name) == fold_key(row.get("current_name", "")) for name in latin)
        for col, lang in RENAME_NAME_COLUMNS:
            for old in _split_names(row.get(col, "")):
                if again and col == "old_names_latin":
                    names.append(Name(pid, old, NameKind.ALTERNATE, lang, source=source))
                else:
                    names.append(Name(pid, old, NameKind.HISTORIC, lang, row.get("valid_from", ""),
                                      row.get("valid_to", ""), source))
    reports.append(report)

    report = ImportReport("gazetteer/former_states.csv")
    for state, state_names in read_former_states(directory / "former_states.csv", report):
        if state.place_id is not None and state.relation != "dissolved":  # historic names of the successor
            # (an ISO 3166-3 code, 'SU', 'ZR', reads a hint only: as a name it would be any 'Su')
            names += [Name(state.place_id, name, NameKind.HISTORIC, "", state.valid_from, state.valid_to,
                           state.source) for name in state_names if len(name) > 2]
    reports.append(report)

    for filename in NAME_FILES:  # extra names of existing places, one schema
        report = ImportReport(f"gazetteer/{filename}")
        for line_no, row in _rows(directory / filename, report):
            try:
                pid = int(row["place_id"])
                kind = NameKind.parse(row.get("kind") or "alternate")
            except (KeyError, ValueError) as exc:
                report.skip(line_no, str(exc))
                continue
            names.append(Name(pid, row["name"], kind, row.get("lang", ""), row.get("valid_from", ""),
                              row.get("valid_to", ""), f"curated:{row.get('source_id', '')}"))
        reports.append(report)
    return places, names, reports
