"""Hostility from one sentence: attacks, offensives, wars, crackdowns, fighting.

A hostile act ("Russia's assault on Ukraine", "launched an air campaign against
the SDF", "fighting ISIL", "called for the toppling of Assad") is a directed
Hostility from the actor behind the act to the actor it targets. The target may
be an armed group the gazetteer does not know ("the rebels", "Kurdish groups",
"ISIL"): it stands for itself as a NIL armed group.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from accords.nlp.actors import ActorContext
from accords.nlp.doctext import tokens_of
from accords.nlp.lexicon import HOSTILE_NOUNS
from accords.nlp.relations import RelationFinding
from accords.nlp.syntax import governing_verb, lemma, modality, subjects
from accords.records import ActorKind, Entity, RelationType

#: Nouns whose "of"-object is the target ("the toppling of Assad").
OUSTING_NOUNS = frozenset(
    {
        "toppling",
        "overthrow",
        "ouster",
        "removal",
        "invasion",
        "seizure",
        "annexation",
        "occupation",
    }
)
#: Verbs whose object is the target ("fighting ISIL", "invaded Ukraine").
HOSTILE_VERBS = frozenset(
    {
        "fight",
        "attack",
        "invade",
        "bomb",
        "topple",
        "overthrow",
        "undermine",
        "repel",
        "oust",
        "strike",  # not "strike a deal"
        "shell",
        "raid",
        "bombard",
        "fire",  # "fired missiles at US troops" (only with a target: see _targets)
    }
)
#: Objects that make "strike" a deal, not an attack.
_STRUCK = frozenset(
    {"deal", "agreement", "accord", "pact", "bargain", "balance", "tone", "chord", "compromise"}
)
_TARGET_PREPS = frozenset({"against", "on"})
#: Verbs whose object is the weapon and whose target follows "at" ("fired missiles at X").
_LAUNCHING = frozenset({"fire", "launch"})
#: Nouns of a mixture of actors ("a mix of the FSA and al Qaeda affiliates").
_MIXES = frozenset({"mix", "mixture", "coalition", "alliance", "array", "collection", "range"})
#: Stances taken against a target ("entrenched against Assad", "arrayed against Iran").
STANCE_WORDS = frozenset({"entrench", "array", "pit", "range", "mobilise", "mobilize"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
#: Verbs whose object is held responsible for an act ("blamed Israel for the attack").
_BLAMING = frozenset({"blame", "accuse", "condemn", "hold", "fault"})


def _prep_targets(token: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out += [o for o in child.children if o.dep_ == "pobj"]
    return out


def _targets(trigger: Token) -> list[Token]:
    word = lemma(trigger)
    if trigger.pos_ == "VERB" and word in _LAUNCHING:
        return _prep_targets(
            trigger, frozenset({"at", "on", "against", "into"})
        )  # not the missiles
    if trigger.pos_ == "VERB":
        return [c for c in trigger.children if c.dep_ == "dobj"] + _prep_targets(
            trigger, _TARGET_PREPS
        )
    if word in OUSTING_NOUNS or trigger.lower_ in OUSTING_NOUNS:
        return _prep_targets(trigger, frozenset({"of"}))
    found = _prep_targets(trigger, _TARGET_PREPS)
    for of in _prep_targets(trigger, frozenset({"of"})):  # "a war of aggression against X"
        found += _prep_targets(of, _TARGET_PREPS)
    head = trigger.head
    if not found and trigger.dep_ == "conj" and head.pos_ == "NOUN":
        found = _prep_targets(head, _TARGET_PREPS)  # "a missile and drone attack on X"
    if not found and trigger.dep_ == "dobj" and head.pos_ == "VERB":
        # "step up our efforts, specifically against the GRU": the against-phrase on the verb
        found = _prep_targets(head, frozenset({"against"}))
    if not found and trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # "on the cusp of an offensive against X": the target hung on the noun before "of"
        found = _prep_targets(head.head, frozenset({"against"}))
    return found


def _agents(trigger: Token, actors: ActorContext) -> list[Entity]:
    """The actor behind the act: its owner, its adjective, or the subject of its verb."""
    if trigger.pos_ == "VERB":
        if trigger.dep_ == "acl" and trigger.tag_ == "VBG":  # "rebels fighting against X"
            return _target_entities([trigger.head], actors)
        if (
            trigger.dep_ == "pcomp"
            and trigger.head.lower_ in ("in", "with")
            and trigger.head.head.pos_ == "VERB"
        ):
            # "Iran has been assisting Iraq in fighting ISIL": both fight
            verb = trigger.head.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            return _resolve([*subjects(verb), *objects], actors)
        candidates = [trigger]
    else:
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ in ("for", "of") and lemma(head.head) in _BLAMING:
            # "Iran blamed Israel for an attack on ...": the one blamed is behind the act
            blamed = [c for c in head.head.children if c.dep_ == "dobj"]
            if blamed:
                return _resolve(blamed, actors)
        owners = [c for c in trigger.children if c.dep_ in ("poss", "amod", "compound")]
        pronouns = [o for o in owners if o.lower_ in _POSSESSIVE_PRONOUNS]
        found = _resolve([o for o in owners if o not in pronouns], actors)
        if found:
            return found
        if any(p.lower_ == "its" for p in pronouns):  # "slapped on Moscow over its invasion"
            state = actors.state_before(trigger)
            if state is not None:
                return [state]
        by = _prep_targets(trigger, frozenset({"by"}))
        found = _resolve(by, actors)
        if found:
            return found
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            # "Turkish threats of a new offensive against X"
            found = _resolve([c for c in head.head.children if c.dep_ in ("poss", "amod")], actors)
            if found:
                return found
        candidates = [governing_verb(trigger)]
    verb = candidates[0]
    plural = trigger.pos_ != "VERB" and any(
        c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children
    )
    for _ in range(3):  # "wants allies to undertake a crackdown": up to the one who wants
        subject_tokens = subjects(verb)
        found = _resolve(subject_tokens, actors) or _named_groups(subject_tokens, actors)
        if plural and len(found) < 2 and not any(t.tag_ in ("NNS", "NNPS") for t in subject_tokens):
            return []  # "the UK supports Iraq in their fight": "their" is not the UK
        if found:
            return found
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "Moscow had no plans to invade Ukraine": who has the plans
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "Turkey retaliated by striking X": who retaliated
            continue
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return []


def _named_groups(tokens: list[Token], actors: ActorContext) -> list[Entity]:
    """ "Kurdish paramilitaries, who have waged a war against Ankara": an armed group acting,
    when it is named (a name, or a group noun with a qualifier), not "militants" alone.

    "A mix of the Free Syrian Army and al Qaeda affiliates": the groups the mix is of,
    and a noun the gazetteer lacks stands for the organisation compounded with it.
    """
    heads: list[Token] = []
    for token in tokens:
        heads.append(token)
        if lemma(token) in _MIXES:
            heads += _prep_targets(token, frozenset({"of"}))
            heads += [c for c in token.children if c.dep_ == "appos"]
    groups: list[Entity] = []
    for head in heads:
        for c in (head, *head.conjuncts):
            named = c.ent_type_ in ("ORG", "NORP") or any(
                m.dep_ in ("amod", "compound") for m in c.children
            )
            group = actors.armed_group(c) if named else None
            if group is None:  # "al Qaeda affiliates": the organisation compounded
                group = next(
                    (
                        g
                        for m in c.children
                        if m.dep_ == "compound" and m.ent_type_ == "ORG"
                        if (g := actors.armed_group(m)) is not None
                    ),
                    None,
                )
            if group is not None:
                groups.append(group)
    return list({g.key: g for g in groups}.values())


def _resolve(tokens: list[Token], actors: ActorContext) -> list[Entity]:
    return actors.states_of(e for t in tokens for e in actors.actors(t))


#: Facilities an armed group may hold ("SDF positions", "a militant camp").
_HELD_BY_GROUPS = frozenset({"position", "outpost", "camp", "base", "target"})
#: Places and installations a state owns ("its Natanz nuclear facility"): never a group.
_FACILITIES = frozenset(
    {
        *("refinery", "depot", "warehouse", "factory", "terminal", "tanker", "vessel", "ship"),
        *("target", "position", "outpost", "camp"),
        "facility",
        "site",
        "plant",
        "base",
        "installation",
        "infrastructure",
        "embassy",
        "consulate",
        "port",
        "airport",
        "airbase",
        "compound",
        "reactor",
        "pipeline",
        "territory",
    }
)


def _target_entities(tokens: list[Token], actors: ActorContext) -> list[Entity]:
    found = _resolve(tokens, actors)
    if found:
        return found
    facilities = [t for t in tokens if lemma(t) in _FACILITIES]
    if facilities:
        # "an attack on its Natanz nuclear facility": the state "its" stands for, the
        # subject of the clause (not the attacker named as the object of "blamed")
        owners = [c for t in facilities for c in t.children if c.dep_ == "poss"]
        if any(o.lower_ == "its" for o in owners):
            return _resolve(subjects(governing_verb(facilities[0].head)), actors)[:1]
        # "an oil refinery in Russia's Krasnodar region", "Iran's Natanz site": its state
        held = lemma(facilities[0]) in _HELD_BY_GROUPS
        holders = [  # "Houthi positions in Yemen", "SDF positions": the group holding them
            g
            for c in facilities[0].children
            if held and c.dep_ in ("nmod", "compound", "amod", "poss")
            if (g := actors.armed_group(c)) is not None
        ]
        if holders:
            return holders[:1]
        where = [*owners, *_prep_targets(facilities[0], frozenset({"in", "near"}))]
        located = _resolve(where, actors)[:1]
        if located or not held:
            return located
    groups = [actors.armed_group(t) for t in tokens]
    if not any(groups):  # "against SDF positions": the group that holds them
        groups = [
            actors.armed_group(c)
            for t in tokens
            for c in t.children
            if c.dep_ in ("nmod", "compound", "poss")
        ]
    return list({g.key: g for g in groups if g is not None}.values())


def _is_trigger(token: Token) -> bool:
    word = lemma(token)
    if token.pos_ in ("VERB", "ADJ") and word in STANCE_WORDS:
        return any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children)
    if token.pos_ == "VERB" and word == "strike":
        return not any(c.dep_ == "dobj" and lemma(c) in _STRUCK for c in token.children)
    if token.pos_ == "VERB" and word in _LAUNCHING:
        return bool(_prep_targets(token, frozenset({"at", "against", "into"})))
    if token.pos_ == "VERB":
        return word in HOSTILE_VERBS
    if token.pos_ in ("NOUN", "PROPN"):
        return (
            word in HOSTILE_NOUNS
            or token.lower_ in HOSTILE_NOUNS
            or word in OUSTING_NOUNS
            or token.lower_ in OUSTING_NOUNS
        )
    return False


#: Nouns of a conflict that can be named by its sides alone ("the Iran-Iraq war").
_CONFLICT_NOUNS = frozenset({"war", "conflict"})
_SIDE_DEPS = frozenset({"compound", "nmod", "amod"})


def _sides(trigger: Token, actors: ActorContext) -> list[Entity]:
    """ "the Russia and Ukraine war", "the Iran-Iraq war", "the war between A and B": the
    states at war, when the text gives no direction."""
    if trigger.pos_ not in ("NOUN", "PROPN") or lemma(trigger) not in _CONFLICT_NOUNS:
        return []
    tokens = [c for c in trigger.children if c.dep_ in _SIDE_DEPS]
    tokens += [c for t in list(tokens) for c in t.children if c.dep_ == "compound"]  # Iran-Iraq
    tokens += _prep_targets(trigger, frozenset({"between"}))
    if any(c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children):
        tokens += subjects(governing_verb(trigger))  # "Ethiopia and Eritrea ended their war"
    tokens += [c for t in list(tokens) for c in t.conjuncts]
    sides = [e for t in tokens if (e := actors.entity_at(t)) is not None]
    return actors.states_of(sides)


#: Objects that make an act mutual ("attacked each other"): the actors are the two sides.
_RECIPROCAL = frozenset({"other", "another"})


def _joint_action(
    trigger: Token, targets: list[Entity], actors: ActorContext
) -> list[RelationFinding]:
    """ "Russia and Assad are on the cusp of an offensive against X", "A and B bombed X":
    two or more states acting together against a third party cooperate militarily.

    Only when the act has a target of its own (a war or fight between the subjects
    themselves is not joint); the target need not be an actor the gazetteer knows.
    """
    if lemma(trigger) in _CONFLICT_NOUNS | {"fight", "effort"}:
        return []  # a joint effort is read by the relation rules
    aimed = _targets(trigger)
    if not aimed or any(t.lower_ in _RECIPROCAL for a in aimed for t in a.subtree):
        return []
    agents = _agents(trigger, actors)
    keys = {t.key for t in targets}
    states = all(a.kind is ActorKind.STATE for a in agents)  # groups side by side may not ally
    if len(agents) < 2 or not states or any(a.key in keys for a in agents):
        return []
    return [
        RelationFinding(
            RelationType.MILITARY_COOPERATION, tuple(agents), modality(trigger), trigger
        )
    ]


def find_hostility(sent: Span, actors: ActorContext) -> list[RelationFinding]:
    """Directed hostility in one sentence, one finding per source–target pair.

    A war named by its sides only ("the Russia and Ukraine war") is one undirected
    finding with the sides as members: the text says who is at war, not who attacks.
    """
    found: list[RelationFinding] = []
    for token in tokens_of(sent):
        if not _is_trigger(token):
            continue
        targets = _target_entities(_targets(token), actors)
        found += _joint_action(token, targets, actors)
        if not targets:
            sides = _sides(token, actors)
            if len(sides) >= 2:
                found.append(
                    RelationFinding(RelationType.HOSTILITY, tuple(sides), modality(token), token)
                )
            continue
        agents = _agents(token, actors)
        mood = modality(token)
        rtype = RelationType.HOSTILITY
        for source in agents:
            for target in targets:
                if source.key != target.key:
                    found.append(
                        RelationFinding(
                            rtype, (source, target), mood, token, source=source, target=target
                        )
                    )
    return found
