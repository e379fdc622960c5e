"""``accords ingest PATH...``: build the graph from files, folders and JSON Lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from accords.analyse import Analyzer
from accords.config import Settings
from accords.errors import AccordsError
from accords.ingest import DocumentResult, ingest_paths
from accords.store import open_store

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store directory (default: $ACCORDS_STORE or ./var/store)"),
]


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or .jsonl files")],
    store: StoreOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes (or Ray actors) that extract")] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or ray")] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster address (with --engine ray; default: start Ray here)"),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per batch")] = 16,
    reports: Annotated[
        Path | None, typer.Option(help="Folder for validation reports of rejected documents")
    ] = None,
) -> None:
    """Read, extract, validate and store documents; prints a summary."""
    console = Console(stderr=True)
    settings = Settings.from_env()
    location = store or settings.store
    try:
        if engine not in ("local", "ray"):
            raise AccordsError(f"--engine {engine}: use local or ray")
        if engine == "ray":
            from accords.parallel.ray_engine import ray_available

            if not ray_available():
                raise AccordsError("--engine ray needs Ray: pip install 'accords[ray]'")
        graph_store = open_store(location)
        if engine == "local" and workers <= 1:
            console.print(f"loading the language model {settings.spacy_model} …")
            analyzer = Analyzer(settings.spacy_model)
    except AccordsError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc

    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        TextColumn("{task.completed} documents {task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=None)

        def on_result(result: DocumentResult) -> None:
            progress.update(task, advance=1, description=f"· {Path(result.source).name}")
            if result.status == "skipped":
                progress.console.print(f"[yellow]skipped[/yellow] {result.source}: {result.reason}")
            elif result.status == "invalid":
                progress.console.print(
                    f"[red]not stored[/red] {result.source}: its graph does not conform to the shapes"
                )
                progress.console.print(result.reason)
                if reports is not None:
                    reports.mkdir(parents=True, exist_ok=True)
                    (reports / f"{result.doc_id}.txt").write_text(result.reason, encoding="utf-8")

        if engine == "ray":
            from accords.parallel.ray_engine import ingest_ray

            summary = ingest_ray(
                paths,
                graph_store,
                address=address,
                actors=max(1, workers),
                batch_size=batch_size,
                model=settings.spacy_model,
                on_result=on_result,
            )
        elif workers > 1:
            from accords.parallel.pool import ingest_paths_pool

            summary = ingest_paths_pool(
                paths,
                graph_store,
                workers=workers,
                model=settings.spacy_model,
                batch_size=batch_size,
                on_result=on_result,
            )
        else:
            summary = ingest_paths(
                paths, graph_store, analyzer, batch_size=batch_size, on_result=on_result
            )
    graph_store.close()
    console.print(
        f"documents read: {len(summary.results)} · stored: {summary.count('stored')} · "
        f"replaced: {summary.count('replaced')} · unchanged: {summary.count('unchanged')} · "
        f"skipped: {summary.count('skipped')} · invalid: {summary.count('invalid')} · "
        f"facts stored: {summary.facts} ({summary.triples} triples) · store: {location}"
    )
    for problem in summary.problems:
        console.print(
            f"  {problem.status}: {problem.source}: {problem.reason.splitlines()[0] if problem.reason else ''}"
        )
    if summary.problems and len(summary.problems) == len(summary.results):
        raise typer.Exit(1)
