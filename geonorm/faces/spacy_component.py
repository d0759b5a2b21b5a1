"""A spaCy pipeline component: ``nlp.add_pipe("geonorm")``.

It resolves the document's GPE, LOC and FAC entities jointly (see :mod:`geonorm.faces.text`)
and sets ``span._.geonorm`` to the :class:`~geonorm.matching.match.Match` (``doc._.geonorm``
lists the :class:`~geonorm.faces.text.Mention` s). With ``add_tagger_spans=True`` the
gazetteer tagger's own mentions are added as ``GPE`` entities where they overlap no entity.

spaCy is an optional extra (``pip install geonorm[spacy]``); importing this module registers
the factory::

    import spacy, geonorm.faces.spacy_component
    nlp = spacy.blank("en")            # or any pipeline with an NER
    nlp.add_pipe("geonorm", config={"add_tagger_spans": True})
    doc = nlp(text)
    [(e.text, e._.geonorm.name) for e in doc.ents if e._.geonorm]
"""
from __future__ import annotations

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..matching.match import Match
from ..matching.resolver import confidence_arg
from .text import Mention, _resolve_document, _resolver

DEFAULT_LABELS = ("GPE", "LOC", "FAC")

if not Span.has_extension("geonorm"):
    Span.set_extension("geonorm", default=None)
if not Doc.has_extension("geonorm"):
    Doc.set_extension("geonorm", default=None)

# a Doc that holds Matches and Mentions serializes (doc.to_bytes, DocBin, nlp.pipe(n_process=2)):
# msgpack stores them as their dicts, tagged, and reads them back as the objects
_MATCH, _MENTION = "__geonorm_match__", "__geonorm_mention__"


@srsly.msgpack_encoders("geonorm")
def _encode(obj, chain=None):
    if isinstance(obj, Match):
        return {_MATCH: obj.to_dict()}
    if isinstance(obj, Mention):
        return {_MENTION: obj.to_dict()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("geonorm")
def _decode(obj, chain=None):
    if isinstance(obj, dict) and _MATCH in obj:
        return Match.from_dict(obj[_MATCH])
    if isinstance(obj, dict) and _MENTION in obj:
        return Mention.from_dict(obj[_MENTION])
    return obj if chain is None else chain(obj)


class GeonormComponent:
    """Sets ``Span._.geonorm`` on place entities; resolver=None uses the default gazetteer."""

    def __init__(self, nlp: Language, name: str = "geonorm", labels=DEFAULT_LABELS,
                 add_tagger_spans: bool = False, joint: bool = True, country=None, as_of=None,
                 min_confidence: float | None = None, resolver=None) -> None:
        self.name = name
        self.labels = set(labels)
        self.add_tagger_spans = add_tagger_spans
        self.joint = joint
        self.hints = dict(country=country, as_of=as_of, min_confidence=confidence_arg(min_confidence))
        self._resolver = resolver

    @property
    def resolver(self):
        if self._resolver is None:
            self._resolver = _resolver(None)
        return self._resolver

    @resolver.setter
    def resolver(self, value) -> None:
        """Use another :class:`~geonorm.Resolver` (e.g. over a custom gazetteer)."""
        self._resolver = value

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if self.add_tagger_spans and text.strip():
            self._add_tagger_spans(doc)
        ents = [e for e in doc.ents if e.label_ in self.labels]
        if not ents:
            doc._.geonorm = []
            return doc
        items = [(e.start_char, e.end_char, "spacy", e.label_) for e in ents]
        mentions = _resolve_document(text, items, self.resolver, joint=self.joint, **self.hints)
        for e, m in zip(ents, mentions):
            e._.geonorm = m.match if m.match.ok else None
        doc._.geonorm = mentions
        return doc

    def _add_tagger_spans(self, doc: Doc) -> None:
        from .tagger import Tagger, tag
        spans = tag(doc.text, Tagger.for_gazetteer(self.resolver.gazetteer), self.resolver)
        new = []
        for sp in spans:
            span = doc.char_span(sp.start, sp.end, label="GPE", alignment_mode="expand")
            if span is not None:
                new.append(span)
        if not new:
            return
        existing = list(doc.ents)
        taken = {i for e in existing for i in range(e.start, e.end)}
        keep = [s for s in filter_spans(new) if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(existing + keep, key=lambda s: s.start)


@Language.factory("geonorm", default_config={"labels": list(DEFAULT_LABELS), "add_tagger_spans": False,
                                             "joint": True, "country": None, "as_of": None,
                                             "min_confidence": None})
def make_geonorm(nlp: Language, name: str, labels: list[str], add_tagger_spans: bool, joint: bool,
                 country, as_of, min_confidence):
    return GeonormComponent(nlp, name, labels=labels, add_tagger_spans=add_tagger_spans, joint=joint,
                            country=country, as_of=as_of, min_confidence=min_confidence)
