"""The areas a location phrase names besides its place: regions, districts and the towns that
stand for them ('X, Maryinsky district, Donetsk region', 'X near Popasne'), and whether a
candidate lies inside them."""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..gazetteer import LEVELS, Gazetteer
from ..model import NameKind
from ..names import polish
from ..names.inflection import nominatives
from ..names.keys import fold_key, russian_form_of
from ..names.normalize import to_ascii
from ..sources.cldr import cyrillic_script_countries
from ..sources.curated import region_countries, region_members
from ..sources.packaged import land_neighbours
from .candidates import NAME_VIAS, OWN_NAME_KINDS, WRITTEN_VIAS, Evidence, respelled_row
from .hints import (area_candidates, area_word_synonyms, areas_by_any_word, former_state, haversine_km, in_province,
                    nearest_km, strip_area_words)
from .phrase import Part, facility_kind, says_near, says_province

# adjective endings of district names and the endings of the towns they are named after
_ADJ_END = re.compile(r"(s?k(yi|yy|iy|ii|y|i|ij|ogo|oho|a|e|aya|oye|oe)?|s)$")
# (and the Russian feminine 'Ясиноватский' -> Ясиноватая, 'yasinovataya'; the bare stem before
# -ivka: 'Izyumsky' is Izyum, not the village Izyumovka)
_TOWN_SUFFIXES = ("sk", "ka", "", "ivka", "ske", "e", "a", "ove", "ne", "ske", "skoe", "skoye", "aya", "y")
# a front sector's adjective in any case: 'Купянское (направление)', 'на Покровському (напрямку)',
# 'Avdeyevsky (direction)'
_SECTOR_ADJ_END = re.compile(r"s?k(?:oe|oye|om|omu|ogo|oho|yi|yy|iy|ii|ij|y)$")
SECTOR_TOWN = 10_000  # people: a front sector is named after a town at least this big ('Kupyansk direction')
# ... or, in Ukraine, where the fronts run, half as big ('Марьинское направление' is Marinka, 9,000)
SECTOR_TOWN_UA = 5_000


def sector_town(country_code: str) -> int:
    """The people a town of ``country_code`` has at least when a front sector is named after it."""
    return SECTOR_TOWN_UA if country_code == "UA" else SECTOR_TOWN


# where the fronts a sector is named in run: Ukraine and the Russian regions along its border, from
# Bryansk to Rostov (min lon, min lat, max lon, max lat); 'Северское' is Siversk, not Seversk in
# Tomsk oblast, 'Марьинское' Marinka, not Mariinsk in Kemerovo oblast nor Mar'ino in Moscow
FRONT_BBOX = (22.0, 44.0, 41.0, 54.0)
_SECTOR_ERA = 19910000  # a town's name dropped since (yyyymmdd) may still name a front sector
# a subdivision's code as addresses write it: two or three capitals, or an abbreviation with a
# dot ('SP', 'MH', 'Jal.', 'N.L.'); lowercase words ('or', 'in') are words
_SUBDIVISION_CODE_RE = re.compile(r"[A-Z]{2,3}\.?|[A-Z]\.[A-Z]\.?|[A-Z][a-z]{1,2}\.")
# how large an area is, smallest first (a district's town stands for the district)
AREA_RANK = {"populated place": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
REGION_KM = 250  # a region without member areas (a sea, Darfur) holds what lies this near its point
_ADMIN2 = LEVELS.index("admin2")
_PLACE = LEVELS.index("populated place")
# a district the phrase names by its town (abolished in 2020) holds the places this close to the town:
# the old raions reached some 20 km from their towns (within 40 km a place is only near it)
DISTRICT_TOWN_KM = 25.0
# a place named with a district it lies outside, alone of its name in the district's first-level
# area, is meant when this near the district's point (its centre or the town it is named after):
# Ukraine's raions were merged and redrawn in 2020, and reports name the old ones
BESIDE_DISTRICT_KM = 60.0
# countries whose languages form area adjectives with -sk- ('Donetskyi', 'Kurskaya', 'Krakowski')
_SLAVIC_COUNTRIES = cyrillic_script_countries() | {"PL", "CZ", "SK", "SI", "HR", "BA", "ME", "RS"}
DISTRICT_CENTRE_POP = 1000  # people: a district is named after a town, not a hamlet
# people: a town named with a district word after a city, the gazetteer holding no district of its
# name, is the district's town when this big ('Kursk, Rylsk district'; a village 'Tsentralny' is not)
DISTRICT_TOWN_FRAME_POP = 5_000
AROUND_CITY_KM = 150  # a region named after a city that is a first-level area of its own surrounds it
LISTED_TOWN = 10_000  # people: a bare name of a town this big beside a big city is a list item
# ... and a town of LISTED_NEAR_TOWN people before a bare town name this near it, outside the area
# named after it ('Shebekino, Kharkiv', 'Sudzha, Sumy': across a border; not a quarter of the city)
LISTED_NEAR_KM, LISTED_NEAR_TOWN = 150, 5_000
# a town named bare beside the place is its neighbour when a namesake of the place lies this near
# it (the distance of places a phrase lists together), of the first this many candidates
TOWN_BY_KM, CANDIDATES_BY_TOWN = 25.0, 400
TOWN_REACH_KM = 40.0  # a town a place is near (or in the area of), or a district named after it, holds this much
_CODE_LABEL_RE = re.compile(r"[A-Z]{2,3}")
LISTED_COUNTRY_TOWN = 10_000  # a town this big named like a country may be meant in the next country named
_CITY_DISTRICT_WORDS = frozenset({"district", "raion", "rayon", "район", "р-н", "dzielnica", "bezirk"})
BIG_CITY = 100_000  # people: a city this big named as written outweighs a namesake district abroad
ENCLAVE_KM = 120  # a city that is a first-level area of its own lies in a first-level area this near
CITY_STATE_KM = 70  # every town of a city that is a first-level area lies this near its centre
OTHER_COUNTRY_TOWN = 20_000  # people: a town this big named as written is it, whatever country is said


def _town_spellings(stem: str) -> list[str]:
    """The names of the towns an adjective's ``stem`` may be formed from, in the order tried
    ('kupiansk', 'kupianka', ...; the closed syllable's і is the town's о: 'Гуляйпільська' is
    Гуляйполе's)."""
    return [stem + suffix for suffix in _TOWN_SUFFIXES] + ([stem[:-3] + "pole"] if stem.endswith("pil") else [])


# more endings a thing's adjective drops from the town it is named after: a noun in -ye
# ('Запорожская' is Zaporozhye's), a town named by an adjective ('Хмельницкая', Khmelnytskyi's)
_MORE_TOWN_SUFFIXES = ("ye", "ie", "skiy", "skyi", "skii")


def _thing_town_spellings(stem: str) -> list[str]:
    """:func:`_town_spellings` and the forms a thing's adjective may come from besides: the -ye
    and adjective-named towns, Ukrainian -iv- back to -ov- ('Курахівська' is Kurakhove's) and a
    fleeting e ('Ровенская' is Rovno's)."""
    more = [stem + suffix for suffix in _MORE_TOWN_SUFFIXES]
    if stem.endswith("iv"):
        more += [stem[:-2] + end for end in ("ove", "ovo", "iv")]
    if len(stem) > 4 and stem[-2] == "e" and stem[-1] not in "aeiouy":
        more.append(stem[:-2] + stem[-1] + "o")
    return _town_spellings(stem) + more


def _lower_ascii(name: str) -> str:
    return to_ascii(name).lower()


_SPELLING_KINDS = (NameKind.OFFICIAL, NameKind.PREFERRED, NameKind.ALTERNATE, NameKind.SHORT)


def _begins_with_any(area_name: str, town_names: list[str]) -> bool:
    """Does the area's name begin with the first five letters of one of the town's names, folded
    or as written ('Pskov' folds to 'pskiv', not 'Pskovskaya'), or is it the town's adjective
    (:func:`_adjective_of`)?"""
    return any(len(stem) >= 4 and key(area_name).startswith(stem)
               for key in (fold_key, _lower_ascii) for name in town_names for stem in [key(name)[:5]]) \
        or any(_adjective_of(area_name, name) for name in town_names)


_FINAL_VOWELS_RE = re.compile(r"[aeiouy]+$")
# a stem's last consonant before a Slavic adjective's ending ('Kaluga': Kaluzhskaya; 'Uzhhorod')
_ALTERNATIONS = {"g": "zh", "h": "zh", "k": "ch"}


def _adjective_of(area_name: str, town_name: str) -> bool:
    """Does the area's name begin with the Slavic adjective of the town's name: the name without
    its last vowel, its last consonant maybe alternated, then -sk- after at most two letters
    ('Tula': Tul'skaya oblast', 'Sumy': Sumska oblast, 'Kaluga': Kaluzhskaya, 'Penza':
    Penzenskaya, 'Odesa': Odeska)? The first five letters miss these."""
    letters = re.sub(r"[^a-z]", "", _lower_ascii(town_name))
    stem = _FINAL_VOWELS_RE.sub("", letters)
    if len(stem) < 3 or stem == letters:
        return False  # (no final vowel: the first letters tell already)
    area = re.sub(r"[^a-z ]", "", _lower_ascii(area_name))
    stems = {stem, stem[:-1] + _ALTERNATIONS[stem[-1]]} if stem[-1] in _ALTERNATIONS else {stem}
    # (a stem ending in s lends it to the ending: 'Odesa', Odeska oblast; 'Cherkasy', Cherkaska)
    return any(re.match(re.escape(st) + (r"(?:[a-z]{0,2}s)?k" if st.endswith("s") else r"[a-z]{0,2}sk"), area)
               for st in stems)


_CITY_COUNCIL_RE = re.compile(r"\s+(?:city|town)(?:\s+(?:council|municipality))?$", re.IGNORECASE)


def _city_council(text: str) -> str:
    """The town of a city council's area ('Makiivka City' of 'Makiivka City municipality'), the
    text itself otherwise."""
    return _CITY_COUNCIL_RE.sub("", text) or text


def all_rows(area_ctx) -> list[int]:
    """The area rows of every part of ``[(label, rows), ...]``, in order."""
    return [r for _, rows in area_ctx for r in rows]


def word_levels(part: Part) -> tuple[str, ...]:
    """The levels a part's area word names: its own, and either for a province (Argentina's are
    first-level areas, Peru's and Burkina Faso's second: 'Provincia de La Convención, Cusco')."""
    return ("admin1", "admin2") if part.feature == "admin1" and says_province(part.whole_name) else (part.feature,)


class PhraseAreas:
    """Area evidence of a phrase over one gazetteer; ``gather`` is the resolver's (memoized)
    candidate lookup."""

    def __init__(self, gazetteer: Gazetteer, gather: Callable[..., dict[int, Evidence]]) -> None:
        self.gazetteer = gazetteer
        self._gather = gather

    def towns(self, text: str) -> list[int]:
        """Populated places with the name ``text`` (exact, romanized or folded), most populous
        first."""
        return self.towns_in(self._gather(text, fuzzy=False))

    def towns_in(self, evidence: dict[int, Evidence]) -> list[int]:
        """The populated places the evidence reaches by a name (not a guess), most populous first."""
        gaz = self.gazetteer
        return sorted((r for r, e in evidence.items() if e.via in NAME_VIAS and int(gaz.place_level[r]) == 0
                       and not respelled_row(gaz, r, e)),
                      key=lambda r: -int(gaz.place_pop[r]))

    def named(self, parts: list[Part], candidates: list[int] = ()) -> list[tuple[str, list[int]]]:
        """Areas (or, failing that, towns) named by the other parts of a phrase.

        'Donetsk region' -> the oblast. 'Amvrosievsky region', 'Shakhtarskyi district' name
        districts (many abolished in 2020) after their towns: the town stands in for the district
        and candidates near it are favoured."""
        gaz = self.gazetteer
        found: list[tuple[Part, list[int]]] = []
        districts, cities = [], []
        held: dict[int, list[int]] = {}  # id(part): the districts named so that hold no candidate
        for part in parts:
            # (a facility names no country it lies in: 'TV tower' is no Tuvalu, a 'US embassy' the
            # United States' and not where it is)
            levels = {"admin1": word_levels(part), "admin2": ("admin2", "admin1"),
                      "facility": ("admin1", "region", "admin2")}.get(part.feature, ("admin1", "country", "region", "admin2"))
            # a community is no gazetteer area: only its town stands for it ('Lyman hromada' is
            # not Lyman County, South Dakota)
            whole = self._by_whole_name(part, within=[])
            if whole and (not candidates or any(self.inside_any(c, gaz.place(c), whole) for c in candidates[:50])):
                # the district as the gazetteer names it ('Pokrovsk Raion'), when a candidate lies
                # in it, and the town it is named after inside it (districts in older data had
                # other borders)
                rows = whole + [r for r in self.district_towns(part.text, within=whole) if r not in whole]
            else:
                if whole and len(countries := {gaz.country_code_of(c) for c in candidates[:50]}) == 1:
                    # (in the country every candidate lies in: 'Калининский район Донецка', of a
                    # Donetsk in Ukraine or Russia, is no district of Saratov oblast)
                    held[id(part)] = [r for r in whole if gaz.country_code_of(r) in countries]
                # (a natural feature is named whole: 'Long Island', not a district 'Long' in
                # Thailand; a facility by the town it is named after: 'the Donetsk airport')
                natural = part.feature == "facility" and facility_kind(part.what) == "natural feature"
                rows = [] if part.is_community else area_candidates(
                    gaz, part.whole_name if natural else part.text, levels)
                if not rows and part.feature == "admin1" and part.whole_name != part.text:
                    # the area's name with its word ('Харківська область', 'Курская обл.'): its
                    # adjective alone names no area, and the town it is named after would stand in;
                    # or with another area word ('Orel region' is GeoNames' 'Orel Oblast')
                    rows = areas_by_any_word(gaz, part.whole_name, "admin1", levels)
                if not rows and part.oblique and not part.is_community:
                    # a region in a case a preposition puts it in ('на Донеччині': Донеччина)
                    rows = next((r for form in nominatives(part.text, part.case)
                                 if (r := area_candidates(gaz, form, levels))), [])
                rows += [r for r in self.subdivision_code(part, candidates) if r not in rows]
            if not rows and part.feature == "admin1":
                rows = self.regions_named_after_town(part.text)
            if rows and candidates and not part.feature and not part.listed and (by := self._town_beside(part, rows, candidates)):
                rows = by
            elif rows and part.outskirts:
                # 'on the outskirts of Donetsk': the city, never the oblast named after it (no
                # namesake 50 km off; 'near Lugansk' may say a village 50 km from the city)
                rows = self.big_city(part.text, rows) or rows
            elif rows and candidates and (part.near or part.around or part.holder or part.feature == "populated place"):
                # 'near Donetsk city', 'the Kalininsky district of Donetsk': the city, not the oblast
                # named after it, when a candidate lies within its reach; 'near Bakhmut' is near
                # the town, not in the district named after it (a village 15 km off lies in another)
                rows = self._big_city_holding(part.text, rows, candidates) or (
                    (part.near or part.around) and not part.feature
                    and all(int(gaz.place_level[r]) == _ADMIN2 for r in rows)
                    and [t for t in self.towns(part.text) if self.inside_any(t, gaz.place(t), rows)]) or rows
            if rows:
                found.append((part, rows[:50]))
            elif part.is_area or part.near or part.around:
                districts.append(part)
            elif not part.feature and not part.listed and candidates:
                cities.append(part)
        found, dropped = self._consistent(found)
        districts += [p for p in dropped if p.is_area]
        # district towns (and towns the place is 'near') last: the areas named beside them pick
        # among namesakes ('Maryinsky district, Donetsk region' -> Marinka, not Mariinsk)
        named = all_rows(found)
        for part in districts:
            if part.near or part.around:  # (near it or in its area)
                rows = self.towns_named(part.text, within=named, candidates=candidates)
            else:
                rows = self.district_towns(part.text, within=named, candidates=candidates)
                whole = [r for r in held.get(id(part), ()) if not named or self.inside_any(r, gaz.place(r), named)]
                if whole:
                    # a district the gazetteer holds by its name (inside the other areas named),
                    # though no candidate lies in it: its town (a place near it may lie in the
                    # district as drawn before 2020), else the district; not a namesake elsewhere
                    # its adjective is formed from ('Пологівський район' is Polohy Raion, not
                    # Polokhivka in Kharkiv oblast)
                    rows = [r for r in rows if self.inside_any(r, gaz.place(r), whole)] or whole
                rows = rows[:50] + self.districts_named_after(rows[:3])
            if rows:
                found.append((part, rows[:50]))
        for part in cities:
            # a big city after the place ('Richmond, London', 'Camden, London'): the place lies
            # in it when a candidate does (else the two are a list: 'Pisky, Kyiv')
            rows = self._big_city_holding(part.text, named, candidates)
            if rows:
                found.append((part, rows))
        order = {id(p): i for i, p in enumerate(parts)}
        return [(p.raw, rows) for p, rows in sorted(found, key=lambda x: order[id(x[0])])]

    def subdivision_code(self, part: Part, candidates: list[int]) -> list[int]:
        """'Salvador, BA', 'Curitiba/PR', 'Mumbai, MH', 'Guadalajara, Jal.', 'Milano (MI)': a
        subdivision's ISO 3166-2 code without its country, as addresses write it, in the country
        of a candidate (Bahia, not Bosnia and Herzegovina, whose code 'BA' is too: the
        candidates inside decide)."""
        raw = part.raw.strip()
        if not candidates or not _SUBDIVISION_CODE_RE.fullmatch(raw):
            return []
        code = raw.replace(".", "").upper()
        gaz = self.gazetteer
        countries = dict.fromkeys(gaz.country_code_of(c) for c in candidates[:50])
        return [r for cc in countries if cc for r in gaz.areas_with_code(f"{cc}-{code}")]

    def district(self, part: Part, within: list[int] = ()) -> list[int]:
        """Rows standing for a second-level area named alone (an ``admin2`` hint): the gazetteer's
        districts of that name, with any area word ('Svativskyi' district is GeoNames' 'Svativskyi
        Raion'), and the town a district is named after ('Shakhtarsk raion', abolished in 2020,
        is Shakhtarsk's; 'Makiivka City municipality' the city's): districts named in older data
        had other borders than the gazetteer's, so a place near the town counts as inside. All
        inside ``within`` (the first-level areas or countries hinted) when given."""
        gaz = self.gazetteer
        rows = self._by_whole_name(part, within) or ([] if part.is_community else area_candidates(
            gaz, part.text, ("admin2",)))
        towns = self.district_towns(part.text, within=list(within))
        rows += towns + self.districts_named_after(towns[:3])
        if within:
            rows = [r for r in rows if self.inside_any(r, gaz.place(r), within)]
        return list(dict.fromkeys(rows))[:50]

    def _by_whole_name(self, part: Part, within: list[int]) -> list[int]:
        """Second-level areas named by the part as a whole, area word included, or with another
        word for it ('Pokrovsk Raion'; 'Svativskyi district' for GeoNames' 'Svativskyi Raion'),
        inside ``within`` when given: by every word for it ('Nikopol district' is Bulgaria's
        Obshtina Nikopol by an alternate name, and Ukraine's Nikopol Raion)."""
        if part.feature != "admin2" or part.is_community:
            return []
        gaz = self.gazetteer
        rows: list[int] = []
        for name in [part.whole_name, *area_word_synonyms(part.whole_name, "admin2")]:
            rows += [r for r in area_candidates(gaz, name, ("admin2",))
                     if r not in rows and (not within or self.inside_any(r, gaz.place(r), within))]
        return rows[:50]

    def _consistent(self, found: list[tuple[Part, list[int]]]):
        """(kept, dropped parts): each part's areas that agree with the other parts' (one lies
        inside the other): 'Shakhtarskyi district, Donetsk region' keeps the district in Donetsk
        oblast, not a namesake elsewhere. A smaller area with no agreeing row is dropped (to be
        read as a district town, when it is a district); the larger areas are trusted."""
        if len(found) < 2:
            return found, []
        gaz = self.gazetteer
        out, dropped = [], []
        for i, (part, rows) in enumerate(found):
            other = [r for j, (_, rs) in enumerate(found) if j != i for r in rs]
            keep = [r for r in rows if self.inside_any(r, gaz.place(r), other)
                    or any(self.inside_any(o, gaz.place(o), [r]) for o in other)]
            if keep:
                out.append((part, keep))
            elif max(AREA_RANK.get(gaz.place(r).level, 0) for r in rows) \
                    < max(AREA_RANK.get(gaz.place(r).level, 0) for r in other):
                dropped.append(part)
            else:
                out.append((part, rows))
        return out, dropped

    def regions_named_after_town(self, text: str, min_population: int = 0, lately: bool = False) -> list[int]:
        """First-level areas named after their main town, reached through the town's other
        names: 'Zaporozhye region' -> Zaporizka oblast (via Zaporizhzhia), 'Dnepropetrovsk
        region' -> Dnipropetrovska oblast (via Dnipro, formerly Dnipropetrovsk); only after a
        town of ``min_population`` people or more; ``lately``: only a town ``text`` names as it
        is or was lately named (:meth:`_bears_lately`: not Donetsk by its 18th-century
        'Aleksandrovka', a common village name)."""
        evidence = self._gather(text, fuzzy=False)
        towns = [r for r in self.towns_in(evidence) if not lately or self._bears_lately(r, evidence[r].form_row)]
        return [area for area, town in self.named_after(towns, "admin1")
                if int(self.gazetteer.place_pop[town]) >= min_population]

    def districts_named_after(self, towns: list[int]) -> list[int]:
        """The second-level areas of ``towns`` that are named after them ('Volnovakha' ->
        Volnovakha Raion, 'Mariupol' -> Mariupolskyi Raion, not Donetsk Raion around
        Amvrosiivka): a district the phrase names, known by its codes rather than a radius."""
        return [area for area, _ in self.named_after(towns, "admin2")]

    def named_after(self, towns: list[int], level: str, names: dict[int, str] | None = None,
                    other_names: bool = False) -> list[tuple[int, int]]:
        """(area, town) pairs: the ``level`` area ('admin1' or 'admin2') each town lies in, when
        its name begins with the town's ('Kurskaya oblast'' for Kursk) or with the name the
        town was found by (``names``: 'Leningrad' for Saint Petersburg); first town per area. A
        city that is a first-level area of its own stands for the region around it named after
        it ('Moscow region' is Moskovskaya oblast', not the city of Moscow). ``other_names``: an
        area whose whole name is another of the town's Latin names counts too (for towns a
        phrase names as written, not guessed from an adjective)."""
        gaz = self.gazetteer
        out: dict[int, int] = {}
        for town in towns:
            cc = gaz.country_code_of(town)
            own = self._own_area(town, level)
            if own is None or own == town:
                continue
            place = gaz.place(town)
            areas = [own]
            if level == "admin1":
                areas += [a for a in self._admin1_rows(cc) if a != own and float(haversine_km(
                    place.lat, place.lon, gaz.place(a).lat, gaz.place(a).lon)) < AROUND_CITY_KM]
            spellings = [place.name] + ([names[town]] if names and town in names else [])
            # (else with another of its Latin names, as written: 'Benghazi region' is Banghāzī, the
            # city's name 'Banghazi'; 'Damascus' the city-governorate Dimashq; but 'Leningrad
            # region' stays Leningradskaya oblast', not Saint Petersburg's 'Sankt-Peterburg')
            others = [n.text for n in gaz.names_of(town) if not n.scheme and n.kind in _SPELLING_KINDS
                      and n.text.isascii() and n.text not in spellings] if other_names else []
            area = next((a for a in areas if a not in out and _begins_with_any(gaz.place(a).name, spellings)), None)
            if area is None and others:  # (the area's whole name: not 'Donetsko-Amvrosiyevka')
                keys = {fold_key(n) for n in others}
                area = next((a for a in areas if a not in out and fold_key(strip_area_words(gaz.place(a).name)) in keys),
                            None)
            if area is None and other_names and own not in out:
                # (or one of its own area's Latin names is one of the town's: 'Hrodna region' is
                # Hrodzienskaja voblasć, which bears the city's 'Grodno')
                keys = {fold_key(n) for n in others + spellings}
                if any(fold_key(strip_area_words(n.text)) in keys for n in gaz.names_of(own)
                       if not n.scheme and n.kind in _SPELLING_KINDS and n.text.isascii()):
                    area = own
            if area is not None:
                out[area] = town
        return list(out.items())

    def _own_area(self, town: int, level: str) -> int | None:
        """The ``level`` area ('admin1' or 'admin2') a town lies in, or None."""
        gaz = self.gazetteer
        return gaz.area_rows().get(("admin1", gaz.country_code_of(town), gaz.admin1_code_of(town))) \
            if level == "admin1" else gaz.admin2_row(town)

    def _admin1_rows(self, country_code: str) -> list[int]:
        index = self.__dict__.get("_admin1_index")
        if index is None:
            index = self.__dict__["_admin1_index"] = {}
            for key, row in self.gazetteer.area_rows().items():
                if key[0] == "admin1":
                    index.setdefault(key[1], []).append(row)
        return index.get(country_code, [])

    def named_after_adjective(self, text: str, level: str) -> list[tuple[int, int]]:
        """(area, town) pairs for an area adjective formed from a town's name: 'Бєлгородська
        (область)' -> Belgorodskaya oblast' (Belgorod), 'Воронезька' -> Voronezhskaya oblast'."""
        word = to_ascii(text)
        stem = _ADJ_END.sub("", word)
        if stem == word:
            return []
        for t in dict.fromkeys(stem + suffix for suffix in _TOWN_SUFFIXES):
            pairs = self.named_after(self._slavic_towns(t)[:5], level)
            if pairs:
                return pairs
        return []

    def _slavic_towns(self, name: str) -> list[int]:
        """The towns named ``name`` (four letters or more) where a Slavic language is spoken, most
        populous first: a Slavic adjective names such a town ('Svativskyi' is no Shantou, whose
        old name Swatow folds like 'svativ')."""
        return [r for r in self.towns(name) if self.gazetteer.country_code_of(r) in _SLAVIC_COUNTRIES] \
            if len(name) >= 4 else []

    def named_after_polish_adjective(self, text: str, level: str) -> list[tuple[int, int]]:
        """(area, town) pairs for a Polish area adjective: 'obwód doniecki' -> Donetska oblast
        (Donieck), 'rejon bachmucki' -> Bakhmut Raion."""
        gaz = self.gazetteer
        for name in polish.adjective_towns(text):
            towns = self._slavic_towns(name)
            # (towns of a size that compares with the biggest: 'czernihowski' is Chernihiv's, not
            # a village Chernykhiv's; 'odeski' is Odeska oblast, Odesa's, by its adjective)
            towns = [t for t in towns[:5] if int(gaz.place_pop[t]) >= 0.1 * int(gaz.place_pop[towns[0]])]
            pairs = self.named_after(towns, level, {t: name for t in towns})
            if pairs:
                return pairs
        return []

    def sector_towns(self, text: str) -> list[int]:
        """Towns of :func:`sector_town` people or more (half as many in Ukraine) where the
        fronts run (:data:`FRONT_BBOX`) a sector's adjective is formed from, most populous first: 'Купянское
        (направление)' -> Kupiansk, 'Лиманское' -> Lyman (not the village Lymanske), 'на
        Покровському (напрямку)' -> Pokrovsk, 'Марьинское' -> Marinka; [] for a noun ('Kupyansk')."""
        word = to_ascii(text)
        stem = _SECTOR_ADJ_END.sub("", word)
        if stem == word or len(stem) < 3 or " " in stem:
            return []
        gaz = self.gazetteer
        lon0, lat0, lon1, lat1 = FRONT_BBOX

        def front_town(r: int) -> bool:
            p = gaz.place(r)
            return lon0 <= p.lon <= lon1 and lat0 <= p.lat <= lat1 and p.feature_code != "PPLX" \
                and p.population >= sector_town(p.country_code)
        rows: set[int] = set()
        for t in dict.fromkeys(_town_spellings(stem)):
            if len(t) >= 4:
                evidence = self._gather(t, fuzzy=False)
                towns = [r for r in self.towns_in(evidence) if front_town(r)]
                # a town bearing the name now, in its Russian form or until lately speaks over one
                # with it as an undated alternate: 'Покровський' is Pokrovsk, not Engels (Pokrovsk
                # until 1931); 'Артемовское' is Bakhmut's (Artemovsk until 2016)
                own = [r for r in towns if self._bears_lately(r, evidence[r].form_row)]
                rows.update(own or towns)
        return sorted(rows, key=lambda r: -int(gaz.place_pop[r]))

    def _bears_lately(self, row: int, form_row: int) -> bool:
        """Is the name form the place's own, the Russian form of its own, or one dropped lately?"""
        gaz = self.gazetteer
        return int(gaz.form_kind[form_row]) in OWN_NAME_KINDS or int(gaz.form_to[form_row]) >= _SECTOR_ERA \
            or russian_form_of(gaz.form_text[form_row], gaz.place(row).name)

    def in_named_district(self, row: int, place, area_ctx) -> str | None:
        """The label of the phrase part naming a second-level area the place lies in (or, when
        the gazetteer holds no such district, the town it is named after stands in for it:
        'Shakhtarskyi district', abolished in 2020, is Shakhtarsk's, and holds the places within
        ``DISTRICT_TOWN_KM`` of it)."""
        gaz = self.gazetteer
        for label, rows in area_ctx:
            districts = [r for r in rows if int(gaz.place_level[r]) == _ADMIN2]
            if districts and self.inside_any(row, place, districts):
                return label
            if not districts and not says_near(label):  # (a town the place is near is no district)
                towns = [r for r in rows if int(gaz.place_level[r]) == _PLACE]
                if towns and nearest_km(gaz, row, towns) < DISTRICT_TOWN_KM:  # (the town itself: 0 km)
                    return label
        return None

    def big_city(self, text: str, within: list[int]) -> list[int]:
        """[the city of 100,000+ named ``text`` (inside ``within`` when one is)], or []."""
        gaz = self.gazetteer
        return [r for r in self.towns_named(text, within=within)[:1] if int(gaz.place_pop[r]) >= BIG_CITY]

    def _big_city_holding(self, text: str, within: list[int], candidates) -> list[int]:
        """:meth:`big_city` when a candidate lies within its reach, else []."""
        gaz = self.gazetteer
        city = self.big_city(text, within)
        return city if city and any(self.inside_any(c, gaz.place(c), city) for c in candidates[:50]) else []

    def towns_named(self, text: str, within: list[int], candidates=()) -> list[int]:
        """Populated places named ``text``: those inside ``within`` when any is, else the most
        populous when it is a landmark ('X, near Popasne' -> Popasna, whose surroundings X is
        looked for in), unless the town alone of them by one of the ``candidates`` is another
        ('Umanske near Karlivka': the Karlivka by an Umanske, not the bigger one in Poltava oblast)."""
        gaz = self.gazetteer
        rows = self.towns(text)
        inside = [r for r in rows if within and self.inside_any(r, gaz.place(r), within)]
        if inside or not rows:
            return inside
        # a landmark: the town that dwarfs its namesakes (ten times the next); several villages
        # of one name ('near the village of Pervomaiskoe') bound nothing
        floor = 0.1 * int(gaz.place_pop[rows[0]])
        comparable = [r for r in rows[:5] if int(gaz.place_pop[r]) >= floor]
        landmark = comparable if len(comparable) == 1 else []
        near = self.towns_by(rows, candidates, TOWN_REACH_KM)
        return near if len(near) == 1 else landmark  # (several towns a namesake is by settle nothing)

    def _town_beside(self, part: Part, rows: list[int], candidates) -> list[int]:
        """[the biggest town named like a bare part by a candidate], when the areas the part names
        lie in no candidate's country, else []: 'Zarichne, Lyman' is the Zarichne by the town of
        Lyman, not Lyman County, South Dakota, whose Zarichne the gazetteer lacks. Not the place
        itself by another name ('Toretsk (Dzerzhynsk)'), nor beside a county of the candidate's
        country (the town may lie in a unitary authority beside it: 'Bath, Somerset')."""
        gaz = self.gazetteer
        if {gaz.country_code_of(r) for r in rows[:50]} & {gaz.country_code_of(c) for c in candidates[:50]}:
            return []
        own = set(candidates)
        return self.towns_by([t for t in self.towns(part.text) if t not in own], candidates)[:1]

    def towns_by(self, towns: list[int], candidates, km: float = TOWN_BY_KM) -> list[int]:
        """The ``towns`` within ``km`` of one of the ``candidates`` (in their order)."""
        if not towns or not len(candidates):
            return []
        near = list(candidates[:CANDIDATES_BY_TOWN])
        return [t for t in towns if nearest_km(self.gazetteer, t, near) <= km]

    def thing_towns(self, text: str) -> list[int]:
        """Towns of a Slavic-language country a thing's adjective may be formed from ('Kakhovska
        (HPP)' -> Kakhovka, 'Запорожская (АЭС)' -> Zaporizhzhia, 'Ровенская' -> Rivne, by Rovno),
        most populous first: with no area named, the biggest town is the one things are named after."""
        word = to_ascii(text)
        stem = _ADJ_END.sub("", word)
        if stem == word or len(stem) < 3:
            return []
        rows = {r for t in dict.fromkeys(_thing_town_spellings(stem.lower())) for r in self._slavic_towns(t)}
        return sorted(rows, key=lambda r: -int(self.gazetteer.place_pop[r]))

    def district_towns(self, text: str, within: list[int] | None = None,
                        candidates: list[int] = ()) -> list[int]:
        """Towns a district adjective is named after: 'Amvrosievsky' -> Amvrosiivka,
        'Shakhtarskyi' -> Shakhtarsk, 'Novoaydarsky' -> Novoaidar, 'Telman' -> Telmanove.
        Among the spellings that hit, the first whose town agrees with the rest of the phrase
        wins: it lies inside the other named areas (``within``: 'Shakhtarskyi district, Donetsk
        region' is Shakhtarsk, not Shakhtarske in Dnipropetrovsk oblast), then a candidate place
        lies in its district (``candidates``)."""
        gaz = self.gazetteer
        word = to_ascii(text)
        town = _city_council(word)  # 'Makiivka City municipality': the city's council area
        stem = _ADJ_END.sub("", town)
        tries = [word, town] + (_town_spellings(stem) if stem else [])
        best, best_rank = [], (False, False, False, -1)
        for t in dict.fromkeys(tries):
            if len(t) < 4:
                continue
            rows = self.towns(t)
            if not rows:
                continue
            inside = [r for r in rows if self.inside_any(r, gaz.place(r), within)] if within else rows
            near = [r for r in (inside or rows)
                    if any(self.inside_any(c, gaz.place(c), [r]) for c in candidates[:50])]
            # the named areas first, then a town big enough to be a district's centre, then
            # the candidates ('Shakhtarskyi' is Shakhtarsk, not the village Shakhtarske beside
            # a candidate); inside the named areas the bigger town ('Лиманський район, Донецька
            # область' is Lyman's, not Lymanka's; with no area named the first spelling that
            # hits: 'Marinsky' is Marinka, not Marín, Spain)
            chosen = near or inside or rows
            people = max(int(gaz.place_pop[r]) for r in chosen) if within else 0
            rank = (bool(inside), any(int(gaz.place_pop[r]) >= DISTRICT_CENTRE_POP for r in (inside or rows)),
                    bool(near), people)
            if rank > best_rank:
                best, best_rank = chosen, rank
            if not within and (rank[:3] == (True, True, True) or (rank[0] and rank[1] and not candidates)):
                break
        return best

    def contradicts(self, best, area_ctx) -> bool:
        """A guessed spelling (fuzzy, skeleton) must lie in every area the phrase names ('X,
        Lutuhyne district, Luhansk region'). An exact name must lie in one of them, and in each
        named area nested inside one it lies in: 'Karpovka, Slavyansky district, Donetsk region'
        is not a Karpovka elsewhere in the oblast; but sibling regions of a list ('X of the
        Luhansk People's Republic, Y of the Kharkiv region') are alternatives."""
        gaz = self.gazetteer
        _, row, ev, _ = best
        place = gaz.place(row)
        # (the very area another part names is no contradiction: 'Donetsk oblast (DNR)', 'Donetska (UA-14)')
        holds = [row in rows or self.inside_any(row, place, rows) for _, rows in area_ctx]
        if ev.via in ("skeleton", "fuzzy"):
            return not all(holds)
        if not any(holds):
            return True
        around = [r for (_, rows), ok in zip(area_ctx, holds) if ok for r in rows]
        return any(not ok and any(self.inside_any(r, gaz.place(r), around) for r in rows)
                   for (_, rows), ok in zip(area_ctx, holds))

    def beside_district(self, scored, area_ctx) -> str:
        """The best is the only place of its name in the first-level area of a district the
        phrase names, and lies within :data:`BESIDE_DISTRICT_KM` of it: the place, whose district
        was redrawn ('Pavlopol, Volnovakha district': Pavlopil, 44 km from Volnovakha, in Mariupol
        raion since 2020), not the district's town. Returns the note that says so ('' when not)."""
        gaz = self.gazetteer
        _, row, ev, _ = scored[0]
        place = gaz.place(row)
        if ev.via not in NAME_VIAS or place.level != "populated place":
            return ""
        named = [(rows, gaz.place(rows[0])) for _, rows in area_ctx if rows]
        districts = [a for _, a in named if a.level in ("admin2", "populated place")]
        larger = [rows for rows, a in named if a.level not in ("admin2", "populated place")]
        if len(districts) != 1 or (districts[0].country_code, districts[0].admin1_code) != (
                place.country_code, place.admin1_code) or not all(
                row in rows or self.inside_any(row, place, rows) for rows in larger):
            return ""  # (one district, and the larger areas named hold the place: 'Zaporizhzhia oblast')
        d = districts[0]
        if sum(gaz.country_code_of(r) == place.country_code and gaz.admin1_code_of(r) == place.admin1_code
               for _, r, _, _ in scored) > 1:
            return ""  # (namesakes in the area: the one in the district is meant, if any)
        km = float(haversine_km(d.lat, d.lon, place.lat, place.lon))
        if km > BESIDE_DISTRICT_KM:
            return ""
        return (f"the only place so named in {gaz.admin_name(row, 'admin1') or place.country_code}, "
                f"{km:.0f} km from {d.name}: the district is drawn otherwise than the phrase's")

    def abroad(self, scored, area_ctx) -> bool:
        """Only districts (or areas by a bare code) are named, in no country of the candidates,
        while the best is a city of 100,000+ named as written: a namesake district abroad
        ('Donetsk; ... in the Telman District' is not the Telman district of Turkmenistan;
        'Monterrey, N.L.' is no place in Newfoundland and Labrador), not a reason to answer with it."""
        gaz = self.gazetteer
        best = scored[0][1]
        if scored[0][2].via not in NAME_VIAS or int(gaz.place_pop[best]) < BIG_CITY:
            return False
        rows = all_rows([(label, rows) for label, rows in area_ctx if not _SUBDIVISION_CODE_RE.fullmatch(label.strip())])
        if any(AREA_RANK.get(gaz.place(r).level, 0) > AREA_RANK["admin2"] for r in rows):
            return False
        rows = all_rows(area_ctx)
        return not {gaz.country_code_of(r) for r in rows} & {gaz.country_code_of(x[1]) for x in scored}

    def city_district(self, row: int, via: str, area_ctx) -> str:
        """The label of the district a phrase names beside a city of 100,000+ named as written
        (``row``) that no such district holds: one of the city's own districts ('Kyivskyi
        district, Kharkiv', 'Shevchenkivskyi district, Kharkiv'; the gazetteer's Kyivskyi is a
        quarter of Donetsk), or ''. Every area named must be a district by its word."""
        gaz = self.gazetteer
        if via not in NAME_VIAS or int(gaz.place_level[row]) != _PLACE or int(gaz.place_pop[row]) < BIG_CITY:
            return ""
        if not area_ctx or any(label.lower().split()[-1].strip(".") not in _CITY_DISTRICT_WORDS for label, _ in area_ctx):
            return ""
        if any(AREA_RANK.get(gaz.place(r).level, 5) > AREA_RANK["admin1"] for _, rows in area_ctx for r in rows):
            return ""  # (a first-level area only by the district word's loose reading: 'Kyiv district, Kharkiv')
        return area_ctx[0][0]

    def cities_listed(self, evidence: dict[int, Evidence], area_ctx, parts: list[Part]) -> bool:
        """A city of 100,000+ is named as written, and every area part is a bare name (no area
        word) of a town of 10,000+: a list of towns ('Kyiv, Lviv', 'Donetsk, Bakhmut'), not the
        first framed by the area named after the second (the caller knows no candidate lies in
        it; a village there spelt like the city, Donetske, is no reading of 'Donetsk')."""
        gaz = self.gazetteer
        written = [r for r, e in evidence.items() if e.via in NAME_VIAS and int(gaz.place_level[r]) == 0
                   and int(gaz.place_pop[r]) >= LISTED_NEAR_TOWN]
        if not written:
            return False
        bare = {p.raw: p for p in parts if not p.feature}
        seconds = []
        for label, rows in area_ctx:  # (a country or a region named like a town frames: 'Sevastopol, Russia')
            towns = self.towns(bare[label].text)[:1] if label in bare else []
            if not towns or int(gaz.place_pop[towns[0]]) < (LISTED_TOWN if all(
                    AREA_RANK.get(gaz.place(r).level, 5) <= AREA_RANK["admin2"] for r in rows) else BIG_CITY):
                return False
            seconds.append(gaz.place(towns[0]))
        # (a smaller town only beside the towns listed with it; a town abroad before a city is one of
        # the city's quarters, 'Thames, London')
        return any(int(gaz.place_pop[r]) >= BIG_CITY or all(
            float(haversine_km(p.lat, p.lon, t.lat, t.lon)) <= LISTED_NEAR_KM for t in seconds)
            for r in written for p in [gaz.place(r)])

    def other_country(self, evidence: dict[int, Evidence], area_ctx) -> bool:
        """The phrase's areas are countries only, none holds a candidate, and a town of 20,000+
        (or a first-level area) is named as written: the phrase names the place with another
        country than the gazetteer's ('Sevastopol, Russia', 'Pristina, Serbia', 'Taipei, China'),
        not a misspelt place of that country ('Yalta, Russia' is no Yalga). The town's country
        borders the one named, or is an island state: a claim or an old border, not a town of that
        name far away ('Balad, Somalia' is no Balad, Iraq)."""
        gaz = self.gazetteer
        if not self._countries_only(area_ctx) or any(former_state(label) for label, _ in area_ctx):
            # ('Kyiv, Yugoslavia': no match)
            return False
        named = {gaz.place(r).country_code for _, rows in area_ctx for r in rows if gaz.place(r).level == "country"}
        borders = land_neighbours()

        def beside(code: str) -> bool:
            return not borders.get(code) or bool(borders[code] & named)

        return any(e.via in NAME_VIAS and not respelled_row(gaz, r, e) and int(gaz.place_pop[r]) >= OTHER_COUNTRY_TOWN
                   and LEVELS[int(gaz.place_level[r])] in ("populated place", "admin1")
                   and beside(gaz.place(r).country_code) for r, e in evidence.items()) \
            and not self.any_inside(evidence, area_ctx)

    def _countries_only(self, area_ctx) -> bool:
        """Is some area each part names a country (and does the phrase name any)?"""
        gaz = self.gazetteer
        return bool(area_ctx) and all(any(gaz.place(r).level == "country" for r in rows) for _, rows in area_ctx)

    def frames_area_part(self, part: Part, area_parts: list[Part]) -> bool:
        """Does the part name a first-level area or country that holds an area another part names
        with its area word ('NY' in 'Kings County, NY'; 'Virginia' in 'Fairfax County, Virginia';
        'Kursk' in 'Kursk, Sudzha district'), or the town a district the gazetteer lacks is named
        by ('Kursk, Rylsk district')?"""
        gaz = self.gazetteer
        # (or the first-level area named after the city the part names: 'Kursk' for Kurskaya
        # oblast'; not after a village named like it, 'Dniprovske', 'Zaporizhzhia-Live')
        named = area_candidates(gaz, part.text, ("admin1", "country"))
        outer = named or self.regions_named_after_town(part.text, min_population=BIG_CITY)
        around: list[int] | None = None  # the areas around a city the part names as it is named
        for a in area_parts:
            # (not the district named after the part's town: 'Donetsk, Donetsk Raion' is the town)
            if a.feature not in ("admin1", "admin2") or fold_key(a.text) == fold_key(part.text):
                continue
            # (or named after its town: 'Izium district' is Izyum Raion, 'Sudzha district'
            # Sudzhanskiy Rayon: 'Kharkiv, Izium district' is the raion of Kharkiv oblast)
            areas = area_candidates(gaz, a.whole_name, word_levels(a))[:50]
            if not areas:
                towns = self.towns(a.text)[:5]
                areas = [area for area, _ in self.named_after(towns, a.feature)]
            if areas:
                if any(self.inside_any(r, gaz.place(r), outer) for r in areas):
                    return True
            elif a.feature == "admin2":
                # a district the gazetteer does not hold, named by its town ('Kursk, Rylsk
                # district'): the town of a district's size inside the area around the city (also
                # when the city is a first-level area itself: 'Moscow, Odintsovo district'; not a
                # village 'Tsentralny' of the area, for a district of the city)
                if around is None:
                    around = named + [r for r in self.regions_named_after_town(
                        part.text, min_population=BIG_CITY, lately=True) if r not in named]
                if any(int(gaz.place_pop[t]) >= DISTRICT_TOWN_FRAME_POP and self.inside_any(t, gaz.place(t), around)
                       for t in towns):
                    return True
        return False

    def countries_listed(self, evidence: dict[int, Evidence], area_ctx) -> bool:
        """The place is a country named as written and every other part names a country too,
        holding no candidate of 10,000 people: a list of countries ('Ukraine, Russia', 'Moldova,
        Romania, Bulgaria'), not a place looked for inside the second (a village 'Ukrainka' in
        Russia by a guess, Fundu Moldovei in Romania by its alternate name 'Moldova')."""
        gaz = self.gazetteer
        if not area_ctx or not any(e.via in WRITTEN_VIAS and LEVELS[int(gaz.place_level[r])] == "country"
                                   for r, e in evidence.items()):
            return False
        if not self._countries_only(area_ctx) or any(_CODE_LABEL_RE.fullmatch(label.strip()) for label, _ in area_ctx):
            return False  # (a code is no country's name only: 'Jordan, MN' is Minnesota's, and Mongolia's)
        rows = all_rows(area_ctx)
        return not any(int(gaz.place_pop[r]) >= LISTED_COUNTRY_TOWN and self.inside_any(r, gaz.place(r), rows)
                       for r in evidence)

    def any_inside(self, evidence: dict[int, Evidence], area_ctx) -> bool:
        gaz = self.gazetteer
        rows = all_rows(area_ctx)
        return any(self.inside_any(prow, gaz.place(prow), rows) for prow in evidence)

    def enclave_in(self, place, area) -> bool:
        """A place in a city that is a first-level area of its own lies in the first-level area
        around it ('Sevastopol, Crimea', 'Balaklava, Crimea', 'Berlin, Brandenburg', 'Vienna,
        Lower Austria'): the place's area is such a city and the named area's point is near."""
        return float(haversine_km(area.lat, area.lon, place.lat, place.lon)) < ENCLAVE_KM and \
            self._city_of_state(place.country_code, place.admin1_code) is not None

    def city_of_area(self, row: int) -> list[int]:
        """[the city a first-level area at ``row`` is] ('CABA' is Buenos Aires, 'Kyiv city' Kyiv),
        or [] for an area that is no city of its own."""
        gaz = self.gazetteer
        if int(gaz.place_level[row]) != LEVELS.index("admin1"):
            return []
        city = self._city_of_state(gaz.country_code_of(row), gaz.admin1_code_of(row))
        return [] if city is None else [city]

    def _city_of_state(self, country_code: str, admin1_code: str) -> int | None:
        """The row of the city a first-level area is, when it is a city of its own: a town of
        100,000 or more with every populated place of the area within CITY_STATE_KM of it
        (Sevastopol, Berlin, Vienna, Prague, Kyiv; not Bremen with Bremerhaven, nor a province
        named after its capital); else None. Memoized per area."""
        memo = self.__dict__.setdefault("_city_states", {})
        key = (country_code, admin1_code)
        if key not in memo:
            gaz = self.gazetteer
            if "_codes" not in self.__dict__:  # (as UTF-8 bytes: a quarter of numpy's unicode)
                self._codes = tuple(np.char.encode(np.asarray(gaz._pstr[k]), "utf-8")
                                    for k in ("country_code", "admin1_code"))
            cc, a1 = self._codes
            rows = np.flatnonzero((cc == country_code.encode()) & (a1 == admin1_code.encode())
                                  & (np.asarray(gaz.place_level) == 0))
            pop = np.asarray(gaz.place_pop)[rows]
            city = None
            if len(rows) and int(pop.max()) >= BIG_CITY:
                lat, lon = np.asarray(gaz.place_lat)[rows], np.asarray(gaz.place_lon)[rows]
                main = int(np.argmax(pop))
                if float(np.max(haversine_km(lat[main], lon[main], lat, lon))) <= CITY_STATE_KM:
                    city = int(rows[main])
            memo[key] = city
        return memo[key]

    def _in_region(self, region, place) -> bool:
        """Does ``place`` lie in the region: in one of the countries, first-level areas or
        districts it spans (``region_members``: 'Beirut, Middle East', 'Zaitsevo, Donbass' is no
        Zaitseve of Dnipropetrovsk oblast, 'Bolton, Greater Manchester'), or, for a region without
        members (a sea), within 250 km of it?"""
        members = region_members().get(region.id)
        if not members:
            return float(haversine_km(region.lat, region.lon, place.lat, place.lon)) < REGION_KM
        if place.country_code in members:
            return True
        areas = self.gazetteer.area_rows()
        for key in (("admin1", place.country_code, place.admin1_code),
                    ("admin2", place.country_code, place.admin1_code, place.admin2_code)):
            area = areas.get(key) if key[-1] else None
            if area is not None and self.gazetteer.place(area).iso_code.upper() in members:
                return True
        return place.level == "admin2" and place.iso_code.upper() in members

    @staticmethod
    def _region_in_country(region, country_code: str) -> bool:
        """Does a region of no one country lie (partly) in the country: one of its member areas'
        ('Dead Sea, Jordan'), or, for a sea without members, any country named with it ('Black Sea,
        Ukraine': the coast tells no more than the phrase)?"""
        countries = region_countries(region.id)
        return not countries or country_code in countries

    def inside_any(self, row: int, place, area_rows: list[int]) -> bool:
        gaz = self.gazetteer
        for a in area_rows:
            if a == row:
                if int(gaz.place_level[a]) == _PLACE:  # a district's town lies in the district it names
                    return True
                continue
            area = gaz.place(a)
            if area.level == "country":
                if area.country_code == place.country_code or not place.country_code and place.level == "region" \
                        and self._region_in_country(place, area.country_code):
                    return True
            elif area.level == "admin1":
                if area.country_code == place.country_code and (
                        area.admin1_code == place.admin1_code or self.enclave_in(place, area)
                        or in_province(area.admin1_code, place)):
                    return True
                if place.level == "region" and region_members().get(place.id) == {area.iso_code.upper()}:
                    return True  # a region all inside the area: 'Silicon Valley, California'
            elif area.level == "admin2":
                county = area.id in region_members()
                if county and self._in_region(area, place):
                    # a county of districts ('Greater Manchester'), or a ceremonial county beyond
                    # its council's districts ('Nottingham, Notts': the city is a unitary authority)
                    return True
                if (area.admin2_code or not county) and \
                        area.country_code == place.country_code and area.admin1_code == place.admin1_code and (
                        area.admin2_code == place.admin2_code or not place.admin2_code and place.level == "populated place"
                        and float(haversine_km(area.lat, area.lon, place.lat, place.lon)) < DISTRICT_TOWN_KM):
                    # (a town whose district the gazetteer does not say lies in a district of its
                    # first-level area it is near: 'Mogadishu, Banadir', GeoNames' district Banadir)
                    return True
            elif area.level == "region":
                if self._in_region(area, place):
                    return True
            elif area.level == "populated place":  # a district named after its town
                if float(haversine_km(area.lat, area.lon, place.lat, place.lon)) < TOWN_REACH_KM:
                    return True
        return False
