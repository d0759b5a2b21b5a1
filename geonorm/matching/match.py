"""``Match``: the one result type every face returns, serializes and explains."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..names.romanize import REWRITE_LABELS


@dataclass
class Rename:
    """A historic name that matched: what it was, until when, and what the place is called now.
    ``relation``: 'renamed' (the place's own former name), or for a former state 'continued'
    (the Soviet Union by Russia) or 'merged' (East Germany into Germany)."""

    old_name: str
    valid_from: str
    valid_to: str
    current_name: str
    source: str = ""
    relation: str = "renamed"

    def describe(self) -> str:
        until = f"until {self.valid_to}" if self.valid_to else "formerly"
        if self.relation == "continued":
            return f"{self.old_name!r} is a former state ({until}), continued by {self.current_name}"
        if self.relation == "merged":
            return f"{self.old_name!r} is a former state ({until}), merged into {self.current_name}"
        return f"{self.old_name!r} was its name {until}, now {self.current_name}"


@dataclass
class Offset:
    """A distance (and bearing) the phrase gives from the town answered: '13km east of Oleshky'.
    ``lat``, ``lon``: the point that puts the place at (None without a bearing: somewhere on a
    ring of that radius)."""

    km: float
    bearing: float | None  # degrees clockwise from north
    from_name: str
    lat: float | None = None
    lon: float | None = None


@dataclass
class Candidate:
    """A runner-up: place id, name, where it is, and its confidence."""

    id: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    confidence: float
    matched_name: str
    match_kind: str


@dataclass
class Match:
    """The answer for one query.

    ``id`` is None when geonorm abstains (no candidate, or the best is below ``min_confidence``);
    ``alternatives`` still lists what was considered. A resolver caches and shares its answers:
    treat a Match as read-only and derive changed copies with ``dataclasses.replace``.
    """

    query: str
    id: int | None = None
    name: str = ""
    lat: float | None = None
    lon: float | None = None
    country_code: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    feature_class: str = ""
    feature_code: str = ""
    feature: str = ""
    population: int = 0
    confidence: float = 0.0
    matched_name: str = ""
    match_kind: str = "none"  # exact, alias, historic, transliteration, fuzzy, area, coordinates, fallback, none
    name_kind: str = ""  # kind of the matched name (official, alternate, historic..., 'historic, in use again', 'ISO 3166 code')
    scheme: str = ""  # romanization scheme that produced the hit ('' = none)
    inflected: bool = False  # the query names the place in an oblique case ('Бахмуті' for Бахмут)
    rename: Rename | None = None
    hints: list[str] = field(default_factory=list)  # what moved the ranking, in words
    head: str = ""  # the part of the phrase taken as the place name
    other_places: list[str] = field(default_factory=list)  # further place names in the phrase
    alternatives: list[Candidate] = field(default_factory=list)
    reason: str = ""  # why there is no match, when there is none
    point_note: str = ""  # how the point was found when it is not the place's own surveyed point
    offset: Offset | None = None  # the answer is the town a distance in the phrase is measured from

    @property
    def ok(self) -> bool:
        return self.id is not None

    def __bool__(self) -> bool:
        return self.ok

    @property
    def point(self):
        """The match as a shapely Point (lon, lat), or None."""
        if self.lat is None or self.lon is None:
            return None
        from shapely.geometry import Point
        return Point(self.lon, self.lat)

    def places(self) -> list[tuple[str, str, float | None, float | None]]:
        """(country code, first-level area, lat, lon) of the answer (when there is one) and of each
        runner-up: where the place might be. A first-level area is its own area."""
        out = [(self.country_code, self.name if self.feature == "admin1" else self.admin1,
                self.lat, self.lon)] if self.ok else []
        return out + [(a.country_code, a.admin1 or a.name, a.lat, a.lon) for a in self.alternatives]

    @property
    def runner_up(self) -> Candidate | None:
        return self.alternatives[0] if self.alternatives else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["explanation"] = self.explain()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Match:
        """The Match a :meth:`to_dict` gave (its ``explanation`` is made again, not read)."""
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if d.get("rename"):
            d["rename"] = Rename(**d["rename"])
        if d.get("offset"):
            d["offset"] = Offset(**d["offset"])
        d["alternatives"] = [Candidate(**a) for a in d.get("alternatives") or []]
        return cls(**d)

    def explain(self) -> str:
        """The answer in plain words: which name matched how, what moved it, how sure, runner-up."""
        if not self.ok:
            text = f"No match for {self.query!r}"
            text += f": {self.reason}." if self.reason else "."
            if self.alternatives and self.alternatives[0].confidence > 0:  # (successors of a former state: 0)
                a = self.alternatives[0]
                text += f" Best candidate was {a.name} ({a.admin1 + ', ' if a.admin1 else ''}{a.country_code}, id {a.id}) at confidence {a.confidence:.2f}."
            return text
        where = ", ".join(x for x in (self.admin1, self.country or self.country_code) if x)
        text = f"{self.query!r} -> {self.name}"
        text += f" ({where})" if where else ""
        text += f", GeoNames {self.id}" if self.id and 0 < self.id < 2_000_000_000 else f", id {self.id}"
        how = {
            "exact": "exact match on the name",
            "alias": "matched the alternate name",
            "historic": "matched the historic name",
            "transliteration": "matched a transliteration of the name",
            "fuzzy": "fuzzy match (spelling differs) to the name",
            "fallback": "answer from the online fallback geocoder for",
        }.get(self.match_kind, self.match_kind)
        if self.match_kind not in ("area", "coordinates"):  # their hints say what stands in for the place
            text += f"; {how} {self.matched_name!r}"
            if self.name_kind and self.match_kind not in ("exact", self.name_kind):
                text += f" ({self.name_kind})"
        if self.scheme:  # (a rewrite of the query is no romanization: 'via the first word translated')
            text += f" via {self.scheme}" + ("" if self.scheme in REWRITE_LABELS else " romanization")
        if self.head and self.head.rstrip(". ") != self.query.strip().rstrip(". "):  # (not 'Frankfurt a.M')
            text += f"; place taken from the phrase part {self.head!r}"
        if self.rename:
            text += f"; {self.rename.describe()}"
        if self.hints:
            text += "; " + "; ".join(self.hints)
        if self.point_note:
            text += f"; {self.point_note}"
        text += f"; confidence {self.confidence:.2f}"
        if self.alternatives:
            a = self.alternatives[0]
            text += f"; runner-up {a.name} ({a.admin1 + ', ' if a.admin1 else ''}{a.country_code}) at {a.confidence:.2f}"
        if self.other_places:
            text += f"; the phrase also names {', '.join(self.other_places)}"
        return text + "."
