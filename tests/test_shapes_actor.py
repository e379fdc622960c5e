"""shapes/actor.ttl: labels and Wikidata links of actors and places."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_sample import nodes, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS

from accords.rdf.namespaces import ACC, WD, entity_iri

RUSSIA = entity_iri("Q159")


def test_linked_and_nil_actors_conform() -> None:
    g = sample_graph()
    assert entity_iri("nil:hassan-rouhani") in nodes(g, ACC.Person)
    assert (RUSSIA, OWL.sameAs, WD.Q159) in g
    assert violations(g) == set()


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((RUSSIA, p, o))


CASES = {
    "no label": (lambda g: g.remove((RUSSIA, RDFS.label, None)), RDFS.label),
    "label not a string": (_set(RDFS.label, Literal(159)), RDFS.label),
    "QID without Q": (_set(ACC.wikidataId, Literal("159")), ACC.wikidataId),
    "sameAs to DBpedia": (
        _set(OWL.sameAs, URIRef("http://dbpedia.org/resource/Russia")),
        OWL.sameAs,
    ),
    "sameAs to a Wikidata property": (_set(OWL.sameAs, WD.P31), OWL.sameAs),
    "sameAs over https": (
        _set(OWL.sameAs, URIRef("https://www.wikidata.org/entity/Q159")),
        OWL.sameAs,
    ),
    "country a literal": (_set(ACC.country, Literal("Russia")), ACC.country),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_actor_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(RUSSIA), str(path))}
