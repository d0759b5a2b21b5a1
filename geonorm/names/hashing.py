"""Stable 64-bit string hashes for the on-disk key index (crc32 and adler32, both C-fast)."""
from __future__ import annotations

import zlib

import numpy as np


def hash64(text: str) -> int:
    data = text.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


def hash_array(texts: list[str]) -> np.ndarray:
    return np.fromiter((hash64(t) for t in texts), dtype=np.uint64, count=len(texts))


def deletions(key: str) -> set[str]:
    """The key itself and every single-character deletion of it (SymSpell, distance 1)."""
    out = {key}
    for i in range(len(key)):
        out.add(key[:i] + key[i + 1:])
    return out
