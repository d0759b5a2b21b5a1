"""Places in running text: find mentions, link spans from any NER, resolve a document jointly.

    >>> from geonorm.faces.text import extract, link, to_geojson
    >>> for m in extract(open("article.txt").read()):
    ...     print(m.text, m.start, m.end, m.match.name, m.match.id)

``extract`` finds mentions with the gazetteer tagger (:mod:`geonorm.faces.tagger`); ``link``
takes spans from any recognizer. Both resolve the document *jointly* (``joint=True``):

1. every distinct mention is resolved alone;
2. the confident answers become soft evidence (:class:`~geonorm.matching.context.Context`,
   label 'document context'): their countries, their first-level areas and their points.
   Mentions that name an area ("Donetsk People's Republic", "Donetsk region", "Donbass") count
   double as area evidence;
3. relations stated in the text ("south of Dimitrov", "north of X", "near X", "outside X")
   make the related mention's point a soft ``near`` hint for the mention they describe;
4. every mention is resolved again with that evidence (twice: answers that became confident
   join the evidence), and the explanation names the other mentions that moved it.

One sense per discourse: every occurrence of the same surface form gets the same answer.
"""
from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from ..matching.context import Context
from ..matching.hints import haversine_km
from ..matching.match import Match
from ..sources.curated import area_codes

CONFIDENT = 0.6  # answers at or above this are evidence for the others
AREA_WEIGHT = 2.0  # an explicit area mention counts this many times as area evidence
CANDIDATE_VOTE = 0.5  # share of the admin1 context given to the other mentions' possible areas
ROUNDS = 2
_TOWN_LEVELS = ("populated place", "admin2", "admin3", "admin")
_CODE_RE = re.compile(r"[A-Z]{2}")
RELATION_WINDOW = 80  # characters between 'south of' and the mention it relates to

_REL_RE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?(?:ward)?\s+of"
    r"|near(?:by)?|outside(?:\s+of)?|close\s+to|next\s+to|outskirts\s+of|(?:kilometres|kilometers|km|miles)\s+"
    r"(?:\w+\s+)?(?:of|from))\b", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")


@dataclass
class Mention:
    """A place mention: the span of the text, its offsets and the resolved :class:`Match`."""

    text: str
    start: int
    end: int
    match: Match
    source: str = "tagger"  # 'tagger' | 'user' | 'spacy'
    label: str = ""  # the recognizer's label, when it gave one

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "source": self.source,
                "label": self.label, "match": self.match.to_dict()}


# ---- public API ----------------------------------------------------------------------------------
def extract(text: str, *, resolver=None, country=None, as_of=None, min_confidence: float | None = None,
            joint: bool = True, propose: bool = True) -> list[Mention]:
    """Find and resolve the place mentions of ``text``.

    ``country`` / ``as_of`` are hints for every mention; ``min_confidence`` drops answers below
    it; ``joint=False`` resolves every mention alone; ``propose=False`` turns off the matcher's
    proposals for words the automaton does not know (typos, transliterations). Mentions that
    resolve to nothing are left out."""
    from .tagger import Tagger, tag
    if text is None or not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not text.strip():
        return []
    resolver = _resolver(resolver)
    tagger = Tagger.for_gazetteer(resolver.gazetteer)
    spans = tag(text, tagger, resolver, propose=propose)
    items = [(sp.start, sp.end, "tagger", "", sp.query) for sp in spans]
    mentions = _resolve_document(text, items, resolver, country=country, as_of=as_of,
                                 min_confidence=min_confidence, joint=joint)
    return [m for m in mentions if m.match.ok]


def link(text: str, spans, *, resolver=None, country=None, as_of=None,
         min_confidence: float | None = None, joint: bool = True, source: str = "user") -> list[Mention]:
    """Resolve spans found by any recognizer: ``(start, end)`` tuples, or dicts with ``start``,
    ``end`` and optionally ``label``. One :class:`Mention` per span, in the order given (its
    ``match`` abstains when nothing fits). Out-of-range, empty or overlapping spans raise
    ValueError naming the span."""
    if text is None or not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    items = validate_spans(text, spans, source)
    if not items:
        return []
    resolver = _resolver(resolver)
    return _resolve_document(text, items, resolver, country=country, as_of=as_of,
                             min_confidence=min_confidence, joint=joint)


def validate_spans(text: str, spans, source: str = "user") -> list[tuple[int, int, str, str]]:
    """Spans as (start, end, source, label); ValueError for bad ones."""
    if spans is None:
        return []
    items = []
    for i, sp in enumerate(spans):
        label = ""
        if isinstance(sp, dict):
            if "start" not in sp or "end" not in sp:
                raise ValueError(f"span #{i} {sp!r} has no 'start'/'end'")
            s, e, label = sp["start"], sp["end"], str(sp.get("label") or "")
        else:
            try:
                s, e = sp[0], sp[1]
                if len(sp) > 2 and sp[2] is not None:
                    label = str(sp[2])
            except (TypeError, IndexError, KeyError):
                raise ValueError(f"span #{i} {sp!r} is not (start, end) or a dict with start/end") from None
        if isinstance(s, bool) or isinstance(e, bool) or not isinstance(s, (int, np.integer)) \
                or not isinstance(e, (int, np.integer)):
            raise ValueError(f"span #{i} {sp!r}: start and end must be integers")
        s, e = int(s), int(e)
        if s < 0 or e > len(text):
            raise ValueError(f"span #{i} ({s}, {e}) is out of range for a text of {len(text)} characters")
        if s >= e:
            raise ValueError(f"span #{i} ({s}, {e}) is empty or reversed (start must be < end)")
        items.append((s, e, source, label, i))
    order = sorted(items, key=lambda x: (x[0], x[1]))
    for a, b in zip(order, order[1:]):
        if b[0] < a[1]:
            raise ValueError(f"span #{b[4]} ({b[0]}, {b[1]}) overlaps span #{a[4]} ({a[0]}, {a[1]})")
    return [x[:4] for x in items]


def to_geojson(mentions, **extra) -> dict:
    """A GeoJSON FeatureCollection: one Point feature per resolved mention, with properties
    mention, start, end, id, name, confidence, match_kind (and source, feature, country_code)."""
    feats = []
    for m in mentions:
        mt = m.match
        if not mt.ok or mt.lat is None:
            continue
        props = {"mention": m.text, "start": m.start, "end": m.end, "id": mt.id, "name": mt.name,
                 "confidence": mt.confidence, "match_kind": mt.match_kind, "source": m.source,
                 "feature": mt.feature, "country_code": mt.country_code, "admin1": mt.admin1}
        feats.append(_feature(mt, props))
    fc = {"type": "FeatureCollection", "features": feats}
    fc.update(extra)
    return fc


def _feature(match: Match, props: dict) -> dict:
    try:
        from .geojson import to_feature  # the shared GeoJSON face, when present
        return to_feature(match, **props)
    except ImportError:
        pass
    from shapely.geometry import mapping
    geom = mapping(match.point)
    return {"type": "Feature", "geometry": {"type": geom["type"], "coordinates": list(geom["coordinates"])},
            "properties": props}


# ---- evaluation hook -------------------------------------------------------------------------------
def context_resolve_document(text: str, spans, resolver) -> list[Match]:
    """Resolve the given (start, end) spans of ``text`` jointly; the matches in span order."""
    items = validate_spans(text, spans)
    if not items:
        return []
    return [m.match for m in _resolve_document(text, items, resolver)]


class DocumentContextResolver:
    """``geonorm eval --mode context`` hook: ``hook(resolver, record) -> Match``.

    Built over all gold records (``GoldItem.record`` dicts): the gold spans of a document are
    resolved together, once per document, and each record gets the match of its own span.
    Records without text or offsets fall back to resolving the mention alone."""

    __name__ = "document_context"

    def __init__(self, records=()) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rec in records:
            rec = getattr(rec, "record", rec)
            t, s, e = rec.get("text"), rec.get("start"), rec.get("end")
            if t and isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(t):
                self._spans[t].append((s, e))
        self._done: dict[str, dict[tuple[int, int], Match]] = {}

    def __call__(self, resolver, record: dict) -> Match:
        t, s, e = record.get("text"), record.get("start"), record.get("end")
        if not t or not isinstance(s, int) or not isinstance(e, int) or not (0 <= s < e <= len(t)):
            return resolver.resolve(record.get("mention"))
        doc = self._done.get(t)
        if doc is None or (s, e) not in doc:
            spans = sorted(set(self._spans.get(t, [])) | {(s, e)})
            spans = _drop_overlaps(spans)
            matches = context_resolve_document(t, spans, resolver)
            doc = dict(zip(spans, matches))
            self._done[t] = doc
            if len(self._done) > 64:
                self._done.pop(next(iter(self._done)))
        return doc.get((s, e)) or resolver.resolve(record.get("mention"))


def context_resolver(resolver, record: dict) -> Match:
    """Hook without the other gold spans: the document's mentions are the tagger's, plus the
    record's own span."""
    t, s, e = record.get("text"), record.get("start"), record.get("end")
    if not t or not isinstance(s, int) or not isinstance(e, int) or not (0 <= s < e <= len(t)):
        return resolver.resolve(record.get("mention"))
    from .tagger import Tagger, tag
    spans = [(sp.start, sp.end) for sp in tag(t, Tagger.for_gazetteer(resolver.gazetteer), resolver)
             if sp.end <= s or sp.start >= e]
    spans = sorted(spans + [(s, e)])
    matches = context_resolve_document(t, spans, resolver)
    return matches[spans.index((s, e))]


def _drop_overlaps(spans):
    out = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


# ---- the joint resolution ----------------------------------------------------------------------------
def _resolver(resolver):
    if resolver is None:
        from ..matching.resolver import default_resolver
        return default_resolver()
    return resolver


def _query(surface: str) -> str:
    q = _POSSESSIVE_RE.sub("", surface.strip())
    return q or surface


@dataclass
class _Evidence:
    context: Context
    # who supports what: for explanations
    by_country: dict = field(default_factory=dict)
    by_admin1: dict = field(default_factory=dict)


def _located(m: Match) -> bool:
    return m.ok and m.lat is not None and m.lon is not None and m.lat == m.lat and m.lon == m.lon


def _candidate_areas(m: Match) -> set[tuple[str, str]]:
    """(country, admin1) of a mention's answer and runner-ups: where it might be."""
    return {(cc, a1) for cc, a1, _, _ in m.places() if cc and a1}


def _named_counties(m: Match, gaz) -> dict[int, float]:
    """{second-level area row: weight} a mention names when it is a county ('Walker County'):
    its answer (1) and its runner-ups that are counties too (0.5). Town mentions do not vote:
    small namesakes share counties by chance."""
    if not m.ok or m.feature != "admin2":
        return {}
    out = {}
    for i, pid in enumerate([m.id] + [a.id for a in m.alternatives]):
        row = gaz.row_of(pid)
        if row is not None and gaz.admin2_row(row) == row:
            out.setdefault(row, 1.0 if i == 0 else 0.5)
    return out


def _names_within(other: str, query: str) -> bool:
    """Is ``other`` this mention, or a longer name that starts with it ('Mexico City' for
    'Mexico', 'Kansas City' for 'Kansas')? Such a mention says nothing about where this one is:
    the writer named the other place apart."""
    return other == query or other.casefold().startswith(query.casefold() + " ")


def _build_context(answers: dict[str, Match], gaz, exclude: str | None = None,
                   candidates: dict[str, set] | None = None,
                   counties: dict[str, dict[int, float]] | None = None) -> _Evidence:
    """Context from the confident answers, one vote per distinct mention (areas count double).

    ``exclude``: the mention the context is for (its own answer does not vote for itself).
    ``candidates``: each mention's possible areas, which add a weak vote each even when the
    mention itself is ambiguous ('Paris' and 'Henry County' agree on Tennessee).
    ``counties``: the second-level areas county mentions name (see ``_named_counties``)."""
    if exclude is not None:
        answers = {q: m for q, m in answers.items() if not _names_within(q, exclude)}
    countries: dict[str, float] = defaultdict(float)
    admin1: dict[tuple[str, str], float] = defaultdict(float)
    names: dict[tuple[str, str], str] = {}
    by_country: dict[str, list[str]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[str]] = defaultdict(list)
    pts: dict[int, tuple[float, float, str]] = {}
    total = 0.0
    for q, m in answers.items():
        if not _located(m) or m.confidence < CONFIDENT:
            continue
        w = AREA_WEIGHT if m.feature in ("admin1", "region", "admin2") else 1.0
        total += w
        if m.country_code:
            countries[m.country_code] += w
            by_country[m.country_code].append(q)
        a1 = m.name if m.feature == "admin1" else m.admin1
        if a1 and m.feature in ("admin1", "admin2", "populated place"):
            admin1[(m.country_code, a1)] += w
            names[(m.country_code, a1)] = a1
            by_admin1[(m.country_code, a1)].append(q)
        if m.feature in ("populated place", "admin2", "region") and m.id not in pts:
            pts[m.id] = (m.lat, m.lon, q)
    shares = {k: v / total for k, v in admin1.items()} if total else {}
    others = [q for q in (candidates or {}) if exclude is None or not _names_within(q, exclude)]
    for q in others:
        for key in candidates[q]:
            shares[key] = shares.get(key, 0.0) + CANDIDATE_VOTE / len(others)
            names.setdefault(key, key[1])
    county: dict[int, float] = {}
    county_notes: dict[int, str] = {}
    for q, votes in (counties or {}).items():
        if exclude is not None and _names_within(q, exclude):
            continue
        for row, w in votes.items():
            if w > county.get(row, 0.0):
                county[row] = w
                county_notes[row] = f"{q!r} may be {gaz.place(row).name}, where this town lies"
    if total == 0 and not shares and not county:
        return _Evidence(Context(label="document context"))
    p = list(pts.values())[:200]
    ctx = Context(label="document context",
                  countries={k: v / total for k, v in countries.items()} if total else {},
                  admin1=shares,
                  admin1_names=names,
                  lats=np.array([x[0] for x in p], dtype=float), lons=np.array([x[1] for x in p], dtype=float),
                  point_labels=[x[2] for x in p], size=int(total),
                  admin2=county, admin2_notes=county_notes)
    return _Evidence(ctx, dict(by_country), dict(by_admin1))


def _relations(text: str, items, queries: list[str]) -> dict[str, str]:
    """{mention query: query of the mention it is said to be near / south of / ...}.

    'X ... south of [the ... city of] Y': X is the nearest other mention in the same sentence
    (before the phrase, else after Y)."""
    out: dict[str, str] = {}
    if len(items) < 2:
        return out
    starts = [it[0] for it in items]
    for rm in _REL_RE.finditer(text):
        j = bisect.bisect_left(starts, rm.end())
        if j >= len(items) or items[j][0] - rm.end() > RELATION_WINDOW:
            continue
        gap = text[rm.end():items[j][0]]
        if any(c in gap for c in ".!?;\n"):
            continue
        anchor = queries[j]
        subj = None
        k = j - 1
        while k >= 0 and items[k][1] > rm.start():
            k -= 1
        if k >= 0 and not any(c in text[items[k][1]:rm.start()] for c in ".!?\n") \
                and rm.start() - items[k][1] < 200:
            subj = k
        else:
            n = j + 1
            if n < len(items) and not any(c in text[items[j][1]:items[n][0]] for c in ".!?\n") \
                    and items[n][0] - items[j][1] < 200:
                subj = n
        if subj is not None and queries[subj] != anchor and queries[subj] not in out:
            out[queries[subj]] = anchor
    return out


def _apposed(text: str, items, queries: list[str]) -> dict[str, str]:
    """{A: B} for mentions written 'A, B' ('Tacoma, Washington', 'Fresno, Calif.'), first
    occurrence of A; B may name A's area (checked by ``_place_in_area``)."""
    out: dict[str, str] = {}
    for i in range(len(items) - 1):
        if text[items[i][1]:items[i + 1][0]] == ", " and queries[i] != queries[i + 1]:
            out.setdefault(queries[i], queries[i + 1])
    return out


def _place_in_area(resolver, a: str, b: str, hints: dict) -> tuple[Match, dict] | None:
    """When 'A, B' reads as a town (or district) A, named by its own name, inside a first-level
    area or country B: (A's answer to the phrase, the hints that make B that area: its level and
    country). None for lists ('Kuwait, Egypt', 'Becker, Clay', 'China, Canada': A is an area
    itself; 'Washington, New York': Watervliet only has 'Washington' as an alternate name)."""
    alone = resolver.resolve(a, **hints)
    if alone.ok and alone.feature not in _TOWN_LEVELS:
        return None
    m = resolver.resolve(f"{a}, {b}", **hints)
    if not m.ok or m.head != a or m.match_kind != "exact" or m.feature not in _TOWN_LEVELS:
        return None
    gaz = resolver.gazetteer
    area = resolver.resolve(b, limit=10, **hints)
    for c in [area, *area.alternatives] if area.ok else []:
        p = gaz.get(c.id) if c.id is not None else None
        if p is not None and p.country_code == m.country_code and (
                p.level == "country" or p.level == "admin1" and p.name == m.admin1):
            return m, {"feature": p.level, "country": p.country_code}
    return None


def _appositions(text: str, items, queries: list[str], resolver, hints: dict, alone: dict[str, Match]):
    """How some mentions are read, from how they are written: (the text to ask for a mention,
    the hints that keep it an area, the note each carries).

    'A, B' where B names A's area ('Tacoma, Washington'); and a mention that is only a state's
    or province's postal code ('BC', 'NJ'; never a place on its own, many are words) when other
    mentions are confidently in that country."""
    asked: dict[str, str] = {}
    area_hints: dict[str, dict] = {}
    notes: dict[str, str] = {}
    for a, b in _apposed(text, items, queries).items():
        if b in asked or a in area_hints:
            continue
        found = _place_in_area(resolver, a, b, hints)
        if found is not None:
            asked[a] = f"{a}, {b}"
            area_hints.setdefault(b, found[1])
            notes[a] = notes[b] = f"written '{a}, {b}': {b!r} names its area"
    countries = {m.country_code for m in alone.values() if m.ok and m.confidence >= CONFIDENT}
    for q, m in alone.items():
        if m.ok or q in asked or not _CODE_RE.fullmatch(q):
            continue
        for pid in area_codes().get(q, ()):
            area = resolver.gazetteer.get(pid)
            if area is not None and area.country_code in countries:
                asked[q] = area.name
                area_hints[q] = {"feature": area.level, "country": area.country_code}
                notes[q] = f"{q!r} is the postal code of {area.name}; other mentions are in {area.country_code}"
                break
    return asked, area_hints, notes


def _noted(m: Match, q: str, note: str) -> Match:
    return replace(m, query=q, hints=[*m.hints, note]) if m.ok else m


def _resolve_document(text: str, items, resolver, *, country=None, as_of=None,
                      min_confidence: float | None = None, joint: bool = True) -> list[Mention]:
    items = sorted(items, key=lambda x: x[0]) if items and not _is_sorted(items) else list(items)
    hints = {}
    if country is not None:
        hints["country"] = country
    if as_of is not None:
        hints["as_of"] = as_of
    raw = [it[4] if len(it) > 4 and it[4] else _query(text[it[0]:it[1]]) for it in items]
    # one mention whatever its case or spacing ('COLUMBUS' in a dateline, 'Columbus' later): it
    # must not vote for itself
    first: dict[str, str] = {}
    queries = [first.setdefault(" ".join(q.split()).casefold(), q) for q in raw]
    distinct = list(dict.fromkeys(queries))
    alone = {q: resolver.resolve(q, **hints) for q in distinct}
    # 'Tacoma, Washington', 'Fresno, Calif.': the second names the first's area; both keep that
    # reading (the place is asked as the phrase, the area with its level and country)
    asked, area_hints, notes = _appositions(text, items, queries, resolver, hints, alone)
    for q in notes:
        m = resolver.resolve(asked.get(q, q), **{**hints, **area_hints.get(q, {})})
        alone[q] = _noted(m, q, notes[q]) if m.ok else alone[q]
    answers = dict(alone)
    if joint and len(distinct) > 1:
        rel = _relations(text, items, queries)
        cands = {q: _candidate_areas(m) for q, m in alone.items()}
        counties = {q: _named_counties(m, resolver.gazetteer) for q, m in alone.items()}
        for _ in range(ROUNDS):
            new = {}
            for q in distinct:
                ev = _build_context(answers, resolver.gazetteer, exclude=q, candidates=cands,
                                    counties=counties)
                if not ev.context:
                    new[q] = answers[q]
                    continue
                kw = {**hints, **area_hints.get(q, {})}
                anchor = rel.get(q)
                am = answers.get(anchor) if anchor else None
                if am is not None and _located(am) and am.confidence >= 0.3 \
                        and am.feature in ("populated place", "admin2", "admin3"):
                    kw["near"] = (am.lat, am.lon)
                m = resolver.resolve(asked.get(q, q), context=ev.context, **kw)
                if "near" in kw and not (m.confidence == m.confidence):  # NaN: a point-less candidate
                    kw.pop("near")
                    m = resolver.resolve(asked.get(q, q), context=ev.context, **kw)
                if q in notes:
                    m = _noted(m, q, notes[q])
                new[q] = _explain(q, m, alone[q], ev, am if "near" in kw else None, anchor)
            answers = new
    out = []
    for (s, e, source, label, *_), q, written in zip(items, queries, raw):
        m = answers[q]
        if written != q:
            m = replace(m, query=written)
        if min_confidence is not None and m.ok and m.confidence < min_confidence:
            m = Match(query=written, reason=f"best confidence {m.confidence:.2f} is below {min_confidence:.2f}",
                      alternatives=[Match_to_candidate(m)] + list(m.alternatives[:4]), head=m.head)
        out.append(Mention(text=text[s:e], start=s, end=e, match=m, source=source, label=label))
    return out


def _is_sorted(items) -> bool:
    return all(a[0] <= b[0] for a, b in zip(items, items[1:]))


def Match_to_candidate(m: Match):  # noqa: N802
    from ..matching.match import Candidate
    return Candidate(id=m.id, name=m.name, lat=m.lat, lon=m.lon, country_code=m.country_code,
                     admin1=m.admin1, confidence=m.confidence, matched_name=m.matched_name,
                     match_kind=m.match_kind)


def _explain(q: str, m: Match, alone: Match, ev: _Evidence, anchor_match, anchor: str | None) -> Match:
    """A copy of ``m`` whose hints name the other mentions that support it."""
    if not m.ok:
        return m
    notes = []
    a1 = m.name if m.feature == "admin1" else m.admin1
    sup = [x for x in ev.by_admin1.get((m.country_code, a1), []) if x != q]
    if sup:
        notes.append(f"other mentions in the document are in {a1}: {_names(sup)}")
    else:
        sup = [x for x in ev.by_country.get(m.country_code, []) if x != q]
        if sup:
            notes.append(f"other mentions in the document are in {m.country or m.country_code}: {_names(sup)}")
    if anchor_match is not None:
        d = float(haversine_km(anchor_match.lat, anchor_match.lon, m.lat, m.lon))
        notes.append(f"the text relates it to {anchor!r} ({anchor_match.name}, {d:.0f} km away)")
    if alone.ok and alone.id != m.id:
        notes.append(f"alone it would be {alone.name} ({alone.admin1 + ', ' if alone.admin1 else ''}"
                     f"{alone.country_code}, id {alone.id}) at {alone.confidence:.2f}")
    if not notes:
        return m
    return replace(m, hints=list(m.hints) + notes)


def _names(xs: list[str], k: int = 3) -> str:
    shown = ", ".join(repr(x) for x in xs[:k])
    return shown + (f" and {len(xs) - k} more" if len(xs) > k else "")


# ---- CLI -------------------------------------------------------------------------------------------
def _table(mentions: list[Mention]) -> str:
    rows = [("start", "end", "mention", "id", "name", "admin1", "cc", "conf", "kind")]
    for m in mentions:
        mt = m.match
        rows.append((str(m.start), str(m.end), m.text, str(mt.id or ""), mt.name, mt.admin1,
                     mt.country_code, f"{mt.confidence:.2f}", mt.match_kind))
    widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c[:40].ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _make_command():
    import click

    @click.command("extract")
    @click.argument("file", type=click.File("r", encoding="utf-8", errors="replace"))
    @click.option("--format", "fmt", type=click.Choice(["json", "geojson", "table"]), default="table",
                  show_default=True, help="Output format.")
    @click.option("--country", help="Country hint for every mention (ISO code or name).")
    @click.option("--as-of", "as_of", help="Date the text refers to (YYYY or YYYY-MM-DD).")
    @click.option("--min-confidence", type=float, help="Leave out answers below this confidence.")
    @click.option("--no-joint", is_flag=True, help="Resolve every mention alone (no document context).")
    @click.option("--explain", is_flag=True, help="Table format: print each mention's explanation.")
    @click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
    def extract_command(file, fmt, country, as_of, min_confidence, no_joint, explain, index):
        """Find and resolve the place mentions of a text FILE (or - for standard input)."""
        from ..gazetteer import Gazetteer
        from ..matching.resolver import Resolver, default_resolver
        text = file.read()
        resolver = Resolver(Gazetteer.open(index)) if index else default_resolver()
        try:
            mentions = extract(text, resolver=resolver, country=country, as_of=as_of,
                               min_confidence=min_confidence, joint=not no_joint)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        if fmt == "json":
            click.echo(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=1, default=str))
        elif fmt == "geojson":
            click.echo(json.dumps(to_geojson(mentions), ensure_ascii=False, indent=1))
        else:
            click.echo(_table(mentions))
            if explain:
                for m in mentions:
                    click.echo(f"- [{m.start}:{m.end}] {m.match.explain()}")

    return extract_command


try:
    extract_command = _make_command()
except ImportError:  # click is a dependency; only a broken install lacks it
    extract_command = None
