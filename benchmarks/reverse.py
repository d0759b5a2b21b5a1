"""Reverse-geocoding benchmark: nearest populated place for N random points, one core.

    python benchmarks/reverse.py [--n 1000000] [--region global|land|europe] [--min-population 0]
                                 [--check 2000] [--results 100000] [--json]

Reports the spatial index build time and size, the peak memory (RSS), points per second of the
vectorized core (``nearest``: rows and distances) and of full ``ReverseResult`` objects
(``reverse_many``) on a subset, and verifies ``--check`` answers against brute force.
Points: ``global`` is uniform on the sphere (71% ocean: the hard case for any nearest-neighbour
index, answers far away); ``land`` is uniform in a few land boxes; ``europe`` in 35-60N, 10W-40E.
Pin to one core with ``taskset -c 0`` for a strict one-core figure (numpy here is single-threaded
for these operations anyway).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time

import numpy as np

from _common import load_gazetteer, machine

from geonorm.faces.reverse import ReverseIndex, _chord_to_km, _unit_vectors, reverse_many  # noqa: E402

LAND_BOXES = [  # (lat0, lat1, lon0, lon1)
    (35, 60, -10, 40),     # Europe
    (25, 50, -125, -70),   # USA
    (-35, 5, -75, -35),    # South America
    (-30, 15, 10, 40),     # Africa
    (10, 45, 70, 120),     # South / East Asia
    (45, 65, 40, 130),     # Russia, Kazakhstan
    (-38, -15, 115, 150),  # Australia
]


def points(n: int, region: str, rng) -> tuple[np.ndarray, np.ndarray]:
    if region == "global":
        return np.degrees(np.arcsin(rng.uniform(-1, 1, n))), rng.uniform(-180, 180, n)
    boxes = LAND_BOXES if region == "land" else LAND_BOXES[:1]
    which = rng.integers(0, len(boxes), n)
    b = np.array(boxes, dtype=float)[which]
    return rng.uniform(b[:, 0], b[:, 1]), rng.uniform(b[:, 2], b[:, 3])


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--region", choices=("global", "land", "europe"), default="global")
    ap.add_argument("--min-population", type=int, default=0)
    ap.add_argument("--check", type=int, default=2000, help="answers verified against brute force")
    ap.add_argument("--results", type=int, default=100_000, help="points for the reverse_many timing")
    ap.add_argument("--index", default=None, help="custom gazetteer index directory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    gaz = load_gazetteer(args.index)
    rss0 = rss_mb()
    t = time.perf_counter()
    idx = ReverseIndex(gaz, args.min_population)
    build_s = time.perf_counter() - t
    rss_index = rss_mb()

    rng = np.random.default_rng(args.seed)
    lat, lon = points(args.n, args.region, rng)
    t, c = time.perf_counter(), time.process_time()
    rows, dist = idx.nearest(lat, lon)
    query_s, query_cpu = time.perf_counter() - t, time.process_time() - c

    m = min(args.results, args.n)
    t = time.perf_counter()
    results = reverse_many(lat[:m], lon[:m], min_population=args.min_population, gazetteer=gaz)
    many_s = time.perf_counter() - t
    assert len(results) == m

    k = min(args.check, args.n)
    pts = _unit_vectors(gaz.place_lat[idx.rows], gaz.place_lon[idx.rows])
    q = _unit_vectors(lat[:k], lon[:k])
    brute = np.concatenate([np.sqrt(((pts[None] - q[i:i + 16, None]) ** 2).sum(axis=2)).min(axis=1)
                            for i in range(0, k, 16)])
    wrong = int((np.abs(_chord_to_km(brute) - dist[:k]) > 1e-6).sum())

    report = {
        "benchmark": "reverse", "machine": machine(), "region": args.region, "points": args.n,
        "places_indexed": int(len(idx.rows)), "min_population": args.min_population,
        "engine": type(idx.tree).__name__,
        "index_build_s": round(build_s, 3), "index_mb": round(idx.tree.nbytes / 1e6, 1),
        "rss_mb_before_index": round(rss0, 1), "rss_mb_after_index": round(rss_index, 1),
        "peak_rss_mb": round(rss_mb(), 1),
        "nearest_s": round(query_s, 3), "nearest_points_per_s": round(args.n / query_s),
        "nearest_cpu_s": round(query_cpu, 3), "nearest_points_per_cpu_s": round(args.n / query_cpu),
        "reverse_many_points": m, "reverse_many_points_per_s": round(m / many_s),
        "median_distance_km": round(float(np.nanmedian(dist)), 1),
        "p99_distance_km": round(float(np.nanpercentile(dist, 99)), 1),
        "checked_against_brute_force": k, "wrong": wrong,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>28}: {value}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
