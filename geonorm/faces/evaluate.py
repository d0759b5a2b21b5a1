"""``geonorm eval``: measure a resolver against a gold JSONL file of place mentions.

The gold format is the one of the project's evaluation data (one JSON object per line with
``id``, ``mention``, ``gold_lat``, ``gold_lon`` and optionally ``gold_geonameid``, ``text``,
``start``, ``end``, ``source``, ``meta``). Gold data is never shipped with geonorm: the command
takes a path.

Metrics (all over the filtered items, unanswered items count as wrong):

- ``acc@20km`` / ``acc@161km``: share of items whose prediction is within 20 / 161 km of the gold
  point; ``median_km`` / ``mean_km``: error over *answered* items (as ``score.py`` does);
- ``geonameid_acc``: share of items with a gold GeoNames id whose predicted id equals it;
- ``auc``: area under the curve of ``log(1 + error_km) / log(20039)`` over the items sorted by
  error (Gritta et al. 2018, "What's missing in geographical parsing?"); unanswered items count as
  the maximum error (20039 km, half the Earth's circumference); lower is better, 0 is perfect;
- ``abstention``: share of items without an answer;
- ``by_kind``: acc@161km (and acc@20km) per ``match_kind``;
- ``ece``: expected calibration error of ``confidence`` over answered items, 10 equal-width bins;
  an answer is *correct* within 20 km for UCDP items (``source`` starting with ``ucdp``) and within
  161 km otherwise;
- ``at_confidence``: for thresholds 0.5 and 0.9, coverage (share of all items answered at that
  confidence or above) and accuracy among those answers (same notion of correct).

Baselines (``baselines=True``): :class:`ExactBaseline` (exact lookup of the normalized mention,
ties broken by population) and :class:`FuzzyBaseline` (rapidfuzz ``process.extractOne`` with
``WRatio`` over every distinct normalized gazetteer name, then the most populous place with that
name).
"""
from __future__ import annotations

import json
import math
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..matching.match import Match

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
THRESHOLDS_KM = (20.0, 161.0)
CONFIDENCE_LEVELS = (0.5, 0.9)
ECE_BINS = 10
REQUIRED_FIELDS = ("id", "mention", "gold_lat", "gold_lon")

ContextResolver = Callable[[object, dict], Match]


# ---- reading gold ------------------------------------------------------------------------------
@dataclass
class GoldItem:
    id: str
    mention: str
    lat: float
    lon: float
    geonameid: int | None
    source: str
    record: dict  # the whole gold line (text, start, end, meta, ...)
    line: int

    @property
    def correct_km(self) -> float:
        """Distance within which an answer counts as correct for calibration (20 km for UCDP)."""
        return 20.0 if self.source.lower().startswith("ucdp") else 161.0


@dataclass
class GoldFile:
    items: list[GoldItem] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line number, what is wrong)
    filtered_out: int = 0
    lines: int = 0


def get_path(d, dotted: str):
    """``meta.where_prec`` -> d['meta']['where_prec'] (None when absent), as score.py does."""
    for part in dotted.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(part)
    return d


def parse_filters(filters: Iterable[str | tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for f in filters or ():
        if isinstance(f, tuple):
            out.append((str(f[0]), str(f[1])))
            continue
        if "=" not in f:
            raise ValueError(f"filter {f!r} is not KEY=VALUE (e.g. meta.canonical_in_mention=false)")
        k, v = f.split("=", 1)
        out.append((k.strip(), v.strip()))
    return out


def _matches(record: dict, filters: list[tuple[str, str]]) -> bool:
    return all(str(get_path(record, k)).lower() == v.lower() for k, v in filters)


def _coordinate(value, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{name} is {value!r}, not a number")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} is {value!r}, not a number") from None
    if not math.isfinite(x) or not lo <= x <= hi:
        raise ValueError(f"{name} {value!r} is outside [{lo:g}, {hi:g}]")
    return x


def read_gold(path: str | Path, filters: Iterable = ()) -> GoldFile:
    """Read a gold JSONL; bad lines are recorded in ``problems`` with their line number and skipped."""
    flt = parse_filters(filters)
    gold = GoldFile()
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            gold.lines = lineno
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                gold.problems.append((lineno, f"broken JSON: {exc.msg} (column {exc.colno})"))
                continue
            if not isinstance(rec, dict):
                gold.problems.append((lineno, f"a JSON {type(rec).__name__}, not an object"))
                continue
            missing = [f for f in REQUIRED_FIELDS if f not in rec or rec[f] is None]
            if missing:
                gold.problems.append((lineno, f"missing field(s): {', '.join(missing)}"))
                continue
            try:
                lat = _coordinate(rec["gold_lat"], "gold_lat", -90, 90)
                lon = _coordinate(rec["gold_lon"], "gold_lon", -180, 180)
            except ValueError as exc:
                gold.problems.append((lineno, str(exc)))
                continue
            if not isinstance(rec["mention"], str):
                gold.problems.append((lineno, f"mention is {type(rec['mention']).__name__}, not text"))
                continue
            gid = rec.get("gold_geonameid")
            try:
                gid = int(gid) if gid not in (None, "") else None
            except (TypeError, ValueError):
                gold.problems.append((lineno, f"gold_geonameid {gid!r} is not an integer"))
                continue
            item_id = str(rec["id"])
            if item_id in seen:
                gold.problems.append((lineno, f"duplicate id {item_id!r}"))
                continue
            seen.add(item_id)
            if flt and not _matches(rec, flt):
                gold.filtered_out += 1
                continue
            gold.items.append(GoldItem(id=item_id, mention=rec["mention"], lat=lat, lon=lon,
                                       geonameid=gid or None, source=str(rec.get("source") or ""),
                                       record=rec, line=lineno))
    return gold


# ---- metrics -----------------------------------------------------------------------------------
def haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance, same formula and radius as the project's score.py."""
    r = 6371.0088
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Outcome:
    """One item's prediction and how it scored."""

    item: GoldItem
    lat: float | None
    lon: float | None
    geonameid: int | None
    confidence: float
    kind: str
    error_km: float | None  # None when unanswered
    failure: str = ""  # the resolver raised

    @property
    def answered(self) -> bool:
        return self.error_km is not None

    @property
    def correct(self) -> bool:
        return self.error_km is not None and self.error_km <= self.item.correct_km


def auc_of_errors(errors_km: list[float | None]) -> float | None:
    """Gritta et al. (2018) AUC: trapezoid area under sorted log(1+err)/log(20039), scaled to [0, 1].

    ``None`` (unanswered) counts as the maximum error. Lower is better.
    """
    if not errors_km:
        return None
    top = math.log(EARTH_HALF_CIRCUMFERENCE_KM)
    ys = sorted(min(1.0, math.log1p(EARTH_HALF_CIRCUMFERENCE_KM if e is None else e) / top)
                for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / (len(ys) - 1)


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = ECE_BINS) -> float | None:
    """ECE: sum over equal-width confidence bins of |bin| / N * |accuracy - mean confidence|."""
    if not pairs:
        return None
    groups: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, ok in pairs:
        c = min(max(float(conf), 0.0), 1.0)
        groups[min(int(c * bins), bins - 1)].append((c, ok))
    total = len(pairs)
    ece = 0.0
    for members in groups.values():
        acc = sum(ok for _, ok in members) / len(members)
        conf = sum(c for c, _ in members) / len(members)
        ece += len(members) / total * abs(acc - conf)
    return ece


def _r(x, nd=4):
    return None if x is None else round(x, nd)


def metrics(outcomes: list[Outcome]) -> dict:
    n = len(outcomes)
    answered = [o for o in outcomes if o.answered]
    errs = [o.error_km for o in answered]
    with_id = [o for o in outcomes if o.item.geonameid]
    out = {
        "n": n,
        "answered": len(answered),
        "acc@20km": _r(sum(e <= 20 for e in errs) / n) if n else None,
        "acc@161km": _r(sum(e <= 161 for e in errs) / n) if n else None,
        "median_km": _r(statistics.median(errs), 2) if errs else None,
        "mean_km": _r(statistics.mean(errs), 2) if errs else None,
        "geonameid_items": len(with_id),
        "geonameid_acc": _r(sum(o.geonameid == o.item.geonameid for o in with_id) / len(with_id))
        if with_id else None,
        "auc": _r(auc_of_errors([o.error_km for o in outcomes])),
        "abstention": _r(1 - len(answered) / n) if n else None,
        "failures": sum(bool(o.failure) for o in outcomes),
    }
    kinds: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        kinds[o.kind if o.answered else "none"].append(o)
    out["by_kind"] = {
        k: {"n": len(v), "acc@161km": _r(sum(o.answered and o.error_km <= 161 for o in v) / len(v)),
            "acc@20km": _r(sum(o.answered and o.error_km <= 20 for o in v) / len(v))}
        for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1]))}
    correct_def = sorted({f"{o.item.correct_km:g}km" for o in outcomes})
    out["correct_within"] = "/".join(correct_def)
    out["ece"] = _r(expected_calibration_error([(o.confidence, o.correct) for o in answered]))
    out["at_confidence"] = {}
    for t in CONFIDENCE_LEVELS:
        sel = [o for o in answered if o.confidence >= t]
        out["at_confidence"][f">={t:g}"] = {
            "coverage": _r(len(sel) / n) if n else None,
            "accuracy": _r(sum(o.correct for o in sel) / len(sel)) if sel else None,
        }
    return out


# ---- running a resolver ------------------------------------------------------------------------
def mention_resolver(resolver, item: dict) -> Match:
    """Mention mode: resolve the mention string alone (no hints, no document)."""
    return resolver.resolve(item["mention"])


def _outcome(item: GoldItem, m) -> Outcome:
    lat = getattr(m, "lat", None) if m is not None else None
    lon = getattr(m, "lon", None) if m is not None else None
    if lat is None or lon is None or (isinstance(lat, float) and math.isnan(lat)):
        return Outcome(item, None, None, getattr(m, "id", None), 0.0, "none", None)
    gid = getattr(m, "id", None)
    return Outcome(item, float(lat), float(lon), int(gid) if gid is not None else None,
                   float(getattr(m, "confidence", 0.0) or 0.0), getattr(m, "match_kind", "") or "unknown",
                   haversine_km(item.lat, item.lon, float(lat), float(lon)))


def run(items: list[GoldItem], resolver, resolve_item: ContextResolver = mention_resolver,
        progress: Callable[[int, int], None] | None = None) -> tuple[list[Outcome], float]:
    """Resolve every item; returns the outcomes and the seconds spent resolving."""
    outcomes = []
    t0 = time.perf_counter()
    for i, item in enumerate(items):
        try:
            m = resolve_item(resolver, item.record)
            o = _outcome(item, m)
        except Exception as exc:  # noqa: BLE001 - one bad item must not stop an evaluation
            o = Outcome(item, None, None, None, 0.0, "none", None,
                        failure=f"{type(exc).__name__}: {exc}")
        outcomes.append(o)
        if progress and (i + 1) % 200 == 0:
            progress(i + 1, len(items))
    return outcomes, time.perf_counter() - t0


def write_predictions(outcomes: list[Outcome], path: str | Path) -> None:
    """Predictions in score.py's format: {"id", "pred_lat", "pred_lon", "pred_geonameid"}."""
    with open(path, "w", encoding="utf-8") as fh:
        for o in outcomes:
            fh.write(json.dumps({"id": o.item.record["id"], "pred_lat": o.lat, "pred_lon": o.lon,
                                 "pred_geonameid": o.geonameid}) + "\n")


# ---- baselines ---------------------------------------------------------------------------------
class _PopulationPick:
    def __init__(self, gazetteer) -> None:
        self.gazetteer = gazetteer

    def _best_place(self, query: str, form_rows, kind: str, matched: str) -> Match:
        gaz = self.gazetteer
        places = {int(gaz.form_place[int(fr)]) for fr in form_rows}
        if not places:
            return Match(query=query, reason="no gazetteer name")
        # ties by population (then by the lower row, to be deterministic)
        row = max(places, key=lambda r: (int(gaz.place_pop[r]), -r))
        p = gaz.place(row)
        return Match(query=query, id=p.id, name=p.name, lat=p.lat, lon=p.lon,
                     country_code=p.country_code, population=p.population,
                     confidence=round(1.0 / len(places), 4), matched_name=matched, match_kind=kind)


class ExactBaseline(_PopulationPick):
    """Exact lookup of the normalized mention among all gazetteer names; the most populous place.

    Confidence is 1 / (number of places with that name).
    """

    name = "exact"

    def resolve(self, query: str) -> Match:
        from ..names.normalize import normalize
        key = normalize(query or "")
        if not key:
            return Match(query=query or "", reason="empty")
        return self._best_place(query, self.gazetteer.lookup("exact", key), "exact", key)


class FuzzyBaseline(_PopulationPick):
    """rapidfuzz ``process.extractOne(q, names, scorer=WRatio, processor=None)`` over every distinct
    normalized gazetteer name, then the most populous place with the best name. Cached per distinct
    normalized mention. Confidence is the WRatio score / 100 divided by the number of places.
    """

    name = "fuzzy"

    def __init__(self, gazetteer) -> None:
        super().__init__(gazetteer)
        self._cache: dict[str, Match] = {}
        self._choices: list[str] | None = None

    @property
    def choices(self) -> list[str]:
        """Every distinct normalized name of the gazetteer (built on first use, ~10 s for the default)."""
        if self._choices is None:
            from ..names.normalize import normalize
            self._choices = sorted({normalize(t) for t in self.gazetteer.form_text} - {""})
        return self._choices

    def resolve(self, query: str) -> Match:
        from rapidfuzz import fuzz, process

        from ..names.normalize import normalize
        key = normalize(query or "")
        if not key:
            return Match(query=query or "", reason="empty")
        hit = self._cache.get(key)
        if hit is None:
            best = process.extractOne(key, self.choices, scorer=fuzz.WRatio, processor=None)
            if best is None:
                hit = Match(query=query, reason="no name")
            else:
                name, score, _ = best
                hit = self._best_place(query, self.gazetteer.lookup("exact", name), "fuzzy", name)
                if hit.ok:
                    hit.confidence = round(score / 100.0 * hit.confidence, 4)
            self._cache[key] = hit
        return hit


HINT_NAMES = ("country", "admin1", "admin2", "date", "text")


def parse_hints(hints: Iterable[str | tuple[str, str]], mode: str = "mention") -> list[tuple[str, str]]:
    """``admin1=meta.adm_1`` -> [('admin1', 'meta.adm_1')]: a resolver hint taken from a (dotted)
    field of each gold record, for the mention and column modes."""
    out = []
    for h in hints or ():
        name, path = h if isinstance(h, tuple) else str(h).partition("=")[::2]
        name, path = str(name).strip(), str(path).strip()
        if name not in HINT_NAMES or not path:
            raise ValueError(f"hint {h!r} is not NAME=FIELD with NAME one of {', '.join(HINT_NAMES)} "
                             "(e.g. admin1=meta.adm_1)")
        out.append((name, path))
    if out and mode == "context":
        raise ValueError("hints are for the mention and column modes (context mode reads the documents)")
    return out


def hinted_resolver(hints: list[tuple[str, str]]) -> ContextResolver:
    """Mention mode with hints: each mention with its record's hint fields, as a table row is
    resolved (a bad hint value is dropped, and the explanation says so)."""
    from .table import resolve_row

    def resolve_item(resolver, record: dict) -> Match:
        return resolve_row(resolver, record["mention"], {n: get_path(record, p) for n, p in hints})
    resolve_item.__name__ = "hinted_resolver"
    return resolve_item


def run_column(items: list[GoldItem], resolver, hints: list[tuple[str, str]]) -> tuple[list[Outcome], float]:
    """Column mode: the mentions as one column of a table (hint fields as its columns) through
    :func:`geonorm.normalize`, column context included, as a user's CSV would be."""
    import pandas as pd

    from .table import normalize
    frame = pd.DataFrame({"mention": [it.mention for it in items],
                          **{f"hint_{n}": [get_path(it.record, p) for it in items] for n, p in hints}})
    t0 = time.perf_counter()
    res = normalize(frame, "mention", resolver=resolver, **{n: f"hint_{n}" for n, _ in hints})
    secs = time.perf_counter() - t0
    outcomes = []
    for item, row in zip(items, res.itertuples(index=False)):
        m = None if pd.isna(row.geo_lat) else Match(
            query=item.mention, id=int(row.geo_id), lat=float(row.geo_lat), lon=float(row.geo_lon),
            confidence=float(row.geo_confidence), match_kind=str(row.geo_match_kind))
        outcomes.append(_outcome(item, m))
    return outcomes, secs


# ---- the whole evaluation ----------------------------------------------------------------------
def evaluate(gold_path, resolver, mode: str = "mention", filters=(), baselines: bool = False,
             out=None, context_resolver: ContextResolver | None = None,
             progress: Callable[[str, int, int], None] | None = None, hints=()) -> dict:
    """Evaluate ``resolver`` (anything with ``.resolve(text) -> Match``) on a gold JSONL file.

    ``mode='mention'`` resolves each mention alone. ``mode='context'`` calls
    ``context_resolver(resolver, gold_record)`` for each item (the record has ``text``, ``start``,
    ``end``...); without one it falls back to mention mode for now. ``out``: write the
    predictions (score.py's format) there; with ``baselines`` the baselines' predictions go to
    ``<out stem>.exact.jsonl`` and ``<out stem>.fuzzy.jsonl``. ``mode='column'`` resolves the
    mentions as one table column (:func:`run_column`). ``hints``: ``NAME=FIELD`` pairs (see
    :func:`parse_hints`) for the mention and column modes. Returns a dict of metrics (see module doc).
    """
    if mode not in ("mention", "context", "column"):
        raise ValueError(f"mode must be 'mention', 'context' or 'column', got {mode!r}")
    hints = parse_hints(hints, mode)
    gold = read_gold(gold_path, filters)
    resolve_item = hinted_resolver(hints) if hints else mention_resolver
    if mode == "context":
        if context_resolver is None:
            from .text import DocumentContextResolver
            # all gold spans of each document (unfiltered), resolved together once per document
            context_resolver = DocumentContextResolver(read_gold(gold_path).items)
        resolve_item = context_resolver
    report = {
        "gold": str(gold_path), "mode": mode,
        "context_resolver": getattr(resolve_item, "__name__", repr(resolve_item)),
        "filters": [f"{k}={v}" for k, v in parse_filters(filters)],
        "hints": [f"{n}={p}" for n, p in hints],
        "lines": gold.lines, "skipped": len(gold.problems),
        "problems": [{"line": ln, "problem": msg} for ln, msg in gold.problems],
        "filtered_out": gold.filtered_out,
    }
    prog = (lambda name: (lambda i, n: progress(name, i, n))) if progress else (lambda name: None)
    if mode == "column":
        report["context_resolver"] = "column"
        outcomes, secs = run_column(gold.items, resolver, hints)
    else:
        outcomes, secs = run(gold.items, resolver, resolve_item, prog("geonorm"))
    res = metrics(outcomes)
    res["seconds"] = round(secs, 2)
    res["failure_examples"] = [f"line {o.item.line}: {o.failure}" for o in outcomes if o.failure][:5]
    report["geonorm"] = res
    if out:
        write_predictions(outcomes, out)
        report["predictions"] = str(out)
    if baselines:
        gaz = getattr(resolver, "gazetteer", None)
        if gaz is None:
            raise ValueError("baselines need a resolver with a .gazetteer")
        report["baselines"] = {}
        for base in (ExactBaseline(gaz), FuzzyBaseline(gaz)):
            t0 = time.perf_counter()
            if isinstance(base, FuzzyBaseline):
                base.choices  # noqa: B018 - build the name list outside the timed resolving
            prep = time.perf_counter() - t0
            b_out, b_secs = run(gold.items, base, mention_resolver, prog(base.name))
            bm = metrics(b_out)
            bm["seconds"] = round(b_secs, 2)
            bm["prepare_seconds"] = round(prep, 2)
            report["baselines"][base.name] = bm
            if out:
                stem = str(out)[:-len(".jsonl")] if str(out).endswith(".jsonl") else str(out)
                write_predictions(b_out, f"{stem}.{base.name}.jsonl")
    return report


# ---- printing ----------------------------------------------------------------------------------
_ROWS = [("n", "n"), ("answered", "answered"), ("acc@20km", "acc@20km"), ("acc@161km", "acc@161km"),
         ("median_km", "median error km"), ("mean_km", "mean error km"),
         ("geonameid_acc", "GeoNames id acc"), ("auc", "AUC log error (lower=better)"),
         ("abstention", "abstention"), ("ece", "ECE (10 bins)")]


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.4f}" if abs(v) < 10 else f"{v:.1f}"
    return str(v)


def _ratio(a, b) -> str:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or b == 0:
        return "-"
    return f"{a / b:.2f}x"


def format_report(report: dict) -> str:
    g = report["geonorm"]
    base = report.get("baselines") or {}
    lines = [f"gold: {report['gold']}  mode: {report['mode']}"
             + (f"  filters: {', '.join(report['filters'])}" if report["filters"] else "")]
    if report["skipped"]:
        lines.append(f"skipped {report['skipped']} bad line(s):")
        lines += [f"  line {p['line']}: {p['problem']}" for p in report["problems"][:20]]
        if report["skipped"] > 20:
            lines.append(f"  ... and {report['skipped'] - 20} more")
    if report["filtered_out"]:
        lines.append(f"filtered out: {report['filtered_out']}")
    if g.get("failures"):
        lines.append(f"resolver raised on {g['failures']} item(s), counted unanswered: "
                     + "; ".join(g["failure_examples"]))
    head = f"{'metric':<30}{'geonorm':>10}"
    for name in base:
        head += f"{name:>10}{'ratio':>8}"
    lines.append(head)
    extra_rows = [(f"acc@conf{k}", f"accuracy at confidence {k}", "accuracy") for k in g["at_confidence"]]
    extra_rows += [(f"cov@conf{k}", f"coverage at confidence {k}", "coverage") for k in g["at_confidence"]]
    for key, label in _ROWS:
        row = f"{label:<30}{_fmt(g.get(key)):>10}"
        for b in base.values():
            row += f"{_fmt(b.get(key)):>10}{(_ratio(g.get(key), b.get(key)) if key != 'n' else ''):>8}"
        lines.append(row)
    for key, label, sub in extra_rows:
        k = key.split("@conf", 1)[1]
        v = g["at_confidence"][k][sub]
        row = f"{label:<30}{_fmt(v):>10}"
        for b in base.values():
            bv = b["at_confidence"][k][sub]
            row += f"{_fmt(bv):>10}{_ratio(v, bv):>8}"
        lines.append(row)
    row = f"{'seconds resolving':<30}{_fmt(g['seconds']):>10}"
    for b in base.values():
        row += f"{_fmt(b['seconds']):>10}{_ratio(g['seconds'], b['seconds']):>8}"
    lines.append(row)
    lines.append(f"(calibration: correct = within {g['correct_within']}; ECE over answered items)")
    lines.append("geonorm acc@161km by match kind:")
    for k, v in g["by_kind"].items():
        lines.append(f"  {k:<16} n={v['n']:<6} acc@161km={v['acc@161km']:.4f}  acc@20km={v['acc@20km']:.4f}")
    if report.get("predictions"):
        lines.append(f"predictions written to {report['predictions']}")
    return "\n".join(lines)


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--mode", type=click.Choice(["mention", "context", "column"]), default="mention", show_default=True,
              help="mention: resolve the mention alone; context: resolve each document's gold spans together "
                   "(document context), or a mention without offsets with its text as context; column: the "
                   "mentions as one table column (column context).")
@click.option("--hint", "hints", multiple=True, metavar="NAME=FIELD",
              help="A resolver hint from a (dotted) field of each gold line, NAME one of country, admin1, admin2, "
                   "date, text (a source text whose places are context); e.g. admin1=meta.adm_1. Repeatable; "
                   "mention and column modes.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True),
              help="Write predictions (JSONL: id, pred_lat, pred_lon, pred_geonameid) here.")
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE",
              help="Keep items whose (dotted) field equals VALUE, e.g. meta.canonical_in_mention=false. Repeatable.")
@click.option("--baselines", is_flag=True, help="Also run the exact-lookup and rapidfuzz baselines (slow).")
@click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
def eval_command(gold, mode, out, filters, baselines, index, as_json, hints):
    """Evaluate geonorm on a gold JSONL file (fields id, mention, gold_lat, gold_lon, ...)."""
    try:
        flt = parse_filters(filters)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--filter") from None
    try:
        hint_fields = parse_hints(hints, mode)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--hint") from None
    from ..gazetteer import Gazetteer
    from ..matching.resolver import Resolver
    gaz = Gazetteer.open(index) if index else Gazetteer.default(progress=not as_json)
    resolver = Resolver(gaz)

    def progress(name, i, n):
        click.echo(f"  {name}: {i}/{n}", err=True)

    try:
        report = evaluate(gold, resolver, mode=mode, filters=flt, baselines=baselines, out=out,
                          progress=progress if sys.stderr.isatty() else None, hints=hint_fields)
    except (OSError, UnicodeError) as exc:
        raise click.ClickException(f"cannot read {gold}: {exc}") from None
    if as_json:
        click.echo(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        click.echo(format_report(report))
    if not report["geonorm"]["n"]:  # (a wrong file, every line bad, or filtered out: no score to read)
        raise click.ClickException(f"no gold item to score in {gold}")
