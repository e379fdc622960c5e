"""The gazetteer's dated facts as RDF for the named graph ``accg:wikidata`` (docs/model.md)."""

from __future__ import annotations

from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from accords.linking.gazetteer import DateRange, Gazetteer
from accords.records import Entity

ACC = Namespace("https://w3id.org/accords/ontology#")
ACCID = Namespace("https://w3id.org/accords/id/")
ACCG = Namespace("https://w3id.org/accords/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
WIKIDATA_GRAPH = ACCG["wikidata"]
_PRECISION = {1: ACC.YearPrecision, 2: ACC.MonthPrecision, 3: ACC.DayPrecision}


def entity_iri(key: str) -> URIRef:
    return ACCID[f"entity/{quote(key, safe='-_.()')}"]


def _date(graph: Graph, node: URIRef, prop: str, text: str, latest: bool) -> None:
    span = DateRange.parse(text)
    if span is None:
        return
    day = span.latest if latest else span.earliest
    graph.add((node, ACC[prop], Literal(day.isoformat(), datatype=XSD.date)))
    graph.add(
        (node, ACC[f"{prop.removesuffix('Date')}Precision"], _PRECISION[len(text.split("-"))])
    )


def _actor(graph: Graph, entity: Entity) -> URIRef:
    node = entity_iri(entity.key)
    if entity.kind is not None:
        graph.add((node, RDF.type, ACC[entity.kind.value]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    if entity.qid:
        graph.add((node, OWL.sameAs, WD[entity.qid]))
        graph.add((node, ACC.wikidataId, Literal(entity.qid)))
    if entity.country_qid and entity.country_qid != entity.key:
        graph.add((node, ACC.country, entity_iri(entity.country_qid)))
    if entity.wikipedia:
        graph.add((node, ACC.wikipediaTitle, Literal(entity.wikipedia)))
    return node


def background_graph(gazetteer: Gazetteer) -> Graph:
    """Offices held and memberships, with their actors, as one graph named ``accg:wikidata``."""
    graph = Graph(identifier=WIKIDATA_GRAPH)
    graph.bind("acc", ACC)
    graph.bind("accid", ACCID)
    graph.bind("wd", WD)
    for office in gazetteer.offices:
        person = gazetteer.entities.get(office.person_qid)
        state = gazetteer.entities.get(office.state_qid)
        if person is None or state is None:
            continue
        start = office.start_text or "unknown"
        node = ACCID[f"office/{office.person_qid}/{office.position_qid}/{start}"]
        graph.add((node, RDF.type, ACC.OfficeHolding))
        graph.add((node, ACC.holder, _actor(graph, person)))
        graph.add((node, ACC.office, WD[office.position_qid]))
        graph.add((WD[office.position_qid], RDFS.label, Literal(office.position_label)))
        graph.add((node, ACC.represents, _actor(graph, state)))
        graph.add((node, ACC.role, Literal(office.role)))
        _date(graph, node, "startDate", office.start_text, latest=False)
        _date(graph, node, "endDate", office.end_text, latest=True)
    for membership in gazetteer.memberships:
        member = gazetteer.entities.get(membership.member_qid)
        organisation = gazetteer.entities.get(membership.organisation_qid)
        if member is None or organisation is None:
            continue
        start = membership.start or "unknown"
        node = ACCID[f"membership/{member.key}/{organisation.key}/{start}"]
        graph.add((node, RDF.type, ACC.Membership))
        graph.add((node, ACC.memberEntity, _actor(graph, member)))
        graph.add((node, ACC.organisation, _actor(graph, organisation)))
        _date(graph, node, "startDate", membership.start, latest=False)
        _date(graph, node, "endDate", membership.end, latest=True)
    return graph
