"""A store's content as canonical N-Quads: sorted lines, the ingest log left out.

Two runs that built the same graph give byte-equal output, whatever the engine,
the number of workers or the store (the ingest log holds wall-clock times).
"""

from __future__ import annotations

import pyoxigraph as ox

from accords.store import INGEST_LOG, Store


def canonical_nquads(store: Store) -> bytes:
    """Every quad of every named graph but the ingest log, one per line, sorted."""
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", default_graphs=[])
    assert isinstance(rows, ox.QuerySolutions)
    lines = {
        f"{row['s']} {row['p']} {row['o']} {row['g']} .\n"
        for row in rows
        if row["g"].value != INGEST_LOG
    }
    return "".join(sorted(lines)).encode("utf-8")
