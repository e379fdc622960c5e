"""Writes over HTTP, all behind the bearer token: Graph Store Protocol and ingest."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import json
from typing import Any

import pyoxigraph as ox
import rdflib
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from accords.api.context import ApiContext, context, read_body, require_token
from accords.api.formats import GRAPH_FORMATS, NotAcceptable, negotiate
from accords.api.runner import QueryTimeout
from accords.errors import AccordsError

router = APIRouter()

_PARSERS = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


def _graph_param(request: Request) -> str:
    graph = request.query_params.get("graph")
    if "default" in request.query_params:
        if graph:
            raise HTTPException(400, "give either ?graph= or ?default, not both")
        raise HTTPException(
            400, "the default graph is the union of the named graphs; address a named graph"
        )
    if not graph:
        raise HTTPException(400, "give the graph with ?graph=IRI")
    try:
        return ox.NamedNode(graph).value
    except ValueError:
        raise HTTPException(400, f"{graph!r} is not an IRI") from None


async def _parse(request: Request, ctx: ApiContext) -> rdflib.Graph:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in _PARSERS:
        raise HTTPException(415, f"send RDF as one of {', '.join(_PARSERS)}, not {media!r}")
    body = await read_body(request, ctx.settings.max_body_bytes)
    graph = rdflib.Graph()
    try:
        graph.parse(data=body.decode("utf-8"), format=_PARSERS[media])
    except Exception as exc:  # rdflib raises many types for bad input
        raise HTTPException(400, f"cannot parse the {media} body: {exc}") from None
    return graph


@router.get("/store", tags=["Graph Store"])
async def get_graph(request: Request) -> Response:
    """Graph Store Protocol GET: one named graph in an RDF format."""
    ctx = context(request)
    graph = _graph_param(request)
    try:
        fmt = negotiate(request.headers.get("accept"), None, GRAPH_FORMATS, GRAPH_FORMATS[0])
    except NotAcceptable as exc:
        raise HTTPException(406, str(exc)) from None
    if not await asyncio.to_thread(ctx.graph_exists, graph):
        raise HTTPException(404, f"no graph <{graph}> in this store")
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}"
    try:
        answer, capped = await ctx.execute(sparql, rdf_format=fmt.key, trusted=True)
    except QueryTimeout as exc:
        raise HTTPException(503, str(exc)) from None
    headers = {"X-Accords-Row-Cap": str(ctx.settings.max_rows)} if capped else {}
    return Response(answer.body, media_type=fmt.content_type, headers=headers)


async def _write(ctx: ApiContext, action: Any, *args: Any) -> None:
    async with ctx.write_lock:
        try:
            await asyncio.to_thread(action, *args)
        except (AccordsError, OSError, ValueError, SyntaxError) as exc:
            raise HTTPException(500, f"write failed: {exc}") from None
        finally:
            ctx.changed()


@router.put("/store", tags=["Graph Store"], dependencies=[Depends(require_token)])
async def put_graph(request: Request) -> Response:
    """Replace a named graph with the request body (one transaction)."""
    ctx = context(request)
    graph = _graph_param(request)
    data = await _parse(request, ctx)
    existed = await asyncio.to_thread(ctx.graph_exists, graph)
    await _write(ctx, ctx.store.replace_graph, graph, data)
    return Response(status_code=204 if existed else 201)


@router.post("/store", tags=["Graph Store"], dependencies=[Depends(require_token)])
async def post_graph(request: Request) -> Response:
    """Add the request body's triples to a named graph."""
    ctx = context(request)
    graph = _graph_param(request)
    data = await _parse(request, ctx)
    existed = await asyncio.to_thread(ctx.graph_exists, graph)
    nt = data.serialize(format="nt")
    update = f"INSERT DATA {{ GRAPH {ox.NamedNode(graph)} {{\n{nt}\n}} }}"
    await _write(ctx, ctx.store.update, update)
    return Response(status_code=204 if existed else 201)


@router.delete("/store", tags=["Graph Store"], dependencies=[Depends(require_token)])
async def delete_graph(request: Request) -> Response:
    """Delete a named graph."""
    ctx = context(request)
    graph = _graph_param(request)
    if not await asyncio.to_thread(ctx.graph_exists, graph):
        raise HTTPException(404, f"no graph <{graph}> in this store")
    await _write(ctx, ctx.store.update, f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
    return Response(status_code=204)


class DocumentIn(BaseModel):
    """A news text to ingest, with what is known about it."""

    text: str = Field(min_length=1, description="The article text (plain text or HTML).")
    key: str | None = Field(None, description="Source key: the URL or a file name.")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")


@router.post(
    "/documents", tags=["Documents"], status_code=201, dependencies=[Depends(require_token)]
)
async def post_document(request: Request) -> Response:
    """Ingest one document through the pipeline (needs the bearer token)."""
    ctx = context(request)
    body = await read_body(request, ctx.settings.max_body_bytes)
    try:
        doc = DocumentIn.model_validate_json(body)
    except ValueError as exc:
        raise HTTPException(422, f"invalid document: {exc}") from None
    try:
        ingest = importlib.import_module("accords.ingest").ingest_text
    except (ImportError, AttributeError):
        raise HTTPException(501, "ingest over HTTP needs accords.ingest.ingest_text") from None
    key = doc.key or doc.url or "http-upload"
    async with ctx.write_lock:
        try:
            result = await asyncio.to_thread(
                ingest,
                ctx.store,
                doc.text,
                key=key,
                title=doc.title,
                url=doc.url,
                published=doc.published,
            )
        except AccordsError as exc:
            raise HTTPException(422, str(exc)) from None
        finally:
            ctx.changed()
    payload = (
        dataclasses.asdict(result)
        if dataclasses.is_dataclass(result) and not isinstance(result, type)
        else {"result": str(result)}
    )
    return Response(
        json.dumps(payload, default=str), status_code=201, media_type="application/json"
    )
