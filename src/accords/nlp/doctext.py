"""The text of a spaCy ``Doc``, joined once (``Doc.text`` joins every token on each access)."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "accords.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_KEY] = doc.text
    return text
