"""A fast conformance check: the SHACL shapes compiled into SPARQL queries.

pySHACL walks every focus node in Python (0.2-0.6 s per document graph, most of
the ingest time). The shapes use a small part of SHACL, which translates into
SPARQL patterns that match exactly when a constraint is violated; pyoxigraph
answers them for a batch of document graphs in milliseconds per graph. pySHACL
stays the reference: it writes every report, decides what this check cannot,
and :func:`compile_shapes` returns ``None`` for shapes that use a feature not
translated here, so that validation falls back to it entirely.

Semantics follow SHACL Core as pySHACL applies it without inference
(``sh:targetClass`` and ``sh:class`` follow ``rdfs:subClassOf`` in the data
graph) plus SPARQL-based targets and constraints (SHACL-AF, SHACL-SPARQL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from accords.rdf.namespaces import SH
from accords.rdf.triples import DocumentGraph, OxTriple, oxigraph_triples

#: Predicates of a shape that carry no constraint (documentation, messages, grouping).
_IGNORED = {
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    RDFS.label,
    RDFS.comment,
    RDF.type,
}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}
#: Datatypes whose lexical forms SPARQL can check by casting.
_CASTABLE = {
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.boolean,
    XSD.date,
    XSD.dateTime,
}
_NODE_KINDS: dict[Node, str] = {
    SH.IRI: "!isIRI({v})",
    SH.Literal: "!isLiteral({v})",
    SH.BlankNode: "!isBlank({v})",
    SH.BlankNodeOrIRI: "isLiteral({v})",
    SH.BlankNodeOrLiteral: "isIRI({v})",
    SH.IRIOrLiteral: "isBlank({v})",
}
_COMPARISONS: dict[Node, str] = {
    SH.minInclusive: ">=",
    SH.minExclusive: ">",
    SH.maxInclusive: "<=",
    SH.maxExclusive: "<",
}
_PAIR_COMPARISONS: dict[Node, str] = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}


_SELECT = re.compile(
    r"\s*SELECT\s+(DISTINCT\s+)?(?P<projection>([?$]\w+\s*)+)WHERE\s*\{(?P<body>.*)\}\s*",
    re.IGNORECASE | re.DOTALL,
)


class Unsupported(Exception):
    """The shapes use a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class _Reach:
    """The triple pattern from a focus node along a property shape's path to a value."""

    this: str
    path: str

    def __call__(self, value: str) -> str:
        return f"{self.this} {self.path} {value} ."


def _count(node: Node) -> int:
    """A count such as sh:minCount's value."""
    value = node.toPython() if isinstance(node, Literal) else None
    if not isinstance(value, int) or value < 0:
        raise Unsupported(f"count {node!r}")
    return value


def _term(node: Node) -> str:
    """A constant in SPARQL syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"a blank node {node} used as a constant")


def _string(text: str) -> str:
    return Literal(text).n3()


@dataclass
class _Compiler:
    shapes: Graph
    _fresh: count[int]
    _prefixes: dict[str, str]
    _active: set[Node]
    #: How a focus node reaches its class: ``a`` when the data has no subclass axioms.
    typed: str

    def var(self) -> str:
        return f"?v{next(self._fresh)}"

    # --- paths and targets ----------------------------------------------------------

    def path(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if (node, RDF.first, None) in self.shapes:
            return "(" + "/".join(self.path(p) for p in Collection(self.shapes, node)) + ")"
        for predicate, template in (
            (SH.inversePath, "^{}"),
            (SH.zeroOrMorePath, "{}*"),
            (SH.oneOrMorePath, "{}+"),
            (SH.zeroOrOnePath, "{}?"),
        ):
            inner = self.shapes.value(node, predicate)
            if inner is not None:
                return "(" + template.format(self.path(inner)) + ")"
        alternatives = self.shapes.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in Collection(self.shapes, alternatives)) + ")"
        raise Unsupported(f"path {node}")

    def targets(self, shape: Node, this: str) -> list[str]:
        found = []
        classes = sorted(self.shapes.objects(shape, SH.targetClass), key=str)
        if (shape, RDF.type, RDFS.Class) in self.shapes:
            classes.append(shape)
        if len(classes) == 1:
            found.append(f"{this} {self.typed} {_term(classes[0])} .")
        elif classes:
            name = self.var()
            listed = " ".join(_term(c) for c in classes)
            found.append(f"VALUES {name} {{ {listed} }} {this} {self.typed} {name} .")
        if (shape, SH.targetNode, None) in self.shapes:
            raise Unsupported("sh:targetNode (a focus node that may be in no graph)")
        for p in self.shapes.objects(shape, SH.targetSubjectsOf):
            found.append(f"{this} {_term(p)} {self.var()} .")
        for p in self.shapes.objects(shape, SH.targetObjectsOf):
            found.append(f"{self.var()} {_term(p)} {this} .")
        for target in self.shapes.objects(shape, SH.target):
            found.append(self.sparql_target(target, this))
        return found

    def sparql_target(self, target: Node, this: str) -> str:
        if (target, RDF.type, SH.SPARQLTarget) not in self.shapes:
            raise Unsupported(f"target {target} is not a sh:SPARQLTarget")
        self.declare(target)
        select = self.shapes.value(target, SH.select)
        if select is None:
            raise Unsupported(f"SPARQL target {target} without sh:select")
        return self.inline(str(select), this)

    def declare(self, node: Node) -> None:
        """Collect the prefixes a SPARQL-based target or constraint declares."""
        for source in self.shapes.objects(node, SH.prefixes):
            for decl in self.shapes.objects(source, SH.declare):
                prefix = self.shapes.value(decl, SH.prefix)
                namespace = self.shapes.value(decl, SH.namespace)
                if prefix is None or namespace is None:
                    raise Unsupported(f"incomplete sh:declare in {source}")
                known = self._prefixes.setdefault(str(prefix), str(namespace))
                if known != str(namespace):
                    raise Unsupported(f"prefix {prefix} declared twice with two namespaces")

    # --- shapes -------------------------------------------------------------------

    def violations(self, shape: Node, this: str) -> list[str]:
        """Group bodies, each with a solution exactly when ``shape`` is violated at ``this``.

        ``this`` is bound by the caller (a target pattern before the body, or an outer
        value inside EXISTS).
        """
        if shape in self._active:
            raise Unsupported(f"recursive shape {shape}")
        if self.shapes.value(shape, SH.deactivated) == Literal(True):
            return []
        severity = self.shapes.value(shape, SH.severity)
        if severity is not None and severity != SH.Violation:
            raise Unsupported(f"severity {severity} (only violations are compiled)")
        self._active.add(shape)
        try:
            path_node = self.shapes.value(shape, SH.path)
            if path_node is None:
                conditions = self.value_conditions(shape, this)
                bodies = [f"FILTER({' || '.join(conditions)})"] if conditions else []
                bodies.extend(self.node_constraints(shape, this))
            else:
                bodies = self.property_constraints(shape, this, _Reach(this, self.path(path_node)))
            for prop in self.shapes.objects(shape, SH.property):
                bodies.extend(self.violations(prop, this))
        finally:
            self._active.discard(shape)
        return bodies

    def conforms(self, shape: Node, value: str) -> str:
        """A filter expression true when ``value`` conforms to ``shape``."""
        bodies = self.violations(shape, value)
        if not bodies:
            return "true"
        if all(b.startswith("FILTER(") and b.endswith(")") for b in bodies):
            return "!(" + " || ".join(b[len("FILTER") :] for b in bodies) + ")"
        return "NOT EXISTS { " + " UNION ".join("{ " + b + " }" for b in bodies) + " }"

    def shape_list(self, node: Node) -> list[Node]:
        return list(Collection(self.shapes, node))

    def node_constraints(self, shape: Node, this: str) -> list[str]:
        """The constraints of a node shape that are not about its value node alone."""
        bodies = []
        for predicate, obj in sorted(self.shapes.predicate_objects(shape)):
            if predicate == SH.hasValue:
                bodies.append(f"FILTER(!sameTerm({this}, {_term(obj)}))")
            elif predicate == SH.sparql:
                bodies.append(self.sparql_constraint(obj, this, None))
            elif predicate not in _KNOWN:
                raise Unsupported(f"{predicate} on node shape {shape}")
        return bodies

    def property_constraints(self, shape: Node, this: str, reach: _Reach) -> list[str]:
        bodies = []
        value = self.var()
        conditions = self.value_conditions(shape, value)
        if conditions:
            bodies.append(f"{reach(value)} FILTER({' || '.join(conditions)})")
        for predicate, obj in sorted(self.shapes.predicate_objects(shape)):
            if predicate == SH.minCount and _count(obj) > 0:
                bodies.append(f"FILTER NOT EXISTS {{ {self.distinct(_count(obj), reach)} }}")
            elif predicate == SH.maxCount:
                bodies.append(self.distinct(_count(obj) + 1, reach))
            elif predicate in _PAIR_COMPARISONS:
                other, op = self.var(), _PAIR_COMPARISONS[predicate]
                bodies.append(
                    f"{reach(value)} {this} {_term(obj)} {other} . "
                    f"FILTER(!COALESCE({value} {op} {other}, false))"
                )
            elif predicate == SH.disjoint:
                bodies.append(f"{reach(value)} {this} {_term(obj)} {value} .")
            elif predicate == SH.hasValue:
                bodies.append(
                    f"FILTER NOT EXISTS {{ {reach(value)} FILTER(sameTerm({value}, {_term(obj)})) }}"
                )
            elif predicate == SH.qualifiedValueShape:
                bodies.extend(self.qualified(shape, obj, reach))
            elif predicate == SH.sparql:
                bodies.append(self.sparql_constraint(obj, this, reach.path))
            elif predicate not in _KNOWN and predicate not in _COUNTS:
                raise Unsupported(f"{predicate} on property shape {shape}")
        return bodies

    def value_conditions(self, shape: Node, v: str) -> list[str]:
        """Filter expressions true when the value node ``v`` violates a constraint."""
        found: list[str] = []
        for predicate, obj in sorted(self.shapes.predicate_objects(shape)):
            if predicate == SH.datatype:
                found.append(self.datatype(obj, v))
            elif predicate == SH.nodeKind:
                if obj not in _NODE_KINDS:
                    raise Unsupported(f"sh:nodeKind {obj}")
                found.append(_NODE_KINDS[obj].format(v=v))
            elif predicate == SH["class"]:
                found.append(f"NOT EXISTS {{ {v} {self.typed} {_term(obj)} }}")
            elif predicate == SH["in"]:
                options = " || ".join(f"sameTerm({v}, {_term(o)})" for o in self.shape_list(obj))
                found.append(f"!({options or 'false'})")
            elif predicate == SH.pattern:
                flags = self.shapes.value(shape, SH.flags)
                regex = f"REGEX(STR({v}), {_string(str(obj))}, {_string(str(flags or ''))})"
                found.append(f"(isBlank({v}) || !{regex})")
            elif predicate in (SH.minLength, SH.maxLength):
                op = "<" if predicate == SH.minLength else ">"
                found.append(f"(isBlank({v}) || STRLEN(STR({v})) {op} {_count(obj)})")
            elif predicate in _COMPARISONS:
                found.append(f"!COALESCE({v} {_COMPARISONS[predicate]} {_term(obj)}, false)")
            elif predicate == SH.node:
                found.append(f"!({self.conforms(obj, v)})")
            elif predicate == SH["not"]:
                found.append(self.conforms(obj, v))
            elif predicate == SH["or"]:
                parts = [f"!({self.conforms(s, v)})" for s in self.shape_list(obj)]
                found.append("(" + (" && ".join(parts) or "true") + ")")
            elif predicate == SH["and"]:
                parts = [f"!({self.conforms(s, v)})" for s in self.shape_list(obj)]
                found.append("(" + (" || ".join(parts) or "false") + ")")
        return found

    def datatype(self, datatype: Node, v: str) -> str:
        if datatype == RDF.langString:
            return f'(!isLiteral({v}) || LANG({v}) = "")'
        check = f"(!isLiteral({v}) || !sameTerm(DATATYPE({v}), {_term(datatype)})"
        if datatype in _CASTABLE:  # ill-formed lexical forms violate sh:datatype too
            check += f" || !COALESCE({_term(datatype)}(STR({v})) = {v}, false)"
        return check + ")"

    def distinct(self, n: int, reach: _Reach, shape: Node | None = None) -> str:
        """A pattern matching ``n`` pairwise different values (each conforming to ``shape``)."""
        if n > 4:
            raise Unsupported(f"a count of {n}")
        names = [self.var() for _ in range(n)]
        parts = []
        for name in names:
            parts.append(reach(name))
            if shape is not None:
                parts.append(f"FILTER({self.conforms(shape, name)})")
        for i, a in enumerate(names):
            parts.extend(f"FILTER(!sameTerm({a}, {b}))" for b in names[i + 1 :])
        return " ".join(parts)

    def qualified(self, shape: Node, qualified: Node, reach: _Reach) -> list[str]:
        if self.shapes.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise Unsupported("sh:qualifiedValueShapesDisjoint")
        bodies = []
        low = self.shapes.value(shape, SH.qualifiedMinCount)
        if low is not None and _count(low) > 0:
            bodies.append(f"FILTER NOT EXISTS {{ {self.distinct(_count(low), reach, qualified)} }}")
        high = self.shapes.value(shape, SH.qualifiedMaxCount)
        if high is not None:
            bodies.append(self.distinct(_count(high) + 1, reach, qualified))
        return bodies

    def sparql_constraint(self, constraint: Node, this: str, path: str | None) -> str:
        if this != "?this":
            raise Unsupported("a SPARQL-based constraint inside a nested shape")
        if self.shapes.value(constraint, SH.deactivated) == Literal(True):
            return "FILTER(false)"
        self.declare(constraint)
        select = self.shapes.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"SPARQL constraint {constraint} without sh:select")
        text = str(select)
        if "$PATH" in text:
            if path is None:
                raise Unsupported("$PATH in a node shape's SPARQL constraint")
            text = text.replace("$PATH", path)
        return self.inline(text, this)

    def inline(self, select: str, this: str) -> str:
        """The WHERE group of a SPARQL-based target or constraint, its variables renamed.

        A sub-SELECT would do, but Oxigraph does not bind ``GRAPH ?g`` around a group
        holding only a sub-SELECT, and the check runs inside ``GRAPH ?g``. Projection
        aside, the group has a solution exactly when the SELECT has one.
        """
        match = _SELECT.fullmatch(select)
        if (
            match is None
            or "'" in select
            or '"' in select
            or re.search(r"<[^>\s]*[?$][^>\s]*>", select)
        ):
            raise Unsupported(f"a SPARQL select other than SELECT ... WHERE {{ ... }}: {select}")
        body = match.group("body")
        if re.search(r"\b(SELECT|SERVICE|GRAPH)\b", body, re.IGNORECASE):
            raise Unsupported("a nested SELECT, SERVICE or GRAPH in a SPARQL-based shape")
        tag = next(self._fresh)

        def rename(found: re.Match[str]) -> str:
            name = found.group(1)
            return this if name == "this" else f"?q{tag}_{name}"

        return "{ " + re.sub(r"[?$](\w+)", rename, body) + " }"


_VALUE_CONSTRAINTS = {
    SH.datatype,
    SH.nodeKind,
    SH["class"],
    SH["in"],
    SH.pattern,
    SH.flags,
    SH.minLength,
    SH.maxLength,
    SH.node,
    SH["not"],
    SH["or"],
    SH["and"],
    *_COMPARISONS,
}
_COUNTS = {
    SH.minCount,
    SH.maxCount,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
    *_PAIR_COMPARISONS,
    SH.disjoint,
    SH.hasValue,
    SH.qualifiedValueShape,
    SH.sparql,
}
#: Predicates a shape may carry that are handled elsewhere or carry no constraint.
_KNOWN = (
    _IGNORED
    | _TARGETS
    | _VALUE_CONSTRAINTS
    | {
        SH.path,
        SH.property,
        SH.deactivated,
        SH.severity,
        SH.hasValue,
        SH.sparql,
    }
)


def _node_shapes(shapes: Graph) -> list[Node]:
    """Shapes with targets, in a stable order."""
    found: set[Node] = set()
    for predicate in _TARGETS:
        found.update(shapes.subjects(predicate, None))
    found.update(
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, RDF.type, RDFS.Class) in shapes
    )
    return sorted(found, key=str)


@dataclass(frozen=True)
class ConformanceCheck:
    """The shapes as SPARQL queries, each selecting the graphs that violate some constraints."""

    #: for data without ``rdfs:subClassOf`` triples (ours), and for data with them
    direct: tuple[str, ...]
    inferred: tuple[str, ...]

    def verdicts(self, graphs: Sequence[Iterable[OxTriple]]) -> list[bool | None]:
        """For each graph of triples: whether it conforms, or None when only pySHACL can tell."""
        named = [DocumentGraph(f"urn:accords:check:{i}", g) for i, g in enumerate(graphs)]
        return self.document_verdicts(named)

    def document_verdicts(self, graphs: Sequence[DocumentGraph]) -> list[bool | None]:
        """For each named graph: whether it conforms, or None when only pySHACL can tell.

        The graphs are checked together, each under its own name in a scratch store
        (every pattern is matched inside one graph), so that the queries are parsed once
        per batch: parsing costs more than matching on a document graph. Graphs of the same
        name are the same document (its name is its content hash) and share a verdict.
        Oxigraph stores typed literals in canonical form ("01"^^xsd:integer as "1",
        xsd:nonNegativeInteger as xsd:integer), which would hide what sh:datatype or
        sh:pattern look at; a graph with such a literal is left to pySHACL.
        """
        store = ox.Store()
        names = [g.identifier for g in graphs]
        typed: dict[str, set[tuple[str, str]]] = {name: set() for name in names}
        for graph in graphs:
            seen = typed[graph.identifier]
            for _, _, o in graph.triples:
                if type(o) is ox.Literal and o.language is None and o.datatype != _STRING:
                    seen.add((o.value, o.datatype.value))
            store.extend(graph.own_quads)
        stored: dict[str, set[tuple[str, str]]] = {name: set() for name in names}
        for row in store.query(_TYPED_LITERALS):  # type: ignore[union-attr]
            stored[row[0].value].add((row[1].value, row[2].value))
        undecided = {name for name in names if stored[name] != typed[name]}
        subclasses = store.quads_for_pattern(None, ox.NamedNode(RDFS.subClassOf), None, None)
        failing: set[str] = set()
        for query in self.inferred if any(True for _ in subclasses) else self.direct:
            for row in store.query(query):  # type: ignore[union-attr]
                if row[0] is None:  # a match in no graph: leave the whole batch to pySHACL
                    return [None] * len(graphs)
                failing.add(row[0].value)
        return [None if name in undecided else name not in failing for name in names]

    def verdict(self, triples: Iterable[OxTriple]) -> bool | None:
        """Whether one graph conforms, or None when only pySHACL can tell."""
        return self.verdicts([triples])[0]

    def conforms(self, data: Graph) -> bool | None:
        """Whether an rdflib graph conforms, or None when only pySHACL can tell."""
        return self.verdict(oxigraph_triples(data))


_STRING = ox.NamedNode(XSD.string)
_TYPED_LITERALS = f"""SELECT DISTINCT ?graph ?value (DATATYPE(?value) AS ?type) WHERE {{ GRAPH ?graph {{
    ?s ?p ?value FILTER(isLiteral(?value) && LANG(?value) = "" && DATATYPE(?value) != <{XSD.string}>)
}} }}"""


def compile_shapes(shapes: Graph) -> ConformanceCheck | None:
    """Translate ``shapes`` into a :class:`ConformanceCheck`, or None when it cannot."""
    direct = _queries(shapes, "a")
    inferred = _queries(shapes, f"a/<{RDFS.subClassOf}>*")
    if direct is None or inferred is None:
        return None
    return ConformanceCheck(direct, inferred)


#: Branches per query (measured: a few per query parse and run faster than one or all).
_GROUP = 3


def _queries(shapes: Graph, typed: str) -> tuple[str, ...] | None:
    compiler = _Compiler(shapes, count(), {}, set(), typed)
    groups = []
    try:
        for shape in _node_shapes(shapes):
            targets = compiler.targets(shape, "?this")
            focus = (
                targets[0] if len(targets) == 1 else " UNION ".join(f"{{ {t} }}" for t in targets)
            )
            branches = [f"{{ {focus} {body} }}" for body in compiler.violations(shape, "?this")]
            for i in range(0, len(branches), _GROUP):
                groups.append(" UNION ".join(branches[i : i + _GROUP]))
    except Unsupported:
        return None
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(compiler._prefixes.items()))
    queries = tuple(
        f"{prefixes}SELECT DISTINCT ?graph WHERE {{ GRAPH ?graph {{ {group} }} }}"
        for group in groups
    )
    probe = ox.Store()
    try:
        for query in queries:
            probe.query(query)
    except SyntaxError:
        return None
    return queries
