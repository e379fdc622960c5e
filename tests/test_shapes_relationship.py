"""shapes/relationship.ttl: type, actor members, evidence, direction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from rdf_sample import IRAN, RUSSIA, S0, TEHRAN, sample_extraction, sample_graph, violations
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from accords.rdf.graph import build_graph
from accords.rdf.namespaces import ACC, ACCID, entity_iri, relationship_iri
from accords.records import Evidence, Modality, Relationship, RelationType

SHARING = relationship_iri(sample_extraction().relationships[0])
BACKING_RECORD = Relationship(
    RelationType.BACKING,
    (RUSSIA, IRAN),
    Evidence(S0, Modality.ASSERTED, None),
    source=RUSSIA,
    target=IRAN,
)
BACKING = relationship_iri(BACKING_RECORD)


def _with_backing() -> Graph:
    x = sample_extraction()
    return build_graph(replace(x, relationships=(*x.relationships, BACKING_RECORD)))


#: "the Russia and Iran war": a hostility named by its sides, with no direction.
WAR_RECORD = Relationship(
    RelationType.HOSTILITY, (RUSSIA, IRAN), Evidence(S0, Modality.ASSERTED, None)
)
WAR = relationship_iri(WAR_RECORD)
ATTACK_RECORD = replace(WAR_RECORD, source=RUSSIA, target=IRAN)
ATTACK = relationship_iri(ATTACK_RECORD)


def _with_hostilities() -> Graph:
    x = sample_extraction()
    return build_graph(replace(x, relationships=(*x.relationships, WAR_RECORD, ATTACK_RECORD)))


def test_a_hostility_without_direction_conforms() -> None:
    g = _with_hostilities()
    assert g.value(WAR, ACC.source) is None and g.value(ATTACK, ACC.source) is not None
    assert set(g.objects(WAR, ACC.member)) == {entity_iri("Q159"), entity_iri("Q794")}
    assert violations(g) == set()


@pytest.mark.parametrize(("dropped", "path"), [(ACC.target, ACC.target), (ACC.source, ACC.source)])
def test_a_hostility_with_one_end_only_violates(dropped: URIRef, path: URIRef) -> None:
    g = _with_hostilities()
    g.remove((ATTACK, dropped, None))
    assert violations(g) == {(str(ATTACK), str(path))}


def test_backing_without_direction_violates() -> None:
    g = _with_backing()
    g.remove((BACKING, ACC.source, None))
    g.remove((BACKING, ACC.target, None))
    assert violations(g) == {(str(BACKING), str(ACC.source)), (str(BACKING), str(ACC.target))}


def test_undirected_and_directed_relationships_conform() -> None:
    g = _with_backing()
    assert g.value(BACKING, ACC.source) == entity_iri("Q159")
    assert violations(g) == set()


def test_directed_ends_are_also_members() -> None:
    record = replace(BACKING_RECORD, members=())
    x = replace(sample_extraction(), relationships=(record,))
    g = build_graph(x)
    assert set(g.objects(relationship_iri(record), ACC.member)) == {
        entity_iri("Q159"),
        entity_iri("Q794"),
    }
    assert violations(g) == set()


def _drop(node: URIRef, p: URIRef, o: URIRef | None = None) -> Callable[[Graph], None]:
    return lambda g: g.remove((node, p, o))


def _add(node: URIRef, p: URIRef, o: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.add((node, p, o))


UNTYPED = ACCID["relationship/untyped"]


def _untyped(g: Graph) -> None:
    for p, o in list(g.predicate_objects(SHARING)):
        if p != RDF.type:
            g.add((UNTYPED, p, o))


CASES: dict[str, tuple[Callable[[Graph], None], URIRef, URIRef]] = {
    "one member": (_drop(SHARING, ACC.member, entity_iri("Q794")), SHARING, ACC.member),
    "a place as member": (_add(SHARING, ACC.member, entity_iri(TEHRAN.key)), SHARING, ACC.member),
    "no evidence": (_drop(SHARING, ACC.hasEvidence), SHARING, ACC.hasEvidence),
    "two taxonomy types": (_add(SHARING, RDF.type, ACC.Alliance), SHARING, RDF.type),
    "members but no type": (_untyped, UNTYPED, RDF.type),
    "undirected with a source": (
        _add(SHARING, ACC.source, entity_iri("Q159")),
        SHARING,
        ACC.source,
    ),
    "directed without target": (_drop(BACKING, ACC.target), BACKING, ACC.target),
    "directed with two sources": (
        _add(BACKING, ACC.source, entity_iri("Q801")),
        BACKING,
        ACC.source,
    ),
    "source equals target": (
        lambda g: g.set((BACKING, ACC.target, entity_iri("Q159"))),
        BACKING,
        ACC.source,
    ),
    "source not a member": (_drop(BACKING, ACC.member, entity_iri("Q159")), BACKING, ACC.source),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_relationship_and_path(name: str) -> None:
    mutate, focus, path = CASES[name]
    g = _with_backing()
    mutate(g)
    assert (str(focus), str(path)) in violations(g)
    assert {f for f, _ in violations(g)} == {str(focus)}


def test_sample_graph_helper_has_no_backing() -> None:
    assert (BACKING, RDF.type, ACC.Backing) not in sample_graph()
