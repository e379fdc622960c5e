"""``accords gazetteer build|import``: make the gazetteer, or extend it from Wikidata files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accords.errors import AccordsError
from accords.linking.build_gazetteer import build
from accords.linking.wikidata_import import import_files
from accords.resources import resource_dir

app = typer.Typer(no_args_is_help=True, help="the Wikidata gazetteer used for entity linking")


@app.command("build")
def build_command(
    source: Annotated[Path, typer.Option(help="folder of shared/wikidata CSV files")],
    out: Annotated[Path, typer.Option(help="gazetteer folder to write")] = Path("data/gazetteer"),
) -> None:
    """Rebuild the gazetteer tables from the source CSV files (reproducible)."""
    try:
        for line in build(source, out):
            typer.echo(line)
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="SPARQL JSON results or entity JSON files")],
    gazetteer: Annotated[
        Path | None, typer.Option(help="gazetteer to extend (default: shipped)")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="where to write (default: --gazetteer)")] = None,
) -> None:
    """Merge Wikidata SPARQL results / entity JSON into the gazetteer (no network)."""
    try:
        base = gazetteer or resource_dir("gazetteer")
        report = import_files(files, base, out or base)
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for table, n in sorted(report.added.items()):
        typer.echo(f"{table}: {n} added")
    for table, n in sorted(report.updated.items()):
        typer.echo(f"{table}: {n} updated")
    for note in report.notes:
        typer.echo(f"note: {note}")
