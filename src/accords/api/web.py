"""The web page at ``/`` (explorer, timeline, ask, query console) and its static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from accords.api.context import context
from accords.errors import QueryError
from accords.queries import NamedQuery, bind

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
#: values that make the named queries runnable as console examples
EXAMPLE_VALUES = {
    "year": "2018",
    "from": "2015-01-01",
    "to": "2022-12-31",
    "id": "Q159",
    "actor": "Q7747",
}

router = APIRouter(include_in_schema=False)
router.mount("/static", StaticFiles(directory=STATIC), name="static")


@router.get("/")
async def index() -> FileResponse:
    """The single-page application."""
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


def example(query: NamedQuery) -> str:
    """The query with example values for its parameters (left as variables otherwise)."""
    values = {
        p.name: EXAMPLE_VALUES[p.name]
        for p in query.params
        if p.name in EXAMPLE_VALUES and not (p.name == "id" and p.type != "iri")
    }
    try:
        return bind(query, values)
    except QueryError:
        return query.text


@router.get("/web/examples")
async def examples(request: Request) -> list[dict[str, Any]]:
    """The named queries as console examples: name, description, runnable text."""
    return [
        {"name": q.name, "description": q.description, "sparql": example(q)}
        for q in context(request).queries.values()
    ]
