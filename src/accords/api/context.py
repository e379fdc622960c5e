"""What every route shares: settings, the store, the query runner, the named queries."""

from __future__ import annotations

import asyncio
import hmac
from dataclasses import dataclass, field

import pyoxigraph as ox
from fastapi import HTTPException, Request

from accords.api.runner import QueryTimeout, Runner
from accords.api.safety import Inspection, Refused, cap_rows, check_graphs, inspect
from accords.api.worker import Answer, Job
from accords.config import Settings
from accords.queries import NamedQuery
from accords.store import Store


@dataclass
class ApiContext:
    settings: Settings
    store: Store
    runner: Runner
    queries: dict[str, NamedQuery]
    counts: dict[int, dict[str, int] | None] = field(default_factory=dict)
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def graph_exists(self, iri: str) -> bool:
        result = self.store.query(f"ASK {{ GRAPH {ox.NamedNode(iri)} {{ ?s ?p ?o }} }}")
        return bool(result)

    def changed(self) -> None:
        """The store was written: workers reopen it and cached counts are dropped."""
        self.runner.refresh()
        self.counts.clear()

    async def execute(
        self,
        sparql: str,
        *,
        results_format: str = "json",
        rdf_format: str = "turtle",
        default_graphs: tuple[str, ...] | None = None,
        named_graphs: tuple[str, ...] | None = None,
        trusted: bool = False,
        timeout: float | None = None,
        inspection: Inspection | None = None,
    ) -> tuple[Answer, bool]:
        """Check, cap and run a query; returns the answer and whether the row cap applied.

        Raises :class:`Refused` (400/403 material) and :class:`QueryTimeout`.
        """
        allow = self.settings.service_allow
        exists = self.graph_exists
        capped = False
        if not trusted:
            insp = inspection or inspect(sparql, allow, exists)
            if insp.form == "UPDATE":
                raise Refused("this is an update; send it with POST as application/sparql-update")
            check_graphs((*(default_graphs or ()), *(named_graphs or ())), allow, exists)
            sparql, capped = cap_rows(sparql, insp, self.settings.max_rows)
        job = Job(
            sparql, default_graphs, named_graphs, results_format, rdf_format, self.settings.max_rows
        )
        answer = await self.runner.run(job, timeout or self.settings.query_timeout_s)
        return answer, capped or answer.truncated


def context(request: Request) -> ApiContext:
    ctx: ApiContext = request.app.state.ctx
    return ctx


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <Settings.token>``; none when no token is set."""
    token = context(request).settings.token
    if not token:
        raise HTTPException(403, "this server is read-only (set ACCORDS_TOKEN to enable writes)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip(), token):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 beyond ``limit`` bytes (checked while reading)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


__all__ = ["ApiContext", "QueryTimeout", "Refused", "context", "read_body", "require_token"]
