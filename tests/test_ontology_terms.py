"""Every term of the ontology is documented, and every term the graph builder emits is defined."""

from __future__ import annotations

from rdf_sample import sample_extraction
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from accords.rdf.graph import build_graph, modality_iri, precision_iri
from accords.rdf.namespaces import ACC
from accords.rdf.ontology import load_ontology
from accords.records import (
    ActorKind,
    ClaimType,
    MeetingStatus,
    MeetingType,
    Modality,
    Precision,
    RelationType,
)

ONTOLOGY_IRI = URIRef("https://w3id.org/accords/ontology")
KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    RDFS.Datatype,
)


def _declared() -> set[URIRef]:
    g = load_ontology()
    return {s for kind in KINDS for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def test_header_has_version_iri_and_label() -> None:
    g = load_ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    version = g.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version is not None and str(version).startswith(str(ONTOLOGY_IRI) + "/")
    assert g.value(ONTOLOGY_IRI, RDFS.label) is not None


def test_every_class_property_and_individual_has_label_and_definition() -> None:
    g = load_ontology()
    undocumented = sorted(
        str(t)
        for t in _declared()
        if g.value(t, RDFS.label) is None or g.value(t, SKOS.definition) is None
    )
    assert undocumented == []


def test_every_acc_term_emitted_by_the_builder_is_declared() -> None:
    declared = _declared()
    data = build_graph(sample_extraction())
    used = {p for p in data.predicates() if isinstance(p, URIRef)}
    used |= {o for o in data.objects() if isinstance(o, URIRef) and str(o).startswith(str(ACC))}
    built_in = {RDF.type, RDFS.label, OWL.sameAs}
    assert sorted(str(t) for t in used - built_in if t not in declared) == []


def test_record_enums_match_ontology_terms() -> None:
    declared = _declared()
    expected = {ACC[k.value] for k in ActorKind}
    expected |= {ACC[t.value] for t in RelationType}
    expected |= {ACC[t.value] for t in MeetingType}
    expected |= {ACC[t.value] for t in ClaimType}
    expected |= {URIRef(modality_iri(m).value) for m in Modality}
    expected |= {URIRef(precision_iri(p).value) for p in Precision}
    expected |= {ACC[s.value.capitalize()] for s in MeetingStatus}
    assert expected - declared == set()


def test_relationship_taxonomy() -> None:
    g = load_ontology()
    for t in RelationType:
        parent = ACC.CooperativeAlignment if t.cooperative else ACC.Antagonism
        assert (ACC[t.value], RDFS.subClassOf, parent) in g
        directed = (ACC[t.value], RDFS.subClassOf, ACC.DirectedRelationship) in g
        assert directed == t.directed


def test_wikidata_mappings_are_recorded() -> None:
    g = load_ontology()
    wd = "http://www.wikidata.org/entity/"
    mapped = {
        (str(s), str(o))
        for p in (SKOS.exactMatch, SKOS.closeMatch)
        for s, o in g.subject_objects(p)
        if str(o).startswith(wd)
    }
    for term, target in [
        (ACC.State, "Q3624078"),
        (ACC.IntelligenceService, "Q4345"),
        (ACC.participant, "P710"),
        (ACC.validFrom, "P580"),
        (ACC.validUntil, "P582"),
        (ACC.date, "P585"),
        (ACC.member, "P463"),
    ]:
        assert (str(term), wd + target) in mapped
