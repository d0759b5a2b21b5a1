"""A gazetteer tagger: find place-name mentions in running text.

An Aho-Corasick automaton (pyahocorasick) holds folded gazetteer names (:mod:`.tag_automaton`), each
padded with one space on both sides. The text is folded the same way, *character by character*
(lowercase, no diacritics, every non-alphanumeric character a space), so positions in the folded
text are positions in the original and the padding spaces make every hit start and end on a word
boundary ("Kyiv's" -> "kyiv s" holds " kyiv "). Hits are taken longest first, non-overlapping.

Then filters drop what is not a place mention in the text:

- a name must start with a capital letter (uppercase for abbreviations such as "DPR");
- common English words that are also place names ("Of", "Bar", "Mobile", "Reading", "Nice",
  "Union"...) count only after a locative word ("in Reading") or before ", <area>"
  ("Mobile, Alabama"); common words opening a sentence are skipped;
- person names: after a title ("President", "Gen.") or a first name ("Vladimir Putin",
  "George Washington"), a first name followed by a capitalized word ("Maria Ivanova",
  "Vladimir Putin"); a word seen as a surname is a person everywhere in the document.

Typo'd and transliterated names not in the automaton ("Krasnarmeysk", "Dimitrov") come from
capitalized words the resolver resolves as historic, transliterated or close fuzzy matches;
each distinct word is resolved once per document (and cached by the resolver).

The automaton is built once per gazetteer and process (a few seconds for the default; see
docs/text.md) and held in memory. The word lists the filters read are in :mod:`.tag_words`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..matching.candidates import gather_names, near_a_name
from ..matching.match import Match
from ..matching.phrase import (ALL_PLURAL_AREA_WORDS, AREA_QUALIFIERS, BANK_BEFORE_RE, COMMUNITY_WORDS, COMPASS_OF,
                               FACILITY_TAIL, LEADING_WORDS, LIST_JOINERS, NATURE_LEAD, NATURE_WORDS, PLURAL_AREA_WORDS,
                               QUALIFIERS, governs_oblique)
from ..matching.phrase import AREA_WORDS as PHRASE_AREA_WORDS
from ..matching.press_words import POLISH_AREA_WORDS, polish_preposition
from ..names.arabic import ARTICLE_WORD_RE
from ..names.polish import ADJECTIVE_RE, word_nominatives
from ..names.inflection import nominatives, region_towns
from ..names.keys import fold_key
from ..names.normalize import normalize, to_ascii
from ..names.calques import calques
from ..names.qualifiers import SHORTENED_TAIL_RE
from ..names.romanize import EN_CALQUE, QUALIFIER_SPELT, REWRITE_LABELS, SCHEME_LABELS, romanize_query
from ..sources.cldr import arabic_countries, cyrillic_script_countries
from ..sources.curated import written_as_area_code
from .tag_automaton import F_ABBREV, F_AREA, F_BIG, F_PLACE, Tagger, fold, strip_markup
from .tag_words import (ARABIC_LEAD_WORDS, AREA_WORDS, COMMON, CYRILLIC_WAR_VERB_RE, DIRECTION_NOUNS, EVENT_OF_WORDS,
                        FACILITY_WORDS, FIRST_NAMES, FORMATION_NOUNS, GIVEN_NAMES, GROUP_FIRST_WORDS, INSTITUTIONS,
                        INSTITUTION_ADJECTIVES, INSTITUTION_NOUNS, LIST_GAPS, LOCATIVE, PRESS_LOCATIVE, ROLES, SAID,
                        SETTLEMENT_NOUNS, SHIP_WORDS, STOPLIST, STORM_WORDS, SURNAMES, TITLES, UNIT_AFTER_WORDS,
                        UNIT_BEFORE_RE, WAR_VERBS, lexicon_spans)

_WORD_RE = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)
_SENT_END = set(".!?\n\r")
_QUOTES = set("\"'“”‘’«»([")

# ---- tagging with filters ------------------------------------------------------------------------
@dataclass
class TagSpan:
    start: int
    end: int
    text: str
    source: str = "name"  # 'name' (automaton) or 'token' (proposed word resolved by the matcher)
    flags: int = 0
    area_word: bool = False  # 'Donetsk region': the span includes the area word
    match: object = None  # the resolver's Match for proposed tokens
    query: str | None = None  # what to resolve when it is not the text ('Russian' -> 'Russia')


@dataclass
class _Words:
    spans: list[tuple[int, int]] = field(default_factory=list)
    by_start: dict[int, int] = field(default_factory=dict)
    by_end: dict[int, int] = field(default_factory=dict)


def _words(text: str) -> _Words:
    w = _Words()
    for i, m in enumerate(_WORD_RE.finditer(text)):
        s, e = m.span()
        # a trailing possessive or apostrophe is not part of the word
        while e > s and text[e - 1] in "'’-":
            e -= 1
        if text[s:e].endswith(("'s", "’s")) and e - s > 3:
            e -= 2
        w.spans.append((s, e))
        w.by_start[s] = i
        w.by_end[e] = i
    return w


def _word_index_at(words: _Words, pos: int) -> int | None:
    return words.by_start.get(pos)


_OPEN_QUOTES = "‘“\"'«„"
_CLOSE_QUOTES = "’”\"'»“"


def _quoted(text: str, start: int, end: int) -> bool:
    """A word in quotes on its own ("broadcast by ‘Gazeta,’"): a title or an outlet, which a
    misspelt place name is not."""
    return start > 0 and text[start - 1] in _OPEN_QUOTES and any(
        c in _CLOSE_QUOTES for c in text[end:end + 2])


_DATELINE_END_RE = re.compile(r"\s*(?:\(|[—–-]\s|,\s)")


def _shouted(text: str, s: int, e: int) -> bool:
    """Is the capitalized word at ``s:e`` a wire dateline's town ('PARIS (AFP) —', 'ROME — ',
    'BAKU, Azerbaijan') or a word of a line in capitals ('DRONES HIT KURSK AND SUDZHA')?"""
    start, end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    line = text[start:end if end >= 0 else len(text)]
    if not text[start:s].strip() and _DATELINE_END_RE.match(text, e):
        return True
    return sum(c.isalpha() for c in line) >= 12 and not any(c.islower() for c in line)


_ABBREVIATION_DOT_RE = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЯЁІЇЄҐ]{1,3}\.$")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _QUOTES):
        i -= 1
    # (not after an abbreviation's dot: 'н.п. Очеретино', 'с. Липці', 'пгт. Ольховатка')
    return i < 0 or text[i] in _SENT_END and not (text[i] == "." and _ABBREVIATION_DOT_RE.search(text, max(0, i - 4), i + 1))


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _titled(word: str) -> bool:
    """A word of letters only, its first a capital and the rest small ('Nowosilka', 'Каховці')."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _article_word(word: str) -> bool:
    """A capitalized word after an Arabic article joined to it: 'al-Mayadin', 'ash-Shaddadi'."""
    if not ARTICLE_WORD_RE.match(word):
        return False
    rest = word.split("-", 1)[1]
    return rest[:1].isupper() and rest[1:].islower()


class _Doc:
    """Per-document helpers for the filters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _words(text)
        self._lower = None

    @property
    def lower_words(self) -> set[str]:
        """Words written in lowercase somewhere in the document."""
        if self._lower is None:
            t = self.text
            self._lower = {t[s:e] for s, e in self.words.spans if t[s].islower()}
        return self._lower

    def title_case(self, pos: int) -> bool:
        """Whether the line around ``pos`` is a headline in title case (most longer words
        capitalized: 'Freemason Bogdanov Joins Sochi Mayor Race')."""
        t = self.text
        start = t.rfind("\n", 0, pos) + 1
        cache = self.__dict__.setdefault("_title", {})
        hit = cache.get(start)
        if hit is None:
            end = t.find("\n", pos)
            line = t[start:end if end >= 0 else len(t)]
            words = [w for w in _WORD_RE.findall(line[:400]) if len(w) > 3]
            hit = cache[start] = len(words) >= 3 and sum(_is_cap(w) for w in words) >= 0.8 * len(words)
        return hit

    def word(self, i: int) -> str:
        s, e = self.words.spans[i]
        return self.text[s:e]

    def prev_word(self, start: int, adjacent: bool = True) -> tuple[int, str] | None:
        """The word before ``start`` (only one space between them when ``adjacent``)."""
        j = start - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        if j < 0:
            return None
        if adjacent and start - 1 - j > 1:
            return None
        k = j + 1
        i = self.words.by_end.get(k)
        if i is None and self.text[j] == ".":  # 'Gen. Smith', 'Mr. Smith'
            i = self.words.by_end.get(j)
        if i is None:
            return None
        return i, self.word(i)

    def next_word(self, end: int, adjacent: bool = True) -> tuple[int, str] | None:
        j = end
        if j < len(self.text) and self.text[j] in "'’" and self.text[j + 1:j + 2] in ("s", "S"):
            return None  # possessive
        while j < len(self.text) and self.text[j] == " ":
            j += 1
        if adjacent and j - end != 1:
            return None
        i = self.words.by_start.get(j)
        if i is None:
            return None
        return i, self.word(i)


def _surnames(doc: _Doc) -> set[str]:
    """Capitalized words that follow a title or a first name: persons in this document."""
    out = set()
    spans = doc.words.spans
    text = doc.text
    for i in range(len(spans) - 1):
        s, e = spans[i]
        w = text[s:e]
        if not _is_cap(w):
            continue
        if i + 2 < len(spans) and e - s == 1 and text[e:e + 2] == ". " and i > 0:
            # 'John Q. Public': the word after a middle initial is a surname
            ps, pe = spans[i - 1]
            s3, e3 = spans[i + 1]
            if _is_cap(text[ps:pe]) and text[pe:s] == " " and _is_cap(text[s3:e3]):
                out.add(text[s3:e3])
        lw = w.lower().rstrip(".")
        s2, e2 = spans[i + 1]
        if text[e:e + 2] == ", " and text[s2:e2].isdigit() and text[e2:e2 + 1] == "," and i > 0:
            ps, pe = spans[i - 1]
            if text[pe:s] == " " and _is_cap(text[ps:pe]):
                out.add(w)  # 'Desmond Demetrius Clark, 22, pleaded guilty'
        if text[e:s2] == " " and text[s2:e2] in SAID and i > 0:
            ps, pe = spans[i - 1]
            if text[pe:s] == " " and _is_cap(text[ps:pe]) and not _sentence_initial(text, s):
                out.add(w)  # 'Sheriff Bill Clark said' / 'Mayor Ripley said'
        if lw in TITLES or lw in GIVEN_NAMES:
            s2, e2 = spans[i + 1]
            gap = text[e:s2]
            if gap not in (" ", ". ") or gap == ". " and len(lw) > 4:
                continue  # 'Gov. Riley', but 'Ministry of Justice. Azerbaijan has' ends a sentence
            w2 = text[s2:e2]
            if _is_cap(w2) and w2.lower() not in TITLES and w2.lower() not in COMMON:
                if lw in TITLES and w2.lower() in GIVEN_NAMES:
                    # 'President Vladimir Putin': the surname is the word after the first name
                    if i + 2 < len(spans):
                        s3, e3 = spans[i + 2]
                        w3 = text[s3:e3]
                        if text[e2:s3] == " " and _is_cap(w3):
                            out.add(w3)
                    continue
                if i + 2 < len(spans) and text[e2:spans[i + 2][0]] == " " and \
                        text[slice(*spans[i + 2])].lower().rstrip(".") in FACILITY_WORDS:
                    continue  # 'Old Alton Edwardsville Road': a road, not a person
                out.add(w2)
    return out


def tag(text: str, tagger: Tagger, resolver=None, propose: bool = True,
        propose_min_confidence: float = 0.5, lexicon: bool = True) -> list[TagSpan]:
    """Place mentions in ``text`` (see the module doc for the rules)."""
    if not text or not text.strip():
        return []
    clean = strip_markup(text)
    written, clean = clean, _unshouted(clean, resolver) if propose and resolver is not None else clean
    doc = _Doc(clean)
    surnames = _surnames(doc)
    hits = tagger.hits(clean)
    if lexicon:
        lex = lexicon_spans(clean)
        if lex:
            lex_cov = [(a, b) for a, b, _ in lex]
            hits = [h for h in hits if not any(a < h[1] and h[0] < b and (b - a) >= (h[1] - h[0]) for a, b in lex_cov)]
            lex = [x for x in lex if not any(h[0] < x[1] and x[0] < h[1] for h in hits)]
    # ends of names that may stand before another ('Kansas City Missouri', 'Ukrainian Pokrovsk'):
    # areas, big places, demonyms; not a hamlet 'Abraham' before 'Lincoln'
    place_ends = {e for _, e, fl in hits if fl & (F_AREA | F_BIG)}
    if lexicon:
        place_ends |= {b for _, b, _ in lex}
    surnames |= _named_persons(doc, clean, hits, place_ends)
    listed = _listed_areas(doc)  # 'Barrow, Jackson and Madison counties': areas, whoever shares the names
    out: list[TagSpan] = []
    taken = []  # (start, end) of every span considered, kept or dropped as a person
    for s, e, fl in hits:
        surface = clean[s:e]
        if surface[:1].islower() and " " in surface and surface.split()[0] in QUALIFIERS:
            # a name after a compass word in small letters, which some other name begins with
            # ('eastern Ghouta' for the alias 'Eastern Ghouta'): the name after it, when it is one
            s2 = s + surface.index(" ") + 1
            inner = [(a + s2, b + s2, f) for a, b, f in tagger.hits(clean[s2:e]) if a == 0 and b == e - s2]
            if inner:
                s, e, fl = inner[0]
                surface = clean[s:e]
        if surface.count("(") > surface.count(")") and clean.startswith(")", e):
            e += 1  # 'Frankfurt (Oder)': the name's closing bracket is the name's
            surface = clean[s:e]
        taken.append((s, e))
        if (s, e) not in listed and not _keep(doc, s, e, surface, fl, surnames, place_ends=place_ends):
            continue
        span = TagSpan(s, e, surface, "name", fl)
        nxt = doc.next_word(e)
        if nxt is not None and nxt[1].lower() in AREA_WORDS and not (fl & F_AREA and nxt[1].lower() == "republic"):
            ns, ne = doc.words.spans[nxt[0]]
            span.end, span.text, span.area_word = ne, clean[s:ne], True
        elif nxt is not None and nxt[1].lower() in NATURE_WORDS:
            # 'the Kanawha River', 'the Dnipro river': the feature is the mention, and the
            # resolver reads it as one ('Dnipro' alone is the city)
            ns, ne = doc.words.spans[nxt[0]]
            span.end, span.text = ne, clean[s:ne]
        prev = doc.prev_word(s)
        gap = clean[doc.words.spans[prev[0]][1]:s] if prev is not None else ""
        if prev is not None and prev[1] in _NATURE_LEAD_WORDS and (gap == " " or prev[1] == "Mt" and gap == ". "):
            # 'Lake Hartwell', 'Mount Hood', 'Mt. Washington': the lead word belongs to the name
            span.start, span.text = doc.words.spans[prev[0]][0], clean[doc.words.spans[prev[0]][0]:span.end]
        elif span.end == e and " " not in surface and _CYRILLIC_CAPITAL.match(surface) and _oblique_lead(prev):
            # a Cyrillic name after a preposition is read with it, as a case form too: 'в Димитрове' is
            # Dimitrov's locative (Myrnohrad) as well as the name Dymytrove of a village elsewhere
            span.query = f"{prev[1]} {surface}"
        out.append(span)
    for s, e in sorted(listed):  # a listed area no name of the automaton covers ('Barrow')
        if not any(sp.start < e and s < sp.end for sp in out):
            out.append(TagSpan(s, e, clean[s:e], "name", F_PLACE | F_AREA))
            taken.append((s, e))
    out.sort(key=lambda sp: sp.start)
    if lexicon and lex:
        out.extend(TagSpan(a, b, clean[a:b], "lexicon", F_PLACE, query=tagger.lexicon_query(clean[a:b], q))
                   for a, b, q in lex)
        taken.extend((a, b) for a, b, _ in lex)
        out.sort(key=lambda sp: sp.start)
    if propose and resolver is not None:
        out = _propose(doc, out, taken, surnames, resolver, propose_min_confidence)
        for span in out:
            if span.source == "token":
                nxt = doc.next_word(span.end)
                if nxt is not None and nxt[1].lower() in AREA_WORDS:
                    ns, ne = doc.words.spans[nxt[0]]
                    span.end, span.text, span.area_word = ne, clean[span.start:ne], True
    if propose and resolver is not None:
        out = _case_forms_of_tagged_names(doc, out, taken, surnames, resolver)
    if propose and resolver is not None:
        out = _polish_areas(clean, out, resolver)
        out = _named_things(clean, out, resolver)
        out = _area_codes_after_names(clean, out)
        _qualified_names(clean, out, resolver)
        out = _areas_named_before(clean, out, resolver)
    if propose and resolver is not None:
        out = _speakers_dropped(doc, out, resolver)
    # a word of an Arabic name of several that no run above read whole ('Ras' of 'Ras Lanuf',
    # 'Issa' of 'Ain Issa': the name is one the gazetteer lacks, the word alone another place)
    out = [sp for sp in out if " " in sp.text or not _arabic_part(doc, sp.start, sp.end, sp.text.lower())]
    _plural_areas(doc, out, clean)
    _districts_of_cities(clean, out)
    if written is not clean:  # the names of a line in capitals as written, read as cased
        for span in out:
            if span.text != written[span.start:span.end]:
                span.query, span.text = span.query or span.text, written[span.start:span.end]
    for span in out:  # 'Kostiantynivka (southwest of Kurakhove)': the bearing places the name
        bank = BANK_BEFORE_RE.search(clean, max(0, span.start - 40), span.start)
        if bank is not None and span.query is None:  # 'на лівому березі Дніпра': the river's bank
            span.query = f"{bank.group(0)}{span.text}"
        bearing = _BEARING_AFTER_RE.match(clean, span.end)
        if bearing is not None:
            span.query = f"{span.query or span.text} ({bearing['where']})"
    return out


_SHOUTED_CYRILLIC_LINE_RE = re.compile(r"^[^\S\n]*(?=[^\n]*[\u0400-\u042f]{3})[^a-zа-яёіїєґ\n]{12,}$", re.MULTILINE)
_CYRILLIC_WORD_RE = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff'’-]*")


def _unshouted(text: str, resolver) -> str:
    """``text`` with its Cyrillic lines in capitals ('ОБСТРІЛ ХАРКОВА', 'ВЗРЫВЫ В БЕЛГОРОДЕ', as
    Telegram channels head a post) in small letters but for the words that name a place there: one
    after a preposition that says where or a verb of war, or a town of 50,000 or more in some case.
    (Same length: offsets hold.)"""
    if not _SHOUTED_CYRILLIC_LINE_RE.search(text):
        return text
    out = list(text)
    for line in _SHOUTED_CYRILLIC_LINE_RE.finditer(text):
        prev, listing, end = "", False, 0
        for w in _CYRILLIC_WORD_RE.finditer(line.group(0)):
            word, at = w.group(0), line.start() + w.start()
            low = word.lower()
            cased = low[0].upper() + low[1:]
            # (and the later items of a list so led: 'АТАКУВАВ ПОКРОВСЬК ТА МИРНОГРАД')
            if low not in _CYRILLIC_JOINERS:
                listing = listing and (prev in _CYRILLIC_JOINERS or line.group(0)[end:w.start()].strip() == ",")
                if len(word) >= 3 and (listing or prev in _WHERE_PREPOSITIONS or CYRILLIC_WAR_VERB_RE.fullmatch(prev)
                                       or _big_town(resolver, cased)):
                    low, listing = cased, True
            out[at:at + len(word)] = low
            prev, end = word.lower(), w.end()
    return "".join(out)


def _big_town(resolver, word: str) -> bool:
    """Is ``word`` the name of a town of 50,000 or more of a Cyrillic-script country, in some case?"""
    m = resolver.resolve(word)
    return m.ok and m.country_code in _TYPO_COUNTRIES and m.population >= INFLECTED_TOWN_POPULATION \
        and m.match_kind in ("exact", "alias") and m.confidence >= INFLECTED_MIN_CONFIDENCE


# a state's or province's code after a name and a comma: 'Culiacán, Sin.', 'Monterrey, N.L.',
# 'Cancún, Q. Roo', 'Palermo, CABA', 'Toronto, ON' (dotted or in capitals, a known code only)
_CODE_AFTER_RE = re.compile(r",[ \t]+((?:[A-Z][a-zé]{0,5}\.[ \t]?){1,3}(?:[A-Z][a-z]{1,3}(?![\w.]))?|[A-Z]{2,5}(?![\w.]))")


def _area_codes_after_names(text: str, spans: list[TagSpan]) -> list[TagSpan]:
    """The spans with each area code written after a name and a comma (no name form holds
    'Chih.' or 'Q. Roo'; names inside one give way to it: 'Edo. Méx.' is no 'Edo' and 'Méx'):
    the document reads 'A, B' as A in B."""
    extra, inside = [], set()
    for sp in spans:
        m = _CODE_AFTER_RE.match(text, sp.end)
        code = m.group(1).rstrip() if m else ""
        while code and not written_as_area_code(code):  # ('Mich. Police': 'Mich.')
            cut = code.rstrip(".").rfind(" ")
            code = code[:cut].rstrip() if cut > 0 else ""
        if not code:
            continue
        start = m.start(1)
        end = start + len(code)
        covered = {i for i, o in enumerate(spans) if o.start < end and start < o.end}
        if all(start <= spans[i].start and spans[i].end <= end and spans[i].end - spans[i].start < end - start
               for i in covered):  # (a name that is the code stays: 'Washington, D.C.')
            inside |= covered
            extra.append(TagSpan(start, end, code, "token", F_PLACE | F_AREA | F_ABBREV))
    if not extra:
        return spans
    return sorted([o for i, o in enumerate(spans) if i not in inside] + extra, key=lambda sp: sp.start)


def _qualified_names(text: str, spans: list[TagSpan], resolver) -> None:
    """Extend each name followed by its river or region shortened ('Frankfurt a.M.', 'Freiburg i.
    Br.') over it when the resolver reads the whole so (Frankfurt am Main, not any Frankfurt)."""
    for i, sp in enumerate(spans):
        m = SHORTENED_TAIL_RE.match(text, sp.end)
        if m is None or sp.source != "name" or i + 1 < len(spans) and spans[i + 1].start < m.end():
            continue
        whole = text[sp.start:m.end()]
        if resolver.resolve(whole).scheme == SCHEME_LABELS[QUALIFIER_SPELT]:
            sp.end, sp.text, sp.query = m.end(), whole, None


# a Polish area word and its adjective, in small letters ('w obwodzie donieckim', 'rejon bachmucki')
_POLISH_AREA_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(POLISH_AREA_WORDS)) + r")\s+" + ADJECTIVE_RE.pattern
                             + r"(?!\w)", re.IGNORECASE)


def _matched_spans(text: str, spans: list[TagSpan], pattern: re.Pattern, resolver, keep, flags: int) -> list[TagSpan]:
    """The spans with each match of ``pattern`` that no span covers, resolved as written and kept
    when ``keep(match)`` holds."""
    extra = []
    for m in pattern.finditer(text):
        if any(sp.start < m.end() and m.start() < sp.end for sp in spans):
            continue
        match = resolver.resolve(m.group(0))
        if match.ok and keep(match):
            extra.append(TagSpan(m.start(), m.end(), m.group(0), "token", flags, match=match))
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


def _polish_areas(text: str, spans: list[TagSpan], resolver) -> list[TagSpan]:
    """The spans with the Polish areas named by their adjective that no span covers, each a
    mention resolved as written ('obwodu charkowskiego' is Kharkivska oblast)."""
    return _matched_spans(text, spans, _POLISH_AREA_RE, resolver, lambda m: m.feature in ("admin1", "admin2")
                          and m.confidence >= INFLECTED_MIN_CONFIDENCE, F_PLACE | F_AREA)


# a thing named by a town's adjective: 'the Antonivskyi bridge', 'Burshtynska TPP', 'по Каховской ГЭС'
_NAMED_THING_RE = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[sz]k|[сцз]ьк|[сцз]к)\w*\s+(?i:" + FACILITY_TAIL
                             + "|" + "|".join(sorted(NATURE_WORDS)) + r")(?!\w)")


def _named_things(text: str, spans: list[TagSpan], resolver) -> list[TagSpan]:
    """The spans with the things named by a town's adjective that no span covers, each a mention
    the resolver answers with the town ('Каховской ГЭС' is Kakhovka's, 'Antonivskyi bridge' Antonivka's)."""
    return _matched_spans(text, spans, _NAMED_THING_RE, resolver, lambda m: m.match_kind == "area"
                          or m.confidence >= INFLECTED_MIN_CONFIDENCE, F_PLACE)


# an area word before the name it is of ('the region of Donetsk', 'la région de Donetsk', 'el
# óblast de Járkov'), or a German one right before it ('im Gebiet Donezk', 'in der Oblast Charkiw')
_AREA_BEFORE_RE = re.compile(r"(?:\b(?i:region|oblast|province|district|county|raion|rayon|governorate)\s+of"
                             r"|(?<!\w)(?i:région|óblast|oblast|región|regione|provincia|province)\s+(?:de|di|d['’])"
                             r"|\b(?:Gebiet|Oblast|Rajon|Region))\s+$")


def _areas_named_before(text: str, spans: list[TagSpan], resolver) -> list[TagSpan]:
    """The spans with each name after an area word that names its area ('region of Donetsk',
    'Gebiet Donezk') extended over that word, when the resolver reads the whole as a first- or
    second-level area the name alone is not (that was the city: 'the Province of Ontario' stays
    'Ontario', as news gold data marks it), and any span of the word itself dropped."""
    grown: list[TagSpan] = []
    for sp in spans:
        if sp.area_word or sp.query is not None:
            continue
        lead = _AREA_BEFORE_RE.search(text, max(0, sp.start - 24), sp.start)
        if lead is None:
            continue
        whole = text[lead.start():sp.end]
        m = resolver.resolve(whole)
        if m.ok and m.feature in ("admin1", "admin2") and m.confidence >= INFLECTED_MIN_CONFIDENCE \
                and resolver.resolve(sp.text).id != m.id:
            sp.start, sp.text, sp.area_word = lead.start(), whole, True
            grown.append(sp)
    return [sp for sp in spans if not any(o is not sp and o.start <= sp.start and sp.end <= o.end for o in grown)]


# a district named before the town or area it is of: 'the Kalininsky district of Donetsk', 'в
# Калининском районе Донецка', 'Volnovakha raion of Donetsk oblast'
_DISTRICT_END_RE = re.compile(r"(?:\b(?:district|raion|rayon)|(?<!\w)(?:район\w*|районі))$", re.IGNORECASE)


def _districts_of_cities(text: str, spans: list[TagSpan]) -> None:
    """A district mention followed by the town or area it is of is resolved with it: alone,
    'Kalininsky district' is Kalininsky District, Saratov, and 'Калининском районе' St Petersburg's
    district of that name, where the text says Donetsk's; so is a mention after a place's
    possessive ("Donetsk's Petrovskyi district"). Each span keeps its own text and offsets."""
    for a, b in zip(spans, spans[1:]):
        if b.query is None and text[a.end:b.start] in ("'s ", "’s ") and " " not in a.text.strip():
            # a town's or area's own: "Kharkiv's Kyivskyi district", "Kherson's Antonivka"
            b.query = f"{b.text} of {a.text}" if _DISTRICT_END_RE.search(b.text) else f"{b.text}, {a.text}"
        if a.query is not None or not _DISTRICT_END_RE.search(a.text):
            continue
        gap = text[a.end:b.start]
        if gap.lower() in (" of ", " of the city of ") or gap == " " and _CYRILLIC_CAPITAL.match(b.text) \
                and _CYRILLIC_CAPITAL.match(a.text):
            a.query = text[a.start:b.end]


# a bearing from a town in brackets right after a name, as war reports write it
_BEARING_AFTER_RE = re.compile(r"\s*\((?P<where>" + COMPASS_OF + r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\)")


def _case_forms_of_tagged_names(doc: _Doc, spans: list[TagSpan], taken, surnames: set[str],
                                resolver) -> list[TagSpan]:
    """A capitalized Cyrillic word whose nominative is a name tagged elsewhere in the text is that
    name in a case ('освобождение Красноармейска' beside 'контролируют Красноармейск'), however
    unsure it is alone, when it reads as a place of a Cyrillic-script country or a big one (not
    a source after 'по словам', nor 'Путина' as Putina, Peru); the document settles it."""
    # (names as tagged in the nominative: 'из Донецка' is itself a case form, and 'Донецкой' no case
    # of a 'Донецка')
    names = {sp.text.casefold() for sp in spans if " " not in sp.text and _CYRILLIC_CAPITAL.match(sp.text)
             and not _oblique_lead(doc.prev_word(sp.start))}
    if not names:
        return spans
    text, extra = doc.text, []
    starts = [s for s, _ in doc.words.spans]
    covered: set[int] = set()  # the words inside a span considered already (one pass, not one per word)
    for a, b in [*taken, *((sp.start, sp.end) for sp in spans)]:
        i = bisect_left(starts, a)
        if i > 0 and doc.words.spans[i - 1][1] > a:
            i -= 1
        while i < len(starts) and starts[i] < b:
            covered.add(i)
            i += 1
    for i, (s, e) in enumerate(doc.words.spans):
        w = text[s:e]
        if i in covered or not _CYRILLIC_CAPITAL.match(w) or w.casefold() in names or w in surnames \
                or _sentence_initial(text, s):
            continue
        nxt, prev = doc.next_word(e), doc.prev_word(s)
        if nxt is not None and _is_cap(nxt[1]) or prev is not None and _is_cap(prev[1]) \
                and not _sentence_initial(text, doc.words.spans[prev[0]][0]):
            continue  # inside a run of capitalized words: a longer name ('Донецкой Народной Республике')
        if names.intersection(nominatives(w)) and not _SPEECH_FRAME_RE.search(text, max(0, s - 24), s):
            q = f"{prev[1]} {w}" if _oblique_lead(prev) else w
            m = resolver.resolve(q)
            if m.ok and (m.country_code in _TYPO_COUNTRIES or m.population >= ROMANIZED_ABROAD_POPULATION):
                extra.append(TagSpan(s, e, w, "token", F_PLACE, match=m, query=q if q != w else None))
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


def _listed_areas(doc: _Doc) -> set[tuple[int, int]]:
    """(start, end) of the one-word capitalized items of a list a plural area word closes
    ('Barrow, Jackson and Madison counties', 'Donetsk and Luhansk oblasts'): areas, though
    'Jackson' and 'Madison' are first names elsewhere."""
    text, spans = doc.text, doc.words.spans
    out: set[tuple[int, int]] = set()
    for i, (s, e) in enumerate(spans):
        if i == 0 or text[s:e].lower() not in PLURAL_AREA_WORDS or text[spans[i - 1][1]:s] != " ":
            continue
        items, j = [], i - 1
        while j >= 0 and _is_cap(doc.word(j)):
            items.append(spans[j])
            k = j - 1  # the word before the item: a joiner ('and'), or a comma between them
            if k >= 0 and doc.word(k).lower() in _JOINER_WORDS and text[spans[k][1]:spans[j][0]] == " ":
                k -= 1
                if k < 0 or text[spans[k][1]:spans[k + 1][0]].strip() not in ("", ","):
                    break
            elif k < 0 or text[spans[k][1]:spans[j][0]].strip() not in (",", "&"):
                break
            j = k
        if len(items) > 1:
            out.update(items)
    return out


_JOINER_WORDS = frozenset({"or", *LIST_JOINERS})


def _plural_areas(doc: _Doc, spans: list[TagSpan], text: str) -> None:
    """'Donetsk and Luhansk oblasts', 'the Zaporizhzhia, Kherson and Mykolaiv regions', 'Jackson and
    Barrow counties', 'Донецької та Луганської областей': each name is resolved as '<name> oblast'
    (not the cities); the spans stay the names (a Cyrillic pair has the area word already)."""
    added: list[TagSpan] = []
    for i, sp in enumerate(spans):
        words = sp.text.split()
        singular = ALL_PLURAL_AREA_WORDS.get(words[-1].lower()) if len(words) > 1 else None
        if singular is not None:  # 'Луганської областей'
            sp.query, sp.area_word = f"{' '.join(words[:-1])} {singular}", True
        else:
            nxt = doc.next_word(sp.end)
            singular = ALL_PLURAL_AREA_WORDS.get(nxt[1].lower()) if nxt is not None else None
            if singular is None or sp.area_word:
                continue
            # (the plural word names every item: it stays out of the last one's span)
            sp.query, sp.area_word = f"{sp.query or sp.text} {singular}", True
        j = i - 1
        while j >= 0 and not spans[j].area_word and \
                text[spans[j].end:spans[j + 1].start].strip().lower() in LIST_GAPS:
            spans[j].query = f"{spans[j].query or spans[j].text} {singular}"
            j -= 1
        if j == i - 1 and _CYRILLIC_CAPITAL.match(sp.text):
            before = spans[i - 1] if i > 0 else None
            item = _cyrillic_list_item(doc, before, sp, singular, text)
            while item is not None:  # back along the list: 'Краснопільська, Білопільська та ...'
                added.append(item)
                item = _cyrillic_list_item(doc, before, item, singular, text)
    if added:
        spans.extend(added)
        spans.sort(key=lambda x: x.start)


def _cyrillic_list_item(doc: _Doc, before: TagSpan | None, sp: TagSpan, singular: str,
                        text: str) -> TagSpan | None:
    """'Донецької та Луганської областей': the adjective before the joiner is an area too, though
    alone it is no name the tagger takes (``before``: the span before ``sp``, if any)."""
    joiner = doc.prev_word(sp.start)
    if joiner is not None and joiner[1].lower() in LIST_GAPS:
        prev = doc.prev_word(doc.words.spans[joiner[0]][0])
    elif joiner is None:  # a comma between the items: 'Краснопільська, Білопільська'
        prev = _word_before_comma(doc, sp.start)
    else:
        return None
    if prev is None or not _CYRILLIC_CAPITAL.match(prev[1]):
        return None
    s, e = doc.words.spans[prev[0]]
    if before is not None and before.end > s:
        if (before.start, before.end) == (s, e) and not before.area_word:  # found alone ('у Донецької')
            before.query, before.area_word = f"{before.query or before.text} {singular}", True
        return None
    return TagSpan(s, e, text[s:e], "token", F_PLACE, area_word=True, query=f"{text[s:e]} {singular}")


def _keep(doc: _Doc, s: int, e: int, surface: str, fl: int, surnames: set[str],
          place_ends: set[int] = frozenset()) -> bool:
    text = doc.text
    first = surface[0]
    if first.isalpha() and not first.isupper() and not _article_word(surface.split()[0]):
        return False  # (but 'al-Mayadin' is as capitalized as 'Al-Mayadin')
    if fl & F_ABBREV and not (fl & ~F_ABBREV & ~F_PLACE & ~F_AREA) and not surface.replace(" ", "").replace(".", "").isupper():
        # an abbreviation must be written in capitals ('DPR', not 'Dpr')
        if len(surface) <= 5:
            return False
    if surface.isupper() and len(surface) <= 3 and not (fl & F_ABBREV) and len(surface.split()) == 1:
        # 'ONE', 'THE' in a headline... a capitalized 3-letter name in caps only if an abbreviation
        pass
    low = " ".join(fold(surface).split())
    single = " " not in low or not any(c.isspace() for c in surface)  # one word: "O’Connor" folds to two
    initial = _sentence_initial(text, s)
    if single and initial and (low in COMMON or low in STOPLIST) and not (fl & F_AREA and low not in STOPLIST):
        return False
    if single and initial and not fl & F_BIG and not _locative(doc, s, e):
        return False  # 'Instead', 'Anyone' opening a sentence: small places need more than that
    if surface.isupper() and len(surface) <= 5 and not fl & F_ABBREV and not fl & F_AREA \
            and not (fl & F_BIG and _shouted(text, s, e)):
        return False  # 'KBR', 'APC': an acronym, not the place that has it as an alternate name
    if single and surface[:2].isupper() and not surface.isupper() and surface.isalpha():
        return False  # 'FAMa', 'FARDC'-like initials in mixed case: an army's, not Fama, Brazil
    if single and low in doc.lower_words and not _locative(doc, s, e):
        return False  # the document also uses it as a common word ('bank', 'officer')
    if single and surface in surnames:
        return False
    prev = doc.prev_word(s)
    nxt = doc.next_word(e)
    if prev is not None:
        pw = prev[1].lower().rstrip(".")
        gap = text[doc.words.spans[prev[0]][1]:s]
        spaced = gap == " "
        dotted = gap == ". " and len(pw) <= 4  # 'Gov. Riley'; not 'Ministry of Justice. Azerbaijan'
        if _is_cap(prev[1]) and (spaced and (pw in TITLES or pw in GIVEN_NAMES or _cyrillic_first_name(pw))
                                 or dotted and (pw in TITLES or single and pw in ("st", "ste"))):
            return False  # 'Gov. Riley', 'Vladimir Putin', 'St. Patrick' (not a place 'St. Patrick')
        if single and spaced and (pw in ROLES or pw in ("said", "says") and nxt is None and not fl & F_AREA):
            return False  # 'coach Ripley', 'said Noma.' (not 'said Fargo City Commissioner')
        if single and spaced and pw in _GERMAN_ARTICLES and not fl & F_AREA:
            return False  # 'Die Lage', 'der Wald': a German noun after its article, no town (an area takes one: 'die Krim')
    if nxt is not None and _is_cap(nxt[1]) and text[e:doc.words.spans[nxt[0]][0]] == " " \
            and low.rsplit(" ", 1)[-1] in INSTITUTION_NOUNS:
        return False  # 'Guardia Nacional', 'Partido Popular': an institution, not La Guardia or Partido
    if single and low in INSTITUTION_ADJECTIVES and prev is not None and _is_cap(prev[1]) \
            and text[doc.words.spans[prev[0]][1]:s] == " ":
        return False  # ('Nacional' of 'Guardia Nacional' is no Distrito Nacional)
    if single and nxt is not None and _is_cap(nxt[1]):
        nw = nxt[1].lower()
        # a census given name that is also a big place or an area needs a surname after it
        # ('Victoria Taylor', but 'Dallas Cowboys', 'the Georgia Bureau of Investigation')
        given = low in FIRST_NAMES or low in GIVEN_NAMES and (
            not fl & (F_BIG | F_AREA) or nw in SURNAMES and nw not in _NEVER) or _person_first_name(doc, s, low, nxt)

        if given and nw not in COMMON and nw not in TITLES and not (fl & F_AREA and nw in INSTITUTIONS):
            return False  # 'Vladimir Putin', 'Maria Ivanova'; not 'the Virginia State Board'
    if single and (low in COMMON or low in _NEVER):
        return False
    if not fl & F_AREA and (low in FIRST_NAMES or low in TITLES) and not _locative(doc, s, e):
        return False  # 'Patrick said': a first name standing alone is a person
    if nxt is not None and nxt[1].lower() in SAID and (
            not fl & F_BIG or single and low in SURNAMES and not fl & F_AREA):
        return False  # 'Ripley said'; a common surname even when a big place has it ('Robertson said')
    if single and low in TITLES and nxt is not None and _is_cap(nxt[1]):
        return False  # 'Miss Cordiner', 'Miss America': a title, not 'Miss.' (Mississippi)
    if single and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and s - 1 not in place_ends:
        k = s - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        before = text[k:s - 1]
        if len(before) >= 3 and before[0].isupper() and before[1:].islower():
            return False  # 'Diaz-Balart': the second half of a double surname (not 'D-Charleston')
    if single and low in QUALIFIERS and nxt is not None and (_is_cap(nxt[1]) or nxt[1][0].isdigit()):
        return False  # 'Northwest D.C.', 'North Texas': a direction, the place follows
    if single and low in SURNAMES and _partner(doc, s, e) in SURNAMES:
        return False  # 'Johnson & Johnson', 'McPherson & Jacobsen LLC': a firm of partners
    if single and nxt is not None and _is_cap(nxt[1]) and nxt[1].lower().rstrip(".") in FACILITY_WORDS:
        return False  # 'Clark Drive', 'Turner Construction'
    if not _names_a_place_here(text, s, e, low, prev):
        return False  # a ship, a storm, an event, a formation or a group named by a place's name
    if single and not fl & F_AREA and _after_a_name(doc, prev, place_ends):
        return False  # 'Gregory Jones', 'Desmond Demetrius Clark', 'Hyles Unseats Turner'
    if not single and low in STOPLIST:
        return False
    if single and low in STOPLIST and not (fl & F_AREA and low not in _STRICT):
        if not _locative(doc, s, e):
            return False
    return True


_SHIP_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(SHIP_WORDS)) + r")\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
_OF_NAME_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-ZА-ЯЁІЇЄҐ]")
# (and the names listed with it: 'the Sparta and Somalia battalions')
_UNIT_AFTER_RE = re.compile(r"(?:-\d+)?[»”\"']?(?:(?:,|[ \t]+and|[ \t]+or)[ \t]+[A-Z][\w'’-]*)*[ \t]+(\w+)")
_UNIT_BEFORE_RE = re.compile(r"(?<!\w)(?:" + UNIT_BEFORE_RE + r")\s*[«“\"']?\s*$", re.IGNORECASE)


def _arabic_part(doc: _Doc, s: int, e: int, low: str) -> bool:
    """Is the word at ``s:e`` one word of an Arabic name of several: a lead word ('Ras', 'Ain',
    'Bab') before a capitalized or an al- word, or the word after a capitalized lead ('Issa' of
    'Ain Issa')? (A name of several words the gazetteer holds is one hit, not these.)"""
    nxt, prev = doc.next_word(e), doc.prev_word(s)
    if low in ARABIC_LEAD_WORDS and nxt is not None and doc.text[e:doc.words.spans[nxt[0]][0]] in (" ", "-") and (
            _is_cap(nxt[1]) or _article_word(nxt[1])):
        return True
    return prev is not None and prev[1].lower() in ARABIC_LEAD_WORDS and _is_cap(prev[1]) \
        and doc.text[doc.words.spans[prev[0]][1]:s] == " "


def _names_a_place_here(text: str, s: int, e: int, low: str, prev) -> bool:
    """Not a ship ('the cruiser Moskva', 'a landing ship, the Minsk', 'the Moskva cruiser'), a
    unit ('the Azov brigade', 'батальона «Айдар»', 'ЧВК Вагнер'), a storm ('Hurricane Otis'), an
    event ('the Battle of Stalingrad'), a formation ('Black Sea Fleet') or an armed group ('Boko
    Haram') named by the words at ``s:e`` (``low``: folded) and the words around it."""
    if _SHIP_BEFORE_RE.search(text, max(0, s - 40), s) or _UNIT_BEFORE_RE.search(text, max(0, s - 40), s):
        return False
    after = _UNIT_AFTER_RE.match(text, e)
    if after is not None and after.group(1).lower() in UNIT_AFTER_WORDS:
        return False  # ('the Azov brigade', 'the Dnipro-1 regiment', 'the Moskva cruiser')
    if low in EVENT_OF_WORDS and _OF_NAME_RE.match(text, e):
        return False
    if low in STORM_WORDS and text[e:e + 1] == " " and text[e + 1:e + 2].isupper():
        return False  # ('Hurricane' of 'Hurricane Otis')
    if prev is None or text[max(0, s - 1):s] != " " or not _is_cap(prev[1]):
        return True
    pw = prev[1].lower()
    return not (pw in STORM_WORDS or pw in GROUP_FIRST_WORDS or low in FORMATION_NOUNS)


# German articles, alone or in 'im' ('im Wald' is in the forest; 'in Wald' the Swiss town; not 'am',
# which names a river's bank: 'am Dnipro')
_GERMAN_ARTICLES = frozenset("der die das den dem des im".split())
_PARTNER_RE = re.compile(r" & ([A-Z][\w'’]*)")
_PARTNER_BEFORE_RE = re.compile(r"([A-Z][\w'’]*) & $")


def _partner(doc: _Doc, s: int, e: int) -> str:
    """The name joined to the word at ``s:e`` by '&' ('Johnson & Johnson'), lowercase, or ''."""
    text = doc.text
    after = _PARTNER_RE.match(text, e)
    if after:
        return after.group(1).lower()
    before = _PARTNER_BEFORE_RE.search(text[max(0, s - 40):s])
    return before.group(1).lower() if before else ""


def _oblique_lead(prev: tuple[int, str] | None) -> bool:
    """Is ``prev`` a preposition that governs an oblique case, read with the name after it ('в
    Димитрове', 'из Донецка')?"""
    return prev is not None and governs_oblique(prev[1]) and prev[1].lower() in LEADING_WORDS


def _person_first_name(doc: _Doc, s: int, word: str, nxt: tuple[int, str]) -> bool:
    """Is the Cyrillic ``word`` at ``s``, before the capitalized word ``nxt``, a person's first name:
    not before its region's adjective, nor after a word saying a settlement is named ('Місто
    Володимир Волинської області')?"""
    return _cyrillic_first_name(word) and not _area_adjective(nxt[1], doc.next_word(doc.words.spans[nxt[0]][1])) \
        and not _SETTLEMENT_MARK_RE.search(doc.text, max(0, s - 24), s)


def _cyrillic_first_name(word: str) -> bool:
    """Is the lower-case Cyrillic ``word`` a first name ('денис', 'владимир': romanized, in
    ``FIRST_NAMES``)?"""
    return bool(_CYRILLIC_CAPITAL.match(word.upper())) and (to_ascii(word) in FIRST_NAMES or any(
        normalize(roman) in FIRST_NAMES for _, roman in romanize_query(word)))  # ('володимир': volodymyr)


def _first_name_in_any_case(word: str) -> bool:
    """Is the Cyrillic ``word`` a first name in some case ('Андрієм', 'Сергея')?"""
    low = word.lower()
    return any(map(_cyrillic_first_name, (low, *nominatives(low))))


def _named_persons(doc: _Doc, text: str, hits, place_ends: set[int]) -> set[str]:
    """One-word names written as a person's surname somewhere in the document ('coach Darren
    Ripley'), so that the bare surname later ('Ripley said') is not a place either. A big place
    counts only after a known first name ('Gregory Jackson'), not after any capitalized word."""
    out = set()
    for s, e, fl in hits:
        surface = text[s:e]
        if fl & F_AREA or " " in surface or surface in out:
            continue
        prev = doc.prev_word(s)
        if not _after_a_name(doc, prev, place_ends):
            continue
        if not fl & F_BIG or prev[1].lower() in GIVEN_NAMES:
            out.add(surface)
    return out


def _after_a_name(doc: _Doc, prev: tuple[int, str] | None, place_ends: set[int]) -> bool:
    """Whether the word right before a one-word name makes it a surname: a capitalized word that
    leaves it no place (see ``_person_free``)."""
    return prev is not None and _is_cap(prev[1]) and not _person_free(doc, prev, place_ends)


def _person_free(doc: _Doc, prev: tuple[int, str], place_ends: set[int]) -> bool:
    """Whether a capitalized word right before a one-word name leaves it a place: a qualifier
    ('Downtown'), a common or stoplisted word ('In', 'Local'), a sentence opener that is not a
    first name, another place or demonym ('Ukrainian'), or capitals ('VIENNA')."""
    i, w = prev
    low = w.lower().rstrip(".")
    if low in QUALIFIERS or low in COMMON or low in STOPLIST or low in LOCATIVE or w.isupper():
        return True
    ps, pe = doc.words.spans[i]
    if pe in place_ends or doc.text[pe:pe + 1] != " " or doc.title_case(ps):
        return True  # another place, a sentence or dateline break ('Rappler. MANILA'), a headline
    return _sentence_initial(doc.text, ps) and low not in GIVEN_NAMES


# stoplisted words that stay common words even when some country/area has the name
_STRICT = STOPLIST


_NEVER = frozenset("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday google""".split())  # ('Google':
# Topeka's name for a month of 2010, a publicity stunt GeoNames keeps as an alternate name)


def _locative(doc: _Doc, s: int, e: int, depth: int = 0, in_list: bool = False) -> bool:
    """'in Reading', 'near Bath', 'Mobile, Ala.', 'east of Novotoretske', and the later items of a
    list so introduced ('near Stepove and Novoselivka', 'near Chasiv Yar, Klishchiivka and
    Andriivka', 'near Robotyne, Verbove, and Novoprokopivka'): the text says it is a place.
    (``in_list``: the item is followed by another, so a comma after it says nothing.)"""
    if _after(doc, s, LOCATIVE) or _noun_of(doc, s, _PLACING_NOUNS):  # 'the village of Klishchiivka'
        return True
    prev = doc.prev_word(s)
    if prev is not None and prev[1] in _PART_ADJECTIVES and _after(doc, doc.words.spans[prev[0]][0], LOCATIVE):
        return True  # 'in eastern Verkhnokamyanske', 'into northern Vovchansk'
    if prev is not None and prev[1].lower() in _LINKING_WORDS \
            and _after(doc, doc.words.spans[prev[0]][0], PRESS_LOCATIVE):
        return True  # 'près de Tchassiv Iar', 'cerca de Pokrovsk', 'vicino a Kherson'
    t = doc.text
    if t[e:e + 2] == ", " and not in_list:
        nxt = doc.next_word(e + 1, adjacent=True)
        if nxt is not None and _is_cap(nxt[1]):
            return True
    if depth >= 6:
        return False
    item, inner = None, False
    if prev is not None and prev[1].lower() in ("and", "or"):
        joiner = doc.words.spans[prev[0]][0]
        # the list's item before the joiner (or before its comma: 'Verbove, and Novoprokopivka')
        item = doc.prev_word(joiner) or _word_before_comma(doc, joiner)
    elif prev is None and _LIST_GOES_ON_RE.match(t, e):
        # an inner item of a list ('Klishchiivka' of 'near Chasiv Yar, Klishchiivka and Andriivka';
        # not 'In Kharkiv, Rudenko said'): the item before its comma
        item, inner = _word_before_comma(doc, s), True
    if item is not None and _is_cap(item[1]):
        start = doc.words.spans[item[0]][0]
        before = doc.prev_word(start)
        if before is not None and _is_cap(before[1]) and not _sentence_initial(t, doc.words.spans[before[0]][0]):
            start = doc.words.spans[before[0]][0]  # an item of two words ('Velyka Novosilka')
        return _locative(doc, start, doc.words.spans[item[0]][1], depth + 1, in_list=inner)
    return False


# another capitalized list item after a word: ', Verbove', ' and Novoprokopivka', ', and Orlivka'
_LIST_GOES_ON_RE = re.compile(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[A-Z\u0400-\u042f]")


_PLACING_NOUNS = SETTLEMENT_NOUNS | DIRECTION_NOUNS
# the part of a town a report places fighting in, between the locative and the name
_PART_ADJECTIVES = frozenset(f"{c}ern" for c in ("north", "south", "east", "west", "northeast", "northwest",
                                                 "southeast", "southwest")) | {"central"}
_LINKING_WORDS = frozenset("de di a od".split())  # after 'près', 'cerca', 'vicino', 'koło'... they say where


def _noun_of(doc: _Doc, s: int, nouns: frozenset) -> bool:
    """Do one of ``nouns`` and 'of' stand right before ``s`` ('the village of Novomykhailivka')?"""
    prev = doc.prev_word(s)
    if prev is None or prev[1].lower() != "of":
        return False
    noun = doc.prev_word(doc.words.spans[prev[0]][0])
    return noun is not None and noun[1].lower() in nouns


def _after(doc: _Doc, s: int, words: frozenset) -> bool:
    """Is the word right before ``s`` one of ``words``?"""
    prev = doc.prev_word(s)
    return prev is not None and prev[1].lower() in words


def _spelt_as_written(m: Match, written: str) -> bool:
    """Is the name ``m`` matched the written words, or a Russian form read as Ukrainian by a
    rewrite, or, for a place in Ukraine, another romanization of the same Cyrillic name as the
    English press spells them ('Myrolyubivka' for Myroliubivka, 'Verkhnokamyanske' for
    Verkhnokamianske: one folded key; not 'Tchaikovsky' for the Perm town Chaykovskiy)?"""
    matched = m.matched_name.split(" (from ")[0]
    return normalize(matched) == normalize(written) or m.scheme in REWRITE_LABELS \
        or m.country_code == "UA" and fold_key(matched) == fold_key(written)


def _namesakes_confidence(m: Match) -> float:
    """How sure it is that the name is some place's: the confidences of the answer and of the
    runner-ups reached by the same name added up ('near Novomykhailivka': a dozen villages at
    0.05 each, one of which the document's other places settle)."""
    name = normalize(m.matched_name)
    return m.confidence + sum(a.confidence for a in m.alternatives if normalize(a.matched_name) == name)


_PROPOSE_KINDS = ("historic", "transliteration", "fuzzy", "alias", "exact")
# a Cyrillic word or abbreviation right before a name that says a settlement is named
_SETTLEMENT_MARK_RE = re.compile(
    r"(?<![\w.])(?:н\.\s?п\.|нп|с\.|село|села|селе|селі|сёла|сел|пгт\.?|смт\.?|пос\.|посёлок|поселок|поселке|посёлка|поселка|"
    r"селище|селища|селищі|г\.|город|городе|міста|місто|місті|деревня|деревни|деревне|станица|станицы|станице|хутор|хутора|"
    # 'населённый пункт' (a locality) in the cases reports write it: 'в районе населенного пункта Синьковка'
    r"хуторе|населенн?(?:ый|ого|ых)\s+пункт(?:а|ов)?|населённ(?:ый|ого|ых)\s+пункт(?:а|ов)?|"
    r"населен(?:ий|ого|их)\s+пункт(?:у|ів)?)\s+$", re.IGNORECASE)
INFLECTED_MIN_CONFIDENCE = 0.5
INFLECTED_TOWN_CONFIDENCE, INFLECTED_TOWN_POPULATION = 0.2, 50_000
# prepositions that say where, with the case they govern ('у', 'с', 'от', 'к', 'по' name persons as often)
_WHERE_PREPOSITIONS = frozenset("в во под около возле близ вблизи из изо до за під біля поблизу із зі".split())
# words that name a source, not a place, before a name in a case: 'по словам Суровикина', 'за словами Сирського'
_SPEECH_FRAME_RE = re.compile(r"(?<!\w)(?:по\s+(?:словам|мнению|заявлению|версии|оценке)|за\s+словами|на\s+думку)\s+$",
                              re.IGNORECASE)
# a source named before what it says, in English and the press languages the tagger reads
_SOURCE_FRAME_RE = re.compile(r"(?<!\w)(?:according\s+to|selon|según|laut|zufolge|secondo|zdaniem|według)\s+$",
                              re.IGNORECASE)
_SOURCE_END_RE = re.compile(r"\s*(?:[,.;:]|$)|['’]s(?!\w)")
SPEAKER_CITY = 1_000_000  # a capital or a city this big speaks for its government ('Kyiv said', 'Moscow said')


def _speaker(doc: _Doc, s: int, e: int) -> bool:
    """Is the one word at ``s:e`` framed as a speaker: 'Shevchenko said', 'according to
    Zelensky', 'по словам Суровикина', 'said Kovalenko.'?"""
    text = doc.text
    start = max(0, s - 24)
    if _SOURCE_FRAME_RE.search(text, start, s) or _SPEECH_FRAME_RE.search(text, start, s):
        # (the whole source: not 'according to Hopkinton police', 'Rochester Fire Department')
        return bool(_SOURCE_END_RE.match(text, e))
    if _after(doc, s, LOCATIVE) or _noun_of(doc, s, _PLACING_NOUNS):
        return False  # 'the 20-year-old from Brampton said', 'the city of Sevierville said'
    nxt = doc.next_word(e)
    if nxt is not None and nxt[1].lower() in SAID and text[e:doc.words.spans[nxt[0]][0]] == " ":
        return True
    prev = doc.prev_word(s)
    return prev is not None and prev[1].lower() in SAID and text[doc.words.spans[prev[0]][1]:s] == " " \
        and text[e:e + 1] in (".", ",", ";")


def _speakers_dropped(doc: _Doc, spans: list[TagSpan], resolver) -> list[TagSpan]:
    """``spans`` without the one-word names framed as speakers (:func:`_speaker`) that are no
    country, first-level area, capital or city of :data:`SPEAKER_CITY` people named as written:
    'Shevchenko said' is a person, not a village (nor Poltava's district) Shevchenko; 'Kyiv said',
    'Texas said' are their governments."""
    out = []
    for sp in spans:
        if " " not in sp.text and _speaker(doc, sp.start, sp.end):
            m = sp.match if sp.match is not None else resolver.resolve(sp.query or sp.text)
            if not (m.ok and m.match_kind in ("exact", "alias") and (
                    m.feature in ("country", "admin1") or m.population >= SPEAKER_CITY
                    or m.feature_code == "PPLC")):
                continue
        out.append(sp)
    return out


FUZZY_MIN_POPULATION = 10_000
ROMANIZED_ABROAD_POPULATION = 100_000  # a Cyrillic word romanized to a place abroad this big ('Путина' is no Putina, Peru)
VILLAGE_MIN_CONFIDENCE = 0.15  # a name as written after 'near', 'in', 'village of' (see _propose)
LONE_NAME_LEN = 10  # letters of a name that one place alone bears, named so with no doubt (see _propose)
_TYPO_COUNTRIES = cyrillic_script_countries()
_ARABIC_COUNTRIES = arabic_countries()
_NO_NAME = Match(query="", reason="no name within one slip")
_CYRILLIC_CAPITAL = re.compile(r"[\u0400-\u042f]")
_CYRILLIC_AREA_WORDS = frozenset(w for w in PHRASE_AREA_WORDS if _CYRILLIC_CAPITAL.match(w.upper()))
_CYRILLIC_SEA_WORDS = frozenset("море моря морю морем морі".split())  # 'над Черным морем', 'у Чорному морі'
_LETTERS = re.compile(r"[-'’ʼ]")
_HYPHEN_CAPITAL = re.compile(r"-[^\W\d_]")  # a Cyrillic name's parts may each be capitalized ('Нью-Йорка')


_CYRILLIC_JOINERS = frozenset("и і й та или або".split())
# nouns that make a preposition say where, with the prepositions before them ('в районе', 'на окраине')
_WHERE_NOUNS = frozenset("районе районі районах окрестностях окрестности окраине окраинах околицях околиці "
                         "направлении напрямку пределах межах".split())
_WHERE_NOUN_LEADS = frozenset("в во у на".split())


def _list_lead(doc: _Doc, start: int, lead_at, joiners: frozenset, capital) -> str:
    """The words before the word at ``start``, or before the list it is a later item of, that
    ``lead_at(word, begin)`` reads as its lead (None: no lead there, and no list goes on back);
    items are runs of words ``capital`` accepts, joined by commas or ``joiners``; '' when none."""
    pos = start
    for _ in range(12):  # back over the list's items to its lead
        prev = doc.prev_word(pos)
        if prev is None:  # a comma between items
            item = _word_before_comma(doc, pos)
            if item is None or not capital(item[1]):
                return ""
            pos = _item_start(doc, item, capital)
            continue
        word, begin = prev[1].lower(), doc.words.spans[prev[0]][0]
        lead = lead_at(word, begin)
        if lead is not None:
            return lead
        item = doc.prev_word(begin) if word in joiners else None
        if item is None or not capital(item[1]):
            return ""
        pos = _item_start(doc, item, capital)
    return ""


def _where_lead(doc: _Doc, start: int) -> str:
    """The words that make the word at ``start`` say where, governing its case: a preposition right
    before it ('в Клещеевке', 'в районе Андреевки') or before the list it is a later item of ('в
    Клещеевке и Андреевке', 'в районе Курдюмовки, Клещеевки и Андреевки'); '' when none. ('у' is
    one only before a village's name in a case: 'бои у Клещеевки', 'у Кліщіївці', not 'у Пети')"""
    def lead_at(word: str, begin: int) -> str | None:
        if word in _WHERE_PREPOSITIONS:
            return word
        if word == "у":
            i = doc.words.by_start.get(start)
            return word if i is not None and _village_in_case(doc.word(i)) else ""
        if word in _WHERE_NOUNS:
            lead = doc.prev_word(begin)
            return f"{lead[1].lower()} {word}" if lead is not None and lead[1].lower() in _WHERE_NOUN_LEADS else ""
        return None
    return _list_lead(doc, start, lead_at, _CYRILLIC_JOINERS, _CYRILLIC_CAPITAL.match)


_POLISH_JOINERS = frozenset("i oraz lub albo".split())


def _war_verb_lead(doc: _Doc, start: int) -> bool:
    """Is the Cyrillic word at ``start`` the object of a verb of war, right after it or a later item
    of the list after it ('ЗСУ звільнили Роботине', 'захопили Очеретине і Прогрес')?"""
    def lead_at(word: str, begin: int) -> str | None:
        return word if CYRILLIC_WAR_VERB_RE.fullmatch(word) else None
    return bool(_list_lead(doc, start, lead_at, _CYRILLIC_JOINERS, _CYRILLIC_CAPITAL.match))


def _polish_lead(doc: _Doc, start: int) -> str:
    """The Polish preposition that declines the Latin word at ``start``: right before it ('w
    Charkowie', 'w pobliżu Bachmutu') or before the list it is a later item of ('w Zaporożu i
    Dnieprze', 'pod Bachmutem, Pokrowskiem i Kurachowem'); '' when none."""
    def lead_at(word: str, begin: int) -> str | None:
        before = doc.prev_word(begin)
        return polish_preposition(f"{before[1].lower()} {word}" if before is not None else word) or None
    return _list_lead(doc, start, lead_at, _POLISH_JOINERS, _titled)


def _word_before_comma(doc: _Doc, pos: int) -> tuple[int, str] | None:
    """The word before a comma (and spaces) right before ``pos``; None when no comma is there."""
    j = pos - 1
    while j >= 0 and doc.text[j] == " ":
        j -= 1
    return doc.prev_word(j) if j >= 0 and doc.text[j] == "," else None


def _item_start(doc: _Doc, last: tuple[int, str], capital=_CYRILLIC_CAPITAL.match) -> int:
    """Where the list item ending with the capitalized word ``last`` begins: its capitalized words
    ('Часового Яру', 'Krzywym Rogu' with ``capital=_titled``)."""
    start = doc.words.spans[last[0]][0]
    for _ in range(3):
        prev = doc.prev_word(start)
        # (a preposition capitalized at the sentence's start leads the list: 'В Мариуполе и Бердянске')
        if prev is None or not capital(prev[1]) or prev[1].lower() in _WHERE_PREPOSITIONS:
            break
        start = doc.words.spans[prev[0]][0]
    return start


def _village_in_case(word: str) -> bool:
    """Is ``word`` a case form of a name in -вка (-овка, -евка, -івка, -ївка: the commonest village
    names of Ukraine and Russia; no surname ends so), of a plural in -ки (Кринки: 'біля Кринок'),
    or of a neuter adjective's in -не, -ве, -ньке (Роботине, Вербове, Тоненьке: 'біля Роботиного'),
    whose case forms are no surname's ('Зеленського' may be Зеленський's, so no name in -ське,
    -цьке counts)?"""
    forms = nominatives(word)
    return any(form.endswith("вка") for form in forms) or (
        any(form.endswith(_VILLAGE_ENDINGS) for form in forms)
        and not any(form.endswith(_SURNAME_ADJECTIVE_ENDINGS) for form in forms))


_VILLAGE_ENDINGS = ("не", "ве", "ньке", "ное", "вое", "нькое", "ки")
_SURNAME_ADJECTIVE_ENDINGS = ("ський", "цький", "ский", "цкий", "ське", "цьке", "ское", "цкое")


def _lower_after_hyphen(m: re.Match) -> str:
    return m.group(0).lower()


_NATURE_LEAD_WORDS = frozenset(w.capitalize() for w in NATURE_LEAD)


def _area_adjective(word: str, nxt: tuple[int, str] | None) -> bool:
    """Is ``word`` a capitalized Cyrillic adjective whose next word (``nxt``) is an area word
    ('Дніпропетровської області', 'Волноваського району')?"""
    return nxt is not None and bool(_CYRILLIC_CAPITAL.match(word)) and (
        nxt[1].lower() in _CYRILLIC_AREA_WORDS or nxt[1].lower().startswith("народн"))  # ('Луганской Народной Республики')


def _past_qualifier(doc: _Doc, nxt: tuple[int, str] | None) -> tuple[int, str] | None:
    """The area word after ``nxt`` when ``nxt`` qualifies it ('городского' in 'Шебекинского
    городского округа'), else ``nxt``."""
    if nxt is not None and nxt[1].lower() in AREA_QUALIFIERS:
        after = doc.next_word(doc.words.spans[nxt[0]][1])
        if after is not None and after[1].lower() in _CYRILLIC_AREA_WORDS:
            return after
    return nxt


def _resolved(resolver, cache: dict, text: str):
    """The resolver's answer for ``text``, memoized in the document's ``cache``."""
    m = cache.get(text)
    if m is None:
        m = cache[text] = resolver.resolve(text)
    return m


def _cyrillic_pair(doc: _Doc, start: int, nxt: tuple[int, str], resolver, cache: dict):
    """(end, match) when the Cyrillic word at ``start`` and the word after it name one place in
    an oblique case: two capitalized words ('Новій Каховці'), an area adjective and its area
    word ('Харківській області') or a sea's ('над Черным морем'); None otherwise."""
    sea = nxt[1].lower() in _CYRILLIC_SEA_WORDS
    area = sea or nxt[1].lower() in _CYRILLIC_AREA_WORDS
    if not _CYRILLIC_CAPITAL.match(doc.text, start) or not (area or (
            _CYRILLIC_CAPITAL.match(nxt[1]) and _titled(nxt[1]))):
        return None
    word = nxt
    for _ in range(1 if area else 3):  # a name of up to four words ('Донецкой Народной Республике')
        end = doc.words.spans[word[0]][1]
        m = _resolved(resolver, cache, doc.text[start:end])
        if m.ok and m.confidence >= INFLECTED_MIN_CONFIDENCE:
            if area and m.feature in (("region",) if sea else ("admin1", "admin2")) \
                    and m.match_kind in ("exact", "alias", "transliteration"):
                return end, m
            if area and nxt[1].lower() in COMMUNITY_WORDS and m.match_kind == "area":
                return end, m  # a hromada, which the gazetteer knows by its town ('Краснопільській громаді')
            if not area and m.inflected and len(m.matched_name.split()) > 1:
                return end, m
        word = doc.next_word(end)
        if word is None or not (_CYRILLIC_CAPITAL.match(word[1]) and _titled(word[1])):
            return None
    return None


def _polish_pair(doc: _Doc, start: int, nxt: tuple[int, str], preposition: str, resolver, cache: dict):
    """(end, match) when the word at ``start`` and the capitalized word after it name one place in a
    Polish case after ``preposition`` ('w Krzywym Rogu', 'w Nowej Kachowce'); None otherwise."""
    if not _titled(nxt[1]):
        return None
    end = doc.words.spans[nxt[0]][1]
    m = _resolved(resolver, cache, f"{preposition} {doc.text[start:end]}")
    if m.ok and m.inflected and m.confidence >= INFLECTED_MIN_CONFIDENCE and len(m.matched_name.split()) > 1:
        return end, m
    return None


def _latin_pair(doc: _Doc, start: int, nxt: tuple[int, str], resolver, cache: dict):
    """(end, match) when the Latin word at ``start`` and the capitalized word after it, after a
    word that says where, are one name of a place in a Cyrillic-script country as another
    language romanizes it ('bei Tschassiw Jar', 'um Welyka Nowosilka', 'près de Tchassiv Iar'),
    or a name of two words of a place elsewhere, found whole as written ('in Beit Lahia', 'hit
    Kiryat Shmona': the automaton holds only big towns' other names); None otherwise (the
    automaton holds the names as the gazetteer writes them, not every romanization)."""
    if not _titled(nxt[1]) or nxt[1].lower() in COMMON:
        return None
    end = doc.words.spans[nxt[0]][1]
    pair = doc.text[start:end]
    m = _resolved(resolver, cache, pair)
    if m.ok and m.match_kind in ("exact", "alias") and m.country_code not in _TYPO_COUNTRIES \
            and m.confidence >= INFLECTED_MIN_CONFIDENCE and len(m.matched_name.split()) >= 2:
        return end, m  # a name of two words elsewhere, another name of a town ('in Beit Lahia', 'Kiryat Shmona')
    if not m.ok or m.match_kind not in ("exact", "alias", "transliteration") or m.country_code not in _TYPO_COUNTRIES \
            or len(m.matched_name.split(" (from ")[0].split()) < 2:
        return None
    # (a village name as written is a place for all its namesakes' doubt: 'near Sukhyi Yar', four
    # villages at 0.15 each, the document's other places settle which)
    if m.confidence < INFLECTED_MIN_CONFIDENCE and not (
            _spelt_as_written(m, pair) and _namesakes_confidence(m) >= VILLAGE_MIN_CONFIDENCE):
        return None
    return end, m


def _village_pair(doc: _Doc, sp: TagSpan, resolver, cache: dict) -> TagSpan | None:
    """'the village of Bila Kamianka', 'near Nova Marivka': a name of one word the automaton found
    ('Bila', a village elsewhere) and the capitalized word after it, where the text says a place
    is named, are one name when a village of a Cyrillic-script country has it as written; the
    span of the two words, or None."""
    if sp.source != "name" or " " in sp.text or sp.flags & (F_AREA | F_ABBREV) or not _locative(doc, sp.start, sp.end):
        return None
    nxt = doc.next_word(sp.end, adjacent=True)
    if nxt is None or not _is_cap(nxt[1]) or not nxt[1][1:].islower() or nxt[1].lower() in COMMON:
        return None
    end = doc.words.spans[nxt[0]][1]
    pair = doc.text[sp.start:end]
    m = _resolved(resolver, cache, pair)
    if not m.ok or m.match_kind not in ("exact", "transliteration") or m.country_code not in _TYPO_COUNTRIES \
            or m.confidence < VILLAGE_MIN_CONFIDENCE \
            or normalize(m.matched_name.split(" (from ")[0]) != normalize(pair):
        return None
    return TagSpan(sp.start, end, pair, "token", F_PLACE, match=m)


RUN_MIN_CONFIDENCE = 0.6
_RUN_WORDS_RE = re.compile(r"[^\W_]+(?:['’‘ʼ][^\W_]+)*")


def _name_run(doc: _Doc, sp: TagSpan, resolver, cache: dict, gaz=None) -> TagSpan | None:
    """A name found and the capitalized words right after it (up to three, or a word after an
    Arabic article: 'Maarat al-Numan', 'Tal Rifaat') are one name when the gazetteer holds the
    run whole, as written, romanized or folded: 'Maarat' alone was Marāt (Saudi Arabia) and 'Numan'
    a town in Nigeria, 'Tal' At Tall near Damascus. So is a name and the capitalized rest of its
    hyphenated word: 'Kupyansk-Vuzlovyi' had been Kupiansk, the automaton holding only the
    compound's spelling 'Kupiansk-Vuzlovyi'. The span of the run, or None."""
    if sp.area_word or sp.flags & (F_AREA | F_ABBREV) or sp.query is not None:
        return None
    ends, end = [], sp.end
    word = doc.words.by_start.get(sp.start)
    if word is not None and doc.text[sp.end:sp.end + 1] == "-" and doc.text[sp.end + 1:sp.end + 2].isupper():
        end = doc.words.spans[word][1]
        ends.append(end)
    for _ in range(3):
        nxt = _next_after_a_space(doc, end)
        if nxt is None or nxt[1].lower() in COMMON or not (
                _is_cap(nxt[1]) and nxt[1][1:].replace("-", "").isalpha() or ARTICLE_WORD_RE.match(nxt[1])):
            break
        end = doc.words.spans[nxt[0]][1]
        ends.append(end)
    for end in reversed(ends):  # the longest run the gazetteer holds
        run = doc.text[sp.start:end]
        if run not in cache and gaz is not None and not gather_names(gaz, run):
            continue  # (no name is the run as written, romanized or folded: no need to resolve it)
        m = _resolved(resolver, cache, run)
        matched = m.matched_name.split(" (from ")[0] if m.ok else ""
        if m.ok and m.match_kind in ("exact", "alias", "transliteration") and m.confidence >= RUN_MIN_CONFIDENCE \
                and len(_RUN_WORDS_RE.findall(matched)) >= len(_RUN_WORDS_RE.findall(run)):
            return TagSpan(sp.start, end, run, "token", F_PLACE, match=m)
    return None


def _translated_lead(doc: _Doc, sp: TagSpan, resolver, cache: dict) -> TagSpan | None:
    """A name after a capitalized English adjective that translates its first word ('New
    Kakhovka' for Nova Kakhovka, see ``names.calques``): the two are one name when the gazetteer
    holds it so. The span of both, or None."""
    if sp.area_word or sp.flags & (F_AREA | F_ABBREV) or sp.query is not None:
        return None
    prev = doc.prev_word(sp.start)
    if prev is None or not _is_cap(prev[1]) or not calques(f"{prev[1]} {sp.text}"):
        return None
    start, end = doc.words.spans[prev[0]]
    if doc.text[end:sp.start] != " ":
        return None
    m = _resolved(resolver, cache, doc.text[start:sp.end])
    if m.ok and m.scheme == SCHEME_LABELS[EN_CALQUE] and m.confidence >= RUN_MIN_CONFIDENCE:
        return TagSpan(start, sp.end, doc.text[start:sp.end], "token", F_PLACE, match=m)
    return None


def _next_after_a_space(doc: _Doc, end: int) -> tuple[int, str] | None:
    """The word after the one ending at ``end`` when one space parts them, else None."""
    nxt = doc.next_word(end, adjacent=True)
    return nxt if nxt is not None and doc.text[end:doc.words.spans[nxt[0]][0]] == " " else None


def _before_article_word(doc: _Doc, end: int) -> bool:
    """Is the word ending at ``end`` followed, after one space, by a word after an Arabic article?"""
    nxt = _next_after_a_space(doc, end)
    return nxt is not None and _article_word(nxt[1])


def _propose(doc: _Doc, spans: list[TagSpan], taken: list[tuple[int, int]], surnames: set[str],
             resolver, min_conf: float) -> list[TagSpan]:
    """Capitalized words outside every hit that the matcher resolves as a historic name, a
    transliteration or a close misspelling of a place ('Krasnarmeysk', 'Dimitrov')."""
    from rapidfuzz.distance import Levenshtein
    text = doc.text
    cache: dict[str, object] = {}
    spans = [_village_pair(doc, sp, resolver, cache) or sp for sp in spans]
    covered = sorted(taken + [(sp.start, sp.end) for sp in spans])
    starts = [c[0] for c in covered]
    import bisect
    gaz = getattr(resolver, "gazetteer", None)
    # names with their area word ('Kharkiv region'): a capitalized word right before one is a town
    # in that area ('Izium Kharkiv region'), not part of a longer name
    area_starts = {sp.start for sp in spans if sp.area_word or sp.flags & F_AREA and " " in sp.text
                   and sp.text.rsplit(" ", 1)[1].lower() in AREA_WORDS}
    extra = []
    listed: list[TagSpan] = []  # case forms too unsure alone, found if a list item beside them is a place
    for i, (s, e) in enumerate(doc.words.spans):
        w = text[s:e]
        article = _article_word(w)  # ('al-Shaddadi': a name, as 'Al-Shaddadi' would be)
        prev = doc.prev_word(s)
        # (a short Cyrillic word is read after a preposition governing its case, 'в Орле', 'в Уфе',
        # but 'у': 'у Пети' is at Petya's)
        shortest = 3 if len(w) < 5 and _CYRILLIC_CAPITAL.match(w) and _oblique_lead(prev) and prev[1].lower() != "у" \
            and not _first_name_in_any_case(w) else 5
        word = article or not (len(w) < shortest or not w[0].isupper() or not (
            _HYPHEN_CAPITAL.sub(_lower_after_hyphen, w[1:]) if _CYRILLIC_CAPITAL.match(w) else w[1:]).islower() or not (
            _LETTERS.sub("", w) if _CYRILLIC_CAPITAL.match(w) else w.replace("-", "")).isalpha())
        # ('Куп'янська' is a word, 'We're' is not; 'Jisr' before 'al-Shughur' may begin a name, and
        # 'Beit' before 'Lahia')
        word = word or w.lower() in ARABIC_LEAD_WORDS and w[0].isupper()
        lead = _is_cap(w) and w.isalpha() and _before_article_word(doc, e)
        if not (word or lead):
            continue
        j = bisect.bisect_right(starts, s) - 1
        if j >= 0 and covered[j][1] > s:
            continue
        if lead:
            # 'Jisr al-Shughur', 'Ras al-Ain': a word and the one after an Arabic article are one
            # name when the gazetteer holds it so (as written or with the article spelt otherwise)
            run = _name_run(doc, TagSpan(s, e, w, "token", F_PLACE), resolver, cache, gaz)
            if run is not None and run.match.country_code in _ARABIC_COUNTRIES:
                extra.append(run)
                continue
            if not word:
                continue
        lw = w.lower()
        if lw in COMMON or lw in STOPLIST or lw in TITLES or lw in GIVEN_NAMES or w in surnames \
                or lw in doc.lower_words:
            continue  # ... or the document writes it as a common word ('Children might', 'children')
        if not _names_a_place_here(text, s, e, lw, prev):
            continue  # ('the Aidar battalion': a unit's name, not the village Aidar)
        nxt = _past_qualifier(doc, doc.next_word(e))
        # a Cyrillic area adjective before its area word ('Марганець Дніпропетровської області')
        # starts a part of its own: it and the name before it are no run of capitalized words
        area_here = _area_adjective(w, nxt)
        if nxt is not None and _is_cap(nxt[1]) and _person_first_name(doc, s, lw, nxt):
            continue  # a first name before a surname: 'Володимир Зеленський' (not Vladimir, Russia)
        if prev is not None and _is_cap(prev[1]) and (
                not _sentence_initial(text, doc.words.spans[prev[0]][0]) or article) and not area_here:
            continue  # inside a run of capitalized words: a name of something else ('Bashar al-Assad')
        if prev is not None and (prev[1].lower().rstrip(".") in TITLES or _cyrillic_first_name(prev[1].lower())
                                 and not area_here or _is_cap(prev[1]) and prev[1].lower() in FIRST_NAMES
                                 and text[doc.words.spans[prev[0]][1]:s] == " "):
            # (after a title, or a first name opening the sentence: 'Владимир Путин прибыл')
            continue
        # (a Latin word after a Polish preposition is read in its case: 'pod Pokrowskiem', 'w Charkowie')
        polish = _polish_lead(doc, s) if not _CYRILLIC_CAPITAL.match(w) and text[s - 1:s] == " " else ""
        # (an acronym after a name is no word of it: 'Під Покровськом ЗСУ відбили атаки', the
        # armed forces' initials, as war reports write them)
        capitalized_next = nxt is not None and _is_cap(nxt[1]) and nxt[1].lower() not in COMMON and \
            not _area_adjective(nxt[1], doc.next_word(doc.words.spans[nxt[0]][1])) and \
            doc.words.spans[nxt[0]][0] not in area_starts and not (nxt[1].isupper() and not w.isupper())
        if capitalized_next or (nxt is not None and (nxt[1].lower() in _CYRILLIC_AREA_WORDS
                                                     or nxt[1].lower() in _CYRILLIC_SEA_WORDS)):
            # a name of two words in an oblique case ('у Новій Каховці') or an area named so
            # ('у Харківській області', 'Волноваського району')
            pair = _polish_pair(doc, s, nxt, polish, resolver, cache) if polish else \
                _cyrillic_pair(doc, s, nxt, resolver, cache) if _CYRILLIC_CAPITAL.match(w) else \
                _latin_pair(doc, s, nxt, resolver, cache) if capitalized_next and (
                    _locative(doc, s, e) or _after(doc, s, WAR_VERBS)) else None
            if pair is not None:
                extra.append(TagSpan(s, pair[0], text[s:pair[0]], "token", F_PLACE, match=pair[1],
                                     query=f"{polish} {text[s:pair[0]]}" if polish else None))
                continue
            if capitalized_next:
                # inside a run of capitalized words: a name of something else (but a person's
                # first name, in any case, starts a name of its own: 'мэр Москвы Сергей Собянин',
                # 'з мером Львова Андрієм Садовим')
                if not (_CYRILLIC_CAPITAL.match(w) and _first_name_in_any_case(nxt[1])):
                    continue
            elif _CYRILLIC_CAPITAL.match(w):  # 'в Киевском районе': a district the gazetteer does
                continue  # not hold (a city's), not the town 'Киевский' near Moscow
        if w.endswith(("ian", "ians", "ese", "ish")):  # demonyms and adjectives
            continue
        # after a preposition that governs an oblique case the word is read with it ('около
        # Марьинки' is Marinka's genitive, though 'Марьинки' is also a village's name)
        # (and so is a later item of a list such a preposition governs: 'в районе Авдеевки и
        # Марьинки'; not after a conjunction alone: 'и Ясиноватую' is read as 'Ясиноватую')
        cyrillic = bool(_CYRILLIC_CAPITAL.match(w))  # (only a Cyrillic word is read in a case)
        where_lead = _where_lead(doc, s) if cyrillic else ""
        q = f"{polish} {w}" if polish else w if not cyrillic else f"{prev[1]} {w}" if _oblique_lead(prev) \
            else f"{where_lead} {w}" if where_lead else w
        m = cache.get(q)
        if m is None:
            # a word no name lies within one slip of is proposed by no rule below: no need to
            # resolve it (the typo search that fills the top ten is the dear part of a resolve)
            # ('Бєлгородщині' is no name but names a region; 'Bachmutem' is two letters from
            # Bachmut, its nominative after a Polish preposition)
            m = cache[q] = resolver.resolve(q) if gaz is None or near_a_name(gaz, w) or region_towns(w) or (
                polish and any(near_a_name(gaz, f) for f in word_nominatives(w)[1:])) else _NO_NAME
        if not m.ok or m.match_kind not in _PROPOSE_KINDS:
            continue
        matched = (m.matched_name.split(" (from ")[0])
        if m.country_code in _TYPO_COUNTRIES and m.match_kind != "fuzzy" and (
                _SETTLEMENT_MARK_RE.search(text, max(0, s - 24), s) or _noun_of(doc, s, SETTLEMENT_NOUNS)):
            # 'н.п. Клещеевка', 'в селе Андреевка', 'the village of Novomykhailivka': the text says
            # a settlement is named, in a form the gazetteer reaches; the document's other places
            # settle which namesake
            pass
        elif m.inflected:
            # 'під Покровськом': a Cyrillic name the gazetteer holds in the nominative; after a
            # preposition that says where ('под Покровском', whose case form is also Покровское's,
            # many villages' name) a big town's reading needs less; so does a village name in
            # -вка there ('Бои в Клещеевке и Андреевке'): the document settles which namesake
            where = bool(where_lead)
            village = where and m.country_code in _TYPO_COUNTRIES and _village_in_case(w)
            least = VILLAGE_MIN_CONFIDENCE if village else INFLECTED_TOWN_CONFIDENCE \
                if where and m.population >= INFLECTED_TOWN_POPULATION else INFLECTED_MIN_CONFIDENCE
            if _sentence_initial(text, s) or _SPEECH_FRAME_RE.search(text, max(0, s - 24), s) or (
                    m.feature == "populated place" and m.population < 1000 and not village):
                continue  # (after 'по словам' a source is named: 'По словам Суровикина' is no Surovikino)
            if m.confidence < least and not (village and m.scheme in REWRITE_LABELS):
                if m.confidence >= VILLAGE_MIN_CONFIDENCE and m.country_code in _TYPO_COUNTRIES:
                    listed.append(TagSpan(s, e, w, "token", F_PLACE, match=m, query=q if q != w else None))
                continue
        elif article and m.country_code in _ARABIC_COUNTRIES and m.match_kind in ("exact", "alias", "transliteration"):
            # a word written with an Arabic article that names a place of an Arabic-speaking
            # country, as written or with the article or ending spelt otherwise ('al-Shaddadi')
            if m.confidence < min_conf:
                continue
        elif m.match_kind == "fuzzy":
            a, b = normalize(w), normalize(matched)
            # a slip of a town people write about: 'Highway' is no slip of Highways (4,882 people);
            # nor is the name's adjective, a surname as often ('Zelensky' is no slip of Zelensk)
            if len(a) < 6 or _sentence_initial(text, s) or Levenshtein.distance(a, b) > 1 \
                    or a[:-1] == b and a[-1] in "yi" \
                    or m.population < FUZZY_MIN_POPULATION and m.feature == "populated place" or _quoted(text, s, e) \
                    or m.country_code not in _TYPO_COUNTRIES:
                continue
        elif m.match_kind in ("exact", "transliteration", "alias") and m.country_code in _TYPO_COUNTRIES and \
                not _sentence_initial(text, s) and (_locative(doc, s, e) or _after(doc, s, WAR_VERBS) or where_lead
                                                 or cyrillic and _war_verb_lead(doc, s)) and \
                _spelt_as_written(m, w):
            # 'near Robotyne', 'the village of Klishchiivka': the text says it is a place, and a
            # village of a Cyrillic-script country is named as written (its romanization, another
            # name of it, or its Russian form: 'near Andreevka', 'near Kleshcheevka'); the
            # document's other places settle which namesake
            # (a Russian form read as Ukrainian is no word by chance, however unsure; nor is a long
            # name that only one place bears: 'in Verkhnokamyanske', a village with no population)
            if _namesakes_confidence(m) < VILLAGE_MIN_CONFIDENCE and m.scheme not in REWRITE_LABELS \
                    and not (len(w) >= LONE_NAME_LEN and not m.alternatives):
                continue
        elif m.match_kind in ("exact", "alias"):
            # calibrated confidence tops out near 0.82: 0.75 means 'clearly this place'; after a
            # preposition a Cyrillic name is a place more surely ('в Донецке'), and so is a hashtag's
            # ('#Покровськ', as Telegram channels tag a post with its places)
            # and so is a name the text places ('in Kobani', 'retook Kobani': another name of the
            # town; 'in Tessalit', a town GeoNames gives no population)
            placed = not cyrillic and (_locative(doc, s, e) or _after(doc, s, WAR_VERBS))
            least = INFLECTED_MIN_CONFIDENCE if q != w or text[s - 1:s] == "#" and m.country_code in _TYPO_COUNTRIES \
                or placed else 0.75
            if m.confidence < least or (m.feature == "populated place" and m.population < 1000 and not (
                    placed and m.population == 0 and m.confidence >= 0.7)):
                continue
        elif m.match_kind == "transliteration" and _CYRILLIC_CAPITAL.match(w):
            # a Cyrillic word whose romanization is a name ('Куп'янська' -> Kupyansk); of a small
            # place abroad only by chance ('Путина', Putin's genitive, is no Putina, Peru)
            # nor a big one whose name a romanization only comes near ('Путин' is no P'u-t'ien, Putian)
            if m.confidence < INFLECTED_MIN_CONFIDENCE or _sentence_initial(text, s) or (
                    m.country_code not in _TYPO_COUNTRIES and (m.population < ROMANIZED_ABROAD_POPULATION or normalize(
                        matched) not in {normalize(roman) for _, roman in romanize_query(w)})):
                continue
        elif m.match_kind == "transliteration":
            # a spelling one edit from a romanized name: ambiguity is settled jointly later
            if m.confidence < min(min_conf, 0.3) or Levenshtein.distance(normalize(w), normalize(matched)) > 1:
                continue
        elif m.match_kind == "historic":
            if m.confidence < 0.3:
                continue
        extra.append(TagSpan(s, e, w, "token", F_PLACE, match=m, query=q if q != w else None))
    extra += _beside_listed_places(text, spans + extra, listed)
    return _name_runs(doc, sorted(spans + extra, key=lambda sp: sp.start), resolver, cache)


def _name_runs(doc: _Doc, spans: list[TagSpan], resolver, cache: dict) -> list[TagSpan]:
    """``spans`` with each name that starts a longer one the gazetteer holds (:func:`_name_run`)
    replaced by it, and the names inside that one dropped ('Numan' in 'Maarat al-Numan')."""
    gaz = getattr(resolver, "gazetteer", None)
    out: list[TagSpan] = []
    for sp in spans:
        if out and sp.start < out[-1].end:
            continue  # (inside the run before it)
        lead = _translated_lead(doc, sp, resolver, cache)
        if lead is not None and not (out and lead.start < out[-1].end):
            sp = lead
        out.append(_name_run(doc, sp, resolver, cache, gaz) or sp)
    return out


_LIST_GAP = r"(?:\s*,|\s+(?:" + "|".join(sorted(_CYRILLIC_JOINERS)) + r"))\s+"  # ', ' or ' и ' between items
_LIST_BEFORE_RE = re.compile(_LIST_GAP + "$", re.IGNORECASE)
_LIST_AFTER_RE = re.compile(_LIST_GAP, re.IGNORECASE)


def _beside_listed_places(text: str, found: list[TagSpan], listed: list[TagSpan]) -> list[TagSpan]:
    """The ``listed`` case forms that are items of a list another item of which is a place found
    ('обстрілював Костянтинівку, Торецьк і Часів Яр': Kostiantynivka's accusative, many villages'
    name too, is a town beside Toretsk), repeated along the list."""
    ends = {sp.end for sp in found if sp.flags & (F_PLACE | F_AREA)}
    starts = {sp.start for sp in found if sp.flags & (F_PLACE | F_AREA)}
    out, pending = [], list(listed)
    while pending:
        kept = []
        for sp in pending:
            before = _LIST_BEFORE_RE.search(text, max(0, sp.start - 8), sp.start)
            after = _LIST_AFTER_RE.match(text, sp.end)
            if (before and before.start() in ends) or (after and after.end() in starts):
                out.append(sp)
                ends.add(sp.end)
                starts.add(sp.start)
            else:
                kept.append(sp)
        if len(kept) == len(pending):
            break
        pending = kept
    return out
