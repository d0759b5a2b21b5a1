"""The tagger's automaton: folded gazetteer names in an Aho-Corasick automaton (pyahocorasick),
each padded with one space on both sides, and the character-by-character folding that keeps
positions in the folded text positions in the original (see :mod:`geonorm.faces.tagger`)."""
from __future__ import annotations

import re
import threading
import time
import unicodedata
import weakref
from dataclasses import dataclass

import numpy as np

from ..names.normalize import normalize
from ..sources.cldr import cyrillic_script_countries

# markup: a script's or a style sheet's whole element, a comment, a tag (a letter, '/', '!' or '?'
# after '<': '< y' and '<10' in prose are no tags), an entity
_TAG_RE = re.compile(r"<(script|style)\b[^<>]{0,1000}>[\s\S]{0,200000}?</\1\s*>|<!--[\s\S]{0,200000}?-->"
                     r"|</?[A-Za-z!?][^<>]{0,1000}>|&[a-zA-Z]{2,8};|&#\d{1,6};", re.IGNORECASE)

MIN_POPULATION = 1000
ROMANIZED_ALTERNATES_POPULATION = 10_000  # (see _names)
MIN_KEY_CHARS = 3


# ---- folding ------------------------------------------------------------------------------------
_FOLD: dict[int, str] = {}
_FOLD_KNOWN: set[str] = set()
_FOLD_LOCK = threading.Lock()


def _fold_char(c: str) -> str:
    if not c.isalnum():
        return " "
    low = c.lower()
    if len(low) != 1:
        low = c
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isalnum() else low


def fold(text: str) -> str:
    """Lowercase, diacritics off, every non-alphanumeric character a space; same length as ``text``."""
    missing = set(text).difference(_FOLD_KNOWN)
    if missing:
        with _FOLD_LOCK:
            for c in missing:
                _FOLD[ord(c)] = _fold_char(c)
            _FOLD_KNOWN.update(missing)
    return text.translate(_FOLD)


# a web address, an e-mail address or a social-media handle names no place, though it may hold a
# name ('https://www.bbc.com/news/world-europe-Mariupol-12345', '?city=Lviv', '@Kyiv_Post')
_ADDRESS_RE = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")


def strip_markup(text: str) -> str:
    """HTML tags and entities, web and e-mail addresses and @handles replaced by spaces of the
    same length (offsets are kept)."""
    if "<" in text or "&" in text:
        text = _TAG_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "@" in text or "://" in text or "www." in text:
        text = _ADDRESS_RE.sub(lambda m: " " * len(m.group(0)), text)
    return text


# ---- the automaton ------------------------------------------------------------------------------
F_ABBREV = 1  # all-caps abbreviation: the text must be uppercase too
F_AREA = 2  # country, admin1, region or continent name
F_PLACE = 4  # a name of some place (always set)
F_BIG = 8  # a name of a populated place of 10,000 people or more, or of an area

_POPULATED, _ADMIN1, _ADMIN2, _COUNTRY, _CONTINENT, _REGION = 0, 1, 2, 5, 6, 7
_NAME_LANGS = {"", "en", "cyrl", "ru", "uk", "ru-Latn", "uk-Latn"}


def _names(gaz, min_population: int):
    """(name text, flags) for the names the tagger looks for.

    Countries, admin1, regions, continents: every name but machine romanizations. admin2 and
    populated places of at least ``min_population`` people: official names, historic names,
    curated aliases and Cyrillic/English/Russian/Ukrainian names; their untagged alternates too
    for places of 100,000 people or more (exonyms such as "Kiev")."""
    from ..model import NameKind
    level = np.asarray(gaz.place_level)
    pop = np.asarray(gaz.place_pop)
    form_place = np.asarray(gaz.form_place)
    form_kind = np.asarray(gaz.form_kind)
    form_lang = np.asarray(gaz.form_lang)
    lang_ok = np.array([lv in _NAME_LANGS for lv in gaz.lang_vocab], dtype=bool)
    lang_tagged = np.array([lv not in ("",) for lv in gaz.lang_vocab], dtype=bool)
    plevel = level[form_place]
    ppop = pop[form_place]
    area = np.isin(plevel, [_ADMIN1, _COUNTRY, _CONTINENT, _REGION])
    kind = form_kind
    not_roman = kind != int(NameKind.ROMANIZED)
    town = ((plevel == _POPULATED) & (ppop >= min_population)) | (plevel == _ADMIN2)
    curated = np.array([s.startswith("curated") for s in gaz.source_vocab], dtype=bool)[
        np.asarray(gaz.form_source)]
    # towns of countries written in Cyrillic: their untagged Latin alternates are the many
    # romanizations the news uses ('Avdiivka' for Avdiyivka); six letters or more ('Choir' is a
    # town in Mongolia)
    cyrillic = cyrillic_script_countries()
    romanized_country = np.array([cc in cyrillic for cc in gaz._pstr["country_code"]], dtype=bool)[form_place] \
        & np.array([len(t) >= 6 for t in gaz.form_text], dtype=bool)
    town_name = (town & not_roman & (
        (kind == int(NameKind.OFFICIAL)) | (kind == int(NameKind.PREFERRED))
        | (kind == int(NameKind.HISTORIC)) | curated
        | (lang_ok[form_lang] & lang_tagged[form_lang])
        | (ppop >= 100_000)
        | ((ppop >= ROMANIZED_ALTERNATES_POPULATION) & romanized_country)))
    keep = (area & not_roman) | town_name
    texts = gaz.form_text
    own = np.isin(kind, [int(NameKind.OFFICIAL), int(NameKind.PREFERRED), int(NameKind.ABBREVIATION)])
    for r in np.nonzero(keep)[0].tolist():
        t = texts[r]
        if not area[r] and len(t) <= 4 and t.isupper() and not own[r] and not curated[r]:
            continue  # a big town's airport code in capitals ('DAC' Dhaka, 'TIF' Ta'if) is an acronym
        flags = F_PLACE | (F_AREA if area[r] else 0) | (F_BIG if area[r] or ppop[r] >= 10_000 else 0)
        if kind[r] == int(NameKind.ABBREVIATION) or (t.isupper() and len(t) <= 5):
            flags |= F_ABBREV
        yield t, flags
    # the ASCII spelling of official names ("Sao Paulo" for "São Paulo") folds the same: no extra


def _keys(name: str) -> list[str]:
    f = fold(name)
    collapsed = " ".join(f.split())
    if len(collapsed.replace(" ", "")) < MIN_KEY_CHARS:
        return []
    out = [" " + collapsed + " "]
    stripped = f.strip()
    if stripped != collapsed:
        out.append(" " + stripped + " ")
    if " and " in collapsed:  # 'Turks & Caicos Islands', 'Trinidad & Tobago' (' & ' folds to 3 spaces)
        out.append(" " + collapsed.replace(" and ", "   ") + " ")
    return out


@dataclass
class TaggerStats:
    names: int = 0
    keys: int = 0
    build_seconds: float = 0.0
    memory_mb: float = 0.0


class Tagger:
    """Aho-Corasick tagger over one gazetteer's names. Use :meth:`for_gazetteer` (cached)."""

    _cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
    _cache_lock = threading.Lock()

    def __init__(self, gazetteer, min_population: int = MIN_POPULATION) -> None:
        import ahocorasick
        t0 = time.perf_counter()
        self.gazetteer = gazetteer
        self.min_population = min_population
        self._lexicon_queries: dict[tuple[str, str], str] = {}  # see lexicon_query
        flags: dict[str, int] = {}
        n = 0
        for name, fl in _names(gazetteer, min_population):
            n += 1
            for k in _keys(name):
                prev = flags.get(k)
                if prev is None:
                    flags[k] = fl
                else:  # an abbreviation only if every name with this key is one
                    flags[k] = (prev | fl) & ~F_ABBREV | (prev & fl & F_ABBREV)
        auto = ahocorasick.Automaton()
        for k, fl in flags.items():
            auto.add_word(k, (len(k), fl))
        auto.make_automaton()
        self.automaton = auto
        st = auto.get_stats()
        self.stats = TaggerStats(names=n, keys=len(flags), build_seconds=time.perf_counter() - t0,
                                 memory_mb=st.get("total_size", 0) / 1e6)

    def lexicon_query(self, surface: str, target: str) -> str:
        """What a lexicon span is resolved as: the demonym itself when the gazetteer holds it as
        a name of the place it stands for ('Russian' -> Russia, so the answer says it matched
        the demonym), else the place's name."""
        cache = self._lexicon_queries
        key = (surface, target)
        if key not in cache:
            gaz = self.gazetteer
            rows = gaz.lookup("exact", normalize(surface))
            held = {gaz.place(int(r)).name for r in gaz.form_place[rows]} if len(rows) else set()
            cache[key] = surface if target in held else target
        return cache[key]

    @classmethod
    def for_gazetteer(cls, gazetteer) -> "Tagger":
        with cls._cache_lock:
            t = cls._cache.get(gazetteer)
            if t is None:
                t = cls(gazetteer)
                cls._cache[gazetteer] = t
            return t

    # ---- raw hits -----------------------------------------------------------------------------
    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, flags) of gazetteer names in ``text``: word-bounded, longest first,
        non-overlapping, in text order. No filtering."""
        folded = " " + fold(text) + " "
        cands = []
        for end_idx, (klen, fl) in self.automaton.iter(folded):
            # key ' name ' ends at end_idx (inclusive) in folded; text coords shift by one
            s = end_idx - klen + 2 - 1
            e = end_idx - 1
            cands.append((s, e, fl))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out, last_end = [], -1
        for s, e, fl in cands:  # leftmost-longest, non-overlapping
            if s >= last_end:
                out.append((s, e, fl))
                last_end = e
        return out
