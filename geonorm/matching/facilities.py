"""Power plants named after one place and lying at another (curated: ``gazetteer/facilities.csv``).

'Zaporizhzhia NPP' is at Enerhodar, 50 km from Zaporizhzhia; 'Dnipro HPP' is the dam in
Zaporizhzhia, 80 km from Dnipro city; 'Kursk NPP' is at Kurchatov. A phrase read as a place
and a power plant's word answers with the town the plant is at, when the table knows the plant
by the place its name was read as.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..sources.curated import curated_rows

# the words of each kind of plant in a phrase, in English, Russian and Ukrainian (and romanized)
_KIND_WORDS = {
    "nuclear power plant": r"\bNPP\b|(?:nuclear|atomic)\s+(?:power\s+)?(?:plant|station)"
                           r"|\b(?:АЭС|АЕС|AES|ZNPP|ЗАЭС|ЗАЕС)\b|атомн\w+\s+(?:электро|електро)?станц\w*",
    "hydroelectric plant": r"\bHPP\b|\bHES\b|hydro(?:electric|power)?\s+(?:power\s+)?(?:plant|station)"
                           r"|\bdam\b(?![ \t]+(?-i:[A-Z]))"  # (not 'Dam Square')
                           r"|\b(?:ГЭС|ГЕС|GES)\b|(?:гидро|гідро)(?:электро|електро)станц\w*|плотин\w*|дамб\w*|гребл\w*",
    "thermal power plant": r"\bTPP\b|thermal\s+power\s+(?:plant|station)|\b(?:ТЭС|ТЕС|ГРЭС|ГРЕС|GRES|TES)\b"
                           r"|тепло(?:электро|електро)станц\w*",
}
_KIND_RES = {kind: re.compile(words, re.IGNORECASE) for kind, words in _KIND_WORDS.items()}


class Host(NamedTuple):
    place_id: int  # the town the plant is at
    facility: str  # its name ('Zaporizhzhia Nuclear Power Plant')
    note: str


@lru_cache(maxsize=1)
def facility_hosts() -> dict[tuple[int, str], Host]:
    """{(id of the place a plant is named after, kind): the town it is at}."""
    out: dict[tuple[int, str], Host] = {}
    for row in curated_rows("facilities.csv"):
        try:
            host = Host(int(row["host_id"]), row["facility"], row.get("note", ""))
            for named in row["named_after_ids"].split():
                out[(int(named), row["kind"])] = host
        except (KeyError, ValueError):
            continue
    return out


@lru_cache(maxsize=1)
def named_after_ids() -> frozenset[int]:
    """The ids of the places plants are named after (most answers are none of them)."""
    return frozenset(named for named, _ in facility_hosts())


def named_for(host: Host) -> frozenset[int]:
    """The ids of the places the plant ``host`` stands for is named after (Zaporizhzhia city and
    oblast for the Zaporizhzhia plant)."""
    return frozenset(named for (named, _), h in facility_hosts().items() if h == host)


def plant_kind(words: str) -> str | None:
    """The kind of power plant ``words`` name as a whole ('АЭС', 'nuclear power plant', 'ГЭС'), or None."""
    return next((kind for kind, rx in _KIND_RES.items() if rx.fullmatch(words.strip())), None)


def named_after_kind(kind: str | None) -> frozenset[int]:
    """The ids of the places a plant of ``kind`` is named after (none for None)."""
    return frozenset(named for named, k in facility_hosts() if k == kind) if kind else frozenset()


def host_of(text: str, place_id: int | None, head: str) -> Host | None:
    """The town the plant a phrase names lies at, when the plant's words follow the place name
    ``head`` ('Zaporizhzhia NPP', 'Каховской ГЭС' for the head 'Каховская') read as ``place_id``
    and the plant lies elsewhere; else None ('Kursk city, not the NPP' names the city)."""
    if place_id is None or not head.strip() or place_id not in named_after_ids():
        return None
    # each word of the name as written, or inflected ('Каховской' for 'Каховская')
    stems = [re.escape(w[:max(3, len(w) - 3)]) + r"\w*" for w in head.split()]
    written = re.compile(r"(?<!\w)" + r"[\s-]+".join(stems), re.IGNORECASE)
    return next((h for m in written.finditer(text) if (h := host_after(text, m.end(), place_id)) is not None), None)


# between the name and the plant's words: spaces or one hyphen, after a possessive ('Zaporizhzhia's
# nuclear plant', 'Kakhovka-dam'); not a line break or a spaced dash ('Kursk\nNPP staff', 'Kursk - NPP')
_BETWEEN_RE = re.compile(r"(?:['’]s)?(?:[ \t\u00a0]+|-)")


def host_after(text: str, end: int, place_id: int | None) -> Host | None:
    """The town the plant named by a mention ending at ``end`` of ``text`` and the power plant's
    words after it lies at ('the Zaporizhzhia nuclear power plant': Enerhodar), when the mention
    was read as ``place_id``; else None."""
    if place_id not in named_after_ids() or (between := _BETWEEN_RE.match(text, end)) is None:
        return None
    hosts = facility_hosts()
    return next((h for kind, rx in _KIND_RES.items()
                 if rx.match(text, between.end()) and (h := hosts.get((place_id, kind))) is not None), None)


def plant_words_end(text: str, end: int) -> int | None:
    """Where the power plant's words after a mention ending at ``end`` of ``text`` end ('Курской
    АЭС': after 'АЭС'), or None when none follow."""
    if (between := _BETWEEN_RE.match(text, end)) is None:
        return None
    return next((m.end() for rx in _KIND_RES.values() if (m := rx.match(text, between.end()))), None)
