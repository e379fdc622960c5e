"""Memory of the store writer as the embedded store grows, with and without flushing.

    .venv/bin/python bench/writer_memory.py [--documents 1500] [--every 250]

The five seeds are analysed once; their document graphs are then written again
and again under new IRIs (so the store really grows) by ``OxigraphStore.write_document``
in a child process, which prints its anonymous resident memory (``RssAnon``: the
heap, not the page cache) every ``--every`` documents. One child flushes as the
store does (every ``FLUSH_EVERY_QUADS`` quads), the other never flushes.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import pickle, sys
import pyoxigraph as ox
import accords.store as store_module
from accords.rdf.triples import DocumentGraph
graphs, documents, every, flush = pickle.load(open(sys.argv[1], "rb"))
if not flush:
    store_module.FLUSH_EVERY_QUADS = 10**12
store = store_module.OxigraphStore(sys.argv[2])

def renamed(term, n):
    return ox.NamedNode(f"{term.value}-{n}") if isinstance(term, ox.NamedNode) else term

def anon_mb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["RssAnon"].split()[0]) / 1024

for n in range(documents):
    graph = graphs[n % len(graphs)]
    triples = [(renamed(s, n), p, o) for s, p, o in graph.triples]
    store.write_document(f"{n:016x}", f"copy-{n}", DocumentGraph(f"urn:g:{n}", triples))
    if (n + 1) % every == 0:
        print(n + 1, round(anon_mb()), flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1500)
    parser.add_argument("--every", type=int, default=250)
    args = parser.parse_args()

    from accords.analyse import Analyzer
    from accords.documents import iter_documents
    from accords.rdf.graph import build_document
    from accords.records import Document

    analyzer = Analyzer()
    seeds = [d for d in iter_documents([ROOT / "seeds"]) if isinstance(d, Document)]
    graphs = [build_document(analyzer.analyse(d)) for d in seeds]
    rows: dict[bool, list[tuple[int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for flush in (False, True):
            job = Path(tmp) / f"job-{flush}.pickle"
            job.write_bytes(pickle.dumps((graphs, args.documents, args.every, flush)))
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(job), str(Path(tmp) / f"store-{flush}")],
                check=True, capture_output=True, text=True,
            )
            rows[flush] = [(int(a), int(b)) for a, b in (line.split() for line in out.stdout.split("\n") if line)]
    print("| documents | never flushed: RssAnon MB | flushed every FLUSH_EVERY_QUADS: RssAnon MB |")
    print("|---|---|---|")
    for (n, kept), (_, flushed) in zip(rows[False], rows[True], strict=True):
        print(f"| {n} | {kept} | {flushed} |")


if __name__ == "__main__":
    main()
