"""Ingest end to end: seeds in, graph stored; idempotence, replacement, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from accords.analyse import Analyzer
from accords.ingest import ingest_paths
from accords.store import GRAPH_BASE, OxigraphStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ACC = "https://w3id.org/accords/ontology#"


def _select(store: OxigraphStore, query: str) -> list[ox.QuerySolution]:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def test_seeds_build_the_graph_the_questions_need(seeds_store_path: Path) -> None:
    store = OxigraphStore(seeds_store_path, read_only=True)
    assert len(store.document_ids()) == 5
    # the Moscow meeting of the Turkish and Syrian intelligence chiefs, dated 2020-01-13
    rows = _select(
        store,
        f"""SELECT DISTINCT ?date ?place WHERE {{
              VALUES ?type {{ <{ACC}Meeting> <{ACC}Talks> }}
              ?m a ?type ; <{ACC}date> ?date ; <{ACC}placeName> ?place ;
                 <{ACC}participant> <https://w3id.org/accords/id/entity/Q43> ,
                                    <https://w3id.org/accords/id/entity/Q858> . }}""",
    )
    assert [(r["date"].value, r["place"].value) for r in rows] == [("2020-01-13", "Moscow")]
    # Russia–Turkey cooperation working together since 2016 (seed 002); DISTINCT: the
    # node's member triples stand in every document graph that reports the relationship
    rows = _select(
        store,
        f"""SELECT DISTINCT ?from ?text WHERE {{
              ?r <{ACC}member> <https://w3id.org/accords/id/entity/Q159> ,
                               <https://w3id.org/accords/id/entity/Q43> ;
                 <{ACC}hasEvidence> ?e .
              ?e <{ACC}validFrom> ?from ; <{ACC}sentence>/<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?text . }}""",
    )
    assert [(r["from"].value, r["text"].value[:35]) for r in rows] == [
        ("2016-01-01", "Russia and Turkey have been working")
    ]


def test_sentence_offsets_point_at_the_exact_text(seeds_store_path: Path) -> None:
    store = OxigraphStore(seeds_store_path, read_only=True)
    rows = _select(
        store,
        """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
           SELECT ?text ?b ?e ?anchor WHERE {
             ?s a nif:Sentence ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ;
                nif:referenceContext/nif:isString ?text . }""",
    )
    assert len(rows) > 50
    for row in rows:
        begin, end = int(row["b"].value), int(row["e"].value)
        assert row["text"].value[begin:end] == row["anchor"].value


def test_reingest_changes_nothing(tmp_path: Path, analyzer: Analyzer) -> None:
    store = OxigraphStore(tmp_path / "s")
    first = ingest_paths([SEEDS], store, analyzer)
    quads = store.stats().quads
    again = ingest_paths([SEEDS], store, analyzer)
    assert first.count("stored") == 5
    assert again.count("unchanged") == 5 and again.count("stored") == 0
    assert store.stats().quads == quads


def test_changed_article_replaces_its_old_version(tmp_path: Path, analyzer: Analyzer) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "story.txt"
    article.write_text("Russia and Iran signed a military cooperation deal on Monday.", "utf-8")
    store = OxigraphStore(tmp_path / "s")
    ingest_paths([folder], store, analyzer)
    [old] = store.document_ids()
    article.write_text("Russia and Turkey signed a security cooperation deal on Monday.", "utf-8")
    summary = ingest_paths([folder], store, analyzer)
    assert summary.count("replaced") == 1
    [new] = store.document_ids()
    assert new != old
    texts = _select(
        store,
        "SELECT ?t WHERE { ?d <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }",
    )
    assert [r["t"].value for r in texts] == [article.read_text("utf-8")]
    assert not any(store.export_graph(GRAPH_BASE + old))


def test_bad_files_are_reported_and_the_rest_is_stored(tmp_path: Path, analyzer: Analyzer) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00binary")
    (folder / "empty.txt").write_text("\n  \n", "utf-8")
    store = OxigraphStore(tmp_path / "s")
    summary = ingest_paths([folder], store, analyzer)
    assert summary.count("stored") == 5
    problems = {Path(r.source).name: r.reason for r in summary.problems}
    assert set(problems) == {"broken.txt", "empty.txt"}
    assert "binary" in problems["broken.txt"] and "empty" in problems["empty.txt"]
    assert len(store.document_ids()) == 5


def test_a_document_whose_graph_fails_the_shapes_is_not_stored(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: object
) -> None:
    import accords.ingest as ingest_module
    from accords.rdf.graph import build_graph
    from accords.rdf.triples import DocumentGraph

    def broken_graph(extraction):  # type: ignore[no-untyped-def]
        graph = build_graph(extraction)
        # corrupt one sentence anchor: its text no longer matches the document at its offsets
        from rdflib import Literal, URIRef

        nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
        anchor = URIRef(nif + "anchorOf")
        subject, _, _ = next(iter(graph.triples((None, anchor, None))))
        graph.set((subject, anchor, Literal("not the text")))
        return DocumentGraph.from_rdflib(graph)

    monkeypatch.setattr(ingest_module, "build_document", broken_graph)  # type: ignore[attr-defined]
    store = OxigraphStore(tmp_path / "s")
    summary = ingest_paths([SEEDS / "002_810f08466186d31a.txt"], store, analyzer)
    [result] = summary.results
    assert result.status == "invalid"
    assert "anchorOf" in result.reason and "not the text" in result.reason
    assert store.document_ids() == []


def test_seed_dates_flow_into_the_facts(seeds_store_path: Path) -> None:
    """The Tehran summit on 2018-09-07; the US support of the rebels ended in 2017 (seed 001)."""
    store = OxigraphStore(seeds_store_path, read_only=True)
    summit = _select(
        store,
        f"""SELECT DISTINCT ?date WHERE {{
              ?m a <{ACC}Summit> ; <{ACC}date> ?date ; <{ACC}placeName> "Tehran" . }}""",
    )
    assert [r["date"].value for r in summit] == ["2018-09-07"]
    ended = _select(
        store,
        f"""SELECT DISTINCT ?until ?precision WHERE {{
              ?r a <{ACC}Backing> ; <{ACC}source> <https://w3id.org/accords/id/entity/Q30> ;
                 <{ACC}hasEvidence> ?e .
              ?e <{ACC}modality> <{ACC}Ended> ; <{ACC}validUntil> ?until ;
                 <{ACC}validUntilPrecision> ?precision . }}""",
    )
    assert [(r["until"].value, r["precision"].value) for r in ended] == [
        ("2017-12-31", ACC + "YearPrecision")
    ]
