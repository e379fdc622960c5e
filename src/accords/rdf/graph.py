"""Build one document's named graph from its typed extraction records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import XSD

from accords.rdf import namespaces as _ns
from accords.rdf.index import member_year, observed_years
from accords.rdf.namespaces import (
    activity_iri,
    claim_iri,
    document_iri,
    entity_iri,
    evidence_iri,
    graph_iri,
    meeting_iri,
    mention_iri,
    relationship_iri,
    sentence_iri,
)
from accords.rdf.triples import DocumentGraph, OxTriple
from accords.records import (
    Claim,
    Document,
    Entity,
    Evidence,
    Extraction,
    Meeting,
    Mention,
    Modality,
    Precision,
    Relationship,
    Sentence,
)


def precision_iri(p: Precision) -> ox.NamedNode:
    """``acc:DayPrecision`` ... ``acc:CenturyPrecision``."""
    return ACC[f"{p.value.capitalize()}Precision"]


def modality_iri(m: Modality) -> ox.NamedNode:
    """``acc:Asserted`` ... ``acc:Ended``."""
    return ACC[m.value.capitalize()]


def _decimal(x: float) -> str:
    """Four places in canonical form ("0.9", "1"), as stores such as Oxigraph keep it."""
    return format(Decimal(f"{x:.4f}").normalize(), "f")


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


class _Terms:
    """A namespace whose terms are pyoxigraph IRIs made once."""

    def __init__(self, namespace: object) -> None:
        self._base = str(namespace)
        self._made: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> ox.NamedNode:
        term = self._made.get(name)
        if term is None:
            term = self._made[name] = ox.NamedNode(self._base + name)
        return term


ACC, DCT, NIF, SCHEMA, WD = (_Terms(ns) for ns in (_ns.ACC, _ns.DCT, _ns.NIF, _ns.SCHEMA, _ns.WD))
OWL, PROV, RDF, RDFS = (_Terms(ns) for ns in (_OWL, _PROV, _RDF, _RDFS))
_INTEGER = ox.NamedNode(str(XSD.integer))
_DATE = ox.NamedNode(str(XSD.date))
_DECIMAL = ox.NamedNode(str(XSD.decimal))
_TRUE, _FALSE = (
    ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))),
    ox.Literal("false", datatype=ox.NamedNode(str(XSD.boolean))),
)
Object = ox.NamedNode | ox.Literal


def _bool(value: bool) -> ox.Literal:
    return _TRUE if value else _FALSE


class _Builder:
    """Accumulates the triples of one document graph."""

    def __init__(self, extraction: Extraction) -> None:
        self.x = extraction
        self.doc_id = extraction.document.id
        self.doc = document_iri(self.doc_id)
        self._iris: dict[str, ox.NamedNode] = {}
        self.triples: list[OxTriple] = []
        self._sentences: dict[Sentence, ox.NamedNode] = {}
        self._entities: dict[Entity, ox.NamedNode] = {}
        self.activity = activity_iri(self.doc_id, extraction.extractor_version)
        self.sentences = {s.index: s for s in extraction.sentences}

    def iri(self, iri: URIRef | ox.NamedNode) -> ox.NamedNode:
        """``iri`` as a pyoxigraph IRI, made once per document."""
        if isinstance(iri, ox.NamedNode):
            return iri
        found = self._iris.get(iri)
        if found is None:
            found = self._iris[iri] = ox.NamedNode(iri)
        return found

    def add(self, s: URIRef | ox.NamedNode, p: ox.NamedNode, o: URIRef | Object) -> None:
        self.triples.append((self.iri(s), p, o if isinstance(o, Object) else self.iri(o)))

    def build(self) -> DocumentGraph:
        self.document(self.x.document)
        for s in self.x.sentences:
            self.sentence(s)
        for m in self.x.mentions:
            self.mention(m)
        self.activity_node()
        for rel in self.x.relationships:
            self.relationship(rel)
        for meeting in self.x.meetings:
            self.meeting(meeting)
        # An unattributed statement is not a claim the graph can hold: skip it.
        claim_iris = [
            claim_iri(self.doc_id, c) if c.claimant is not None else None for c in self.x.claims
        ]
        for c, iri in zip(self.x.claims, claim_iris, strict=True):
            if iri is not None:
                self.claim(c, iri, claim_iris)
        return DocumentGraph(str(graph_iri(self.doc_id)), self.triples)

    def document(self, d: Document) -> None:
        n = self.doc
        self.add(n, RDF.type, ACC.NewsArticle)
        self.add(n, ACC.documentId, ox.Literal(d.id))
        self.add(n, ACC.sourceKey, ox.Literal(d.key))
        self.add(n, ACC.sha256, ox.Literal(d.raw_sha256))
        self.add(n, NIF.isString, ox.Literal(d.text))
        self.add(n, ACC.textLength, _int(len(d.text)))
        if d.title:
            self.add(n, DCT.title, ox.Literal(d.title))
        if d.url:
            self.add(n, SCHEMA.url, URIRef(d.url))
        if d.published is not None:
            self.add(n, DCT.issued, ox.Literal(d.published.isoformat(), datatype=_DATE))
        if d.published_precision is not None:
            self.add(n, ACC.datePrecision, precision_iri(d.published_precision))
        self.add(n, ACC.dateEstimated, _bool(d.date_estimated))
        self.add(n, ACC.dateInferred, _bool(d.date_inferred))
        if d.date_basis:
            self.add(n, ACC.dateBasis, ox.Literal(d.date_basis))

    def sentence(self, s: Sentence) -> ox.NamedNode:
        """The sentence node (its triples are added the first time only)."""
        made = self._sentences.get(s)
        if made is not None:
            return made
        n = self._sentences[s] = self.iri(sentence_iri(self.doc_id, s.start, s.end))
        self.add(n, RDF.type, NIF.Sentence)
        self.add(n, NIF.referenceContext, self.doc)
        self.add(n, NIF.beginIndex, _int(s.start))
        self.add(n, NIF.endIndex, _int(s.end))
        self.add(n, NIF.anchorOf, ox.Literal(s.text))
        self.add(n, ACC.sentenceIndex, _int(s.index))
        return n

    def mention(self, m: Mention) -> None:
        n = mention_iri(self.doc_id, m.start, m.end)
        self.add(n, RDF.type, ACC.Mention)
        self.add(n, NIF.referenceContext, self.doc)
        self.add(n, NIF.beginIndex, _int(m.start))
        self.add(n, NIF.endIndex, _int(m.end))
        self.add(n, NIF.anchorOf, ox.Literal(m.text))
        sentence = self.sentences.get(m.sentence)
        if sentence is not None:
            self.add(n, ACC.inSentence, sentence_iri(self.doc_id, sentence.start, sentence.end))
        if m.entity is not None:
            self.add(n, ACC.refersTo, self.entity(m.entity))
        self.add(n, ACC.linkScore, ox.Literal(_decimal(m.score), datatype=_DECIMAL))
        if m.reason:
            self.add(n, ACC.linkReason, ox.Literal(m.reason))

    def entity(self, e: Entity) -> ox.NamedNode:
        """The entity node: an actor of its kind, or a place when it has no kind."""
        made = self._entities.get(e)
        if made is not None:
            return made
        n = self._entities[e] = self.iri(entity_iri(e.key))
        self.add(n, RDF.type, ACC[e.kind.value] if e.kind is not None else ACC.Place)
        self.add(n, RDFS.label, ox.Literal(e.label))
        if e.qid:
            self.add(n, OWL.sameAs, WD[e.qid])
            self.add(n, ACC.wikidataId, ox.Literal(e.qid))
        if e.country_qid and e.country_qid != e.qid:
            self.add(n, ACC.country, entity_iri(e.country_qid))
        if e.wikipedia:
            self.add(n, ACC.wikipediaTitle, ox.Literal(e.wikipedia))
        return n

    def activity_node(self) -> None:
        n = self.activity
        self.add(n, RDF.type, ACC.ExtractionActivity)
        self.add(n, ACC.softwareVersion, ox.Literal(self.x.extractor_version or "unknown"))
        if self.x.model:
            self.add(n, ACC.model, ox.Literal(self.x.model))

    def _date(self, n: URIRef, prop: ox.NamedNode, value: date) -> None:
        self.add(n, prop, ox.Literal(value.isoformat(), datatype=_DATE))

    def evidence(self, fact: URIRef, ev: Evidence) -> None:
        n = evidence_iri(self.doc_id, fact, ev)
        self.add(fact, ACC.hasEvidence, n)
        self.add(n, RDF.type, ACC.Evidence)
        self.add(n, ACC.sentence, self.sentence(ev.sentence))
        self.add(n, ACC.document, self.doc)
        self.add(n, ACC.modality, modality_iri(ev.modality))
        if ev.trigger:
            self.add(n, ACC.trigger, ox.Literal(ev.trigger))
        if ev.observed is not None:  # None only for an undated document naming no time
            self._date(n, ACC.observedFrom, ev.observed.earliest)
            self._date(n, ACC.observedUntil, ev.observed.latest)
            self.add(n, ACC.observedPrecision, precision_iri(ev.observed.precision))
            for year in observed_years(ev.observed.earliest, ev.observed.latest):
                self.add(n, ACC.observedYear, _int(year))  # query index (docs/model.md)
        if ev.valid_from is not None:
            self._date(n, ACC.validFrom, ev.valid_from.earliest)
            self.add(n, ACC.validFromPrecision, precision_iri(ev.valid_from.precision))
        if ev.valid_until is not None:
            self._date(n, ACC.validUntil, ev.valid_until.latest)
            self.add(n, ACC.validUntilPrecision, precision_iri(ev.valid_until.precision))
        self.add(n, PROV.wasGeneratedBy, self.activity)

    def relationship(self, rel: Relationship) -> None:
        n = relationship_iri(rel)
        self.add(n, RDF.type, ACC[rel.type.value])
        ends = (rel.source, rel.target) if rel.type.directed else (None, None)
        extra = tuple(e for e in ends if e is not None and e not in rel.members)
        members = sorted(rel.members + extra, key=lambda e: e.key)
        for m in members:
            self.add(n, ACC.member, self.entity(m))
        if ends[0] is not None and ends[1] is not None:  # source and target are members too
            self.add(n, ACC.source, self.entity(ends[0]))
            self.add(n, ACC.target, self.entity(ends[1]))
        label = f"{rel.type.value}: " + ", ".join(m.label for m in members)
        self.add(n, RDFS.label, ox.Literal(label))
        ev = rel.evidence
        # query indexes (docs/model.md): the relationship's own copy, in this document
        # graph, of when its evidence here is observed, starts and ends
        if ev.valid_until is not None:
            self._date(n, ACC.reportedUntil, ev.valid_until.latest)
        member_iris = [self.entity(m).value for m in members]
        if ev.valid_from is not None:
            self._date(n, ACC.reportedFrom, ev.valid_from.earliest)
            for iri in member_iris:
                self.add(n, ACC.memberStart, ox.Literal(iri))
        if ev.observed is not None:
            for year in observed_years(ev.observed.earliest, ev.observed.latest):
                self.add(n, ACC.evidenceYear, _int(year))
                for iri in member_iris:
                    self.add(n, ACC.memberYear, ox.Literal(member_year(iri, year)))
        self.evidence(n, ev)

    def meeting(self, m: Meeting) -> None:
        n = meeting_iri(m)
        self.add(n, RDF.type, ACC[m.type.value])
        participants = sorted(m.participants, key=lambda e: e.key)
        for p in participants:
            self.add(n, ACC.participant, self.entity(p))
        if m.place is not None:
            self.add(n, ACC.place, self.entity(m.place))
        if m.place_name:
            self.add(n, ACC.placeName, ox.Literal(m.place_name))
        if m.date is not None:
            self._date(n, ACC.date, m.date.earliest)
            self._date(n, ACC.dateLatest, m.date.latest)
            self.add(n, ACC.datePrecision, precision_iri(m.date.precision))
        self.add(n, ACC.status, ACC[m.status.value.capitalize()])
        if m.topic:
            self.add(n, ACC.topic, ox.Literal(m.topic))
        place = m.place.label if m.place else m.place_name
        where = f" in {place}" if place else ""
        when = f" ({m.date.value})" if m.date else ""
        label = f"{m.type.value}: " + ", ".join(p.label for p in participants) + where + when
        self.add(n, RDFS.label, ox.Literal(label))
        # query index (docs/model.md): the years of the meeting's date, else of the
        # period its evidence observes
        span = (m.date.earliest, m.date.latest) if m.date is not None else None
        if span is None and m.evidence.observed is not None:
            span = (m.evidence.observed.earliest, m.evidence.observed.latest)
        if span is not None:
            for year in observed_years(min(span), max(span)):
                self.add(n, ACC.dateYear, _int(year))
        self.evidence(n, m.evidence)

    def claim(self, c: Claim, n: URIRef, all_claims: list[URIRef | None]) -> None:
        self.add(n, RDF.type, ACC.Claim)
        self.add(n, RDF.type, ACC[c.type.value])
        if c.claimant is not None:
            self.add(n, ACC.claimant, self.entity(c.claimant))
        for a in c.about:
            self.add(n, ACC.about, self.entity(a))
        self.add(n, ACC.content, ox.Literal(c.content))
        self.add(n, ACC.contentBegin, _int(c.content_start))
        self.add(n, ACC.contentEnd, _int(c.content_end))
        if c.stated is not None:
            self._date(n, ACC.statedOn, c.stated.earliest)
            self.add(n, ACC.statedPrecision, precision_iri(c.stated.precision))
        else:
            self.add(n, ACC.dateUnknown, _TRUE)
        if c.disputes is not None and 0 <= c.disputes < len(all_claims):
            disputed = all_claims[c.disputes]
            if disputed is not None:
                self.add(n, ACC.disputes, disputed)
        self.evidence(n, c.evidence)


def build_document(extraction: Extraction) -> DocumentGraph:
    """The triples of one document's named graph ``accg:{docid}`` (deterministic).

    Claims without a claimant are left out (the shapes require one); the source and
    target of a directed relationship are also its members.
    """
    return _Builder(extraction).build()


def build_graph(extraction: Extraction) -> Graph:
    """:func:`build_document` as an rdflib graph (for inspection, export and tests)."""
    return build_document(extraction).rdflib()


def canonical_nquads(graph: Graph, graph_iri: URIRef) -> str:
    """The graph as sorted N-Quads lines in ``graph_iri`` (for byte-for-byte comparison)."""
    text = graph.serialize(format="nt")
    suffix = f" <{graph_iri}> ."
    lines = sorted(line[: -len(" .")] + suffix for line in text.splitlines() if line.strip())
    return "\n".join(lines) + ("\n" if lines else "")
