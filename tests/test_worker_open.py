"""A query worker's read-only view survives the writer's compaction removing files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from accords import readonly
from accords.api.worker import Job, _Engine, answer_job

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count_job(generation: int) -> Job:
    return Job(COUNT, None, None, "csv", "ntriples", 10, generation)


def flaky_opener(failures: int) -> tuple[list[int], object]:
    calls: list[int] = []

    def open_store(path: str) -> ox.Store:
        calls.append(1)
        if len(calls) <= failures:
            raise RuntimeError("Corruption: IO error: No such file or directory: 000016.sst")
        return ox.Store.read_only(path)

    return calls, open_store


def small_store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.add(
        ox.Quad(
            ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode("urn:g")
        )
    )
    store.flush()
    del store
    return path


def test_open_is_retried_when_a_table_file_vanished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readonly, "OPEN_PAUSE_S", 0.0)
    calls, opener = flaky_opener(failures=3)
    engine = _Engine(str(small_store(tmp_path / "s")), opener)  # type: ignore[arg-type]
    answer = answer_job(engine, count_job(1))
    assert answer.kind == "solutions"
    assert answer.body.decode().split() == ["n", "1"]
    assert len(calls) == 4


def test_a_store_that_never_opens_gives_an_error_answer_not_a_dead_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readonly, "OPEN_PAUSE_S", 0.0)
    calls, opener = flaky_opener(failures=10_000)
    engine = _Engine(str(small_store(tmp_path / "s")), opener)  # type: ignore[arg-type]
    answer = answer_job(engine, count_job(1))
    assert answer.kind == "error"
    assert answer.body.startswith(b"cannot open the store:")
    assert b"No such file" in answer.body
    assert len(calls) == readonly.OPEN_ATTEMPTS
    # the next job tries again rather than reusing a half-open view
    assert answer_job(engine, count_job(1)).kind == "error"
    assert len(calls) == 2 * readonly.OPEN_ATTEMPTS


def test_views_opened_while_the_writer_flushes_all_answer(tmp_path: Path) -> None:
    """A real primary flushing (and compacting) while views are opened again and again."""
    path = tmp_path / "store"
    primary = ox.Store(str(path))
    stop = threading.Event()

    def write() -> None:
        i = 0
        # bounded: on a loaded machine an unbounded writer piled up thousands of sorted
        # files, and every read-only open of them took memory (one CI-like run was killed)
        while not stop.is_set() and i < 300:
            graph = ox.NamedNode(f"urn:g{i % 50}")
            primary.extend(
                ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(j)), graph)
                for j in range(200)
            )
            primary.flush()
            i += 1
            time.sleep(0.005)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        engine = _Engine(str(path))
        answers = [answer_job(engine, count_job(generation)) for generation in range(60)]
    finally:
        stop.set()
        writer.join()
    failed = [a.body[:200] for a in answers if a.kind != "solutions"]
    assert failed == []
    counts = [int(a.body.decode().split()[1]) for a in answers]
    assert counts == sorted(counts) and counts[-1] > counts[0]
