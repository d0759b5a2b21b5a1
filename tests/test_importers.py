"""Importers of full GeoNames dumps and analysts' CSVs, and custom builds (offline, tiny fixtures)."""
from __future__ import annotations

import math
import shutil
import zipfile
from pathlib import Path

import pytest

from geonorm.custom import build_custom, open_custom
from geonorm.gazetteer import Gazetteer, GazetteerError
from geonorm.model import NameKind
from geonorm.sources import geonames as gn
from geonorm.sources.geonames import Report
from geonorm.sources.base import SourceError
from geonorm.sources.user_csv import RESERVED_ID_BASE, RESERVED_ID_SPAN, read_user_csv
from geonorm.store import build_index

FIX = Path(__file__).parent / "fixtures"
GN = FIX / "geonames"
POKROVSK, DONETSK_OBLAST, UKRAINE = 704422, 709716, 690791


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GEONORM_CACHE_DIR", str(tmp_path / "cache"))

    def no_default(*a, **k):
        raise AssertionError("tests must not build the default gazetteer")
    monkeypatch.setattr("geonorm.default.build_default", no_default)
    monkeypatch.setattr("geonorm.default.assemble_default", no_default)


def _places(path=GN / "UA.txt", **kw):
    report = gn.Report(Path(path).name)
    return {p.id: p for p in gn.read_places(path, report=report, **kw)}, report


def _with_names(places):
    report = gn.Report("alternateNamesV2.txt")
    for name in gn.read_alternate_names(GN / "alternateNamesV2.txt", set(places), report):
        places[name.place_id].names.append(name)
    return report


def _names(gaz: Gazetteer, pid: int) -> dict[str, object]:
    return {n.text: n for n in gaz.names_of(gaz.row_of(pid))}


# ---- GeoNames dump ----------------------------------------------------------------------------

def test_dump_fields():
    places, report = _places()
    p = places[POKROVSK]
    assert (p.name, p.ascii_name, p.lat, p.lon) == ("Pokrovsk", "Pokrovsk", 48.28014, 37.17706)
    assert (p.feature_class, p.feature_code, p.country_code, p.admin1_code, p.admin2_code) == \
        ("P", "PPLA2", "UA", "05", "")
    assert p.population == 60127 and p.timezone == "Europe/Kyiv" and p.source == "geonames"
    assert p.names[0].name == "Pokrovsk" and p.names[0].kind == NameKind.OFFICIAL
    alts = {n.name: n for n in p.names[1:]}
    assert {"Krasnoarmiisk", "Покровськ"} <= set(alts)
    assert alts["Покровськ"].lang in ("uk", "cyrl") and alts["Krasnoarmiisk"].kind == NameKind.ALTERNATE
    assert places[DONETSK_OBLAST].feature_code == "ADM1" and places[DONETSK_OBLAST].level == "admin1"
    assert places[UKRAINE].level == "country"
    assert len(places) == 11 and report.rows == 12


def test_malformed_line_reported_with_line_number():
    places, report = _places()
    assert 99000099 not in places
    assert report.skipped == [(7, "latitude/longitude not numbers ('not-a-latitude', '37.0')")]
    assert "line 7" in report.summary()


def test_bad_lines_never_fatal(tmp_path):
    good = (GN / "UA.txt").read_text(encoding="utf-8").splitlines()[0]
    cols = good.split("\t")
    bad = [
        "\t".join(cols[:18]),                                    # 18 columns
        "\t".join(["abc", *cols[1:]]),                           # non-numeric id
        "\t".join([*cols[:4], "91.5", *cols[5:]]),               # latitude out of range
        "\t".join([*cols[:5], "nan", *cols[6:]]),                # not finite
    ]
    path = tmp_path / "XX.txt"
    path.write_bytes(("\n".join([good, *bad]) + "\n").encode() + b"\xff\xfe broken\n" + (good + "\n").encode())
    report = gn.Report("XX.txt")
    places = list(gn.read_places(path, report=report))
    assert len(places) == 2
    assert [n for n, _ in report.skipped] == [2, 3, 4, 5, 6]
    assert "18 columns" in report.skipped[0][1] and "not UTF-8" in report.skipped[4][1]


def test_filters():
    places, report = _places(countries={"RU"})
    assert places == {} and report.counts["other countries"] == 12  # not parsed further
    places, report = _places(feature_classes={"P", "A"})
    assert 99000010 not in places and POKROVSK in places  # the river (H) is left out
    places, _ = _places(column_alternates=False)
    assert [n.kind for n in places[POKROVSK].names] == [NameKind.OFFICIAL]


def test_zipped_dump(tmp_path):
    with zipfile.ZipFile(tmp_path / "UA.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(GN / "UA.txt", "UA.txt")
        zf.writestr("readme.txt", "GeoNames readme\n")
    with zipfile.ZipFile(tmp_path / "alternateNamesV2.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
        zf.write(GN / "alternateNamesV2.txt", "alternateNamesV2.txt")
    places, report = _places(tmp_path / "UA.zip")
    assert places[POKROVSK].lat == 48.28014 and report.skipped[0][0] == 7
    names = list(gn.read_alternate_names(tmp_path / "alternateNamesV2.zip", {POKROVSK}))
    assert "Красноармейск" in {n.name for n in names}


def test_missing_or_unreadable_file(tmp_path):
    with pytest.raises(SourceError, match="allCountries.txt"):
        gn.read_places(tmp_path / "allCountries.txt")
    with pytest.raises(SourceError, match="alternateNamesV2.txt"):
        gn.read_alternate_names(tmp_path / "alternateNamesV2.txt")
    with pytest.raises(SourceError, match="admin1CodesASCII.txt"):
        gn.read_admin_codes(tmp_path / "admin1CodesASCII.txt")
    (tmp_path / "UA.zip").write_bytes(b"this is not a zip file")
    with pytest.raises(SourceError, match="UA.zip"):
        gn.read_places(tmp_path / "UA.zip")
    with pytest.raises(SourceError, match="alternate-names file"):  # wrong file passed as a dump
        list(gn.read_places(GN / "alternateNamesV2.txt"))

    damaged = tmp_path / "damaged" / "UA.zip"  # (its directory intact, its deflate data not)
    damaged.parent.mkdir()
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("UA.txt", (GN / "UA.txt").read_text(encoding="utf-8") * 50)
    data = bytearray(damaged.read_bytes())
    data[60:90] = b"\xff" * 30
    damaged.write_bytes(bytes(data))
    with pytest.raises(SourceError, match="UA.zip"):
        list(gn.read_places(damaged))


def test_user_csv_ids_too_large_duplicate_text_ids_and_an_open_quote(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("name,lat,lon,country,id\nAlpha,48.1,37.1,UA,99999999999999999999\n"
                    "Beta,48.2,37.2,UA,t1\nGamma,48.3,37.3,UA,t1\n", encoding="utf-8")
    report = Report("v.csv")
    places = read_user_csv(path, report)
    assert [p.name for p in places] == ["Beta"]
    assert [why for _, why in report.skipped] == ["id 99999999999999999999 is too large (ids are below 2**63)",
                                                        "duplicate id 't1'"]
    path.write_text('name,lat,lon,country\n"unterminated,48.1,37.1,UA\nNext,48.2,37.2,UA\n', encoding="utf-8")
    with pytest.raises(SourceError, match="not a readable CSV"):  # (it had swallowed the next row)
        read_user_csv(path)


def test_a_build_replaces_an_index_only(tmp_path):
    csv_file = tmp_path / "v.csv"
    csv_file.write_text("name,lat,lon,country\nAlpha,48.1,37.1,UA\n", encoding="utf-8")
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "important.txt").write_text("keep me", encoding="utf-8")
    a_file = tmp_path / "a_file"
    a_file.write_text("keep me too", encoding="utf-8")
    for out, geonames in ((folder, None), (a_file, None), (a_file / "idx", None), (folder, folder)):
        with pytest.raises(SourceError):
            build_custom(out, geonames_dir=geonames, csv_files=[csv_file], progress=False, curated=False)
    assert (folder / "important.txt").read_text(encoding="utf-8") == "keep me" and a_file.is_file()
    index = tmp_path / "index"
    build_custom(index, csv_files=[csv_file], progress=False, curated=False)
    build_custom(index, csv_files=[csv_file], progress=False, curated=False)  # (an index is replaced)
    assert Gazetteer.open(index).meta["complete"]


# ---- alternate names --------------------------------------------------------------------------

def test_alternate_names_flags_dates_and_pseudo_languages():
    report = gn.Report("alternateNamesV2.txt")
    names = list(gn.read_alternate_names(GN / "alternateNamesV2.txt", None, report))
    by = {(n.place_id, n.name): n for n in names}
    old_uk = by[(POKROVSK, "Krasnoarmiisk")]
    assert (old_uk.kind, old_uk.lang, old_uk.valid_from, old_uk.valid_to) == (NameKind.HISTORIC, "uk", "", "2016")
    old_ru = by[(POKROVSK, "Красноармейск")]
    assert (old_ru.kind, old_ru.lang, old_ru.valid_from, old_ru.valid_to) == \
        (NameKind.HISTORIC, "ru", "1962", "2016-05-12")
    assert by[(POKROVSK, "Покровськ")].kind == NameKind.PREFERRED
    assert by[(UKRAINE, "the Ukraine")].kind == NameKind.COLLOQUIAL
    texts = {n.name for n in names}
    assert not texts & {"85300", "Q0000000", "IEV", "https://en.wikipedia.org/wiki/Pokrovsk,_Ukraine"}
    assert report.counts["pseudo-language link skipped"] == 1
    assert report.counts["pseudo-language post skipped"] == 1
    assert report.counts["wkdt (Wikidata ids) skipped"] == 1
    assert report.skipped == [(18, "geonameid is not a number ('notanumber')")]
    # restricted to imported places
    only = list(gn.read_alternate_names(GN / "alternateNamesV2.txt", {POKROVSK}))
    assert {n.place_id for n in only} == {POKROVSK}


def test_dates_normalized():
    assert gn.normalize_date("2016") == "2016"
    assert gn.normalize_date("20160512") == "2016-05-12"
    assert gn.normalize_date("2016-05-12") == "2016-05-12"
    assert gn.normalize_date("") == ""
    assert gn.normalize_date("spring 2016") is None
    assert gn.normalize_date("2016-13-01") is None


def test_historic_names_survive_the_index(tmp_path):
    places, _ = _places(column_alternates=False)
    _with_names(places)
    build_index(places.values(), tmp_path / "idx", {"name": "test"}, progress=False)
    gaz = Gazetteer.open(tmp_path / "idx")
    names = _names(gaz, POKROVSK)
    assert names["Krasnoarmiisk"].kind == NameKind.HISTORIC
    assert (names["Krasnoarmiisk"].valid_from, names["Krasnoarmiisk"].valid_to) == (0, 20160000)
    assert names["Красноармейск"].lang == "ru"
    assert (names["Красноармейск"].valid_from, names["Красноармейск"].valid_to) == (19620000, 20160512)
    assert names["Pokrovsk"].kind == NameKind.OFFICIAL
    # exact lookup of the old name finds the place
    from geonorm.names.normalize import normalize
    rows = gaz.lookup("exact", normalize("Krasnoarmiisk"))
    assert POKROVSK in {gaz.place(gaz.form(int(r)).place_row).id for r in rows}


# ---- admin codes and countryInfo ------------------------------------------------------------

def test_admin_codes_and_country_info():
    report = gn.Report("admin2Codes.txt")
    a1 = gn.read_admin_codes(GN / "admin1CodesASCII.txt")
    a2 = gn.read_admin_codes(GN / "admin2Codes.txt", report)
    assert a1["UA.05"] == gn.AdminCode("UA.05", "UA", "05", "", "Donetsk", "Donetsk", DONETSK_OBLAST)
    assert a2["UA.05.99002"].level == 2 and a2["UA.05.99002"].admin2_code == "99002"
    assert a2["UA.12.99003"].geonameid is None and report.counts["codes without a geonameid"] == 1
    ci = gn.read_country_info(GN / "countryInfo.txt")
    assert set(ci) == {"MD", "PL", "RU", "UA"}  # the '#' header is not data
    assert ci["UA"].iso3 == "UKR" and ci["UA"].geonameid == UKRAINE and ci["UA"].name == "Ukraine"


def test_find_files(tmp_path):
    files = gn.find_files(GN, {"UA"})
    assert [p.name for p, _ in files.dumps] == ["UA.txt"]
    assert files.admin1 and files.admin2 and files.country_info and files.alternate_names
    with pytest.raises(SourceError, match="RU"):
        gn.find_files(GN, {"UA", "RU"})
    shutil.copy(GN / "UA.txt", tmp_path / "allCountries.txt")
    files = gn.find_files(tmp_path, {"UA", "RU"})
    assert files.dumps == [(tmp_path / "allCountries.txt", {"RU", "UA"})]
    with pytest.raises(SourceError, match="nope"):
        gn.find_files(tmp_path / "nope")


# ---- user CSV ---------------------------------------------------------------------------------

def test_user_csv_with_bom():
    assert (FIX / "places.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = gn.Report("places.csv")
    places = {p.name: p for p in read_user_csv(FIX / "places.csv", report)}
    assert set(places) == {"Avdiivka Coke Plant", "Pokrovsk bus station", "Pokrovsk", "Selydove test village"}
    plant = places["Avdiivka Coke Plant"]
    assert RESERVED_ID_BASE <= plant.id < RESERVED_ID_BASE + RESERVED_ID_SPAN
    assert (plant.lat, plant.lon, plant.country_code, plant.feature_code) == (48.1458, 37.737, "UA", "INDS")
    assert {n.name for n in plant.names} == {"Avdiivka Coke Plant", "АКХЗ", "Avdiivka Coke and Chemical Plant"}
    assert places["Pokrovsk"].id == POKROVSK
    assert places["Pokrovsk bus station"].note == "csv id my-002"
    assert report.skipped == [(5, "lat/lon not numbers ('abc', '37.0')")]
    assert "reserved range" in report.summary()
    # ids are stable across runs
    again = {p.name: p.id for p in read_user_csv(FIX / "places.csv")}
    assert again == {n: p.id for n, p in places.items()}


def test_user_csv_missing_columns(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("place,latitude,long\nX,1,2\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_user_csv(path)
    msg = str(err.value)
    assert "mine.csv" in msg and "missing required column(s) name" in msg
    assert "'place', 'latitude', 'long'" in msg


def test_user_csv_semicolons_and_errors(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("name;lat;lon;country\nA;48,5;37,1;ua\n", encoding="utf-8")
    (p,) = read_user_csv(path)
    assert (p.lat, p.lon, p.country_code) == (48.5, 37.1, "UA")
    with pytest.raises(SourceError, match="nothere.csv"):
        read_user_csv(tmp_path / "nothere.csv")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("name,lat,lon\nK\xf6ln,50.9,6.9\n".encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8"):
        read_user_csv(latin1)


# ---- custom build -----------------------------------------------------------------------------

def test_build_custom_end_to_end(tmp_path):
    out = tmp_path / "gaz"
    meta = build_custom(out, geonames_dir=GN, countries="UA", csv_files=[FIX / "places.csv"], progress=False)
    assert meta["complete"] and meta["name"] == "custom" and "CC BY 4.0" in meta["licence"]
    assert any("line 7" in r for r in meta["reports"])
    gaz = open_custom(out)
    assert isinstance(gaz, Gazetteer) and gaz.meta["countries"] == ["UA"]

    row = gaz.row_of(POKROVSK)
    p = gaz.place(row)
    assert (p.name, p.lat, p.lon, p.admin1_code) == ("Pokrovsk", 48.28014, 37.17706, "05")
    assert [(x.id, x.name) for x in gaz.parents(row)] == [(DONETSK_OBLAST, "Donetsk Oblast"), (UKRAINE, "Ukraine")]
    names = _names(gaz, POKROVSK)
    assert names["Красноармейск"].kind == NameKind.HISTORIC and names["Красноармейск"].valid_to == 20160512
    assert "Pokrovske misto" in names  # CSV row with Pokrovsk's id adds its names
    assert not {"85300", "Q0000000"} & set(names)

    # admin codes: alternate names of existing areas, and areas created for codes without a row
    assert "Donetsk" in _names(gaz, DONETSK_OBLAST)
    assert "UKR" in _names(gaz, UKRAINE) and gaz.get(UKRAINE).iso_code == "UA"
    raion = gaz.get(99000002)
    assert raion.name == "Pokrovsk Raion" and raion.level == "admin2" and not math.isnan(raion.lat)
    myrnohrad = gaz.row_of(710035)
    assert [x.name for x in gaz.parents(myrnohrad)] == ["Pokrovsk Raion", "Donetsk Oblast", "Ukraine"]
    assert gaz.get(501165) is None  # RU admin1 code: not in scope

    # CSV places: names resolved to admin codes, country name to ISO code
    village = next(gaz.place(r) for r in range(len(gaz)) if gaz.place(r).name == "Selydove test village")
    assert (village.country_code, village.admin1_code, village.admin2_code) == ("UA", "05", "99002")
    assert [x.name for x in gaz.parents(village.row)] == ["Pokrovsk Raion", "Donetsk Oblast", "Ukraine"]

    # curated data attached to places present: the precise rename date wins over GeoNames' year
    assert names["Krasnoarmiisk"].valid_to == 20160512
    assert meta["curated_names_for_absent_places"] > 0
    # curated seas and world regions belong to no country: a UA-only build keeps them
    assert any(gaz.place(r).name == "Sea of Azov" for r in range(len(gaz)))


def test_build_custom_from_zips_and_subset(tmp_path):
    src = tmp_path / "dl"
    src.mkdir()
    with zipfile.ZipFile(src / "UA.zip", "w") as zf:
        zf.write(GN / "UA.txt", "UA.txt")
    shutil.copy(GN / "admin1CodesASCII.txt", src)
    # no alternateNamesV2: the dump's alternatenames column is used; no countryInfo, no admin2
    build_custom(tmp_path / "gaz", geonames_dir=src, progress=False, curated=False, feature_classes="PA")
    gaz = open_custom(tmp_path / "gaz")
    names = _names(gaz, POKROVSK)
    assert names["Krasnoarmiisk"].kind == NameKind.ALTERNATE and names["Krasnoarmiisk"].valid_to == 0
    assert gaz.get(99000010) is None  # feature class H filtered out
    assert gaz.get(703446).name == "Kyiv"  # admin1 created from admin1CodesASCII
    assert [x.id for x in gaz.parents(gaz.row_of(POKROVSK))] == [DONETSK_OBLAST, UKRAINE]


def test_build_custom_errors(tmp_path):
    with pytest.raises(SourceError, match="nothing to build"):
        build_custom(tmp_path / "gaz", progress=False)
    with pytest.raises(SourceError, match="missing"):
        build_custom(tmp_path / "gaz", geonames_dir=tmp_path / "missing", progress=False)
    with pytest.raises(SourceError, match="RU"):
        build_custom(tmp_path / "gaz", geonames_dir=GN, countries=["UA", "RU"], progress=False)
    with pytest.raises(ValueError, match="UKR"):
        build_custom(tmp_path / "gaz", geonames_dir=GN, countries="UKR", progress=False)
    with pytest.raises(GazetteerError, match="gazetteer build"):
        open_custom(tmp_path / "gaz")
    assert not (tmp_path / "gaz").exists()


def test_csv_only_build(tmp_path):
    meta = build_custom(tmp_path / "gaz", csv_files=[FIX / "places.csv"], progress=False, curated=False)
    assert meta["places"] == 4
    gaz = open_custom(tmp_path / "gaz")
    assert gaz.get(POKROVSK).name == "Pokrovsk"


def test_build_custom_with_default(tmp_path, monkeypatch):
    """include_default merges the default's places; dump places replace them but keep their names."""
    from geonorm.model import Name, Place

    def tiny_default(progress=True):
        pok = Place(POKROVSK, "Pokrovsk", 48.28, 37.18, admin1_code="05", country_code="UA", source="default")
        pok.names = [Name(POKROVSK, "Pokrovsk", NameKind.OFFICIAL, source="default"),
                     Name(POKROVSK, "Pokrovs'k misto", NameKind.ALTERNATE, source="default")]
        lviv = Place(702550, "Lviv", 49.83826, 24.02324, country_code="UA", admin1_code="15", source="default")
        lviv.names = [Name(702550, "Lviv", NameKind.OFFICIAL, source="default")]
        return [pok, lviv], {"sources": ["tiny default"]}
    monkeypatch.setattr("geonorm.default.assemble_default", tiny_default)
    meta = build_custom(tmp_path / "gaz", geonames_dir=GN, countries="UA", include_default=True,
                        progress=False, curated=False)
    assert "tiny default" in meta["sources"]
    gaz = open_custom(tmp_path / "gaz")
    assert gaz.get(702550).name == "Lviv"
    pok = gaz.get(POKROVSK)
    assert (pok.lat, pok.source) == (48.28014, "geonames")
    assert {"Pokrovs'k misto", "Красноармейск"} <= set(_names(gaz, POKROVSK))


def test_former_states_rows_without_a_known_relation_or_integer_id_are_reported(tmp_path):
    from geonorm.sources.base import ImportReport
    from geonorm.sources.curated import read_former_states
    path = tmp_path / "former_states.csv"
    path.write_text("names,valid_from,valid_to,relation,successors,geonameid,source_id\n"
                    "Ruritania|Ruritanian Kingdom,1900,1950,merged,DE,2921044,X\n"
                    "Graustark,1900,1950,annexed,DE,,X\n"
                    "Syldavia,1900,1950,merged,DE,not-an-id,X\n"
                    ",1900,1950,merged,DE,,X\n", encoding="utf-8")
    report = ImportReport("former_states.csv")
    states = read_former_states(path, report)
    assert [(s.name, s.place_id, names) for s, names in states] == [
        ("Ruritania", 2921044, ["Ruritania", "Ruritanian Kingdom"])]
    assert [line for line, _ in report.skipped] == [3, 4, 5]


def test_a_country_hint_holds_for_an_index_built_from_a_csv_of_villages(tmp_path):
    # no country place is in such an index: 'UA' had been an 'unknown country' (use a code like 'UA')
    from geonorm import Resolver
    csv_file = tmp_path / "v.csv"
    csv_file.write_text("name,lat,lon,country\nExcelivka,48.1,37.1,UA\n", encoding="utf-8")
    build_custom(tmp_path / "index", csv_files=[csv_file], progress=False, curated=False)
    r = Resolver(Gazetteer.open(tmp_path / "index"))
    assert r.resolve("Excelivka", country="UA").name == "Excelivka"
    assert "country hint UA matches" in r.resolve("Excelivka", country="ua").explain()
    with pytest.raises(ValueError):
        r.resolve("Excelivka", country="XX")
