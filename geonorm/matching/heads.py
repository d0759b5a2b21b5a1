"""Which words of a phrase name its place, and the evidence for them.

A phrase part may be a gazetteer name as a whole ('Bosnia and Herzegovina', 'Kansas City'), with
its settlement or area word ('District of Columbia', 'Boone County'), misspelt as a whole
('Stanysa Luganska', 'Odieka oblast'), or hold a name among other words ('the new terminal of
Donetsk Airport'). :class:`PhraseHeads` finds the head part and its candidates; the resolver
ranks them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz.distance import OSA

from ..gazetteer import LEVELS, Gazetteer
from ..model import NameKind
from ..names.arabic import ARTICLE_RE, ARTICLE_WORD_RE
from ..names import polish
from ..names.inflection import region_towns
from ..names.keys import skeleton_key
from ..names.normalize import normalize, script_of
from ..names.romanize import QUALIFIER_SPELT, VOWELS_TRADED
from .areas import PhraseAreas
from .candidates import NAME_VIAS, WRITTEN_VIAS, Evidence, respelled_row
from .hints import area_candidates, area_word_synonyms, table_spellings
from .phrase import (ARABIC_NATURE_LEAD, AREA_WORDS, NAME_ABBREVIATIONS, QUALIFIERS, Part, is_generic, is_settlement_word, names_an_event,
                     strip_prefixes, titled_name)

_NAME_KINDS = {int(k): k for k in NameKind}
_COLLOQUIAL = int(NameKind.COLLOQUIAL)  # demonyms and nicknames ('Russian', 'Big Apple')
_AREA_BEFORE = frozenset({"in", "of", "across", "throughout", "within"})  # ('Goma in North Kivu')
# prepositions that say where ('in', 'near', 'над'): in prose, a name after one is the place, a name
# before it the actor ('Pakistani Taliban attacked a police station in Bannu'); and the words that
# may stand between ('in the village of Pisky')
_WHERE_BEFORE = frozenset("in at on near outside inside into toward towards across around within throughout over "
                          "в во у на под під біля около возле поблизу".split())
_FILLER_BEFORE = frozenset("the a an of village town city settlement".split())
# capitalized words of an armed force's name ('Ukrainian Armed Forces', 'National Guard')
_FORCE_WORDS = frozenset("armed forces force air navy naval troops military guard junta militia defence defense "
                         "national special operations".split())
# words that are never a place head on their own in a phrase
STOPWORDS = {"near", "road", "street", "between", "village", "town", "city", "region", "district",
              "terminal", "airport", "border", "checkpoint", "ruins", "area", "outskirts", "the",
              "and", "with", "from", "north", "south", "east", "west", "new", "old", "center",
              "centre", "suburb", "highway", "bridge", "mine", "station", "post", "battle", "zone",
              "cemetery", "river", "front", "frontline", "line", "settlement", "liberation",
              "approaches", "environmental", "protection", "state", "of", "in", "on", "at", "to",
              "by", "for", "a", "an", "close", "kilometres", "km", "miles", "nine", "mines",
              # institutions: 'University of California', 'Council of Europe', 'Islamic Republic'
              "university", "college", "school", "council", "republic", "federal", "reserve", "union",
              "soviet", "islamic", "bank", "court", "department", "ministry", "government", "party",
              "army", "police", "hospital", "church", "museum", "library", "company", "office",
              "agency", "committee", "commission", "assembly", "parliament", "senate", "congress",
              "international", "municipal", "mdc", "lga", "local"}
BIG_PLACE = 50_000  # a word inside a longer proper name stands for a place this big (or an area)
CAPITALS_CITY = 500_000  # ... and a short one in capitals for a city this big ('NYC')
_AREA_LEVELS = ("country", "admin1", "region", "continent")
_AREA_LEVEL_CODES = frozenset(LEVELS.index(level) for level in _AREA_LEVELS if level in LEVELS)
CLOSE_WHOLE_SIM = 88.0  # similarity at which a misspelt multi-word name beats a word inside it
# 'Korea, North', 'Sudan (South)': a name and one qualifier after a comma or in brackets
_TURNED_RE = re.compile(r"([^,;:()\[\]/]+?)\s*(?:,\s*([^,;:()\[\]/]+)|\(\s*([^,;:()\[\]/]+?)\s*\))")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z])['’]s$")
_SAINT_RE = re.compile(r"(?:st\.?|saint|ste?\.?)\s", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"\s+|(?<=\w)-(?=\w)")


def same_name(part: Part, head: Part) -> bool:
    """``part`` names the head's place again, without an area word ('near Maryinka'), or
    spells its name another way ('Horlivka (Gorlovka)', 'Stepanovka; Stepanivka')."""
    return not part.feature and (normalize(part.text) == normalize(head.text)
                                 or skeleton_key(part.text) == skeleton_key(head.text))


def lowercase(text: str) -> bool:
    """A piece with letters and no capital, or of words that name an event only ('Shelling',
    :data:`~geonorm.matching.phrase.EVENT_WORDS`): in a phrase that has capitalized names, it is
    prose."""
    if any(c.isupper() for c in text):
        return names_an_event(text)
    return any(c.isalpha() for c in text)


def _words(text: str) -> list[str]:
    """The words of a phrase part, hyphenated ones apart ('Kharkiv-Saltivskyi')."""
    return [w for w in _WORD_SPLIT.split(text) if w]


def as_whole(part: Part, whole: str) -> Part:
    """The part as one name with its feature word ('Kansas City'); a facility word inside a
    name ('Echo Park', 'Green Bay') is the name's own, not a facility."""
    return Part(text=whole, raw=part.raw, feature="" if part.feature == "facility" else part.feature)


def _prose(words: list[str]) -> bool:
    """Has a part of these words a word in lower case that is no filler (a verb, a noun of prose:
    'clashed', 'positions'; not 'of' in 'Russian Higher School of Economics')?"""
    return any(w[:1].islower() and w.lower().strip(".,;:()") not in STOPWORDS for w in words)


def _said_where(words: list[str], start: int) -> bool:
    """Does a preposition that says where come before ``words[start]`` (filler between)?"""
    for w in reversed(words[:start]):
        w = w.lower().strip(".,;:()")
        if w not in _FILLER_BEFORE:
            return w in _WHERE_BEFORE
    return False


def _arabic_feature_word(words: list[str], start: int, n: int) -> bool:
    """Is the run of ``n`` words at ``start`` an Arabic word for a valley or a mountain before a
    name, or the name after one ('Wadi' or 'Khalid' of 'Wadi Khalid', 'Zawiya' of 'Jabal al Zawiya')?
    Such a name is one place or feature as a whole."""
    if n == 1 and start + 1 < len(words) and words[start].lower() in ARABIC_NATURE_LEAD:
        return True
    before = start - 1
    if before > 0 and ARTICLE_RE.match(words[before].lower()):
        before -= 1
    return before >= 0 and words[before].lower() in ARABIC_NATURE_LEAD


class PhraseHeads:
    """Head finding over one gazetteer; ``gather`` is the resolver's (memoized) candidate lookup,
    ``areas`` its area evidence, ``fuzzy`` whether guessed spellings may answer."""

    def __init__(self, gazetteer: Gazetteer, gather: Callable[..., dict[int, Evidence]], areas: PhraseAreas,
                 fuzzy: bool = True) -> None:
        self.gazetteer = gazetteer
        self._gather = gather
        self._areas = areas
        self.fuzzy = fuzzy

    def also_named(self, head: Part, parts: list[Part], evidence: dict[int, Evidence]) -> dict[int, str]:
        """{candidate row: the phrase part that is another name of it as written, romanized or
        folded ('Dzerzhynsk' in 'Toretsk (Dzerzhynsk)', 'Krasnoarmeysk' in 'Pokrovsk /
        Krasnoarmeysk')}. A part with a feature word names an area or a kind, not the place; the
        head's name again or another spelling of it ('Stepanovka; Stepanivka') tells no namesake
        from another. An area part beside an area head may name the same area ('Kharkiv oblast
        (Kharkivska oblast)'): no area around itself."""
        out: dict[int, str] = {}
        for p in parts:
            if evidence and p.is_area and head.is_area and not same_name(p, head):
                for _, rows in self._areas.named([p], list(evidence)):
                    for row in rows:
                        if row in evidence:
                            out.setdefault(row, p.raw)
            if not evidence or p.feature or same_name(p, head):
                continue
            for row, e in self._gather(p.text, fuzzy=False).items():
                if row in evidence and e.via in NAME_VIAS:
                    out.setdefault(row, p.raw)
        # the head's slash variants are names of one place ('Pokrovsk / Krasnoarmeysk'): a
        # candidate named by two of them, not only spelt two ways ('Horlivka/Gorlovka')
        variants = head.alternatives if evidence else []
        named = {v: {r: e for r, e in self._gather(v, fuzzy=False).items() if e.via in NAME_VIAS and r in evidence}
                 for v in variants}
        for i, v in enumerate(variants):
            for w in variants[:i]:
                if skeleton_key(v) == skeleton_key(w):
                    continue
                for row in named[v].keys() & named[w].keys():
                    # (the variant that did not give the candidate's name speaks for it)
                    out.setdefault(row, v if named[v][row].form_row != evidence[row].form_row else w)
        return out

    def qualifier(self, text: str) -> bool:
        """Does a phrase part only qualify the areas beside it: a country ('Russia'), a first-level
        area no big town is named as ('Calif.', 'California'; not 'Washington' nor 'Kharkiv'), or
        lowercase prose that is no name ('shelling in')?"""
        gaz = self.gazetteer
        if area_candidates(gaz, text, ("country",)):
            return True
        if area_candidates(gaz, text, ("admin1",)):
            towns = self._areas.towns(text)
            return not towns or int(gaz.place_pop[towns[0]]) < BIG_PLACE
        return lowercase(text) and not self.is_name(text) or self.actors_prose(text)

    def actors_prose(self, text: str) -> bool:
        """Is ``text`` prose whose capitalized words only say whose forces acted: countries, their
        adjectives, event words, the words of a force's name and filler ('Russian shelling killed two
        civilians', 'Myanmar junta airstrikes on villages', 'Ukrainian Armed Forces positions')?
        Beside an area part it qualifies the area."""
        words = [w.strip(".,;:()") for w in text.split()]
        # (all in lower case is a column's, not prose: 'balakliya kharkiv')
        if not any(w[:1].isupper() for w in words) or not _prose(words):
            return False
        caps = [w for w in words if w[:1].isupper() and w.lower() not in STOPWORDS and w.lower() not in _FORCE_WORDS
                and not names_an_event(w)]
        gaz = self.gazetteer
        for w in caps:
            names = {r: e for r, e in self._gather(w, fuzzy=False).items() if e.via in NAME_VIAS}
            if not (names and self._adjective_only(names) or area_candidates(gaz, w, ("country",))):
                return False
        return True

    def turned_area_name(self, text: str) -> str:
        """A country's name written the way tables sort it, its qualifier after a comma or in
        brackets: 'Korea, North' -> 'North Korea', 'Sudan (South)' -> 'South Sudan', 'Virgin
        Islands, British' -> 'British Virgin Islands', 'Congo (Kinshasa)' -> 'Congo Kinshasa'
        (when a country is named so as written; '' otherwise)."""
        m = _TURNED_RE.fullmatch(text.strip())
        if m is None or self.named_with_separator(text):  # ('Tatarstan, Respublika', 'Halle (Saale)' as written)
            return ""
        head, tail = m.group(1).strip(), (m.group(2) or m.group(3)).strip()
        gaz = self.gazetteer
        # ('Korea, Rep.', 'Yemen, Rep.': a statistics table's abbreviations spelt out)
        for name in (f"{tail} {head}", f"{head} {tail}", *table_spellings(text)):
            if any(e.via == "exact" and LEVELS[int(gaz.place_level[r])] == "country"
                   for r, e in self._gather(name, fuzzy=False).items()):
                return name
        return ""

    def named_with_separator(self, text: str) -> bool:
        """Is ``text`` with its comma or bracket some place's name as written ('Tatarstan,
        Respublika', 'Praha, Hlavní město': GeoNames' first-level areas; 'Frankfurt (Oder)',
        'Halle (Saale)'; also as 'Frankfurt/Oder', 'Frankfurt (Main)' where it writes
        'Frankfurt/Main'), or a town with its river or region after a slash or in brackets, as
        a full name spells it out ('Frankfurt (Rhein)': Frankfurt am Main)?"""
        gaz = self.gazetteer
        marks = [m for m in ",(/" if m in text]
        # (a comma must be the name's; a slash and a bracket stand for each other)
        theirs = marks if "," in marks else "(/"
        return bool(marks) and any(e.via == "exact" and (e.query_scheme == QUALIFIER_SPELT or any(
            m in gaz.form_text[e.form_row] for m in theirs)) for e in self._gather(text, fuzzy=False).values())

    def is_name(self, text: str) -> bool:
        """Is ``text`` as a whole a gazetteer name (exactly, or a romanization of one) or an ISO
        3166 code ('IN' in capitals, though 'in' is a generic word)?"""
        return any(e.via in WRITTEN_VIAS or e.via == "code" for e in self._gather(text, fuzzy=False).values())

    def written_hits(self, text: str) -> dict[int, Evidence]:
        """The places that have ``text`` as a name as written (in any script or case)."""
        return {r: e for r, e in self._gather(text, fuzzy=False).items() if e.via in WRITTEN_VIAS}

    def lead_word_name(self, part: Part) -> tuple[str, dict[int, Evidence]]:
        """The settlement word a part was stripped of, with the rest, as a populated place's name
        as written, when the rest alone is no name as written: 'станица Луганская' is Stanytsia
        Luhanska ('Луганская' alone is no place's name), 'пгт Станица Луганская' too; not 'city
        of London' (London is a name)."""
        if part.alternatives or part.what:
            return "", {}
        words = part.lead_words
        if not words or not words[-1].isalpha() or not is_settlement_word(words[-1]):
            return "", {}
        whole = f"{words[-1]} {part.text}"
        if any(e.via == "exact" for e in self._gather(part.text, fuzzy=False).values()):
            return "", {}
        hits = {r: e for r, e in self.written_hits(whole).items() if self.is_feature(r, "populated place")}
        return (whole, hits) if hits else ("", {})

    def spelt_out(self, part: Part, with_areas: bool = False) -> tuple[str, dict[int, Evidence]]:
        """A name whose first word is abbreviated, spelt out (phrase.NAME_ABBREVIATIONS), with its
        hits, when so spelt it is a name as written and the part as written is none: 'Ft. Wayne'
        is Fort Wayne (not Wayne), 'Pto. Montt' Puerto Montt; 'St. Louis' is a name as written.
        A part that is only some place's alternate name as written, in a phrase that names areas
        (``with_areas``), keeps those hits beside the spelt-out ones, for the areas to choose:
        'Pt Pleasant' is an alternate name of the West Virginia town, and 'Pt. Pleasant, NJ' is
        the New Jersey one (alone, 'St. Cloud' is the towns that bear it, not Saint-Cloud, France)."""
        if part.alternatives or part.what or part.feature:
            return "", {}
        first, _, rest = part.text.partition(" ")
        key = first.lower().rstrip(".")
        words = NAME_ABBREVIATIONS.get(key, ())
        if not words or not rest or len(key) == 1 and not first.endswith("."):
            return "", {}
        written = self.written_hits(part.text)
        gaz = self.gazetteer
        if written and not with_areas or \
                any(_NAME_KINDS[int(gaz.form_kind[e.form_row])] != NameKind.ALTERNATE for e in written.values()):
            return "", {}
        for word in words:
            if hits := self.written_hits(f"{word} {rest}"):
                return f"{word} {rest}", {**written, **hits}
        return "", {}

    def names_joined(self, text: str) -> bool:
        """Is ``text`` names as written joined by hyphens ('Kharkiv-Kyiv'), each a place's (in
        its own script: 'Кам’янць' is no name, though its romanization is Camanche's)?"""
        pieces = text.split("-")
        return len(pieces) > 1 and all(
            len(p) > 3 and any(e.via in ("exact", "case") for e in self._gather(p, fuzzy=False).values())
            for p in pieces)

    def _one_place_variants(self, part: Part) -> list[str]:
        """The slash variants of ``part`` to read as names of one place ('Kiev/Kyiv', 'Pokrovsk /
        Krasnoarmeysk'); when every variant names places as written and no place is named by
        two, they are several places ('Kharkiv / Kyiv'), and the first is read, as in a list."""
        variants = part.alternatives or [part.text]
        if len(variants) < 2:
            return variants
        named = [set(self.written_hits(v)) for v in variants]
        if all(named) and all(not (a & b) for i, a in enumerate(named) for b in named[:i]):
            return variants[:1]
        return variants

    def whole_part_head(self, parts: list[Part], order: list[int]):
        """The first part (or slash variant) that is a gazetteer name as a whole."""
        fallback = None
        for i in order:
            part, evidence = parts[i], {}
            if part.sector and (towns := self._areas.sector_towns(part.text)):
                # 'Купянское направление': the town the sector's adjective is formed from
                return part, i, self.named_after_evidence([(t, t) for t in towns[:3]], "exact")
            if part.case == polish.CASE and part.is_area and (
                    pairs := self._areas.named_after_polish_adjective(part.text, part.feature)):
                return part, i, self.named_after_evidence(pairs, "fold")  # 'obwód doniecki'
            titled = titled_name(part)
            if titled:
                # 'District of Columbia', 'City of Westminster', 'Township of Readington': a
                # settlement or area word written as part of a name is no generic prefix
                ev = self.written_hits(titled)
                if ev:
                    return Part(text=titled, raw=part.raw, feature=part.feature), i, ev
            if (lead := self.lead_word_name(part))[1] or (lead := self.spelt_out(part, len(parts) > 1))[1]:
                return Part(text=lead[0], raw=part.raw), i, lead[1]
            if part.around and not part.feature and not part.alternatives and \
                    (written := strip_prefixes(part.raw)) != part.text and (ev := self.written_hits(written)):
                return Part(text=written, raw=part.raw), i, ev  # 'Bay Area' is a name, not around Bay
            if part.feature and not part.alternatives:
                # the feature word may belong to the name: 'Kansas City', 'Boone County'
                # ... or be another area word for the gazetteer's ('Svativskyi district' is
                # GeoNames' 'Svativskyi Raion')
                # (a name the gazetteer holds as such, or spelt so another way: 'Zvenigovsky
                # District' is 'Zvenigovskiy Rayon'; not a machine romanization)
                whole, gaz = part.whole_name, self.gazetteer
                if part.feature != "facility" and whole != part.text and (ev := self.written_hits(whole)) and any(
                        gaz.place(r).level == "region" for r in ev):
                    # a region named so with its word ('Kurdistan Region', Iraq's; not Iran's
                    # Kurdistan Province by another word for the area)
                    return Part(text=whole, raw=part.raw), i, ev
                # (an area as written first: 'Советский городской округ' is GeoNames' name of
                # one, before the raion its okrug word reads as; not 'Mt. Pleasant', an alternate
                # name of some place, before 'Mount Pleasant')
                written = strip_prefixes(part.raw) if part.is_area else whole
                for name in dict.fromkeys(w for w in [written, whole, *area_word_synonyms(whole, part.feature)]
                                          if w != part.text):
                    ev = {r: e for r, e in self._gather(name, fuzzy=False).items()
                          if e.via in NAME_VIAS and self.is_feature(r, part.feature) and (
                              name == whole or e.via in NAME_VIAS and _NAME_KINDS[int(gaz.form_kind[e.form_row])]
                              != NameKind.ROMANIZED)}
                    if ev:
                        return as_whole(part, whole), i, ev
                if part.feature != "facility" and whole != part.text:
                    # 'Basque Country', 'Vatican City': a name as written with the word, whatever
                    # its level (País Vasco is no country, nor 'Country' its feature word)
                    ev = self.written_hits(whole)
                    if ev:
                        return Part(text=whole, raw=part.raw), i, ev
            for variant in self._one_place_variants(part):
                ev = self._gather(variant, fuzzy=False, oblique=part.oblique, case=part.case)
                if not ev and part.raw and part.raw != variant:
                    ev = self._gather(part.raw, fuzzy=False)
                if (_POSSESSIVE_RE.search(part.raw) or part.around and _POSSESSIVE_RE.search(variant)) \
                        and not _SAINT_RE.match(variant) and \
                        not any(e.via in NAME_VIAS for e in ev.values()):
                    # "Kharkiv's", "Ukraine’s", "Bakhmut's outskirts"; not inside a longer name ("Eva's Village") nor a
                    # saint's church or feast ("St Patrick's"); 'St. John's' is a name as written
                    ev = self._gather(_POSSESSIVE_RE.sub("", variant), fuzzy=False) or ev
                if ev and self.fuzzy and all(e.via == "skeleton" or e.query_scheme == VOWELS_TRADED for e in ev.values()):
                    # a consonant skeleton only proposes (and a Ukrainian name with other vowels
                    # may be one): let the typo search add closer spellings
                    ev = self._gather(variant, fuzzy=True)
                for prow, e in ev.items():
                    if prow not in evidence or e.rank > evidence[prow].rank:
                        evidence[prow] = e
            if not part.feature and script_of(part.text) == "cyrillic" and not any(
                    e.via in NAME_VIAS and self.is_feature(r, "admin1") for r, e in evidence.items()):  # 'на Бєлгородщині'
                evidence.update(self.region_word(part.text))
            if part.feature in ("admin1", "admin2") and not part.is_community and not any(
                    self.is_feature(r, part.feature) for r in evidence):
                evidence.update(self.areas_named_after(part, evidence))
            if evidence and i != order[-1] and self._adjective_only(evidence):
                # a country's adjective (a demonym) before other parts: the place they name is the
                # head ('clashes between Ukrainian and Russian forces in Krynky, Kherson oblast')
                fallback = fallback or (part, i, evidence)
                continue
            sibling = i + 1 < len(parts) and parts[i + 1].joined
            if evidence and self.names_only_areas(evidence):
                if fallback:
                    return fallback  # areas listed ('France, Germany and Italy'): the first answers
                later = order[order.index(i) + 1:]
                # (prose only where the area is written as a name: a code in capitals is no sign
                # of a capitalized phrase, 'paris, fr')
                prose_after = not lowercase(part.text) and not part.text.isupper() and all(
                    lowercase(parts[j].text) for j in later)
                if later and not sibling and not prose_after:
                    # 'Donbass: in Zaitsevo, ...': an area leading a list frames it; a later part
                    # that names a place is the head (not one joined to it: 'Ukraine and Albania';
                    # nor words in lower case: 'Ukraine (general)', 'Ukraine (whole country)')
                    fallback = (part, i, evidence)
                    continue
            if evidence:
                return part, i, evidence
        return fallback or (None, -1, {})

    def _area_or_big(self, rows) -> bool:
        """Is one of the place ``rows`` an area or a place of :data:`BIG_PLACE` people?"""
        gaz = self.gazetteer
        return any(int(gaz.place_pop[r]) >= BIG_PLACE or gaz.place(r).level in _AREA_LEVELS for r in rows)

    def demonym(self, text: str) -> bool:
        """Is ``text`` as written a country's or first-level area's adjective only ('American')?"""
        written = self.written_hits(text)
        return bool(written) and self._adjective_only(written)

    def _adjective_only(self, evidence: dict[int, Evidence]) -> bool:
        """Does ``evidence`` reach only countries or first-level areas by their adjective (a
        demonym: 'Russian', 'Ukrainians'; not a nickname of a town, 'Azovstal' for Mariupol)? By
        the names as written when there are any: folds of a demonym are no other reading of it
        ('Syrian' folds like Sirjan)."""
        gaz = self.gazetteer
        written = {r: e for r, e in evidence.items() if e.via in WRITTEN_VIAS}
        return all(int(gaz.form_kind[e.form_row]) == _COLLOQUIAL
                   and LEVELS[int(gaz.place_level[r])] in ("country", "admin1") for r, e in (written or evidence).items())

    def areas_named_after(self, part: Part, evidence: dict[int, Evidence]) -> dict[int, Evidence]:
        """'Kursk region' -> Kurskaya oblast', 'Pokrovsk district' -> Pokrovsk Raion,
        'Бєлгородська область' -> Belgorodskaya oblast': the areas named after the town a part
        with an area word names (or forms its adjective from), when no area has the name itself;
        each reached as strongly as its town."""
        gaz = self.gazetteer
        towns = self._areas.towns_in(evidence)
        if towns:
            # towns of a size that compares with the biggest ('Baku region' is not Bacău's county,
            # which a romanization of its Cyrillic name reaches)
            floor = 0.1 * int(gaz.place_pop[towns[0]])
            towns = [t for t in towns[:5] if int(gaz.place_pop[t]) >= floor]
            found_as = {t: gaz.form_text[evidence[t].form_row] for t in towns}
            return {area: replace(evidence[town], form_row=int(gaz.place_form_start[area]), lemma="",
                                  named_after=gaz.place(town).name)
                    for area, town in self._areas.named_after(
                        towns, part.feature, found_as, other_names=all(evidence[t].via in WRITTEN_VIAS for t in towns))}
        return self.named_after_evidence(self._areas.named_after_adjective(part.text, part.feature), "fold")

    def region_word(self, text: str) -> dict[int, Evidence]:
        """'Бєлгородщина', 'на Курщині', 'Белгородчина': the first-level area named after the
        town a colloquial region name is formed from."""
        gaz = self.gazetteer
        names = region_towns(text) if len(text.split()) == 1 else []
        towns = sorted({r for name in names for r in self._areas.towns(name)}, key=lambda r: -int(gaz.place_pop[r]))
        return self.named_after_evidence(self._areas.named_after(towns[:5], "admin1"), "exact")

    def named_after_evidence(self, pairs: list[tuple[int, int]], via: str) -> dict[int, Evidence]:
        """Evidence for each area of ``(area, town)`` pairs, through its own name, saying the town."""
        gaz = self.gazetteer
        return {area: Evidence(int(gaz.place_form_start[area]), via, 100.0, named_after=gaz.place(town).name)
                for area, town in pairs}

    def is_feature(self, row: int, feature: str) -> bool:
        """Does the place fit a feature word ('city', 'county', 'region')? Any place fits a
        facility word: the gazetteer holds no facilities, so a name with one is a place's."""
        level = self.gazetteer.place(row).level
        return level == feature or feature == "facility" or (
            feature == "admin2" and level in ("admin3", "admin"))

    def names_only_areas(self, evidence: dict[int, Evidence]) -> bool:
        """The name is mainly a country's, a region's or a first-level area's: no town with it
        has 1,000 people and 1% of the area's ('Donbass', 'Ukraine'; not 'Kharkiv')."""
        gaz = self.gazetteer
        level = gaz.place_level
        if not any(int(level[r]) in _AREA_LEVEL_CODES for r in evidence):
            return False  # (no area among them: the records need not be read)
        # (a town the name only folds like, spelt otherwise, is none: 'Romania' is no La Romana)
        strong = [gaz.place(r) for r, e in evidence.items()
                  if e.via in NAME_VIAS and not respelled_row(gaz, r, e) or e.via == "code"]
        areas = [p for p in strong if p.level in _AREA_LEVELS]
        if not areas:
            return False
        floor = max(1000, 0.01 * max(p.population for p in areas))
        return not any(p.population >= floor for p in strong if p not in areas)

    def misspelt_with_word(self, text: str, word: str) -> dict[int, Evidence]:
        """Typo candidates of ``text`` whose matched name has ``word`` as written and is one
        letter edit away (two for a long name): 'Battle Creek' for 'Bjattle Creek'; not
        'Kovalovice' for 'Oval Office', nor 'South Island' for 'North Island'."""
        gaz = self.gazetteer
        word, q = word.casefold(), normalize(text)
        slips = 1 if len(q) - len(word) < 9 else 2
        out = {}
        for r, e in self._gather(text, fuzzy=True, force_fuzzy=True).items():
            form = gaz.form_text[e.form_row]
            if e.via in ("fold", "skeleton", "fuzzy") and word in form.casefold().replace("-", " ").split() \
                    and OSA.distance(q, normalize(form), score_cutoff=slips) <= slips:
                out[r] = e
        return out

    def close_whole_part(self, parts: list[Part], order: list[int]):
        """The first part whose whole spelling is close to a gazetteer name: a multi-word part,
        or a part with its feature word when a place of that feature has the name ('Zverigorodsky
        raion', 'Strawford District')."""
        for i in order:
            part = parts[i]
            whole, ev = self.misspelt_with_feature_word(part)
            if ev:
                return whole, i, ev
            if len(part.text.split()) < 2:
                continue
            # (close on the folded keys, or one slip away as written: 'Ou Smaah' is Ou Smach,
            # whose key differs in a folded letter, not Oumag, a folded letter short and four off;
            # two slips in a long name with a word that is no name: 'Fetrr da Mata' is Feira da
            # Mata, not Mata with 'Fetrr' unexplained; 'Boston Harbor' stays Boston)
            found = self._gather(part.text, fuzzy=True)
            # (a Latin guess three slips off or more keeps the words that are names as written:
            # 'central Kyiv' is no 'Centralj', its folded key close, but Kyiv in it; 'South Lviv'
            # no 'South View')
            latin = script_of(part.text) == "latin"
            ev = {r: e for r, e in found.items() if e.via == "fuzzy" and e.edits == 1 or e.sim >= CLOSE_WHOLE_SIM and (
                e.via != "fuzzy" or e.edits <= 2 or not latin
                or self.keeps_names(part.text, self.gazetteer.form_text[e.form_row]))}
            if not ev and len(normalize(part.text)) >= 10 and self.stray_word(part.text):
                ev = {r: e for r, e in found.items() if e.via == "fuzzy" and e.edits == 2
                      and self.keeps_names(part.text, self.gazetteer.form_text[e.form_row])}
            if ev:
                return parts[i], i, ev
        return None, -1, {}

    def stray_word(self, text: str) -> bool:
        """Has ``text`` a word of three letters or more that is no name, area or feature word, nor
        filler ('Fetrr' in 'Fetrr da Mata'; none in 'Boston Harbor')?"""
        return any(len(w) >= 3 and w not in STOPWORDS and not is_generic(w) and not self.is_name(w)
                   for w in (word.strip(".,;:()").lower() for word in text.split()))

    def keeps_names(self, text: str, name: str) -> bool:
        """Does ``name`` keep each word of ``text`` that is a name as written, a slip at most
        ('Colorado Cvutny' ~ 'Colorado County'; not 'Iowa House' ~ 'Town House')?"""
        words, name_words = normalize(text).split(), normalize(name).split()
        if len(words) != len(name_words):
            return not any(self.is_name(w) for w in words if len(w) >= 3)
        return all(OSA.distance(w, n, score_cutoff=2) <= 1 or len(w) < 3 or not self.is_name(w)
                   for w, n in zip(words, name_words))

    def misspelt_with_feature_word(self, part: Part) -> tuple[Part | None, dict[int, Evidence]]:
        """The part with its feature word as one misspelt name of a place of that feature: close
        on the folded keys, or two slips away as written when the name has five letters or more
        ('Zverigorodsky raion', 'Strawford District', 'Odieka oblast')."""
        if not part.feature or part.alternatives:
            return None, {}
        # (the area word after the name, or a capitalized one before it: 'Provincia de Trata')
        slips = 2 if len(normalize(part.text)) >= 5 and part.feature != "facility" else 0
        for whole in dict.fromkeys([part.whole_name, titled_name(part)]):
            if whole and whole != part.text:
                # (an area of another level too: the area word is in the name itself, and a
                # 'provincia' is Peru's second level, Spain's first)
                ev = {r: e for r, e in self._gather(whole, fuzzy=True).items()
                      if (e.sim >= CLOSE_WHOLE_SIM or e.via == "fuzzy" and e.edits <= slips)
                      and (self.is_feature(r, part.feature) or part.feature in ("admin1", "admin2")
                           and self.gazetteer.place(r).level in ("admin1", "admin2", "admin3"))}
                if ev:
                    return as_whole(part, whole), ev
        return None, {}

    def ngram_head(self, parts: list[Part], order: list[int], hyphens: bool = False):
        """'the new terminal of Donetsk Airport': the longest run of words (leftmost first) that
        is a gazetteer name, before any fuzzy matching of the whole part. A run followed by an
        area word ('Donetsk' in 'Donetsk Oblast') names an area, not the place. ``hyphens``:
        hyphenated words count apart ('Kharkiv-Saltivskyi', a city and its district). A country's
        adjective in prose ('Russian aviation dropped guided bombs on Kupiansk'), or an area after
        'in' ('Goma in North Kivu'), is the head only when the phrase names no other place; in
        prose, a run after a preposition that says where comes before one no preposition places
        ('Pakistani Taliban attacked a police station in Bannu')."""
        gaz = self.gazetteer
        adjective = None  # the first run that is a country's adjective only (a demonym)
        unplaced = None  # in prose, the first run no preposition says is where (the actor, often)
        framing, framed_at = None, 0  # the first run after 'in' that names an area, and where
        for i in order:
            words = _words(parts[i].text) if hyphens else parts[i].text.split()
            capitalized = any(w[:1].isupper() for w in words)
            # a word in lower case that is no filler: the part is prose ('Sudanese Armed Forces
            # clashed with RSF in Omdurman'), not a name ('Russian Higher School of Economics')
            prose = _prose(words)
            # a name of capitalized words only ('Meadow Grove', 'Squirrel Hill') is one name: a word
            # inside it stands for the place only when that is a big place or an area ('Mariupol
            # Drama Theatre'), not a hamlet called 'Meadow'
            # (a phrase that names areas too is checked against them instead: 'Tsvetnye Peski,
            # Slavyanoserbsky district')
            # (a word after an Arabic article is one of it: 'Jurf al-Sakhar' is no Al Jurf)
            proper = len(parts) == 1 and all(
                (w[:1].isupper() or ARTICLE_WORD_RE.match(w)) and w.lower().strip(".,;:()") not in STOPWORDS
                for w in parts[i].text.split())
            for n in range(min(len(words) - 1, 4), 0, -1):
                for start in range(0, len(words) - n + 1):
                    if framing is not None and framing[1] == i and start + n > framed_at:
                        continue  # (only before the area: 'Lower' of 'in Lower Shabelle' is none)
                    span_words = words[start:start + n]
                    span = " ".join(span_words)
                    nxt = words[start + n].lower().strip(".,") if start + n < len(words) else ""
                    # (a short word only as an area's abbreviation in capitals: 'US Federal Reserve', 'UK
                    # government'; not 'Ko' for Kyiv)
                    short = len(span) < 4
                    if (short and not (n == 1 and len(span) >= 2 and span.isupper() and len(words) > 1)
                            or nxt in AREA_WORDS or is_generic(span)  # not 'The Villages'
                            # a word that qualifies the name after it: 'Metro Manila' is no Metro,
                            # Indonesia; 'Downtown Atlanta', 'Central Kyiv'
                            or n == 1 and span.lower() in QUALIFIERS and start + 1 < len(words)
                            and words[start + 1][:1].isupper()
                            or (capitalized and lowercase(span))  # 'Serebrianskyi forest' is not Forest
                            or _arabic_feature_word(words, start, n)
                            or all(w.lower().strip(".,;:()") in STOPWORDS for w in span_words)):
                        continue
                    if prose and _POSSESSIVE_RE.search(span):  # ("fighting in Bakhmut's outskirts")
                        span = _POSSESSIVE_RE.sub("", span)
                    # (or a big city's as written: 'NYC metro area'; not an airport code some town
                    # bears, 'IDF strike' is no Idiofa)
                    ev = {r: e for r, e in self._gather(span, fuzzy=False).items()
                          if e.via in NAME_VIAS and (not short or e.via in WRITTEN_VIAS and (
                              int(gaz.place_level[r]) in _AREA_LEVEL_CODES
                              or gaz.form_text[e.form_row] == span and int(gaz.place_pop[r]) >= CAPITALS_CITY))}
                    if ev and proper and not self._area_or_big(r for r, e in ev.items() if e.via in WRITTEN_VIAS):
                        continue  # (as written: 'Terra Kulture' is no Tehran by a folded 'Teera')
                    if ev and start + n < len(words) and words[start + n][:1].isupper() and not prose \
                            and self._adjective_only(ev) \
                            and self._area_or_big(self.written_hits(" ".join(words[start + n:]))):
                        # a country's adjective before the name of an area or a big place qualifies
                        # it: 'French Morocco', 'British India', 'Polish Lviv' (not 'French Riviera',
                        # some hamlet's name: the adjective's country is read)
                        continue
                    if ev and start + n < len(words) and (words[start + n][:1].islower() or prose) \
                            and self._adjective_only(ev):
                        # (an adjective before a word in lower case, or in prose: 'Nigerian Army
                        # repelled an attack on Monguno'; before a capitalized one in a name it leads
                        # the name, 'European Central Bank', which the area stands for)
                        adjective = adjective or (Part(text=span, raw=span), i, ev)
                    elif ev and start and words[start - 1] in _AREA_BEFORE and self.names_only_areas(ev):
                        # 'M23 rebels advanced toward Goma in North Kivu': the area frames a place
                        # the prose names before it, if any
                        if framing is None:
                            framing, framed_at = (Part(text=span, raw=span), i, ev), start
                    elif ev and prose and not _said_where(words, start):
                        unplaced = unplaced or (Part(text=span, raw=span), i, ev)
                    elif ev:
                        return Part(text=span, raw=span), i, ev
        return unplaced or framing or adjective or (None, -1, {})
