"""`--workers N`: a process pool extracts, one writer stores; same graph as one process."""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from oxigraph_server import oxigraph_server
from scale_support import SEEDS, graph_lines, processes, reference_nquads
from typer.testing import CliRunner

from accords.cli import app
from accords.ingest import DocumentResult
from accords.parallel.canonical import canonical_nquads
from accords.parallel.pool import ingest_paths_pool
from accords.store import OxigraphStore, graph_iri, open_store


def test_cli_workers_into_oxigraph_server_equals_one_process(tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "server") as url:
        result = CliRunner().invoke(
            app, ["ingest", str(SEEDS), "--store", url, "--workers", "2", "--batch-size", "2"]
        )
        assert result.exit_code == 0, result.output
        assert "stored: 5" in result.output
        store = open_store(url)
        assert canonical_nquads(store) == reference_nquads()
        store.close()


def _kill_a_worker_after_first(killed: list[int]) -> Callable[[DocumentResult], None]:
    def on_result(result: DocumentResult) -> None:
        if not killed:
            workers = processes("spawn_main", parent=os.getpid())
            assert workers, "no pool worker process found"
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    return on_result


def test_killed_worker_is_replaced_and_no_document_lost(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = OxigraphStore(tmp_path / "store")
    killed: list[int] = []
    with caplog.at_level(logging.WARNING, logger="accords.parallel.pool"):
        summary = ingest_paths_pool(
            [SEEDS],
            store,
            workers=2,
            batch_size=1,
            on_result=_kill_a_worker_after_first(killed),
        )
    assert killed and "a worker process died" in caplog.text
    assert [r.status for r in summary.results] == ["stored"] * 5
    assert canonical_nquads(store) == reference_nquads()


def test_given_up_documents_are_named_and_absent_then_retried(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    killed: list[int] = []
    summary = ingest_paths_pool(
        [SEEDS],
        store,
        workers=2,
        batch_size=1,
        max_attempts=1,
        on_result=_kill_a_worker_after_first(killed),
    )
    assert killed
    statuses = {r.doc_id: r.status for r in summary.results}
    assert sorted(statuses.values()).count("skipped") >= 1
    assert set(statuses.values()) <= {"stored", "skipped"} and len(statuses) == 5
    reference = reference_nquads()
    stored = canonical_nquads(store)
    for result in summary.results:
        assert result.doc_id is not None
        if result.status == "skipped":
            assert "ingest it again to retry" in result.reason
            assert not store.has_document(result.doc_id)
            assert len(store.export_graph(graph_iri(result.doc_id))) == 0
        else:  # complete, never half-written
            assert graph_lines(stored, result.doc_id) == graph_lines(reference, result.doc_id)
    again = ingest_paths_pool([SEEDS], store, workers=2, batch_size=1)
    assert {r.status for r in again.results} <= {"stored", "unchanged"}
    assert canonical_nquads(store) == reference
