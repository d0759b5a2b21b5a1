"""Joint resolution of a document's mentions: the confident answers as soft context, the
relations the text states, and how mentions are written.

Used by :mod:`geonorm.faces.text` (``extract``, ``link``, the eval hook) and the spaCy
component; see there for the steps.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from ..matching.answer import candidate_of
from ..matching.candidates import postal_code_rows
from ..matching.context import Context, joined
from ..matching.hints import haversine_km
from ..matching.match import Match
from ..names.normalize import code_like

CONFIDENT = 0.6  # answers at or above this are evidence for the others
AREA_WEIGHT = 2.0  # an explicit area mention counts this many times as area evidence
CANDIDATE_VOTE = 0.5  # share of the admin1 context given to the other mentions' possible areas
# one vote for 'somewhere else' in the country shares: one area mention no longer makes a country
# certain (news dev, document context: LGL 0.8637 -> 0.8642, GWN 0.8258 -> 0.8266 acc@161km; ECE
# 0.0177 -> 0.0163, 0.0340 -> 0.0313; 2 votes: ECE a little lower, LGL accuracy back)
COUNTRY_PRIOR_VOTES = 1.0
ROUNDS = 2
CANDIDATES = 12  # counties a county mention may be, where the others' towns may lie
_TOWN_LEVELS = ("populated place", "admin2", "admin3", "admin")
_RELATED = "the text relates it to"
FAR_FROM_ANCHOR_KM, FAR_FROM_ANCHOR_CAP = 300, 0.2  # a place the text puts in or near a town this far off
RELATION_WINDOW = 80  # characters between 'south of' and the mention it relates to

_REL_RE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?(?:ward)?\s+of"
    r"|near(?:by)?|outside(?:\s+of)?|close\s+to|next\s+to|outskirts\s+of|(?:kilometres|kilometers|km|miles)\s+"
    r"(?:\w+\s+)?(?:of|from)|in)\b", re.IGNORECASE)


# who acts rather than where ('Russian forces shelled Donetsk', 'Moscow said Pokrovsk was hit'):
# such a mention keeps its answer but casts no vote for the others; the Russian army shelling
# Donetsk does not put Donetsk in Russia (see ``actors``)
_LEAD = r"(?:['’]s)?(?:\s+|-)(?:(?:armed|ground|air|naval|special|occupying|occupation|army)\s+)?"
# who: armed forces and those they back or hold a place for ('Russian troops', 'the Texas Army
# National Guard', 'Moscow-installed')
_FORCES_RE = re.compile(_LEAD + r"(?:forces|troops|army|military|soldiers|servicemen|navy|occupiers|invaders|"
                        r"paratroopers|marines|mercenaries|national\s+guard|backed|controlled|held|occupied|"
                        r"installed)\b", re.IGNORECASE)
# what a country fires ('Russian drones'); after a town, what hit it ('the Kharkiv strikes')
_WEAPONS_RE = re.compile(_LEAD + r"(?:artillery|drones?|missiles?|shelling|air\s*strikes?|strikes?|warplanes|jets|"
                         r"tanks)\b", re.IGNORECASE)
_SAYS_RE = re.compile(r"\s+(?:has\s+|had\s+)?(?:said|says|claimed|claims|announced|denied|denies|accused|"
                      r"accuses|warned|warns|insisted|insists|stated|alleged|alleges)\b")
# what a country as the subject does in war ('Russia presses attack near Pokrovsk', 'Ukraine
# retook Kupiansk'): it acts; the places it acts on need not be in it
_WAGES_RE = re.compile(r"\s+(?:has\s+|had\s+|again\s+)?(?:press(?:es|ed)|push(?:es|ed)|launch(?:es|ed)|attack(?:s|ed)|"
                       r"strikes|struck|shell(?:s|ed)|pound(?:s|ed)|bomb(?:s|ed)|bombard(?:s|ed)|fires|fired|"
                       r"captur(?:es|ed)|seiz(?:es|ed)|advanc(?:es|ed)|invad(?:es|ed)|hits|target(?:s|ed)|retakes|retook|"
                       r"recaptur(?:es|ed)|down(?:s|ed)|intercept(?:s|ed)|deploy(?:s|ed)|mass(?:es|ed)|mounts|mounted|"
                       r"storm(?:s|ed)|annex(?:es|ed)|withdr(?:aws|ew)|escalat(?:es|ed)|steps\s+up|stepped\s+up)\b",
                       re.IGNORECASE)
_PLACED_RE = re.compile(r"\b(?:in|at|from|near|to|outside|across|throughout|of)\s+(?:the\s+)?$", re.IGNORECASE)


def actors(text: str, items, queries: list[str], answers: dict[str, Match]) -> set[str]:
    """The mentions (of ``queries``, one per item of ``items``) that every time they occur
    name who acts, not where: a place before its armed forces ('Russian forces', 'the Texas Army
    National Guard'), a country before its weapons or after 'pro-' ('Russian drones', 'pro-Russian';
    a town before them is where: 'the Kharkiv strikes'), a country or town as the speaker ('Moscow
    said'; not 'officials in Moscow said'), a country waging war ('Russia presses attack').
    ``answers``: each query's answer alone."""
    def acts(start: int, end: int, q: str) -> bool:
        after, before = text[end:end + 40], text[max(0, start - 24):start]
        m = answers.get(q)
        country = m is not None and m.ok and m.feature == "country"
        return _FORCES_RE.match(after) is not None \
            or _SAYS_RE.match(after) is not None and _PLACED_RE.search(before) is None \
            or country and (_WEAPONS_RE.match(after) is not None or before.casefold().endswith("pro-")
                            or _WAGES_RE.match(after) is not None and _PLACED_RE.search(before) is None)

    return _every_time(items, queries, acts)


def _every_time(items, queries: list[str], written_so) -> set[str]:
    """The queries (one per item of ``items``) for which ``written_so(start, end, query)`` holds
    at every occurrence."""
    yes, no = set(), set()
    for it, q in zip(items, queries):
        (yes if written_so(it[0], it[1], q) else no).add(q)
    return yes - no


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


def build_context(answers: dict[str, Match], gaz, exclude: str | None = None,
                   candidates: dict[str, set] | None = None,
                   counties: dict[str, dict[int, float]] | None = None,
                   label: str = "document context") -> _Evidence:
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
        return _Evidence(Context(label=label))
    p = list(pts.values())[:200]
    ctx = Context(label=label,
                  countries={k: v / (total + COUNTRY_PRIOR_VOTES) for k, v in countries.items()} if total else {},
                  admin1=shares,
                  admin1_names=names,
                  lats=np.array([x[0] for x in p], dtype=float), lons=np.array([x[1] for x in p], dtype=float),
                  point_labels=[x[2] for x in p], size=int(total),
                  admin2=county, admin2_notes=county_notes)
    return _Evidence(ctx, dict(by_country), dict(by_admin1))


def _relations(text: str, items, queries: list[str], inside: set[str] | None = None) -> dict[str, str]:
    """{mention query: query of the mention it is said to be near / south of / in ...}; the
    queries of the mentions said to be in a town ('Lido Beach in Mogadishu') are added to
    ``inside``.

    'X ... south of [the ... city of] Y': X is the nearest other mention in the same sentence
    (before the phrase, else after Y)."""
    out: dict[str, str] = {}
    inside = set() if inside is None else inside
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
        if rm.group(0).lower() == "in":
            # only a name right before 'in' and the town right after ('Lido Beach in Mogadishu';
            # not 'Pokrovsk residents in Dnipro')
            if k >= 0 and not text[items[k][1]:rm.start()].strip() and not gap.strip() \
                    and queries[k] != anchor and queries[k] not in out:
                out[queries[k]] = anchor
                inside.add(queries[k])
            continue
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


def _place_in_area(resolver, a: str, b: str, hints: dict, alone: Match,
                   b_alone: Match | None = None) -> tuple[Match, dict] | None:
    """When 'A, B' reads as a town (or district) A, named by its own name, inside a first-level
    area or country B: (A's answer to the phrase, the hints that make B that area: its level and
    country, and the name to ask for an abbreviation). None for lists ('Kuwait, Egypt', 'Becker,
    Clay', 'China, Canada': A is an area itself; 'Washington, New York': Watervliet only has
    'Washington' as an alternate name).
    ``alone``, ``b_alone``: A's and B's answers on their own."""
    if alone.ok and alone.feature not in _TOWN_LEVELS:
        return None
    m = resolver.resolve(f"{a}, {b}", **hints)
    if not m.ok or m.head != a or m.match_kind != "exact" or m.feature not in _TOWN_LEVELS:
        return None
    gaz = resolver.gazetteer
    area = resolver.resolve(b, limit=10, **hints)
    # (B names the area as written: no guessed spelling of it; or, when B alone is a place in
    # another country, B is the conventional abbreviation of A's area, which no name form holds:
    # 'Culiacán, Sin.' is Sinaloa's, not Sīn, Iran; 'Morelia, Mich.' Michoacán's, not Michigan)
    named = [gaz.get(c.id) for c in [area, *area.alternatives] if c.match_kind != "fuzzy" and c.id is not None] \
        if area.ok else []
    coded = [] if b_alone is not None and b_alone.ok and b_alone.country_code == m.country_code \
        else [gaz.place(r) for r in postal_code_rows(gaz, b)]
    areas = [p for p in named + coded if p is not None and p.country_code == m.country_code]
    # (the first-level area before the country: 'Toluca, Edo. Méx.' is the State of Mexico's)
    p = next((p for p in areas if p.level == "admin1" and p.name == m.admin1), None) \
        or next((p for p in areas if p.level == "country"), None)
    if p is None:
        return None
    # (an abbreviation is asked as the area's name)
    return m, {"feature": p.level, "country": p.country_code} | ({"ask": p.name} if p in coded else {})


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
        found = _place_in_area(resolver, a, b, hints, alone[a], alone.get(b))
        if found is not None:
            asked[a] = f"{a}, {b}"
            area = dict(found[1])
            if "ask" in area:
                asked.setdefault(b, area.pop("ask"))
            area_hints.setdefault(b, area)
            notes[a] = notes[b] = f"written '{a}, {b}': {b!r} names its area"
    countries = {m.country_code for m in alone.values() if m.ok and m.confidence >= CONFIDENT}
    for q, m in alone.items():
        if m.ok or q in asked:
            continue
        for row in postal_code_rows(resolver.gazetteer, q):
            area = resolver.gazetteer.place(row)
            if area.country_code in countries:
                asked[q] = area.name
                area_hints[q] = {"feature": area.level, "country": area.country_code}
                notes[q] = f"{q!r} is the postal code of {area.name}; other mentions are in {area.country_code}"
                break
    for q in _rivers_written(text, items, queries):
        if q in asked or alone[q].feature == "country":  # ('the Congo', 'the Gambia': the countries)
            continue
        river = resolver.resolve(f"{q} River", **hints)
        if river.ok and river.feature == "region" and river.confidence >= CONFIDENT \
                and river.match_kind in ("exact", "alias"):
            asked[q] = f"{q} River"
            notes[q] = f"written 'the {q}': the river"
    return asked, area_hints, notes


# 'the Dnipro' ending a phrase ('across the Dnipro from Kherson', 'the left bank of the Dnipro'):
# a river, which English names with the article a town's name goes without; not 'the Jordan
# middle school', 'the Missouri National Guard'
_THE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PHRASE_END_RE = re.compile(r"\s*(?:$|[,.;:!?)]|(?:from|to|near|in|at|and|or|between|into|towards?|was|is|has|had|"
                            r"which|where|on|downstream|upstream|river's)\b)")


def _rivers_written(text: str, items, queries: list[str]) -> set[str]:
    """The mentions every occurrence of which is 'the X' ending a phrase."""
    return _every_time(items, queries, lambda start, end, q: _THE_RE.search(text, max(0, start - 5), start)
                       is not None and _PHRASE_END_RE.match(text, end) is not None)


def _held_back(m: Match, dotted: bool = False) -> Match:
    """A bare postal code ('BC', 'OH') in running text is no answer on its own ('300 BC'): it
    names its area only when the document's other places are in its country (see
    :func:`_appositions`). A word in small letters is no code written in capitals: 'Lot No. 7'
    is not the airport LOT, 'Che' (a first name) not CHE, Switzerland's ISO code; nor is a word
    without a dot the abbreviation with it ('Mass' is no 'Mass.'; ``dotted``: the text writes
    the mention as an abbreviation, 'Springfield, Mass.', 'D-Calif')."""
    if m.ok and _abbreviation_misread(m, dotted):
        return Match(query=m.query, alternatives=[candidate_of(m)], head=m.head, reason=(
            f"{m.query!r} is not written as the abbreviation {m.matched_name!r} of {m.name}"))
    if not (m.ok and m.name_kind == "postal code"):
        return m
    return Match(query=m.query, alternatives=[candidate_of(m)], head=m.head, reason=(
        f"{m.query!r} alone in running text: the postal code of {m.name} only when the document's "
        f"other places are in {m.country_code}"))


_PARTY_RE = re.compile(r".?\b[DRI]-")


def _abbreviation_misread(m: Match, dotted: bool = False) -> bool:
    """Was ``m`` reached by a code in capitals ('LOT', 'CHE') that its query writes in small
    letters ('Lot', 'Che'), or by an abbreviation with its dot ('Mass.') that its query writes
    without ('Weapons of Mass Destruction', 'the Miss category', 'Wash children')?"""
    name = m.matched_name.split(" (from ")[0]
    if name.endswith(".") and m.name_kind == "abbreviation":
        return "." not in m.query and not dotted
    return code_like(name) and name.isalpha() and any(c.islower() for c in m.query)


def _noted(m: Match, q: str, note: str) -> Match:
    return replace(m, query=q, hints=[*m.hints, note]) if m.ok else m


def resolve_mentions(text: str, items, raw: list[str], resolver, hints: dict,
                     joint: bool = True) -> tuple[list[Match], list[str]]:
    """The answer for each of ``items`` (spans sorted by start) whose queries are ``raw``, and
    the query each was resolved as (one per surface form, whatever its case)."""
    # one mention whatever its case or spacing ('COLUMBUS' in a dateline, 'Columbus' later): it
    # must not vote for itself
    first: dict[str, str] = {}
    queries = [first.setdefault(" ".join(q.split()).casefold(), q) for q in raw]
    distinct = list(dict.fromkeys(queries))
    # (mentions the text writes as abbreviations: a dot right after ('Ill.', 'Mass.' at a
    # sentence's end), a party's letter before ('Nancy Pelosi, D-Calif'))
    dotted = {q for it, q in zip(items, queries)
              if text[it[1]:it[1] + 1] == "." or _PARTY_RE.fullmatch(text[max(0, it[0] - 3):it[0]])}
    alone = {q: _held_back(resolver.resolve(q, **hints), q in dotted) for q in distinct}
    # 'Tacoma, Washington', 'Fresno, Calif.': the second names the first's area; both keep that
    # reading (the place is asked as the phrase, the area with its level and country)
    asked, area_hints, notes = _appositions(text, items, queries, resolver, hints, alone)
    for q in notes:
        m = resolver.resolve(asked.get(q, q), **{**hints, **area_hints.get(q, {})})
        alone[q] = _noted(m, q, notes[q]) if m.ok else alone[q]
    answers = dict(alone)
    if joint and len(distinct) > 1:
        inside: set[str] = set()
        rel = _relations(text, items, queries, inside)
        acting = actors(text, items, queries, alone)
        cands = {q: _candidate_areas(m) for q, m in alone.items() if q not in acting}
        # (every county a county mention may be: the seventh Henry County is Tennessee's, where
        # the document's Paris lies; wider lists for every mention spread the votes: LGL +12
        # items, ECE 0.0176 -> 0.0207)
        counties = {q: _named_counties(resolver.resolve(q, limit=CANDIDATES, fill=False, **hints)
                                       if m.ok and m.feature == "admin2" else m, resolver.gazetteer)
                    for q, m in alone.items()}
        def step(q: str, answers: dict[str, Match]) -> Match:
            """``q`` answered with the others' ``answers`` as context."""
            voters = {k: m for k, m in answers.items() if k not in acting} if acting else answers
            ev = build_context(voters, resolver.gazetteer, exclude=q, candidates=cands, counties=counties)
            if not ev.context:
                return answers[q]
            kw = {**hints, **area_hints.get(q, {})}
            anchor = rel.get(q)
            am = answers.get(anchor) if anchor else None
            # (a country is near nothing: 'Russia presses attack near Pokrovsk')
            related = am is not None and _located(am) and am.confidence >= 0.3 \
                and am.feature in ("populated place", "admin2", "admin3") \
                and not (alone[q].ok and alone[q].feature == "country")
            # (the text's word, read by a rule and about a mention resolved alone, is context, not
            # a 'near' hint: a candidate far from it loses only the bonus)
            context = joined(ev.context, Context.around([am], label=_RELATED, pinned=False)) \
                if related else ev.context
            m = resolver.resolve(asked.get(q, q), context=context, **kw)
            m = _noted(m, q, notes[q]) if q in notes else _held_back(m, q in dotted)
            return _explain(q, m, alone[q], ev, am if related else None, anchor, q in inside)

        previous = answers
        for _ in range(ROUNDS):  # every mention from the others' answers of the round before
            previous, answers = answers, {q: step(q, answers) for q in distinct}
        # mentions still changing swap readings round by round ('Athens' goes to Tennessee by a
        # Henderson County read as Tennessee's while that goes to Texas by Athens): settled one
        # after the other, each from the others' latest answers
        for q in [q for q in distinct if answers[q].id != previous[q].id]:
            answers[q] = step(q, answers)
    return [answers[q] for q in queries], queries


def _explain(q: str, m: Match, alone: Match, ev: _Evidence, anchor_match, anchor: str | None,
             inside: bool = False) -> Match:
    """A copy of ``m`` whose hints name the other mentions that support it (``inside``: the text
    says it is in the anchor town, which caps a reading far from it)."""
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
    if anchor_match is not None:  # (said once, with the anchor's place: not as its context's note too)
        m = replace(m, hints=[h for h in m.hints if not h.startswith(_RELATED + ":")])
        d = float(haversine_km(anchor_match.lat, anchor_match.lon, m.lat, m.lon))
        notes.append(f"{_RELATED} {anchor!r} ({anchor_match.name}, {d:.0f} km away)")
        if inside and d > FAR_FROM_ANCHOR_KM and anchor_match.confidence >= max(0.5, m.confidence) \
                and m.feature == "populated place" and m.confidence > FAR_FROM_ANCHOR_CAP:
            # ('Lido Beach in Mogadishu' is no Lido Beach, New York, at 0.78: a reading the text
            # contradicts, by a town read more surely than it, is a guess at most)
            m = replace(m, confidence=FAR_FROM_ANCHOR_CAP)
            notes.append(f"more than {FAR_FROM_ANCHOR_KM} km from where the text puts it: "
                         f"confidence capped at {FAR_FROM_ANCHOR_CAP}")
    if alone.ok and alone.id != m.id:
        notes.append(f"alone it would be {alone.name} ({alone.admin1 + ', ' if alone.admin1 else ''}"
                     f"{alone.country_code}, id {alone.id}) at {alone.confidence:.2f}")
    if not notes:
        return m
    return replace(m, hints=list(m.hints) + notes)


def _names(xs: list[str], k: int = 3) -> str:
    shown = ", ".join(repr(x) for x in xs[:k])
    return shown + (f" and {len(xs) - k} more" if len(xs) > k else "")
