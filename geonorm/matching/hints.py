"""Parse and validate hints (country, admin1, near, within, as_of, feature).

Invalid hints raise ``ValueError`` with a clear message; queries never do.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import numbers
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from rapidfuzz.distance import OSA

from ..gazetteer import LEVELS, Gazetteer
from ..names.keys import fold_key
from ..names.normalize import MAX_QUERY_CHARS, normalize, to_ascii, undotted
from ..sources.curated import FormerState, former_states
from .candidates import postal_code_rows
from .phrase import AREA_WORDS

if TYPE_CHECKING:
    from .former_extents import Extent

FEATURES = {
    "populated place": ("populated place",), "p": ("populated place",), "city": ("populated place",),
    "admin": ("admin1", "admin2", "admin3", "admin"), "a": ("admin1", "admin2", "admin3", "admin", "country"),
    "admin1": ("admin1",), "admin2": ("admin2",), "country": ("country",), "region": ("region",),
    "continent": ("continent",),
}
_ISO2_RE = re.compile(r"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$")


@dataclass(frozen=True)
class Area:
    """A resolved area hint: a country or admin area (rows of the gazetteer)."""

    label: str
    country_code: str
    admin1_code: str = ""
    row: int = -1


def strip_area_words(text: str) -> str:
    words = [w for w in normalize(text).split() if w not in AREA_WORDS]
    return " ".join(words)


_FORMER_RE = re.compile(r"^\s*(?:the\s+)?(?:former\s+|ex-\s*)", re.IGNORECASE)  # 'the former Yugoslavia', 'ex-USSR'


def former_state(text: str) -> FormerState | None:
    """The former state ``text`` names ('USSR', 'the former Yugoslavia'), if any."""
    return former_states().get(normalize(strip_former(text))) if isinstance(text, str) else None


def strip_former(text: str) -> str:
    return _FORMER_RE.sub("", text)


def successor_rows(gaz: Gazetteer, state: FormerState) -> list[int]:
    """Rows of the countries a former state's territory belongs to now."""
    areas = gaz.area_rows()
    return [row for cc in state.successors if (row := areas.get(("country", cc))) is not None]


# area words that translate one another, per level: GeoNames says 'Svativskyi Raion' where a
# report says 'Svativskyi district' ('county' is no raion: 'County Wexford' is not Wexford
# County, Michigan)
LEVEL_WORDS = {"admin1": ("oblast", "region", "province"), "admin2": ("raion", "rayon", "district")}


def shown(value, limit: int = 80) -> str:
    """``repr(value)`` for an error message, clipped ('x' * 10**7 is not echoed whole)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def hint_text(value, what: str) -> str:
    """A hint given as text, stripped: a ValueError for non-text, blank and over-long values
    (no name of an area is longer than a query may be)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a name, got {shown(value)}")
    if len(value) > MAX_QUERY_CHARS:
        raise ValueError(f"{what} is {len(value):,} characters long; no area's name is, got {shown(value)}")
    return value.strip()


def area_word_synonyms(name: str, level: str) -> list[str]:
    """``name`` with its trailing area word replaced by each of its synonyms at ``level``
    ('Svativskyi district' -> 'Svativskyi raion', 'Svativskyi rayon'); [] for other words."""
    words = name.split()
    group = LEVEL_WORDS.get(level, ())
    if len(words) < 2 or words[-1].lower() not in group:
        return []
    return [" ".join(words[:-1] + [w]) for w in group if w != words[-1].lower()]


def areas_by_any_word(gaz: Gazetteer, name: str, level: str, levels: tuple[str, ...] | None = None) -> list[int]:
    """:func:`area_candidates` (at ``levels``, else ``level``) of ``name``, else of it with another
    word for its area ('Orel region' is GeoNames' 'Orel Oblast'): the first spelling that names any."""
    for spelling in (name, *area_word_synonyms(name, level)):
        rows = area_candidates(gaz, spelling, levels or (level,))
        if rows:
            return rows
    return []


def area_candidates(gaz: Gazetteer, text: str, levels: tuple[str, ...]) -> list[int]:
    """Rows of areas at ``levels`` named ``text`` ('Donetsk region', 'UA-14', 'DPR', 'Украина').
    A former state stands for all the countries on its territory now ('Kiev, USSR')."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = text.strip()
    state = former_state(text) if "country" in levels else None
    rows: list[int] = successor_rows(gaz, state) if state is not None else []
    if rows:
        return rows
    if _ISO2_RE.match(text) or (len(text) in (2, 3) and text.isalpha() and text.isupper()):
        rows = [row for row in gaz.areas_with_code(text) if gaz.place(row).level in levels]
        if rows and not (len(text) == 2 and text.isalpha()):
            return rows
        # a two-letter code may also be a state's or province's postal code: 'IL' is Israel and
        # Illinois ('Chicago, IL'), 'ON' Ontario; the phrase's candidates decide between them
        rows += [r for r in postal_code_rows(gaz, text) if gaz.place(r).level in levels]
        if rows:
            return list(dict.fromkeys(rows))
    elif text[:1].isupper() and len(text) <= 10:
        # a state's or province's conventional abbreviation ('Mich.', 'N.L.', 'Q. Roo', 'CABA'),
        # its dot stripped in a phrase part; the name it also is still counts ('Mich.' is
        # Michigan too: 'Morelia, Mich.' is Michoacán by the town in it)
        rows = [r for r in postal_code_rows(gaz, text) if gaz.place(r).level in levels]
    variants = _name_variants(text)
    # exact names first, then romanization variants ('Lugansk' ~ 'Luhansk', 'Zaporozhye')
    lookups = [("exact", v) for v in variants] + [("fold", k) for k in dict.fromkeys(
        fold_key(v) for v in variants if len(v) > 3) if len(k) >= 4]  # ('XX' is no spelling of 'XKX')
    for key_type, key in lookups:
        for fr in gaz.lookup(key_type, key).tolist():
            prow = int(gaz.form_place[fr])
            if gaz.place(prow).level in levels:
                rows.append(prow)
        if rows:
            break
    if not rows and undotted(text):  # 'D.P.R.' for 'DPR'
        return area_candidates(gaz, undotted(text), levels)
    return list(dict.fromkeys(rows))


def _name_variants(text: str) -> list[str]:
    """The keys an area name is looked up by: as written, and without its area words."""
    return [v for v in dict.fromkeys([normalize(text), strip_area_words(text)]) if v]


def parse_countries(gaz: Gazetteer, value) -> list[Area]:
    """The countries a country hint means: one, or every successor of a former state
    (``country="USSR"``)."""
    state = former_state(value)
    rows = successor_rows(gaz, state) if state is not None else []
    if rows:
        return [Area(f"{state.name} (now {gaz.place(r).name})", gaz.place(r).country_code, "", r) for r in rows]
    area = parse_country(gaz, value)
    return [area] if area else []


# words of country names as statistics tables abbreviate them ('Korea, Rep.', 'Lao PDR')
_COUNTRY_WORDS = {"rep.": "Republic", "rep": "Republic", "dem.": "Democratic", "fed.": "Federated",
                  "sts.": "States", "is.": "Islands", "st.": "Saint", "pdr": "People's Democratic Republic",
                  "sar": "", "rb": ""}


def country_spellings(value: str) -> list[str]:
    """Other ways to write a country name the way statistics tables do: 'Korea, Rep.' ->
    'Republic of Korea', 'Congo, Dem. Rep.' -> 'Democratic Republic of the Congo', 'Gambia, The'
    -> 'The Gambia', 'Hong Kong SAR, China' -> 'Hong Kong', 'the Ukraine' -> 'Ukraine',
    'Democratic Republic of Congo' -> 'Democratic Republic of the Congo'."""
    text = " ".join(value.split())

    def spelled(t: str) -> str:
        return " ".join(w for w in (_COUNTRY_WORDS.get(w.lower(), w) for w in t.split()) if w)

    out = [text[4:]] if text.lower().startswith("the ") else []
    if text.count(",") == 1:
        head, tail = (spelled(t) for t in text.split(","))
        if tail:
            out += [f"{tail} of the {head}", f"{tail} of {head}", f"{tail} {head}"]
        out.append(head)
    out.append(spelled(text))
    # the article after 'of' as tables keep it or drop it ('Democratic Republic of Congo', as ACLED
    # writes it, and 'Republic of Congo'; 'Republic of the Philippines')
    out += [o.replace(" of the ", " of ", 1) if " of the " in o.lower() else o.replace(" of ", " of the ", 1)
            for o in list(out) if " of " in o.lower()]
    if formal := _FORMAL_RE.match(text):  # last: the name without its state's form ('State of Palestine')
        out.append(formal.group(1))
    return [o for o in dict.fromkeys(out) if o and o != text]


# a country's formal name: its form of state and the name ('Republic of Tanzania', 'State of Palestine')
_FORMAL_RE = re.compile(r"(?:the\s+)?(?:[\w'’]+\s+){0,3}(?:republic|state|kingdom|sultanate|emirate|commonwealth"
                        r"|federation|principality|grand\s+duchy|union)\s+of\s+(?:the\s+)?(\S.*)", re.IGNORECASE)


def table_spellings(text: str) -> list[str]:
    """``country_spellings`` of a name whose part after its comma abbreviates as statistics tables
    do ('Korea, Rep.', 'Yemen, Rep.', 'Congo, Dem. Rep.'); none for any other comma ('Georgia,
    USA' is no country Georgia)."""
    if text.count(",") != 1:
        return []
    head, tail = (t.strip() for t in text.split(","))
    words = tail.lower().split()
    if not words or not any(w in _COUNTRY_WORDS for w in words):
        return []
    return [s for s in country_spellings(text) if s != head]


def _country_rows(gaz: Gazetteer, value: str) -> list[int]:
    rows = area_candidates(gaz, value, ("country",))
    if not rows and len(value.strip()) > 3:  # 'Украина', 'Ukraina': romanized and folded names of the country
        from .candidates import gather
        found = [(e.rank, r) for r, e in gather(gaz, value, fuzzy=False).items()
                 if gaz.place(r).level == "country" and e.sim >= 85 and e.via != "skeleton"]
        # (a consonant skeleton is a guess: 'Republic of Foo' is no 'Republic of Fiji')
        rows = [r for _, r in sorted(found, reverse=True)]
    return rows


def numeric_code(value):
    """A country given as a number (an ISO 3166-1 numeric code: 804, or 804.0 as a column with
    gaps reads it) as its digits ('804'); anything else as it is. (True is no country.)"""
    if isinstance(value, bool):
        raise ValueError(f"country hint must be an ISO code or a country name, got {value!r}")
    if isinstance(value, numbers.Integral) or isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def parse_country(gaz: Gazetteer, value) -> Area | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = numeric_code(value)
    hint_text(value, "country hint (an ISO code or a country name)")
    rows = _country_rows(gaz, value)
    code = value.strip()
    if not rows and len(code) in (2, 3) and code.isalpha() and not code.isupper():
        rows = _country_rows(gaz, code.upper())  # a code in lower case: a column's 'ua', 'ukr'
    countries = gaz.area_rows()
    if not rows and value.strip().isdigit():  # ISO 3166-1 numeric: '804'
        from ..sources.packaged import iso_numeric_codes
        row = countries.get(("country", iso_numeric_codes().get(str(int(value)))))
        rows = [row] if row is not None else []
    for spelling in country_spellings(value) if not rows else ():
        rows = _country_rows(gaz, spelling)
        if rows:
            break
    if not rows:  # a constituent country or other first-level area: 'England', 'Scotland'
        areas = area_candidates(gaz, value, ("admin1",))
        row = countries.get(("country", gaz.place(areas[0]).country_code)) if areas else None
        if row is not None:  # said as what it is: 'country hint England (United Kingdom) matches'
            p, area = gaz.place(row), gaz.place(areas[0])
            return Area(f"{area.name} ({p.name})", p.country_code, area.admin1_code, areas[0])
    if not rows and len(code) == 2 and code.isalpha() and code.upper() in gaz.country_codes():
        # an index without the country's own place (one built from a CSV of villages): its places' code
        return Area(code.upper(), code.upper())
    if not rows:
        raise ValueError(f"unknown country {shown(value)} (use an ISO 3166 code like 'UA' or a name like 'Ukraine')")
    p = gaz.place(rows[0])
    return Area(p.name, p.country_code, "", rows[0])


def parse_admin1(gaz: Gazetteer, value, resolve_name=None, countries: frozenset[str] = frozenset(),
                 resolve_town=None) -> list[Area]:
    """Areas an admin1 hint may mean (several when ambiguous across countries). ``resolve_name``
    (the resolver's) reads what the name lookups miss: 'Донецкая обл.', 'Donetska' (the
    adjective alone), a first-level area it finds with confidence 0.5 or more. ``countries``:
    the country hint's codes, whose areas come first ('Saada' with Yemen is Sa'dah, not Sada,
    Mayotte, whichever the lookups find). ``resolve_town`` (any place, in the country hinted)
    reads an area by the town it is run from, as tables name some ('Bogotá', 'Saada')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    hint_text(value, "admin1 hint (a name or ISO 3166-2 code)")
    if countries and _BARE_CODE_RE.fullmatch(value.strip()):
        # a subdivision code without its country's ('SP', 'MA' and 'AL' in a Brazilian table are
        # São Paulo, Maranhão and Alagoas, not a US state; 'MH' with India is Maharashtra)
        code = value.strip().rstrip(".").upper()
        rows = [r for cc in sorted(countries) for r in area_candidates(gaz, f"{cc}-{code}", ("admin1",))
                if gaz.country_code_of(r) == cc]
        rows = rows or [r for r in area_candidates(gaz, value, ("admin1",)) if gaz.country_code_of(r) in countries]
        if not rows:  # (no other country's area by the code: 'MI' with Italy, a province, is no Michigan)
            raise ValueError(f"unknown first-level area {shown(value)} in {', '.join(sorted(countries))} "
                             "(try the area's name or its ISO 3166-2 code with the country's)")
        return _admin1_areas(gaz, rows)
    rows = area_candidates(gaz, value, ("admin1",))
    elsewhere: list[int] = []
    if countries and rows and not any(gaz.country_code_of(r) in countries for r in rows):
        rows, elsewhere = [], rows  # (looked up in the country first, then these)
    for text in (value, f"{value} region") if not rows and resolve_name is not None and not value.strip().isdigit() else ():
        m = resolve_name(text)  # ('Donetska' region: an area adjective alone)
        rows = [gaz.row_of(m.id)] if m.ok and m.feature == "admin1" and m.confidence >= 0.5 \
            and not guessed_off(m, text) else []
        if rows:
            break
    if not rows and countries and resolve_town is not None:
        rows = _area_of_seat(gaz, resolve_town(value), countries)
    if not rows and elsewhere:
        # an area elsewhere by its name as written ('Kharkiv Oblast' with country RU), not by a
        # looser key ('Saada' folds like Sada, Mayotte)
        written = {int(gaz.form_place[fr]) for v in _name_variants(value) for fr in gaz.lookup("exact", v).tolist()}
        rows = [r for r in elsewhere if r in written]
    if not rows:
        raise ValueError(f"unknown first-level area {shown(value)} (try a name like 'Donetsk region' or a code like 'UA-14')")
    return _admin1_areas(gaz, rows)


def _admin1_areas(gaz: Gazetteer, rows: list[int]) -> list[Area]:
    return [Area(gaz.place(r).name, gaz.place(r).country_code, gaz.place(r).admin1_code, r) for r in rows]


def _area_of_seat(gaz: Gazetteer, town, countries: frozenset[str]) -> list[int]:
    """The first-level area a town found surely in the hinted countries is the seat of, or is
    named like ('Bogotá': Distrito Capital de Bogotá; 'Saada': Şāʻdah); else none."""
    if not (town.ok and town.confidence >= 0.5 and town.feature == "populated place" and town.country_code in countries):
        return []
    town_row = gaz.row_of(town.id)
    row = gaz.area_rows().get(("admin1", town.country_code, gaz.place(town_row).admin1_code)) if town_row is not None else None
    if row is None:
        return []
    seat = town.feature_code in ("PPLA", "PPLC") or fold_key(gaz.place(row).name).startswith(fold_key(town.name)[:5])
    return [row] if seat else []


_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_BARE_CODE_RE = re.compile(r"[A-Za-z0-9]{1,3}\.?")  # a subdivision code as tables write it ('SP', 'ENG')


# what tables write for a value they do not have ('N/A', 'null', 'Unknown'); pandas reads most of
# them as NaN, but a CSV read as text keeps them, and 'N/A' was the Norwegian 'Å i Åfjord' at 0.71
# ('NA' is left out: it is Namibia's code)
MISSING_MARKERS = frozenset({
    "n/a", "#n/a", "n.a.", "n. a.", "null", "none", "nan", "<na>", "unknown", "unk", "unspecified",
    "not specified", "not available", "not known", "not applicable", "undisclosed", "undefined", "tbd",
    "tba", "various", "various locations", "multiple", "multiple locations", "unknown location",
    "location unknown", "no location", "нет данных", "невідомо", "неизвестно",
    # and what archive and bibliography tables write: ditto marks, 'ibid.', 'sine loco' (no place)
    "do.", "ditto", "dto.", "〃", "ibid.", "ibid", "ibidem", "id.", "idem", "sine loco", "s.l.", "s. l.", "n.p.",
    "n. p.", "sans lieu", "o.o.", "ohne ort", "б.м.", "б. м."})


def missing_marker(text: str) -> bool:
    """Is ``text`` as a whole a missing-data marker ('N/A', 'null', 'Unknown')?"""
    return " ".join(text.split()).lower() in MISSING_MARKERS


def missing(value) -> bool:
    """None, NaN, pandas NA or NaT, numpy NaT: a value left empty (a hint not given)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pandas NA has no truth value; arrays are no missing value
        return type(value).__name__ == "NAType"


def parse_date(value) -> int | None:
    """as_of -> yyyymmdd int (accepts date, datetime, 'YYYY', 'YYYY-MM-DD', pandas Timestamp,
    numpy datetime64); None for a missing value."""
    if missing(value):
        return None
    if getattr(getattr(value, "dtype", None), "kind", "") == "M":  # numpy datetime64
        value = value.astype("datetime64[D]").item()
    if hasattr(value, "start_time") and hasattr(value, "freqstr"):  # a pandas Period: its first day
        value = value.start_time
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer() \
            and 1 <= value <= 9999:  # a year, also as a float column holds it (2014.0 beside blanks)
        return int(value) * 10000 + 101
    if isinstance(value, str):
        text = value.strip()
        if _FLOAT_YEAR_RE.fullmatch(text):  # '2014.0', as a float column writes a year to CSV
            text = text.split(".")[0]
        for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%m/%d/%Y", "%Y-%m", "%Y"):
            try:
                d = dt.datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text, fmt)
                return d.year * 10000 + d.month * 100 + d.day
            except ValueError:
                continue
        try:
            d = dt.datetime.fromisoformat(text)
            return d.year * 10000 + d.month * 100 + d.day
        except ValueError:
            pass
        if _YEAR_RE.search(text):  # '5/26/2014 12:00:00 AM', '9 July 2014' (month first when unclear)
            from dateutil import parser
            try:
                d = parser.parse(text, default=dt.datetime(1, 1, 1))  # missing day or month: the first
                return d.year * 10000 + d.month * 100 + d.day
            except (ValueError, OverflowError):
                pass
    raise ValueError(f"as_of must be a date, a datetime or a date string with a four-digit year, got {shown(value)}")


_FLOAT_YEAR_RE = re.compile(r"\d{4}\.0+")
_LAT_LON_RE = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*[,;]\s*([-+]?\d+(?:\.\d+)?)\s*")


HINT_SLIPS_LONG = 8  # letters: a hint's name this long may be read two slips off, a shorter one one


def guessed_off(m, text: str) -> bool:
    """Is ``m``, the reading of a hint's name ``text``, a guess further off than a slip? A hint
    is the caller's word: it is read as written, or a letter slip away ('Donetsk regoin',
    'Kharkvi'; two in a long name, 'Krmatrsk'), never guessed further ('Narnia region' is no
    hint of Nara)."""
    if m.match_kind != "fuzzy":
        return False
    said = to_ascii(normalize(m.head or text))
    slips = 2 if len(said) >= HINT_SLIPS_LONG else 1
    return OSA.distance(said, to_ascii(normalize(m.matched_name)), score_cutoff=slips + 1) > slips


def place_label(m) -> str:
    """A place answered, as a hint's note names it: 'Bakhmut (Donetska oblast, UA)'."""
    where = ", ".join(x for x in (m.admin1, m.country_code) if x)
    return f"{m.name} ({where})" if where else m.name


NEAR_NAME_SURE, NEAR_GUESS_SURE = 0.25, 0.5  # how sure a 'near' place name must be read (a guess: surer)
NEAR_BIG_CITY = 500_000
_WKT_POINT_RE = re.compile(r"POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)", re.IGNORECASE)


def parse_near(value, resolve_name=None) -> tuple[tuple[float, float] | None, str]:
    """near -> ((lat, lon), the place's label when ``value`` names one, else '')
    (see :func:`parse_point`)."""
    if isinstance(value, str) and (wkt := _WKT_POINT_RE.fullmatch(value.strip())):  # 'POINT (37.2 48.3)': lon, lat
        lon, lat = map(float, wkt.groups())
        return parse_point((lat, lon)), ""
    if isinstance(value, str) and all(missing_marker(p) or not p.strip() for p in value.split(",")):
        raise ValueError(f"'near' {shown(value)} names no place and no point")
    if isinstance(value, str) and not _LAT_LON_RE.fullmatch(value) and resolve_name is not None:
        m = resolve_name(value)
        if not m.ok or guessed_off(m, value):
            guess = f" (the closest name, {m.matched_name!r}, is more than a slip off)" if m.ok else ""
            raise ValueError(f"'near' place {shown(value)} could not be resolved{guess}")
        # (a name many small places share is still a city of half a million by it, twice as likely
        # as the next: 'San Francisco', 0.17 among a hundred namesakes)
        big = m.match_kind in ("exact", "alias") and m.population >= NEAR_BIG_CITY and not any(
            2 * a.confidence > m.confidence for a in m.alternatives[:1])
        if m.confidence < (NEAR_GUESS_SURE if m.match_kind == "fuzzy" else NEAR_NAME_SURE) and not big:
            # ('abc' is Albacete by its airport code at 0.24, 'test' Pest a slip off, 'Springfield'
            # one of dozens): a point so unsure moves answers wherever it falls
            raise ValueError(f"'near' place {shown(value)} is too unsure to give a point ({m.name}, "
                             f"{m.country_code}, at {m.confidence:.2f}); give coordinates or a fuller name")
        return parse_point((m.lat, m.lon)), place_label(m)
    return parse_point(value), ""


def parse_point(value) -> tuple[float, float] | None:
    """near -> (lat, lon): a (lat, lon) pair or its text ('48.3, 37.2') or a shapely Point
    (x=lon); a place name is read by :func:`parse_near`."""
    if value is None:
        return None
    if hasattr(value, "geom_type") and value.geom_type == "Point":
        if value.is_empty:
            raise ValueError("near is an empty Point")
        lat, lon = float(value.y), float(value.x)
    elif isinstance(value, str) and (pair := _LAT_LON_RE.fullmatch(value)):  # '48.3, 37.2'
        lat, lon = float(pair.group(1)), float(pair.group(2))
    elif isinstance(value, str):  # (a place name: see parse_near)
        raise ValueError("a place name for 'near' needs a resolver")
    else:
        try:
            if any(isinstance(v, bool) for v in value):  # (True is 1 to float())
                raise TypeError("a flag is no coordinate")
            lat, lon = (float(v) for v in value)
        except (TypeError, ValueError):
            raise ValueError(f"near must be (lat, lon), a shapely Point or a place name, got {shown(value)}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        raise ValueError(f"near point out of range: lat={lat}, lon={lon}")
    return lat, lon


_BBOX_TEXT_RE = re.compile(r"\s*-?[\d.]+\s*(?:,\s*-?[\d.]+\s*){3}")


def _geojson_geometry(obj: dict):
    """A shapely geometry from a GeoJSON geometry, Feature or FeatureCollection (its features'
    union)."""
    from shapely.geometry import shape
    from shapely.ops import unary_union
    kind = obj.get("type")
    if kind == "Feature":
        return shape(obj["geometry"])
    if kind == "FeatureCollection":
        geoms = [shape(f["geometry"]) for f in obj["features"] if f.get("geometry")]
        if not geoms:
            raise ValueError("the FeatureCollection has no geometry")
        return unary_union(geoms)
    return shape(obj)


def parse_within(value):
    """within -> a prepared shapely geometry: a geometry, a bbox (min_lon, min_lat, max_lon,
    max_lat), GeoJSON (geometry, Feature or FeatureCollection; a dict, a string or the path of
    a .geojson/.json file) or WKT."""
    if value is None:
        return None
    from shapely import wkt
    from shapely.geometry import box
    from shapely.prepared import prep
    geom = None
    try:
        if hasattr(value, "geom_type"):
            geom = value
        elif isinstance(value, dict):
            geom = _geojson_geometry(value)
        elif isinstance(value, (str, os.PathLike)):
            text = str(value).strip()
            if text.lower().endswith((".geojson", ".json")):
                if not os.path.isfile(text):
                    raise ValueError(f"no GeoJSON file {shown(text)}")
                with open(text, encoding="utf-8") as fh:
                    text = fh.read().strip()
            if _BBOX_TEXT_RE.fullmatch(text):  # '129,61,130,62' as a command line gives it
                value = text.split(",")
            else:
                geom = _geojson_geometry(json.loads(text)) if text.startswith("{") else wkt.loads(text)
        if geom is None:
            vals = [float(v) for v in value]
            if len(vals) != 4:
                raise ValueError("bbox needs 4 numbers")
            minx, miny, maxx, maxy = vals
            if not (-180 <= minx <= 180 and -180 <= maxx <= 180 and -90 <= miny <= 90 and -90 <= maxy <= 90):
                raise ValueError(f"bbox {tuple(vals)} is out of range (longitudes -180 to 180, latitudes -90 to 90)")
            if miny > maxy:
                raise ValueError("bbox must be (min_lon, min_lat, max_lon, max_lat)")
            # (a west edge east of the east edge crosses the antimeridian: Fiji's (177, -19, -178, -16))
            geom = box(minx, miny, maxx, maxy) if minx <= maxx else \
                box(minx, miny, 180, maxy).union(box(-180, miny, maxx, maxy))
    except Exception as exc:  # shapely raises several types for bad input
        raise ValueError(f"within must be a shapely geometry, (min_lon, min_lat, max_lon, max_lat), "
                         f"GeoJSON or WKT: {exc}") from None
    if geom.is_empty or not geom.is_valid:
        raise ValueError("within geometry is empty or invalid")
    if geom.area == 0:
        raise ValueError(f"within must be an area (a polygon or a bbox), not a {geom.geom_type}: "
                         "'near' takes a point")
    minx, miny, maxx, maxy = geom.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise ValueError(f"within geometry lies outside longitudes -180..180 and latitudes -90..90 "
                         f"(bounds {tuple(round(b, 3) for b in geom.bounds)}): give it in WGS 84 degrees")
    return prep(geom)


def parse_feature(value) -> tuple[str, ...] | None:
    """The feature levels a ``feature`` hint allows: one name ('populated place', 'admin') or
    several (['admin1', 'admin2'] or 'admin1,admin2': either)."""
    if value is None:
        return None
    values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else str(value).split(",")
    levels: list[str] = []
    for v in values:
        key = str(v).strip().lower()
        if key not in FEATURES:
            raise ValueError(f"feature must be one of {sorted(FEATURES)} or a list of them, got {shown(v)}")
        levels += [lvl for lvl in FEATURES[key] if lvl not in levels]
    if not levels:
        raise ValueError("feature must name at least one feature")
    return tuple(levels)


EARTH_KM = 6371.0088  # mean Earth radius (IUGG), as the evaluation's score.py


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (numpy-vectorized)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dl = p2 - p1, np.radians(np.asarray(lon2) - lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def nearest_km(gaz: Gazetteer, row: int, rows: list[int]) -> float:
    """Kilometres from the place at ``row`` to the nearest of ``rows`` (one vectorized call)."""
    lats, lons = np.asarray(gaz.place_lat)[rows], np.asarray(gaz.place_lon)[rows]
    return float(haversine_km(float(gaz.place_lat[row]), float(gaz.place_lon[row]), lats, lons).min())


def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` (degrees from north), on a sphere."""
    d, b = km / EARTH_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


_GRID_DEG = 0.5  # the cells of the populated places' grid (degrees of latitude and longitude)


class _TownGrid(NamedTuple):
    """The populated places with a point, cell by cell."""

    keys: np.ndarray  # the cells holding towns, sorted
    starts: np.ndarray  # where each cell's towns start in ``rows`` (and one past the last)
    rows: np.ndarray  # the towns' rows, cell by cell
    countries: np.ndarray  # their countries, as positions in ``codes``
    codes: dict  # country code -> position


def _town_grid(gaz: Gazetteer) -> _TownGrid:
    """The populated places with a point on a grid of ``_GRID_DEG`` cells: built once per
    gazetteer (a fraction of a second) when a point's neighbours are first asked for."""
    grid = gaz.__dict__.get("_town_grid")
    if grid is None:
        rows = np.flatnonzero(np.asarray(gaz.place_level) == LEVELS.index("populated place"))
        lat, lon = np.asarray(gaz.place_lat)[rows], np.asarray(gaz.place_lon)[rows]
        ok = ~(np.isnan(lat) | np.isnan(lon))
        rows, cells = rows[ok], _cells(lat[ok], lon[ok])
        order = np.argsort(cells, kind="stable")
        keys, starts = np.unique(cells[order], return_index=True)
        rows = rows[order]
        codes: dict = {}
        countries = np.fromiter((codes.setdefault(gaz.country_code_of(r), len(codes)) for r in rows.tolist()),
                                dtype=np.int32, count=len(rows))
        grid = gaz.__dict__["_town_grid"] = _TownGrid(keys, np.append(starts, len(rows)), rows, countries, codes)
    return grid


def _cells(lat, lon) -> np.ndarray:
    """The grid cells of points (a row of 1,000 cells per band of latitude)."""
    return (np.floor(np.asarray(lat) / _GRID_DEG).astype(np.int64) * 1000
            + np.floor(np.asarray(lon) / _GRID_DEG).astype(np.int64))


def _towns_near(grid: _TownGrid, gaz: Gazetteer, lat: float, lon: float,
                within_km: float) -> tuple[np.ndarray, np.ndarray]:
    """(positions in the grid, km) of the towns within ``within_km`` of a point."""
    dlat = within_km / 111.0
    dlon = min(180.0, dlat / max(0.01, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))
    i0, i1 = math.floor((lat - dlat) / _GRID_DEG), math.floor((lat + dlat) / _GRID_DEG)
    j0, j1 = math.floor((lon - dlon) / _GRID_DEG), math.floor((lon + dlon) / _GRID_DEG)
    want = np.array([i * 1000 + j for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)], dtype=np.int64)
    at = np.searchsorted(grid.keys, want)
    hit = (at < len(grid.keys)) & (grid.keys[np.minimum(at, len(grid.keys) - 1)] == want)
    spans = [np.arange(grid.starts[k], grid.starts[k + 1]) for k in at[hit].tolist()]
    pos = np.concatenate(spans) if spans else np.empty(0, dtype=np.int64)
    rows = grid.rows[pos]
    km = haversine_km(lat, lon, np.asarray(gaz.place_lat)[rows], np.asarray(gaz.place_lon)[rows])
    ok = km <= within_km
    return pos[ok], km[ok]


def nearest_town(gaz: Gazetteer, lat: float, lon: float, within_km: float = 50.0) -> int | None:
    """Row of the populated place nearest to a point (within ``within_km``), or None."""
    grid = _town_grid(gaz)
    pos, km = _towns_near(grid, gaz, lat, lon, within_km)
    return int(grid.rows[pos[int(np.argmin(km))]]) if len(pos) else None


def abroad_km(gaz: Gazetteer, row: int, within_km: float = 50.0) -> tuple[float, int] | None:
    """(km, row) of the populated place of another country nearest to the place at ``row``
    (within ``within_km``; the gazetteer's towns stand in for the border line), or None.
    Memoized on the gazetteer."""
    memo = gaz.__dict__.setdefault("_abroad_km", {})
    key = (row, within_km)
    if key not in memo:
        if len(memo) > 1 << 16:
            memo.clear()
        memo[key] = _abroad_km(gaz, row, within_km)
    return memo[key]


def _abroad_km(gaz: Gazetteer, row: int, within_km: float) -> tuple[float, int] | None:
    lat, lon, cc = float(gaz.place_lat[row]), float(gaz.place_lon[row]), gaz.country_code_of(row)
    if lat != lat or not cc:  # (no point, or no country)
        return None
    grid = _town_grid(gaz)
    pos, km = _towns_near(grid, gaz, lat, lon, within_km)
    country = grid.countries[pos]
    other = (country != grid.codes.get(cc, -1)) & (country != grid.codes.get("", -1))
    if not other.any():
        return None
    best = int(np.flatnonzero(other)[int(np.argmin(km[other]))])
    return float(km[best]), int(grid.rows[pos[best]])


class Offset(NamedTuple):
    """Where a distance from a town puts the place ('9km north of Donetsk', '40 km from
    Mariupol'): the point at that distance along the bearing, or the town's with a ring of that
    radius when no bearing is written; the distance as written and the phrase part."""

    lat: float
    lon: float
    ring_km: float
    km: float
    label: str

    @classmethod
    def from_town(cls, lat: float, lon: float, km: float, bearing: float | None, label: str) -> Offset:
        if bearing is None:
            return cls(lat, lon, km, km, label)
        return cls(*offset_point(lat, lon, km, bearing), 0.0, km, label)


def in_admin1_area(country_code: str, admin1_code: str, place) -> bool:
    """Does the place lie in the first-level area (its own code, or a province of Ireland's and
    the like whose county it is: see :func:`in_province`)?"""
    return country_code == place.country_code and (admin1_code == place.admin1_code or in_province(admin1_code, place))


def in_province(admin1_code: str, place) -> bool:
    """May a first-level area under a province the gazetteer lacks (an Irish county: code 'M.11'
    under 'M', Munster) hold the town? Any town of the province may lie in it: GeoNames gives
    towns their province only ('Bantry, Co. Cork', 50 km from the county's middle)."""
    return place.level == "populated place" and bool(place.admin1_code) \
        and admin1_code.startswith(place.admin1_code + ".")


@dataclass
class Hints:
    """Parsed hints of one resolve (see :meth:`Resolver.resolve`)."""

    countries: list[Area] = field(default_factory=list)
    admin1: list[Area] = field(default_factory=list)
    admin2: str = ""  # the second-level area hinted, as written
    admin2_rows: list[int] = field(default_factory=list)  # its districts, or the town it is named after
    near: tuple[float, float] | None = None
    near_name: str = ""  # the place the near point is, when the hint named one
    within: object = None
    as_of: int | None = None
    feature: tuple[str, ...] | None = None
    offset: Offset | None = None  # a distance the phrase gives from a town ('40 km from Mariupol')
    held: dict[str, tuple[Extent, ...]] = field(default_factory=dict)  # {country code: what it held before}

    def offset_km(self, place) -> float | None:
        """How far the place lies from where the phrase's distance puts it, or None."""
        if self.offset is None:
            return None
        o = self.offset
        return abs(float(haversine_km(o.lat, o.lon, place.lat, place.lon)) - o.ring_km)

    def country_of(self, place) -> Area | None:
        """The hinted country the place lies in, if any."""
        return next((c for c in self.countries if c.country_code == place.country_code), None)

    def held_by(self, place) -> tuple[Area, Extent] | None:
        """(the hinted country, the extent) when a hinted country held the place before today's
        borders (on ``as_of``, when given): Danzig in Germany until 1945."""
        for c in self.countries:
            for extent in self.held.get(c.country_code, ()):
                if extent.holds(place, self.as_of):
                    return c, extent
        return None

    def in_country(self, place) -> bool:
        """Does the place lie in one of the hinted countries (or in what one held at the date)?"""
        return self.country_of(place) is not None or bool(self.held) and self.held_by(place) is not None

    def in_areas(self, place) -> bool:
        """Does the place lie in the hinted countries and first-level areas (each when given)?"""
        return (not self.countries or self.in_country(place)) and (not self.admin1 or self.in_admin1(place))

    def admits(self, place) -> bool:
        """Does the place meet the hard hints: country, first-level area, ``within``, feature?"""
        from shapely.geometry import Point
        return self.in_areas(place) and (self.within is None or self.within.contains(Point(place.lon, place.lat))) \
            and (not self.feature or place.level in self.feature)

    def in_admin1(self, place) -> bool:
        """Does the place lie in one of the hinted first-level areas?"""
        return any(in_admin1_area(a.country_code, a.admin1_code, place) for a in self.admin1)
