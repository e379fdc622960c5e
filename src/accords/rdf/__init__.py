"""RDF: vocabulary, graph building, ontology documentation."""
