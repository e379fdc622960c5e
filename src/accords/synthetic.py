"""Synthetic graphs in the accords vocabulary (docs/model.md), for benchmarks and tests.

``facts`` facts spread over documents of 20 facts each: 70 % relationships (pairs of
200 states drawn with a skew, so pairs repeat and relationships gather evidence from
many documents), 15 % meetings and 15 % claims. Each fact has one evidence and one
sentence; observed periods are mostly days and years between 1990 and 2024; about one
evidence in eight states a start (``validFrom``) and one in twenty an end. Written as
N-Quads text (no rdflib: a million facts take seconds) and bulk-loaded by pyoxigraph.
Deterministic for a given ``facts`` and ``seed``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

from accords.rdf.index import member_year, observed_years

ACC = "https://w3id.org/accords/ontology#"
ID = "https://w3id.org/accords/id/"
GRAPH = "https://w3id.org/accords/graph/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
COOPERATIVE = (
    "Alliance",
    "StrategicPartnership",
    "MilitaryCooperation",
    "SecurityCooperation",
    "IntelligenceSharing",
    "Backing",
    "DiplomaticCoordination",
)
ANTAGONISM = ("Rivalry", "Hostility", "Sanctions")
DIRECTED = frozenset({"Backing", "Hostility", "Sanctions"})
MEETINGS = ("Meeting", "Summit", "Talks", "PhoneCall", "Visit")
CLAIMS = ("Assertion", "Accusation", "Denial", "Proposal", "Warning", "Agreement")
STATES = 200
FACTS_PER_DOCUMENT = 20


def state_qid(i: int) -> str:
    """The Wikidata-like id of synthetic state ``i`` (Q1000 ... Q1199)."""
    return f"Q{1000 + i}"


def _date(d: date) -> str:
    return f'"{d.isoformat()}"^^<{XSD}date>'


def _int(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


def _str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _acc(name: str) -> str:
    return f"<{ACC}{name}>"


class _Writer:
    def __init__(self, facts: int, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.facts = facts
        self.weights = [1.0 / (1 + i) ** 0.8 for i in range(STATES)]
        self.lines: list[str] = []
        self.graph = ""

    def q(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.graph} .\n")

    def state(self) -> int:
        return self.rnd.choices(range(STATES), self.weights)[0]

    def pair(self) -> tuple[int, int]:
        a = self.state()
        b = self.state()
        while b == a:
            b = self.state()
        return a, b

    def entity(self, i: int) -> str:
        qid = state_qid(i)
        n = f"<{ID}entity/{qid}>"
        self.q(n, RDF_TYPE, _acc("State"))
        self.q(n, LABEL, _str(f"State {i}"))
        self.q(n, _acc("wikidataId"), _str(qid))
        return n

    def period(self, published: date) -> tuple[date, date, str]:
        r = self.rnd.random()
        if r < 0.6:
            return published, published, "DayPrecision"
        year = published.year - self.rnd.choice((0, 0, 1, 2, 5))
        if r < 0.95:
            return date(year, 1, 1), date(year, 12, 31), "YearPrecision"
        decade = year - year % 10
        return date(decade, 1, 1), date(decade + 9, 12, 31), "DecadePrecision"

    def document(self, doc: str, published: date) -> str:
        n = f"<{ID}doc/{doc}>"
        self.q(n, RDF_TYPE, _acc("NewsArticle"))
        self.q(n, _acc("documentId"), _str(doc))
        self.q(n, _acc("sourceKey"), _str(f"https://example.org/news/{doc}"))
        self.q(n, "<http://purl.org/dc/terms/title>", _str(f"News of {published}"))
        self.q(n, "<https://schema.org/url>", f"<https://example.org/news/{doc}>")
        self.q(n, "<http://purl.org/dc/terms/issued>", _date(published))
        self.q(n, _acc("datePrecision"), _acc("DayPrecision"))
        self.q(n, _acc("textLength"), _int(FACTS_PER_DOCUMENT * 160))
        act = f"<{ID}activity/{doc}/synthetic>"
        self.q(act, RDF_TYPE, _acc("ExtractionActivity"))
        self.q(act, _acc("softwareVersion"), _str("synthetic"))
        return n

    def evidence(
        self, fact: str, doc: str, index: int, published: date, text: str
    ) -> tuple[date, date, date | None, date | None]:
        """Write the sentence and the evidence; its observed period, start and end."""
        begin = index * 160
        sent = f"<{ID}doc/{doc}#char={begin},{begin + len(text)}>"
        self.q(sent, RDF_TYPE, f"<{NIF}Sentence>")
        self.q(sent, f"<{NIF}referenceContext>", f"<{ID}doc/{doc}>")
        self.q(sent, f"<{NIF}beginIndex>", _int(begin))
        self.q(sent, f"<{NIF}endIndex>", _int(begin + len(text)))
        self.q(sent, f"<{NIF}anchorOf>", _str(text))
        self.q(sent, _acc("sentenceIndex"), _int(index))
        ev = f"<{ID}evidence/{doc}/{index:04x}>"
        self.q(fact, _acc("hasEvidence"), ev)
        self.q(ev, RDF_TYPE, _acc("Evidence"))
        self.q(ev, _acc("sentence"), sent)
        self.q(ev, _acc("document"), f"<{ID}doc/{doc}>")
        r = self.rnd.random()
        modality = "Asserted" if r < 0.8 else ("Agreed" if r < 0.9 else "Denied")
        self.q(ev, _acc("modality"), _acc(modality))
        self.q(ev, "<http://www.w3.org/ns/prov#wasGeneratedBy>", f"<{ID}activity/{doc}/synthetic>")
        first, last, precision = self.period(published)
        self.q(ev, _acc("observedFrom"), _date(first))
        self.q(ev, _acc("observedUntil"), _date(last))
        self.q(ev, _acc("observedPrecision"), _acc(precision))
        for year in observed_years(first, last):
            self.q(ev, _acc("observedYear"), _int(year))
        start = end = None
        if self.rnd.random() < 0.125:
            start = date(published.year - self.rnd.randint(0, 20), 1, 1)
            self.q(ev, _acc("validFrom"), _date(start))
            self.q(ev, _acc("validFromPrecision"), _acc("YearPrecision"))
        if self.rnd.random() < 0.05:
            end = date(published.year - self.rnd.randint(0, 10), 12, 31)
            self.q(ev, _acc("validUntil"), _date(end))
            self.q(ev, _acc("validUntilPrecision"), _acc("YearPrecision"))
        return first, last, start, end

    def relationship(self, doc: str, index: int, published: date) -> None:
        kind = self.rnd.choice(COOPERATIVE if self.rnd.random() < 0.8 else ANTAGONISM)
        a, b = self.pair()
        if kind not in DIRECTED:
            a, b = min(a, b), max(a, b)
        n = f"<{ID}relationship/{kind}/{a:04d}{b:04d}{'d' if kind in DIRECTED else 'u'}>"
        self.q(n, RDF_TYPE, _acc(kind))
        for i in (a, b):
            self.q(n, _acc("member"), self.entity(i))
        if kind in DIRECTED:
            self.q(n, _acc("source"), f"<{ID}entity/{state_qid(a)}>")
            self.q(n, _acc("target"), f"<{ID}entity/{state_qid(b)}>")
        self.q(n, LABEL, _str(f"{kind}: State {a}, State {b}"))
        text = f"State {a} and State {b} deepened their {kind} ties, officials said ({index})."
        first, last, start, end = self.evidence(n, doc, index, published, text)
        # the query indexes the graph builder writes on a relationship (docs/model.md)
        members = [f"{ID}entity/{state_qid(i)}" for i in (a, b)]
        for year in observed_years(first, last):
            self.q(n, _acc("evidenceYear"), _int(year))
            for iri in members:
                self.q(n, _acc("memberYear"), _str(member_year(iri, year)))
        if start is not None:
            self.q(n, _acc("reportedFrom"), _date(start))
            for iri in members:
                self.q(n, _acc("memberStart"), _str(iri))
        if end is not None:
            self.q(n, _acc("reportedUntil"), _date(end))

    def meeting(self, doc: str, index: int, published: date) -> None:
        kind = self.rnd.choice(MEETINGS)
        a, b = self.pair()
        n = f"<{ID}meeting/{doc}{index:04x}>"
        self.q(n, RDF_TYPE, _acc(kind))
        for i in sorted((a, b)):
            self.q(n, _acc("participant"), self.entity(i))
        day: date | None = None
        if self.rnd.random() < 0.8:
            day = published - timedelta(days=self.rnd.randint(0, 3))
            self.q(n, _acc("date"), _date(day))
            self.q(n, _acc("dateLatest"), _date(day))
            self.q(n, _acc("datePrecision"), _acc("DayPrecision"))
        self.q(n, _acc("status"), _acc("Held"))
        self.q(n, _acc("placeName"), _str(f"Capital {a}"))
        self.q(n, LABEL, _str(f"{kind}: State {a}, State {b}"))
        text = f"Leaders of State {a} and State {b} held {kind.lower()} in Capital {a} ({index})."
        first, last, _, _ = self.evidence(n, doc, index, published, text)
        # the query index the graph builder writes on a meeting (docs/model.md)
        for year in observed_years(day, day) if day is not None else observed_years(first, last):
            self.q(n, _acc("dateYear"), _int(year))

    def claim(self, doc: str, index: int, published: date) -> None:
        kind = self.rnd.choice(CLAIMS)
        a, b = self.pair()
        n = f"<{ID}claim/{doc}{index:04x}>"
        self.q(n, RDF_TYPE, _acc("Claim"))
        self.q(n, RDF_TYPE, _acc(kind))
        self.q(n, _acc("claimant"), self.entity(a))
        self.q(n, _acc("about"), self.entity(b))
        content = f"State {b} is acting against the region"
        self.q(n, _acc("content"), _str(content))
        self.q(n, _acc("contentBegin"), _int(index * 160 + 20))
        self.q(n, _acc("contentEnd"), _int(index * 160 + 20 + len(content)))
        if self.rnd.random() < 0.9:
            self.q(n, _acc("statedOn"), _date(published))
            self.q(n, _acc("statedPrecision"), _acc("DayPrecision"))
        else:
            self.q(n, _acc("dateUnknown"), f'"true"^^<{XSD}boolean>')
        text = f'State {a} said "{content}" on Monday ({index}).'
        self.evidence(n, doc, index, published, text)

    def chunks(self) -> Iterator[str]:
        docs = (self.facts + FACTS_PER_DOCUMENT - 1) // FACTS_PER_DOCUMENT
        for d in range(docs):
            doc = f"{d:016x}"
            self.graph = f"<{GRAPH}{doc}>"
            year = 1990 + min(34, int(self.rnd.triangular(0, 35, 34)))
            published = date(year, 1, 1) + timedelta(days=self.rnd.randint(0, 364))
            self.document(doc, published)
            for index in range(min(FACTS_PER_DOCUMENT, self.facts - d * FACTS_PER_DOCUMENT)):
                r = self.rnd.random()
                if r < 0.7:
                    self.relationship(doc, index, published)
                elif r < 0.85:
                    self.meeting(doc, index, published)
                else:
                    self.claim(doc, index, published)
            if len(self.lines) > 50_000:
                yield "".join(self.lines)
                self.lines = []
        yield "".join(self.lines)
        self.lines = []


def synthetic_nquads(facts: int, seed: int = 7) -> Iterator[str]:
    """The N-Quads text of a synthetic graph of ``facts`` facts, in chunks."""
    return _Writer(facts, seed).chunks()


def write_synthetic(path: Path, facts: int, seed: int = 7) -> None:
    """Write the synthetic graph to an N-Quads file."""
    with path.open("w", encoding="utf-8") as out:
        for chunk in synthetic_nquads(facts, seed):
            out.write(chunk)


def load_synthetic(store: ox.Store, facts: int, seed: int = 7) -> None:
    """Bulk-load the synthetic graph into ``store`` (an empty on-disk or memory store).

    The store is compacted at the end (``optimize``): a bulk load leaves many overlapping
    RocksDB files, which made every lookup several times slower for the read-only query
    workers, which never compact.
    """
    for chunk in synthetic_nquads(facts, seed):
        store.bulk_load(chunk.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
