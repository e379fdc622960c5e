"""The named temporal queries answer what the temporal rule says, on a small synthetic store.

relationships_in_period, alliances_in_year and meetings_in_period start from the query
index triples (docs/model.md, "Query indexes"); here their answers are compared with the
rule of docs/model.md ("Temporal answers") computed in Python from the plain triples, for
stated, open-ended and ended relationships, days, years, several years, long periods, types,
members and meeting participants given as a key or a name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
import pytest

from accords import synthetic
from accords.queries import bind, load_named_queries
from accords.synthetic import load_synthetic, state_qid

ACC = "https://w3id.org/accords/ontology#"
ENTITY = "https://w3id.org/accords/id/entity/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
COOPERATIVE = set(synthetic.COOPERATIVE)
ANTAGONISM = set(synthetic.ANTAGONISM)
MEETINGS = {"Meeting", "Summit", "Talks", "PhoneCall", "Visit"}


@dataclass
class Facts:
    """The plain triples the rule needs, keyed by (subject, graph)."""

    value: dict[tuple[str, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    ended: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def one(self, s: str, p: str, g: str) -> str | None:
        found = self.value.get((s, p, g))
        return found[0] if found else None


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    load_synthetic(s, 3000, seed=11)
    return s


@pytest.fixture(scope="module")
def facts(store: ox.Store) -> Facts:
    f = Facts()
    for q in store.quads_for_pattern(None, None, None, None):
        s, p, o, g = q.subject.value, q.predicate.value, q.object.value, q.graph_name
        graph = g.value if isinstance(g, ox.NamedNode) else ""
        if p == ACC + "hasEvidence":
            f.evidence[s].append((graph, o))
        elif p == ACC + "reportedUntil":
            f.ended[s].append(o)
        f.value[(s, p.removeprefix(ACC), graph)].append(o)
    return f


def rows(store: ox.Store, name: str, **values: str) -> list[dict[str, str]]:
    result = store.query(bind(load_named_queries()[name], values), use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def _type(f: Facts, s: str, g: str, allowed: set[str]) -> str | None:
    for t in f.value.get((s, RDF_TYPE, g), []):
        if t.removeprefix(ACC) in allowed:
            return t.removeprefix(ACC)
    return None


def expected_relationships(
    f: Facts, first: str, last: str, types: set[str], member: str | None = None
) -> dict[str, set[tuple[str, str]]]:
    """Relationship -> {(evidence, basis)}, by the rule, from the plain triples."""
    out: dict[str, set[tuple[str, str]]] = {}
    for rel, evidences in f.evidence.items():
        if not rel.startswith("https://w3id.org/accords/id/relationship/"):
            continue
        exists = False
        for g, e in evidences:
            if _type(f, rel, g, types) is None:
                continue
            if member and ENTITY + member not in f.value.get((rel, "member", g), []):
                continue
            if f.one(e, "modality", g) not in (ACC + "Asserted", ACC + "Agreed"):
                continue
            of, ou, vf = (f.one(e, p, g) for p in ("observedFrom", "observedUntil", "validFrom"))
            stated = of is not None and ou is not None and of <= last and ou >= first
            no_end = not any(u < first for u in f.ended.get(rel, []))
            exists = exists or stated or (vf is not None and vf <= last and no_end)
        if not exists:
            continue
        shown: set[tuple[str, str]] = set()
        for g, e in evidences:
            of, ou, vf, vu = (
                f.one(e, p, g) for p in ("observedFrom", "observedUntil", "validFrom", "validUntil")
            )
            if of is not None and ou is not None and of <= last and ou >= first:
                shown.add((e, "stated"))
            elif vf is not None and vf <= last and (vu is None or vu >= first):
                shown.add((e, "open-ended"))
        out[rel] = shown
    return out


def answered(found: list[dict[str, str]]) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in found:
        out[r["relationship"]].add((r["evidence"], r["basis"]))
    return dict(out)


PERIODS = [
    ("2018-01-01", "2018-12-31"),
    ("2012-06-01", "2012-06-01"),
    ("2003-03-01", "2006-05-31"),
    ("1990-01-01", "2024-12-31"),
    ("1900-01-01", "2100-12-31"),  # longer than 64 years: read without the year index
    ("2030-01-01", "2030-12-31"),  # after the data: only open-ended answers
]


@pytest.mark.parametrize(("first", "last"), PERIODS)
def test_relationships_in_period_follow_the_rule(
    store: ox.Store, facts: Facts, first: str, last: str
) -> None:
    period = {"from": first, "to": last}
    found = answered(rows(store, "relationships_in_period", **period))
    assert found == expected_relationships(facts, first, last, COOPERATIVE | ANTAGONISM)
    assert found
    cooperative = answered(rows(store, "relationships_in_period", **period, family="cooperative"))
    assert cooperative == expected_relationships(facts, first, last, COOPERATIVE)
    rivalry = answered(rows(store, "relationships_in_period", **period, type="Rivalry"))
    assert rivalry == expected_relationships(facts, first, last, {"Rivalry"})
    member = state_qid(3)
    mine = answered(rows(store, "relationships_in_period", **period, member=member))
    assert mine == expected_relationships(facts, first, last, COOPERATIVE | ANTAGONISM, member)


def test_the_cases_include_open_ended_and_ended_relationships(facts: Facts) -> None:
    for_2030 = expected_relationships(facts, "2030-01-01", "2030-12-31", COOPERATIVE | ANTAGONISM)
    assert for_2030 and all(b == "open-ended" for shown in for_2030.values() for _, b in shown)
    assert facts.ended  # some relationships report an end, which stops open-ended answers
    after_end = expected_relationships(facts, "2024-01-01", "2024-12-31", COOPERATIVE)
    ended = [r for r in facts.ended if r in after_end]
    assert len(ended) < len(facts.ended)


@pytest.mark.parametrize("year", [1996, 2011, 2018, 2030])
def test_alliances_in_year_follow_the_rule(store: ox.Store, facts: Facts, year: int) -> None:
    first, last = f"{year}-01-01", f"{year}-12-31"
    found = answered(rows(store, "alliances_in_year", year=str(year)))
    assert found == expected_relationships(facts, first, last, COOPERATIVE)
    member = state_qid(0)
    mine = answered(rows(store, "alliances_in_year", year=str(year), member=member))
    assert mine == expected_relationships(facts, first, last, COOPERATIVE, member)


def expected_meetings(f: Facts, first: str, last: str, participant: str | None = None) -> set[str]:
    out = set()
    for meeting, evidences in f.evidence.items():
        for g, e in evidences:
            if _type(f, meeting, g, MEETINGS) is None:
                continue
            d, dl = f.one(meeting, "date", g), f.one(meeting, "dateLatest", g)
            of, ou = f.one(e, "observedFrom", g), f.one(e, "observedUntil", g)
            start, end = d or of, dl or d or ou
            if start is None or end is None or start > last or end < first:
                continue
            people = f.value.get((meeting, "participant", g), [])
            if participant and not any(
                p == ENTITY + participant
                or participant.lower() in [x.lower() for x in f.value.get((p, LABEL, g), [])]
                for p in people
            ):
                continue
            out.add(meeting)
    return out


@pytest.mark.parametrize(("first", "last"), [*PERIODS[:4], ("0001-01-01", "2010-12-31")])
def test_meetings_in_period_follow_the_rule(
    store: ox.Store, facts: Facts, first: str, last: str
) -> None:
    period = {"from": first, "to": last}
    found = {r["meeting"] for r in rows(store, "meetings_in_period", **period)}
    assert found == expected_meetings(facts, first, last)
    assert found or first == "2030-01-01"
    by_key = {
        r["meeting"] for r in rows(store, "meetings_in_period", **period, participant="q1005")
    }
    assert by_key == expected_meetings(facts, first, last, "Q1005")
    by_name = {
        r["meeting"] for r in rows(store, "meetings_in_period", **period, participant="state 5")
    }
    assert by_name == by_key


def test_a_page_counts_distinct_facts(store: ox.Store) -> None:
    query = load_named_queries()["relationships_in_period"]
    period = {"from": "2018-01-01", "to": "2018-12-31"}
    every = {r["relationship"] for r in rows(store, "relationships_in_period", **period)}
    seen: set[str] = set()
    for offset in (0, 20):
        text = bind(query, period, limit=20, offset=offset)
        result = store.query(text, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        page = {row["relationship"].value for row in result}  # type: ignore[union-attr]
        assert len(page) == 20 and page <= every and not page & seen
        seen |= page
