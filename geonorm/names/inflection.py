"""Nominative forms of Ukrainian and Russian place names written in an oblique case.

Text names places in whatever case the sentence needs: 'у Бахмуті', 'біля Авдіївки', 'під
Покровськом', 'в Новій Каховці', 'до Часового Яру', 'под Авдеевкой', 'в Мариуполе'. The
gazetteer holds nominatives (Бахмут, Авдіївка, Нова Каховка). :func:`nominatives` proposes the
nominatives a written form may come from, by the case endings of the two languages; they are only
proposals: the caller keeps those the gazetteer holds as names, so a proposal that names nothing
costs one lookup. (A morphological analyser would do the same from a dictionary, but the
Ukrainian dictionary of pymorphy3 is GPL-licensed and most village names are in no dictionary:
the analysers guess them from the same endings.)
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

# oblique ending: the nominative endings it may come from ('-': none), per language
_UKRAINIAN_RULES = """
а: - о е      я: ь й я      у: - о а      ю: ь й я      і: - ь а я о и е      ї: й я
ові: -        еві: ь        єві: й        ом: - о       ем: ь е       єм: й         ям: я
ця: ець       цю: ець       цем: ець      ці: ка к ець  ка: ок        ку: ок        ком: ок
ок: ки
и: а          ою: а о       ею: я а       єю: я         зі: га г      сі: ха х
ії: ія        ією: ія       ію: ія
ах: и і       ях: і и       ами: и і      ями: і        ів: і и       ам: и і
ого: ий е     ому: ий е     им: ий е і    ього: ій є    ьому: ій є    ім: ій є
ої: а         ьої: я        ій: а         их: і
ового: ів     овому: ів     овім: ів      евого: їв     евому: їв
"""
# Бахмута, Бахмуту, Бахмуті, Бахмутові, Бахмутом; Дніпра, Селища; Маріуполя, Маріуполем;
# Кам'янця, Кам'янці (Кам'янець); Городка (Городок); Авдіївки, Каховці, Авдіївку, Авдіївкою;
# Балаклії; Сумах, Сумам, Чернівцях, Чернівців; Гранітного, Гранітному, Гранітним; Нової, Новій, Новою;
# Часового Яру (Часів Яр); Кривому Розі (Кривий Ріг); Кринок (Кринки, a plural's genitive)
_RUSSIAN_RULES = """
а: - о е      я: ь й я е    у: - о а е    ю: ь й я е    е: - о а ь я й
ом: - о ое ий ый ой         ем: ь е ий ее й             ём: ь й       ям: я
ца: ец        цу: ец        це: ец        цем: ец       цом: ец
ка: ок        ку: ок        ке: ок ка     ком: ок       ок: ки
и: а я ь      ы: а          ой: а ая      ою: а         ей: я ь яя
ии: ия        ией: ия       ию: ия        еи: ея        ее: ея        еей: ея
ах: ы и       ях: и         ами: ы и      ями: и        ов: ы и       ам: ы и
ого: ий ое ой ый            ому: ий ое ой ый            его: ий ее    ему: ий ее
им: ий ое ее  ым: ый ое ой  ую: ая        юю: яя        ых: ые        их: ие
ового: ов     овом: ов      овым: ово ов  евого: ев     евом: ев      евым: ево ев
иным: ино ин  ином: ино ин
"""
# Краматорска, Краматорску, Краматорске, Краматорском; Мариуполя, Мариуполе; Алтае; Грязовца
# (Грязовец); Авдеевки, Авдеевке, Авдеевкой; Балаклеи, Балаклее; Сумах; Приморского,
# Приморском, Приморским; Сумам, Черкассам; Новой Каховке, Новую; Верхнем; Константиновым (Константиново)


def ending_rules(rules: str) -> list[tuple[str, tuple[str, ...]]]:
    """(oblique ending, nominative endings) of a rule text ('ending: nom nom ...', '-' for none),
    longest ending first."""
    out: dict[str, list[str]] = {}
    ending = ""
    for token in rules.split():
        if token.endswith(":"):
            ending = token[:-1]
            out.setdefault(ending, [])
        elif (nom := "" if token == "-" else token) not in out[ending]:
            out[ending].append(nom)
    return sorted(((e, tuple(n)) for e, n in out.items()), key=lambda kv: -len(kv[0]))


_UKRAINIAN, _RUSSIAN = ending_rules(_UKRAINIAN_RULES), ending_rules(_RUSSIAN_RULES)
_BOTH = ending_rules(_UKRAINIAN_RULES + _RUSSIAN_RULES)
# a word with Ukrainian-only letters (or spellings) is Ukrainian, one with Russian-only letters
# Russian; neither: both ('Бахмута', 'Харкова')
_UKRAINIAN_MARK = re.compile(r"[іїєґ]|[сцз]ьк")
_RUSSIAN_MARK = re.compile(r"[ыэёъ]")
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґʼ'’]+", re.IGNORECASE)
_VOWELS = "аеиіїоуюяєыэё"
MIN_STEM = 2  # letters left before the ending
_ADJECTIVE_STEM = re.compile(r"[сцз]ь?к$")  # '-ське', '-ское': names declined as adjectives
# a stem ending in a consonant and a sonorant may have lost a fleeting е before it (Орла, Дністра)
_FLEETING_STEM = re.compile(r"[бвгджзйклмнпрстфхцчшщ][лрн]$")
MAX_PROPOSALS = 256  # forms proposed for a phrase of several words


def _alternated(form: str) -> str | None:
    """The Ukrainian nominative of a stem whose last syllable closes: о/е become і, є becomes
    ї (Харкова -> Харків, Києва -> Київ, Тернополя -> Тернопіль, Рогу -> Ріг)."""
    tail = len(form)
    while tail > 0 and (form[tail - 1] not in _VOWELS):
        tail -= 1
    if tail == 0 or tail == len(form) or len(form) - tail > 3:
        return None
    vowel = form[tail - 1]
    if vowel not in "оеє":
        return None
    return form[:tail - 1] + ("ї" if vowel == "є" else "і") + form[tail:]


# the readings of an ending a governing preposition rules out: after 'под', 'над', 'під', 'за'
# (the instrumental) '-ом', '-ем' are no adjective's locative ('под Артемовском' is Артемовск, not
# Артемовский); after 'в', 'у', 'на' (the locative) no noun's instrumental ('в Покровском' is
# Покровское, not Покровск)
_RULED_OUT = {
    "instrumental": frozenset({("ом", "ое"), ("ом", "ий"), ("ом", "ый"), ("ом", "ой"), ("ем", "ий"), ("ем", "ее")}),
    "locative": frozenset({("ом", ""), ("ом", "о"), ("ем", "ь"), ("ем", "е"), ("ем", "й"), ("ём", "ь"),
                           ("ём", "й"), ("єм", "й")}),
}
INSTRUMENTAL_PREPOSITIONS = frozenset("под над за перед между під між поза".split())
LOCATIVE_PREPOSITIONS = frozenset("в во у на".split())


def governed_case(preposition: str) -> str:
    """'instrumental' or 'locative' for a preposition that governs that case among others (its
    name's endings read accordingly), '' for any other word."""
    word = preposition.lower()
    return "instrumental" if word in INSTRUMENTAL_PREPOSITIONS else "locative" if word in LOCATIVE_PREPOSITIONS else ""


@lru_cache(maxsize=4096)
def word_nominatives(word: str, case: str = "") -> tuple[str, ...]:
    """The word itself, then the nominatives it may be an oblique case of (lower case); ``case``:
    what a preposition before it governs (see :func:`governed_case`)."""
    w = word.lower()
    out = [w]
    if len(w) < MIN_STEM + 1 or not _CYRILLIC_WORD.fullmatch(w):
        return tuple(out)
    rules = _UKRAINIAN if _UKRAINIAN_MARK.search(w) else _RUSSIAN if _RUSSIAN_MARK.search(w) else _BOTH
    ruled_out = _RULED_OUT.get(case, ())
    for ending, noms in rules:
        if not w.endswith(ending) or len(w) - len(ending) < MIN_STEM:
            continue
        stem = w[: len(w) - len(ending)]
        for nom in noms:
            if (ending, nom) in ruled_out:
                continue
            if nom in ("о", "е") and (len(ending) == 1 or ending in ("ом", "ем")) and _ADJECTIVE_STEM.search(stem):
                continue  # 'Покровське' is an adjective (Покровського), no noun: not from 'Покровська'
            form = stem + nom
            if form not in out:
                out.append(form)
            if nom in ("", "ь", "й"):  # a closed last syllable: Харкова -> Харків
                alt = _alternated(stem)
                if alt and alt + nom not in out:
                    out.append(alt + nom)
            if nom in ("", "ь") and _FLEETING_STEM.search(stem):
                # the vowel a closed last syllable had: Орла -> Орёл, Дністра -> Дністер, Камня -> Камень
                fleeting = stem[:-1] + "е" + stem[-1] + nom
                if fleeting not in out:
                    out.append(fleeting)
    return tuple(out)


# 'Харківщина', 'Бєлгородщина', 'Курщина', 'Донеччина', 'Белгородчина': a region named after its
# main town by -щина / -ччина / -чина; the endings of the town it may be formed from (longest first)
_REGION_WORD = (("ччина", ("цьк", "цк", "ця", "ца")),
                ("щина", ("ськ", "ск", "", "а", "и", "са", "си")),
                ("чина", ("", "ськ", "ск")))


def region_towns(word: str) -> list[str]:
    """The towns a colloquial region name in any case may be formed from (lower case):
    'Бєлгородщині' -> ['бєлгородськ', 'бєлгородск', 'бєлгород', ...], 'Донеччина' -> ['донецьк', ...].
    Empty for other words."""
    out: list[str] = []
    for form in word_nominatives(word.strip()):
        for ending, towns in _REGION_WORD:
            if form.endswith(ending):
                if len(form) - len(ending) >= 3:
                    out.extend(form[: -len(ending)] + t for t in towns)
                break
    return list(dict.fromkeys(out))


# an area word in the nominative ends a phrase that is in the nominative already: 'Курська
# область' is no genitive of 'Курськ область'
_NOMINATIVE_AREA_WORDS = frozenset("область район край округ громада республіка республика".split())


def nominatives(text: str, case: str = "") -> list[str]:
    """Nominative readings of a Cyrillic phrase, each word in any of its readings (the phrase
    as written not included): 'Новій Каховці' -> [..., 'нова каховка', ...]; none for a phrase
    that ends in a nominative area word ('Курська область'). ``case``: what a preposition
    before the phrase governs (see :func:`governed_case`)."""
    if text.split()[-1:] and text.split()[-1].lower() in _NOMINATIVE_AREA_WORDS:
        return []
    return phrase_readings(text.strip().replace("\u0301", ""),  # (no stress marks)
                           lambda word: word_nominatives(word, case), MAX_PROPOSALS)


def phrase_readings(text: str, readings: Callable[[str], tuple[str, ...]], limit: int) -> list[str]:
    """Every combination of the ``readings`` of the words of ``text`` (parted by spaces or
    hyphens; each word's first reading is the word itself), the phrase as written not
    included; the first ``limit`` only."""
    pieces = re.split(r"(\s+|-)", text)
    options = [readings(p) if i % 2 == 0 and p else (p,) for i, p in enumerate(pieces)]
    return ["".join(combo) for combo in itertools.islice(itertools.product(*options), 1, limit + 1)]
