"""Soft context shared by several queries: the rows of a column, the mentions of a document.

A :class:`Context` is built from confidently resolved matches and then favours, for the
ambiguous ones, candidates in the same countries and first-level areas and near the confident
points. The scorer adds its bonus and the explanation says what moved the answer
("column context: 92% of confident rows are in Donetska oblast").
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .hints import EARTH_KM
from .scoring import near_score

COUNTRY_WEIGHT = 2.0
ADMIN1_WEIGHT = 2.5
ADMIN2_WEIGHT = 2.5
NEAR_WEIGHT = 1.5
NEAR_SCALE_KM = 40.0
MAX_POINTS = 200


def _unit(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Unit vectors (n, 3) of points on the sphere."""
    phi, lam = np.radians(lats), np.radians(lons)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)


@dataclass
class Context:
    """Country and admin1 shares and labelled points from confident answers.

    ``label`` names the context in explanations ('column context', 'document context').
    """

    label: str = "context"
    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    lats: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lons: np.ndarray = field(default_factory=lambda: np.zeros(0))
    point_labels: list[str] = field(default_factory=list)
    size: int = 0
    # second-level areas (gazetteer rows) other queries name, and the words that say so: towns
    # in them are favoured ('Walker County' makes Huntsville, Texas likelier than Alabama's)
    admin2: dict[int, float] = field(default_factory=dict)
    admin2_notes: dict[int, str] = field(default_factory=dict)
    # the points say where the place lies ('Kupyansk direction'), as a 'near' hint does: a
    # candidate far from them is shaded too (scoring.near_score), not only left without a bonus
    pinned: bool = False

    @classmethod
    def from_matches(cls, matches: Iterable, label: str = "context", min_confidence: float = 0.6,
                     weights: Iterable[float] | None = None) -> "Context":
        """Build from matches (those at or above ``min_confidence`` count), optionally weighted
        (e.g. by how many rows share the spelling)."""
        countries: Counter = Counter()
        admin1: Counter = Counter()
        names: dict[tuple[str, str], str] = {}
        pts: dict[int, tuple[float, float, str, float]] = {}
        total = 0.0
        ws = list(weights) if weights is not None else None
        for i, m in enumerate(matches):
            if m is None or not m.ok or m.confidence < min_confidence:
                continue
            w = float(ws[i]) if ws is not None else 1.0
            total += w
            countries[m.country_code] += w
            if m.feature == "populated place" or m.feature == "admin2":
                key = (m.country_code, m.admin1 or "")
                admin1[key] += w
                names[key] = m.admin1
                prev = pts.get(m.id)
                pts[m.id] = (m.lat, m.lon, m.query, (prev[3] if prev else 0.0) + w)
        if total == 0:
            return cls(label=label)
        top = sorted(pts.values(), key=lambda p: -p[3])[:MAX_POINTS]
        return cls(label=label,
                   countries={k: v / total for k, v in countries.items()},
                   admin1={k: v / total for k, v in admin1.items() if k[1]},
                   admin1_names=names,
                   lats=np.array([p[0] for p in top]), lons=np.array([p[1] for p in top]),
                   point_labels=[p[2] for p in top], size=int(total))

    @classmethod
    def around(cls, matches: Iterable, label: str = "context", pinned: bool = True) -> "Context":
        """Only the points of ``matches``: candidates near them are favoured and far ones
        shaded (not when not ``pinned``), with no say for their countries or areas (a front
        sector's town, which the places named lie around)."""
        found = [m for m in matches if m is not None and m.ok and m.lat is not None]
        return cls(label=label, lats=np.array([m.lat for m in found]), lons=np.array([m.lon for m in found]),
                   point_labels=[m.query for m in found], size=len(found), pinned=pinned)

    @property
    def key(self) -> str:
        """A short digest identifying this context (part of the resolver's cache key); computed
        once: build a new Context rather than mutating one."""
        cached = self.__dict__.get("_key")
        if cached is None:
            cached = self.__dict__["_key"] = self._digest()
        return cached

    def _digest(self) -> str:
        h = hashlib.sha1(repr((self.label, self.pinned, sorted(self.countries.items()), sorted(self.admin1.items()),
                               sorted(self.admin2.items()),
                               self.lats.round(3).tolist(), self.lons.round(3).tolist())).encode())
        return h.hexdigest()[:16]

    def __bool__(self) -> bool:
        return bool(self.countries or self.admin1 or self.admin2 or len(self.lats))

    def bonus(self, country_code: str, admin1_name: str, lat: float, lon: float,
              exclude_label: str = "", admin2_row: int | None = None) -> tuple[float, list[str]]:
        """Score bonus for a candidate, and the words explaining it (``admin2_row``: the
        second-level area a town candidate lies in)."""
        s, notes = 0.0, []
        b_share = self.admin2.get(admin2_row, 0.0) if admin2_row is not None else 0.0
        if b_share:
            s += ADMIN2_WEIGHT * b_share
            notes.append(f"{self.label}: {self.admin2_notes.get(admin2_row, 'another query names its county')}")
        # a place in no country (a sea, a world region) agrees with whichever country leads
        share = (self.countries.get(country_code, 0.0) if country_code
                 else max(self.countries.values(), default=0.0))
        if share:
            s += COUNTRY_WEIGHT * share
        a_share = self.admin1.get((country_code, admin1_name), 0.0)
        if a_share:
            s += self.admin1_bonus(country_code, admin1_name)
            notes.append(f"{self.label}: {min(a_share, 1.0):.0%} of confident answers are in {admin1_name}")
        elif share >= 0.5 and country_code:
            notes.append(f"{self.label}: {share:.0%} of confident answers are in {country_code}")
        if len(self.lats):
            j, d = self._nearest(lat, lon, exclude_label)
            if j >= 0 and (self.pinned or d < 3 * NEAR_SCALE_KM):
                s += near_score(d) if self.pinned else NEAR_WEIGHT * float(np.exp(-d / NEAR_SCALE_KM))
                notes.append(f"{self.label}: {d:.0f} km from {self.point_labels[j]!r}")
        return s, notes

    def admin1_bonus(self, country_code: str, admin1_name: str) -> float:
        """The part of :meth:`bonus` that the answers in the first-level area give."""
        return ADMIN1_WEIGHT * self.admin1.get((country_code, admin1_name), 0.0)

    def _nearest(self, lat: float, lon: float, exclude_label: str) -> tuple[int, float]:
        """(index, km) of the nearest point not labelled ``exclude_label`` (-1 when none):
        one dot product with cached unit vectors, called for every candidate of every query."""
        xyz = self.__dict__.get("_xyz")
        if xyz is None:
            xyz = self.__dict__["_xyz"] = _unit(np.asarray(self.lats, float), np.asarray(self.lons, float))
        phi, lam = math.radians(lat), math.radians(lon)
        dots = xyz @ np.array((math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)))
        masks = self.__dict__.setdefault("_masks", {})
        mask = masks.get(exclude_label)
        if mask is None:
            hit = [i for i, lbl in enumerate(self.point_labels) if lbl == exclude_label]
            mask = masks[exclude_label] = np.array(hit, dtype=np.intp)
        if len(mask):
            dots[mask] = -2.0
        j = int(np.argmax(dots))
        if dots[j] < -1.5:
            return -1, 0.0
        return j, float(EARTH_KM * np.arccos(min(1.0, max(-1.0, float(dots[j])))))


class Contexts:
    """Several contexts at once, e.g. a row's source text and its column: their bonuses (and
    explanations) add up. Build with :func:`joined`."""

    def __init__(self, parts: Iterable[Context]) -> None:
        self.parts = tuple(parts)
        self.admin2 = {k: v for p in self.parts for k, v in p.admin2.items()}  # (read for truth only)

    @property
    def key(self) -> str:
        return "+".join(p.key for p in self.parts)

    def __bool__(self) -> bool:
        return any(self.parts)

    def bonus(self, country_code: str, admin1_name: str, lat: float, lon: float,
              exclude_label: str = "", admin2_row: int | None = None) -> tuple[float, list[str]]:
        s, notes = 0.0, []
        for p in self.parts:
            b, words = p.bonus(country_code, admin1_name, lat, lon, exclude_label, admin2_row)
            s += b
            notes.extend(words)
        return s, notes

    def admin1_bonus(self, country_code: str, admin1_name: str) -> float:
        return sum(p.admin1_bonus(country_code, admin1_name) for p in self.parts)


def joined(*contexts) -> Context | Contexts | None:
    """The non-empty ``contexts`` as one (None when there is none; the context itself when one)."""
    parts = [c for c in contexts if c]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Contexts(parts)
