"""Romanization schemes for Cyrillic names, and a router for other scripts.

Russian schemes come from ``iuliia`` (BGN/PCGN, ISO 9 / GOST 7.79, ICAO passport,
French MVD), Ukrainian from ``uklatn`` (national 2010 system "KMU 55", DSTU 9112),
every other script through ``anyascii``. German and Polish renderings, seen in European press
(Charkiw, Schtschors, Kijów), have no maintained package; they are small letter tables here.

A router picks the schemes by letters: і ї є ґ -> Ukrainian, ы э ё ъ -> Russian, neither -> both.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import iuliia
import uklatn
from anyascii import anyascii

from .normalize import script_of

UK_ONLY = re.compile("[іїєґІЇЄҐ]")
RU_ONLY = re.compile("[ыэёъЫЭЁЪ]")

_RU_SCHEMES = {
    "bgn_pcgn": iuliia.BGN_PCGN,
    "iso9": iuliia.GOST_779,
    "passport": iuliia.ICAO_DOC_9303,
    "french": iuliia.MVD_310_FR,
}
# the schemes that romanize a name as Russian (a Russian name's Latin forms)
RUSSIAN_SCHEMES = frozenset({*_RU_SCHEMES, "german_ru", "polish_ru"})
_UK_SCHEMES = {
    "ua_national_2010": uklatn.KMU_55,
    "dstu_9112": uklatn.DSTU_9112_B,
}

# Letter tables for German and Polish press renderings (Duden / Polish PWN conventions).
_DE_COMMON = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
    "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    "і": "i", "ї": "ji", "є": "je", "ґ": "g",
}
_DE_UK = {"г": "h", "и": "y"}
_PL_COMMON = {
    "а": "a", "б": "b", "в": "w", "г": "h", "д": "d", "е": "e", "ё": "io", "ж": "ż", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "ł", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
    "щ": "szcz", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    "і": "i", "ї": "ji", "є": "je", "ґ": "g",
}
_PL_RU = {"г": "g"}
_PL_UK = {"и": "y", "ів": "iw"}


def _table(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
        else:
            out.append(rep.capitalize() if ch != low and rep else rep)
    return "".join(out)


def _german(text: str, lang: str) -> str:
    table = dict(_DE_COMMON, **_DE_UK) if lang == "uk" else _DE_COMMON
    return _table(text, table)


def _polish(text: str, lang: str) -> str:
    table = dict(_PL_COMMON, **({"и": "y"} if lang == "uk" else _PL_RU))
    out = _table(text, table)
    # Polish writes the Ukrainian/Russian -ов/-ів suffix as -ów/-iw (Charków, Kijów; Lwów)
    return re.sub(r"(?<=[a-zż])ow\b", "ów", out) if lang == "ru" else out


# Ukrainian spelling beside Russian: an apostrophe before a vowel, a soft sign in -ськ/-цьк
_UK_SPELLING = re.compile(r"[іїєґ]|\w['’ʼ]\w|[сц]ьк", re.IGNORECASE)


def spelt_russian(text: str) -> bool:
    """Is the Cyrillic name written as Russian, with none of Ukrainian's letters or spellings
    ('Волчанск', not 'Вовчанськ' or 'Слов'янськ', whose letters Russian shares)?"""
    return not _UK_SPELLING.search(text)


def cyrillic_language(text: str, hint: str = "") -> tuple[str, ...]:
    """Which of ('uk', 'ru') a Cyrillic name is treated as, by letters then by language hint."""
    if UK_ONLY.search(text):
        return ("uk",)
    if RU_ONLY.search(text):
        return ("ru",)
    if hint in ("uk", "ru"):
        return (hint,)
    return ("uk", "ru")


def romanizations(text: str, lang: str = "") -> Iterator[tuple[str, str]]:
    """Yield (scheme, romanized) for a non-Latin name; duplicates are not removed here."""
    script = script_of(text)
    if script == "latin":
        return
    if script != "cyrillic":
        yield "anyascii", anyascii(text)
        return
    for language in cyrillic_language(text, lang):
        if language == "ru":
            for scheme, schema in _RU_SCHEMES.items():
                yield scheme, anyascii(schema.translate(text))
        else:
            for scheme, table in _UK_SCHEMES.items():
                yield scheme, anyascii(uklatn.encode(text, table))
        # (anyascii for letters of the other Cyrillic alphabets the table lacks: Serbian 'ј',
        # Kazakh 'қ' had stayed, 'Somalyјa' being no Latin form)
        yield f"german_{language}", anyascii(_german(text, language))
        yield f"polish_{language}", anyascii(_polish(text, language))


@lru_cache(maxsize=65536)
def romanize_query(text: str) -> tuple[tuple[str, str], ...]:
    """Distinct romanizations of a query (cached), first scheme wins for each output."""
    seen: dict[str, str] = {}
    for scheme, out in romanizations(text):
        seen.setdefault(out, scheme)
    return tuple((scheme, out) for out, scheme in seen.items())


# rewrites of the query rather than romanizations of a name (``QUERY_REWRITES``): the Ukrainian
# form of a Russian-form name, 'sch' read as щ, a Ukrainian name reached by trading front vowels,
# an Arabic name's article or feminine ending spelt another way, a name's first word in English,
# a town's river or region spelt out ('Frankfurt a.M.')
RU_TO_UK, SCH_AS_SHCH, VOWELS_TRADED, ARABIC_FORM, EN_CALQUE = "ru→uk", "sch=щ", "е~і", "al~ar", "en→uk/ru"
CARON_READ = "č=ch"
QUALIFIER_SPELT = "a.M.→am Main"
SCHEME_LABELS = {
    "bgn_pcgn": "BGN/PCGN (Russian)",
    "iso9": "ISO 9 / GOST 7.79 (Russian)",
    "passport": "ICAO passport (Russian)",
    "french": "French MVD (Russian)",
    "ua_national_2010": "Ukrainian national 2010",
    "dstu_9112": "DSTU 9112 (Ukrainian)",
    "german_uk": "German (from Ukrainian)",
    "german_ru": "German (from Russian)",
    "polish_uk": "Polish (from Ukrainian)",
    "polish_ru": "Polish (from Russian)",
    "anyascii": "anyascii (any script)",
    RU_TO_UK: "Ukrainian form of a Russian-form name (-ovka ~ -ivka, Aleksandr- ~ Oleksandr-)",
    SCH_AS_SHCH: "'sch' read as щ (shch), as English news writes it",
    VOWELS_TRADED: "Ukrainian form of a Russian-form name with other front vowels (е ~ і, и ~ і: Peski ~ Pisky)",
    ARABIC_FORM: "Arabic article or ending spelt another way (al-Raqqa ~ Ar Raqqah, Hama ~ Ḩamāh)",
    EN_CALQUE: "the first word translated into English (New ~ Nova, Old ~ Staryi, Red ~ Krasnyi)",
    QUALIFIER_SPELT: "the town's river or region spelt out (a.M. ~ am Main, /Oder ~ (Oder), i. Br. ~ im Breisgau)",
    CARON_READ: "háček letters read as Czech, Slovak or scholarly transliteration writes Cyrillic "
                "(č = ch, š = sh, ž = zh, ch = kh, c = ts)",
}
QUERY_REWRITES = frozenset({RU_TO_UK, SCH_AS_SHCH, VOWELS_TRADED, ARABIC_FORM, EN_CALQUE, QUALIFIER_SPELT, CARON_READ})
REWRITE_LABELS = frozenset(SCHEME_LABELS[k] for k in QUERY_REWRITES)  # as a Match's ``scheme`` says them


# Czech, Slovak, Croatian and the scholarly transliteration write Cyrillic with háček letters
# (Lysyčansk, Šachtarsk, Kosťantynivka, Ščors): č ш ж as č š ž, х as 'ch', ц as 'c', a consonant
# softened before a vowel with a háček ('ťa' is 'тя')
CARON_LETTERS = frozenset("čšžťďňľě")
DIGRAPH_CARONS = frozenset("čšž")  # the letters English spells with two ('ch', 'sh', 'zh')
_CARON_RE = re.compile(r"šč|ch|[čšžcě]|[ťďňľ]")
_CARON_DIGRAPHS = {"šč": "shch", "ch": "kh", "č": "ch", "š": "sh", "ž": "zh", "c": "ts", "ě": "e"}
_SOFTENED = {"ť": "t", "ď": "d", "ň": "n", "ľ": "l"}


def caron_letters(text: str) -> frozenset[str]:
    """The háček letters (č š ž ť ď ň ľ ě) ``text`` writes, in lower case."""
    return CARON_LETTERS.intersection(text.casefold())


def caron_read(text: str) -> str:
    """A Latin spelling with háček letters read as English spelling romanizes Cyrillic:
    'Lysyčansk' -> 'lysychansk', 'Šachtarsk' -> 'shakhtarsk', 'Kosťantynivka' -> 'kostyantynivka',
    'Doněck' -> 'donetsk'; '' when it writes none (in lower case)."""
    if not caron_letters(text):
        return ""
    low = text.casefold()

    def read(m: re.Match) -> str:
        letters = m.group()
        if letters in _CARON_DIGRAPHS:
            return _CARON_DIGRAPHS[letters]
        before_vowel = m.end() < len(low) and low[m.end()] in "aeiouě"
        return _SOFTENED[letters] + ("y" if before_vowel else "")

    return _CARON_RE.sub(read, low)
