"""Query execution and native result serialisation, in a worker process or inline.

Only pyoxigraph is imported here so that a worker process starts quickly. Results are
serialised by pyoxigraph itself (never one Python dict per row); graph answers are
capped at ``max_rows`` triples while streaming.
"""

from __future__ import annotations

import itertools
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

from accords.readonly import open_read_only
from accords.sparql_csv import solutions_csv

#: (sparql, default_graphs, named_graphs) -> result; Store.query has this shape.
QueryFn = Callable[[str, Sequence[str] | None, Sequence[str] | None], object]


@dataclass(frozen=True)
class Job:
    sparql: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    results_format: str  # key into QUERY_RESULTS_FORMATS
    rdf_format: str  # key into RDF_FORMATS
    max_rows: int
    generation: int = 0


@dataclass(frozen=True)
class Answer:
    """``kind`` is ``solutions``, ``boolean``, ``graph`` or ``error``/``syntax``."""

    kind: str
    body: bytes
    truncated: bool = False


QUERY_RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
_DATASET_FORMATS = frozenset({"nquads", "trig"})


def execute(query: QueryFn, job: Job) -> Answer:
    """Run one job and serialise its answer; errors become ``Answer('error'|'syntax')``."""
    try:
        result = query(job.sparql, job.default_graphs, job.named_graphs)
        if isinstance(result, ox.QuerySolutions) and job.results_format == "csv":
            return Answer("solutions", solutions_csv(result))
        if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
            kind = "solutions" if isinstance(result, ox.QuerySolutions) else "boolean"
            data = result.serialize(format=QUERY_RESULTS_FORMATS[job.results_format])
            return Answer(kind, data or b"")
        if isinstance(result, ox.QueryTriples):
            capped = itertools.islice(result, job.max_rows + 1)
            triples = list(capped)
            truncated = len(triples) > job.max_rows
            items: list[ox.Triple] | list[ox.Quad] = triples[: job.max_rows]
            if job.rdf_format in _DATASET_FORMATS:
                items = [ox.Quad(t.subject, t.predicate, t.object) for t in items]
            data = ox.serialize(items, format=RDF_FORMATS[job.rdf_format])
            return Answer("graph", data or b"", truncated)
        return Answer("error", b"unexpected query result type")
    except SyntaxError as exc:
        return Answer("syntax", str(exc).encode("utf-8"))
    except (OSError, ValueError, RuntimeError) as exc:
        return Answer("error", str(exc).encode("utf-8"))


class _Engine:
    """A read-only view of the on-disk store, reopened when the generation moves on."""

    def __init__(self, path: str, opener: Callable[[str], ox.Store] = ox.Store.read_only) -> None:
        self.path = path
        self.opener = opener
        self.generation = -1
        self.store: ox.Store | None = None

    def query(
        self, sparql: str, default: Sequence[str] | None, named: Sequence[str] | None
    ) -> object:
        assert self.store is not None
        named_nodes: list[ox.NamedNode | ox.BlankNode] | None = (
            [ox.NamedNode(g) for g in named] if named else None
        )
        if default is None:
            return self.store.query(
                sparql, use_default_graph_as_union=True, named_graphs=named_nodes
            )
        return self.store.query(
            sparql, default_graph=[ox.NamedNode(g) for g in default], named_graphs=named_nodes
        )

    def at(self, generation: int) -> _Engine:
        """The view for ``generation``, opened afresh if the store has changed."""
        if self.store is None or generation != self.generation:
            self.store = None
            self.store = self._open()
            self.generation = generation
        return self

    def reopen(self) -> None:
        """Drop the view so that the next :meth:`at` opens the store again."""
        self.store = None

    def _open(self) -> ox.Store:
        return open_read_only(self.path, self.opener)


def _vanished_file(answer: Answer) -> bool:
    """A query that failed because compaction removed a file under a stale view."""
    return answer.kind == "error" and b"No such file" in answer.body


def answer_job(engine: _Engine, job: Job) -> Answer:
    """Run ``job`` on the view of its generation; a stale view is reopened once."""
    try:
        answer = execute(engine.at(job.generation).query, job)
        if _vanished_file(answer):
            engine.reopen()
            answer = execute(engine.at(job.generation).query, job)
        return answer
    except (OSError, RuntimeError) as exc:
        engine.reopen()
        return Answer("error", f"cannot open the store: {exc}".encode())


def worker_main(conn: Connection, store_path: str) -> None:
    """Serve jobs from ``conn`` until it closes (runs in a worker process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    engine = _Engine(store_path)
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        answer = answer_job(engine, job)
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


if __name__ == "__main__":
    import sys

    from accords.api import worker  # the importable module, so pickled classes match

    worker.worker_main(Connection(int(sys.argv[1])), sys.argv[2])
