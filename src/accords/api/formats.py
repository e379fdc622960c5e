"""Result formats and content negotiation for SPARQL answers and RDF documents."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    key: str
    media_type: str
    results: ox.QueryResultsFormat | None = None  # SELECT / ASK
    rdf: ox.RdfFormat | None = None  # CONSTRUCT / DESCRIBE / graphs

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml"))
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


QRF = ox.QueryResultsFormat
RF = ox.RdfFormat
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", results=QRF.JSON),
    Format("xml", "application/sparql-results+xml", results=QRF.XML),
    Format("csv", "text/csv", results=QRF.CSV),
    Format("tsv", "text/tab-separated-values", results=QRF.TSV),
)
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", rdf=RF.TURTLE),
    Format("ntriples", "application/n-triples", rdf=RF.N_TRIPLES),
    Format("rdfxml", "application/rdf+xml", rdf=RF.RDF_XML),
    Format("jsonld", "application/ld+json", rdf=RF.JSON_LD),
    Format("nquads", "application/n-quads", rdf=RF.N_QUADS),
    Format("trig", "application/trig", rdf=RF.TRIG),
)
HTML = Format("html", "text/html")
BY_KEY = {f.key: f for f in (*RESULT_FORMATS, *GRAPH_FORMATS, HTML)}
_ALIASES = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "ntriples",
    "application/x-turtle": "turtle",
    "application/json+ld": "jsonld",
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "json-ld": "jsonld",
    "nq": "nquads",
    "n-quads": "nquads",
}


class NotAcceptable(Exception):
    """Nothing the client accepts can be produced."""


def _lookup(name: str, candidates: tuple[Format, ...]) -> Format | None:
    name = name.strip().lower()
    key = _ALIASES.get(name, name)
    for f in candidates:
        if f.key == key or f.media_type == key:
            return f
    return None


def _accept_items(accept: str) -> list[tuple[float, int, str]]:
    items = []
    for order, part in enumerate(accept.split(",")):
        fields = [p.strip() for p in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        items.append((q, order, fields[0].lower()))
    # highest q first; among equal q, the more specific and earlier entry first
    items.sort(key=lambda t: (-t[0], t[2].count("*"), t[1]))
    return items


def negotiate(
    accept: str | None, fmt: str | None, candidates: tuple[Format, ...], default: Format
) -> Format:
    """The answer format: the ``format`` parameter first, then the Accept header."""
    if fmt:
        found = _lookup(fmt, candidates)
        if found is None:
            names = ", ".join(f.key for f in candidates)
            raise NotAcceptable(f"format {fmt!r} is not available here; use one of {names}")
        return found
    if not accept:
        return default
    for q, _, media in _accept_items(accept):
        if q <= 0:
            continue
        if media in ("*/*", "*"):
            return default
        if media.endswith("/*"):
            major = media[:-1]
            if default.media_type.startswith(major):
                return default
            match = next((f for f in candidates if f.media_type.startswith(major)), None)
            if match:
                return match
            continue
        found = _lookup(media, candidates)
        if found is not None:
            return found
    offered = ", ".join(f.media_type for f in candidates)
    raise NotAcceptable(
        f"cannot answer in any of the accepted types ({accept}); offered: {offered}"
    )


def prefers_html(accept: str | None) -> bool:
    """True when a browser asks: text/html ranks first among the accepted types."""
    if not accept:
        return False
    items = [i for i in _accept_items(accept) if i[0] > 0]
    return bool(items) and items[0][2] in ("text/html", "application/xhtml+xml")
