"""shapes/text-anchor.ttl and sentence.ttl: offsets, anchored text, sentence index."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_sample import DOC_ID, S0, TEXT, nodes, sample_graph, violations
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from accords.rdf.namespaces import ACC, NIF, mention_iri, sentence_iri

SENT = sentence_iri(DOC_ID, S0.start, S0.end)
MENTION = mention_iri(DOC_ID, 0, len("Russia"))


def test_sentences_and_mentions_conform() -> None:
    g = sample_graph()
    assert len(nodes(g, NIF.Sentence)) == 3 and len(nodes(g, ACC.Mention)) == 6
    assert violations(g) == set()


def _set(node: URIRef, p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((node, p, o))


CASES = {
    "anchor is not the text at the offsets": (
        _set(SENT, NIF.anchorOf, Literal("Russia and Iran have shared intelligence since 2016.")),
        SENT,
        NIF.anchorOf,
    ),
    "offsets shifted by one": (
        lambda g: (
            g.set((SENT, NIF.beginIndex, Literal(1))),
            g.set((SENT, NIF.endIndex, Literal(S0.end + 1))),
        ),
        SENT,
        NIF.anchorOf,
    ),
    "end beyond the text": (_set(SENT, NIF.endIndex, Literal(len(TEXT) + 1)), SENT, NIF.endIndex),
    "negative begin": (_set(SENT, NIF.beginIndex, Literal(-1)), SENT, NIF.beginIndex),
    "begin after end": (_set(SENT, NIF.beginIndex, Literal(S0.end + 1)), SENT, NIF.beginIndex),
    "begin typed nonNegativeInteger": (
        _set(SENT, NIF.beginIndex, Literal("0", datatype=XSD.nonNegativeInteger)),
        SENT,
        NIF.beginIndex,
    ),
    "no reference context": (
        lambda g: g.remove((SENT, NIF.referenceContext, None)),
        SENT,
        NIF.referenceContext,
    ),
    "negative sentence index": (
        _set(SENT, ACC.sentenceIndex, Literal(-1)),
        SENT,
        ACC.sentenceIndex,
    ),
    "mention anchor differs": (
        _set(MENTION, NIF.anchorOf, Literal("Russians")),
        MENTION,
        NIF.anchorOf,
    ),
    "mention end missing": (
        lambda g: g.remove((MENTION, NIF.endIndex, None)),
        MENTION,
        NIF.endIndex,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_violation_reports_focus_and_path(name: str) -> None:
    mutate, focus, path = CASES[name]
    g = sample_graph()
    mutate(g)
    assert violations(g) == {(str(focus), str(path))}
