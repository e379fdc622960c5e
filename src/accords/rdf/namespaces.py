"""Namespaces and the deterministic IRIs of accords instances (see docs/model.md)."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from accords.records import Claim, Entity, Evidence, Meeting, Relationship

ACC = Namespace("https://w3id.org/accords/ontology#")
ACCID = Namespace("https://w3id.org/accords/id/")
ACCG = Namespace("https://w3id.org/accords/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
DCT = DCTERMS
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Prefix bindings used when serialising graphs.
PREFIXES: dict[str, Namespace] = {
    "acc": ACC,
    "accid": ACCID,
    "accg": ACCG,
    "wd": WD,
    "nif": NIF,
    "prov": Namespace(str(PROV)),
    "dct": Namespace(str(DCTERMS)),
    "schema": SCHEMA,
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "time": Namespace(str(TIME)),
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
}

WIKIDATA_GRAPH = ACCG["wikidata"]
INGEST_LOG_GRAPH = ACCG["ingest-log"]

_SAFE = "-_.()"  # the same encoding as accords.linking.background


def _hash(text: str, algorithm: str = "sha1") -> str:
    return hashlib.new(algorithm, text.encode("utf-8")).hexdigest()[:16]


def iri_key(key: str) -> str:
    """The IRI form of an entity key: ``Q159``, ``enwiki-{Title}``, ``nil-{slug}``.

    Record keys use ``enwiki:``/``nil:`` prefixes; spaces become underscores and
    anything else unsafe in an IRI path segment is percent-encoded.
    """
    if ":" in key:
        prefix, rest = key.split(":", 1)
        key = f"{prefix}-{rest}"
    return quote(key.replace(" ", "_"), safe=_SAFE)


def document_iri(doc_id: str) -> URIRef:
    return ACCID[f"doc/{doc_id}"]


def graph_iri(doc_id: str) -> URIRef:
    return ACCG[doc_id]


def sentence_iri(doc_id: str, begin: int, end: int) -> URIRef:
    return URIRef(f"{ACCID}doc/{doc_id}#char={begin},{end}")


def mention_iri(doc_id: str, begin: int, end: int) -> URIRef:
    return URIRef(f"{ACCID}doc/{doc_id}#mention={begin},{end}")


def entity_iri(key: str) -> URIRef:
    """``accid:entity/{key}`` for a record key (``Q159``, ``enwiki:Title``, ``nil:slug``)."""
    return ACCID[f"entity/{iri_key(key)}"]


def activity_iri(doc_id: str, version: str) -> URIRef:
    return ACCID[f"activity/{doc_id}/{quote(version or 'unknown', safe=_SAFE)}"]


def office_iri(person_key: str, position_qid: str, start: str) -> URIRef:
    return ACCID[f"office/{iri_key(person_key)}/{position_qid}/{quote(start, safe=_SAFE)}"]


def relationship_hash_input(rel: Relationship) -> str:
    """``source>target`` for directed types with both ends, else the sorted member keys."""
    if rel.type.directed and rel.source is not None and rel.target is not None:
        return f"{iri_key(rel.source.key)}>{iri_key(rel.target.key)}"
    return "|".join(sorted(iri_key(m.key) for m in rel.members))


def relationship_iri(rel: Relationship) -> URIRef:
    """Same type and members (or source and target) give the same IRI in every document."""
    return ACCID[f"relationship/{rel.type.value}/{_hash(relationship_hash_input(rel))}"]


def _place_key(place: Entity | None, place_name: str | None) -> str:
    if place is not None:
        return iri_key(place.key)
    return place_name or ""


def meeting_iri(m: Meeting) -> URIRef:
    """Hash over type, date value, place key (or name) and sorted participant keys."""
    parts = [
        m.type.value,
        m.date.value if m.date else "",
        _place_key(m.place, m.place_name),
        ",".join(sorted(iri_key(p.key) for p in m.participants)),
    ]
    return ACCID[f"meeting/{_hash('|'.join(parts))}"]


def claim_iri(doc_id: str, c: Claim) -> URIRef:
    """Hash over document, type, claimant and the content's offsets."""
    claimant = iri_key(c.claimant.key) if c.claimant else ""
    parts = [doc_id, c.type.value, claimant, str(c.content_start), str(c.content_end)]
    return ACCID[f"claim/{_hash('|'.join(parts))}"]


def evidence_iri(doc_id: str, fact_iri: URIRef, ev: Evidence) -> URIRef:
    """Hash over the fact, the sentence offsets, modality, trigger and time values."""
    parts = [
        str(fact_iri),
        f"{ev.sentence.start},{ev.sentence.end}",
        ev.modality.value,
        ev.trigger,
        ev.observed.value if ev.observed else "",
        ev.valid_from.value if ev.valid_from else "",
        ev.valid_until.value if ev.valid_until else "",
    ]
    return ACCID[f"evidence/{doc_id}/{_hash('|'.join(parts))}"]
