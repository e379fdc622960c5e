"""Reuse parsed SPARQL queries inside rdflib (pySHACL's SPARQL constraints).

pySHACL evaluates a SPARQL-based constraint once per focus node with the
same query text and ``$this`` as an initial binding; rdflib parses and
translates that text every time, which made validation of one article take
seconds. Translated queries are reusable with new bindings (that is what
``rdflib.plugins.sparql.prepareQuery`` returns), so we keep them in a bounded
cache keyed by text, base and namespaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

_original = processor.SPARQLProcessor.query


@lru_cache(maxsize=512)
def _translated(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces) or None)


def _query(
    self: processor.SPARQLProcessor,
    strOrQuery: str | Query,
    initBindings: Mapping[str, Any] | None = None,
    initNs: Mapping[str, Any] | None = None,
    base: str | None = None,
    DEBUG: bool = False,
) -> Mapping[str, Any]:
    if isinstance(strOrQuery, str):
        strOrQuery = _translated(strOrQuery, base, tuple(sorted((initNs or {}).items())))
    return _original(self, strOrQuery, initBindings, initNs, base, DEBUG)


def install() -> None:
    """Make rdflib reuse translated queries (idempotent, process-wide)."""
    processor.SPARQLProcessor.query = _query  # type: ignore[method-assign]
