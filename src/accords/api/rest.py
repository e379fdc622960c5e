"""REST routes for people and scripts, backed by the named queries in ``queries/``.

Every answer groups the query rows by fact and keeps the source sentences and their
documents as evidence. Paging (``limit``, ``offset``) counts facts, not rows.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from accords.api.context import ApiContext, context
from accords.api.formats import GRAPH_FORMATS, NotAcceptable, negotiate, prefers_html
from accords.api.runner import QueryTimeout
from accords.errors import QueryError
from accords.queries import bind
from accords.records import RelationType

router = APIRouter()
ID_BASE = "https://w3id.org/accords/id/"
ACC = "https://w3id.org/accords/ontology#"
Row = dict[str, Any]

Limit = Annotated[int, Query(ge=1, le=500, description="Facts per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Facts to skip.")]
Actor = Annotated[
    str | None,
    Query(max_length=200, description="A Wikidata id (Q7747), an entity key or a name."),
]
Day = Annotated[dt.date | None, Query(description="A day, YYYY-MM-DD.")]


class Actor_(BaseModel):
    iri: str
    label: str | None = None
    qid: str | None = None


class DocumentRef(BaseModel):
    id: str
    iri: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


class EvidenceOut(BaseModel):
    iri: str
    modality: str | None = None
    basis: str | None = None
    observed_from: str | None = None
    observed_until: str | None = None
    valid_from: str | None = None
    valid_from_precision: str | None = None
    valid_until: str | None = None
    valid_until_precision: str | None = None
    sentence: str
    sentence_text: str
    document: DocumentRef


class Interval(BaseModel):
    start: str | None = None
    start_precision: str | None = None
    end: str | None = None
    end_precision: str | None = None


class RelationshipOut(BaseModel):
    iri: str
    type: str
    label: str | None = None
    members: list[Actor_]
    interval: Interval
    basis: str
    evidence: list[EvidenceOut]


class MeetingOut(BaseModel):
    iri: str
    type: str
    label: str | None = None
    date: str | None = None
    date_latest: str | None = None
    date_precision: str | None = None
    status: str | None = None
    place: Actor_ | None = None
    place_name: str | None = None
    topic: str | None = None
    participants: list[Actor_]
    evidence: list[EvidenceOut]


class ClaimOut(BaseModel):
    iri: str
    type: str
    claimant: Actor_ | None = None
    about: list[Actor_]
    content: str | None = None
    stated_on: str | None = None
    stated_precision: str | None = None
    disputes: str | None = None
    evidence: list[EvidenceOut]


class TimelineItem(BaseModel):
    kind: str
    role: str
    fact: str
    type: str
    label: str | None = None
    date: str | None = None
    evidence: list[EvidenceOut]


class EntityOut(BaseModel):
    iri: str
    label: str | None = None
    qid: str | None = None
    timeline: list[TimelineItem]


class SentenceOut(BaseModel):
    iri: str
    index: int
    begin: int
    end: int
    text: str


class DocumentOut(DocumentRef):
    date_precision: str | None = None
    source_key: str | None = None
    text_length: int | None = None
    sentences: list[SentenceOut]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    limit: int
    offset: int
    count: int
    items: list[T]


# --- running named queries ---------------------------------------------------------


async def _rows(
    ctx: ApiContext, name: str, values: dict[str, str | None], limit: int, offset: int
) -> list[Row]:
    given = {k: v for k, v in values.items() if v is not None and v != ""}
    try:
        sparql = bind(ctx.queries[name], given, limit=limit, offset=offset)
        answer, _ = await ctx.execute(sparql, trusted=True)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    except QueryTimeout as exc:
        raise HTTPException(503, str(exc)) from None
    if answer.kind != "solutions":
        raise HTTPException(500, "named query failed: " + answer.body.decode("utf-8", "replace"))
    bindings: list[dict[str, dict[str, str]]] = json.loads(answer.body)["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def _local(iri: str | None) -> str | None:
    if iri is None:
        return None
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _precision(iri: str | None) -> str | None:
    name = _local(iri)
    return name.removesuffix("Precision").lower() if name else None


def _actor(row: Row, var: str) -> Actor_ | None:
    if var not in row:
        return None
    return Actor_(iri=row[var], label=row.get(var + "Label"), qid=row.get(var + "Qid"))


def _evidence(row: Row) -> EvidenceOut:
    return EvidenceOut(
        iri=row.get("evidence", ""),
        modality=(_local(row.get("modality")) or "").lower() or None,
        basis=row.get("basis"),
        observed_from=row.get("observedFrom"),
        observed_until=row.get("observedUntil"),
        valid_from=row.get("validFrom"),
        valid_from_precision=_precision(row.get("validFromPrecision")),
        valid_until=row.get("validUntil"),
        valid_until_precision=_precision(row.get("validUntilPrecision")),
        sentence=row["sentence"],
        sentence_text=row["sentenceText"],
        document=DocumentRef(
            id=row["docId"],
            iri=row["document"],
            title=row.get("title"),
            url=row.get("url"),
            published=row.get("published"),
        ),
    )


def _group(rows: list[Row], key: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def _evidences(rows: list[Row]) -> list[EvidenceOut]:
    """One item per evidence and sentence (the first row of each; rows repeat per member)."""
    first: dict[str, Row] = {}
    for r in rows:
        first.setdefault(r.get("evidence", "") + "|" + r["sentence"], r)
    return [_evidence(r) for r in first.values()]


def _actors(rows: list[Row], var: str) -> list[Actor_]:
    """One actor per IRI, from the first row naming it."""
    first: dict[str, Row] = {}
    for r in rows:
        if var in r:
            first.setdefault(r[var], r)
    return [
        Actor_(iri=iri, label=r.get(var + "Label"), qid=r.get(var + "Qid"))
        for iri, r in first.items()
    ]


def _relationship(iri: str, rows: list[Row]) -> RelationshipOut:
    evidence = _evidences(rows)
    supporting = [e for e in evidence if e.modality in ("asserted", "agreed")]
    starts = [(e.valid_from, e.valid_from_precision) for e in supporting if e.valid_from]
    ends = [(e.valid_until, e.valid_until_precision) for e in supporting if e.valid_until]
    if not starts:
        starts = [(e.observed_from, "day") for e in supporting if e.observed_from]
    start = min(starts) if starts else (None, None)
    end = max(ends) if ends else (None, None)
    basis = "stated" if any(e.basis == "stated" for e in supporting) else "open-ended"
    members = _actors(rows, "member")
    return RelationshipOut(
        iri=iri,
        type=_local(rows[0]["type"]) or "",
        label=rows[0].get("label"),
        members=members,
        interval=Interval(
            start=start[0], start_precision=start[1], end=end[0], end_precision=end[1]
        ),
        basis=basis,
        evidence=evidence,
    )


# --- routes ------------------------------------------------------------------------


_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-.~()!,'*%]*$")


async def _entity_key(ctx: ApiContext, actor: str) -> str:
    """A Wikidata id or entity key as given; a name becomes the key of the entity so labelled."""
    if re.fullmatch(r"[Qq][1-9]\d*", actor):
        return actor.upper()
    if _KEY.match(actor) and ("-" in actor or actor.startswith("Q")):
        return actor
    lookup = (
        "SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l "
        f"FILTER(LCASE(STR(?l)) = LCASE({ox.Literal(actor)})) "
        'FILTER(STRSTARTS(STR(?e), "https://w3id.org/accords/id/entity/")) } LIMIT 1'
    )
    answer, _ = await ctx.execute(lookup, trusted=True)
    found = json.loads(answer.body)["results"]["bindings"] if answer.kind == "solutions" else []
    if not found:
        return "nil-no-such-entity"
    return str(found[0]["e"]["value"])


ENTITY_BASE = ID_BASE + "entity/"


async def _actor_key(ctx: ApiContext, actor: str | None) -> str | None:
    """The entity key of an actor given as a Wikidata id, a key or a name (see ``_entity_key``).

    The named queries then start from that entity instead of comparing the labels of every
    candidate; ``None`` when no entity has that name (the answer is empty).
    """
    if actor is None or actor == "":
        return ""
    key = await _entity_key(ctx, actor)
    if key == "nil-no-such-entity":
        return None
    return key.removeprefix(ENTITY_BASE)


def _period(
    year: int | None, at: dt.date | None, start: dt.date | None, end: dt.date | None
) -> tuple[str, str]:
    modes = sum(x is not None for x in (year, at)) + (start is not None or end is not None)
    if modes != 1:
        raise HTTPException(400, "give exactly one of: year, at, or from/to")
    if year is not None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if at is not None:
        return at.isoformat(), at.isoformat()
    first = (start or dt.date(1, 1, 1)).isoformat()
    last = (end or dt.date(9999, 12, 31)).isoformat()
    if first > last:
        raise HTTPException(400, f"from ({first}) is after to ({last})")
    return first, last


@router.get("/alliances", tags=["REST"], response_model=Page[RelationshipOut])
async def alliances(
    request: Request,
    year: Annotated[int | None, Query(ge=1000, le=9999, description="A calendar year.")] = None,
    at: Day = None,
    from_: Annotated[dt.date | None, Query(alias="from", description="First day.")] = None,
    to: Annotated[dt.date | None, Query(description="Last day.")] = None,
    type: Annotated[RelationType | None, Query(description="Relationship type.")] = None,
    member: Actor = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[RelationshipOut]:
    """Relationships valid in a period, with members, interval, basis and evidence.

    Cooperative alignments unless ``type`` names another relationship type.
    """
    first, last = _period(year, at, from_, to)
    ctx = context(request)
    if member is not None:
        member = await _entity_key(ctx, member)
    values = {
        "from": first,
        "to": last,
        "type": type.value if type else None,
        "family": None if type else "cooperative",
        "member": member,
    }
    rows = await _rows(ctx, "relationships_in_period", values, limit, offset)
    items = [_relationship(iri, rs) for iri, rs in _group(rows, "relationship").items()]
    return Page(limit=limit, offset=offset, count=len(items), items=items)


@router.get("/meetings", tags=["REST"], response_model=Page[MeetingOut])
async def meetings(
    request: Request,
    from_: Annotated[dt.date | None, Query(alias="from", description="First day.")] = None,
    to: Annotated[dt.date | None, Query(description="Last day.")] = None,
    participant: Actor = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[MeetingOut]:
    """Meetings, summits, talks, calls and visits in a period."""
    first, last = _period(None, None, from_ or dt.date(1, 1, 1), to)
    ctx = context(request)
    key = await _actor_key(ctx, participant)
    if key is None:
        return Page(limit=limit, offset=offset, count=0, items=[])
    values: dict[str, str | None] = {"from": first, "to": last, "participant": key}
    rows = await _rows(ctx, "meetings_in_period", values, limit, offset)
    items = []
    for iri, rs in _group(rows, "meeting").items():
        r = rs[0]
        place = _actor(r, "place")
        items.append(
            MeetingOut(
                iri=iri,
                type=_local(r["type"]) or "",
                label=r.get("label"),
                date=r.get("date"),
                date_latest=r.get("dateLatest"),
                date_precision=_precision(r.get("datePrecision")),
                status=(_local(r.get("status")) or "").lower() or None,
                place=place,
                place_name=r.get("placeName"),
                topic=r.get("topic"),
                participants=_actors(rs, "participant"),
                evidence=_evidences(rs),
            )
        )
    return Page(limit=limit, offset=offset, count=len(items), items=items)


@router.get("/claims", tags=["REST"], response_model=Page[ClaimOut])
async def claims(
    request: Request,
    by: Actor = None,
    about: Actor = None,
    from_: Annotated[dt.date | None, Query(alias="from", description="Stated on or after.")] = None,
    to: Annotated[dt.date | None, Query(description="Stated on or before.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[ClaimOut]:
    """Who claimed what about whom, and when (claims are reports, never facts)."""
    ctx = context(request)
    by_key = await _actor_key(ctx, by)
    about_key = await _actor_key(ctx, about)
    if by_key is None or about_key is None:
        return Page(limit=limit, offset=offset, count=0, items=[])
    values = {
        "by": by_key,
        "about": about_key,
        "from": from_.isoformat() if from_ else None,
        "to": to.isoformat() if to else None,
    }
    rows = await _rows(ctx, "claims", values, limit, offset)
    items = []
    for iri, rs in _group(rows, "claim").items():
        r = rs[0]
        items.append(
            ClaimOut(
                iri=iri,
                type=_local(r["type"]) or "",
                claimant=_actor(r, "claimant"),
                about=_actors(rs, "about"),
                content=r.get("content"),
                stated_on=r.get("statedOn"),
                stated_precision=_precision(r.get("statedPrecision")),
                disputes=r.get("disputes"),
                evidence=_evidences(rs),
            )
        )
    return Page(limit=limit, offset=offset, count=len(items), items=items)


EntityId = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-.~()!,'*%]{0,199}$", description="Q159, or a key")
]


@router.get("/entities/{id}", tags=["REST"], response_model=EntityOut)
async def entity(
    request: Request,
    id: EntityId,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
    offset: Offset = 0,
) -> EntityOut:
    """An actor's timeline: relationships, meetings and claims, by date."""
    rows = await _rows(context(request), "entity", {"id": id}, limit, offset)
    if not rows:
        raise HTTPException(404, f"nothing known about entity {id!r}")
    timeline = []
    for key, rs in _group_by(rows, lambda r: r["fact"] + "|" + r["role"]).items():
        r = rs[0]
        timeline.append(
            TimelineItem(
                kind=r["kind"],
                role=r["role"],
                fact=key.split("|")[0],
                type=_local(r.get("factType")) or "",
                label=r.get("factLabel"),
                date=r.get("date"),
                evidence=_evidences(rs),
            )
        )
    r0 = rows[0]
    return EntityOut(
        iri=r0["entity"], label=r0.get("entityLabel"), qid=r0.get("entityQid"), timeline=timeline
    )


def _group_by(rows: list[Row], key: Callable[[Row], str]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


@router.get("/documents/{id}", tags=["REST"], response_model=DocumentOut)
async def document(
    request: Request,
    id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$", description="Document id (hex).")],
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    offset: Offset = 0,
) -> DocumentOut:
    """A document's metadata and its sentences in order."""
    rows = await _rows(context(request), "document", {"id": id}, limit, offset)
    if not rows:
        raise HTTPException(404, f"no document {id!r}")
    r = rows[0]
    return DocumentOut(
        id=id,
        iri=r["document"],
        title=r.get("title"),
        url=r.get("url"),
        published=r.get("published"),
        date_precision=_precision(r.get("datePrecision")),
        source_key=r.get("sourceKey"),
        text_length=int(r["textLength"]) if "textLength" in r else None,
        sentences=[
            SentenceOut(
                iri=x["sentence"],
                index=int(x["sentenceIndex"]),
                begin=int(x["begin"]),
                end=int(x["end"]),
                text=x["sentenceText"],
            )
            for x in rows
        ],
    )


# --- dereferencing https://w3id.org/accords/id/... ---------------------------------


@router.get("/id/{path:path}", tags=["Linked Data"])
async def dereference(request: Request, path: str) -> Response:
    """An entity or fact IRI: HTML for browsers, Turtle / JSON-LD / ... for RDF clients."""
    ctx = context(request)
    try:
        node = ox.NamedNode(ID_BASE + path)
    except ValueError:
        raise HTTPException(400, f"{path!r} is not a valid IRI path") from None
    accept = request.headers.get("accept")
    html_wanted = request.query_params.get("format") == "html" or (
        "format" not in request.query_params and prefers_html(accept)
    )
    sparql = (
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?p2 ?o2 }} WHERE {{ {{ {node} ?p ?o }} UNION "
        f"{{ ?s <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> "
        f"{node} ; a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence> ; "
        f"?p2 ?o2 }} }}"
    )
    try:
        fmt = negotiate(
            None if html_wanted else accept,
            None if html_wanted else request.query_params.get("format"),
            GRAPH_FORMATS,
            GRAPH_FORMATS[0],
        )
        answer, _ = await ctx.execute(
            sparql, rdf_format="ntriples" if html_wanted else fmt.key, trusted=True
        )
    except NotAcceptable as exc:
        raise HTTPException(406, str(exc)) from None
    except QueryTimeout as exc:
        raise HTTPException(503, str(exc)) from None
    if answer.kind != "graph" or not answer.body.strip():
        raise HTTPException(404, f"nothing is known about <{node.value}>")
    if html_wanted:
        return HTMLResponse(_html(node.value, answer.body), headers={"Vary": "Accept"})
    return Response(answer.body, media_type=fmt.content_type, headers={"Vary": "Accept"})


def _link(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.NamedNode):
        href = term.value
        if href.startswith(ID_BASE):
            href = "/id/" + href[len(ID_BASE) :]
        return f'<a href="{html.escape(href)}">{html.escape(term.value)}</a>'
    return html.escape(term.value if isinstance(term, ox.Literal) else str(term))


def _html(iri: str, ntriples: bytes) -> str:
    rows = []
    for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        rows.append(
            f"<tr><td>{_link(quad.subject)}</td><td>{_link(quad.predicate)}</td>"
            f"<td>{_link(quad.object)}</td></tr>"
        )
    title = html.escape(iri)
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
        f'<link rel="alternate" type="text/turtle" href="?format=turtle"></head><body>'
        f"<h1>{title}</h1><table><thead><tr><th>subject</th><th>property</th><th>value</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>"
    )
