"""shapes/activity.ttl: the extraction activity's version and model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_sample import DOC_ID, sample_graph, violations
from rdflib import Graph, Literal, URIRef

from accords.rdf.namespaces import ACC, activity_iri

ACTIVITY = activity_iri(DOC_ID, "0.1.0")


def test_activity_conforms() -> None:
    g = sample_graph()
    assert g.value(ACTIVITY, ACC.model) == Literal("en_core_web_sm")
    assert violations(g) == set()


def _no_version(g: Graph) -> None:
    g.remove((ACTIVITY, ACC.softwareVersion, None))


def _two_models(g: Graph) -> None:
    g.add((ACTIVITY, ACC.model, Literal("other")))


@pytest.mark.parametrize(
    ("mutate", "path"),
    [(_no_version, ACC.softwareVersion), (_two_models, ACC.model)],
)
def test_violation_reports_activity_and_path(mutate: Callable[[Graph], None], path: URIRef) -> None:
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(ACTIVITY), str(path))}
