"""A compact hash -> rows multimap: sorted uint64 hashes beside int32 row numbers.

Memory-mappable, built once, ~12 bytes per entry. A lookup reads a bucket table (the first
entry of each run of hashes sharing their top bits, made when first asked) and then only the
few entries of that bucket: two memory reads where a binary search over millions of entries
makes twenty-odd scattered ones, which is most of what a typo lookup's hundred-odd keys cost.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .hashing import hash64

_BUCKET_ENTRIES = 4  # mean entries per bucket: the table costs 4 bytes per 4 entries


def range_indices(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices of the ranges ``[starts[i], starts[i] + counts[i])``, one range after another
    (one vectorized gather of several slices)."""
    counts = np.asarray(counts)
    total = int(counts.sum())
    return np.arange(total) + np.repeat(np.asarray(starts, dtype=np.int64) - (np.cumsum(counts) - counts), counts)


class KeyIndex:
    def __init__(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        self.hashes = hashes
        self.rows = rows
        self._table: np.ndarray | None = None
        self._shift = np.uint64(63)

    @classmethod
    def build(cls, hashes: np.ndarray, rows: np.ndarray) -> "KeyIndex":
        order = np.argsort(hashes, kind="stable")
        return cls(hashes[order], rows[order].astype(np.int32))

    def _buckets(self) -> tuple[np.ndarray, np.uint64]:
        """The bucket table: ``table[b]`` is the first entry whose hash has top bits ``b``
        (one entry more at the end); made on first use (tens of ms for the largest index)."""
        table = self._table
        if table is None:
            bits = min(26, max(1, math.ceil(math.log2(max(len(self.hashes), 1) / _BUCKET_ENTRIES))))
            shift = np.uint64(64 - bits)
            table = np.empty((1 << bits) + 1, dtype=np.int64 if len(self.hashes) >= 2**31 else np.int32)
            table[:-1] = np.searchsorted(self.hashes, np.arange(1 << bits, dtype=np.uint64) << shift, "left")
            table[-1] = len(self.hashes)
            self._shift = shift
            self._table = table  # set last: another thread sees a whole table or none
        return table, self._shift

    def get(self, key: str) -> np.ndarray:
        return self.get_hash(hash64(key))

    def get_hash(self, h: int) -> np.ndarray:
        table, shift = self._buckets()
        h = np.uint64(h)
        b = int(h >> shift)
        lo, hi = int(table[b]), int(table[b + 1])
        bucket = self.hashes[lo:hi]
        a = int(bucket.searchsorted(h, "left"))
        if a == len(bucket) or bucket[a] != h:
            return self.rows[0:0]
        return self.rows[lo + a:lo + int(bucket.searchsorted(h, "right"))]

    def get_many(self, hashes: np.ndarray) -> np.ndarray:
        """Rows for any of ``hashes`` (concatenated in their order, may repeat)."""
        if not len(hashes):
            return self.rows[0:0]
        table, shift = self._buckets()
        b = (hashes >> shift).astype(np.intp)
        start = table[b].astype(np.intp)
        count = table[b + 1] - start
        total = int(count.sum())
        if not total:
            return self.rows[0:0]
        # every entry of every bucket asked for, then those whose hash is the one asked for
        which = np.repeat(np.arange(len(hashes)), count)
        entry = range_indices(start, count)
        return self.rows[entry[self.hashes[entry] == hashes[which]]]

    def save(self, directory: Path, name: str) -> None:
        np.save(directory / f"{name}.hash.npy", self.hashes)
        np.save(directory / f"{name}.rows.npy", self.rows)

    @classmethod
    def load(cls, directory: Path, name: str) -> "KeyIndex":
        return cls(np.asarray(np.load(directory / f"{name}.hash.npy", mmap_mode="r")),
                   np.asarray(np.load(directory / f"{name}.rows.npy", mmap_mode="r")))

    def __len__(self) -> int:
        return len(self.hashes)
