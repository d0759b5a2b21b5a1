"""What any ranking could reach: the limits the gazetteer and the test sets themselves set.

    python benchmarks/ceilings.py coverage GOLD.jsonl [GOLD.jsonl ...] [--km 20] [--ratio 80]
    python benchmarks/ceilings.py typos [--n 2000] [--seed 11]

``coverage``: for each gold item geonorm misses, is there a gazetteer place within ``--km`` of
the gold point with a name like the gold's (rapidfuzz ratio >= ``--ratio`` between ASCII forms
of the gold's ``gold_base_name`` or ``gold_name`` and every name of the place)? The misses with
none bound what any resolver could score at that distance with this gazetteer.

``typos``: the speed set of ``benchmarks/speed.py`` (real names with one or two random edits).
For each query, the OSA distance to every distinct normalized name of the gazetteer (brute
force, all cores): a ranking by edit distance puts the true place in the top ten when fewer than
ten places lie strictly closer (the ceiling) or closer-or-as-close (the floor, ties lost).
Minutes of CPU; the gold data stays where it is: pass paths.
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

import _common  # noqa: F401  (puts this repository's geonorm on the path)
from _common import load_gazetteer, top_ids, typo_set
from geonorm import Resolver
from geonorm.matching.hints import haversine_km
from geonorm.names.normalize import normalize, to_ascii


def coverage(paths: list[str], km: float, min_ratio: float, index: str | None) -> None:
    from rapidfuzz import fuzz
    gaz = load_gazetteer(index)
    resolver = Resolver(gaz)
    lat, lon = np.asarray(gaz.place_lat, float), np.asarray(gaz.place_lon, float)
    for path in paths:
        n = held = ok = reach_miss = 0
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                g = json.loads(line)
                n += 1
                gold = to_ascii((g.get("meta") or {}).get("gold_base_name") or g.get("gold_name") or g["mention"]).lower()
                near = np.nonzero(haversine_km(g["gold_lat"], g["gold_lon"], lat, lon) <= km)[0]
                has = any(fuzz.ratio(gold, to_ascii(nm.text).lower()) >= min_ratio
                          for row in near.tolist() for nm in gaz.names_of(row))
                held += has
                m = resolver.resolve(g["mention"])
                hit = m.ok and float(haversine_km(m.lat, m.lon, g["gold_lat"], g["gold_lon"])) <= km
                ok += hit
                reach_miss += has and not hit
        absent = n - ok - reach_miss
        print(f"{path}: {n} items; geonorm acc@{km:g}km {ok / n:.3f}; of its misses {reach_miss} have a place named "
              f"like the gold within {km:g} km and {absent} none: the ceiling is {(n - absent) / n:.3f} "
              f"({held / n:.3f} of all items have such a place; the others it answers are named otherwise)")


def typos(n: int, seed: int, index: str | None) -> None:
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import cdist
    gaz = load_gazetteer(index)
    resolver = Resolver(gaz, cache_size=0)
    places: dict[str, set[int]] = {}
    form_place = np.asarray(gaz.form_place)
    for i, text in enumerate(gaz.form_text):
        key = normalize(text)
        if key:
            places.setdefault(key, set()).add(int(form_place[i]))
    names = list(places)
    items = typo_set(gaz, 2 * n, seed=seed)[:n]
    queries = [normalize(t["query"]) for t in items]
    ceiling = floor = found = 0
    for b in range(0, len(queries), 100):
        dist = cdist(queries[b:b + 100], names, scorer=OSA.distance, score_cutoff=4, workers=-1, dtype=np.uint8)
        for j, t in enumerate(items[b:b + 100]):
            row = gaz.row_of(t["id"])
            true = min((OSA.distance(queries[b + j], normalize(nm.text)) for nm in gaz.names_of(row)
                        if normalize(nm.text)), default=99)
            closer, tied = set(), set()
            for k in np.nonzero(dist[j] < true)[0].tolist():
                closer |= places[names[k]]
            for k in np.nonzero(dist[j] == true)[0].tolist():
                tied |= places[names[k]]
            closer.discard(row), tied.discard(row)
            ceiling += len(closer) < 10
            floor += len(closer) + len(tied) < 10
            found += t["id"] in top_ids(resolver.resolve(t["query"], limit=10))
    print(f"{n} typo queries ({len(names):,} distinct names): recall@10 of a ranking by edit distance "
          f"{floor / n:.3f} (ties lost) to {ceiling / n:.3f} (ties won); geonorm {found / n:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    c = sub.add_parser("coverage", help="gold items with a place named like the gold near its point")
    c.add_argument("gold", nargs="+")
    c.add_argument("--km", type=float, default=20.0)
    c.add_argument("--ratio", type=float, default=80.0)
    t = sub.add_parser("typos", help="what a ranking by edit distance reaches on the typo set")
    t.add_argument("--n", type=int, default=2000)
    t.add_argument("--seed", type=int, default=11)
    for p in (c, t):
        p.add_argument("--index", help="custom index directory (default: the default gazetteer)")
    a = ap.parse_args()
    if a.what == "coverage":
        coverage(a.gold, a.km, a.ratio, a.index)
    else:
        typos(a.n, a.seed, a.index)


if __name__ == "__main__":
    sys.exit(main())
