"""``accords validate [PATH] [--store] [--format text|ttl]``: check graphs against the shapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rdflib import Dataset, Graph

from accords.config import Settings
from accords.errors import AccordsError, InputError
from accords.rdf.namespaces import PREFIXES, graph_iri
from accords.validate import ValidationOutcome, validate_graph

_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def file_graphs(path: Path) -> Iterator[tuple[str, Graph]]:
    """The graphs of a data file: each named graph of TriG/N-Quads, or the one graph."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        raise InputError(str(path), f"unknown RDF file type {path.suffix!r}; use one of {known}")
    if not path.is_file():
        raise InputError(str(path), "no such file")
    try:
        if fmt not in _QUAD_FORMATS:
            yield str(path), Graph().parse(path, format=fmt)
            return
        ds = Dataset()
        ds.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types on bad syntax
        raise InputError(str(path), f"cannot parse as {fmt}: {exc}") from exc
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g):
            yield str(g.identifier), g


def store_graphs(location: str) -> Iterator[tuple[str, Graph]]:
    """Each document graph of the store at ``location``, opened read-only."""
    from accords.store import open_store

    store = open_store(location, read_only=True)
    for doc_id in store.document_ids():
        name = str(graph_iri(doc_id))
        yield name, store.export_graph(name)


def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A data file (.ttl .trig .nq .nt .jsonld .rdf), or with --store a store"
        ),
    ] = None,
    store: Annotated[
        bool,
        typer.Option(
            "--store",
            help="Validate each document graph of the store at PATH "
            "(default: $ACCORDS_STORE or ./var/store)",
        ),
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", help="text (readable) or ttl (sh:ValidationReport)")
    ] = "text",
) -> None:
    """Validate a data file or the whole store against the shapes; exit 1 if it does not conform.

    Without PATH, validates the configured store.
    """
    if fmt not in ("text", "ttl"):
        raise typer.BadParameter("use text or ttl", param_hint="--format")
    if store or path is None:
        graphs = store_graphs(str(path) if path is not None else Settings.from_env().store)
    else:
        graphs = file_graphs(path)
    outcomes: list[tuple[str, ValidationOutcome]] = []
    try:
        for name, graph in graphs:
            outcomes.append((name, validate_graph(graph)))
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(render_ttl(outcomes) if fmt == "ttl" else render_text(outcomes), nl=False)
    if not all(o.conforms for _, o in outcomes):
        raise typer.Exit(1)


def render_text(outcomes: list[tuple[str, ValidationOutcome]]) -> str:
    """One line per conforming graph, the full report for the others, and a summary."""
    lines = []
    for name, outcome in outcomes:
        if outcome.conforms:
            lines.append(f"{name}: conforms")
        else:
            lines.append(f"{name}: does not conform")
            lines.append(outcome.report_text.rstrip("\n"))
    failing = sum(not o.conforms for _, o in outcomes)
    lines.append(f"{len(outcomes)} graph(s) validated, {failing} do not conform")
    return "\n".join(lines) + "\n"


def render_ttl(outcomes: list[tuple[str, ValidationOutcome]]) -> str:
    """All validation reports (standard ``sh:ValidationReport`` nodes) as one Turtle document."""
    merged = Graph()
    for prefix, ns in PREFIXES.items():
        merged.bind(prefix, ns)
    merged.bind("sh", "http://www.w3.org/ns/shacl#")
    for _, outcome in outcomes:
        for triple in outcome.report_graph:
            merged.add(triple)
    return merged.serialize(format="turtle")
