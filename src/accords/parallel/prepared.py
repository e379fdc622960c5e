"""What a worker hands the writer: one document's validated graph, or why there is none.

Workers (pool processes, Ray actors) run :func:`prepare_document`: extraction,
graph building and SHACL validation. The single writer runs
:func:`write_prepared`, which stores the graph in one transaction. A
:class:`PreparedDocument` is small, picklable and independent of spaCy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from accords.analyse import Analyzer
from accords.errors import AccordsError, InputError
from accords.ingest import DocumentResult, fact_count
from accords.rdf.graph import build_document
from accords.rdf.namespaces import activity_iri
from accords.rdf.triples import DocumentGraph
from accords.records import Document
from accords.store import BACKGROUND, Store, graph_iri
from accords.validate import validate_document


@dataclass(frozen=True)
class PreparedDocument:
    """``status`` is ``ready`` (``ntriples`` holds the graph), ``invalid`` or ``skipped``."""

    source: str
    status: str
    doc_id: str | None = None
    key: str = ""
    ntriples: str = ""
    activity: str | None = None
    facts: int = 0
    triples: int = 0
    reason: str = ""
    worker: int = 0  # pid of the process that prepared it


def prepare_document(analyzer: Analyzer, item: Document | InputError) -> PreparedDocument:
    """Extract, build and validate one document; never raises for one bad document."""
    pid = os.getpid()
    if isinstance(item, InputError):
        return PreparedDocument(item.source, "skipped", reason=item.problem, worker=pid)
    source = item.source_path or item.key
    try:
        extraction = analyzer.analyse(item)
        graph = build_document(extraction)
        outcome = validate_document(graph)
    except Exception as exc:  # one document's failure must not stop a million-document run
        reason = f"extraction failed ({type(exc).__name__}: {exc})"
        return PreparedDocument(source, "skipped", item.id, item.key, reason=reason, worker=pid)
    if not outcome.conforms:
        return PreparedDocument(
            source, "invalid", item.id, item.key, reason=outcome.report_text, worker=pid
        )
    return PreparedDocument(
        source,
        "ready",
        item.id,
        item.key,
        ntriples=graph.ntriples,
        activity=str(activity_iri(item.id, extraction.extractor_version)),
        facts=fact_count(extraction),
        triples=len(graph),
        worker=pid,
    )


def write_prepared(store: Store, prepared: PreparedDocument) -> DocumentResult:
    """Store a prepared document's graph (one transaction) and say what happened."""
    source, doc_id = prepared.source, prepared.doc_id
    if prepared.status != "ready" or doc_id is None:
        return DocumentResult(source, prepared.status, doc_id, reason=prepared.reason)
    graph = DocumentGraph.from_ntriples(graph_iri(doc_id), prepared.ntriples)
    try:
        written = store.write_document(doc_id, prepared.key, graph, prepared.activity)
    except AccordsError as exc:
        return DocumentResult(source, "skipped", doc_id, reason=str(exc))
    status = "unchanged" if written.unchanged else ("replaced" if written.replaced else "stored")
    return DocumentResult(source, status, doc_id, prepared.facts, prepared.triples)


def ensure_background_graph(store: Store) -> None:
    """Load the gazetteer's dated facts into their graph once (no spaCy needed)."""
    from accords.linking.background import background_graph
    from accords.linking.gazetteer import load_gazetteer

    if not bool(store.query(f"ASK {{ GRAPH <{BACKGROUND}> {{ ?s ?p ?o }} }}")):
        store.replace_graph(BACKGROUND, background_graph(load_gazetteer()))
