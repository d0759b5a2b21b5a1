"""Candidate generation: every way a query string can reach gazetteer name forms.

Exact normalized names, romanizations of a non-Latin query, folded romanization keys, consonant
skeletons and a deletion (SymSpell) index for typos. Loose keys only *propose* candidates; each
proposal carries a string similarity so the scorer can weigh it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, DamerauLevenshtein
from rapidfuzz.fuzz import ratio

from ..gazetteer import Gazetteer
from ..model import NameKind
from ..names.hashing import SEGMENT_MIN_LEN, deletions
from ..names import polish
from ..names.arabic import ARTICLE_WORD_RE, arabic_forms
from ..names.inflection import nominatives
from ..names.keys import (fold_ascii, fold_key, russian_form_traded_keys, skeleton_key, skeleton_of_fold, traded_vowels_key,
                          trades_vowels, ukrainian_forms, undoubled, written_key)
from ..names.normalize import code_like, normalize, script_of, to_ascii, undotted
from ..names.calques import calques
from ..names.qualifiers import qualified
from ..names.romanize import (ARABIC_FORM, CARON_READ, EN_CALQUE, QUALIFIER_SPELT, RU_TO_UK, SCH_AS_SHCH, VOWELS_TRADED,
                              DIGRAPH_CARONS, caron_letters, caron_read, romanize_query)
from ..sources.cldr import SOURCE as CLDR_SOURCE
from ..sources.cldr import arabic_countries, countries_writing, cyrillic_script_countries, latin_script_countries
from ..sources.curated import area_code_key, area_codes, written_as_area_code

# how a candidate was reached, strongest first
VIA_RANK = {"exact": 5, "code": 5, "roman": 4, "case": 4, "fold": 3, "skeleton": 2, "fuzzy": 1}
# the ways that find the name itself: no typo search after them
NAME_VIAS = ("exact", "roman", "case", "fold")
WRITTEN_VIAS = ("exact", "roman", "case")  # the name as written, in any script or case
# 'UA', 'SA', 'UA-14' written in capitals: an ISO 3166 code of a country or first-level area
ISO_CODE_RE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
MAX_LOOSE_ROWS = 4000  # a loose key hitting more forms than this is too unspecific to use
MIN_FOLD_LEN = 4  # shorter folded keys are too unspecific to propose candidates
THREE_EDIT_KEY = 6  # folded keys this long may be three edits from the name as written two
_DIGITS_RE = re.compile(r"\d+")
TYPO_PLACES = 10  # the typo search goes on to further edits while it reaches fewer places
MAX_FUZZY_LEN = 60  # longer keys are sentences, not misspelt names: no typo search (it grows ~n²)


@dataclass
class Evidence:
    form_row: int
    via: str
    sim: float  # 0..100 similarity of query and name (on fold keys)
    query_scheme: str = ""  # romanization of the query that hit, for non-Latin queries
    surface: float = 0.0  # similarity of the spellings as written: prefers 'Krasnoarmeysk' to 'Красноармійськ'
    written: str = ""  # the query as matched when no name form holds it (an ISO 3166 code)
    lemma: str = ""  # the nominative looked up for a query in an oblique case ('Бахмут' for 'Бахмуті')
    edits: int = 0  # a typo candidate: letter edits between the query and the name as written (max 3)
    named_after: str = ""  # an area reached through the town it is named after ('Kursk' for 'Kursk region')
    weak: str = ""  # why the name as matched is a weak reading of the query ('yes' for the code 'YES')

    @property
    def rank(self) -> tuple[int, float, float]:
        return VIA_RANK[self.via], self.sim, self.surface


def _sim(q_fold: str, form_text: str) -> float:
    return ratio(q_fold, fold_key(form_text))


def _fold_keys(gaz: Gazetteer, key_ids: np.ndarray) -> tuple[str, ...]:
    """The fold keys of ``key_ids`` (one C call: half the time of a loop over thousands)."""
    ids = key_ids.tolist()
    return (gaz.fold_keys[ids[0]],) if len(ids) == 1 else itemgetter(*ids)(gaz.fold_keys)


def _within(gaz: Gazetteer, q_fold: str, key_ids, max_dist: int) -> dict[int, int]:
    """{key id: distance} of the ``key_ids`` whose fold key is within ``max_dist`` edits of
    ``q_fold`` (one C call). Edits are optimal-string-alignment ones: two swapped neighbours
    ('Iwoa') count as one."""
    key_ids = np.asarray(key_ids, dtype=np.int64)
    if not len(key_ids):
        return {}
    dist = process.cdist([q_fold], _fold_keys(gaz, key_ids), scorer=OSA.distance, score_cutoff=max_dist,
                         dtype=np.int32)[0]
    ok = dist <= max_dist
    return dict(zip(key_ids[ok].tolist(), dist[ok].tolist()))


def _written_within(gaz: Gazetteer, q_written: str, max_dist: int = 2) -> dict[int, str]:
    """{key id: key} of the indexed written keys within ``max_dist`` (<= 2) edits of ``q_written``."""
    ids = gaz.written_segment_keys(q_written, max_dist)
    if not len(ids):
        return {}
    keys = gaz.written_keys_of(ids)
    dist = process.cdist([q_written], keys, scorer=OSA.distance, score_cutoff=max_dist, dtype=np.int32)[0]
    return {int(ids[i]): keys[i] for i in np.flatnonzero(dist <= max_dist).tolist()}


def _swapped(gaz: Gazetteer, q_fold: str) -> dict[int, int]:
    """Keys within one edit of the query with two neighbouring letters swapped (the deletion
    index proposes keys one deletion away on each side, so a swap plus one more edit slips
    past it). One index lookup and one distance matrix for all the swaps."""
    variants = [q_fold[:i] + q_fold[i + 1] + q_fold[i] + q_fold[i + 2:]
                for i in range(len(q_fold) - 1) if q_fold[i] != q_fold[i + 1]]
    if not variants:
        return {}
    # every key within one edit of a variant shares a deletion with it
    key_ids = np.asarray(gaz.keys_or_deletions({d for v in variants for d in deletions(v)}), dtype=np.int64)
    if not len(key_ids):
        return {}
    dist = process.cdist(variants, _fold_keys(gaz, key_ids), scorer=OSA.distance, score_cutoff=1, dtype=np.int32)
    found: dict[int, int] = {}
    for row in dist:  # the first swap that reaches a key speaks for it
        ok = np.flatnonzero(row <= 1)
        for k, d in zip(key_ids[ok].tolist(), row[ok].tolist()):
            found.setdefault(k, d + 1)
    return found


def _respelled_as_written(gaz: Gazetteer, q_ascii: str, q_fold: str, twice: bool = False) -> dict[int, int]:
    """Keys of names one slip from the query *as written*: the query with one letter dropped
    or two neighbours swapped, folded, looked up in the deletion index. The folded key rewrites
    letter groups ('x' -> 'ks', 'ei' -> 'i', 'th' -> 't'), so a slip inside one moves the key
    further than the slip itself ('Lexiria' is one letter from 'Leiria', three folded keys apart).
    Verify the distance as written before use."""
    word = normalize(q_ascii)
    variants = {word[:i] + word[i + 1:] for i in range(len(word))}
    variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)
                 if word[i] != word[i + 1]}
    if twice:  # a slip in each of two letter groups ('Sdchwxerte'): two letters dropped
        variants = {v[:i] + v[i + 1:] for v in variants for i in range(len(v))}
    keys = {fold_key(v) for v in variants}
    # a doubled letter the fold merges may be a dropped letter's neighbours: 'Ttovo' is Tetovo
    # one letter short, though its key 'tovo' lies two from 'tetovo'
    keys.add(fold_ascii(word, doubles=True))
    return dict.fromkeys(gaz.keys_or_deletions(keys - {q_fold, ""}), 0)


TYPO_SCRIPTS = ("latin", "cyrillic")  # the scripts whose names people mistype in Latin letters


_COLLOQUIAL, _ABBREVIATION = int(NameKind.COLLOQUIAL), int(NameKind.ABBREVIATION)
_OFFICIAL = int(NameKind.OFFICIAL)
_ROMANIZED, _ALTERNATE = int(NameKind.ROMANIZED), int(NameKind.ALTERNATE)
# the kinds of a place's own names (and their romanizations), as form kinds
OWN_NAME_KINDS = frozenset({_OFFICIAL, int(NameKind.PREFERRED), _ROMANIZED})


def weak_reading(query: str, form_text: str, form_kind: int) -> str:
    """Why a name form that ``query`` hits exactly is a weak reading of it, or ''. A code in
    capitals ('YES', 'BAR': airports' codes among GeoNames' alternate names) hit by a word not
    written in capitals ('yes', 'Bar'), and an alternate or romanized name of two letters or fewer
    ('Ko' for Kyiv, 'ʼls' for Elche, 'C' from Chornomorsk's 'Ч') are no way people write a place:
    a column's placeholders hit them."""
    if form_kind not in (_ALTERNATE, _ROMANIZED) or len(form_text) > 6:  # (an abbreviation the
        return ""  # gazetteer holds as one is a reading: 'usa', 'dpr')
    if code_like(form_text) and len(form_text) >= 3 and not query.strip().isupper():
        return f"{query.strip()!r} is not written in capitals: {form_text!r} is a code"
    letters = normalize(form_text).replace(" ", "")
    code = len(letters) == 2 and form_kind == _ALTERNATE and form_text.isupper()  # ('LA', 'NY')
    if len(letters) <= 2 and not code and script_of(letters) == "latin":
        return f"{form_text!r} is an alternate name of {len(letters)} letter{'s' if len(letters) > 1 else ''}"
    return ""


# places whose Latin names are their own spellings, not romanizations: a folded key (kh/h, ye/e,
# doubled letters) is no transliteration variant there, only a spelling of another name
_LATIN_COUNTRIES = latin_script_countries()
_CYRILLIC_COUNTRIES = cyrillic_script_countries()
_ARABIC_COUNTRIES = arabic_countries()


def postal_code_rows(gaz: Gazetteer, code: str) -> list[int]:
    """Rows of the US states, Canadian provinces and Australian states whose postal code is
    ``code`` ('OH', 'BC', 'NSW'), and the Mexican states and Argentine provinces whose
    conventional abbreviation it is ('Mich.', 'N.L.', 'CABA'; ``gazetteer/area_codes.csv``)."""
    return [r for r in map(gaz.row_of, area_codes().get(area_code_key(code), ())) if r is not None]


def respelled(ev: Evidence, form_kind: int, country_code: str) -> bool:
    """A folded-key hit on a place whose Latin names are its own spellings ('Statte' for
    'State', 'Jard' for 'Yard'): a guessed spelling like a typo, not a transliteration. Such hits
    were wrong 15 times of 15 on LGL/GWN dev at a mean confidence of 0.69 (2026-11-27)."""
    return ev.via == "fold" and country_code in _LATIN_COUNTRIES and form_kind != NameKind.ROMANIZED


def respelled_row(gaz: Gazetteer, row: int, ev: Evidence) -> bool:
    """:func:`respelled` for the evidence of place ``row`` as the gazetteer holds it."""
    return respelled(ev, int(gaz.form_kind[ev.form_row]), gaz.country_code_of(row))


def _typo_target_ok(gaz: Gazetteer, form_row: int, q_script: str) -> bool:
    """Whether a typo may reach this name form: written (or romanized from) Latin, Cyrillic or
    the query's own script. A misspelt 'Kozhevnya' is not the Armenian name of another village
    ('Kommowna', from Կոմմունա). Nor a demonym or nickname: 'Sinhalese' is no slip of
    'Senegalese', nor 'Havanese' (a dog) of 'Taiwanese'. Nor a code of three capitals or fewer
    ('QWX' is no slip of 'Qwxzzz'; 'Ufa' may be of 'Ufaa')."""
    text = gaz.form_text[form_row]
    if len(text) <= 3 and text.isupper():
        return False
    script = _source_script(gaz, form_row)
    if not script and q_script != "latin" and other_language_country_name(gaz, form_row):
        # a country's name in the query's own script is no other language to it ('Таджикистат')
        script = script_of(text)
    return script in TYPO_SCRIPTS or script == q_script


def _source_script(gaz: Gazetteer, form_row: int) -> str:
    """The script a name form was written in (its original's, for a romanization); '' for a
    demonym or nickname, or a country's name in another language ('Cap-Vert' is no slip of
    'Cauvery'), and 'exonym' for a romanized Russian name of a place abroad ('Neches' is no slip
    of 'Neche', Nehe in China romanized from Нэхэ): no typo reaches those. Memoized on the
    gazetteer."""
    cache = gaz.__dict__.setdefault("_source_scripts", {})
    script = cache.get(form_row)
    if script is None:
        if len(cache) > 1 << 20:
            cache.clear()
        orig = int(gaz.form_orig[form_row])
        script = cache[form_row] = "exonym" if romanized_exonym(gaz, form_row) \
            else "" if (int(gaz.form_kind[form_row]) == _COLLOQUIAL or other_language_country_name(gaz, form_row)) \
            else script_of(gaz.form_text[orig if orig >= 0 else form_row])
    return script


def _written_in_script(gaz: Gazetteer, form_row: int, script: str) -> bool:
    """Is the name form written in ``script``, romanized from it, or a name of a place in a
    country that writes it (GeoNames' Latin main name of a Russian town romanizes its own)?"""
    if _source_script(gaz, form_row) == script:
        return True
    countries = _CYRILLIC_COUNTRIES if script == "cyrillic" else _ARABIC_COUNTRIES if script == "arabic" else ()
    return gaz.country_code_of(int(gaz.form_place[form_row])) in countries


def romanized_exonym(gaz: Gazetteer, form_row: int) -> bool:
    """Is the form a romanization of a name in a script the place's country does not write (an
    exonym: 'Neche' from Нэхэ, Nehe in China; 'Reni' from Georgian რენი, Rennes)?"""
    if int(gaz.form_kind[form_row]) != _ROMANIZED:
        return False
    orig = int(gaz.form_orig[form_row])
    if orig < 0:
        return False
    local = countries_writing(script_of(gaz.form_text[orig]))  # (none for a script not told apart)
    return bool(local) and gaz.country_code_of(int(gaz.form_place[form_row])) not in local


def other_language_country_name(gaz: Gazetteer, form_row: int) -> bool:
    """A country's name in another language (CLDR): reached as written or romanized, never by a
    guess (typo or consonant skeleton: 'Chopra' is no Cyprus by 'Chypre')."""
    sources = gaz.__dict__.get("_cldr_sources")
    if sources is None:
        sources = gaz.__dict__["_cldr_sources"] = {i for i, src in enumerate(gaz.source_vocab) if src == CLDR_SOURCE}
    return bool(sources) and int(gaz.form_source[form_row]) in sources


def gather(gaz: Gazetteer, text: str, fuzzy: bool = True, force_fuzzy: bool = False) -> dict[int, Evidence]:
    """Best evidence per place row for the query ``text``. Fuzzy (SymSpell) candidates are
    looked up only when nothing closer was found, unless ``force_fuzzy``."""
    out = gather_names(gaz, text)
    if fuzzy:
        add_typos(gaz, text, out, force_fuzzy)
    return out


_SCH_RE = re.compile(r"(?<![tc])sch")  # 'sch', not German 'tsch' (ч)


def _ukrainian_own_name(gaz: Gazetteer, rows: list[int], evidence: dict[int, Evidence]) -> bool:
    """Is the query, as written, the main name of a town in Ukraine ('Kreminna')? Then, with no
    Russian ending (no Ukrainian form of its own: 'Peschanoye' is a Crimean village's main name
    too), it is Ukrainian already, no Russian form whose vowels to trade ('Kremennaya', an old
    name of an Oleksandrivka, is no reading of it). A romanization of a village's main name
    counts too: 'Kodema' (Кодема, Donetsk oblast) is no Russian form of Kodyma."""
    return any(gaz.country_code_of(r) == "UA" and int(gaz.place_level[r]) == 0
               and _OFFICIAL in (int(gaz.form_kind[fr := evidence[r].form_row]), _romanized_from(gaz, fr))
               for r in rows)


def _romanized_from(gaz: Gazetteer, form_row: int) -> int:
    """The kind of the name a romanized form was made from, -1 if none."""
    if int(gaz.form_kind[form_row]) != _ROMANIZED or (orig := int(gaz.form_orig[form_row])) < 0:
        return -1
    return int(gaz.form_kind[orig])


def _vowels_traded(gaz: Gazetteer, form: str, towns_only: bool, seen: set) -> np.ndarray:
    """Latin name forms of places in Ukraine that a Russian-form name ``form`` spells with other
    front vowels only (е ~ і, и ~ і: 'Клещеевка' ~ Кліщіївка, 'Peski' ~ Pisky), or with і for an
    o of a closed syllable ('Нагорное' ~ Нагірне): the Ukrainian name, which the folded key
    (which keeps e, o and i apart: Petrove is no Pitrove) misses.
    ``towns_only``: populated places only; ``seen``: the keys looked up for the query already."""
    fold = fold_key(form)
    if not trades_vowels(fold):  # (the folded key found what there is)
        return gaz.form_place[:0]
    traded = russian_form_traded_keys(fold)
    key = (skeleton_of_fold(fold), traded)
    if key in seen:
        return gaz.form_place[:0]
    seen.add(key)
    rows = gaz.lookup("skeleton", key[0])
    if len(rows) > MAX_LOOSE_ROWS:
        return rows[:0]
    places = gaz.form_place[rows].tolist()
    keep = [i for i, (fr, prow) in enumerate(zip(rows.tolist(), places))
            if gaz.country_code_of(prow) == "UA" and (not towns_only or int(gaz.place_level[prow]) == 0)
            and traded_vowels_key(fold_key(gaz.form_text[fr])) in traded]
    return rows[keep]


def gather_names(gaz: Gazetteer, text: str, oblique: bool = False, case: str = "",
                 arabic: bool = True) -> dict[int, Evidence]:
    """Evidence from the names themselves: exact, romanized, folded and skeleton keys.
    ``oblique``: a preposition puts a Cyrillic ``text`` in an oblique case ('около Марьинки'):
    its nominatives are looked up even when it is some other place's name as written; ``case``:
    the case it governs, where it tells ('под': no adjective's locative, see ``governed_case``);
    ``arabic``: the other spellings of an Arabic article and ending are looked up too."""
    out: dict[int, Evidence] = {}
    norm = normalize(text)
    if not norm:
        return out
    q_fold = fold_key(text)
    q_ascii = to_ascii(text)
    script = script_of(text)
    written = " ".join(text.split()).casefold()
    form_place = gaz.form_place

    def add(rows: np.ndarray, via: str, scheme: str = "", lemma: str = "") -> None:
        loose = via in ("skeleton", "fold")
        if loose and len(rows) > MAX_LOOSE_ROWS:
            return
        level = VIA_RANK[via]
        for fr, prow in zip(rows.tolist(), form_place[rows].tolist()):
            cur = out.get(prow)
            if cur is not None and VIA_RANK[cur.via] > level:
                continue  # the place was reached in a stronger way already
            form_text = gaz.form_text[fr]
            if loose and (script_of(form_text) != "latin" or code_like(form_text)):
                # folded keys compare romanizations; other scripts match exactly or not at all,
                # and so do codes ('xx' is no spelling of Kosovo's 'XKX')
                continue
            if via == "skeleton" and script not in ("latin", "other") and \
                    _source_script(gaz, fr) not in ("latin", script):
                continue  # a Cyrillic word's guess is no romanized Greek name: 'Союз' is no Suez ('Σουέζ')
            if via == "skeleton" and int(gaz.form_kind[fr]) == _COLLOQUIAL:
                continue  # a demonym or nickname is written as it is: 'Latin' is no 'Laotian'
            if loose and other_language_country_name(gaz, fr) and (
                    via == "skeleton" or int(gaz.form_kind[fr]) != _ROMANIZED):
                # a country's name in another language as written, not one folded close to it:
                # 'Vena' (Vienna in Russian) is no Russia by the Finnish 'Venäjä'
                continue
            if loose and _source_script(gaz, fr) == "exonym":
                # what Russian or Bulgarian calls a place abroad, romanized and folded, is no
                # spelling of it ('Neches' is not Nehe, China, by 'Neche' from Нэхэ; 'Ghouta' not
                # Kolárovo, Slovakia, by 'Gouta' from Гута): 12 of 12 such answers were wrong on
                # LGL/GWN/UCDP dev
                continue
            if loose:
                form_ascii = to_ascii(form_text)
                # a skeleton hit is a guess at a spelling like a typo: its slips as written count
                edits = DamerauLevenshtein.distance(q_ascii, form_ascii, score_cutoff=3) if via == "skeleton" else 0
                ev = Evidence(fr, via, _sim(fold_key(lemma) if lemma else q_fold, form_text), scheme,
                              ratio(q_ascii, form_ascii), edits=edits, lemma=lemma)
            else:  # the same string: the form as written ('Покровськ', not 'Покровск'), else a
                # Latin form ('Krasnoarmeysk') for the explanation
                as_written = form_text.casefold() == (lemma or written)
                weak = weak_reading(text, form_text, int(gaz.form_kind[fr])) if via == "exact" else ""
                surface = 97.0 if weak else 100.0 if as_written else 99.0 if form_text.isascii() else 98.0
                ev = Evidence(fr, via, 100.0, scheme, surface, lemma=lemma, weak=weak)
            # the stronger way; on a tie the name still in use ('Бахмут' again since 2016)
            in_use = ev.rank == getattr(cur, "rank", None) and not gaz.form_to[fr] and gaz.form_to[cur.form_row]
            if cur is None or ev.rank > cur.rank or in_use:
                out[prow] = ev

    exact = gaz.lookup("exact", norm)
    if len(norm) == 2 and text.strip().isupper() and len(exact):
        # two capitals are a code or an abbreviation ('MN', 'Pa.'), not Amman's 'ʻmʼn'
        exact = exact[[int(gaz.form_kind[fr]) == _ABBREVIATION or gaz.form_text[fr].replace(".", "").isupper()
                       for fr in exact.tolist()]]
    carons = caron_letters(text)
    digraphs = carons & DIGRAPH_CARONS
    if digraphs and len(exact):
        # a name written without the query's č, š or ž spells them otherwise, its letters folded
        # alike ('Buča' is Bucha, not Buco by its 'Buca'); with them, as written
        agree = np.array([digraphs <= set(gaz.form_text[fr].casefold()) for fr in exact.tolist()], dtype=bool)
        add(exact[~agree], "fold")
        exact = exact[agree]
    add(exact, "exact")
    read = caron_read(text) if carons and script == "latin" and len(norm) >= MIN_FOLD_LEN else ""
    if read and (read_norm := normalize(read)) != norm:
        # 'Lysyčansk', 'Šachtarsk', 'Kosťantynivka': the Cyrillic letters they write (not a
        # letter or two: 'Č' is no Chornomorsk by its romanized 'Ch')
        add(gaz.lookup("exact", read_norm), "roman", CARON_READ)
        if len(read_fold := fold_key(read)) >= MIN_FOLD_LEN:
            add(gaz.lookup("fold", read_fold), "fold", CARON_READ)
            for form in ukrainian_forms(read):  # ('Krasnoarmějsk')
                add(gaz.lookup("fold", fold_key(form)), "fold", RU_TO_UK)
    if not len(exact) and undotted(text):  # 'N.Y.C.': the gazetteer holds 'NYC'
        initials = gaz.lookup("exact", normalize(undotted(text)))
        # (initials stand for an abbreviation or code, not a name: 'P.O.' is no Pô, Burkina Faso)
        add(initials[[int(gaz.form_kind[fr]) == _ABBREVIATION or code_like(gaz.form_text[fr])
                      for fr in initials.tolist()]], "exact")
    code = text.strip()
    if (ISO_CODE_RE.fullmatch(code) or "." in code and written_as_area_code(code)) \
            and not (gaz.form_kind[exact] == _ABBREVIATION).any():
        # as written: 'no' and 'it' are words, 'NO' and 'IT' codes; an abbreviation the
        # gazetteer holds comes first ('SC' is South Carolina, not the Seychelles)
        # (and a state's or province's postal code: 'BC', 'OH', 'NSW' has its name form; a
        # Mexican state's abbreviation: 'Chih.')
        for row in gaz.areas_with_code(code) + postal_code_rows(gaz, code):
            cur = out.get(row)
            if cur is None or VIA_RANK[cur.via] < VIA_RANK["code"]:
                out[row] = Evidence(int(gaz.place_form_start[row]), "code", 100.0, "", 100.0, code)
    lemmas: list[str] = []  # the nominatives of a Cyrillic name in an oblique case
    if script not in ("latin",):
        for scheme, roman in romanize_query(text):
            rows = gaz.lookup("exact", normalize(roman))
            if len(rows):  # (a Latin abbreviation or code is no romanization of a word: 'Дом' is no
                # DOM, the Dominican Republic's ISO code; 'Юг' no YUG, an airport's)
                rows = rows[[int(gaz.form_kind[fr]) != _ABBREVIATION and not code_like(gaz.form_text[fr])
                             for fr in rows.tolist()]]
            add(rows, "roman", scheme)
    if script == "cyrillic" and (oblique or not any(e.via == "exact" for e in out.values())):
        # 'Бахмуті', 'Новій Каховці', 'под Авдеевкой': a name in an oblique case (whose
        # romanization may be some other place's name: 'Лузе' is not Luže)
        seen = {norm}
        for form in nominatives(text, case):
            key = normalize(form)
            if key not in seen:
                seen.add(key)
                lemmas.append(form)
                add(gaz.lookup("exact", key), "case", lemma=form)
    if case == polish.CASE and script == "latin" and not any(e.via == "exact" for e in out.values()):
        # 'w Charkowie', 'pod Bachmutem', 'w Krzywym Rogu': a name in a Polish oblique case
        forms = [f for f in dict.fromkeys(map(normalize, polish.nominatives(text))) if f != norm]
        # as written, else with ł as l, as other languages write it ('Sołedarze': Soledar), else
        # a spelling the folded key finds ('w Czasiw Jarze': Czasiw Jar)
        for index, via, key in (("exact", "case", str), ("exact", "case", lambda f: f.replace("ł", "l")),
                                ("fold", "fold", fold_key)):
            for form in forms:
                if len(k := key(form)) >= MIN_FOLD_LEN or index == "exact":
                    add(gaz.lookup(index, k), via, lemma=form)
            if out:
                break
    if len(q_fold) >= MIN_FOLD_LEN:  # 'kiv' would meet airport codes KOW, KIW, KIV
        add(gaz.lookup("fold", q_fold), "fold")
        if q_ascii.isascii():  # 'Aleksandrovka' names Oleksandrivka too (Russian form)
            for form in ukrainian_forms(text):
                add(gaz.lookup("fold", fold_key(form)), "fold", RU_TO_UK)
            for lemma in lemmas:  # 'в Тоненьком': Тоненькое, Тоненьке
                for form in ukrainian_forms(lemma):
                    add(gaz.lookup("fold", fold_key(form)), "fold", RU_TO_UK, lemma=lemma)
            sch_forms: tuple[str, ...] = ()
            shch = sch_as_shch(q_ascii)
            if shch:
                # English news writes щ 'sch' ('Pischane', 'Borschevatoye') where the folded key
                # reads German ш ('Schostka'): both readings are looked up
                sch_forms = (shch, *ukrainian_forms(shch))
                for form in sch_forms:
                    add(gaz.lookup("fold", fold_key(form)), "fold", SCH_AS_SHCH if form == shch else RU_TO_UK)
            if arabic and not (text.isupper() and len(norm) <= 5):  # (an acronym is as written: 'NAFTA' is no Naftah)
                _add_arabic_forms(gaz, norm, q_ascii, q_fold, out, add)
            # the Ukrainian names with other front vowels, also beside a name as written of places
            # in Cyrillic-script countries only ('Пески' is Peski in Russia, two Pisky that GeoNames
            # gives it, and Піски; 'Peschanoye' is Peschanoye in Russia and Піщане), but then towns
            # only ('Dnepropetrovsk' is Dnipro by its old name, and no region by the trade)
            forms = (text, *ukrainian_forms(text), *sch_forms)
            written_rows = [row for row, e in out.items() if e.via in WRITTEN_VIAS] \
                if lemmas or any(trades_vowels(fold_key(f)) for f in forms) else None  # (None: nothing to trade)
            if written_rows is not None and (
                    script == "cyrillic" or all(gaz.country_code_of(row) in _CYRILLIC_COUNTRIES for row in written_rows)) \
                    and not (len(forms) == 1 and _ukrainian_own_name(gaz, written_rows, out)):
                traded: set = set()
                for form in forms:
                    add(_vowels_traded(gaz, form, bool(written_rows), traded), "fold", VOWELS_TRADED)
                for lemma in lemmas:  # 'в Клещеевке': Клещеевка, Кліщіївка
                    add(_vowels_traded(gaz, lemma, bool(written_rows), traded), "fold", VOWELS_TRADED, lemma=lemma)
    if len(q_fold) >= MIN_FOLD_LEN + 1 and not any(e.via in WRITTEN_VIAS for e in out.values()):
        for spelt in spelt_out(text):  # 'St. Louis County', 'N. Dakota': the gazetteer spells it out
            hits = {row: e for row, e in gather_names(gaz, spelt, oblique, case).items() if e.via in WRITTEN_VIAS}
            for row, e in hits.items():
                if row not in out or VIA_RANK[out[row].via] < VIA_RANK[e.via]:
                    out[row] = e
            if hits:
                break
        if not any(e.via in WRITTEN_VIAS for e in out.values()):
            _add_qualified(gaz, text, out)  # 'Frankfurt a.M.', 'Halle/Saale': the town's full name
        if q_ascii.isascii() and not any(e.via in WRITTEN_VIAS for e in out.values()):
            for form in calques(text):  # 'New Kakhovka': Nova Kakhovka, its first word in English
                add(gaz.lookup("fold", fold_key(form)), "fold", EN_CALQUE)
        if not any(e.via in WRITTEN_VIAS for e in out.values()):
            add(gaz.lookup("skeleton", skeleton_key(text)), "skeleton")
    return out


def _add_qualified(gaz: Gazetteer, text: str, out: dict[int, Evidence]) -> None:
    """Add the towns named in ``text`` with their river or region shortened or written another
    way ('Frankfurt a.M.', 'Frankfurt/Oder', 'Freiburg i. Br.'): the places the town's name
    reaches as written that have a full name spelling it out (Frankfurt am Main), else those
    named by the town and river with a preposition ('Weil a. Rhein': Weil am Rhein)."""
    read = qualified(text)
    if read is None:
        return
    found: dict[int, int] = {}  # place row: its full name's form row
    for row, e in gather_names(gaz, read.town).items():
        if e.via in WRITTEN_VIAS:
            fr = next((fr for fr in range(int(gaz.place_form_start[row]), int(gaz.place_form_start[row + 1]))
                       if read.fits(gaz.form_text[fr])), None)
            if fr is not None:
                found[row] = fr
    for name in () if found else read.spelt_out:
        for fr in gaz.lookup("exact", normalize(name)).tolist():
            found.setdefault(int(gaz.form_place[fr]), fr)
    for row, fr in found.items():
        out[row] = Evidence(fr, "exact", 100.0, QUALIFIER_SPELT, 99.0)


def _add_arabic_forms(gaz: Gazetteer, norm: str, q_ascii: str, q_fold: str, out: dict[int, Evidence], add) -> None:
    """The places of Arabic-speaking countries named ``norm`` (``q_ascii``, ``q_fold``: its ASCII
    form and folded key) with its article or feminine ending spelt another way ('al-Raqqa': Ar
    Raqqah; 'Hama': Ḩamāh); one without its article ('Nabk': An Nabk) only when no name as written
    was found."""
    add_article = not any(e.via in WRITTEN_VIAS for e in out.values())
    if not (add_article or " " in norm or norm.endswith(("a", "h"))):
        return  # (one word, no ending to spell otherwise: most names, at no cost)
    forms = arabic_forms(q_ascii, add_article=add_article)
    seen = {q_fold}
    for form in forms:
        key = fold_key(form)
        if key in seen:
            continue
        seen.add(key)
        rows = gaz.lookup("fold", key)
        if not len(rows):
            continue
        # (the other letters and words as written: the folded key merges kh, h and g, which Arabic
        # keeps apart, 'al-Khafsa' is no Gafsa, 'al-Sakhar' no Saḩar; and 'Assad' is no As Sadd)
        letters = undoubled(form)
        if len(letters.replace(" ", "")) < MIN_FOLD_LEN:  # ('Sslah' is no 'Sla' of Salé)
            continue
        rows = rows[[gaz.country_code_of(int(gaz.form_place[fr])) in _ARABIC_COUNTRIES
                     and undoubled(to_ascii(gaz.form_text[fr])) == letters for fr in rows.tolist()]]
        for row in gaz.form_place[rows].tolist():
            cur = out.get(row)
            if cur is not None and cur.via in WRITTEN_VIAS and romanized_exonym(gaz, cur.form_row):
                # its own name spelt another way, not a romanization of what Russian or Ukrainian
                # call it ('Hama' is Ḩamāh, not Гама romanized)
                del out[row]
        add(rows, "fold", ARABIC_FORM)


# a name's first word abbreviated ('St. Louis County', 'Ste Foy', 'N. Dakota', 'S. Ossetia'); a
# single letter only with its dot ('A Coruña' is Galician for 'The Coruña')
_LEAD_ABBREVIATION = re.compile(r"^(St|Ste|[NSEW]\.)\.?(?= \w)")
_LEAD_WORDS = {"St": ("Saint",), "Ste": ("Sainte",), "N.": ("North", "Northern"),
               "S.": ("South", "Southern"), "E.": ("East", "Eastern"), "W.": ("West", "Western")}


def spelt_out(text: str) -> list[str]:
    """``text`` with an abbreviated first word spelt out, each way it may be meant."""
    m = _LEAD_ABBREVIATION.match(text)
    return [word + text[m.end():] for word in _LEAD_WORDS[m.group(1)]] if m else []


def near_a_name(gaz: Gazetteer, text: str) -> bool:
    """Does the gazetteer hold ``text`` as a name (in any script, case form or romanization), or a
    name one folded edit from it? A cheap test before a full resolve: a word that fails it can
    only reach names by two slips or more."""
    # (the Arabic spellings of a word written with its article only: the tagger proposes no
    # other word by them, and they cost a few lookups per capitalized word)
    if gather_names(gaz, text, arabic=bool(ARTICLE_WORD_RE.search(text))):
        return True
    q_fold = _typo_key(text)
    return bool(q_fold) and bool(_within(gaz, q_fold, gaz.fuzzy_keys(q_fold), 1))


def _typo_key(text: str) -> str:
    """The folded key the typo search looks up, or '' when ``text`` is no word to misspell (too
    short, a sentence, or in a script no folded key spells)."""
    q_fold = fold_key(text)
    if not (q_fold.isascii() and len(q_fold) <= MAX_FUZZY_LEN):
        return ""
    # (a key of three letters from a word of four or more: the folds merged a slip with its
    # neighbour, 'Aaief' ~ 'aif', one letter from Alief as written)
    return q_fold if len(q_fold) >= 4 or len(q_fold) == 3 and sum(map(str.isalpha, normalize(text))) >= 4 else ""


def _fold_respelling(gaz: Gazetteer, ev: Evidence, q_ascii: str) -> bool:
    """A folded hit spelt two or more letters otherwise ('Rājgar' folds like Raighar): a
    romanization variant, or a slip of a name one letter away (Rājgarh), which the typo search
    looks for too. One letter is enough for a place whose Latin names are its own spellings
    (:func:`respelled`): 'Paadena' is as likely Pasadena as the hamlet 'Padena' (a romanized
    name a letter off is a variant: 'Dovzhansky' is Dovzhanskyi). (Not a Russian form read as
    Ukrainian: 'Galitsinovka' is Halytsynivka.)"""
    if ev.via != "fold" or ev.query_scheme:
        return False
    letters = 1 if respelled_row(gaz, int(gaz.form_place[ev.form_row]), ev) else 2
    return OSA.distance(q_ascii, to_ascii(gaz.form_text[ev.form_row]), score_cutoff=letters) >= letters


def only_respelled(gaz: Gazetteer, evidence: dict[int, Evidence], text: str) -> bool:
    """Are the name hits of ``evidence`` all folded hits spelt otherwise than ``text`` (a Latin
    query: another script's folded key is a romanization, no spelling the user wrote)? For a
    Cyrillic query: are they all names in another script that its romanization reaches ('Іпінь'
    reaches Yibin's 'I-pin', not Ірпінь a letter away)?"""
    script = script_of(text)
    hits = [e for e in evidence.values() if e.via in NAME_VIAS]
    if not hits or script not in ("latin", "cyrillic"):
        return False
    if script == "cyrillic":
        return all(e.via in ("fold", "roman") and script_of(gaz.form_text[e.form_row]) != "cyrillic" for e in hits)
    q_ascii = to_ascii(text)
    return all(_fold_respelling(gaz, e, q_ascii) for e in hits)


def names_stop_typos(evidence: dict[int, Evidence]) -> bool:
    """Does ``evidence`` hold a name hit that stops the typo search of :func:`add_typos` (unless
    forced)? A Russian form's Ukrainian name with other vowels does not: 'Mleenki' is a slip of
    Melenki more likely than Mlynky."""
    return any(e.via in NAME_VIAS and e.query_scheme != VOWELS_TRADED for e in evidence.values())


def sch_as_shch(q_ascii: str) -> str:
    """A Latin spelling with 'sch' read as щ ('Borschevatoye' -> 'Borshchevatoye'), '' when it has
    no such 'sch' (or spells щ 'shch' already)."""
    return _SCH_RE.sub("shch", q_ascii) if "sch" in q_ascii and "shch" not in q_ascii else ""


def ukrainian_spellings(q_ascii: str) -> tuple[str, ...]:
    """The Ukrainian forms of a Russian-form Latin query, with 'sch' read as щ too, as English
    news writes it ('Borschevatoye': Borshchevate)."""
    shch = sch_as_shch(q_ascii)
    return tuple(dict.fromkeys((*ukrainian_forms(q_ascii), *(ukrainian_forms(shch) if shch else ()))))


def add_typos(gaz: Gazetteer, text: str, out: dict[int, Evidence], force: bool = False,
              reach: int = TYPO_PLACES) -> None:
    """Add typo candidates (keys one, two, or for long keys three folded edits away) to ``out``,
    the evidence of :func:`gather_names`; only when it has no exact, romanized, case-form or
    folded hit, unless ``force``. Each carries its letter edits as written (``Evidence.edits``).
    Wider stages run while fewer than ``reach`` places are reached (1: only when none is)."""
    q_fold = _typo_key(text)
    if not q_fold:
        return
    q_ascii = to_ascii(text)
    beside_name = not force and names_stop_typos(out)
    if beside_name:
        if not only_respelled(gaz, out, text):
            return
        reach = 1  # beside a folded hit: the closest keys only (a slip of a name a letter away)
    q_script = script_of(text)
    form_place = gaz.form_place
    reached: set[int] = set()
    closest = 3  # the fewest letter slips as written of a name reached
    closest_own = 3  # of a name written in the query's own non-Latin script, in its letters
    done: set[int] = set()  # keys whose forms were added (later stages find them again)
    q_numbers = _DIGITS_RE.findall(q_fold)
    # a name in the query's own non-Latin script is within reach when it is two slips away in it:
    # a romanization spells one Cyrillic letter with several ('Опошж' is two letters from
    # 'Опошня', three as 'Oposhzh')
    q_norm = normalize(text) if q_script != "latin" else None

    def add_form(fr: int, sim: float, as_written: str, surface_check: bool) -> None:
        nonlocal closest, closest_own
        if not _typo_target_ok(gaz, fr, q_script):
            return
        form = gaz.form_text[fr]
        form_ascii = to_ascii(form)
        # (letter slips as people make them: two swapped letters and one typed between them are
        # two slips, 'Oxfrnodshire' for Oxfordshire, which an optimal string alignment counts as three)
        edits = DamerauLevenshtein.distance(as_written, form_ascii, score_cutoff=3)
        in_script = q_norm is not None and script_of(form) == q_script
        own = DamerauLevenshtein.distance(q_norm, normalize(form), score_cutoff=3) if in_script else 3
        if surface_check and edits > 2 and own > 2:
            return
        prow = int(form_place[fr])
        reached.add(prow)
        closest = min(closest, edits)
        closest_own = min(closest_own, own)
        if q_norm is not None and not (in_script or _written_in_script(gaz, fr, q_script)):
            # a name the query's script never wrote is reached through the query's romanization:
            # a guess more than a slip ('Друнй' is Дунай two letters off, not Zunyi by 'Dzuni' one
            # off 'Drunj'). (Slips in the script are still counted as romanized: a Cyrillic letter
            # says more than a Latin one, 'Шахтерский' is no slip of 'Ахтырский')
            edits += 1
        ev = Evidence(fr, "fuzzy", sim, "", ratio(as_written, form_ascii), edits=edits)
        cur = out.get(prow)
        # a place's name fewest slips away speaks for it ('Kherson', not 'Xerson'), also
        # over a consonant skeleton's guess ('East Brunswik': not 'Ist Branswik' three off)
        if cur is None or (cur.via in ("fuzzy", "skeleton") and (-ev.edits, *ev.rank) > (-cur.edits, *cur.rank)):
            out[prow] = ev

    def numbered_otherwise(key: str) -> bool:  # a numbered name is reached by its own number only
        return not key.isalpha() and _DIGITS_RE.findall(key) not in ([], q_numbers)  # ('Post 3' is no 'Post 32')

    def add(key_ids: dict[int, int], surface_check: bool = False, spelt: tuple[str, str] | None = None) -> None:
        """``spelt``: the (folded key, Latin spelling) the keys were found for, when not the query's."""
        key_of, as_written = spelt or (q_fold, q_ascii)
        for key_id in key_ids:  # verified: within the stage's distance
            if key_id in done:
                continue
            if not surface_check:
                done.add(key_id)
            key = gaz.fold_keys[key_id]
            if numbered_otherwise(key):
                continue
            sim = ratio(key_of, key)
            for fr in gaz.forms_of_fold_key(key_id).tolist():
                add_form(fr, sim, as_written, surface_check)

    # the closest keys first; further ones only while fewer than ``reach`` places are reached
    # (the answer and its runner-ups: a slip in a short name lies as close to several)
    short = len(q_fold) <= 5
    add(_within(gaz, q_fold, gaz.fuzzy_keys(q_fold), 1 if short else 2))
    if q_ascii.isascii():
        add(_respelled_as_written(gaz, q_ascii, q_fold), surface_check=True)
    # no name within one slip as written: the query may be two slips from one the deletion
    # index does not propose ('Рыиинск' is Rybinsk, not Minsk two folded edits off), so the
    # segments run though the closer stages reached ten places
    if (len(reached) < reach or closest > 1) and len(q_fold) + 2 >= SEGMENT_MIN_LEN:
        # the deletion index proposes only some keys two edits away ('aHramunt' for
        # 'Bakhramut'); the pigeonhole segments find them all. Two slips in a short name must
        # also be two as written
        add(_within(gaz, q_fold, gaz.segment_keys(q_fold, 2), 2), surface_check=short)
    q_written = written_key(text)
    # (a short query's folded key was searched one edit away only: the names one slip away as
    # written are looked for too, which its fold may put two apart: 'Ltège' is Liège, 'lteHe' ~ 'liHe';
    # so are they for a longer query, also when many places lie one folded edit away: 'Zambix' is
    # Zambia one letter off, three folded edits, 'x' folding to 'ks' and 'ia' to 'a'; a dropped
    # letter between two alike leaves a pair the fold merges, 'Louiiana' ~ 'luiana' two from 'luisiana')
    written_reach = 2 if (closest if q_norm is None else closest_own) > 1 and len(q_written) >= SEGMENT_MIN_LEN \
        else 1 if len(q_written) + 1 >= SEGMENT_MIN_LEN else 0
    if beside_name:  # a folded hit respelt: names one slip away as written beside it ('Caias', Caxias)
        written_reach = min(written_reach, 1)
    if written_reach:
        # no name within one slip as written: names two slips away as written, which their
        # folded keys may put three or more apart ('Sarreiuemiaes' is Sarreguemines with two
        # letters replaced, three folded edits: one slip made an 'ei' the fold merges to 'i'). For
        # a query in Cyrillic, no name within one slip in its letters: 'Тропіль' is Тернопіль two
        # letters short, though 'Tropic' is a letter from its romanization 'Tropil'
        for key_id, key in _written_within(gaz, q_written, written_reach).items():
            if not numbered_otherwise(key):
                for fr in gaz.forms_of_written_key(key_id).tolist():
                    add_form(fr, _sim(q_fold, gaz.form_text[fr]), q_ascii, surface_check=True)
    if len(reached) < reach and len(q_fold) >= 5:  # two swapped letters and one more edit ('Ioaw Falls')
        add(_swapped(gaz, q_fold))
    if closest > 2 and (len(q_fold) >= THREE_EDIT_KEY or q_norm is not None and len(q_norm) >= THREE_EDIT_KEY):
        # no name within two slips as written (or none reached): two slips can fold to three
        # edits, an inserted 'r' splits 'sh' ('Parisrh': 'parisrH' ~ 'pariW'), 'ija' and 'ca'
        # fold apart ('Zomgolija' ~ 'Zongolica'); the segments propose keys three edits away,
        # and a name must be within two as written ('Meadow Grove' is no slip of 'Milan Grove')
        add(_within(gaz, q_fold, gaz.segment_keys(q_fold, 3), 3), surface_check=True)
    if not reached and q_ascii.isascii():
        add(_respelled_as_written(gaz, q_ascii, q_fold, twice=True), surface_check=True)
    if not reached and q_ascii.isascii():
        # a slip of a Russian form whose Ukrainian form is a slip of the name: 'Kalynovo-
        # Borschevatoye' is 'Kalynove Borshchevate' as Ukrainian, one letter from Kalynove-Borshchuvate
        for form in ukrainian_spellings(q_ascii):
            key = _typo_key(form)
            if key and key != q_fold:
                add(_within(gaz, key, gaz.fuzzy_keys(key), 1 if len(key) <= 5 else 2), spelt=(key, to_ascii(form)))
