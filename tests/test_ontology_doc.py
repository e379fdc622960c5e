"""docs/ontology.md: generated from the ontology, complete, and its example queries work."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdf_sample import DOC_ID, sample_graph
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from accords.rdf.graph import canonical_nquads
from accords.rdf.namespaces import ACC, graph_iri
from accords.rdf.ontology import load_ontology
from accords.rdf.ontology_doc import render_ontology_doc

PAGE = Path(__file__).resolve().parents[1] / "docs" / "ontology.md"


def test_page_is_up_to_date_with_the_ontology() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_ontology_doc(), (
        "docs/ontology.md is stale: run `accords ontology-doc`"
    )


def test_page_documents_every_class_and_property() -> None:
    page = render_ontology_doc()
    g = load_ontology()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in g.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(str(ACC)):
                local = str(term)[len(str(ACC)) :]
                assert f"### acc:{local}\n" in page, local


def _examples() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", render_ontology_doc(), flags=re.S)


def test_page_has_example_queries() -> None:
    assert len(_examples()) >= 4


@pytest.mark.parametrize("index", range(5))
def test_example_query_answers_on_sample_data(index: int) -> None:
    store = ox.Store()
    data = canonical_nquads(sample_graph(), graph_iri(DOC_ID))
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    query = _examples()[index]
    rows = list(store.query(query, use_default_graph_as_union=True))
    assert rows, f"example {index} returned nothing:\n{query}"
