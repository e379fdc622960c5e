"""``accords ingest --workers N``: a process pool prepares, this process writes in input order.

Each worker process loads the spaCy pipeline and the gazetteer once, then
extracts, builds and validates whole batches of documents. The caller's
process is the single writer: it stores every document's graph in input order,
one transaction each. At most ``2 * workers`` batches are in flight, so memory
stays flat however long the input stream is.

A worker that dies (killed, out of memory) breaks the pool; a new pool is started
and every batch without a result is sent again. A batch that has been tried
``max_attempts`` times is given up: its documents are reported as ``skipped``
with a reason that says to retry them. Nothing of such a document is stored.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from accords.analyse import Analyzer
from accords.documents import iter_documents
from accords.errors import InputError
from accords.ingest import DocumentResult, IngestSummary
from accords.parallel.prepared import (
    PreparedDocument,
    ensure_background_graph,
    prepare_document,
    write_prepared,
)
from accords.records import Document
from accords.store import Store

Item = Document | InputError
log = logging.getLogger(__name__)

_analyzer: Analyzer | None = None


def _start_worker(model: str | None) -> None:
    global _analyzer
    _analyzer = Analyzer(model)


def _prepare_batch(batch: list[Item]) -> list[PreparedDocument]:
    assert _analyzer is not None, "worker not initialised"
    return [prepare_document(_analyzer, item) for item in batch]


@dataclass
class _Batch:
    """Documents sent together; ``known`` holds results decided without a worker."""

    items: list[Item]
    attempts: int = 0
    future: Future[list[PreparedDocument]] | None = None
    known: list[DocumentResult] | None = None


def _source(item: Item) -> str:
    return item.source if isinstance(item, InputError) else (item.source_path or item.key)


class _Pool:
    """A process pool that can be replaced when one of its processes dies."""

    def __init__(self, workers: int, model: str | None) -> None:
        self.workers, self.model = workers, model
        self.restarts = 0
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.model,),
        )

    def submit(self, batch: _Batch) -> None:
        batch.attempts += 1
        batch.future = self._executor.submit(_prepare_batch, batch.items)

    def restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self.restarts += 1
        self._executor = self._new()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _results(
    inputs: Iterable[Item], store: Store, pool: _Pool, batch_size: int, max_attempts: int
) -> Iterator[DocumentResult]:
    source = iter(inputs)
    pending: deque[_Batch] = deque()
    exhausted = False

    def fill() -> None:
        nonlocal exhausted
        items: list[Item] = []

        def flush() -> None:
            if items:
                batch = _Batch(list(items))
                pool.submit(batch)
                pending.append(batch)
                items.clear()

        while not exhausted and len(pending) < 2 * pool.workers + batch_size:
            item = next(source, None)
            if item is None:
                exhausted = True
            elif isinstance(item, Document) and store.has_document(item.id):
                flush()  # already stored: not extracted again, reported in its place
                known = [DocumentResult(_source(item), "unchanged", item.id)]
                pending.append(_Batch([item], known=known))
            else:
                items.append(item)
                if len(items) == batch_size:
                    flush()
        flush()

    fill()
    while pending:
        head = pending[0]
        if head.known is None:
            assert head.future is not None
            try:
                prepared = head.future.result()
            except BrokenProcessPool:
                _resubmit(pool, pending, max_attempts)
                continue
            head.known = [write_prepared(store, document) for document in prepared]
        pending.popleft()
        yield from head.known
        fill()


def _resubmit(pool: _Pool, pending: deque[_Batch], max_attempts: int) -> None:
    """After a worker died: a new pool, and every batch without a result sent again."""
    pool.restart()
    log.warning("a worker process died; started a new pool (restart %d)", pool.restarts)
    for batch in pending:
        if batch.known is not None or batch.future is None or _succeeded(batch.future):
            continue
        if batch.attempts < max_attempts:
            pool.submit(batch)
        else:
            batch.known = list(_given_up(batch))


def _succeeded(future: Future[list[PreparedDocument]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _given_up(batch: _Batch) -> Iterator[DocumentResult]:
    for item in batch.items:
        doc_id = item.id if isinstance(item, Document) else None
        yield DocumentResult(
            _source(item),
            "skipped",
            doc_id,
            reason=f"a worker process died {batch.attempts} times while preparing it; "
            "nothing of it was stored: ingest it again to retry",
        )


def ingest_pool(
    inputs: Iterable[Item],
    store: Store,
    *,
    workers: int,
    model: str | None = None,
    batch_size: int = 4,
    max_attempts: int = 3,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Ingest a stream of documents with ``workers`` processes; results in input order."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    ensure_background_graph(store)
    summary = IngestSummary()
    pool = _Pool(workers, model)
    try:
        for result in _results(inputs, store, pool, max(1, batch_size), max(1, max_attempts)):
            summary.results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        pool.close()
    return summary


def ingest_paths_pool(
    paths: Iterable[str | Path],
    store: Store,
    *,
    workers: int,
    model: str | None = None,
    batch_size: int = 4,
    max_attempts: int = 3,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """:func:`ingest_pool` over files and folders (see :func:`accords.documents.iter_documents`)."""
    return ingest_pool(
        iter_documents(paths),
        store,
        workers=workers,
        model=model,
        batch_size=batch_size,
        max_attempts=max_attempts,
        on_result=on_result,
    )
