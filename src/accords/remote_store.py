"""A SPARQL 1.1 server as the store: Oxigraph server, Fuseki, GraphDB, Virtuoso.

:class:`RemoteStore` implements :class:`accords.store.Store` over HTTP with
SPARQL 1.1 Query, SPARQL 1.1 Update and the SPARQL 1.1 Graph Store Protocol;
results come back as pyoxigraph objects, as from the embedded store.

Atomicity. Writing a document is ONE SPARQL Update request (drop every other
version with the same source key and the document's own graph, insert the new
graph, log the activity). Oxigraph server and Fuseki (TDB2) apply one update
request as one transaction, so a crash of the client, the network or the server
leaves the old version or the new one, never both and never half. A Graph Store
``PUT`` replaces one graph atomically (``replace_graph``), ``DELETE`` retracts one
(``delete_document``). Servers that do not make an update request atomic
(Virtuoso without transactional mode) weaken this to "per statement".
The store assumes a single writer: two writers of the same source key race
between the version lookup and the update.

Endpoints. ``http://HOST:PORT/`` (ending in ``/``) is an Oxigraph server:
``/query``, ``/update``, ``/store``. Another URL is a dataset URL that serves all
three operations itself (Fuseki: ``http://HOST:3030/ds``). Query parameters of
the URL override: ``query=``, ``update=``, ``store=`` (endpoint URLs, relative to
the URL) and ``union=`` (see :data:`UNION_MODES`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
import rdflib

from accords.errors import StoreError
from accords.rdf.triples import DocumentGraph
from accords.store import (
    ACC,
    INGEST_LOG,
    PROV,
    DocumentData,
    QueryResult,
    StoreStats,
    WriteOutcome,
    doc_id_of,
    graph_iri,
)

#: How the server is asked for "the default graph is the union of all graphs":
#: ``oxigraph`` (``union-default-graph`` parameter), ``fuseki``
#: (``default-graph-uri=urn:x-arq:UnionGraph``), ``native`` (the server's default
#: graph already is the union: GraphDB, Virtuoso).
UNION_MODES = ("oxigraph", "fuseki", "native")
FUSEKI_UNION = "urn:x-arq:UnionGraph"

_RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _ntriples(graph: rdflib.Graph | DocumentGraph) -> str:
    if isinstance(graph, DocumentGraph):
        return graph.ntriples
    data = graph.serialize(format="nt")
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _iri(value: str) -> str:
    return str(ox.NamedNode(value))


class RemoteStore:
    """The :class:`~accords.store.Store` interface over a SPARQL 1.1 server."""

    def __init__(
        self,
        url: str,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        store_url: str | None = None,
        union: str | None = None,
        read_only: bool = False,
        timeout_s: float = 300.0,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"{url}: not an http(s) URL of a SPARQL server")
        options = dict(parse_qsl(parts.query))
        unknown = set(options) - {"query", "update", "store", "union"}
        if unknown:
            raise StoreError(
                f"{url}: unknown option(s) {', '.join(sorted(unknown))}; "
                "use query=, update=, store=, union="
            )
        base = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
        oxigraph_layout = base.endswith("/")
        self.url = base
        self.query_url = query_url or urljoin(
            base, options.get("query", "query" if oxigraph_layout else base)
        )
        self.update_url = update_url or urljoin(
            base, options.get("update", "update" if oxigraph_layout else base)
        )
        self.store_url = store_url or urljoin(
            base, options.get("store", "store" if oxigraph_layout else base)
        )
        self.union = union or options.get("union", "oxigraph" if oxigraph_layout else "fuseki")
        if self.union not in UNION_MODES:
            raise StoreError(f"{url}: union={self.union!r}; use one of {', '.join(UNION_MODES)}")
        self.read_only = read_only
        self._http = httpx.Client(timeout=timeout_s)

    # --- HTTP --------------------------------------------------------------------------

    def _send(self, method: str, url: str, what: str, **kwargs: object) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise StoreError(
                f"{what}: cannot reach the SPARQL server at {url}: {exc}. Is it running?"
            ) from exc
        missing = method in ("GET", "DELETE") and response.status_code == 404
        if response.status_code >= 400 and not missing:
            detail = response.text.strip().splitlines()[:3]
            raise StoreError(
                f"{what}: the server at {url} answered {response.status_code}: {' '.join(detail)}"
            )
        return response

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.url} is open read-only")

    def _dataset(
        self, default_graphs: Sequence[str] | None, named_graphs: Sequence[str] | None
    ) -> list[tuple[str, str]]:
        params: list[tuple[str, str]] = []
        if default_graphs is not None:
            params += [("default-graph-uri", g) for g in default_graphs]
        elif self.union == "oxigraph":
            params.append(("union-default-graph", ""))
        elif self.union == "fuseki":
            params.append(("default-graph-uri", FUSEKI_UNION))
        params += [("named-graph-uri", g) for g in named_graphs or ()]
        return params

    # --- queries -----------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all graphs unless given."""
        return self._query(sparql, self._dataset(default_graphs, named_graphs))

    def _query(self, sparql: str, params: list[tuple[str, str]]) -> QueryResult:
        response = self._send(
            "POST",
            self.query_url,
            "query",
            params=params,
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": _RESULTS_ACCEPT},
        )
        kind = response.headers.get("content-type", "").split(";")[0].strip()
        try:
            if kind in ("application/sparql-results+json", "application/json"):
                parsed = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
                assert isinstance(parsed, ox.QuerySolutions | ox.QueryBoolean)
                return parsed
            if kind in ("application/n-triples", "text/plain", "text/turtle"):
                fmt = ox.RdfFormat.TURTLE if kind == "text/turtle" else ox.RdfFormat.N_TRIPLES
                return _as_query_triples(ox.parse(response.content, fmt))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"query: unreadable answer from {self.query_url}: {exc}") from exc
        raise StoreError(f"query: the server at {self.query_url} answered in {kind or 'no format'}")

    def _select(self, sparql: str) -> ox.QuerySolutions:
        """A SELECT over the server's own dataset (named graphs via GRAPH)."""
        result = self._query(sparql, [])
        assert isinstance(result, ox.QuerySolutions)
        return result

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update request (one transaction on Oxigraph and Fuseki)."""
        self._writable()
        self._send(
            "POST",
            self.update_url,
            "update",
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )

    # --- documents ---------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        result = self._query(f"ASK {{ GRAPH {_iri(graph_iri(doc_id))} {{ ?s ?p ?o }} }}", [])
        return bool(result)

    def versions_of(self, key: str) -> list[str]:
        """Ids of the stored documents with this source key."""
        rows = self._select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{ACC}sourceKey> {ox.Literal(key)} }} }}"
        )
        ids = (doc_id_of(row["g"].value) for row in rows)
        return sorted(i for i in ids if i)

    def write_document(
        self, doc_id: str, key: str, graph: DocumentData, activity: str | None = None
    ) -> WriteOutcome:
        """Store a document's graph, replacing other versions with the same key, in ONE request."""
        self._writable()
        others = tuple(v for v in self.versions_of(key) if v != doc_id)
        if not others and self.has_document(doc_id):
            return WriteOutcome(doc_id, unchanged=True)
        target = _iri(graph_iri(doc_id))
        parts = [f"DROP SILENT GRAPH {_iri(graph_iri(v))}" for v in (*others, doc_id)]
        parts.append(f"INSERT DATA {{ GRAPH {target} {{\n{_ntriples(graph)}\n}} }}")
        if activity:
            stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            now = rdflib.Literal(stamp, datatype=rdflib.URIRef(_XSD_DATETIME))
            parts.append(
                f"INSERT DATA {{ GRAPH {_iri(INGEST_LOG)} {{ {_iri(activity)} "
                f"<{PROV}endedAtTime> {now.n3()} }} }}"
            )
        try:
            self.update(" ;\n".join(parts))
        except StoreError as exc:
            raise StoreError(f"could not write document {doc_id}: {exc}") from exc
        return WriteOutcome(doc_id, unchanged=False, replaced=others, triples=len(graph))

    def delete_document(self, doc_id: str) -> bool:
        """Retract a document's graph (Graph Store Protocol DELETE)."""
        self._writable()
        response = self._send(
            "DELETE", self.store_url, f"delete {doc_id}", params={"graph": graph_iri(doc_id)}
        )
        return response.status_code != 404

    def document_ids(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        ids = (doc_id_of(row["g"].value) for row in rows)
        return sorted(i for i in ids if i)

    # --- graphs ------------------------------------------------------------------------

    def export_graph(self, graph: str) -> rdflib.Graph:
        """A named graph as an rdflib Graph (Graph Store Protocol GET)."""
        response = self._send(
            "GET",
            self.store_url,
            f"export {graph}",
            params={"graph": graph},
            headers={"Accept": "application/n-triples"},
        )
        out = rdflib.Graph()
        if response.status_code != 404 and response.content.strip():
            out.parse(data=response.content.decode("utf-8"), format="nt")
        return out

    def replace_graph(self, graph: str, data: rdflib.Graph) -> None:
        """Replace a whole named graph atomically (Graph Store Protocol PUT)."""
        self._writable()
        self._send(
            "PUT",
            self.store_url,
            f"replace {graph}",
            params={"graph": graph},
            content=_ntriples(data).encode("utf-8"),
            headers={"Content-Type": "application/n-triples"},
        )

    def stats(self) -> StoreStats:
        rows = list(
            self._select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        )
        named = sum(int(row["n"].value) for row in rows)
        default = 0
        if self.union != "native":
            total = next(iter(self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
            default = int(total["n"].value)
        graphs = [row["g"].value for row in rows]
        docs = sum(1 for g in graphs if doc_id_of(g))
        return StoreStats(documents=docs, quads=named + default, graphs=len(graphs))

    def close(self) -> None:
        self._http.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, union={self.union!r})"


def _as_query_triples(triples: object) -> ox.QueryTriples:
    """Parsed triples as the QueryTriples a CONSTRUCT on the embedded store returns."""
    scratch = ox.Store()
    scratch.extend(
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for t in triples  # type: ignore[attr-defined]
    )
    result = scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result
