"""The graph store: the only module that reads or writes the graph.

One interface, :class:`Store`; the embedded implementation is a pyoxigraph
store on disk (or in memory for tests). Every document lives in its own named
graph, and replacing it is one SPARQL Update request, which Oxigraph applies
as a single transaction: after a crash the store holds the old version or the
new one, never half of either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox
import rdflib

from accords.errors import StoreError
from accords.rdf.triples import DocumentGraph
from accords.readonly import open_read_only

ACC = "https://w3id.org/accords/ontology#"
GRAPH_BASE = "https://w3id.org/accords/graph/"
DOC_BASE = "https://w3id.org/accords/id/doc/"
PROV = "http://www.w3.org/ns/prov#"
INGEST_LOG = GRAPH_BASE + "ingest-log"
BACKGROUND = GRAPH_BASE + "wikidata"
_SPECIAL_GRAPHS = frozenset({INGEST_LOG, BACKGROUND})
_XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
#: Quads written between two flushes of the embedded store (about 40 articles).
FLUSH_EVERY_QUADS = 50_000
_ENDED_AT = ox.NamedNode(PROV + "endedAtTime")

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
#: A document's graph as the builder makes it, or any rdflib graph.
DocumentData = DocumentGraph | rdflib.Graph


@dataclass(frozen=True)
class WriteOutcome:
    """What a document write did: ``unchanged`` when that version was already stored."""

    doc_id: str
    unchanged: bool
    replaced: tuple[str, ...] = ()
    triples: int = 0


@dataclass(frozen=True)
class StoreStats:
    documents: int
    quads: int
    graphs: int


def graph_iri(doc_id: str) -> str:
    return GRAPH_BASE + doc_id


def doc_id_of(graph: str) -> str | None:
    """The document id of a document graph IRI, None for other graphs."""
    if graph.startswith(GRAPH_BASE) and graph not in _SPECIAL_GRAPHS:
        return graph[len(GRAPH_BASE) :]
    return None


@runtime_checkable
class Store(Protocol):
    """What everything above the store may rely on."""

    def write_document(
        self, doc_id: str, key: str, graph: DocumentData, activity: str | None = None
    ) -> WriteOutcome: ...

    def delete_document(self, doc_id: str) -> bool: ...

    def has_document(self, doc_id: str) -> bool: ...

    def document_ids(self) -> list[str]: ...

    def export_graph(self, graph: str) -> rdflib.Graph: ...

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None: ...

    def query(
        self,
        sparql: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult: ...

    def update(self, sparql: str) -> None: ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...


def _ntriples(graph: rdflib.Graph) -> str:
    data = graph.serialize(format="nt")
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _literal(text: str) -> str:
    return ox.Literal(text).__str__()


class OxigraphStore:
    """The embedded store: pyoxigraph on disk, or in memory when ``path`` is None."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = open_read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            where = self.path or "memory"
            raise StoreError(
                f"cannot open the store at {where}: {exc}. Is another accords process "
                "writing it? Stop it, or pass --store with another path."
            ) from exc
        self.read_only = read_only
        self._unflushed = 0

    # --- documents ---------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return any(self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri(doc_id))))

    def versions_of(self, key: str) -> list[str]:
        """Ids of the stored documents with this source key."""
        result = self._store.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{ACC}sourceKey> {_literal(key)} }} }}"
        )
        assert isinstance(result, ox.QuerySolutions)
        ids = (doc_id_of(row["g"].value) for row in result)
        return sorted(i for i in ids if i)

    def write_document(
        self, doc_id: str, key: str, graph: DocumentData, activity: str | None = None
    ) -> WriteOutcome:
        """Store a document's graph, replacing any other version with the same key.

        The whole change is one transaction: one ``extend`` for a new document, one
        SPARQL Update request when older versions are dropped in the same step.
        """
        if self.read_only:
            raise StoreError("the store is open read-only; ingest needs a writable store")
        others = tuple(v for v in self.versions_of(key) if v != doc_id)
        if not others and self.has_document(doc_id):
            return WriteOutcome(doc_id, unchanged=True)
        data = graph if isinstance(graph, DocumentGraph) else DocumentGraph.from_rdflib(graph)
        target = ox.NamedNode(graph_iri(doc_id))
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        ended = ox.Literal(stamp, datatype=ox.NamedNode(_XSD_DATETIME))
        try:
            if not others:
                quads = data.quads(target)
                if activity:
                    log = ox.NamedNode(INGEST_LOG)
                    quads.append(ox.Quad(ox.NamedNode(activity), _ENDED_AT, ended, log))
                self._store.extend(quads)
            else:
                parts = [f"DROP SILENT GRAPH <{graph_iri(v)}>" for v in (*others, doc_id)]
                parts.append(f"INSERT DATA {{ GRAPH {target} {{\n{data.ntriples}\n}} }}")
                if activity:
                    parts.append(
                        f"INSERT DATA {{ GRAPH <{INGEST_LOG}> {{ <{activity}> {_ENDED_AT} {ended} }} }}"
                    )
                self._store.update(" ;\n".join(parts))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"could not write document {doc_id}: {exc}") from exc
        self._written(len(data))
        return WriteOutcome(doc_id, unchanged=False, replaced=others, triples=len(data))

    def _written(self, quads: int) -> None:
        """Flush RocksDB's memtables every so many quads.

        Unflushed writes stay in memory: without this the writer grew by ~1 MB per
        article (1.4 GB after 1,500); with it, it stays flat (bench/RESULTS.md).
        """
        self._unflushed += quads
        if self.path is not None and self._unflushed >= FLUSH_EVERY_QUADS:
            self._store.flush()
            self._unflushed = 0

    def delete_document(self, doc_id: str) -> bool:
        if not self.has_document(doc_id):
            return False
        self._store.remove_graph(ox.NamedNode(graph_iri(doc_id)))
        return True

    def document_ids(self) -> list[str]:
        ids = (
            doc_id_of(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)
        )
        return sorted(i for i in ids if i)

    # --- graphs ------------------------------------------------------------------

    def export_graph(self, graph: str) -> rdflib.Graph:
        """A named graph as an rdflib Graph (for validation and export)."""
        data = ox.serialize(
            (
                q.triple
                for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            ),
            format=ox.RdfFormat.N_TRIPLES,
        )
        out = rdflib.Graph()
        if data:
            out.parse(data=data.decode("utf-8"), format="nt")
        return out

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        """Replace a whole named graph (background knowledge) in one transaction."""
        self._store.update(
            f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{_ntriples(data)}\n}} }}"
        )

    def load_quads(self, quads: Iterable[ox.Quad]) -> None:
        self._store.extend(quads)

    # --- queries -------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all graphs unless given."""
        if default_graphs is None:
            return self._store.query(
                sparql,
                use_default_graph_as_union=True,
                named_graphs=[ox.NamedNode(g) for g in named_graphs] if named_graphs else None,
            )
        return self._store.query(
            sparql,
            default_graph=[ox.NamedNode(g) for g in default_graphs],
            named_graphs=[ox.NamedNode(g) for g in named_graphs] if named_graphs else None,
        )

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only")
        self._store.update(sparql)

    @property
    def engine(self) -> ox.Store:
        """The underlying pyoxigraph store (for serialising results natively)."""
        return self._store

    def stats(self) -> StoreStats:
        graphs = [g for g in self._store.named_graphs()]
        docs = sum(1 for g in graphs if isinstance(g, ox.NamedNode) and doc_id_of(g.value))
        return StoreStats(documents=docs, quads=len(self._store), graphs=len(graphs))

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store


def open_store(location: str | Path | None, *, read_only: bool = False) -> Store:
    """Open the store at ``location``: a directory, ``:memory:`` or a SPARQL server URL."""
    if location is None or str(location) == ":memory:":
        return OxigraphStore(None)
    text = str(location)
    if text.startswith(("http://", "https://")):
        from accords.remote_store import RemoteStore  # local: store.py is its dependency

        return RemoteStore(text, read_only=read_only)
    return OxigraphStore(text, read_only=read_only)
