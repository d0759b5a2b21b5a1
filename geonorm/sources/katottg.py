"""Ukrainian settlements that neither cities500 nor the postal data hold, from KATOTTG, Ukraine's
official codifier of administrative units and hromada territories (``gazetteer/katottg_ua.tsv.gz``).

The codifier lists every city, town, village and settlement under its hromada, raion and oblast,
but gives no coordinates. A settlement already in the gazetteer is matched by its name in its
oblast; one that is not becomes a place at the point of a known settlement of its hromada: the one
nearest the others (summed distance), usually the hromada's centre. Tried on the known settlements
themselves (each left out of its hromada in turn; 16,432), that point lies a median 8.9 km from the
place's own, 87% within 20 km (on the 9,778 whose hromada's namesake centre is known, the centre's
point: 10.5 km, 84%; this one: 9.6 km, 87%). Every such place says so in its note, and the
answer's ``point_note`` repeats it.
Reverse geocoding never answers with such a place.

Ids are stable numbers in a reserved range (9,000,000,000 + a CRC of the KATOTTG code).
"""
from __future__ import annotations

import csv
import gzip
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..model import Name, NameKind, Place
from ..names.normalize import normalize
from .base import ImportReport
from . import postal
from .postal import DUPLICATE_KM, _display_name, _km

SOURCE = "KATOTTG"
FILE = "katottg_ua.tsv.gz"
ID_BASE = 9_000_000_000
SETTLEMENTS = ("M", "T", "C", "X")  # city, urban-type settlement, village, settlement


def read_units(path: Path) -> list[list[str]]:
    """[code, parent, category, name] rows of the codifier file."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows[1:] if len(r) == 4]


def _medoid(places: list[Place]) -> Place:
    """The place with the least summed distance to the others (a real point amid them)."""
    return min(places, key=lambda p: sum(_km(p.lat, p.lon, q.lat, q.lon) for q in places))


class Codifier:
    """The codifier's units matched to the gazetteer's known places: each oblast's GeoNames admin1
    code, each hromada's anchors (members named uniquely in their oblast, in the codifier and the
    gazetteer) and the point its unknown settlements are given."""

    def __init__(self, units: list[list[str]], known: Iterable[Place]) -> None:
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        for p in known:
            if p.country_code == "UA" and p.level == "populated place":
                for form in {normalize(n.name) for n in p.names} | {normalize(p.name)}:
                    self.by_name[form].append(p)
        self._found: dict[str, list[Place]] = {}
        self.parent = {code: par for code, par, _, _ in units}
        self.name_of = {code: name for code, _, _, name in units}
        self.settlements = [(code, par, name) for code, par, cat, name in units if cat in SETTLEMENTS]
        votes: dict[str, Counter] = defaultdict(Counter)
        for code, _, name in self.settlements:
            hits = self.found(name)
            if len(hits) == 1:
                votes[self.oblast(code)][hits[0].admin1_code] += 1
        self.admin1 = {ob: c.most_common(1)[0][0] for ob, c in votes.items()}
        in_oblast = Counter((self.oblast(code), normalize(name)) for code, _, name in self.settlements)
        self.members: dict[str, list[Place]] = defaultdict(list)  # hromada -> its anchors
        self.anchors: set[str] = set()
        for code, par, name in self.settlements:
            ob = self.oblast(code)
            hits = [p for p in self.found(name) if p.admin1_code == self.admin1.get(ob)]
            if len(hits) == 1 and in_oblast[(ob, normalize(name))] == 1:
                self.members[par].append(hits[0])
                self.anchors.add(code)
        self.points: dict[str, tuple[Place, str]] = {}  # hromada -> the place lending its point, how
        for par, known_here in self.members.items():
            lender = _medoid(known_here)
            self.points[par] = (lender, f"at {lender.name}, the one of its hromada's {len(known_here)} "
                                        "known settlements nearest the others")

    def oblast(self, code: str) -> str:
        while self.parent.get(code):
            code = self.parent[code]
        return code

    def found(self, name: str) -> list[Place]:
        """Known places with this name (as written, or in the Ukrainian national romanization;
        each name is looked up once: the votes, the anchors and the new places ask again)."""
        hit = self._found.get(name)
        if hit is None:
            hit = self._found[name] = list({
                p.id: p for form in (normalize(name), normalize(_display_name(name, "UA")))
                for p in self.by_name.get(form, ())}.values())
        return hit


def load_katottg_villages(known: Iterable[Place], path: Path | None
                          ) -> tuple[dict[int, Place], ImportReport]:
    """New settlement places from the codifier; ``known`` are the gazetteer's places so far."""
    report = ImportReport("KATOTTG codifier of Ukraine")
    if path is None or not path.exists():
        report.skip(0, "no KATOTTG file: no codifier settlements")
        return {}, report
    try:
        units = read_units(path)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:  # a broken copy: none
        report.skip(0, f"unreadable KATOTTG file {path}: {exc}")
        return {}, report
    report.rows = len(units)
    cod = Codifier(units, known)
    out: dict[int, Place] = {}
    unplaced = refiled = 0
    for code, par, name in cod.settlements:
        if code in cod.anchors:
            continue  # the gazetteer has it
        a1, point = cod.admin1.get(cod.oblast(code)), cod.points.get(par)
        if a1 is None or point is None:
            unplaced += 1
            continue
        lender, where = point
        lat, lon = lender.lat, lender.lon
        nearby = [p for p in cod.found(name) if _km(lat, lon, p.lat, p.lon) < DUPLICATE_KM]
        if any(p.admin1_code == a1 for p in nearby):
            continue  # a known place of that name nearby is this one
        guessed = [p for p in nearby if p.source == postal.SOURCE]
        if guessed:
            # a postal-code village filed under the oblast of the town nearest it, across the
            # border from the one the codifier files it in: this one, in the codifier's oblast
            # ('Posad-Pokrovske' was filed under Mykolaiv oblast, so 'Posad-Pokrovske, Kherson
            # oblast' answered the oblast at 0.10)
            for p in guessed:
                p.admin1_code, p.admin2_code = a1, lender.admin2_code
            refiled += len(guessed)
            continue
        # (a place of that name across an oblast border that GeoNames files there is another)
        pid = ID_BASE + zlib.crc32(code.encode())
        display = _display_name(name, "UA")
        hromada = cod.name_of.get(par, "")
        raion = cod.name_of.get(cod.parent.get(par, ""), "")
        place = Place(id=pid, name=display, ascii_name=display, lat=lat, lon=lon,
                      feature_class="P", feature_code="PPL", country_code="UA", admin1_code=a1,
                      admin2_code=lender.admin2_code, population=0, source=SOURCE,
                      note=(f"settlement from KATOTTG {code} ({hromada} hromada, {raion} raion); "
                            f"no surveyed point: placed {where}, typically ~10 km off"))
        place.names.append(Name(pid, name, NameKind.OFFICIAL, "uk", source=SOURCE))
        out[pid] = place
    report.source += (f" ({len(out)} settlements added at approximate points, {unplaced} left out: "
                      "no settlement of their hromada known by a name unique in its oblast; "
                      f"{refiled} postal-code villages refiled in the codifier's oblast)")
    return out, report
