"""Town names with a river or region after them, as addresses abbreviate them.

Central European towns that share a name carry their river or region: Frankfurt am Main and
Frankfurt (Oder), Freiburg im Breisgau, Rothenburg ob der Tauber, Ústí nad Labem, Alphen aan
den Rijn. Addresses and tables shorten them: 'Frankfurt a.M.', 'Frankfurt/Oder', 'Freiburg i.
Br.', 'Rothenburg o.d.T.', 'Ústí n.L.', 'Alphen a/d Rijn'. :func:`qualified` splits such a
query into its town and a test of the town's full names: the preposition may be any (or none,
'Frankfurt (Oder)'), and a word cut short with a dot stands for any word it begins.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from .normalize import normalize

# prepositions and articles between a town and its river or region, normalized (German, Dutch,
# Czech, Slovak, Polish, French, English)
_PREPOSITIONS = ("am an der dem den des im in ob bei vor unter aan de het op nad pod na u v w sur sous en les "
                 "le la on upon")
_NAME_PREP = "(?: (?:" + "|".join(_PREPOSITIONS.split()) + "))*"
# the prepositions a full name may have between town and river ('Weil a. Rhein': 'Weil am Rhein')
_SPELT_PREPS = ("am", "an der", "an", "im", "in der", "in", "ob der", "vor der", "bei", "nad", "pod", "na", "aan de",
                "aan den", "aan", "sur", "sous", "upon", "on")
# a preposition as the query writes it: a whole word, or cut short ('a.', 'a.d.', 'i. d.', 'n/', 'a/d')
_FULL_PREP = "(?:" + "|".join(sorted(_SPELT_PREPS, key=len, reverse=True)) + ")"
_SHORT_PREP = r"(?:[a-z]{1,2}[./]\s?)+(?:[a-z]{1,2}(?=\s))?"
_QUALIFIED_RE = re.compile(
    r"^(?P<town>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’-]*)*?)"
    r"(?:\s*/\s*|\s*\(\s*|\s+(?:" + _FULL_PREP + r"|" + _SHORT_PREP + r")\s*)"
    r"(?P<qualifier>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)\s*\)?$")
# a shortened river or region after a town in prose: ' a.M.', ' i. Br.', ' o.d.T.' (a full one is
# part of the name the tagger finds: 'Frankfurt am Main', 'Halle/Saale')
SHORTENED_TAIL_RE = re.compile(r"\s+" + _SHORT_PREP + r"\s*(?=[A-ZÄÖÜ])[^\W\d_][\w'’-]*\.?")
_CHUNK_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*|[^\W\d_]+")


class Qualified(NamedTuple):
    town: str  # the town's name as written ('Frankfurt')
    fits: Callable[[str], bool]  # does a name of the town (as written) spell out the query?
    # full names to look up when the town's name alone is none of the place's ('Weil a. Rhein':
    # 'Weil am Rhein', 'Weil an der Rhein'...); () when a word is cut short
    spelt_out: tuple[str, ...]


def _word_pattern(word: str) -> str:
    """A qualifier word as a pattern over a normalized name: 'Oder' is 'oder'; 'M.' any word
    beginning with m; 'OPf.' a word with parts beginning o and pf (Oberpfalz)."""
    cut = word.endswith(".")
    word = word.rstrip(".")
    chunks = _CHUNK_RE.findall(word) if not word.isupper() else [word]
    if not cut:
        return re.escape(normalize(word))
    return r"\w*".join(re.escape(normalize(c)) for c in chunks) + r"\w*"


def qualified(text: str) -> Qualified | None:
    """The town and a test of its names when ``text`` is a town with its river or region after
    it, shortened or otherwise written differently from the gazetteer ('Frankfurt a.M.',
    'Halle/Saale', 'Freiburg i. Br.'); None for any other text."""
    m = _QUALIFIED_RE.match(text.strip())
    if m is None:
        return None
    town, qualifier = m.group("town"), m.group("qualifier")
    words = [w for w in re.split(r"\s+|(?<=\.)(?=\w)", qualifier) if w.strip(".")]
    if not words or not normalize(town):
        return None
    pattern = re.compile(re.escape(normalize(town)) + _NAME_PREP + " " + " ".join(map(_word_pattern, words)))

    def fits(name: str) -> bool:
        return pattern.fullmatch(normalize(name)) is not None

    whole = () if any(w.endswith(".") for w in words) else tuple(
        f"{town} {prep} {' '.join(words)}" for prep in _SPELT_PREPS)
    return Qualified(town, fits, whole)
