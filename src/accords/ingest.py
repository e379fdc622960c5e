"""Ingest: read, analyse, build the graph, validate, store; in input order.

The caller's thread reads and analyses batches of documents; a writer thread
(:mod:`accords.writer`) builds, validates and stores the previous batch meanwhile.
A document is stored only when its whole graph conforms to the shapes, in one
transaction; an unreadable input or a non-conforming graph is reported with
its reason and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from accords.analyse import Analyzer
from accords.documents import Metadata, iter_documents, make_document, parse_published
from accords.errors import AccordsError, InputError
from accords.rdf.graph import build_document
from accords.rdf.namespaces import activity_iri
from accords.rdf.triples import DocumentGraph
from accords.records import Document, Extraction
from accords.store import BACKGROUND, Store
from accords.validate import ValidationOutcome, validate_documents
from accords.writer import OrderedWriter


@dataclass(frozen=True)
class DocumentResult:
    """What happened to one input."""

    source: str
    status: str  # stored | replaced | unchanged | skipped | invalid
    doc_id: str | None = None
    facts: int = 0
    triples: int = 0
    reason: str = ""


@dataclass
class IngestSummary:
    results: list[DocumentResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def facts(self) -> int:
        return sum(r.facts for r in self.results)

    @property
    def triples(self) -> int:
        return sum(r.triples for r in self.results)

    @property
    def problems(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status in ("skipped", "invalid")]


def fact_count(extraction: Extraction) -> int:
    return len(extraction.relationships) + len(extraction.meetings) + len(extraction.claims)


def store_extraction(store: Store, extraction: Extraction) -> DocumentResult:
    """Build, validate and store one document's graph (or say why not)."""
    return store_extractions(store, [extraction])[0]


def store_extractions(store: Store, extractions: Sequence[Extraction]) -> list[DocumentResult]:
    """Build each document's graph, validate them together, store each that conforms.

    Results are in input order; a document that fails is reported with its reason and
    the others go on.
    """
    return [write() for write in prepare_writes(store, extractions)]


def prepare_writes(
    store: Store, extractions: Sequence[Extraction]
) -> list[Callable[[], DocumentResult]]:
    """One write per document, in input order, to run later (on a writer thread).

    The first write builds and validates the whole batch's graphs (the conformance
    queries are parsed once per batch); each write then stores its document's graph
    in one transaction, or reports why not (a failed build, an invalid graph or write).
    """
    ready: dict[int, Callable[[], DocumentResult]] = {}
    prepared: list[bool] = []  # set once the batch has been built and validated

    def prepare() -> None:
        prepared.append(True)
        built: list[tuple[int, Extraction, DocumentGraph]] = []
        for i, extraction in enumerate(extractions):
            try:
                built.append((i, extraction, build_document(extraction)))
            except AccordsError as exc:
                ready[i] = partial(_skipped, extraction, exc)
        outcomes = validate_documents([graph for _, _, graph in built])
        for (i, extraction, graph), outcome in zip(built, outcomes, strict=True):
            ready[i] = partial(_store_or_skip, store, extraction, graph, outcome)

    def write(i: int) -> DocumentResult:
        if not prepared:
            prepare()
        return ready.pop(i)()  # popped: a stored graph is not held until the batch ends

    return [partial(write, i) for i in range(len(extractions))]


def _store_or_skip(
    store: Store, extraction: Extraction, graph: DocumentGraph, outcome: ValidationOutcome
) -> DocumentResult:
    try:
        return _store(store, extraction, graph, outcome)
    except AccordsError as exc:
        return _skipped(extraction, exc)


def _store(
    store: Store, extraction: Extraction, graph: DocumentGraph, outcome: ValidationOutcome
) -> DocumentResult:
    document = extraction.document
    source = document.source_path or document.key
    if not outcome.conforms:
        return DocumentResult(source, "invalid", document.id, reason=outcome.report_text)
    activity = str(activity_iri(document.id, extraction.extractor_version))
    written = store.write_document(document.id, document.key, graph, activity=activity)
    status = "unchanged" if written.unchanged else ("replaced" if written.replaced else "stored")
    return DocumentResult(source, status, document.id, fact_count(extraction), len(graph))


def _skipped(extraction: Extraction, exc: AccordsError) -> DocumentResult:
    doc = extraction.document
    return DocumentResult(doc.source_path or doc.key, "skipped", doc.id, reason=str(exc))


def ensure_background(store: Store, analyzer: Analyzer) -> None:
    """Load the gazetteer's dated facts into their own graph once."""
    from accords.linking.background import background_graph

    present = store.query(f"ASK {{ GRAPH <{BACKGROUND}> {{ ?s ?p ?o }} }}")
    if not bool(present):
        store.replace_graph(BACKGROUND, background_graph(analyzer.gazetteer))


def _batches(
    items: Iterable[Document | InputError], size: int
) -> Iterator[list[Document | InputError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest_documents(
    inputs: Iterable[Document | InputError],
    store: Store,
    analyzer: Analyzer,
    *,
    batch_size: int = 16,
    n_process: int = 1,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Ingest a stream of documents in input order, memory flat as the stream grows.

    This thread reads and analyses; one writer thread stores the documents (and reports
    every result, in input order) while the next batch is analysed.
    """
    summary = IngestSummary()

    def report(result: DocumentResult) -> None:
        summary.results.append(result)
        if on_result is not None:
            on_result(result)

    ensure_background(store, analyzer)
    with OrderedWriter(report, depth=2 * batch_size) as writer:
        for batch in _batches(inputs, batch_size):
            todo: list[Document] = []
            for item in batch:
                if isinstance(item, InputError):
                    known = DocumentResult(item.source, "skipped", reason=item.problem)
                elif store.has_document(item.id):
                    known = DocumentResult(item.source_path or item.key, "unchanged", item.id)
                else:
                    todo.append(item)
                    continue
                writer.submit(partial(_known, known))
            extractions = analyzer.analyse_many(todo, batch_size=batch_size, n_process=n_process)
            for write in prepare_writes(store, list(extractions)):
                writer.submit(write)
    return summary


def _known(result: DocumentResult) -> DocumentResult:
    return result


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    analyzer: Analyzer,
    *,
    batch_size: int = 16,
    n_process: int = 1,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders (see :func:`accords.documents.iter_documents`)."""
    return ingest_documents(
        iter_documents(paths),
        store,
        analyzer,
        batch_size=batch_size,
        n_process=n_process,
        on_result=on_result,
    )


def ingest_text(
    store: Store,
    text: str,
    *,
    key: str,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    analyzer: Analyzer | None = None,
) -> DocumentResult:
    """Ingest one text with its metadata (the HTTP ``POST /documents`` path)."""
    date = precision = None
    if published:
        date, precision = parse_published(published, key)
    meta = Metadata(url=url, title=title, published=date, precision=precision, key=key)
    document = make_document(text, meta, key=key)
    active = analyzer or Analyzer()
    ensure_background(store, active)
    return store_extraction(store, active.analyse(document))
