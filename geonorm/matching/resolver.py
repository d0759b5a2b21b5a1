"""``Resolver``: resolve a place name or location phrase, with hints, to an explained ``Match``."""
from __future__ import annotations

import html
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import OSA

from ..gazetteer import LEVELS, Gazetteer
from ..model import NameKind
from ..names.keys import east_slavic_vowels, fold_key, skeleton_key
from ..names.normalize import MAX_QUERY_CHARS, normalize, repair_mojibake, script_of, to_ascii
from ..names.romanize import romanize_query
from ..sources.cldr import cyrillic_script_countries
from . import scoring
from .candidates import (NAME_VIAS, TYPO_PLACES, WRITTEN_VIAS, Evidence, add_typos, gather_names, only_respelled,
                         other_language_country_name, respelled, respelled_row)
from .context import Context
from .hints import (Area, area_candidates, former_state, haversine_km, hint_text, missing,
                    missing_marker, nearest_town, parse_admin1, parse_countries, parse_date, parse_feature,
                    parse_point, parse_within, shown, strip_former, successor_rows)
from .answer import build_match, candidate_of, date_text, phrase_caps, runner_up
from .match import Candidate, Match
from .areas import AREA_RANK, PhraseAreas, all_rows
from .heads import BIG_PLACE, STOPWORDS, PhraseHeads, as_whole, lowercase, same_name
from .phrase import (COMMUNITY_WORDS, PATH_SPLIT_RE, Part, coordinates_in, facility_kind, says_more,
                     is_generic, parse_phrase)

_UNSET = object()
_NAME_KINDS = {int(k): k for k in NameKind}
_OWN_KINDS = (NameKind.OFFICIAL, NameKind.PREFERRED)  # a place's own names
_AREA_LEVEL_CODES = (LEVELS.index("admin1"), LEVELS.index("admin2"))
# "Kherson's Antonivka": a capitalized owner (one or two words) and a capitalized name after it
_OWNER_RE = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s ([A-Z][\w'’-]*(?: [\w'’-]+){0,3})")
_MAX_CANDIDATES = 400
_SMALLEST_FIRST = {"admin2": 0, "admin1": 1}
# a word of two to five capitals is an acronym, not a misspelt name: it is looked up as written only
_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")
_GUESS_VIAS = ("fuzzy", "skeleton")  # spellings guessed, not found: their slips as written are counted
# a district named by an adjective of its town: 'Yasinovatsky', 'Shakhtarskyi', 'Ясиноватский',
# 'Шахтарського' (not 'Foo district')
_DISTRICT_ADJECTIVE = re.compile(r"(?:sk(?:y|yi|iy|ii|ij|oy|oho|ogo|i)|[сц]к(?:ий|ой|ого|ом)|[сц]ьк(?:ий|ого|ому))$",
                                 re.IGNORECASE)
# ... and a town's adjective in any gender ('Antonivskyi bridge', 'Kakhovske reservoir', 'Kakhovska HPP')
_TOWN_ADJECTIVE = re.compile(r"(?:sk(?:y|yi|yy|iy|ii|ij|oy|oho|ogo|i|a|e|aya|oye|oe)|[сц]ьк(?:ий|а|е|ого)"
                             r"|[сц]к(?:ий|ая|ое|ого))$", re.IGNORECASE)
_GATHER_CACHE_SIZE = 20_000  # spellings whose candidates are kept (cleared when full)
_PUNCT_SPLIT = re.compile(r"[,;:()\[\]/]")  # written separators always separate
# an area steps back for a town that has its name only as an alternate when the town holds this
# share of the area's people ('New York': the city, 28%; not 'Bahia' for Salvador, 19%)
ALIAS_TOWN_SHARE = 0.25
# ... and one of its own name only with a share of the area's people: an area is no namesake of
# a hamlet inside it ('Xinjiang' is the region, not two villages of unknown size so named)
OWN_TOWN_SHARE = 0.01
WRITTEN_POINT_KM = 30.0  # an answer farther than this from coordinates the phrase gives yields to them
_CYRILLIC_COUNTRIES = cyrillic_script_countries()


def _spelling_of_own_name(form_text: str, place) -> bool:
    """Is the Latin name the place's own name spelt another way (same consonant skeleton and at
    most one folded edit: 'Odessa' and Odesa, 'Roma' and Rome, 'Kiev' and Kyiv), not another name
    ('Philadelphia' for Amman)?"""
    return abs(len(form_text) - len(place.name)) <= 3 and script_of(form_text) == "latin" and \
        skeleton_key(form_text) == skeleton_key(place.name) and \
        OSA.distance(fold_key(form_text), fold_key(place.name), score_cutoff=1) <= 1


def _romanizes_to_own_name(form_text: str, place) -> bool:
    """Does a name in another script romanize to the place's own (Latin) name: 'Слов'янськ'
    to Slovyansk, 'Київ' to Kyiv (not 'Москва' to Moscow, an exonym)?"""
    own = fold_key(place.name)
    return any(fold_key(roman) == own for _, roman in romanize_query(form_text))


_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_ONLY_COORDINATES = "the query is only coordinates, no place name (geonorm.reverse names the place at a point)"


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
    query = query[:MAX_QUERY_CHARS]  # a place name is never longer; matching clips here too
    if "<" in query or "&" in query:  # scraped cells: '<b>Odesa</b>', 'Bakhmut&nbsp;', 'Kharkiv&#39;s'
        query = html.unescape(_HTML_TAG_RE.sub(" ", query))
    if "\x00" in query:
        query = query.replace("\x00", " ")
    if not query.strip():
        return None, "empty query"
    if missing_marker(query):  # (a whole value: 'None, Piedmont' is the town)
        return None, f"{query.strip()!r} is a missing-data marker, not a place name"
    if not any(ch.isalpha() for ch in query):
        if coordinates_in(query)[0] is not None:
            return None, _ONLY_COORDINATES
        return None, "query has no letters"
    return query, ""


@dataclass
class _Hints:
    countries: list[Area] = field(default_factory=list)
    admin1: list[Area] = field(default_factory=list)
    admin2: str = ""  # the second-level area hinted, as written
    admin2_rows: list[int] = field(default_factory=list)  # its districts, or the town it is named after
    near: tuple[float, float] | None = None
    within: object = None
    as_of: int | None = None
    feature: tuple[str, ...] | None = None

    def country_of(self, place) -> Area | None:
        """The hinted country the place lies in, if any."""
        return next((c for c in self.countries if c.country_code == place.country_code), None)

    def in_country(self, place) -> bool:
        """Does the place lie in one of the hinted countries?"""
        return self.country_of(place) is not None

    def in_admin1(self, place) -> bool:
        """Does the place lie in one of the hinted first-level areas?"""
        return any(a.country_code == place.country_code and a.admin1_code == place.admin1_code
                   for a in self.admin1)


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
        self.gazetteer = gazetteer or Gazetteer.default()
        self.defaults = dict(country=country, admin1=admin1, admin2=admin2, near=near, within=within,
                             as_of=as_of, feature=feature, limit=limit, min_confidence=min_confidence)
        self.typo_reach = typo_reach
        self.fallback = fallback
        self._cache: OrderedDict = OrderedDict()
        self._hint_cache: dict = {}
        self._gather_cache: dict = {}
        self._areas = PhraseAreas(self.gazetteer, self._gather)
        self._heads = PhraseHeads(self.gazetteer, self._gather, self._areas, fuzzy)
        self.fuzzy = fuzzy
        self.fallback_below = fallback_below
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._default_hints = self._hints(**{k: v for k, v in self.defaults.items()
                                             if k not in ("limit", "min_confidence")})

    @property
    def fuzzy(self) -> bool:
        """Whether guessed spellings (typos, consonant skeletons) may answer."""
        return self._heads.fuzzy

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        self._heads.fuzzy = bool(value)

    def settings(self) -> dict:
        """The keywords that rebuild this resolver's behaviour over the same gazetteer (worker
        processes that cannot fork open the index by path and pass these)."""
        return dict(self.defaults, fuzzy=self.fuzzy, typo_reach=self.typo_reach, cache_size=self._cache_size,
                    fallback=self.fallback, fallback_below=self.fallback_below)

    # ---- public -------------------------------------------------------------------------
    def resolve(self, query, *, country=_UNSET, admin1=_UNSET, admin2=_UNSET, near=_UNSET,
                within=_UNSET, as_of=_UNSET, feature=_UNSET, limit=_UNSET, min_confidence=_UNSET,
                context: Context | None = None) -> Match:
        """Resolve one name or phrase. Invalid hints raise ValueError; bad queries give no-match.

        Hints: ``country`` (ISO code or any name), ``admin1`` (a first-level area: name or ISO
        3166-2 code), ``admin2`` (a district, raion or county by name; an abolished raion by its
        town), ``near`` (a point or a place name), ``within`` (a geometry, bbox or GeoJSON),
        ``as_of`` (a date), ``feature`` (a feature level or a list of them).
        ``context`` (a :class:`~geonorm.matching.context.Context`) adds soft evidence from other
        queries: the rows of a column, the other mentions of a document."""
        given = dict(country=country, admin1=admin1, admin2=admin2, near=near, within=within, as_of=as_of,
                     feature=feature)
        overrides = {k: v for k, v in given.items() if v is not _UNSET}
        limit = self.defaults["limit"] if limit is _UNSET else limit
        min_conf = self.defaults["min_confidence"] if min_confidence is _UNSET else min_confidence
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive integer, got {limit!r}")
        if min_conf is not None and not (0.0 <= float(min_conf) <= 1.0):
            raise ValueError(f"min_confidence must be in [0, 1], got {min_conf!r}")
        hints = self._cached_hints(overrides) if overrides else self._default_hints
        text, reason = _query_text(query)
        if text is None:
            return Match(query="" if query is None else str(query)[:200], reason=reason)
        key = None
        if within is _UNSET or within is None:
            key = (text, tuple(sorted((k, repr(v)) for k, v in overrides.items())), limit, min_conf,
                   context.key if context else None)
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    return hit
        written = repair_mojibake(text)
        match = self._resolve_written(written, hints, limit, min_conf, context or None)
        if self.fallback is not None and (not match.ok or match.confidence < self.fallback_below):
            from .fallback import consult
            match = consult(self.fallback, written, match, hints)
        if written != text:
            match = replace(match, query=text, hints=[
                f"the query was garbled by a wrong decoding (UTF-8 read as another code page): read as {written!r}",
                *match.hints])
        if key is not None and "fallback failed" not in match.reason:  # retry failed fallbacks later
            with self._lock:
                self._cache[key] = match
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return match

    def resolve_many(self, queries: Iterable, **hints) -> list[Match]:
        """Resolve each query (same hints for all); distinct queries are resolved once."""
        return [self.resolve(q, **hints) for q in queries]

    def _gather(self, text: str, fuzzy: bool = True, force_fuzzy: bool = False,
                oblique: bool = False) -> dict[int, Evidence]:
        """``candidates.gather``, memoized per text: a document or a column resolves the same
        spelling again with other context or hints (a copy: callers may extend it)."""
        key = (text, fuzzy, force_fuzzy, oblique)
        hit = self._gather_cache.get(key)
        if hit is None:
            if fuzzy:  # the name lookups of this text are usually memoized already
                hit = self._gather(text, fuzzy=False, oblique=oblique)
                add_typos(self.gazetteer, text, hit, force_fuzzy, self.typo_reach)
            else:
                hit = gather_names(self.gazetteer, text, oblique)
            with self._lock:
                if len(self._gather_cache) >= _GATHER_CACHE_SIZE:
                    self._gather_cache.clear()
                self._gather_cache[key] = hit
        return dict(hit)

    # ---- hints --------------------------------------------------------------------------
    def _cached_hints(self, overrides: dict) -> _Hints:
        """Parsed hints, cached per distinct value set (table rows repeat the same hints)."""
        if "within" in overrides and overrides["within"] is not None:
            return self._hints(**overrides)
        key = tuple(sorted((k, repr(v)) for k, v in overrides.items()))
        with self._lock:
            hit = self._hint_cache.get(key)
        if hit is None:
            hit = self._hints(**overrides)
            with self._lock:
                if len(self._hint_cache) > 10_000:
                    self._hint_cache.clear()
                self._hint_cache[key] = hit
        return hit

    def _hints(self, country=None, admin1=None, admin2=None, near=None, within=None, as_of=None,
               feature=None) -> _Hints:
        gaz = self.gazetteer
        h = _Hints()
        if not missing(country):
            values = [country] if isinstance(country, str) else list(country)
            h.countries = [c for v in values for c in parse_countries(gaz, v)]
        h.admin1 = parse_admin1(gaz, admin1, resolve_name=lambda n: self.resolve(n, feature="admin1"))
        if not h.admin1:  # a first-level area given as the country ('England', 'Texas') is one too
            h.admin1 = [a for a in h.countries if a.admin1_code]
        h.admin2, h.admin2_rows = self._admin2(admin2, h, dict(country=country, admin1=admin1))
        h.near = parse_point(gaz, near, resolve_name=lambda n: self.resolve(n))
        h.within = parse_within(within)
        h.as_of = parse_date(as_of)
        h.feature = parse_feature(feature)
        return h

    def _admin2(self, value, h: _Hints, given: dict) -> tuple[str, list[int]]:
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
        part = parts[0] if parts else Part(text=value, raw=value)
        within = [a.row for a in h.admin1 if a.row >= 0] or [c.row for c in h.countries if c.row >= 0]
        rows = self._areas.district(part, within)
        if not rows:
            m = self.resolve(part.text, feature=("populated place", "admin2"), **given)
            rows = [self.gazetteer.row_of(m.id)] if m.ok and m.confidence >= 0.5 else []
            rows += self._areas.districts_named_after(rows)
        if not rows:
            raise ValueError(f"unknown second-level area {shown(value)} (try a name like 'Bakhmut raion' or "
                             "'Cook County')")
        return value, rows

    # ---- the pipeline --------------------------------------------------------------------
    def _resolve_written(self, text: str, hints: _Hints, limit: int, min_conf: float | None,
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

    def _resolve_listed(self, text: str, hints: _Hints, limit: int, min_conf: float | None,
                        context: Context | None) -> Match:
        """A phrase naming several places answers with the first, unless the first lies outside
        the country or admin1 hint and a later one inside it ('near the border villages of
        Krasnaya Zarya and Dmitrovka' with admin1='Donetsk oblast')."""
        path = self._area_path(text)
        if path is not None:
            m = self._resolve(path, hints, limit, min_conf, context)
            return replace(m, query=text, hints=[*m.hints, f"read as a path from the largest area down to the place: {path!r}"])
        m = self._resolve(text, hints, limit, min_conf, context)
        owner = _OWNER_RE.fullmatch(text.strip()) if not m.ok else None
        if owner and self._big_or_area(owner.group(1)):
            # "Kherson's Antonivka": the Antonivka of Kherson, a city or an area (not 'Martha's
            # Vineyard', Martha being a hamlet's name), when the phrase as it is names nothing
            turned = f"{owner.group(2)}, {owner.group(1)}"
            found = self._resolve(turned, hints, limit, min_conf, context)
            if f"phrase part {owner.group(1)!r} names its area" in found.hints:  # (not 'Wilson's Farm')
                return replace(found, query=text, hints=[*found.hints, f"read as {turned!r}"])
        if not (hints.countries or hints.admin1) or not m.ok or not m.other_places or self._fits(m.id, hints):
            return m
        for raw in m.other_places:
            alt = self._resolve(raw, hints, limit, min_conf, context)
            if alt.ok and self._fits(alt.id, hints):
                note = (f"the phrase names {m.head!r} first, but {m.name} lies outside the hinted area; "
                        f"answered with the next place it names, {raw!r}")
                others = [o for o in [m.head, *m.other_places] if o and o != raw]
                return replace(alt, query=text, hints=[*alt.hints, note], other_places=others)
        return m

    def _big_or_area(self, text: str) -> bool:
        """Is ``text`` as written the name of an area or of a town of 50,000 people or more?"""
        gaz = self.gazetteer
        return any(LEVELS[int(gaz.place_level[r])] != "populated place" or int(gaz.place_pop[r]) >= BIG_PLACE
                   for r in self._heads.written_hits(text))

    def _area_path(self, text: str) -> str | None:
        """'Ukraine > Donetsk > Bakhmut', 'Ukraine/Donetsk oblast/Bakhmut': a path from the largest
        area down, as tables and breadcrumbs write it, whose place is the last step: the phrase
        turned ('Bakhmut, Donetsk, Ukraine'). None when the first step is no area only, or the last
        one is ('Kiev/Kyiv' are two names, 'Ukraine/Russia' two countries, 'Kharkiv - Kupiansk' a
        city and a town)."""
        if "," in text or not PATH_SPLIT_RE.search(text):
            return None
        steps = [s.strip() for s in PATH_SPLIT_RE.split(text) if s.strip()]
        if len(steps) < 2:
            return None
        first, last = self._gather(steps[0], fuzzy=False), self._gather(steps[-1], fuzzy=False)
        if not first or not self._heads.names_only_areas(first) or not last or self._heads.names_only_areas(last):
            return None
        return ", ".join(reversed(steps))

    def _fits(self, place_id: int | None, hints: _Hints) -> bool:
        """Does the place lie in the country and the first-level area the hints name?"""
        p = self.gazetteer.get(place_id) if place_id is not None else None
        return p is None or ((not hints.countries or hints.in_country(p))
                             and (not hints.admin1 or hints.in_admin1(p)))

    def _resolve(self, text: str, hints: _Hints, limit: int, min_conf: float | None,
                 context: Context | None = None) -> Match:
        gaz = self.gazetteer
        if is_generic(text) and not self._heads.is_name(text):
            return Match(query=text, reason="the query has only generic words (near, village, region...), "
                                            "no place name")
        turned = self._heads.turned_area_name(text)  # 'Korea, North', 'Sudan (South)'
        parts = [Part(text=turned, raw=turned)] if turned else parse_phrase(text) or [Part(text=text, raw=text)]
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
        elif len(parts) > 1 and (not _PUNCT_SPLIT.search(text) and self._heads.is_name(text) or self._heads.named_with_comma(text)) \
                or len(parts) == 1 and parts[0].raw != text.strip() and parts[0].raw in text \
                and not parts[0].text.isdigit() and not _PUNCT_SPLIT.search(text) and self._heads.is_name(text):
            # the whole phrase is a name: 'Bosnia and Herzegovina', GeoNames' 'Tatarstan, Respublika',
            # one read with words dropped: 'Sedibeng District Municipality' ('Sedibeng District'),
            # 'City and County of San Francisco', 'Région PACA', 'Region VII' (not 'District 2',
            # GeoNames' council district 'District #2', a number with an area word)
            parts = [Part(text=text, raw=text)]
        # the head is taken from the parts that are not area words ('Donetsk region'); only a
        # phrase made of area parts alone ('Donetsk region') names an area as its place
        order = [i for i, p in enumerate(parts) if not p.is_area]
        if len(order) < len(parts) and all(self._heads.qualifier(parts[i].text) for i in order):
            order = []  # 'Kursk region, Russia', 'shelling in Kursk region': the area is the place
        # a phrase of areas alone names the smallest ('Kursk region, Sudzhansky district')
        order = order or sorted(range(len(parts)), key=lambda i: _SMALLEST_FIRST.get(parts[i].feature, 2))
        order.sort(key=lambda i: lowercase(parts[i].text))  # prose last: 'shelling in the village of Pisky'
        head, head_index, evidence = self._heads.whole_part_head(parts, order)
        if (head is None or head.is_area) and all(p.is_area for p in parts):
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
        if evidence and len(head.text.split()) > 1 and all(
                e.via in ("skeleton", "fuzzy") for e in evidence.values()):
            # a guessed spelling of a whole part gives way to a name inside it when the rest of
            # the part is filler ('Kyiv and', 'the Kyiv'; not 'Stanysa Luganska')
            inner, _, inner_evidence = self._heads.ngram_head([head], [0])
            if inner_evidence:
                rest = head.text.split()
                for w in inner.text.split():
                    rest.remove(w)
                # (not a capitalized word of a name one slip away: 'East Brunswik' is East
                # Brunswick, not Braunschweig by its alternate 'Brunswik')
                slip = min(e.edits if e.via == "fuzzy" else 9 for e in evidence.values()) <= 1 and \
                    all(w[:1].isupper() for w in rest)
                if all(w.lower().strip(".,;:()") in STOPWORDS for w in rest) and not slip:
                    head, evidence = inner, inner_evidence
        if evidence and fuzzy and head.feature not in ("", "facility") and not any(
                e.via in WRITTEN_VIAS or e.via not in _GUESS_VIAS and self._heads.is_feature(r, head.feature)
                for r, e in evidence.items()):
            # a guessed or folded spelling of the name before an area word gives way to a place
            # of that level whose whole name, area word and all, is as close ('Odieka oblast' is
            # Odeska oblast two letters off, not Odisha; 'Llaon County' Llano County, not Laon)
            whole, whole_evidence = self._heads.misspelt_with_feature_word(head)
            if whole_evidence and min(e.edits for e in whole_evidence.values()) <= min(
                    e.edits if e.via in _GUESS_VIAS else 1 for e in evidence.values()):
                head, evidence = whole, whole_evidence
        if evidence and fuzzy and not head.feature and only_respelled(gaz, evidence, head.text):
            # a folded hit spelt otherwise ('Rājgar' folds like Raighar) may be a slip of a name
            # a letter away (Rājgarh): the typo search runs beside it (not for a name with its
            # feature word: 'Bakhmutsky district' is the district as the gazetteer spells it)
            evidence = self._gather(head.text, fuzzy=True)
        if not evidence and fuzzy:  # 'Stanysa Luganska': a misspelt name as a whole ...
            head, head_index, evidence = self._heads.close_whole_part(parts, order)
        if not evidence:  # ... before a run of words inside it ('terminal of Donetsk Airport')
            head, head_index, evidence = self._heads.ngram_head(parts, order)
        if not evidence and fuzzy:
            for i in order:
                for variant in parts[i].alternatives or [parts[i].text]:
                    evidence.update(self._gather(variant, fuzzy=True))
                if evidence:
                    head, head_index = parts[i], i
                    break
        if not evidence and any("-" in parts[i].text for i in order):
            # no name is close to a hyphenated word as a whole: a city and its district
            # ('Kharkiv-Saltivskyi'), not a misspelt name ('Раав-Русьа' is Rava-Ruska)
            head, head_index, evidence = self._heads.ngram_head(parts, order, hyphens=True)
        if not fuzzy:  # a consonant skeleton is a guess too; 'Town Hall' names no town
            generic = head is not None and is_generic(head.text)
            evidence = {} if generic else {r: e for r, e in evidence.items()  # (an ISO code stays one)
                                           if e.via in NAME_VIAS and not respelled_row(gaz, r, e) or e.via == "code"}
        context_parts = [p for i, p in enumerate(parts) if i != head_index]
        if head is None:  # nothing found: the head is the first place-like part
            head = parts[order[0]]
            context_parts = [p for i, p in enumerate(parts) if i != order[0]]
        # the same name again ('Maryinka; near Maryinka', two sources' wording) is no area of itself,
        # nor is a list item before the head ('Donetsk region and Kharkiv': siblings)
        before = set(map(id, parts[:head_index])) if head.joined and head_index >= 0 else set()
        area_ctx = self._areas.named([p for p in context_parts if not p.listed and not same_name(p, head)
                                      and id(p) not in before], list(evidence))
        # nor is another name of a candidate when no candidate lies in the area it could name
        # ('Toretsk (Dzerzhynsk)': the town's former name, not Dzyarzhynsk district, Belarus)
        framing = {label for label, rows in area_ctx if self._areas.any_inside(evidence, [(label, rows)])}
        also = self._heads.also_named(head, [p for p in context_parts if p.raw not in framing], evidence)
        area_ctx = [(label, rows) for label, rows in area_ctx if label not in also.values()]
        if area_ctx and not framing and self._areas.cities_listed(evidence, area_ctx, context_parts):
            area_ctx = []  # 'Kyiv, Lviv': cities listed, not Kyiv framed by the oblast named after Lviv
        if area_ctx and fuzzy and not self._areas.any_inside(evidence, area_ctx) \
                and not self._areas.other_country(evidence, area_ctx):
            # the phrase names an area and no candidate lies in it: look for spellings there
            named = all_rows(area_ctx)
            for variant in head.alternatives or [head.text]:
                for prow, e in self._gather(variant, fuzzy=True, force_fuzzy=True).items():
                    if prow not in evidence and self._areas.inside_any(prow, gaz.place(prow), named):
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
        if not evidence:
            if area_ctx:
                return self._area_answer(text, head, area_ctx, [])
            named_after = self._named_after_town(text, head) if self.fuzzy else None
            if named_after is not None:
                return named_after
            if self.fuzzy and not fuzzy and facility is not None:
                return Match(query=text, head=head.text, reason=(
                    f"the query names a {facility_kind(facility.what)} ({facility.what}) and no "
                    "place named in it; the gazetteer holds places, not facilities or natural features"))
            return Match(query=text, reason="no gazetteer name is close to it", head=head.text)
        # the place is named inside the facility ('Kremenchuk Reservoir'), not by it as a whole
        # ('Lake Geneva', Wisconsin) nor by another part ('Spartak, near Donetsk airport')
        inside = facility if (facility is not None and 0 <= head_index < len(parts) and parts[head_index] is facility
                              and head.text != facility.whole_name) else None
        return self._rank(text, head, evidence, hints, area_ctx, context_parts, limit, min_conf, context,
                          inside, also)

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

    def _stand_in(self, text: str, head: str, row: int, kind: str, hint: str) -> Match:
        """An answer with a place that stands in for the one the query names (a district's town,
        a named area, the town nearest to written coordinates), at the confidence measured for
        such answers of its level."""
        gaz = self.gazetteer
        place = gaz.place(row)
        ev = Evidence(int(gaz.place_form_start[row]), "exact", 100.0)
        m = build_match(self.gazetteer, text, None, (0.0, row, ev, []), scoring.AREA_ANSWER_CONFIDENCE.get(place.level, 0.2))
        m.match_kind, m.rename, m.head, m.hints = kind, None, head, [hint]
        return m

    def _point_answer(self, text: str, named: Match, row: int, point, note: str) -> Match:
        """The town nearest to coordinates written in the phrase, marked
        ``match_kind='coordinates'``; the name's own best match becomes an alternative."""
        place = self.gazetteer.place(row)
        km = float(haversine_km(point[0], point[1], place.lat, place.lon))
        head = named.head or text
        m = self._stand_in(text, head, row, "coordinates",
                           f"{note}; {head!r} is not in the gazetteer within {WRITTEN_POINT_KM:.0f} km of them; "
                           f"answered with {place.name}, the town nearest to them ({km:.0f} km)")
        # the name's candidates lie farther from the point: they share what the answer leaves
        rest = 1.0 - m.confidence
        m.alternatives = [replace(c, confidence=round(min(c.confidence, rest), 4)) for c in
                          ([candidate_of(named)] if named.ok else []) + named.alternatives[:3]]
        return m

    def _district_town_answer(self, text: str, parts: list[Part], head: Part | None,
                              evidence: dict[int, Evidence]) -> Match | None:
        """A phrase of areas only whose district the gazetteer does not hold ('Yasinovatsky
        district', 'Ясиноватский район, Донецкая область'; most raions were abolished in 2020):
        answered with the town the district adjective is formed from, inside the other areas
        named, as a district town stands in for a village of the district the gazetteer lacks."""
        district = next((p for p in parts if p.feature == "admin2" and not p.is_community
                         and (_DISTRICT_ADJECTIVE.search(p.text) or self._raion_town(p.text))), None)
        if district is None or self._heads.is_name(district.whole_name):  # 'Київський район' names a city district
            return None
        gaz = self.gazetteer
        others = [p for p in parts if p is not district]
        within = all_rows(self._areas.named(others)) if others else None

        def held(rows) -> bool:  # a district of that name (inside the other areas named)
            return any(self._heads.is_feature(r, "admin2") and (not within or self._areas.inside_any(r, gaz.place(r), within))
                       for r in rows)
        if held(evidence) or held(area_candidates(gaz, district.text, ("admin2",))) or held(
                self._heads.areas_named_after(district, self._gather(district.text, fuzzy=False))) or held(
                {r: e for r, e in self._gather(district.whole_name, fuzzy=True).items() if e.edits <= 2}):
            return None  # (or one within two slips of its name: 'Ленниїский Район' is Ленинский район)
        towns = self._areas.district_towns(district.text, within=within)
        if not towns:
            return None
        town = gaz.place(towns[0]).name
        return self._stand_in(text, district.text, towns[0], "area",
                              f"{district.raw!r} names a district the gazetteer does not hold; answered "
                              f"with {town}, the town it is named after")

    def _named_after_town(self, text: str, head: Part) -> Match | None:
        """'Antonivskyi bridge', 'Kakhovske reservoir', 'Avdiivskyi coke plant': a thing named by
        a town's adjective, no place named as written: answered with the town (kind ``area``) at
        ``scoring.NAMED_AFTER_TOWN_CONFIDENCE``. Only for an adjective followed by lowercase
        words or a facility word, or with words the phrase was stripped of."""
        words = head.text.split()
        if not words or not _TOWN_ADJECTIVE.search(words[0]) or not (
                head.feature == "facility" or len(words) > 1 and all(lowercase(w) for w in words[1:])
                or len(words) == 1 and says_more(head.text, head.raw)):
            return None
        towns = self._areas.district_towns(words[0])
        if not towns:
            return None
        town = self.gazetteer.place(towns[0])
        m = self._stand_in(text, head.text, towns[0], "area",
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

    def _area_answer(self, text: str, head: Part, area_ctx, alternatives: list) -> Match:
        """The place itself is not in the gazetteer (or not in the area the phrase names):
        answer with the most specific area the phrase names, marked ``match_kind='area'``."""
        gaz = self.gazetteer
        # a former state of several successors stands for no one of them ('Kiev, Yugoslavia')
        single = [(lbl, rows) for lbl, rows in area_ctx if not (former_state(lbl) and len(rows) > 1)]
        if not single:
            return Match(query=text, head=head.text, alternatives=alternatives, reason=(
                f"{head.text!r} is not in the gazetteer within {area_ctx[0][0]!r}, a former state now "
                f"divided among {len(area_ctx[0][1])} countries"))
        label, row = min(((lbl, r) for lbl, rows in single for r in rows[:1]),
                         key=lambda x: AREA_RANK.get(gaz.place(x[1]).level, 5))
        place = gaz.place(row)
        unit = "community" if label.lower().split()[-1].strip(".") in COMMUNITY_WORDS else "district"
        what = f"the town the {unit} is named after" if place.level == "populated place" else f"the {place.level}"
        m = self._stand_in(text, head.text, row, "area",
                           f"{head.text!r} is not in the gazetteer within {label!r}; answered with {place.name}, {what}")
        # the places named so elsewhere share what the answer leaves: a Karpovka outside the
        # named district is no likelier than the district's town
        m.alternatives = [replace(a, confidence=round(a.confidence * (1.0 - m.confidence), 4)) for a in alternatives]
        return m

    def _rank(self, text, head: Part, evidence: dict[int, Evidence], hints: _Hints,
              area_ctx, context_parts, limit: int, min_conf, context: Context | None = None,
              inside: Part | None = None, also: dict[int, str] | None = None) -> Match:
        """The ranked answer. ``inside``: the facility or natural-feature part the head was
        found in ('Kremenchuk Reservoir'): the answer says so, and a natural feature's town is
        only a guess at where it is. ``also``: the phrase part that is another name of a
        candidate, per candidate row."""
        gaz = self.gazetteer
        # the phrase part naming each candidate's area; candidates inside one come first
        area_label, holding = {}, {}
        for r in evidence if area_ctx else ():
            place = gaz.place(r)
            labels = [label for label, area_rows in area_ctx if self._areas.inside_any(r, place, area_rows)]
            area_label[r], holding[r] = (labels[0] if labels else None), len(labels)
        if any(area_label.values()):
            # inside as many of the named areas as any candidate: areas named one inside another
            # all hold the place ('Springfield, Illinois, USA' is not Springfield, Missouri, in the
            # USA only); sibling areas of a list are alternatives (each holds one)
            most = max(holding.values())
            evidence = {r: e for r, e in evidence.items() if holding[r] == most}
        rows = list(evidence)
        if len(rows) > _MAX_CANDIDATES:
            rows.sort(key=lambda r: (evidence[r].rank, int(gaz.place_pop[r])), reverse=True)
            rows = rows[:_MAX_CANDIDATES]
        scored = []
        dotted = head is not None and head.raw.rstrip(" )").endswith(".")
        # the phrase says area ('Moscow region') and an area of that level is a candidate
        area_named = head is not None and head.is_area and any(
            LEVELS[int(gaz.place_level[r])] == head.feature for r in rows)
        # a first-level area that is its city ('Moskva', the federal city): a town for 'X region'
        city_states = self._city_states(rows) if area_named and head.feature == "admin1" else set()
        native = head is not None and script_of(head.text) not in ("latin", "other")
        written_hit = any(evidence[r].via in WRITTEN_VIAS for r in rows)
        q_ascii = to_ascii(normalize(head.text if head is not None else text))
        # the letter slips of each guessed spelling, a folded key of a place whose Latin names are
        # its own spellings among them ('Kaajani' is Kajaani a swap off, not Kenya four off);
        # beside a name as written such a fold pays every slip below instead
        guess_edits = {r: evidence[r].edits for r in rows if evidence[r].via in _GUESS_VIAS}
        if not written_hit:
            guess_edits.update({r: OSA.distance(q_ascii, to_ascii(normalize(gaz.form_text[evidence[r].form_row])),
                                                score_cutoff=4)
                                for r in rows if respelled_row(gaz, r, evidence[r])})
        fewest_edits = min(guess_edits.values(), default=0)
        # the spellings the head was looked up as ('Petrovsky' and 'Petrovsky district', slash
        # variants): a folded hit's slips count beside a name as written only
        q_spellings: set[str] = set()  # (made when a folded hit first needs them)
        for row in rows:
            ev = evidence[row]
            place = gaz.place(row)
            if hints.feature and place.level not in hints.feature:
                continue
            if hints.within is not None:
                from shapely.geometry import Point
                if not hints.within.contains(Point(place.lon, place.lat)):
                    continue
            # an ISO 3166 code is an abbreviation, whichever name form stands for the area
            kind = NameKind.ABBREVIATION if ev.written else _NAME_KINDS[int(gaz.form_kind[ev.form_row])]
            if kind == NameKind.ALTERNATE and ev.via in ("exact", "case") and (native or _spelling_of_own_name(
                    gaz.form_text[ev.form_row], place)):
                # a name in the query's own non-Latin script is the place's local name ('Покровськ'
                # for Pokrovsk, an alternate in GeoNames), and an alternate spelled like the own
                # name another way ('Odessa' for Odesa, 'Roma' for Rome): not weaker than an
                # official name
                kind = NameKind.PREFERRED
            guess = respelled(ev, kind, place.country_code)  # scored as the guess it is
            s = scoring.string_score("skeleton" if guess else ev.via, ev.sim) + scoring.KIND_ADJUST.get(kind, 0.0)
            if guess and written_hit:
                # a guessed spelling pays its letter slips when the query is some place's name
                # as written ('Wing' is Wing, not Vinh two letters off, though Vinh is bigger)
                s += scoring.EXTRA_EDIT * OSA.distance(q_ascii, to_ascii(normalize(gaz.form_text[ev.form_row])))
            elif ev.via == "fold" and written_hit and not ev.query_scheme:
                # so does a folded key spelt two letters otherwise or more, beyond the one letter
                # folds merge ('Goiânia' is Goiânia as written, not Guyana by a Greek name's
                # romanization 'Goyiana')
                form_ascii = to_ascii(normalize(gaz.form_text[ev.form_row]))
                if not q_spellings:
                    q_spellings = {q_ascii} | ({to_ascii(normalize(t)) for t in (head.whole_name, *head.alternatives)}
                                               if head is not None else set())
                slips = min(OSA.distance(q, form_ascii) for q in q_spellings)
                # (every letter for the romanization of a country's name in another language:
                # 'Brasília' is the city, not Brazil by the Russian 'Бразилия' as 'Brasilija')
                s += scoring.EXTRA_EDIT * max(0, slips - (0 if other_language_country_name(gaz, ev.form_row) else 1))
            if native and ev.via in ("exact", "case") and _romanizes_to_own_name(gaz.form_text[ev.form_row], place):
                # 'Слов'янськ' is Slovyansk's own name; Nikopol (as many people) bore it once
                s += scoring.OWN_NAME_IN_SCRIPT
            if row in guess_edits:  # a name more slips away than the closest one
                s += scoring.EXTRA_EDIT * (guess_edits[row] - fewest_edits)
            if dotted and kind == NameKind.ABBREVIATION and gaz.form_text[ev.form_row].endswith("."):
                # 'Pa.', 'Kan.': written as the abbreviation it is (not Chongqing's 'Pa', Kano's KAN)
                s += scoring.DOTTED_ABBREVIATION
            if kind == NameKind.ROMANIZED and place.country_code != "UA" and \
                    gaz.scheme_vocab[int(gaz.form_scheme[ev.form_row])] in scoring.UKRAINIAN_SCHEMES:
                # Ukrainian romanization of a name outside Ukraine: generated, rarely written
                s += scoring.FOREIGN_SCHEME
            # a capital's bonus needs the capital's own name: 'Philadelphia' (an old name of Amman)
            # is not a way news names Jordan's government
            # (as written: 'Sanya' folds like Sanaa's 'Şan‘ā’ but is a Chinese city's own name)
            own = (kind in _OWN_KINDS or (
                place.feature_code == "PPLC" and fold_key(gaz.form_text[ev.form_row]) in (
                    fold_key(place.name), fold_key(place.ascii_name or place.name)))) and \
                (ev.via != "fold" or not written_hit)
            s += scoring.prior(place.level, place.population, place.feature_code if own else "")
            notes: list[str] = []
            if ev.named_after:
                notes.append(f"{head.whole_name if head else text!r} names the "
                             f"{'district' if place.level == 'admin2' else 'region'} named after {ev.named_after}")
            if ev.lemma:  # 'Бахмуті' for Бахмут
                notes.append(f"{head.text if head else text!r} read as a case form of {gaz.form_text[ev.form_row]!r}")
            if hints.countries:
                hinted = hints.country_of(place)
                if hinted is not None:
                    s += scoring.COUNTRY_MATCH
                    notes.append(f"country hint {hinted.label} matches")
                elif place.country_code:
                    s += scoring.COUNTRY_MISMATCH
                    notes.append(f"country hint {hints.countries[0].label} does not hold it")
            if hints.admin1:
                if hints.in_admin1(place) or any(
                        a.row >= 0 and a.country_code == place.country_code
                        and self._areas.enclave_in(place, gaz.place(a.row)) for a in hints.admin1):
                    s += scoring.ADMIN1_MATCH
                    notes.append(f"admin1 hint {hints.admin1[0].label} matches")
                elif all(a.country_code != place.country_code for a in hints.admin1):
                    # in another country than the hinted area's: as a country hint would say
                    # ('Kamenka' with the admin1 hint Kharkiv oblast is not Kamenka, Penza)
                    s += scoring.COUNTRY_MISMATCH
                    notes.append(f"admin1 hint {hints.admin1[0].label} does not hold it (another country)")
                else:
                    s += scoring.ADMIN1_MISMATCH
                    notes.append(f"admin1 hint {hints.admin1[0].label} does not hold it")
            if hints.admin2:
                if self._areas.inside_any(row, place, hints.admin2_rows):
                    s += scoring.ADMIN2_MATCH
                    notes.append(f"admin2 hint {hints.admin2} holds it")
                else:
                    s += scoring.ADMIN2_MISMATCH
                    notes.append(f"admin2 hint {hints.admin2} does not hold it")
            if area_label.get(row):
                s += scoring.AREA_PART_MATCH
                notes.append(f"phrase part {area_label[row]!r} names its area")
                district = self._areas.in_named_district(row, place, area_ctx)
                if district:
                    s += scoring.DISTRICT_MATCH
                    notes.append(f"it lies in the district {district!r} names")
            if also and row in also:
                s += scoring.ALSO_NAMED
                notes.append(f"phrase part {also[row]!r} is another name of it")
            town_in_area_phrase = area_named and place.level == "populated place"
            if head is not None and head.feature:
                if row in city_states:
                    s += scoring.TOWN_WHEN_AREA_SAID + scoring.FEATURE_WORD_MATCH
                    notes.append(f"the phrase says {head.feature}: {place.name} is the city itself")
                elif head.feature == place.level or (head.feature == "admin2" and place.level == "admin1"):
                    s += scoring.FEATURE_WORD_MATCH
                    notes.append(f"phrase says {head.feature}")
                elif town_in_area_phrase or (head.is_area and place.level == "country"):
                    s += scoring.TOWN_WHEN_AREA_SAID  # ('Georgia (state)' is no country either)
            if hints.near is not None:
                d = float(haversine_km(hints.near[0], hints.near[1], place.lat, place.lon))
                s += scoring.NEAR_WEIGHT * math.exp(-d / scoring.NEAR_SCALE_KM)
                notes.append(f"{d:.0f} km from the 'near' point")
            if context is not None and not town_in_area_phrase:
                # (the phrase says area: a town gets no support from the others' answers)
                county = gaz.admin2_row(row) if context.admin2 and place.level == "populated place" else None
                bonus, words = context.bonus(place.country_code, gaz.admin_name(row, "admin1"),
                                             place.lat, place.lon, exclude_label=text, admin2_row=county)
                s += bonus
                notes.extend(words)
            if hints.as_of is not None:
                vf, vt = int(gaz.form_from[ev.form_row]), int(gaz.form_to[ev.form_row])
                if not (vf or vt) and (old := gaz.old_name_spelt_as(ev.form_row)) is not None:
                    vf, vt = old.valid_from, old.valid_to  # 'Artyomovsk' was in use when Artemovsk was
                if (vf or vt) and (not vf or vf <= hints.as_of) and (not vt or hints.as_of < vt):
                    s += scoring.AS_OF_VALID
                    notes.append(f"the name was in use on {date_text(hints.as_of)}")
            scored.append((s, row, ev, notes))
        if not scored:
            return Match(query=text, reason="no candidate satisfies the hints (feature/within)")
        scored = self._prefer_towns_over_namesake_areas(scored, head)
        scored.sort(key=lambda x: x[0], reverse=True)
        other_country = ""
        if area_ctx and self._areas.contradicts(scored[0], area_ctx):  # the best lies outside the area named
            if self._areas.other_country(evidence, area_ctx):
                # 'Sevastopol, Russia', 'Pristina, Serbia': the town as named, the country as said
                other_country, area_ctx = area_ctx[0][0], []
            elif not self._areas.abroad(scored, area_ctx):
                confs = scoring.confidences([x[0] for x in scored], 4)
                alts = [runner_up(self.gazetteer, x, c) for x, c in zip(scored[:4], confs)]
                return self._area_answer(text, head, area_ctx, alts)
        keep = max(limit, 5)  # the answer and its runner-ups; the rest are only counted
        confs = scoring.confidences([x[0] for x in scored], keep)
        best = build_match(self.gazetteer, text, head, scored[0], confs[0])
        best.alternatives = [runner_up(self.gazetteer, x, c) for x, c in zip(scored[1:keep], confs[1:keep])]
        best.other_places = [p.whole_name for p in context_parts if not any(lbl == p.raw for lbl, _ in area_ctx)
                             and not (also and p.raw in also.values())
                             and not (head is not None and same_name(p, head))]
        if other_country:
            best.hints.append(f"phrase part {other_country!r} names another country than the gazetteer's "
                              f"({best.country}); the place as named")
            best.confidence = round(best.confidence * scoring.OTHER_COUNTRY_SHARE, 4)
            best.other_places = [p for p in best.other_places if p != other_country]
        phrase_caps(best, head, text, inside, context_parts)
        if min_conf is not None and best.confidence < min_conf:
            return Match(query=text, reason=f"best confidence {best.confidence:.2f} is below {min_conf:.2f}",
                         alternatives=[candidate_of(best)] + best.alternatives, head=best.head)
        slips = self._slips(head.text if head is not None else text, scored[0][1]) if best.match_kind == "fuzzy" else 0
        if slips >= scoring.MAX_GUESS_EDITS:
            if area_ctx and head is not None:  # as when nothing was found: the area named stands in
                return self._area_answer(text, head, area_ctx, [candidate_of(best)] + best.alternatives)
            return Match(query=text, reason=f"no name is close to it; the nearest guess, {best.name}, is "
                                            f"{slips} letters off", alternatives=[candidate_of(best)] + best.alternatives,
                         head=best.head)
        return best

    def _slips(self, written: str, row: int) -> int:
        """Letter edits between a Latin query and the closest name of the place it was guessed to
        be (0 for a query in another script: its romanization is no spelling the user wrote)."""
        if script_of(written) != "latin":
            return 0
        query = to_ascii(normalize(written))
        names = [to_ascii(normalize(name.text)) for name in self.gazetteer.names_of(row)]
        slips = min((OSA.distance(query, name) for name in names), default=0)
        if slips and self.gazetteer.place(row).country_code in _CYRILLIC_COUNTRIES:
            # a Russian form of a Ukrainian name trades vowels with it ('Tsvetnye Peski' for Цвітні Піски)
            # (and only these: a guess with other slips besides stays one: 'Velikiye Pritski' is no
            # Velyki Krynky)
            query = east_slavic_vowels(query)
            traded = min(OSA.distance(query, east_slavic_vowels(name)) for name in names)
            slips = traded if traded <= 1 else slips
        return slips

    def _city_states(self, rows: list[int]) -> set[int]:
        """The first-level areas among ``rows`` that are a city of their own: a town among the
        candidates lies inside with half the area's people or more (Moskva and Moscow), when
        another first-level area is a candidate too (Moskovskaya oblast')."""
        gaz = self.gazetteer
        areas = [r for r in rows if gaz.place(r).level == "admin1"]
        if len(areas) < 2:
            return set()
        towns = [gaz.place(r) for r in rows if int(gaz.place_level[r]) == 0]
        return {a for a in areas for p in [gaz.place(a)] if any(
            t.country_code == p.country_code and t.admin1_code == p.admin1_code and t.population >= 0.5 * p.population
            for t in towns)}

    def _prefer_towns_over_namesake_areas(self, scored, head: Part | None):
        """'Kharkiv' names the city more often than the oblast or raion named after it: an area
        whose populated namesake (same folded name, inside it or within 150 km) is also a
        candidate steps back, unless the phrase says area."""
        gaz = self.gazetteer
        level = gaz.place_level
        if (head is not None and head.is_area) or not any(int(level[x[1]]) in _AREA_LEVEL_CODES for x in scored):
            return scored
        towns: dict[str, list[tuple[float, float, str, str, bool, int]]] = {}  # lat, lon, cc, a1, own, pop
        for _, row, ev, _ in scored:
            form_text = gaz.form_text[ev.form_row]
            if ev.via in NAME_VIAS and int(gaz.place_level[row]) == 0 and not (
                    len(form_text) <= 3 and form_text.isupper()):  # codes ('IND') are no town names
                own = _NAME_KINDS[int(gaz.form_kind[ev.form_row])] in _OWN_KINDS or \
                    fold_key(form_text) == fold_key(gaz.place(row).name)
                key = fold_key(form_text)
                towns.setdefault(key, []).append((float(gaz.place_lat[row]), float(gaz.place_lon[row]),
                                                  gaz.country_code_of(row), gaz.admin1_code_of(row),
                                                  own, int(gaz.place_pop[row])))
        if not towns:
            return scored
        out = []
        for s, row, ev, notes in scored:
            place = gaz.place(row)
            if place.level in ("admin1", "admin2"):
                for lat, lon, cc, a1, own, pop in towns.get(fold_key(gaz.form_text[ev.form_row]), ()):
                    # the town's own name, or a common name of a town that weighs in the area
                    # ('New York'); not Montana City's alternate name 'Montana'
                    if pop < (OWN_TOWN_SHARE if own else ALIAS_TOWN_SHARE) * place.population:
                        continue
                    # (a town bearing the area's name as an alternate only from inside it: 'Morelos'
                    # is the state, not Ecatepec de Morelos in the next one)
                    if cc == place.country_code and (a1 == place.admin1_code or own and float(
                            haversine_km(lat, lon, place.lat, place.lon)) < 150):
                        s += scoring.NAMESAKE_AREA
                        notes = notes + ["an area named after the town steps back"]
                        break
            out.append((s, row, ev, notes))
        return out



_default: Resolver | None = None
_default_lock = threading.Lock()


def default_resolver() -> Resolver:
    global _default
    with _default_lock:
        if _default is None:
            _default = Resolver()
        return _default


def resolve(query, *, country=None, admin1=None, admin2=None, near=None, within=None, as_of=None,
            feature=None, limit: int = 1, min_confidence: float | None = None) -> Match:
    """Resolve a place name or phrase on the default gazetteer. See :class:`Resolver`."""
    return default_resolver().resolve(query, country=country, admin1=admin1, admin2=admin2, near=near,
                                      within=within, as_of=as_of, feature=feature, limit=limit,
                                      min_confidence=min_confidence)


def resolve_many(queries: Iterable, **hints) -> list[Match]:
    """Resolve many queries with the same hints on the default gazetteer."""
    return default_resolver().resolve_many(queries, **hints)
