"""Per-``Doc`` caches of what spaCy rebuilds on every access (text, tokens, entity spans)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT = "accords.text"
_ENTS = "accords.ents"
_TOKENS = "accords.tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call."""
    text = doc.user_data.get(_TEXT)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT] = doc.text
    return text


def entity_span(token: Token) -> Span | None:
    """The spaCy entity holding ``token`` within its sentence (as ``token.sent.ents`` has it).

    ``doc.ents`` makes a new span per entity on each access; the bounds of every
    entity are kept in ``doc.user_data`` after the first call (entities must not change
    afterwards: the pipeline has set them).
    """
    doc = token.doc
    bounds = doc.user_data.get(_ENTS)
    if not isinstance(bounds, dict):  # token index -> (start, end, label) of its entity
        bounds = doc.user_data[_ENTS] = {
            i: (e.start, e.end, e.label_) for e in doc.ents for i in range(e.start, e.end)
        }
    found = bounds.get(token.i)
    if found is None:
        return None
    start, end, label = found
    sent = token.sent
    return Span(doc, start, end, label=label) if sent.start <= start and end <= sent.end else None


def tokens_of(sent: Span) -> list[Token]:
    """The tokens of a span; the document's token objects are made once and reused.

    The extractors walk every sentence several times and spaCy makes a new ``Token``
    on each step. :func:`release` drops the cached tokens (they refer back to the doc).
    """
    doc = sent.doc
    tokens = doc.user_data.get(_TOKENS)
    if not isinstance(tokens, list):
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens[sent.start : sent.end]


def release(doc: Doc) -> None:
    """Drop the caches that hold tokens, so the doc is freed without the cycle collector."""
    doc.user_data.pop(_TOKENS, None)
