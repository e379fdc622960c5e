"""shapes/office.ttl: office holdings of the background graph."""

from __future__ import annotations

from datetime import date

import pytest
from rdf_sample import violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from accords.rdf.namespaces import ACC, WD, entity_iri, office_iri

OFFICE = office_iri("Q7747", "Q218295", "2012-05-07")


def _office() -> Graph:
    g = Graph()
    g.add((OFFICE, RDF.type, ACC.OfficeHolding))
    g.add((OFFICE, ACC.holder, entity_iri("Q7747")))
    g.add((OFFICE, ACC.office, WD.Q218295))
    g.add((OFFICE, ACC.represents, entity_iri("Q159")))
    g.add((OFFICE, ACC.startDate, Literal(date(2012, 5, 7), datatype=XSD.date)))
    return g


def test_open_office_holding_conforms() -> None:
    assert violations(_office()) == set()


def test_closed_office_holding_conforms() -> None:
    g = _office()
    g.add((OFFICE, ACC.endDate, Literal(date(2018, 5, 7), datatype=XSD.date)))
    assert violations(g) == set()


@pytest.mark.parametrize(
    ("predicate", "value", "path"),
    [
        (ACC.endDate, Literal(date(2010, 1, 1), datatype=XSD.date), ACC.startDate),
        (ACC.office, URIRef("http://example.org/president"), ACC.office),
        (ACC.startDate, Literal("2012"), ACC.startDate),
        (ACC.holder, Literal("Putin"), ACC.holder),
    ],
)
def test_violation_reports_office_and_path(
    predicate: URIRef, value: Literal | URIRef, path: URIRef
) -> None:
    g = _office()
    g.set((OFFICE, predicate, value))
    assert violations(g) == {(str(OFFICE), str(path))}


def test_office_without_holder() -> None:
    g = _office()
    g.remove((OFFICE, ACC.holder, None))
    assert violations(g) == {(str(OFFICE), str(ACC.holder))}
