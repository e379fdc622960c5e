"""Relationships between actors from one sentence.

A trigger (a verb such as "cooperate", a noun such as "alliance", "backer",
"ties") gives the type; its dependency arguments give the members, which are
normalised to state-level actors (people through their office at the document
date, agencies through their country) so evidence from many sentences and
articles accumulates on one node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from accords.nlp.actors import ActorContext
from accords.nlp.lexicon import (
    DOMAIN_WORDS,
    REFINABLE,
    RELATION_NOUNS,
    RELATION_VERBS,
    WORK_VERBS,
)
from accords.nlp.syntax import lemma, modality, subjects
from accords.records import Entity, Modality, RelationType

_MEMBER_PREPS = frozenset({"with", "between", "among", "of", "to"})
_TOGETHER = frozenset({"together", "jointly", "closely"})


@dataclass(frozen=True)
class RelationFinding:
    """A relationship found in a sentence, before time and evidence are attached."""

    type: RelationType
    members: tuple[Entity, ...]
    modality: Modality
    trigger: Token
    source: Entity | None = None
    target: Entity | None = None


def _trigger_type(token: Token) -> RelationType | None:
    word = lemma(token)
    if token.pos_ == "VERB":
        if word in WORK_VERBS:
            if any(c.lower_ in _TOGETHER for c in token.children) or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in token.children
            ):
                return RelationType.DIPLOMATIC_COORDINATION
            return None
        found = RELATION_VERBS.get(word)
        if found is RelationType.INTELLIGENCE_SHARING:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            return found if any(o.lower_ == "intelligence" for o in objects) else None
        return found
    if token.pos_ in ("NOUN", "PROPN"):
        if token.lower_ == "ties" or word == "tie":
            return RelationType.DIPLOMATIC_COORDINATION
        if word == "support" and token.dep_ == "dobj":
            return RelationType.BACKING
        if word == "concert" and not any(c.lower_ == "with" for c in token.head.children):
            return RelationType.DIPLOMATIC_COORDINATION if token.head.lower_ == "in" else None
        return RELATION_NOUNS.get(word) or RELATION_NOUNS.get(token.lower_)
    return None


def _refine(rtype: RelationType, trigger: Token) -> RelationType:
    """ "military ties", "intelligence coordination", "spies cooperate": the domain kind."""
    if rtype not in REFINABLE:
        return rtype
    near = [*trigger.children, trigger.head, *trigger.head.children]
    for token in near:
        for word in (token.lower_, lemma(token)):
            if word in DOMAIN_WORDS:
                return DOMAIN_WORDS[word]
        for sub in token.children if token.i != trigger.head.i else ():
            if sub.lower_ in DOMAIN_WORDS and sub.dep_ in ("amod", "compound", "conj"):
                return DOMAIN_WORDS[sub.lower_]
    return rtype


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def _arguments(trigger: Token) -> tuple[list[Token], list[Token]]:
    """(agent-side, patient-side) argument tokens of a trigger."""
    if trigger.pos_ == "VERB":
        agents = subjects(trigger)
        patients = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        patients += list(_prep_objects(trigger, _MEMBER_PREPS))
        return agents, patients
    agents = [c for c in trigger.children if c.dep_ == "poss"]
    patients = list(_prep_objects(trigger, _MEMBER_PREPS))
    # the verb the noun hangs on: "X is Y's backer", "X and Y expand ties", "in concert with"
    head = trigger.head
    if trigger.dep_ == "pobj" and head.head.i != head.i:
        patients += list(_prep_objects(head.head, frozenset({"with"})))
        head = head.head
    if trigger.dep_ in ("dobj", "attr", "pobj", "conj") or trigger.dep_ == "appos":
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        if trigger.dep_ == "appos":
            agents.append(head)
        elif verb.pos_ in ("VERB", "AUX"):
            agents += subjects(verb)
        else:
            agents += [c for c in head.children if c.dep_ == "poss"]
    return agents, patients


def find_relations(sent: Span, actors: ActorContext) -> list[RelationFinding]:
    """Every relationship stated (in any modality) in one sentence."""
    found: list[RelationFinding] = []
    for token in sent:
        rtype = _trigger_type(token)
        if rtype is None:
            continue
        rtype = _refine(rtype, token)
        agent_tokens, patient_tokens = _arguments(token)
        agents = actors.states_of(e for t in agent_tokens for e in actors.actors(t))
        patients = actors.states_of(e for t in patient_tokens for e in actors.actors(t))
        mood = modality(token)
        if rtype.directed:
            for source in agents:
                for target in patients:
                    if source.key != target.key:
                        found.append(
                            RelationFinding(
                                rtype, (source, target), mood, token, source=source, target=target
                            )
                        )
            continue
        members = tuple(dict.fromkeys([*agents, *patients]))
        if len(members) >= 2:
            found.append(RelationFinding(rtype, members, mood, token))
    return _dedupe(found)


def _dedupe(findings: list[RelationFinding]) -> list[RelationFinding]:
    """One finding per (type, members) in a sentence; the more specific modality wins."""
    best: dict[tuple[RelationType, frozenset[str], str | None], RelationFinding] = {}
    for finding in findings:
        key = (
            finding.type,
            frozenset(m.key for m in finding.members),
            finding.source.key if finding.source else None,
        )
        current = best.get(key)
        if current is None or (
            current.modality is Modality.ASSERTED and finding.modality is not Modality.ASSERTED
        ):
            best[key] = finding
    return list(best.values())
