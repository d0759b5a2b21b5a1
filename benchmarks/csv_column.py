"""Benchmark: a 1,000,000-row CSV column with ~20,000 distinct spellings, end to end.

    python benchmarks/csv_column.py [--rows 1000000] [--distinct 20000] [--no-dask] [--workdir /tmp/gn-bench]

Spellings are real populated-place names from the default gazetteer (mostly UA/RU/BY, as in
conflict-event data) plus seeded typos (drop, swap, double, replace a letter); row frequencies are
Zipf-like. Prints seconds, rows/s and peak RSS for ``normalize_csv`` (column context on), then the
same file through Dask with 2 worker processes.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

import _common  # noqa: F401  (puts this repository's geonorm on the path)


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s + s[-1]
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(4)
    if op == 0:
        return s[:i] + s[i + 1:]
    if op == 1:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 2:
        return s[:i] + s[i] + s[i:]
    return s[:i] + rng.choice("aeioukrnst") + s[i + 1:]


def make_csv(path: Path, rows: int, distinct: int, seed: int = 7) -> int:
    from geonorm import Gazetteer
    gaz = Gazetteer.default(progress=False)
    rng = random.Random(seed)
    level = np.asarray(gaz.place_level)
    cand = [r for r in np.flatnonzero(level == 0).tolist()]
    rng.shuffle(cand)
    names, seen = [], set()
    prefer = {"UA": 0.5, "RU": 0.25, "BY": 0.05}
    for r in cand:
        cc = gaz.country_code_of(r)
        if rng.random() > prefer.get(cc, 0.02):
            continue
        n = gaz.place(r).name
        if n and n not in seen and n.isascii():
            seen.add(n)
            names.append(n)
        if len(names) >= int(distinct * 0.75):
            break
    spellings = list(names)
    while len(spellings) < distinct:
        t = _typo(rng, rng.choice(names))
        if t not in seen:
            seen.add(t)
            spellings.append(t)
    weights = 1.0 / np.arange(1, len(spellings) + 1) ** 0.8
    weights /= weights.sum()
    nprng = np.random.default_rng(seed)
    idx = nprng.choice(len(spellings), size=rows, p=weights)
    # every spelling at least once
    idx[: len(spellings)] = np.arange(len(spellings))
    nprng.shuffle(idx)
    col = np.array(spellings, dtype=object)[idx]
    import pandas as pd
    pd.DataFrame({"event_id": np.arange(rows), "where_description": col,
                  "source": nprng.choice(["a", "b", "c"], size=rows)}).to_csv(path, index=False)
    return len(spellings)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=20_000)
    ap.add_argument("--workdir", default="/tmp/gn-bench")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-context", action="store_true")
    ap.add_argument("--typo-reach", type=int, default=None,
                    help="Resolver(typo_reach=N): 1 for the fast, narrower typo search (default: 10)")
    args = ap.parse_args()
    wd = Path(args.workdir)
    wd.mkdir(parents=True, exist_ok=True)
    src = wd / f"column_{args.rows}_{args.distinct}.csv"
    if not src.exists():
        t = time.perf_counter()
        n = make_csv(src, args.rows, args.distinct)
        print(f"generated {src} ({n:,} distinct spellings, {src.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    from geonorm import Gazetteer, Resolver
    from geonorm.faces.csvstream import normalize_csv
    t0 = time.perf_counter()
    gaz = Gazetteer.default(progress=False)
    resolver = Resolver(gaz) if args.typo_reach is None else Resolver(gaz, typo_reach=args.typo_reach)
    load = time.perf_counter() - t0
    rss0 = rss_mb()
    t = time.perf_counter()
    rep = normalize_csv(src, wd / "out.csv", "where_description", progress=False, resolver=resolver,
                        context=not args.no_context)
    dt = time.perf_counter() - t
    print(f"normalize_csv: {rep.rows:,} rows, {rep.distinct:,} distinct, {rep.matched_rows:,} matched: "
          f"{dt:.1f} s ({rep.rows / dt:,.0f} rows/s) + index load {load:.1f} s; "
          f"peak RSS {rss_mb():.0f} MB (after index load {rss0:.0f} MB)")
    if args.no_dask:
        return
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask not installed: pip install geonorm[dask]")
        return
    from geonorm.faces.dask import normalize_dask
    t = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
            Client(cl) as client:
        t_up = time.perf_counter() - t
        t = time.perf_counter()
        ddf = dd.read_csv(str(src), dtype=str, keep_default_na=False, blocksize=max(1 << 20, src.stat().st_size // 8))
        out = normalize_dask(ddf, "where_description", index=gaz.path, resolver=resolver,
                             context=not args.no_context)
        outdir = wd / "dask_out"
        out.to_csv(str(outdir / "part-*.csv"), index=False)
        dt = time.perf_counter() - t
        worker_rss = client.run(lambda: __import__("psutil").Process().memory_info().rss / 2**20)
    print(f"dask (2 worker processes, {ddf.npartitions} partitions): {dt:.1f} s "
          f"({args.rows / dt:,.0f} rows/s) + cluster start {t_up:.1f} s; worker RSS "
          + ", ".join(f"{v:.0f} MB" for v in worker_rss.values()))


if __name__ == "__main__":
    main()
