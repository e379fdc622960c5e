"""Shared fixtures: the loaded analyser and a store built from the seeds (once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.analyse import Analyzer
from accords.ingest import IngestSummary, ingest_paths
from accords.store import OxigraphStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The spaCy pipeline and gazetteer, loaded once for the whole run."""
    return Analyzer()


@pytest.fixture(scope="session")
def seeds_store_path(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Path:
    """A store on disk holding the graph built from seeds/ (read it, do not write it)."""
    path = tmp_path_factory.mktemp("seeds-store") / "store"
    store = OxigraphStore(path)
    summary: IngestSummary = ingest_paths([SEEDS], store, analyzer)
    assert summary.count("stored") == 5, [r.reason for r in summary.problems]
    store.close()
    return path
