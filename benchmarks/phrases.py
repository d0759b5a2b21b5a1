"""Phrase-style benchmark: a town and its first-level area written as table columns and reports do.

Towns of Ukraine (population >= the floor, Latin main name with the oblast's English 'X Oblast'
name; their Ukrainian Cyrillic names with the oblast's 'X область'; with their raion: 'Pokrovsk
Raion', 'Pokrovsk district'), of Russia (main name with the oblast's 'X Oblast' name) and of the
United States (main name with the state's name) are
written in several styles: with and without commas, with
a slash, a dash or brackets, with the area word spelt out, abbreviated or left out, area first,
all in lower or upper case.
Measure: rank-1 (the top answer is the town itself). No evaluation data is used: every query is
made from the gazetteer.

    PYTHONPATH=. python benchmarks/phrases.py --n 300 --json-out phrases.json
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter

import numpy as np
from _common import form_rows_of, load_gazetteer, machine, table

from geonorm import Resolver
from geonorm.names.normalize import script_of

LATIN_UA = ["{n} {o} oblast", "{n}, {o} oblast", "{n} ({o} Oblast)", "{n} {o} region", "village of {n}, {o} region",
            "{n} town, {o} Oblast, Ukraine", "near {n} in {o} oblast", "{n}/{o}", "{n} - {o} Oblast",
            "{o} oblast, {n}", "Ukraine, {o} Oblast, {n}", "{n} {o}", "{n}, {o}, Ukraine", "in {n} ({o} region)",
            "lower: {n} {o} oblast", "upper: {n}, {o} oblast"]
CYRILLIC_UA = ["{n} {o} область", "{n}, {o} обл.", "м. {n}, {o} область", "с. {n} {o} обл.", "{n} ({o} область)",
               "{o} область, {n}", "{n}/{o} область", "{n}/{o} обл.", "{n} {o}"]
LATIN_US = ["{n} {o}", "{n}, {o}", "{n}/{o}", "{n} - {o}", "{n} ({o})", "{n}, {o}, USA"]
DISTRICT_UA = ["{n}, {d}", "{n} {d}", "{n} ({d})", "{n}, {a} district", "{n} {a} district", "{n}, {d}, {o} Oblast"]
LATIN_RU = ["{n} {o} region", "{n}, {o} Oblast", "{n} {o}", "{n}/{o}", "{n} ({o} region)", "{o} Oblast, {n}"]


def _admin1(gaz, row: int):
    return next((p for p in gaz.parents(row) if p.level == "admin1"), None)


def _source_cyrillic(gaz, row: int) -> str | None:
    """The place's Ukrainian Cyrillic source name (one with і ї є ґ), else any Cyrillic one."""
    names = [gaz.form_text[fr] for fr in form_rows_of(gaz, row) if script_of(gaz.form_text[fr]) == "cyrillic"
             and gaz.scheme_vocab[int(gaz.form_scheme[fr])] == ""]
    return next((n for n in names if re.search("[іїєґ]", n.lower())), names[0] if names else None)


def items(gaz, country: str, n: int, min_pop: int, seed: int) -> dict[str, list[tuple[int, str, str]]]:
    """{template set: [(row, town as written, area as written)]} for ``n`` towns of ``country``."""
    cc = gaz._pstr["country_code"]
    rows = [r for r in np.nonzero((np.asarray(gaz.place_pop) >= min_pop) & (np.asarray(gaz.place_level) == 0))[0].tolist()
            if cc[r] == country]
    random.Random(seed).shuffle(rows)
    out: dict[str, list] = {"latin": [], "cyrillic": [], "district": []}
    for row in rows[:n]:
        area = _admin1(gaz, row)
        if area is None:
            continue
        if country not in ("UA", "RU"):
            out["latin"].append((row, gaz.place(row).name, area.name))
            continue
        oblast = sorted((nm.text[:-len(" Oblast")] for nm in gaz.names_of(area.row)
                         if re.fullmatch(r"[A-Z][\w'-]+ Oblast", nm.text)), key=len)
        if oblast:
            out["latin"].append((row, gaz.place(row).name, oblast[0]))
            district = gaz.admin2_row(row)
            if district is not None and district != row and gaz.place(district).name.endswith(" Raion"):
                out["district"].append((row, gaz.place(row).name, (gaz.place(district).name, oblast[0])))
        if country != "UA":
            continue
        town, region = _source_cyrillic(gaz, row), _source_cyrillic(gaz, area.row)
        if town and region and region.endswith(" область"):
            out["cyrillic"].append((row, town, region[:-len(" область")]))
    return out


def run(resolver: Resolver, templates: list[str], cases, label: str) -> list[dict]:
    rows = []
    for t in templates:
        right, wrong = 0, []
        for row, town, area in cases:
            case, _, style = t.rpartition(": ")  # 'lower: ...': the phrase in lower (upper) case
            if isinstance(area, tuple):  # (district, oblast): 'Pokrovsk Raion', 'Donetsk'
                q = style.format(n=town, d=area[0], a=area[0][:-len(" Raion")], o=area[1])
            else:
                q = style.format(n=town, o=area)
            q = q.lower() if case == "lower" else q.upper() if case == "upper" else q
            m = resolver.resolve(q)
            if m.id == resolver.gazetteer.place(row).id:
                right += 1
            elif len(wrong) < 3:
                wrong.append(f"{q} -> {m.name or 'no match'}")
        rows.append({"set": label, "template": t, "n": len(cases), "rank1": round(right / max(len(cases), 1), 3),
                     "examples": wrong})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300, help="towns per country (default 300)")
    ap.add_argument("--min-pop", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--index", default=None, help="a built index directory (default: the default gazetteer)")
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args()
    gaz = load_gazetteer(args.index)
    resolver = Resolver(gaz, cache_size=0)
    t0 = time.perf_counter()
    ua, us, ru = (items(gaz, cc, args.n, args.min_pop, args.seed) for cc in ("UA", "US", "RU"))
    results = (run(resolver, LATIN_UA, ua["latin"], "Ukraine, Latin") + run(resolver, CYRILLIC_UA, ua["cyrillic"], "Ukraine, Cyrillic")
               + run(resolver, DISTRICT_UA, ua["district"], "Ukraine, districts")
               + run(resolver, LATIN_US, us["latin"], "United States") + run(resolver, LATIN_RU, ru["latin"], "Russia, Latin"))
    print(table([[r["set"], r["template"], r["n"], r["rank1"]] for r in results], ["set", "template", "n", "rank-1"]))
    total = Counter()
    for r in results:
        total["n"] += r["n"]
        total["right"] += round(r["rank1"] * r["n"])
    print(f"\nall: {total['right'] / max(total['n'], 1):.4f} of {total['n']} queries, {time.perf_counter() - t0:.1f} s")
    for r in results:
        if r["examples"]:
            print(f"  {r['template']!r}: " + "; ".join(r["examples"]))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump({"machine": machine(), "args": vars(args), "results": results}, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
