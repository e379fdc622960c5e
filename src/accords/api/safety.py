"""Checks made on a query's tokens before it reaches the engine.

Refuses federated ``SERVICE``, remote ``FROM`` / ``FROM NAMED`` / dataset parameters
and ``LOAD`` unless the host is allow-listed (the pyoxigraph wheel ships an HTTP
client, so these would really go out), finds the query form, and caps the number of
rows a SELECT may return by rewriting its top-level ``LIMIT``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from accords.sparql_lexer import LexError, Token, significant, unescape_codepoints

LOCAL_PREFIX = "https://w3id.org/accords/"
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


class Refused(Exception):
    """The query cannot be read or is not a query here (a 400 answer)."""


class Forbidden(Refused):
    """The query would reach out of this server (SERVICE, remote FROM, LOAD): 403."""


@dataclass(frozen=True)
class Inspection:
    form: str  # SELECT ASK CONSTRUCT DESCRIBE, or UPDATE
    tokens: list[Token]
    from_graphs: tuple[str, ...]


def _tokens(text: str) -> list[Token]:
    try:
        return significant(unescape_codepoints(text))
    except LexError as exc:
        raise Refused(f"cannot read the query: {exc}") from exc


def _iri_value(tok: Token, prefixes: dict[str, str], base: str) -> str | None:
    if tok.kind == "iri":
        return urljoin(base, tok.text[1:-1]) if base else tok.text[1:-1]
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None


def host_allowed(iri: str, allow: Iterable[str]) -> bool:
    host = (urlsplit(iri).hostname or "").lower()
    return bool(host) and host in {a.lower() for a in allow}


def inspect(
    text: str,
    allow: Iterable[str],
    graph_exists: Callable[[str], bool] | None = None,
) -> Inspection:
    """Tokenize and check one query or update; raises :class:`Refused`.

    The token-level work is cached by query text (clients repeat their queries); whether
    a ``FROM`` graph is stored here is checked on every call.
    """
    allow = tuple(sorted(allow))
    insp = _inspect(text, allow)
    check_graphs(insp.from_graphs, allow, graph_exists)
    return insp


@lru_cache(maxsize=256)
def _inspect(text: str, allow: tuple[str, ...]) -> Inspection:
    toks = _tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    form = ""
    froms: list[str] = []
    for i, tok in enumerate(toks):
        kw = tok.keyword
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if kw == "PREFIX" and nxt is not None and i + 2 < len(toks):
            prefixes[nxt.text[:-1]] = _iri_value(toks[i + 2], prefixes, base) or ""
        elif kw == "BASE" and nxt is not None:
            base = _iri_value(nxt, prefixes, base) or base
        elif kw in FORMS and not form:
            form = kw
        elif (
            kw
            in (
                "INSERT",
                "DELETE",
                "LOAD",
                "CLEAR",
                "DROP",
                "CREATE",
                "ADD",
                "MOVE",
                "COPY",
                "WITH",
            )
            and not form
            and tok.depth == 0
        ):
            form = "UPDATE"
        if kw == "SERVICE":
            target = toks[i + 2] if nxt is not None and nxt.keyword == "SILENT" else nxt
            iri = _iri_value(target, prefixes, base) if target is not None else None
            if iri is None or not host_allowed(iri, allow):
                shown = target.text if target is not None else "?"
                raise Forbidden(
                    f"federated SERVICE {shown} is not allowed on this server "
                    "(allow a host with ACCORDS_SERVICE_ALLOW)"
                )
        elif kw == "LOAD":
            target = toks[i + 2] if nxt is not None and nxt.keyword == "SILENT" else nxt
            iri = _iri_value(target, prefixes, base) if target is not None else None
            if iri is None or not host_allowed(iri, allow):
                raise Forbidden("LOAD of a remote document is not allowed on this server")
        elif kw == "FROM" and form != "UPDATE":
            target = toks[i + 2] if nxt is not None and nxt.keyword == "NAMED" else nxt
            iri = _iri_value(target, prefixes, base) if target is not None else None
            if iri is None:
                raise Refused("FROM needs a graph IRI")
            froms.append(iri)
        elif kw == "USING":
            target = toks[i + 2] if nxt is not None and nxt.keyword == "NAMED" else nxt
            iri = _iri_value(target, prefixes, base) if target is not None else None
            if iri is not None:
                froms.append(iri)
    return Inspection(form or "SELECT", toks, tuple(froms))


def check_graphs(
    graphs: Iterable[str], allow: Iterable[str], graph_exists: Callable[[str], bool] | None
) -> None:
    """Dataset graphs must be ours, stored here, or on an allow-listed host."""
    for g in graphs:
        if g.startswith(LOCAL_PREFIX) or host_allowed(g, allow):
            continue
        if graph_exists is not None and graph_exists(g):
            continue
        raise Forbidden(
            f"graph <{g}> is not in this store and remote graphs are not loaded "
            "(allow a host with ACCORDS_SERVICE_ALLOW)"
        )


def cap_rows(text: str, insp: Inspection, max_rows: int) -> tuple[str, bool]:
    """The query with its top-level LIMIT at most ``max_rows``; and whether it changed.

    The rewrite touches only tokens at brace depth 0 after the query body, so the
    answer stays a well-formed result in the asked format.
    """
    if insp.form != "SELECT":
        return text, False
    text = unescape_codepoints(text)
    toks = insp.tokens
    opened = next((i for i, t in enumerate(toks) if t.text == "{"), len(toks))
    values_at = next(
        (i for i in range(opened, len(toks)) if toks[i].keyword == "VALUES" and toks[i].depth == 0),
        None,
    )
    stop = values_at if values_at is not None else len(toks)
    # the last top-level "}" before a trailing VALUES closes the query body
    body_end = max(
        (i for i in range(stop) if toks[i].text == "}" and toks[i].depth == 1), default=-1
    )
    if body_end < 0:
        return text, False
    limit_at = next((i for i in range(body_end + 1, stop) if toks[i].keyword == "LIMIT"), None)
    if limit_at is not None and limit_at + 1 < len(toks):
        num = toks[limit_at + 1]
        if num.kind == "number" and num.text.isdigit() and int(num.text) <= max_rows:
            return text, False
        if num.kind == "number":
            return text[: num.start] + str(max_rows) + text[num.start + len(num.text) :], True
    where = toks[values_at].start if values_at is not None else len(text)
    return text[:where] + f"\nLIMIT {max_rows}\n" + text[where:], True
