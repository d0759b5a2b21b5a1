"""Lookup keys that merge romanization differences but keep different places apart.

* ``fold_key``: a folded romanization (kh/h/g, shch/sch/szcz, zh, ts/tz/c, y/j/i glides, w->v,
  doubled letters, Russian/Ukrainian alternations ey/iy, -ov/-iv, -skoye/-ske, no spaces).
  Dimitrov and Dmitrov stay apart; Kharkov, Kharkiv and Charkiw meet.
* ``ukrainian_forms``: the Ukrainian form of a Russian-form name (Aleksandrovka ~ Oleksandrivka),
  which no letter-level fold can reach.
* ``skeleton_key``: the fold key with every vowel run replaced by one placeholder; catches
  vowel-level variants and typos (Krasnarmeysk ~ Krasnoarmeysk, Kiev ~ Kyiv). Loose: used only
  to generate candidates, never to decide.
* ``written_key``: a name as written, without the folds, for the typo search's second index.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import normalize, script_of, to_ascii

# Order matters: longest digraphs first. Upper-case letters are fold symbols (never in input,
# which is lower-cased ASCII by then).
_FOLDS: tuple[tuple[str, str], ...] = (
    ("schtsch", "Q"), ("shtch", "Q"), ("chtch", "Q"), ("szcz", "Q"), ("shch", "Q"), ("sch", "W"),
    ("tsch", "C"), ("tch", "C"), ("cz", "C"), ("ch", "C"), ("sz", "W"), ("sh", "W"),
    ("zh", "J"), ("kh", "H"), ("tz", "T"), ("ts", "T"), ("c", "T"),
    ("g", "H"), ("h", "H"), ("w", "v"), ("x", "ks"),
    ("y", "i"), ("j", "i"),
    ("C", "c"),
)
_FOLD_RE = re.compile("|".join(re.escape(a) for a, _ in _FOLDS if a != "C"))
_FOLD_MAP = {a: b for a, b in _FOLDS}
_DOUBLE_RE = re.compile(r"(.)\1+")
_ALTERNATIONS = (
    (re.compile(r"(?<=[a-zA-Z])(ei|ii|ie|iy|ey)(?=[a-zA-Z])"), "i"),  # Krasnoarmeysk ~ Krasnoarmiisk
    (re.compile(r"ov(?=\b|$)"), "iv"),  # Kharkov ~ Kharkiv
    (re.compile(r"sk(oie|oe|ie|e)\b"), "ske"),  # -skoye ~ -ske (never merged with -sk)
    (re.compile(r"sk(ii|i)\b"), "ski"),  # -skiy ~ -skyi ~ -sky
    (re.compile(r"(?<=[a-zA-Z])(ia|ja|ya)\b"), "a"),  # Zaporizhzhia ~ Zaporozhye endings
)
_VOWELS_RE = re.compile(r"[aeiou]+")


@lru_cache(maxsize=262144)
def fold_key(name: str) -> str:
    """Folded romanization key of any name (any script goes through anyascii first)."""
    return fold_ascii(to_ascii(name))


def written_key(name: str) -> str:
    """A Latin name's ASCII letters, a Cyrillic name's own letters (normalized, without spaces);
    '' in other scripts. A slip inside a letter group the fold rewrites moves the fold key further
    than the slip itself ('Sarreiuemiaes' is two letters from Sarreguemines as written, three
    folded): the typo search looks these keys up too."""
    return written_key_of_normalized(normalize(name))


def written_key_of_normalized(norm: str) -> str:
    """:func:`written_key` of a ``normalize``-d name."""
    if norm.isascii():
        return norm.replace(" ", "")
    script = script_of(norm)
    if script == "latin":
        return to_ascii(norm).replace(" ", "")
    return norm.replace(" ", "") if script == "cyrillic" else ""


def undoubled(text: str) -> str:
    """``text`` with each run of one letter written once ('arraqqah' -> 'araqah')."""
    return _DOUBLE_RE.sub(r"\1", text)


def fold_ascii(text: str, doubles: bool = False) -> str:
    """``fold_key`` of a string that is already ``to_ascii``-normalized (``doubles``: a doubled
    letter stays doubled, as a slip may have made it: 'Ttovo' is Tetovo without its 'e')."""
    text = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group(0)], text)
    text = text.replace("C", "c")
    for rx, rep in _ALTERNATIONS:
        text = rx.sub(rep, text)
    text = text.replace(" ", "")
    return text if doubles else _DOUBLE_RE.sub(r"\1", text)


@lru_cache(maxsize=262144)
def skeleton_key(name: str) -> str:
    """Fold key with each vowel run replaced by '*' (consonant frame)."""
    return skeleton_of_fold(fold_key(name))


def skeleton_of_fold(fold: str) -> str:
    return _VOWELS_RE.sub("*", fold)


# Russian-form -> Ukrainian-form correspondences of place-name morphology, on lower-case ASCII
_UK_ENDINGS = (
    (re.compile(r"(?<=[a-z]{2})[oe]v(?=k|sk)"), "iv"),  # -ovka, -evka, -ovsk ~ -ivka, -ivsk
    (re.compile(r"(?<=[a-z]{3})([oe])v(?:oye|oe|o)\b"), r"\1ve"),  # -ovo, -ovoye, -evoye ~ -ove, -eve
    (re.compile(r"(?<=[a-z]{3})([nkl])(?:oye|oe)\b"), r"\1e"),  # -noye, -skoye ~ -ne, -ske
    (re.compile(r"(?<=[a-z]{3})([bdgmprstz])oye\b"), r"\1e"),  # -toye, -roye ~ -te, -re (Zolotoye ~ Zolote)
    (re.compile(r"(?<=[a-z]{2}[bcdfghklmnprstvz])ino\b"), "yne"),  # -ino ~ -yne (Shirokino ~ Shyrokyne)
    (re.compile(r"\bpod(?=[a-z]{4})"), "pid"),  # Pod- ~ Pid- (Podgorodnoye ~ Pidhorodne)
    # a plural adjective before its noun: -ye, -yye, -iye ~ -i (Malye Pereleski ~ Mali Perelisky)
    (re.compile(r"(?<=[a-z]{2}[bcdfghklmnprstvz])(?:yy|iy|y)e(?= +[a-z])"), "i"),
)
_UK_STEM = re.compile(r"\b(?:a|e)le(?=[a-z]{3})")  # Aleksandr-, Elen- ~ Oleksandr-, Olen-
# Russian -ol- before a consonant is Ukrainian -ov- (Volchansk ~ Vovchansk, Dolzhansk ~ Dovzhansk)
_UK_OL = re.compile(r"(?<=[bdhkmprstvz])ol(?=[bcdgkhmnprstvz])")
# roots of many village names that Ukrainian says otherwise, first in a word or after a compound's
# linking o (Novo-, Krasno-): камен- ~ кам'ян- (Kamenka ~ Kamianka, Krasnokamenka), черн- ~ чорн-
# (Chernukhino ~ Chornukhyne), Никол- ~ Микол- (Novonikolaevka ~ Novomykolaivka), знамен- ~
# знам'ян- (Znamenka), раз- ~ роз- (Razdolnoye ~ Rozdolne), казац-, казач- ~ козац-, козач-
# (Kazatskoye ~ Kozatske), ракит- ~ рокит- (Rakitnoye ~ Rokytne), камыш- ~ комиш- (Kamyshany ~
# Komyshany), богат- ~ багат- (Bogatoye ~ Bahate), работ- ~ робот- (Rabotino ~ Robotyne)
_ROOT_START = r"(?:\b|(?<=[a-z]{3}o))"
_UK_ROOTS = tuple((re.compile(_ROOT_START + pattern), repl) for pattern, repl in (
    (r"kamen(?=[a-z]{2})", "kamian"), (r"chern(?=[aeiouy])", "chorn"), (r"nikol(?=a)", "mykol"),
    (r"znamen(?=[a-z]{2})", "znamian"), (r"raz(?=[bdgklmnprstvz][a-z]{3})", "roz"), (r"kaza(?=ts|ch)", "koza"),
    (r"rakit", "rokyt"), (r"kamysh", "komysh"), (r"bogat", "bahat"), (r"rabot", "robot")))


# every rule above in one pattern: a name none applies to has no Ukrainian form
_ANY_UK_RULE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in (*_UK_ENDINGS, (_UK_OL, ""), *_UK_ROOTS)))


_PLURAL_ADJECTIVE = re.compile(r"(?:yy|iy|y|i)e\b")  # Russian -ые/-ие (Tsvetnye) ~ Ukrainian -і (Tsvitni)
_FRONT_VOWELS = re.compile(r"[eiy]")
_INNER_E = re.compile(r"e(?=.)")
# Ukrainian says і for an o (or e) in a syllable a lost vowel closed: Нагорное ~ Нагірне, Вольное ~
# Вільне, Горское ~ Гірське
_CLOSED_O = re.compile(r"(?<!^)o(?=[^aeiou][^aeiou]|[^aeiou]$)")  # (not a first o: Оскол is Оскіл, no Іскіл)


def trades_vowels(fold: str) -> bool:
    """Has the fold key an inner e or an o in a closed syllable to trade (see
    :func:`russian_form_traded_keys`)? Without one the traded key is the fold key itself."""
    return "e" in fold[:-1] or _CLOSED_O.search(fold) is not None


def traded_vowels_key(fold: str) -> str:
    """A fold key with the front vowels Russian and Ukrainian forms of one name trade (е ~ і,
    и ~ і: 'Kleshcheevka' ~ 'Klishchiivka', 'Peski' ~ 'Pisky') written alike; a final 'e' is
    an ending and stays ('Pervomaiske' is no 'Pervomaiskyi')."""
    return _DOUBLE_RE.sub(r"\1", _INNER_E.sub("i", fold))


def russian_form_traded_keys(fold: str) -> tuple[str, ...]:
    """The traded keys (:func:`traded_vowels_key`) a Ukrainian name may have when ``fold`` is
    the key of its Russian form: also with each o of a closed syllable read as i ('Nagornoye':
    Nahirne). One way only: a Ukrainian name with an o there is no Russian form of another
    place's (Stepanivka is no Stepanovka, Pokrovsk no Pokrovske)."""
    traded = traded_vowels_key(fold)
    ikavism = _DOUBLE_RE.sub(r"\1", _CLOSED_O.sub("i", traded))
    return (traded,) if ikavism == traded else (traded, ikavism)


def east_slavic_vowels(text: str) -> str:
    """Lower-case ASCII with the vowels Russian and Ukrainian forms of one name trade (е, и, ы, і:
    'Tsvetnye Peski' ~ 'Tsvitni Pisky', 'Belaya' ~ 'Bila') written alike: a difference there is
    the other language's form, not a slip of the pen."""
    return _FRONT_VOWELS.sub("i", _PLURAL_ADJECTIVE.sub("i", text.lower()))


@lru_cache(maxsize=65536)
def ukrainian_forms(name: str) -> tuple[str, ...]:
    """Ukrainian forms of a Russian-form Latin place name: 'Aleksandrovka' -> 'oleksandrivka',
    'Elenovka' -> 'olenivka', 'Artemovsk' -> 'artemivsk', 'Petrovo' -> 'petrove',
    'Podgorodnoye' -> 'pidgorodne', 'Dolzhansk' -> 'dovzhansk' (empty when nothing applies).
    Candidates only: the Russian form may be a place of its own."""
    text = to_ascii(name)
    if not _ANY_UK_RULE.search(text):
        return ()  # (one pass: most names meet no rule)
    out = text
    for pattern, repl in _UK_ENDINGS:
        out = pattern.sub(repl, out)
    forms = [_UK_STEM.sub("ole", out)] if out != text else []  # ('Alexandria' is no Oleksandriia)
    rooted = forms[0] if forms else text
    for pattern, repl in _UK_ROOTS:
        rooted = pattern.sub(repl, rooted)
    # (-ol- as -ov- is a variant: Razdolnoye is Rozdolne)
    return tuple(dict.fromkeys(f for f in (*forms, rooted, _UK_OL.sub("ov", rooted)) if f != text))


def russian_form_of(form_text: str, name: str) -> bool:
    """Is the Latin name ``form_text`` the Russian form of ``name`` (a place's own Ukrainian
    name: 'Aleksandrovka' of Oleksandrivka)?"""
    own = fold_key(name)
    return any(fold_key(f) == own for f in ukrainian_forms(form_text))
