"""The ontology is consistent under HermiT and classifies sample data as expected."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdf_sample import sample_extraction
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from accords.rdf.graph import build_graph
from accords.rdf.namespaces import ACC, ACCID, entity_iri, relationship_iri
from accords.rdf.ontology import load_ontology

owlready2 = pytest.importorskip("owlready2")

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None and not Path(str(owlready2.JAVA_EXE)).exists(),
    reason="HermiT needs a Java runtime and none was found on this machine",
)


def _reason(data: Graph, tmp_path: Path) -> Any:
    """Load ontology + data into a fresh owlready2 world and run HermiT; return the world."""
    merged = load_ontology()
    for triple in data:
        merged.add(triple)
    path = tmp_path / "merged.nt"
    path.write_text(merged.serialize(format="nt"), encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto:
        # xsd:date is outside the OWL 2 datatype map HermiT implements.
        owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    return world


def _types(world: Any, iri: URIRef) -> set[str]:
    individual = world[str(iri)]
    assert individual is not None, f"{iri} not loaded"
    return {c.iri for c in individual.INDIRECT_is_a if hasattr(c, "iri")}


@pytest.fixture(scope="module")
def sample_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data = build_graph(sample_extraction())
    summit = ACCID["meeting/sample-summit"]
    data.add((summit, RDF.type, ACC.Summit))
    undeclared = ACCID["meeting/only-participants"]
    data.add((undeclared, ACC.participant, entity_iri("Q159")))
    yield _reason(data, tmp_path_factory.mktemp("hermit"))


def test_ontology_alone_is_consistent_with_no_unsatisfiable_class(tmp_path: Path) -> None:
    world = _reason(Graph(), tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_intelligence_sharing_is_a_cooperative_alignment(sample_world: Any) -> None:
    rel = relationship_iri(sample_extraction().relationships[0])
    types = _types(sample_world, rel)
    assert str(ACC.CooperativeAlignment) in types
    assert str(ACC.Relationship) in types
    assert str(ACC.Antagonism) not in types


def test_summit_and_talks_are_meetings(sample_world: Any) -> None:
    assert str(ACC.Meeting) in _types(sample_world, ACCID["meeting/sample-summit"])
    talks = next(iter(build_graph(sample_extraction()).subjects(RDF.type, ACC.Talks)))
    assert str(ACC.Meeting) in _types(sample_world, URIRef(talks))


def test_domain_infers_a_meeting_from_its_participant(sample_world: Any) -> None:
    assert str(ACC.Meeting) in _types(sample_world, ACCID["meeting/only-participants"])


def test_states_are_actors_and_prov_agents(sample_world: Any) -> None:
    types = _types(sample_world, entity_iri("Q159"))
    assert str(ACC.Actor) in types
    assert "http://www.w3.org/ns/prov#Agent" in types


def test_cooperation_that_is_also_antagonism_is_inconsistent(tmp_path: Path) -> None:
    data = Graph()
    node = ACCID["relationship/contradiction"]
    data.add((node, RDF.type, ACC.Alliance))
    data.add((node, RDF.type, ACC.Rivalry))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(data, tmp_path)


def test_an_actor_cannot_be_a_relationship(tmp_path: Path) -> None:
    data = Graph()
    data.add((entity_iri("Q159"), RDF.type, ACC.State))
    data.add((BNode(), ACC.member, entity_iri("Q159")))
    data.add((entity_iri("Q159"), ACC.member, entity_iri("Q794")))  # would make Q159 a Relationship
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(data, tmp_path)
