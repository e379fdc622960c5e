"""Large answers cross the worker boundary intact under uvicorn's fastest event loop."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_support import build_store, serve

from accords.store import OxigraphStore

CROSS = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 4000"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store: OxigraphStore = build_store(Path(tmp_path_factory.mktemp("large")) / "store")
    with serve(store) as url:
        yield url
    store.close()


def test_uvicorn_picks_httptools_and_uvloop_is_installed() -> None:
    import uvicorn
    import uvloop

    async def app(scope: object, receive: object, send: object) -> None:
        return None

    config = uvicorn.Config(app, loop="auto", http="auto")
    config.load()
    assert config.http_protocol_class.__module__.endswith("httptools_impl")
    assert uvloop.new_event_loop() is not None


def test_megabyte_answers_arrive_whole_again_and_again(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for _ in range(5):
            r = client.get(
                "/sparql",
                params={"query": CROSS},
                headers={"Accept": "application/sparql-results+json"},
            )
            assert r.status_code == 200, r.text[:300]
            assert len(r.content) > 500_000
            assert len(json.loads(r.content)["results"]["bindings"]) == 4000
