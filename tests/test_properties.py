"""Properties every input keeps, checked on generated inputs (hypothesis): any query is an answer
or an explicit no-match, never an exception; batches and tables keep every row in its order;
every mention's offsets point at its text. The examples mix place words, phrase words in three
languages, punctuation, odd Unicode and arbitrary text, and are drawn the same way on every run."""
import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geonorm

WORDS = ["Pokrovsk", "Krasnarmeysk", "Київ", "Донецк", "al-Raqqa", "Hama", "Aleppo", "حلب", "DPR", "UA-14",
         "near", "of", "district", "village", "oblast", "область", "район", "с.", "смт", "в", "під", "and",
         "north", "5 km", ",", "/", "(", ")", "-", "'", "’", "St.", "Nova", "1", "2022", "\u0301", "\u200b",
         "\ufeff", "ß", "İ", "ﬁ", "𝔄", "🙂", "\x00", "\t", "Ḩalab", "Łódź", "København"]
word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8),
                 st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), min_size=1, max_size=9))
phrase = st.lists(word, max_size=8).map(" ".join)
query = st.one_of(phrase, st.text(max_size=40), st.none(), st.floats(), st.integers(), st.binary(max_size=16))
HINTS = [{}, {"country": "UA"}, {"admin1": "Donetsk region"}, {"near": "Kharkiv"}, {"as_of": "2014-01-01"},
         {"limit": 5}, {"feature": "admin"}, {"country": "Сирия"}]
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@SETTINGS
@given(query, st.sampled_from(HINTS))
def test_any_query_is_an_answer_or_an_explicit_no_match(resolver, q, hints):
    m = resolver.resolve(q, **hints)
    assert 0.0 <= m.confidence <= 1.0 and not math.isnan(m.confidence)
    assert m.ok == (m.id is not None) and (m.ok or m.reason)
    assert isinstance(m.explain(), str) and m.explain()


@SETTINGS
@given(st.lists(query, max_size=6))
def test_a_batch_keeps_every_query_in_its_order(resolver, queries):
    out = list(resolver.resolve_many(queries))
    assert len(out) == len(queries)
    for q, m in zip(queries, out):
        assert m.ok or m.reason


@SETTINGS
@given(st.lists(query, max_size=6), st.lists(st.one_of(phrase, st.none()), min_size=6, max_size=6))
def test_a_table_keeps_every_row_in_its_order(resolver, values, areas):
    index = [f"r{i}" for i in range(len(values))][::-1]  # (a non-default index stays as given)
    df = pd.DataFrame({"place": pd.Series(values, dtype=object, index=index),
                       "region": pd.Series(areas[:len(values)], dtype=object, index=index)})
    out = geonorm.normalize(df, "place", admin1="region", resolver=resolver, workers=1)
    assert list(out.index) == index and out["place"].tolist() == df["place"].tolist()
    assert out["geo_confidence"].between(0, 1).all()


@SETTINGS
@given(st.lists(st.one_of(phrase, st.text(max_size=30)), max_size=6).map(". ".join))
def test_every_mention_points_at_its_text(resolver, text):
    mentions = geonorm.extract(text, resolver=resolver)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert geonorm.to_geojson(mentions)["type"] == "FeatureCollection"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "🙂" * 50])
def test_text_without_names_has_no_mentions(resolver, text):
    assert geonorm.extract(text, resolver=resolver) == []
