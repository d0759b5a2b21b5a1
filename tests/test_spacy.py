"""The spaCy component, on spacy.blank (no model download)."""
from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import geonorm.faces.spacy_component  # noqa: E402,F401  (registers the factory)

SEED = (Path(__file__).parent / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture()
def nlp(resolver):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "GPE", "pattern": "Krasnarmeysk"},
        {"label": "GPE", "pattern": "Dimitrov"},
        {"label": "GPE", "pattern": "Ukraine"},
        {"label": "PERSON", "pattern": [{"TEXT": "Vladimir"}, {"TEXT": "Putin"}]},
        {"label": "LOC", "pattern": "Donbass"},
    ])
    comp = nlp.add_pipe("geonorm")
    comp.resolver = resolver
    return nlp


def test_entity_ruler_entities_are_resolved_jointly(nlp):
    doc = nlp(SEED)
    got = {(e.text, e._.geonorm.id if e._.geonorm else None) for e in doc.ents}
    assert ("Krasnarmeysk", 704422) in got
    assert ("Dimitrov", 710035) in got
    assert ("Donbass", 2000000001) in got
    person = [e for e in doc.ents if e.label_ == "PERSON"]
    assert person and all(e._.geonorm is None for e in person)
    assert doc._.geonorm and all(m.source == "spacy" for m in doc._.geonorm)


def test_hand_made_ents(resolver):
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("geonorm")
    comp.resolver = resolver
    doc = nlp.make_doc("Shelling in Kharkiv and Kyiv.")
    doc.ents = [doc.char_span(12, 19, label="GPE"), doc.char_span(24, 28, label="GPE")]
    doc = comp(doc)
    assert [e._.geonorm.id for e in doc.ents] == [706483, 703448]


def test_add_tagger_spans(resolver):
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("geonorm", config={"add_tagger_spans": True})
    comp.resolver = resolver
    doc = nlp(SEED)
    ids = {e._.geonorm.id for e in doc.ents if e._.geonorm}
    assert {704422, 710035, 709716, 690791} <= ids
    assert not ids & {565955, 542463, 542464}


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.ents) == []


def test_a_min_confidence_outside_0_1_is_refused_when_the_pipe_is_added():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="min_confidence must be a number in"):
        nlp.add_pipe("geonorm", config={"min_confidence": 2.0})


def test_a_resolved_doc_serializes_and_reads_back(nlp):
    # a Match in user data could not be stored: "can not serialize 'Match' object"
    from spacy.tokens import Doc, DocBin
    doc = nlp(SEED)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(e.text, e._.geonorm) for e in back.ents] == [(e.text, e._.geonorm) for e in doc.ents]
    assert back._.geonorm == doc._.geonorm and back._.geonorm[0].match.explain() == doc._.geonorm[0].match.explain()
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (again,) = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert {e.text: e._.geonorm.id for e in again.ents if e._.geonorm}["Dimitrov"] == 710035
