"""A hand-built extraction of a small article, shared by the rdf/shapes/validate tests."""

from __future__ import annotations

from datetime import date

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from accords.rdf.graph import build_graph
from accords.records import (
    ActorKind,
    Claim,
    ClaimType,
    Document,
    Entity,
    Evidence,
    Extraction,
    Meeting,
    MeetingStatus,
    MeetingType,
    Mention,
    Modality,
    Precision,
    Relationship,
    RelationType,
    Sentence,
    TimeSpan,
)
from accords.validate import validate_graph

TEXT = (
    "Russia and Iran have shared intelligence since 2015. "
    "Putin met Rouhani in Tehran on 7 September 2018. "
    "Iran accused Israel of sabotage."
)
DOC_ID = "0123456789abcdef"

RUSSIA = Entity("Q159", "Russia", ActorKind.STATE, qid="Q159")
IRAN = Entity("Q794", "Iran", ActorKind.STATE, qid="Q794")
ISRAEL = Entity("Q801", "Israel", ActorKind.STATE, qid="Q801")
PUTIN = Entity("Q7747", "Vladimir Putin", ActorKind.PERSON, qid="Q7747", country_qid="Q159")
ROUHANI = Entity("nil:hassan-rouhani", "Rouhani", ActorKind.PERSON)
TEHRAN = Entity("Q3616", "Tehran", None, qid="Q3616")


def _sentence(index: int, fragment: str) -> Sentence:
    start = TEXT.index(fragment)
    return Sentence(index, start, start + len(fragment), fragment)


S0 = _sentence(0, "Russia and Iran have shared intelligence since 2015.")
S1 = _sentence(1, "Putin met Rouhani in Tehran on 7 September 2018.")
S2 = _sentence(2, "Iran accused Israel of sabotage.")

PUBLISHED = TimeSpan("2018-09-08", Precision.DAY, date(2018, 9, 8), date(2018, 9, 8))
Y2015 = TimeSpan("2015", Precision.YEAR, date(2015, 1, 1), date(2015, 12, 31))
SEPT7 = TimeSpan("2018-09-07", Precision.DAY, date(2018, 9, 7), date(2018, 9, 7))


def _mention(entity: Entity | None, text: str, sentence: Sentence) -> Mention:
    start = TEXT.index(text, sentence.start)
    return Mention(start, start + len(text), text, entity, 0.9, sentence.index, reason="alias")


def sample_extraction() -> Extraction:
    """An extraction with every kind of record: relationship, meeting, claim, NIL entity."""
    doc = Document(
        id=DOC_ID,
        key="https://example.org/news/1",
        text=TEXT,
        raw_sha256="f" * 64,
        title="Intelligence ties",
        url="https://example.org/news/1",
        published=date(2018, 9, 8),
        published_precision=Precision.DAY,
    )
    rel = Relationship(
        RelationType.INTELLIGENCE_SHARING,
        (RUSSIA, IRAN),
        Evidence(S0, Modality.ASSERTED, PUBLISHED, valid_from=Y2015, trigger="shared intelligence"),
    )
    meeting = Meeting(
        MeetingType.TALKS,
        (PUTIN, ROUHANI),
        MeetingStatus.HELD,
        Evidence(S1, Modality.ASSERTED, SEPT7, trigger="met"),
        date=SEPT7,
        place=TEHRAN,
    )
    claim_start = TEXT.index("Israel of sabotage")
    claim = Claim(
        ClaimType.ACCUSATION,
        IRAN,
        "Israel of sabotage",
        claim_start,
        claim_start + len("Israel of sabotage"),
        Evidence(S2, Modality.ASSERTED, PUBLISHED, trigger="accused"),
        about=(ISRAEL,),
        stated=PUBLISHED,
    )
    mentions = (
        _mention(RUSSIA, "Russia", S0),
        _mention(IRAN, "Iran", S0),
        _mention(PUTIN, "Putin", S1),
        _mention(ROUHANI, "Rouhani", S1),
        _mention(TEHRAN, "Tehran", S1),
        _mention(None, "sabotage", S2),
    )
    return Extraction(
        document=doc,
        sentences=(S0, S1, S2),
        mentions=mentions,
        relationships=(rel,),
        meetings=(meeting,),
        claims=(claim,),
        extractor_version="0.1.0",
        model="en_core_web_sm",
    )


def sample_graph() -> Graph:
    """The sample extraction's document graph (conforms to the shapes)."""
    return build_graph(sample_extraction())


def violations(g: Graph) -> set[tuple[str, str | None]]:
    """(focus node, path) of every result of validating ``g``."""
    return {(r.focus, r.path) for r in validate_graph(g).results}


def nodes(g: Graph, cls: URIRef) -> list[URIRef]:
    """The IRIs typed ``cls`` in ``g``, sorted."""
    return sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))
