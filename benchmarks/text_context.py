"""Benchmark: a phrase with its source text as context (``geonorm.text_context``, the ``text=``
column of ``geonorm.normalize``).

    python benchmarks/text_context.py [--texts 500] [--rows 5000] [--seed 7]

Texts are synthetic headlines naming two towns of one first-level area of the default gazetteer
(populated places of 10,000 or more, seeded draw); each row is a third town of that area with one of
the headlines. Prints the tagger's load time, milliseconds per text context, and rows per second
for a column with and without its text column (one process, column context on).
"""
from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict

from _common import load_gazetteer, machine, table

TEMPLATES = ("Shelling reported near {a} and {b}", "{a}: two killed as fighting spreads to {b}",
             "Officials in {a} say roads to {b} are closed")


def headlines(gaz, n: int, rows: int, seed: int) -> tuple[list[str], list[str]]:
    """(row values, their texts, their areas): the value a town of the area the text's towns lie in."""
    by_area = defaultdict(list)
    for row in range(len(gaz)):
        p = gaz.place(row)
        if p.level == "populated place" and p.population >= 10_000 and p.admin1_code and p.name.isascii():
            by_area[(p.country_code, p.admin1_code)].append(p.name)
    areas = sorted(k for k, v in by_area.items() if len(v) >= 3)
    rng = random.Random(seed)
    texts, values, where = [], [], []
    for _ in range(n):
        area = rng.choice(areas)
        a, b, c = rng.sample(sorted(by_area[area]), 3)
        texts.append(rng.choice(TEMPLATES).format(a=a, b=b))
        values.append(c)
        where.append(area)
    pick = [rng.randrange(n) for _ in range(rows)]
    return [values[i] for i in pick], [texts[i] for i in pick], [where[i] for i in pick]


def _area_of(gaz, place_id) -> tuple[str, str] | None:
    row = None if place_id is None or place_id != place_id else gaz.row_of(int(place_id))
    if row is None:
        return None
    p = gaz.place(row)
    return p.country_code, p.admin1_code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=500)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--index", help="a custom index directory")
    args = ap.parse_args()
    import pandas as pd

    from geonorm import Resolver
    from geonorm.faces.table import normalize
    from geonorm.faces.tagger import Tagger
    from geonorm.faces.text import text_context

    gaz = load_gazetteer(args.index)
    values, texts, areas = headlines(gaz, args.texts, args.rows, args.seed)
    r = Resolver(gaz)
    t0 = time.perf_counter()
    Tagger.for_gazetteer(gaz)
    load = time.perf_counter() - t0
    distinct = list(dict.fromkeys(texts))
    t0 = time.perf_counter()
    for t in distinct:
        text_context(t, resolver=r)
    per_text = (time.perf_counter() - t0) / len(distinct)
    df = pd.DataFrame({"where": values, "headline": texts})
    out = []
    for label, kw in (("column alone", {}), ("column + text", {"text": "headline"})):
        r = Resolver(gaz)  # fresh caches for each run
        t0 = time.perf_counter()
        res = normalize(df, "where", resolver=r, workers=1, **kw)
        secs = time.perf_counter() - t0
        inside = sum(_area_of(gaz, i) == a for i, a in zip(res["geo_id"], areas)) / len(df)
        out.append([label, f"{len(df):,}", f"{secs:.2f}", f"{len(df) / secs:,.0f}", f"{inside:.3f}"])
    print(f"machine: {machine()}")
    print(f"tagger load: {load:.2f} s; text context: {per_text * 1000:.2f} ms per text "
          f"({len(distinct)} distinct texts, {sum(map(len, distinct)) / len(distinct):.0f} characters on average)")
    print(table(out, ["run", "rows", "seconds", "rows/s", "in the text's area"]))


if __name__ == "__main__":
    main()
