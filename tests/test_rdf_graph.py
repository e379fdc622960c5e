"""build_graph: the triples of one document graph, and their determinism."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rdf_sample import DOC_ID, IRAN, ROUHANI, RUSSIA, S0, TEXT, sample_extraction
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, XSD

from accords.rdf.graph import build_graph, canonical_nquads
from accords.rdf.namespaces import (
    ACC,
    NIF,
    WD,
    document_iri,
    entity_iri,
    graph_iri,
    relationship_iri,
    sentence_iri,
)
from accords.records import Evidence, Modality, Precision, Relationship, RelationType, TimeSpan


def test_graph_is_named_after_the_document() -> None:
    g = build_graph(sample_extraction())
    assert g.identifier == URIRef(f"https://w3id.org/accords/graph/{DOC_ID}")


def test_document_node_carries_text_and_typed_metadata() -> None:
    g = build_graph(sample_extraction())
    doc = document_iri(DOC_ID)
    assert (doc, RDF.type, ACC.NewsArticle) in g
    assert g.value(doc, NIF.isString) == Literal(TEXT)
    length = g.value(doc, ACC.textLength)
    assert isinstance(length, Literal) and length.datatype == XSD.integer
    assert length.toPython() == len(TEXT)
    issued = g.value(doc, URIRef("http://purl.org/dc/terms/issued"))
    assert isinstance(issued, Literal) and issued.datatype == XSD.date
    assert issued.toPython() == date(2018, 9, 8)


def test_sentence_offsets_and_anchor() -> None:
    g = build_graph(sample_extraction())
    s = sentence_iri(DOC_ID, S0.start, S0.end)
    assert str(s).endswith(f"doc/{DOC_ID}#char={S0.start},{S0.end}")
    assert g.value(s, NIF.anchorOf) == Literal(TEXT[S0.start : S0.end])
    begin = g.value(s, NIF.beginIndex)
    assert isinstance(begin, Literal) and begin.datatype == XSD.integer


def test_actors_link_to_wikidata_and_nil_entities_stay_local() -> None:
    g = build_graph(sample_extraction())
    russia = entity_iri(RUSSIA.key)
    assert (russia, RDF.type, ACC.State) in g
    assert (russia, OWL.sameAs, WD.Q159) in g
    rouhani = entity_iri(ROUHANI.key)
    assert str(rouhani).endswith("/entity/nil-hassan-rouhani")
    assert (rouhani, RDF.type, ACC.Person) in g
    assert g.value(rouhani, OWL.sameAs) is None
    # the unlinked mention "sabotage" has no referent
    unlinked = [m for m in g.subjects(RDF.type, ACC.Mention) if g.value(m, ACC.refersTo) is None]
    assert len(unlinked) == 1


def test_relationship_with_evidence_and_provenance() -> None:
    x = sample_extraction()
    g = build_graph(x)
    rel = relationship_iri(x.relationships[0])
    assert (rel, RDF.type, ACC.IntelligenceSharing) in g
    assert set(g.objects(rel, ACC.member)) == {entity_iri("Q159"), entity_iri("Q794")}
    ev = g.value(rel, ACC.hasEvidence)
    assert ev is not None
    assert g.value(ev, ACC.sentence) == sentence_iri(DOC_ID, S0.start, S0.end)
    assert g.value(ev, ACC.modality) == ACC.Asserted
    assert g.value(ev, ACC.validFrom) == Literal(date(2015, 1, 1), datatype=XSD.date)
    assert g.value(ev, ACC.validFromPrecision) == ACC.YearPrecision
    activity = g.value(ev, PROV.wasGeneratedBy)
    assert g.value(activity, ACC.softwareVersion) == Literal("0.1.0")


def test_relationship_iri_ignores_member_order_and_document() -> None:
    x = sample_extraction()
    rel = x.relationships[0]
    swapped = replace(rel, members=(IRAN, RUSSIA))
    assert relationship_iri(rel) == relationship_iri(swapped)
    evidence = Evidence(S0, Modality.ASSERTED, rel.evidence.observed)
    other_type = Relationship(RelationType.ALLIANCE, (RUSSIA, IRAN), evidence)
    assert relationship_iri(other_type) != relationship_iri(rel)


def test_meeting_and_claim() -> None:
    g = build_graph(sample_extraction())
    talks = next(iter(g.subjects(RDF.type, ACC.Talks)))
    assert g.value(talks, ACC.status) == ACC.Held
    assert g.value(talks, ACC.place) == entity_iri("Q3616")
    assert (entity_iri("Q3616"), RDF.type, ACC.Place) in g
    claim = next(iter(g.subjects(RDF.type, ACC.Claim)))
    assert (claim, RDF.type, ACC.Accusation) in g
    assert g.value(claim, ACC.claimant) == entity_iri("Q794")
    assert g.value(claim, ACC.statedOn) == Literal(date(2018, 9, 8), datatype=XSD.date)


def test_claim_without_date_says_date_unknown() -> None:
    x = sample_extraction()
    x = replace(x, claims=(replace(x.claims[0], stated=None),))
    g = build_graph(x)
    claim = next(iter(g.subjects(RDF.type, ACC.Claim)))
    assert g.value(claim, ACC.dateUnknown) == Literal(True)
    assert g.value(claim, ACC.statedOn) is None


def test_output_is_deterministic_byte_for_byte() -> None:
    first = canonical_nquads(build_graph(sample_extraction()), graph_iri(DOC_ID))
    second = canonical_nquads(build_graph(sample_extraction()), graph_iri(DOC_ID))
    assert first == second
    lines = first.splitlines()
    assert lines == sorted(lines)
    assert all(line.endswith(f"<{graph_iri(DOC_ID)}> .") for line in lines)


def _years(g: Graph, node: URIRef, prop: URIRef) -> set[int]:
    return {int(o.toPython()) for o in g.objects(node, prop)}


def test_relationship_carries_its_evidence_years_and_reported_start_and_end() -> None:
    x = sample_extraction()
    rel = x.relationships[0]
    g = build_graph(x)
    n = relationship_iri(rel)
    assert _years(g, n, ACC.evidenceYear) == {2018}  # the evidence observes 2018-09-08
    assert g.value(n, ACC.reportedFrom) == Literal(date(2015, 1, 1), datatype=XSD.date)
    assert g.value(n, ACC.reportedUntil) is None
    members = {str(m) for m in g.objects(n, ACC.member)}
    assert len(members) >= 2
    assert {str(k) for k in g.objects(n, ACC.memberYear)} == {f"{m} 2018" for m in members}
    assert {str(k) for k in g.objects(n, ACC.memberStart)} == members  # a start is stated
    spread = TimeSpan("2016/2019", Precision.YEAR, date(2016, 1, 1), date(2019, 12, 31))
    until = TimeSpan("2019", Precision.YEAR, date(2019, 1, 1), date(2019, 12, 31))
    ev = Evidence(S0, Modality.DENIED, spread, valid_until=until)  # any modality is indexed
    g = build_graph(replace(x, relationships=(replace(rel, evidence=ev),)))
    assert _years(g, n, ACC.evidenceYear) == {2016, 2017, 2018, 2019}
    assert len(set(g.objects(n, ACC.memberYear))) == 4 * len(members)
    assert g.value(n, ACC.reportedFrom) is None and g.value(n, ACC.memberStart) is None
    assert g.value(n, ACC.reportedUntil) == Literal(date(2019, 12, 31), datatype=XSD.date)


def test_meeting_carries_the_years_of_its_date_else_of_its_evidence() -> None:
    x = sample_extraction()
    g = build_graph(x)
    talks = next(iter(g.subjects(RDF.type, ACC.Talks)))
    assert _years(g, talks, ACC.dateYear) == {2018}
    decade = TimeSpan("201X", Precision.DECADE, date(2010, 1, 1), date(2019, 12, 31))
    undated = replace(
        x.meetings[0], date=None, evidence=replace(x.meetings[0].evidence, observed=decade)
    )
    g = build_graph(replace(x, meetings=(undated,)))
    talks = next(iter(g.subjects(RDF.type, ACC.Talks)))
    assert _years(g, talks, ACC.dateYear) == set(range(2010, 2020))
