"""Scoring: string evidence by kind, a prior (population, feature level), and hint terms.

Weights are plain numbers in one place; confidence is a softmax over candidates against a
'none of these' score, with temperature and threshold fitted on held-out dev data
(see docs/benchmarks.md for the calibration table).
"""
from __future__ import annotations

import math
from bisect import bisect_right
from functools import lru_cache

import numpy as np

from ..model import NameKind
from ..sources import katottg, postal

STRING_SCORE = {"exact": 3.0, "code": 3.0, "roman": 2.9, "case": 2.8, "fold": 2.6}
KIND_ADJUST = {
    NameKind.OFFICIAL: 0.3, NameKind.PREFERRED: 0.2, NameKind.ALTERNATE: -0.2, NameKind.SHORT: 0.0,
    NameKind.COLLOQUIAL: -0.05, NameKind.HISTORIC: 0.0, NameKind.ABBREVIATION: -0.2,
    NameKind.ROMANIZED: 0.0,
}
LEVEL_PRIOR = {"country": 1.5, "admin1": 0.0, "continent": 1.5, "region": 2.5, "admin2": -1.0,
               "populated place": 0.0, "admin3": -0.5, "admin": -0.3, "other": -0.5}
POP_WEIGHT = 0.45
COUNTRY_MATCH, COUNTRY_MISMATCH = 1.6, -2.0
# (a place outside the admin1 hint pays enough that a namesake inside it wins over a city of
# 300,000: 'Makiivka' with Luhansk oblast is the Luhansk village, not Makiivka, Donetsk oblast;
# at -0.6, 20 of 1,500 sampled village-oblast pairs answered outside the oblast, now 6)
ADMIN1_MATCH, ADMIN1_MISMATCH = 2.0, -1.2
# a second-level area hint: districts are small and often named after abolished raions, so a
# place outside the one hinted is shaded, not ruled out
ADMIN2_MATCH, ADMIN2_MISMATCH = 2.0, -0.5
AREA_PART_MATCH = 2.0
# ... less this much at the edge of a town's reach (areas.TOWN_REACH_KM), in proportion to the
# distance, when the part names a town the place is near ('Novopavlivka near Pokrovsk' is the
# village 5 km off, not one 33 km off in the next oblast, though both are in its reach)
TOWN_AREA_DECAY = 3.0
OWN_NAME_IN_SCRIPT = 0.3  # a name in the query's script that romanizes to the place's own name
# beside a place whose name the query is as written in its own country's script, a place named so
# only in another country's language, or reached by romanizing the query, is the lesser reading
# ('Саки' is Saki, Crimea, not Saki, Nigeria; 'Канаш' Kanash, not Kano)
EXONYM_BESIDE_LOCAL_NAME = -0.6
OTHER_COUNTRY_SHARE = 0.8  # a town named with another country than the gazetteer's: shaded down
ALSO_NAMED = 2.0  # another phrase part is another name of the candidate ('Toretsk (Dzerzhynsk)')
DISTRICT_MATCH = 0.5  # inside a named district by its codes, or close to the town standing in for it
DOTTED_ABBREVIATION = 3.0  # the query ends with '.' and matched an abbreviation written so
# a name form romanized with a Ukrainian scheme for a place outside Ukraine ('Dzerzhynsk' for
# Dzerzhinsk, Russia): the index holds it because Cyrillic without і/ї/є/ґ or ы/э/ё/ъ is
# romanized both ways, but people write such names the Russian way
UKRAINIAN_SCHEMES = frozenset({"ua_national_2010", "dstu_9112", "german_uk", "polish_uk"})
FOREIGN_SCHEME = -0.6
# a romanized Cyrillic exonym of a place abroad ('Niu-York', New York from Нью-Йорк) when the query
# is another place's name as written (Niu-York, Donetsk oblast): Latin text names New York its own way
EXONYM_BESIDE_SPELT_NAME = -1.0
FEATURE_WORD_MATCH = 0.9
# an alternate name of a place in a region where it is the own name of two places or more
OTHER_PLACES_NAME = -1.5
# a second-level area named by its own name alone, no area word ('Essex', 'Devon', 'Laguna'): half
# the level's shading back (not one named by a short form, 'Pierce' for Pierce County)
ADMIN2_OWN_NAME = 0.4
# '<town> airport': a town with an airport named after it is a big one; the population weighs
# twice among the town's namesakes ('Donetsk airport' is the city of a million, not the Russian
# town of 50,000, more surely than bare 'Donetsk')
AIRPORT_POP_WEIGHT = 0.45
# ... and a namesake with an airport code among its names (GeoNames lists IATA codes as a town's
# alternate names: 'DOK' of Donetsk, none of Donetsk, Rostov oblast) is the likelier: 'Donetsk
# airport' was 0.82 beside the Russian town, though right on all 120 UCDP dev items naming it
AIRPORT_CODE = 1.5
# a town when the phrase says area and an area of that level is a candidate ('Bakhmut district' is
# the raion, not the city at 0.71); evals unchanged (2026-11-27)
TOWN_WHEN_AREA_SAID = -1.0
# a country when the phrase says state, province or district ('Edo. de México', 'Provincia de
# Panamá' name the state or province the country shares its name with; a country's prior beat
# the town's shading)
COUNTRY_WHEN_AREA_SAID = -2.0
# a town the phrase calls a village ('the village of', 'село', 'смт') that is a city of this many
# people is shaded as a country hint's mismatch is: no village is a city of 100,000
CITY_POPULATION = 100_000
VILLAGE_SAID_OF_CITY = -2.0
# ... and a town outside the former Soviet Union named with one of its settlement types ('смт', 'пгт',
# 'село'): a settlement type says the country as a country hint does
SOVIET_TYPE_ABROAD = COUNTRY_MISMATCH
# a place of fewer people than this (or none recorded) gets no support from a column's or
# document's other answers when a city of CITY_POPULATION shares its name: news and tables name a
# city plainly and a hamlet of its name with more words ('Zaporizhzhia' in a report on Pokrovsk is
# the city, not the village of Pokrovsk hromada the report's other places lie around)
HAMLET_POPULATION = 1_000
# ... and so does a town of this many people named by its former name as written ('Krasnoarmeysk'
# is Pokrovsk, renamed in 2016, not the hamlet Novoselivka that GeoNames also gives that name)
RENAMED_TOWN_POPULATION = 20_000
NEAR_WEIGHT, NEAR_SCALE_KM = 1.5, 75.0
# ... and a place far from the 'near' point is the far reading: shaded by the log of its distance
# in units of NEAR_FAR_KM (-0.6 at 100 km, -1.2 at 300, -2.2 at 1,100): a bonus that only faded
# left 'Ostrovskoye' near Kurakhove the Russian village 1,141 km off, not Ostrivske 17 km away
NEAR_FAR_WEIGHT, NEAR_FAR_KM = 2.0, 100.0


def near_score(km: float) -> float:
    """The score of a candidate ``km`` from the 'near' point (a hint or written coordinates)."""
    return NEAR_WEIGHT * math.exp(-km / NEAR_SCALE_KM) - NEAR_FAR_WEIGHT * math.log10(1.0 + km / NEAR_FAR_KM)


# a distance the phrase gives ('40 km from Mariupol') is rough: the score halves about every
# 0.35 of it (at least 5 km) a candidate lies off where it puts the place
OFFSET_SCALE, OFFSET_MIN_SCALE_KM = 0.5, 7.0
AS_OF_VALID = 0.4
# an old name dropped this many years or more before the 'as_of' date: the place then bore
# another for long ('Sverdlovsk' as of 2015 is the Luhansk oblast town, renamed in 2016, not
# Yekaterinburg, called so until 1991, though it is 20 times bigger). Not a name dropped lately:
# the press and one side's officials write 'Artemovsk' for Bakhmut years after 2016
AS_OF_LONG_GONE, AS_OF_LONG_GONE_YEARS = -1.0, 10
NAMESAKE_AREA = -1.5
# 'the border village of Stepanovka': a namesake within this many km of a town of another country
BORDER_KM, BORDER_SAID = 25.0, 1.5
# a typo candidate per letter edit more than the closest candidate needs: the nearest spelling
# first, then population ('Gansin' is Gansing, not a bigger place two slips away). Typo set
# (2,000 real names, 1-2 edits): recall@1 0.556 -> 0.629 (0 -> -1.0; -0.5: 0.617, -2.0: 0.631)
EXTRA_EDIT = -1.0
# and as much again for each slip beyond the first: a country or a big city two slips further
# than a town is a remote reading ('Kiritijati' is Kiritimati one slip off, not Kiribati three).
# Typo sets rank-1 +3 of 2,000 (seed 11) and +3 of 1,500 (seed 5), none lost. -1.0 since guesses
# score by their likeness as written (2026-11-28): typo sets and evals as at -0.5, and 'Kiritijati'
# stays Kiritimati ('Korean', which -1.0 once lost as a slip of 'S. Korea', is a demonym now)
EXTRA_EDIT_MORE = -1.0
# a guess ranked first though another candidate's name is fewer slips away (a country's or a big
# city's prior carried it) is at most this sure: on four typo sets (8,000 real names with 1-2 slips)
# such answers were right 33 times of 183, 4 of the 81 at 0.3 or more (2026-11-28)
FURTHER_GUESS_CAP = 0.2
# a guessed spelling of a place outside the country the caller's hint names (no candidate lies in
# it: 'Nampala' with country Mali is Nepal by 'Naipála', a slip off), or a name outside it scored
# below this, is no answer at all (the hint rules every candidate out): a no-match that lists
# them; a name as written keeps its confidence ('Sevastopol' with country RU, as Russian sources
# file Crimea)
OUTSIDE_COUNTRY_FLOOR = 0.05
# an answer scored exactly as a runner-up that lies elsewhere (two villages of one name in the
# region the phrase names, neither with a population) is a coin toss between them: at most this
# sure (the calibration maps a raw share of one half to ~0.68, learnt from ties that are mostly
# one place twice, a few km apart)
TIED_ELSEWHERE_CAP = 0.5
TIED_ELSEWHERE_KM = 20.0  # a runner-up farther than this is another place
TEMPERATURE = 0.55
NONE_SCORE = 4.0  # a candidate must beat this to take most of the probability mass


def string_score(via: str, sim: float) -> float:
    if via in STRING_SCORE:
        return STRING_SCORE[via]
    # skeleton and fuzzy: similarity 100 -> 2.3, 85 -> ~1.6, 70 -> ~0.9
    return max(0.0, 2.3 - (100.0 - sim) * 0.047)


CAPITAL_BONUS = 1.0  # news names capitals for their governments: 'Washington', 'Moscow', 'Kyiv'


# GeoNames' cities500 holds every town of more than 500 people and every seat of an
# administrative division: a row of it with population 0 is a seat whose population is not
# recorded (30,673 rows; Tell Abyad, Ma'arrat al-Nu'man), scored as a town of the file's
# threshold, not as a hamlet (a lone exact answer was at 0.26, a folded one at 0.08)
UNRECORDED_SEAT_POPULATION = 500


# ... and so is a settlement of an official register or of postal-code data (Ukraine's KATOTTG
# codifier, GeoNames' postal codes): a village that exists, of unknown size (a lone exact answer,
# 'Robotyne', was at 0.2)
_REGISTERED_SOURCES = frozenset({katottg.SOURCE, postal.SOURCE})


def known_population(place) -> int:
    """The population the prior weighs: the recorded one, or for a cities500 row without one
    (a seat of an administrative division) or a registered settlement ``UNRECORDED_SEAT_POPULATION``."""
    if place.population or place.level != "populated place" or (
            "cities500" not in place.source and place.source not in _REGISTERED_SOURCES):
        return place.population
    return UNRECORDED_SEAT_POPULATION


def prior(level: str, population: int, feature_code: str = "") -> float:
    bonus = CAPITAL_BONUS if feature_code == "PPLC" else 0.0
    return LEVEL_PRIOR.get(level, 0.0) + POP_WEIGHT * math.log10(population + 1) + bonus


# Monotone map from the raw softmax share to calibrated confidence (x, y knots), fitted with
# benchmarks/calibrate.py on held-out dev data; None = raw softmax.
# Fitted 2026-11-26 (benchmarks/calibrate.py --knots 24, second fit of the day) on UCDP Ukraine dev
# (correct = within 20 km) and LGL (161 km), 5,080 answered items: ECE 0.076 -> 0.013; held-out
# GWN 0.072 -> 0.065. Capped at 0.99: no answer is certain.
CALIBRATION: list[tuple[float, float]] | None = [
    (0.0, 0.0), (0.014, 0.0), (0.1257, 0.223), (0.1679, 0.239), (0.2057, 0.243), (0.2601, 0.299),
    (0.3176, 0.348), (0.363, 0.536), (0.4398, 0.652), (0.5336, 0.7), (0.5788, 0.712),
    (0.668852, 0.718), (0.7252, 0.721), (0.772991, 0.746), (0.843165, 0.794), (0.8977, 0.826),
    (0.9296, 0.859), (0.939, 0.869), (0.9616, 0.913), (0.9824, 0.938), (0.9924, 0.949),
    (0.998, 0.976), (0.9991, 0.989), (0.9996, 0.99), (1.0, 0.99),
]


def calibrate(raw: list[float]) -> list[float]:
    """Map raw softmax shares through the calibration knots (identity without them)."""
    if not CALIBRATION:
        return list(raw)
    xs, ys = _knots(tuple(CALIBRATION))
    if len(raw) > 16:
        return np.interp(raw, xs, ys).tolist()
    return [_interp(x, xs, ys) for x in raw]  # a few answers: numpy's call costs more than this


def _interp(x: float, xs: tuple, ys: tuple) -> float:
    """``np.interp`` for one value (same formula: the slope times the distance from the knot)."""
    i = bisect_right(xs, x)
    if i == 0:
        return ys[0]
    if i == len(xs):
        return ys[-1]
    x0, y0 = xs[i - 1], ys[i - 1]
    return (ys[i] - y0) / (xs[i] - x0) * (x - x0) + y0


@lru_cache(maxsize=4)
def _knots(calibration: tuple) -> tuple[tuple, tuple]:
    xs, ys = zip(*calibration)
    return tuple(float(x) for x in xs), tuple(float(y) for y in ys)


# A guessed spelling is never near-certain: fuzzy answers at 0.8+ were right 7 times of 22 on
# UCDP/LGL/GWN dev (2026-11-26; 'Sinhalese' -> Senegal via 'Senegalese' at 0.94). Capping them
# at 0.7 moved ECE 0.131 -> 0.124 (UCDP), 0.028 -> 0.026 (LGL context), 0.036 -> 0.035 (GWN context).
FUZZY_CONFIDENCE_CAP = 0.7


# A guessed spelling (fuzzy) this many letter edits or more from a Latin query is no answer but a
# no-match that lists it: such answers were right 0 times of 20 on UCDP/LGL/GWN dev ('Khayelitsha'
# -> Galicia, 'Air Balloon' -> Ayer Baloi; 2026-11-27); at 3 edits 9 of 22 were right
MAX_GUESS_EDITS = 4


# A town named in a natural feature ('Kanawha River' -> Charleston, 'Lake Hartwell' -> Hartwell)
# stands for a river or lake that may lie far from it: such answers were within 161 km 18 times
# of 43 on LGL/GWN (mean confidence 0.61 before this cap).
NATURAL_FEATURE_CONFIDENCE = 0.45


# A country's adjective inside a longer name ('Russian Embassy', 'French Quarter', 'British
# International School') describes what the phrase names, not where it is: such answers were right
# 3 times of 10 on LGL/GWN dev at 0.99 (2026-11-27; continents' adjectives, 'European Commission',
# 8 of 8: not capped)
DEMONYM_MODIFIER_CONFIDENCE = 0.35


# An area's name inside a longer name that is no feature phrase ('Tennessee Colony', 'Niger Delta',
# 'Bank of Japan'): the thing named may lie anywhere in the area or beyond it; such answers were
# right 11 times of 25 on the UCDP/LGL/GWN dev files at a mean confidence of ~0.88, and answers of
# an area for a facility named after it ('California State University') 4 of 9 on GWN at 0.68
# (2026-11-27)
INNER_AREA_CONFIDENCE = 0.5


# A facility named with a common given name or surname ('Rogers Centre', 'Cornell University',
# 'Marjory Stoneman Douglas High School') is named after a person as often as after the town of
# that name: the four such answers on the LGL/GWN dev files were wrong (mean confidence 0.67;
# 2026-11-28). A city of a million or more is the likelier reading ('London Guildhall School').
FACILITY_PERSON_CONFIDENCE = 0.3
FACILITY_PERSON_CITY = 1_000_000


# A query that is one common word for a kind of place or a direction ('Gulf', 'West', 'Valley',
# phrase.COMMON_PLACE_WORDS) names a place of that name seldom: the 15 such answers on the LGL/GWN
# dev files were all wrong, six of them at 0.71-0.78 ('Gulf' -> Gulf, Papua New Guinea, for the
# Persian Gulf; 'West' -> West, Cameroon, for Western Europe; 2026-11-28)
COMMON_WORD_CONFIDENCE = 0.3


# A name after a person's title ('Mr. Smith', 'Dr Ivanov') is a person's: a place answered for it
# is a guess at nothing the query means (unless the title is part of the place's name: 'Dr. Phillips')
PERSON_TITLE_CONFIDENCE = 0.1


# A bare two-letter code in capitals is an acronym as often as a country: 'SA' in South African
# news is South Africa (ZA), not Saudi Arabia; the three ISO-code answers on the dev files were
# all wrong at 0.97.
CODE_CONFIDENCE_CAP = 0.6


# A guessed spelling of a place in a Latin-script country, where names are written one way and
# a 'slip' is as often another word ('Capitol', 'New Road', 'Bywater'): such answers were right
# 11 times of 112 on LGL/GWN dev at a mean confidence of 0.30; guesses of places whose names are
# romanized were right 84-90% on UCDP (2026-11-27)
LATIN_FUZZY_CONFIDENCE_CAP = 0.3


# A weak reading (candidates.weak_reading): a word in lower case read as a code ('yes' as Yasuj's
# airport 'YES', 'abc' as Albacete's), an alternate name of two letters or one ('Ko' for Kyiv).
# A column's placeholders and stray words hit them ('yes' was Yasuj at 0.81, 'ls' Elche at 0.83,
# 'c/o' Chornomorsk at 0.71); a place whose own name the word is comes first ('bar' is Bar,
# Vinnytsia oblast, not Qionghai by 'BAR').
WEAK_READING = -2.0
WEAK_READING_CONFIDENCE = 0.4


def cap(confidence: float, match_kind: str, code: bool = False, latin: bool = False, weak: bool = False) -> float:
    """The confidence reported for an answer of ``match_kind`` (fuzzy ones, answers to a bare
    two-letter ``code`` and ``weak`` readings are capped; fuzzy ones of a place in a
    ``latin``-script country more)."""
    if code:
        confidence = min(confidence, CODE_CONFIDENCE_CAP)
    if weak:
        confidence = min(confidence, WEAK_READING_CONFIDENCE)
    if match_kind != "fuzzy":
        return confidence
    return min(confidence, LATIN_FUZZY_CONFIDENCE_CAP if latin else FUZZY_CONFIDENCE_CAP)


def confidences(scores: list[float], n: int | None = None) -> list[float]:
    """Softmax of candidate scores against the 'none' option, calibrated; only the first ``n``
    when given (the answer and the runner-ups shown)."""
    if not scores:
        return []
    top = max(max(scores), NONE_SCORE)
    exps = [math.exp((s - top) / TEMPERATURE) for s in scores]
    none = math.exp((NONE_SCORE - top) / TEMPERATURE)
    total = sum(exps) + none
    return calibrate([e / total for e in exps[:n]])


# An area GeoNames gives no point and no member town (a district of eastern DR Congo, 'Walikale';
# of Mozambique, 'Meluco') is placed at its first-level area's point, often 100 km or more off the
# place the name means: such answers were 71-262 km off at 0.66 with a country hint (2026-11-29)
BORROWED_POINT_CONFIDENCE = 0.3


# confidence of a town standing in for a thing named after it ('Antonivskyi bridge' -> Antonivka):
# no dev data names such things; set below a district's town (0.55), since an adjective may also
# be a person's or a river's
NAMED_AFTER_TOWN_CONFIDENCE = 0.4
# least confidence of the town a power plant lies at, when the phrase reads as a place the curated
# plant table (gazetteer/facilities.csv) knows a plant of the kind named after, by its name or its
# adjective ('Zaporizhzhia NPP', 'Курская АЭС'): the plant's words rule out the namesakes no plant
# is named after, and no guess at where the thing is is left; set as sure as a big town's own name
# (no dev data names plants)
NAMED_PLANT_CONFIDENCE = 0.9

# confidence of an answer that falls back to an area the phrase names (the place itself missing).
# Measured 2026-11-26 on UCDP Ukraine dev (mention only): answers with the district's town lie
# within 20 km of the place 78% of the times (79 items), with its first-level area 8% (12 items);
# the town's figure is shaded down because the answer is still not the place itself.
AREA_ANSWER_CONFIDENCE = {"populated place": 0.55, "admin2": 0.3, "admin1": 0.1, "region": 0.05,
                          "country": 0.02}
