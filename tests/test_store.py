"""The persisted index: atomic builds, corrupt caches detected and rebuilt, stale ones removed.

Uses a tiny gazetteer (no default build)."""
import pytest

from geonorm import Gazetteer, GazetteerError, Name, NameKind, Place
from geonorm import default as default_mod
from geonorm.store import build_index, read_meta


def tiny_places():
    pokrovsk = Place(704422, "Pokrovsk", 48.28014, 37.17706, country_code="UA", admin1_code="05",
                     population=60127)
    pokrovsk.names = [Name(704422, "Pokrovsk", NameKind.OFFICIAL),
                      Name(704422, "Красноармійськ", NameKind.HISTORIC, "uk", valid_to="2016-05-12")]
    oblast = Place(709716, "Donetsk Oblast", 48.0, 37.75, "A", "ADM1", "UA", "05")
    oblast.names = [Name(709716, "Donetsk Oblast", NameKind.OFFICIAL)]
    return [pokrovsk, oblast]


def test_build_and_open_with_generated_romanizations(tmp_path):
    meta = build_index(tiny_places(), tmp_path / "idx", {"name": "tiny"}, progress=False)
    gaz = Gazetteer.open(tmp_path / "idx")
    assert meta["places"] == 2 and len(gaz) == 2
    forms = {n.text: n for n in gaz.names_of(gaz.row_of(704422))}
    assert forms["Krasnoarmiisk"].scheme == "ua_national_2010"
    assert forms["Krasnoarmiisk"].original == "Красноармійськ"
    assert forms["Krasnoarmiisk"].valid_to == 20160512
    assert [p.id for p in gaz.parents(gaz.row_of(704422))] == [709716]


def test_failed_build_leaves_nothing_behind(tmp_path, monkeypatch):
    import geonorm.store as store

    def boom(*a, **k):
        raise KeyboardInterrupt  # an interrupt in the middle of writing
    monkeypatch.setattr(store.KeyIndex, "build", boom)
    with pytest.raises(KeyboardInterrupt):
        build_index(tiny_places(), tmp_path / "idx", {}, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_corrupt_or_incomplete_index_is_detected(tmp_path):
    build_index(tiny_places(), tmp_path / "idx", {}, progress=False)
    (tmp_path / "idx" / "strings.pkl").write_bytes(b"\x80\x04 truncated")
    with pytest.raises(GazetteerError):
        Gazetteer.open(tmp_path / "idx")
    (tmp_path / "idx" / "meta.json").write_text("{}")
    assert read_meta(tmp_path / "idx") is None
    with pytest.raises(GazetteerError):
        Gazetteer.open(tmp_path / "nowhere")


def test_an_index_of_an_older_format_says_to_build_it_again(tmp_path):
    import json
    build_index(tiny_places(), tmp_path / "idx", {}, progress=False)
    meta = json.loads((tmp_path / "idx" / "meta.json").read_text())
    meta["format_version"] -= 1  # as an upgrade finds an index the last version built
    (tmp_path / "idx" / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(GazetteerError, match="build it again"):
        Gazetteer.open(tmp_path / "idx")


@pytest.mark.parametrize("command", [["resolve", "Kyiv"], ["reverse", "48.3", "37.2"]])
def test_the_cli_says_in_one_line_that_a_folder_is_no_index(tmp_path, command):
    from click.testing import CliRunner

    from geonorm.cli import main
    res = CliRunner().invoke(main, [*command, "--index", str(tmp_path)])
    assert res.exit_code == 1 and "no complete geonorm index" in res.output
    assert not isinstance(res.exception, GazetteerError) and "Traceback" not in res.output


def test_default_cache_is_rebuilt_when_broken_and_stale_ones_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("GEONORM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(default_mod, "assemble_default", lambda progress=True: (tiny_places(), {}))
    monkeypatch.setattr(default_mod, "_loaded", {})
    stale = tmp_path / "default-f0-old"
    stale.mkdir()
    gaz = default_mod.default_gazetteer(progress=False)
    assert len(gaz) == 2 and not stale.exists()
    (gaz.path / "form_place.npy").write_bytes(b"garbage")
    monkeypatch.setattr(default_mod, "_loaded", {})
    again = default_mod.default_gazetteer(progress=False)
    assert len(again) == 2 and again.get(704422).name == "Pokrovsk"
    assert not any(p.name.startswith(".building-") for p in tmp_path.iterdir())
