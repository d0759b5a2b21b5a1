"""A town and its area written without a comma: 'Izium Kharkiv region', 'Balakliya Kharkiv',
'Tovste/Ternopil', 'Uglegorsk Artemivsky district', 'northern Donetsk Oblast'. The phrase parser
reads such a piece as one part (or two names of one place); these checks against the gazetteer
tell a town before the area that holds it."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..gazetteer import Gazetteer
from ..model import NameKind
from ..names.keys import fold_key
from .areas import PhraseAreas
from .candidates import NAME_VIAS, Evidence
from .heads import BIG_PLACE, PhraseHeads
from .hints import area_candidates, areas_by_any_word
from .phrase import PATH_SPLIT_RE, REGION_WORDS, Part, is_generic, parse_phrase, strip_prefixes

# a town's adjective in any gender ('Antonivskyi bridge', 'Kakhovske reservoir', 'Kakhovska HPP',
# 'Запорізька', 'Tulskaia'): an area's when an area word follows
TOWN_ADJECTIVE = re.compile(r"(?:[sz]k(?:y|yi|yy|iy|ii|ij|oy|oho|ogo|i|a|e|aya|aia|aja|oye|oe)|[сцз]ьк(?:ий|а|е|ого)"
                            r"|[сц]к(?:ий|ая|ое|ого))$", re.IGNORECASE)

# people: a town whose name, spelt another way, is the adjective a value is (see area_of_adjective)
ADJECTIVE_TOWN_POPULATION = 20_000


# the area words that follow an area's adjective ('Kharkivska oblast', 'Бахмутський район',
# 'Krasnodarskiy kray'): a feminine adjective goes with an oblast, a masculine one with a raion or
# kray, a neuter one with neither ('Kakhovske' is the reservoir's, no raion)
_GENDER_TAILS = {"f": tuple(stem + end for stem in ("sk", "zk") for end in ("a", "aya", "aia", "aja"))
                 + tuple(stem + end for stem in ("ськ", "цьк", "зьк", "ск", "цк", "зк") for end in ("а", "ая")),
                 "m": tuple(stem + end for stem in ("sk", "zk") for end in ("y", "yi", "yy", "iy", "ii", "ij", "i", "oy"))
                 + tuple(stem + "ий" for stem in ("ськ", "цьк", "зьк"))  # ('-ській' is a feminine's locative)
                 + tuple(stem + end for stem in ("ск", "цк", "зк") for end in ("ий", "ой"))}
_ANY_GENDER_TAIL = _GENDER_TAILS["f"] + _GENDER_TAILS["m"]
# a name, 'in', and the area around it, with no comma ('Gao in northern Mali'; see town_in_area)
_IN_AREA_RE = re.compile(r"(?P<town>[^,;:()/]+?)\s+in\s+(?P<area>[^,;:()/]+)")
_PLAIN_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# a hyphen between two words, each a name's ('Vuhledar-Pavlivka'; not 'al-Sakhar': see names_hyphenated)
_JOINING_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def capitalized(word: str) -> bool:
    """A word that starts with a capital letter, or in a script without capitals ('St.', 'Київ')."""
    first = word[:1]
    return first.isupper() or first.isalpha() and first.lower() == first.upper()


_AREA_WORD_AFTER = {"f": (("admin1", ("oblast", "область")),),
                    "m": (("admin1", ("kray", "krai", "край")), ("admin2", ("raion", "rayon", "район")))}


def _adjective_gender(word: str) -> str | None:
    """'f' or 'm' for a feminine or masculine adjective of a town ('Kharkivska', 'Бахмутський'),
    else None (one suffix test: most values are no adjective)."""
    low = word.lower()
    if not low.endswith(_ANY_GENDER_TAIL):
        return None
    return "f" if low.endswith(_GENDER_TAILS["f"]) else "m"


class TownAndArea:
    """The splits over one gazetteer; ``gather`` is the resolver's (memoized) candidate lookup."""

    def __init__(self, gazetteer: Gazetteer, gather: Callable[..., dict[int, Evidence]], heads: PhraseHeads,
                 areas: PhraseAreas) -> None:
        self.gazetteer = gazetteer
        self._gather = gather
        self._heads = heads
        self._areas = areas

    def town_then_region(self, text: str) -> str | None:
        """'Balakliya/Kharkiv', 'Tovste - Ternopil': a town, then a first-level area (or the town
        one is named after) that holds a place of the town's name as written: read with a comma
        ('Balakliya, Kharkiv'); not two names of one place ('Kiev/Kyiv')."""
        steps = [s.strip() for s in PATH_SPLIT_RE.split(text) if s.strip()] if "," not in text else []
        if len(steps) != 2:
            return None
        gaz = self.gazetteer
        towns, (areas, area) = self._heads.written_hits(steps[0]), self._first_level_areas(steps[1])
        if not areas or set(towns) & set(self._heads.written_hits(steps[1])):
            return None
        if any(self._areas.inside_any(r, gaz.place(r), areas) for r in towns):
            return f"{steps[0]}, {area}"
        return None

    def town_in_area(self, text: str) -> str | None:
        """'Gao in northern Mali', 'Kut in Wasit', 'Goma in eastern DR Congo': a capitalized name,
        'in', and a country or first-level area (after a compass word) that holds a place of that
        name as written, however short: read with a comma ('Gao, northern Mali'); not a name as a
        whole ('Barrow in Furness'), nor prose ('fighting in Gao')."""
        found = _IN_AREA_RE.fullmatch(text.strip())
        if found is None:
            return None
        town, area = strip_prefixes(found["town"]), found["area"].strip()
        if not town or len(town.split()) > 4 or not all(capitalized(w) for w in town.split()) \
                or self._heads.is_name(text.strip()):
            return None
        gaz = self.gazetteer
        towns = self._heads.written_hits(town)
        words = area.split()
        while True:  # the area as written, then after its compass words ('South Sudan'; 'northern Mali')
            region = " ".join(words)
            areas = self._first_level_areas(region)[0] or area_candidates(gaz, region, ("country",))
            if areas:
                return f"{town}, {area}" if any(self._areas.inside_any(r, gaz.place(r), areas) for r in towns) else None
            if len(words) < 2 or words[0].lower() not in REGION_WORDS:
                return None
            words.pop(0)

    def area_of_adjective(self, part: Part, level: str = "") -> Part:
        """A lone adjective of an area names it ('Kharkivska', 'Харківська': a column of
        oblasts, 'Kharkiv Oblast (Kharkivska)'; 'Бахмутський' for its raion), as the part with its
        area word; not a name some place has as written. Other parts are returned as they are.
        ``level``: the adjective is a hint of that level's area, which a place's name does not
        outweigh ('Pokrovskyi' as an admin2 hint is Pokrovsk Raion, not the village)."""
        text = part.text
        gender = _adjective_gender(text)
        if gender is None or part.feature or part.oblique or " " in text \
                or strip_prefixes(part.raw).strip(" .") != text:
            # (after a preposition 'Куп'янська' is Kupiansk in the genitive; 'the Dolzhansky
            # checkpoint' is named after the town)
            return part
        key = fold_key(text)
        gaz = self.gazetteer
        if not level and any(e.via in ("exact", "case") or fold_key(gaz.place(row).name) == key or (
                e.via == "fold" and gaz.place(row).level == "populated place"
                and int(gaz.place_pop[row]) >= ADJECTIVE_TOWN_POPULATION
                and int(gaz.form_kind[e.form_row]) != NameKind.ROMANIZED
                and _adjective_gender(gaz.place(row).name) == gender)
                             for row, e in self._gather(text, fuzzy=False).items()):
            # a place's name ('Dovzhansky' is the village Dovzhanskyi), or a town's named by
            # the adjective, spelt otherwise ('Belgorod-Dnestrovsky' is Bilhorod-Dnistrovskyi's
            # 'Belgorod-Dnestrovskiy'; not a village's: 'Pokrovsky' stays Pokrovsk Raion, not
            # Pokrovskoye by 'Pokrovskiy'; nor a noun's: 'Donetska' is no Donetsk by 'Donecka')
            return part
        cyrillic = not text.isascii()
        for feature, words in _AREA_WORD_AFTER[gender]:
            if level and feature != level:
                continue
            for word in words:
                if word.isascii() == cyrillic:
                    continue
                whole = f"{text} {word}"
                if self._areas_named(whole, feature):
                    return replace(part, feature=feature, whole=whole, raw=f"{part.raw} {word}")
        return part

    def adjective_area_name(self, text: str) -> str | None:
        """'Kharkivska' -> 'Kharkivska oblast': a value that is only an area's adjective (see
        :meth:`area_of_adjective`), with its area word."""
        word = text.strip()
        if _adjective_gender(word) is None or not _PLAIN_WORD_RE.fullmatch(word):
            return None  # (most values: no Part to build)
        return self.area_of_adjective(Part(text=word, raw=word)).whole or None

    def names_hyphenated(self, part: Part) -> list[Part]:
        """Places joined by hyphens, no name as a whole, are a list: 'Vuhledar-Pavlivka',
        'Ocheretyne-Novobakhmutivka area', 'Dallas-Fort Worth', 'Bila Tserkva-Kyiv road' read as
        'X and Y' (the first keeps what the part said of it; the others are listed with it, so
        each is looked for near the rest). Each piece must be a town's name as written, of four
        letters or more, capitalized; the words in lower case after the last one are dropped
        ('line', 'road'). Other parts (and 'Winston-Salem', 'Kupyansk-Vuzlovyi', 'Jurf al-Sakhar',
        'Kharkiv-Saltivskyi', areas: 'Russia-Ukraine border') are returned as they are."""
        text = part.text
        if "-" not in text or part.feature:
            return [part]
        pieces = [p.strip() for p in _JOINING_HYPHEN_RE.split(text)]
        if len(pieces) < 2:
            return [part]
        *rest, last = pieces
        words = last.split()
        lead = next((k for k, w in enumerate(words) if not capitalized(w)), len(words))
        names = [*rest, " ".join(words[:lead])]
        if lead < len(words) and not all(w.islower() for w in words[lead:]):
            return [part]  # (only words in lower case may follow the names: 'line', 'road')
        if not all(len(n) > 3 and all(capitalized(w) for w in n.split()) for n in names):
            return [part]
        # (a name as a whole first: its lookup is the head's, while its pieces' are extra)
        if any(e.via in NAME_VIAS for e in self._gather(text, fuzzy=False).values()) or any(
                e.via in NAME_VIAS for t in text.split() if "-" in t for e in self._gather(t, fuzzy=False).values()):
            return [part]  # a name as a whole ('Tel Aviv-Yafo', 'Kupyansk-Vuzlovyi line')
        hits = [{r: e for r, e in self._gather(n, fuzzy=False).items() if e.via in ("exact", "case")} for n in names]
        if not all(hits) or any(self._heads.names_only_areas(h) for h in hits):
            return [part]  # (areas joined say how they relate: 'Russia-Ukraine border', 'Israel-Gaza war')
        first = replace(part, text=names[0], raw=names[0], whole="", alternatives=[])
        return [first, *(Part(text=n, raw=n, listed=True, joined=True) for n in names[1:])]

    def town_before_its_area(self, part: Part) -> list[Part]:
        """An area part whose area follows a town's name without a comma is the town and its area:
        an area of that level named by the words after the town ('Izium Kharkiv region',
        'Pokrovks Donetsk oblast', misspelt or not), or an area's adjective after a name as
        written ('Uglegorsk Artemivsky district', 'Гранітне Волноваський район'); not an area
        named so as a whole ('Mala Vyska district', 'Nizhny Novgorod oblast'). A compass word before
        the area names a part of it: the area ('northern Donetsk oblast' is not Donetsk city)."""
        words = part.text.split()
        if len(words) < 2:
            return [part]
        raw = strip_prefixes(part.raw)
        if not part.feature and raw == part.text or part.feature == "facility" and raw.endswith(part.text):
            # (a town named with a feature word first: 'Lake Zurich Illinois', 'Mount Sinai New York')
            return self._town_before_its_region(part, raw)
        if part.feature not in ("admin1", "admin2") or not raw.startswith(part.text) \
                or self._heads.is_name(part.text):
            return [part]
        for k in range(1, len(words)):
            town = " ".join(words[:k])
            area = raw[len(town):].strip()
            # (the rest as one name with its feature word: 'Запорізька область' for 'Запорізька обл.')
            whole = part.whole[len(town):].strip() if part.whole.startswith(town + " ") else ""
            named = self._areas_named(whole or area, part.feature)
            if set(re.split(r"[\s-]+", town.lower())) <= REGION_WORDS and named:
                # 'northern Donetsk oblast', 'Southern Kherson region': a part of the area
                return [replace(part, text=" ".join(words[k:]), raw=area, whole=whole)]
            if is_generic(town) or not (town[:1].isupper() or not town[:1].isascii() or raw.islower()):
                continue  # (a phrase all in lower case says nothing by its capitals)
            if named or k == len(words) - 1 and TOWN_ADJECTIVE.search(words[-1]) and words[-1][:1].isupper() \
                    and self._heads.is_name(town):
                # (the town keeps what the part said of it: near, listed, declined)
                return [replace(part, text=town, raw=town, feature="", whole=""),
                        replace(part, text=" ".join(words[k:]), raw=area, whole=whole, near=False, listed=False,
                                joined=False)]
        return [part]

    def _town_before_its_region(self, part: Part, raw: str) -> list[Part]:
        """'Balakliya Kharkiv', 'Springfield Illinois', 'Kansas City Missouri', 'Cordoba Spain': the
        words that end a part with no area word name a first-level area (or the town one is named
        after) or a country that holds a place named by the words before them, as written
        (``raw``: with a feature word it begins with: 'Lake Zurich'): the town and its area. Not
        a name as a whole ('Novyi Svit', 'New York')."""
        words = part.text.split()
        if self._heads.is_name(raw):
            return [part]
        gaz = self.gazetteer
        for k in range(len(words) - 1, 0, -1):
            town, region = " ".join(words[:k]), " ".join(words[k:])
            if not (region[:1].isupper() or part.text.islower()) or is_generic(region):
                continue
            town_raw = raw[:len(raw) - len(region)].strip()
            areas, area = self._first_level_areas(region)
            if not areas and not self._heads.demonym(region):
                # a country after its town: 'Cordoba Spain', 'Hamilton New Zealand' (not its
                # adjective: 'North American')
                areas = area_candidates(gaz, region, ("country",))
            if areas and any(self._areas.inside_any(r, gaz.place(r), areas) for r in self._heads.written_hits(town_raw)):
                # (read as if a comma stood between them; an adjective with the word it lacks)
                return [replace(part, text=town, raw=town_raw),
                        Part(text=region, raw=region) if area == region else
                        Part(text=region, raw=region, feature="admin1", whole=area)]
        return [part]

    def _areas_named(self, text: str, feature: str) -> list[int]:
        """Rows of the areas of ``feature`` level that ``text`` (a name with its area word) names:
        by their names, with another area word ('Orel region' is GeoNames' 'Orel Oblast'), or
        after the town it names ('Belgorod region' is Belgorodskaya oblast')."""
        rows = areas_by_any_word(self.gazetteer, text, feature)
        if rows:
            return rows
        parts = parse_phrase(text)
        if len(parts) != 1 or parts[0].feature != feature or strip_prefixes(text) != text:
            return []  # (nor after a word a town's name may end with: 'Stare Selo Sumy oblast')
        named = self._heads.areas_named_after(parts[0], self._gather(parts[0].text, fuzzy=False))
        return [r for r in named if self._heads.is_feature(r, feature)]

    def _first_level_areas(self, text: str) -> tuple[list[int], str]:
        """(rows, name) of the first-level areas ``text`` names, and the name that found them: as
        written ('Kharkiv', 'Illinois'), with the area word the phrase parser restores
        ('Харьковская обл.'), or an area's adjective without its noun ('Харьковская', 'Donetska')."""
        gaz = self.gazetteer
        rows = area_candidates(gaz, text, ("admin1",))
        if rows:
            return rows, text
        parts = parse_phrase(text)
        if len(parts) == 1 and parts[0].whole and parts[0].whole != text:
            rows = area_candidates(gaz, parts[0].whole, ("admin1",))
            if rows:
                return rows, parts[0].whole
        if " " not in text.strip() and TOWN_ADJECTIVE.search(text):
            whole = f"{text.strip()} {'oblast' if text.isascii() else 'область'}"
            rows = area_candidates(gaz, whole, ("admin1",))
            if rows:
                return rows, whole
        # the town a first-level area is named after ('Belgorod' for Belgorodskaya oblast'), a
        # big one (a region's capital), or its adjective ('Tulskaia')
        if not TOWN_ADJECTIVE.search(text) and not any(
                int(gaz.place_level[r]) == 0 and int(gaz.place_pop[r]) >= BIG_PLACE for r in self._heads.written_hits(text)):
            return [], text
        whole = f"{text.strip()} {'region' if text.isascii() else 'область'}"
        rows = self._areas_named(whole, "admin1")
        return (rows, whole) if rows else ([], text)
