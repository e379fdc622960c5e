"""One test suite for the Store interface, run on the embedded store and on `oxigraph serve`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from oxigraph_server import oxigraph_server

from accords.errors import StoreError
from accords.remote_store import RemoteStore
from accords.store import (
    BACKGROUND,
    GRAPH_BASE,
    INGEST_LOG,
    OxigraphStore,
    Store,
    graph_iri,
    open_store,
)

ACC = rdflib.Namespace("https://w3id.org/accords/ontology#")
DOC = "https://w3id.org/accords/id/doc/"


def _graph(key: str, n: int, tag: str) -> rdflib.Graph:
    g = rdflib.Graph()
    doc = rdflib.URIRef(DOC + tag)
    g.add((doc, ACC.sourceKey, rdflib.Literal(key)))
    for i in range(n - 1):
        g.add((doc, ACC[f"p{i}"], rdflib.Literal(f'{tag} line\n{i} "quoted" é <x>')))
    return g


@pytest.fixture(params=["embedded", "oxigraph-serve"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "embedded":
        embedded = open_store(tmp_path / "store")
        assert isinstance(embedded, OxigraphStore)
        yield embedded
        embedded.close()
    else:
        with oxigraph_server(tmp_path / "server") as url:
            remote = open_store(url)
            assert isinstance(remote, RemoteStore)
            yield remote
            remote.close()


def _quads(store: Store, graph: str) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o in store.export_graph(graph)}


def test_write_then_idempotent_then_replace_by_key(store: Store) -> None:
    first = store.write_document("aaa", "k", _graph("k", 10, "aaa"), activity=DOC + "act-aaa")
    assert (first.unchanged, first.replaced, first.triples) == (False, (), 10)
    assert store.write_document("aaa", "k", _graph("k", 10, "aaa")).unchanged
    before = store.stats()
    changed = store.write_document("bbb", "k", _graph("k", 7, "bbb"))
    assert changed.replaced == ("aaa",) and not changed.unchanged
    assert store.document_ids() == ["bbb"]
    assert not store.has_document("aaa") and store.has_document("bbb")
    assert store.stats().quads == before.quads - 3
    other = store.write_document("ccc", "other", _graph("other", 5, "ccc"))
    assert other.replaced == ()
    assert store.document_ids() == ["bbb", "ccc"]


def test_export_round_trips_text_exactly(store: Store) -> None:
    original = _graph("k", 4, "aaa")
    store.write_document("aaa", "k", original)
    back = store.export_graph(graph_iri("aaa"))
    assert set(back) == set(original)
    assert len(store.export_graph(GRAPH_BASE + "nothing-here")) == 0


def test_delete_retracts_only_that_document(store: Store) -> None:
    store.write_document("aaa", "k1", _graph("k1", 3, "aaa"))
    store.write_document("bbb", "k2", _graph("k2", 3, "bbb"))
    assert store.delete_document("aaa") is True
    assert store.delete_document("aaa") is False
    assert store.document_ids() == ["bbb"]
    assert _quads(store, graph_iri("aaa")) == set()
    assert len(_quads(store, graph_iri("bbb"))) == 3


def test_query_default_graph_is_the_union_unless_given(store: Store) -> None:
    store.write_document("aaa", "k1", _graph("k1", 2, "aaa"))
    store.write_document("bbb", "k2", _graph("k2", 2, "bbb"))
    sparql = f"SELECT ?k WHERE {{ ?d <{ACC.sourceKey}> ?k }} ORDER BY ?k"
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    assert [r["k"] for r in rows] == [ox.Literal("k1"), ox.Literal("k2")]
    only = store.query(sparql, default_graphs=[graph_iri("bbb")])
    assert isinstance(only, ox.QuerySolutions)
    assert [r["k"].value for r in only] == ["k2"]
    named = store.query(
        f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d <{ACC.sourceKey}> ?k }} }}",
        default_graphs=[],
        named_graphs=[graph_iri("aaa")],
    )
    assert isinstance(named, ox.QuerySolutions)
    assert [r["g"] for r in named] == [ox.NamedNode(graph_iri("aaa"))]


def test_ask_and_construct_give_pyoxigraph_types(store: Store) -> None:
    store.write_document("aaa", "k1", _graph("k1", 3, "aaa"))
    yes = store.query(f"ASK {{ ?d <{ACC.sourceKey}> 'k1' }}")
    no = store.query(f"ASK {{ ?d <{ACC.sourceKey}> 'nope' }}")
    assert isinstance(yes, ox.QueryBoolean) and bool(yes) and not bool(no)
    pattern = f"?d <{ACC.sourceKey}> ?k"
    built = store.query(f"CONSTRUCT {{ {pattern} }} WHERE {{ {pattern} }}")
    assert isinstance(built, ox.QueryTriples)
    assert list(built) == [
        ox.Triple(ox.NamedNode(DOC + "aaa"), ox.NamedNode(str(ACC.sourceKey)), ox.Literal("k1"))
    ]


def test_update_and_stats(store: Store) -> None:
    store.write_document("aaa", "k1", _graph("k1", 4, "aaa"), activity=DOC + "act")
    stats = store.stats()
    assert (stats.documents, stats.quads) == (1, 5)  # 4 triples + the ingest-log entry
    assert stats.graphs == 2
    log = store.query(f"SELECT ?t WHERE {{ GRAPH <{INGEST_LOG}> {{ ?a ?p ?t }} }}")
    assert isinstance(log, ox.QuerySolutions)
    assert [r["t"].datatype.value for r in log] == ["http://www.w3.org/2001/XMLSchema#dateTime"]
    store.update(f"INSERT DATA {{ GRAPH <{GRAPH_BASE}bbb> {{ <{DOC}x> <{ACC.sourceKey}> 'k2' }} }}")
    assert store.document_ids() == ["aaa", "bbb"]
    assert store.stats().quads == 6


def test_background_graph_is_replaced_whole(store: Store) -> None:
    store.replace_graph(BACKGROUND, _graph("bg", 5, "bg1"))
    store.replace_graph(BACKGROUND, _graph("bg", 3, "bg2"))
    back = store.export_graph(BACKGROUND)
    assert len(back) == 3 and all("bg2" in str(s) for s in back.subjects())
    assert store.document_ids() == []
    assert bool(store.query(f"ASK {{ GRAPH <{BACKGROUND}> {{ ?s ?p ?o }} }}"))


@pytest.mark.parametrize("kind", ["embedded", "oxigraph-serve"])
def test_read_only_refuses_writes(kind: str, tmp_path: Path) -> None:
    def check(reader: Store) -> None:
        assert reader.document_ids() == ["aaa"]
        with pytest.raises(StoreError, match="read-only"):
            reader.write_document("bbb", "k2", _graph("k2", 2, "bbb"))
        with pytest.raises(StoreError, match="read-only"):
            reader.update("CLEAR ALL")
        reader.close()

    if kind == "embedded":
        writer = open_store(tmp_path / "s")
        writer.write_document("aaa", "k1", _graph("k1", 2, "aaa"))
        writer.close()
        check(open_store(tmp_path / "s", read_only=True))
    else:
        with oxigraph_server(tmp_path / "s") as url:
            open_store(url).write_document("aaa", "k1", _graph("k1", 2, "aaa"))
            check(open_store(url, read_only=True))


def test_remote_store_explains_an_unreachable_server() -> None:
    from oxigraph_server import free_port

    remote = RemoteStore(f"http://127.0.0.1:{free_port()}/")
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        remote.document_ids()


def test_remote_store_endpoint_forms() -> None:
    oxi = RemoteStore("http://h:7878/")
    assert (oxi.query_url, oxi.update_url, oxi.store_url, oxi.union) == (
        "http://h:7878/query",
        "http://h:7878/update",
        "http://h:7878/store",
        "oxigraph",
    )
    fuseki = RemoteStore("http://h:3030/ds")
    assert (fuseki.query_url, fuseki.store_url, fuseki.union) == (
        "http://h:3030/ds",
        "http://h:3030/ds",
        "fuseki",
    )
    graphdb = RemoteStore(
        "http://h:7200/repositories/acc?update=acc/statements&store=acc/rdf-graphs/service&union=native"
    )
    assert graphdb.update_url == "http://h:7200/repositories/acc/statements"
    assert graphdb.store_url == "http://h:7200/repositories/acc/rdf-graphs/service"
    assert graphdb.union == "native"
    with pytest.raises(StoreError, match="unknown option"):
        RemoteStore("http://h:7878/?bogus=1")
    with pytest.raises(StoreError, match="union="):
        RemoteStore("http://h:7878/?union=maybe")
