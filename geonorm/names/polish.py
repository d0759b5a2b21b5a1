"""Nominative forms of place names written in a Polish oblique case.

Polish reports decline the names of towns: 'w Charkowie', 'pod Bachmutem', 'w pobliżu
Awdijiwki', 'w Odessie', 'w Nowej Kachowce', 'w Krzywym Rogu'. The gazetteer holds nominatives
(Charków, Bachmut, Awdijiwka). :func:`nominatives` proposes the nominatives a written form may
come from, by the case endings; as for Ukrainian and Russian (:mod:`.inflection`) they are only
proposals that the caller keeps when the gazetteer holds them as names, and the caller asks only
after a Polish preposition. Letters with diacritics fold away in the lookup keys, so 'Charkowa'
-> 'charkow' finds 'Charków'.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .inflection import ending_rules, phrase_readings

# oblique ending: the nominative endings it may come from ('-': none)
_RULES = """
owie: ów       owi: ów       owa: ów       owem: ów
cie: t         ście: st      dzie: d       rze: r        le: ł         nie: n na     mie: m
bie: b         pie: p        wie: w wa     sie: sa s     ce: ka        dze: ga       sze: cha
u: - e o       iu: - ie      a: - e o      ia: - ie      em: - e       iem: -
y: a -         i: a -        ii: ia        ą: a          ią: ia        ę: a          ach: y i e
ej: a          ym: y         im: i         ego: y i      iego: i
"""
# Charkowie, Charkowa, Charkowem (Charków); Bachmucie; Nowogrodzie; Dnieprze; Łymanie; Odessie; Awdijiwce;
# Doniecku, Zaporożu; Chersoniu, Chersonia, Chersoniem; Odessy, Awdijiwki; Odessą; Sumach (Sumy);
# Nowej (Nowa), Krzywym (Krzywy), Starobielskim, Krzywego Rogu

CASE = "polish"  # a part's case after a Polish preposition (see ``matching.press_words``)
_WORD = re.compile(r"[a-ząćęłńóśźż]+")
_ADJECTIVE_STEM = re.compile(r"(?:s|c|dz)k$")  # 'Pokrowsku' is Pokrowsk's, no neuter 'Pokrowske' (Pokrowskiem)
MIN_STEM = 2  # letters left before the ending (Jarze -> Jar)
MAX_PROPOSALS = 64  # forms proposed for a phrase of several words
_ENDINGS = ending_rules(_RULES)


@lru_cache(maxsize=4096)
def word_nominatives(word: str) -> tuple[str, ...]:
    """The word itself (lower case), then the nominatives it may be an oblique case of."""
    w = word.lower()
    out = [w]
    if not _WORD.fullmatch(w):
        return tuple(out)
    for ending, noms in _ENDINGS:
        stem = w[: len(w) - len(ending)]
        if w.endswith(ending) and len(stem) >= MIN_STEM:
            out.extend(f for nom in noms if (f := stem + nom) not in out
                       and not (nom in ("e", "o") and _ADJECTIVE_STEM.search(stem)))
    return tuple(out)


def nominatives(text: str) -> list[str]:
    """Nominative readings of a Latin phrase read as Polish, each word in any of its readings
    (the phrase as written not included): 'Krzywym Rogu' -> [..., 'krzywy rog', ...]."""
    return phrase_readings(text.strip(), word_nominatives, MAX_PROPOSALS)


# an area's adjective in any case: 'doniecki', 'donieckim', 'charkowskiego', 'zaporoskiej'
ADJECTIVE_RE = re.compile(r"(?P<stem>[a-ząćęłńóśźż]{2,}?)(?P<cons>s|c|dz)k(?:i|iego|iemu|im|iej|ich|imi|a|ą|ie)",
                          re.IGNORECASE)


def adjective_towns(word: str) -> list[str]:
    """The names of the towns a Polish area adjective may be formed from, in the order tried
    (lower case): 'doniecki' -> Donieck, 'charkowskiego' -> Charków, 'ługańskim' -> Ługańsk,
    'odeski' -> Odesa, 'zaporoski' -> Zaporoże, 'bachmucki' -> Bachmut (t and d before -ski are
    c and dz), 'biełgorodzki' -> Biełgorod, 'sumski' -> Sumy, 'połtawski' -> Połtawa, 'winnicki'
    -> Winnica, 'czerkaski' -> Czerkasy. Empty for a word that is no such adjective."""
    m = ADJECTIVE_RE.fullmatch(word.strip())
    if not m:
        return []
    stem, cons = m["stem"].lower(), m["cons"].lower()
    if cons == "c":
        return [stem + "ck", stem + "t", stem + "c", stem + "ca"]
    if cons == "dz":
        return [stem + "d", stem + "dzk", stem + "g"]
    return [stem + "sk", stem, stem + "a", stem + "y", stem + "e", stem + "sa", stem + "ssa", stem + "sy", stem + "że"]
