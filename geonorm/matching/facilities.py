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
    "nuclear power plant": r"\bNPP\b|nuclear\s+(?:power\s+)?(?:plant|station)|\b(?:АЭС|АЕС|AES|ZNPP|ЗАЭС|ЗАЕС)\b"
                           r"|атомн\w+\s+(?:электро|електро)станц",
    "hydroelectric plant": r"\bHPP\b|\bHES\b|hydro(?:electric|power)?\s+(?:power\s+)?(?:plant|station)|\bdam\b"
                           r"|\b(?:ГЭС|ГЕС|GES)\b|(?:гидро|гідро)(?:электро|електро)станц|плотин|дамб|гребл",
    "thermal power plant": r"\bTPP\b|thermal\s+power\s+(?:plant|station)|\b(?:ТЭС|ТЕС|ГРЭС|ГРЕС|GRES|TES)\b"
                           r"|тепло(?:электро|електро)станц",
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


def plant_kinds(text: str) -> list[str]:
    """The kinds of power plant ``text`` names ('Kursk NPP': ['nuclear power plant'])."""
    return [kind for kind, rx in _KIND_RES.items() if rx.search(text)]


def host_of(text: str, place_id: int | None) -> Host | None:
    """The town the plant ``text`` names lies at, when the plant is named after ``place_id``
    (the place the phrase was read as) and lies elsewhere; else None."""
    if place_id is None:
        return None
    hosts = facility_hosts()
    return next((h for kind in plant_kinds(text) if (h := hosts.get((place_id, kind))) is not None), None)


_BETWEEN_RE = re.compile(r"(?:['’]s)?[\s-]*")  # ('Zaporizhzhia's nuclear plant', 'Kakhovka-dam')


def host_after(text: str, end: int, place_id: int | None) -> Host | None:
    """The town the plant named by a mention ending at ``end`` of ``text`` and the power plant's
    words after it lies at ('the Zaporizhzhia nuclear power plant': Enerhodar), when the mention
    was read as ``place_id``; else None."""
    if place_id is None:
        return None
    hosts = facility_hosts()
    pos = _BETWEEN_RE.match(text, end).end()
    return next((h for kind, rx in _KIND_RES.items()
                 if rx.match(text, pos) and (h := hosts.get((place_id, kind))) is not None), None)
