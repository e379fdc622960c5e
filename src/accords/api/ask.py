"""``GET /ask?q=``: a question in plain English, answered from the named queries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from accords.api.context import context
from accords.api.runner import QueryTimeout
from accords.ask import NotUnderstood, answer, not_understood, plan, rows_from_json, sparql_for
from accords.errors import QueryError

router = APIRouter(tags=["Ask"])


@router.get("/ask")
async def ask(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question.")],
) -> dict[str, Any]:
    """Understand a question by patterns, run the named query it maps to, answer with evidence.

    ``understood`` is false (and there are no facts) when the question is outside the
    patterns or names an unknown actor; the message says why.
    """
    ctx = context(request)
    the_plan = await run_in_threadpool(plan, q)
    if isinstance(the_plan, NotUnderstood):
        return not_understood(q, the_plan).to_json()
    try:
        sparql = sparql_for(the_plan, ctx.queries)
        result, _ = await ctx.execute(sparql, trusted=True)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    except QueryTimeout as exc:
        raise HTTPException(503, str(exc)) from None
    if result.kind != "solutions":
        raise HTTPException(
            500, "the named query failed: " + result.body.decode("utf-8", "replace")
        )
    return answer(q, the_plan, sparql, rows_from_json(result.body)).to_json()
