"""Named queries: headers, typed binding, and answers on a small store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from api_support import COORDINATION, IRAN_RUSSIA, ISRAEL_TURKEY, build_store

from accords.errors import QueryError
from accords.queries import bind, load_named_queries, parse_named_query
from accords.store import OxigraphStore

REQUIRED = {
    "alliances_in_year",
    "relationships_in_period",
    "meetings_in_period",
    "claims_by_actor",
    "claims",
    "entity",
    "document",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    return build_store(tmp_path_factory.mktemp("q") / "store")


def rows(store: OxigraphStore, name: str, **values: str) -> list[dict[str, str]]:
    result = store.query(bind(load_named_queries()[name], values))
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def test_every_required_query_is_shipped_with_documented_parameters() -> None:
    queries = load_named_queries()
    assert set(queries) >= REQUIRED
    for q in queries.values():
        assert q.description, q.name
        for p in q.params:
            assert p.doc, (q.name, p.name)
    assert next((p.name, p.type, p.required) for p in queries["alliances_in_year"].params) == (
        "year",
        "integer",
        True,
    )


def test_every_row_carries_labels_and_the_source_sentence(store: OxigraphStore) -> None:
    for name, values in [
        ("alliances_in_year", {"year": "2018"}),
        ("relationships_in_period", {"from": "2016-01-01", "to": "2016-12-31"}),
        ("meetings_in_period", {"from": "2018-01-01", "to": "2018-12-31"}),
        ("claims_by_actor", {"actor": "Q794"}),
        ("claims", {}),
        ("entity", {"id": "Q794"}),
    ]:
        found = rows(store, name, **values)
        assert found, name
        for row in found:
            assert row["sentenceText"] and row["docId"], (name, row)


def test_alliances_in_2018_follow_the_temporal_rule(store: OxigraphStore) -> None:
    found = rows(store, "alliances_in_year", year="2018")
    by_rel = {r["relationship"] for r in found}
    assert by_rel == {
        IRAN_RUSSIA,
        COORDINATION,
    }  # the 2005-2010 alliance ended; denial never counts
    members = {r["memberQid"] for r in found if r["relationship"] == COORDINATION}
    assert members == {"Q159", "Q794", "Q43"}
    assert {r["basis"] for r in found} == {"stated"}


def test_open_ended_basis_and_an_ended_relationship(store: OxigraphStore) -> None:
    found = rows(store, "relationships_in_period", **{"from": "2016-01-01", "to": "2016-12-31"})
    assert {r["relationship"] for r in found} == {IRAN_RUSSIA}
    assert {r["basis"] for r in found} == {"open-ended"}
    old = rows(store, "relationships_in_period", **{"from": "2007-01-01", "to": "2007-12-31"})
    assert {r["relationship"] for r in old} == {ISRAEL_TURKEY}
    typed = rows(
        store,
        "relationships_in_period",
        **{"from": "2007-01-01", "to": "2007-12-31"},
        type="IntelligenceSharing",
    )
    assert typed == []


def test_actor_by_qid_key_or_name_and_entity_timeline(store: OxigraphStore) -> None:
    assert rows(store, "claims_by_actor", actor="iran") == rows(
        store, "claims_by_actor", actor="Q794"
    )
    assert rows(store, "claims_by_actor", actor="Israel") == []
    putin = rows(
        store,
        "meetings_in_period",
        **{"from": "2018-09-01", "to": "2018-09-30"},
        participant="vladimir putin",
    )
    assert {r["date"] for r in putin} == {"2018-09-07"}
    timeline = rows(store, "entity", id="Q794")
    assert {r["kind"] for r in timeline} == {"relationship", "claim"}
    dates = [r["date"] for r in timeline]
    assert dates == sorted(dates)


def test_bind_refuses_bad_parameters() -> None:
    q = load_named_queries()
    with pytest.raises(QueryError, match="missing required parameter 'year'"):
        bind(q["alliances_in_year"], {})
    with pytest.raises(QueryError, match="unknown parameter"):
        bind(q["alliances_in_year"], {"year": "2018", "yaer": "1"})
    with pytest.raises(QueryError, match="not an integer"):
        bind(q["alliances_in_year"], {"year": "2018 } ; DROP ALL"})
    with pytest.raises(QueryError, match="not a date"):
        bind(q["meetings_in_period"], {"from": "2018-02-30", "to": "2018-12-31"})
    with pytest.raises(QueryError, match="IRI"):
        bind(q["entity"], {"id": "http://x> } ; <y"})


def test_string_values_are_literals_not_sparql(store: OxigraphStore) -> None:
    nasty = 'Iran" ) } UNION { ?claim ?p ?o } #'
    text = bind(load_named_queries()["claims_by_actor"], {"actor": nasty})
    assert str(ox.Literal(nasty)) in text
    assert rows(store, "claims_by_actor", actor=nasty) == []


def test_paging_counts_facts(store: OxigraphStore) -> None:
    q = load_named_queries()["alliances_in_year"]
    first = store.query(bind(q, {"year": "2018"}, limit=1))
    second = store.query(bind(q, {"year": "2018"}, limit=1, offset=1))
    assert isinstance(first, ox.QuerySolutions) and isinstance(second, ox.QuerySolutions)
    a = {r["relationship"].value for r in first}
    b = {r["relationship"].value for r in second}
    assert len(a) == 1 and len(b) == 1 and a != b


def test_a_malformed_header_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"broken\.rq"):
        parse_named_query("broken", "# @param year int4 required -- x\nSELECT * {}", "broken.rq")
