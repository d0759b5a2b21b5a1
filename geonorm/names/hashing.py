"""Stable 64-bit string hashes for the on-disk key index (crc32 and adler32, both C-fast).

``hash64`` hashes one string; ``hash_array`` and ``deletion_hashes`` compute the very same
values for many strings at once with numpy (strings are grouped by byte length and hashed
column by column), which is what an index build uses. ``segments`` / ``query_segments`` are the
pigeonhole keys of the distance-2 typo index.
"""
from __future__ import annotations

import zlib

import numpy as np

_ADLER_MOD = 65521


def hash64(text: str) -> int:
    data = text.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


def _crc_table() -> np.ndarray:
    """The standard (reflected, 0xEDB88320) CRC-32 byte table used by zlib."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_CRC_TABLE = _crc_table()


class _HashState:
    """Running crc32 and adler32 of many equally long byte strings (one per lane)."""

    def __init__(self, n: int, wide: bool = False) -> None:
        # adler sums fit uint32 for strings up to 4096 bytes (the modulo is taken at the end)
        acc = np.int64 if wide else np.uint32
        self.crc = np.full(n, 0xFFFFFFFF, dtype=np.uint32)
        self.a = np.ones(n, dtype=acc)
        self.b = np.zeros(n, dtype=acc)

    def copy(self) -> "_HashState":
        other = _HashState.__new__(_HashState)
        other.crc, other.a, other.b = self.crc.copy(), self.a.copy(), self.b.copy()
        return other

    def feed(self, cols: np.ndarray) -> None:
        """Append bytes: ``cols[j]`` holds byte j of the appended part for every lane."""
        idx = np.empty(len(self.crc), dtype=np.intp)
        crc, a, b = self.crc, self.a, self.b
        for col in cols:
            np.bitwise_xor(crc, col, out=idx, casting="unsafe")
            idx &= 0xFF
            crc >>= 8
            crc ^= _CRC_TABLE.take(idx)
            a += col
            b += a

    def digest(self) -> np.ndarray:
        """``hash64`` of each lane's bytes so far."""
        crc = self.crc ^ np.uint32(0xFFFFFFFF)
        adler = ((self.b % _ADLER_MOD).astype(np.uint64) << np.uint64(16)) | (
            self.a % _ADLER_MOD).astype(np.uint64)
        return (crc.astype(np.uint64) << np.uint64(32)) | adler


def _encode_all(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """UTF-8 bytes of ``texts`` in one buffer, with each string's start and byte length.

    The strings are joined with NUL, so they must not contain NUL themselves (normalized
    names and keys never do; checked)."""
    buf = np.frombuffer("\x00".join(texts).encode("utf-8", "surrogatepass"), dtype=np.uint8)
    ends = np.flatnonzero(buf == 0)
    if len(ends) != len(texts) - 1:
        raise ValueError("hash_array: strings must not contain NUL")
    ends = np.append(ends, len(buf)).astype(np.int64)
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    return buf, starts, ends - starts


def _by_length(lengths: np.ndarray):
    """Yield (length, indexes of the strings with that length)."""
    order = np.argsort(lengths.astype(np.int32), kind="stable")
    sorted_len = lengths[order]
    bounds = np.flatnonzero(np.diff(sorted_len)) + 1
    for idx in np.split(order, bounds):
        if len(idx):
            yield int(lengths[idx[0]]), idx


def hash_array(texts: list[str]) -> np.ndarray:
    """``hash64`` of each string, vectorized (equal to ``[hash64(t) for t in texts]``)."""
    out = np.empty(len(texts), dtype=np.uint64)
    if not texts:
        return out
    buf, starts, lengths = _encode_all(texts)
    for length, idx in _by_length(lengths):
        state = _HashState(len(idx), wide=length > 4096)
        state.feed(_columns(buf, starts[idx], length))
        out[idx] = state.digest()
    return out


def _columns(buf: np.ndarray, starts: np.ndarray, length: int) -> np.ndarray:
    """Bytes of equally long strings as a (length, n) matrix: row j = byte j of each string."""
    return buf[np.arange(length)[:, None] + starts[None, :]]


def deletions(key: str) -> set[str]:
    """The key itself and every single-character deletion of it (SymSpell, distance 1)."""
    out = {key}
    for i in range(len(key)):
        out.add(key[:i] + key[i + 1:])
    return out


def deletion_hashes(keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``hash64`` of every string in ``deletions(keys[i])``, for ASCII keys, vectorized.

    Returns (hashes, key numbers), ordered by key number; within one key the order is
    unspecified. Equal to hashing the sets ``deletions(k)`` one by one."""
    if not keys:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32)
    buf, starts, lengths = _encode_all(keys)
    if not all(k.isascii() for k in keys):
        raise ValueError("deletion_hashes: ASCII keys only")
    hashes, ids = [], []
    for length, idx in _by_length(lengths):
        cols = _columns(buf, starts[idx], length)
        prefix = _HashState(len(idx))  # hash state of the first i bytes of each key
        for i in range(length):
            # deleting i gives the same string as deleting i-1 when both letters are equal
            keep = slice(None) if i == 0 else np.flatnonzero(cols[i] != cols[i - 1])
            deleted = prefix.copy()
            deleted.feed(cols[i + 1:])
            hashes.append(deleted.digest()[keep])
            ids.append(idx[keep])
            prefix.feed(cols[i:i + 1])
        hashes.append(prefix.digest())  # the key itself
        ids.append(idx)
    h = np.concatenate(hashes)
    k = np.concatenate(ids)
    order = np.argsort(k, kind="stable")
    return h[order], k[order].astype(np.int32)


SEGMENT_MIN_LEN = 5  # keys at least this long get pigeonhole segments (shorter ones: one deletion only)
SEGMENT_MAX_DIST = 2


def _segment_bounds(length: int) -> list[tuple[int, int]]:
    """(start, end) of the three segments of a key of ``length`` characters."""
    a, b = length // 3, (2 * length) // 3
    return [(0, a), (a, b), (b, length)]


def segments(key: str) -> list[str]:
    """The three pigeonhole segments of an indexed key, tagged with the key's length and the
    segment's number: a string within two edits of ``key`` contains one of them unchanged."""
    n = len(key)
    return [f"{n}:{i}:{key[a:b]}" for i, (a, b) in enumerate(_segment_bounds(n))]


def query_segments(query: str, max_dist: int = SEGMENT_MAX_DIST) -> set[str]:
    """Every segment key an indexed key within ``max_dist`` edits of ``query`` could share with
    it: for each possible key length, each segment at each shift its length allows. A segment
    the edits leave whole moves by the deletions before it less the insertions; a key ``delta``
    letters longer has at most (max_dist + delta) // 2 insertions and (max_dist - delta) // 2
    deletions (swapped neighbours move nothing), which halves the shifts to look up.

    Two swapped neighbours are one edit that may straddle a segment border and break both
    segments beside it; one more edit breaks the third ('diitrogvrad' breaks all of
    'dimi|trov|grad'). At two edits the query with a pair at a border swapped back also lends
    the segment on that border's far side (:func:`_straddled_segments`)."""
    out = _shifted_segments(query, max_dist)
    if max_dist == 2:
        out |= _straddled_segments(query)
    return out


def _straddled_segments(query: str) -> set[str]:
    """Segment keys of indexed keys two edits from ``query``, one of them two neighbours swapped
    across a segment border, that :func:`_shifted_segments` misses: the other edit then lies in
    the segment away from that border (else that segment is whole in the query). With the pair
    swapped back, the segment on the other side of the border is whole: the first segment for
    the first border (the edit after it moves nothing), the last for the second, moved by the
    edit before it (a letter inserted: +1, dropped: -1)."""
    out = set()
    n = len(query)
    for length, shift in ((n, 0), (n - 1, 1), (n + 1, -1)):
        if length < SEGMENT_MIN_LEN:
            continue
        (_, a), (_, b), _ = _segment_bounds(length)
        # (segment number, the swapped pair's first letter in the query, the segment's span there)
        for number, i, (lo, hi) in ((0, a - 1, (0, a)), (2, b - 1 + shift, (b + shift, length + shift))):
            if 0 <= i and i + 1 < n and query[i] != query[i + 1] and 0 <= lo and hi <= n:
                back = query[:i] + query[i + 1] + query[i] + query[i + 2:]
                out.add(f"{length}:{number}:{back[lo:hi]}")
    return out


def _shifted_segments(query: str, max_dist: int) -> set[str]:
    """The segment keys of :func:`query_segments` without swaps undone."""
    out = set()
    n = len(query)
    for length in range(max(SEGMENT_MIN_LEN, n - max_dist), n + max_dist + 1):
        delta = length - n
        shifts = range(-((max_dist + delta) // 2), (max_dist - delta) // 2 + 1)
        for i, (a, b) in enumerate(_segment_bounds(length)):
            for shift in shifts:
                start = a + shift
                if 0 <= start and start + (b - a) <= n:
                    out.add(f"{length}:{i}:{query[start:start + b - a]}")
    return out


HIST_BINS = 32


def letter_histograms(keys: list[str]) -> np.ndarray:
    """(len(keys), HIST_BINS) uint8 letter counts of keys' UTF-8 bytes (folded modulo HIST_BINS).

    For two keys within d edits, neither has more than d letters the other lacks (folding bytes
    into bins only lowers that surplus), so comparing histograms prunes candidates cheaply."""
    out = np.zeros((len(keys), HIST_BINS), dtype=np.uint8)
    if not keys:
        return out
    buf, starts, lengths = _encode_all(keys)
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    data = np.delete(buf, np.flatnonzero(buf == 0)) if len(keys) > 1 else buf
    counts = np.bincount(owner * HIST_BINS + (data % HIST_BINS), minlength=len(keys) * HIST_BINS)
    return np.minimum(counts, 255).astype(np.uint8).reshape(len(keys), HIST_BINS)


_BITS = np.uint32(1) << np.arange(HIST_BINS, dtype=np.uint32)
_POPCOUNT8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def letter_masks(hists: np.ndarray) -> np.ndarray:
    """uint32 per key: bit b set when the key has a letter in histogram bin b."""
    return np.bitwise_or.reduce(np.where(hists > 0, _BITS, np.uint32(0)), axis=1).astype(np.uint32)


def _popcount(a: np.ndarray) -> np.ndarray:
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(a)
    return _POPCOUNT8[a.view(np.uint8)].reshape(len(a), 4).sum(axis=1, dtype=np.int32)


def sorted_unique(a: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-d integer array by one sort (numpy 2's ``np.unique`` is many times
    slower on the few thousand ids of a typo lookup). The sort is numpy's stable one: index
    lookups concatenate sorted runs, which it merges (30,000 ids: ~0.15 ms, not ~0.5)."""
    s = np.sort(a, kind="stable")
    if len(s) < 2:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def mask_bound(masks: np.ndarray, query: str) -> np.ndarray:
    """A lower bound of the edit distance between ``query`` and each key with letter mask
    ``masks``: each letter bin only one side has costs an edit. Weaker than
    :func:`histogram_bound`, and about ten times cheaper: a first filter."""
    q = letter_masks(letter_histograms([query]))[0]
    return np.maximum(_popcount(masks & ~q), _popcount(q & ~masks))


def histogram_bound(hists: np.ndarray, query: str) -> np.ndarray:
    """A lower bound of the edit distance between ``query`` and each key with histogram ``hists``."""
    q = letter_histograms([query])[0]
    # row sums as a float32 product (exact for these small counts; numpy's integer row sums
    # over 32 narrow columns are about twice as slow)
    ones = np.ones(HIST_BINS, dtype=np.float32)
    common = np.minimum(hists, q).astype(np.float32) @ ones  # letters both have
    surplus = hists.astype(np.float32) @ ones - common  # key letters the query lacks
    deficit = float(q.sum(dtype=np.int32)) - common  # query letters the key lacks
    return np.maximum(surplus, deficit).astype(np.int32)
