"""Actors behind tokens: linked mentions, light coreference, people to states.

An :class:`ActorContext` walks a document sentence by sentence and answers
"which actors does this token stand for?" using the linker's mentions, the
groups named earlier ("the two countries", "the trio"), pronouns and role
descriptions ("the Turkish strongman"), and offices held at the document date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from spacy.tokens import Span, Token

from accords.nlp.lexicon import GROUP_ANAPHORA
from accords.records import ActorKind, Entity, Mention

#: Kinds that can be members of a relationship between states.
STATE_LEVEL = frozenset(
    {
        ActorKind.STATE,
        ActorKind.INTERNATIONAL_ORGANIZATION,
        ActorKind.ARMED_GROUP,
    }
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_ROLE_NOUNS = frozenset(
    {"officer", "strongman", "leader", "president", "dictator", "premier", "minister", "ruler"}
)
_ARG_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "npadvmod"})


class ActorDirectory(Protocol):
    """What the extractor needs from the gazetteer."""

    def entity(self, key: str) -> Entity | None: ...

    def represents(self, person_qid: str, at: date | None) -> Entity | None: ...

    @property
    def demonym_of(self) -> dict[str, str]: ...


@dataclass
class ActorContext:
    """Per-document state for resolving actors across sentences."""

    mentions: Sequence[Mention]
    directory: ActorDirectory
    at: date | None
    by_token: dict[int, Entity] = field(default_factory=dict)
    groups: list[tuple[Entity, ...]] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)  # most recent first

    def index(self, sent: Span) -> None:
        """Map the tokens of a sentence to the entities of the mentions that cover them."""
        for mention in self.mentions:
            if (
                mention.entity is None
                or mention.end <= sent.start_char
                or mention.start >= sent.end_char
            ):
                continue
            span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention.entity

    def entity_at(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    # --- coreference -------------------------------------------------------------------

    def remember(self, entities: Iterable[Entity]) -> None:
        """Record a group of actors named together, for "the two countries" later."""
        group = tuple(dict.fromkeys(entities))
        if len(group) >= 2:
            self.groups.insert(0, group)
            del self.groups[8:]

    def note_person(self, entity: Entity) -> None:
        """Make a person the most recent one (for "he", "the Turkish strongman")."""
        self.people = [entity, *(p for p in self.people if p.key != entity.key)][:12]

    def note_people(self, sent: Span) -> None:
        for token in sent:
            entity = self.entity_at(token)
            if entity is not None and entity.kind is ActorKind.PERSON:
                self.note_person(entity)

    @property
    def last_person(self) -> Entity | None:
        return self.people[0] if self.people else None

    def group_for(self, token: Token) -> tuple[Entity, ...]:
        """Entities of a group anaphor ending at this token, or ()."""
        phrase = " ".join(t.lower_ for t in token.doc[token.left_edge.i : token.i + 1])
        phrase = re.sub(r"^(the|our|these|those|both)\s+", "", phrase)
        for words, size in GROUP_ANAPHORA.items():
            if phrase.endswith(words):
                persons = words.endswith("leaders")
                for group in self.groups:
                    members = tuple(e for e in group if (e.kind is ActorKind.PERSON) == persons)
                    if len(members) == size:
                        return members
                if persons:  # "the two leaders": the states they lead will do
                    for group in self.groups:
                        states = tuple(self.states_of(group))
                        if len(states) == size:
                            return states
                return ()
        return ()

    def person_for(self, token: Token) -> Entity | None:
        """A pronoun or role description ("the former KGB officer") for a known person."""
        if token.lower_ in _PERSON_PRONOUNS and token.pos_ == "PRON":
            earlier = [
                e
                for t in token.sent
                if t.i < token.i
                if (e := self.entity_at(t)) is not None and e.kind is ActorKind.PERSON
            ]
            return earlier[-1] if earlier else self.last_person
        if token.lemma_.lower() in _ROLE_NOUNS and token.pos_ == "NOUN":
            if not any(child.lower_ == "the" for child in token.children):
                return None
            states = [
                e
                for c in token.children
                if c.dep_ in ("amod", "compound")
                if (e := self.entity_at(c) or self._demonym(c)) is not None
            ]
            for person in self.people:
                if not states or any(self.state_of(person) == s for s in self.states_of(states)):
                    return person
        return None

    def _demonym(self, token: Token) -> Entity | None:
        qid = self.directory.demonym_of.get(token.text)
        return self.directory.entity(qid) if qid else None

    def named_unlinked(self, token: Token) -> Span | None:
        """The spaCy entity (person, organisation) a token heads when the linker left it NIL."""
        if token.ent_type_ not in ("PERSON", "ORG") or self.entity_at(token) is not None:
            return None
        return next((e for e in token.sent.ents if e.start <= token.i < e.end), None)

    # --- people and bodies to states ----------------------------------------------------

    def state_of(self, entity: Entity) -> Entity | None:
        """The state-level actor an entity stands for (itself for states and organisations)."""
        if entity.kind in STATE_LEVEL:
            return entity
        if entity.kind is ActorKind.PERSON and entity.qid:
            office = self.directory.represents(entity.qid, self.at)
            if office is not None:
                return office
        if entity.country_qid:
            return self.directory.entity(entity.country_qid)
        return None

    def states_of(self, entities: Iterable[Entity]) -> list[Entity]:
        out: dict[str, Entity] = {}
        for entity in entities:
            state = self.state_of(entity)
            if state is not None:
                out.setdefault(state.key, state)
        return list(out.values())

    # --- arguments ----------------------------------------------------------------------

    def actors(self, token: Token, depth: int = 0) -> list[Entity]:
        """The actors a dependency argument stands for, with its conjuncts."""
        found: list[Entity] = []
        for head in (token, *token.conjuncts):
            found.extend(self._actors_of(head, depth))
        return list(dict.fromkeys(found))

    def _actors_of(self, token: Token, depth: int) -> list[Entity]:
        entity = self.entity_at(token)
        if entity is not None:
            return [entity]
        group = self.group_for(token)
        if group:
            return list(group)
        person = self.person_for(token)
        if person is not None:
            return [person]
        if depth >= 2 or self.named_unlinked(token) is not None:
            return []  # "the US-allied SDF" is the SDF, not the US
        found: list[Entity] = []
        for child in token.children:
            if child.dep_ in _ARG_DEPS:
                found.extend(self.actors(child, depth + 1))
            elif child.dep_ == "prep" and child.lower_ in ("of", "along"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.extend(self.actors(obj, depth + 1))
                    elif obj.dep_ == "prep":  # "along with Iran"
                        for o in obj.children:
                            if o.dep_ == "pobj":
                                found.extend(self.actors(o, depth + 1))
        return found
