"""shapes/meeting.ttl: participants, status, dates, place, evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from rdf_sample import nodes, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from accords.rdf.namespaces import ACC, entity_iri

MEETING = nodes(sample_graph(), ACC.Talks)[0]


def test_meeting_conforms() -> None:
    g = sample_graph()
    assert g.value(MEETING, ACC.status) == ACC.Held
    assert violations(g) == set()


def _set(p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((MEETING, p, o))


def _drop(p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((MEETING, p, None))


CASES = {
    "no participant": (_drop(ACC.participant), ACC.participant),
    "a place as participant": (_set(ACC.participant, entity_iri("Q3616")), ACC.participant),
    "no status": (_drop(ACC.status), ACC.status),
    "a modality as status": (_set(ACC.status, ACC.Asserted), ACC.status),
    "date after latest date": (
        _set(ACC.dateLatest, Literal(date(2018, 9, 1), datatype=XSD.date)),
        ACC.date,
    ),
    "date a plain string": (_set(ACC.date, Literal("2018-09-07")), ACC.date),
    "two places": (lambda g: g.add((MEETING, ACC.place, entity_iri("Q159"))), ACC.place),
    "no evidence": (_drop(ACC.hasEvidence), ACC.hasEvidence),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_meeting_and_path(name: str) -> None:
    mutate, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(MEETING), str(path))}
