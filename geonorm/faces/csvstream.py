"""Streaming CSV normalization: ``geonorm normalize IN.csv --column where -o OUT.csv``.

The file is read in chunks (constant memory in rows; only the distinct values of the column are
held). With column context (the default) there are two passes: the first collects the distinct
(value, hints) combinations and their row counts, which are resolved once and give the context;
the second writes every input row, in order, with the result columns appended.

Real files: the delimiter is sniffed and the encoding detected (UTF-8 with or without BOM, else
charset-normalizer's guess, else cp1252; ``encoding=`` overrides). Bytes that cannot be decoded are
replaced, the rows holding them are reported by number and get null results; they are never
dropped. A last line cut inside a quoted field is closed; rows with too many or too few fields
are kept. The output always has exactly the input's rows.

Rows are numbered from 1 = the first data row after the header (spreadsheet line = row + 1).
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..matching.resolver import confidence_arg
from .table import FIELDS, ColumnNormalizer, Fixed, _missing, check_unique, result_columns_in, with_hints

REPLACEMENT = "\ufffd"
_MAX_REPORTED_ROWS = 1000
_NULL_IDS = {"", "none", "null", "-", "0", "no", "nomatch", "no match"}


@dataclass
class CsvReport:
    """What happened: rows, encoding, delimiter, undecodable rows, review rows, timings."""

    rows: int = 0
    distinct: int = 0
    encoding: str = ""
    delimiter: str = ","
    undecodable_rows: list[int] = field(default_factory=list)  # first 1000 row numbers
    undecodable_count: int = 0
    notes: list[str] = field(default_factory=list)
    review_rows: int = 0
    reviewed_rows: int = 0
    matched_rows: int = 0
    seconds: float = 0.0


# ---- bytes, encodings, delimiters ------------------------------------------------------------
class _CountingRaw(io.RawIOBase):
    """A binary reader that counts bytes (progress) and closes a quoted field cut by EOF."""

    def __init__(self, fh, quotechar: bytes = b'"') -> None:
        self._fh = fh
        self.count = 0
        self._quotes = 0
        self._q = quotechar
        self._tail: bytes | None = None
        self.closed_quote = False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._tail is not None:
            n = min(len(b), len(self._tail))
            b[:n] = self._tail[:n]
            self._tail = self._tail[n:] or b""
            return n
        data = self._fh.read(len(b))
        if not data:
            self._tail = b""
            if self._quotes % 2 == 1:  # EOF inside a quoted field: close it
                self.closed_quote = True
                self._tail = self._q + b"\n"
                return self.readinto(b)
            return 0
        self.count += len(data)
        self._quotes += data.count(self._q)
        b[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()


def detect_encoding(path: str | Path, sample_size: int = 1 << 20) -> tuple[str, bool]:
    """(encoding, clean): UTF-8 (BOM-aware) when the file decodes as UTF-8, or when it is UTF-8
    with a few corrupt bytes; otherwise charset-normalizer's guess, else cp1252. ``clean`` is False
    when the chosen encoding cannot decode every byte."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 12)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(codecs.BOM_UTF32_LE):
        enc = "utf-16"
        return enc, _decodes(path, enc)
    if enc := utf16_without_bom(head):
        return enc, _decodes(path, enc)
    utf8 = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"  # (as the file is: said so in reports)
    if _decodes(path, "utf-8-sig"):
        return utf8, True
    bad = good = 0
    dec = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            text = dec.decode(block)
            bad += text.count(REPLACEMENT)
            good += len(text) - len(text.encode("ascii", "ignore"))
        text = dec.decode(b"", final=True)
        bad += text.count(REPLACEMENT)
    good -= bad
    if good > 0 and good * 4 >= bad:  # real UTF-8 multi-byte text with some corrupt bytes
        return utf8, False
    enc = _legacy_encoding(_non_ascii_lines(path, sample_size)) or "cp1252"
    return enc, _decodes(path, enc)


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the first bytes of a file are UTF-16 written without a
    byte order mark, else None: the high bytes of its characters, one in two, are a NUL (a Latin
    letter, digit, space or comma) or one script's block (0x04 for Cyrillic) nearly all, and
    NULs are nowhere else. (A text in UTF-8 or an 8-bit code page holds no NUL.)"""
    head = head[:len(head) // 2 * 2]
    half = len(head) // 2
    if half < 2 or 0 not in head:
        return None
    for enc, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if high.count(0) >= 0.05 * half and low.count(0) <= 0.01 * half \
                and sum(n for _, n in Counter(high).most_common(2)) >= 0.9 * half:
            return enc
    return None


def _non_ascii_lines(path: str | Path, size: int) -> bytes:
    """Up to ``size`` bytes of the lines of a file that hold a byte beyond ASCII, wherever they
    are: the text an 8-bit encoding is told by (a file of 100,000 ASCII rows before its first
    Cyrillic one is still cp1251)."""
    kept, total, rest = [], 0, b""
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            for line in lines:
                if not line.isascii():
                    kept.append(line)
                    total += len(line) + 1
                    if total >= size:
                        return b"\n".join(kept)[:size]
    if rest and not rest.isascii():
        kept.append(rest)
    return b"\n".join(kept)


_LEGACY = ["cp1251", "koi8_r", "koi8_u", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
           "iso8859_2", "mac_cyrillic", "cp866", "gb18030", "big5", "shift_jis", "euc_kr", "euc_jp"]


# a text read with the wrong 8-bit code page has symbols inside its words ('Bia³ystok' for the
# Polish 'Białystok' read as cp1252, '£ódŸ' for 'Łódź'); and read as cp1252, runs of accented
# letters no Western word has ('Ëüâ³â' for 'Львів')
_SYMBOLS = "".join(chr(c) for c in range(0x80, 0x3000) if unicodedata.category(chr(c)) in ("No", "Sc", "So", "Sm"))
_SYMBOL_IN_WORD_RE = re.compile(r"(?<=[^\W\d_])[" + re.escape(_SYMBOLS) + r"](?=[^\W\d_])")
_ACCENT_RUN_RE = re.compile(r"(?:(?![\x00-\x7f])[^\W\d_]){3,}")


def _legacy_encoding(sample: bytes) -> str | None:
    """An 8-bit (or CJK) encoding for bytes that are not UTF-8: cp1252 when it reads as Latin
    text with a few accents, else charset-normalizer's choice among common legacy code pages."""
    latin = sample.decode("cp1252", errors="replace")
    letters = [ch for ch in latin if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    garbled = bool(_SYMBOL_IN_WORD_RE.search(latin) or _ACCENT_RUN_RE.search(latin))
    if not letters or accented / len(letters) < 0.3 and not garbled:
        return "cp1252"
    if _reads_as_cyrillic_words(sample.decode("cp1251", errors="replace")):
        return "cp1251"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - optional
        from_bytes = None
    if from_bytes is not None:  # (not cp1252 when it reads as the wrong code page would)
        found = from_bytes(sample, cp_isolation=([] if garbled else ["cp1252"]) + _LEGACY)
        best = next((m for m in found if not _SYMBOL_IN_WORD_RE.search(str(m))), found.best())
        if best is not None and best.encoding:
            return best.encoding
    return "cp1252"


def _reads_as_cyrillic_words(text: str) -> bool:
    """Runs of Cyrillic letters that look like words (Title, lower or UPPER case) — random CJK
    bytes read as cp1251 give mixed-case noise."""
    runs = re.findall(r"[\u0400-\u04ff]{3,}", text)
    if not runs:
        return False
    ok = sum(1 for r in runs if r.islower() or r.isupper() or (r[0].isupper() and r[1:].islower()))
    return ok >= 0.8 * len(runs)


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _decodes(path, encoding: str) -> bool:
    dec = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 22), b""):
                dec.decode(block)
            dec.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def detect_delimiter(sample: str, column: str | None = None) -> str:
    """Sniff the delimiter among , ; TAB | (the header must then contain ``column``)."""
    lines = sample.splitlines()
    header = lines[0] if lines else ""
    cut = sample.rsplit("\n", 1)[0] if "\n" in sample else sample
    candidates = []
    try:
        candidates.append(csv.Sniffer().sniff(cut, delimiters=",;\t|").delimiter)
    except csv.Error:
        pass
    candidates += sorted(",;\t|", key=lambda d: -header.count(d))
    if column is not None:
        for d in candidates:
            try:
                names = next(csv.reader([header], delimiter=d))
            except (csv.Error, StopIteration):
                continue
            if column in [n.strip() for n in names] or (column in names):
                return d
    return candidates[0] if candidates else ","


# the first bytes of a compressed file, and the module that reads it
_COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\xfd7zXZ\x00", "lzma"))


class Source:
    """An input file (or stdin spooled to a temporary file) that can be read more than once."""

    def __init__(self, path_or_dash) -> None:
        self.temp = None
        if str(path_or_dash) == "-":
            fd, name = tempfile.mkstemp(prefix="geonorm-stdin-", suffix=".csv")
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
            self.temp = name
            self.path = name
        else:
            self.path = str(path_or_dash)
            if not os.path.exists(self.path):
                raise FileNotFoundError(f"input file not found: {self.path}")
        self._decompressed()
        self.size = os.path.getsize(self.path)

    def _decompressed(self) -> None:
        """A gzip, bzip2 or xz file is read decompressed (spooled to a temporary file); a zip
        archive (an Excel workbook is one) is a clear error, not columns of binary junk."""
        with open(self.path, "rb") as fh:
            head = fh.read(6)
        if head.startswith(b"PK\x03\x04"):
            raise ValueError(f"{self.path} is a zip archive (an Excel workbook is one), not a CSV file: export "
                             "the sheet as CSV, or read it with pandas (pd.read_excel) and call geonorm.normalize")
        opener = next((module for magic, module in _COMPRESSED if head.startswith(magic)), None)
        if opener is None:
            return
        import importlib
        fd, name = tempfile.mkstemp(prefix="geonorm-input-", suffix=".csv")
        try:
            with importlib.import_module(opener).open(self.path, "rb") as src, os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        except (OSError, EOFError) as exc:
            os.unlink(name)
            raise ValueError(f"{self.path} is a broken {opener} file: {exc}") from None
        if self.temp:
            os.unlink(self.temp)
        self.temp = self.path = name

    def open_text(self, encoding: str) -> tuple[_CountingRaw, io.TextIOWrapper]:
        raw = _CountingRaw(open(self.path, "rb"))
        text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 20), encoding=encoding, errors="replace",
                                newline="")
        return raw, text

    def close(self) -> None:
        if self.temp:
            try:
                os.unlink(self.temp)
            except OSError:
                pass


def _chunks(source: Source, encoding: str, delimiter: str, chunksize: int, report: CsvReport,
            on_bytes=None):
    """Yield DataFrame chunks (all columns str). Falls back to the csv module (rows with a wrong
    number of fields are kept) if the fast parser meets a malformed row."""
    done = 0
    raw, text = source.open_text(encoding)
    try:
        reader = pd.read_csv(text, sep=delimiter, dtype=str, chunksize=chunksize, keep_default_na=False,
                             na_filter=False, engine="c", quotechar='"', skipinitialspace=False,
                             skip_blank_lines=False)  # (a blank line is a row: an empty cell of one column)
        last = 0
        for chunk in reader:
            if not isinstance(chunk.index, pd.RangeIndex):
                # the first row has a field more than the header: pandas would make the first
                # column the index (its values lost from the output, the columns shifted)
                raise pd.errors.ParserError("a row has more fields than the header")
            done += len(chunk)
            if on_bytes is not None:
                on_bytes(raw.count - last)
                last = raw.count
            yield chunk
        if raw.closed_quote:
            _note(report, _CUT_QUOTE)
        return
    except pd.errors.ParserError as exc:
        _note(report, f"malformed CSV after row {done} ({str(exc).strip()}); using the tolerant reader")
    finally:
        text.close()
    yield from _tolerant_chunks(source, encoding, delimiter, chunksize, report, skip=done)


_CUT_QUOTE = "the last line was cut inside a quoted field; it was closed and kept"


def _note(report: CsvReport, note: str) -> None:
    """Add a note once (the file is read twice: for its distinct values, then to write)."""
    if note not in report.notes:
        report.notes.append(note)


def _tolerant_chunks(source, encoding, delimiter, chunksize, report, skip=0):
    raw, text = source.open_text(encoding)
    try:
        rows = csv.reader(text, delimiter=delimiter)
        header = next(rows, [])
        width = len(header)
        cols = _dedupe(header)
        records = rows  # (a blank line is a row, as in the fast reader)
        n = 0
        for r in itertools.islice(records, skip):
            n += 1
        long_rows = []
        while True:
            block = list(itertools.islice(records, chunksize))
            if not block:
                break
            fixed = []
            for r in block:
                n += 1
                if len(r) > width:
                    long_rows.append(n)
                    r = r[:width - 1] + [delimiter.join(r[width - 1:])]
                elif len(r) < width:
                    r = r + [""] * (width - len(r))
                fixed.append(r)
            data = {c: np.array(v, dtype=object) for c, v in zip(cols, zip(*fixed))}
            yield pd.DataFrame(data, columns=cols).astype(str)
        if long_rows:
            _note(report, f"{len(long_rows)} row(s) had more fields than the header; extra "
                          f"fields were joined into the last column (rows {_rows_text(long_rows)})")
        if raw.closed_quote:
            _note(report, _CUT_QUOTE)
    finally:
        text.close()


def _dedupe(header: list[str]) -> list[str]:
    seen: dict = {}
    out = []
    for h in header:
        if h in seen:
            seen[h] += 1
            out.append(f"{h}.{seen[h]}")
        else:
            seen[h] = 0
            out.append(h)
    return out


def _rows_text(rows: list[int], limit: int = 20) -> str:
    text = ", ".join(str(r) for r in rows[:limit])
    return text + (f" ... ({len(rows)} in all)" if len(rows) > limit else "")


def _bad_mask(chunk: pd.DataFrame) -> np.ndarray:
    mask = np.zeros(len(chunk), dtype=bool)
    for c in chunk.columns:
        mask |= chunk[c].astype(str).str.contains(REPLACEMENT, regex=False).to_numpy(dtype=bool)
    return mask


def _progress(total, desc, unit, enabled):
    from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit=unit, unit_scale=True, file=sys.stderr,
                disable=not enabled, leave=False)


class _Output:
    """Where results go (a binary handle ``fh``; UTF-8 is written): stdout for '-', else a
    temporary file beside the target that replaces it only when the run succeeds. A failed run
    leaves the target as it was, and the input may be the target (``-o events.csv`` for
    ``events.csv`` no longer empties the input before reading it)."""

    def __init__(self, path_or_dash) -> None:
        self.target = None if str(path_or_dash) == "-" else Path(path_or_dash)
        if self.target is None:
            sys.stdout.flush()
            self.fh = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            return
        # created now: a target that cannot be written fails before any work
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".geonorm-tmp",
                                        dir=self.target.parent)
        self.fh = os.fdopen(fd, "wb")

    def close(self, ok: bool) -> None:
        if self.target is None:
            self.fh.flush()
            return
        self.fh.close()
        if not ok:
            os.unlink(self.tmp)
            return
        if self.target.exists():
            shutil.copymode(self.target, self.tmp)
        else:  # mkstemp makes the file private; a new output gets the usual permissions
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)
        os.replace(self.tmp, self.target)


class _TextSink:
    def __init__(self, fh) -> None:
        self.fh = fh

    def write(self, b: bytes) -> None:
        self.fh.write(b.decode("utf-8"))

    def flush(self) -> None:
        self.fh.flush()


def _header_as_written(header: list[str], chunk: pd.DataFrame) -> list[str]:
    """The input's column names as its header row writes them ('where,where' and blank names are
    not pandas' 'where.1', 'Unnamed: 0'); the chunk's when the two differ in number."""
    return header if len(header) == chunk.shape[1] else [str(c) for c in chunk.columns]


def _write_chunk(df: pd.DataFrame, fh, delimiter: str, header: list[str] | None) -> None:
    """Write a chunk as UTF-8 CSV: pyarrow's writer when available (several times faster on
    long text columns), else pandas; ``header``: the names to write first (None: none)."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:  # pragma: no cover - pyarrow is optional
        pa = None
    if pa is not None:
        try:
            table = pa.Table.from_pandas(df, preserve_index=False)
            buf = io.BytesIO()
            if header:  # pyarrow quotes every header name; write it as the csv module does
                line = io.StringIO()
                csv.writer(line, delimiter=delimiter, lineterminator="\n").writerow(header)
                buf.write(line.getvalue().encode("utf-8"))
            pacsv.write_csv(table, buf, pacsv.WriteOptions(include_header=False, delimiter=delimiter,
                                                           quoting_style="needed"))
            fh.write(buf.getvalue())
            return
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError, TypeError, ValueError):
            pass
    fh.write(df.to_csv(sep=delimiter, index=False, header=header or False, lineterminator="\n").encode("utf-8"))


# ---- review -----------------------------------------------------------------------------------
REVIEW_COLUMNS = (["row", "value", "best_id", "best_name", "best_admin1", "best_country_code", "confidence"]
                  + [f"alt{i}_{f}" for i in (1, 2, 3) for f in ("id", "name", "admin1", "country_code", "confidence")]
                  + ["explanation", "corrected_id"])


def _review_record(row: int, value, m) -> list:
    rec = [row, value]
    if m is not None and m.ok:
        rec += [m.id, m.name, m.admin1, m.country_code, m.confidence]
    else:
        rec += ["", "", "", "", 0.0]
    alts = list(m.alternatives[:3]) if m is not None else []
    if m is not None and not m.ok:
        alts = list(m.alternatives[:3])
    for i in range(3):
        if i < len(alts):
            a = alts[i]
            rec += [a.id, a.name, a.admin1, a.country_code, a.confidence]
        else:
            rec += ["", "", "", "", ""]
    rec += [m.explain() if m is not None else "undecodable bytes in the value", ""]
    return rec


def read_review(review_csv) -> dict[int, tuple[str, str]]:
    """{row: (corrected_id text, value)} for the review rows a person filled in."""
    with open(review_csv, "r", encoding="utf-8-sig", newline="") as fh:
        sample = fh.read(1 << 16)
        fh.seek(0)
        delim = detect_delimiter(sample, "corrected_id")
        reader = csv.DictReader(fh, delimiter=delim)
        if not reader.fieldnames or "row" not in reader.fieldnames or "corrected_id" not in reader.fieldnames:
            raise ValueError(f"{review_csv}: a review file needs the columns 'row' and 'corrected_id' "
                             f"(found {reader.fieldnames})")
        out = {}
        for rec in reader:
            cid = (rec.get("corrected_id") or "").strip()
            if not cid:
                continue
            try:
                row = int(str(rec["row"]).strip())
            except ValueError:
                raise ValueError(f"{review_csv}: bad row number {rec['row']!r}") from None
            out[row] = (cid, rec.get("value") or "")
    return out


def _review_overrides(corrections: dict, gazetteer, review_name: str) -> dict[int, tuple]:
    """{row: result tuple} from corrected ids (validated against the gazetteer)."""
    out, unknown = {}, []
    for row, (cid, value) in corrections.items():
        if cid.lower() in _NULL_IDS:
            out[row] = (None, None, None, None, None, None, None, 0.0, "none", None,
                        f"No match for {value!r}: cleared by a person in review file {review_name}.")
            continue
        try:
            pid = int(float(cid))
        except ValueError:
            unknown.append(f"row {row}: {cid!r}")
            continue
        place = gazetteer.get(pid)
        if place is None:
            unknown.append(f"row {row}: {pid}")
            continue
        admin1 = gazetteer.admin_name(place.row, "admin1") if place.level != "admin1" else ""
        admin2 = gazetteer.admin_name(place.row, "admin2") if place.level == "populated place" else ""
        where = ", ".join(x for x in (admin1, place.country_code) if x)
        out[row] = (place.id, place.name, place.lat, place.lon, place.country_code, admin1 or None,
                    admin2 or None, 1.0, "reviewed", place.name,
                    f"{value!r} -> {place.name} ({where}), GeoNames {place.id}; set by a person in "
                    f"review file {review_name}.")
    if unknown:
        raise ValueError(f"{review_name}: corrected_id not in the gazetteer: " + "; ".join(unknown[:20]))
    return out


def _apply_overrides(res: pd.DataFrame, first_row: int, overrides: dict, prefix: str) -> int:
    """Overwrite result rows (positions by 1-based row number) in place; returns how many."""
    if not overrides:
        return 0
    n = len(res)
    hits = [(r - first_row, t) for r, t in overrides.items() if first_row <= r < first_row + n]
    for pos, t in hits:
        for name, v in zip(FIELDS, t):
            col = prefix + name
            res.iloc[pos, res.columns.get_loc(col)] = (pd.NA if v is None and name == "id" else
                                                       (np.nan if v is None and name in ("lat", "lon") else v))
    return len(hits)


# ---- the command's engine ----------------------------------------------------------------------
def normalize_csv(in_path_or_dash, out_path_or_dash, column, country_column=None, admin1_column=None,
                  date_column=None, encoding=None, delimiter=None, review=None, review_threshold=0.6,
                  chunksize=50_000, progress=True, resolver=None, context=True, group_column=None,
                  prefix="geo_", apply_review=None, min_confidence=None, log=None, *, country=None,
                  admin1=None, admin2=None, admin2_column=None, within=None, feature=None,
                  text_column=None) -> CsvReport:
    """Normalize one column of a CSV file (or '-' for stdin/stdout), streaming; see the module doc.
    ``country``, ``admin1``, ``admin2``, ``within``, ``feature``: one hint for every row (for the
    first three, instead of a column of them). ``text_column``: each row's source text, whose
    places are context for it."""
    for const, col, name in ((country, country_column, "country"), (admin1, admin1_column, "admin1"),
                             (admin2, admin2_column, "admin2")):
        if const is not None and col is not None:
            raise ValueError(f"give a {name} hint or a {name} column, not both")
    review_threshold = confidence_arg(review_threshold, "review_threshold")
    min_confidence = confidence_arg(min_confidence)
    t0 = time.perf_counter()
    log = log or (lambda msg: print(f"geonorm: {msg}", file=sys.stderr))
    report = CsvReport()
    sink = _Output(out_path_or_dash)  # fails early if the output cannot be written
    out_fh = sink.fh
    review_sink = review_fh = None
    source = None
    ok = False
    try:
        if review:
            review_sink = _Output(review)  # like the output: it may name the input, and appears whole
            review_fh = io.TextIOWrapper(review_sink.fh, encoding="utf-8", newline="")
        source = Source(in_path_or_dash)
        if encoding:
            enc, clean = encoding, _decodes(source.path, encoding)
        else:
            enc, clean = detect_encoding(source.path)
        report.encoding = enc
        raw, text = source.open_text(enc)
        try:
            sample = text.read(1 << 16)
        finally:
            text.close()
        delim = delimiter or detect_delimiter(sample, column)
        if delim == "\\t":
            delim = "\t"
        if len(delim) != 1 or delim in "\"\r\n":
            raise ValueError(f"the delimiter must be one character (not a quote or line break), got {delim!r}")
        report.delimiter = delim
        header = next(csv.reader([sample.splitlines()[0] if sample else ""], delimiter=delim), [])
        if not header:
            raise ValueError(f"the input {str(in_path_or_dash)!r} is empty: no header row, no columns")
        named = [n for n in (column, country_column, admin1_column, admin2_column, date_column, group_column,
                             text_column) if n is not None]
        for name in named:
            if name not in header:
                raise _missing(name, header)
        check_unique(header, named)  # (a reader would take the first of two columns so named)
        clash = result_columns_in(header, prefix)
        if clash:  # (the input's own values are written back as they are, never replaced)
            raise ValueError(f"the input already has result columns {clash}; pass another --prefix")
        resolver = with_hints(resolver, within, feature)
        if country is not None or admin1 is not None or admin2 is not None:  # checked once here, not per row
            resolver.resolve("x", country=country, admin1=admin1, admin2=admin2)
        def fixed(value):  # (a value given for every row is never a column's name: '--country UA')
            return None if value is None else Fixed(value)
        norm = ColumnNormalizer(resolver, column, country=country_column or fixed(country),
                                admin1=admin1_column or fixed(admin1), admin2=admin2_column or fixed(admin2),
                                date=date_column, text=text_column, group=group_column, prefix=prefix,
                                context=context, min_confidence=min_confidence)
        overrides = {}
        if apply_review:
            overrides = _review_overrides(read_review(apply_review), resolver.gazetteer,
                                          os.path.basename(str(apply_review)))

        # pass 1: distinct values (and their row counts) -> resolve once -> column context
        if context is not False:
            bar = _progress(source.size, "geonorm: distinct values", "B", progress)
            for chunk in _chunks(source, enc, delim, chunksize, report, on_bytes=bar.update):
                norm.add(chunk)
            bar.close()
            rbar = _progress(len(norm.counts), "geonorm: resolving", "values", progress)
            norm.finish(progress=rbar)
            rbar.close()

        # pass 2: write every row with its result columns
        bar = _progress(source.size, "geonorm: writing", "B", progress)
        review_writer = csv.writer(review_fh, lineterminator="\n") if review_fh else None
        if review_writer:
            review_writer.writerow(REVIEW_COLUMNS)
        row0, first = 1, True
        for chunk in _chunks(source, enc, delim, chunksize, report, on_bytes=bar.update):
            bad = _bad_mask(chunk) if not clean else None
            target_bad = None
            if bad is not None and bad.any():
                rows = (np.flatnonzero(bad) + row0).tolist()
                report.undecodable_count += len(rows)
                room = _MAX_REPORTED_ROWS - len(report.undecodable_rows)
                report.undecodable_rows += rows[:max(room, 0)]
                target_bad = chunk[column].astype(str).str.contains(REPLACEMENT, regex=False).to_numpy(dtype=bool)
            codes, matches = norm.matches_for(chunk)
            res = norm.apply(chunk, bad_rows=target_bad, precomputed=(codes, matches))
            report.reviewed_rows += _apply_overrides(res, row0, overrides, prefix)
            if review_writer:
                conf = res[prefix + "confidence"].to_numpy()
                values = chunk[column].to_numpy(dtype=object)
                low = (conf < review_threshold) & np.array([isinstance(v, str) and v.strip() != "" for v in values])
                for pos in np.flatnonzero(low).tolist():
                    if row0 + pos in overrides:
                        continue
                    m = None if (target_bad is not None and target_bad[pos]) else matches[codes[pos]]
                    review_writer.writerow(_review_record(row0 + pos, values[pos], m))
                    report.review_rows += 1
            out = chunk.copy()
            for c in res.columns:
                out[c] = res[c].array
            report.matched_rows += int(res[prefix + "id"].notna().sum())
            _write_chunk(out, out_fh, delim, _header_as_written(header, chunk) + list(res.columns) if first else None)
            first = False
            row0 += len(chunk)
        if first:  # no data rows: still write the header
            cols = header + [prefix + f for f in FIELDS]
            line = io.StringIO()
            csv.writer(line, delimiter=delim, lineterminator="\n").writerow(cols)
            out_fh.write(line.getvalue().encode("utf-8"))
        bar.close()
        report.rows = row0 - 1
        report.distinct = len(norm.results)
        ok = True
    finally:
        if review_sink is not None:
            review_fh.flush()
            review_fh.detach()
            review_sink.close(ok)
        if source is not None:
            source.close()
        sink.close(ok)
    report.seconds = time.perf_counter() - t0
    if report.undecodable_count:
        log(f"{report.undecodable_count} row(s) contain bytes that are not valid {report.encoding} "
            f"(replaced by U+FFFD; rows {_rows_text(report.undecodable_rows)}); their results are null "
            f"where the {column!r} value is affected")
    for note in report.notes:
        log(note)
    return report


def apply_review(out_csv, review_csv, output=None, *, prefix="geo_", resolver=None, delimiter=None,
                 chunksize=50_000, log=None) -> CsvReport:
    """Overwrite the results of the rows a person corrected in ``review_csv`` (its
    ``corrected_id`` column: a GeoNames id, or 'none' for no place) in a normalized CSV.
    Writes ``output`` (default: ``out_csv`` in place)."""
    log = log or (lambda msg: print(f"geonorm: {msg}", file=sys.stderr))
    if resolver is None:
        from .table import _default_resolver
        resolver = _default_resolver()
    corrections = read_review(review_csv)
    overrides = _review_overrides(corrections, resolver.gazetteer, os.path.basename(str(review_csv)))
    report = CsvReport(encoding="utf-8-sig")
    source = Source(out_csv)
    sink = None
    ok = False
    try:
        raw, text = source.open_text("utf-8-sig")
        try:
            sample = text.read(1 << 16)
        finally:
            text.close()
        delim = delimiter or detect_delimiter(sample, prefix + "id")
        report.delimiter = delim
        header = next(csv.reader([sample.splitlines()[0] if sample else ""], delimiter=delim), [])
        missing = [prefix + f for f in FIELDS if prefix + f not in header]
        if missing:
            raise ValueError(f"{out_csv} is not a geonorm output (missing {missing}); columns: {header}")
        sink = _Output(output if output is not None else out_csv)  # in place by default
        row0, first = 1, True
        for chunk in _chunks(source, "utf-8-sig", delim, chunksize, report):
            res = chunk[[prefix + f for f in FIELDS]].astype(object)
            report.reviewed_rows += _apply_overrides(res, row0, overrides, prefix)
            for c in res.columns:
                chunk[c] = res[c].where(res[c].notna(), "").astype(object)
            _write_chunk(chunk, sink.fh, delim, _header_as_written(header, chunk) if first else None)
            first = False
            row0 += len(chunk)
        report.rows = row0 - 1
        beyond = [r for r in overrides if r > report.rows or r < 1]
        if beyond:
            log(f"review rows beyond the file's {report.rows} rows: {_rows_text(sorted(beyond))}")
        ok = True
    finally:
        source.close()
        if sink is not None:
            sink.close(ok)
    return report


# ---- click -------------------------------------------------------------------------------------
def _make_command():
    import click

    @click.command("normalize")
    @click.argument("in_path", metavar="IN.csv", type=click.Path(allow_dash=True, dir_okay=False))
    @click.option("--column", help="The column of place names (required unless IN.csv is a normalized "
                                   "output and only --apply-review is given).")
    @click.option("--country-column", help="A column with a country hint per row (ISO code or name).")
    @click.option("--admin1-column", help="A column with a first-level area hint per row.")
    @click.option("--country", help="One country hint for every row (ISO code or name).")
    @click.option("--admin1", help="One first-level area hint for every row (name or ISO 3166-2 code).")
    @click.option("--admin2-column", help="A column with a second-level area hint per row (district, raion, "
                                          "county).")
    @click.option("--admin2", help="One second-level area hint for every row.")
    @click.option("--within", help="Keep answers inside this area: MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, WKT, "
                                   "GeoJSON or a .geojson file.")
    @click.option("--feature", help="populated place | admin | admin1 | admin2 | country | region; several "
                                    "separated by commas.")
    @click.option("--date-column", help="A column with the date each row refers to (old names).")
    @click.option("--group-column", help="Build the column context per group of this column.")
    @click.option("--text-column", help="A column with each row's source text (headlines, article): the places "
                                        "it names are context for the row.")
    @click.option("-o", "--out", "out_path", default="-", show_default=True,
                  type=click.Path(allow_dash=True, dir_okay=False), help="Output CSV ('-' = stdout).")
    @click.option("--review", "review_path", type=click.Path(dir_okay=False),
                  help="Write rows below --review-threshold with their top alternatives to this CSV.")
    @click.option("--review-threshold", default=0.6, show_default=True, type=float)
    @click.option("--apply-review", "apply_review_path", type=click.Path(exists=True, dir_okay=False),
                  help="A review CSV whose 'corrected_id' column a person filled in.")
    @click.option("--encoding", help="Input encoding (default: detected).")
    @click.option("--delimiter", help="Input delimiter (default: sniffed); '\\t' for tab.")
    @click.option("--no-context", is_flag=True, help="Resolve each row alone (no column context).")
    @click.option("--min-confidence", type=float, help="Give null results below this confidence.")
    @click.option("--prefix", default="geo_", show_default=True, help="Prefix of the result columns.")
    @click.option("--chunksize", default=50_000, show_default=True, type=int)
    @click.option("--index", type=click.Path(exists=True, file_okay=False), help="A custom index directory.")
    @click.option("--progress/--no-progress", default=True, show_default=True, help="Progress bar on stderr.")
    @click.option("--typo-reach", type=click.IntRange(min=1), default=None,
                  help="Places the typo search tries to reach before it stops widening (default 10; "
                       "1: about twice as fast on misspelt values, less recall).")
    def normalize_command(in_path, column, country_column, admin1_column, country, admin1, admin2_column, admin2,
                          within, feature, date_column, group_column, text_column, out_path, review_path, review_threshold,
                          apply_review_path, encoding, delimiter, no_context, min_confidence, prefix, chunksize,
                          index, progress, typo_reach):
        """Normalize a CSV column of place names, streaming:

        geonorm normalize events.csv --column where_description --country-column country -o out.csv
        """
        from ..gazetteer import Gazetteer
        from ..matching.resolver import Resolver, default_resolver
        for p in (out_path, review_path):
            if p and p != "-":
                _check_writable(p)
        if typo_reach is None:
            res = Resolver(Gazetteer.open(index)) if index else default_resolver()
        else:
            res = Resolver(Gazetteer.open(index) if index else None, typo_reach=typo_reach)
        say = lambda msg: click.echo(f"geonorm: {msg}", err=True)  # noqa: E731
        try:
            if column is None:
                if not apply_review_path:
                    raise click.UsageError("give --column (the column of place names)")
                if in_path == "-":
                    raise click.UsageError("--apply-review without --column needs a file, not stdin")
                rep = apply_review(in_path, apply_review_path, output=None if out_path == "-" else out_path,
                                   prefix=prefix, resolver=res, delimiter=delimiter, log=say)
                say(f"{rep.reviewed_rows} row(s) set from {apply_review_path}")
                return
            rep = normalize_csv(in_path, out_path, column, country_column=country_column,
                                admin1_column=admin1_column, date_column=date_column, encoding=encoding,
                                delimiter=delimiter, review=review_path, review_threshold=review_threshold,
                                chunksize=chunksize, progress=progress, resolver=res,
                                context=not no_context, group_column=group_column, prefix=prefix,
                                apply_review=apply_review_path, min_confidence=min_confidence, log=say,
                                country=country, admin1=admin1, admin2=admin2, admin2_column=admin2_column,
                                within=within, feature=feature, text_column=text_column)
        except (KeyError, ValueError, LookupError) as exc:
            msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
            raise click.ClickException(str(msg)) from None
        except FileNotFoundError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            raise  # (the reader of the output stopped: '| head'; the command line ends quietly)
        except OSError as exc:
            raise click.FileError(getattr(exc, "filename", None) or out_path, hint=exc.strerror or str(exc)) from None
        say(f"{rep.rows:,} rows ({rep.distinct:,} distinct values), {rep.matched_rows:,} matched, "
            f"encoding {rep.encoding}, delimiter {rep.delimiter!r}, {rep.seconds:.1f} s"
            + (f"; {rep.review_rows:,} rows to review in {review_path}" if review_path else "")
            + (f"; {rep.reviewed_rows:,} rows set from {apply_review_path}" if apply_review_path else ""))

    def _check_writable(p):
        path = Path(p)
        parent = path.parent if str(path.parent) else Path(".")
        if path.is_dir():
            raise click.FileError(str(p), hint="is a directory")
        if not parent.exists():
            raise click.FileError(str(p), hint=f"directory {str(parent)!r} does not exist")
        # the result is written beside the target and moved over it: the directory must be writable
        if (path.exists() and not os.access(path, os.W_OK)) or not os.access(parent, os.W_OK):
            raise click.FileError(str(p), hint="permission denied (cannot write the output)")

    return normalize_command


normalize_command = _make_command()
