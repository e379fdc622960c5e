"""``accords eval``: score the extractor against hand-annotated gold."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import accords
from accords.errors import AccordsError
from accords.evaluation import evaluate, format_report
from accords.gold import load_gold_dir

_CHECKOUT = Path(accords.__file__).resolve().parent.parent.parent


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


def eval_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="documents (files or folders); default: seeds/")
    ] = None,
    gold: Annotated[
        Path | None, typer.Option("--gold", help="gold folder; default: eval/gold/seeds")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="text or json")] = Format.TEXT,
    errors: Annotated[bool, typer.Option("--errors", help="list every error (text)")] = False,
) -> None:
    """Run the extractor on PATH... and report precision, recall and F1 against gold."""
    gold_dir = gold or _CHECKOUT / "eval" / "gold" / "seeds"
    inputs = paths or [_CHECKOUT / "seeds"]
    try:
        report, skipped = evaluate(inputs, load_gold_dir(gold_dir))
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for note in skipped:
        typer.echo(f"skipped: {note}", err=True)
    if fmt is Format.JSON:
        out = report.as_dict()
        if errors:
            out["errors"] = [e.__dict__ for e in report.errors]
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(report, errors=errors))
