"""Throughput and tagger quality of ``geonorm.faces.text.extract`` on news gold files.

    python benchmarks/extract.py ../shared/eval/lgl.jsonl ../shared/eval/gwn.jsonl [--pr]

Prints documents per second of ``extract`` (one core, joint resolution, after a warm-up that
builds the tagger automaton) and, with ``--pr``, the tagger's precision and recall against the
gold spans: exact (same offsets) and overlap (a predicted span overlapping a gold span).
Gold data is not shipped: pass paths.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict

import _common  # noqa: F401  (puts this repository's geonorm on the path)


def documents(path: str) -> dict[str, set[tuple[int, int]]]:
    docs: dict[str, set[tuple[int, int]]] = defaultdict(set)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("text") and isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
                docs[d["text"]].add((d["start"], d["end"]))
    return docs


def precision_recall(pred: list[set], gold: list[set]) -> dict:
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    exact = sum(len(p & g) for p, g in zip(pred, gold))
    ov_p = sum(sum(any(a < d and c < b for c, d in g) for a, b in p) for p, g in zip(pred, gold))
    ov_r = sum(sum(any(a < d and c < b for a, b in p) for c, d in g) for p, g in zip(pred, gold))
    r = lambda x, n: round(x / n, 3) if n else None  # noqa: E731
    return {"pred": n_pred, "gold": n_gold, "exact_P": r(exact, n_pred), "exact_R": r(exact, n_gold),
            "overlap_P": r(ov_p, n_pred), "overlap_R": r(ov_r, n_gold)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--pr", action="store_true", help="also tagger precision/recall on the gold spans")
    ap.add_argument("--no-joint", action="store_true")
    args = ap.parse_args(argv)

    from geonorm import Gazetteer, Resolver
    from geonorm.faces.tagger import Tagger
    from geonorm.faces.text import extract
    gaz = Gazetteer.default(progress=False)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    tagger = Tagger.for_gazetteer(gaz)
    print(f"tagger: {tagger.stats.names:,} names, {tagger.stats.keys:,} keys, built in "
          f"{time.perf_counter() - t0:.1f} s, automaton {tagger.stats.memory_mb:.0f} MB, "
          f"+{(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024:.0f} MB RSS")
    for path in args.gold:
        docs = documents(path)
        resolver = Resolver(gaz)  # a cold resolver cache per corpus
        texts = list(docs)
        t0 = time.perf_counter()
        preds = []
        for text in texts:
            ms = extract(text, resolver=resolver, joint=not args.no_joint)
            preds.append({(m.start, m.end) for m in ms})
        dt = time.perf_counter() - t0
        chars = sum(map(len, texts))
        print(f"{path}: {len(texts)} documents, {chars / 1e6:.2f} M chars, {dt:.1f} s: "
              f"{len(texts) / dt:.1f} docs/s, {chars / dt / 1e3:.0f} k chars/s")
        if args.pr:
            print("  tagger vs gold spans:", precision_recall(preds, [docs[t] for t in texts]))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
