"""Ukrainian settlements from the KATOTTG codifier: placed at their hromada's point, said so."""
import csv
import gzip
import zlib

import pytest

from geonorm.model import Name, NameKind, Place
from geonorm.names.keys import east_slavic_vowels, ukrainian_forms
from geonorm.sources import katottg

OBLAST, RAION = "UA14000000000091971", "UA14060000000042587"
SNIZHNE_H, OTHER_H, EMPTY_H = "UA14060110000052135", "UA14060130000011111", "UA14060150000022222"


def _write(path, rows):
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "parent", "category", "name"])
        w.writerows(rows)
    return path


def _place(pid, name, cyrillic, lat, lon, admin1="05", admin2="A2"):
    p = Place(id=pid, name=name, lat=lat, lon=lon, country_code="UA", admin1_code=admin1, admin2_code=admin2)
    p.names.append(Name(pid, cyrillic, NameKind.ALTERNATE, "uk"))
    return p


@pytest.fixture
def codifier(tmp_path):
    rows = [
        [OBLAST, "", "O", "Донецька"],
        [RAION, OBLAST, "P", "Горлівський"],
        [SNIZHNE_H, RAION, "H", "Сніжнянська"],
        ["UA14060110010001", SNIZHNE_H, "M", "Сніжне"],
        ["UA14060110020002", SNIZHNE_H, "X", "Побєда"],
        ["UA14060110030003", SNIZHNE_H, "C", "Степанівка"],   # unknown: placed at Побєда
        ["UA14060110040004", SNIZHNE_H, "C", "Дібрівка"],     # a Дібрівка of another oblast is another
        ["UA14060110050005", SNIZHNE_H, "C", "Кожевня"],      # a Кожевня 10 km away is this one
        [OTHER_H, RAION, "H", "Тестова"],
        ["UA14060130010006", OTHER_H, "C", "Зугрес"],
        ["UA14060130020007", OTHER_H, "C", "Ханженкове"],
        ["UA14060130030008", OTHER_H, "C", "Іловайськ"],
        ["UA14060130040009", OTHER_H, "C", "Нова Марівка"],   # unknown: placed at Зугрес
        [EMPTY_H, RAION, "H", "Порожня"],
        ["UA14060150010010", EMPTY_H, "C", "Нікому Невідоме"],  # no known member: left out
    ]
    known = [
        _place(1, "Snizhne", "Сніжне", 48.023, 38.762, admin2="Snizhne"),
        _place(2, "Pobieda", "Побєда", 47.979, 38.809),
        _place(3, "Dibrivka", "Дібрівка", 46.3, 36.5, admin1="12"),
        _place(4, "Kozhevnia", "Кожевня", 47.95, 38.70),
        _place(5, "Zuhres", "Зугрес", 48.017, 38.267),
        _place(6, "Khanzhenkove", "Ханженкове", 48.100, 38.000),
        _place(7, "Ilovaisk", "Іловайськ", 47.925, 38.198),
    ]
    return _write(tmp_path / "katottg_ua.tsv.gz", rows), known


def test_unknown_settlements_take_their_hromadas_point(codifier):
    path, known = codifier
    out, report = katottg.load_katottg_villages(known, path)
    by_name = {p.name: p for p in out.values()}
    assert set(by_name) == {"Stepanivka", "Dibrivka", "Nova Marivka"}
    step = by_name["Stepanivka"]
    # the known member nearest the others lends its point (Побєда: Сніжне and Кожевня are farther
    # from the rest)
    assert (step.lat, step.lon, step.admin1_code) == (47.979, 38.809, "05")
    assert step.id == katottg.ID_BASE + zlib.crc32(b"UA14060110030003")
    assert "Сніжнянська hromada" in step.note and "at Pobieda" in step.note
    assert [n.name for n in step.names] == ["Степанівка"]
    assert (by_name["Nova Marivka"].lat, by_name["Nova Marivka"].lon) == (48.017, 38.267)
    assert "3 known settlements" in by_name["Nova Marivka"].note
    assert "1 left out" in report.summary()


def test_a_namesake_nearby_filed_in_another_oblast_is_refiled_or_kept_apart(tmp_path):
    # a postal-code village nearby filed under the next oblast (its nearest town's) is the
    # codifier's settlement, refiled in its oblast; a GeoNames place there is another settlement
    from geonorm.sources import postal
    rows = [[OBLAST, "", "O", "Донецька"], [RAION, OBLAST, "P", "Горлівський"], [SNIZHNE_H, RAION, "H", "Сніжнянська"],
            ["UA14060110010001", SNIZHNE_H, "M", "Сніжне"], ["UA14060110020002", SNIZHNE_H, "X", "Побєда"],
            ["UA14060110030003", SNIZHNE_H, "C", "Маринівка"], ["UA14060110040004", SNIZHNE_H, "C", "Олексіївка"]]
    postal_village = _place(8, "Marynivka", "Маринівка", 47.95, 38.85, admin1="12", admin2="X")
    postal_village.source = postal.SOURCE
    known = [_place(1, "Snizhne", "Сніжне", 48.023, 38.762, admin2="Snizhne"), _place(2, "Pobieda", "Побєда", 47.979, 38.809),
             postal_village, _place(9, "Oleksiivka", "Олексіївка", 47.95, 38.85, admin1="12", admin2="X")]
    out, report = katottg.load_katottg_villages(known, _write(tmp_path / "k.tsv.gz", rows))
    added = next(iter(out.values()))
    assert [p.name for p in out.values()] == ["Oleksiivka"] and added.admin1_code == "05"
    # (the district of the hromada's member that lends its point)
    assert (postal_village.admin1_code, postal_village.admin2_code) == ("05", added.admin2_code) != ("05", "X")
    assert known[3].admin1_code == "12"
    assert "1 postal-code villages refiled" in report.summary()


def test_missing_codifier_file_adds_nothing(tmp_path):
    out, report = katottg.load_katottg_villages([], tmp_path / "absent.tsv.gz")
    assert out == {} and "no KATOTTG file" in report.summary()


def test_codifier_village_answers_with_its_approximate_point(resolver):
    m = resolver.resolve("Bila Kamianka, Donetsk oblast")
    assert m.name == "Bila Kamianka" and m.admin1 == "Donetska oblast"
    assert m.id >= katottg.ID_BASE and "Бойківська hromada" in m.point_note
    assert "no surveyed point" in m.explain()
    # a GeoNames place has its own point: nothing to say
    assert resolver.resolve("Pokrovsk, Donetsk oblast").point_note == ""


def test_reverse_geocoding_skips_borrowed_points(resolver):
    from geonorm import reverse
    m = resolver.resolve("Bila Kamianka, Donetsk oblast")
    near = reverse(m.lat, m.lon)
    assert near is not None and near.id < katottg.ID_BASE and near.distance_km < 0.01


def test_russian_forms_trade_vowels_with_ukrainian_names(resolver):
    assert east_slavic_vowels("Malye Pereleski") == east_slavic_vowels("Mali Perelisky")
    assert ukrainian_forms("Velikiye Pritski") == ("veliki pritski",)
    assert ukrainian_forms("Goodbye") == ()
    # a Russian plural adjective before its noun is the Ukrainian -i; the vowels traded are no slips
    m = resolver.resolve("Velikiye Pritski")
    assert m.name == "Velyki Pritsky" and m.country_code == "UA"


def test_a_village_lies_in_the_abolished_district_its_town_stands_for(resolver):
    # Shakhtarskyi raion was abolished in 2020: Shakhtarsk stands for it, and the Marynivka within
    # it (the codifier's, of Snizhne's hromada) beats the namesakes elsewhere in the oblast; it had
    # tied with them, and the phrase was answered with Shakhtarsk itself
    m = resolver.resolve("Marynivka, Shakhtarskyi district, Donetsk oblast")
    assert m.name == "Marynivka" and m.id >= katottg.ID_BASE
    assert "it lies in the district 'Shakhtarskyi district' names" in m.explain()
    # a town the place is near is no district: 'near Avdiivka' gives no district bonus
    near = resolver.resolve("Pisky near Avdiivka")
    assert not any("lies in the district" in h for h in near.hints)


def test_geojson_says_the_point_is_borrowed(resolver):
    from geonorm.faces.geojson import to_feature
    props = to_feature(resolver.resolve("Bila Kamianka, Donetsk oblast"))["properties"]
    assert "no surveyed point" in props["point_note"]
    assert "point_note" not in to_feature(resolver.resolve("Pokrovsk, Donetsk oblast"))["properties"]


def test_a_broken_codifier_file_is_reported_not_fatal(tmp_path):
    bad = tmp_path / "katottg_ua.tsv.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    out, report = katottg.load_katottg_villages([], bad)
    assert out == {} and "unreadable KATOTTG file" in report.summary()
