"""``accords timex``: tag TimeML files, or print the expressions in a piece of text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from accords.errors import AccordsError
from accords.nlp.timeml import annotate_dir, parse_date_value
from accords.nlp.timex import tag


def timex_command(
    input_dir: Annotated[Path | None, typer.Argument(help="folder of .tml/.TE3input files")] = None,
    output_dir: Annotated[Path | None, typer.Argument(help="where the tagged files go")] = None,
    text: Annotated[str | None, typer.Option("--text", help="tag this text instead")] = None,
    ref: Annotated[
        str | None,
        typer.Option("--date", help="document date for --text: 2018-09-07, 2018-09 or 2018"),
    ] = None,
) -> None:
    """Tag temporal expressions: INPUT_DIR OUTPUT_DIR for TimeML, or --text "..." --date D."""
    try:
        if text is not None:
            if input_dir is not None or output_dir is not None:
                raise typer.BadParameter("give either --text or INPUT_DIR OUTPUT_DIR, not both")
            _print_text(text, ref)
            return
        if input_dir is None or output_dir is None:
            raise typer.BadParameter(
                'give INPUT_DIR and OUTPUT_DIR (TimeML folders), or --text "..." [--date D]'
            )
        if ref is not None:
            raise typer.BadParameter("--date goes with --text; TimeML files carry their own DCT")
        written = annotate_dir(input_dir, output_dir)
    except AccordsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{len(written)} files, {sum(written.values())} TIMEX3 tags -> {output_dir}")


def _print_text(text: str, ref: str | None) -> None:
    day: date | None = None
    precision = None
    if ref is not None:
        day, precision = parse_date_value(ref, "--date")
    for t in tag(text, day, precision):
        bounds = f"{t.span.earliest}..{t.span.latest}" if t.span else "-"
        extra = f" to {t.end_span.value}" if t.end_span else ""
        note = f"  ({t.note})" if t.note else ""
        typer.echo(
            f"{t.start}-{t.end}\t{t.text!r}\t{t.type}\t{t.value}\t{t.anchor}{extra}\t{bounds}{note}"
        )
