"""A compact hash -> rows multimap: sorted uint64 hashes beside int32 row numbers.

Memory-mappable, built once, ~12 bytes per entry; lookups are a binary search.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .hashing import hash64


class KeyIndex:
    def __init__(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        self.hashes = hashes
        self.rows = rows

    @classmethod
    def build(cls, hashes: np.ndarray, rows: np.ndarray) -> "KeyIndex":
        order = np.argsort(hashes, kind="stable")
        return cls(hashes[order], rows[order].astype(np.int32))

    def get(self, key: str) -> np.ndarray:
        return self.get_hash(hash64(key))

    def get_hash(self, h: int) -> np.ndarray:
        h = np.uint64(h)
        hashes = self.hashes
        lo = int(hashes.searchsorted(h, "left"))
        n = len(hashes)
        if lo >= n or hashes[lo] != h:
            return self.rows[0:0]
        hi = lo + 1
        while hi < n and hashes[hi] == h:  # a key has few rows: cheaper than a second search
            hi += 1
            if hi - lo > 16:
                hi = int(hashes.searchsorted(h, "right"))
                break
        return self.rows[lo:hi]

    def get_many(self, hashes: np.ndarray) -> np.ndarray:
        """Rows for any of ``hashes`` (concatenated, may repeat)."""
        lo = np.searchsorted(self.hashes, hashes, "left")
        hi = np.searchsorted(self.hashes, hashes, "right")
        parts = [self.rows[a:b] for a, b in zip(lo.tolist(), hi.tolist()) if b > a]
        return np.concatenate(parts) if parts else self.rows[0:0]

    def save(self, directory: Path, name: str) -> None:
        np.save(directory / f"{name}.hash.npy", self.hashes)
        np.save(directory / f"{name}.rows.npy", self.rows)

    @classmethod
    def load(cls, directory: Path, name: str) -> "KeyIndex":
        return cls(np.asarray(np.load(directory / f"{name}.hash.npy", mmap_mode="r")),
                   np.asarray(np.load(directory / f"{name}.rows.npy", mmap_mode="r")))

    def __len__(self) -> int:
        return len(self.hashes)
