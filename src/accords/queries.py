"""Named SPARQL queries (``queries/*.rq``) with typed, validated parameters.

A query file documents itself in its leading comment lines::

    # Free text: the description (every comment line that is not a directive).
    # @param year integer required -- The calendar year.
    # @param member string optional default=Q794 -- Only relationships with this member.

Types: ``integer``, ``date`` (YYYY-MM-DD), ``string``, ``qid`` (Q123), ``iri``
(an absolute http(s) IRI, or a bare entity key such as ``Q159`` meaning
``https://w3id.org/accords/id/entity/Q159``). In the query text a parameter is the
variable ``$name``; :func:`bind` replaces those variable tokens by RDF terms that
pyoxigraph serialises (never by raw input). An optional parameter left out becomes a
fresh unbound variable, so queries test it with ``COALESCE($name, "") = ""``. A comment line
``#@page`` marks where :func:`bind` puts ``LIMIT``/``OFFSET`` when paging is asked.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from accords.errors import QueryError
from accords.resources import resource_dir
from accords.sparql_lexer import LexError, tokenize

ParamType = Literal["integer", "date", "string", "iri", "qid"]
PARAM_TYPES: tuple[ParamType, ...] = ("integer", "date", "string", "iri", "qid")
ENTITY_BASE = "https://w3id.org/accords/id/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"

_PARAM_LINE = re.compile(
    r"^#\s*@param\s+(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)\s+(?P<req>required|optional)"
    r"(?:\s+default=(?P<default>\S+))?\s*(?:--\s*(?P<doc>.*))?$"
)
_QID = re.compile(r"^Q[1-9]\d*$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-.~()!,'*%]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PAGE_MARK = "#@page"


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: ParamType
    required: bool
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: list[QueryParam]
    text: str

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)


def parse_named_query(name: str, text: str, source: str = "") -> NamedQuery:
    """Read the header of a query file; raises :class:`QueryError` on a bad ``@param``."""
    where = source or name
    description: list[str] = []
    params: list[QueryParam] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        if stripped.startswith(_PAGE_MARK):
            continue
        if re.match(r"^#\s*@param\b", stripped):
            m = _PARAM_LINE.match(stripped)
            if m is None or m["type"] not in PARAM_TYPES:
                raise QueryError(
                    f"{where}: malformed parameter line {stripped!r}; expected "
                    "'# @param NAME TYPE required|optional [default=VALUE] -- doc' with TYPE "
                    f"one of {', '.join(PARAM_TYPES)}"
                )
            ptype: ParamType = m["type"]
            params.append(
                QueryParam(m["name"], ptype, m["req"] == "required", m["default"], m["doc"] or "")
            )
        else:
            description.append(stripped.lstrip("#").strip())
    return NamedQuery(name, " ".join(d for d in description if d), params, text)


def load_named_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every ``*.rq`` file of the queries directory, by file stem."""
    folder = directory or resource_dir("queries")
    out: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        out[path.stem] = parse_named_query(path.stem, path.read_text("utf-8"), str(path))
    return out


def get_named_query(name: str, queries: Mapping[str, NamedQuery] | None = None) -> NamedQuery:
    known = queries if queries is not None else load_named_queries()
    if name not in known:
        raise QueryError(f"unknown named query {name!r}; known: {', '.join(sorted(known))}")
    return known[name]


def _term(param: QueryParam, raw: str) -> str:
    """The SPARQL text of one parameter value, checked against its type."""
    value = raw.strip()
    bad = f"parameter {param.name!r}: {raw!r} is not "
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", value):
            raise QueryError(bad + "an integer")
        return str(ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer")))
    if param.type == "date":
        try:
            if not _DATE.match(value):
                raise ValueError(value)
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise QueryError(bad + "a date (YYYY-MM-DD)") from None
        return str(ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date")))
    if param.type == "qid":
        if not _QID.match(value):
            raise QueryError(bad + "a Wikidata id like Q7747")
        return str(ox.Literal(value))
    if param.type == "iri":
        if _KEY.match(value) and ":" not in value:
            value = ENTITY_BASE + value
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", value):
            raise QueryError(bad + "an http(s) IRI or an entity key such as Q159")
        try:
            return str(ox.NamedNode(value))
        except ValueError as exc:
            raise QueryError(bad + f"a valid IRI ({exc})") from None
    if len(value) > 500:
        raise QueryError(f"parameter {param.name!r} is longer than 500 characters")
    return str(ox.Literal(value))


@functools.lru_cache(maxsize=64)
def _template(text: str, params: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """A query text read once (the named queries are long) as parts to join by :func:`bind`.

    Each part is ``("text", chunk)``, ``("param", name)`` or ``("page", "")``.
    """
    parts: list[tuple[str, str]] = []
    chunk: list[str] = []
    for tok in tokenize(text):
        if tok.kind == "var" and tok.text.startswith("$") and tok.text[1:] in params:
            parts += [("text", "".join(chunk)), ("param", tok.text[1:])]
            chunk = []
        elif tok.kind == "comment" and tok.text.strip() == _PAGE_MARK:
            parts += [("text", "".join(chunk)), ("page", tok.text)]
            chunk = []
        else:
            chunk.append(tok.text)
    parts.append(("text", "".join(chunk)))
    return tuple(parts)


def _page_clause(limit: int | None, offset: int | None) -> str:
    parts = []
    if limit is not None:
        if limit < 0:
            raise QueryError(f"limit must be >= 0, not {limit}")
        parts.append(f"LIMIT {int(limit)}")
    if offset:
        if offset < 0:
            raise QueryError(f"offset must be >= 0, not {offset}")
        parts.append(f"OFFSET {int(offset)}")
    return " ".join(parts)


def bind(
    query: NamedQuery,
    values: Mapping[str, str],
    *,
    limit: int | None = None,
    offset: int | None = None,
) -> str:
    """The query text with every parameter checked and substituted as an RDF term.

    ``limit``/``offset`` page at the ``#@page`` mark (or the end of the query).
    Raises :class:`QueryError` for unknown, missing or malformed parameters.
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise QueryError(
            f"{query.name}: unknown parameter(s) {', '.join(unknown)}; "
            f"it takes {', '.join(declared) or 'none'}"
        )
    terms: dict[str, str] = {}
    for p in query.params:
        raw = values.get(p.name)
        if raw is None or raw == "":
            raw = p.default
        if raw is None:
            if p.required:
                raise QueryError(f"{query.name}: missing required parameter {p.name!r} ({p.doc})")
            continue
        terms[p.name] = _term(p, raw)
    page = _page_clause(limit, offset)
    try:
        parts = _template(query.text, frozenset(declared))
    except LexError as exc:
        raise QueryError(f"{query.name}: cannot read the query text: {exc}") from exc
    out: list[str] = []
    paged = False
    for kind, value in parts:
        if kind == "param":
            out.append(terms.get(value, "?unbound_param_" + value))
        elif kind == "page" and page:
            out.append(page)
            paged = True
        else:
            out.append(value)
    if page and not paged:
        out.append("\n" + page)
    return "".join(out)
