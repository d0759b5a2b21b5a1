"""A gazetteer tagger: find place-name mentions in running text.

An Aho-Corasick automaton (pyahocorasick) holds folded gazetteer names (see :func:`_names`), each
padded with one space on both sides. The text is folded the same way, *character by character*
(lowercase, no diacritics, every non-alphanumeric character a space), so positions in the folded
text are positions in the original and the padding spaces make every hit start and end on a word
boundary ("Kyiv's" -> "kyiv s" holds " kyiv "). Hits are taken longest first, non-overlapping.

Then filters drop what is not a place mention in the text:

- a name must start with a capital letter (uppercase for abbreviations such as "DPR");
- common English words that are also place names ("Of", "Bar", "Mobile", "Reading", "Nice",
  "Union"...) count only after a locative word ("in Reading") or before ", <area>"
  ("Mobile, Alabama"); common words opening a sentence are skipped;
- person names: after a title ("President", "Gen.") or a first name ("Vladimir Putin",
  "George Washington"), a first name followed by a capitalized word ("Maria Ivanova",
  "Vladimir Putin"); a word seen as a surname is a person everywhere in the document.

Typo'd and transliterated names not in the automaton ("Krasnarmeysk", "Dimitrov") come from
capitalized words the resolver resolves as historic, transliterated or close fuzzy matches;
each distinct word is resolved once per document (and cached by the resolver).

The automaton is built once per gazetteer and process (a few seconds for the default; see
docs/text.md) and held in memory.
"""
from __future__ import annotations

import re
import threading
import time
import unicodedata
import weakref
from dataclasses import dataclass, field

import numpy as np

from ..matching.candidates import near_a_name
from ..matching.match import Match
from ..matching.phrase import (ALL_PLURAL_AREA_WORDS, LEADING_WORDS, LIST_JOINERS, NATURE_LEAD, NATURE_WORDS,
                               PLURAL_AREA_WORDS, governs_oblique)
from ..matching.phrase import AREA_WORDS as PHRASE_AREA_WORDS
from ..names.inflection import region_towns
from ..names.normalize import normalize
from ..sources.cldr import cyrillic_script_countries
from .person_names import given_names, surnames

# ---- word lists ---------------------------------------------------------------------------------
# English words that are also place names somewhere: a place only with locative context.
STOPLIST = frozenset("""
of bar mobile reading nice bath split van most hope union liberty march may june july august
sunday monday tuesday wednesday thursday friday saturday january february april september october
november december god man home office police university college church school hospital centre center
court house senate congress university state states city county street road avenue park lake river
beach island mountain valley spring springs fall falls rock stone wood woods field fields hill hills
green white black brown gray grey red orange gold silver early late long short little big great
general president chief major mayor governor judge sheriff king queen prince princess lord lady
christian christmas easter independence victory freedom peace justice paradise eden chad
energy power industry commerce enterprise progress concord harmony unity friendship alliance
phoenix eagle buffalo deer bear wolf fox lynx beaver salmon trout
national federal central north south east west northern southern eastern western middle
new old upper lower mount saint santa san camp fort port bay harbor harbour point cape
union plain plains sandy marina summit vista garden gardens grove heights view mission
ada alma ava bonita clara eva flora gloria grace iris ivy joy lily may olive opal rose ruby
cliff dale dean drew glen grant hall holly lane mark ray ross scott
normal mission radio news star sun moon time times post herald tribune journal globe
press media today world fair faith hope truth early record ford obama bush trump
district officer leader bank chamber airport olympic republican democrat anyone instead three
research snow piano vice mega arab hamas nato kbr mart superior western eastern northern
southern centre central north south east west market village town station hotel bridge
temple palace castle tower square plaza mall port harbor college academy institute museum
library theater theatre stadium arena club team council committee ministry agency army navy
marine marines guard forces force service services health care medical general hospital
christian muslim jewish catholic baptist methodist lutheran protestant orthodox islam allah
federal national international global regional local public private royal imperial
sen mrs jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co day act jesus christ cup
best supreme metro gulf ridge blues english
""".split()) | {"white house", "el nino", "la nina", "supreme court", "notre dame"}
# Words that may open a sentence capitalized without naming a place.
COMMON = frozenset("""
a about after again against all also an and another any are as at be because been before being
both but by can could did do does during each even every few for from had has have he her here
his how however i if in into is it its just last later like many me more most much my no nor not
now of off on once one only or other our out over own same she should since so some still such
than that the their them then there these they this those through to too under until up very
was we were what when where which while who why will with would yet you your new old police
officials authorities residents people government according next first second third yesterday
tomorrow today tonight meanwhile despite although though located during amid following
""".split())
TITLES = frozenset("""
president mr mrs ms miss dr prof professor general gen chief minister senator sen rep
representative governor gov mayor judge justice sheriff officer sgt sergeant capt captain lt
lieutenant col colonel maj major commander admiral adm pope king queen prince princess sir lady
lord rev reverend father sister brother saint dame coach secretary chairman director ambassador
premier chancellor prime deputy spokesman spokeswoman spokesperson detective inspector attorney
councilman councilwoman commissioner trooper deputies marshal private corporal patriarch bishop
archbishop cardinal rabbi imam sheikh emir sultan tsar czar
""".split())
FIRST_NAMES = frozenset("""
vladimir valery valeriy maria mariya ivan alexander aleksandr alexei alexey aleksei andrei andrey
sergei sergey dmitry dmitri mikhail nikolai nikolay yuri yury viktor victor oleg igor pavel boris
petro petr pyotr volodymyr oleksandr oleksiy mykola mykhailo yulia yuliya olga olena natalia
natalya tatiana tatyana svetlana irina elena anna ekaterina yekaterina daria darya anastasia
ludmila lyudmila galina vera nadezhda sofia sophia denis denys roman ruslan artem artyom anton
arsen arseniy kirill konstantin leonid evgeny yevgeny gennady grigory georgy maxim maksim ilya
vitaly vitali vitaliy yaroslav bohdan taras stepan vasyl vasily vasili fedor fyodor semyon
john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony donald mark paul steven andrew kenneth joshua kevin brian george edward ronald timothy
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron henry adam douglas
nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian terry
sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan bruce willie gabriel
alan juan logan wayne ralph roy eugene randy vincent russell louis philip bobby johnny bradley
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen brenda pamela nicole
emma samantha katherine christine debra rachel catherine carolyn janet ruth heather virginia
joyce diane julie olivia joan evelyn judith megan cheryl andrea hannah martha jacqueline frances
gloria ann kathryn teresa sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa diana natalie brittany charlotte marie kayla alexis lori
jim sam barry allen martin nelson lee tom tim bob rob ben dan joe ted ken ron don ray jeff
mike steve chris matt nick tony rick greg fred doug phil bud hank jake luke zach levi jesse
barack hillary bill al angela emmanuel recep benjamin bashar xi kim narendra jair justin boris
abraham theodore ulysses woodrow dwight herbert grover rutherford darren desmond mitch
mohammed muhammad ahmed ali hassan hussein omar abdul abu fatima ayesha jose carlos luis miguel
pedro manuel antonio francisco javier pablo diego jorge maria carmen rosa ana juana lucia
pierre jean michel francois jacques hans klaus wolfgang jurgen friedrich giuseppe giovanni marco
luca chen wang li zhang liu yang huang zhao wu zhou
""".split())
# with the census lists: names that make the word after them a surname
GIVEN_NAMES = FIRST_NAMES | given_names()
SURNAMES = surnames()
# words after a state or country name that make it an institution's, not a person's first name
INSTITUTIONS = frozenset("""state department board police university college county city senate
house assembly legislature court highway tech supreme general national""".split())
# role nouns that name a person when written in lowercase before a name ('coach Ripley')
ROLES = frozenset("""coach attorney officer sheriff deputy detective senator governor mayor president
minister commissioner councilman councilwoman trooper spokesman spokeswoman spokesperson chairman
director secretary ambassador inspector sergeant lieutenant captain colonel""".split())
SAID = frozenset("said says told added explained stated wrote noted testified asked replied".split())
AREA_WORDS = frozenset("region oblast raion rayon province district governorate krai republic".split())
# 'Donetsk and Luhansk oblasts': a plural area word makes every name of the list before it an area
_LIST_GAPS = frozenset([",", ", and", "or", "&", *LIST_JOINERS])
LOCATIVE = frozenset("in at near from to into outside across toward towards via around".split())
SETTLEMENT_NOUNS = frozenset("village villages town towns settlement settlements hamlet city".split())
# capitalized words that may stand right before a place name without making it a person's
# surname ('Downtown Atlanta', 'Greater Manchester', 'Occupied Horlivka')
QUALIFIERS = frozenset("""downtown greater metro metropolitan suburban rural urban historic old new
upper lower inner outer central coastal occupied liberated northeast northwest southeast southwest
northeastern northwestern southeastern southwestern mid little great east west north south eastern
western northern southern beyond outside inside across near
""".split())
# a capitalized word right after a name that makes the name part of a street or a firm ('Clark
# Drive', 'Turner Construction'). Schools, agencies and airlines stay: news corpora tag the place in
# 'Huntsville High School' and 'Ohio Department of Transportation'.
FACILITY_WORDS = frozenset("street road drive avenue ave boulevard blvd lane parkway pike construction"
                           .split())

_WORD_RE = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)
_TAG_RE = re.compile(r"<[^<>]{0,1000}>|&[a-zA-Z]{2,8};|&#\d{1,6};")
_SENT_END = set(".!?\n\r")
_QUOTES = set("\"'“”‘’«»([")

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


def strip_markup(text: str) -> str:
    """HTML tags and entities replaced by spaces of the same length (offsets are kept)."""
    if "<" not in text and "&" not in text:
        return text
    return _TAG_RE.sub(lambda m: " " * len(m.group(0)), text)


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


# ---- words that name a place without being its name ----------------------------------------------
# Country adjectives and demonyms (news gold data counts them as mentions of the country).
_DEMONYM_TABLE = """
Afghan:Afghanistan Albanian:Albania Algerian:Algeria American:United_States Americans:United_States
Argentine:Argentina Argentinian:Argentina Armenian:Armenia Australian:Australia Austrian:Austria
Azerbaijani:Azerbaijan Bangladeshi:Bangladesh Belarusian:Belarus Belgian:Belgium Bolivian:Bolivia
Bosnian:Bosnia_and_Herzegovina Brazilian:Brazil British:United_Kingdom Bulgarian:Bulgaria
Burmese:Myanmar Cambodian:Cambodia Cameroonian:Cameroon Canadian:Canada Chadian:Chad Chilean:Chile
Chinese:China Colombian:Colombia Congolese:Democratic_Republic_of_the_Congo Croatian:Croatia
Cuban:Cuba Cypriot:Cyprus Czech:Czechia Danish:Denmark Dutch:Netherlands Ecuadorian:Ecuador
Egyptian:Egypt Emirati:United_Arab_Emirates Eritrean:Eritrea Estonian:Estonia
Ethiopian:Ethiopia European:Europe Filipino:Philippines Finnish:Finland French:France
Georgian:Georgia German:Germany Ghanaian:Ghana Greek:Greece Guatemalan:Guatemala Haitian:Haiti
Honduran:Honduras Hungarian:Hungary Icelandic:Iceland Indian:India Indonesian:Indonesia
Iranian:Iran Iraqi:Iraq Irish:Ireland Israeli:Israel Israelis:Israel Italian:Italy Jamaican:Jamaica
Japanese:Japan Jordanian:Jordan Kazakh:Kazakhstan Kenyan:Kenya Korean:South_Korea Kosovar:Kosovo
Kurdish:Kurdistan Kuwaiti:Kuwait Kyrgyz:Kyrgyzstan Latvian:Latvia Lebanese:Lebanon Liberian:Liberia
Libyan:Libya Lithuanian:Lithuania Macedonian:North_Macedonia Malaysian:Malaysia Malian:Mali
Mexican:Mexico Mexicans:Mexico Moldovan:Moldova Mongolian:Mongolia Moroccan:Morocco
Mozambican:Mozambique Nepalese:Nepal Nepali:Nepal Nicaraguan:Nicaragua Nigerian:Nigeria
Nigerien:Niger Norwegian:Norway Pakistani:Pakistan Palestinian:Palestine Palestinians:Palestine
Panamanian:Panama Paraguayan:Paraguay Peruvian:Peru Polish:Poland Portuguese:Portugal Qatari:Qatar
Romanian:Romania Russian:Russia Russians:Russia Rwandan:Rwanda Saudi:Saudi_Arabia Scottish:Scotland
Senegalese:Senegal Serbian:Serbia Singaporean:Singapore Slovak:Slovakia Slovenian:Slovenia
Somali:Somalia Somalian:Somalia Spanish:Spain Sri_Lankan:Sri_Lanka Sudanese:Sudan Swedish:Sweden
Swiss:Switzerland Syrian:Syria Syrians:Syria Taiwanese:Taiwan Tajik:Tajikistan Tanzanian:Tanzania
Thai:Thailand Tunisian:Tunisia Turkish:Turkey Turkmen:Turkmenistan Ugandan:Uganda Ukrainian:Ukraine
Ukrainians:Ukraine Uruguayan:Uruguay Uzbek:Uzbekistan Venezuelan:Venezuela Vietnamese:Vietnam
Welsh:Wales Yemeni:Yemen Zambian:Zambia Zimbabwean:Zimbabwe Texan:Texas Californian:California
Floridian:Florida African:Africa Asian:Asia Caribbean:Caribbean
"""
DEMONYMS = dict(x.replace("_", " ").split(":", 1) for x in _DEMONYM_TABLE.split())
# Abbreviations, case-sensitive. Those after '*' only after a comma ('Charleston, W.Va.').
ABBREVIATIONS = {
    "U.S.": "United States", "U.S.A.": "United States", "USA": "United States", "US": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "UAE": "United Arab Emirates",
    "D.C.": "Washington, D.C.", "L.A.": "Los Angeles", "N.Y.C.": "New York City", "NYC": "New York City",
    "EU": "Europe", "DPR": "Donetsk People's Republic", "DNR": "Donetsk People's Republic",
    "LPR": "Luhansk People's Republic", "LNR": "Luhansk People's Republic",
}
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia, US", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York State", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington State",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_LEX = {**{k: (v, False) for k, v in DEMONYMS.items()}, **{k: (v, False) for k, v in ABBREVIATIONS.items()},
        **{k: (v, True) for k, v in STATE_ABBREVIATIONS.items()}}
_LEX_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(_LEX, key=len, reverse=True))
                     + r")(?![\w])")


def _lexicon_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, query) of demonyms and abbreviations."""
    out = []
    for m in _LEX_RE.finditer(text):
        surface = m.group(1)
        query, after_comma = _LEX[surface]
        s, e = m.span(1)
        if after_comma and surface.count(".") == 1 and text[max(0, s - 2):s] != ", ":
            continue  # 'Mobile, Ala.', but not 'Ill.' or 'Mass.' anywhere; 'S.C.' is never a word
        out.append((s, e, query))
    return out


# ---- tagging with filters ------------------------------------------------------------------------
@dataclass
class TagSpan:
    start: int
    end: int
    text: str
    source: str = "name"  # 'name' (automaton) or 'token' (proposed word resolved by the matcher)
    flags: int = 0
    area_word: bool = False  # 'Donetsk region': the span includes the area word
    match: object = None  # the resolver's Match for proposed tokens
    query: str | None = None  # what to resolve when it is not the text ('Russian' -> 'Russia')


@dataclass
class _Words:
    spans: list[tuple[int, int]] = field(default_factory=list)
    by_start: dict[int, int] = field(default_factory=dict)
    by_end: dict[int, int] = field(default_factory=dict)


def _words(text: str) -> _Words:
    w = _Words()
    for i, m in enumerate(_WORD_RE.finditer(text)):
        s, e = m.span()
        # a trailing possessive or apostrophe is not part of the word
        while e > s and text[e - 1] in "'’-":
            e -= 1
        if text[s:e].endswith(("'s", "’s")) and e - s > 3:
            e -= 2
        w.spans.append((s, e))
        w.by_start[s] = i
        w.by_end[e] = i
    return w


def _word_index_at(words: _Words, pos: int) -> int | None:
    return words.by_start.get(pos)


_OPEN_QUOTES = "‘“\"'«„"
_CLOSE_QUOTES = "’”\"'»“"


def _quoted(text: str, start: int, end: int) -> bool:
    """A word in quotes on its own ("broadcast by ‘Gazeta,’"): a title or an outlet, which a
    misspelt place name is not."""
    return start > 0 and text[start - 1] in _OPEN_QUOTES and any(
        c in _CLOSE_QUOTES for c in text[end:end + 2])


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _QUOTES):
        i -= 1
    return i < 0 or text[i] in _SENT_END


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


class _Doc:
    """Per-document helpers for the filters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _words(text)
        self._lower = None

    @property
    def lower_words(self) -> set[str]:
        """Words written in lowercase somewhere in the document."""
        if self._lower is None:
            t = self.text
            self._lower = {t[s:e] for s, e in self.words.spans if t[s].islower()}
        return self._lower

    def title_case(self, pos: int) -> bool:
        """Whether the line around ``pos`` is a headline in title case (most longer words
        capitalized: 'Freemason Bogdanov Joins Sochi Mayor Race')."""
        t = self.text
        start = t.rfind("\n", 0, pos) + 1
        cache = self.__dict__.setdefault("_title", {})
        hit = cache.get(start)
        if hit is None:
            end = t.find("\n", pos)
            line = t[start:end if end >= 0 else len(t)]
            words = [w for w in _WORD_RE.findall(line[:400]) if len(w) > 3]
            hit = cache[start] = len(words) >= 3 and sum(_is_cap(w) for w in words) >= 0.8 * len(words)
        return hit

    def word(self, i: int) -> str:
        s, e = self.words.spans[i]
        return self.text[s:e]

    def prev_word(self, start: int, adjacent: bool = True) -> tuple[int, str] | None:
        """The word before ``start`` (only one space between them when ``adjacent``)."""
        j = start - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        if j < 0:
            return None
        if adjacent and start - 1 - j > 1:
            return None
        k = j + 1
        i = self.words.by_end.get(k)
        if i is None and self.text[j] == ".":  # 'Gen. Smith', 'Mr. Smith'
            i = self.words.by_end.get(j)
        if i is None:
            return None
        return i, self.word(i)

    def next_word(self, end: int, adjacent: bool = True) -> tuple[int, str] | None:
        j = end
        if j < len(self.text) and self.text[j] in "'’" and self.text[j + 1:j + 2] in ("s", "S"):
            return None  # possessive
        while j < len(self.text) and self.text[j] == " ":
            j += 1
        if adjacent and j - end != 1:
            return None
        i = self.words.by_start.get(j)
        if i is None:
            return None
        return i, self.word(i)


def _surnames(doc: _Doc) -> set[str]:
    """Capitalized words that follow a title or a first name: persons in this document."""
    out = set()
    spans = doc.words.spans
    text = doc.text
    for i in range(len(spans) - 1):
        s, e = spans[i]
        w = text[s:e]
        if not _is_cap(w):
            continue
        if i + 2 < len(spans) and e - s == 1 and text[e:e + 2] == ". " and i > 0:
            # 'John Q. Public': the word after a middle initial is a surname
            ps, pe = spans[i - 1]
            s3, e3 = spans[i + 1]
            if _is_cap(text[ps:pe]) and text[pe:s] == " " and _is_cap(text[s3:e3]):
                out.add(text[s3:e3])
        lw = w.lower().rstrip(".")
        s2, e2 = spans[i + 1]
        if text[e:e + 2] == ", " and text[s2:e2].isdigit() and text[e2:e2 + 1] == "," and i > 0:
            ps, pe = spans[i - 1]
            if text[pe:s] == " " and _is_cap(text[ps:pe]):
                out.add(w)  # 'Desmond Demetrius Clark, 22, pleaded guilty'
        if text[e:s2] == " " and text[s2:e2] in SAID and i > 0:
            ps, pe = spans[i - 1]
            if text[pe:s] == " " and _is_cap(text[ps:pe]) and not _sentence_initial(text, s):
                out.add(w)  # 'Sheriff Bill Clark said' / 'Mayor Ripley said'
        if lw in TITLES or lw in GIVEN_NAMES:
            s2, e2 = spans[i + 1]
            gap = text[e:s2]
            if gap not in (" ", ". ") or gap == ". " and len(lw) > 4:
                continue  # 'Gov. Riley', but 'Ministry of Justice. Azerbaijan has' ends a sentence
            w2 = text[s2:e2]
            if _is_cap(w2) and w2.lower() not in TITLES and w2.lower() not in COMMON:
                if lw in TITLES and w2.lower() in GIVEN_NAMES:
                    # 'President Vladimir Putin': the surname is the word after the first name
                    if i + 2 < len(spans):
                        s3, e3 = spans[i + 2]
                        w3 = text[s3:e3]
                        if text[e2:s3] == " " and _is_cap(w3):
                            out.add(w3)
                    continue
                if i + 2 < len(spans) and text[e2:spans[i + 2][0]] == " " and \
                        text[slice(*spans[i + 2])].lower().rstrip(".") in FACILITY_WORDS:
                    continue  # 'Old Alton Edwardsville Road': a road, not a person
                out.add(w2)
    return out


def tag(text: str, tagger: Tagger, resolver=None, propose: bool = True,
        propose_min_confidence: float = 0.5, lexicon: bool = True) -> list[TagSpan]:
    """Place mentions in ``text`` (see the module doc for the rules)."""
    if not text or not text.strip():
        return []
    clean = strip_markup(text)
    doc = _Doc(clean)
    surnames = _surnames(doc)
    hits = tagger.hits(clean)
    if lexicon:
        lex = _lexicon_spans(clean)
        if lex:
            lex_cov = [(a, b) for a, b, _ in lex]
            hits = [h for h in hits if not any(a < h[1] and h[0] < b and (b - a) >= (h[1] - h[0]) for a, b in lex_cov)]
            lex = [x for x in lex if not any(h[0] < x[1] and x[0] < h[1] for h in hits)]
    # ends of names that may stand before another ('Kansas City Missouri', 'Ukrainian Pokrovsk'):
    # areas, big places, demonyms; not a hamlet 'Abraham' before 'Lincoln'
    place_ends = {e for _, e, fl in hits if fl & (F_AREA | F_BIG)}
    if lexicon:
        place_ends |= {b for _, b, _ in lex}
    surnames |= _named_persons(doc, clean, hits, place_ends)
    listed = _listed_areas(doc)  # 'Barrow, Jackson and Madison counties': areas, whoever shares the names
    out: list[TagSpan] = []
    taken = []  # (start, end) of every span considered, kept or dropped as a person
    for s, e, fl in hits:
        surface = clean[s:e]
        taken.append((s, e))
        if (s, e) not in listed and not _keep(doc, s, e, surface, fl, surnames, place_ends=place_ends):
            continue
        span = TagSpan(s, e, surface, "name", fl)
        nxt = doc.next_word(e)
        if nxt is not None and nxt[1].lower() in AREA_WORDS and not (fl & F_AREA and nxt[1].lower() == "republic"):
            ns, ne = doc.words.spans[nxt[0]]
            span.end, span.text, span.area_word = ne, clean[s:ne], True
        elif nxt is not None and nxt[1].lower() in NATURE_WORDS:
            # 'the Kanawha River', 'the Dnipro river': the feature is the mention, and the
            # resolver reads it as one ('Dnipro' alone is the city)
            ns, ne = doc.words.spans[nxt[0]]
            span.end, span.text = ne, clean[s:ne]
        prev = doc.prev_word(s)
        gap = clean[doc.words.spans[prev[0]][1]:s] if prev is not None else ""
        if prev is not None and prev[1] in _NATURE_LEAD_WORDS and (gap == " " or prev[1] == "Mt" and gap == ". "):
            # 'Lake Hartwell', 'Mount Hood', 'Mt. Washington': the lead word belongs to the name
            span.start, span.text = doc.words.spans[prev[0]][0], clean[doc.words.spans[prev[0]][0]:span.end]
        out.append(span)
    for s, e in sorted(listed):  # a listed area no name of the automaton covers ('Barrow')
        if not any(sp.start < e and s < sp.end for sp in out):
            out.append(TagSpan(s, e, clean[s:e], "name", F_PLACE | F_AREA))
            taken.append((s, e))
    out.sort(key=lambda sp: sp.start)
    if lexicon and lex:
        out.extend(TagSpan(a, b, clean[a:b], "lexicon", F_PLACE, query=tagger.lexicon_query(clean[a:b], q))
                   for a, b, q in lex)
        taken.extend((a, b) for a, b, _ in lex)
        out.sort(key=lambda sp: sp.start)
    if propose and resolver is not None:
        out = _propose(doc, out, taken, surnames, resolver, propose_min_confidence)
        for span in out:
            if span.source == "token":
                nxt = doc.next_word(span.end)
                if nxt is not None and nxt[1].lower() in AREA_WORDS:
                    ns, ne = doc.words.spans[nxt[0]]
                    span.end, span.text, span.area_word = ne, clean[span.start:ne], True
    _plural_areas(doc, out, clean)
    return out


def _listed_areas(doc: _Doc) -> set[tuple[int, int]]:
    """(start, end) of the one-word capitalized items of a list a plural area word closes
    ('Barrow, Jackson and Madison counties', 'Donetsk and Luhansk oblasts'): areas, though
    'Jackson' and 'Madison' are first names elsewhere."""
    text, spans = doc.text, doc.words.spans
    out: set[tuple[int, int]] = set()
    for i, (s, e) in enumerate(spans):
        if i == 0 or text[s:e].lower() not in PLURAL_AREA_WORDS or text[spans[i - 1][1]:s] != " ":
            continue
        items, j = [], i - 1
        while j >= 0 and _is_cap(doc.word(j)):
            items.append(spans[j])
            k = j - 1  # the word before the item: a joiner ('and'), or a comma between them
            if k >= 0 and doc.word(k).lower() in _JOINER_WORDS and text[spans[k][1]:spans[j][0]] == " ":
                k -= 1
                if k < 0 or text[spans[k][1]:spans[k + 1][0]].strip() not in ("", ","):
                    break
            elif k < 0 or text[spans[k][1]:spans[j][0]].strip() not in (",", "&"):
                break
            j = k
        if len(items) > 1:
            out.update(items)
    return out


_JOINER_WORDS = frozenset({"or", *LIST_JOINERS})


def _plural_areas(doc: _Doc, spans: list[TagSpan], text: str) -> None:
    """'Donetsk and Luhansk oblasts', 'the Zaporizhzhia, Kherson and Mykolaiv regions', 'Jackson and
    Barrow counties', 'Донецької та Луганської областей': each name is resolved as '<name> oblast'
    (not the cities); the spans stay the names (a Cyrillic pair has the area word already)."""
    added: list[TagSpan] = []
    for i, sp in enumerate(spans):
        words = sp.text.split()
        singular = ALL_PLURAL_AREA_WORDS.get(words[-1].lower()) if len(words) > 1 else None
        if singular is not None:  # 'Луганської областей'
            sp.query, sp.area_word = f"{' '.join(words[:-1])} {singular}", True
        else:
            nxt = doc.next_word(sp.end)
            singular = ALL_PLURAL_AREA_WORDS.get(nxt[1].lower()) if nxt is not None else None
            if singular is None or sp.area_word:
                continue
            # (the plural word names every item: it stays out of the last one's span)
            sp.query, sp.area_word = f"{sp.query or sp.text} {singular}", True
        j = i - 1
        while j >= 0 and not spans[j].area_word and \
                text[spans[j].end:spans[j + 1].start].strip().lower() in _LIST_GAPS:
            spans[j].query = f"{spans[j].query or spans[j].text} {singular}"
            j -= 1
        if j == i - 1 and _CYRILLIC_CAPITAL.match(sp.text):
            item = _cyrillic_list_item(doc, spans[i - 1] if i > 0 else None, sp, singular, text)
            if item is not None:
                added.append(item)
    if added:
        spans.extend(added)
        spans.sort(key=lambda x: x.start)


def _cyrillic_list_item(doc: _Doc, before: TagSpan | None, sp: TagSpan, singular: str,
                        text: str) -> TagSpan | None:
    """'Донецької та Луганської областей': the adjective before the joiner is an area too, though
    alone it is no name the tagger takes (``before``: the span before ``sp``, if any)."""
    joiner = doc.prev_word(sp.start)
    if joiner is None or joiner[1].lower() not in _LIST_GAPS:
        return None
    prev = doc.prev_word(doc.words.spans[joiner[0]][0])
    if prev is None or not _CYRILLIC_CAPITAL.match(prev[1]):
        return None
    s, e = doc.words.spans[prev[0]]
    if before is not None and before.end > s:
        return None
    return TagSpan(s, e, text[s:e], "token", F_PLACE, area_word=True, query=f"{text[s:e]} {singular}")


def _keep(doc: _Doc, s: int, e: int, surface: str, fl: int, surnames: set[str],
          place_ends: set[int] = frozenset()) -> bool:
    text = doc.text
    first = surface[0]
    if first.isalpha() and not first.isupper():
        return False
    if fl & F_ABBREV and not (fl & ~F_ABBREV & ~F_PLACE & ~F_AREA) and not surface.replace(" ", "").replace(".", "").isupper():
        # an abbreviation must be written in capitals ('DPR', not 'Dpr')
        if len(surface) <= 5:
            return False
    if surface.isupper() and len(surface) <= 3 and not (fl & F_ABBREV) and len(surface.split()) == 1:
        # 'ONE', 'THE' in a headline... a capitalized 3-letter name in caps only if an abbreviation
        pass
    low = " ".join(fold(surface).split())
    single = " " not in low or not any(c.isspace() for c in surface)  # one word: "O’Connor" folds to two
    initial = _sentence_initial(text, s)
    if single and initial and (low in COMMON or low in STOPLIST) and not (fl & F_AREA and low not in STOPLIST):
        return False
    if single and initial and not fl & F_BIG and not _locative(doc, s, e):
        return False  # 'Instead', 'Anyone' opening a sentence: small places need more than that
    if surface.isupper() and len(surface) <= 5 and not fl & F_ABBREV and not fl & F_AREA:
        return False  # 'KBR', 'APC': an acronym, not the place that has it as an alternate name
    if single and low in doc.lower_words and not _locative(doc, s, e):
        return False  # the document also uses it as a common word ('bank', 'officer')
    if single and surface in surnames:
        return False
    prev = doc.prev_word(s)
    nxt = doc.next_word(e)
    if prev is not None:
        pw = prev[1].lower().rstrip(".")
        gap = text[doc.words.spans[prev[0]][1]:s]
        spaced = gap == " "
        dotted = gap == ". " and len(pw) <= 4  # 'Gov. Riley'; not 'Ministry of Justice. Azerbaijan'
        if _is_cap(prev[1]) and (spaced and (pw in TITLES or pw in GIVEN_NAMES)
                                 or dotted and (pw in TITLES or single and pw in ("st", "ste"))):
            return False  # 'Gov. Riley', 'Vladimir Putin', 'St. Patrick' (not a place 'St. Patrick')
        if single and spaced and (pw in ROLES or pw in ("said", "says") and nxt is None and not fl & F_AREA):
            return False  # 'coach Ripley', 'said Noma.' (not 'said Fargo City Commissioner')
    if single and nxt is not None and _is_cap(nxt[1]):
        nw = nxt[1].lower()
        # a census given name that is also a big place or an area needs a surname after it
        # ('Victoria Taylor', but 'Dallas Cowboys', 'the Georgia Bureau of Investigation')
        given = low in FIRST_NAMES or low in GIVEN_NAMES and (
            not fl & (F_BIG | F_AREA) or nw in SURNAMES and nw not in _NEVER)
        if given and nw not in COMMON and nw not in TITLES and not (fl & F_AREA and nw in INSTITUTIONS):
            return False  # 'Vladimir Putin', 'Maria Ivanova'; not 'the Virginia State Board'
    if single and (low in COMMON or low in _NEVER):
        return False
    if not fl & F_AREA and (low in FIRST_NAMES or low in TITLES) and not _locative(doc, s, e):
        return False  # 'Patrick said': a first name standing alone is a person
    if nxt is not None and nxt[1].lower() in SAID and (
            not fl & F_BIG or single and low in SURNAMES and not fl & F_AREA):
        return False  # 'Ripley said'; a common surname even when a big place has it ('Robertson said')
    if single and low in TITLES and nxt is not None and _is_cap(nxt[1]):
        return False  # 'Miss Cordiner', 'Miss America': a title, not 'Miss.' (Mississippi)
    if single and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and s - 1 not in place_ends:
        k = s - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        before = text[k:s - 1]
        if len(before) >= 3 and before[0].isupper() and before[1:].islower():
            return False  # 'Diaz-Balart': the second half of a double surname (not 'D-Charleston')
    if single and low in QUALIFIERS and nxt is not None and (_is_cap(nxt[1]) or nxt[1][0].isdigit()):
        return False  # 'Northwest D.C.', 'North Texas': a direction, the place follows
    if single and low in SURNAMES and _partner(doc, s, e) in SURNAMES:
        return False  # 'Johnson & Johnson', 'McPherson & Jacobsen LLC': a firm of partners
    if single and nxt is not None and _is_cap(nxt[1]) and nxt[1].lower().rstrip(".") in FACILITY_WORDS:
        return False  # 'Clark Drive', 'Turner Construction'
    if single and not fl & F_AREA and _after_a_name(doc, prev, place_ends):
        return False  # 'Gregory Jones', 'Desmond Demetrius Clark', 'Hyles Unseats Turner'
    if not single and low in STOPLIST:
        return False
    if single and low in STOPLIST and not (fl & F_AREA and low not in _STRICT):
        if not _locative(doc, s, e):
            return False
    return True


_PARTNER_RE = re.compile(r" & ([A-Z][\w'’]*)")
_PARTNER_BEFORE_RE = re.compile(r"([A-Z][\w'’]*) & $")


def _partner(doc: _Doc, s: int, e: int) -> str:
    """The name joined to the word at ``s:e`` by '&' ('Johnson & Johnson'), lowercase, or ''."""
    text = doc.text
    after = _PARTNER_RE.match(text, e)
    if after:
        return after.group(1).lower()
    before = _PARTNER_BEFORE_RE.search(text[max(0, s - 40):s])
    return before.group(1).lower() if before else ""


def _named_persons(doc: _Doc, text: str, hits, place_ends: set[int]) -> set[str]:
    """One-word names written as a person's surname somewhere in the document ('coach Darren
    Ripley'), so that the bare surname later ('Ripley said') is not a place either. A big place
    counts only after a known first name ('Gregory Jackson'), not after any capitalized word."""
    out = set()
    for s, e, fl in hits:
        surface = text[s:e]
        if fl & F_AREA or " " in surface or surface in out:
            continue
        prev = doc.prev_word(s)
        if not _after_a_name(doc, prev, place_ends):
            continue
        if not fl & F_BIG or prev[1].lower() in GIVEN_NAMES:
            out.add(surface)
    return out


def _after_a_name(doc: _Doc, prev: tuple[int, str] | None, place_ends: set[int]) -> bool:
    """Whether the word right before a one-word name makes it a surname: a capitalized word that
    leaves it no place (see ``_person_free``)."""
    return prev is not None and _is_cap(prev[1]) and not _person_free(doc, prev, place_ends)


def _person_free(doc: _Doc, prev: tuple[int, str], place_ends: set[int]) -> bool:
    """Whether a capitalized word right before a one-word name leaves it a place: a qualifier
    ('Downtown'), a common or stoplisted word ('In', 'Local'), a sentence opener that is not a
    first name, another place or demonym ('Ukrainian'), or capitals ('VIENNA')."""
    i, w = prev
    low = w.lower().rstrip(".")
    if low in QUALIFIERS or low in COMMON or low in STOPLIST or low in LOCATIVE or w.isupper():
        return True
    ps, pe = doc.words.spans[i]
    if pe in place_ends or doc.text[pe:pe + 1] != " " or doc.title_case(ps):
        return True  # another place, a sentence or dateline break ('Rappler. MANILA'), a headline
    return _sentence_initial(doc.text, ps) and low not in GIVEN_NAMES


# stoplisted words that stay common words even when some country/area has the name
_STRICT = STOPLIST


_NEVER = frozenset("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday""".split())


def _locative(doc: _Doc, s: int, e: int) -> bool:
    """'in Reading', 'near Bath', 'Mobile, Ala.': the text says it is a place."""
    prev = doc.prev_word(s)
    if prev is not None and prev[1].lower() in LOCATIVE:
        return True
    if prev is not None and prev[1].lower() == "of":  # 'the village of Klishchiivka'
        noun = doc.prev_word(doc.words.spans[prev[0]][0])
        if noun is not None and noun[1].lower() in SETTLEMENT_NOUNS:
            return True
    t = doc.text
    if t[e:e + 2] == ", ":
        nxt = doc.next_word(e + 1, adjacent=True)
        if nxt is not None and _is_cap(nxt[1]):
            return True
    return False


_PROPOSE_KINDS = ("historic", "transliteration", "fuzzy", "alias", "exact")
INFLECTED_MIN_CONFIDENCE = 0.5
FUZZY_MIN_POPULATION = 10_000
VILLAGE_MIN_CONFIDENCE = 0.15  # a name as written after 'near', 'in', 'village of' (see _propose)
_TYPO_COUNTRIES = cyrillic_script_countries()
_NO_NAME = Match(query="", reason="no name within one slip")
_CYRILLIC_CAPITAL = re.compile(r"[\u0400-\u042f]")
_CYRILLIC_AREA_WORDS = frozenset(w for w in PHRASE_AREA_WORDS if _CYRILLIC_CAPITAL.match(w.upper()))
_LETTERS = re.compile(r"[-'’ʼ]")


_NATURE_LEAD_WORDS = frozenset(w.capitalize() for w in NATURE_LEAD)


def _area_adjective(word: str, nxt: tuple[int, str] | None) -> bool:
    """Is ``word`` a capitalized Cyrillic adjective whose next word (``nxt``) is an area word
    ('Дніпропетровської області', 'Волноваського району')?"""
    return nxt is not None and bool(_CYRILLIC_CAPITAL.match(word)) and nxt[1].lower() in _CYRILLIC_AREA_WORDS


def _cyrillic_pair(doc: _Doc, start: int, nxt: tuple[int, str], resolver, cache: dict):
    """(end, match) when the Cyrillic word at ``start`` and the word after it name one place in
    an oblique case: two capitalized words ('Новій Каховці') or an area adjective and its area
    word ('Харківській області'); None otherwise."""
    area = nxt[1].lower() in _CYRILLIC_AREA_WORDS
    if not _CYRILLIC_CAPITAL.match(doc.text, start) or not (area or (
            _CYRILLIC_CAPITAL.match(nxt[1]) and nxt[1][1:].islower() and nxt[1].isalpha())):
        return None
    end = doc.words.spans[nxt[0]][1]
    phrase = doc.text[start:end]
    m = cache.get(phrase)
    if m is None:
        m = cache[phrase] = resolver.resolve(phrase)
    if not m.ok or m.confidence < INFLECTED_MIN_CONFIDENCE:
        return None
    if area and m.feature in ("admin1", "admin2") and m.match_kind in ("exact", "alias", "transliteration"):
        return end, m
    if not area and m.inflected and len(m.matched_name.split()) > 1:
        return end, m
    return None


def _village_pair(doc: _Doc, sp: TagSpan, resolver, cache: dict) -> TagSpan | None:
    """'the village of Bila Kamianka', 'near Nova Marivka': a name of one word the automaton found
    ('Bila', a village elsewhere) and the capitalized word after it, where the text says a place
    is named, are one name when a village of a Cyrillic-script country has it as written; the
    span of the two words, or None."""
    if sp.source != "name" or " " in sp.text or sp.flags & (F_AREA | F_ABBREV) or not _locative(doc, sp.start, sp.end):
        return None
    nxt = doc.next_word(sp.end, adjacent=True)
    if nxt is None or not _is_cap(nxt[1]) or not nxt[1][1:].islower() or nxt[1].lower() in COMMON:
        return None
    end = doc.words.spans[nxt[0]][1]
    pair = doc.text[sp.start:end]
    m = cache.get(pair)
    if m is None:
        m = cache[pair] = resolver.resolve(pair)
    if not m.ok or m.match_kind not in ("exact", "transliteration") or m.country_code not in _TYPO_COUNTRIES \
            or m.confidence < VILLAGE_MIN_CONFIDENCE \
            or normalize(m.matched_name.split(" (from ")[0]) != normalize(pair):
        return None
    return TagSpan(sp.start, end, pair, "token", F_PLACE, match=m)


def _propose(doc: _Doc, spans: list[TagSpan], taken: list[tuple[int, int]], surnames: set[str],
             resolver, min_conf: float) -> list[TagSpan]:
    """Capitalized words outside every hit that the matcher resolves as a historic name, a
    transliteration or a close misspelling of a place ('Krasnarmeysk', 'Dimitrov')."""
    from rapidfuzz.distance import Levenshtein
    text = doc.text
    cache: dict[str, object] = {}
    spans = [_village_pair(doc, sp, resolver, cache) or sp for sp in spans]
    covered = sorted(taken + [(sp.start, sp.end) for sp in spans])
    starts = [c[0] for c in covered]
    import bisect
    gaz = getattr(resolver, "gazetteer", None)
    extra = []
    for i, (s, e) in enumerate(doc.words.spans):
        w = text[s:e]
        if len(w) < 5 or not w[0].isupper() or not w[1:].islower() or not (
                _LETTERS.sub("", w) if _CYRILLIC_CAPITAL.match(w) else w.replace("-", "")).isalpha():
            continue  # ('Куп'янська' is a word, 'We're' is not)
        j = bisect.bisect_right(starts, s) - 1
        if j >= 0 and covered[j][1] > s:
            continue
        lw = w.lower()
        if lw in COMMON or lw in STOPLIST or lw in TITLES or lw in GIVEN_NAMES or w in surnames \
                or lw in doc.lower_words:
            continue  # ... or the document writes it as a common word ('Children might', 'children')
        prev = doc.prev_word(s)
        nxt = doc.next_word(e)
        # a Cyrillic area adjective before its area word ('Марганець Дніпропетровської області')
        # starts a part of its own: it and the name before it are no run of capitalized words
        area_here = _area_adjective(w, nxt)
        if prev is not None and _is_cap(prev[1]) and not _sentence_initial(text, doc.words.spans[prev[0]][0]) \
                and not area_here:
            continue  # inside a run of capitalized words: a name of something else
        if prev is not None and prev[1].lower().rstrip(".") in TITLES:
            continue
        capitalized_next = nxt is not None and _is_cap(nxt[1]) and nxt[1].lower() not in COMMON and \
            not _area_adjective(nxt[1], doc.next_word(doc.words.spans[nxt[0]][1]))
        if capitalized_next or (nxt is not None and nxt[1].lower() in _CYRILLIC_AREA_WORDS):
            # a name of two words in an oblique case ('у Новій Каховці') or an area named so
            # ('у Харківській області', 'Волноваського району')
            pair = _cyrillic_pair(doc, s, nxt, resolver, cache)
            if pair is not None:
                extra.append(TagSpan(s, pair[0], text[s:pair[0]], "token", F_PLACE, match=pair[1]))
                continue
            if capitalized_next:  # inside a run of capitalized words: a name of something else
                continue
            if _CYRILLIC_CAPITAL.match(w):  # 'в Киевском районе': a district the gazetteer does
                continue  # not hold (a city's), not the town 'Киевский' near Moscow
        if w.endswith(("ian", "ians", "ese", "ish")):  # demonyms and adjectives
            continue
        # after a preposition that governs an oblique case the word is read with it ('около
        # Марьинки' is Marinka's genitive, though 'Марьинки' is also a village's name)
        # (not after a conjunction: 'и Ясиноватую' is read as 'Ясиноватую')
        q = f"{prev[1]} {w}" if prev is not None and _CYRILLIC_CAPITAL.match(w) and governs_oblique(prev[1]) \
            and prev[1].lower() in LEADING_WORDS else w
        m = cache.get(q)
        if m is None:
            # a word no name lies within one slip of is proposed by no rule below: no need to
            # resolve it (the typo search that fills the top ten is the dear part of a resolve)
            m = cache[q] = resolver.resolve(q) if gaz is None or near_a_name(gaz, w) or region_towns(w) \
                else _NO_NAME  # ('Бєлгородщині' is no name but names a region)
        if not m.ok or m.match_kind not in _PROPOSE_KINDS:
            continue
        matched = (m.matched_name.split(" (from ")[0])
        if m.inflected:
            # 'під Покровськом': a Cyrillic name the gazetteer holds in the nominative
            if m.confidence < INFLECTED_MIN_CONFIDENCE or _sentence_initial(text, s) or (
                    m.feature == "populated place" and m.population < 1000):
                continue
        elif m.match_kind == "fuzzy":
            a, b = normalize(w), normalize(matched)
            # a slip of a town people write about: 'Highway' is no slip of Highways (4,882 people)
            if len(a) < 6 or _sentence_initial(text, s) or Levenshtein.distance(a, b) > 1 \
                    or m.population < FUZZY_MIN_POPULATION and m.feature == "populated place" or _quoted(text, s, e) \
                    or m.country_code not in _TYPO_COUNTRIES:
                continue
        elif m.match_kind in ("exact", "transliteration") and m.country_code in _TYPO_COUNTRIES and \
                not _sentence_initial(text, s) and _locative(doc, s, e) and normalize(matched) == normalize(w):
            # 'near Robotyne', 'the village of Klishchiivka': the text says it is a place, and a
            # village of a Cyrillic-script country is named as written (its romanization); the
            # document's other places settle which namesake
            if m.confidence < VILLAGE_MIN_CONFIDENCE:
                continue
        elif m.match_kind in ("exact", "alias"):
            # calibrated confidence tops out near 0.82: 0.75 means 'clearly this place'; after a
            # preposition a Cyrillic name is a place more surely ('в Донецке')
            least = INFLECTED_MIN_CONFIDENCE if q != w else 0.75
            if m.confidence < least or (m.feature == "populated place" and m.population < 1000):
                continue
        elif m.match_kind == "transliteration" and _CYRILLIC_CAPITAL.match(w):
            # a Cyrillic word whose romanization is a name ('Куп'янська' -> Kupyansk)
            if m.confidence < INFLECTED_MIN_CONFIDENCE or _sentence_initial(text, s):
                continue
        elif m.match_kind == "transliteration":
            # a spelling one edit from a romanized name: ambiguity is settled jointly later
            if m.confidence < min(min_conf, 0.3) or Levenshtein.distance(normalize(w), normalize(matched)) > 1:
                continue
        elif m.match_kind == "historic":
            if m.confidence < 0.3:
                continue
        extra.append(TagSpan(s, e, w, "token", F_PLACE, match=m, query=q if q != w else None))
    if not extra:
        return spans
    return sorted(spans + extra, key=lambda sp: sp.start)
