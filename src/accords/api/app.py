"""The FastAPI application: SPARQL endpoint, REST routes, Graph Store Protocol."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from accords.api import rest, sparql, write
from accords.api.context import ApiContext
from accords.api.runner import make_runner
from accords.config import Settings
from accords.queries import load_named_queries
from accords.store import Store, open_store


def create_app(settings: Settings, store: Store | None = None, *, workers: int = 2) -> FastAPI:
    """The app over ``store`` (or the store at ``settings.store``, opened here).

    ``workers`` is the number of query worker processes for an on-disk store.
    """
    owned = store is None
    the_store = store if store is not None else open_store(settings.store)
    runner = make_runner(the_store, workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            runner.close()
            if owned:
                the_store.close()

    app = FastAPI(
        title="accords",
        version="0.1.0",
        description=(
            "A temporal knowledge graph of relations between states, built from news. "
            "Every answer carries its source sentence. SPARQL 1.1 at /sparql."
        ),
        lifespan=lifespan,
    )
    app.state.ctx = ApiContext(settings, the_store, runner, load_named_queries())
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Content-Type", "Authorization"],
        )
    app.include_router(sparql.router)
    app.include_router(rest.router)
    app.include_router(write.router)
    app.include_router(__import__("accords.api.ask", fromlist=["_"]).router)
    app.include_router(__import__("accords.api.web", fromlist=["_"]).router)
    return app


def app_from_env() -> FastAPI:
    """The app for uvicorn's ``factory=True`` with several HTTP worker processes.

    Settings come from the environment (``accords serve --http-workers`` sets them). Several
    processes cannot share a writable embedded store, so each opens it read-only; updates
    over HTTP then need one process, or a remote store.
    """
    settings = Settings.from_env()
    workers = int(os.environ.get("ACCORDS_QUERY_WORKERS", "2"))
    remote = settings.store.startswith(("http://", "https://"))
    return create_app(settings, open_store(settings.store, read_only=not remote), workers=workers)
