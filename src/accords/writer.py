"""One background writer thread that stores documents in the order they are handed over.

While the caller's thread runs spaCy and the extractors on the next documents,
this thread commits the previous ones. The embedded store's ``extend`` releases
the GIL while RocksDB works (and a remote store waits on the network), so the
two overlap on separate cores. Each job is one whole document; the queue is
bounded, so memory stays flat however long the input is.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

Result = TypeVar("Result")
log = logging.getLogger(__name__)


class OrderedWriter(Generic[Result]):
    """Runs jobs on one thread in submission order and reports each result in that order.

    An exception raised by a job stops the writer: later jobs are dropped, and the
    exception is raised again in the caller's thread by every later :meth:`submit` and
    by the first :meth:`close`. Leaving the ``with`` block waits until every accepted
    job is done.
    """

    def __init__(self, report: Callable[[Result], None], depth: int = 32) -> None:
        self._report = report
        self._jobs: queue.Queue[Callable[[], Result] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._raised = False
        self._thread = threading.Thread(target=self._run, name="accords-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Result]) -> None:
        """Queue the work that produces one result (blocks while the queue is full)."""
        if self._error is not None:
            self._raised = True
            raise self._error
        self._jobs.put(job)

    def close(self) -> None:
        """Wait for the queued jobs, stop the thread, raise a job's exception if one failed."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
        if self._error is not None and not self._raised:
            self._raised = True
            raise self._error

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is not None:
                continue  # drain: the caller learns of the failure on its next call
            try:
                self._report(job())
            except BaseException as exc:  # handed to the caller's thread, not lost
                self._error = exc

    def __enter__(self) -> OrderedWriter[Result]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
            return
        try:  # the caller failed: finish what was accepted, keep the caller's exception
            self.close()
        except BaseException as failure:
            log.error("the writer failed too: %s", failure)
