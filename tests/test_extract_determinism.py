"""Extraction is deterministic: the same input gives the same graph, byte for byte."""

from __future__ import annotations

from pathlib import Path

from accords.analyse import Analyzer
from accords.documents import iter_documents
from accords.rdf.graph import build_graph, canonical_nquads
from accords.rdf.namespaces import graph_iri
from accords.records import Document, Extraction

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _nquads(extraction: Extraction) -> str:
    return canonical_nquads(build_graph(extraction), graph_iri(extraction.document.id))


def _seeds() -> list[Document]:
    found = [r for r in iter_documents([SEEDS]) if isinstance(r, Document)]
    assert len(found) == 5
    return found


def test_the_same_seed_twice_gives_byte_equal_nquads(analyzer: Analyzer) -> None:
    for document in _seeds():
        first = _nquads(analyzer.analyse(document))
        second = _nquads(analyzer.analyse(document))
        assert first == second, document.key
        assert "ontology#hasEvidence>" in first  # records were extracted


def test_one_at_a_time_and_streamed_give_the_same_graph(analyzer: Analyzer) -> None:
    documents = _seeds()
    streamed = [_nquads(e) for e in analyzer.analyse_many(documents, batch_size=2)]
    single = [_nquads(analyzer.analyse(d)) for d in reversed(documents)][::-1]
    assert streamed == single
