"""Places in running text: find mentions, link spans from any NER, resolve a document jointly.

    >>> from geonorm.faces.text import extract, link, to_geojson
    >>> for m in extract(open("article.txt").read()):
    ...     print(m.text, m.start, m.end, m.match.name, m.match.id)

``extract`` finds mentions with the gazetteer tagger (:mod:`geonorm.faces.tagger`); ``link``
takes spans from any recognizer. Both resolve the document *jointly* (``joint=True``;
:mod:`geonorm.faces.document`):

1. every distinct mention is resolved alone;
2. the confident answers become soft evidence (:class:`~geonorm.matching.context.Context`,
   label 'document context'): their countries, their first-level areas and their points.
   Mentions that name an area ("Donetsk People's Republic", "Donetsk region", "Donbass") count
   double as area evidence;
3. relations stated in the text ("south of Dimitrov", "north of X", "near X", "outside X")
   make the related mention's point a soft ``near`` hint for the mention they describe;
4. every mention is resolved again with that evidence (twice: answers that became confident
   join the evidence), and the explanation names the other mentions that moved it.

One sense per discourse: every occurrence of the same surface form gets the same answer.

``text_context`` turns a text into context for a phrase that is *about* the text but not a span
of it (a coder's location phrase and the event's source headlines).
"""
from __future__ import annotations

import html
import json
import re
import threading
import unicodedata
import weakref
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, replace

import numpy as np

from ..matching.answer import at_facility_host, below_confidence, offset_from
from ..matching.context import Context
from ..matching.facilities import host_after, plant_words_end
from ..matching.match import Match
from ..matching.phrase import nominative_adjective, offset_before
from ..matching.resolver import confidence_arg
from ..matching.splits import TOWN_ADJECTIVE
from ..names.normalize import has_invisible, is_invisible, script_of
from .document import actors, build_context, resolve_mentions
from .geojson import to_feature

_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_WORD_RE = re.compile(r"\w+")


@dataclass
class Mention:
    """A place mention: the span of the text, its offsets and the resolved :class:`Match`."""

    text: str
    start: int
    end: int
    match: Match
    source: str = "tagger"  # 'tagger' | 'user' | 'spacy'
    label: str = ""  # the recognizer's label, when it gave one

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "source": self.source,
                "label": self.label, "match": self.match.to_dict()}

    @classmethod
    def from_dict(cls, d: dict) -> Mention:
        """The Mention a :meth:`to_dict` gave."""
        return cls(text=d["text"], start=d["start"], end=d["end"], match=Match.from_dict(d["match"]),
                   source=d.get("source", "tagger"), label=d.get("label", ""))


# ---- public API ----------------------------------------------------------------------------------
def extract(text: str, *, resolver=None, country=None, as_of=None, min_confidence: float | None = None,
            joint: bool = True, propose: bool = True, unresolved: bool = False) -> list[Mention]:
    """Find and resolve the place mentions of ``text``.

    ``country`` / ``as_of`` are hints for every mention; ``min_confidence`` drops answers below
    it; ``joint=False`` resolves every mention alone; ``propose=False`` turns off the matcher's
    proposals for words the automaton does not know (typos, transliterations). Mentions that
    resolve to nothing (or below ``min_confidence``) are left out, unless ``unresolved=True``:
    then they are kept with their no-match ``Match``, which says why."""
    from .tagger import Tagger, tag
    if text is None or not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    min_confidence = confidence_arg(min_confidence)
    if not text.strip():
        return []
    resolver = _resolver(resolver)
    composed, at = _composed(text)  # (letters and their accents as one character: 'Zürich', 'Київ')
    tagger = Tagger.for_gazetteer(resolver.gazetteer)
    spans = tag(composed, tagger, resolver, propose=propose)
    items = [(sp.start, sp.end, "tagger", "", sp.query) for sp in spans]
    mentions = _resolve_document(composed, items, resolver, country=country, as_of=as_of,
                                 min_confidence=min_confidence, joint=joint)
    if at is not None:  # offsets into the text as given
        mentions = [replace(m, text=text[at[m.start]:at[m.end]], start=at[m.start], end=at[m.end]) for m in mentions]
    return [m for m in mentions if unresolved or m.match.ok]


# letters styled by their code point: fullwidth forms ('Ｌｖｉｖ'), the mathematical alphanumerics
# social media posts write bold or italic with ('𝐊𝐲𝐢𝐯'), and the Latin ligatures of PDFs ('ﬁ')
_STYLED_RE = re.compile("[\uff01-\uff5e\ufb00-\ufb06\U0001d400-\U0001d7ff]")


_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_NO_BREAK_SPACE_RE = re.compile(f"[{_NO_BREAK_SPACES}]")
_SPACED = str.maketrans(dict.fromkeys(_NO_BREAK_SPACES, " "))


def _composed(text: str) -> tuple[str, list[int] | None]:
    """``text`` in Unicode NFC without invisible characters, and each of its offsets' offset in
    ``text`` (None when ``text`` is so already). A letter and the accents written after it as
    separate characters ('u' + U+0308, as some PDFs and macOS file names give them) compose one
    by one; soft hyphens and zero-width spaces, which web pages put inside words ('Khar\u00adkiv'),
    are dropped (a zero-width space before a capital parts words); styled letters
    (:data:`_STYLED_RE`) become plain ones (NFKC); HTML entities become their characters
    ('Culiac&aacute;n') and no-break spaces plain ones."""
    invisible = has_invisible(text)
    styled = _STYLED_RE.search(text) is not None
    marked = "&" in text and _ENTITY_RE.search(text) is not None or _NO_BREAK_SPACE_RE.search(text) is not None
    if not invisible and not styled and not marked and unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    at: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if marked and text[i] in _NO_BREAK_SPACES:  # ('Deir\u00a0al-Balah': one name, its words spaced)
            out.append(" ")
            at.append(i)
            i += 1
            continue
        entity = _ENTITY_RE.match(text, i) if marked and text[i] == "&" else None
        if entity is not None and (char := html.unescape(entity.group(0))) != entity.group(0):
            # a character a web page wrote as an HTML entity ('Culiac&aacute;n', 'Deir&nbsp;al-Balah')
            char = unicodedata.normalize("NFC", char).translate(_SPACED)
            out.append(char)
            at.extend([i] * len(char))
            i = entity.end()
            continue
        if invisible and is_invisible(text[i]):
            if text[i] == "\u200b" and 0 < i < n - 1 and text[i - 1].isalpha() and text[i + 1].isupper():
                out.append(" ")  # a zero-width space before a capital parts two words ('Kursk\u200bNPP')
                at.append(i)
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC" if styled and _STYLED_RE.match(text, i) else "NFC", text[i:j])
        out.append(piece)
        at.extend([i] * len(piece))
        i = j
    at.append(n)
    return "".join(out), at


def link(text: str, spans, *, resolver=None, country=None, as_of=None,
         min_confidence: float | None = None, joint: bool = True, source: str = "user") -> list[Mention]:
    """Resolve spans found by any recognizer: ``(start, end)`` tuples, or dicts with ``start``,
    ``end`` and optionally ``label``. One :class:`Mention` per span, in the order given (its
    ``match`` abstains when nothing fits). Out-of-range, empty or overlapping spans raise
    ValueError naming the span."""
    if text is None or not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    min_confidence = confidence_arg(min_confidence)
    items = validate_spans(text, spans, source)
    if not items:
        return []
    resolver = _resolver(resolver)
    found = _resolve_document(text, items, resolver, country=country, as_of=as_of,
                              min_confidence=min_confidence, joint=joint)  # (in text order)
    by_span = {(m.start, m.end): m for m in found}
    return [by_span[(it[0], it[1])] for it in items]


def text_context(text: str, *, query: str | None = None, resolver=None, country=None, as_of=None,
                 label: str = "source text") -> Context:
    """Soft context from the places a text names, for resolving a phrase written about it but
    not found in it: an event's source headlines (one text, or a list of them), the article a
    table row was coded from.

        >>> ctx = geonorm.text_context("Luhansk militia says artillery hit Alchevsk and Stakhanov")
        >>> geonorm.resolve("Pervomaisk", context=ctx)   # the Luhansk oblast town, not Mykolaiv's

    The text's mentions are found and resolved jointly (as :func:`extract` does, without guesses
    at misspelt words: they are weak evidence) and its confident answers vote as a document's do
    (areas twice); the answer's hints say so ("source text: 75% of confident answers are in
    Luhanska oblast"). ``query``: the phrase the context is for; a mention the phrase itself
    names ('Uglegorsk' for "near the village of Uglegorsk") does not vote, or a guess at it would
    confirm itself. An empty or placeless text gives an empty (falsy) context, which changes
    nothing. A text's mentions are remembered per resolver (the last 4,096 texts): the rows of a
    table that share a text, or one text for all of them, read it once."""
    if text is None or (isinstance(text, float) and text != text):
        return Context(label=label)
    if isinstance(text, (list, tuple)) and all(isinstance(t, str) for t in text):
        text = "\n".join(text)  # an event's headlines, one text
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (or a list of them), got {type(text).__name__}")
    resolver = _resolver(resolver)
    answers = _text_answers(resolver, text, country, as_of)
    words = f" {_words(query)} " if isinstance(query, str) else ""
    answers = {q: m for q, m in answers.items() if not (words and f" {_words(q)} " in words)}
    return build_context(answers, resolver.gazetteer, label=label).context


_TEXT_ANSWERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # resolver -> LRU of answers
_TEXT_ANSWERS_LOCK = threading.Lock()
TEXT_CACHE = 4096


def _text_answers(resolver, text: str, country, as_of) -> dict[str, Match]:
    """{mention: match} of the places ``text`` names, remembered per resolver."""
    key = (text, repr(country), repr(as_of))
    with _TEXT_ANSWERS_LOCK:
        lru = _TEXT_ANSWERS.setdefault(resolver, OrderedDict())
        hit = lru.get(key)
        if hit is not None:
            lru.move_to_end(key)
            return hit
    mentions = extract(text, resolver=resolver, country=country, as_of=as_of, propose=False)
    alone = {m.text: m.match for m in mentions}
    acting = actors(text, [(m.start, m.end) for m in mentions], [m.text for m in mentions], alone)
    answers = {q: m for q, m in alone.items() if q not in acting}
    with _TEXT_ANSWERS_LOCK:
        lru[key] = answers
        if len(lru) > TEXT_CACHE:
            lru.popitem(last=False)
    return answers


def _words(s: str) -> str:
    return " ".join(_WORD_RE.findall(s.casefold()))


def validate_spans(text: str, spans, source: str = "user") -> list[tuple[int, int, str, str]]:
    """Spans as (start, end, source, label); ValueError for bad ones."""
    if spans is None:
        return []
    items = []
    for i, sp in enumerate(spans):
        label = ""
        if isinstance(sp, dict):
            if "start" not in sp or "end" not in sp:
                raise ValueError(f"span #{i} {sp!r} has no 'start'/'end'")
            s, e, label = sp["start"], sp["end"], str(sp.get("label") or "")
        else:
            try:
                s, e = sp[0], sp[1]
                if len(sp) > 2 and sp[2] is not None:
                    label = str(sp[2])
            except (TypeError, IndexError, KeyError):
                raise ValueError(f"span #{i} {sp!r} is not (start, end) or a dict with start/end") from None
        if isinstance(s, bool) or isinstance(e, bool) or not isinstance(s, (int, np.integer)) \
                or not isinstance(e, (int, np.integer)):
            raise ValueError(f"span #{i} {sp!r}: start and end must be integers")
        s, e = int(s), int(e)
        if s < 0 or e > len(text):
            raise ValueError(f"span #{i} ({s}, {e}) is out of range for a text of {len(text)} characters")
        if s >= e:
            raise ValueError(f"span #{i} ({s}, {e}) is empty or reversed (start must be < end)")
        items.append((s, e, source, label, i))
    order = sorted(items, key=lambda x: (x[0], x[1]))
    for a, b in zip(order, order[1:]):
        if b[0] < a[1]:
            raise ValueError(f"span #{b[4]} ({b[0]}, {b[1]}) overlaps span #{a[4]} ({a[0]}, {a[1]})")
    return [x[:4] for x in items]


def to_geojson(mentions, unresolved: bool = False, **extra) -> dict:
    """A GeoJSON FeatureCollection: one Point feature per resolved mention, with properties
    mention, start, end, id, name, confidence, match_kind (and source, feature, country_code);
    a :class:`Match` in the list is a feature of its own properties.
    ``unresolved=True`` keeps the mentions no place was found for too, as features with a null
    geometry (RFC 7946 section 3.2) whose ``reason`` says why: one feature per mention."""
    feats = []
    for m in mentions:
        if isinstance(m, Match):  # (a match alone: its own properties, no mention's)
            if m.ok and m.lat is not None or unresolved:
                feats.append(to_feature(m))
            continue
        mt = m.match
        if (not mt.ok or mt.lat is None) and not unresolved:
            continue
        props = {"mention": m.text, "start": m.start, "end": m.end, "id": mt.id, "name": mt.name,
                 "confidence": mt.confidence, "match_kind": mt.match_kind, "source": m.source,
                 "feature": mt.feature, "country_code": mt.country_code, "admin1": mt.admin1}
        feats.append(to_feature(mt, **props))
    fc = {"type": "FeatureCollection", "features": feats}
    fc.update(extra)
    return fc


# ---- evaluation hook -------------------------------------------------------------------------------
def context_resolve_document(text: str, spans, resolver) -> list[Match]:
    """Resolve the given (start, end) spans of ``text`` jointly; the matches in span order."""
    items = validate_spans(text, spans)
    if not items:
        return []
    return [m.match for m in _resolve_document(text, items, resolver)]


class DocumentContextResolver:
    """``geonorm eval --mode context`` hook: ``hook(resolver, record) -> Match``.

    Built over all gold records (``GoldItem.record`` dicts): the gold spans of a document are
    resolved together, once per document, and each record gets the match of its own span.
    Records with a text but no offsets (a coder's phrase and the event's source headlines) are
    resolved with the text as context (:func:`text_context`); records without text, alone."""

    __name__ = "document_context"

    def __init__(self, records=()) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rec in records:
            found = _offsets(getattr(rec, "record", rec))
            if found is not None:
                t, s, e = found
                self._spans[t].append((s, e))
        self._done: dict[str, dict[tuple[int, int], Match]] = {}

    def __call__(self, resolver, record: dict) -> Match:
        found = _offsets(record)
        if found is None:
            return _about_text(resolver, record)
        t, s, e = found
        doc = self._done.get(t)
        if doc is None or (s, e) not in doc:
            spans = sorted(set(self._spans.get(t, [])) | {(s, e)})
            spans = _drop_overlaps(spans)
            matches = context_resolve_document(t, spans, resolver)
            doc = dict(zip(spans, matches))
            self._done[t] = doc
            if len(self._done) > 64:
                self._done.pop(next(iter(self._done)))
        return doc.get((s, e)) or resolver.resolve(record.get("mention"))


def context_resolver(resolver, record: dict) -> Match:
    """Hook without the other gold spans: the document's mentions are the tagger's, plus the
    record's own span."""
    found = _offsets(record)
    if found is None:
        return _about_text(resolver, record)
    t, s, e = found
    from .tagger import Tagger, tag
    spans = [(sp.start, sp.end) for sp in tag(t, Tagger.for_gazetteer(resolver.gazetteer), resolver)
             if sp.end <= s or sp.start >= e]
    spans = sorted(spans + [(s, e)])
    matches = context_resolve_document(t, spans, resolver)
    return matches[spans.index((s, e))]


def _offsets(record: dict) -> tuple[str, int, int] | None:
    """(text, start, end) of a gold record whose mention is a span of its text, else None."""
    t, s, e = record.get("text"), record.get("start"), record.get("end")
    if t and isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(t):
        return t, s, e
    return None


def _about_text(resolver, record: dict) -> Match:
    """A record's mention resolved with its text (if any) as context: not a span of it."""
    mention, t = record.get("mention"), record.get("text")
    if not isinstance(t, str) or not t.strip():
        return resolver.resolve(mention)
    at = t.find(mention.strip()) if isinstance(mention, str) and mention.strip() else -1
    if at >= 0:  # the phrase is written in the text after all: resolve it there
        return context_resolver(resolver, dict(record, start=at, end=at + len(mention.strip())))
    ctx = text_context(t, query=mention if isinstance(mention, str) else None, resolver=resolver)
    return resolver.resolve(mention, context=ctx)


def _drop_overlaps(spans):
    out = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


# ---- resolving a document (the joint steps are in document.py) -------------------------------------
def _resolver(resolver):
    if resolver is None:
        from ..matching.resolver import default_resolver
        return default_resolver()
    return resolver


def _query(surface: str) -> str:
    q = _POSSESSIVE_RE.sub("", surface.strip())
    return q or surface


# a front sector's noun after its adjective ('на Лиманском направлении', 'на Запорізькому напрямку')
_SECTOR_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:направлени|напрям)\w*", re.IGNORECASE)


def _with_words_after(text: str, end: int, query: str) -> str:
    """A Cyrillic adjective's mention with the power plant's or the front sector's words after it
    ('Курской' of 'удар по Курской АЭС': 'Курской АЭС', the plant, not the stanitsa Kurskaya;
    'на Лиманском направлении': the sector named after Lyman, not the village Lymanske); any
    other as it is."""
    word = query.rsplit(None, 1)[-1] if query.strip() else ""
    if script_of(word) != "cyrillic" or nominative_adjective(word) == word and not TOWN_ADJECTIVE.search(word):
        return query
    if (stop := plant_words_end(text, end)) is None:
        sector = _SECTOR_AFTER_RE.match(text, end)
        stop = sector.end() if sector is not None else None
    return query if stop is None else query + text[end:stop]


def _resolve_document(text: str, items, resolver, *, country=None, as_of=None,
                      min_confidence: float | None = None, joint: bool = True) -> list[Mention]:
    items = sorted(items, key=lambda x: x[0]) if items and not _is_sorted(items) else list(items)
    hints = {}
    if country is not None:
        hints["country"] = country
    if as_of is not None:
        hints["as_of"] = as_of
    raw = [_with_words_after(text, it[1], it[4] if len(it) > 4 and it[4] else _query(text[it[0]:it[1]])) for it in items]
    matches, queries = resolve_mentions(text, items, raw, resolver, hints, joint=joint)
    out = []
    for (s, e, source, label, *_), m, q, written in zip(items, matches, queries, raw):
        if written != q:
            m = replace(m, query=written)
        off = offset_before(text, s) if m.ok and m.offset is None else None
        if off is not None:  # 'a village 13 km east of Oleshky': Oleshky, and the point meant
            m = replace(m, offset=offset_from(m, *off))
        # ('the Zaporizhzhia nuclear power plant' is at Enerhodar, 50 km from the city)
        m = at_facility_host(resolver.gazetteer, m, host_after(text, e, m.id))
        if min_confidence is not None and m.ok and m.confidence < min_confidence:
            m = below_confidence(m, written, min_confidence, keep=4)
        out.append(Mention(text=text[s:e], start=s, end=e, match=m, source=source, label=label))
    return out


def _is_sorted(items) -> bool:
    return all(a[0] <= b[0] for a, b in zip(items, items[1:]))


# ---- CLI -------------------------------------------------------------------------------------------
def _table(mentions: list[Mention]) -> str:
    rows = [("start", "end", "mention", "id", "name", "admin1", "cc", "conf", "kind")]
    for m in mentions:
        mt = m.match
        rows.append((str(m.start), str(m.end), m.text, str(mt.id or ""), mt.name, mt.admin1,
                     mt.country_code, f"{mt.confidence:.2f}", mt.match_kind))
    widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c[:40].ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _read_text(path: str) -> str:
    """A text file (or '-': standard input) in the encoding it is written in: UTF-8 with or without
    a BOM, UTF-16, or a legacy code page (cp1251, latin-1) as the CSV command detects them."""
    from .csvstream import Source, detect_encoding
    source = Source(path)  # (standard input spooled to a file the detection can read)
    try:
        encoding, _ = detect_encoding(source.path)
        with open(source.path, encoding=encoding, errors="replace", newline="") as fh:  # (offsets count '\r\n' as two)
            return fh.read()
    finally:
        source.close()


def _make_command():
    import click

    @click.command("extract")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
    @click.option("--format", "fmt", type=click.Choice(["json", "geojson", "table"]), default="table",
                  show_default=True, help="Output format.")
    @click.option("--country", help="Country hint for every mention (ISO code or name).")
    @click.option("--as-of", "as_of", help="Date the text refers to (YYYY or YYYY-MM-DD).")
    @click.option("--min-confidence", type=float, help="Leave out answers below this confidence.")
    @click.option("--no-joint", is_flag=True, help="Resolve every mention alone (no document context).")
    @click.option("--explain", is_flag=True, help="Table format: print each mention's explanation.")
    @click.option("--unresolved", is_flag=True,
                  help="GeoJSON format: keep mentions without a place too (null geometry, with the reason).")
    @click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
    def extract_command(file, fmt, country, as_of, min_confidence, no_joint, explain, unresolved, index):
        """Find and resolve the place mentions of a text FILE (or - for standard input)."""
        from ..gazetteer import Gazetteer
        from ..matching.resolver import Resolver, default_resolver
        text = _read_text(file)
        resolver = Resolver(Gazetteer.open(index)) if index else default_resolver()
        try:
            mentions = extract(text, resolver=resolver, country=country, as_of=as_of,
                               min_confidence=min_confidence, joint=not no_joint,
                               unresolved=unresolved and fmt == "geojson")
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        if fmt == "json":
            click.echo(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=1, default=str))
        elif fmt == "geojson":
            click.echo(json.dumps(to_geojson(mentions, unresolved=unresolved), ensure_ascii=False, indent=1))
        else:
            click.echo(_table(mentions))
            if explain:
                for m in mentions:
                    click.echo(f"- [{m.start}:{m.end}] {m.match.explain()}")

    return extract_command


try:
    extract_command = _make_command()
except ImportError:  # click is a dependency; only a broken install lacks it
    extract_command = None
