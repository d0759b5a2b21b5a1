"""Full GeoNames dumps as downloaded from https://download.geonames.org/export/dump/.

Readers (each streams its file line by line; ``.zip`` downloads are read in place):

* :func:`read_places`         ``allCountries.txt`` / ``XX.txt`` / ``cities500.txt`` (19 columns)
* :func:`read_alternate_names` ``alternateNamesV2.txt`` (10 columns; also the per-country
                               ``alternatenames/XX.txt`` and the legacy 8-column ``alternateNames.txt``)
* :func:`read_admin_codes`    ``admin1CodesASCII.txt`` / ``admin2Codes.txt``
* :func:`read_country_info`   ``countryInfo.txt``

Malformed lines (wrong column count, non-numeric id or coordinates, coordinates out of
range, bytes that are not UTF-8) are counted in the :class:`Report` with their line number and
skipped; they are never fatal. A missing or unreadable file raises :class:`SourceError` naming it.

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org): credit GeoNames.
"""
from __future__ import annotations

import math
import re
import zipfile
import zlib
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..model import Name, NameKind, Place
from .base import ImportReport, SourceError

SOURCE = "geonames"
DUMP_COLUMNS = 19
# isolanguage values of alternateNamesV2 that are not names of the place in a language
PSEUDO_LANGUAGES = frozenset({"post", "iata", "icao", "faac", "fr_1793", "link", "unlc", "tcid", "wkdt"})
# kept, as NameKind.ABBREVIATION without a language ('NYC', 'DC')
ABBREVIATION_LANGUAGE = "abbr"
MAX_LISTED_SKIPS = 1000  # line numbers kept per file; the total is always counted

_DATE = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$")


@dataclass
class Report(ImportReport):
    """An :class:`ImportReport` that also counts things deliberately left out (pseudo-languages,
    other countries, ...) and carries free-text notes. Keeps the first ``MAX_LISTED_SKIPS``
    skipped line numbers; ``skipped_total`` counts them all."""

    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    skipped_total: int = 0

    def skip(self, line_no: int, reason: str) -> None:
        self.skipped_total += 1
        if len(self.skipped) < MAX_LISTED_SKIPS:
            self.skipped.append((line_no, reason))

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def note(self, text: str) -> None:
        self.notes.append(text)

    def summary(self) -> str:
        text = f"{self.source}: {self.rows} rows"
        if self.skipped_total:
            first = "; ".join(f"line {n}: {r}" for n, r in self.skipped[:5])
            text += f", {self.skipped_total} malformed lines skipped ({first}"
            text += ", ...)" if self.skipped_total > 5 else ")"
        if self.counts:
            text += "; " + ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items()))
        for note in self.notes:
            text += f"; {note}"
        return text


# ---- file access ------------------------------------------------------------------------------

_NOT_DATA = ("readme.txt", "iso-languagecodes.txt")


def _zip_member(zf: zipfile.ZipFile, path: Path) -> str:
    members = [m for m in zf.namelist() if m.lower().endswith(".txt")]
    for m in members:
        if Path(m).name.lower() == (path.stem + ".txt").lower():
            return m
    data = [m for m in members if Path(m).name.lower() not in _NOT_DATA]
    if len(data) == 1:
        return data[0]
    raise SourceError(f"{path}: cannot tell which member holds the data "
                      f"(expected {path.stem}.txt; members: {', '.join(zf.namelist()) or 'none'})")


class _Lines:
    """Open a text file or a .zip holding it; iterate (line number, decoded line without EOL).
    Lines that are not UTF-8 are reported and skipped."""

    def __init__(self, path: str | Path, report: Report, progress: bool = False) -> None:
        self.path = Path(path)
        self.report = report
        self.progress = progress
        self._closers: list = []
        if not self.path.exists():
            raise SourceError(f"{self.path}: file not found")
        if self.path.is_dir():
            raise SourceError(f"{self.path}: is a directory, expected a GeoNames file")
        try:
            if self.path.suffix.lower() == ".zip":
                zf = zipfile.ZipFile(self.path)
                self._closers.append(zf)
                self.member = _zip_member(zf, self.path)
                self._fh = zf.open(self.member)
                self.size = zf.getinfo(self.member).file_size
            else:
                self.member = ""
                self._fh = open(self.path, "rb")
                self.size = self.path.stat().st_size
            self._closers.append(self._fh)
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
            self.close()
            raise SourceError(f"{self.path}: cannot read ({exc})") from exc
        except SourceError:
            self.close()
            raise

    @property
    def label(self) -> str:
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    def close(self) -> None:
        for c in reversed(self._closers):
            try:
                c.close()
            except Exception:  # noqa: BLE001 - closing after an error
                pass
        self._closers.clear()

    def __iter__(self) -> Iterator[tuple[int, str]]:
        bar = tqdm(total=self.size, unit="B", unit_scale=True, desc=f"geonorm: {self.label}",
                   disable=not self.progress, mininterval=1.0)
        line_no = 0
        try:
            for raw in self._fh:
                line_no += 1
                bar.update(len(raw))
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    self.report.rows += 1
                    self.report.skip(line_no, "not UTF-8")
                    continue
                yield line_no, text.rstrip("\r\n")
        except (OSError, zipfile.BadZipFile, EOFError, zlib.error) as exc:  # (zlib: damaged deflate data)
            raise SourceError(f"{self.path}: read error after line {line_no} ({exc}); "
                              f"the download may be truncated") from exc
        finally:
            bar.close()
            self.close()


def _coord(lat_s: str, lon_s: str) -> tuple[float, float] | str:
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        return f"latitude/longitude not numbers ({lat_s!r}, {lon_s!r})"
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return "latitude/longitude not finite"
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return f"coordinates out of range ({lat}, {lon})"
    return lat, lon


def normalize_date(text: str) -> str | None:
    """GeoNames 'from'/'to' values -> ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' ('' stays '').
    Accepts 2016, 2016-05, 2016-05-12, 20160512. None when it is not such a date."""
    text = (text or "").strip()
    if not text:
        return ""
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    return "-".join(p for p in (year, month, day) if p)


# ---- the dumps --------------------------------------------------------------------------------

def _alternates_from_column(name: str, text: str, pid: int) -> list[Name]:
    from .packaged import _lang_of  # same language guess as the default build
    out, seen = [], {name}
    for alt in text.split(","):
        alt = alt.strip()
        if alt and alt not in seen:
            seen.add(alt)
            out.append(Name(pid, alt, NameKind.ALTERNATE, _lang_of(alt), source=SOURCE))
    return out


def read_places(path: str | Path, countries: Container[str] | None = None,
                feature_classes: Container[str] | None = None, report: Report | None = None,
                column_alternates: bool | Container[str] = True,
                progress: bool = False) -> Iterator[Place]:
    """Stream the places of a GeoNames dump (``allCountries``, ``XX``, ``citiesNNN``; .txt or .zip).

    ``countries``: keep only these ISO 3166-1 alpha-2 codes (None = all).
    ``feature_classes``: keep only these feature classes, e.g. ``{"P", "A", "L"}`` (None = all).
    ``column_alternates``: use the dump's comma-separated ``alternatenames`` column as ALTERNATE
    names (without language flags) - True, False, or the country codes for which to use it. Turn it
    off where ``alternateNamesV2`` is imported, which has the same names with languages and flags.
    Each place gets its GeoNames name as an OFFICIAL name. Opens the file immediately (a missing file
    raises :class:`SourceError` here, not when iterating)."""
    report = report if report is not None else Report(Path(path).name)
    lines = _Lines(path, report, progress)
    return _parse_places(lines, countries, feature_classes, report, column_alternates)


def _parse_places(lines: _Lines, countries, feature_classes, report: Report,
                  column_alternates) -> Iterator[Place]:
    checked_format = False
    for line_no, text in lines:
        if not text.strip():
            continue
        report.rows += 1
        cols = text.split("\t")
        if len(cols) != DUMP_COLUMNS:
            if not checked_format and len(cols) in (8, 10) and cols[0].isdigit():
                lines.close()
                raise SourceError(f"{lines.path}: looks like an alternate-names file ({len(cols)} columns), "
                                  f"not a GeoNames dump (19 columns); per-country alternate names "
                                  f"belong in an 'alternatenames/' subdirectory")
            report.skip(line_no, f"{len(cols)} columns, expected {DUMP_COLUMNS}")
            continue
        checked_format = True
        cc = cols[8].strip()
        if countries is not None and cc not in countries:
            report.count("other countries")
            continue
        fclass = cols[6].strip()
        if feature_classes is not None and fclass not in feature_classes:
            report.count("other feature classes")
            continue
        gid_s = cols[0].strip()
        if not gid_s.isdigit() or int(gid_s) <= 0:
            report.skip(line_no, f"geonameid is not a positive number ({gid_s!r})")
            continue
        coord = _coord(cols[4].strip(), cols[5].strip())
        if isinstance(coord, str):
            report.skip(line_no, coord)
            continue
        name = cols[1].strip()
        if not name:
            report.skip(line_no, "empty name")
            continue
        pid = int(gid_s)
        pop_s = cols[14].strip()
        population = int(pop_s) if pop_s.isdigit() else 0
        place = Place(id=pid, name=name, lat=coord[0], lon=coord[1], feature_class=fclass,
                      feature_code=cols[7].strip(), country_code=cc, admin1_code=cols[10].strip(),
                      admin2_code=cols[11].strip(), population=population, timezone=cols[17].strip(),
                      ascii_name=cols[2].strip(), source=SOURCE)
        place.names.append(Name(pid, name, NameKind.OFFICIAL, source=SOURCE))
        use_column = column_alternates if isinstance(column_alternates, bool) else cc in column_alternates
        if use_column and cols[3]:
            place.names.extend(_alternates_from_column(name, cols[3], pid))
        report.count("places")
        yield place


def read_alternate_names(path: str | Path, place_ids: Container[int] | None = None,
                         report: Report | None = None, progress: bool = False) -> Iterator[Name]:
    """Stream the names of ``alternateNamesV2.txt`` (.txt or .zip; also ``alternatenames/XX.txt``).

    Only names of ``place_ids`` are yielded (None = all). Flags map to NameKind (isHistoric ->
    HISTORIC, else isPreferredName -> PREFERRED, isShortName -> SHORT, isColloquial -> COLLOQUIAL,
    else ALTERNATE); 'from'/'to' become valid_from/valid_to as ISO dates. Pseudo-languages
    (post, iata, icao, faac, fr_1793, link, unlc, tcid) are skipped and counted; 'wkdt' (Wikidata
    ids) are skipped and counted separately; 'abbr' names are kept as ABBREVIATION."""
    report = report if report is not None else Report(Path(path).name)
    lines = _Lines(path, report, progress)
    return _parse_alternate_names(lines, place_ids, report)


def _parse_alternate_names(lines: _Lines, place_ids, report: Report) -> Iterator[Name]:
    for line_no, text in lines:
        if not text.strip():
            continue
        report.rows += 1
        cols = text.split("\t")
        if len(cols) not in (8, 10):
            if len(cols) == DUMP_COLUMNS and report.rows == 1:
                lines.close()
                raise SourceError(f"{lines.path}: looks like a GeoNames dump (19 columns), "
                                  f"not an alternate-names file")
            report.skip(line_no, f"{len(cols)} columns, expected 10")
            continue
        gid_s = cols[1].strip()
        if not gid_s.isdigit():
            report.skip(line_no, f"geonameid is not a number ({gid_s!r})")
            continue
        pid = int(gid_s)
        if place_ids is not None and pid not in place_ids:
            report.count("names of places not imported")
            continue
        lang = cols[2].strip()
        if lang == "wkdt":
            report.count("wkdt (Wikidata ids) skipped")
            continue
        if lang in PSEUDO_LANGUAGES:
            report.count(f"pseudo-language {lang} skipped")
            continue
        name = cols[3].strip()
        if not name:
            report.skip(line_no, "empty name")
            continue
        preferred, short, colloquial, historic = (c.strip() == "1" for c in cols[4:8])
        if lang == ABBREVIATION_LANGUAGE:
            kind, lang = NameKind.ABBREVIATION, ""
        elif historic:
            kind = NameKind.HISTORIC
        elif preferred:
            kind = NameKind.PREFERRED
        elif short:
            kind = NameKind.SHORT
        elif colloquial:
            kind = NameKind.COLLOQUIAL
        else:
            kind = NameKind.ALTERNATE
        valid_from = valid_to = ""
        if len(cols) == 10:
            valid_from, valid_to = normalize_date(cols[8]), normalize_date(cols[9])
            if valid_from is None or valid_to is None:
                report.count("unparseable from/to dates dropped")
                valid_from, valid_to = valid_from or "", valid_to or ""
        report.count("names")
        yield Name(pid, name, kind, lang, valid_from, valid_to, SOURCE)


@dataclass(frozen=True)
class AdminCode:
    """One row of ``admin1CodesASCII.txt`` / ``admin2Codes.txt``."""

    code: str  # 'UA.05' or 'UA.05.1234'
    country_code: str
    admin1_code: str
    admin2_code: str  # '' for admin1
    name: str
    ascii_name: str
    geonameid: int | None

    @property
    def level(self) -> int:
        return 2 if self.admin2_code else 1


def read_admin_codes(path: str | Path, report: Report | None = None) -> dict[str, AdminCode]:
    """``admin1CodesASCII.txt`` or ``admin2Codes.txt`` (code, name, ascii name, geonameid)."""
    report = report if report is not None else Report(Path(path).name)
    out: dict[str, AdminCode] = {}
    for line_no, text in _Lines(path, report):
        if not text.strip() or text.startswith("#"):
            continue
        report.rows += 1
        cols = text.split("\t")
        if len(cols) != 4:
            report.skip(line_no, f"{len(cols)} columns, expected 4")
            continue
        code, name, ascii_name, gid_s = (c.strip() for c in cols)
        parts = code.split(".")
        if len(parts) not in (2, 3) or not all(parts) or len(parts[0]) != 2:
            report.skip(line_no, f"bad admin code {code!r}")
            continue
        if not name:
            report.skip(line_no, "empty name")
            continue
        gid = int(gid_s) if gid_s.isdigit() else None
        if gid is None:
            report.count("codes without a geonameid")
        out[code] = AdminCode(code, parts[0], parts[1], parts[2] if len(parts) == 3 else "",
                              name, ascii_name, gid)
    return out


@dataclass(frozen=True)
class CountryInfo:
    """One row of ``countryInfo.txt``."""

    iso: str
    iso3: str
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int | None


def read_country_info(path: str | Path, report: Report | None = None) -> dict[str, CountryInfo]:
    """``countryInfo.txt``: comment lines start with '#'; geonameid is column 17."""
    report = report if report is not None else Report(Path(path).name)
    out: dict[str, CountryInfo] = {}
    for line_no, text in _Lines(path, report):
        if not text.strip() or text.startswith("#"):
            continue
        report.rows += 1
        cols = text.split("\t")
        if len(cols) < 17:
            report.skip(line_no, f"{len(cols)} columns, expected 19")
            continue
        iso = cols[0].strip()
        if len(iso) != 2 or not cols[4].strip():
            report.skip(line_no, f"bad ISO code or empty name ({iso!r})")
            continue
        gid_s, pop_s = cols[16].strip(), cols[7].strip()
        out[iso] = CountryInfo(iso, cols[1].strip(), cols[4].strip(), cols[5].strip(),
                               int(pop_s) if pop_s.isdigit() else 0, cols[8].strip(),
                               int(gid_s) if gid_s.isdigit() else None)
    return out


# ---- what a download directory holds --------------------------------------------------------

_CC_FILE = re.compile(r"^([A-Z]{2})\.(txt|zip)$")
_CITIES = re.compile(r"^cities(\d+)\.(txt|zip)$")


def _prefer_txt(directory: Path, stem: str) -> Path | None:
    for ext in (".txt", ".zip"):
        p = directory / f"{stem}{ext}"
        if p.is_file():
            return p
    return None


@dataclass
class GeoNamesFiles:
    """The GeoNames files found in a download directory."""

    directory: Path
    dumps: list[tuple[Path, set[str] | None]] = field(default_factory=list)  # (file, country filter)
    alternate_names: list[Path] = field(default_factory=list)
    alternate_names_countries: set[str] | None = None  # countries they cover (None = all)
    admin1: Path | None = None
    admin2: Path | None = None
    country_info: Path | None = None

    def all(self) -> list[Path]:
        return [*(p for p, _ in self.dumps), *self.alternate_names,
                *(p for p in (self.admin1, self.admin2, self.country_info) if p)]


def find_files(directory: str | Path, countries: Iterable[str] | None = None) -> GeoNamesFiles:
    """Pick the files to import from a directory of GeoNames downloads (.txt preferred to .zip).

    Dumps: with ``countries``, ``XX.txt``/``XX.zip`` for each, falling back to ``allCountries``
    (then ``citiesNNN``) filtered to the countries lacking a file; without, ``allCountries``, else
    every ``XX`` file, else the most detailed ``citiesNNN``. Alternate names: ``alternateNamesV2``
    (or legacy ``alternateNames``), else ``alternatenames/XX`` per country.
    Raises :class:`SourceError` when the directory is missing or a requested country has no dump."""
    d = Path(directory)
    if not d.is_dir():
        raise SourceError(f"{d}: GeoNames directory not found")
    found = GeoNamesFiles(d)
    per_country = {}
    for p in sorted(d.iterdir()):
        m = _CC_FILE.match(p.name)
        if m and p.is_file():
            per_country.setdefault(m.group(1), _prefer_txt(d, m.group(1)))
    cities = sorted((p for p in d.iterdir() if _CITIES.match(p.name) and p.is_file()),
                    key=lambda p: (int(_CITIES.match(p.name).group(1)), p.suffix != ".txt"))
    big = _prefer_txt(d, "allCountries") or (cities[0] if cities else None)
    if countries is not None:
        wanted = sorted(set(countries))
        found.dumps = [(per_country[c], {c}) for c in wanted if c in per_country]
        missing = {c for c in wanted if c not in per_country}
        if missing:
            if big is None:
                raise SourceError(f"{d}: no GeoNames dump for {', '.join(sorted(missing))} "
                                  f"(expected {sorted(missing)[0]}.zip or .txt, or allCountries.zip)")
            found.dumps.append((big, missing))
    elif big is not None and big.stem == "allCountries":
        found.dumps = [(big, None)]
    elif per_country:
        found.dumps = [(p, None) for p in per_country.values()]
    elif big is not None:
        found.dumps = [(big, None)]
    alt = _prefer_txt(d, "alternateNamesV2") or _prefer_txt(d, "alternateNames")
    if alt is not None:
        found.alternate_names = [alt]
    elif (d / "alternatenames").is_dir():
        sub = d / "alternatenames"
        for p in sorted(sub.iterdir()):
            m = _CC_FILE.match(p.name)
            if m and (countries is None or m.group(1) in countries):
                f = _prefer_txt(sub, m.group(1))
                if f not in found.alternate_names:
                    found.alternate_names.append(f)
        found.alternate_names_countries = {p.stem for p in found.alternate_names}
    found.admin1 = _prefer_txt(d, "admin1CodesASCII")
    found.admin2 = _prefer_txt(d, "admin2Codes")
    found.country_info = _prefer_txt(d, "countryInfo")
    return found
