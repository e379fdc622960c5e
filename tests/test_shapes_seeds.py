"""The graph built from seeds/ conforms to the shapes, read back from the store."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accords.cli import app
from accords.rdf.namespaces import ACC, graph_iri
from accords.store import open_store
from accords.validate import validate_graph


def test_every_seed_graph_conforms_after_a_store_round_trip(seeds_store_path: Path) -> None:
    store = open_store(seeds_store_path, read_only=True)
    ids = store.document_ids()
    assert len(ids) == 5
    facts = 0
    for doc_id in ids:
        graph = store.export_graph(str(graph_iri(doc_id)))
        facts += len(set(graph.subjects(ACC.hasEvidence, None)))
        outcome = validate_graph(graph)
        assert outcome.conforms, outcome.report_text
    assert facts > 0


def test_validate_store_command_conforms_on_seeds(seeds_store_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--store", str(seeds_store_path)])
    assert result.exit_code == 0, result.output
    assert "5 graph(s) validated, 0 do not conform" in result.output
