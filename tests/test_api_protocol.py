"""The SPARQL 1.1 Protocol endpoint over real HTTP (uvicorn on 127.0.0.1)."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from api_support import DOC_ID, TOKEN, build_store, serve

from accords.store import OxigraphStore, graph_iri

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    s = build_store(tmp_path_factory.mktemp("api") / "store")
    yield s


@pytest.fixture(scope="module")
def base(store: OxigraphStore) -> Iterator[str]:
    with serve(store, query_timeout_s=2.0, max_body_bytes=20_000) as url:
        yield url


@pytest.fixture()
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def count(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def direct_count(store: OxigraphStore) -> int:
    result = store.query(COUNT)
    assert isinstance(result, ox.QuerySolutions)
    return int(next(iter(result))["n"].value)


def test_query_by_get_post_form_and_post_direct(client: httpx.Client, store: OxigraphStore) -> None:
    expected = direct_count(store)
    assert count(client.get("/sparql", params={"query": COUNT})) == expected
    assert count(client.post("/sparql", data={"query": COUNT})) == expected
    direct = client.post(
        "/sparql", content=COUNT, headers={"content-type": "application/sparql-query"}
    )
    assert count(direct) == expected


def test_result_formats_by_accept_and_format_parameter(client: httpx.Client) -> None:
    q = {"query": "SELECT ?n WHERE { VALUES ?n { 1 2 } }"}
    xml = client.get("/sparql", params=q, headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    assert "<sparql" in xml.text
    got_csv = client.get("/sparql", params=q, headers={"accept": "text/csv"})
    assert list(csv.reader(io.StringIO(got_csv.text)))[1:] == [["1"], ["2"]]
    # sentence IRIs hold a comma (#char=12,80): each cell stays one CSV field, as in JSON
    sentences = {
        "query": "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "SELECT ?s ?text ?none WHERE { ?s nif:anchorOf ?text } ORDER BY ?s LIMIT 5"
    }
    as_json = client.get("/sparql", params=sentences).json()["results"]["bindings"]
    as_csv = client.get("/sparql", params={**sentences, "format": "csv"}).text
    rows = list(csv.reader(io.StringIO(as_csv, newline="")))
    assert rows[0] == ["s", "text", "none"] and len(rows) == 6 and "," in rows[1][0]
    assert rows[1:] == [[b["s"]["value"], b["text"]["value"], ""] for b in as_json]
    tsv = client.get("/sparql", params={**q, "format": "tsv"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    default = client.get("/sparql", params=q)
    assert default.headers["content-type"].startswith("application/sparql-results+json")
    browser = client.get("/sparql", params=q, headers={"accept": "text/html,*/*;q=0.8"})
    assert browser.headers["content-type"].startswith("application/sparql-results+json")
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ask.json()["boolean"] is True


def test_graph_answers_in_rdf_formats(client: httpx.Client) -> None:
    q = {
        "query": "CONSTRUCT { ?s ?p ?o } WHERE "
        "{ ?s a <https://w3id.org/accords/ontology#State> ; ?p ?o }"
    }
    for media, fmt in [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-quads", ox.RdfFormat.N_QUADS),
    ]:
        r = client.get("/sparql", params=q, headers={"accept": media})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        assert len(list(ox.parse(r.content, format=fmt))) > 4
    describe = client.get(
        "/sparql", params={"query": "DESCRIBE <https://w3id.org/accords/id/entity/Q794>"}
    )
    assert describe.headers["content-type"].startswith("text/turtle")


def test_protocol_errors(client: httpx.Client) -> None:
    syntax = client.get("/sparql", params={"query": "SELEC * WHERE { ?s ?p ?o }"})
    assert syntax.status_code == 400 and "syntax" in syntax.json()["detail"]
    assert client.put("/sparql", content=COUNT).status_code == 405
    wrong_type = client.post("/sparql", content=COUNT, headers={"content-type": "text/plain"})
    assert wrong_type.status_code == 415
    assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400
    two = client.get("/sparql", params=[("query", COUNT), ("query", COUNT)])
    assert two.status_code == 400
    nothing = client.get("/sparql", params={"query": COUNT}, headers={"accept": "image/png"})
    assert nothing.status_code == 406
    bad_utf8 = client.post(
        "/sparql", content=b"SELECT \xff", headers={"content-type": "application/sparql-query"}
    )
    assert bad_utf8.status_code == 400


def test_request_body_limit(client: httpx.Client) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    r = client.post("/sparql", content=big, headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413


def test_dataset_parameters(client: httpx.Client, store: OxigraphStore) -> None:
    one = graph_iri(DOC_ID)
    only = client.get("/sparql", params={"query": COUNT, "default-graph-uri": one})
    assert 0 < count(only) < direct_count(store)
    named = client.get(
        "/sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": one,
        },
    )
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [one]


def test_service_description_and_void(client: httpx.Client, store: OxigraphStore) -> None:
    sd = client.get("/sparql")
    assert sd.status_code == 200 and sd.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(sd.content, format=ox.RdfFormat.TURTLE))
    sd_ns = "http://www.w3.org/ns/sparql-service-description#"
    assert any(t.object == ox.NamedNode(sd_ns + "Service") for t in triples)
    assert any(t.object == ox.NamedNode(sd_ns + "UnionDefaultGraph") for t in triples)
    xml = client.get("/sparql", headers={"accept": "application/rdf+xml"})
    assert xml.headers["content-type"].startswith("application/rdf+xml")
    void = client.get("/.well-known/void")
    data = list(ox.parse(void.content, format=ox.RdfFormat.TURTLE))
    counts = [int(t.object.value) for t in data if t.predicate.value.endswith("void#triples")]
    assert max(counts) == store.stats().quads  # the whole dataset
    names = {t.object.value for t in data if t.predicate.value == sd_ns + "name"}
    assert graph_iri(DOC_ID) in names
    assert client.get("/void").status_code == 200


@pytest.fixture()
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP listener on 127.0.0.1 that records every connection it receives."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    received.append(conn.recv(4096) or b"(connected)")
                except OSError:
                    received.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], received
    stop.set()
    thread.join()
    sock.close()


def test_service_and_remote_from_are_refused_without_any_connection(
    client: httpx.Client, listener: tuple[int, list[bytes]]
) -> None:
    port, received = listener
    target = f"http://127.0.0.1:{port}/sparql"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <http://127.0.0.1:{port}/> "
        "SELECT * WHERE { SERVICE r:sparql { ?s ?p ?o } }",
        f"SELECT * WHERE {{ BIND(<{target}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"CONSTRUCT WHERE {{ ?s ?p ?o }} # harmless\n; SERVICE <{target}> {{ }}",
    ]
    for q in queries:
        r = client.post("/sparql", data={"query": q})
        assert r.status_code in (400, 403), (q, r.status_code, r.text)
    dataset = client.get("/sparql", params={"query": COUNT, "default-graph-uri": target})
    assert dataset.status_code == 403
    # the same words inside a comment or a string are no SERVICE call
    harmless = f'SELECT * WHERE {{ ?s ?p "SERVICE <{target}>" }} # SERVICE <{target}> {{}}'
    assert client.get("/sparql", params={"query": harmless}).status_code == 200
    time.sleep(0.5)
    assert received == []


def _workers() -> set[int]:
    """Live query worker processes started by this test process."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes()
            stat = (entry / "stat").read_text().split()
        except OSError:
            continue
        if b"accords.api.worker" in cmd and int(stat[3]) == os.getpid() and stat[2] != "Z":
            found.add(int(entry.name))
    return found


def test_deadline_stops_a_pathological_query_while_others_are_served(
    client: httpx.Client, base: str
) -> None:
    assert count(client.get("/sparql", params={"query": COUNT})) > 0
    before = _workers()
    outcome: dict[str, int] = {}

    def slow() -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            outcome["slow"] = c.get("/sparql", params={"query": SLOW}).status_code

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    quick = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    thread.join()
    assert outcome["slow"] == 503
    time.sleep(1.0)
    after = _workers()
    assert len(before - after) == 1  # the busy worker was killed...
    assert len(after) == len(before)  # ...and replaced
    assert count(client.get("/sparql", params={"query": COUNT})) > 0


def test_row_cap_keeps_the_format(store: OxigraphStore) -> None:
    with serve(store, max_rows=5) as url:
        r = httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert len(r.json()["results"]["bindings"]) == 5
        assert r.headers["x-accords-row-cap"] == "5"
        c = httpx.get(
            f"{url}/sparql",
            params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
            headers={"accept": "application/n-triples"},
        )
        assert len(list(ox.parse(c.content, format=ox.RdfFormat.N_TRIPLES))) == 5
        small = httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2"})
        assert len(small.json()["results"]["bindings"]) == 2
        assert "x-accords-row-cap" not in small.headers


def test_updates_need_the_token(client: httpx.Client, store: OxigraphStore) -> None:
    update = (
        "INSERT DATA { GRAPH <http://example.org/g1> "
        '{ <http://example.org/a> <http://example.org/b> "c" } }'
    )
    form = {"update": update}
    assert client.post("/sparql", data=form).status_code == 401
    bad = client.post("/sparql", data=form, headers={"authorization": "Bearer nope"})
    assert bad.status_code == 401
    ok = client.post("/sparql", data=form, headers={"authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 204
    seen = client.get("/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"})
    assert seen.json()["boolean"] is True  # the workers see the write at once
    load = client.post(
        "/sparql",
        content="LOAD <http://127.0.0.1:9/data.ttl>",
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert load.status_code == 403
    drop = client.post(
        "/sparql",
        content="DROP GRAPH <http://example.org/g1>",
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert drop.status_code == 204


def test_read_only_without_a_token(store: OxigraphStore) -> None:
    with serve(store, token="") as url:
        r = httpx.post(f"{url}/sparql", data={"update": "CLEAR ALL"})
        assert r.status_code == 403
        assert httpx.delete(f"{url}/store", params={"graph": graph_iri(DOC_ID)}).status_code == 403
    assert store.has_document(DOC_ID)


def test_graph_store_protocol(client: httpx.Client) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    g = {"graph": "http://example.org/gsp"}
    body = '<http://example.org/x> <http://example.org/y> "z" .'
    assert (
        client.put(
            "/store", params=g, content=body, headers={"content-type": "text/turtle"}
        ).status_code
        == 401
    )
    put = client.put(
        "/store", params=g, content=body, headers={"content-type": "text/turtle", **auth}
    )
    assert put.status_code == 201
    got = client.get("/store", params=g, headers={"accept": "application/n-triples"})
    assert got.status_code == 200 and '"z"' in got.text
    more = '<http://example.org/x> <http://example.org/y> "w" .'
    post = client.post(
        "/store", params=g, content=more, headers={"content-type": "application/n-triples", **auth}
    )
    assert post.status_code == 204
    got = client.get("/store", params=g, headers={"accept": "application/n-triples"})
    assert '"w"' in got.text and '"z"' in got.text
    assert (
        client.put(
            "/store", params=g, content=body, headers={"content-type": "image/png", **auth}
        ).status_code
        == 415
    )
    assert client.delete("/store", params=g, headers=auth).status_code == 204
    assert client.get("/store", params=g).status_code == 404


def test_cors_is_off_by_default_and_configurable(
    client: httpx.Client, store: OxigraphStore
) -> None:
    origin = {"origin": "https://yasgui.example"}
    r = client.get("/sparql", params={"query": COUNT}, headers=origin)
    assert "access-control-allow-origin" not in r.headers
    with serve(store, cors_origins=("https://yasgui.example",)) as url:
        r = httpx.get(f"{url}/sparql", params={"query": COUNT}, headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://yasgui.example"


def test_health(client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert json.loads(client.get("/openapi.json").text)["paths"]
