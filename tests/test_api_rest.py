"""REST routes, dereferencing and real SPARQL clients, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from api_support import COORDINATION, IRAN_RUSSIA, SECOND_DOC, build_store, serve
from rdf_sample import DOC_ID
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from accords.store import OxigraphStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    return build_store(tmp_path_factory.mktemp("rest") / "store")


@pytest.fixture(scope="module")
def base(store: OxigraphStore) -> Iterator[str]:
    with serve(store) as url:
        yield url


@pytest.fixture()
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def test_alliances_in_2018_grouped_with_members_basis_and_evidence(client: httpx.Client) -> None:
    page = client.get("/alliances", params={"year": 2018}).json()
    by_iri = {item["iri"]: item for item in page["items"]}
    assert set(by_iri) == {IRAN_RUSSIA, COORDINATION}
    coord = by_iri[COORDINATION]
    assert {m["qid"] for m in coord["members"]} == {"Q159", "Q794", "Q43"}
    assert coord["type"] == "DiplomaticCoordination" and coord["basis"] == "stated"
    [ev] = coord["evidence"]
    assert ev["sentence_text"].startswith("Russia, Iran and Turkey agreed")
    assert ev["document"]["id"] == SECOND_DOC and ev["document"]["title"] == "Tehran summit"
    sharing = by_iri[IRAN_RUSSIA]
    assert sharing["interval"]["start"] == "2015-01-01"
    assert sharing["interval"]["start_precision"] == "year"


def test_alliances_by_day_range_type_member_and_paging(client: httpx.Client) -> None:
    at = client.get("/alliances", params={"at": "2016-06-01"}).json()
    assert [i["iri"] for i in at["items"]] == [IRAN_RUSSIA]
    assert at["items"][0]["basis"] == "open-ended"
    ranged = client.get("/alliances", params={"from": "2018-09-07", "to": "2018-09-07"}).json()
    assert {i["iri"] for i in ranged["items"]} == {IRAN_RUSSIA, COORDINATION}
    typed = client.get("/alliances", params={"year": 2018, "type": "DiplomaticCoordination"})
    assert [i["iri"] for i in typed.json()["items"]] == [COORDINATION]
    member = client.get("/alliances", params={"year": 2018, "member": "Turkey"}).json()
    assert [i["iri"] for i in member["items"]] == [COORDINATION]
    first = client.get("/alliances", params={"year": 2018, "limit": 1}).json()
    second = client.get("/alliances", params={"year": 2018, "limit": 1, "offset": 1}).json()
    assert first["count"] == second["count"] == 1
    assert first["items"][0]["iri"] != second["items"][0]["iri"]


def test_rest_parameters_are_validated(client: httpx.Client) -> None:
    assert client.get("/alliances").status_code == 400  # no period
    assert client.get("/alliances", params={"year": 2018, "at": "2018-01-01"}).status_code == 400
    assert client.get("/alliances", params={"year": "twenty"}).status_code == 422
    assert client.get("/alliances", params={"at": "2018-13-01"}).status_code == 422
    assert client.get("/alliances", params={"year": 2018, "type": "Friendship"}).status_code == 422
    assert client.get("/alliances", params={"year": 2018, "limit": 0}).status_code == 422
    wrong = client.get("/meetings", params={"from": "2019-01-01", "to": "2018-01-01"})
    assert wrong.status_code == 400


def test_meetings_claims_entities_documents(client: httpx.Client) -> None:
    meetings = client.get("/meetings", params={"from": "2018-01-01", "to": "2018-12-31"}).json()
    [m] = meetings["items"]
    assert m["date"] == "2018-09-07" and m["place"]["label"] == "Tehran"
    assert {p["label"] for p in m["participants"]} == {"Vladimir Putin", "Rouhani"}
    assert m["evidence"][0]["sentence_text"] == "Putin met Rouhani in Tehran on 7 September 2018."
    none = client.get("/meetings", params={"from": "2019-01-01", "participant": "Q7747"})
    assert none.json()["items"] == []
    claims = client.get("/claims", params={"by": "Iran", "about": "Q801"}).json()
    [c] = claims["items"]
    assert c["type"] == "Accusation" and c["content"] == "Israel of sabotage"
    assert c["claimant"]["qid"] == "Q794" and c["about"][0]["qid"] == "Q801"
    entity = client.get("/entities/Q794").json()
    assert entity["label"] == "Iran"
    assert {t["kind"] for t in entity["timeline"]} == {"relationship", "claim"}
    assert client.get("/entities/Q999999").status_code == 404
    doc = client.get(f"/documents/{DOC_ID}").json()
    assert [s["index"] for s in doc["sentences"]] == [0, 1, 2]
    assert doc["sentences"][2]["text"] == "Iran accused Israel of sabotage."
    assert client.get("/documents/0000000000000000").status_code == 404
    assert client.get("/documents/not-hex").status_code == 422


def test_iris_dereference_to_html_or_rdf(client: httpx.Client) -> None:
    path = "/id/entity/Q794"
    page = client.get(path, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "Iran" in page.text
    ttl = client.get(path, headers={"accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=ttl.text, format="turtle")
    assert (None, rdflib.RDFS.label, rdflib.Literal("Iran")) in graph
    jsonld = client.get(path, headers={"accept": "application/ld+json"})
    assert len(list(ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD))) >= 3
    doc = client.get(f"/id/doc/{DOC_ID}", headers={"accept": "application/n-triples"})
    assert "Putin met Rouhani" in doc.text  # the document with its sentences
    assert client.get("/id/entity/Q1", headers={"accept": "text/turtle"}).status_code == 404


def test_openapi_documents_the_routes(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for route in ("/alliances", "/meetings", "/claims", "/entities/{id}", "/documents/{id}"):
        assert route in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_sparqlwrapper_gets_the_same_answers_as_the_store(base: str, store: OxigraphStore) -> None:
    q = (
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
        "ORDER BY ?s ?label"
    )
    wrapper = SPARQLWrapper(f"{base}/sparql")
    wrapper.setQuery(q)
    wrapper.setReturnFormat(JSON)
    got = wrapper.queryAndConvert()
    assert isinstance(got, dict)
    remote = [(b["s"]["value"], b["label"]["value"]) for b in got["results"]["bindings"]]
    direct = store.query(q)
    assert isinstance(direct, ox.QuerySolutions)
    assert remote == [(r["s"].value, r["label"].value) for r in direct]
    assert remote
    wrapper.setMethod("POST")
    wrapper.setQuery("ASK { ?s a <https://w3id.org/accords/ontology#State> }")
    assert wrapper.queryAndConvert()["boolean"] is True  # type: ignore[index]


def test_rdflib_sparqlstore_gets_the_same_answers_as_the_store(
    base: str, store: OxigraphStore
) -> None:
    remote = rdflib.Graph(store=SPARQLStore(f"{base}/sparql", returnFormat="json"))
    q = "SELECT ?m WHERE { ?r <https://w3id.org/accords/ontology#member> ?m } ORDER BY ?m"
    got = [str(row[0]) for row in remote.query(q)]  # type: ignore[index]
    direct = store.query(q)
    assert isinstance(direct, ox.QuerySolutions)
    assert got == [r["m"].value for r in direct] and got
    construct = remote.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/accords/ontology#State> ; ?p ?o }"
    )
    assert construct.graph is not None and len(construct.graph) > 0


def test_actors_by_name_key_or_qid_give_the_same_meetings_and_claims(client: httpx.Client) -> None:
    period = {"from": "2018-09-01", "to": "2018-09-30"}
    by_name = client.get("/meetings", params={**period, "participant": "vladimir putin"}).json()
    by_qid = client.get("/meetings", params={**period, "participant": "q7747"}).json()
    assert by_name == by_qid and by_name["count"] == 1
    nil = client.get("/meetings", params={**period, "participant": "nil-hassan-rouhani"}).json()
    named = client.get("/meetings", params={**period, "participant": "Rouhani"}).json()
    assert nil["items"] == named["items"] == by_name["items"]
    claims = [client.get("/claims", params={"by": by}).json() for by in ("Iran", "Q794", "q794")]
    assert claims[0] == claims[1] == claims[2] and claims[0]["count"] == 1
    about = client.get("/claims", params={"about": "israel"}).json()
    assert [c["iri"] for c in about["items"]] == [c["iri"] for c in claims[0]["items"]]
    for unknown in ({"by": "Atlantis"}, {"about": "Atlantis"}):
        assert client.get("/claims", params=unknown).json()["items"] == []
    assert (
        client.get("/meetings", params={**period, "participant": "Atlantis"}).json()["items"] == []
    )
