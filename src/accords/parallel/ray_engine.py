"""``accords ingest --engine ray``: Ray Data prepares, this process (the driver) writes.

The driver lists the input shards (text files, JSON Lines files) in the order
:func:`accords.documents.iter_documents` would read them. Ray Data reads each
shard in a task (``flat_map``), then ``map_batches`` runs a pool of actors, each
of which loads the spaCy pipeline and the gazetteer once and extracts, builds and
validates every document of its batches. The driver receives the prepared
documents in input order (``preserve_order``) and is the single writer: one
transaction per document.

Ray restarts a killed actor and runs its batch again (Ray Data's actor pool has
unlimited restarts and task retries). If the run fails all the same, every
document already written stays complete, and the shards from the one being
written on are reported as ``skipped`` with the reason, to ingest again.

Metadata: a shard's manifest is its own folder's ``metadata.json`` (or its
sidecar), as when the file is named on the command line.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from accords.analyse import Analyzer
from accords.documents import (
    JSONL_SUFFIXES,
    MANIFEST_NAMES,
    SIDECAR_SUFFIX,
    TEXT_SUFFIXES,
    iter_documents,
)
from accords.errors import AccordsError, InputError
from accords.ingest import DocumentResult, IngestSummary
from accords.parallel.prepared import (
    PreparedDocument,
    ensure_background_graph,
    prepare_document,
    write_prepared,
)
from accords.records import Document
from accords.store import Store


def _is_shard(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name in MANIFEST_NAMES or name.endswith(SIDECAR_SUFFIX):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES


def list_shards(paths: Iterable[str | Path]) -> tuple[list[str], list[InputError]]:
    """Input files in reading order, and an error for each path that does not exist."""
    shards: list[str] = []
    missing: list[InputError] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            shards += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and _is_shard(p)]
        elif path.is_file():
            shards.append(str(path))
        else:
            missing.append(InputError(str(path), "no such file or folder"))
    return shards, missing


def _read_shard(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One shard -> one row per document (or per unusable input), pickled."""
    shard = str(row["shard"])
    return [{"shard": shard, "item": pickle.dumps(item)} for item in iter_documents([shard])]


class _Extractor:
    """A Ray actor: the models are loaded once, then batches are prepared.

    Documents whose id is in ``stored`` (already in the store, same content) are
    passed on as unchanged without being analysed again.
    """

    def __init__(self, model: str | None, stored: frozenset[str] = frozenset()) -> None:
        self.analyzer = Analyzer(model)
        self.stored = stored

    def prepare(self, item: Document | InputError) -> PreparedDocument:
        if isinstance(item, Document) and item.id in self.stored:
            source = item.source_path or item.key
            return PreparedDocument(source, "unchanged", item.id, item.key, worker=os.getpid())
        return prepare_document(self.analyzer, item)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        prepared = [pickle.dumps(self.prepare(pickle.loads(item))) for item in batch["item"]]
        return {"shard": list(batch["shard"]), "prepared": prepared}


def _prepared_stream(
    shards: list[str], actors: int, batch_size: int, model: str | None, stored: frozenset[str]
) -> Iterator[tuple[str, PreparedDocument]]:
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    dataset = (
        ray.data.from_items([{"shard": s} for s in shards], override_num_blocks=max(1, len(shards)))
        .flat_map(_read_shard, num_cpus=0)  # I/O bound; the actors hold the cores
        .map_batches(
            _Extractor,
            fn_constructor_kwargs={"model": model, "stored": stored},
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
            batch_format="numpy",
        )
    )
    for row in dataset.iter_rows():
        yield str(row["shard"]), pickle.loads(row["prepared"])


def ingest_ray(
    paths: Iterable[str | Path],
    store: Store,
    *,
    address: str | None = None,
    actors: int = 2,
    batch_size: int = 4,
    model: str | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders with Ray; joins ``address`` or starts Ray on this machine."""
    import ray

    shards, missing = list_shards(paths)
    summary = IngestSummary()

    def report(result: DocumentResult) -> None:
        summary.results.append(result)
        if on_result is not None:
            on_result(result)

    for error in missing:
        report(DocumentResult(error.source, "skipped", reason=error.problem))
    if not shards:
        return summary
    ensure_background_graph(store)
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
        )
    done: set[str] = set()
    current: str | None = None
    try:
        stored = frozenset(store.document_ids())  # not extracted again (one set per actor)
        for shard, prepared in _prepared_stream(shards, actors, batch_size, model, stored):
            if shard != current:
                if current is not None:
                    done.add(current)
                current = shard
            report(write_prepared(store, prepared))
        if current is not None:
            done.add(current)
    except (ray.exceptions.RayError, AccordsError, OSError) as exc:
        for shard in shards:
            if shard not in done:
                report(
                    DocumentResult(
                        shard,
                        "skipped",
                        reason=f"the Ray run failed before all of this file was stored ({exc}); "
                        "ingest it again to retry (stored documents are kept as they are)",
                    )
                )
    finally:
        if started:
            ray.shutdown()
    return summary


def ray_available() -> bool:
    """Whether the optional ``accords[ray]`` extra is installed."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True
