"""``accords query`` and ``accords stats``: ask the store from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table

from accords.config import Settings
from accords.errors import AccordsError
from accords.queries import bind, load_named_queries
from accords.sparql_csv import solutions_csv
from accords.store import open_store


def _sparql_text(what: str, params: list[str]) -> str:
    """A named query bound with ``key=value`` params, a .rq file, or SPARQL text."""
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"--param {item!r}: write key=value")
        values[key.strip()] = value
    named = load_named_queries()
    if what in named:
        return bind(named[what], values)
    if what.endswith(".rq") and Path(what).is_file():
        if values:
            from accords.queries import parse_named_query

            return bind(parse_named_query(Path(what).stem, Path(what).read_text("utf-8")), values)
        return Path(what).read_text("utf-8")
    if values:
        raise typer.BadParameter("--param applies to named queries and .rq files only")
    if len(what.split()) < 2:
        raise typer.BadParameter(
            f"{what!r} is not a named query ({', '.join(sorted(named))}), a .rq file or SPARQL"
        )
    return what


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def query_command(
    what: Annotated[str, typer.Argument(help="A named query, a .rq file, or SPARQL text.")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="key=value for the query.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    store: Annotated[str | None, typer.Option(help="Store directory (ACCORDS_STORE).")] = None,
) -> None:
    """Run a query; json is the standard SPARQL JSON results format."""
    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter(f"--format {fmt!r}: use table, json or csv")
    settings = Settings.from_env()
    try:
        sparql = _sparql_text(what, param or [])
        the_store = open_store(store or settings.store, read_only=True)
        result = the_store.query(sparql)
    except (AccordsError, SyntaxError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if isinstance(result, ox.QueryTriples):
        typer.echo(
            (ox.serialize(result, format=ox.RdfFormat.TURTLE) or b"").decode("utf-8"), nl=False
        )
        return
    if fmt == "csv" and isinstance(result, ox.QuerySolutions):
        typer.echo(solutions_csv(result).decode("utf-8"), nl=False)
        return
    if fmt != "table":
        qrf = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV
        typer.echo((result.serialize(format=qrf) or b"").decode("utf-8"))
        return
    if isinstance(result, ox.QueryBoolean):
        typer.echo("true" if bool(result) else "false")
        return
    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    count = 0
    for row in result:
        table.add_row(*(_cell(row[n]) for n in names))
        count += 1
    console = Console()
    console.print(table)
    console.print(f"{count} row(s)")


def stats_command(
    store: Annotated[str | None, typer.Option(help="Store directory (ACCORDS_STORE).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Documents, graphs and quads in the store."""
    settings = Settings.from_env()
    try:
        s = open_store(store or settings.store, read_only=True).stats()
    except (AccordsError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    data = {"documents": s.documents, "graphs": s.graphs, "quads": s.quads}
    if as_json:
        typer.echo(json.dumps(data))
    else:
        for k, v in data.items():
            typer.echo(f"{k}: {v}")
