"""The shipped gazetteer: keys, dated office holders, background graph."""

from __future__ import annotations

from datetime import date

from rdflib import RDF, Namespace

from accords.linking import background_graph, load_gazetteer
from accords.linking.tables import STATE_COLUMNS, read_table
from accords.records import ActorKind
from accords.resources import resource_dir

ACC = Namespace("https://w3id.org/accords/ontology#")


def qid_of(label: str) -> str:
    """A state's QID as the shipped data gives it (never typed in from memory)."""
    rows = read_table(resource_dir("gazetteer") / "states.tsv", STATE_COLUMNS)
    return next(r["qid"] for r in rows if r["label"] == label)


def person(name: str) -> str:
    names = [n for n in load_gazetteer().lookup(name) if n.form in ("name", "alias")]
    assert len({n.key for n in names}) == 1, names
    return names[0].key


def test_entities_by_key() -> None:
    g = load_gazetteer()
    russia = g.entity(qid_of("Russia"))
    assert russia is not None and russia.kind is ActorKind.STATE and russia.label == "Russia"
    gru = g.entity("enwiki-GRU_(Russian_Federation)")
    assert gru is not None and gru.kind is ActorKind.INTELLIGENCE_SERVICE
    assert gru.qid is None and gru.country_qid == qid_of("Russia")
    moscow = g.entity("place-Moscow")
    assert moscow is not None and moscow.kind is None and moscow.country_qid == qid_of("Russia")
    assert g.entity("Q0") is None


def test_iranian_president_depends_on_the_date() -> None:
    g = load_gazetteer()
    iran = qid_of("Iran")
    in_2018 = g.office_holder(iran, "president", date(2018, 9, 7))
    in_2022 = g.office_holder(iran, "president", date(2022, 6, 1))
    assert in_2018 is not None and in_2018.key == person("Hassan Rouhani")
    assert in_2022 is not None and in_2022.key == person("Ebrahim Raisi")


def test_office_holder_is_none_when_the_sources_do_not_know() -> None:
    g = load_gazetteer()
    uk = qid_of("United Kingdom")
    assert g.office_holder(uk, "prime_minister", date(2018, 9, 7)).label == "Theresa May"  # type: ignore[union-attr]
    # Johnson's end and Truss's start are known only to the year: 2022 is ambiguous.
    assert g.office_holder(uk, "prime_minister", date(2022, 3, 1)) is None
    # Sunak is missing from the sources: an open term is not stretched past its last snapshot.
    assert g.office_holder(uk, "prime_minister", date(2023, 3, 1)) is None
    assert g.office_holder(qid_of("Türkiye"), "intelligence_chief", date(2018, 1, 1)) is None


def test_represents() -> None:
    g = load_gazetteer()
    putin = person("Vladimir Putin")
    state = g.represents(putin, date(2018, 9, 7))
    assert state is not None and state.key == qid_of("Russia")
    assert g.represents(person("Donald Trump"), date(2015, 9, 28)) is None


def test_background_graph_has_dated_office_holdings() -> None:
    g = load_gazetteer()
    graph = background_graph(g)
    holdings = set(graph.subjects(RDF.type, ACC.OfficeHolding))
    assert len(holdings) == len(g.offices)
    putin = person("Vladimir Putin")
    mine = [h for h in holdings if str(h).split("/office/")[1].startswith(putin + "/")]
    assert mine and all(graph.value(h, ACC.startDate) is not None for h in mine)
    assert str(graph.identifier).endswith("/graph/wikidata")
