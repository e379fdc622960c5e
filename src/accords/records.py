"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing downstream
sees a spaCy object or a raw dict. Offsets are Python code-point offsets into
``Document.text`` (the cleaned, NFC-normalised text), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How precise a date is; the order runs from finest to coarsest."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Modality(StrEnum):
    """How a sentence supports a fact."""

    ASSERTED = "asserted"
    AGREED = "agreed"
    PROPOSED = "proposed"
    PLANNED = "planned"
    DENIED = "denied"
    RUMOURED = "rumoured"
    ENDED = "ended"


class ActorKind(StrEnum):
    STATE = "State"
    INTELLIGENCE_SERVICE = "IntelligenceService"
    GOVERNMENT_BODY = "GovernmentBody"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    ARMED_GROUP = "ArmedGroup"
    PERSON = "Person"
    #: an actor of no known kind: a news agency, "a presidential source", "western powers"
    ACTOR = "Actor"


class RelationType(StrEnum):
    """Relationship taxonomy; values are the ontology's local class names."""

    ALLIANCE = "Alliance"
    STRATEGIC_PARTNERSHIP = "StrategicPartnership"
    MILITARY_COOPERATION = "MilitaryCooperation"
    SECURITY_COOPERATION = "SecurityCooperation"
    INTELLIGENCE_SHARING = "IntelligenceSharing"
    BACKING = "Backing"
    DIPLOMATIC_COORDINATION = "DiplomaticCoordination"
    RIVALRY = "Rivalry"
    HOSTILITY = "Hostility"
    SANCTIONS = "Sanctions"

    @property
    def directed(self) -> bool:
        """Backing, hostility and sanctions go from a source to a target."""
        return self in (RelationType.BACKING, RelationType.HOSTILITY, RelationType.SANCTIONS)

    @property
    def cooperative(self) -> bool:
        return self not in (RelationType.RIVALRY, RelationType.HOSTILITY, RelationType.SANCTIONS)


class MeetingType(StrEnum):
    MEETING = "Meeting"
    SUMMIT = "Summit"
    TALKS = "Talks"
    PHONE_CALL = "PhoneCall"
    VISIT = "Visit"


class MeetingStatus(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    PROPOSED = "proposed"
    CANCELLED = "cancelled"


class ClaimType(StrEnum):
    ASSERTION = "Assertion"
    ACCUSATION = "Accusation"
    DENIAL = "Denial"
    PROPOSAL = "Proposal"
    WARNING = "Warning"
    AGREEMENT = "Agreement"


@dataclass(frozen=True)
class TimeSpan:
    """A normalised time value as the interval of days it may denote.

    ``value`` is the TIMEX3 value ("2018-09-07", "2017-01", "2016", "201X").
    ``earliest``/``latest`` bound the interval (both inclusive).
    """

    value: str
    precision: Precision
    earliest: date
    latest: date


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text, normalised against a reference date.

    ``anchor`` says how it bounds a fact: "at" (observation), "since" (start),
    "until"/"by" (end), "range" (start and end: see ``end_span``).
    ``span`` is None when the expression could not be resolved (then
    ``resolved`` is False and ``note`` says why).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    span: TimeSpan | None
    anchor: str = "at"
    end_span: TimeSpan | None = None
    resolved: bool = True
    note: str = ""


@dataclass(frozen=True)
class Document:
    """A cleaned news document.

    ``id`` is the first 16 hex digits of the SHA-256 of ``text``; ``key`` names
    the source (url, or file name) so a changed article replaces its old version.
    """

    id: str
    key: str
    text: str
    raw_sha256: str
    title: str | None = None
    url: str | None = None
    source_path: str | None = None
    published: date | None = None
    published_precision: Precision | None = None
    date_estimated: bool = False
    date_inferred: bool = False
    date_basis: str | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A real-world actor or place.

    ``key`` is a stable local identifier: the QID when linked ("Q159"),
    otherwise "enwiki:<title>" for gazetteer agencies or "nil:<slug>".
    """

    key: str
    label: str
    kind: ActorKind | None
    qid: str | None = None
    country_qid: str | None = None
    wikipedia: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: Entity | None
    score: float
    sentence: int
    candidates: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Evidence:
    """The sentence that supports a fact, with what it says about time.

    ``observed`` is the period the sentence speaks of (its governing time
    expression, else the document date); None only for an undated document
    whose sentence names no time.
    """

    sentence: Sentence
    modality: Modality
    observed: TimeSpan | None
    valid_from: TimeSpan | None = None
    valid_until: TimeSpan | None = None
    trigger: str = ""


@dataclass(frozen=True)
class Relationship:
    type: RelationType
    members: tuple[Entity, ...]
    evidence: Evidence
    source: Entity | None = None  # for directed types
    target: Entity | None = None


@dataclass(frozen=True)
class Meeting:
    type: MeetingType
    participants: tuple[Entity, ...]
    status: MeetingStatus
    evidence: Evidence
    date: TimeSpan | None = None
    place: Entity | None = None
    place_name: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Claim:
    type: ClaimType
    claimant: Entity | None
    content: str
    content_start: int
    content_end: int
    evidence: Evidence
    about: tuple[Entity, ...] = ()
    stated: TimeSpan | None = None
    disputes: int | None = None  # index of the claim (same document) it disputes


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    claims: tuple[Claim, ...] = ()
    extractor_version: str = ""
    model: str = ""
    warnings: tuple[str, ...] = field(default=())
