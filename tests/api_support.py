"""Shared by the API tests: a small store in the accords vocabulary and a real server."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import uvicorn
from rdf_sample import DOC_ID, sample_extraction

from accords.api.app import create_app
from accords.config import Settings
from accords.rdf.graph import build_graph
from accords.store import OxigraphStore, Store

TOKEN = "s3cret-token"
SECOND_DOC = "fedcba9876543210"

# A second document: a three-member coordination stated in 2018, a denied alliance,
# and an alliance that ended in 2010 (in the accords vocabulary, docs/model.md, with the
# query index triples the graph builder writes).
EXTRA_TRIG = r"""
@prefix acc: <https://w3id.org/accords/ontology#> .
@prefix accid: <https://w3id.org/accords/id/> .
@prefix accg: <https://w3id.org/accords/graph/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

accg:fedcba9876543210 {
  accid:doc\/fedcba9876543210 a acc:NewsArticle ; acc:documentId "fedcba9876543210" ;
    dct:title "Tehran summit" ; schema:url <https://example.org/news/2> ;
    dct:issued "2018-09-07"^^xsd:date ; acc:datePrecision acc:DayPrecision .
  <https://w3id.org/accords/id/doc/fedcba9876543210#char=0,60> a nif:Sentence ;
    nif:referenceContext accid:doc\/fedcba9876543210 ; nif:beginIndex 0 ; nif:endIndex 60 ;
    acc:sentenceIndex 0 ;
    nif:anchorOf "Russia, Iran and Turkey agreed to coordinate on Syria today." .
  <https://w3id.org/accords/id/doc/fedcba9876543210#char=61,110> a nif:Sentence ;
    nif:referenceContext accid:doc\/fedcba9876543210 ; nif:beginIndex 61 ; nif:endIndex 110 ;
    acc:sentenceIndex 1 ; nif:anchorOf "Turkey denied any alliance with Israel in 2018." .
  <https://w3id.org/accords/id/doc/fedcba9876543210#char=111,150> a nif:Sentence ;
    nif:referenceContext accid:doc\/fedcba9876543210 ; nif:beginIndex 111 ; nif:endIndex 150 ;
    acc:sentenceIndex 2 ; nif:anchorOf "Their 2005 pact ended in 2010." .
  accid:entity\/Q159 a acc:State ; rdfs:label "Russia" ; acc:wikidataId "Q159" .
  accid:entity\/Q794 a acc:State ; rdfs:label "Iran" ; acc:wikidataId "Q794" .
  accid:entity\/Q43 a acc:State ; rdfs:label "Turkey" ; acc:wikidataId "Q43" .
  accid:entity\/Q801 a acc:State ; rdfs:label "Israel" ; acc:wikidataId "Q801" .
  accid:relationship\/DiplomaticCoordination\/aaaa a acc:DiplomaticCoordination ;
    rdfs:label "DiplomaticCoordination: Iran, Russia, Turkey" ;
    acc:member accid:entity\/Q159, accid:entity\/Q794, accid:entity\/Q43 ;
    acc:evidenceYear 2018 ;
    acc:memberYear "https://w3id.org/accords/id/entity/Q159 2018", "https://w3id.org/accords/id/entity/Q794 2018", "https://w3id.org/accords/id/entity/Q43 2018" ;
    acc:hasEvidence accid:evidence\/fedcba9876543210\/e1 .
  accid:evidence\/fedcba9876543210\/e1 a acc:Evidence ; acc:modality acc:Agreed ;
    acc:sentence <https://w3id.org/accords/id/doc/fedcba9876543210#char=0,60> ;
    acc:document accid:doc\/fedcba9876543210 ;
    acc:observedFrom "2018-09-07"^^xsd:date ; acc:observedUntil "2018-09-07"^^xsd:date ;
    acc:observedYear 2018 .
  accid:relationship\/Alliance\/bbbb a acc:Alliance ; rdfs:label "Alliance: Israel, Turkey" ;
    acc:member accid:entity\/Q43, accid:entity\/Q801 ; acc:reportedUntil "2010-12-31"^^xsd:date ;
    acc:reportedFrom "2005-01-01"^^xsd:date ; acc:evidenceYear 2018, 2005, 2006, 2007, 2008, 2009, 2010 ;
    acc:memberStart "https://w3id.org/accords/id/entity/Q43", "https://w3id.org/accords/id/entity/Q801" ;
    acc:memberYear "https://w3id.org/accords/id/entity/Q43 2018", "https://w3id.org/accords/id/entity/Q43 2005", "https://w3id.org/accords/id/entity/Q43 2006", "https://w3id.org/accords/id/entity/Q43 2007", "https://w3id.org/accords/id/entity/Q43 2008", "https://w3id.org/accords/id/entity/Q43 2009", "https://w3id.org/accords/id/entity/Q43 2010", "https://w3id.org/accords/id/entity/Q801 2018", "https://w3id.org/accords/id/entity/Q801 2005", "https://w3id.org/accords/id/entity/Q801 2006", "https://w3id.org/accords/id/entity/Q801 2007", "https://w3id.org/accords/id/entity/Q801 2008", "https://w3id.org/accords/id/entity/Q801 2009", "https://w3id.org/accords/id/entity/Q801 2010" ;
    acc:hasEvidence accid:evidence\/fedcba9876543210\/e2, accid:evidence\/fedcba9876543210\/e3 .
  accid:evidence\/fedcba9876543210\/e2 a acc:Evidence ; acc:modality acc:Denied ;
    acc:sentence <https://w3id.org/accords/id/doc/fedcba9876543210#char=61,110> ;
    acc:document accid:doc\/fedcba9876543210 ;
    acc:observedFrom "2018-01-01"^^xsd:date ; acc:observedUntil "2018-12-31"^^xsd:date ;
    acc:observedYear 2018 .
  accid:evidence\/fedcba9876543210\/e3 a acc:Evidence ; acc:modality acc:Asserted ;
    acc:sentence <https://w3id.org/accords/id/doc/fedcba9876543210#char=111,150> ;
    acc:document accid:doc\/fedcba9876543210 ;
    acc:observedFrom "2005-01-01"^^xsd:date ; acc:observedUntil "2010-12-31"^^xsd:date ;
    acc:observedYear 2005, 2006, 2007, 2008, 2009, 2010 ;
    acc:validFrom "2005-01-01"^^xsd:date ; acc:validFromPrecision acc:YearPrecision ;
    acc:validUntil "2010-12-31"^^xsd:date ; acc:validUntilPrecision acc:YearPrecision .
}
"""

IRAN_RUSSIA = "https://w3id.org/accords/id/relationship/IntelligenceSharing/4d36c6f15a189654"
COORDINATION = "https://w3id.org/accords/id/relationship/DiplomaticCoordination/aaaa"
ISRAEL_TURKEY = "https://w3id.org/accords/id/relationship/Alliance/bbbb"


def build_store(path: Path) -> OxigraphStore:
    """An on-disk store with the shared sample document and the document above."""
    store = OxigraphStore(path)
    x = sample_extraction()
    store.write_document(DOC_ID, x.document.key, build_graph(x))
    store.load_quads(ox.parse(EXTRA_TRIG, format=ox.RdfFormat.TRIG))
    store.engine.flush()
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(store: Store, **settings: object) -> Iterator[str]:
    """Run the app with uvicorn on a free 127.0.0.1 port; yields the base URL."""
    options: dict[str, object] = {"store": ":memory:", "token": TOKEN}
    options.update(settings)
    app = create_app(Settings(**options), store)  # type: ignore[arg-type]
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
