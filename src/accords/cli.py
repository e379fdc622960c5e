"""The ``accords`` command line."""

from __future__ import annotations

import typer

app = typer.Typer(
    no_args_is_help=True, help="accords: a temporal knowledge graph of state relations"
)

# --- command registrations: one line each, added by the module that owns the command ---
# (keep this block one registration per line so parallel edits do not collide)
app.command("timex")(__import__("accords.commands.timex", fromlist=["timex_command"]).timex_command)
app.command("ingest")(__import__("accords.commands.ingest", fromlist=["_"]).ingest_command)
app.add_typer(__import__("accords.commands.gazetteer", fromlist=["_"]).app, name="gazetteer")
app.command("link")(__import__("accords.commands.link", fromlist=["_"]).link_command)
app.command("serve")(__import__("accords.commands.serve", fromlist=["_"]).serve_command)
app.command("query")(__import__("accords.commands.query", fromlist=["_"]).query_command)
app.command("stats")(__import__("accords.commands.query", fromlist=["_"]).stats_command)
app.command("eval")(__import__("accords.commands.eval", fromlist=["_"]).eval_command)
app.command("validate")(__import__("accords.commands.validate", fromlist=["_"]).validate_command)
app.command("ontology-doc")(
    __import__("accords.rdf.ontology_doc", fromlist=["_"]).ontology_doc_command
)
app.command("extract")(__import__("accords.commands.extract", fromlist=["_"]).extract_command)
app.command("ask")(__import__("accords.commands.ask", fromlist=["_"]).ask_command)
# --- end of command registrations ---


if __name__ == "__main__":
    app()
