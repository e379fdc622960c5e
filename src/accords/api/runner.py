"""Run queries under a deadline that really stops the work.

pyoxigraph cannot cancel a query, so for the embedded on-disk store each query runs
in a pool of worker processes (each with a read-only view of the store). When a query
passes its deadline its worker is killed (SIGKILL) and replaced in the background:
the core is freed at once and the other workers keep serving. Stores without a local
path (in memory, or a remote store that enforces its own deadline) run inline in a
thread, where the deadline bounds the wait but cannot stop the engine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from accords.api.worker import Answer, Job, execute
from accords.store import Store


class QueryTimeout(Exception):
    """The query passed its deadline and was stopped."""


class _Worker:
    """``python -m accords.api.worker FD PATH``: a fresh interpreter, no re-import of main."""

    def __init__(self, store_path: str) -> None:
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "accords.api.worker", str(child.fileno()), store_path],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.conn.close()


class Runner:
    """Runs :class:`Job` s; subclasses decide where."""

    generation = 0

    async def run(self, job: Job, timeout: float) -> Answer:
        raise NotImplementedError

    def refresh(self) -> None:
        """The store changed: later queries must see the new data."""
        self.generation += 1

    def close(self) -> None:
        """Stop any workers."""


class InlineRunner(Runner):
    """Runs in a thread through the Store protocol (memory or remote stores)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _query(
        self, sparql: str, default: Sequence[str] | None, named: Sequence[str] | None
    ) -> object:
        return self.store.query(sparql, default_graphs=default, named_graphs=named)

    async def run(self, job: Job, timeout: float) -> Answer:
        try:
            return await asyncio.wait_for(asyncio.to_thread(execute, self._query, job), timeout)
        except TimeoutError:
            raise QueryTimeout(f"the query passed its {timeout:g} s deadline") from None


class ProcessRunner(Runner):
    """A pool of worker processes over the on-disk store at ``store_path``."""

    def __init__(self, store_path: str | Path, size: int = 2) -> None:
        self.store_path = str(store_path)
        self.size = max(1, size)
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._closed = False

    async def _ensure(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            workers = await asyncio.gather(
                *(asyncio.to_thread(self._spawn) for _ in range(self.size))
            )
            for w in workers:
                self._idle.put_nowait(w)
        return self._idle

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_path)
        self._all.add(worker)
        return worker

    async def _replace(self, dead: _Worker) -> None:
        self._all.discard(dead)
        await asyncio.to_thread(dead.kill)
        if self._closed:
            return
        fresh = await asyncio.to_thread(self._spawn)
        idle = await self._ensure()
        idle.put_nowait(fresh)

    async def _wait_readable(self, conn: Connection, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def on_ready() -> None:
            if not ready.done():
                ready.set_result(None)

        fd = conn.fileno()
        loop.add_reader(fd, on_ready)
        try:
            await asyncio.wait_for(ready, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            loop.remove_reader(fd)
            os.set_blocking(fd, True)  # uvloop leaves the fd non-blocking; recv needs blocking

    async def run(self, job: Job, timeout: float) -> Answer:
        idle = await self._ensure()
        worker = await idle.get()
        job = Job(**{**job.__dict__, "generation": self.generation})
        try:
            worker.conn.send(job)
            if not await self._wait_readable(worker.conn, timeout):
                raise QueryTimeout(f"the query passed its {timeout:g} s deadline and was stopped")
            answer: Answer = worker.conn.recv()
        except QueryTimeout:
            _background(self._replace(worker))
            raise
        except (EOFError, OSError) as exc:
            _background(self._replace(worker))
            return Answer("error", f"the query worker failed: {exc}".encode())
        except BaseException:
            _background(self._replace(worker))  # cancelled mid-query: the worker is busy
            raise
        idle.put_nowait(worker)
        return answer

    def close(self) -> None:
        self._closed = True
        for w in list(self._all):
            w.kill()
        self._all.clear()


_TASKS: set[asyncio.Task[None]] = set()


def _background(coro: object) -> None:
    task = asyncio.ensure_future(coro)  # type: ignore[call-overload]
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


def make_runner(store: Store, workers: int = 2) -> Runner:
    """A process pool for an on-disk store, inline execution otherwise."""
    path = getattr(store, "path", None)
    if isinstance(path, Path) and getattr(store, "engine", None) is not None:
        return ProcessRunner(path, workers)
    return InlineRunner(store)
