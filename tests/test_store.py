"""The embedded store: atomic replacement, idempotence, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import rdflib

from accords.store import GRAPH_BASE, OxigraphStore, open_store

ACC = rdflib.Namespace("https://w3id.org/accords/ontology#")


def _graph(key: str, n: int, tag: str = "v1") -> rdflib.Graph:
    g = rdflib.Graph()
    doc = rdflib.URIRef(f"https://w3id.org/accords/id/doc/{tag}")
    g.add((doc, ACC.sourceKey, rdflib.Literal(key)))
    for i in range(n - 1):
        g.add((doc, ACC[f"p{i}"], rdflib.Literal(f'{tag} line\n{i} "quoted" é')))
    return g


def test_write_is_idempotent_and_replaces_by_key(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    first = store.write_document("aaa", "k", _graph("k", 10, "aaa"))
    assert not first.unchanged and first.triples == 10
    again = store.write_document("aaa", "k", _graph("k", 10, "aaa"))
    assert again.unchanged
    quads = store.stats().quads
    changed = store.write_document("bbb", "k", _graph("k", 7, "bbb"))
    assert changed.replaced == ("aaa",)
    assert store.document_ids() == ["bbb"]
    assert store.stats().quads == quads - 3
    other = store.write_document("ccc", "other", _graph("other", 5, "ccc"))
    assert other.replaced == () and store.document_ids() == ["bbb", "ccc"]


def test_text_survives_round_trip(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    store.write_document("aaa", "k", _graph("k", 3, "aaa"))
    back = store.export_graph(GRAPH_BASE + "aaa")
    texts = sorted(str(o) for o in back.objects() if "line" in str(o))
    assert texts == ['aaa line\n0 "quoted" é', 'aaa line\n1 "quoted" é']


def test_default_graph_is_the_union(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    store.write_document("aaa", "k1", _graph("k1", 2, "aaa"))
    store.write_document("bbb", "k2", _graph("k2", 2, "bbb"))
    rows = list(store.query(f"SELECT ?k WHERE {{ ?d <{ACC.sourceKey}> ?k }} ORDER BY ?k"))  # type: ignore[arg-type]
    assert [r["k"].value for r in rows] == ["k1", "k2"]


_WRITER = textwrap.dedent(
    """
    import sys, rdflib
    from accords.store import OxigraphStore
    ACC = rdflib.Namespace("https://w3id.org/accords/ontology#")
    store = OxigraphStore(sys.argv[1])
    n = int(sys.argv[2])
    new_keys = sys.argv[3] == "new"  # every write a new document, or new versions of one
    version = 0
    print("ready", flush=True)
    while True:
        version += 1
        key = f"key-{version}" if new_keys else "the-key"
        g = rdflib.Graph()
        doc = rdflib.URIRef(f"https://w3id.org/accords/id/doc/v{version}")
        g.add((doc, ACC.sourceKey, rdflib.Literal(key)))
        for i in range(n - 1):
            g.add((doc, ACC[f"p{i}"], rdflib.Literal(f"value {version} {i}")))
        store.write_document(f"v{version:06d}", key, g)
        print("wrote", version, flush=True)
    """
)


def _kill_writer(location: Path, n: int, keys: str, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(location), str(n), keys],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_killed_writer_of_new_documents_leaves_each_whole_or_absent(tmp_path: Path) -> None:
    """New documents are stored with one atomic extend: none may be cut short."""
    n = 20_000
    location = tmp_path / "crash-new"
    for delay in (0.9, 2.3):
        _kill_writer(location, n, "new", delay)
        store = OxigraphStore(location)
        ids = store.document_ids()
        for doc_id in ids:
            assert len(store.export_graph(GRAPH_BASE + doc_id)) == n
        store.close()
    assert ids  # the writer got some documents through before it was killed


def test_killed_writer_leaves_old_or_new_version_never_half(tmp_path: Path) -> None:
    n = 20_000
    location = tmp_path / "crash"
    for delay in (0.8, 1.7, 2.9):
        _kill_writer(location, n, "same", delay)
        store = OxigraphStore(location)
        ids = store.document_ids()
        assert len(ids) <= 1, ids
        for doc_id in ids:
            assert len(store.export_graph(GRAPH_BASE + doc_id)) == n
        store.close()


def test_writes_are_flushed_to_disk_every_so_many_quads(
    tmp_path: Path, monkeypatch: object
) -> None:
    """Unflushed writes stay in RocksDB's memtables (the writer's memory grew with the store)."""
    import accords.store as store_module

    def ssts(path: Path) -> int:
        return len(list(path.glob("*.sst")))

    monkeypatch.setattr(store_module, "FLUSH_EVERY_QUADS", 10**9)  # type: ignore[attr-defined]
    kept = OxigraphStore(tmp_path / "kept")
    for i in range(5):
        kept.write_document(f"k{i}", f"key{i}", _graph(f"key{i}", 40, f"k{i}"))

    monkeypatch.setattr(store_module, "FLUSH_EVERY_QUADS", 100)  # type: ignore[attr-defined]
    flushed = OxigraphStore(tmp_path / "flushed")
    for i in range(5):
        flushed.write_document(f"k{i}", f"key{i}", _graph(f"key{i}", 40, f"k{i}"))
    # two flushes (at 120 and 200 quads) wrote sorted files that the other store keeps in memory
    assert ssts(tmp_path / "flushed") > ssts(tmp_path / "kept")
    assert flushed.document_ids() == [f"k{i}" for i in range(5)]
