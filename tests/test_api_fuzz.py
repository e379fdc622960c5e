"""Schema-driven fuzzing of the REST routes: no input makes the server fail (5xx)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from api_support import build_store
from hypothesis import HealthCheck, settings

from accords.api.app import create_app
from accords.config import Settings
from accords.store import OxigraphStore


def _memory_store() -> OxigraphStore:
    """The shared test data in an in-memory store.

    The ASGI transport may run requests on different event loops, so the fuzz run
    uses the inline runner; the worker pool is exercised over real HTTP elsewhere.
    """
    on_disk = build_store(Path(tempfile.mkdtemp(prefix="accords-fuzz-")) / "store")
    memory = OxigraphStore(None)
    memory.load_quads(on_disk.engine.quads_for_pattern(None, None, None))
    on_disk.close()
    return memory


APP = create_app(Settings(store=":memory:"), _memory_store())
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
