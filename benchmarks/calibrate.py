"""Fit the confidence calibration map (isotonic, pool-adjacent-violators) on gold files.

    python benchmarks/calibrate.py GOLD.jsonl [GOLD.jsonl ...] [--bins 12]

Each file's items are resolved from the mention alone; an answer counts as correct within
20 km for UCDP-style files (``source`` starting with 'ucdp') and within 161 km otherwise.
Prints the knots to paste into ``geonorm/matching/scoring.py`` (CALIBRATION) and the expected
calibration error before and after. The gold data stays where it is: pass paths.
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

import _common  # noqa: F401,E402  (puts this repository's geonorm on the path)
from geonorm import Gazetteer, Resolver
from geonorm.matching import scoring
from geonorm.matching.hints import haversine_km


def pav(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Isotonic regression of y on x (sorted by x): returns block means and block x-centres."""
    ux, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)  # pool ties first
    uy = np.bincount(inverse, weights=y.astype(float)) / counts
    vals, wts, xs = [], [], []
    for xi, yi, wi in zip(ux, uy, counts.astype(float)):
        vals.append(yi), wts.append(wi), xs.append(xi)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            w = wts[-2] + wts[-1]
            v = (vals[-2] * wts[-2] + vals[-1] * wts[-1]) / w
            xm = (xs[-2] * wts[-2] + xs[-1] * wts[-1]) / w
            vals[-2:], wts[-2:], xs[-2:] = [v], [w], [xm]
    return np.array(xs), np.array(vals)


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf >= lo) & (conf < hi if hi < 1 else conf <= hi)
        if sel.any():
            total += sel.sum() * abs(conf[sel].mean() - correct[sel].mean())
    return total / len(conf)


def collect(resolver: Resolver, paths: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Raw confidences and correctness of the answered items of the gold files."""
    raw, ok = [], []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                g = json.loads(line)
                m = resolver.resolve(g["mention"])
                if not m.ok:
                    continue
                limit = 20 if str(g.get("source", "")).startswith("ucdp") else 161
                raw.append(m.confidence)
                ok.append(float(haversine_km(g["gold_lat"], g["gold_lon"], m.lat, m.lon)) <= limit)
    return np.array(raw), np.array(ok, dtype=float)


def fit(raw: np.ndarray, ok: np.ndarray, n_knots: int) -> list[tuple[float, float]]:
    """Isotonic fit thinned to knots at quantiles of the raw confidence."""
    xs, vals = pav(raw, ok)
    qs = np.quantile(raw, np.linspace(0, 1, n_knots))
    fitted = np.interp(qs, xs, vals)
    knots = [(0.0, 0.0)]
    for q, f in zip(qs.tolist(), fitted.tolist()):
        if q > knots[-1][0]:
            knots.append((round(q, 6), round(max(f, knots[-1][1]), 3)))
    if knots[-1][0] < 1.0:
        knots.append((1.0, knots[-1][1]))
    return knots


def apply(knots, raw: np.ndarray) -> np.ndarray:
    return np.interp(raw, [k[0] for k in knots], [k[1] for k in knots])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--knots", type=int, default=12)
    ap.add_argument("--test", nargs="*", default=[], help="held-out files to report ECE on")
    a = ap.parse_args()
    scoring.CALIBRATION = None  # raw softmax confidences
    r = Resolver(Gazetteer.default(progress=False))
    raw, ok = collect(r, a.gold)
    knots = fit(raw, ok, a.knots)
    print(f"fit: n={len(raw)} accuracy={ok.mean():.3f} ECE raw {ece(raw, ok):.4f} -> "
          f"calibrated {ece(apply(knots, raw), ok):.4f}", file=sys.stderr)
    if a.test:
        t_raw, t_ok = collect(r, a.test)
        print(f"held out: n={len(t_raw)} ECE raw {ece(t_raw, t_ok):.4f} -> "
              f"calibrated {ece(apply(knots, t_raw), t_ok):.4f}", file=sys.stderr)
    print("CALIBRATION = " + json.dumps(knots))


if __name__ == "__main__":
    main()
