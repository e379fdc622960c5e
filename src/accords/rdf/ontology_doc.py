"""Generate docs/ontology.md from ontology/accords.ttl (``accords ontology-doc``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from accords.rdf.namespaces import ACC, PREFIXES
from accords.rdf.ontology import load_ontology

ONTOLOGY_IRI = URIRef("https://w3id.org/accords/ontology")
_EXTRA_PREFIXES = {
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "wdt": "http://www.wikidata.org/prop/direct/",
}

EXAMPLES = """\
All examples run as they are on the accords SPARQL endpoint (`accords serve`, then
`http://127.0.0.1:8000/sparql`) or with `accords query`. The default graph is the
union of all named graphs; `GRAPH ?g` tells you which document said it.

**Cooperative alignments that existed in 2018, with the sentence that says so.**
A relationship existed in 2018 when asserted or agreed evidence observes 2018, or
states a start before the end of 2018 (see "Temporal answers" in docs/model.md).

```sparql
PREFIX acc: <https://w3id.org/accords/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?relationship ?type ?memberLabel ?modality ?validFrom ?text WHERE {
  VALUES ?type { acc:Alliance acc:StrategicPartnership acc:MilitaryCooperation
                 acc:SecurityCooperation acc:IntelligenceSharing acc:Backing
                 acc:DiplomaticCoordination }
  ?relationship a ?type ; acc:member ?member ; acc:hasEvidence ?evidence .
  ?member rdfs:label ?memberLabel .
  ?evidence acc:modality ?modality ; acc:sentence/nif:anchorOf ?text .
  OPTIONAL { ?evidence acc:observedFrom ?from ; acc:observedUntil ?until }
  OPTIONAL { ?evidence acc:validFrom ?validFrom }
  FILTER(?modality IN (acc:Asserted, acc:Agreed))
  FILTER((BOUND(?from) && ?from <= "2018-12-31"^^xsd:date && ?until >= "2018-01-01"^^xsd:date)
         || (BOUND(?validFrom) && ?validFrom <= "2018-12-31"^^xsd:date))
}
ORDER BY ?relationship ?memberLabel
```

**Meetings in a period: where, who, and their status.**

```sparql
PREFIX acc: <https://w3id.org/accords/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?meeting ?type ?date ?placeLabel ?participantLabel ?status WHERE {
  VALUES ?type { acc:Meeting acc:Summit acc:Talks acc:PhoneCall acc:Visit }
  ?meeting a ?type ; acc:date ?date ; acc:status ?status ; acc:participant ?p .
  ?p rdfs:label ?participantLabel .
  OPTIONAL { ?meeting acc:place/rdfs:label ?placeLabel }
  FILTER(?date >= "2018-01-01"^^xsd:date && ?date <= "2018-12-31"^^xsd:date)
}
ORDER BY ?date ?meeting ?participantLabel
```

**Who claimed what about whom, and what disputes it.** The content of a claim is
only a string: it is never asserted as a fact.

```sparql
PREFIX acc: <https://w3id.org/accords/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?claim ?type ?claimantLabel ?aboutLabel ?statedOn ?content ?disputedBy WHERE {
  VALUES ?type { acc:Assertion acc:Accusation acc:Denial acc:Proposal acc:Warning acc:Agreement }
  ?claim a ?type ; acc:claimant/rdfs:label ?claimantLabel ; acc:content ?content .
  OPTIONAL { ?claim acc:about/rdfs:label ?aboutLabel }
  OPTIONAL { ?claim acc:statedOn ?statedOn }
  OPTIONAL { ?disputedBy acc:disputes ?claim }
}
ORDER BY ?statedOn ?claim
```

**Everything about one actor, by its Wikidata id, as a timeline with sources.**

```sparql
PREFIX acc: <https://w3id.org/accords/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?fact ?type ?modality ?observedFrom ?validFrom ?validUntil ?text ?published WHERE {
  ?actor acc:wikidataId "Q794" .
  { ?fact acc:member ?actor } UNION { ?fact acc:participant ?actor }
  UNION { ?fact acc:claimant ?actor } UNION { ?fact acc:about ?actor }
  ?fact a ?type ; acc:hasEvidence ?evidence .
  ?evidence acc:modality ?modality ; acc:sentence/nif:anchorOf ?text ; acc:document ?doc .
  OPTIONAL { ?evidence acc:observedFrom ?observedFrom }
  OPTIONAL { ?evidence acc:validFrom ?validFrom }
  OPTIONAL { ?evidence acc:validUntil ?validUntil }
  OPTIONAL { ?doc dct:issued ?published }
}
ORDER BY ?observedFrom ?fact
```

**Actors and their Wikidata entities.**

```sparql
PREFIX acc: <https://w3id.org/accords/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?actor ?kind ?label ?wikidata WHERE {
  VALUES ?kind { acc:State acc:GovernmentBody acc:Ministry acc:ArmedForces
                 acc:IntelligenceService acc:InternationalOrganization acc:ArmedGroup
                 acc:DesignatedTerroristGroup acc:Person }
  ?actor a ?kind ; rdfs:label ?label .
  OPTIONAL { ?actor owl:sameAs ?wikidata }
}
ORDER BY ?label
```
"""


class _Doc:
    """Renders the ontology graph as Markdown."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.prefixes = {str(ns): p for p, ns in PREFIXES.items()}
        self.prefixes.update({ns: p for p, ns in _EXTRA_PREFIXES.items()})

    def name(self, node: Node) -> str:
        if isinstance(node, BNode):
            return self.expression(node)
        text = str(node)
        for ns, prefix in sorted(self.prefixes.items(), key=lambda kv: -len(kv[0])):
            if text.startswith(ns) and text != ns:
                return f"`{prefix}:{text[len(ns) :]}`"
        return f"<{text}>"

    def expression(self, node: BNode) -> str:
        for op, word in ((OWL.unionOf, " or "), (OWL.oneOf, ", ")):
            items = self.g.value(node, op)
            if items is not None:
                return "(" + word.join(self.name(i) for i in Collection(self.g, items)) + ")"
        return "(anonymous class)"

    def text(self, node: Node, prop: URIRef) -> str:
        value = self.g.value(node, prop)
        return " ".join(str(value).split()) if value is not None else ""

    def names(self, nodes: list[Node]) -> str:
        return ", ".join(sorted(self.name(n) for n in nodes))

    def terms(self, kind: URIRef, own: bool) -> list[URIRef]:
        found = {s for s in self.g.subjects(RDF.type, kind) if isinstance(s, URIRef)}
        return sorted(t for t in found if str(t).startswith(str(ACC)) == own)

    def facts(self, term: URIRef, rows: list[tuple[str, URIRef]]) -> list[str]:
        lines = []
        for label, prop in rows:
            values = list(self.g.objects(term, prop))
            if values:
                lines.append(f"- {label}: {self.names(values)}")
        return lines

    def entry(self, term: URIRef, rows: list[tuple[str, URIRef]]) -> list[str]:
        head = f"### {self.name(term).strip('`')}"
        lines = [head, "", f"**{self.text(term, RDFS.label)}**: {self.text(term, SKOS.definition)}"]
        extra = self.facts(term, rows)
        if (term, RDF.type, OWL.FunctionalProperty) in self.g:
            extra.append("- functional: at most one value")
        mappings = self.facts(
            term, [("exact match", SKOS.exactMatch), ("close match", SKOS.closeMatch)]
        )
        if extra or mappings:
            lines.append("")
            lines.extend(extra + mappings)
        return [*lines, ""]

    def tree(self) -> list[str]:
        """The accords class hierarchy as a nested list."""
        own = self.terms(OWL.Class, own=True)
        children: dict[Node, list[URIRef]] = {}
        roots = []
        for c in own:
            parents = [p for p in self.g.objects(c, RDFS.subClassOf) if p in own]
            for p in parents:
                children.setdefault(p, []).append(c)
            if not parents:
                roots.append(c)

        def walk(node: URIRef, depth: int) -> list[str]:
            line = f"{'  ' * depth}- {self.name(node)} ({self.text(node, RDFS.label)})"
            return [line] + [x for c in sorted(children.get(node, [])) for x in walk(c, depth + 1)]

        return [line for r in roots for line in walk(r, 0)]

    def render(self) -> str:
        g, o = self.g, ONTOLOGY_IRI
        out = [
            "# The accords ontology",
            "",
            "<!-- Generated by `accords ontology-doc` from ontology/accords.ttl; do not edit. -->",
            "",
            self.text(o, RDFS.comment),
            "",
            "| | |",
            "|---|---|",
            f"| Namespace | `{ACC}` (prefix `acc:`) |",
            f"| Ontology IRI | `{o}` |",
            f"| Version IRI | `{g.value(o, OWL.versionIRI)}` |",
            f"| Version | {self.text(o, OWL.versionInfo)} |",
            "| File | `ontology/accords.ttl` (OWL 2 DL, Turtle) |",
            "",
            "Instance IRIs, named graphs and which properties each node carries are fixed in",
            "[model.md](model.md); the SHACL shapes in `shapes/` check them. External terms",
            "are declared locally (no `owl:imports`), so the file loads offline. HermiT finds",
            "it consistent when run with `--ignoreUnsupportedDatatypes` (`xsd:date` is outside",
            "the OWL 2 datatype map).",
            "",
            "## Classes",
            "",
        ]
        class_rows = [
            ("subclass of", RDFS.subClassOf),
            ("equivalent to", OWL.equivalentClass),
            ("disjoint with", OWL.disjointWith),
        ]
        out += [*self.tree(), ""]
        for term in self.terms(OWL.Class, own=True):
            out += self.entry(term, class_rows)
        prop_rows = [
            ("subproperty of", RDFS.subPropertyOf),
            ("domain", RDFS.domain),
            ("range", RDFS.range),
        ]
        for title, kind in (
            ("Object properties", OWL.ObjectProperty),
            ("Datatype properties", OWL.DatatypeProperty),
        ):
            out += [f"## {title}", ""]
            for term in self.terms(kind, own=True):
                out += self.entry(term, prop_rows)
        out += ["## Individuals (controlled values)", ""]
        out += ["| individual | label | type | scheme | definition |", "|---|---|---|---|---|"]
        for term in self.terms(OWL.NamedIndividual, own=True):
            types = [t for t in g.objects(term, RDF.type) if t != OWL.NamedIndividual]
            out.append(
                f"| {self.name(term)} | {self.text(term, RDFS.label)} | {self.names(types)} | "
                f"{self.names(list(g.objects(term, SKOS.inScheme)))} | "
                f"{self.text(term, SKOS.definition)} |"
            )
        out += ["", "## External terms used", "", "| term | label | definition |", "|---|---|---|"]
        kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        external = sorted({t for k in kinds for t in self.terms(k, own=False)}, key=str)
        for term in external:
            out.append(
                f"| {self.name(term)} | {self.text(term, RDFS.label)} | "
                f"{self.text(term, SKOS.definition)} |"
            )
        out += ["", "## Example queries", "", EXAMPLES]
        return "\n".join(out)


def render_ontology_doc(graph: Graph | None = None) -> str:
    """The Markdown page documenting every class, property and individual of the ontology."""
    return _Doc(graph if graph is not None else load_ontology()).render()


def default_doc_path() -> Path:
    """``docs/ontology.md`` of the checkout."""
    return Path(__file__).resolve().parents[3] / "docs" / "ontology.md"


def ontology_doc_command(
    output: Annotated[
        Path | None, typer.Option("--output", help="Where to write (default: docs/ontology.md)")
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 if the page is not up to date instead of writing"),
    ] = False,
) -> None:
    """Generate the ontology's documentation page from ontology/accords.ttl."""
    target = output or default_doc_path()
    text = render_ontology_doc()
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            typer.echo(f"{target} is out of date; run accords ontology-doc", err=True)
            raise typer.Exit(1)
        typer.echo(f"{target} is up to date")
        return
    target.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {target}")
