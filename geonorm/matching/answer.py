"""The explained answer: a ranked candidate turned into a ``Match`` or runner-up ``Candidate``.

How the name matched (``match_kind``, ``name_kind``), the rename an old name carries, the
confidence reported (capped for guesses), and what the phrase says around the name it was
answered by (a facility, a natural feature, an area's name inside a longer one), which caps the
confidence at what such answers were measured to deserve.
"""
from __future__ import annotations

from dataclasses import replace

from ..gazetteer import Gazetteer
from ..model import NameKind
from ..names.keys import fold_key
from ..names.person_names import HONORIFICS, given_names, surnames
from ..names.romanize import QUERY_REWRITES, SCHEME_LABELS
from ..sources.cldr import latin_script_countries
from ..sources.curated import rename_periods
from ..sources.packaged import BORROWED_POINT
from . import scoring
from .candidates import Evidence, respelled
from .facilities import Host, named_for
from .hints import Hints, former_state, haversine_km, offset_point
from .match import Candidate, Match, Offset, Rename
from .phrase import COMMON_PLACE_WORDS, REGION_WORDS, Part, bank_of, facility_kind, says_more, strip_prefixes

_LATIN_COUNTRIES = latin_script_countries()
# levels an answer may stand for 'somewhere in it' ('California State University')
INNER_AREA_LEVELS = ("country", "admin1", "admin2", "region")


def old_name(form, place) -> bool:
    """Is the name form one the place no longer bears? Not an old name that is the current one
    again ('Бахмут', 1924 and since 2016)."""
    return bool(form.kind == NameKind.HISTORIC or form.valid_to) and fold_key(form.text) != fold_key(place.name)


def name_kind(ev: Evidence, form, place, old=None) -> str:
    """The kind of the matched name in words: 'alternate', 'ISO 3166 code', 'postal code',
    'historic, in use again' for an old name that is the current one again, or 'a spelling of the
    old name X'."""
    if ev.written:
        return "ISO 3166 code" if place.iso_code.upper() == ev.written.upper() else "postal code"
    if old is not None and old is not form:
        return f"a spelling of the old name {old.text!r}"
    if form.kind == NameKind.HISTORIC and not old_name(form, place):
        return "historic, in use again"
    return form.kind.name.lower()


def reported(conf: float, match_kind: str, ev: Evidence, country_code: str = "") -> float:
    """The confidence an answer or runner-up reports (guessed spellings, bare two-letter codes
    and weak readings capped; guesses of a place whose Latin names are its own more so)."""
    return round(scoring.cap(conf, match_kind, len(ev.written) == 2, country_code in _LATIN_COUNTRIES,
                             bool(ev.weak)), 4)


def matched_name(ev: Evidence, form) -> str:
    """The name that matched, as the explanation shows it: 'Hranitne (from Гранітне)', 'UA'."""
    return ev.written or form.text + (f" (from {form.original})" if form.original else "")


def date_text(value: int) -> str:
    """A YYYYMMDD integer (month and day may be 0) as '2016', '2016-05' or '2016-05-12'."""
    if not value:
        return ""
    y, md = divmod(value, 10000)
    m, d = divmod(md, 100)
    return f"{y:04d}" if m == 0 else (f"{y:04d}-{m:02d}" if d == 0 else f"{y:04d}-{m:02d}-{d:02d}")


def old_form(gaz: Gazetteer, ev: Evidence, form, place):
    """The old name the matched form is, or spells another way ('Artyomovsk', an undated
    alternate of Bakhmut, for Artemovsk, its name until 2016); None for a current name."""
    if ev.written or ev.named_after:
        return None
    return form if old_name(form, place) else gaz.old_name_spelt_as(ev.form_row)


def match_kind(ev: Evidence, form, place, old=None) -> str:
    """How the name matched, in the words of ``Match.match_kind`` (``old``: the old name the
    matched form is or spells)."""
    if ev.via in ("skeleton", "fuzzy") or respelled(ev, form.kind, place.country_code):
        return "fuzzy"
    if ev.written or ev.named_after:  # an ISO 3166 code; 'Kursk region' for Kurskaya oblast'
        return "alias"
    if old is not None:
        return "historic"
    if ev.via in ("roman", "fold") or form.kind == NameKind.ROMANIZED:
        return "transliteration"
    if form.kind in (NameKind.OFFICIAL, NameKind.PREFERRED) or form.text == place.name:
        return "exact"
    return "alias"


def name_periods(place_id: int, name: str, valid_from: int, valid_to: int) -> tuple[tuple[int, int], ...]:
    """The periods (from, to) a place bore an old name: the curated ones when it bore it twice
    (Voroshilovgrad, 1935-1958 and 1970-1990), else the name form's own."""
    return rename_periods().get((place_id, fold_key(name))) or ((valid_from, valid_to),)


def in_use(period: tuple[int, int], as_of: int) -> bool:
    """Was a name of this (from, to) period in use on ``as_of`` (yyyymmdd)?"""
    vf, vt = period
    return bool(vf or vt) and (not vf or vf <= as_of) and (not vt or as_of < vt)


def build_match(gaz: Gazetteer, text: str, head: Part | None, scored, conf: float,
                as_of: int | None = None) -> Match:
    """The answer from its scored row ``(score, place row, evidence, notes)``; an old name's
    period is the one holding ``as_of`` when given, else the latest."""
    _, row, ev, notes = scored
    place = gaz.place(row)
    form = gaz.form(ev.form_row)
    old = old_form(gaz, ev, form, place)
    kind = match_kind(ev, form, place, old)
    # a rewrite of the query (a Russian form read as Ukrainian) says more than how the name
    # it reached was romanized, which the matched name shows ('Klishchiivka (from Кліщіївка)')
    used = ev.query_scheme if ev.query_scheme in QUERY_REWRITES else (form.scheme or ev.query_scheme)
    scheme = SCHEME_LABELS.get(used, used)
    rename = None
    if old is not None and kind in ("historic", "fuzzy"):
        state = former_state(old.text)
        relation = state.relation if state is not None and state.place_id == place.id else "renamed"
        periods = name_periods(place.id, old.text, old.valid_from, old.valid_to)
        vf, vt = next((p for p in periods if as_of is not None and in_use(p, as_of)), periods[-1])
        rename = Rename(old_name=old.original or old.text, valid_from=date_text(vf),
                        valid_to=date_text(vt), current_name=place.name,
                        source=old.source, relation=relation)
    country_row = gaz.area_rows().get(("country", place.country_code))
    confidence = reported(conf, kind, ev, place.country_code)
    if BORROWED_POINT in place.note:
        confidence = min(confidence, scoring.BORROWED_POINT_CONFIDENCE)
        notes = [*notes, "its point is the area's it lies in (it has none of its own): the place may lie far from it"]
    return Match(
        query=text, id=place.id, name=place.name, lat=place.lat, lon=place.lon,
        country_code=place.country_code,
        country=gaz.place(country_row).name if country_row is not None else "",
        admin1=gaz.admin_name(row, "admin1") if place.level != "admin1" else "",
        admin2=gaz.admin_name(row, "admin2") if place.level == "populated place" else "",
        feature_class=place.feature_class, feature_code=place.feature_code, feature=place.level,
        population=place.population, confidence=confidence,
        matched_name=matched_name(ev, form),
        match_kind=kind, name_kind=name_kind(ev, form, place, old),
        scheme=scheme if scheme else "", inflected=bool(ev.lemma),
        rename=rename, hints=notes, head=head.text if head else text,
        point_note=place.note if "point" in place.note else "")


def runner_up(gaz: Gazetteer, scored, conf: float) -> Candidate:
    """A runner-up straight from its scored row (cheaper than a full Match)."""
    _, row, ev, _ = scored
    place = gaz.place(row)
    form = gaz.form(ev.form_row)
    kind = match_kind(ev, form, place, old_form(gaz, ev, form, place))
    return Candidate(id=place.id, name=place.name, lat=place.lat, lon=place.lon,
                     country_code=place.country_code,
                     admin1=gaz.admin_name(row, "admin1") if place.level != "admin1" else "",
                     confidence=reported(conf, kind, ev, place.country_code),
                     matched_name=matched_name(ev, form),
                     match_kind=kind)


def candidate_of(m: Match) -> Candidate:
    """A match as a runner-up of another answer."""
    return Candidate(id=m.id, name=m.name, lat=m.lat, lon=m.lon, country_code=m.country_code,
                     admin1=m.admin1, confidence=m.confidence, matched_name=m.matched_name,
                     match_kind=m.match_kind)


def below_confidence(m: Match, query: str, min_conf: float, keep: int | None = None) -> Match:
    """The no-match an answer below ``min_conf`` gives: the answer listed first among the
    alternatives (of which ``keep`` more, or all)."""
    return Match(query=query, reason=f"best confidence {m.confidence:.2f} is below {min_conf:g}",
                 alternatives=[candidate_of(m)] + list(m.alternatives[:keep]), head=m.head)


def sharing_the_rest(alternatives: list[Candidate], confidence: float, below: bool = False) -> list[Candidate]:
    """Runner-ups that share what an answer at ``confidence`` leaves (their confidences scaled by
    1 - confidence): an answer chosen by other evidence than theirs. ``below``: the phrase says
    they are not meant (they lie outside the area it names, which answers), so none is listed
    above the answer ('Pensa, Burkina Faso': Penza was 0.84 beside the country at 0.02; runner-ups
    above an area answer were right 0 times of 4 on the UCDP/LGL/GWN dev files, 2026-11-29)."""
    return [replace(a, confidence=round(min(a.confidence * (1.0 - confidence), confidence) if below
                                        else a.confidence * (1.0 - confidence), 4)) for a in alternatives]


_COMPASS = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")
OFFSET_STAND_IN_KM = 20.0  # a town a phrase measures a distance from stands in for a place farther off
# (20 km: the finest radius the evaluation counts an answer right within)


def offset_from(match: Match, km: float, bearing: float | None) -> Offset:
    """The :class:`Offset` of a distance (and bearing) from the place ``match`` answers."""
    off = Offset(km, bearing, match.name)
    if bearing is not None and match.lat is not None:
        lat, lon = offset_point(match.lat, match.lon, km, bearing)
        off.lat, off.lon = round(lat, 5), round(lon, 5)
    return off


def describe_offset(off: Offset) -> str:
    """'13 km east of Oleshky (about 46.6254, 32.8945)', '30 km from Kherson'."""
    dist = f"{off.km:.1f}".removesuffix(".0")
    if off.lat is None:
        return f"{dist} km from {off.from_name}"
    return f"{dist} km {_COMPASS[round(off.bearing / 45.0) % 8]} of {off.from_name} (about {off.lat:.4f}, {off.lon:.4f})"


def person_named(text: str) -> bool:
    """Is ``text`` written like a person's name: one common given name or surname ('Rogers',
    'Douglas'), or a given name ... surname ('Marjory Stoneman')? ('North Devon' is not.)"""
    words = text.casefold().split()
    if len(words) == 1:
        return words[0] in surnames() or words[0] in given_names()
    return len(words) > 1 and words[0] in given_names() and words[-1] in surnames()


def person_named_in(name: str, town: str) -> str:
    """The words of a facility's ``name`` that make the ``town`` named in it a person's name: the
    town's name itself ('Rogers' in 'Rogers Centre'), or the words before it ('Wells' in 'Wells
    Fargo Center'); '' when neither is ('Seoul Central', 'Royal Liverpool')."""
    if person_named(town):
        return town
    words, town_words = name.split(), town.split()
    for i in range(1, len(words) - len(town_words) + 1):
        if words[i:i + len(town_words)] == town_words:
            lead = " ".join(words[:i])
            return lead if person_named(lead) else ""
    return ""


def person_title(text: str) -> str:
    """The person's title that ``text`` starts with, before a capitalized word ('Mr.' of 'Mr.
    Smith', 'Dr' of 'Dr Ivanov'), or ''."""
    words = text.split(None, 2)
    if len(words) < 2 or words[0].casefold().rstrip(".") not in HONORIFICS or not words[1][:1].isupper():
        return ""
    return words[0]


def phrase_caps(best: Match, head: Part | None, text: str, inside: Part | None, context_parts) -> None:
    """What the phrase says around the name it was answered by, in ``best``'s hints, and the
    confidence that leaves: a natural feature or facility in the place, an area's name or a
    country's adjective inside a longer name (measured caps, see ``scoring``), a distance from
    the place answered."""
    if inside is not None:
        kind = facility_kind(inside.what)
        best.hints.append(f"the phrase names a {kind} ({inside.what}) in this place")
        if kind == "natural feature":
            _cap_every_reading(best, scoring.NATURAL_FEATURE_CONFIDENCE)
        elif best.feature in INNER_AREA_LEVELS:  # 'California State University': somewhere in it
            _cap_every_reading(best, scoring.INNER_AREA_CONFIDENCE)
        elif head is not None and (named := person_named_in(inside.text, head.text)) \
                and best.population < scoring.FACILITY_PERSON_CITY:
            # 'Rogers Centre', 'Cornell University': named after a person as often as a town; the
            # town's name after a person's ('Wells Fargo Center') is part of a name
            best.hints.append(f"{named!r} is also a person's name: the {inside.what} may be named after one")
            _cap_every_reading(best, scoring.FACILITY_PERSON_CONFIDENCE)
    if head is None:
        return
    if head.offset is not None:  # '13km east of Oleshky': answered with the town it is measured from
        km, bearing = head.offset
        best.offset = offset_from(best, km, bearing)
        best.hints.append(f"the phrase puts the place {describe_offset(best.offset)}: answered with {best.name}")
        if km > OFFSET_STAND_IN_KM:  # the town stands in for a place that far off it
            best.confidence = min(best.confidence, scoring.AREA_ANSWER_CONFIDENCE["populated place"])
    bank = bank_of(strip_prefixes(text)) if inside is None and best.feature == "region" else ""
    if bank:  # ('the left bank of the Dnipro', answered with the river by its name)
        best.hints.append(f"the phrase names a bank of {best.name} ({bank.strip()!r})")
    elif inside is None and not head.feature and not context_parts and best.feature in INNER_AREA_LEVELS \
            and best.name_kind != "colloquial" and says_more(head.text, strip_prefixes(text), REGION_WORDS):
        # 'Tennessee Colony', 'Niger Delta', 'Air Canada Cargo': a name that holds an area's
        # name and more names something else, which may lie anywhere in it or beyond
        best.hints.append(f"the phrase names something called after {best.name}, not {best.name} itself")
        best.confidence = min(best.confidence, scoring.INNER_AREA_CONFIDENCE)
    title = person_title(text)
    word = title.casefold().rstrip(".")
    if title and not best.matched_name.casefold().startswith((word + ".", word + " ")):
        # (a title that begins the place's own name is the name: 'Dr. Phillips', Florida)
        best.hints.append(f"{title!r} before it names a person, not a place")
        _cap_every_reading(best, scoring.PERSON_TITLE_CONFIDENCE)
    if head.text.strip().casefold() in COMMON_PLACE_WORDS:  # 'Gulf', 'West', 'Airport' alone
        best.hints.append(f"{head.text.strip()!r} is a common word (a kind of place or a direction): "
                          "seldom a place's name")
        _cap_every_reading(best, scoring.COMMON_WORD_CONFIDENCE)
    if best.feature == "country" and best.name_kind == "colloquial" and says_more(head.text, text):
        # 'Russian Embassy', 'French Quarter': a country's adjective describes what the
        # phrase names, which need not lie in the country
        best.hints.append(f"{head.text!r} describes what the phrase names, which need not lie in {best.name}")
        best.confidence = min(best.confidence, scoring.DEMONYM_MODIFIER_CONFIDENCE)


def _cap_every_reading(best: Match, cap: float) -> None:
    """Cap ``best`` and its runner-ups at ``cap``: what caps it is said of the query, so of every
    place it may name ('Hills' had a runner-up at 0.61 above its answer at the common word's 0.3,
    'Lake Hartwell' one at 0.57 above the lake's 0.45)."""
    best.confidence = min(best.confidence, cap)
    best.alternatives = [a if a.confidence <= best.confidence else replace(a, confidence=best.confidence)
                         for a in best.alternatives]


def stand_in(gaz: Gazetteer, text: str, head: str, row: int, kind: str, hint: str) -> Match:
    """An answer with a place that stands in for the one the query names (a district's town,
    a named area, the town nearest to written coordinates), at the confidence measured for
    such answers of its level."""
    place = gaz.place(row)
    ev = Evidence(int(gaz.place_form_start[row]), "exact", 100.0)
    m = build_match(gaz, text, None, (0.0, row, ev, []), scoring.AREA_ANSWER_CONFIDENCE.get(place.level, 0.2))
    m.match_kind, m.rename, m.head, m.hints = kind, None, head, [hint]
    return m


def at_facility_host(gaz: Gazetteer, m: Match, host: Host | None, hints: Hints | None = None) -> Match:
    """``m``, an answer read as the place a power plant is named after, moved to the town the
    plant lies at (``host``, :mod:`~geonorm.matching.facilities`; None: ``m`` as it is, as when
    the town fails the hard ``hints``): how the name matched stays, its confidence gathers every
    reading of the plant's name (at least ``scoring.NAMED_PLANT_CONFIDENCE``); the place named
    becomes the first runner-up, sharing what the answer leaves."""
    host_row = gaz.row_of(host.place_id) if host is not None and m.ok else None
    if host_row is None or hints is not None and not hints.admits(gaz.place(host_row)):
        return m
    facility, note = host.facility, host.note
    moved = stand_in(gaz, m.query, m.head, host_row, m.match_kind, "")
    km = float(haversine_km(m.lat, m.lon, moved.lat, moved.lon)) if m.lat is not None else 0.0
    # every reading of the name the plant is named after is the plant's ('Zaporizhzhia': the city
    # and the oblast), and the plant's words rule out the namesakes no plant is named after (a
    # village Zaporizhzhia); a town's adjective the table knows the plant by is no guess at a thing
    named = named_for(host)
    confidence = max(round(m.confidence + sum(a.confidence for a in m.alternatives if a.id in named), 4),
                     scoring.NAMED_PLANT_CONFIDENCE)
    return replace(moved, confidence=confidence, matched_name=m.matched_name, name_kind=m.name_kind,
                   scheme=m.scheme, inflected=m.inflected, rename=m.rename, other_places=m.other_places,
                   hints=[f"the phrase names the {facility}: it lies at {moved.name}, {km:.0f} km from {m.name}, "
                          f"the place its name was read as ({note}; gazetteer/facilities.csv)",
                          *[h for h in m.hints if not _about_the_named_place(h)]],
                   alternatives=sharing_the_rest([candidate_of(m), *[a for a in m.alternatives if a.id != moved.id]],
                                                 confidence, below=True))


def _about_the_named_place(hint: str) -> bool:
    """A hint that takes the place a facility is named after for where it is."""
    return "named after it" in hint or hint.startswith("the phrase names a facility")
