"""What a country held before today's borders (``gazetteer/former_extents.csv``), by today's
countries and first-level areas: 'Danzig' with the country hint Germany is Gdańsk, which Germany
held until 1945, not a place outside the hint."""
from __future__ import annotations

import weakref
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from ..model import date_int
from ..sources.curated import curated_rows
from .hints import in_admin1_area


@dataclass(frozen=True)
class Extent:
    """A country or first-level area (``admin1_code`` '' for a whole country) that ``holder`` held
    from ``valid_from`` to ``valid_to`` (yyyymmdd; 0 when not given)."""

    holder: str
    country_code: str
    admin1_code: str
    valid_from: int
    valid_to: int
    note: str

    def holds(self, place, as_of: int | None) -> bool:
        """Did the holder hold ``place`` (on ``as_of``, when given)?"""
        if place.country_code != self.country_code or self.admin1_code and not in_admin1_area(
                self.country_code, self.admin1_code, place):
            return False
        return as_of is None or (not self.valid_from or as_of >= self.valid_from) and (
            not self.valid_to or as_of < self.valid_to)

    def period(self) -> str:
        """'until 1945', 'from 1939 to 1945', 'still' (the years the holder held it)."""
        start, end = self.valid_from // 10000, self.valid_to // 10000
        return f"from {start} to {end}" if start and end else f"until {end}" if end else \
            f"since {start}" if start else "still"


_read: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # gazetteer -> its extents (read once)


def former_extents(gaz: Gazetteer) -> dict[str, tuple[Extent, ...]]:
    """{holder's country code: what it held}, the areas read by their ISO 3166 codes in ``gaz``
    (a code ``gaz`` lacks is left out); read once per gazetteer, which it does not keep alive."""
    extents = _read.get(gaz)
    if extents is None:
        extents = _read.setdefault(gaz, _extents(gaz))
    return extents


def _extents(gaz: Gazetteer) -> dict[str, tuple[Extent, ...]]:
    out: dict[str, list[Extent]] = {}
    for row in curated_rows("former_extents.csv"):
        holder = row.get("country", "").strip().upper()
        for code in row.get("held", "").split():
            for r in gaz.areas_with_code(code):
                p = gaz.place(r)
                out.setdefault(holder, []).append(Extent(
                    holder, p.country_code, p.admin1_code if p.level == "admin1" else "",
                    date_int(row.get("valid_from", "")), date_int(row.get("valid_to", "")), row.get("note", "")))
    return {k: tuple(v) for k, v in out.items()}
