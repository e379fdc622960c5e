"""``accords extract``: records for inspection as JSON Lines, Turtle and TriG; no store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF
from typer.testing import CliRunner

from accords.cli import app
from accords.documents import iter_documents
from accords.rdf.namespaces import ACC, graph_iri
from accords.records import Document

SEED = Path(__file__).resolve().parents[1] / "seeds" / "002_810f08466186d31a.txt"
(DOCUMENT,) = [d for d in iter_documents([SEED]) if isinstance(d, Document)]


def run(args: list[str], store: Path) -> str:
    result = CliRunner().invoke(app, ["extract", *args], env={"ACCORDS_STORE": str(store)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    store = tmp_path_factory.mktemp("x") / "store"
    out = run([str(SEED)], store)
    assert not store.exists(), "extract must not create or touch the store"
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_records_carry_type_actors_time_modality_and_sentence(
    lines: list[dict[str, object]],
) -> None:
    kinds = {line["record"] for line in lines}
    assert {"relationship", "meeting", "claim"} <= kinds
    for line in lines:
        assert line["document"] == DOCUMENT.id and line["type"]
        assert line["modality"] in {
            "asserted",
            "agreed",
            "proposed",
            "planned",
            "denied",
            "rumoured",
            "ended",
        }
        sentence = line["sentence"]
        assert isinstance(sentence, dict)
        assert DOCUMENT.text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert "observed" in line and "valid_from" in line
        actors = line["actors"]
        assert isinstance(actors, list)
        for actor in actors:
            assert set(actor) >= {"label", "wikidata"}
    qids = {
        a["wikidata"] for line in lines if line["record"] == "relationship" for a in line["actors"]
    }  # type: ignore[union-attr]
    assert {"Q159", "Q43"} <= qids  # Russia and Turkey


def test_turtle_and_trig_hold_the_same_records(
    tmp_path: Path, lines: list[dict[str, object]]
) -> None:
    ttl = Graph().parse(data=run(["--format", "ttl", str(SEED)], tmp_path / "s"), format="turtle")
    trig = Dataset()
    trig.parse(data=run(["--format", "trig", str(SEED)], tmp_path / "s"), format="trig")
    named = trig.graph(graph_iri(DOCUMENT.id))
    assert len(named) == len(ttl) > 0
    claims = set(ttl.subjects(RDF.type, ACC.Claim))
    assert 0 < len(claims) <= sum(1 for line in lines if line["record"] == "claim")
    assert (
        URIRef(f"https://w3id.org/accords/id/doc/{DOCUMENT.id}"),
        RDF.type,
        ACC.NewsArticle,
    ) in named


def test_unreadable_input_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt" in result.output
