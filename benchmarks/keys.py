"""Measure what the folded and skeleton keys merge, on the built default gazetteer.

    python benchmarks/keys.py [--sample 200000]

A key *merges* two distinct normalized Latin names when both get the same key. A merge is
*true* when some place carries both names (they are variants of one place: Kharkov ~ Kharkiv),
*false* when no place does (Dimitrov ~ Dmitrov would be one). Prints, per key, how many names
it merges and the share of false merges, plus the project's named pairs.
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

import _common  # noqa: F401,E402  (puts this repository's geonorm on the path)
from geonorm import Gazetteer
from geonorm.names.keys import fold_key, skeleton_key
from geonorm.names.normalize import normalize

PAIRS_APART = [("Dimitrov", "Dmitrov"), ("Pokrovsk", "Pokrovske"), ("Myrnohrad", "Myrhorod")]
PAIRS_TOGETHER = [("Kharkov", "Kharkiv"), ("Krasnoarmeysk", "Krasnoarmiisk"), ("Gorlovka", "Horlivka"),
                  ("Dimitrov", "Dymytrov"), ("Zaporozhye", "Zaporizhzhia"), ("Kiev", "Kyiv")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=200_000, help="pairs sampled per key")
    a = ap.parse_args()
    gaz = Gazetteer.default(progress=False)
    places_of: dict[str, set[int]] = defaultdict(set)
    for text, prow in zip(gaz.form_text, gaz.form_place.tolist()):
        if text.isascii():
            places_of[normalize(text)].add(prow)
    names = list(places_of)
    print(f"distinct normalized Latin names: {len(names):,}")
    rng = random.Random(7)
    for label, key in (("fold", fold_key), ("skeleton", skeleton_key)):
        groups: dict[str, list[str]] = defaultdict(list)
        for n in names:
            groups[key(n)].append(n)
        merged = [g for g in groups.values() if len(g) > 1]
        pairs = [(g[i], g[j]) for g in merged for i in range(len(g)) for j in range(i + 1, min(len(g), i + 6))]
        rng.shuffle(pairs)
        pairs = pairs[: a.sample]
        false = sum(1 for x, y in pairs if not (places_of[x] & places_of[y]))
        in_groups = sum(len(g) for g in merged)
        print(f"{label:9s} keys {len(groups):,}; names sharing a key with another name: {in_groups:,} "
              f"({in_groups / len(names):.1%}); sampled merged pairs {len(pairs):,}, false merges {false / max(len(pairs), 1):.1%}")
        for x, y in PAIRS_APART:
            print(f"   kept apart? {x} ~ {y}: {'yes' if key(x) != key(y) else 'NO (merged)'}")
        for x, y in PAIRS_TOGETHER:
            print(f"   merged?     {x} ~ {y}: {'yes' if key(x) == key(y) else 'no'}")


if __name__ == "__main__":
    main()
