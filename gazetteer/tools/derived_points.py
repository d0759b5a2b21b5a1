"""Points and populations of the areas ``places.csv`` adds from the areas they are made of.

    python gazetteer/tools/derived_points.py [--index DIR]

GeoNames' extracts hold the districts (English unitary authorities and metropolitan boroughs,
French departments) but not the counties and former regions made of them: ceremonial and
metropolitan counties split into their districts or never a GeoNames ADM2 (Greater Manchester,
Merseyside, Northamptonshire since 2021, ...), and the French regions merged in 2016 (Aquitaine,
Picardie, ...). ``region_members.csv`` lists each one's parts by ISO 3166-2 code; this tool
prints, for each row of ``places.csv`` of the sources below, the population-weighted mean of its
parts' GeoNames points and the sum of their populations, the values the rows carry.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE.parent))

SOURCES = ("GEONORM-ENGLISH-COUNTIES", "GEONORM-FRENCH-REGIONS", "GEONORM-SCOTTISH-WELSH-AREAS")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", help="a built index directory (default: the default gazetteer)")
    a = ap.parse_args()
    from geonorm import Gazetteer
    gaz = Gazetteer.open(a.index) if a.index else Gazetteer.default(progress=False)
    with open(HERE / "places.csv", encoding="utf-8", newline="") as fh:
        counties = {int(r["id"]): r["name"] for r in csv.DictReader(fh) if r["source_id"] in SOURCES}
    with open(HERE / "region_members.csv", encoding="utf-8", newline="") as fh:
        members = {int(r["region_id"]): r["members"].split() for r in csv.DictReader(fh)}
    for pid, name in counties.items():
        rows = [r for code in members.get(pid, []) for r in gaz.areas_with_code(code)
                if gaz.place(r).level in ("admin1", "admin2")]
        places = [gaz.place(r) for r in rows]
        pop = sum(p.population for p in places)
        if not places or not pop:
            print(f"{pid},{name}: no districts found", file=sys.stderr)
            continue
        lat = sum(p.lat * p.population for p in places) / pop
        lon = sum(p.lon * p.population for p in places) / pop
        print(f"{pid},{name},{lat:.4f},{lon:.4f},{pop}  ({len(places)} parts)")


if __name__ == "__main__":
    main()
