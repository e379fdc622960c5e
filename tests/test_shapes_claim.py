"""shapes/claim.ttl: claimant, date or explicit unknown, content, type, evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from rdf_sample import nodes, sample_extraction, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from accords.rdf.graph import build_graph
from accords.rdf.namespaces import ACC, entity_iri

CLAIM = nodes(sample_graph(), ACC.Claim)[0]


def test_dated_claim_conforms() -> None:
    assert violations(sample_graph()) == set()


def test_undated_claim_with_explicit_unknown_conforms() -> None:
    x = sample_extraction()
    g = build_graph(replace(x, claims=(replace(x.claims[0], stated=None),)))
    assert violations(g) == set()


def test_claim_without_claimant_is_left_out_by_the_builder() -> None:
    x = sample_extraction()
    g = build_graph(replace(x, claims=(replace(x.claims[0], claimant=None),)))
    assert nodes(g, ACC.Claim) == []


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((CLAIM, p, o))


def _drop(p: URIRef, o: URIRef | None = None) -> Callable[[Graph], None]:
    return lambda g: g.remove((CLAIM, p, o))


CASES = {
    "no claimant": (_drop(ACC.claimant), ACC.claimant),
    "a place as claimant": (_set(ACC.claimant, entity_iri("Q3616")), ACC.claimant),
    "neither date nor unknown": (_drop(ACC.statedOn), ACC.statedOn),
    "date and unknown": (_set(ACC.dateUnknown, Literal(True)), ACC.statedOn),
    "date not xsd:date": (_set(ACC.statedOn, Literal("2018")), ACC.statedOn),
    "no content": (_drop(ACC.content), ACC.content),
    "empty content": (_set(ACC.content, Literal("")), ACC.content),
    "no claim type": (_drop(RDF.type, ACC.Accusation), RDF.type),
    "content begins after its end": (_set(ACC.contentBegin, Literal(500)), ACC.contentBegin),
    "about a place": (_set(ACC.about, entity_iri("Q3616")), ACC.about),
    "disputes a non-claim": (_set(ACC.disputes, entity_iri("Q159")), ACC.disputes),
    "no evidence": (_drop(ACC.hasEvidence), ACC.hasEvidence),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_claim_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(CLAIM), str(path))}
