"""``accords ask "..."``: a question in plain English, answered from the store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from accords.ask import Answer, ask_store
from accords.config import Settings
from accords.errors import AccordsError
from accords.store import open_store


def _print(ans: Answer, show_sparql: bool) -> None:
    typer.echo(ans.message)
    for fact in ans.facts:
        when = f" ({fact.date})" if fact.date else ""
        detail = f" [{fact.detail}]" if fact.detail else ""
        typer.echo(f"- {fact.type}: {', '.join(fact.actors)}{when}{detail}")
        for ev in fact.evidence:
            source = ev.title or ev.document_id
            date = f", {ev.published}" if ev.published else ""
            typer.echo(f"    “{ev.text}” — {source}{date} ({ev.modality})")
    if show_sparql and ans.sparql:
        typer.echo(f"\nSPARQL ({ans.query}):\n{ans.sparql}")


def ask_command(
    question: Annotated[
        str, typer.Argument(help="The question, e.g. 'which alliances existed in 2018'.")
    ],
    store: Annotated[str | None, typer.Option(help="Store directory (ACCORDS_STORE).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    sparql: Annotated[bool, typer.Option("--sparql", help="Also print the SPARQL it ran.")] = False,
) -> None:
    """Answer a question from the graph; exit 1 when the question is not understood."""
    settings = Settings.from_env()
    try:
        the_store = open_store(store or settings.store, read_only=True)
        ans = ask_store(question, the_store)
    except (AccordsError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(ans.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(ans, sparql)
    if not ans.understood:
        raise typer.Exit(1)
