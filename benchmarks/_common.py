"""Shared pieces of the benchmarks: the default gazetteer, a name-hiding gazetteer view, typo sets."""
from __future__ import annotations

import os
import platform
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geonorm import Gazetteer  # noqa: E402
from geonorm.matching.hints import haversine_km  # noqa: E402
from geonorm.model import NameKind  # noqa: E402
from geonorm.names.hashing import hash64  # noqa: E402
from geonorm.names.normalize import normalize, script_of  # noqa: E402

# countries whose places carry Cyrillic names in GeoNames
CYRILLIC_COUNTRIES = ("UA", "RU", "BY", "BG", "RS", "MK", "KZ", "KG", "TJ", "MN", "ME", "BA")
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюяіїє"


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}


def load_gazetteer(index: str | None = None) -> Gazetteer:
    return Gazetteer.open(index) if index else Gazetteer.default(progress=False)


class HidingGazetteer:
    """A view of a gazetteer that hides some form rows from every key lookup.

    ``hidden`` is an int array of form rows; the resolver then cannot reach a place through those
    names by exact, fold, skeleton or deletion (typo) keys - as if they were not in the index - but
    still through every other name of the place (other spellings, romanizations of its Cyrillic
    names, historic names...).
    """

    def __init__(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        self.hidden = np.zeros(0, dtype=np.int64)

    def __getattr__(self, name):
        return getattr(self._gaz, name)

    def __len__(self) -> int:
        return len(self._gaz)

    def _filter(self, rows):
        if len(self.hidden) and len(rows):
            rows = np.asarray(rows)
            return rows[~np.isin(rows, self.hidden)]
        return rows

    def lookup(self, key_type, key):
        return self._filter(self._gaz.lookup(key_type, key))

    def forms_of_fold_key(self, key_id):
        return self._filter(self._gaz.forms_of_fold_key(key_id))


def form_rows_of(gaz: Gazetteer, row: int) -> range:
    return range(int(gaz.place_form_start[row]), int(gaz.place_form_start[row + 1]))


def rows_named(gaz: Gazetteer, row: int, text: str) -> np.ndarray:
    """Form rows of place ``row`` whose normalized text equals that of ``text``."""
    key = normalize(text)
    return np.array([fr for fr in form_rows_of(gaz, row) if normalize(gaz.form_text[fr]) == key],
                    dtype=np.int64)


def perturb(name: str, edits: int, rng: random.Random) -> str:
    """``name`` with ``edits`` random letter edits (substitute, delete, insert, transpose)."""
    alphabet = CYRILLIC_LETTERS if script_of(name) == "cyrillic" else LATIN_LETTERS
    s = list(name)
    for _ in range(edits):
        letters = [i for i, c in enumerate(s) if c.isalpha()]
        if len(letters) < 3:
            break
        # keep the first letter: people rarely get it wrong, and it keeps the name recognisable
        i = rng.choice(letters[1:])
        op = rng.choice(("sub", "del", "ins", "swap"))
        upper = s[i].isupper()
        new = rng.choice(alphabet)
        new = new.upper() if upper else new
        if op == "sub":
            s[i] = new if new.lower() != s[i].lower() else rng.choice(alphabet)
        elif op == "del":
            del s[i]
        elif op == "ins":
            s.insert(i, rng.choice(alphabet))
        elif i + 1 < len(s) and s[i + 1].isalpha() and s[i + 1] != s[i]:
            s[i], s[i + 1] = s[i + 1], s[i]
        else:
            s[i] = new
    return "".join(s)


def in_seeded_order(gaz: Gazetteer, rows: list[int], seed: int) -> list[int]:
    """``rows`` ordered by a hash of (seed, GeoNames id): two places keep their order whatever else
    the gazetteer holds, so a sample drawn in this order stays the same as places are added."""
    ids = gaz.place_id
    return sorted(rows, key=lambda r: hash64(f"{seed}:{int(ids[r])}"))


def typo_set(gaz: Gazetteer, n: int, seed: int = 7, min_pop: int = 5000) -> list[dict]:
    """``n`` queries: real names of places (population >= min_pop) with 1 or 2 random edits.

    Latin main names of places anywhere, and Cyrillic source names of places in Cyrillic-script
    countries (every third query). Each: query, name, edits, script, place id. Places are drawn
    in an order seeded by their GeoNames ids and each place's edits by its own id, so the set
    does not change when the gazetteer gains other places (a draw by row numbers did).
    """
    big = np.nonzero(np.asarray(gaz.place_pop) >= min_pop)[0].tolist()
    cc = gaz._pstr["country_code"]
    cyr_rows = [r for r in big if cc[r] in CYRILLIC_COUNTRIES]
    queues = {False: iter(in_seeded_order(gaz, big, seed)), True: iter(in_seeded_order(gaz, cyr_rows, seed))}
    out = []
    while len(out) < n:
        cyrillic = bool(cyr_rows) and len(out) % 3 == 2
        row = next(queues[cyrillic], None)
        if row is None:
            break
        p = gaz.place(row)
        rng = random.Random(f"{seed}:{p.id}:{int(cyrillic)}")
        if cyrillic:
            names = [gaz.form_text[fr] for fr in form_rows_of(gaz, row)
                     if script_of(gaz.form_text[fr]) == "cyrillic"
                     and gaz.scheme_vocab[int(gaz.form_scheme[fr])] == ""]
            if not names:
                continue
            name = rng.choice(sorted(names))
        else:
            name = p.name
            if script_of(name) != "latin":
                continue
        if len(normalize(name).replace(" ", "")) < 5:
            continue
        edits = rng.choice((1, 2))
        q = perturb(name, edits, rng)
        if normalize(q) == normalize(name):
            continue
        out.append({"query": q, "name": name, "edits": edits, "script": script_of(name), "id": p.id,
                    "row": row})
    return out


def top_ids(match) -> list[int]:
    ids = [match.id] if match.id is not None else []
    return ids + [a.id for a in match.alternatives]


SEAT_KM = 1.0  # an area's point this close to a town's is the town's: its seat


def place_rank(gaz: Gazetteer, ids: list[int], gold_id: int) -> int | None:
    """Position in ``ids`` of the gold place, or, when the gold is an area (a municipality, a
    county), of a populated place at its point: the seat the resolver answers for the area's
    name ('Castro' is the town in Parana, not the municipality around it, whose GeoNames point
    and population are the town's). None when neither is listed."""
    if gold_id in ids:
        return ids.index(gold_id)
    gold = gaz.place(gaz.row_of(gold_id))
    if gold.level not in ("admin1", "admin2"):
        return None
    for k, i in enumerate(ids):
        p = gaz.place(gaz.row_of(i))
        if p.level == "populated place" and haversine_km(p.lat, p.lon, gold.lat, gold.lon) <= SEAT_KM:
            return k
    return None


def table(rows: list[list], header: list[str]) -> str:
    cols = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cols) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([fmt(cols[0]), fmt(["-" * w for w in widths])] + [fmt(r) for r in cols[1:]])


NAME_KIND_LABEL = {k.value: k.name.lower() for k in NameKind}
