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

from accords.nlp.doctext import doc_text, entity_span, tokens_of
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
#: The last words of the group anaphora: a token ending otherwise ends none of them.
_GROUP_ENDS = tuple(sorted({words.split()[-1] for words in GROUP_ANAPHORA}))
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_FIRST_PLURAL = frozenset({"we", "us", "our"})
_ROLE_NOUNS = frozenset(
    {"officer", "strongman", "leader", "president", "dictator", "premier", "minister", "ruler"}
)
#: Nouns that name a non-state armed actor.
_GROUP_NOUNS = frozenset(
    {
        "rebel",
        "militant",
        "militia",
        "militiaman",
        "insurgent",
        "jihadist",
        "paramilitary",
        "fighter",
        "guerrilla",
        "separatist",
        "opposition",
        "group",
        "unit",
        "force",
    }
)
#: Titles of office that make a named person speak for a state.
_OFFICE_WORDS = frozenset(
    {
        "president",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "ambassador",
        "envoy",
        "secretary",
        "leader",
        "emir",
        "spokesman",
        "spokeswoman",
        "chief",
        "director",
        "head",
        "commander",
        "adviser",
        "advisor",
        "prince",
        "sultan",
        "sheikh",
    }
)
#: Other names of well-known armed groups, to one label.
_KNOWN_GROUPS = {
    "isil": "Islamic State",
    "isis": "Islamic State",
    "daesh": "Islamic State",
    "is": "Islamic State",
    "islamic state group": "Islamic State",
    "the islamic state": "Islamic State",
}
#: Head words of an organisation's name that make it a body of the state that owns it.
_STATE_BODIES = frozenset(
    {
        "guard",
        "guards",
        "army",
        "navy",
        "ministry",
        "service",
        "services",
        "agency",
        "council",
        "police",
        "committee",
        "parliament",
        "government",
        "directorate",
        "command",
        "corps",
    }
)
#: Group nouns that never stand for a state: "Syrian rebels" are not Syria, while
#: "Ukrainian forces" are Ukraine's.
_NON_STATE_FORCES = _GROUP_NOUNS - {"group", "unit", "force", "fighter"}
#: Group nouns that name somebody only with a qualifier ("Kurdish groups", not "groups").
_VAGUE_GROUP_NOUNS = frozenset({"group", "unit", "force", "fighter"})
#: Distinct groups remembered for "the four countries" (the latest first).
_GROUPS_KEPT = 12
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
    sentence_no: int = -1  # index of the sentence being read
    speaker: tuple[int, Entity] | None = None  # the latest claimant and its sentence
    person_at: int = -1  # the sentence that named the latest person
    voices: list[tuple[int, int, Entity]] = field(default_factory=list)  # this sentence's claims

    def note_voices(self, spans: Iterable[tuple[int, int, Entity]]) -> None:
        """The claim contents of the sentence being read, with their speakers ("we" inside)."""
        self.voices = list(spans)

    def first_person(self, token: Token) -> Entity | None:
        """ "we", "us", "our" inside a speaker's words: the state the speaker stands for."""
        if token.lower_ not in _FIRST_PLURAL or token.pos_ != "PRON":
            return None
        for start, end, speaker in self.voices:
            if start <= token.idx < end:
                return self.state_of(speaker)
        return None

    def same_voice(self, token: Token) -> list[Token]:
        """The tokens of the claim content (in this sentence) that holds this token."""
        for start, end, _ in self.voices:
            if start <= token.idx < end:
                return [t for t in token.sent if start <= t.idx < end]
        return []

    def state_before(self, token: Token) -> Entity | None:
        """The latest state named before a token in its sentence ("Switzerland ... the country")."""
        for t in reversed(token.sent[: token.i - token.sent.start]):
            entity = self.entity_at(t)
            if entity is not None and entity.kind is ActorKind.STATE:
                return entity
        return None

    def group_with(self, entity: Entity) -> tuple[Entity, ...]:
        """The latest group of states named together that includes this one, or ()."""
        for group in self.groups:
            states = tuple(self.states_of(group))
            if len(states) >= 2 and any(s.key == entity.key for s in states):
                return states
        return ()

    def note_speaker(self, entity: Entity) -> None:
        """Remember the latest claimant (for "he added", "she told reporters" after it)."""
        self.speaker = (self.sentence_no, entity)

    def speaker_for(self, token: Token) -> Entity | None:
        """The speaker a pronoun subject of a reporting verb stands for.

        A person named before it in the sentence outside a quotation, else the
        claimant of one of the last three sentences unless a person was named
        after it, else the latest person.
        """
        quoted = quotation_spans(token.sent)
        earlier = [
            e
            for t in token.sent
            if t.i < token.i and not any(a <= t.idx < b for a, b in quoted)
            if (e := self.entity_at(t)) is not None and e.kind is ActorKind.PERSON
        ]
        if earlier:
            return earlier[-1]
        recent = self.speaker is not None and self.sentence_no - self.speaker[0] <= 3
        if self.speaker is not None and recent and self.speaker[0] >= self.person_at:
            return self.speaker[1]
        return self.last_person or (self.speaker[1] if self.speaker else None)

    def index(self, sent: Span) -> None:
        """Map the tokens of a sentence to the entities of the mentions that cover them."""
        self.sentence_no += 1
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
            # the same group named again moves to the front instead of crowding out others
            self.groups = [group, *(g for g in self.groups if g != group)][:_GROUPS_KEPT]

    def latest_states(self) -> tuple[Entity, ...]:
        """The states of the latest group named together ("the cooperation" refers to it)."""
        states = tuple(self.states_of(self.groups[0])) if self.groups else ()
        return states if len(states) >= 2 else ()

    def note_person(self, entity: Entity) -> None:
        """Make a person the most recent one (for "he", "the Turkish strongman")."""
        self.people = [entity, *(p for p in self.people if p.key != entity.key)][:12]
        self.person_at = self.sentence_no

    def note_people(self, sent: Span) -> None:
        """Note the people a sentence names outside quotations, the gazetteer's or not."""
        quoted = quotation_spans(sent)
        for token in tokens_of(sent):
            if any(a <= token.idx < b for a, b in quoted):
                continue
            entity = self.entity_at(token)
            if entity is not None and entity.kind is ActorKind.PERSON:
                self.note_person(entity)
            elif entity is None and token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
                named = self.named_unlinked(token)
                if named is not None:
                    self.note_person(self.unlinked_entity(named))

    def armed_group(self, token: Token, after: int = -1) -> Entity | None:
        """An armed group the gazetteer does not know: "the rebels", "Kurdish groups", "ISIL".

        Only for the target of a hostile act or of backing, where an unlinked
        organisation or a group noun stands for a non-state armed actor. The label
        starts after token ``after`` when given ("the Iran-backed militias": "militias").
        """
        if self.entity_at(token) is not None or token.pos_ not in ("NOUN", "PROPN"):
            return None
        named = entity_span(token)
        if token.pos_ == "PROPN" or (named is not None and named.label_ == "ORG"):
            if named is not None and named.label_ not in ("ORG", "NORP"):
                return None
            words = token.doc[token.left_edge.i : token.i + 1]
        elif lemma_of(token) in _GROUP_NOUNS:
            # "Kurdish groups", "rebel groups": a vague noun named by its qualifier
            qualified = lemma_of(token) not in _VAGUE_GROUP_NOUNS or any(
                c.dep_ in ("amod", "compound")
                and (c.ent_type_ == "NORP" or lemma_of(c) in _GROUP_NOUNS - _VAGUE_GROUP_NOUNS)
                for c in token.children
            )
            if not qualified:
                return None  # "groups" alone is nobody in particular
            words = token.doc[token.left_edge.i : token.i + 1]
        else:
            return None
        if after >= words.start:
            words = token.doc[after + 1 : token.i + 1]
        label = re.sub(r"^(a|an|the|some|several|various)\s+", "", words.text, flags=re.I)
        label = _KNOWN_GROUPS.get(label.lower(), label)
        label = _spelled_out(doc_text(token.doc), label)
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60] or "unknown"
        return Entity(key=f"nil-{slug}", label=label, kind=ActorKind.ARMED_GROUP)

    def _office_before(self, named: Span) -> bool:
        """ "Venezuelan President X": an office title with a state before the name."""
        doc = named.doc
        before = doc[named.root.left_edge.i : named.start]
        # "Jordan's King Abdullah": the title may open the name the parser found
        titled = any(t.lower_ in _OFFICE_WORDS for t in before) or named[0].lower_ in _OFFICE_WORDS
        return titled and any(
            self.entity_at(t) is not None or self._demonym(t) is not None for t in before
        )

    def unlinked_entity(self, named: Span) -> Entity:
        """A person or organisation the gazetteer does not know ("German Chancellor X": Germany)."""
        earlier = self._named_before(named.text)
        if earlier is not None:
            return earlier
        kind = ActorKind.PERSON if named.label_ == "PERSON" else ActorKind.ACTOR
        root = named.root
        near = [*root.children, *root.doc[root.left_edge.i : named.start]]
        states = self.states_of(
            e
            for c in near
            if c.dep_ in ("appos", "amod", "compound", "nmod") or c.i < named.start
            if (e := self.entity_at(c) or self._demonym(c)) is not None
        )
        country = states[0].qid if states else None
        slug = re.sub(r"[^a-z0-9]+", "-", named.text.lower()).strip("-")[:60] or "unknown"
        return Entity(key=f"nil-{slug}", label=named.text, kind=kind, country_qid=country)

    def _named_before(self, text: str) -> Entity | None:
        """ "Cavusoglu said" after "Foreign Minister Mevlut Cavusoglu": the person by surname."""
        words = text.split()
        if not words or len(words) > 2 or not words[0][:1].isupper():
            return None
        for person in self.people:
            label = person.label.split()
            if len(label) > len(words) and label[-len(words) :] == words:
                return person
        return None

    @property
    def last_person(self) -> Entity | None:
        return self.people[0] if self.people else None

    def group_for(self, token: Token) -> tuple[Entity, ...]:
        """Entities of a group anaphor ending at this token, or ()."""
        if not token.lower_.endswith(_GROUP_ENDS):
            return ()
        phrase = " ".join(t.lower_ for t in token.doc[token.left_edge.i : token.i + 1])
        phrase = re.sub(r"^(the|our|these|those|both)\s+", "", phrase)
        for words, size in GROUP_ANAPHORA.items():
            if phrase.endswith(words):
                persons = words.endswith("leaders")
                if persons:  # "Putin hosted Erdogan ..., and the two leaders agreed ..."
                    named = {
                        e.key: e
                        for t in token.sent
                        if t.i < token.left_edge.i
                        if (e := self.entity_at(t)) is not None and e.kind is ActorKind.PERSON
                    }
                    if len(named) == size:
                        return tuple(named.values())
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

    def _reporter_of(self, it: Token) -> Entity | None:
        """The state a subject "it" stands for: the subject of the verb whose reported
        clause it opens ("Iran said it would respond"), when that subject is a state."""
        clause = it.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return None
        for subject in (c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")):
            entity = self.entity_at(subject)
            if entity is not None and entity.kind is ActorKind.STATE:
                return entity
        return None

    def person_for(self, token: Token) -> Entity | None:
        """A pronoun or role description ("the former KGB officer") for a known person."""
        if token.lower_ in _PERSON_PRONOUNS and token.pos_ == "PRON":
            quoted = quotation_spans(token.sent)
            earlier = [
                e
                for t in token.sent
                if t.i < token.i and not any(a <= t.idx < b for a, b in quoted)
                if (e := self.entity_at(t)) is not None and e.kind is ActorKind.PERSON
            ]
            return earlier[-1] if earlier else self.last_person
        if token.lemma_.lower() in _ROLE_NOUNS and token.pos_ == "NOUN" and token.tag_ == "NN":
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

    def demonym(self, token: Token) -> Entity | None:
        """The state a demonym names ("Turkish" -> Türkiye), or None."""
        return self._demonym(token)

    def _demonym(self, token: Token) -> Entity | None:
        qid = self.directory.demonym_of.get(token.text)
        return self.directory.entity(qid) if qid else None

    def named_unlinked(self, token: Token) -> Span | None:
        """The spaCy entity (person, organisation) a token heads when the linker left it NIL."""
        if token.ent_type_ not in ("PERSON", "ORG") or self.entity_at(token) is not None:
            return None
        return entity_span(token)

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
        for head in (token, *token.conjuncts, *_listed_appositions(token)):
            found.extend(self._actors_of(head, depth))
            if found and depth == 0:
                # "Russia, along with Iran, ...": on the actor, or on its verb just after it
                verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
                companions = _companions(head) + [
                    c for c in _companions(verb) if verb.i != head.i and head.i < c.i < verb.i
                ]
                for companion in companions:
                    found.extend(self._actors_of(companion, depth + 1))
        return list(dict.fromkeys(found))

    def own_actors(self, token: Token) -> list[Entity]:
        """The actors this token itself stands for, without its conjuncts."""
        return self._actors_of(token, 0)

    def _actors_of(self, token: Token, depth: int) -> list[Entity]:
        entity = self.entity_at(token)
        if entity is not None:
            # "the Turkish and Syrian intelligence services": each coordinated modifier
            # "between US President Donald Trump and Russian President Vladimir Putin" parsed
            # with Trump as a modifier of Putin: the coordinated name is a side too
            shared = [
                e
                for c in token.children
                if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts
                for t in (c, *c.conjuncts)
                if (e := self.entity_at(t)) is not None and e.key != entity.key
            ]
            if entity.kind is ActorKind.PERSON and self.state_of(entity) is None:
                # "CIA director William Burns" past the gazetteer's knowledge of his office:
                # the body or state his title names
                titled = [
                    e
                    for t in token.subtree
                    if t.i < token.i and t.dep_ in ("compound", "amod")
                    if (e := self.entity_at(t) or self._demonym(t)) is not None
                    and e.key != entity.key
                    and self.state_of(e) is not None
                ]
                shared += titled[:1]
            return list(dict.fromkeys([entity, *shared]))
        group = self.group_for(token)
        if group:
            return list(group)
        if token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            reporter = self._reporter_of(token)  # "Pakistan denied that it had shared ..."
            if reporter is not None:
                return [reporter]
        person = self.person_for(token) or self.first_person(token)
        if person is not None:
            return [person]
        if lemma_of(token) == "country" and token.tag_ == "NN" and _bare_definite(token):
            state = self.state_before(token)  # "Switzerland lost ... after the country joined"
            return [state] if state is not None else []
        named = self.named_unlinked(token)
        if named is not None and named.label_ == "PERSON":
            # "the Syrian President Bashar al-Assad" parsed with "President" as head: the
            # person the linker found inside the name or in its apposition
            near = [*named, *(c for c in token.children if c.dep_ == "appos")]
            inside = [
                e
                for t in near
                if (e := self.entity_at(t)) is not None and e.kind is ActorKind.PERSON
            ]
            if inside:
                return list(dict.fromkeys(inside))
        if named is not None and named.label_ == "PERSON" and self._office_before(named):
            # "Venezuelan President Nicolas Maduro", not in the gazetteer: his state
            return [self.unlinked_entity(named)]
        if named is not None and named.label_ == "ORG" and lemma_of(token) in _STATE_BODIES:
            # "Iran's Revolutionary Guards", "Russia's Defence Ministry": a body of its state
            owners = [c for c in token.children if c.dep_ == "poss"]
            states = self.states_of(e for o in owners for e in self._actors_of(o, depth + 1))
            if states and all(s.kind is ActorKind.STATE for s in states):
                return states
        if named is not None and lemma_of(token) in _OFFICE_WORDS and named.end > token.i:
            # "Turkish intelligence chief Hakan Fidan", title and name both unknown to the
            # gazetteer: the title's state speaks (the title heads, the name is its apposition)
            titled = [
                e
                for t in named
                if t.i < token.i
                if (e := self.entity_at(t) or self._demonym(t)) is not None
                and e.kind is ActorKind.STATE
            ]
            if titled:
                return titled[:1]
        if depth >= 2 or named is not None:
            return []  # "the US-allied SDF" is the SDF, not the US
        if lemma_of(token) in _NON_STATE_FORCES:
            return []  # "Iraqi Shiite militias" are a group of their own (see armed_group)
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


def _bare_definite(token: Token) -> bool:
    """ "the country" with nothing else that could name it."""
    return [c.lower_ for c in token.children] == ["the"]


def _spelled_out(text: str, label: str) -> str:
    """ "SDF" -> "Syrian Democratic Forces" when the text defines it ("... Forces (SDF)")."""
    if not (2 <= len(label) <= 6 and label.isupper() and label.isalpha()):
        return label
    words = r"\s+".join([r"([A-Z][\w'-]*)"] * len(label))
    for match in re.finditer(words + r"\s*\(" + label + r"\)", text):
        if "".join(w[0] for w in match.groups()) == label:
            return " ".join(match.groups())
    return label


def _listed_appositions(token: Token) -> list[Token]:
    """ "the United States, NATO, and the EU": a list whose second item parsed as apposition."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "appos" and any(
            c.dep_ == "cc" and c.lower_ in ("and", "or") for c in child.children
        ):
            out += [child, *child.conjuncts]
    return out


def _companions(token: Token) -> list[Token]:
    """ "Russia, along with Iran", "Iran, together with Iraq": actors in the same role."""
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "alongside":
            out += [o for o in prep.children if o.dep_ == "pobj"]
        elif prep.lower_ in ("along", "together"):
            out += [
                o
                for w in prep.children
                if w.dep_ == "prep" and w.lower_ == "with"
                for o in w.children
                if o.dep_ == "pobj"
            ]
    return out


_OPENING = "\u201c"
_CLOSING = "\u201d"
_LOOK_BACK = 1500  # characters searched for the opening mark of a quotation that began earlier


def quotation_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of the quotations in a sentence.

    A quotation that opened in an earlier sentence and closes in this one
    (\u201c... Kobani.\u201d split by the sentence splitter) starts at its opening mark.
    """
    text = doc_text(sent.doc)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    straight_open = False
    for i in range(sent.start_char, sent.end_char):
        ch = text[i]
        if ch == _OPENING or (ch == '"' and not straight_open):
            start, straight_open = i + 1, ch == '"'
        elif ch == _CLOSING or (ch == '"' and straight_open):
            if start is None and not spans:  # opened before this sentence
                before = text.rfind(_OPENING, max(0, sent.start_char - _LOOK_BACK), sent.start_char)
                closed = text.rfind(_CLOSING, max(0, sent.start_char - _LOOK_BACK), sent.start_char)
                if before > closed:
                    start = before + 1
            if start is not None:
                end = i
                while end > start and text[end - 1] in ", ":
                    end -= 1  # "“... closed,” he said": the comma belongs to the frame
                spans.append((start, end))
            start, straight_open = None, False
    if start is not None:  # runs on into the next sentence
        spans.append((start, sent.end_char))
    return spans


def lemma_of(token: Token) -> str:
    return token.lemma_.lower() or token.lower_
