"""Every named query on a synthetic store of realistic size (100k facts).

No timing thresholds here except a generous guard against pathological blow-ups: each
query runs in the API's own worker pool with a deadline of many seconds (the fast path
takes well under one); a query that turns quadratic (a hash join of a page with the whole
store, rows multiplied by repeated entity triples) passes it, its worker is killed, and
the test fails naming the query.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from accords.api.runner import ProcessRunner, QueryTimeout
from accords.api.worker import Job
from accords.queries import bind, load_named_queries
from accords.synthetic import load_synthetic, state_qid

FACTS = 100_000
DEADLINE_S = 90.0

CASES: list[tuple[str, dict[str, str], int]] = [
    ("alliances_in_year", {"year": "2018"}, 50),
    ("alliances_in_year", {"year": "1995", "member": state_qid(7)}, 20),
    ("relationships_in_period", {"from": "2018-01-01", "to": "2018-12-31"}, 50),
    ("relationships_in_period", {"from": "2018-05-01", "to": "2018-05-01", "type": "Rivalry"}, 50),
    ("relationships_in_period", {"from": "2010-01-01", "to": "9999-12-31"}, 50),
    ("relationships_in_period", {"from": "2016-01-01", "to": "2016-12-31", "member": "Q1003"}, 20),
    ("meetings_in_period", {"from": "2018-01-01", "to": "2018-12-31"}, 50),
    ("meetings_in_period", {"from": "2018-01-01", "to": "2018-12-31", "participant": "Q1003"}, 20),
    ("claims", {}, 500),
    ("claims", {"by": "Q1003"}, 10),
    ("claims", {"about": "State 1", "from": "2015-01-01"}, 10),
    ("claims_by_actor", {"actor": "Q1003"}, 10),
    ("entity", {"id": state_qid(50)}, 500),
    ("entity", {"id": state_qid(0)}, 50),
    ("document", {"id": f"{7:016x}"}, 1000),
]


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "store"
    store = ox.Store(str(path))
    load_synthetic(store, FACTS)
    del store
    return path


def test_the_cases_cover_every_named_query() -> None:
    assert {name for name, _, _ in CASES} == set(load_named_queries())


@pytest.mark.parametrize(("name", "values", "limit"), CASES, ids=lambda c: str(c))
def test_named_query_answers_on_100k_facts(
    synthetic_store: Path, name: str, values: dict[str, str], limit: int
) -> None:
    sparql = bind(load_named_queries()[name], values, limit=limit)
    job = Job(sparql, None, None, "json", "turtle", 10_000)

    async def run() -> bytes:
        runner = ProcessRunner(synthetic_store, 1)
        try:
            answer = await runner.run(job, DEADLINE_S)
        finally:
            runner.close()
        assert answer.kind == "solutions", answer.body[:500]
        return answer.body

    try:
        body = asyncio.run(run())
    except QueryTimeout:
        pytest.fail(f"{name} {values} passed the {DEADLINE_S:g} s guard on {FACTS} facts")
    rows = json.loads(body)["results"]["bindings"]
    assert rows, (name, values)
    assert all(r["sentenceText"]["value"] for r in rows)
