"""Questions in plain English, mapped by patterns onto the named queries.

:func:`plan` reads a question and returns a :class:`Plan` (which named query, with which
parameters) or a :class:`NotUnderstood` saying why; it never guesses. :func:`answer` turns
the query's rows into facts with their evidence; :func:`ask_store` does both against a store.
Actor names are resolved with the gazetteer; an unknown or ambiguous name is not understood.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from accords.errors import QueryError
from accords.linking import Gazetteer, load_gazetteer
from accords.queries import NamedQuery, bind, load_named_queries
from accords.store import Store

Row = dict[str, str]
FIRST_DAY = "0001-01-01"
LAST_DAY = "9999-12-31"

CLAIM_WORDS = {
    "claim": (),
    "claims": (),
    "say": (),
    "said": (),
    "state": (),
    "statements": (),
    "assert": ("Assertion",),
    "assertions": ("Assertion",),
    "accuse": ("Accusation",),
    "accusations": ("Accusation",),
    "deny": ("Denial",),
    "denials": ("Denial",),
    "warn": ("Warning",),
    "warnings": ("Warning",),
    "propose": ("Proposal",),
    "proposals": ("Proposal",),
}
RELATION_WORDS: dict[str, tuple[str | None, str | None]] = {
    # word -> (type, family)
    "alliances": (None, "cooperative"),
    "alliance": (None, "cooperative"),
    "partnerships": ("StrategicPartnership", None),
    "intelligence sharing": ("IntelligenceSharing", None),
    "military cooperation": ("MilitaryCooperation", None),
    "security cooperation": ("SecurityCooperation", None),
    "coordination": ("DiplomaticCoordination", None),
    "backing": ("Backing", None),
    "rivalries": ("Rivalry", None),
    "hostilities": ("Hostility", None),
    "sanctions": ("Sanctions", None),
    "cooperation": (None, "cooperative"),
    "alignments": (None, "cooperative"),
    "antagonisms": (None, "antagonism"),
    "relationships": (None, None),
    "relations": (None, None),
}


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    text: str


@dataclass(frozen=True)
class Plan:
    """What a question asks: a named query, its parameters, and filters on the facts."""

    intent: str
    query: str
    params: dict[str, str]
    reading: str
    #: entity keys every fact must involve (pair questions; the query takes one actor)
    involving: tuple[str, ...] = ()
    #: claim types to keep (empty: all)
    claim_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotUnderstood:
    reason: str


@dataclass
class EvidenceItem:
    sentence: str
    text: str
    modality: str | None
    document_id: str
    title: str | None
    url: str | None
    published: str | None


@dataclass
class Fact:
    iri: str
    kind: str
    type: str
    label: str | None
    actors: list[str]
    actor_keys: list[str]
    date: str | None
    detail: str | None
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    understood: bool
    message: str
    intent: str | None = None
    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    sparql: str | None = None
    facts: list[Fact] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- reading questions ---------------------------------------------------------------

_PERIODS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]]] = [
    (
        re.compile(r"\s+(?:between|from)\s+(\d{4})\s+(?:and|to|until|till)\s+(\d{4})$", re.I),
        lambda m: Period(f"{m[1]}-01-01", f"{m[2]}-12-31", f"{m[1]}–{m[2]}"),
    ),
    (
        re.compile(r"\s+(?:in|during)\s+(\d{4})$", re.I),
        lambda m: Period(f"{m[1]}-01-01", f"{m[1]}-12-31", m[1]),
    ),
    (
        re.compile(r"\s+on\s+(\d{4}-\d{2}-\d{2})$", re.I),
        lambda m: Period(m[1], m[1], f"on {m[1]}"),
    ),
    (
        re.compile(r"\s+since\s+(\d{4})$", re.I),
        lambda m: Period(f"{m[1]}-01-01", LAST_DAY, f"since {m[1]}"),
    ),
    (
        re.compile(r"\s+before\s+(\d{4})$", re.I),
        lambda m: Period(FIRST_DAY, f"{int(m[1]) - 1:04d}-12-31", f"before {m[1]}"),
    ),
]


def _normal(question: str) -> str:
    text = re.sub(r"\s+", " ", question).strip()
    text = text.replace("’", "'").rstrip("?.! ")
    return text


def split_period(text: str) -> tuple[str, Period | None]:
    """The question without its trailing period phrase, and that period."""
    for pattern, make in _PERIODS:
        m = pattern.search(text)
        if m:
            period = make(m)
            if period.start > period.end:
                return text, None
            return text[: m.start()].strip(), period
    return text, None


class _Actors:
    """Resolves actor names with the gazetteer; remembers what it could not resolve."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.problem: str | None = None

    def key(self, text: str) -> str | None:
        name = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
        name = re.sub(r"'s?$", "", name).strip()
        names = self.gazetteer.lookup(name)
        keys = sorted({n.key for n in names if n.form != "capital"}) or sorted(
            {n.key for n in names}
        )
        if not keys:
            self.problem = f"I do not know an actor called {text.strip()!r}."
            return None
        if len(keys) > 1:
            labels = ", ".join(self.label(k) for k in keys[:5])
            self.problem = f"{text.strip()!r} could be any of: {labels}. Please be more specific."
            return None
        return keys[0]

    def label(self, key: str) -> str:
        entity = self.gazetteer.entity(key)
        return entity.label if entity else key


_CLAIM_VERB = "|".join(sorted(CLAIM_WORDS, key=len, reverse=True))
_RELATION = "|".join(sorted(RELATION_WORDS, key=len, reverse=True))
_WHICH = r"(?:(?:which|what|list|show(?: me)?|find|give me)\s+(?:the\s+)?)?"
_MEETING = r"(?:meetings?|summits?|talks|visits?|(?:phone )?calls?|contacts)"
_EXISTED = r"(?:\s+(?:existed|were there|were active|held|took place|happened|were reported))?"


def _year_plan(period: Period | None) -> str | None:
    whole = period and period.start[5:] == "01-01" and period.end[5:] == "12-31"
    return period.start[:4] if period and whole and period.start[:4] == period.end[:4] else None


def plan(question: str, gazetteer: Gazetteer | None = None) -> Plan | NotUnderstood:
    """Map ``question`` onto a named query, or say plainly why it is not understood."""
    text, period = split_period(_normal(question))
    if not text:
        return NotUnderstood("The question is empty.")
    actors = _Actors(gazetteer or load_gazetteer())
    for reader in (_about, _claims, _meetings, _relations):
        result = reader(text, period, actors)
        if result is not None:
            return result
    return NotUnderstood(
        "I did not understand the question. I can answer, for example: "
        "'which alliances existed in 2018', 'meetings between Turkey and Syria in 2020', "
        "'what did Putin claim about the GRU', 'everything about Iran', "
        "'relationships of Russia between 2015 and 2022'."
    )


Reader = Plan | NotUnderstood | None


def _unknown(actors: _Actors) -> NotUnderstood:
    return NotUnderstood(actors.problem or "I could not resolve an actor name.")


def _about(text: str, period: Period | None, actors: _Actors) -> Reader:
    m = re.fullmatch(
        r"(?:everything|all|what do (?:you|we) know|tell me)\s+about\s+(?P<a>.+)"
        r"|(?:the\s+)?(?:timeline|history)\s+of\s+(?P<b>.+)"
        r"|(?P<c>.+?)(?:'s)?\s+timeline",
        text,
        re.I,
    )
    if not m:
        return None
    if period is not None:
        return NotUnderstood(
            "An actor's timeline covers all years; ask without a period, or ask for its "
            "relationships or meetings in that period."
        )
    name = m["a"] or m["b"] or m["c"]
    key = actors.key(name)
    if key is None:
        return _unknown(actors)
    return Plan("entity", "entity", {"id": key}, f"Everything known about {actors.label(key)}")


def _claims(text: str, period: Period | None, actors: _Actors) -> Reader:
    m = re.fullmatch(
        rf"what did\s+(?P<by>.+?)\s+(?P<verb>{_CLAIM_VERB})(?:\s+about\s+(?P<about>.+))?",
        text,
        re.I,
    ) or re.fullmatch(
        rf"{_WHICH}(?P<verb>{_CLAIM_VERB})"
        r"(?:\s+(?:by|of|from|made by)\s+(?P<by>.+?))?(?:\s+(?:about|against|on)\s+(?P<about>.+))?",
        text,
        re.I,
    )
    if not m or not (m["by"] or m["about"]):
        return None
    params: dict[str, str] = {}
    types = CLAIM_WORDS[m["verb"].lower()]
    words = [types[0] + "s" if types else "Claims"]
    for slot, param, word in (("by", "by", "by"), ("about", "about", "about")):
        if m[slot]:
            key = actors.key(m[slot])
            if key is None:
                return _unknown(actors)
            params[param] = key
            words.append(f"{word} {actors.label(key)}")
    if period is not None:
        params["from"], params["to"] = period.start, period.end
        words.append(f"stated {_period_words(period)}")
    return Plan("claims", "claims", params, " ".join(words), claim_types=types)


def _period_words(period: Period) -> str:
    return period.text if period.text[:1].isalpha() else f"in {period.text}"


def _meetings(text: str, period: Period | None, actors: _Actors) -> Reader:
    m = re.fullmatch(
        rf"{_WHICH}{_MEETING}{_EXISTED}"
        r"(?:\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)"
        r"|\s+(?:of|with|involving|by|attended by)\s+(?P<c>.+))?",
        text,
        re.I,
    ) or re.fullmatch(
        r"(?:when|where)\s+did\s+(?P<a>.+?)\s+meet(?:\s+with)?\s+(?P<b>.+)", text, re.I
    )
    if not m:
        return None
    names = [n for n in (m["a"], m["b"], m.groupdict().get("c")) if n]
    keys = []
    for name in names:
        key = actors.key(name)
        if key is None:
            return _unknown(actors)
        keys.append(key)
    span = period or Period(FIRST_DAY, LAST_DAY, "")
    params = {"from": span.start, "to": span.end}
    reading = "Meetings"
    if keys:
        params["participant"] = keys[0]
        reading += " between " if len(keys) > 1 else " of "
        reading += " and ".join(actors.label(k) for k in keys)
    if period:
        reading += " " + _period_words(period)
    return Plan("meetings", "meetings_in_period", params, reading, involving=tuple(keys[1:]))


def _relations(text: str, period: Period | None, actors: _Actors) -> Reader:
    m = re.fullmatch(
        rf"{_WHICH}(?P<kind>{_RELATION}){_EXISTED}"
        r"(?:\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)"
        r"|\s+(?:of|with|involving|for)\s+(?P<c>.+))?",
        text,
        re.I,
    ) or re.fullmatch(
        r"(?:who|which (?:states|countries|actors))\s+(?:was|were|did)\s+(?P<c>.+?)\s+"
        r"(?:allied with|cooperate with|cooperating with|aligned with|work with|working with)",
        text,
        re.I,
    )
    if not m:
        return None
    kind = (m.groupdict().get("kind") or "cooperation").lower()
    rtype, family = RELATION_WORDS[kind]
    names = [n for n in (m.groupdict().get("a"), m.groupdict().get("b"), m["c"]) if n]
    keys = []
    for name in names:
        key = actors.key(name)
        if key is None:
            return _unknown(actors)
        keys.append(key)
    what = {None: "Relationships", "cooperative": "Cooperative alignments"}.get(
        family, "Antagonisms"
    )
    if rtype:
        what = f"{rtype} relationships"
    reading = what
    if keys:
        reading += " between " if len(keys) > 1 else " of "
        reading += " and ".join(actors.label(k) for k in keys)
    if period:
        reading += " " + _period_words(period)
    year = _year_plan(period)
    if family == "cooperative" and year and len(keys) <= 1:
        # the dedicated query of docs/model.md's temporal rule for a calendar year
        params = {"year": year}
        if keys:
            params["member"] = keys[0]
        reading = "Cooperative alignments"
        reading += f" of {actors.label(keys[0])}" if keys else ""
        return Plan("alliances_in_year", "alliances_in_year", params, f"{reading} in {year}")
    span = period or Period(FIRST_DAY, LAST_DAY, "")
    params = {"from": span.start, "to": span.end}
    if rtype:
        params["type"] = rtype
    if family:
        params["family"] = family
    if keys:
        params["member"] = keys[0]
    return Plan("relationships", "relationships_in_period", params, reading, tuple(keys[1:]))


# --- answers ---------------------------------------------------------------------------


def rows_from_json(body: bytes | str) -> list[Row]:
    """The rows of a SPARQL JSON results document, as ``{variable: value}``."""
    data = json.loads(body)
    bindings: list[dict[str, dict[str, str]]] = data["results"]["bindings"]
    return [{k: v["value"] for k, v in b.items()} for b in bindings]


def _local(iri: str | None) -> str:
    return (iri or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_ENTITY = "https://w3id.org/accords/id/entity/"
# per query: the fact variable, and the actor (label, iri) variables
_SHAPES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "relationships": ("relationship", (("memberLabel", "member"),)),
    "alliances_in_year": ("relationship", (("memberLabel", "member"),)),
    "meetings": ("meeting", (("participantLabel", "participant"),)),
    "claims": ("claim", (("claimantLabel", "claimant"), ("aboutLabel", "about"))),
    "entity": ("fact", (("entityLabel", "entity"),)),
}


_KINDS = {
    "relationships": "relationship",
    "alliances_in_year": "relationship",
    "meetings": "meeting",
    "claims": "claim",
}


def _fact(intent: str, key: str, rows: list[Row]) -> Fact:
    r = rows[0]
    _, actor_vars = _SHAPES[intent]
    actors: dict[str, str] = {}
    for row in rows:
        for label_var, iri_var in actor_vars:
            if iri_var in row:
                actors.setdefault(row[iri_var], row.get(label_var, _local(row[iri_var])))
    if intent in ("relationships", "alliances_in_year"):
        starts = sorted(x.get("validFrom") or x.get("observedFrom") or "" for x in rows)
        date: str | None = next((s for s in starts if s), None)
        supporting = [x for x in rows if x.get("modality", "").endswith(("Asserted", "Agreed"))]
        bases = {x.get("basis") for x in supporting}
        detail: str | None = "stated" if "stated" in bases else "open-ended"
    elif intent == "meetings":
        date, detail = r.get("date"), r.get("placeName") or r.get("placeLabel")
    elif intent == "claims":
        date, detail = r.get("statedOn"), r.get("content")
    else:
        date, detail = r.get("date"), r.get("role")
    evidence: dict[str, EvidenceItem] = {}
    for x in rows:
        evidence.setdefault(
            x["sentence"],
            EvidenceItem(
                sentence=x["sentence"],
                text=x["sentenceText"],
                modality=_local(x.get("modality")).lower() or None,
                document_id=x["docId"],
                title=x.get("title"),
                url=x.get("url"),
                published=x.get("published"),
            ),
        )
    return Fact(
        iri=key,
        kind=r.get("kind", _KINDS.get(intent, intent)),
        type=_local(r.get("type") or r.get("factType")),
        label=r.get("label") or r.get("factLabel"),
        actors=list(actors.values()),
        actor_keys=[k.removeprefix(_ENTITY) for k in actors],
        date=date,
        detail=detail,
        evidence=list(evidence.values()),
    )


def _involves(fact: Fact, keys: tuple[str, ...]) -> bool:
    return all(k in fact.actor_keys for k in keys)


def answer(question: str, the_plan: Plan, sparql: str, rows: list[Row]) -> Answer:
    """The facts of ``rows`` (grouped, evidence kept), filtered as the plan says."""
    var = _SHAPES[the_plan.intent][0]
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((row[var], row.get("role", "")), []).append(row)
    facts = [_fact(the_plan.intent, iri, rs) for (iri, _), rs in groups.items()]
    facts = [f for f in facts if _involves(f, the_plan.involving)]
    if the_plan.claim_types:
        facts = [f for f in facts if f.type in the_plan.claim_types]
    found = f"{len(facts)} found" if facts else "nothing found in the graph"
    return Answer(
        question=question,
        understood=True,
        message=f"{the_plan.reading}: {found}.",
        intent=the_plan.intent,
        query=the_plan.query,
        params=dict(the_plan.params),
        sparql=sparql,
        facts=facts,
    )


def not_understood(question: str, why: NotUnderstood) -> Answer:
    return Answer(question=question, understood=False, message=why.reason)


def sparql_for(the_plan: Plan, queries: Mapping[str, NamedQuery] | None = None) -> str:
    """The named query of the plan with its parameters bound (raises QueryError)."""
    named = queries if queries is not None else load_named_queries()
    if the_plan.query not in named:
        raise QueryError(f"the named query {the_plan.query!r} is missing")
    return bind(named[the_plan.query], the_plan.params, limit=200)


def ask_store(question: str, store: Store, gazetteer: Gazetteer | None = None) -> Answer:
    """Understand ``question`` and answer it from ``store``."""
    the_plan = plan(question, gazetteer)
    if isinstance(the_plan, NotUnderstood):
        return not_understood(question, the_plan)
    sparql = sparql_for(the_plan)
    result = store.query(sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"the named query {the_plan.query!r} did not return rows")
    body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
    return answer(question, the_plan, sparql, rows_from_json(body))
