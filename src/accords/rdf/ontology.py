"""Load the shipped accords ontology."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

from accords.resources import resource_dir

ONTOLOGY_FILE = "accords.ttl"


def ontology_path() -> Path:
    """The path of ``accords.ttl``, installed or in the checkout."""
    return resource_dir("ontology") / ONTOLOGY_FILE


@cache
def _parsed() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def load_ontology() -> Graph:
    """A fresh copy of the ontology graph (parsed once per process)."""
    copy = Graph()
    for prefix, ns in _parsed().namespaces():
        copy.bind(prefix, ns)
    for triple in _parsed():
        copy.add(triple)
    return copy
