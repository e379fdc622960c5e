"""The SPARQL 1.1 Protocol endpoint ``/sparql``, its service description and VoID."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from accords.api.context import ApiContext, context, read_body, require_token
from accords.api.formats import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    Format,
    NotAcceptable,
    negotiate,
)
from accords.api.runner import QueryTimeout
from accords.api.safety import Forbidden, Refused, inspect
from accords.errors import StoreError

router = APIRouter(tags=["SPARQL"])

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
VOCABULARIES = (
    "https://w3id.org/accords/ontology#",
    "http://www.w3.org/ns/prov#",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "http://purl.org/dc/terms/",
    "https://schema.org/",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://www.w3.org/2006/time#",
)


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise HTTPException(400, f"give exactly one {name!r} parameter, not {len(values)}")
    return values[0] if values else None


def _all(params: list[tuple[str, str]], name: str) -> tuple[str, ...] | None:
    values = tuple(v for k, v in params if k == name)
    return values or None


def _media(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the request body is not UTF-8") from None


@router.api_route("/sparql", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: query via GET, POST form or POST sparql-query; update via POST."""
    ctx = context(request)
    params = list(request.query_params.multi_items())
    query: str | None = None
    update: str | None = None
    if request.method == "POST":
        media = _media(request)
        body = await read_body(request, ctx.settings.max_body_bytes)
        if media == FORM:
            form = parse_qsl(_text(body), keep_blank_values=True)
            params += form
            query, update = _one(params, "query"), _one(params, "update")
        elif media == QUERY:
            if _one(params, "query") is not None:
                raise HTTPException(400, "the query is in the body; do not repeat it in the URL")
            query = _text(body)
        elif media == UPDATE:
            update = _text(body)
        else:
            raise HTTPException(
                415, f"POST a query as {QUERY}, {FORM} or an update as {UPDATE}, not {media!r}"
            )
    else:
        query = _one(params, "query")
        if _one(params, "update") is not None:
            raise HTTPException(400, "updates are only accepted with POST")
    if query is not None and update is not None:
        raise HTTPException(400, "give either a query or an update, not both")
    if update is not None:
        return await _update(request, ctx, update)
    if query is None:
        return await service_description(request)
    return await _query(request, ctx, query, params)


async def _query(
    request: Request, ctx: ApiContext, query: str, params: list[tuple[str, str]]
) -> Response:
    default = _all(params, "default-graph-uri")
    named = _all(params, "named-graph-uri")
    try:
        insp = inspect(query, ctx.settings.service_allow, ctx.graph_exists)
        if insp.form == "UPDATE":
            raise Refused("this is an update: POST it as application/sparql-update")
        if insp.from_graphs and (default or named):
            pass  # the protocol parameters take precedence over FROM (SPARQL 1.1 Protocol 2.1.4)
        graph_answer = insp.form in ("CONSTRUCT", "DESCRIBE")
        candidates = GRAPH_FORMATS if graph_answer else RESULT_FORMATS
        fmt = _negotiate_answer(request, _one(params, "format"), candidates)
        answer, capped = await ctx.execute(
            query,
            results_format=fmt.key if not graph_answer else "json",
            rdf_format=fmt.key if graph_answer else "turtle",
            default_graphs=default,
            named_graphs=named,
            inspection=insp,
        )
    except NotAcceptable as exc:
        raise HTTPException(406, str(exc)) from None
    except Forbidden as exc:
        raise HTTPException(403, str(exc)) from None
    except Refused as exc:
        raise HTTPException(400, str(exc)) from None
    except QueryTimeout as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "1"}) from None
    if answer.kind == "syntax":
        raise HTTPException(400, "query syntax error: " + answer.body.decode("utf-8", "replace"))
    if answer.kind == "error":
        raise HTTPException(500, "query failed: " + answer.body.decode("utf-8", "replace"))
    headers = {"Vary": "Accept"}
    if capped:
        headers["X-Accords-Row-Cap"] = str(ctx.settings.max_rows)
    return Response(answer.body, media_type=fmt.content_type, headers=headers)


def _negotiate_answer(request: Request, fmt: str | None, candidates: tuple[Format, ...]) -> Format:
    """Negotiate; a client asking for the other family (rdflib's SPARQLStore asks for
    results JSON on CONSTRUCT) gets the default of the right family, not a 406."""
    accept = request.headers.get("accept")
    try:
        return negotiate(accept, fmt, candidates, candidates[0])
    except NotAcceptable:
        other = GRAPH_FORMATS if candidates is RESULT_FORMATS else RESULT_FORMATS
        try:
            negotiate(accept, fmt, other, other[0])
        except NotAcceptable:
            raise
        return candidates[0]


async def _update(request: Request, ctx: ApiContext, update: str) -> Response:
    require_token(request)
    try:
        insp = inspect(update, ctx.settings.service_allow, ctx.graph_exists)
    except Forbidden as exc:
        raise HTTPException(403, str(exc)) from None
    except Refused as exc:
        raise HTTPException(400, str(exc)) from None
    if insp.form != "UPDATE":
        raise HTTPException(400, "this is a query, not an update; send it as query=")
    async with ctx.write_lock:
        try:
            await asyncio.to_thread(ctx.store.update, update)
        except SyntaxError as exc:
            raise HTTPException(400, f"update syntax error: {exc}") from None
        except (StoreError, OSError, ValueError) as exc:
            raise HTTPException(500, f"update failed: {exc}") from None
        finally:
            ctx.changed()
    return Response(status_code=204)


def _rdf_response(request: Request, turtle: str) -> Response:
    try:
        fmt = negotiate(
            request.headers.get("accept"),
            request.query_params.get("format"),
            GRAPH_FORMATS,
            GRAPH_FORMATS[0],
        )
    except NotAcceptable as exc:
        raise HTTPException(406, str(exc)) from None
    triples = [q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
    assert fmt.rdf is not None
    if fmt.rdf in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        body = ox.serialize(
            [ox.Quad(t.subject, t.predicate, t.object) for t in triples], format=fmt.rdf
        )
    else:
        body = ox.serialize(triples, format=fmt.rdf)
    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})


async def graph_counts(ctx: ApiContext) -> dict[str, int] | None:
    """Triples per named graph, counted once per store generation (None if too slow)."""
    gen = ctx.runner.generation
    if gen in ctx.counts:
        return ctx.counts[gen]
    sparql = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    try:
        answer, _ = await ctx.execute(sparql, trusted=True)
        rows = json.loads(answer.body)["results"]["bindings"] if answer.kind == "solutions" else []
        counts: dict[str, int] | None = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    except (QueryTimeout, ValueError, KeyError):
        counts = None
    ctx.counts[gen] = counts
    return counts


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def service_description(request: Request) -> Response:
    """SPARQL 1.1 Service Description of this endpoint (Turtle and other RDF formats)."""
    ctx = context(request)
    base = _base(request)
    results = ", ".join(
        f"<http://www.w3.org/ns/formats/{n}>"
        for n in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "RDF_XML",
            "JSON-LD",
            "N-Quads",
            "TriG",
        )
    )
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if ctx.settings.updates_enabled else "")
    turtle = f"""
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
<{base}/sparql> a sd:Service ;
  sd:endpoint <{base}/sparql> ;
  sd:supportedLanguage {languages} ;
  sd:resultFormat {results} ;
  sd:feature sd:UnionDefaultGraph, sd:EmptyGraphs ;
  sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
  sd:defaultDataset <{base}/void#dataset> .
<{base}/void#dataset> a sd:Dataset, void:Dataset ;
  sd:defaultGraph [ a sd:Graph ] ;
  void:sparqlEndpoint <{base}/sparql> .
"""
    return _rdf_response(request, turtle)


@router.get("/void", include_in_schema=False)
@router.get("/.well-known/void", include_in_schema=False)
async def void(request: Request) -> Response:
    """VoID description: named graphs with triple counts, vocabularies, endpoint."""
    ctx = context(request)
    base = _base(request)
    counts = await graph_counts(ctx)
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .",
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        f"<{base}/void#dataset> a void:Dataset ;",
        '  dct:title "accords: a temporal knowledge graph of relations between states" ;',
        f"  void:sparqlEndpoint <{base}/sparql> ;",
        '  void:uriSpace "https://w3id.org/accords/id/" ;',
        "  " + " ;\n  ".join(f"void:vocabulary <{v}>" for v in VOCABULARIES) + " .",
    ]
    if counts is not None:
        lines.append(f"<{base}/void#dataset> void:triples {sum(counts.values())} .")
        for i, (graph, n) in enumerate(sorted(counts.items())):
            node = f"<{base}/void#graph-{i}>"
            lines.append(f"<{base}/void#dataset> void:subset {node} .")
            lines.append(
                f"{node} a void:Dataset, sd:NamedGraph ; sd:name {ox.NamedNode(graph)} ; "
                f"void:triples {n} ."
            )
    return _rdf_response(request, "\n".join(lines))


@router.get("/health", tags=["meta"])
async def health(request: Request) -> Response:
    """Liveness: the store answers a trivial query within 5 s."""
    ctx = context(request)
    try:
        answer, _ = await ctx.execute("ASK { }", trusted=True, timeout=5)
    except QueryTimeout:
        return PlainTextResponse("store does not answer", status_code=503)
    ok = answer.kind == "boolean"
    return Response(
        json.dumps({"status": "ok" if ok else "degraded"}),
        media_type="application/json",
        status_code=200 if ok else 503,
    )


__all__ = ["graph_counts", "router", "service_description"]
