"""Ranking the candidates of a phrase's head: string evidence by kind, the prior, the hints and
the areas the phrase names, into the explained answer (``Ranker.rank``), or the most specific
named area when the place itself is not in the gazetteer (``Ranker.area_answer``)."""
from __future__ import annotations

import math

from rapidfuzz.distance import OSA, DamerauLevenshtein
from rapidfuzz.fuzz import ratio

from ..gazetteer import LEVELS, Gazetteer
from ..model import NameKind
from ..names.keys import east_slavic_vowels, fold_key, russian_form_of, skeleton_key, ukrainian_forms
from ..names.normalize import normalize, script_of, to_ascii
from ..names.romanize import ARABIC_FORM, RU_TO_UK, RUSSIAN_SCHEMES, romanize_query, spelt_russian
from ..sources.cldr import countries_writing, cyrillic_script_countries
from ..sources.curated import region_countries
from . import scoring
from .answer import (below_confidence, build_match, candidate_of, date_text, in_use, name_periods, phrase_caps,
                     runner_up, sharing_the_rest, stand_in)
from .areas import AREA_RANK, TOWN_REACH_KM, PhraseAreas, word_levels
from .candidates import (NAME_VIAS, OWN_NAME_KINDS, WRITTEN_VIAS, Evidence, other_language_country_name, respelled,
                         respelled_row, romanized_exonym, ukrainian_spellings)
from .context import Context
from .heads import same_name
from .hints import Hints, abroad_km, former_state, haversine_km, nearest_km
from .match import Match
from .phrase import AREA_WORDS, COMMUNITY_WORDS, Part, other_place_names, says_around

_NAME_KINDS = {int(k): k for k in NameKind}
_OWN_KINDS = (NameKind.OFFICIAL, NameKind.PREFERRED)  # a place's own names
_AREA_LEVEL_CODES = (LEVELS.index("admin1"), LEVELS.index("admin2"))
_WATER_CODES = frozenset({"OCN", "SEA", "GULF"})  # the curated seas, oceans and gulfs
_MAX_CANDIDATES = 400
GUESS_VIAS = ("fuzzy", "skeleton")  # spellings guessed, not found: their slips as written are counted
# an area steps back for a town that has its name only as an alternate when the town holds this
# share of the area's people ('New York': the city, 28%; not 'Bahia' for Salvador, 19%)
ALIAS_TOWN_SHARE = 0.25
# ... and one of its own name only with a share of the area's people: an area is no namesake of
# a hamlet inside it ('Xinjiang' is the region, not two villages of unknown size so named)
OWN_TOWN_SHARE = 0.01
# ... and one whose alternate is its own name in another language, the area named after it, with
# this share: 'Torino' is Turin (22% of its province), 'Lisboa' Lisbon (18% of its district),
# 'Venezia' Venice (6%); not 'Bahia' for Salvador (no spelling of 'Salvador')
KIN_TOWN_SHARE = 0.05
KIN_RATIO = 60  # the least rapidfuzz ratio of folded keys for such a spelling ('napoli' ~ 'naples': 67)
_CYRILLIC_COUNTRIES = cyrillic_script_countries()
_NO_VILLAGE_LEVELS = ("country", "admin1", "continent")  # what a phrase calling a place a village never means

RUNNER_UPS = 4  # the runner-ups an answer lists whatever limit asks (more when limit asks more)
WITHIN_NOTE = "within hint"  # how the answer's hints begin what the within hint left out


def _kin(alternate: str, own_name: str, alt_key: str, own_key: str) -> bool:
    """Is a town's alternate name (folded: ``alt_key``) its own name in another language
    ('Torino', 'Lisboa' for Turin, Lisbon)? Not its name less a word ('Oklahoma' for Oklahoma
    City: the town is named after the area, not the area after the town)."""
    return ratio(alt_key, own_key) >= KIN_RATIO and not normalize(own_name).startswith(normalize(alternate) + " ")


def _own_name_regions(gaz: Gazetteer, rows, evidence) -> dict[tuple[str, ...], int]:
    """How many of ``rows`` each (country, first-level area) holds that the query names by their
    own name (or its romanization, or Ukrainian form); for a typo, per (country, first-level
    area, folded name it is a slip of). An area bearing a town's name is named after a town: it
    counts beside a town bearing it, not alone ('Tombouctou', the region and its cercle, is no
    common name that makes it a lesser reading of Timbuktu; 'New Delhi', the city and its
    district, is one of Delhi)."""
    towns: dict[tuple[str, ...], int] = {}
    areas: dict[tuple[str, ...], int] = {}
    for r in rows:
        ev = evidence[r]
        if ev.via in NAME_VIAS and int(gaz.form_kind[ev.form_row]) in OWN_NAME_KINDS \
                and not _press_rendering(gaz, ev.form_row) or ev.via == "fuzzy" and _slip_of_own_name(gaz, r, ev):
            key = _region_key(gaz, r, ev)
            into = towns if int(gaz.place_level[r]) == 0 else areas
            into[key] = into.get(key, 0) + 1
    return {key: n + areas.get(key, 0) for key, n in towns.items()}


def _press_rendering(gaz: Gazetteer, form_row: int) -> bool:
    """Is the form a German or Polish press rendering made from a Cyrillic name? Villages
    rendered so are no common name of their region ('Saporischschja' is the city's German name,
    not the two villages Запоріжжя of its oblast)."""
    return int(gaz.form_kind[form_row]) == NameKind.ROMANIZED and \
        gaz.scheme_vocab[int(gaz.form_scheme[form_row])].startswith(("german_", "polish_"))


def _slip_of_own_name(gaz: Gazetteer, row: int, ev: Evidence) -> bool:
    """Is the name a typo candidate was reached by the place's own name, in any script or its
    Russian form (the villages' 'Олександрівка' or 'Aleksandrovka', not Donetsk's alternate
    'Oleksandrivka')?"""
    form, place = gaz.form_text[ev.form_row], gaz.place(row)
    return int(gaz.form_kind[ev.form_row]) in OWN_NAME_KINDS or fold_key(form) == fold_key(place.name) \
        or _russian_form_of_own_name(form, place)


def _region_key(gaz: Gazetteer, row: int, ev: Evidence) -> tuple[str, ...]:
    """The key of :func:`_own_name_regions` the place at ``row`` counts under."""
    key = (gaz.country_code_of(row), gaz.admin1_code_of(row))
    return (*key, fold_key(gaz.form_text[ev.form_row])) if ev.via == "fuzzy" else key


# names dropped before this (yyyymmdd) are of another era (two generations: not Gorky, Nizhny
# Novgorod's until 1990, beside a village Gorki of its oblast)
OLD_NAME_BEFORE = 19600101


def _dropped_long_ago(gaz: Gazetteer, form_row: int, as_of: int | None) -> bool:
    """Was the historic name at ``form_row`` dropped before :data:`OLD_NAME_BEFORE` (and is no
    ``as_of`` date given from when it was in use)?"""
    valid_to = int(gaz.form_to[form_row])
    return 0 < valid_to < OLD_NAME_BEFORE and (as_of is None or as_of >= valid_to)


def _bears_as_own(gaz: Gazetteer, row: int, ev: Evidence) -> bool:
    """Does the query name the place at ``row`` by its own name (or its romanization, or its
    Russian form: 'Grishino' for Hryshyne, or the local name it romanizes: 'Гришине')?"""
    if ev.via not in NAME_VIAS:
        return False
    kind = int(gaz.form_kind[ev.form_row])
    form, place = gaz.form_text[ev.form_row], gaz.place(row)
    return kind in OWN_NAME_KINDS or kind == int(NameKind.ALTERNATE) and (
        _russian_form_of_own_name(form, place) or script_of(form) != "latin" and _romanizes_to_own_name(form, place))


def _russian_form_of_own_name(form_text: str, place) -> bool:
    """Is the Latin name the Russian form of the place's own (Ukrainian) name ('Aleksandrovka'
    for Oleksandrivka)?"""
    return russian_form_of(form_text, place.name)


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


# a town's Russian name is its own name in Russian, alike to it (Volchansk and Vovchansk 88,
# Belopolye and Bilopillia 59, Rovno and Rivne 60), or a name it bore before a renaming
# (Krasnoarmeysk and Taiynsha 33, Kommunarsk and Alchevsk 38): fold-key likeness (rapidfuzz ratio)
RUSSIAN_FORM_LIKENESS = 50


def _tied(best: Match) -> None:
    """Cap ``best`` and its first runner-up, scored alike, when that lies elsewhere: which of
    the two is meant, nothing tells ('Kononenkove, Sumy region': two villages 82 km apart)."""
    other = best.alternatives[0]
    km = float(haversine_km(best.lat, best.lon, other.lat, other.lon))
    if km > scoring.TIED_ELSEWHERE_KM:
        best.confidence = min(best.confidence, scoring.TIED_ELSEWHERE_CAP)
        other.confidence = min(other.confidence, scoring.TIED_ELSEWHERE_CAP)
        best.hints.append(f"tied with {other.name} ({other.admin1 or other.country_code}), {km:.0f} km away")


class Ranker:
    """Ranks candidates over one gazetteer; ``areas`` tells which named areas hold a place."""

    def __init__(self, gazetteer: Gazetteer, areas: PhraseAreas) -> None:
        self.gazetteer = gazetteer
        self._areas = areas
        soviet_union = former_state("USSR")  # (its successor states, from the curated former states)
        self._soviet = frozenset(soviet_union.successors if soviet_union else ())
        self._soviet_abroad = self._soviet - {"RU"}

    def _foremost(self, label: str, rows: list[int]) -> int:
        """The area a label stands for: the first found for one with an area word ('Pokrovsk
        district'); for a bare name, the one of most weight ('Texas' is the state, not Texas
        County, Missouri; 'Florida' the state, not Florida, Uruguay)."""
        if len(rows) == 1 or any(w.lower().strip(".") in AREA_WORDS for w in label.split()):
            return rows[0]
        gaz = self.gazetteer
        return max(rows, key=lambda r: scoring.prior(LEVELS[int(gaz.place_level[r])], int(gaz.place_pop[r])))

    def area_answer(self, text: str, head: Part, area_ctx, alternatives: list) -> Match:
        """The place itself is not in the gazetteer (or not in the area the phrase names):
        answer with the most specific area the phrase names, marked ``match_kind='area'``."""
        gaz = self.gazetteer
        # a former state of several successors stands for no one of them ('Kiev, Yugoslavia')
        single = [(lbl, rows) for lbl, rows in area_ctx if not (former_state(lbl) and len(rows) > 1)]
        if not single:
            return Match(query=text, head=head.text, alternatives=alternatives, reason=(
                f"{head.text!r} is not in the gazetteer within {area_ctx[0][0]!r}, a former state now "
                f"divided among {len(area_ctx[0][1])} countries"))
        label, row = min(((lbl, self._foremost(lbl, rows)) for lbl, rows in single),
                         key=lambda x: AREA_RANK.get(gaz.place(x[1]).level, 5))
        place = gaz.place(row)
        unit = "community" if label.lower().split()[-1].strip(".") in COMMUNITY_WORDS else "district"
        what = f"the town the {unit} is named after" if place.level == "populated place" else f"the {place.level}"
        city = self._areas.big_city(label.strip(), [row]) if place.level in ("admin1", "admin2") and not any(
            w.lower().strip(".") in AREA_WORDS for w in label.split()) else []
        if city:  # 'Sheikh Maqsoud, Aleppo': the city, as a bare name says, not its governorate
            row, place, what = city[0], gaz.place(city[0]), f"the city of that name in {place.name}"
        elif place.level == "admin1" and (city := self._areas.city_of_area(row)):
            # 'Palermo, CABA': the city the area is (its every town lies within the city)
            row, place, what = city[0], gaz.place(city[0]), f"the city that {place.name} is"
        m = stand_in(self.gazetteer, text, head.text, row, "area",
                     f"{head.text!r} is not in the gazetteer within {label!r}; answered with {place.name}, {what}")
        # the places named so elsewhere share what the answer leaves: a Karpovka outside the
        # named district is no likelier than the district's town
        m.alternatives = sharing_the_rest(alternatives, m.confidence, below=True)
        return m

    def _russian_name(self, row: int, form_row: int) -> bool:
        """Is the Latin name at ``form_row`` the place's Russian name: a Russian-scheme
        romanization of a Cyrillic name of the place spelt as Russian, or a source's Latin name
        spelt as one ('Volchansk' of Vovchansk, from 'Волчанск'), that is its own name in Russian
        (alike to it: not an old name, 'Krasnoarmeysk' of Taiynsha)?"""
        gaz = self.gazetteer
        if ratio(fold_key(gaz.form_text[form_row]), fold_key(gaz.place(row).name)) < RUSSIAN_FORM_LIKENESS:
            return False
        if int(gaz.form_kind[form_row]) == NameKind.ROMANIZED:
            return gaz.scheme_vocab[int(gaz.form_scheme[form_row])] in RUSSIAN_SCHEMES and \
                spelt_russian(gaz.form(form_row).original)
        form = gaz.form_text[form_row]
        if script_of(form) != "latin":
            return False
        key = fold_key(form)
        return any(script_of(n.text) == "cyrillic" and spelt_russian(n.text)
                   and any(fold_key(roman) == key for scheme, roman in romanize_query(n.text) if scheme in RUSSIAN_SCHEMES)
                   for n in gaz.names_of(row) if n.kind != NameKind.ROMANIZED)

    def _beyond_nearest(self, evidence, area_ctx, area_label: dict) -> dict[int, float]:
        """For each candidate in the reach of a town a phrase part says it is near or in the area
        of, how many km farther from the town it lies than the nearest candidate there."""
        gaz, beyond = self.gazetteer, {}
        for label, area_rows in area_ctx or ():
            towns = [r for r in area_rows if int(gaz.place_level[r]) == 0]
            if towns and says_around(label):
                kms = {r: nearest_km(gaz, r, towns) for r in evidence if area_label.get(r) == label and r not in towns}
                least = min(kms.values(), default=0.0)
                beyond.update({r: km - least for r, km in kms.items()})
        return beyond

    def rank(self, text, head: Part, evidence: dict[int, Evidence], hints: Hints,
              area_ctx, context_parts, limit: int, min_conf, context: Context | None = None,
              inside: Part | None = None, also: dict[int, str] | None = None) -> Match:
        """The ranked answer. ``inside``: the facility or natural-feature part the head was
        found in ('Kremenchuk Reservoir'): the answer says so, and a natural feature's town is
        only a guess at where it is. ``also``: the phrase part that is another name of a
        candidate, per candidate row."""
        gaz = self.gazetteer
        named = evidence  # every place the query names, whichever area the phrase narrows to
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
        beyond_km = self._beyond_nearest(evidence, area_ctx, area_label)
        rows = list(evidence)
        # what a hinted country held before today's borders counts at the date given, or with no
        # date when no candidate lies in the country today ('Danzig' with Germany; 'Pokrovsk' with
        # Russia is one of Russia's Pokrovsks, not Ukraine's, held by the Russian Empire)
        held_too = bool(hints.held) and (hints.as_of is not None or not any(
            hints.country_of(gaz.place(r)) for r in rows))
        if len(rows) > _MAX_CANDIDATES:
            rows.sort(key=lambda r: (evidence[r].rank, int(gaz.place_pop[r])), reverse=True)
            rows = rows[:_MAX_CANDIDATES]
        scored = []
        long_gone, dated_in_use = set(), False  # (see as_of below)
        area_support: dict[int, float] = {}  # row: what the context gives an area for the others inside
        dotted = head is not None and head.raw.rstrip(" )").endswith(".")
        airport = inside is not None and inside.what == "airport"
        # the phrase says area ('Moscow region') and an area of that level is a candidate
        # (the levels its word names: 'province' says either, Argentina's are first-level areas, Peru's second)
        said_levels = word_levels(head) if head is not None and head.feature else ()
        area_named = head is not None and head.is_area and any(
            LEVELS[int(gaz.place_level[r])] in said_levels for r in rows)
        # a first-level area that is its city ('Moskva', the federal city): a town for 'X region'
        city_states = self._city_states(rows) if area_named and head.feature == "admin1" else set()
        q_script = script_of(head.text) if head is not None else "latin"
        native = q_script not in ("latin", "other")
        # the places the query names as written in their own country's script: beside them a
        # place named so only in another country's language is the lesser reading
        local_rows = self._local_names(rows, evidence, q_script) if native else set()
        written_hit = any(evidence[r].via in WRITTEN_VIAS for r in rows)
        by_border = head is not None and len(rows) > 1 and head.by_border  # ('the border village of')
        # a city the query names: the others' answers do not carry a hamlet of its name over it
        # (by its own name, or that spelt another way: 'Kalynivka' is also an alternate name of
        # Kalynivskyi, a district of Horlivka of 100,000, and no city the villages of that name yield to)
        # (not by a Cyrillic exonym romanized: 'Terny' is Terni, Italy, as 'Терни', and the Donetsk
        # village Terny near the document's other places all the same)
        # (or by its name in its country's script, an alternate in GeoNames: 'Запоріжжя' in a
        # Ukrainian report on Pokrovsk is the city, not the village of Pokrovsk hromada; or by its
        # former name as written: 'Krasnoarmeysk' is Pokrovsk, not a hamlet of that alternate name)
        city_named = context is not None and any(
            int(gaz.place_level[r]) == 0 and evidence[r].via in NAME_VIAS and (
                int(gaz.place_pop[r]) >= scoring.CITY_POPULATION and not romanized_exonym(gaz, evidence[r].form_row)
                and (int(gaz.form_kind[evidence[r].form_row]) in OWN_NAME_KINDS or r in local_rows
                     or _spelling_of_own_name(gaz.form_text[evidence[r].form_row], gaz.place(r)))
                or int(gaz.place_pop[r]) >= scoring.RENAMED_TOWN_POPULATION and evidence[r].via in WRITTEN_VIAS
                and int(gaz.form_kind[evidence[r].form_row]) == NameKind.HISTORIC)
            for r in rows)
        # some place's own spelling of the query, not a romanization ('Niu-York', the Donetsk town)
        spelt_hit = not native and any(evidence[r].via in ("exact", "case") for r in rows)
        q_ascii = to_ascii(normalize(head.text if head is not None else text))
        # the letter slips of each guessed spelling, a folded key of a place whose Latin names are
        # its own spellings among them ('Kaajani' is Kajaani a swap off, not Kenya four off);
        # beside a name as written such a fold pays every slip below instead
        guess_edits = {r: evidence[r].edits for r in rows if evidence[r].via in GUESS_VIAS}
        if not written_hit:
            # (or the place's own name, when closer: 'Rosic' is one slip from Rosice, whose fold
            # hit is its German name 'Rossitz', three off)
            guess_edits.update({r: min(DamerauLevenshtein.distance(q_ascii, to_ascii(normalize(t)), score_cutoff=4)
                                       for t in (gaz.form_text[evidence[r].form_row], gaz.place(r).name))
                                for r in rows if respelled_row(gaz, r, evidence[r])})
        fewest_edits = 1 if guess_edits and self._ukrainian_form_hit(text, head, rows, evidence) \
            else min(guess_edits.values(), default=0)
        # the spellings the head was looked up as ('Petrovsky' and 'Petrovsky district', slash
        # variants): a folded hit's slips count beside a name as written only
        q_spellings: set[str] = set()  # (made when a folded hit first needs them)
        # the regions where the query is the own name (or its romanization, or Ukrainian form) of
        # two places or more, a common village name: there an alternate name of another place is
        # the lesser reading ('Aleksandrovka, Donetsk region': the Oleksandrivkas, not Donetsk by
        # an old name of its site)
        own_regions: dict | None = None  # (counted when an alternate name is first met)
        left_out = {"feature": 0, "within": 0}  # candidates the feature and within hints filtered
        for row in rows:
            ev = evidence[row]
            place = gaz.place(row)
            if hints.feature and place.level not in hints.feature:
                left_out["feature"] += 1
                continue
            if hints.within is not None:
                from shapely.geometry import Point
                if not hints.within.contains(Point(place.lon, place.lat)):
                    left_out["within"] += 1
                    continue
            # an ISO 3166 code is an abbreviation, whichever name form stands for the area
            kind = NameKind.ABBREVIATION if ev.written else _NAME_KINDS[int(gaz.form_kind[ev.form_row])]
            if kind == NameKind.ALTERNATE and ev.via in ("exact", "case") and (
                    native and script_of(gaz.form_text[ev.form_row]) not in ("latin", "other")
                    or _spelling_of_own_name(gaz.form_text[ev.form_row], place)):
                # a name in the query's own non-Latin script is the place's local name ('Покровськ'
                # for Pokrovsk, an alternate in GeoNames; not a Latin alternate beside it in a
                # query of both scripts: 'Pokrovsk/Покровськ'), and an alternate spelled like the own
                # name another way ('Odessa' for Odesa, 'Roma' for Rome): not weaker than an
                # official name
                kind = NameKind.PREFERRED
            common_elsewhere = old_elsewhere = False
            if kind == NameKind.ALTERNATE and len(named) > 2:
                if own_regions is None:
                    # (counted before the phrase's areas narrow the candidates: 'Stepanovka,
                    # Shakhtersky district' is one of the oblast's Stepanivkas, not a town by an
                    # old name though it alone lies near Shakhtarsk with one of them)
                    own_regions = _own_name_regions(gaz, named, named)
                common_elsewhere = own_regions.get(_region_key(gaz, row, ev), 0) >= 2 \
                    and not (ev.via == "fuzzy" and _slip_of_own_name(gaz, row, ev)) \
                    and not _russian_form_of_own_name(gaz.form_text[ev.form_row], place)
            elif kind == NameKind.HISTORIC and len(named) > 1 and _dropped_long_ago(gaz, ev.form_row, hints.as_of) \
                    and not _russian_form_of_own_name(gaz.form_text[ev.form_row], place):
                # a town's name dropped before 1960 is today another place's of its region (its
                # own name or that name's Russian form): that place is meant ('Hryshyne' and
                # 'Grishino', Pokrovsk's until 1934, are the village Hryshyne; 'Krasnoarmeysk',
                # 2016, stays Pokrovsk; 'Kamenskoye' is Kamianske's own name again; 'Bachmut', a
                # name of Bakhmut's until 1924 and again since 2016, is no district's it is named after)
                old_elsewhere = any(_bears_as_own(gaz, r, named[r]) for r in named if r != row
                                    and int(gaz.place_level[r]) == 0
                                    and gaz.country_code_of(r) == place.country_code
                                    and gaz.admin1_code_of(r) == place.admin1_code)
            if kind in (NameKind.ALTERNATE, NameKind.ROMANIZED) and not common_elsewhere and ev.via in ("exact", "case") \
                    and place.country_code in self._soviet_abroad and self._russian_name(row, ev.form_row):
                # a town's Russian name, which it bore officially in Soviet times and Russian
                # speakers and the press still write: as much its name as a Russian town's own
                # ('Volchansk' is Vovchansk as surely as the Sverdlovsk oblast town; a query in
                # Cyrillic, 'Волчанск', reads so already)
                kind = NameKind.PREFERRED
            guess = respelled(ev, kind, place.country_code)  # scored as the guess it is
            # (the Ukrainian form of a Russian-form name scores as a romanization: it is the
            # name in the other language, not a looser key; so does an Arabic article or ending
            # spelt another way)
            via = "skeleton" if guess else "roman" if ev.query_scheme in (RU_TO_UK, ARABIC_FORM) else ev.via
            # a guessed spelling scores by its likeness as written, not as folded: slips are made
            # in letters ('Snezhen' is Shenzhen, not Sweden, though 'zh' folds to one letter)
            s = scoring.string_score(via, ev.surface if via == "fuzzy" else ev.sim) + scoring.KIND_ADJUST.get(kind, 0.0)
            if guess and written_hit:
                # a guessed spelling pays its letter slips when the query is some place's name
                # as written ('Wing' is Wing, not Vinh two letters off, though Vinh is bigger)
                s += scoring.EXTRA_EDIT * OSA.distance(q_ascii, to_ascii(normalize(gaz.form_text[ev.form_row])))
            elif ev.via == "fold" and not ev.query_scheme and (written_hit or other_language_country_name(gaz, ev.form_row)):
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
            if ev.weak:  # ('yes' for the code 'YES', 'Ko' for Kyiv)
                s += scoring.WEAK_READING
            if native and ev.via in ("exact", "case") and _romanizes_to_own_name(gaz.form_text[ev.form_row], place):
                # 'Слов'янськ' is Slovyansk's own name; Nikopol (as many people) bore it once
                s += scoring.OWN_NAME_IN_SCRIPT
            if row in guess_edits:  # a name more slips away than the closest one
                extra = guess_edits[row] - fewest_edits
                s += scoring.EXTRA_EDIT * extra + scoring.EXTRA_EDIT_MORE * max(0, extra - 1)
            if dotted and kind == NameKind.ABBREVIATION and gaz.form_text[ev.form_row].endswith("."):
                # 'Pa.', 'Kan.': written as the abbreviation it is (not Chongqing's 'Pa', Kano's KAN)
                s += scoring.DOTTED_ABBREVIATION
            if kind == NameKind.ROMANIZED and place.country_code != "UA" and \
                    gaz.scheme_vocab[int(gaz.form_scheme[ev.form_row])] in scoring.UKRAINIAN_SCHEMES:
                # Ukrainian romanization of a name outside Ukraine: generated, rarely written
                s += scoring.FOREIGN_SCHEME
            # a Cyrillic exonym romanized ('Niu-York' from Нью-Йорк) beside a place written so (the
            # Donetsk town): people who mean New York write it in Latin letters their own way
            exonym_beside = spelt_hit and kind == NameKind.ROMANIZED and romanized_exonym(gaz, ev.form_row)
            if exonym_beside:
                s += scoring.EXONYM_BESIDE_SPELT_NAME
            # a capital's bonus needs the capital's own name: 'Philadelphia' (an old name of Amman)
            # is not a way news names Jordan's government
            # (as written: 'Sanya' folds like Sanaa's 'Şan‘ā’ but is a Chinese city's own name)
            own = (kind in _OWN_KINDS or (
                place.feature_code == "PPLC" and fold_key(gaz.form_text[ev.form_row]) in (
                    fold_key(place.name), fold_key(place.ascii_name or place.name)))) and \
                (ev.via != "fold" or not written_hit)
            # (an unrecorded seat's population only for a lone candidate: it sets how sure the
            # answer is, never which namesake wins)
            population = scoring.known_population(place) if len(rows) == 1 else place.population
            s += scoring.prior(place.level, population, place.feature_code if own else "")
            if airport and place.level == "populated place":
                s += scoring.AIRPORT_POP_WEIGHT * math.log10(place.population + 1)
            coded = airport and place.level == "populated place" and gaz.has_airport_code(row)
            s += scoring.AIRPORT_CODE if coded else 0.0  # (the town whose airport it likely is)
            if place.level == "admin2" and place.population and kind in _OWN_KINDS and ev.via in WRITTEN_VIAS \
                    and not (head is not None and head.feature) \
                    and gaz.form_text[ev.form_row].rsplit(None, 1)[-1].lower() not in AREA_WORDS:
                s += scoring.ADMIN2_OWN_NAME  # ('Essex', not 'Petrovsky District' for 'Petrovsky district/suburb')
            notes: list[str] = [ev.weak] if ev.weak else []
            if coded:
                notes.append("an airport code is among its names")
            if local_rows and row not in local_rows:
                s += scoring.EXONYM_BESIDE_LOCAL_NAME
                notes.append(f"{head.text!r} is its name in a script its country does not write, and another "
                             "place's in its own")
            if exonym_beside:
                notes.append(f"{gaz.form_text[ev.form_row]!r}, its name romanized from Cyrillic, is another place's "
                             "name as written")
            if common_elsewhere:
                s += scoring.OTHER_PLACES_NAME
                notes.append(f"{gaz.form_text[ev.form_row]!r} is the name of other places in its region")
            if old_elsewhere:
                s += scoring.OTHER_PLACES_NAME
                notes.append(f"{gaz.form_text[ev.form_row]!r}, a name it dropped long ago, is another place's "
                             "in its region today")
            if ev.named_after:
                named = {"admin2": "district", "populated place": "front sector"}.get(place.level, "region")
                notes.append(f"{head.whole_name if head else text!r} names the {named} named after {ev.named_after}")
            if ev.lemma:  # 'Бахмуті' for Бахмут
                notes.append(f"{head.text if head else text!r} read as a case form of {gaz.form_text[ev.form_row]!r}")
            outside_hint = False  # a country or first-level area hint given does not hold it
            if hints.countries:
                hinted = hints.country_of(place)
                held = hints.held_by(place) if hinted is None and held_too and ev.via not in GUESS_VIAS else None
                if hinted is not None:
                    s += scoring.COUNTRY_MATCH
                    notes.append(f"country hint {hinted.label} matches")
                elif held is not None:  # ('Danzig' in Germany: it was German until 1945)
                    s += scoring.COUNTRY_MATCH
                    notes.append(f"country hint {held[0].label} held it {held[1].period()}: {held[1].note}")
                elif place.country_code:
                    s += scoring.COUNTRY_MISMATCH
                    outside_hint = True
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
                    outside_hint = True
                    notes.append(f"admin1 hint {hints.admin1[0].label} does not hold it (another country)")
                else:
                    s += scoring.ADMIN1_MISMATCH
                    outside_hint = True
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
                if row in beyond_km:  # (a town it is near, or in the area of: the nearer, the likelier)
                    s -= scoring.TOWN_AREA_DECAY * beyond_km[row] / TOWN_REACH_KM
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
                elif place.level in said_levels or (head.feature == "admin2" and place.level == "admin1"):
                    s += scoring.FEATURE_WORD_MATCH
                    notes.append(f"phrase says {head.feature}")
                elif head.is_area and place.level == "country":
                    s += scoring.COUNTRY_WHEN_AREA_SAID  # ('Georgia (state)' is no country either)
                elif town_in_area_phrase:
                    s += scoring.TOWN_WHEN_AREA_SAID
            if head is not None and (head.no_city or head.post_soviet):
                s += self._settlement_type_terms(head, place, notes)
            if by_border and place.level == "populated place":
                s += self._border_terms(row, notes)
            if hints.near is not None:
                d = float(haversine_km(hints.near[0], hints.near[1], place.lat, place.lon))
                s += scoring.near_score(d)
                notes.append(f"{d:.0f} km from the 'near' point" + (f" {hints.near_name}" if hints.near_name else ""))
            if hints.offset is not None and (off := hints.offset_km(place)) == off:  # (a point-less place: NaN)
                km = hints.offset.km
                s += scoring.NEAR_WEIGHT * math.exp(-off / max(scoring.OFFSET_MIN_SCALE_KM, km * scoring.OFFSET_SCALE))
                notes.append(f"{off:.0f} km from where '{hints.offset.label}' puts it")
            # (nor does a village whose name the query is in its own script only by a letter the fold
            # drops: 'в Луганске' beside Donetsk is Luhansk's locative, not the village Луганське's)
            hamlet_beside_city = city_named and place.level == "populated place" and (
                scoring.known_population(place) < scoring.HAMLET_POPULATION
                or native and head is not None and ev.via in ("exact", "fold") and place.population < scoring.CITY_POPULATION
                and head.text.casefold() != gaz.form_text[ev.form_row].casefold())
            if context is not None and not town_in_area_phrase and not outside_hint and not hamlet_beside_city:
                # (the row's own country or area hint says where it is: the other rows' or
                # mentions' votes do not carry a place outside it back over it)
                # (the phrase says area: a town gets no support from the others' answers)
                county = gaz.admin2_row(row) if context.admin2 and place.level == "populated place" else None
                admin1_name = gaz.admin_name(row, "admin1")
                bonus, words = context.bonus(place.country_code, admin1_name,
                                             place.lat, place.lon, exclude_label=text, admin2_row=county)
                if place.level == "admin1" and (within := context.admin1_bonus(place.country_code, admin1_name)):
                    # (what the others' towns inside the area give it as an area: no support when
                    # a city of its name outside it is meant, see _prefer_towns_over_namesake_areas)
                    area_support[row] = within
                s += bonus
                notes.extend(words)
            if hints.as_of is not None:
                vf, vt = int(gaz.form_from[ev.form_row]), int(gaz.form_to[ev.form_row])
                if not (vf or vt) and (old := gaz.old_name_spelt_as(ev.form_row)) is not None:
                    vf, vt = old.valid_from, old.valid_to  # 'Artyomovsk' was in use when Artemovsk was
                periods = name_periods(place.id, gaz.form_text[ev.form_row], vf, vt)
                if any(in_use(p, hints.as_of) for p in periods):
                    s += scoring.AS_OF_VALID
                    notes.append(f"the name was in use on {date_text(hints.as_of)}")
                    dated_in_use = True  # (by a date: an undated alternate may be an old name too)
                elif periods and all(0 < to <= hints.as_of - scoring.AS_OF_LONG_GONE_YEARS * 10_000 for _, to in periods):
                    long_gone.add(len(scored))
                    notes.append(f"the name was dropped {scoring.AS_OF_LONG_GONE_YEARS} years or more before "
                                 f"{date_text(hints.as_of)}")
            scored.append((s, row, ev, notes))
        if dated_in_use:
            # a name dropped long before the date gives way to a place that bore it then by the
            # record ('Sverdlovsk' as of 2015 is the Luhansk oblast town); not to one whose name
            # has no dates at all ('Stalino' as of 2010 stays Donetsk, not Shahrixon, Uzbekistan)
            scored = [(s + scoring.AS_OF_LONG_GONE, row, ev, notes) if i in long_gone else (s, row, ev, notes)
                      for i, (s, row, ev, notes) in enumerate(scored)]
        if not scored:
            return Match(query=text, reason="no candidate satisfies the hints (feature/within)")
        scored = self._prefer_towns_over_namesake_areas(scored, head, area_support)
        scored.sort(key=lambda x: x[0], reverse=True)
        other_country = ""
        if area_ctx and self._areas.contradicts(scored[0], area_ctx):  # the best lies outside the area named
            if self._areas.other_country(evidence, area_ctx):
                # 'Sevastopol, Russia', 'Pristina, Serbia': the town as named, the country as said
                other_country, area_ctx = area_ctx[0][0], []
            elif district := self._areas.city_district(scored[0][1], scored[0][2].via, area_ctx):
                scored[0][3].append(f"phrase part {district!r} read as a district of {gaz.place(scored[0][1]).name}")
            elif note := self._areas.beside_district(scored, area_ctx):
                scored[0][3].append(note)
            elif not self._areas.abroad(scored, area_ctx):
                confs = scoring.confidences([x[0] for x in scored], 4)
                alts = [runner_up(self.gazetteer, x, c) for x, c in zip(scored[:4], confs)]
                return self.area_answer(text, head, area_ctx, alts)
        keep = max(limit, RUNNER_UPS + 1)  # the answer and its runner-ups; the rest are only counted
        confs = scoring.confidences([x[0] for x in scored], keep)
        best = build_match(self.gazetteer, text, head, scored[0], confs[0], hints.as_of)
        best.alternatives = [runner_up(self.gazetteer, x, c) for x, c in zip(scored[1:keep], confs[1:keep])]
        best.other_places = other_place_names([
            p for p in context_parts if not any(lbl == p.raw for lbl, _ in area_ctx)
            and not (hints.offset is not None and p.raw == hints.offset.label)  # (where it lies)
            and not (also and p.raw in also.values())
            and not (head is not None and same_name(p, head))], text, head.text if head is not None else "")
        if other_country:
            best.hints.append(f"phrase part {other_country!r} names another country than the gazetteer's "
                              f"({best.country}); the place as named")
            best.confidence = round(best.confidence * scoring.OTHER_COUNTRY_SHARE, 4)
            best.other_places = [p for p in best.other_places if p != other_country]
        if hints.countries and hints.country_of(top := gaz.place(scored[0][1])) is None and (
                best.match_kind == "fuzzy" or hints.held_by(top) is None
                and best.confidence < scoring.OUTSIDE_COUNTRY_FLOOR):
            # no place in the country hinted by the name or a slip of it: a guess abroad is no
            # answer ('Humera' with Ethiopia had been Hymera, Indiana, at 0.00, filling a table's row)
            return Match(query=text, reason=f"no place in {hints.countries[0].label} by that name; the nearest "
                                            f"guess, {best.name}, lies in {best.country or best.country_code}",
                         alternatives=[candidate_of(best)] + best.alternatives, head=best.head)
        top_slips = guess_edits.get(scored[0][1])
        if top_slips is not None and any(guess_edits.get(x[1], top_slips) < top_slips for x in scored[1:]):
            # a guess more slips away than another candidate's: its prior carried it ('Jáltpan' is
            # Japan two slips off, Jáltipan one)
            best.confidence = min(best.confidence, scoring.FURTHER_GUESS_CAP)
        if len(scored) > 1 and scored[1][0] == scored[0][0] and best.alternatives:
            _tied(best)
        best.hints += _filtered_notes(left_out, hints)
        phrase_caps(best, head, text, inside, context_parts)
        if min_conf is not None and best.confidence < min_conf:
            return below_confidence(best, text, min_conf)
        slips = self._slips(head.text if head is not None else text, scored[0][1]) if best.match_kind == "fuzzy" else 0
        if slips >= scoring.MAX_GUESS_EDITS:
            if area_ctx and head is not None:  # as when nothing was found: the area named stands in
                return self.area_answer(text, head, area_ctx, [candidate_of(best)] + best.alternatives)
            return Match(query=text, reason=f"no name is close to it; the nearest guess, {best.name}, is "
                                            f"{slips} letters off", alternatives=[candidate_of(best)] + best.alternatives,
                         head=best.head)
        return best

    def _local_names(self, rows, evidence: dict[int, Evidence], script: str) -> set[int]:
        """Rows whose name the query is as written, in ``script``, in a country whose language is
        written in it (or a region such as a river through one: 'Дунай', the Danube)."""
        gaz, local = self.gazetteer, countries_writing(script)
        out = set()
        for r in rows:
            ev = evidence[r]
            if ev.via not in ("exact", "case") or script_of(gaz.form_text[ev.form_row]) != script:
                continue
            cc = gaz.country_code_of(r)
            if cc in local or not cc and LEVELS[int(gaz.place_level[r])] == "region" \
                    and region_countries(gaz.place(r).id) & local:
                out.add(r)
        return out

    def _ukrainian_form_hit(self, text: str, head: Part | None, rows, evidence) -> bool:
        """Is a candidate reached by the Ukrainian form of a Russian-form name ('Tonenkoye' ~
        Tonenke, 'Nevelskoye' ~ Nevelske, which the folded key reaches by itself; 'в Тоненьком'
        by its nominative Тоненькое)? Beside it a guess at another spelling pays its slips beyond
        one (not Ténenkou, Mali, by a skeleton; not Nevel'sk; but 'Pervomaiskoye' may be the town
        Pervomaiskyi, a slip off, as well as the village)."""
        gaz = self.gazetteer
        said = {head.text if head is not None else text} | {evidence[r].lemma for r in rows if evidence[r].lemma}
        uk_keys = {fold_key(f) for name in said for f in ukrainian_forms(name)}
        return bool(uk_keys) and any(evidence[r].via == "fold" and fold_key(gaz.form_text[evidence[r].form_row]) in uk_keys
                                     for r in rows)

    def _slips(self, written: str, row: int) -> int:
        """Letter edits between a Latin query and the closest name of the place it was guessed to
        be (0 for a query in another script: its romanization is no spelling the user wrote)."""
        if script_of(written) != "latin":
            return 0
        query = to_ascii(normalize(written))
        names = [to_ascii(normalize(name.text)) for name in self.gazetteer.names_of(row)]
        slips = min((DamerauLevenshtein.distance(query, name) for name in names), default=0)
        if slips and self.gazetteer.place(row).country_code in _CYRILLIC_COUNTRIES:
            # a Russian form of a Ukrainian name trades vowels with it ('Tsvetnye Peski' for Цвітні Піски)
            # (and only these: a guess with other slips besides stays one: 'Velikiye Pritski' is no
            # Velyki Krynky)
            traded = min(DamerauLevenshtein.distance(east_slavic_vowels(query), east_slavic_vowels(name)) for name in names)
            # ... and so does its Ukrainian form a slip away ('Kalynovo-Borschevatoye' as Ukrainian is
            # 'Kalynove Borshchevate', a letter from Kalynove-Borshchuvate)
            ukrainian = min((DamerauLevenshtein.distance(east_slavic_vowels(form), east_slavic_vowels(name)) for form in ukrainian_spellings(query)
                             for name in names), default=slips)
            other_form = min(traded, ukrainian)
            slips = other_form if other_form <= 1 else slips
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

    def _prefer_waters_over_namesake_areas(self, scored):
        """'Red Sea' names the sea more often than Sudan's Red Sea state or Egypt's governorate
        named after it: an area whose name as matched is a sea's, ocean's or gulf's among the
        candidates steps back."""
        gaz = self.gazetteer
        waters = {fold_key(gaz.form_text[ev.form_row]) for _, row, ev, _ in scored
                  if ev.via in WRITTEN_VIAS and gaz.place(row).feature_code in _WATER_CODES}
        if not waters:
            return scored
        return [(s + scoring.NAMESAKE_AREA, row, ev, notes + ["an area named after the sea steps back"])
                if int(gaz.place_level[row]) in _AREA_LEVEL_CODES and fold_key(gaz.form_text[ev.form_row]) in waters
                else (s, row, ev, notes) for s, row, ev, notes in scored]

    def _settlement_type_terms(self, head: Part, place, notes: list[str]) -> float:
        """The score a town loses when the phrase calls it a village ('the village of Berlin' is
        no city of millions) or names a settlement type of the former Soviet Union while it lies
        outside it ('смт Нью-Йорк', 'село Париж')."""
        s = 0.0
        town = place.level == "populated place"
        # ('the village of New York': not the state)
        what = place.level if place.level in _NO_VILLAGE_LEVELS else f"city of {place.population:,}" \
            if town and place.population >= scoring.CITY_POPULATION else ""
        if head.no_city and what:
            s += scoring.VILLAGE_SAID_OF_CITY
            notes.append(f"the phrase says village or small town: {place.name} is a {what}")
        if not town:
            return s
        if head.post_soviet and self._soviet and place.country_code not in self._soviet:
            s += scoring.SOVIET_TYPE_ABROAD
            notes.append("the phrase names a settlement type of the former Soviet Union, where it does not lie")
        return s

    def _border_terms(self, row: int, notes: list[str]) -> float:
        """The score a namesake gains when the phrase says it lies by a border ('the border
        village of Stepanovka') and a town of another country lies within ``BORDER_KM``."""
        near = abroad_km(self.gazetteer, row, scoring.BORDER_KM)
        if near is None:
            return 0.0
        km, other = near
        place = self.gazetteer.place(other)
        notes.append(f"the phrase says it lies by a border: {km:.0f} km from {place.name} ({place.country_code})")
        return scoring.BORDER_SAID

    def _prefer_towns_over_namesake_areas(self, scored, head: Part | None, area_support: dict[int, float]):
        """'Kharkiv' names the city more often than the oblast or raion named after it: an area
        whose populated namesake (same folded name, inside it or within 150 km) is also a
        candidate steps back, unless the phrase says area. The context's support for a
        first-level area (``area_support``: the other answers lie inside it) is taken back when
        the town is outside it, a city of its own: 'Kyiv' beside Brovary is the city, not
        Kyivska oblast around it."""
        gaz = self.gazetteer
        level = gaz.place_level
        if (head is not None and head.is_area) or not any(int(level[x[1]]) in _AREA_LEVEL_CODES for x in scored):
            return scored
        scored = self._prefer_waters_over_namesake_areas(scored)
        # (folded name, country) -> lat, lon, a1, own, share, pop of its towns (an area steps back
        # for a town of its own country only: one lookup, not a pass over every namesake abroad)
        towns: dict[tuple[str, str], list[tuple[float, float, str, bool, float, int]]] = {}
        for _, row, ev, _ in scored:
            form_text = gaz.form_text[ev.form_row]
            if ev.via in NAME_VIAS and int(gaz.place_level[row]) == 0 and not (
                    len(form_text) <= 3 and form_text.isupper()):  # codes ('IND') are no town names
                own_name = gaz.place(row).name
                key, own_key = fold_key(form_text), fold_key(own_name)
                own = _NAME_KINDS[int(gaz.form_kind[ev.form_row])] in _OWN_KINDS or key == own_key
                cc = gaz.country_code_of(row)
                at = (float(gaz.place_lat[row]), float(gaz.place_lon[row]), gaz.admin1_code_of(row))
                share = OWN_TOWN_SHARE if own else KIN_TOWN_SHARE if _kin(form_text, own_name, key, own_key) \
                    else ALIAS_TOWN_SHARE
                towns.setdefault((key, cc), []).append((*at, own, share, int(gaz.place_pop[row])))
                if own_key != key:  # (an area reached by the town's own name: 'Ivano-Frankovsk'
                    # reaches the city by 'Yvano-Frankovsk', the oblast by 'Ivano-Frankivsk')
                    towns.setdefault((own_key, cc), []).append((*at, True, OWN_TOWN_SHARE, int(gaz.place_pop[row])))
        if not towns:
            return scored
        out = []
        for s, row, ev, notes in scored:
            place = gaz.place(row)
            if place.level in ("admin1", "admin2"):
                # (by the name matched, or by its own name when that is a town's: 'Raqqah' reaches
                # the city Ar Raqqah by an alternate name, the governorate Ar Raqqah by 'Raqqa')
                keys = dict.fromkeys((fold_key(gaz.form_text[ev.form_row]), fold_key(place.name)))
                cc = place.country_code
                for lat, lon, a1, own, share, pop in (t for key in keys for t in towns.get((key, cc), ())):
                    # the town's own name, or a common name of a town that weighs in the area
                    # ('New York'); not Montana City's alternate name 'Montana'
                    if pop < share * place.population:
                        continue
                    # (a town bearing the area's name as an alternate only from inside it: 'Morelos'
                    # is the state, not Ecatepec de Morelos in the next one)
                    if a1 == place.admin1_code or own and float(haversine_km(lat, lon, place.lat, place.lon)) < 150:
                        s += scoring.NAMESAKE_AREA
                        if a1 != place.admin1_code:  # (a town inside shares the support)
                            s -= area_support.get(row, 0.0)
                        notes = notes + ["an area named after the town steps back"]
                        break
            out.append((s, row, ev, notes))
        return out


def _filtered_notes(left_out: dict[str, int], hints: Hints) -> list[str]:
    """What the feature and within hints left out, as the answer's hints say it."""
    notes = []
    if left_out["feature"]:
        n = left_out["feature"]
        notes.append(f"feature hint {'/'.join(hints.feature)}: {n} candidate{'s' * (n > 1)} of another kind left out")
    if left_out["within"]:
        n = left_out["within"]
        notes.append(f"{WITHIN_NOTE}: {n} candidate{'s' * (n > 1)} outside the area left out")
    return notes
