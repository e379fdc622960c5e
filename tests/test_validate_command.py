"""``accords validate``: files and stores, text and Turtle reports, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdf_sample import DOC_ID, sample_extraction, sample_graph
from rdflib import Dataset, Graph
from rdflib.namespace import RDF
from typer.testing import CliRunner

from accords.cli import app
from accords.rdf.namespaces import ACC, SH, entity_iri, relationship_iri
from accords.store import open_store
from accords.validate import validate_graph

REL = relationship_iri(sample_extraction().relationships[0])


def _broken() -> Graph:
    g = sample_graph()
    g.remove((REL, ACC.member, entity_iri("Q794")))
    return g


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args], env=env)
    return result.exit_code, result.output


def test_outcome_names_focus_path_message_and_source_sentence() -> None:
    outcome = validate_graph(_broken())
    assert not outcome.conforms
    [result] = outcome.results
    assert result.focus == str(REL)
    assert result.path == str(ACC.member)
    assert "at least two acc:member" in result.message
    assert result.sentence == "Russia and Iran have shared intelligence since 2015."
    assert (None, SH.conforms, None) in outcome.report_graph
    assert str(REL) in outcome.report_text


def test_conforming_turtle_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.ttl"
    sample_graph().serialize(path, format="turtle")
    code, out = _run(str(path))
    assert code == 0
    assert "conforms" in out and "0 do not conform" in out


def test_violating_file_exits_1_with_readable_report(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    _broken().serialize(path, format="turtle")
    code, out = _run(str(path))
    assert code == 1
    assert f"focus:    <{REL}>" in out
    assert f"path:     <{ACC.member}>" in out
    assert "sentence: 'Russia and Iran have shared intelligence since 2015.'" in out


def test_ttl_format_prints_a_standard_validation_report(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    _broken().serialize(path, format="turtle")
    code, out = _run(str(path), "--format", "ttl")
    assert code == 1
    report = Graph().parse(data=out, format="turtle")
    [node] = list(report.subjects(RDF.type, SH.ValidationReport))
    assert not report.value(node, SH.conforms).toPython()  # type: ignore[union-attr]
    result = report.value(node, SH.result)
    assert report.value(result, SH.focusNode) == REL
    assert report.value(result, SH.resultPath) == ACC.member


def test_trig_file_is_validated_graph_by_graph(tmp_path: Path) -> None:
    ds = Dataset()
    good = ds.graph(sample_graph().identifier)
    for triple in sample_graph():
        good.add(triple)
    bad = ds.graph("https://w3id.org/accords/graph/ffffffffffffffff")
    for triple in _broken():
        bad.add(triple)
    path = tmp_path / "two.trig"
    ds.serialize(path, format="trig")
    code, out = _run(str(path))
    assert code == 1
    assert f"graph/{DOC_ID}: conforms" in out
    assert "graph/ffffffffffffffff: does not conform" in out
    assert "2 graph(s) validated, 1 do not conform" in out


def test_unknown_or_broken_file_is_an_error_naming_it(tmp_path: Path) -> None:
    code, out = _run(str(tmp_path / "data.csv"))
    assert code == 2 and "data.csv" in out and "unknown RDF file type" in out
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    code, out = _run(str(broken))
    assert code == 2 and "broken.ttl" in out


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    location = tmp_path / "store"
    store = open_store(location)
    doc = sample_extraction().document
    store.write_document(doc.id, doc.key, sample_graph())
    store.close()  # type: ignore[attr-defined]
    return location


def test_store_conforms(store_dir: Path) -> None:
    code, out = _run("--store", str(store_dir))
    assert code == 0, out
    assert f"graph/{DOC_ID}: conforms" in out


def test_bare_store_flag_uses_the_configured_store(store_dir: Path) -> None:
    code, out = _run("--store", env={"ACCORDS_STORE": str(store_dir)})
    assert code == 0, out
    assert "1 graph(s) validated, 0 do not conform" in out


def test_store_with_a_violating_graph_exits_1(tmp_path: Path) -> None:
    location = tmp_path / "store"
    store = open_store(location)
    store.write_document(DOC_ID, "key", _broken())
    store.close()  # type: ignore[attr-defined]
    code, out = _run("--store", str(location))
    assert code == 1
    assert f"focus:    <{REL}>" in out
