"""Unicode normalization of place names: one canonical comparable form per string.

``normalize`` keeps the script (Cyrillic stays Cyrillic) and is used for exact matching;
``to_ascii`` folds any script to ASCII via ``anyascii`` and is the base of the Latin keys.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

MAX_QUERY_CHARS = 512  # longer strings are clipped before matching (a place name is never this long)

# Every apostrophe / soft-sign / prime form seen in romanized names, plus the Cyrillic soft and
# hard signs' Latin stand-ins. Removed outright: "Pokrovs'k" == "Pokrovsk".
_APOSTROPHES = "'’‘ʹʼ`´ʻʽ′″\"“”«»"
_APOS_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")
_SEP_RE = re.compile(r"[\s\-‐-―_/\\.·]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202f]")
# invisible characters inside words (zero-width space and joiners, soft hyphen, direction marks,
# byte-order mark), common in text copied from the web: removed, not read as a space ('Ky\u200biv')
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# symbols NFKC would spell out as letters: 'Kharkiv™' is no 'KharkivTM'
_MARK_SYMBOLS_RE = re.compile("[\u2122\u2120]")
_JUNK_RE = re.compile(r"[^\w\s]", re.UNICODE)


def clip(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """``text`` cut to ``limit`` characters, at the last space or punctuation before the limit
    when the cut would fall inside a word ('Kyiv, Kyiv, …' keeps no 'Ky' at its end)."""
    if len(text) <= limit:
        return text
    if text[limit - 1].isalnum() and text[limit].isalnum():
        edge = max(text.rfind(c, 0, limit) for c in " ,;/|\t\n")
        if edge > 0:
            return text[:edge]
    return text[:limit]


def has_invisible(text: str) -> bool:
    """Does ``text`` hold a zero-width character, soft hyphen, direction mark or BOM?"""
    return _INVISIBLE_RE.search(text) is not None


def is_invisible(ch: str) -> bool:
    return _INVISIBLE_RE.fullmatch(ch) is not None


def strip_invisible(text: str) -> str:
    """``text`` without zero-width characters, soft hyphens, direction marks and BOMs."""
    return _INVISIBLE_RE.sub("", text)


def clean(text: str) -> str:
    """NFKC, drop control characters, collapse whitespace; keeps case and punctuation."""
    text = unicodedata.normalize("NFKC", _MARK_SYMBOLS_RE.sub("", text[: MAX_QUERY_CHARS * 4]))
    text = _CONTROL_RE.sub(" ", strip_invisible(text))
    return clip(" ".join(text.split()))


def repair_mojibake(text: str) -> str:
    """``text`` as written before a wrong decoding garbled it ('ÐšÐ¸Ñ—Ð²' -> 'Київ', 'ZÃ¼rich'
    -> 'Zürich': UTF-8 read as cp1252 or Latin-1), by ftfy, which leaves text that is no such
    garbling as it is."""
    if text.isascii():
        return text
    from ftfy import fix_encoding
    return fix_encoding(text)


def strip_marks(text: str) -> str:
    """Remove combining diacritics (é -> e, ї -> і) but keep base letters of any script."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


_ASCII_DROP = str.maketrans({c: None for c in "'`\""})
_ASCII_SEP = str.maketrans({c: " " for c in "-_/\\.,;:!?()[]{}<>|&*+=#@$%^~"})


@lru_cache(maxsize=262144)
def normalize(text: str) -> str:
    """Comparable form: casefolded, no diacritics/apostrophes, separators as single spaces.

    Diacritics are removed in every script (й -> и, ё -> е, ї -> і), as people and GeoNames
    write both forms.
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.lower().translate(_ASCII_DROP).translate(_ASCII_SEP).split())
    text = clean(text).casefold()
    text = _APOS_RE.sub("", text)
    text = text.replace("ь", "").replace("ъ", "")
    text = strip_marks(text)
    text = _SEP_RE.sub(" ", text)
    text = _JUNK_RE.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=262144)
def to_ascii(text: str) -> str:
    """Normalized ASCII rendering of any script (anyascii), lowercase, single-spaced."""
    return normalize(text) if text.isascii() else normalize(anyascii(normalize(text)))


_SCRIPTS = (
    ("cyrillic", re.compile("[\u0400-\u04ff\u0500-\u052f]")),
    ("greek", re.compile("[\u0370-\u03ff]")),
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("hebrew", re.compile("[\u0590-\u05ff]")),
    ("cjk", re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")),
    ("georgian", re.compile("[\u10a0-\u10ff]")),
    ("armenian", re.compile("[\u0530-\u058f]")),
)


def script_of(text: str) -> str:
    """The first non-Latin script found in ``text``, else 'latin' (or 'other')."""
    if text.isascii():
        return "latin"
    for name, rx in _SCRIPTS:
        if rx.search(text):
            return name
    letters = [c for c in text if c.isalpha()]
    if all("LATIN" in unicodedata.name(c, "") for c in letters):
        return "latin"
    return "other"


_DOTTED_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,4}[A-Z]\.?")


def undotted(text: str) -> str:
    """Initials written with dots without them ('N.Y.C.' -> 'NYC', 'D.P.R' -> 'DPR': a phrase
    part loses its last dot); '' for any other text."""
    text = text.strip()
    return text.replace(".", "") if _DOTTED_INITIALS_RE.fullmatch(text) else ""


def code_like(form_text: str) -> bool:
    """A code written in Latin capitals ('YUG', 'KBP'), not a name."""
    return len(form_text) <= 4 and form_text.isascii() and form_text.isupper()
