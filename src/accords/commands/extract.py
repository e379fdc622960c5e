"""``accords extract FILE...``: print the extracted records, without touching the store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rdflib import Dataset, Graph

from accords.errors import AccordsError, InputError
from accords.records import (
    Claim,
    Entity,
    Evidence,
    Extraction,
    Meeting,
    Relationship,
    TimeSpan,
)


class Format(StrEnum):
    JSONL = "jsonl"
    TTL = "ttl"
    TRIG = "trig"


def _actor(entity: Entity | None) -> dict[str, Any] | None:
    if entity is None:
        return None
    return {
        "label": entity.label,
        "wikidata": entity.qid,
        "key": entity.key,
        "kind": entity.kind.value if entity.kind else None,
        "country": entity.country_qid,
    }


def _time(span: TimeSpan | None) -> str | None:
    return span.value if span else None


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {
        "modality": ev.modality.value,
        "observed": _time(ev.observed),
        "valid_from": _time(ev.valid_from),
        "valid_until": _time(ev.valid_until),
        "trigger": ev.trigger,
        "sentence": {"start": ev.sentence.start, "end": ev.sentence.end, "text": ev.sentence.text},
    }


def _relationship(r: Relationship) -> dict[str, Any]:
    return {
        "record": "relationship",
        "type": r.type.value,
        "actors": [_actor(e) for e in r.members],
        "source": _actor(r.source),
        "target": _actor(r.target),
        **_evidence(r.evidence),
    }


def _meeting(m: Meeting) -> dict[str, Any]:
    return {
        "record": "meeting",
        "type": m.type.value,
        "actors": [_actor(e) for e in m.participants],
        "status": m.status.value,
        "date": _time(m.date),
        "place": _actor(m.place) if m.place else m.place_name,
        "topic": m.topic,
        **_evidence(m.evidence),
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "record": "claim",
        "type": c.type.value,
        "actors": [_actor(c.claimant)] if c.claimant else [],
        "content": {"start": c.content_start, "end": c.content_end, "text": c.content},
        "stated": _time(c.stated),
        "about": [_actor(e) for e in c.about],
        "disputes": c.disputes,
        **_evidence(c.evidence),
    }


def records_as_json(extraction: Extraction) -> Iterator[dict[str, Any]]:
    """One JSON-ready object per extracted record, in extraction order."""
    doc = {"document": extraction.document.id, "source": extraction.document.key}
    for r in extraction.relationships:
        yield {**doc, **_relationship(r)}
    for m in extraction.meetings:
        yield {**doc, **_meeting(m)}
    for i, c in enumerate(extraction.claims):
        yield {**doc, "index": i, **_claim(c)}


def _rdf(extractions: list[Extraction], fmt: Format) -> str:
    from accords.rdf.graph import build_graph
    from accords.rdf.namespaces import graph_iri

    if fmt is Format.TTL:
        merged = Graph()
        for e in extractions:
            graph = build_graph(e)
            for prefix, ns in graph.namespaces():
                merged.bind(prefix, ns, override=False)
            merged += graph
        return merged.serialize(format="turtle")
    dataset = Dataset()
    for e in extractions:
        graph = build_graph(e)
        for prefix, ns in graph.namespaces():
            dataset.bind(prefix, ns, override=False)
        named = dataset.graph(graph_iri(e.document.id))
        for triple in graph:
            named.add(triple)
    return dataset.serialize(format="trig")


def extract_command(
    files: Annotated[list[Path], typer.Argument(help="documents: files, folders or .jsonl")],
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, ttl or trig")] = Format.JSONL,
) -> None:
    """Extract relationships, meetings and claims from FILE... and print them (no store)."""
    from accords.analyse import Analyzer
    from accords.documents import iter_documents

    documents = []
    for item in iter_documents(files):
        if isinstance(item, InputError):
            typer.echo(f"skipped: {item}", err=True)
        else:
            documents.append(item)
    if not documents:
        typer.echo("error: no readable document among the given paths", err=True)
        raise typer.Exit(2)
    try:
        extractions = list(Analyzer().analyse_many(documents))
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if fmt is Format.JSONL:
        for extraction in extractions:
            for record in records_as_json(extraction):
                typer.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))
    else:
        typer.echo(_rdf(extractions, fmt), nl=False)
