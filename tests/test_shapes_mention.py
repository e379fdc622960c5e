"""shapes/mention.ttl: a mention's sentence, referent and link score."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_sample import DOC_ID, TEXT, nodes, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from accords.rdf.namespaces import ACC, document_iri, entity_iri, mention_iri

START = TEXT.index("Tehran")
MENTION = mention_iri(DOC_ID, START, START + len("Tehran"))


def test_linked_unlinked_and_place_mentions_conform() -> None:
    g = sample_graph()
    assert (MENTION, ACC.refersTo, entity_iri("Q3616")) in g
    assert any(g.value(m, ACC.refersTo) is None for m in nodes(g, ACC.Mention))
    assert violations(g) == set()


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((MENTION, p, o))


CASES = {
    "refers to something neither actor nor place": (
        _set(ACC.refersTo, document_iri(DOC_ID)),
        ACC.refersTo,
    ),
    "refers to two entities": (
        lambda g: g.add((MENTION, ACC.refersTo, entity_iri("Q794"))),
        ACC.refersTo,
    ),
    "score above one": (_set(ACC.linkScore, Literal("1.5", datatype=XSD.decimal)), ACC.linkScore),
    "score a string": (_set(ACC.linkScore, Literal("high")), ACC.linkScore),
    "in a non-sentence": (_set(ACC.inSentence, entity_iri("Q159")), ACC.inSentence),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_mention_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(MENTION), str(path))}
