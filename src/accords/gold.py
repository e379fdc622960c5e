"""Hand-annotated gold records: the JSON format of ``eval/gold/`` and its loader.

One file per document (``<file stem>.json``); ``eval/gold/README.md`` documents
the fields and the annotation guidelines. Loading checks every field, and
:func:`check_gold` checks that the offsets still point at the quoted text of
the document, so a gold file never silently drifts from its article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accords.errors import AccordsError
from accords.records import (
    ClaimType,
    Document,
    MeetingStatus,
    MeetingType,
    Modality,
    RelationType,
)

FORMAT = "accords-gold/1"
_ACTOR = re.compile(r"^(Q[1-9][0-9]*|nil:\S.*)$")
_TIMEX = re.compile(r"^[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?$")


class GoldError(AccordsError):
    """A gold file is malformed or does not fit its document."""


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into ``Document.text`` and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldRelationship:
    type: RelationType
    alt_types: frozenset[RelationType]
    members: frozenset[str]
    source: str | None
    target: str | None
    modality: Modality
    alt_modalities: frozenset[Modality]
    valid_from: str | None
    valid_until: str | None
    observed: str | None
    sentence: Span


@dataclass(frozen=True)
class GoldMeeting:
    type: MeetingType
    alt_types: frozenset[MeetingType]
    participants: frozenset[str]
    persons: frozenset[str]
    place_name: str | None
    place_qid: str | None
    date: str | None
    status: MeetingStatus
    sentence: Span


@dataclass(frozen=True)
class GoldClaimant:
    """The speaker: ``actor`` is a QID or ``nil:<label>``; ``state`` whom they speak for."""

    actor: str
    label: str
    state: str | None


@dataclass(frozen=True)
class GoldClaim:
    type: ClaimType
    alt_types: frozenset[ClaimType]
    claimant: GoldClaimant
    content: Span
    date: str | None
    about: frozenset[str]
    disputes: int | None
    sentence: Span


@dataclass(frozen=True)
class GoldDocument:
    file: str
    document_id: str
    published: str | None
    text_length: int
    relationships: tuple[GoldRelationship, ...]
    meetings: tuple[GoldMeeting, ...]
    claims: tuple[GoldClaim, ...]
    path: str

    @property
    def stem(self) -> str:
        return Path(self.file).stem


class _Reader:
    """Typed access to one JSON object with error messages naming the file and record."""

    def __init__(self, obj: object, where: str) -> None:
        if not isinstance(obj, Mapping):
            raise GoldError(f"{where}: expected a JSON object")
        self.obj: Mapping[str, Any] = obj
        self.where = where

    def fail(self, message: str) -> GoldError:
        return GoldError(f"{self.where}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        value = self.obj.get(key)
        if value is None:
            if optional:
                return [] if kind is list else None
            raise self.fail(f"field {key!r} is missing")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"field {key!r} must be {getattr(kind, '__name__', kind)}")
        return value

    def enum(self, key: str, enum: Any) -> Any:
        value = self.get(key, str)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self.fail(f"{key} {value!r} is not one of: {allowed}") from None

    def enums(self, key: str, enum: Any) -> frozenset[Any]:
        values = self.get(key, list, optional=True)
        try:
            return frozenset(enum(v) for v in values)
        except ValueError:
            raise self.fail(f"{key} {values!r} holds an unknown value") from None

    def actor(self, key: str, optional: bool = False) -> str | None:
        value = self.get(key, str, optional=optional)
        if value is not None and not _ACTOR.match(value):
            raise self.fail(f"{key} {value!r} must be a QID (Q…) or 'nil:<label>'")
        return value  # type: ignore[no-any-return]

    def actors(self, key: str) -> frozenset[str]:
        values = self.get(key, list, optional=True)
        for v in values:
            if not isinstance(v, str) or not _ACTOR.match(v):
                raise self.fail(f"{key}: {v!r} must be a QID (Q…) or 'nil:<label>'")
        return frozenset(values)

    def timex(self, key: str) -> str | None:
        value = self.get(key, str, optional=True)
        if value is not None and not _TIMEX.match(value):
            raise self.fail(f"{key} {value!r} is not a TIMEX3 date value (YYYY, YYYY-MM, …)")
        return value  # type: ignore[no-any-return]

    def span(self, key: str) -> Span:
        r = _Reader(self.get(key, dict), f"{self.where}.{key}")
        start, end = r.get("start", int), r.get("end", int)
        if not 0 <= start < end:
            raise r.fail(f"bad offsets [{start}, {end})")
        return Span(start, end, r.get("text", str))


def _relationship(r: _Reader) -> GoldRelationship:
    rel = GoldRelationship(
        type=r.enum("type", RelationType),
        alt_types=r.enums("alt_types", RelationType),
        members=r.actors("members"),
        source=r.actor("source", optional=True),
        target=r.actor("target", optional=True),
        modality=r.enum("modality", Modality),
        alt_modalities=r.enums("alt_modalities", Modality),
        valid_from=r.timex("valid_from"),
        valid_until=r.timex("valid_until"),
        observed=r.timex("observed"),
        sentence=r.span("sentence"),
    )
    if len(rel.members) < 2:
        raise r.fail("a relationship needs at least two distinct members")
    for end in (rel.source, rel.target):
        if end is not None and end not in rel.members:
            raise r.fail(f"source/target {end!r} must also be a member")
    return rel


def _meeting(r: _Reader) -> GoldMeeting:
    place = r.get("place", dict, optional=True)
    place_r = _Reader(place, f"{r.where}.place") if place is not None else None
    meeting = GoldMeeting(
        type=r.enum("type", MeetingType),
        alt_types=r.enums("alt_types", MeetingType),
        participants=r.actors("participants"),
        persons=r.actors("persons"),
        place_name=place_r.get("name", str) if place_r else None,
        place_qid=place_r.actor("qid", optional=True) if place_r else None,
        date=r.timex("date"),
        status=r.enum("status", MeetingStatus),
        sentence=r.span("sentence"),
    )
    if not meeting.participants:
        raise r.fail("a meeting needs at least one participant")
    return meeting


def _claim(r: _Reader) -> GoldClaim:
    who = _Reader(r.get("claimant", dict), f"{r.where}.claimant")
    return GoldClaim(
        type=r.enum("type", ClaimType),
        alt_types=r.enums("alt_types", ClaimType),
        claimant=GoldClaimant(
            actor=who.actor("actor") or "",
            label=who.get("label", str),
            state=who.actor("state", optional=True),
        ),
        content=r.span("content"),
        date=r.timex("date"),
        about=r.actors("about"),
        disputes=r.get("disputes", int, optional=True),
        sentence=r.span("sentence"),
    )


def load_gold(path: Path) -> GoldDocument:
    """Read and validate one gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    top = _Reader(data, str(path))
    if top.get("format", str) != FORMAT:
        raise top.fail(f"format must be {FORMAT!r}")
    doc = _Reader(top.get("document", dict), f"{path}: document")

    def records(key: str, parse: Any) -> tuple[Any, ...]:
        items = top.get(key, list, optional=True)
        return tuple(parse(_Reader(o, f"{path}: {key}[{i}]")) for i, o in enumerate(items))

    gold = GoldDocument(
        file=doc.get("file", str),
        document_id=doc.get("id", str),
        published=doc.get("published", str, optional=True),
        text_length=doc.get("text_length", int),
        relationships=records("relationships", _relationship),
        meetings=records("meetings", _meeting),
        claims=records("claims", _claim),
        path=str(path),
    )
    for i, c in enumerate(gold.claims):
        if c.disputes is not None and not (0 <= c.disputes < len(gold.claims) and c.disputes != i):
            raise GoldError(f"{path}: claims[{i}].disputes {c.disputes} is not another claim")
    return gold


def load_gold_dir(directory: Path) -> dict[str, GoldDocument]:
    """All gold files of a folder, keyed by the stem of the document file they annotate."""
    if not directory.is_dir():
        raise GoldError(f"gold folder {directory} does not exist")
    golds = [load_gold(p) for p in sorted(directory.glob("*.json"))]
    if not golds:
        raise GoldError(f"gold folder {directory} holds no .json files")
    return {g.stem: g for g in golds}


def _spans(gold: GoldDocument) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    for i, r in enumerate(gold.relationships):
        out.append((f"relationships[{i}].sentence", r.sentence))
    for i, m in enumerate(gold.meetings):
        out.append((f"meetings[{i}].sentence", m.sentence))
    for i, c in enumerate(gold.claims):
        out += [(f"claims[{i}].sentence", c.sentence), (f"claims[{i}].content", c.content)]
    return out


def check_gold(gold: GoldDocument, document: Document) -> None:
    """Raise :class:`GoldError` unless every span of ``gold`` quotes ``document.text``."""
    if gold.document_id != document.id:
        raise GoldError(
            f"{gold.path}: written for document {gold.document_id} but {gold.file} now reads "
            f"as {document.id}: the text or the cleaning changed; re-check the offsets"
        )
    for where, span in _spans(gold):
        if document.text[span.start : span.end] != span.text:
            raise GoldError(
                f"{gold.path}: {where} [{span.start}, {span.end}) does not quote the document"
            )
