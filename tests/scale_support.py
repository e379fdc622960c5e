"""Shared by the scale tests: the single-process reference graph of the seeds, worker PIDs."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from accords.analyse import Analyzer
from accords.ingest import ingest_paths
from accords.parallel.canonical import canonical_nquads
from accords.store import OxigraphStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def reference_nquads() -> bytes:
    """The seeds ingested by one process, the existing way, as canonical N-Quads."""
    store = OxigraphStore(None)
    summary = ingest_paths([SEEDS], store, Analyzer())
    assert summary.count("stored") == 5, [r.reason for r in summary.results]
    return canonical_nquads(store)


def graph_lines(nquads: bytes, doc_id: str) -> set[bytes]:
    """The lines of one document's graph."""
    suffix = f"<https://w3id.org/accords/graph/{doc_id}> .".encode()
    return {line for line in nquads.splitlines() if line.endswith(suffix)}


def processes(marker: str, parent: int | None = None) -> list[int]:
    """PIDs of live processes whose command line contains ``marker`` (children of ``parent``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state = stat.rsplit(")", 1)[1].split()
        if state[0] == "Z" or marker not in cmdline:
            continue
        if parent is None or int(state[1]) == parent:
            found.append(int(entry.name))
    return sorted(found)
