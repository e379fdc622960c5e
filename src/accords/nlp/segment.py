"""Sentence boundaries at line breaks (headlines, datelines, captions have no full stop)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "accords_line_breaks"


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a line break."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Put the component before the parser (idempotent)."""
    if NAME not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(NAME, before="parser")
        else:
            nlp.add_pipe(NAME, first=True)
