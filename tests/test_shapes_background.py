"""The gazetteer's background graph (offices, memberships) conforms and uses declared terms."""

from __future__ import annotations

from datetime import date

import pytest
from rdf_sample import violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from accords.linking.background import background_graph
from accords.linking.gazetteer import Gazetteer
from accords.rdf.namespaces import ACC, ACCID, entity_iri
from accords.rdf.ontology import load_ontology
from accords.resources import resource_dir


@pytest.fixture(scope="module")
def background() -> Graph:
    return background_graph(Gazetteer(resource_dir("gazetteer")))


def test_background_graph_conforms(background: Graph) -> None:
    assert len(list(background.subjects(RDF.type, ACC.OfficeHolding))) > 0
    assert violations(background) == set()


def test_background_graph_uses_only_declared_terms(background: Graph) -> None:
    ontology = load_ontology()
    declared = set(ontology.subjects(RDF.type, None))
    used = {p for p in background.predicates()} | set(background.objects(None, RDF.type))
    used |= {o for o in background.objects() if str(o).startswith(str(ACC))}
    unknown = {t for t in used if t not in declared} - {RDF.type, RDFS.label, OWL.sameAs}
    assert sorted(map(str, unknown)) == []


MEMBERSHIP = ACCID["membership/Q159/Q7184/2000"]


def _membership() -> Graph:
    g = Graph()
    g.add((MEMBERSHIP, RDF.type, ACC.Membership))
    g.add((MEMBERSHIP, ACC.memberEntity, entity_iri("Q159")))
    g.add((MEMBERSHIP, ACC.organisation, entity_iri("Q7184")))
    g.add((MEMBERSHIP, ACC.startDate, Literal(date(2000, 1, 1), datatype=XSD.date)))
    g.add((MEMBERSHIP, ACC.startPrecision, ACC.YearPrecision))
    return g


def test_membership_conforms() -> None:
    assert violations(_membership()) == set()


@pytest.mark.parametrize(
    ("predicate", "value", "path"),
    [
        (ACC.endDate, Literal(date(1999, 1, 1), datatype=XSD.date), ACC.startDate),
        (ACC.organisation, Literal("NATO"), ACC.organisation),
        (ACC.startPrecision, ACC.Held, ACC.startPrecision),
    ],
)
def test_membership_violation_reports_focus_and_path(
    predicate: URIRef, value: Literal | URIRef, path: URIRef
) -> None:
    g = _membership()
    g.set((MEMBERSHIP, predicate, value))
    assert violations(g) == {(str(MEMBERSHIP), str(path))}


def test_membership_without_member() -> None:
    g = _membership()
    g.remove((MEMBERSHIP, ACC.memberEntity, None))
    assert violations(g) == {(str(MEMBERSHIP), str(ACC.memberEntity))}


def test_office_role_must_be_a_string() -> None:
    office = ACCID["office/Q7747/Q218295/2012"]
    g = Graph()
    g.add((office, RDF.type, ACC.OfficeHolding))
    g.add((office, ACC.holder, entity_iri("Q7747")))
    g.add((office, ACC.office, URIRef("http://www.wikidata.org/entity/Q218295")))
    g.add((office, ACC.role, Literal(3)))
    assert violations(g) == {(str(office), str(ACC.role))}
