"""Validate a graph against the accords SHACL shapes (no inference, one document at a time)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pyshacl import Validator
from pyshacl.graph_abstraction import DataGraph
from pyshacl.shapes_graph import ShapesGraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from accords.errors import ConfigError
from accords.rdf import sparql_cache
from accords.rdf.conformance import ConformanceCheck, compile_shapes
from accords.rdf.namespaces import ACC, NIF, PREFIXES, SH
from accords.rdf.triples import DocumentGraph
from accords.resources import resource_dir

_LOG = logging.getLogger(__name__)
_LOCK = threading.Lock()

sparql_cache.install()  # pySHACL re-parses each SPARQL constraint per focus node otherwise


@dataclass(frozen=True)
class ValidationResult:
    """One violation: where (focus node, path), what (message), and the sentence behind it."""

    focus: str
    path: str | None
    message: str
    sentence: str | None = None
    value: str | None = None
    severity: str = "Violation"


@dataclass
class ValidationOutcome:
    """The outcome of validating one graph."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    report_text: str = ""
    report_graph: Graph = field(default_factory=Graph)


@cache
def _shapes() -> Graph:
    directory = resource_dir("shapes")
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise ConfigError(f"no SHACL shapes (*.ttl) in {directory}; reinstall accords")
    g = Graph()
    for path in files:
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types on bad syntax
            raise ConfigError(f"{path}: cannot parse shapes: {exc}") from exc
    return g


def shapes_graph() -> Graph:
    """All shapes of ``shapes/`` as one graph (parsed once per process; do not modify)."""
    return _shapes()


@cache
def _compiled() -> ShapesGraph:
    """pySHACL's view of the shapes: harvested and SPARQL-parsed once, then reused."""
    return ShapesGraph(_shapes(), False, _LOG)


def _run(data: Graph) -> tuple[bool, Graph]:
    # advanced: the text-anchor and other cross-node checks are SPARQL-based targets
    options = {
        "inference": "none",
        "inplace": True,
        "abort_on_first": False,
        "logger": _LOG,
        "advanced": True,
    }
    with _LOCK:
        validator = Validator(DataGraph.from_rdflib(data), shacl_graph=_shapes(), options=options)
        validator.shacl_graph = _compiled()  # reuse parsed shapes: parsing dominates small graphs
        conforms, report, _text = validator.run()  # type: ignore[no-untyped-call]
    return bool(conforms), report


@cache
def conformance_check() -> ConformanceCheck | None:
    """The shapes compiled to SPARQL (None when they use a feature it does not cover)."""
    check = compile_shapes(_shapes())
    if check is None:
        _LOG.warning("the shapes use SHACL features the fast check does not cover: pySHACL only")
    return check


def reference_conforms(data: Graph) -> bool:
    """pySHACL's verdict alone: the reference the compiled check is tested against."""
    return _run(data)[0]


def validate_documents(graphs: Sequence[DocumentGraph]) -> list[ValidationOutcome]:
    """Validate document graphs as the builder made them (the ingest path), each on its own.

    The compiled check answers for the whole batch at once from the triples as they are;
    only a graph it cannot clear becomes an rdflib graph for pySHACL and its report.
    """
    check = conformance_check()
    verdicts = check.document_verdicts(graphs) if check else [None] * len(graphs)
    return [
        _CONFORMS if v is True else validate_graph(g.rdflib())
        for g, v in zip(graphs, verdicts, strict=True)
    ]


def validate_document(data: DocumentGraph) -> ValidationOutcome:
    """:func:`validate_documents` for one graph."""
    return validate_documents([data])[0]


def _conforming_report() -> Graph:
    report = Graph()
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(True)))
    return report


_CONFORMS = ValidationOutcome(True, [], "Conforms: yes\n", _conforming_report())


def validate_graph(data: Graph) -> ValidationOutcome:
    """Validate ``data`` (one document's graph, or any graph) against the shapes.

    No inference; ``data`` is not modified. Cost grows with the size of ``data`` only.
    The compiled check answers first; pySHACL writes the report when it finds a violation.
    """
    check = conformance_check()
    verdict = check.conforms(data) if check is not None else None
    if verdict is True:
        return _CONFORMS
    try:
        conforms, report = _run(data)
    except TypeError as exc:  # pySHACL cannot compare some ill-typed values
        if verdict is None:
            raise
        text = f"Conforms: no (pySHACL could not describe the violation: {exc})\n"
        return ValidationOutcome(False, [], text, Graph())
    assert isinstance(report, Graph)
    for prefix, ns in PREFIXES.items():
        report.bind(prefix, ns, override=True)
    results = sorted(_results(report, data), key=lambda r: (r.focus, r.path or "", r.message))
    return ValidationOutcome(
        conforms=conforms,
        results=results,
        report_text=format_results(results, conforms),
        report_graph=report,
    )


def _short(node: Node | None, graph: Graph) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # an IRI that no prefix shortens
            return f"<{node}>"
    if isinstance(node, Literal):
        return str(node)
    return node.n3()


def _anchor(data: Graph, sentence: Node | None) -> str | None:
    text = data.value(sentence, NIF.anchorOf) if sentence is not None else None
    return str(text) if text is not None else None


def source_sentence(data: Graph, focus: Node) -> str | None:
    """The text of the sentence behind a node: itself, its evidence, or a mention of it."""
    if (focus, RDF.type, NIF.Sentence) in data:
        return _anchor(data, focus)
    for sentence in data.objects(focus, ACC.sentence):
        return _anchor(data, sentence)
    for sentence in data.objects(focus, ACC.inSentence):
        return _anchor(data, sentence)
    for evidence in sorted(data.objects(focus, ACC.hasEvidence), key=str):
        for sentence in data.objects(evidence, ACC.sentence):
            return _anchor(data, sentence)
    for mention in sorted(data.subjects(ACC.refersTo, focus), key=str):
        for sentence in data.objects(mention, ACC.inSentence):
            return _anchor(data, sentence)
    return None


def _results(report: Graph, data: Graph) -> list[ValidationResult]:
    found = []
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        if focus is None:
            continue
        severity = report.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        found.append(
            ValidationResult(
                focus=str(focus),
                path=str(p) if (p := report.value(result, SH.resultPath)) is not None else None,
                message="; ".join(messages) or "constraint violated",
                sentence=source_sentence(data, focus),
                value=_short(report.value(result, SH.value), report),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return found


def format_results(results: list[ValidationResult], conforms: bool) -> str:
    """A readable report: one block per result with focus, path, message and sentence."""
    if conforms:
        return "Conforms: yes\n"
    lines = [f"Conforms: no ({len(results)} result{'s' if len(results) != 1 else ''})"]
    for r in results:
        lines.append(f"- {r.severity}: {r.message}")
        lines.append(f"  focus:    <{r.focus}>")
        if r.path:
            lines.append(f"  path:     <{r.path}>")
        if r.value is not None:
            lines.append(f"  value:    {r.value}")
        if r.sentence:
            lines.append(f"  sentence: {r.sentence!r}")
    return "\n".join(lines) + "\n"
