"""The ingest writer thread: order, failures, and a store write that fails mid-stream."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from accords.analyse import Analyzer
from accords.errors import StoreError
from accords.ingest import ingest_paths
from accords.store import OxigraphStore
from accords.writer import OrderedWriter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_results_come_in_submission_order_from_one_other_thread() -> None:
    reported: list[int] = []
    threads: set[int] = set()

    def job(n: int) -> int:
        threads.add(threading.get_ident())
        time.sleep(0.001 * (n % 3))  # uneven work must not reorder anything
        return n

    with OrderedWriter(reported.append, depth=4) as writer:
        for n in range(40):
            writer.submit(lambda n=n: job(n))
    assert reported == list(range(40))
    assert threads and threading.get_ident() not in threads


def test_a_failing_job_stops_the_writer_and_is_raised_in_the_caller() -> None:
    reported: list[int] = []

    def fail() -> int:
        raise OSError("disk full")

    writer: OrderedWriter[int] = OrderedWriter(reported.append, depth=2)
    writer.submit(lambda: 1)
    writer.submit(fail)
    with pytest.raises(OSError, match="disk full"):
        for n in range(2, 50):  # a later submit (or close) reports it; it never hangs
            writer.submit(lambda n=n: n)
        writer.close()
    writer.close()  # already stopped: nothing more to raise
    assert reported == [1]  # nothing after the failure was run


def test_leaving_the_block_on_an_error_finishes_what_was_accepted() -> None:
    reported: list[int] = []
    with pytest.raises(KeyError), OrderedWriter(reported.append) as writer:
        for n in range(5):
            writer.submit(lambda n=n: n)
        raise KeyError("the caller failed")
    assert reported == [0, 1, 2, 3, 4]


class _FailingOnThird(OxigraphStore):
    """A store on disk whose third document write fails with an engine error."""

    writes = 0

    def write_document(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.writes += 1
        if self.writes == 3:
            raise RuntimeError("the engine failed")
        return super().write_document(*args, **kwargs)


def test_an_engine_error_in_a_write_reaches_the_caller_and_stops_the_batch(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    store = _FailingOnThird(tmp_path / "store")
    with pytest.raises(RuntimeError, match="the engine failed"):
        ingest_paths([SEEDS], store, analyzer)
    stored = store.document_ids()
    store.close()
    assert len(stored) == 2  # the two before it, whole; nothing after it


class _RefusingStore(OxigraphStore):
    """A store that refuses one document with a StoreError (reported, the rest goes on)."""

    def write_document(self, doc_id, key, graph, activity=None):  # type: ignore[no-untyped-def]
        if key.startswith("002"):
            raise StoreError(f"could not write document {doc_id}: refused")
        return super().write_document(doc_id, key, graph, activity=activity)


def test_a_store_error_skips_that_document_only(tmp_path: Path, analyzer: Analyzer) -> None:
    store = _RefusingStore(tmp_path / "store")
    seen: list[str] = []
    summary = ingest_paths([SEEDS], store, analyzer, on_result=lambda r: seen.append(r.status))
    store.close()
    assert [r.status for r in summary.results] == seen  # reported as they happen, in order
    assert summary.count("stored") == 4
    (skipped,) = summary.problems
    assert skipped.status == "skipped" and "refused" in skipped.reason
    assert Path(skipped.source).name.startswith("002")
