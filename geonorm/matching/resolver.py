"""``Resolver``: resolve a place name or location phrase, with hints, to an explained ``Match``."""
from __future__ import annotations

import copy
import html
import math
import numbers
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
from shapely.geometry import Point

from ..gazetteer import LEVELS, Gazetteer
from ..names.normalize import MAX_QUERY_CHARS, clip, normalize, repair_mojibake, strip_invisible
from ..sources.cldr import cyrillic_script_countries
from ..sources.curated import written_as_area_code
from . import scoring
from .answer import at_facility_host, candidate_of, person_named, sharing_the_rest, stand_in
from .areas import BIG_CITY, PhraseAreas, all_rows, sector_town
from .candidates import (NAME_VIAS, TYPO_PLACES, WRITTEN_VIAS, Evidence, add_typos, gather_names, names_stop_typos,
                         only_respelled, respelled_row)
from .context import Context, joined
from .facilities import host_of, named_after_kind, plant_kind
from .former_extents import former_extents
from .heads import BIG_PLACE, STOPWORDS, PhraseHeads, as_whole, lowercase, same_name
from .hints import (Hints, Offset, area_candidates, former_state, haversine_km, hint_text, missing,
                    missing_marker, nearest_km, nearest_town, parse_admin1, parse_countries, parse_date, parse_feature,
                    parse_near, parse_within, shown, strip_former, successor_rows)
from .match import Candidate, Match
from .phrase import (PATH_SPLIT_RE, REGION_WORDS, SETTLEMENT_NOUNS, Part, coordinates_in, facility_kind, is_generic, one_kind,
                     names_an_armed_group, names_an_event, other_place_names, parse_phrase, says_more)
from .ranking import GUESS_VIAS, RUNNER_UPS, WITHIN_NOTE, Ranker
from .splits import TOWN_ADJECTIVE, TownAndArea, capitalized

_UNSET = object()
# "Kherson's Antonivka": a capitalized owner (one or two words) and a capitalized name after it
# (after prose, and with a compass word: "Ukrainian troops advanced in Russia's Kursk region",
# "Syria's northwestern Idlib province"; or described: "Libya's eastern city of Benghazi",
# "Somalia's capital Mogadishu", "Yemen's Red Sea port of Hodeidah")
_OWNER_RE = re.compile(r"(?:(?P<prose>.*\s))?(?P<owner>[A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s "
                       r"(?P<place>(?:(?:[a-z][\w-]*\s+){0,3}?(?:" + SETTLEMENT_NOUNS + r"|port)(?:\s+of)?\s+"
                       r"|(?:north|south|east|west|central)[\w-]*\s+)?[A-Z][\w'’-]*(?: [\w'’-]+){0,4})")
_SMALLEST_FIRST = {"admin2": 0, "admin1": 1}
CITY_DISTRICT_KM = 15.0  # a district 'of' a city lies this close to the city's point
# a word of two to five capitals is an acronym, not a misspelt name: it is looked up as written only
_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")
# a district named by an adjective of its town: 'Yasinovatsky', 'Shakhtarskyi', 'Ясиноватский',
# 'Шахтарського', 'Запорізький' (not 'Foo district')
_DISTRICT_ADJECTIVE = re.compile(r"(?:[sz]k(?:y|yi|iy|ii|ij|oy|oho|ogo|i)|[сц]к(?:ий|ой|ого|ом)|[сцз]ьк(?:ий|ого|ому))$",
                                 re.IGNORECASE)
_HROMADA_RE = re.compile(r"\b(?:hromada|громад[аиі])\b", re.IGNORECASE)  # (not 'community': any country's)
_GATHER_CACHE_SIZE = 20_000  # spellings whose candidates are kept (cleared when full)
_PUNCT_SPLIT = re.compile(r"[,;:()\[\]/]")  # written separators always separate
# a distance a phrase gives ('40 km from Mariupol') holds the candidates this far off where it puts
# the place: reports round distances and bearings (eight compass points)
OFFSET_MARGIN, OFFSET_MARGIN_KM = 0.75, 10.0
WRITTEN_POINT_KM = 30.0  # an answer farther than this from coordinates the phrase gives yields to them
# places a phrase lists together: an answer this sure stands alone; else a namesake of the first
# within LISTED_KM of a namesake of another (of the first LISTED_MAX, each with LISTED_NAMESAKES
# looked at) is looked for near it
LISTED_SURE, LISTED_KM, LISTED_MAX, LISTED_NAMESAKES = 0.8, 25.0, 3, 50
# ... of the first place, every namesake the ranking keeps: the commonest village names have over
# a hundred, and villages without a recorded population rank last ('Kalynivka, Chasiv Yar': the
# Kalynivka by the town was 75th of 87)
LISTED_FIRST_NAMESAKES = 400
# namesakes of the first place paired this near each other are one place recorded twice (a
# GeoNames village and its KATOTTG or postal record): the best-ranked stands for them
LISTED_SAME_KM = 5.0
# a misspelt first place this near a later one named as written is the phrase's answer
MISSPELT_FIRST_KM = 4 * LISTED_KM
FACILITY_TOWN_KM = 40.0  # a facility named after a place lies this near the town a phrase puts it in
FACILITY_TOWN_SURE = 0.5  # ... when the town's name as written is read this surely
# a facility named by a town's adjective is the town's when the town has this many times the people
# of every place named like the adjective ('Курская АЭС' is Kursk's plant, not the stanitsa Kurskaya)
ADJECTIVE_TOWN_RATIO, ADJECTIVE_TOWN = 10, 10_000  # (and has this many people at least)
ABROAD_KM = 1000.0  # a small place this far from a big city named after it, abroad, is no neighbour in a list
LISTED_CONFIDENCE = 0.75  # (no data measured it yet: a pairing is evidence, not proof)
_CYRILLIC_COUNTRIES = cyrillic_script_countries()


def _hints_key(overrides: dict) -> tuple:
    """A cache key of hint values as given, exact: a shapely geometry by its WKB and an array by
    its values (their reprs round: two points 100 m apart print alike)."""
    def exact(v):
        if hasattr(v, "wkb"):
            return ("wkb", v.wkb)
        if hasattr(v, "tolist") and hasattr(v, "dtype"):
            return ("array", repr(v.tolist()))
        return repr(v)
    return tuple(sorted((k, exact(v)) for k, v in overrides.items()))


_DASH_RE = re.compile(r"(?<=\w)[\u2010\u2011\u2012\u2013\u2212](?=\w)")  # hyphen, figure and en dashes, minus
_BRACES = str.maketrans("{}", "()")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_AMPERSAND_RE = re.compile(r"(?<=[^\s&])\s*&\s*(?=[^\s&])")  # between words: 'Trinidad & Tobago', 'Kyiv&Lviv'
_ONLY_COORDINATES = "the query is only coordinates, no place name (geonorm.reverse names the place at a point)"
NO_CLOSE_NAME = "no gazetteer name is close to it"


def _limit(value) -> int:
    """``limit`` as an int (numpy's too); a ValueError for anything but a positive whole number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"limit must be a positive integer, got {value!r}")
    return int(value)


def confidence_arg(value, name: str = "min_confidence") -> float | None:
    """A confidence threshold argument as a float in [0, 1] (or None); a ValueError naming the
    argument for anything else (5, NaN, True, '0.5')."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"{name} must be a number in [0, 1], got {value!r}")
    return float(value)


def _detached(m: Match) -> Match:
    """A copy of ``m`` that shares no mutable part with it: the cache keeps one, the caller gets
    another (a caller's edits must not change what the next caller is told)."""
    c = copy.copy(m)
    c.hints, c.other_places = list(m.hints), list(m.other_places)
    c.alternatives = [copy.copy(a) for a in m.alternatives]
    if m.rename is not None:
        c.rename = copy.copy(m.rename)
    if m.offset is not None:
        c.offset = copy.copy(m.offset)
    return c


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _well_formed(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes kept by 'surrogateescape') as U+FFFD:
    a Match's query must encode as UTF-8 (JSON, CSV)."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _query_text(query) -> tuple[str | None, str]:
    """(text, reason) — text is None when the query cannot name a place."""
    if query is None:
        return None, "empty query (None)"
    if isinstance(query, float) and math.isnan(query):
        return None, "empty query (NaN)"
    if not isinstance(query, (str, bytes, bytearray)) and missing(query):
        return None, f"empty query ({query!r})"  # pandas NA / NaT
    if isinstance(query, (bytes, bytearray)):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError:
            return None, "query is binary, not UTF-8 text"
    if not isinstance(query, str):
        if isinstance(query, (int, float)):
            return None, f"query is a number ({query!r}), not a place name"
        return None, f"query of type {type(query).__name__} is not text"
    query = _well_formed(query)
    if len(query) > MAX_QUERY_CHARS:  # (zero-width padding does not push the name past the cut)
        query = strip_invisible(query[:MAX_QUERY_CHARS * 4])
    query = clip(query)  # a place name is never longer; matching clips here too
    if "<" in query or "&" in query:  # scraped cells: '<b>Odesa</b>', 'Bakhmut&nbsp;', 'Kharkiv&#39;s'
        query = html.unescape(_HTML_TAG_RE.sub(" ", query))
    if "\x00" in query:
        query = query.replace("\x00", " ")
    if not query.strip():
        return None, "empty query"
    if missing_marker(query):  # (a whole value: 'None, Piedmont' is the town)
        return None, f"{query.strip()!r} is a missing-data marker, not a place name"
    if _FORMULA_RE.match(query):  # ('=SUM(A1:A3)' had been Sztum, Poland, by a romanization of 'Sum')
        return None, "query is a spreadsheet formula, not a place name"
    if not any(ch.isalpha() for ch in query):
        if coordinates_in(query)[0] is not None:
            return None, _ONLY_COORDINATES
        return None, "query has no letters"
    return query, ""


_FORMULA_RE = re.compile(r"\s*[=+@]\s*[A-Za-z][A-Za-z0-9_.]*\s*\(")  # a spreadsheet formula left in a cell


def _paired(candidates: list, points: list[tuple]) -> list[tuple]:
    """(candidate, point, km) for each candidate within :data:`LISTED_KM` of one of ``points``
    (lat, lon, name), its nearest. A place bearing the name as an alternate only gives way to
    one whose own name it is ('Stepanovka' is an old name of Stepano-Krynka, not Stepanivka's)."""
    lats, lons = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    paired = []
    for c in candidates:
        if c.lat is None:
            continue
        d = haversine_km(c.lat, c.lon, lats, lons)
        nearest = int(d.argmin())
        if float(d[nearest]) <= LISTED_KM:
            paired.append((c, points[nearest], float(d[nearest])))
    if len(paired) > 1:
        paired = [p for p in paired if p[0].match_kind not in ("alias", "fuzzy")] or paired
    first = paired[0][0] if paired else None
    if len(paired) > 1 and all(float(haversine_km(first.lat, first.lon, c.lat, c.lon)) <= LISTED_SAME_KM
                               for c, _, _ in paired[1:]):
        paired = paired[:1]  # (one place recorded twice)
    return paired


class Resolver:
    """A reusable, thread-safe resolver over one gazetteer with default hints.

    Every keyword of :meth:`resolve` can be given here as a default. Results for repeated
    (query, hints) pairs are cached (``cache_size`` entries).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, country=None, admin1=None, admin2=None,
                 near=None, within=None, as_of=None, feature=None, limit: int = 1,
                 min_confidence: float | None = None, fuzzy: bool = True, typo_reach: int = TYPO_PLACES,
                 cache_size: int = 100_000, fallback=None, fallback_below: float = 0.5) -> None:
        if not isinstance(typo_reach, int) or typo_reach < 1:
            raise ValueError(f"typo_reach must be a positive integer, got {typo_reach!r}")
        if fallback is not None and not callable(getattr(fallback, "geocode", fallback)):
            raise ValueError("fallback must be a geopy geocoder (or a function called as geopy's geocode(query, "
                             f"exactly_one=True, timeout=...) that returns a geopy Location or None), got {fallback!r}")
        if isinstance(cache_size, bool) or not isinstance(cache_size, int) or cache_size < 0:
            raise ValueError(f"cache_size must be an integer >= 0 (0: no cache), got {cache_size!r}")
        if fallback_below is None:
            raise ValueError("fallback_below must be a number in [0, 1], got None")
        fallback_below = confidence_arg(fallback_below, "fallback_below")
        if gazetteer is not None and not (hasattr(gazetteer, "form_place") and hasattr(gazetteer, "place")):
            raise TypeError(f"gazetteer must be a Gazetteer (Gazetteer.open(path) for an index), "
                            f"got {type(gazetteer).__name__}")
        self.gazetteer = gazetteer or Gazetteer.default()
        self.defaults = dict(country=country, admin1=admin1, admin2=admin2, near=near, within=within,
                             as_of=as_of, feature=feature, limit=_limit(limit),
                             min_confidence=confidence_arg(min_confidence))
        self.typo_reach = typo_reach
        self.fallback = fallback
        self._cache: OrderedDict = OrderedDict()
        self._hint_cache: dict = {}
        self._gather_cache: dict = {}
        self._areas = PhraseAreas(self.gazetteer, self._gather)
        self._heads = PhraseHeads(self.gazetteer, self._gather, self._areas, fuzzy)
        self._ranker = Ranker(self.gazetteer, self._areas)
        self._splits = TownAndArea(self.gazetteer, self._gather, self._heads, self._areas)
        self.fuzzy = fuzzy
        self.fallback_below = fallback_below
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._hint_defaults = {k: v for k, v in self.defaults.items() if k not in ("limit", "min_confidence")}
        self._default_hints = self._hints(**self._hint_defaults)

    @property
    def fuzzy(self) -> bool:
        """Whether guessed spellings (typos, consonant skeletons) may answer."""
        return self._heads.fuzzy

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if not (isinstance(value, (bool, np.bool_)) or isinstance(value, numbers.Integral) and value in (0, 1)):
            # ('no' is truthy: a silent opposite)
            raise ValueError(f"fuzzy must be True or False, got {value!r}")
        self._heads.fuzzy = bool(value)

    def settings(self) -> dict:
        """The keywords that rebuild this resolver's behaviour over the same gazetteer (worker
        processes that cannot fork open the index by path and pass these)."""
        return dict(self.defaults, fuzzy=self.fuzzy, typo_reach=self.typo_reach, cache_size=self._cache_size,
                    fallback=self.fallback, fallback_below=self.fallback_below)

    # ---- public -------------------------------------------------------------------------
    def resolve(self, query, *, country=_UNSET, admin1=_UNSET, admin2=_UNSET, near=_UNSET,
                within=_UNSET, as_of=_UNSET, feature=_UNSET, limit=_UNSET, min_confidence=_UNSET,
                context: Context | None = None, fill: bool = True) -> Match:
        """Resolve one name or phrase. Invalid hints raise ValueError; bad queries give no-match.

        Hints: ``country`` (ISO code or any name), ``admin1`` (a first-level area: name or ISO
        3166-2 code), ``admin2`` (a district, raion or county by name; an abolished raion by its
        town), ``near`` (a point or a place name), ``within`` (a geometry, bbox or GeoJSON),
        ``as_of`` (a date), ``feature`` (a feature level or a list of them).
        ``context`` (a :class:`~geonorm.matching.context.Context`) adds soft evidence from other
        queries: the rows of a column, the other mentions of a document, the source text of a
        phrase (:func:`geonorm.text_context`). ``fill``: a list of
        candidates shorter than ``limit`` goes on with spellings a slip or two away (False: the
        places the query names only, however few)."""
        given = dict(country=country, admin1=admin1, admin2=admin2, near=near, within=within, as_of=as_of,
                     feature=feature)
        overrides = {k: v for k, v in given.items() if v is not _UNSET}
        limit = self.defaults["limit"] if limit is _UNSET else _limit(limit)
        min_conf = self.defaults["min_confidence"] if min_confidence is _UNSET else confidence_arg(min_confidence)
        hints = self._cached_hints(overrides) if overrides else self._default_hints
        text, reason = _query_text(query)
        if text is None:
            return Match(query="" if query is None else _well_formed(str(query)[:200]), reason=reason)
        key = None
        if self._cache_size and (within is _UNSET or within is None):  # (cache_size=0: no cache)
            key = (text, _hints_key(overrides), limit, min_conf,
                   context.key if context else None, fill)
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    return _detached(hit)
        written = repair_mojibake(text)
        garbled = written != text
        # identifiers and slugs: 'Pokrovsk_Donetsk', 'New_York' (no name holds an underscore)
        written = written.replace("_", " ") if "_" in written else written
        if "{" in written or "}" in written:  # braces bracket as parentheses do: 'Kharkiv {UA}'
            written = written.translate(_BRACES)
        # a dash between two words joins them as a hyphen does: typeset text writes a route or a
        # front line with an en dash ('Svatove–Kreminna line', 'Kharkiv–Kyiv highway')
        written = _DASH_RE.sub("-", written)
        if "&" in written and not self._heads.is_name(written):
            # an ampersand is 'and': of a name ('Turks & Caicos Islands') or of a list ('Kyiv &
            # Lviv'), unless the value as written is a name ('Bikini & Kili', 'T&T')
            written = _AMPERSAND_RE.sub(" and ", written)
        written = one_kind(written)  # ('district/suburb of Donetsk': one kind, no path or two names)
        match = self._resolve_written(written, hints, limit, min_conf, context or None)
        # ('Zaporizhzhia NPP' is at Enerhodar, 50 km from the city it is named after)
        match = at_facility_host(self.gazetteer, match, host_of(written, match.id, match.head), hints)
        if self.fallback is not None and (not match.ok or match.confidence < self.fallback_below):
            from .fallback import consult
            match = consult(self.fallback, written, match, hints)
        if limit > 1 and self.fuzzy and fill:
            match = self._filled(match, written, hints, limit)
        if garbled:
            match = replace(match, query=text, hints=[
                f"the query was garbled by a wrong decoding (UTF-8 read as another code page): read as {written!r}",
                *match.hints])
        elif written != text:
            match = replace(match, query=text)
        if key is not None and "fallback failed" not in match.reason:  # retry failed fallbacks later
            with self._lock:
                self._cache[key] = _detached(match)
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return match

    def resolve_many(self, queries: Iterable, **hints) -> list[Match]:
        """Resolve each query (same hints for all); distinct queries are resolved once."""
        if isinstance(queries, (str, bytes)):  # (its letters one by one is never what is meant)
            raise TypeError("resolve_many takes an iterable of queries, not one string: use resolve()")
        queries = list(queries)
        if not queries:
            self.resolve("", **hints)  # (a bad hint is an error, however few the queries)
        return [self.resolve(q, **hints) for q in queries]

    def _gather(self, text: str, fuzzy: bool = True, force_fuzzy: bool = False,
                oblique: bool = False, case: str = "") -> dict[int, Evidence]:
        """``candidates.gather``, memoized per text: a document or a column resolves the same
        spelling again with other context or hints (a copy: callers may extend it)."""
        key = (text, fuzzy, force_fuzzy, oblique, case)
        hit = self._gather_cache.get(key)
        if hit is None:
            if fuzzy:  # the name lookups of this text are usually memoized already
                hit = self._gather(text, fuzzy=False, oblique=oblique, case=case)
                if force_fuzzy and not names_stop_typos(hit):  # (forcing changes nothing)
                    return self._gather(text, oblique=oblique, case=case)
                add_typos(self.gazetteer, text, hit, force_fuzzy, self.typo_reach)
            else:
                hit = gather_names(self.gazetteer, text, oblique, case)
            with self._lock:
                if len(self._gather_cache) >= _GATHER_CACHE_SIZE:
                    self._gather_cache.clear()
                self._gather_cache[key] = hit
        return dict(hit)

    def _filled(self, match: Match, text: str, hints: Hints, limit: int) -> Match:
        """A list of candidates shorter than the ``limit`` asked for goes on with the typo search
        of the query run as if nothing had been found ('Miltn' is the romanization of Bulgarian
        'Милтън', a Milton, and a slip of many Miltons), ranked after the answer's own candidates
        with the confidence they leave, none above the last of them; an answer by a name has its
        guessed runner-ups ranked again with them. The answer itself does not change with
        ``limit``; a phrase's parts are not searched again (the places its areas left out stay out).
        (A list as long as asked, up to the answer and its :data:`RUNNER_UPS`, is the one limit=1
        gives: ``limit`` 2 to 5 lists no fewer runner-ups, nor others.)"""
        listed = ([candidate_of(match)] if match.ok else []) + list(match.alternatives)
        if limit <= RUNNER_UPS + 1 and len(listed) >= limit:
            return match
        if not (listed or match.reason == NO_CLOSE_NAME):
            return match
        # an answer by a name: its runner-ups from the first guessed spelling on are ranked again
        # with the typo search's ('Maniiur' is read as Maniyur; its list went on with guesses three
        # slips off, not Manipur one off). (A guessed answer's list came from the typo search.)
        kept = len(listed) if not match.ok or match.match_kind == "fuzzy" else \
            next((i for i, c in enumerate(listed) if i and c.match_kind == "fuzzy"), len(listed))
        if kept >= limit:
            return match
        guessed, listed = listed[kept:], listed[:kept]
        gaz = self.gazetteer
        seen = {c.id for c in listed}
        evidence = self._gather(text, force_fuzzy=True)
        # (spellings guessed or folded only: a name of the whole phrase as written was the
        # phrase's to read; the closest spellings, a few for each place the list lacks: folded
        # hits, then guesses by their slips as written, fewest first: 'Maniiur' is Manipur one
        # slip off, not after thirty consonant-skeleton guesses three or four off)
        rows = sorted((r for r, e in evidence.items() if e.via not in WRITTEN_VIAS and int(gaz.place_id[r]) not in seen),
                      key=lambda r: (evidence[r].via not in GUESS_VIAS, -evidence[r].edits, evidence[r].rank,
                                     int(gaz.place_pop[r])), reverse=True)[:3 * limit]
        if not rows:
            return match
        found = self._ranker.rank(text, Part(text=text, raw=text), {r: evidence[r] for r in rows}, hints, [], [],
                                  limit, None)
        extra = [c for c in ([candidate_of(found)] if found.ok else []) + list(found.alternatives)
                 if c.id not in seen][:limit - len(listed)]
        if not extra:
            return match
        left = max(0.0, 1.0 - sum(c.confidence for c in listed))
        last = min((c.confidence for c in listed), default=1.0)
        share = min(1.0, left / max(sum(c.confidence for c in extra), 1e-9),
                    last / max(max(c.confidence for c in extra), 1e-9))
        extra = sharing_the_rest(extra, 1.0 - share)
        ids = {c.id for c in extra}  # (a guess of the first ranking the typo search did not find stays)
        extra += [c for c in guessed if c.id not in ids][:max(0, limit - len(listed) - len(extra))]
        return replace(match, alternatives=[*match.alternatives[:kept - (1 if match.ok else 0)], *extra])

    # ---- hints --------------------------------------------------------------------------
    def _cached_hints(self, overrides: dict) -> Hints:
        """The resolver's default hints with a call's ``overrides`` (a hint given per call or row
        replaces that hint only: a default ``within`` holds beside a row's country), parsed and
        cached per distinct value set (table rows repeat the same hints)."""
        merged = {**self._hint_defaults, **overrides}
        if "within" in overrides and overrides["within"] is not None:
            return self._hints(**merged)
        # (a default area is the same object every call: it keys by whether a call replaced it)
        key = (_hints_key({k: v for k, v in merged.items() if k != "within"}), "within" in overrides)
        with self._lock:
            hit = self._hint_cache.get(key)
        if hit is None:
            hit = self._hints(**merged)
            with self._lock:
                if len(self._hint_cache) > 10_000:
                    self._hint_cache.clear()
                self._hint_cache[key] = hit
        return hit

    def _hints(self, country=None, admin1=None, admin2=None, near=None, within=None, as_of=None,
               feature=None) -> Hints:
        gaz = self.gazetteer
        h = Hints()
        if not missing(country):
            # one value, or several ('UA', 804, 'Ukraine'); a number is an ISO numeric code
            values = [country] if isinstance(country, (str, bytes, numbers.Number)) \
                or not isinstance(country, Iterable) else list(country)
            h.countries = [c for v in values for c in parse_countries(gaz, v)]
        h.admin1 = parse_admin1(gaz, admin1, resolve_name=lambda n: self._lookup(n, feature="admin1", country=country),
                                countries=frozenset(c.country_code for c in h.countries),
                                resolve_town=lambda n: self._lookup(n, country=country))
        if not h.admin1:  # a first-level area given as the country ('England', 'Texas') is one too
            h.admin1 = [a for a in h.countries if a.admin1_code]
        h.admin2, h.admin2_rows = self._admin2(admin2, h, dict(country=country, admin1=admin1))
        h.near, h.near_name = parse_near(near, resolve_name=self._lookup)
        h.within = parse_within(within)
        h.as_of = parse_date(as_of)
        h.feature = parse_feature(feature)
        if h.countries:
            extents = former_extents(gaz)
            h.held = {c.country_code: extents[c.country_code] for c in h.countries if c.country_code in extents}
        return h

    def _lookup(self, name: str, **hints) -> Match:
        """``name`` (of a hint: an area, a 'near' place) resolved with ``hints`` only, none of the
        resolver's defaults: ``Resolver(admin1='Donetska')`` reads its own hint so."""
        return self.resolve(name, **{**dict.fromkeys(self._hint_defaults), **hints})

    def _admin2(self, value, h: Hints, given: dict) -> tuple[str, list[int]]:
        """(label, rows) of an admin2 hint: the districts of that name inside the first-level
        areas or countries hinted, or the town a district is named after ('Shakhtarsk raion',
        abolished in 2020; 'Makiivka City municipality'), found by the resolver (``given``
        hints) at confidence 0.5 or more when misspelt ('Shaktarsk raion')."""
        if missing(value):
            return "", []
        value = hint_text(value, "admin2 hint (the name of a second-level area)")
        if is_generic(value):
            raise ValueError(f"admin2 hint {shown(value)} names no area, only area words")
        parts = [p for p in parse_phrase(value) if p.text]
        part = self._splits.area_of_adjective(parts[0] if parts else Part(text=value, raw=value), "admin2")
        within = [a.row for a in h.admin1 if a.row >= 0] or [c.row for c in h.countries if c.row >= 0]
        rows = self._areas.district(part, within)
        if not rows:
            m = self._lookup(part.text, feature=("populated place", "admin2"), **given)
            rows = [self.gazetteer.row_of(m.id)] if m.ok and m.confidence >= 0.5 else []
            rows += self._areas.districts_named_after(rows)
        if not rows:
            raise ValueError(f"unknown second-level area {shown(value)} (try a name like 'Bakhmut raion' or "
                             "'Cook County')")
        return value, rows

    # ---- the pipeline --------------------------------------------------------------------
    def _resolve_written(self, text: str, hints: Hints, limit: int, min_conf: float | None,
                         context: Context | None) -> Match:
        """Coordinates written in the phrase ('Olhivka, Kharkiv Oblast @GeoConfirmed 49.23796,
        37.86989') are its 'near' point unless the caller gave one; the rest is resolved."""
        point, rest = coordinates_in(text)
        if point is None:
            return self._resolve_listed(text, hints, limit, min_conf, context)
        if not any(ch.isalpha() for ch in rest):
            return Match(query=text, reason=_ONLY_COORDINATES)
        note = f"coordinates written in the query ({point[0]}, {point[1]})"
        if hints.near is not None:
            match = self._resolve_listed(rest, hints, limit, min_conf, context)
            return replace(match, query=text, hints=[note + " ignored: the 'near' hint given wins", *match.hints])
        match = self._resolve_listed(rest, replace(hints, near=point), limit, min_conf, context)
        far = not match.ok or match.lat is None or float(
            haversine_km(point[0], point[1], match.lat, match.lon)) > WRITTEN_POINT_KM
        town = nearest_town(self.gazetteer, *point) if far else None
        if town is None:
            return replace(match, query=text, hints=[note + " used as the 'near' point", *match.hints])
        # the named place is not in the gazetteer near the point the phrase gives: the point
        # wins, answered with the town nearest to it ('Olhivka … @GeoConfirmed 49.23796, 37.86989')
        return self._point_answer(text, match, town, point, note)

    def _resolve_listed(self, text: str, hints: Hints, limit: int, min_conf: float | None,
                        context: Context | None) -> Match:
        """A phrase naming several places answers with the first, unless the first lies outside
        the country, admin1 or admin2 hint and a later one inside it ('near the border villages of
        Krasnaya Zarya and Dmitrovka' with admin1='Donetsk oblast')."""
        path, note = self._area_path(text), "read as a path from the largest area down to the place"
        if path is None:
            path, note = self._splits.town_then_region(text), "read as a town and the first-level area that holds it"
        if path is None:
            path, note = self._splits.town_in_area(text), "read as a town and the area it is said to be in"
        if path is None:  # 'Kharkivska', 'Бахмутський': a column of oblasts or raions
            path, note = self._splits.adjective_area_name(text), "read as an area's adjective with its area word"
        if path is not None:
            m = self._resolve(path, hints, limit, min_conf, context)
            return replace(m, query=text, hints=[*m.hints, f"{note}: {path!r}"])
        turned, owner = self._owner_turned(text)
        if turned:
            # "Russia's Kursk region", "Aleppo's Sheikh Maqsoud": the place of (or in) the owner
            found = self._resolve(turned, hints, limit, min_conf, context)
            # (in the owner, or the owner itself standing in; not a guess elsewhere: "St George's
            # Chapel" is no Capel, Australia, by 'Chapel, St George')
            if f"phrase part {owner!r} names its area" in found.hints or found.ok and (
                    found.match_kind == "area" or found.head == owner):
                return replace(found, query=text, hints=[*found.hints, f"read as {turned!r}"])
        m = self._resolve(text, hints, limit, min_conf, context)
        if m.ok and m.other_places and m.confidence < LISTED_SURE and hints.near is None and context is None:
            m = self._listed_together(text, m, hints, limit, min_conf)
        if m.ok and m.other_places and not (hints.countries or hints.admin1 or hints.near is not None):
            m = self._in_city_abroad(text, m, hints, min_conf) or m
        if not (hints.countries or hints.admin1 or hints.admin2_rows) or not m.ok or not m.other_places \
                or self._fits(m.id, hints):
            return m
        for raw in m.other_places:
            alt = self._resolve(raw, hints, limit, min_conf, context)
            if alt.ok and self._fits(alt.id, hints):
                note = (f"the phrase names {m.head!r} first, but {m.name} lies outside the hinted area; "
                        f"answered with the next place it names, {raw!r}")
                others = [o for o in [m.head, *m.other_places] if o and o != raw]
                return replace(alt, query=text, hints=[*alt.hints, note], other_places=others)
        return m

    def _listed_together(self, text: str, m: Match, hints: Hints, limit: int, min_conf: float | None) -> Match:
        """Places a phrase lists together lie near each other ('between Pisky and Opytne',
        'Vodiane - Pisky'): of the first place's namesakes, the one alone within
        :data:`LISTED_KM` of a namesake of another place listed is looked for near it."""
        points, answers = [], []  # (lat, lon, name) of every namesake of the other places listed; of their answers
        for raw in m.other_places[:LISTED_MAX]:
            other = self._resolve(raw, hints, LISTED_NAMESAKES, None)
            # (a town, not an area: 'Bath, Somerset' names the county, whose point says nothing of
            # where its towns lie, nor do the towns named Somerset abroad)
            if other.ok and other.feature == "populated place":
                # (a place read surely stands for itself, not for villages named after it)
                sure = other.confidence >= LISTED_SURE
                points += [(c.lat, c.lon, c.name) for c in [other, *([] if sure else other.alternatives)]
                           if c.lat is not None]
                answers += [(other.lat, other.lon, other.name)] if other.lat is not None else []
        if not points:
            return m
        wide = self._resolve(text, hints, LISTED_FIRST_NAMESAKES, None)  # the first place's namesakes
        # near the other places as answered first ('Dibrova, Kreminna': the Dibrova by the town,
        # though others lie by villages named Kreminna), then near any of their namesakes
        paired = _paired([wide, *wide.alternatives], answers) if answers else []
        if len(paired) != 1:
            paired = _paired([wide, *wide.alternatives], points)
        if len(paired) != 1:  # none, or namesakes near several: the list settles nothing
            return m
        c, (lat, lon, name), km = paired[0]
        around = Point(c.lon, c.lat).buffer(0.01)  # (the namesake's own point)
        # (looked for there as near a point given: the pairing is evidence as such a point is)
        found = self._resolve(text, replace(hints, within=around, near=(c.lat, c.lon)), limit, min_conf)
        if not found.ok or found.id != c.id:
            return m
        conf = min(found.confidence, LISTED_CONFIDENCE)
        if min_conf is not None and conf < min_conf:  # (capped below what the caller asks: as it was)
            return m
        note = f"the phrase lists it with {name}, {km:.0f} km off: places listed together lie near each other"
        others = sharing_the_rest([a for a in [candidate_of(m), *m.alternatives] if a.id != c.id], conf)
        others = others[:max(len(m.alternatives), 1)]
        return replace(found, confidence=conf, alternatives=others,
                       hints=[note, *[h for h in found.hints
                                      if "'near' point" not in h and not h.startswith(WITHIN_NOTE)]])

    def _in_city_abroad(self, text: str, m: Match, hints: Hints, min_conf: float | None) -> Match | None:
        """'Heathrow, London', 'Thames, London', 'Kibera, Nairobi': a small place (or a
        guessed spelling) named before a city of 100,000+ that lies in another country more than
        :data:`ABROAD_KM` off is no neighbour in a list: the phrase names a quarter of the city
        the gazetteer lacks, and the city stands in for it (as an area named after the place
        does); None otherwise ('Shebekino, Kharkiv' are neighbours across a border)."""
        if m.match_kind not in ("fuzzy", "exact", "alias", "transliteration") or m.lat is None \
                or m.population >= BIG_PLACE and m.match_kind != "fuzzy":
            return None
        if m.other_places[0].isupper():  # a code ('Nenagh MDC', a district council, is no Manado by MDC)
            return None
        city = self._resolve(m.other_places[0], hints, 5, None)
        if not city.ok or city.feature != "populated place" or city.population < BIG_CITY \
                or city.match_kind not in ("exact", "alias") or city.confidence < FACILITY_TOWN_SURE \
                or city.country_code == m.country_code:
            return None
        km = float(haversine_km(city.lat, city.lon, m.lat, m.lon))
        conf = min(city.confidence, scoring.AREA_ANSWER_CONFIDENCE["populated place"])
        if km <= ABROAD_KM or min_conf is not None and conf < min_conf:
            return None
        note = (f"{m.head or text!r} is not in the gazetteer within {city.name}; answered with the city (the "
                f"gazetteer's {m.name} lies in {m.country or m.country_code}, {km:,.0f} km off)")
        return replace(city, query=text, match_kind="area", confidence=conf, hints=[note],
                       alternatives=sharing_the_rest([candidate_of(m), *m.alternatives], conf,
                                                     below=True)[:max(len(m.alternatives), 1)],
                       other_places=list(m.other_places[1:]))

    def _sector_context(self, sectors: list[Part], hints: Hints) -> Context:
        """The towns front sectors are named after ('Kupyansk direction'), when a town of
        :func:`~.areas.sector_town` people or more is named so as written, as a soft context: the places
        named with a sector are likelier near its town ('Kupyansk direction: Sinkovka' is the
        Synkivka 8 km from Kupiansk, not one in Kyiv oblast)."""
        towns = [self._resolve(p.raw, hints, 1, None) for p in sectors]  # (as a sector: 'Купянское направление')
        return Context.around([m for m in towns if m.ok and m.feature == "populated place"
                               and m.match_kind != "fuzzy" and m.population >= sector_town(m.country_code)],
                              label="front sector")

    def _owner_turned(self, text: str) -> tuple[str, str]:
        """"Kherson's Antonivka" -> ('Antonivka, Kherson', 'Kherson'), else ('', ''): a phrase whose
        owner is an area or a city (a town of :data:`BIG_PLACE` people), turned as written with a
        comma, and the owner; not a name as a whole ("Martha's Vineyard", "King's Lynn") nor an
        owner named like a person ("Jackson's Bakery", "Wilson's Farm", though Wilson and Jackson
        are towns and counties) unless a city of a million has the name."""
        found = _OWNER_RE.fullmatch(text.strip())
        if found is None:
            return "", ""
        owner, place, prose = found["owner"], found["place"], found["prose"] or ""
        if not self._big_or_area(owner) or self._heads.is_name(text.strip()[len(prose):]):
            return "", ""
        if person_named(owner) and not any(int(self.gazetteer.place_pop[r]) >= scoring.FACILITY_PERSON_CITY
                                           for r in self._heads.written_hits(owner)):
            return "", ""  # (a city of a million is the likelier owner: "Paris's Marais")
        return f"{prose}{place}, {owner}", owner

    def _big_or_area(self, text: str) -> bool:
        """Is ``text`` as written the name of an area or of a town of 50,000 people or more?"""
        gaz = self.gazetteer
        return any(LEVELS[int(gaz.place_level[r])] != "populated place" or int(gaz.place_pop[r]) >= BIG_PLACE
                   for r in self._heads.written_hits(text))

    def _area_path(self, text: str) -> str | None:
        """'Ukraine > Donetsk > Bakhmut', 'Ukraine/Donetsk oblast/Bakhmut', 'Ukraine, Donetsk,
        Bakhmut': a path from the largest area down (with commas: from a country, in three steps
        or more), as tables and breadcrumbs write it, whose place is the last step: the phrase
        turned ('Bakhmut, Donetsk, Ukraine'). None when the first step is no area only, or the last
        one is ('Kiev/Kyiv' are two names, 'Ukraine/Russia' two countries, 'Kharkiv - Kupiansk' a
        city and a town)."""
        commas = "," in text
        if commas:  # 'Ukraine, Donetsk, Bakhmut': three steps or more from a country down
            steps = [s.strip() for s in text.split(",") if s.strip()]
            if len(steps) < 3 or PATH_SPLIT_RE.search(text):
                return None
        elif PATH_SPLIT_RE.search(text):
            steps = [s.strip() for s in PATH_SPLIT_RE.split(text) if s.strip()]
            if len(steps) < 2:
                return None
        else:
            return None
        first, last = self._gather(steps[0], fuzzy=False), self._gather(steps[-1], fuzzy=False)
        if not first or not self._heads.names_only_areas(first) or not last or self._heads.names_only_areas(last):
            return None
        if commas and not any(self.gazetteer.place(r).level == "country" for r in first):
            return None
        return ", ".join(reversed(steps))

    def _fits(self, place_id: int | None, hints: Hints) -> bool:
        """Does the place lie in the country, the first-level and the second-level area the hints
        name?"""
        row = self.gazetteer.row_of(place_id) if place_id is not None else None
        if row is None:
            return True
        p = self.gazetteer.place(row)
        return hints.in_areas(p) and (not hints.admin2_rows or self._areas.inside_any(row, p, hints.admin2_rows))

    def _resolve(self, text: str, hints: Hints, limit: int, min_conf: float | None,
                 context: Context | None = None) -> Match:
        gaz = self.gazetteer
        if is_generic(text) and (text == text.lower() or not self._heads.is_name(text)):
            # ('the', 'and' in lower case are words, not the codes THE and AND, or the town Of)
            return Match(query=text, reason="the query has only generic words (near, village, region...), "
                                            "no place name")
        if names_an_armed_group(text):  # ('Hamas' is no slip of Hamm by its Lithuanian name)
            return Match(query=text, reason="the query names an armed group, no place")
        if names_an_event(text) and not self._heads.is_name(text):
            # ('Shelling', 'Airstrikes': no slip of Welling or a hamlet; a town so named is one)
            return Match(query=text, reason="the query names an event (shelling, clashes...), no place")
        turned = self._heads.turned_area_name(text)  # 'Korea, North', 'Sudan (South)'
        parts = [Part(text=turned, raw=turned)] if turned else parse_phrase(text) or [Part(text=text, raw=text)]
        parts = [q for p in parts for h in self._splits.names_hyphenated(p)
                 for q in self._splits.town_before_its_area(self._splits.area_of_adjective(h))]
        if all(p.feature == "street" for p in parts):
            return Match(query=text, reason="the query names a street; the gazetteer holds places, not streets",
                         head=parts[0].text)
        # 'Yugoslavia', 'the former Soviet Union', 'Yugoslavia (former)', 'USSR; USSR'
        named = {normalize(strip_former(p.raw)) for p in parts} - {"former", ""}
        state = former_state(parts[0].text) if len(named) == 1 else None
        if state is not None:
            if state.relation == "dissolved":
                return self._dissolved_state_answer(text, parts[0], state)
            parts = [replace(parts[0], text=strip_former(parts[0].text))]  # 'the former Soviet Union'
        if is_generic(text):  # and yet a name ('The Villages', Florida)
            parts = [Part(text=text, raw=text)]
        elif (len(parts) > 1 or parts[0].alternatives) and (  # ('Frankfurt/Oder': one part, two readings)
                not _PUNCT_SPLIT.search(text) and self._heads.is_name(text) or self._heads.named_with_separator(text)) \
                or len(parts) == 1 and parts[0].raw != text.strip() and parts[0].raw in text \
                and not parts[0].text.isdigit() and not _PUNCT_SPLIT.search(text) and self._heads.is_name(text):
            # the whole phrase is a name: 'Bosnia and Herzegovina', GeoNames' 'Tatarstan, Respublika',
            # one read with words dropped: 'Sedibeng District Municipality' ('Sedibeng District'),
            # 'City and County of San Francisco', 'Région PACA', 'Region VII' (not 'District 2',
            # GeoNames' council district 'District #2', a number with an area word)
            parts = [Part(text=text, raw=text)]
        # the head is taken from the parts that are not area words ('Donetsk region'); only a
        # phrase made of area parts alone ('Donetsk region') names an area as its place
        order = [i for i, p in enumerate(parts) if not p.is_area and not p.holder]  # (nor 'of Donetsk' after one)
        # a front sector only frames the places named with it ('Kupyansk direction: Sinkovka')
        order = [i for i in order if not parts[i].sector] or order
        if len(order) < len(parts) and all(self._heads.qualifier(parts[i].text) or self._areas.frames_area_part(
                parts[i], [p for p in parts if p.is_area]) for i in order):
            # 'Kursk region, Russia', 'shelling in Kursk region', 'Kings County, NY' (New York
            # holds a Kings County, its big city notwithstanding): the area is the place
            order = []
        # a phrase of areas alone names the smallest ('Kursk region, Sudzhansky district'; a hromada
        # inside its raion: 'Zaporizhzhia Oblast, Polohy district, Huliaipole hromada')
        order = order or sorted(range(len(parts)), key=lambda i: (
            _SMALLEST_FIRST.get(parts[i].feature, 2), not parts[i].is_community))
        order.sort(key=lambda i: lowercase(parts[i].text))  # prose last: 'shelling in the village of Pisky'
        # a town a distance is given from ('1 km north of the village of Vesele') and a state's
        # postal code ('Aughadreena NS') frame the place: no head beside another part
        if len(order) > 1:
            order = [i for i in order if parts[i].offset is None and not written_as_area_code(parts[i].raw)] or order
            # the land around a town named first frames a village the phrase names as one ('in the
            # Mariupol area, near the village of Sartana', 'near Donetsk, the village of Pisky')
            village = next((i for i in order[1:] if parts[i].village), None) if parts[order[0]].around else None
            if village is not None:
                order = [village, *(i for i in order if i != village)]
        head, head_index, evidence = self._heads.whole_part_head(parts, order)
        if head is not None and self.fuzzy and len(order) > 1 and head_index != order[0]:
            head, head_index, evidence = self._misspelt_first(parts, order[0], head, head_index, evidence)
        if head is not None and len(parts) == 2 and head_index != order[0] and self._unknown_first(parts[order[0]], head):
            # 'Zorblax, Ukraine', 'Mayorsk, Donetsk': a place the gazetteer lacks, in the area or
            # city after it, is read as with the area word ('Mayorsk, Donetsk oblast'): a spelling
            # of it there, else the area stands in (not the area at the confidence of its own name)
            head_index = order[0]
            head = parts[head_index]
            evidence = self._gather(head.text, fuzzy=True) if self.fuzzy else {}
        # (an area part read whole: 'Kyivskyi district' is GeoNames' name of Donetsk's district)
        if head is not None and (head.is_area or parts[head_index].is_area) and evidence and any(p.holder for p in parts):
            head, head_index, evidence = self._held_by_holder(parts, head, head_index, evidence)
        if (head is None or head.is_area or head.holder) and all(p.is_area or p.holder for p in parts):
            # a district the gazetteer does not hold (most raions before 2020): its town stands in
            answer = self._district_town_answer(text, parts, head, evidence)
            if answer is not None:
                return answer
        # a facility ('Seoul Central District Court') is answered only by a place named in it as
        # written: no guessed spellings
        places = [p for p in parts if not p.is_area]
        facility = next((p for p in places if p.feature == "facility"), None)
        fuzzy = self.fuzzy and not (places and all(p.feature == "facility" for p in places)) \
            and not _ACRONYM_RE.fullmatch(text.strip())  # 'UCLA', 'FATA' are no slips of Uccla, Fatwa
        head, evidence = self._inner_over_guess(head, evidence)
        if evidence and fuzzy and head.feature not in ("", "facility") and not any(
                e.via in WRITTEN_VIAS or e.via not in GUESS_VIAS and self._heads.is_feature(r, head.feature)
                for r, e in evidence.items()):
            # a guessed or folded spelling of the name before an area word gives way to a place
            # of that level whose whole name, area word and all, is as close ('Odieka oblast' is
            # Odeska oblast two letters off, not Odisha; 'Llaon County' Llano County, not Laon)
            whole, whole_evidence = self._heads.misspelt_with_feature_word(head)
            if whole_evidence and min(e.edits for e in whole_evidence.values()) <= min(
                    e.edits if e.via in GUESS_VIAS else 1 for e in evidence.values()):
                head, evidence = whole, whole_evidence
        if evidence and fuzzy and not head.feature and only_respelled(gaz, evidence, head.text):
            # a folded hit spelt otherwise ('Rājgar' folds like Raighar) may be a slip of a name
            # a letter away (Rājgarh): the typo search runs beside it (not for a name with its
            # feature word: 'Bakhmutsky district' is the district as the gazetteer spells it)
            evidence = self._gather(head.text, fuzzy=True)
        guessed = all(e.via in GUESS_VIAS for e in evidence.values())
        # (also of facility or feature words: 'Heard Island and McDonlad Islands' is a name, not
        # islands named after 'Heard')
        if self.fuzzy and len(parts) > 1 and not _PUNCT_SPLIT.search(text) and (guessed or any(p.joined for p in parts)):
            # a misspelt name of several words read as a list or with an area word ('Bsnia and
            # Herzegovinl', not Bunia a slip from 'Bsnia'), as the whole phrase is when spelt
            # right ('Bosnia and Herzegovina'); a slip away only when a list item is a name as
            # written ('Turks and Caicso Islands', not Turkey by 'Turks')
            whole, _, whole_evidence = self._heads.close_whole_part([Part(text=text, raw=text)], [0])
            if not guessed:
                whole_evidence = {r: e for r, e in whole_evidence.items() if e.via == "fuzzy" and e.edits <= 1}
            if whole_evidence:
                parts, order = [whole], [0]
                head, head_index, evidence = whole, 0, whole_evidence
                fuzzy, facility = True, None  # (the whole is a name, no facility named in it)
        if not evidence and fuzzy:  # 'Stanysa Luganska': a misspelt name as a whole ...
            head, head_index, evidence = self._heads.close_whole_part(parts, order)
            head, evidence = self._inner_over_guess(head, evidence)
        if not evidence:  # ... before a run of words inside it ('terminal of Donetsk Airport')
            head, head_index, evidence = self._heads.ngram_head(parts, order)
        if not evidence and any(self._heads.names_joined(parts[i].text) for i in order):
            # two names joined by a hyphen, no name as a whole: two places ('Kharkiv-Kyiv', a road)
            head, head_index, evidence = self._heads.ngram_head(parts, order, hyphens=True)
        if not evidence and fuzzy:
            for i in order:
                for variant in parts[i].alternatives or [parts[i].text]:
                    evidence.update(self._gather(variant, fuzzy=True))
                if evidence:
                    head, head_index = parts[i], i
                    break
        if not evidence and any("-" in parts[i].text for i in order):
            # no name is close to a hyphenated word as a whole: a city and its district
            # ('Kharkiv-Saltivskyi'), not a misspelt name ('Рава-Русьа' is Rava-Ruska)
            head, head_index, evidence = self._heads.ngram_head(parts, order, hyphens=True)
        if not fuzzy:  # a consonant skeleton is a guess too; 'Town Hall' names no town
            generic = head is not None and is_generic(head.text)
            evidence = {r: e for r, e in evidence.items()  # (a code in capitals stays one: 'ON', 'IN')
                        if e.via == "code" or not generic and e.via in NAME_VIAS and not respelled_row(gaz, r, e)}
        context_parts = [p for i, p in enumerate(parts) if i != head_index]
        if head is not None and head.holder:  # the district before 'of Horlivka' lies inside it, not around
            context_parts = [p for i, p in enumerate(parts) if i > head_index or not parts[i].is_area]
        if head is None:  # nothing found: the head is the first place-like part
            head = parts[order[0]]
            context_parts = [p for i, p in enumerate(parts) if i != order[0]]
        sectors = [p for p in context_parts if p.sector]  # (soft evidence, read last: see below)
        context_parts = [p for p in context_parts if not p.sector]
        # the same name again ('Maryinka; near Maryinka', two sources' wording) is no area of itself,
        # nor is a list item before the head ('Donetsk region and Kharkiv': siblings)
        before = set(map(id, parts[:head_index])) if head.joined and head_index >= 0 else set()
        area_ctx = self._areas.named([p for p in context_parts if not p.listed and not same_name(p, head)
                                      and id(p) not in before], self._biggest_first(evidence))
        # nor is another name of a candidate when no candidate lies in the area it could name
        # ('Toretsk (Dzerzhynsk)': the town's former name, not Dzyarzhynsk district, Belarus)
        framing = {label for label, rows in area_ctx if self._areas.any_inside(evidence, [(label, rows)])}
        also = self._heads.also_named(head, [p for p in context_parts if p.raw not in framing], evidence)
        area_ctx = [(label, rows) for label, rows in area_ctx if label not in also.values()]
        if area_ctx and (not framing and self._areas.cities_listed(evidence, area_ctx, context_parts)
                         or self._areas.countries_listed(evidence, area_ctx)):
            # 'Kyiv, Lviv': cities listed, not Kyiv framed by the oblast named after Lviv;
            # 'Ukraine, Russia': countries listed, not a village 'Ukrainka' looked for in Russia
            area_ctx = []
        if area_ctx and fuzzy and not self._areas.any_inside(evidence, area_ctx) \
                and not self._areas.other_country(evidence, area_ctx) \
                and not any(self._areas.city_district(r, e.via, area_ctx) for r, e in evidence.items()):
            # the phrase names an area and no candidate lies in it: look for spellings there
            named = all_rows(area_ctx)
            # (a name as written of places elsewhere names a village the gazetteer lacks sooner
            # than one two slips off: 'Ivanovka, Tula oblast' is no Yandovka, 'Iandovka')
            slips = 1 if any(e.via in WRITTEN_VIAS for e in evidence.values()) else 2
            for variant in head.alternatives or [head.text]:
                for prow, e in self._gather(variant, fuzzy=True, force_fuzzy=True).items():
                    if prow not in evidence and e.edits <= slips and self._areas.inside_any(prow, gaz.place(prow), named):
                        evidence[prow] = e
        if self.fuzzy and not fuzzy and facility is not None and (not evidence or (
                0 <= head_index < len(parts) and parts[head_index] is facility
                and not any(e.via in WRITTEN_VIAS for e in evidence.values()))):
            # a misspelt town named like a feature ('Bjattle Creek', 'Siuox Falls'): a name
            # within a slip of the whole part that has the feature word as written; also when
            # the word before it only folds like some name ('Higj River' is High River, not Hiji
            # by its alternate 'Higi')
            whole = as_whole(facility, facility.whole_name)
            found = self._heads.misspelt_with_word(whole.text, facility.what)
            if found:
                evidence, head, head_index, facility = found, whole, parts.index(facility), None
                context_parts = [p for i, p in enumerate(parts) if i != head_index]
        if evidence and self.fuzzy and not context_parts and head.feature == "facility" and (
                named_after := self._named_after_town(text, head, evidence)) is not None:
            return named_after  # ('Запорожская АЭС' is the city's plant, not a stanitsa named Zaporozhskaya)
        if not evidence:
            if area_ctx:
                return self._ranker.area_answer(text, head, area_ctx, [])
            named_after = self._named_after_town(text, head) if self.fuzzy else None
            if named_after is not None:
                return named_after
            if self.fuzzy and not fuzzy and facility is not None:
                return Match(query=text, head=head.text, reason=(
                    f"the query names a {facility_kind(facility.what)} ({facility.what}) and no "
                    "place named in it; the gazetteer holds places, not facilities or natural features"))
            return Match(query=text, reason=NO_CLOSE_NAME, head=head.text)
        hints, area_ctx, evidence = self._offset_hint(head, context_parts, area_ctx, hints, evidence)
        if sectors and not (area_ctx and self._areas.any_inside(evidence, area_ctx)):
            # a front sector reaches tens of km beyond its town: a soft context, and none beside
            # an area the phrase names that holds a candidate ('Kupyansk direction: X, Kharkiv region')
            context = joined(self._sector_context(sectors, hints), context)
        # the place is named inside the facility ('Kremenchuk Reservoir'), not by it as a whole
        # ('Lake Geneva', Wisconsin) nor by another part ('Spartak, near Donetsk airport')
        inside = facility if (facility is not None and 0 <= head_index < len(parts) and parts[head_index] is facility
                              and head.text != facility.whole_name) else None
        kind = facility_kind(inside.what) if inside is not None else ""
        if context_parts and hints.near is None:
            found = self._region_at_place(text, context_parts, area_ctx, evidence, hints, limit, min_conf, context,
                                          inside if kind == "natural feature" else None)
            if found is not None:
                return found
        town_note = ""
        if kind == "facility" and not area_ctx and hints.near is None and hints.offset is None:
            found = self._facility_town(text, head, inside, context_parts, evidence, hints, limit, min_conf, context)
            if isinstance(found, Match):
                return found
            if found is not None:
                evidence, town_note = found
        m = self._ranker.rank(text, head, evidence, hints, area_ctx, context_parts, limit, min_conf, context,
                              inside, also)
        if town_note and m.ok:
            m.hints.append(town_note)
        return m

    def _biggest_first(self, evidence: dict[int, Evidence]) -> list[int]:
        """The candidates, most populous first: the areas a phrase names are tested against the
        first fifty ('San Francisco, California' has 106 namesakes; the city is not the first found)."""
        pop = self.gazetteer.place_pop
        return sorted(evidence, key=lambda r: -int(pop[r])) if len(evidence) > 1 else list(evidence)

    def _region_at_place(self, text: str, context_parts: list[Part], area_ctx, evidence: dict[int, Evidence],
                         hints: Hints, limit: int, min_conf: float | None, context: Context | None,
                         natural: Part | None = None) -> Match | None:
        """A river, sea or region with a place the phrase puts it at ('Dnipro river, Kherson',
        'Euphrates river near Deir ez-Zor', 'Siverskyi Donets river near Bilohorivka'), or a
        natural feature named after a town (``natural``: 'Kakhovka Reservoir, Nikopol'): the
        place, read alone, says where (a river is no point; its gazetteer point is a guess at its
        middle course); None when a candidate is neither, lies in an area the phrase names
        ('Kinburn Spit, Mykolaiv oblast', 'Lake Kremenchuk, Poltava oblast'), or the rest names
        no place."""
        gaz = self.gazetteer
        if not evidence or natural is None and any(LEVELS[int(gaz.place_level[r])] != "region" for r in evidence):
            return None
        areas = [(label, [r for r in rows if int(gaz.place_level[r]) != 0]) for label, rows in area_ctx]
        if any(rows for _, rows in areas) and self._areas.any_inside(evidence, areas):
            return None
        rest = ", ".join(p.raw for p in context_parts if not p.sector)
        place = self._resolve(rest, hints, limit, min_conf, context) if rest else None
        if place is None or not place.ok or place.feature == "region" or place.match_kind == "fuzzy" \
                or place.feature == "country" and natural is None:
            return None  # (a country says less than the sea or river it holds: 'Dead Sea, Jordan' is the sea)
        if natural is not None:
            name = natural.raw
            note = f"the phrase names the {natural.what} {name!r} at {place.name}: the {place.feature} says where"
            if place.feature in ("country", "admin1"):  # ('Lake Tana, Ethiopia': the lake is somewhere in it)
                place = replace(place, match_kind="area", confidence=min(
                    place.confidence, scoring.AREA_ANSWER_CONFIDENCE[place.feature]))
        else:
            name = gaz.place(max(evidence, key=lambda r: (evidence[r].via in WRITTEN_VIAS, int(gaz.place_pop[r])))).name
            note = f"the phrase names {name} at {place.name}: {name} spans more than a point, the " \
                   f"{place.feature} says where"
        return replace(place, query=text, hints=[*place.hints, note], other_places=[name, *place.other_places])

    def _facility_town(self, text: str, head: Part, facility: Part, context_parts: list[Part],
                       evidence: dict[int, Evidence], hints: Hints, limit: int, min_conf: float | None,
                       context: Context | None) -> Match | tuple[dict[int, Evidence], str] | None:
        """A facility named after a place, with the town the phrase puts it in ('Antonov airport,
        Hostomel', 'Heathrow Airport, London', 'Boryspil airport, Kyiv'): the places of the
        facility's name beside the town (within :data:`CITY_DISTRICT_KM`), or within
        :data:`FACILITY_TOWN_KM` of it and smaller (a suburb or village by the city: Boryspil),
        as (evidence, note); else the town itself (no Heathrow near London; Kursk names the plant
        at Kurchatov after a bigger place 40 km off); None when no other part is a town as written."""
        part = next((p for p in context_parts if not p.is_area and not p.sector and not p.listed
                     and p.offset is None and not same_name(p, head)), None)
        if part is None or part.near or part.around:  # ('at the Donetsk airport, near the village of X')
            return None
        town = self._resolve(part.raw, hints, limit, None, context)
        if not town.ok or town.feature != "populated place" or town.match_kind == "fuzzy" or town.lat is None \
                or town.confidence < FACILITY_TOWN_SURE:
            return None
        gaz = self.gazetteer

        def by_town(r: int) -> bool:
            place = gaz.place(r)
            km = float(haversine_km(town.lat, town.lon, place.lat, place.lon))
            return km <= CITY_DISTRICT_KM or km <= FACILITY_TOWN_KM and int(gaz.place_pop[r]) < max(town.population, 1)
        near = {r: e for r, e in evidence.items() if by_town(r)}
        what = f"the {facility.what} {facility.raw!r}"
        if near:
            return near, f"the phrase puts {what} by {town.name}: the {head.text} near it"
        note = (f"{what} lies in or near {town.name}, as the phrase says: answered with the town (no place "
                f"named {head.text!r} lies beside it, nor a smaller one within {FACILITY_TOWN_KM:.0f} km)")
        if min_conf is not None and town.confidence < min_conf:
            return None
        return replace(town, query=text, hints=[*town.hints, note],
                       other_places=other_place_names([p for p in context_parts if p is not part], text))

    def _offset_hint(self, head: Part, context_parts: list[Part], area_ctx, hints: Hints,
                     evidence: dict[int, Evidence]):
        """(hints, area_ctx, evidence) with a distance another part gives from a town ('Hranitne,
        40 km from Mariupol', '9km north of Donetsk') read as where the place lies, in place of
        that part's area: the town (inside the other named areas, else a landmark) at the distance
        and bearing written, or on a ring of that radius. Candidates that far (within a rough
        margin, else three times it) are kept when there are any, as a named area keeps the
        candidates inside it."""
        part = next((p for p in context_parts if p.offset is not None), None) if context_parts else None
        if part is None or head.offset is not None:
            return hints, area_ctx, evidence
        gaz = self.gazetteer
        others = [(label, rows) for label, rows in area_ctx if label != part.raw]
        towns = self._areas.towns_named(part.text, within=all_rows(others))
        own = next((rows for label, rows in area_ctx if label == part.raw), [])
        ref = towns[0] if towns else own[0] if own else None
        if ref is None:
            return hints, area_ctx, evidence
        place = gaz.place(ref)
        hints = replace(hints, offset=Offset.from_town(place.lat, place.lon, *part.offset, part.raw))
        margin = max(OFFSET_MARGIN_KM, OFFSET_MARGIN * hints.offset.km)
        off = {r: hints.offset_km(gaz.place(r)) for r in evidence}
        for reach in (margin, 3 * margin):  # (then farther: a namesake there, not one across the country)
            there = {r: e for r, e in evidence.items() if off[r] <= reach}
            if there:
                return hints, others, there
        return hints, others, evidence

    def _dissolved_state_answer(self, text: str, part: Part, state) -> Match:
        """'Yugoslavia', 'the former Czechoslovakia': a state dissolved into several is no one
        place; an explicit no-match that lists its successors (confidence 0)."""
        gaz = self.gazetteer
        successors = [Candidate(id=p.id, name=p.name, lat=p.lat, lon=p.lon, country_code=p.country_code,
                                admin1="", confidence=0.0, matched_name=state.name, match_kind="historic")
                      for p in (gaz.place(row) for row in successor_rows(gaz, state))]
        span = "-".join(d[:4] for d in (state.valid_from, state.valid_to) if d)
        return Match(query=text, head=part.text, alternatives=successors, reason=(
            f"{state.name} is a former state ({span}) that dissolved into "
            f"{', '.join(c.name for c in successors) or ' '.join(state.successors)}; no one place answers it"))

    def _point_answer(self, text: str, named: Match, row: int, point, note: str) -> Match:
        """The town nearest to coordinates written in the phrase, marked
        ``match_kind='coordinates'``; the name's own best match becomes an alternative."""
        place = self.gazetteer.place(row)
        km = float(haversine_km(point[0], point[1], place.lat, place.lon))
        head = named.head or text
        m = stand_in(self.gazetteer, text, head, row, "coordinates",
                     f"{note}; {head!r} is not in the gazetteer within {WRITTEN_POINT_KM:.0f} km of them; "
                     f"answered with {place.name}, the town nearest to them ({km:.0f} km)")
        # the name's candidates lie farther from the point: they share what the answer leaves
        rest = 1.0 - m.confidence
        m.alternatives = [replace(c, confidence=round(min(c.confidence, rest), 4)) for c in
                          ([candidate_of(named)] if named.ok else []) + named.alternatives[:3]]
        return m

    def _inner_over_guess(self, head: Part | None, evidence: dict[int, Evidence]) -> tuple[Part | None, dict]:
        """A guessed spelling of a whole part gives way to a name inside it when the rest of the
        part is filler or says which part of it ('Kyiv and', 'the Kyiv', 'northern Hama': not
        Northern Samar two slips off; not 'Stanysa Luganska')."""
        if not evidence or len(head.text.split()) < 2 or not all(
                e.via in ("skeleton", "fuzzy") for e in evidence.values()):
            return head, evidence
        inner, _, inner_evidence = self._heads.ngram_head([head], [0])
        if not inner_evidence:
            return head, evidence
        rest = head.text.split()
        for w in inner.text.split():
            rest.remove(w)
        # (not a capitalized word of a name one slip away: 'East Brunswik' is East Brunswick, not
        # Braunschweig by its alternate 'Brunswik')
        slip = min(e.edits if e.via == "fuzzy" else 9 for e in evidence.values()) <= 1 and \
            all(w[:1].isupper() for w in rest)
        if slip or not all((w := word.lower().strip(".,;:()")) in STOPWORDS or w in REGION_WORDS for word in rest):
            return head, evidence
        return inner, inner_evidence

    def _misspelt_first(self, parts: list[Part], first: int, head: Part, head_index: int,
                        evidence: dict[int, Evidence]):
        """(head, index, evidence): the phrase's first part when it is a slip of a place's name
        (one letter edit as written, five letters or more) lying near a place a later part names
        as written ('Pokrovks, Myrnohrad', 'Kramatorks and Sloviansk': the first place named is
        the answer; the later one was), else the head found."""
        part = parts[first]
        if part.is_area or part.feature or len(normalize(part.text)) < 5 or not part.text[:1].isupper():
            return head, head_index, evidence
        gaz = self.gazetteer
        slips = {r: e for r, e in self._gather(part.text).items() if e.via == "fuzzy" and e.edits <= 1}
        if not slips:
            return head, head_index, evidence
        rows = list(evidence)
        near = {r: e for r, e in slips.items() if nearest_km(gaz, r, rows) <= MISSPELT_FIRST_KM}
        return (part, first, near) if near else (head, head_index, evidence)

    def _unknown_first(self, first: Part, head: Part) -> bool:
        """Is ``first`` written as a place's name (capitalized words, four letters or more, no
        digits, no feature word) that no place has, not even folded, and ``head`` (not listed with
        it) an area or a city that could hold it?"""
        text = first.text
        # (a camp or a village of that name is as unknown: 'Zamzam camp, North Darfur', 'Zorblax
        # village, Donetsk oblast')
        if first.is_area or first.feature not in ("", "facility", "populated place") or first.holder \
                or first.sector or first.offset is not None \
                or head.listed or head.joined or len(normalize(text)) < 4 or any(c.isdigit() for c in text) \
                or not all(capitalized(w) for w in text.split()) or text.isupper() or is_generic(text):
            return False  # (nor a code or an acronym: 'US-TX Austin')
        return not any(e.via in NAME_VIAS for e in self._gather(text, fuzzy=False).values()) \
            and self._big_or_area(head.text)

    def _held_by_holder(self, parts: list[Part], head: Part, head_index: int, evidence: dict[int, Evidence]):
        """'Kalininsky district of Kharkiv': an area found by name that does not lie in the town
        or region the phrase says it is of (Kalininsky District, Saratov) is not meant. A spelling
        of it looked for there is ('Kalininsky district of Horlivka' is Horlivka's district by its
        old name, Kindrativskyi since 2016; 'Budyonnovsky district of Donetsk' Donetsk's
        Bohodukhivskyi); else the part after 'of' is the head (the city's district the gazetteer
        lacks lies in Kharkiv)."""
        gaz = self.gazetteer
        holders = [i for i, p in enumerate(parts) if p.holder]
        within = all_rows(self._areas.named([parts[i] for i in holders], list(evidence)))
        if within:
            def inside(r: int) -> bool:
                return self._areas.inside_any(r, gaz.place(r), within)
        else:  # a city that names no area ('of Horlivka'): its district lies close to its centre
            _, _, city = self._heads.whole_part_head(parts, holders)
            towns = sorted((r for r in city if LEVELS[int(gaz.place_level[r])] == "populated place"),
                           key=lambda r: -int(gaz.place_pop[r]))[:3]
            if not towns:
                return head, head_index, evidence

            def inside(r: int) -> bool:
                return nearest_km(gaz, r, towns) <= CITY_DISTRICT_KM
        if any(inside(r) for r in evidence):
            return head, head_index, evidence
        spelt = self._gather(head.text, fuzzy=self.fuzzy, force_fuzzy=self.fuzzy)
        there = {r: e for r, e in spelt.items() if inside(r)}
        if there:
            return head, head_index, there
        found = self._heads.whole_part_head(parts, holders)
        return found if found[0] is not None else (head, head_index, evidence)

    def _district_town_answer(self, text: str, parts: list[Part], head: Part | None,
                              evidence: dict[int, Evidence]) -> Match | None:
        """A phrase of areas only whose district the gazetteer does not hold ('Yasinovatsky
        district', 'Ясиноватский район, Донецкая область'; most raions were abolished in 2020):
        answered with the town the district adjective is formed from, inside the other areas
        named, as a district town stands in for a village of the district the gazetteer lacks."""
        # (a territorial community by its town's adjective: 'Лиманська громада', 'Pokrovska hromada';
        # the smallest unit named: a hromada inside its raion, which when named by its town's noun
        # is the place ('Sumy raion, Krasnopillia hromada'), not the raion's town)
        community = next((p for p in parts if p.is_community), None)
        if community is not None:
            district = community if TOWN_ADJECTIVE.search(community.text) else None
        else:
            district = next((p for p in parts if p.feature == "admin2" and (
                _DISTRICT_ADJECTIVE.search(p.text) or self._raion_town(p.text))), None)
        if district is None or self._heads.is_name(district.whole_name):  # 'Київський район' names a city district
            return None
        gaz = self.gazetteer
        # (a sibling of a list names another place: 'Краснопільська, Білопільська громади')
        siblings = [p for p in parts if p is not district and p.listed]
        others = [p for p in parts if p is not district and not p.listed]
        within = all_rows(self._areas.named(others)) if others else None
        if others and not within and any(p.holder for p in others):
            return None  # (a district 'of' a place that names no area: the city's district)
        if not within and district.is_community and _HROMADA_RE.search(district.raw):
            within = area_candidates(gaz, "UA", ("country",))  # a hromada is Ukraine's

        def held(rows) -> bool:  # a district of that name (inside the other areas named)
            return any(self._heads.is_feature(r, "admin2") and (not within or self._areas.inside_any(r, gaz.place(r), within))
                       for r in rows)
        # (the gazetteer holds no hromadas: a raion named after the same town is another unit)
        if not district.is_community and (held(evidence) or held(area_candidates(gaz, district.text, ("admin2",))) or held(
                self._heads.areas_named_after(district, self._gather(district.text, fuzzy=False))) or held(
                {r: e for r, e in self._gather(district.whole_name, fuzzy=True).items() if e.edits <= 2})):
            return None  # (or one within two slips of its name: 'Ленниїский Район' is Ленинский район)
        towns = self._areas.district_towns(district.text, within=within)
        if not towns or within and not self._areas.inside_any(towns[0], gaz.place(towns[0]), within):
            return None  # (no town of that name inside the areas named: 'Kievsky district of Kharkiv')
        town = gaz.place(towns[0]).name
        unit = "territorial community" if district.is_community else "district"
        m = stand_in(self.gazetteer, text, district.text, towns[0], "area",
                     f"{district.raw!r} names a {unit} the gazetteer does not hold; answered "
                     f"with {town}, the town it is named after")
        m.other_places = other_place_names(siblings, text)
        return m

    def _named_after_town(self, text: str, head: Part, evidence: dict[int, Evidence] | None = None) -> Match | None:
        """'Antonivskyi bridge', 'Kakhovske reservoir', 'Avdiivskyi coke plant': a thing named by
        a town's adjective, no place named as written: answered with the town (kind ``area``) at
        ``scoring.NAMED_AFTER_TOWN_CONFIDENCE``. Only for an adjective followed by lowercase
        words or a facility word, or with words the phrase was stripped of. With ``evidence``
        (places named like the adjective: 'Zaporozhskaya', a stanitsa), only a facility's, and only
        when the town is ``ADJECTIVE_TOWN_RATIO`` times as big as each of them and none lies by it."""
        words = head.text.split()
        if not words or not TOWN_ADJECTIVE.search(words[0]) or not (
                head.feature == "facility" or len(words) > 1 and all(lowercase(w) for w in words[1:])
                or len(words) == 1 and says_more(head.text, head.raw)):
            return None
        if evidence and (len(words) > 1 or head.feature != "facility"):
            return None
        towns = self._areas.thing_towns(words[0]) if head.feature == "facility" else self._areas.district_towns(words[0])
        if not towns:
            return None
        gaz = self.gazetteer
        # a town a plant of the kind the phrase names is named after first ('Калининская АЭС' is
        # Kalinin's, now Tver, not the bigger Kalininskiy's; gazetteer/facilities.csv)
        planted = named_after_kind(plant_kind(head.what)) if head.feature == "facility" else frozenset()
        towns.sort(key=lambda r: int(gaz.place_id[r]) not in planted)
        town = gaz.place(towns[0])
        if evidence and town.id not in planted and (town.population < max(ADJECTIVE_TOWN, ADJECTIVE_TOWN_RATIO * max(
                (int(gaz.place_pop[r]) for r in evidence if int(gaz.place_level[r]) == 0), default=0))
                or any(float(haversine_km(town.lat, town.lon, p.lat, p.lon)) <= FACILITY_TOWN_KM
                       for p in map(gaz.place, evidence))):
            return None  # (a place named so beside the town may be where the thing is: 'Dovzhansky checkpoint')
        m = stand_in(self.gazetteer, text, head.text, towns[0], "area",
                     f"{words[0]!r} is formed from {town.name}: the phrase names something named after "
                     f"it, which the gazetteer does not hold; answered with {town.name}")
        m.confidence = scoring.NAMED_AFTER_TOWN_CONFIDENCE
        return m

    def _raion_town(self, text: str) -> bool:
        """Does ``text`` name a town of a Cyrillic-script country as written ('Yasynuvata' in
        'Yasynuvata district': a raion named by its town's noun, as reports write them)?"""
        gaz = self.gazetteer
        return any(gaz.country_code_of(r) in _CYRILLIC_COUNTRIES for r in self._areas.towns_in(
            {r: e for r, e in self._gather(text, fuzzy=False).items() if e.via in WRITTEN_VIAS}))




_default: Resolver | None = None
_default_lock = threading.Lock()


def default_resolver() -> Resolver:
    global _default
    with _default_lock:
        if _default is None:
            _default = Resolver()
        return _default


def resolve(query, *, country=None, admin1=None, admin2=None, near=None, within=None, as_of=None,
            feature=None, limit: int = 1, min_confidence: float | None = None,
            context: Context | None = None) -> Match:
    """Resolve a place name or phrase on the default gazetteer. See :class:`Resolver`."""
    return default_resolver().resolve(query, country=country, admin1=admin1, admin2=admin2, near=near,
                                      within=within, as_of=as_of, feature=feature, limit=limit,
                                      min_confidence=min_confidence, context=context)


def resolve_many(queries: Iterable, **hints) -> list[Match]:
    """Resolve many queries with the same hints on the default gazetteer."""
    return default_resolver().resolve_many(queries, **hints)
