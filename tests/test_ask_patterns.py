"""Questions mapped onto the named queries (accords.ask), and answered from the seeds graph."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_support import serve
from typer.testing import CliRunner

from accords.ask import NotUnderstood, Plan, ask_store, plan, sparql_for, split_period
from accords.cli import app
from accords.store import OxigraphStore

GRU = "enwiki-GRU_(Russian_Federation)"


def understood(question: str) -> Plan:
    result = plan(question)
    assert isinstance(result, Plan), result
    return result


@pytest.mark.parametrize(
    ("question", "query", "params", "involving"),
    [
        ("which alliances existed in 2018", "alliances_in_year", {"year": "2018"}, ()),
        ("Which alliances existed in 2018?", "alliances_in_year", {"year": "2018"}, ()),
        ("alliances of Iran in 2015", "alliances_in_year", {"year": "2015", "member": "Q794"}, ()),
        (
            "who was Russia allied with in 2015",
            "alliances_in_year",
            {"year": "2015", "member": "Q159"},
            (),
        ),
        (
            "meetings between Turkey and Syria in 2020",
            "meetings_in_period",
            {"from": "2020-01-01", "to": "2020-12-31", "participant": "Q43"},
            ("Q858",),
        ),
        (
            "when did Erdogan meet Putin",
            "meetings_in_period",
            {"from": "0001-01-01", "to": "9999-12-31", "participant": "Q39259"},
            ("Q7747",),
        ),
        ("what did Putin claim about the GRU", "claims", {"by": "Q7747", "about": GRU}, ()),
        (
            "claims about Syria since 2018",
            "claims",
            {"about": "Q858", "from": "2018-01-01", "to": "9999-12-31"},
            (),
        ),
        ("everything about Iran", "entity", {"id": "Q794"}, ()),
        ("Tell me about the Mossad", "entity", {"id": "enwiki-Mossad"}, ()),
        (
            "relationships of Russia between 2015 and 2022",
            "relationships_in_period",
            {"from": "2015-01-01", "to": "2022-12-31", "member": "Q159"},
            (),
        ),
        (
            "intelligence sharing between Iraq and Russia from 2014 to 2016",
            "relationships_in_period",
            {
                "from": "2014-01-01",
                "to": "2016-12-31",
                "type": "IntelligenceSharing",
                "member": "Q796",
            },
            ("Q159",),
        ),
        (
            "rivalries",
            "relationships_in_period",
            {"from": "0001-01-01", "to": "9999-12-31", "type": "Rivalry"},
            (),
        ),
    ],
)
def test_questions_map_onto_named_queries(
    question: str, query: str, params: dict[str, str], involving: tuple[str, ...]
) -> None:
    p = understood(question)
    assert (p.query, p.params, p.involving) == (query, params, involving)
    sparql_for(p)  # the parameters are valid for the named query


def test_claim_words_keep_their_type() -> None:
    assert understood("what did Russia deny").claim_types == ("Denial",)
    assert understood("accusations against the GRU").claim_types == ("Accusation",)
    assert understood("what did Putin say").claim_types == ()


@pytest.mark.parametrize(
    "question",
    ["what is the best pizza in Naples", "", "   ", "why", "alliances alliances", "2018"],
)
def test_questions_outside_the_patterns_are_not_understood(question: str) -> None:
    result = plan(question)
    assert isinstance(result, NotUnderstood)
    assert result.reason


def test_unknown_actor_is_not_guessed() -> None:
    result = plan("meetings of Atlantis in 2020")
    assert isinstance(result, NotUnderstood)
    assert "Atlantis" in result.reason


def test_a_timeline_question_with_a_period_is_refused_plainly() -> None:
    assert isinstance(plan("everything about Iran in 2018"), NotUnderstood)


def test_periods() -> None:
    assert split_period("relationships of Russia between 2015 and 2022")[1] is not None
    rest, period = split_period("meetings in 2020")
    assert (
        rest == "meetings"
        and period is not None
        and (period.start, period.end)
        == (
            "2020-01-01",
            "2020-12-31",
        )
    )
    assert split_period("between 2022 and 2015")[1] is None  # backwards: not a period
    rest, period = split_period("meetings before 2016")
    assert period is not None and period.end == "2015-12-31"


@pytest.fixture(scope="module")
def seeds(seeds_store_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(seeds_store_path, read_only=True)
    yield store
    store.close()


def test_answers_from_the_seeds_carry_evidence(seeds: OxigraphStore) -> None:
    ans = ask_store("which alliances existed in 2018", seeds)
    assert ans.understood and ans.query == "alliances_in_year" and ans.sparql
    trio = [f for f in ans.facts if sorted(f.actor_keys) == ["Q159", "Q43", "Q794"]]
    assert len(trio) == 1 and trio[0].type == "DiplomaticCoordination"
    assert all(f.evidence and f.evidence[0].text and f.evidence[0].document_id for f in ans.facts)


def test_pair_questions_keep_only_facts_with_both(seeds: OxigraphStore) -> None:
    ans = ask_store("meetings between Turkey and Syria in 2020", seeds)
    assert [f.date for f in ans.facts] == ["2020-01-13"]
    assert {"Q43", "Q858"} <= set(ans.facts[0].actor_keys)
    assert ans.facts[0].detail == "Moscow"


def test_denials_are_answered_as_denials(seeds: OxigraphStore) -> None:
    ans = ask_store("what did Russia deny", seeds)
    assert ans.facts and all(f.type == "Denial" for f in ans.facts)


def test_not_understood_has_no_rows(seeds: OxigraphStore) -> None:
    ans = ask_store("what is the best pizza in Naples", seeds)
    assert not ans.understood and ans.facts == [] and ans.sparql is None


def test_get_ask_route(seeds: OxigraphStore) -> None:
    with serve(seeds) as url:
        good = httpx.get(url + "/ask", params={"q": "everything about Iran"}, timeout=30)
        bad = httpx.get(url + "/ask", params={"q": "sing me a song"}, timeout=30)
        empty = httpx.get(url + "/ask", params={"q": ""}, timeout=30)
    assert good.status_code == 200 and good.json()["understood"] is True
    assert good.json()["query"] == "entity" and good.json()["facts"]
    assert bad.status_code == 200 and bad.json()["understood"] is False
    assert bad.json()["facts"] == []
    assert empty.status_code == 422


def test_ask_command(seeds_store_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(
        app, ["ask", "which alliances existed in 2018", "--store", str(seeds_store_path), "--json"]
    )
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["understood"] is True
    no = runner.invoke(app, ["ask", "sing me a song", "--store", str(seeds_store_path)])
    assert no.exit_code == 1 and "did not understand" in no.output
