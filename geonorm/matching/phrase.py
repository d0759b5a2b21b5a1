"""Parse location phrases as people write them into a place head and hint parts.

"in Krasnoarmeysk, Donetsk region"          -> head 'Krasnoarmeysk', area hint 'Donetsk'
"Area of the city of Artemovsk (DPR)"       -> head 'Artemovsk', area hint 'DPR'
"village of Pisky, Yasynuvata raion"        -> head 'Pisky', district hint 'Yasynuvata', feature village
"Kiev/Kyiv city (Maidan Nezalezhnosti)"     -> heads 'Kiev' | 'Kyiv', other part 'Maidan Nezalezhnosti'

Generic words (English, Russian, Ukrainian) are recognized as feature or area markers, not
blindly deleted: "Donetsk region" marks an area, "Horlivka town" a populated place.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..names import polish as polish_names
from ..names.inflection import governed_case
from ..names.normalize import clean, normalize
from ..names.romanize import UK_ONLY
from ..sources.curated import area_code_key, area_codes
from . import press_words

_PREFIXES = [
    # longest first; matched on the lower-cased, normalized part
    "on the outskirts of", "in the outskirts of", "outskirts of", "in the vicinity of", "vicinity of",
    "western outskirts of", "eastern outskirts of", "northern outskirts of", "southern outskirts of",
    "areas of the settlements of", "area of the settlements of", "areas of the settlement of",
    "area of the settlement of", "the settlements of", "settlements of", "areas of", "the settlement",
    "the village", "the villages of", "villages of", "the border villages of", "border villages of",
    "in the area of", "area of the city of", "area of the town of", "area of the village of",
    "the area of", "area of", "the area between", "area between", "in the area between", "in the city of",
    "in the town of", "in the village of", "the city of",
    "the town of", "the village of", "city of", "town of", "village of", "settlement of",
    "urban-type settlement of", "district of", "near the city of", "near the village of",
    "near the town of", "nearby", "near", "around", "outside of", "outside", "close to", "not far from",
    "in", "at", "from", "of",
    "the", "and", "north of", "south of", "east of", "west of", "northeast of", "northwest of",
    "southeast of", "southwest of", "north-east of", "north-west of", "south-east of", "south-west of", "between",
    "г.", "г", "город", "м.", "місто", "с.", "село", "смт", "пгт", "пос.", "поселок", "селище",
    "под", "біля", "около", "в", "у", "район", "окрестности",
    # Ukrainian and Russian prepositions and settlement nouns in the oblique cases that follow
    # them: 'в селі Гранітне', 'у місті Покровськ', 'біля села', 'в поселке'
    "во", "на", "під", "з", "із", "зі", "от", "від", "до", "поблизу", "вблизи", "неподалік", "неподалеку",
    "к", "ко", "со", "из", "изо", "за", "над", "через", "по", "возле", "вокруг", "между", "між",
    "окрестностях", "окрестностей", "н.п.", "н. п.", "нп",
    # the same abbreviations romanized: 'vil. Pisky', 'smt Novhorodske', 'pgt. Zaitsevo'
    "vil.", "vill.", "smt", "smt.", "pgt", "pgt.", "sel.", "selo", "selyshche", "poselok", "posyolok",
    "селі", "села", "селу", "селе", "селища", "селищі", "селищу", "міста", "місті", "місту", "города",
    "городе", "городу", "поселка", "поселке", "поселку", "смт.", "пгт.", "околицях", "окраине", "околиці",
    "районе", "районі", "районах",  # 'в районе Марьинки', 'у районі Мар'їнки': the genitive follows
    # Russian and Ukrainian address abbreviations of a settlement's kind: 'п. Мирный' (посёлок),
    # 'д. Ивановка' (деревня), 'х. Весёлый' (хутор), 'ст-ца Луганская', 'р.п.' (рабочий посёлок)
    "п.", "пос", "посёлок", "д.", "дер.", "деревня", "х.", "хут.", "хутор", "станица", "ст-ца", "с-ще",
    "рп", "р.п.", "р. п.",
]
# another name of the place, before or after a rename: 'Pokrovsk (formerly Krasnoarmeysk)',
# 'Pervomaisk (now Sokolohirsk)', 'Svitlodarsk (ex-Debaltseve)', 'Шептицький (колишній Червоноград)'
_PREFIXES += ["formerly", "former", "previously", "earlier", "now", "today", "ex-", "ex", "aka", "a.k.a.",
              "also known as", "known as", "also called", "renamed", "renamed from", "renamed to",
              "колишній", "колишня", "колишнє", "колишні", "раніше", "нині", "тепер", "бывший", "бывшая",
              "бывшее", "бывш.", "ранее", "ныне", "теперь", "переименован в", "перейменовано на"]
# who holds the place, before its name ('occupied Crimea', 'Russian-occupied Melitopol', 'liberated
# Kherson'): no name begins so
_PREFIXES += [f"{temp}{who}{held}" for temp in ("", "temporarily ")
              for who in ("", "russian-", "ukrainian-")  # (not 'Russian' alone: 'Russian Embassy')
              for held in ("occupied", "held", "controlled", "annexed")] + [
    "de-occupied", "deoccupied", "liberated", "recaptured", "besieged", "embattled", "frontline", "front-line"]
# '(near the) border village of X', 'the frontline town of X': adjective + settlement word
_PREFIXES += [f"{adj} {noun}{of}" for adj in ("border", "frontline", "front-line", "occupied", "liberated",
                                              "embattled", "neighboring", "neighbouring")
              for noun in ("village", "villages", "town", "towns", "city", "settlement", "settlements")
              for of in (" of", "")]
# a border adjective with its settlement noun: 'пограничное село Дмитровка', 'у прикордонному селі'
_BORDER_LEAD = r"(?:[ву]\s+)?(?:погранич|прикордонн)\w*\s+(?:сел|посел|посёл|селищ|город|міст)\w*"
# 'the road between Kramatorsk and Sloviansk': the towns a road joins; 'a western suburb of Donetsk'
# (leading words only together: 'Route', 'Western', 'Line' alone may be names or parts of them)
_FRAME_PREFIXES = [f"{on}{the}{way} between" for on in ("", "on ") for the in ("", "the ")
                   for way in ("road", "highway", "route", "railway", "rail line")]
_FRAME_PREFIXES += [f"{a}{side}{suburb} of" for a in ("", "a ", "the ", "in a ", "in the ")
                    for side in ("", "northern ", "southern ", "eastern ", "western ", "north-eastern ",
                                 "north-western ", "south-eastern ", "south-western ")
                    for suburb in ("suburb", "suburbs")]
# a compass bearing from a place, without a distance: 'northwest of Avdiivka', 'south-east of'
COMPASS_OF = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of"
_NEAR_WORDS = (r"near|nearby|close to|not far from|outside|outskirts|suburbs?|around|vicinity|біля|около|под|"
               r"під|поблизу|вблизи|неподалік|неподалеку|околицях|окраине|околиці|возле|вокруг|"
               r"окрестностях"
               # a bearing without a distance ('Stepove (northwest of Avdiivka)') says near too
               r"|" + COMPASS_OF)
_NEAR_RE = re.compile(r"\b(" + _NEAR_WORDS + r")\b", re.IGNORECASE)
# Cyrillic words before a name that leave it in the nominative ('село Піски', 'г. Горловка');
# any other Cyrillic word there (a preposition, 'села', 'районе') governs an oblique case
_NOMINATIVE_LEADS = frozenset("г г. город м м. місто с с. село смт смт. пгт пгт. пос пос. поселок селище "
                              "район н.п. п. нп".split())
# the words around a name that say it is a village or a settlement ('the village of', 'смт', 'в селі';
# not a town or city, which may be as large as the land named around it)
_VILLAGE_WORDS = frozenset(
    "village villages settlement settlements urban-type hamlet smt pgt vil vill sel selo selyshche poselok "
    "posyolok с село селі села селу селе смт пгт пос поселок поселка поселке поселку селище селища селищі "
    "селищу н.п нп п посёлок посёлка посёлке д дер деревня деревни х хут хутор хутора станица станицы ст-ца "
    "с-ще рп р.п".split()) | press_words.VILLAGE_WORDS | press_words.LOCALITY_WORDS
# ... those of them that say a village or a small town, never a city ('settlement', 'н.п.' say
# any locality: Russian reports write 'the settlement of Kharkiv')
_NO_CITY_WORDS = _VILLAGE_WORDS - frozenset("settlement settlements н.п нп".split()) - press_words.LOCALITY_WORDS
# ... and the settlement types of the former Soviet Union ('смт', 'село', 'pgt'): a place in one
# of its successor states ('смт Нью-Йорк' is the Niu-York of Donetsk oblast, not New York City)
POST_SOVIET_WORDS = frozenset(w for w in _NO_CITY_WORDS if not w.isascii()) | frozenset(
    "smt pgt sel selo selyshche poselok posyolok".split())
# ... and those that give the land around a town rather than a place ('in the area of', 'near')
_AROUND_RE = re.compile(r"\b(" + _NEAR_WORDS + r"|areas?|районе|районі|районах|окрестност\w*)\b", re.IGNORECASE)
_AROUND_TRAILING = frozenset({"area", "outskirts", "vicinity", "suburb", "suburbs"})
# 'the border village of Stepanivka', 'пограничное село', 'прикордонне село': said to lie by a state border
_BORDER_RE = re.compile(r"\bborder\b|\bfrontier\b|погранич\w*|прикордонн\w*", re.IGNORECASE)
# the words that give a town's edge, no farther ('on the outskirts of Donetsk')
_OUTSKIRTS_RE = re.compile(r"outskirts|suburbs?|окраин\w*|околиц\w*|передмісті|пригород\w*", re.IGNORECASE)
# ... with a side, after a town's name ("Bakhmut's western outskirts", 'Kherson northern suburbs'):
# the edge, whichever side (the town's point is no more precise)
_SIDED_EDGE_RE = re.compile(r"\s+(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?)"
                            r"\s+(outskirts|suburbs?|edge)$", re.IGNORECASE)
_CYRILLIC_WORD_RE = re.compile(r"[а-яёіїєґ'’.]+", re.IGNORECASE)
# 'в районе Марьинки', 'у районі Мар'їнки': 'in the area of' a town, which follows in the genitive
_IN_AREA_OF_RE = re.compile(r"(?<!\w)(?:в|во|у)\s+район(?:[еі]|ах)\s+(?=[^\W\d_])", re.IGNORECASE)
# the leading words of the other European languages as written ('près de', 'im Dorf'; 'in der Nähe
# von' before English 'in'), then the English and Slavic ones in any case
_PREFIX_RE = re.compile(
    r"^(?:(?:" + press_words.LEAD_PATTERN + r")\s+(?=\S)|(?i:"
    + "|".join(re.escape(p) for p in sorted(_PREFIXES + _FRAME_PREFIXES, key=len, reverse=True))
    + "|" + _BORDER_LEAD + r")(?:\s+|(?<=\.)|(?<=ex-)))+")

# the Cyrillic settlement abbreviations romanized, in lower case before a capitalized name
# ('m. Pokrovsk' for 'м. Покровськ', 's. Hryshyne' for 'с. Гришине'; not 'S. Paulo')
_ROMANIZED_LEAD_RE = re.compile(r"(?:(?:m|s|g|p|h|sel|pos|smt|pgt|vil)\.\s*|(?:misto|horod|gorod|selo|selyshche|poselok)\s+)"
                                r"(?=[A-Z])")

_OKRUG_WORDS = frozenset("округ округа округе округу округом".split())  # Russia's urban and municipal okrugs
COMMUNITY_WORDS = frozenset("community hromada громада громади громаді громаду громадою громад громадах громадам "
                            "громадами".split())
# plural area words -> nominative singular: 'Донецької та Луганської областей' (see _singular_areas);
# 'області', 'области' are plural after a list too ('Харківську та Сумську області')
_CYRILLIC_PLURAL_AREA_WORDS = {
    **{w: "область" for w in "областей областях областям областями області области".split()},
    **{w: "район" for w in "районів районах районам районами районов райони районы".split()},
    **{w: "громада" for w in "громади громад громадах громадам громадами".split()}}
# area words in an oblique case -> nominative
_OBLIQUE_AREA_WORDS = {"району": "район", "районі": "район", "района": "район", "районе": "район",
                       "р-ну": "район", "р-ні": "район", "р-на": "район", "р-не": "район",  # abbreviated
                       "громади": "громада", "громаді": "громада", "громаду": "громада", "громадою": "громада",
                       **_CYRILLIC_PLURAL_AREA_WORDS,
                       # the instrumental ('над Курской областью', 'під Харківською областю',
                       # 'за Бахмутським районом') and the kray's oblique cases
                       "областью": "область", "областю": "область", "районом": "район",
                       "краю": "край", "крае": "край", "краем": "край",
                       # an okrug is named as the raion it replaced was ('Шебекинский округ')
                       **{w: "район" for w in _OKRUG_WORDS}}
# words that join the items of a list, and that join an area word to its name ('region of Kursk')
LIST_JOINERS = ("and", "та", "і", "и", "й")
_OF_WORDS = ("of", "de", "du", "des", "di", "del")
_ROMANCE_ARTICLES = frozenset("la le el il l'".split())  # before an area word: 'la région de Donetsk'
_CO = "co"  # 'Cook Co.' is a county; 'CO' in capitals is Colorado's or Colombia's code
# words between an area's adjective and its area word ('Шебекинский городской округ')
AREA_QUALIFIERS = frozenset("городской городского городском городскому городским муниципальный муниципального "
                            "муниципальном муниципальному муниципальным".split())
_TRAILING_ONLY = AREA_QUALIFIERS | _OKRUG_WORDS  # (never leading: 'Городской Округ Ржев' is a name)
# trailing/leading words that mark what kind of feature the part names
_FEATURE_WORDS = {
    "city": "populated place", "town": "populated place", "village": "populated place",
    "settlement": "populated place", "township": "populated place", "hamlet": "populated place",
    "городок": "populated place", "город": "populated place", "місто": "populated place",
    "село": "populated place", "селище": "populated place", "поселок": "populated place",
    "смт": "populated place", "пгт": "populated place", "airport": "populated place",
    "oblast": "admin1", "region": "admin1", "province": "admin1", "obl": "admin1", "governorate": "admin1",
    "область": "admin1", "обл": "admin1", "края": "admin1", "край": "admin1",
    "raion": "admin2", "rayon": "admin2", "district": "admin2", "район": "admin2",
    # German, French, Polish, Spanish and Italian press: 'Gebiet Kursk', 'région de Kharkiv',
    # 'obwód charkowski', 'provincia de Járkov', 'Rajon Bachmut'
    "gebiet": "admin1", "région": "admin1", "obwód": "admin1", "provincia": "admin1",
    "rajon": "admin2",
    # ('el óblast de Donetsk', 'la región de Járkov', 'la regione di Kherson')
    "óblast": "admin1", "región": "admin1", "regione": "admin1",
    "municipality": "admin2", "county": "admin2", "r-n": "admin2", "р-н": "admin2",
    # Russia's districts are urban or municipal okrugs now ('Шебекинский городской округ'), named
    # as the raions were
    "округ": "admin2",
    **{w: "" for w in AREA_QUALIFIERS},
    # 'Cook Co., IL', 'Co. Cork', 'Westchester Cnty'; not 'CO' in capitals, Colorado's code
    "co": "admin2", "cnty": "admin2",
    # a Local Government Area (Nigeria, Australia): 'Guma LGA', 'Guma Local Government Area'
    "lga": "admin2",
    # a territorial community (hromada, since 2020) is named after its centre, as districts are
    **{w: "admin2" for w in COMMUNITY_WORDS},
    **press_words.AREA_WORDS,
    "area": "", "suburb": "", "suburbs": "", "outskirts": "", "vicinity": "", "checkpoint": "",
    "territorial": "", "територіальна": "", "територіальної": "", "територіальній": "",
}
# Ukrainian and Russian addresses name the areas in the genitive or locative: 'Гранітне
# Волноваського району Донецької області', 'в Донецкой области'
_FEATURE_WORDS.update({w: _FEATURE_WORDS[nom] for w, nom in _OBLIQUE_AREA_WORDS.items()})
# feature words only at the end of a name ('NY state', 'Georgia country'), never leading it
# ('State College', 'Country Club Hills'), and alone in brackets ('Georgia (country)')
_TRAILING_FEATURE_WORDS = {"state": "admin1", "country": "country"}
_AREA_LEVELS = ("admin1", "admin2")
# the adjective endings that go with an area word in an oblique case, and their nominatives
_NOMINATIVE = ((re.compile(r"(ськ|цьк|зьк)(?:ого|ому|им)$"), r"\1ий"), (re.compile(r"(ськ|цьк|зьк)(?:ої|ій|у|ою)$"), r"\1а"),
               (re.compile(r"(ск|цк|зк)(?:ого|ом|ому|им)$"), r"\1ий"), (re.compile(r"(ск|цк|зк)(?:ой|ую|ою)$"), r"\1ая"))


def nominative_adjective(word: str) -> str:
    """A Cyrillic area adjective in the nominative ('Волноваського' -> 'Волноваський',
    'Луганской' -> 'Луганская'); any other word as it is."""
    for pattern, repl in _NOMINATIVE:
        word = pattern.sub(repl, word)
    return word


# 'Гранітне Волноваського району': the adjective before a Cyrillic area word starts a part (and
# before a people's republic: 'Новоселовское Луганской Народной Республики')
_CYRILLIC_AREA_BREAK_RE = re.compile(
    r"(?<=\w)\s+(?!територіальн|городск|муниципальн|народн)(?=[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*\s+"  # ('Куп'янського')
    r"(?:(?:територіальн|городск|муниципальн)\w*\s+)?(?:"
    + "|".join(sorted({*_OBLIQUE_AREA_WORDS, *_OBLIQUE_AREA_WORDS.values()} - _OKRUG_WORDS))
    + r"|народн\w+\s+республик\w*)\b)", re.IGNORECASE)
AREA_WORDS = frozenset(w for w, lvl in _FEATURE_WORDS.items() if lvl in _AREA_LEVELS)
# 'в Ірпені на Київщині', 'у Покровську на Донеччині', 'в Изюме на Харьковщине': a region by its
# Ukrainian or Russian name in -щина / -ччина (and a few others) after 'на' or 'в' starts a part
# (capitalized: 'на батьківщині' is 'at home')
_REGION_NAME_BREAK_RE = re.compile(
    r"(?<=\w)\s+((?:на|в|у)\s+(?:[А-ЯІЇЄҐ][^\W\d_]*(?:щин|чин)[іие]|Запоріжжі|Запорожье|Закарпатті|"
    r"Закарпатье|Буковині|Буковине|Волині|Волыни|Донбасі|Донбассе|Поділлі|Подолье|Поліссі|Полесье|Прикарпатті|"
    r"Прикарпатье)\b)")
# "Amvrosievsky region Donetsk region": an area word followed by more words ends a part
# "Colchester General Hospital", "Seoul Central District Court": a facility, which the gazetteer
# does not hold; only a place named as written inside it may answer ('Colchester'), never a
# guessed spelling of the rest ('Oval Office' is not Kovalovice, 'City Hall' not Schwäbisch Hall).
# Words that also end settlement names ('Echo Park', 'Ridge Farm', 'Greer Station') are left out;
# a phrase that is a gazetteer name as a whole stays that name ('Hospital', 'White House').
FACILITY_WORDS = frozenset(
    "academy airport cathedral center centre church college court courthouse hall hospital hotel "
    "institute library mall museum office plantation prison school stadium tower university "
    # refugee and displacement camps ('Zamzam camp', 'al-Hawl camp'): in or by the place named
    "camp".split())
# "Kanawha River", "Lake Hartwell", "Aleutian Islands": a natural feature is read like a facility;
# the generic word itself is never the place ('Lake' is an alternate name of Lake County,
# 'Islands' a place in Hong Kong)
NATURE_WORDS = frozenset(
    "bay canyon creek falls gulf hills island islands lake lakes mountain mountains ocean "
    "peninsula reservoir river sea strait valley shoal reef atoll lagoon glacier".split())
NATURE_LEAD = frozenset({"lake", "mount", "mt", "cape", "gulf"})  # 'Lake Hartwell', 'Mount Hood'
# valleys and mountains in Arabic, romanized many ways, which lead the name of a place or a
# feature as a whole: neither the word nor the name after it is a place of its own ('Wadi Khalid'
# is no Wādi, India, 'Jabal al-Zawiya' no Zawiya, Libya)
ARABIC_NATURE_LEAD = frozenset({"wadi", "wady", "jabal", "jebel", "djebel", "jbel", "gebel"})
# the facilities of reports on wars and disasters, named after the place they are in or near
# ('Saky air base', 'Burshtyn TPP', 'Azot chemical plant', 'Reni port'), read like the words
# above; the phrase written the other way round ('the port of Odesa') too. A settlement named
# so as a whole stays that name ('Stamford Bridge', 'Le Port')
_FACILITY_CODES = ("NPP", "TPP", "HPP", "CHPP", "CHP",  # nuclear, thermal, hydro, heat-and-power plants
                   # ... in Russian and Ukrainian ('Каховская ГЭС', 'Запорізька АЕС'), and a refinery ('НПЗ')
                   "АЭС", "АЕС", "ГЭС", "ГЕС", "ГАЭС", "ГАЕС", "ТЭС", "ТЕС", "ТЭЦ", "ТЕЦ", "ГРЭС", "ГРЕС", "НПЗ",
                   "AES", "GES", "GRES", "TETs", "TETS", "NPZ")  # (romanized: 'Kakhovskaya GES')
# the same facilities' words in Russian and Ukrainian, in any case ('Антоновский мост', 'у
# Каховского водохранилища', 'аэродром Бельбек')
_CYRILLIC_FACILITY = (r"(?:атомн\w+\s+(?:электро|електро)?станц|(?:тепло|гидро|гідро)?(?:электростанц|електростанц))\w*"
                      r"|аэропорт\w*|аеропорт\w*"
                      r"|аэродром\w*|аеродром\w*|авиабаз\w+|авіабаз\w+|нефтебаз\w+|нафтобаз\w+"
                      r"|(?:морско\w+\s+|морськ\w+\s+|речно\w+\s+|річков\w+\s+)?порт[уа]?|мост[уа]?|міст|мосту"
                      r"|плотин\w+|дамб\w+|гребл\w+|водохранилищ\w+|водосховищ\w+|завод\w*|комбинат\w*|шахт[аиіеу]")
_CYRILLIC_NATURE = ("водохранилищ", "водосховищ")  # a reservoir is a natural feature, as 'reservoir' is
# the words themselves (a regular expression's alternatives, any case)
FACILITY_TAIL = (
    r"(?:(?:nuclear|atomic|thermal|hydroelectric|hydro|coal|gas|solar)\s+)?power\s+(?:plant|station)"
    r"|(?:nuclear|atomic)\s+(?:plant|station)"
    r"|air\s*base|air\s*field|aerodrome|air\s*strip|(?:military|naval|army|air\s+force)\s+base"
    r"|(?:railway|railroad|rail|train|bus|metro|subway)\s+station|(?:oil|fuel|ammunition|ammo)\s+depot"
    r"|(?:oil\s+)?refinery|sea\s*port|port|shipyard|dam|bridge|checkpoint|(?:penal|correctional)\s+colony"
    r"|(?:chemical|steel|metallurgical|coke|tank|cement|machine[- ]building)\s+(?:plant|works|factory)"
    r"|plant|factory|" + "|".join(_FACILITY_CODES) + "|" + _CYRILLIC_FACILITY)
_FACILITY_TAIL_RE = re.compile(r"\s+(" + FACILITY_TAIL + r")\.?$", re.IGNORECASE)
_FACILITY_LEAD_RE = re.compile(r"(?:the\s+)?(sea\s*port|port|airport|air\s*base|airfield)\s+of\s+(?:the\s+)?(?=\S)"
                               # ('аэродром Бельбек', 'аэропорт Донецка', 'НПЗ в Туапсе')
                               r"|(" + "|".join(c for c in _FACILITY_CODES if not c.isascii()) + "|" + _CYRILLIC_FACILITY + r")\s+(?=\S)",
                               re.IGNORECASE)
_LEAD_ABBREVIATIONS = {"mt": "Mount"}
# a name's first word abbreviated as addresses and tables write it ('Ft. Wayne', 'Pto. Montt',
# 'Gral. Santos', 'N. Novgorod'), with the words it may stand for; a one-letter one only with its dot
NAME_ABBREVIATIONS = {
    "ft": ("Fort",), "pt": ("Point", "Port"), "pto": ("Puerto", "Porto"), "gral": ("General",),
    "gen": ("General",), "cd": ("Ciudad",), "sto": ("Santo",), "sta": ("Santa",), "sn": ("San",),
    "st": ("Saint", "Sankt", "Stary", "Staryy"), "ste": ("Sainte",), "cnel": ("Coronel",),
    "pdte": ("Presidente",), "pres": ("Presidente",), "mte": ("Monte",), "vla": ("Villa",),
    "s": ("South", "São", "San", "Santo", "Santa", "Saint", "Sankt"), "n": ("North", "Nizhny", "Nizhniy", "New"),
    "e": ("East",), "w": ("West",), "v": ("Velikiy", "Veliky", "Velyka", "Velykyi"),
}
# 'Zaporozhye regional center', 'district centre': the town an area is run from, not a facility
_CENTRE_RE = re.compile(r"\s+(?:regional|district|administrative|oblast|raion|county)\s+cent(?:er|re)\.?$",
                        re.IGNORECASE)

_AREA_BREAK_RE = re.compile(  # (after a word: a leading one is the part's own, 'Oblast Donezk', 'Region Kursk';
    # not a number's, 'District 2')
    # (nor an okrug's: GeoNames names some 'Городской Округ Ржев')
    r"(?:(?<=[\w.] )|^(?=\w+\.?\s+\d))\b(" + "|".join(re.escape(w) for w in sorted(AREA_WORDS - _OKRUG_WORDS, key=len, reverse=True))
    + r")\.?\s+(?!(?:" + "|".join(_OF_WORDS) + r")\b)"
    # ... but not into a facility ('Seoul Central District Court')
    r"(?!(?:" + "|".join(sorted(FACILITY_WORDS | NATURE_WORDS)) + r")\b)(?=\w)",
    re.IGNORECASE)
_WORD_RE = re.compile(r"\s+")
# a count before a locative word ('two - in Bakhmut', '3 у Бахмуті'): a tally, no place
_COUNT_RE = re.compile(r"(?<![\w-])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*[-–]?\s*"
                       r"(?=(?:in|at|near|в|у|під|под|біля|около)\s)", re.IGNORECASE)
_LGA_RE = re.compile(r"\blocal\s+government\s+area\b", re.IGNORECASE)
# a postal code in an address ('Los Angeles, CA 90012', '75001 Paris', 'London SW1A 1AA',
# 'Toronto, ON M5V 3L9', 'Warszawa 00-950'): no name, and it hid the area code before it. Five
# or six digits, ZIP+4, the Polish, Dutch, British and Canadian forms (four digits alone may be a
# year or a checkpoint's number, and are left)
_POSTCODE_RE = re.compile(r"(?<![\w#№.,/-])(?:\d{5}(?:-\d{4})?|\d{6}|\d{2}-\d{3}|\d{4} ?[A-Z]{2}"
                          r"|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?![\w/-]|[.,]\d)")
# ... and four digits after a state's code ('Melbourne VIC 3000'; not 'BP 1301', a checkpoint)
_STATE_POSTCODE_RE = re.compile(r"\b([A-Z]{2,3}) \d{4}(?![\w/-]|[.,]\d)")
# "Granite town Volnovakha district": a settlement word before an area phrase ends a part too
_TOWN_BREAK_RE = re.compile(
    r"\b(town|village|city|settlement)\s+(?=[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:district|raion|rayon|region|oblast"
    r"|county|province)\b)", re.IGNORECASE)
# a facility and the place it is in ('Heathrow Airport in London', 'Zaporizhzhia NPP in Enerhodar',
# 'Dzhankoi airfield in occupied Crimea'): two parts, as with a comma ('Heathrow Airport, London')
_FACILITY_IN_RE = re.compile(r"\b(" + "|".join(sorted(FACILITY_WORDS)) + "|" + FACILITY_TAIL + r")\s+in\s+(?=[^\W\d_])",
                             re.IGNORECASE)
# an area word's possessive before a place in it ("Kherson region's Beryslav district", "Sagaing
# region's Kanbalu township"): the area, then the place, as with a comma
_AREA_POSSESSIVE_RE = re.compile(r"\b(" + "|".join(sorted(w for w in AREA_WORDS if w.isascii() and w.isalpha() and len(w) > 3))
                                 + r")['’]s\s+(?=\w)", re.IGNORECASE)
# a distance and a bearing from a town: '40 km from Mariupol', '9km north of Donetsk', 'about 5
# miles north-east of Kharkiv', 'в 10 км к северу от Донецка', 'за 30 км на схід від Донецька'
MAX_OFFSET_KM = 1000.0  # farther is no description of where a place lies
_UNIT_KM = {"km": 1.0, "kms": 1.0, "км": 1.0, "mi": 1.609344, "mile": 1.609344, "miles": 1.609344}
_DISTANCE_LEADS = ("about", "some", "approximately", "approx.", "roughly", "around", "nearly", "almost", "just",
                   "over", "under", "up to", "около", "приблизно", "близько", "в", "за")
_DISTANCE = (r"(?:(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _DISTANCE_LEADS) + r")\s+)?"
             r"(?P<n>\d+(?:[.,]\d+)?)\s*"
             r"(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?|км)\.?\s+")
_BEARING_FROM = (
    r"(?:(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|[ns][ew]?|[ew]"
    r"|к\s+(?:северо-|юго-)?(?:северу|югу|востоку|западу)|на\s+(?:північн\w*\s+|південн\w*\s+)?"
    r"(?:північ|південь|схід|захід))\s+)?(?P<prep>of|from|outside(?:\s+of)?|от|від)\s+")
_OFFSET_RE = re.compile(_DISTANCE + _BEARING_FROM + r"(?P<rest>\S.*)$", re.IGNORECASE)
# the same right before a name in running text ('shelled a village 13 km east of |Oleshky')
_OFFSET_BEFORE_RE = re.compile(r"(?<![\w.,])" + _DISTANCE + _BEARING_FROM + r"$", re.IGNORECASE)
# the steps of a path from a large area down, as tables and breadcrumbs write it ('Ukraine >
# Donetsk oblast > Bakhmut', 'Ukraine/Donetsk/Bakhmut', 'Ukraine | Donetsk | Bakhmut')
_ARROWS = r"\s*[>|→]\s*|\s+[»›]\s+"  # separators that are a path's steps only
PATH_SPLIT_RE = re.compile(_ARROWS + r"|\s*/\s*|\s+[–-]\s+")
# "Recife-PE": a state's two-letter code hyphened to its town, as Brazilian addresses write it
# (not a Roman numeral: 'Teremky-II' is a quarter of Kyiv)
_HYPHEN_CODE = r"(?<=[^\W\d_]{3})-(?=(?-i:(?![IVX]{2}$)[A-Z]{2})$)"
_HYPHEN_CODE_RE = re.compile(_HYPHEN_CODE)
_SPLIT_RE = re.compile(
    r"(?<!\d),|,(?!\d)|[;:—]|\s+-\s+|\s+–\s+|" + _ARROWS
    + r"|" + _HYPHEN_CODE
    # "Nova Kakhovka in the Kherson region": 'in' before an area phrase separates two parts
    + r"|\s+(?:in|of)\s+(?=(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:region|oblast|district|raion|rayon|province|obl"
    r"|community|hromada|people'?s\s+republic)\b)"
    # "Vesele in the Soledar area", "... in the Bakhmut direction": the land around a town, or the
    # front sector named after it, is its own part
    r"|\s+(?=in\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:area|direction|sector|axis)\b)"
    # "the building of the Security Service of Ukraine in the city of Dnipro": a settlement
    # introduced mid-phrase is its own part
    r"|\s+(?=in\s+the\s+(?:city|town|village|settlement)\s+of\s)"
    # "the area of Mariupol between the villages of Pavlopol and Pyshchevyk": the villages are parts
    r"|(?<!\barea)(?<!\bareas)\s+(?=between\s+(?:the\s+)?(?:villages|settlements|towns)\b)"
    # "Muratova near Lugansk": the town it is near becomes its own part
    r"|\s+(?=(?:near|close\s+to|not\s+far\s+from|(?:on\s+|in\s+)?the\s+outskirts\s+of|outskirts\s+of"
    r"|in\s+the\s+vicinity\s+of|outside(?:\s+of)?|біля|около|поблизу|под|під|возле|вблизи|неподалік|неподалеку)\s)"
    # "Hranitne 40 km from Mariupol": a distance from a town is its own part
    r"|" + "".join(rf"(?<!\b{re.escape(w)})" for w in _DISTANCE_LEADS) + r"\s+(?="
    + _DISTANCE.replace("(?P<n>", "(?:").replace("(?P<unit>", "(?:") + ")",
    re.IGNORECASE)
# "the Shakhtyorsky district of Donetsk": a named area 'of' the town or region that holds it
# (not 'District of Columbia', 'the region of Kursk': no name before the area word; an area word
# in capitals only after a Slavic district adjective, 'Petrovsky District of Donetsk', not
# 'Georgetown District of Columbia'; a name in capitals after it, not 'district of residence')
_AREA_OF_WORDS = ("district", "raion", "rayon", "region", "oblast", "province")
_AREA_OF_RE = re.compile(
    "(?:" + "|".join([rf"(?<=\w\s{w})" + "".join(rf"(?<!\b(?i:{d})\s{w})" for d in ("the", "a", "this", "that", "its"))
                      for w in _AREA_OF_WORDS]
                     + [rf"(?<=[sz]{end}\s{w.title()})" for w in _AREA_OF_WORDS
                        for end in ("ky", "kyi", "kiy", "kii", "kij", "ki", "koy")])
    # (a code after 'of the' was split off already: 'Novoazovsk district of the, DPR')
    + r")\s+of\s+(?:the\s*,\s*|,\s*)?(?=(?:the\s+)?[A-ZА-ЯЁІЇЄҐ])")
# a short code in capitals after a word in lower case ends the part: 'Ugledar DPR', 'Columbus OH'
_CODE_BREAK_RE = re.compile(r"(?<=[a-zа-яёіїєґ'’])(?=\s+(?![NSEW]{1,2}\s+(?:of|from)\s)(?!(?:" + "|".join(w.upper() for w in _FEATURE_WORDS
                                                                       if w.isalpha() and w != _CO)
                            + r")\b)(?!(?:" + "|".join(_FACILITY_CODES) + r")\b)"  # (nor a plant's: 'Burshtyn TPP')
                            + r"[A-ZА-ЯЁІЇЄҐ]{2,4}(?![\w'’]))")  # (an area word in capitals, 'Guma LGA', stays)
_LOWER_CODE_RE = re.compile(r"^([^,]*[a-z][^,]*,\s*)([a-z]{2})\s*$")
_SLASH_CODE_RE = re.compile(r"(?<=\w)\s*/\s*([A-Z]{2,3})(?![\w/])")
# a state's dotted initials after its town, no comma between ('Monterrey N.L.', 'Vancouver B.C.';
# not a part of a city named by its initials: 'South L.A.', 'Downtown L.A.')
_DOTTED_CODE_RE = re.compile(r"\b([^\W\d_]{2,})\s+((?:[A-Z]\.\s?){2,3})(?=\s*(?:,|$))")
_CITY_PART_WORDS = frozenset("north south east west central greater downtown uptown midtown metro inner outer "
                             "upper lower".split())


def _dotted_code_break(m: re.Match) -> str:
    word, code = m.group(1), m.group(2)
    return m.group(0) if word.lower() in _CITY_PART_WORDS or area_code_key(code) not in area_codes() else f"{word}, {code}"


# an ISO 3166-2 code before a name ('UA-14 Donetska', 'US-TX Austin'): a part of its own
_ISO_LEAD_RE = re.compile(r"^([A-Z]{2}-[A-Z0-9]{1,3})\s+(?=[^\W\d_])")
_TAG_RE = re.compile(r"(?<![\w@#])([@#])(\w+)")
# a territorial community's kind before its word: 'Pokrovsk urban (territorial) hromada', 'Покровська
# міська територіальна громада', 'Kutsurubska silska hromada' name the community of the town
_COMMUNITY_KIND_RE = re.compile(
    r"(?<!\w)(?:urban|rural|settlement|city|village|miska|silska|selyshchna|міськ|сільськ|селищн|городск|сельск|"
    r"поселков)(?:а|ої|ій|ая|ой)?\s+(?=(?:territorial\s+|територіальн(?:а|ої|ій)\s+)?"
    r"(?:community|hromada|громад[аиі])(?!\w))", re.IGNORECASE)
_DAMAGE_RE = re.compile(r"\?+|\uFFFD+")  # characters lost to a wrong encoding ('area of ??the')
_CODE_RE = re.compile(r"[A-Z]{2}")
_SPELT_OUT = {"обл": "область", "obl": "oblast"}  # area words abbreviated
_HOUSE_NUMBER_RE = re.compile(r"\d{1,4}(?:[-/]\d{1,4})?[a-zа-яіїє]?", re.IGNORECASE)  # '1', '12/3', '5-7', '1а'
_PAREN_RE = re.compile(r"[(\[]([^()\[\]]*)[)\]]")


@dataclass
class Part:
    """One piece of a phrase: its text with generic words removed, and what they said."""

    text: str
    raw: str
    feature: str = ""  # 'populated place', 'admin1', 'admin2', 'street', 'facility' or ''
    alternatives: list[str] = field(default_factory=list)  # slash variants: Kiev/Kyiv
    listed: bool = False  # a later item of a list ('Sviatohirsk and Bakhmut'): a place, not an area
    joined: bool = False  # right after the list's 'and' ('Ukraine and Albania'), not after ',' or ':'
    near: bool = False  # 'near Popasne', 'біля Попасної': a town the place lies close to
    oblique: bool = False  # after a Cyrillic preposition ('около Марьинки'): the name is declined
    case: str = ""  # the case that preposition governs, where it tells ('под': 'instrumental')
    what: str = ""  # the facility or natural feature a 'facility' part names: 'hospital', 'river'
    whole: str = ""  # the part as one name when not as written: 'Донецька область' for 'Донецької області'
    # '40 km from Mariupol', '9km north of Donetsk': (km, bearing in degrees from north or None) from
    # the town the part names
    offset: tuple[float, float | None] | None = None
    holder: bool = False  # 'Donetsk' in 'the Petrovsky district of Donetsk': holds the part before
    village: bool = False  # 'the village of Pisky', 'Sartana village', 'смт Новгородське': said to be one
    no_city: bool = False  # said to be a village or a small town ('село', 'the village of'), no city
    post_soviet: bool = False  # named with a Soviet settlement type ('смт', 'село', 'pgt')
    around: bool = False  # 'in the area of Mariupol', 'Mariupol area', 'near Donetsk': the land around a town
    sector: bool = False  # 'Kupyansk direction': a front sector named after a town; frames, is no place

    @property
    def outskirts(self) -> bool:
        """'on the outskirts of Donetsk', 'на окраине Донецка': at the town's edge, no farther."""
        return self.near and bool(_OUTSKIRTS_RE.search(self.raw))

    @property
    def by_border(self) -> bool:
        """'near the border village of Stepanovka', 'у прикордонному селі': said before the name
        to lie by a state border."""
        at = self.raw.find(self.text)
        return at > 0 and bool(_BORDER_RE.search(self.raw, 0, at))

    @property
    def is_area(self) -> bool:
        return self.feature in _AREA_LEVELS

    @property
    def lead_words(self) -> list[str]:
        """The words before the part's text that it was stripped of ('near the city of' in 'near
        the city of Paris', 'станица' in 'станица Луганская'); none when the part as written does
        not end with its text."""
        raw = self.raw.strip(" .,;:")
        return raw[:len(raw) - len(self.text)].split() if raw != self.text and raw.endswith(self.text) else []

    @property
    def whole_name(self) -> str:
        """The part as one name with its feature word ('Kansas City'; 'Донецька область' for
        'Донецької області')."""
        return self.whole or strip_prefixes(self.raw)

    @property
    def is_community(self) -> bool:
        """'Lyman hromada', 'the Kutsurub community': a Ukrainian territorial community, which
        the gazetteer knows only through the town it is named after."""
        words = self.raw.lower().split()
        return self.feature == "admin2" and bool(words) and words[-1].strip(".") in COMMUNITY_WORDS


# "Kupyansk direction": a front sector named after a town, not a place
_DIRECTION_RE = re.compile(r"\b(directions?|напрямок|напрямку|направление|направлении)\.?$", re.IGNORECASE)
# "Donetsk People's Republic" names the first-level area (the separatist entity's territory)
_REPUBLIC_RE = re.compile(r"\s+(people'?s|народн\w+)\s+(republic|республик\w*)$", re.IGNORECASE)


# "Davydenko Street", "ул. Артема": a street; the gazetteer holds none, so it is no head
# ('St.' leads a saint's name, 'St. Louis'; Russian and Ukrainian street words lead)
_STREET_LEAD = frozenset({"вулиця", "вул", "улица", "ул", "проспект", "просп", "пр-т", "пр-кт", "бульвар",
                          "провулок", "переулок", "пер"})
_STREET_WORDS = _STREET_LEAD | {"street", "st", "str", "avenue", "ave", "boulevard", "blvd", "prospekt",
                                "prospect", "lane"}

_ON_STREET_RE = re.compile(r"(?<=\w)\s+(?:on|at|in)\s+(?:the\s+)?\S+(?:\s+\S+)?\s+(?:" + "|".join(
    sorted(_STREET_WORDS - _STREET_LEAD, key=len, reverse=True)) + r")\.?$", re.IGNORECASE)


# 'the left bank of the Dnipro', 'на лівому березі Дніпра': the river's bank, not the town named so
_BANK_RE = re.compile(r"(?:(?:on\s+)?the\s+)?(?:(?:left|right|east|west|eastern|western|north|south|northern|southern)"
                      r"\s+bank|banks)\s+of\s+(?:the\s+)?|(?:на\s+)?(?:(?:лів|прав|лев)\w*\s+)?(?:берег(?:а|у|е|ом|ах|и)?|березі)\s+"
                      r"|(?:на\s+)?(?:лів|прав|лев)обереж\w*\s+",
                      re.IGNORECASE)


# the same words right before a name in text ('...закріпилися на лівому березі ' + 'Дніпра')
BANK_BEFORE_RE = re.compile(r"(?<!\w)(?:" + _BANK_RE.pattern + r")$", re.IGNORECASE)


def bank_of(text: str) -> str:
    """The words naming a river's bank that ``text`` starts with ('the left bank of the '), or ''."""
    bank = _BANK_RE.match(text)
    return bank.group(0) if bank and bank.end() < len(text) else ""


def _offset(m: re.Match) -> tuple[float, float | None] | None:
    """(km, bearing in degrees from north or None) of an :data:`_OFFSET_RE` match; None beyond
    :data:`MAX_OFFSET_KM`."""
    unit = m["unit"].lower()
    km = float(m["n"].replace(",", ".")) * (1.0 if unit.startswith("kilomet") else _UNIT_KM[unit])
    if km > MAX_OFFSET_KM:
        return None
    word = re.sub(r"[\s-]+", "", (m["dir"] or "").lower())
    if word in ("n", "ne", "e", "se", "s", "sw", "w", "nw"):
        word = {"n": "north", "s": "south", "e": "east", "w": "west"}[word[0]] + \
            {"e": "east", "w": "west", "": ""}[word[1:]]
    north = any(w in word for w in ("north", "север", "північ"))
    south = any(w in word for w in ("south", "юг", "півден"))
    east = any(w in word for w in ("east", "восток", "схід"))
    west = any(w in word for w in ("west", "запад", "захід"))
    x, y = east - west, north - south
    return km, (math.degrees(math.atan2(x, y)) % 360.0 if x or y else None)


def offset_before(text: str, start: int) -> tuple[float, float | None] | None:
    """(km, bearing or None) of a distance written right before ``start`` in a running text
    ('13 km east of ' before 'Oleshky'), or None."""
    m = _OFFSET_BEFORE_RE.search(text, max(0, start - 80), start)
    return None if m is None else _offset(m)


# a settlement the press describes before its name ('the eastern city of Benghazi', 'the southern
# port city of Basra', 'the Malian capital Bamako', 'the Red Sea port of Hodeidah'): one to three
# words, a settlement noun in lower case, then a capitalized name ('village Pisky' and 'city of
# Kyiv' are the parser's own leading words). A capitalized word before the noun only with 'of'
# after it or before 'capital' (not 'Kharkiv city Council'); a port only after a word ('the port
# of Odesa' is the port, a facility)
SETTLEMENT_NOUNS = (r"(?:port|border|frontline)\s+(?:city|town)|city|town|capital|village|hamlet|settlement|township"
                    r"|stronghold|enclave")
_DESCRIBED_RE = re.compile(r"(?:the\s+)?(?P<words>(?:(?!the\s)[A-Za-z][a-z-]*\s+){1,3}?)(?:(?P<noun>" + SETTLEMENT_NOUNS
                           + r")|(?<=\w\s)port)(?P<of>\s+of)?\s+(?=[A-Z])")


def _described(text: str, start: int) -> int:
    """Where a press description of a settlement before its name ends in ``text`` (from
    ``start``), or ``start`` when there is none."""
    found = _DESCRIBED_RE.match(text, start)
    if found is None or not (found["of"] or found["noun"] == "capital"
                             or not any(w[:1].isupper() for w in found["words"].split())):
        return start
    return found.end()


# words a part may end with when a split cut off what they led ('Vodiane in the' of 'Ugledar and
# Vodiane in the DPR', the code split off as a part): no name ends with them
_TRAILING_WORDS = frozenset("in of at on near from to and the".split())
_TRAILING_RE = re.compile(r"(?:\s+(?:" + "|".join(_TRAILING_WORDS) + "))+$", re.IGNORECASE)


def _split_prefix(raw: str) -> tuple[str, str]:
    """(leading generic words, the rest) of a part: 'near the city of Paris' -> ('near the city
    of ', 'Paris'), 'near m. Pokrovsk' -> ('near m. ', 'Pokrovsk'); words a cut left at its end
    go ('Vodiane in the' -> 'Vodiane')."""
    text = clean(raw).strip(" .:-–\"'«»")
    prefix = _PREFIX_RE.match(text)
    cut = prefix.end() if prefix else 0
    lead = _ROMANIZED_LEAD_RE.match(text, cut)
    cut = lead.end() if lead else _described(text, cut)
    rest = text[cut:].strip(" .:-–")
    if rest[rest.rfind(" ") + 1:].lower() in _TRAILING_WORDS:  # (the expression only then: it is per part)
        rest = _TRAILING_RE.sub("", rest) or rest
    return text[:cut], rest


def _area_break(m: re.Match) -> str:
    """An area word followed by more words ends a part ('Amvrosievsky region, Donetsk region'),
    unless only leading words come before it ('im Gebiet Saporischschja')."""
    start = max(m.string.rfind(",", 0, m.start()), m.string.rfind(";", 0, m.start())) + 1
    start += len(m.string[start:m.start()]) - len(m.string[start:m.start()].lstrip())
    lead = _PREFIX_RE.match(m.string[start:])
    return m.group(0) if lead and lead.end() >= m.start() - start > 0 else m.group(1) + ", "


def strip_prefixes(raw: str) -> str:
    """The part without leading generic words ('in the city of Paris' -> 'Paris')."""
    return _split_prefix(raw)[1]


# who controls a place, as conflict data notes it ('(DNR-controlled)', '(Russian-held)', '(occupied)',
# '(подконтрольно ВСУ)'): no place of its own ('DNR-controlled' had been read as DNR's area around the
# oblast the phrase names; 'Russian-controlled' as Russia)
_CONTROL_RE = re.compile(
    r"(?:(?:[\w.'’]+[-\s]){0,2}(?:controlled|held|occupied|administered)(?:\s+(?:by\s+[\w.'’ -]+|area|territory|part))?"
    r"|(?:под|під)контрольн\w*(?:\s+[\w-]+){0,2}|(?:временно\s+|тимчасово\s+)?(?:оккупированн|окупован)\w*(?:\s+[\w-]+)?)",
    re.IGNORECASE)


def _strip_part(raw: str) -> Part | None:
    prefix, text = _split_prefix(raw)
    if not text or _CONTROL_RE.fullmatch(text):
        return None
    sector = _DIRECTION_RE.search(text)
    if sector:  # 'Kupyansk direction: Sinkovka' is the Synkivka near Kupiansk, not one near Kyiv
        town = strip_prefixes(text[:sector.start()])
        return Part(text=town, raw=raw.strip(), sector=True) if town else None
    near = bool(_NEAR_RE.search(prefix) or press_words.NEAR_RE.search(prefix))
    at = _OFFSET_RE.match(text)
    offset = _offset(at) if at is not None else None
    oblique_after = False
    if offset is not None:  # '40 km from Mariupol': the town, a distance (and a bearing) from it
        near = True
        oblique_after = not at["prep"].isascii()  # ('от Донецка', 'від Донецька': the genitive)
        prefix, text = _split_prefix(at["rest"])
        if not text:
            return None
    text = _ON_STREET_RE.sub("", text)  # 'Uglegorsk on Nekrasov Street' -> 'Uglegorsk'
    text = _SIDED_EDGE_RE.sub(r" \1", text)  # "Bakhmut's western outskirts" -> "Bakhmut's outskirts"
    text = _LGA_RE.sub("LGA", text)  # one area word
    ends = text.split()
    if len(ends) > 1 and (ends[0].lower().strip(".") in _STREET_LEAD
                          or ends[-1].lower().strip(".") in _STREET_WORDS):
        return Part(text=text, raw=raw.strip(), feature="street")
    what, whole = "", ""
    if bank := bank_of(text):  # 'the left bank of the Dnipro': the river, not the city
        what, text = "river", text[len(bank):]
        ends = text.split()
        if text.isascii():  # the river by its name when the gazetteer holds it ('Dnipro River')
            whole = text if ends and ends[-1].lower() == "river" else f"{text} River"  # ('... the Dnipro river')
        elif _CYRILLIC_WORD_RE.fullmatch(text.replace(" ", "")):  # 'берегу Днепра': 'реки Днепра'
            whole = f"{'річки' if UK_ONLY.search(text) else 'реки'} {text}"
    centre = _CENTRE_RE.search(text)
    if centre and centre.start() > 0:  # 'Zaporozhye regional center': the town that is the centre
        text, ends = text[:centre.start()], text[:centre.start()].split()
    if len(ends) > 1 and ends[-1].lower().strip(".") in FACILITY_WORDS | NATURE_WORDS:
        what, text = ends[-1].lower().strip("."), " ".join(ends[:-1])  # 'Colchester General Hospital'
    elif not what and (tail := _FACILITY_TAIL_RE.search(text)) and tail.start() > 0:  # 'Saky air base', 'Burshtyn TPP'
        what, text = " ".join(tail.group(1).split()), text[:tail.start()]
        what = what if what.isupper() else what.lower()
        *before, last = text.split() or [""]
        if before and _CYRILLIC_WORD_RE.fullmatch(last) and last[:1].isupper() and all(
                w.islower() and _CYRILLIC_WORD_RE.fullmatch(w) for w in before) and nominative_adjective(last) != last:
            # prose before a plant's adjective ('удар по Курской АЭС', 'обстрел Каховской ГЭС')
            prefix, text = f"{prefix}{' '.join(before)} ", last
        if " " not in text.strip():  # 'у Каховской ГЭС': the adjective in the nominative ('Каховская')
            text = nominative_adjective(text.strip())
    elif not what and (lead := _FACILITY_LEAD_RE.match(text)) and lead.end() < len(text):  # 'the port of Odesa'
        what, text = " ".join((lead.group(1) or lead.group(2)).split()), text[lead.end():]
        what = what if what.isupper() else what.lower()
        if lead.group(2):  # ('НПЗ в Туапсе': the words after it lead the name; 'аэропорт Донецка': in the genitive)
            more, text = _split_prefix(text)
            prefix = f"{prefix}{lead.group(0)}{more}"
    elif not what and (lead := press_words.FACILITY_LEAD_RE.match(text)) and lead.end() < len(text):
        # the press's other languages: 'port d'Odessa', 'AKW Saporischschja', 'port w Odessie'
        what = press_words.facility_lead_word(lead.group(1))
        what = what if what.isupper() else what.lower()
        more, text = _split_prefix(text[lead.end():])
        prefix = f"{prefix}{lead.group(0)}{more}"
    elif len(ends) > 1 and ends[0].lower().strip(".") in NATURE_LEAD and ends[-1].lower().strip(".") not in AREA_WORDS:
        # (not before an area word: 'Mount Lebanon governorate' is the governorate, not Lebanon;
        # 'Cape Town district')
        what, text = ends[0].lower().strip("."), " ".join(ends[1:])  # 'Lake Hartwell'
        if what in _LEAD_ABBREVIATIONS:  # 'Mt. Juliet' is the town Mount Juliet as a whole
            whole = f"{_LEAD_ABBREVIATIONS[what]} {text}"
    feature = ""
    if _REPUBLIC_RE.search(text):
        text, feature = _REPUBLIC_RE.sub("", text), "admin1"
        if text.strip():  # 'Луганской (Народной Республики)' -> 'Луганская'
            *before, adjective = text.rsplit(None, 1)
            text = " ".join([*before, nominative_adjective(adjective)])
    words = _WORD_RE.split(text)
    # generic words at either end: "Horlivka town", "Donetsk region", "Донецька область"
    oblique = ""
    # an okrug is the word only after an adjective and its qualifier ('Шебекинский городской округ');
    # else the words are a name, written as GeoNames writes some ('Городской Округ Ржев'), or a
    # slip of one ('Ленинский Городскнй Округ')
    okrug = words[-1].lower() in _OKRUG_WORDS
    while len(words) > 1 and _feature_word(words[-1], trailing=True) is not None and (
            not okrug or len(words) == 2 or len(words) == 3 and words[1].lower() in AREA_QUALIFIERS):
        feature = feature or _feature_word(words[-1], trailing=True)
        last = words[-1].lower().strip(".")
        oblique = _OBLIQUE_AREA_WORDS.get(last, last if last in _OBLIQUE_AREA_WORDS.values() else oblique)
        words.pop()
    stripped = _WORD_RE.split(text)[len(words):]  # the trailing feature words
    if len(stripped) > 1 and stripped[0].lower() == "city" and not whole:
        whole = " ".join([*words, stripped[0]])  # 'Mexico City area': the name with its 'City'
    spelt = _SPELT_OUT.get(stripped[0].lower().rstrip(".")) if stripped and not oblique else None
    if spelt:
        # 'Курская обл.', 'Kharkivska obl.': the area's name spelt out ('Курская область'; in
        # the nominative: 'Харківської обл.' -> 'Харківська область')
        whole = " ".join([*words[:-1], nominative_adjective(words[-1]), spelt])
    if oblique:  # 'Волноваського району' -> 'Волноваський (район)', 'Сумську область' -> 'Сумська ...'
        # (the forms the gazetteer holds; before 'район' as written the adjective is in the
        # nominative already: 'Кромской район' is Kromskoy Rayon, no 'Кромская')
        if not (stripped and stripped[0].lower() == "район"):
            words[-1] = nominative_adjective(words[-1])
        whole = " ".join([*words, oblique])
    if len(words) > 2 and words[0].lower() in _ROMANCE_ARTICLES and _feature_word(words[1]) is not None:
        stripped.append(words.pop(0))  # 'la région de Donetsk' (not 'La Paz': no area word after it)
    while len(words) > 1 and _feature_word(words[0]) is not None and words[0].lower() not in _TRAILING_ONLY:
        feature = feature or _feature_word(words[0])
        stripped.append(words.pop(0))
        if len(words) > 1 and words[0].lower() in _OF_WORDS:
            words.pop(0)  # 'the region of Kursk', 'oblast de Kharkiv'
    text = " ".join(words)
    feature = "facility" if what else ("populated place" if centre and centre.start() > 0 else feature)
    alternatives = [a.strip() for a in text.split("/") if a.strip()] if "/" in text else []
    said = {w.lower().strip(".") for w in prefix.split() + stripped}
    lead = _last_cyrillic_word(prefix)  # ('около': the name is declined; 'под': in the instrumental)
    # Polish: a name after a preposition that declines it ('pod Bachmutem', 'w Charkowie'), or
    # an adjective with a Polish area word ('obwód doniecki'; 'w rejonie pokrowskim', a raion)
    polish = press_words.polish_case(prefix) or bool(said & press_words.POLISH_AREA_WORDS)
    if polish and not feature and prefix.lower().rstrip().endswith("rejonie") and text.islower() \
            and polish_names.ADJECTIVE_RE.fullmatch(text):
        feature, near = "admin2", False  # (the raion itself, not near it)
    village = bool(said & _VILLAGE_WORDS)
    no_city = bool(said & _NO_CITY_WORDS)
    post_soviet = bool(said & POST_SOVIET_WORDS)
    around = not village and (near or bool(_AROUND_RE.search(prefix)) or bool(said & _AROUND_TRAILING))
    return Part(text=text, raw=raw.strip(), feature=feature, alternatives=alternatives, near=near,
                what=what, whole=whole, oblique=oblique_after or _puts_oblique(lead) or polish,
                case=polish_names.CASE if polish else "" if oblique_after or not lead else governed_case(lead),
                offset=offset,
                village=village, around=around, no_city=no_city, post_soviet=post_soviet)


def is_settlement_word(word: str) -> bool:
    """Is ``word`` a word for a settlement that may lead its name ('станица', 'village', 'смт',
    'м.'), with or without its dot?"""
    word = word.lower().strip(".")
    return word in _VILLAGE_WORDS or f"{word}." in _NOMINATIVE_LEADS or word in _NOMINATIVE_LEADS


def governs_oblique(prefix: str) -> bool:
    """Does the last word of a part's leading words put a Cyrillic name in an oblique case
    ('около', 'у', 'в районе', 'біля села'; not 'село', 'г.')?"""
    return _puts_oblique(_last_cyrillic_word(prefix))


def _last_cyrillic_word(prefix: str) -> str:
    """The last Cyrillic word of a part's leading words, lower case ('' when none)."""
    words = _CYRILLIC_WORD_RE.findall(prefix.lower())
    return words[-1] if words else ""


def _puts_oblique(word: str) -> bool:
    """Is the lower-case Cyrillic ``word`` one that puts the name after it in an oblique case?"""
    return bool(word) and word not in _NOMINATIVE_LEADS and word.rstrip(".") not in _NOMINATIVE_LEADS


def facility_kind(word: str) -> str:
    """'natural feature' or 'facility', for the word a 'facility' part names."""
    return "natural feature" if word in NATURE_WORDS or word in NATURE_LEAD or word.startswith(_CYRILLIC_NATURE) \
        else "facility"


# the words of the leading fillers ('в', 'районе', 'біля', 'near'): a word before a name that
# is one of them may be read with it
LEADING_WORDS = frozenset(w for p in _PREFIXES for w in p.split())
# single words that name no place on their own ('near', 'village', 'region', 'и')
GENERIC_WORDS = frozenset(
    {w for p in _PREFIXES for w in p.split()} | set(_FEATURE_WORDS) | set(_TRAILING_FEATURE_WORDS)
    | {"and", "or", "of", "the", "a", "an", "и", "та", "і", "direction", "directions"})


# words that name an event, not a place: a part of them only is prose though it opens a sentence
# capitalized ('Shelling in Kharkiv oblast', 'Clashes in Donetsk Oblast'). (Not those that are also
# a town's name as written, by the default gazetteer: Battle, Massacre, Advance, Exchange, 'Raid'
# for Ryde, 'Drone' for Dronero, 'Artillery' for Artillerie)
EVENT_WORDS = frozenset("""
shelling shellings strike strikes airstrike airstrikes missile missiles rocket rockets mortar mortars
attack attacks explosion explosions blast blasts clash clashes fighting fights battles combat bombing
bombings bombardment bombardments protest protests demonstration demonstrations rally rallies riot
riots raids ambush ambushes offensive counteroffensive assault assaults incident incidents firefight
firefights gunfire skirmish skirmishes violence unrest arrest arrests killing killings shootout
shooting shootings abduction abductions kidnapping kidnappings looting drones withdrawal evacuation
evacuations operation operations hostilities engagement engagements crossfire sniper
обстрел обстрелы обстріл обстріли бои бої удар удары удари взрыв взрывы вибух вибухи атака атаки
""".split())


# armed groups conflict reports name as actors ('Hamas militants attacked Sderot', 'Pakistani
# Taliban'): prose in a phrase, never a place by an alternate name they share (Hamm's 'Hamas', a
# Turkish village's 'Taliban', Louisville's airport code 'SDF'). Left out: groups named after a town
# that is known by the name as its own ('Wagner', 'Shabaab')
ARMED_GROUPS = frozenset("""
hamas taliban hezbollah hizbollah hizballah houthi houthis ansarallah isis isil daesh al-qaeda al-qaida
al-shabaab al-shabab jnim iswap m23 rsf pkk ypg sdf hts eln farc adf fdlr janjaweed mujahideen peshmerga
""".split())


_POSSESSIVE_END_RE = re.compile(r"['’]s$")  # ('Hamas's rocket fire')


def names_an_event(text: str) -> bool:
    """Is every word of ``text`` one that names an event (:data:`EVENT_WORDS`: 'Shelling',
    'Clashes') or the armed group in it (:data:`ARMED_GROUPS`: 'Hamas attack'), whatever its case?"""
    words = [w.casefold().strip(".,;:!?") for w in text.split()]
    return bool(words) and all(w in EVENT_WORDS or _POSSESSIVE_END_RE.sub("", w) in ARMED_GROUPS for w in words)


def names_an_armed_group(text: str) -> bool:
    """Is ``text`` an armed group's name alone ('Hamas', 'the Taliban'), not written as an acronym
    (alone, 'SDF' is Louisville's airport as much as the Syrian Democratic Forces)?"""
    words = [w for w in text.split() if w.casefold() != "the"]
    return bool(words) and all(w.casefold().strip(".,;:!?") in ARMED_GROUPS and not w.isupper() for w in words)


def capitalizes_names(phrase: str) -> bool:
    """Is ``phrase`` in mixed case, so that capitals tell names from prose (not a column in lower
    or upper case)?"""
    return phrase != phrase.lower() and phrase != phrase.upper()


# lower-case words inside names ('Rostov na Donu', 'Frankfurt am Main', 'Castellón de la Plana')
_NAME_PARTICLES = frozenset("de la le les del della di da do dos das du des am an der den die im upon on sur "
                            "sous en na nad pod el al y e i".split())


def _word_kind(word: str) -> str:
    """'cap' (a capitalized word, or one of a script without case), 'lead' (a generic word
    capitalized: 'On', 'The', 'No.'), 'particle' (a generic word or a name's particle in lower
    case), 'lower' (any other word in lower case) or 'other' (no letter: '1302')."""
    letter = next((c for c in word if c.isalpha()), "")
    if not letter:
        return "other"
    low = word.lower().strip(".,;:()\"'«»")
    generic = low in GENERIC_WORDS or low == "no"
    if not letter.islower():
        return "lead" if generic else "cap"
    return "particle" if generic or low in _NAME_PARTICLES else "lower"


def place_name_in(name: str) -> str:
    """The place name a phrase part shows among a match's other places: the part itself when its
    words are a name's (capitalized, with particles and area words: 'Nikolaevka area'); in prose,
    its last run of capitalized words ('Russians fired on Bogorodichnoye' -> 'Bogorodichnoye',
    'Donetsk on a bypass road' -> 'Donetsk'); '' when it has none ('a warehouse with ammunition',
    '43rd checkpoint', 'nine miles'). For a phrase that capitalizes its names."""
    words = name.split()
    kinds = [_word_kind(w) for w in words]
    if "lower" not in kinds:
        return name
    runs, run = [], []
    for w, k in zip(words, kinds):
        if k in ("cap", "lead", "particle"):
            run.append((w, k))
        else:
            runs.append(run)
            run = []
    runs.append(run)
    for run in reversed(runs):
        caps = [i for i, (_, k) in enumerate(run) if k == "cap"]
        if caps:
            return " ".join(w for w, _ in run[caps[0]:caps[-1] + 1]).strip(".,;:()\"'«»")
    return ""


def other_place_names(parts: list[Part], phrase: str, head: str = "") -> list[str]:
    """The names ``parts`` of ``phrase`` show as other places: :func:`place_name_in` of each
    when the phrase capitalizes its names (a column in lower case keeps its parts as they are; a
    facility or natural feature stays whole: 'TV tower', 'left bank of the Dnipro'), none twice,
    nor the ``head``'s name again."""
    cased = capitalizes_names(phrase)
    names = [place_name_in(p.whole_name) if cased and not p.what else p.whole_name for p in parts]
    return [n for n in dict.fromkeys(names) if n and n.casefold() != head.casefold()]


# a word alone that is the common noun of a kind of place or a direction: as a query ('Gulf',
# 'West', 'Airport', 'Island', a column's 'Station') it names the thing, seldom a place of that name
COMMON_PLACE_WORDS = GENERIC_WORDS | FACILITY_WORDS | NATURE_WORDS | frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest midwest border capital station base camp front frontline street road avenue square park "
    "garden bridge port harbor harbour beach coast downtown uptown countryside suburbs state nation "
    "republic kingdom continent world home abroad overseas mainland interior market farm ranch mill "
    "mine factory".split())


# a province is a first-level area in some countries (Argentina, Canada, China) and a second-level
# one in others (Burkina Faso, Peru, Italy, Spain, the Philippines)
_PROVINCE_WORDS = frozenset("province provincia provinz provincie pcia prov".split())


def says_province(text: str) -> bool:
    """Does a part name its area a province ('Province du Soum', 'Pcia. de Córdoba')?"""
    return any(w.lower().strip(".,;:()") in _PROVINCE_WORDS for w in text.split())


def says_near(text: str) -> bool:
    """Does a phrase part say the place is near it ('near Popasne', 'біля Попасної')?"""
    return bool(_NEAR_RE.search(text))


def says_around(text: str) -> bool:
    """Does a phrase part give the land around a town ('near Popasne', 'in the Soledar area')?"""
    return bool(_AROUND_RE.search(text))


@lru_cache(maxsize=65536)
def is_generic(text: str) -> bool:
    """Is every word of ``text`` a generic word ('near the village', 'region')?"""
    words = [w.strip(".,;:()") for w in clean(text).split()]
    words = [w for w in words if w]
    return bool(words) and all(w.lower() in GENERIC_WORDS and w != _CO.upper() for w in words)


def _lone_feature(raw: str) -> str | None:
    """The feature a part made of one feature word names ('country', 'state', 'city'), or None."""
    word = raw.strip(" .,;:()[]")
    if " " in word:
        return None
    return _feature_word(word, trailing=True) or None  # ('area' names no feature: '')


def _feature_word(word: str, trailing: bool = False) -> str | None:
    """The feature a generic word at an end of a part names ('region': 'admin1', 'area': ''),
    or None for a word that is no such word; ``trailing``: the word ends the part ('NY state')."""
    if word.strip(".") == _CO.upper():
        return None
    key = word.lower().strip(".")
    return _FEATURE_WORDS.get(key, _TRAILING_FEATURE_WORDS.get(key) if trailing else None)


# "… Kharkiv Oblast @GeoConfirmed 49.23796, 37.86989": decimal degrees written in the phrase,
# with or without hemisphere letters after or before ('48.6279N 38.5239E', 'N48.6279 E38.5239')
_COORDS_RE = re.compile(
    r"(?<![\w.])(?P<lath>[NS]\s*)?(?P<lat>[-+]?\d{1,2}\.\d{3,})°?\s*(?P<lath2>[NS])?\s*[,;/ ]\s*"
    r"(?P<lonh>[EW]\s*)?(?P<lon>[-+]?\d{1,3}\.\d{3,})°?\s*(?P<lonh2>[EW])?(?![\w.])")
# degrees, minutes (and seconds) with their hemispheres, as maps and encyclopedias write them:
# 48°37'40.4"N 38°31'26.0"E, 48°35′N 38°00′E, 48°37.673'N, 38°31.433'E
_MINUTES, _SECONDS = r"\s*['′’]\s*", r"\s*(?:\"|″|''|”|′′)\s*"
_DMS = (r"(?P<{0}d>\d{{1,3}})\s*°\s*(?:(?P<{0}m>\d{{1,2}}(?:\.\d+)?)" + _MINUTES
        + r"(?:(?P<{0}s>\d{{1,2}}(?:\.\d+)?)" + _SECONDS + r")?)?(?P<{0}h>[{1}])")
_DMS_RE = re.compile(r"(?<![\w.])" + _DMS.format("lat", "NS") + r"\s*[,;/]?\s*" + _DMS.format("lon", "EW") + r"(?!\w)")


_ANY_DIGIT_RE = re.compile(r"\d")


def _decimal(m: re.Match) -> tuple[float, float]:
    """Signed (lat, lon) of a :data:`_COORDS_RE` match (S and W negative)."""
    lat, lon = float(m["lat"]), float(m["lon"])
    if "S" in (m["lath"] or "") + (m["lath2"] or ""):
        lat = -abs(lat)
    if "W" in (m["lonh"] or "") + (m["lonh2"] or ""):
        lon = -abs(lon)
    return lat, lon


def _degrees(m: re.Match, axis: str) -> float:
    """Signed decimal degrees of one axis of a :data:`_DMS_RE` match."""
    value = float(m[axis + "d"]) + float(m[axis + "m"] or 0) / 60 + float(m[axis + "s"] or 0) / 3600
    return -value if m[axis + "h"] in "SW" else value


def coordinates_in(phrase: str) -> tuple[tuple[float, float] | None, str]:
    """((lat, lon), the phrase without them) for the first pair of coordinates written in a
    phrase: decimal degrees (three or more decimals) or degrees, minutes and seconds with their
    hemispheres, in valid ranges; (None, phrase) when there is none."""
    if not _ANY_DIGIT_RE.search(phrase):
        return None, phrase
    found = [(m.start(), m.end(), *_decimal(m)) for m in _COORDS_RE.finditer(phrase)]
    found += [(m.start(), m.end(), _degrees(m, "lat"), _degrees(m, "lon")) for m in _DMS_RE.finditer(phrase)]
    for start, end, lat, lon in sorted(found):
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return (round(lat, 6), round(lon, 6)), (phrase[:start] + " " + phrase[end:]).strip()
    return None, phrase


# lists: "Vodyanoe and Ugledar" (a name with 'and' in it is looked up whole first)
_LIST_RE = re.compile(r"\s+(?:as\s+well\s+as|" + "|".join(LIST_JOINERS) + r")\s+", re.IGNORECASE)


def _untag(m: re.Match) -> str:
    return " " if m.group(1) == "@" else m.group(2)


# a bare name: words of letters joined by single spaces, hyphens or apostrophes ('Kharkiv',
# 'Nova Kakhovka', "Kam'yanka") parses to itself; only words that the rules read need the parser
_PLAIN_RE = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
_RULE_WORDS = GENERIC_WORDS | _STREET_WORDS | FACILITY_WORDS | NATURE_WORDS | NATURE_LEAD
_RULE_PATTERNS = (_REPUBLIC_RE, _DIRECTION_RE, _LIST_RE, _CODE_BREAK_RE, _FACILITY_TAIL_RE, _HYPHEN_CODE_RE)


def _plain(phrase: str) -> Part | None:
    """The one part of a phrase that is a bare name, or None when the rules must read it."""
    if not _PLAIN_RE.fullmatch(phrase):  # as written: a line break or a double space is read by rules
        return None
    text = clean(phrase)
    if not _PLAIN_RE.fullmatch(text) or any(w in _RULE_WORDS for w in text.lower().split()):
        return None
    if any(rx.search(text) for rx in _RULE_PATTERNS) or press_words.LEAD_RE.match(text) or _FACILITY_LEAD_RE.match(text) \
            or bank_of(text) \
            or press_words.FACILITY_LEAD_RE.match(text) or _ISO_LEAD_RE.match(text):
        return None
    return Part(text=text, raw=text)


# 'Donetsk and Luhansk oblasts': a list ending in a plural area word names areas, each of them
PLURAL_AREA_WORDS = {**{w + "s": w for w in ("region", "oblast", "raion", "rayon", "province", "district",
                                             "governorate")}, "counties": "county"}
# 'Донецької та Луганської областей', 'в Курской и Белгородской областях' (the adjectives keep their
# case, which the singular area word after each then reads: 'Донецької область' -> 'Донецька область')
ALL_PLURAL_AREA_WORDS = {**PLURAL_AREA_WORDS, **_CYRILLIC_PLURAL_AREA_WORDS}
_JOINER = "(?:" + "|".join(LIST_JOINERS) + ")"
_PLURAL_AREA_RE = re.compile(r"^(?P<items>[^()]*?(?:,|\b" + _JOINER + r"\b)[^()]*?)\s+(?P<word>"
                             + "|".join(ALL_PLURAL_AREA_WORDS) + r")\s*[.;]?\s*$", re.IGNORECASE)
_CYRILLIC_AREA_ADJECTIVE_RE = re.compile(r"(?:ск|цк|зк|ськ|цьк|зьк)[^\W\d_]{1,3}$", re.IGNORECASE)
_ITEM_SPLIT_RE = re.compile(r"\s*,\s*" + _JOINER + r"\s+|\s*,\s*|\s+" + _JOINER + r"\s+", re.IGNORECASE)


def _singular_areas(phrase: str) -> str:
    """'Donetsk and Luhansk oblasts' -> 'Donetsk oblast, Luhansk oblast'."""
    m = _PLURAL_AREA_RE.match(phrase)
    if m is None:
        return phrase
    items = [i for i in _ITEM_SPLIT_RE.split(m["items"]) if i]
    word = ALL_PLURAL_AREA_WORDS[m["word"].lower()]
    if not m["word"].isascii() and not all(_CYRILLIC_AREA_ADJECTIVE_RE.search(i) for i in items):
        # 'области' is also the genitive singular: 'Новоселовское ЛНР и Синьковка Харьковской
        # области' is two places, the last in Kharkiv oblast, not two oblasts
        return phrase
    return ", ".join(f"{i} {word}" for i in items)


def _sibling_areas(before: Part, part: Part) -> bool:
    """Do two parts name areas of one kind, each with its area word ('Donetsk oblast, Luhansk
    oblast', 'Bakhmut raion and Pokrovsk raion', 'Lyman hromada, Siversk hromada'): items of a
    list, not an area and the area around it?"""
    def kind(p: Part) -> str:
        words = p.raw.split()
        last = words[-1].lower().strip(".,") if len(words) > 1 else ""
        return "" if not p.is_area or _feature_word(last, trailing=True) is None \
            else "community" if last in COMMUNITY_WORDS else p.feature
    return kind(part) != "" and kind(before) == kind(part)


# two words for one kind of place with a slash ('district/suburb of Donetsk', 'town/village'):
# the writer hedged the kind, not two names or a path
_KIND_OR_KIND_RE = re.compile(
    r"\b(district|raion|rayon|region|oblast|province|suburb|city|town|village|settlement|area|neighbou?rhood|quarter)"
    r"\s*/\s*(?:district|raion|rayon|region|oblast|province|suburb|city|town|village|settlement|area|neighbou?rhood"
    r"|quarter)\b", re.IGNORECASE)


def one_kind(phrase: str) -> str:
    """``phrase`` with a hedged kind of place ('district/suburb') written as its first word."""
    return _KIND_OR_KIND_RE.sub(r"\1", phrase) if "/" in phrase else phrase


def parse_phrase(phrase: str) -> list[Part]:
    """Split a location phrase into parts, in order; parenthesized text becomes extra parts.
    Parts after an 'and' of a list are marked ``listed``: other places, not areas."""
    plain = _plain(phrase)
    if plain is not None:
        return [plain]
    singular = _singular_areas(phrase)
    listed_areas, phrase = singular != phrase, singular
    # a line break separates like a comma; '@GeoConfirmed' is a handle, '#Kherson' a tag
    phrase = _DAMAGE_RE.sub(" ", clean(_TAG_RE.sub(_untag, phrase.replace("\n", ", "))))
    phrase = _COMMUNITY_KIND_RE.sub("", phrase)  # 'Pokrovsk urban hromada' is the Pokrovsk hromada
    phrase = _IN_AREA_OF_RE.sub("около ", phrase)  # 'в районе Марьинки' is near it, not a district
    phrase = _COUNT_RE.sub("", phrase)
    phrase = _POSTCODE_RE.sub(" ", phrase).strip() or phrase
    # a code written in lower case after the last comma ('portland, or', 'paris, fr'): a column's
    # lower-cased address, not the word 'or'
    phrase = _LOWER_CODE_RE.sub(lambda m: m.group(1) + m.group(2).upper(), phrase)
    phrase = _STATE_POSTCODE_RE.sub(lambda m: m.group(1) if m.group(1) in area_codes() else m.group(0), phrase)
    extras = _PAREN_RE.findall(phrase)
    # an unclosed bracket separates like a comma ('Kalinovka (Bakhmut district')
    main = _AREA_BREAK_RE.sub(_area_break, re.sub(r"[()\[\]]", ",", _PAREN_RE.sub(",", phrase)))
    main = _TOWN_BREAK_RE.sub(r"\1, ", main)  # 'Granite town Volnovakha district'
    main = _FACILITY_IN_RE.sub(r"\1, ", main)
    main = _AREA_POSSESSIVE_RE.sub(r"\1, ", main)  # "Sagaing region's Kanbalu township"
    main = _CYRILLIC_AREA_BREAK_RE.sub(", ", main)  # 'Гранітне Волноваського району'
    main = _REGION_NAME_BREAK_RE.sub(r", \1", main)  # 'в Ірпені на Київщині'
    main = _CODE_BREAK_RE.sub(",", main)  # 'Ugledar DPR', 'Portland OR': the code is a part
    main = _SLASH_CODE_RE.sub(r", \1", main)  # 'Curitiba/PR', 'Donetsk/DPR': a code, not another name
    main = _DOTTED_CODE_RE.sub(_dotted_code_break, main)  # 'Monterrey N.L.': the initials are a part
    main = _ISO_LEAD_RE.sub(r"\1, ", main)
    parts = []
    items = _LIST_RE.split(main)
    for n, item in enumerate(items):
        first = True  # the item's first part ('one - in Georgiivka': after the count)
        for holder, piece in ((k > 0 and j == 0, piece) for k, seg in enumerate(_AREA_OF_RE.split(item))
                              for j, piece in enumerate(_SPLIT_RE.split(seg))):
            part = _strip_part(piece)
            if part is not None:
                part.holder = holder
                # 'A, B and C': the places before the 'and' after the first are items too (not a
                # code that frames the first: 'Ugledar DPR and Novodarovka')
                series = n == 0 and len(items) > 1 and any(not p.is_area for p in parts) and not part.text.isupper()
                part.joined = n > 0 and first
                part.listed, first = (n > 0 and first or series) and not part.is_area, False
                if part.is_area and parts and _sibling_areas(parts[-1], part):
                    part.listed = True  # 'Donetsk oblast and Luhansk oblast': no oblast holds another
                if part.listed and parts and parts[-1].oblique and part.raw == part.text:
                    part.oblique = True  # 'між Пісками і Опитним': one preposition governs the list
                    part.case = parts[-1].case
                parts.append(part)
    if listed_areas:  # sibling areas of one list: the others are listed, not areas around the first
        for part in parts[1:]:
            part.listed = True
    for piece in (e for x in extras for e in _SPLIT_RE.split(x)):
        part = _strip_part(piece)
        if part is not None:
            parts.append(part)
    # a feature word alone in brackets says what the first part is ('Georgia (country)')
    for part in [p for p in parts[1:] if _lone_feature(p.raw) is not None]:
        if not parts[0].feature and _lone_feature(parts[0].raw) is None:
            parts[0].feature = _lone_feature(part.raw)
        parts.remove(part)
    # pieces of generic words only ('a village outside Kharkiv', 'on the outskirts of') name nothing
    # ... but a two-letter code in capitals is an area's ('Portland, OR', 'Toronto, ON')
    named = [p for p in parts if not is_generic(p.raw) or _CODE_RE.fullmatch(p.raw.strip())] or parts
    # ... nor does a house number beside the street of an address ('вул. Хрещатик, 1, Київ')
    named = [p for p in named if not _HOUSE_NUMBER_RE.fullmatch(p.text)] or named
    if len(named) > 1 and capitalizes_names(phrase):
        # prose before the name it ends with is no part of it ('the occupiers shelled Nikopol
        # near Marhanets': Nikopol, which the 'near' part only places)
        # (not after an abbreviation: 'пр-т Мира' is a street, 'м. Суми' a town)
        for part in named:
            name = place_name_in(part.text) if not part.what else ""
            if name and name != part.text and part.text.endswith(name) \
                    and all(w.isalpha() for w in part.text[:-len(name)].split()):
                part.text = name
    return [p for p in named if p.feature != "street"] or named


_CONNECTORS = frozenset(_OF_WORDS) | {"the", "la", "le"}  # lower-case words inside a name


def titled_name(part: Part) -> str:
    """The part with the generic words it was stripped of, when they are capitalized as in a
    name ('District of Columbia', 'Township of Readington'; not 'city of London', 'near Kyiv'),
    else ''."""
    if part.alternatives or part.feature == "facility":
        # (a feature word leading a name has its own reading: 'Mt. Pleasant' is Mount Pleasant)
        return ""
    prefix = part.lead_words
    return part.raw.strip(" .,;:") if prefix and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in prefix) \
        and prefix[0][:1].isupper() else ""


ARTICLES = frozenset({"the", "a", "an"})
# words that make a part of an area, not something else ('South Florida', 'East of England')
REGION_WORDS = ARTICLES | {"of", "north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "northeast", "northwest", "southeast", "southwest",
                           "upstate", "downstate", "greater", "rural", "coastal", "mainland"}

# capitalized words that qualify the place name right after them: they make it no person's surname
# to the tagger ('Downtown Atlanta', 'Greater Manchester', 'Occupied Horlivka'), and are no place
# of their own in a run of words ('Metro Manila' is no Metro, Indonesia)
QUALIFIERS = frozenset("""downtown greater metro metropolitan suburban rural urban historic old new
upper lower inner outer central coastal occupied liberated northeast northwest southeast southwest
northeastern northwestern southeastern southwestern mid little great east west north south eastern
western northern southern beyond outside inside across near
""".split())


def says_more(head: str, text: str, filler: frozenset = ARTICLES) -> bool:
    """Does the phrase ``text`` say more than ``head`` and ``filler`` words ('Russian Embassy',
    not 'the Russians')?"""
    rest = normalize(text).split()
    for w in normalize(head).split():
        if w in rest:
            rest.remove(w)
    return any(w not in filler for w in rest)
