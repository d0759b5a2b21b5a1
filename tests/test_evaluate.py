"""The evaluation harness on a tiny hand-made gold file and a stub resolver (no default gazetteer)."""
import json
import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from geonorm.faces.evaluate import (ExactBaseline, FuzzyBaseline, auc_of_errors, eval_command, evaluate,
                                    expected_calibration_error, format_report, haversine_km, read_gold)
from geonorm.matching.match import Match

GOLD = Path(__file__).parent / "fixtures" / "gold_tiny.jsonl"
KM_PER_DEG = 2 * math.pi * 6371.0088 / 360  # one degree of longitude on the equator

# mention -> (lat, lon, id, confidence, kind); None = abstain
ANSWERS = {
    "Alpha": (0.0, 0.0, 1, 0.9, "exact"),        # 0 km, right id
    "Beta": (0.0, 1.0, 20, 0.6, "alias"),        # 111.2 km, wrong id
    "Gamma": (0.0, 2.0, 30, 0.8, "fuzzy"),       # 222.4 km
    "Delta": None,                               # unanswered
    "in Phi": (0.0, 0.15, 60, 0.3, "historic"),  # 16.7 km, a UCDP item (correct within 20 km)
}


class StubResolver:
    def __init__(self):
        self.seen = []

    def resolve(self, query):
        self.seen.append(query)
        a = ANSWERS.get(query)
        if a is None:
            return Match(query=query, reason="stub abstains")
        lat, lon, pid, conf, kind = a
        return Match(query=query, id=pid, name=query, lat=lat, lon=lon, confidence=conf, match_kind=kind)


def _errors():
    return [0.0, KM_PER_DEG, 2 * KM_PER_DEG, None, 0.15 * KM_PER_DEG]


def test_read_gold_reports_bad_lines_with_numbers():
    gold = read_gold(GOLD)
    assert [i.id for i in gold.items] == ["a", "b", "c", "d", "f"]
    lines = dict(gold.problems)
    assert set(lines) == {5, 7}
    assert "gold_lat" in lines[5] and "not a number" in lines[5]
    assert "broken JSON" in lines[7]


def test_metrics_exact_values():
    report = evaluate(GOLD, StubResolver())
    g = report["geonorm"]
    assert report["skipped"] == 2 and [p["line"] for p in report["problems"]] == [5, 7]
    assert g["n"] == 5 and g["answered"] == 4
    assert g["acc@20km"] == 0.4
    assert g["acc@161km"] == 0.6
    errs = sorted(e for e in _errors() if e is not None)
    assert g["median_km"] == pytest.approx((errs[1] + errs[2]) / 2, abs=0.01)
    assert g["mean_km"] == pytest.approx(sum(errs) / 4, abs=0.01)
    assert g["geonameid_items"] == 3 and g["geonameid_acc"] == round(1 / 3, 4)
    assert g["abstention"] == 0.2
    # AUC by hand: sorted scaled log errors, trapezoids, over n - 1 intervals
    top = math.log(20039)
    ys = [0.0, math.log1p(0.15 * KM_PER_DEG) / top, math.log1p(KM_PER_DEG) / top,
          math.log1p(2 * KM_PER_DEG) / top, 1.0]
    expected_auc = sum((a + b) / 2 for a, b in zip(ys, ys[1:])) / 4
    assert g["auc"] == pytest.approx(expected_auc, abs=1e-4)
    # ECE over answered: bins 0.9 (right), 0.6 (right), 0.8 (wrong), 0.3 (right, UCDP 20 km)
    assert g["ece"] == pytest.approx((0.1 + 0.4 + 0.8 + 0.7) / 4, abs=1e-4)
    assert g["at_confidence"][">=0.5"] == {"coverage": 0.6, "accuracy": round(2 / 3, 4)}
    assert g["at_confidence"][">=0.9"] == {"coverage": 0.2, "accuracy": 1.0}
    kinds = g["by_kind"]
    assert kinds["exact"]["acc@161km"] == 1.0 and kinds["alias"]["acc@161km"] == 1.0
    assert kinds["fuzzy"]["acc@161km"] == 0.0 and kinds["none"] == {"n": 1, "acc@161km": 0.0, "acc@20km": 0.0}
    assert kinds["historic"]["acc@20km"] == 1.0
    assert "line 5" in format_report(report)


def test_haversine_matches_known_distance():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.001)


def test_auc_and_ece_edge_cases():
    assert auc_of_errors([]) is None
    assert auc_of_errors([0.0]) == 0.0
    assert auc_of_errors([None, None]) == 1.0
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert expected_calibration_error([]) is None
    assert expected_calibration_error([(1.0, True), (0.0, False)]) == 0.0
    assert expected_calibration_error([(0.95, False)]) == pytest.approx(0.95)


def test_filter_like_score_py():
    report = evaluate(GOLD, StubResolver(), filters=["meta.canonical_in_mention=false"])
    assert report["geonorm"]["n"] == 1 and report["filtered_out"] == 4
    assert report["geonorm"]["acc@20km"] == 1.0
    assert evaluate(GOLD, StubResolver(), filters=[("source", "TINY")])["geonorm"]["n"] == 4
    with pytest.raises(ValueError):
        evaluate(GOLD, StubResolver(), filters=["nokeyvalue"])


def test_predictions_file(tmp_path):
    out = tmp_path / "pred.jsonl"
    evaluate(GOLD, StubResolver(), out=out)
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in preds] == ["a", "b", "c", "d", "f"]
    assert preds[0] == {"id": "a", "pred_lat": 0.0, "pred_lon": 0.0, "pred_geonameid": 1}
    assert preds[3] == {"id": "d", "pred_lat": None, "pred_lon": None, "pred_geonameid": None}


def test_context_mode_hook_and_failures(tmp_path):
    calls = []

    def ctx(resolver, record):
        calls.append(record["text"])
        if record["id"] == "c":
            raise RuntimeError("boom")
        return resolver.resolve(record["mention"])

    stub = StubResolver()
    report = evaluate(GOLD, stub, mode="context", context_resolver=ctx)
    assert len(calls) == 5 and calls[0] == "We went to Alpha."
    g = report["geonorm"]
    assert g["failures"] == 1 and g["answered"] == 3 and "boom" in g["failure_examples"][0]
    # context mode without a hook, on records with neither offsets nor text = mention mode (with a
    # text and no offsets the text is context: tests/test_text.py)
    lines = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        try:
            lines.append(json.dumps({**json.loads(line), "text": None}))
        except (ValueError, TypeError):
            lines.append(line)
    bare = tmp_path / "bare.jsonl"
    bare.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert evaluate(bare, StubResolver(), mode="context")["geonorm"]["acc@161km"] == 0.6
    with pytest.raises(ValueError):
        evaluate(GOLD, stub, mode="document")


class _TinyGaz:
    """Just enough of a Gazetteer for the exact baseline: two places named 'springfield'."""

    def __init__(self):
        from geonorm.gazetteer import PlaceRecord
        self.form_place = np.array([0, 1, 2])
        self.place_pop = np.array([100, 5000, 7])
        self.form_text = ["Springfield", "Springfield", "Shelbyville"]
        self._places = [PlaceRecord(row=i, id=10 + i, name=n, ascii_name=n, lat=float(i), lon=0.0,
                                    feature_class="P", feature_code="PPL", level="populated place",
                                    country_code="US", admin1_code="", admin2_code="", population=int(p),
                                    timezone="", iso_code="", source="test", note="")
                        for i, (n, p) in enumerate(zip(self.form_text, self.place_pop))]

    def place(self, row):
        return self._places[row]

    def lookup(self, key_type, key):
        return np.array([i for i, t in enumerate(self.form_text) if t.lower() == key], dtype=np.int64)


def test_exact_baseline_prefers_population():
    base = ExactBaseline(_TinyGaz())
    m = base.resolve("SPRINGFIELD")
    assert m.id == 11 and m.confidence == 0.5 and m.match_kind == "exact"
    assert not base.resolve("Ogdenville").ok


def test_fuzzy_baseline_takes_closest_name_then_population():
    base = FuzzyBaseline(_TinyGaz())
    assert base.choices == ["shelbyville", "springfield"]
    m = base.resolve("Springfeld")
    assert m.id == 11 and m.match_kind == "fuzzy" and m.matched_name == "springfield"
    assert base.resolve("Shelbivile").id == 12


def test_baselines_in_evaluate_need_a_gazetteer():
    with pytest.raises(ValueError):
        evaluate(GOLD, StubResolver(), baselines=True)


def test_cli_missing_file_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(eval_command, [str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2
    assert "does not exist" in res.output


def test_cli_a_file_of_bad_lines_only_is_an_error(tmp_path, monkeypatch):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('not json\n{"id": 1}\n', encoding="utf-8")
    monkeypatch.setattr("geonorm.matching.resolver.Resolver", lambda gaz: StubResolver())
    res = CliRunner().invoke(eval_command, [str(gold)])  # was exit status 0 with n = 0
    assert res.exit_code == 1 and "skipped 2 bad line(s)" in res.output and "no gold item to score" in res.output


def _hinted_gold(tmp_path, resolver) -> Path:
    """Two lines naming the Mykolaivka of Volnovakha raion, whose oblast holds bigger namesakes."""
    target = resolver.resolve("Mykolaivka", admin1="Donetsk oblast", admin2="Volnovakha raion")
    lines = [{"id": f"m{i}", "mention": "Mykolaivka", "gold_lat": target.lat, "gold_lon": target.lon,
              "source": "ucdp_test", "meta": {"adm_1": "Donetsk oblast", "adm_2": adm2}}
             for i, adm2 in enumerate(["Volnovakha raion", "Volnovakha Raion"])]
    path = tmp_path / "hinted.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_hints_from_gold_fields_in_mention_and_column_modes(tmp_path, resolver):
    gold = _hinted_gold(tmp_path, resolver)
    assert evaluate(gold, resolver)["geonorm"]["acc@20km"] == 0.0  # the biggest namesake, far away
    hints = ["admin1=meta.adm_1", "admin2=meta.adm_2"]
    for mode in ("mention", "column"):
        report = evaluate(gold, resolver, mode=mode, hints=hints)
        assert report["geonorm"]["acc@20km"] == 1.0, mode
        assert report["hints"] == hints
    res = CliRunner().invoke(eval_command, [str(gold), "--mode", "column", "--hint", "admin2=meta.adm_2",
                                            "--hint", "admin1=meta.adm_1", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output[res.output.index("{"):])["geonorm"]["acc@20km"] == 1.0


def test_bad_hint_specs_are_clear_errors(tmp_path):
    for spec in ("admin3=meta.x", "admin1", "admin1="):
        with pytest.raises(ValueError, match="NAME=FIELD"):
            evaluate(GOLD, StubResolver(), hints=[spec])
        res = CliRunner().invoke(eval_command, [str(GOLD), "--hint", spec])
        assert res.exit_code == 2 and "--hint" in res.output
    with pytest.raises(ValueError, match="context"):
        evaluate(GOLD, StubResolver(), mode="context", hints=["admin1=meta.kind"])
