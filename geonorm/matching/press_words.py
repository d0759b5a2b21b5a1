"""The words around a place name in the other languages of the European press.

French, German, Spanish, Italian, Portuguese and Polish reports write 'près de Bakhmout', 'in der
Nähe von Bachmut', 'im Dorf Pisky', 'cerca de Járkov', 'nei pressi di Kherson', 'pod Bachmutem'.
The words before the name are read as :mod:`.phrase` reads 'near the village of': fillers that
say the place is near, or a village, never part of its name. Lower case only (and German
nouns after an article, capitalized): 'A Coruña', 'En Nahud', 'Au Sable' keep their first word, and
so do the 104 GeoNames names that begin 'Stadt', 'Dorf' or 'Ort' ('Stadt Wehlen', 'Dorf Tirol').
"""
from __future__ import annotations

import re


# leading words that say the place is near the name
_NEAR = """
près de | pres de | non loin de | aux environs de | dans les environs de | autour de | à proximité de |
a proximite de | aux abords de | aux portes de |
in der Nähe von | in der Nähe | nahe | nahe bei | bei | unweit von | unweit | in der Umgebung von |
Umgebung von | rund um |
cerca de | en las cercanías de | en las afueras de | en los alrededores de | alrededor de | cerca del |
vicino a | nei pressi di | presso | nei dintorni di | alle porte di | nelle vicinanze di |
perto de | nos arredores de | nas proximidades de | próximo a | próximo de | proximo de | junto a |
pod | koło | kolo | w pobliżu | niedaleko | w okolicach | w okolicy | w rejonie | okolice | nieopodal | spod
"""
# leading words that say in, at or from (and the village or town): no hint
_IN = """
à | au | aux | en | dans | vers | depuis | dans la ville de | la ville de | dans le village de | le village de |
la localité de | dans la localité de | la commune de | dans la commune de | le bourg de |
im | in der | in der Stadt | die Stadt | der Stadt | im Dorf | das Dorf | des Dorfes | dem Dorf |
im Ort | der Ort | die Ortschaft | der Ortschaft | die Siedlung | der Siedlung |
in der Siedlung | die Gemeinde | der Gemeinde | in der Gemeinde |
en la ciudad de | la ciudad de | en el pueblo de | el pueblo de | la localidad de | en la localidad de |
la aldea de | en la aldea de |
nel | nella | nella città di | la città di | nel villaggio di | il villaggio di | la località di | nella località di |
em | na | na cidade de | a cidade de | na vila de | a vila de | na aldeia de | a aldeia de | na localidade de |
w | we | przy | w mieście | miasto | we wsi | wieś | wsi | w miejscowości | miejscowość |
miejscowości | w osadzie | osada
"""


# a facility's words before the name of the place it is named after or lies in ('port d'Odessa',
# 'aéroport de Donetsk', 'AKW Saporischschja', 'porto di Odessa', 'elektrownia atomowa w Zaporożu':
# a Polish preposition after the word is read as the name's lead)
_FACILITY = """
port de | port d' | aéroport de | aéroport d' | centrale nucléaire de | centrale nucléaire d' | centrale de |
barrage de | barrage d' | pont de |
Hafen von | Hafen | Flughafen | Flugplatz | Militärflugplatz | AKW | Atomkraftwerk | Kernkraftwerk | Kraftwerk |
Staudamm von | Staudamm | Raffinerie von | Raffinerie |
puerto de | aeropuerto de | central nuclear de | central térmica de | presa de | puente de | refinería de |
porto di | aeroporto di | centrale nucleare di | diga di | ponte di | raffineria di |
porto de | aeroporto de | usina nuclear de | barragem de |
port | lotnisko | elektrownia atomowa | elektrownia jądrowa | elektrownia | zapora | rafineria | baza lotnicza
"""
# (after an article: 'le port d'Odessa', 'der Hafen von', 'la centrale', 'il porto di', 'o porto de')
_ARTICLES = ("le ", "la ", "l'", "l’", "der ", "die ", "das ", "el ", "il ", "o ", "a ")


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in block.split("|") if p.strip()]


NEAR_LEADS = _phrases(_NEAR)
LEADS = NEAR_LEADS + _phrases(_IN)
# the words that say near, in any of the near phrases ('près', 'Nähe', 'pobliżu')
_NEAR_WORDS = frozenset(w.lower() for p in NEAR_LEADS for w in p.split()) - frozenset(
    "de des di a la le las los les en in der von um nel w del nas nos".split())
NEAR_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _NEAR_WORDS), key=len, reverse=True)) + r")(?!\w)",
                     re.IGNORECASE)
# the village words among them ('im Dorf', 'we wsi'; a locality may be a town: 'Ortschaft', 'miejscowość')
VILLAGE_WORDS = frozenset("dorf dorfes village pueblo aldea villaggio aldeia vila wieś wsi".split())
LOCALITY_WORDS = frozenset("ort ortschaft siedlung localité localidad località localidade miejscowość "
                           "miejscowości osada osadzie".split())


def _written(phrase: str) -> list[str]:
    """The ways a lead is written: as listed, and a phrase of several words (or a German noun)
    with a capital first letter at a sentence's or cell's start ('Près de', 'In der Nähe von')."""
    forms = [phrase]
    if " " in phrase and phrase[:1].islower():
        forms.append(phrase[:1].upper() + phrase[1:])
    return forms


# case-sensitive: 'en', 'na', 'w', 'au' only in lower case
LEAD_PATTERN = "|".join(re.escape(f) for f in sorted({f for p in LEADS for f in _written(p)}, key=len, reverse=True))
LEAD_RE = re.compile(r"^(?:(?:" + LEAD_PATTERN + r")\s+(?=\S))+")
_FACILITY_LEADS = _phrases(_FACILITY)
FACILITY_LEAD_RE = re.compile(
    r"^(?:" + "|".join(re.escape(a) for a in _ARTICLES) + "|" + "|".join(re.escape(a.title()) for a in _ARTICLES)
    + r")?(" + "|".join(re.escape(f) for f in sorted({f for p in _FACILITY_LEADS for f in _written(p)},
                                                     key=len, reverse=True))
    + r")(?:\s+|(?<=['’]))(?=\S)")
# the facility's noun of such a lead, without its preposition ('port d'' -> 'port')
_LEAD_PREPOSITION_RE = re.compile(r"\s*(?:\b(?:de|di|von)|d['’])$")


def facility_lead_word(lead: str) -> str:
    """The facility's word of a :data:`FACILITY_LEAD_RE` match's group ('port d'' -> 'port')."""
    return _LEAD_PREPOSITION_RE.sub("", lead).strip()


# the Polish prepositions that put the name after them in an oblique case ('w Charkowie', 'pod
# Bachmutem', 'w pobliżu Awdijiwki'; not the nouns before a name in apposition, 'we wsi Piski')
_POLISH_PREPOSITION_RE = re.compile(
    r"(?:^|\s)(?:w|we|na|pod|spod|przy|koło|kolo|niedaleko|nieopodal|w pobliżu|w okolicach|w okolicy|w rejonie|okolice)\s*$")


def polish_preposition(leads: str) -> str:
    """The Polish preposition that declines the name after it which a part's leading words end
    with ('w pobliżu' of 'walki w pobliżu'); '' when they end with none."""
    m = _POLISH_PREPOSITION_RE.search(leads)
    return m.group().strip() if m else ""


def polish_case(leads: str) -> bool:
    """Do a part's leading words end with a Polish preposition that declines the name after it?"""
    return bool(polish_preposition(leads))


# the Polish area words: the adjective with them is Polish ('obwód doniecki', 'w obwodzie donieckim')
POLISH_AREA_WORDS = frozenset("obwód obwodzie obwodu obwodem rejon rejonie rejonu województwo".split())


# area words ('regione di Donetsk', 'Bezirk', 'w obwodzie', 'rejon'): word -> level
AREA_WORDS = {"regione": "admin1", "région": "admin1", "region": "admin1", "obwodzie": "admin1",
              "obwodu": "admin1", "obwodem": "admin1", "obwód": "admin1", "województwo": "admin1", "oblasti": "admin1",
              "rejon": "admin2", "rejonie": "admin2", "rejonu": "admin2", "bezirk": "admin2",
              "kreis": "admin2", "landkreis": "admin2", "rajons": "admin2",
              # Latin America's and the Sahel's: 'departamento de Antioquia', 'cercle de Niono'
              "departamento": "admin1", "département": "admin2", "cercle": "admin2", "municipio": "admin2",
              # and their abbreviations in addresses: 'Depto. de Antioquia', 'Pcia. de Córdoba',
              # 'Mpio. de Zitácuaro', 'Edo. de México' (estado)
              "depto": "admin1", "dpto": "admin1", "pcia": "admin1", "prov": "admin1", "edo": "admin1",
              "mpio": "admin2",
              # the Democratic Republic of the Congo's second level: 'Djugu territoire', 'territoire de Beni'
              "territoire": "admin2"}
