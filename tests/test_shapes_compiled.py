"""The compiled conformance check (accords.rdf.conformance) agrees with pySHACL.

Validation answers "does it conform?" with the shapes compiled to SPARQL and leaves
reports to pySHACL; a graph the check wrongly clears would be stored unvalidated, so
every mutant of a real document graph must get pySHACL's verdict.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdf_sample import sample_graph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from accords.rdf.conformance import compile_shapes
from accords.rdf.namespaces import ACC, SH
from accords.rdf.triples import DocumentGraph
from accords.validate import (
    conformance_check,
    reference_conforms,
    shapes_graph,
    validate_document,
)

WRONG_LITERALS = (
    Literal("x"),
    Literal(-1, datatype=XSD.integer),
    Literal("2018-09-07"),
    Literal("not a date", datatype=XSD.date),
    Literal("Q0"),
)


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


def _mutants(graph: Graph) -> Iterator[tuple[str, Graph]]:
    """Every triple removed in turn; literals replaced; values doubled; objects swapped."""
    triples = sorted(graph)
    for s, p, o in triples:
        g = _copy(graph)
        g.remove((s, p, o))
        yield f"without {s} {p} {o}", g
    for i, (s, p, o) in enumerate(triples):
        g = _copy(graph)
        if isinstance(o, Literal):  # each literal gets one wrong value, in turn
            wrong = WRONG_LITERALS[i % len(WRONG_LITERALS)]
            g.set((s, p, wrong))
            yield f"{s} {p} = {wrong!r}", g
        elif i % 2:
            g.add((s, p, URIRef("https://example.org/elsewhere")))
            yield f"{s} {p} also elsewhere", g
        else:
            g.set((s, p, Literal("a literal")))
            yield f"{s} {p} a literal", g


def test_the_shipped_shapes_compile() -> None:
    check = conformance_check()
    assert check is not None
    assert len(check.direct) > 20 and all("GRAPH ?graph" in q for q in check.direct)


def test_every_mutant_of_a_document_graph_gets_pyshacls_verdict() -> None:
    check = conformance_check()
    assert check is not None
    graph = sample_graph()
    assert check.conforms(graph) is True and reference_conforms(graph)
    compared = violating = 0
    for name, mutant in _mutants(graph):
        verdict = check.conforms(mutant)
        if verdict is None:  # a literal Oxigraph would canonicalise: pySHACL decides
            continue
        try:
            reference = reference_conforms(mutant)
        except TypeError:  # pySHACL cannot compare some ill-typed values (sh:lessThanOrEquals)
            assert verdict is False, name
            continue
        assert verdict == reference, name
        compared += 1
        violating += not verdict
    assert compared > 250 and violating > 120  # the mutants really exercise the shapes


def test_a_batch_gives_each_graph_its_own_verdict() -> None:
    """Graphs checked together (one named graph each) get the verdict they get alone."""
    check = conformance_check()
    assert check is not None
    graphs = [DocumentGraph.from_rdflib(g) for _, g in _mutants(sample_graph())]
    alone = [check.verdict(g.triples) for g in graphs]
    together: list[bool | None] = []
    for start in range(0, len(graphs), 16):
        together += check.verdicts([g.triples for g in graphs[start : start + 16]])
    assert together == alone
    assert alone.count(True) > 50 and alone.count(False) > 150


def test_subclass_axioms_in_the_data_are_followed_like_pyshacl() -> None:
    check = conformance_check()
    assert check is not None
    graph = sample_graph()
    thing = URIRef("https://example.org/pact")
    graph.add((ACC.Pact, RDFS.subClassOf, ACC.Relationship))
    graph.add((thing, RDF.type, ACC.Pact))  # a relationship with no members or evidence
    assert reference_conforms(graph) is False
    assert check.conforms(graph) is False


def test_a_literal_oxigraph_would_canonicalise_is_left_to_pyshacl() -> None:
    check = conformance_check()
    assert check is not None
    graph = sample_graph()
    doc = next(graph.subjects(RDF.type, ACC.NewsArticle))
    length = graph.value(doc, ACC.textLength)
    graph.set((doc, ACC.textLength, Literal(str(length), datatype=XSD.nonNegativeInteger)))
    assert check.conforms(graph) is None
    outcome = validate_document(DocumentGraph.from_rdflib(graph))
    assert not outcome.conforms and str(ACC.textLength) in {r.path for r in outcome.results}


def test_a_document_graph_is_checked_without_rdflib() -> None:
    graph = sample_graph()
    doc = DocumentGraph.from_rdflib(graph)
    assert validate_document(doc).conforms
    broken = DocumentGraph(
        doc.identifier, [t for t in doc.triples if t[1].value != str(ACC.member)]
    )
    outcome = validate_document(broken)
    assert not outcome.conforms
    assert {r.path for r in outcome.results} == {str(ACC.member)}


@pytest.mark.parametrize("feature", [SH.xone, SH.closed, SH.uniqueLang, SH.targetNode])
def test_shapes_using_an_uncompiled_feature_fall_back_to_pyshacl(feature: URIRef) -> None:
    shapes = Graph()
    for triple in shapes_graph():
        shapes.add(triple)
    shape = URIRef("https://example.org/shape")
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, ACC.State))
    shapes.add((shape, feature, Literal(True)))
    assert compile_shapes(shapes) is None
    assert compile_shapes(shapes_graph()) is not None
