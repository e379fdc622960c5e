"""``accords link "text" [--date D]``: show each mention, its entity, the candidates and why."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from accords.linking.gazetteer import load_gazetteer
from accords.linking.linker import link_mentions
from accords.nlp.pipeline import load_pipeline
from accords.records import Document


def link_command(
    text: Annotated[str, typer.Argument(help="the text to link")],
    when: Annotated[str | None, typer.Option("--date", help="document date, YYYY-MM-DD")] = None,
) -> None:
    """Link the actors and places in TEXT to Wikidata (offline), as of --date."""
    try:
        published = date.fromisoformat(when) if when else None
    except ValueError as exc:
        raise typer.BadParameter(f"--date {when!r} is not YYYY-MM-DD") from exc
    document = Document(id="cli", key="cli", text=text, raw_sha256="", published=published)
    gazetteer = load_gazetteer()
    doc = load_pipeline()(text)
    for m in link_mentions(doc, document, gazetteer):
        target = f"{m.entity.key} ({m.entity.label})" if m.entity else "NIL"
        typer.echo(f"[{m.start}:{m.end}] {m.text!r} -> {target}  score={m.score:.2f}")
        typer.echo(f"    candidates: {', '.join(m.candidates) or '-'}")
        typer.echo(f"    why: {m.reason}")
