"""shapes/evidence.ttl: sentence, document, modality, observed and valid periods, activity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from rdf_sample import nodes, sample_extraction, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD

from accords.rdf.graph import build_graph
from accords.rdf.namespaces import ACC, ACCID, document_iri, entity_iri, relationship_iri

REL = relationship_iri(sample_extraction().relationships[0])
EVIDENCE = next(iter(sample_graph().objects(REL, ACC.hasEvidence)))
assert isinstance(EVIDENCE, URIRef)


def _day(y: int, m: int, d: int) -> Literal:
    return Literal(date(y, m, d), datatype=XSD.date)


def test_evidence_conforms_and_has_a_stated_start() -> None:
    g = sample_graph()
    assert g.value(EVIDENCE, ACC.validFrom) == _day(2015, 1, 1)
    assert len(nodes(g, ACC.Evidence)) == 3
    assert violations(g) == set()


def test_evidence_of_an_undated_document_without_observed_period_conforms() -> None:
    x = sample_extraction()
    rel = x.relationships[0]
    undated = replace(rel, evidence=replace(rel.evidence, observed=None))
    g = build_graph(replace(x, relationships=(undated,)))
    assert violations(g) == set()


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((EVIDENCE, p, o))


def _drop(p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((EVIDENCE, p, None))


OTHER_DOC = document_iri("ffffffffffffffff")

CASES = {
    "no sentence": (_drop(ACC.sentence), ACC.sentence),
    "sentence not a sentence": (_set(ACC.sentence, entity_iri("Q159")), ACC.sentence),
    "document not the sentence's document": (_set(ACC.document, OTHER_DOC), ACC.document),
    "no modality": (_drop(ACC.modality), ACC.modality),
    "unknown modality": (_set(ACC.modality, ACC.Held), ACC.modality),
    "observed from after until": (_set(ACC.observedFrom, _day(2018, 9, 9)), ACC.observedFrom),
    "observed from without until": (_drop(ACC.observedUntil), ACC.observedUntil),
    "observed until a string": (_set(ACC.observedUntil, Literal("2018-09-08")), ACC.observedUntil),
    "valid from after valid until": (
        lambda g: g.set((EVIDENCE, ACC.validUntil, _day(2014, 12, 31))),
        ACC.validFrom,
    ),
    "valid from a year string": (_set(ACC.validFrom, Literal("2015")), ACC.validFrom),
    "two valid-from dates": (
        lambda g: g.add((EVIDENCE, ACC.validFrom, _day(2016, 1, 1))),
        ACC.validFrom,
    ),
    "precision not a precision": (
        _set(ACC.validFromPrecision, ACC.Asserted),
        ACC.validFromPrecision,
    ),
    "no extraction activity": (_drop(PROV.wasGeneratedBy), PROV.wasGeneratedBy),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_evidence_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    found = violations(g)
    assert (str(EVIDENCE), str(path)) in found
    assert {f for f, _ in found} == {str(EVIDENCE)}


def test_has_evidence_must_point_to_evidence() -> None:
    g = sample_graph()
    bogus = ACCID["evidence/none"]
    g.add((REL, ACC.hasEvidence, bogus))
    found = violations(g)
    assert (str(bogus), None) in found
    assert (str(REL), str(ACC.hasEvidence)) in found
