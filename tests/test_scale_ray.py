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


def test_an_actor_passes_stored_documents_on_without_analysing_them() -> None:
    """Re-ingesting an archive through Ray must not extract what the store already has."""
    import pickle

    from accords.documents import iter_documents
    from accords.parallel.ray_engine import _Extractor
    from accords.records import Document

    docs = [d for d in iter_documents([SEEDS]) if isinstance(d, Document)][:2]
    actor = _Extractor(None, frozenset({docs[0].id}))
    calls: list[str] = []
    analyse = actor.analyzer.analyse
    actor.analyzer.analyse = lambda d: calls.append(d.id) or analyse(d)  # type: ignore[method-assign]
    out = actor({"shard": ["a", "b"], "item": [pickle.dumps(d) for d in docs]})
    first, second = (pickle.loads(p) for p in out["prepared"])
    assert (first.status, first.doc_id) == ("unchanged", docs[0].id)
    assert (second.status, second.doc_id) == ("ready", docs[1].id)
    assert calls == [docs[1].id]  # only the new document was analysed


def test_ray_reingest_reports_every_document_unchanged(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    first = ingest_ray([SEEDS], store, actors=1)
    quads = store.stats().quads
    again = ingest_ray([SEEDS], store, actors=1)
    assert first.count("stored") == 5
    assert again.count("unchanged") == 5 and store.stats().quads == quads
