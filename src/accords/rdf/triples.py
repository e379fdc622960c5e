"""One document's triples as pyoxigraph terms, and conversion from and to rdflib.

The ingest path builds, checks and stores a document's graph without rdflib:
its in-memory graph costs about 20 µs per triple to fill, more than the store
write and the conformance check together. rdflib graphs are made on demand
(reports, ``accords extract``, tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from accords.rdf.namespaces import PREFIXES

OxSubject = ox.NamedNode | ox.BlankNode
OxObject = ox.NamedNode | ox.BlankNode | ox.Literal
OxTriple = tuple[OxSubject, ox.NamedNode, OxObject]


class OxigraphTerms:
    """Converts rdflib terms to pyoxigraph terms, reusing the IRIs already made."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}
        self._blanks: dict[str, ox.BlankNode] = {}

    def iri(self, text: str) -> ox.NamedNode:
        found = self._iris.get(text)
        if found is None:
            found = self._iris[text] = ox.NamedNode(text)
        return found

    def term(self, term: Node | OxObject) -> OxObject:
        if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
            return term
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, BNode):
            blank = self._blanks.get(term)
            if blank is None:
                blank = self._blanks[term] = ox.BlankNode()
            return blank
        if not isinstance(term, Literal):
            raise TypeError(f"not an RDF term of a triple: {term!r}")
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=self.iri(term.datatype))
        return ox.Literal(str(term))

    def triple(self, s: Node, p: Node, o: Node | OxObject) -> OxTriple:
        subject, predicate = self.term(s), self.term(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise TypeError(f"not a triple: {s!r} {p!r} {o!r}")
        return subject, predicate, self.term(o)


def oxigraph_triples(graph: Graph) -> Iterator[OxTriple]:
    """The triples of an rdflib graph as pyoxigraph terms."""
    terms = OxigraphTerms()
    for s, p, o in graph:
        yield terms.triple(s, p, o)


class DocumentGraph:
    """The triples of one named graph, with their N-Triples and rdflib forms on demand."""

    def __init__(self, identifier: str, triples: Iterable[OxTriple]) -> None:
        self.identifier = identifier
        self.triples: tuple[OxTriple, ...] = tuple(dict.fromkeys(triples))

    @classmethod
    def from_rdflib(cls, graph: Graph) -> DocumentGraph:
        return cls(str(graph.identifier), oxigraph_triples(graph))

    @classmethod
    def from_ntriples(cls, identifier: str, data: str) -> DocumentGraph:
        parsed = ox.parse(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(identifier, ((t.subject, t.predicate, t.object) for t in parsed))

    def __len__(self) -> int:
        return len(self.triples)

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        """The triples in ``graph`` (made once for the graph's own name, then shared)."""
        if graph.value == self.identifier:
            return list(self.own_quads)
        return [ox.Quad(s, p, o, graph) for s, p, o in self.triples]

    @cached_property
    def own_quads(self) -> tuple[ox.Quad, ...]:
        """The triples as quads in the graph named ``identifier`` (check and store share them)."""
        node = ox.NamedNode(self.identifier)
        return tuple(ox.Quad(s, p, o, node) for s, p, o in self.triples)

    @cached_property
    def ntriples(self) -> str:
        data = ox.serialize(
            (ox.Triple(s, p, o) for s, p, o in self.triples), format=ox.RdfFormat.N_TRIPLES
        )
        return data.decode("utf-8") if data else ""

    def rdflib(self) -> Graph:
        """A new rdflib graph of these triples (with the accords prefixes bound)."""
        graph = Graph(identifier=URIRef(self.identifier))
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        if self.triples:
            graph.parse(data=self.ntriples, format="nt")
        return graph
