"""Other spellings of an Arabic place name's romanization that no letter-level fold reaches.

English news and event data write the Arabic article 'al-' whatever follows it ('al-Raqqa',
'al-Shaddadi', 'Jisr al-Shughur'); GeoNames writes it as it is said, assimilated before the
"sun letters" ('Ar Raqqah', 'Ash Shaddādah', 'Jisr ash Shughūr'), Egyptian and Sudanese names
often 'El'; and many writers drop it ('Nabk' for An Nabk). The feminine ending ة is '-a', '-ah'
or, in Levantine spellings, '-eh' ('Hama' for Ḩamāh, 'Salamieh' for As Salamīyah).
:func:`arabic_forms` proposes those spellings of a Latin query; the caller looks them up as
folded keys and keeps the places of countries where Arabic is an official language
(``sources.cldr.arabic_countries``), so 'Sala' never reaches a 'Salah' elsewhere.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

# the letters the article assimilates to, as romanized (two-letter ones first)
_SUN = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n", "l")
_VOWELS = frozenset("aeiouy")
_BROAD_VOWELS = frozenset("aeou")
MAX_FORMS = 24  # a query with several articles and an ending: the first spellings only
# a word of a name after an Arabic article joined to it: 'al-Numan', 'ash-Shughur', 'ez-Zor'
_ARTICLE = r"(?:[ae][lnrtsdz]|[ae]sh|ul|ud)"  # the article as romanized: al, el, ar, ash, ul ...
ARTICLE_RE = re.compile(_ARTICLE + "$")  # the article written apart ('Jabal al Zawiya')
ARTICLE_WORD_RE = re.compile(_ARTICLE + r"-[^\W\d_][^\W\d_'’‘-]*$")


def _sun(word: str) -> str:
    """The sun letter ``word`` begins with ('' for a moon letter)."""
    return next((s for s in _SUN if word.startswith(s) and len(word) > len(s)), "")


def _is_article(word: str, following: str) -> bool:
    """'al' or 'el' before a word, or an assimilated article before its letter ('ar Raqqa',
    'ash-Shaddadi', 'es-Salt'): 'as' is one before 'Safira', a word of its own before 'Tall'."""
    if word in ("al", "el"):
        return True
    sun = _sun(following)
    return bool(sun) and word in ("a" + sun, "e" + sun)


def _articles(following: str, leading: bool) -> list[str]:
    """The spellings of an article before ``following`` ('' dropped, at the start only)."""
    sun = _sun(following)
    out = ["al", "el"] + (["a" + sun] if sun else [])
    return out + [""] if leading else out


def _endings(word: str) -> list[str]:
    """The spellings of a last word's feminine ending: -eh as -ah or -a, -ah as -a, -a as -ah."""
    if len(word) >= 5 and word.endswith("eh") and word[-3] not in _BROAD_VOWELS:  # ('-ieh': -iyah)
        return [word, word[:-2] + "ah", word[:-2] + "a"]
    if len(word) >= 5 and word.endswith("ah") and word[-3] not in _BROAD_VOWELS:
        return [word, word[:-1]]
    if len(word) >= 3 and word.endswith("a") and word[-2] not in _VOWELS:
        return [word, word + "h"]
    return [word]


@lru_cache(maxsize=65536)
def arabic_forms(text: str, add_article: bool = False) -> tuple[str, ...]:
    """Other spellings of ``text`` (lower-case ASCII, single-spaced: ``to_ascii(normalize(...))``)
    as an Arabic name may be romanized: each article as 'al', 'el' or assimilated, one leading
    article also dropped, the last word's feminine ending otherwise (-eh, -ah, -a); ``add_article``: a
    name written without its article may have one (GeoNames' 'Al Mayādīn' for 'Mayadin').
    Empty when nothing in ``text`` has another spelling."""
    words = text.split()
    if not words or not text.isascii():
        return ()
    options: list[list[str]] = []
    has_article = False
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following and _is_article(word, following):
            has_article = True
            options.append(_articles(following, leading=i == 0))
        elif i == len(words) - 1:
            options.append(_endings(word))
        else:
            options.append([word])
    if add_article and not has_article and len(words[0]) >= 3:
        options.insert(0, [""] + _articles(words[0], leading=False))
    forms = (" ".join(w for w in combo if w) for combo in itertools.product(*options))
    return tuple(itertools.islice((f for f in dict.fromkeys(forms) if f != text), MAX_FORMS))
