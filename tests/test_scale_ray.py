"""`--engine ray`: Ray Data actors extract, the driver writes; same graph as one process."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray
from scale_support import SEEDS, processes, reference_nquads
from typer.testing import CliRunner

from accords.cli import app
from accords.ingest import DocumentResult
from accords.parallel.canonical import canonical_nquads
from accords.parallel.ray_engine import ingest_ray, list_shards
from accords.store import OxigraphStore, open_store


@pytest.fixture(scope="module", autouse=True)
def ray_session() -> Iterator[None]:
    """One local Ray session for the module (its start-up costs seconds)."""
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_shards_are_listed_in_reading_order(tmp_path: Path) -> None:
    shards, missing = list_shards([SEEDS, tmp_path / "nope"])
    assert [Path(s).name for s in shards] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [m.source for m in missing] == [str(tmp_path / "nope")]


def test_cli_ray_engine_equals_one_process(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    result = CliRunner().invoke(
        app, ["ingest", str(SEEDS), "--store", location, "--engine", "ray", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "stored: 5" in result.output
    store = open_store(location)
    assert canonical_nquads(store) == reference_nquads()
    store.close()


def test_killed_actor_is_restarted_and_no_document_lost(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    killed: list[int] = []

    def kill_an_actor(result: DocumentResult) -> None:
        if not killed:
            actors = processes("_Extractor")
            assert actors, "no Ray actor process found"
            os.kill(actors[0], signal.SIGKILL)
            killed.append(actors[0])

    summary = ingest_ray([SEEDS], store, actors=2, batch_size=1, on_result=kill_an_actor)
    assert killed
    assert [r.status for r in summary.results] == ["stored"] * 5
    assert canonical_nquads(store) == reference_nquads()
