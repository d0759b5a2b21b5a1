"""Word lists the tagger reads text with: English words that are also place names, sentence
openers, titles, first names and surnames (persons), role and institution words, locative and
settlement words, and the words that name a place without being its name (demonyms such as
'Ukrainian', abbreviations such as 'U.S.' or 'Calif.'). Data only, and the lexicon lookup over it."""
from __future__ import annotations

import re

from ..matching.phrase import LIST_JOINERS
from ..names.person_names import given_names, surnames
from .tag_automaton import fold

# ---- word lists ---------------------------------------------------------------------------------
# English words that are also place names somewhere: a place only with locative context.
STOPLIST = frozenset("""
of bar mobile reading nice bath split van most hope union liberty march may june july august
sunday monday tuesday wednesday thursday friday saturday january february april september october
november december god man home office police university college church school hospital centre center
court house senate congress university state states city county street road avenue park lake river
beach island mountain valley spring springs fall falls rock stone wood woods field fields hill hills
green white black brown gray grey red orange gold silver early late long short little big great
general president chief major mayor governor judge sheriff king queen prince princess lord lady
christian christmas easter independence victory freedom peace justice paradise eden chad
energy power industry commerce enterprise progress concord harmony unity friendship alliance
phoenix eagle buffalo deer bear wolf fox lynx beaver salmon trout
national federal central north south east west northern southern eastern western middle
new old upper lower mount saint santa san camp fort port bay harbor harbour point cape
union plain plains sandy marina summit vista garden gardens grove heights view mission
ada alma ava bonita clara eva flora gloria grace iris ivy joy lily may olive opal rose ruby
cliff dale dean drew glen grant hall holly lane mark ray ross scott
normal mission radio news star sun moon time times post herald tribune journal globe
press media today world fair faith hope truth early record ford obama bush trump
district officer leader bank chamber airport olympic republican democrat anyone instead three
research snow piano vice mega arab hamas nato kbr mart superior western eastern northern
southern centre central north south east west market village town station hotel bridge
temple palace castle tower square plaza mall port harbor college academy institute museum
library theater theatre stadium arena club team council committee ministry agency army navy
marine marines guard forces force service services health care medical general hospital
christian muslim jewish catholic baptist methodist lutheran protestant orthodox islam allah
federal national international global regional local public private royal imperial
sen mrs jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co day act jesus christ cup
best supreme metro gulf ridge blues english
hit met
""".split()) | {"white house", "el nino", "la nina", "supreme court", "notre dame"}
# Words that may open a sentence capitalized without naming a place.
COMMON = frozenset("""
a about after again against all also an and another any are as at be because been before being
both but by can could did do does during each even every few for from had has have he her here
his how however i if in into is it its just last later like many me more most much my no nor not
now of off on once one only or other our out over own same she should since so some still such
than that the their them then there these they this those through to too under until up very
was we were what when where which while who why will with would yet you your new old police
officials authorities residents people government according next first second third yesterday
tomorrow today tonight meanwhile despite although though located during amid following
""".split())
TITLES = frozenset("""
president mr mrs ms miss dr prof professor general gen chief minister senator sen rep
representative governor gov mayor judge justice sheriff officer sgt sergeant capt captain lt
lieutenant col colonel maj major commander admiral adm pope king queen prince princess sir lady
lord rev reverend father sister brother saint dame coach secretary chairman director ambassador
premier chancellor prime deputy spokesman spokeswoman spokesperson detective inspector attorney
councilman councilwoman commissioner trooper deputies marshal private corporal patriarch bishop
archbishop cardinal rabbi imam sheikh emir sultan tsar czar
""".split())
FIRST_NAMES = frozenset("""
vladimir valery valeriy maria mariya ivan alexander aleksandr alexei alexey aleksei andrei andrey
sergei sergey dmitry dmitri mikhail nikolai nikolay yuri yury viktor victor oleg igor pavel boris
petro petr pyotr volodymyr oleksandr oleksiy mykola mykhailo yulia yuliya olga olena natalia
natalya tatiana tatyana svetlana irina elena anna ekaterina yekaterina daria darya anastasia
ludmila lyudmila galina vera nadezhda sofia sophia denis denys roman ruslan artem artyom anton
arsen arseniy kirill konstantin leonid evgeny yevgeny gennady grigory georgy maxim maksim ilya
vitaly vitali vitaliy yaroslav bohdan taras stepan vasyl vasily vasili fedor fyodor semyon
john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony donald mark paul steven andrew kenneth joshua kevin brian george edward ronald timothy
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron henry adam douglas
nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian terry
sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan bruce willie gabriel
alan juan logan wayne ralph roy eugene randy vincent russell louis philip bobby johnny bradley
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen brenda pamela nicole
emma samantha katherine christine debra rachel catherine carolyn janet ruth heather virginia
joyce diane julie olivia joan evelyn judith megan cheryl andrea hannah martha jacqueline frances
gloria ann kathryn teresa sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa diana natalie brittany charlotte marie kayla alexis lori
jim sam barry allen martin nelson lee tom tim bob rob ben dan joe ted ken ron don ray jeff
mike steve chris matt nick tony rick greg fred doug phil bud hank jake luke zach levi jesse
barack hillary bill al angela emmanuel recep benjamin bashar xi kim narendra jair justin boris
abraham theodore ulysses woodrow dwight herbert grover rutherford darren desmond mitch
mohammed muhammad ahmed ali hassan hussein omar abdul abu fatima ayesha jose carlos luis miguel
pedro manuel antonio francisco javier pablo diego jorge maria carmen rosa ana juana lucia
pierre jean michel francois jacques hans klaus wolfgang jurgen friedrich giuseppe giovanni marco
luca chen wang li zhang liu yang huang zhao wu zhou
vitalii andrii oleksii serhii yurii dmytro yevhen hennadii vadym valerii anatolii ihor kyrylo pavlo
maksym danylo oleh mykyta yakiv valentyn vladyslav heorhii hryhorii arsenii illia rostyslav fedir
yuliia nataliia tetiana kateryna iryna svitlana liudmyla oksana halyna mariia sofiia viktoriia nadiia
larysa khrystyna yevgeniy gennadiy vadim anatoliy vyacheslav vladislav rostislav nikita yakov
aleksey dmitriy yuriy valentin yelena kseniya ramzan
ismail ismael khalil osama usama yahya yasser yasir mahmoud mahmud ibrahim khaled khalid walid saleh
nasser hamza youssef yousef yusuf mustafa mostafa ayman marwan fadi tariq tarek samir mohamed
mohammad abdullah abdallah abdel hamid hamed jamal rashid saeed hasan husayn hossein hussain ammar
anas bilal haidar haider nabil nizar qasim qassem riad salman sami shadi talal wael yaser zaid ziad
akram anwar ashraf bassam emad hazem hisham ihab imad jawad luay maher mazen moaz nidal osman othman
raed ramzi saad tamer zuhair
""".split())
# the first words of Arabic place names ('Ras Lanuf', 'Ain Issa', 'Bab el-Mandeb', 'Nur Shams'):
# before another capitalized word or an al- word they begin a name, and name no place alone
ARABIC_LEAD_WORDS = frozenset("""ras ain ayn bab beit bayt deir dayr jisr wadi kafr bir jabal jebel qasr
sidi tal tall tel tell nur marj mina umm""".split())
# with the census lists: names that make the word after them a surname
GIVEN_NAMES = FIRST_NAMES | given_names()
SURNAMES = surnames()
# words after a state or country name that make it an institution's, not a person's first name
INSTITUTIONS = frozenset("""state department board police university college county city senate
house assembly legislature court highway tech supreme general national""".split())
# role nouns that name a person when written in lowercase before a name ('coach Ripley')
ROLES = frozenset("""coach attorney officer sheriff deputy detective senator governor mayor president
minister commissioner councilman councilwoman trooper spokesman spokeswoman spokesperson chairman
director secretary ambassador inspector sergeant lieutenant captain colonel""".split())
SAID = frozenset("said says told added explained stated wrote noted testified asked replied".split())
AREA_WORDS = frozenset("region oblast raion rayon province district governorate krai republic".split())
# 'Donetsk and Luhansk oblasts': a plural area word makes every name of the list before it an area
LIST_GAPS = frozenset([",", ", and", "or", "&", *LIST_JOINERS])
LOCATIVE = frozenset("in at near from to into outside across toward towards via around".split())
# verbs of war whose object is a place ('captured Novomykhailivka', 'shelled Huliaipole'): after one,
# a village of a Cyrillic-script country named as written is proposed as after 'near'
WAR_VERBS = frozenset("""captured recaptured liberated retook seized stormed entered shelled struck bombed
attacked hit encircled surrounded abandoned evacuated occupied besieged defended""".split())
# and in Russian and Ukrainian, by their stems in every person, tense and participle ('ЗСУ звільнили
# Роботине', 'ВС РФ освободили Урожайное', 'окупанти обстріляли Нікополь', 'штурмуют Часов Яр')
CYRILLIC_WAR_VERB_RE = re.compile(
    r"(?:звільн|освобо[дж]|зайн|заня|захват|захоп|оккупир|окупув|окупован|атаков|атакув|штурм|обстрел|обстріл|"
    r"отби|відби|отвоев|отвоёв|відвою|окруж|оточ|зачист|удерж|утрим|покин|залиш|остав|бомбил|бомбув|взял|взят|узял)\w*",
    re.IGNORECASE)
SETTLEMENT_NOUNS = frozenset("village villages town towns settlement settlements hamlet city".split())
# nouns that place what follows 'of' ('east of Toretsk', 'the outskirts of Pokrovsk')
DIRECTION_NOUNS = frozenset("""north south east west northeast northwest southeast southwest northeastern
northwestern southeastern southwestern outskirts vicinity""".split())
# ---- the other languages of the European press ('Auch im Gebiet Saporischschja', 'à Kherson') ------
# function words that open a sentence capitalized without naming a place ('Auch' is no Auch, Gers)
PRESS_COMMON = frozenset("""auch aber bei nach laut seit wie der die das den dem des ein eine einer und oder
mit von vor zum zur im am selon dans vers depuis les des une et sur según nel nella secondo według oraz""".split())
# nouns before a name that say it is a place ('die Stadt Charkiw', 'im Gebiet Saporischschja'):
# no first name before a surname, and a place themselves only with locative context
PRESS_PLACE_NOUNS = frozenset("""stadt dorf ort ortschaft siedlung gemeinde gebiet bezirk kreis landkreis
umgebung nähe großstadt kleinstadt hafenstadt frontstadt ville commune ciudad pueblo città miasto wieś
obwód rejon""".split())
# Spanish and Portuguese institutions: a noun before a capitalized word and an adjective after
# one make a name that is no place ('Guardia Nacional', 'Guarda Nacional' is not Guarda, Portugal;
# 'Partido Popular', 'Universidad Autónoma')
INSTITUTION_NOUNS = frozenset("""guardia guarda policia partido universidad universidade banco fuerza forca
ejercito exercito congreso congresso secretaria fiscalia ministerio tribunal consejo conselho instituto
comision procuraduria gobierno governo""".split())
INSTITUTION_ADJECTIVES = frozenset("""nacional federal municipal estatal militar popular regional autonoma
aerea civil""".split())
# prepositions that say where ('bei Bachmut', 'à Kherson', 'w Charkowie', 'pod Pokrowskiem')
PRESS_LOCATIVE = frozenset("bei um nahe à dans près vers en w pod koło przy cerca vicino presso perto".split())
COMMON |= PRESS_COMMON | {fold(w) for w in PRESS_COMMON}  # (as written and folded: 'nähe', 'nahe')
STOPLIST |= PRESS_PLACE_NOUNS | {fold(w) for w in PRESS_PLACE_NOUNS}
LOCATIVE |= PRESS_LOCATIVE

# a capitalized word right after a name that makes the name part of a street or a firm ('Clark
# Drive', 'Turner Construction'). Schools, agencies and airlines stay: news corpora tag the place in
# 'Huntsville High School' and 'Ohio Department of Transportation'.
FACILITY_WORDS = frozenset("street road drive avenue ave boulevard blvd lane parkway pike construction group"
                           .split())  # ('Wagner Group', 'Adani Group')

# ---- words that name a place without being its name ----------------------------------------------
# Country adjectives and demonyms (news gold data counts them as mentions of the country).
_DEMONYM_TABLE = """
Afghan:Afghanistan Albanian:Albania Algerian:Algeria American:United_States Americans:United_States
Argentine:Argentina Argentinian:Argentina Armenian:Armenia Australian:Australia Austrian:Austria
Azerbaijani:Azerbaijan Bangladeshi:Bangladesh Belarusian:Belarus Belgian:Belgium Bolivian:Bolivia
Bosnian:Bosnia_and_Herzegovina Brazilian:Brazil British:United_Kingdom Bulgarian:Bulgaria
Burmese:Myanmar Cambodian:Cambodia Cameroonian:Cameroon Canadian:Canada Chadian:Chad Chilean:Chile
Chinese:China Colombian:Colombia Congolese:Democratic_Republic_of_the_Congo Croatian:Croatia
Cuban:Cuba Cypriot:Cyprus Czech:Czechia Danish:Denmark Dutch:Netherlands Ecuadorian:Ecuador
Egyptian:Egypt Emirati:United_Arab_Emirates Eritrean:Eritrea Estonian:Estonia
Ethiopian:Ethiopia European:Europe Filipino:Philippines Finnish:Finland French:France
Georgian:Georgia German:Germany Ghanaian:Ghana Greek:Greece Guatemalan:Guatemala Haitian:Haiti
Honduran:Honduras Hungarian:Hungary Icelandic:Iceland Indian:India Indonesian:Indonesia
Iranian:Iran Iraqi:Iraq Irish:Ireland Israeli:Israel Israelis:Israel Italian:Italy Jamaican:Jamaica
Japanese:Japan Jordanian:Jordan Kazakh:Kazakhstan Kenyan:Kenya Korean:South_Korea Kosovar:Kosovo
Kurdish:Kurdistan Kuwaiti:Kuwait Kyrgyz:Kyrgyzstan Latvian:Latvia Lebanese:Lebanon Liberian:Liberia
Libyan:Libya Lithuanian:Lithuania Macedonian:North_Macedonia Malaysian:Malaysia Malian:Mali
Mexican:Mexico Mexicans:Mexico Moldovan:Moldova Mongolian:Mongolia Moroccan:Morocco
Mozambican:Mozambique Nepalese:Nepal Nepali:Nepal Nicaraguan:Nicaragua Nigerian:Nigeria
Nigerien:Niger Norwegian:Norway Pakistani:Pakistan Palestinian:Palestine Palestinians:Palestine
Panamanian:Panama Paraguayan:Paraguay Peruvian:Peru Polish:Poland Portuguese:Portugal Qatari:Qatar
Romanian:Romania Russian:Russia Russians:Russia Rwandan:Rwanda Saudi:Saudi_Arabia Scottish:Scotland
Senegalese:Senegal Serbian:Serbia Singaporean:Singapore Slovak:Slovakia Slovenian:Slovenia
Somali:Somalia Somalian:Somalia Spanish:Spain Sri_Lankan:Sri_Lanka Sudanese:Sudan Swedish:Sweden
Swiss:Switzerland Syrian:Syria Syrians:Syria Taiwanese:Taiwan Tajik:Tajikistan Tanzanian:Tanzania
Thai:Thailand Tunisian:Tunisia Turkish:Turkey Turkmen:Turkmenistan Ugandan:Uganda Ukrainian:Ukraine
Ukrainians:Ukraine Uruguayan:Uruguay Uzbek:Uzbekistan Venezuelan:Venezuela Vietnamese:Vietnam
Welsh:Wales Yemeni:Yemen Zambian:Zambia Zimbabwean:Zimbabwe Texan:Texas Californian:California
Floridian:Florida African:Africa Asian:Asia Caribbean:Caribbean
"""
DEMONYMS = dict(x.replace("_", " ").split(":", 1) for x in _DEMONYM_TABLE.split())
# Abbreviations, case-sensitive. Those after '*' only after a comma ('Charleston, W.Va.').
ABBREVIATIONS = {
    "U.S.": "United States", "U.S.A.": "United States", "USA": "United States", "US": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "UAE": "United Arab Emirates",
    "D.C.": "Washington, D.C.", "L.A.": "Los Angeles", "N.Y.C.": "New York City", "NYC": "New York City",
    "EU": "Europe", "DPR": "Donetsk People's Republic", "DNR": "Donetsk People's Republic",
    "LPR": "Luhansk People's Republic", "LNR": "Luhansk People's Republic",
}
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia, US", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York State", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington State",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_LEX = {**{k: (v, False) for k, v in DEMONYMS.items()}, **{k: (v, False) for k, v in ABBREVIATIONS.items()},
        **{k: (v, True) for k, v in STATE_ABBREVIATIONS.items()}}
_LEX_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(_LEX, key=len, reverse=True))
                     + r")(?![\w])")


def lexicon_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, query) of demonyms and abbreviations."""
    out = []
    for m in _LEX_RE.finditer(text):
        surface = m.group(1)
        query, after_comma = _LEX[surface]
        s, e = m.span(1)
        if after_comma and surface.count(".") == 1 and text[max(0, s - 2):s] != ", ":
            continue  # 'Mobile, Ala.', but not 'Ill.' or 'Mass.' anywhere; 'S.C.' is never a word
        out.append((s, e, query))
    return out


# words before a name that make it a ship's ('the cruiser Moskva', 'a landing ship, the Minsk'),
# a storm's ('Hurricane Otis'), or words after which a capitalized 'of' names an event ('the
# Battle of Stalingrad'); the last word of a military formation ('Black Sea Fleet'); the first
# word of an armed group named by a second word that is also a town ('Boko Haram')
SHIP_WORDS = frozenset("""cruiser frigate destroyer corvette submarine warship flagship vessel tanker
freighter ship icebreaker carrier""".split())
STORM_WORDS = frozenset("hurricane typhoon cyclone storm".split())
EVENT_OF_WORDS = frozenset("battle siege treaty sack liberation congress".split())
FORMATION_NOUNS = frozenset("fleet flotilla corps brigade regiment battalion".split())
GROUP_FIRST_WORDS = frozenset({"boko"})
# the words after a name that make it a unit's, a ship's or a private army's ('the Azov brigade',
# 'the Sparta and Somalia battalions', 'the Moskva cruiser', 'the Dnipro-1 regiment', 'Wagner
# mercenaries'), and the Russian and Ukrainian ones before it, in any case ('батальона «Айдар»',
# 'ЧВК Вагнер', 'крейсер «Москва»'). (A fleet is named after the sea it sails: 'the Black Sea Fleet'
# names the Black Sea too)
UNIT_AFTER_WORDS = frozenset(
    {*(w + e for w in FORMATION_NOUNS - {"fleet", "flotilla"} for e in ("", "s")), *SHIP_WORDS, *(w + "s" for w in SHIP_WORDS),
     "mercenaries", "mercenary", "pmc", "division", "divisions", "squadron", "detachment", "platoon",
     "militia", "militias", "militiaman", "militiamen"})
UNIT_BEFORE_RE = r"(?:батальон|бригад|дивизи|дивізі|крейсер|фрегат|корабл|эсминц|есмінц|подлодк|загон|отряд)\w*" \
    r"|полк(?:а|у|ом|е|и|ів|ов)?|ЧВК|ПВК|PMC" \
    r"|groupe|milice|mercenaires\s+d[eu]|bataillon|régiment"  # ('le groupe Wagner', 'la milice Fano')
