"""``accords serve``: the HTTP API (SPARQL endpoint, REST, Graph Store) with uvicorn."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Annotated

import typer

from accords.config import Settings


def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    store: Annotated[str | None, typer.Option(help="Store directory (ACCORDS_STORE).")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Query worker processes.")] = 2,
    http_workers: Annotated[
        int, typer.Option(min=1, max=64, help="uvicorn worker processes (read-only store).")
    ] = 1,
) -> None:
    """Serve the graph: /sparql, the REST routes, /docs; read-only unless ACCORDS_TOKEN is set."""
    import uvicorn

    from accords.api.app import create_app

    settings = Settings.from_env()
    settings = replace(
        settings,
        host=host or settings.host,
        port=port or settings.port,
        store=store or settings.store,
    )
    typer.echo(
        f"accords: serving {settings.store} on http://{settings.host}:{settings.port}/sparql"
    )
    if http_workers > 1:
        remote = settings.store.startswith(("http://", "https://"))
        if settings.updates_enabled and not remote:
            typer.echo(
                "error: several HTTP workers open the embedded store read-only, so updates "
                "(ACCORDS_TOKEN) need --http-workers 1 or a remote store",
                err=True,
            )
            raise typer.Exit(2)
        os.environ.update(
            ACCORDS_STORE=settings.store,
            ACCORDS_QUERY_WORKERS=str(workers),
        )
        uvicorn.run(
            "accords.api.app:app_from_env",
            factory=True,
            workers=http_workers,
            host=settings.host,
            port=settings.port,
            log_level="warning",
        )
        return
    app = create_app(settings, workers=workers)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
