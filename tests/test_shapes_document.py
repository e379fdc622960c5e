"""shapes/document.ttl: the news article node."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_sample import DOC_ID, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from accords.rdf.namespaces import ACC, DCT, NIF, SCHEMA, document_iri

DOC = document_iri(DOC_ID)


def test_sample_document_conforms() -> None:
    assert violations(sample_graph()) == set()


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((DOC, p, o))


CASES = {
    "id not 16 hex digits": (_set(ACC.documentId, Literal("XYZ")), ACC.documentId),
    "sha256 missing": (lambda g: g.remove((DOC, ACC.sha256, None)), ACC.sha256),
    "text missing": (lambda g: g.remove((DOC, NIF.isString, None)), NIF.isString),
    "length differs from text": (_set(ACC.textLength, Literal(5)), ACC.textLength),
    "length typed nonNegativeInteger": (
        _set(ACC.textLength, Literal("134", datatype=XSD.nonNegativeInteger)),
        ACC.textLength,
    ),
    "issued not a date": (_set(DCT.issued, Literal("2018-09-08")), DCT.issued),
    "url a literal": (_set(SCHEMA.url, Literal("https://example.org")), SCHEMA.url),
    "precision not a precision": (_set(ACC.datePrecision, ACC.Asserted), ACC.datePrecision),
    "estimated not boolean": (_set(ACC.dateEstimated, Literal("no")), ACC.dateEstimated),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_document_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(DOC), str(path))}
