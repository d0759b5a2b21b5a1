"""Tables face: the streaming CSV command (encodings, delimiters, bad bytes, truncation, review)."""
from __future__ import annotations

import csv
import io
import os
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from geonorm.faces.csvstream import apply_review, detect_encoding, normalize_csv, normalize_command

HORLIVKA, LUHANSK, KYIV, POKROVSK, DONETSK = 707753, 702658, 703448, 704422, 709717


def _read(path, sep=None):
    return pd.read_csv(path, sep=sep or ",", dtype=str, keep_default_na=False)


def test_cp1252_bom_semicolon_and_country_column(tmp_path, resolver):
    # an Excel export: cp1252, semicolons, CRLF, a value with an accent and a quoted delimiter
    text = "id;where_description;country\r\n1;Gorlovka;UA\r\n2;Dnipropetrovs\u00b4k;UA\r\n" \
           "3;\"Kiev; city\";UA\r\n4;Lugansk;\r\n"
    p = tmp_path / "in.csv"
    p.write_bytes(text.encode("cp1252"))
    out = tmp_path / "out.csv"
    rep = normalize_csv(p, out, "where_description", country_column="country", progress=False,
                        resolver=resolver)
    assert rep.encoding == "cp1252" and rep.delimiter == ";" and rep.rows == 4
    df = _read(out, ";")
    assert list(df["id"]) == ["1", "2", "3", "4"]
    assert df["where_description"][1] == "Dnipropetrovs\u00b4k"  # decoded, kept verbatim
    assert df["geo_id"][0] == str(HORLIVKA) and df["geo_id"][2] == str(KYIV)
    assert df["geo_id"][3] == str(LUHANSK)

    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffwhere\nGorlovka\nКиев\n".encode("utf-8"))
    rep = normalize_csv(bom, tmp_path / "bom.out.csv", "where", progress=False, resolver=resolver)
    assert rep.encoding == "utf-8-sig"
    plain = tmp_path / "plain.csv"  # (a file without a BOM had been reported as 'utf-8-sig' too)
    plain.write_bytes("where\nGorlovka\nКиев\n".encode("utf-8"))
    assert detect_encoding(plain) == ("utf-8", True)
    df = _read(tmp_path / "bom.out.csv")
    assert list(df.columns)[0] == "where" and df["geo_id"][1] == str(KYIV)
    # --encoding overrides detection
    rep = normalize_csv(p, tmp_path / "o2.csv", "where_description", encoding="cp1252", delimiter=";",
                        progress=False, resolver=resolver)
    assert rep.rows == 4 and rep.undecodable_count == 0


@pytest.mark.parametrize("text, encoding", [
    # mostly Latin names with a few Cyrillic ones: the Cyrillic bytes read as cp1252 are runs of
    # accented letters ('Ëüâ³â'), no Western word
    ("where,country\nKyiv,UA\nLviv,UA\nOdesa,UA\nKharkiv,UA\nDnipro,UA\nЛьвів,UA\nMykolaiv,UA\n", "cp1251"),
    ("id;place\n1;Краматорськ\n2;Krasnarmeysk\n3;\"Kiev, \"\"Maidan\"\"\"\n", "cp1251"),
    # Polish: read as cp1252 a symbol sits inside a word ('Bia³ystok')
    ("miasto\nŁódź\nKraków\nGdańsk\nWrocław\nBiałystok\n", "cp1250"),
    # Western text keeps cp1252: single accents, a pound sign before a number, an acute as apostrophe
    ("ville,note\nZürich,£3\nGenève,20°C\nSaint-Étienne,«très» bien\nDnipropetrovs\u00b4k,x\n", "cp1252"),
])
def test_legacy_code_pages_are_told_apart(tmp_path, text, encoding):
    p = tmp_path / "in.csv"
    p.write_bytes(text.encode(encoding))
    assert detect_encoding(p) == (encoding, True)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path, resolver, encoding):
    # (was read as UTF-8 with a NUL after every letter: "column 'where' not found")
    p = tmp_path / "in.csv"
    p.write_bytes("where,country\nKharkov,UA\nДонецк,UA\n".encode(encoding))
    assert detect_encoding(p) == (encoding, True)
    rep = normalize_csv(p, tmp_path / "out.csv", "where", progress=False, resolver=resolver)
    assert rep.rows == 2 and list(_read(tmp_path / "out.csv")["geo_name"]) == ["Kharkiv", "Donetsk"]


def test_a_code_page_is_told_by_its_lines_beyond_ascii_wherever_they_are(tmp_path):
    # 1.2 MB of ASCII rows before the first Cyrillic one (was read as cp1252: 'Õàðüêîâ')
    text = "id,where\n" + "".join(f"{i},Kyiv\n" for i in range(100_000)) + "x,Харьков\ny,Львов\n"
    p = tmp_path / "late.csv"
    p.write_bytes(text.encode("cp1251"))
    assert p.stat().st_size > 1 << 20
    assert detect_encoding(p) == ("cp1251", True)


def test_undecodable_bytes_are_reported_and_kept(tmp_path, resolver, capsys):
    raw = "where,n\nGorlovka,1\n".encode() + b"Dnipro\xff\xfepetrovsk,2\n" + "Горлівка,3\nLugansk,4\n".encode()
    p = tmp_path / "bad.csv"
    p.write_bytes(raw)
    assert detect_encoding(p) == ("utf-8", False)  # (no BOM: reported as plain UTF-8)
    logs = []
    rep = normalize_csv(p, tmp_path / "bad.out.csv", "where", progress=False, resolver=resolver, log=logs.append)
    assert rep.rows == 4 and rep.undecodable_rows == [2]
    assert any("rows 2" in m for m in logs)
    df = _read(tmp_path / "bad.out.csv")
    assert list(df["n"]) == ["1", "2", "3", "4"]  # never dropped
    assert df["geo_id"][1] == "" and "undecodable" in df["geo_explanation"][1]
    assert df["geo_id"][2] == str(HORLIVKA)


def test_truncated_last_line_and_ragged_rows(tmp_path, resolver):
    p = tmp_path / "cut.csv"
    p.write_text('where,n\nGorlovka,1\nLugansk,2,extra\nDonetsk\n"Kiev, Ukr', encoding="utf-8")
    logs = []
    rep = normalize_csv(p, tmp_path / "cut.out.csv", "where", progress=False, resolver=resolver, log=logs.append)
    assert rep.rows == 4
    df = _read(tmp_path / "cut.out.csv")
    assert list(df["where"]) == ["Gorlovka", "Lugansk", "Donetsk", "Kiev, Ukr"]
    assert df["geo_id"][0] == str(HORLIVKA) and df["geo_id"][2] == str(DONETSK)
    assert any("cut inside a quoted field" in m for m in logs)
    # a file that simply ends without a newline
    p2 = tmp_path / "cut2.csv"
    p2.write_text("where\nGorlovka\nLugan", encoding="utf-8")
    rep = normalize_csv(p2, tmp_path / "cut2.out.csv", "where", progress=False, resolver=resolver)
    assert rep.rows == 2


@pytest.mark.parametrize("text", ["city\r\nKyiv\r\n\r\nLviv\r\n\r\nOdesa\r\n",  # a column with empty cells
                                  "city,n\nKyiv,1\n\nLviv,2,extra\n\nOdesa,3\n"])  # (and the tolerant reader)
def test_a_blank_line_is_a_row_kept_in_place(tmp_path, resolver, text):
    # blank lines were dropped: 3 rows out of 5
    p = tmp_path / "blank.csv"
    p.write_text(text, encoding="utf-8", newline="")
    rep = normalize_csv(p, tmp_path / "blank.out.csv", "city", progress=False, resolver=resolver)
    assert rep.rows == 5
    df = pd.read_csv(tmp_path / "blank.out.csv", dtype=str, keep_default_na=False, skip_blank_lines=False)
    assert list(df["city"]) == ["Kyiv", "", "Lviv", "", "Odesa"]
    assert list(df["geo_match_kind"])[1::2] == ["none", "none"]


@pytest.mark.parametrize("header", ["x,x,where", ",where,"])
def test_the_input_header_is_written_as_it_was(tmp_path, resolver, header):
    # pandas' names had been written: 'x,x.1,where', 'Unnamed: 0,where,Unnamed: 2' (two columns named
    # as the one to resolve are an error: see test_a_fixed_hint_is_no_column_and_a_named_column_must_be_one)
    p = tmp_path / "dup.csv"
    p.write_text(f"{header}\n" + ",".join(["Kyiv" if h == "where" else "x" for h in header.split(",")]) + "\n",
                 encoding="utf-8")
    normalize_csv(p, tmp_path / "dup.out.csv", "where", progress=False, resolver=resolver)
    first = (tmp_path / "dup.out.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(header + ",geo_id,")


def test_a_first_row_with_a_field_more_than_the_header_shifts_no_column(tmp_path, resolver):
    # pandas would read the first column as the index: ids lost, 'Kyiv' under 'id'
    p = tmp_path / "long_first.csv"
    p.write_text("id,where\n1,Gorlovka,extra\n2,Donetsk\n", encoding="utf-8")
    logs = []
    rep = normalize_csv(p, tmp_path / "long_first.out.csv", "where", progress=False, resolver=resolver, log=logs.append)
    df = _read(tmp_path / "long_first.out.csv")
    assert rep.rows == 2 and list(df["id"]) == ["1", "2"]
    assert list(df["where"]) == ["Gorlovka,extra", "Donetsk"] and df["geo_id"][1] == str(DONETSK)
    assert sum("more fields than the header; extra" in m for m in logs) == 1  # told once, not per pass


def test_stdin_stdout_and_cli(tmp_path, resolver, monkeypatch):
    import geonorm.matching.resolver as R
    monkeypatch.setattr(R, "_default", resolver)
    runner = CliRunner()
    res = runner.invoke(normalize_command, ["-", "--column", "city", "--no-progress"],
                        input="city,n\nGorlovka,1\n,2\nLugansk,3\n")
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stdout.splitlines() if ln]
    assert lines[0].startswith("city,n,geo_id,geo_name")
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype=str, keep_default_na=False)
    assert list(df["n"]) == ["1", "2", "3"] and df["geo_id"][0] == str(HORLIVKA) and df["geo_id"][1] == ""

    # missing column names the existing ones
    p = tmp_path / "in.csv"
    p.write_text("city,n\nGorlovka,1\n", encoding="utf-8")
    res = runner.invoke(normalize_command, [str(p), "--column", "where", "-o", str(tmp_path / "o.csv")])
    assert res.exit_code != 0 and "'city'" in res.output and "'n'" in res.output
    # unwritable output: a clear error, before any work
    res = runner.invoke(normalize_command, [str(p), "--column", "city", "-o", str(tmp_path / "no" / "o.csv")])
    assert res.exit_code != 0 and "does not exist" in res.output
    res = runner.invoke(normalize_command, [str(p), "--column", "city", "-o", str(tmp_path)])
    assert res.exit_code != 0 and "directory" in res.output


def test_output_over_the_input_and_failed_runs_lose_nothing(tmp_path, resolver, monkeypatch):
    import geonorm.matching.resolver as R
    monkeypatch.setattr(R, "_default", resolver)
    runner = CliRunner()
    p = tmp_path / "events.csv"
    p.write_text("city,n\nGorlovka,1\nLugansk,2\n", encoding="utf-8")
    # the output may be the input: it used to be emptied before it was read
    res = runner.invoke(normalize_command, [str(p), "--column", "city", "-o", str(p), "--no-progress"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(p, dtype=str)
    assert list(df["n"]) == ["1", "2"] and df["geo_id"][0] == str(HORLIVKA)
    # a run that fails leaves an existing output as it was, and no temporary file behind
    before = p.read_bytes()
    res = runner.invoke(normalize_command, [str(p), "--column", "where", "-o", str(p)])
    assert res.exit_code != 0 and p.read_bytes() == before
    assert sorted(f.name for f in tmp_path.iterdir()) == ["events.csv"]
    # an empty input says so, and writes nothing
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    res = runner.invoke(normalize_command, [str(empty), "--column", "city", "-o", str(tmp_path / "o.csv")])
    assert res.exit_code != 0 and "empty" in res.output and not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("header, args, words", [
    ("city,geo_id", [], "already has result columns ['geo_id']"),  # the user's own geo_id stays
    ("city,id", ["--prefix", ""], "already has result columns ['id']"),
    ("city,n", ["--delimiter", "ab"], "one character"),
    ("city,n", ["--review", "TMP/r.csv", "--review-threshold", "nan"], "review_threshold must be a number in [0, 1]"),
    ("city,n", ["--min-confidence", "1.5"], "min_confidence must be a number in [0, 1]"),
])
def test_an_input_the_results_would_overwrite_or_a_bad_delimiter_is_a_clear_error(tmp_path, header, args, words):
    p = tmp_path / "in.csv"
    p.write_text(f"{header}\nGorlovka,mine\n", encoding="utf-8")
    args = [a.replace("TMP", str(tmp_path)) for a in args]
    res = CliRunner().invoke(normalize_command, [str(p), "--column", "city", "-o", str(tmp_path / "o.csv"), *args])
    assert res.exit_code != 0 and words in res.output and "Traceback" not in res.output
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "r.csv").exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions")
def test_output_without_permission(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    p = tmp_path / "in.csv"
    p.write_text("city\nGorlovka\n", encoding="utf-8")
    res = CliRunner().invoke(normalize_command, [str(p), "--column", "city", "-o", str(ro / "o.csv")])
    assert res.exit_code != 0 and "permission" in res.output.lower()


def test_review_roundtrip(tmp_path, resolver):
    p = tmp_path / "in.csv"
    p.write_text("where\nGorlovka\nStepanivka\nZaitsevo\nGorlovka\nxqzzyv\n", encoding="utf-8")
    out, review = tmp_path / "out.csv", tmp_path / "review.csv"
    rep = normalize_csv(p, out, "where", review=review, review_threshold=0.6, progress=False,
                        resolver=resolver)
    rows = list(csv.DictReader(open(review, encoding="utf-8")))
    assert rep.review_rows == len(rows) >= 2
    nums = [int(r["row"]) for r in rows]
    assert 1 not in nums and 4 not in nums  # confident rows are not for review
    stepanivka = next(r for r in rows if r["value"] == "Stepanivka")
    assert stepanivka["alt1_id"] and "corrected_id" in stepanivka
    # a person picks the runner-up for Stepanivka (one of dozens), and says 'xqzzyv' is no place
    chosen = stepanivka["alt1_id"]
    for r in rows:
        if r["value"] == "Stepanivka":
            r["corrected_id"] = chosen
        elif r["value"] == "xqzzyv":
            r["corrected_id"] = "none"
    with open(review, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    before = _read(out)
    final = tmp_path / "final.csv"
    rep2 = apply_review(out, review, final, resolver=resolver)
    after = _read(final)
    assert rep2.reviewed_rows == 2 and len(after) == len(before) == 5
    i = list(after["where"]).index("Stepanivka")
    assert after["geo_id"][i] == chosen and after["geo_match_kind"][i] == "reviewed"
    assert "review file" in after["geo_explanation"][i]
    assert after["geo_id"][4] == ""
    assert after["geo_id"][0] == before["geo_id"][0]  # other rows unchanged
    # the same corrections applied while normalizing (--apply-review), and in place
    out2 = tmp_path / "out2.csv"
    normalize_csv(p, out2, "where", apply_review=review, progress=False, resolver=resolver)
    assert _read(out2)["geo_id"][i] == chosen
    apply_review(out, review, resolver=resolver)
    assert _read(out)["geo_id"][i] == chosen
    # an id not in the gazetteer is an error, naming the row
    rows[0]["corrected_id"] = "999999999"
    with open(review, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ValueError, match="not in the gazetteer"):
        apply_review(out, review, tmp_path / "x.csv", resolver=resolver)


def test_chunks_keep_rows_and_context(tmp_path, resolver):
    towns = ["Krasnoarmeysk", "Gorlovka", "Donetsk", "Kramatorsk", "Slavyansk", "Mariupol"] * 50
    p = tmp_path / "many.csv"
    pd.DataFrame({"i": range(len(towns)), "where": towns}).to_csv(p, index=False)
    out = tmp_path / "many.out.csv"
    rep = normalize_csv(p, out, "where", chunksize=7, progress=False, resolver=resolver)
    df = _read(out)
    assert rep.rows == len(df) == len(towns) and list(df["i"]) == [str(i) for i in range(len(towns))]
    assert set(df["geo_id"][df["where"] == "Krasnoarmeysk"]) == {str(POKROVSK)}
    rep = normalize_csv(p, out, "where", chunksize=7, progress=False, resolver=resolver, context=False)
    assert rep.rows == len(towns)


def test_typo_reach_option(tmp_path):
    runner = CliRunner()
    res = runner.invoke(normalize_command, ["-", "--column", "city", "--no-progress", "--typo-reach", "1"],
                        input="city\nKslherson\n")
    assert res.exit_code == 0, res.output
    assert "Kherson" in res.stdout
    res = runner.invoke(normalize_command, ["-", "--column", "city", "--typo-reach", "0"], input="city\nX\n")
    assert res.exit_code != 0 and "typo-reach" in res.output


def test_one_hint_for_every_row_on_the_command_line(tmp_path, resolver, monkeypatch):
    import geonorm.matching.resolver as R
    monkeypatch.setattr(R, "_default", resolver)
    runner = CliRunner()
    rows = "where,n\nPokrovsk,1\n,2\nKrasnoarmeysk,3\n"
    res = runner.invoke(normalize_command, ["-", "--column", "where", "--country", "UA", "--no-progress"], input=rows)
    assert res.exit_code == 0, res.output
    df = pd.read_csv(io.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert list(df["geo_id"]) == [str(POKROVSK), "", str(POKROVSK)] and list(df["n"]) == ["1", "2", "3"]
    res = runner.invoke(normalize_command, ["-", "--column", "where", "--country", "RU", "--no-progress"], input=rows)
    df = pd.read_csv(io.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert set(df["geo_country_code"]) == {"RU", ""}
    # an area: Pokrovsk in Yakutia; nothing called Krasnoarmeysk there
    res = runner.invoke(normalize_command, ["-", "--column", "where", "--within", "129,61,130,62",
                                            "--feature", "populated place", "--no-progress"], input=rows)
    assert res.exit_code == 0, res.output
    df = pd.read_csv(io.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert list(df["geo_id"]) == ["2017824", "", ""]
    # bad or doubled hints: clear errors before any output
    for args in (["--country", "Atlantis"], ["--within", "1,2,3"], ["--feature", "planet"],
                 ["--country", "UA", "--country-column", "n"]):
        res = runner.invoke(normalize_command, ["-", "--column", "where", "--no-progress", *args], input=rows)
        assert res.exit_code != 0 and "Traceback" not in res.output, args


def test_text_column_option(tmp_path, resolver, monkeypatch):
    import geonorm.matching.resolver as R
    monkeypatch.setattr(R, "_default", resolver)
    runner = CliRunner()
    rows = 'where,headline\nSverdlovsk,"Shelling near Antratsyt and Rovenky, Luhansk region"\nSverdlovsk,\n'
    res = runner.invoke(normalize_command, ["-", "--column", "where", "--text-column", "headline", "--no-progress",
                                            "--no-context"], input=rows)
    assert res.exit_code == 0, res.output
    df = pd.read_csv(io.StringIO(res.stdout), dtype=str, keep_default_na=False)
    assert list(df["geo_id"])[0] == "692105" and df["geo_country_code"][1] == "RU"
    res = runner.invoke(normalize_command, ["-", "--column", "where", "--text-column", "nope", "--no-progress"],
                        input=rows)
    assert res.exit_code != 0 and "nope" in res.output


def test_output_piped_into_a_reader_that_stops_ends_quietly(tmp_path, gaz):
    # '| head -1' had made it say "Error: Could not open file '-': Broken pipe"
    import subprocess
    import sys
    p = tmp_path / "big.csv"
    p.write_text("where\n" + "Kyiv\nLviv\n" * 50_000, encoding="utf-8")
    code = "import sys; from geonorm.cli import main; sys.argv[0] = 'geonorm'; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, "normalize", str(p), "--column", "where", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"where,geo_id,")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and "Error" not in err and "Traceback" not in err


def test_a_fixed_hint_is_no_column_and_a_named_column_must_be_one(tmp_path, resolver):
    p = tmp_path / "in.csv"
    p.write_text("where,UA\nKrasnoarmeysk,RU\nKrasnoarmeysk,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    normalize_csv(p, out, "where", country="UA", context=False, progress=False, resolver=resolver)
    assert list(_read(out)["geo_id"]) == [str(POKROVSK)] * 2  # (the column 'UA' had been read as the hint)
    dup = tmp_path / "dup.csv"
    dup.write_text("where,where,cc\nKharkov,Lviv,UA\n", encoding="utf-8")
    with pytest.raises(ValueError, match="appears 2 times"):
        normalize_csv(dup, tmp_path / "dup.out.csv", "where", progress=False, resolver=resolver)


@pytest.mark.parametrize("module", ["gzip", "bz2", "lzma"])
def test_a_compressed_csv_is_read_decompressed(tmp_path, resolver, module):
    import importlib
    p = tmp_path / "in.csv.z"
    p.write_bytes(importlib.import_module(module).compress("where\nGorlovka\nLugansk\n".encode()))
    out = tmp_path / "out.csv"
    rep = normalize_csv(p, out, "where", progress=False, resolver=resolver)
    assert rep.rows == 2 and list(_read(out)["geo_id"]) == [str(HORLIVKA), str(LUHANSK)]


def test_a_zip_archive_or_a_broken_gzip_is_a_clear_error(tmp_path, resolver):
    import gzip
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ValueError, match="zip archive"):
        normalize_csv(book, tmp_path / "o.csv", "where", progress=False, resolver=resolver)
    broken = tmp_path / "broken.csv.gz"
    broken.write_bytes(gzip.compress(("where\n" + "Gorlovka\n" * 20000).encode())[:200])
    with pytest.raises(ValueError, match="broken gzip"):
        normalize_csv(broken, tmp_path / "o2.csv", "where", progress=False, resolver=resolver)
