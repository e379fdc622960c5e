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
from accords.nlp.doctext import tokens_of
from accords.nlp.lexicon import (
    DOMAIN_WORDS,
    HOSTILE_NOUNS,
    MEETING_VERBS,
    REFINABLE,
    RELATION_NOUNS,
    RELATION_VERBS,
    WORK_VERBS,
)
from accords.nlp.syntax import called_for, chain, governing_verb, lemma, modality, subjects
from accords.records import ActorKind, Entity, Modality, RelationType

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MEMBER_PREPS = frozenset({"with", "between", "among", "of", "to"})
_PENALISED = frozenset({"on", "against"})
_RECONCILIATION = frozenset({"reconciliation", "rapprochement"})
_COMBAT = frozenset({"military", "armed", "naval", "air", "combat", "ground", "direct"})
_TOGETHER = frozenset({"together", "jointly", "closely"})
#: Backing nouns naming the act, whose owner gives ("its support for X"); agent nouns
#: ("Russia's backer") name the giver, whose owner receives.
_ACTS = frozenset({"support", "backing", "aid", "assistance"})
_DOMAIN_TYPES = frozenset(DOMAIN_WORDS.values())
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
_FIRST_PLURAL = frozenset({"we", "our", "us"})
_FIGHTING = frozenset({"fight", "combat", "counter", "confront", "defeat", "tackle"})
_TERROR = frozenset({"terrorist", "terrorism", "terror", "jihadist", "extremist"})
_COUNTERTERRORISM = frozenset({"counterterrorism", "counterterror", "antiterrorism"})
_JOINT = frozenset({"joint", "common", "collective", "concerted"})
_EFFORTS = frozenset({"effort", "campaign", "endeavour", "endeavor", "initiative"})
#: Nouns that, called joint, are the joint work of their makers.
_JOINT_NOUNS = frozenset(
    {
        *("measure", "step", "action", "project", "venture", "plan", "strategy", "statement"),
        *("mechanism", "committee", "commission", "centre", "center", "taskforce", "operation"),
    }
)
#: Nouns naming the other side ("our allies"): the speaker's circle is not that side.
_AGENT_NOUNS = frozenset({"ally", "partner", "rival", "enemy", "backer", "sponsor"})


@dataclass(frozen=True)
class RelationFinding:
    """A relationship found in a sentence, before time and evidence are attached."""

    type: RelationType
    members: tuple[Entity, ...]
    modality: Modality
    trigger: Token
    source: Entity | None = None
    target: Entity | None = None


def _cooperate_split(token: Token) -> bool:
    """ "co-operate" tokenised as "co", "-", "operate"."""
    doc = token.doc
    return (
        lemma(token) == "operate"
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ == "co"
    )


def _opposed_sides(token: Token) -> bool:
    """ "on an opposite side of the conflict from X", "not on the same side with X"."""
    if lemma(token) != "side" or token.pos_ != "NOUN":
        return False
    words = {c.lower_ for c in token.children if c.dep_ == "amod"}
    if words & {"opposite", "opposing", "other", "different"}:
        return True
    negated = any(c.dep_ == "neg" for c in governing_verb(token).children)
    return "same" in words and negated


def _joint_effort(token: Token) -> bool:
    """ "the new effort by the four countries", "our joint efforts": an effort with named
    makers (two or more), or one called joint."""
    return any(
        c.dep_ == "agent"
        or (c.dep_ == "prep" and c.lower_ == "by")
        or (c.dep_ == "amod" and c.lower_ in _JOINT)
        for c in token.children
    )


def _effort_domain(token: Token) -> RelationType:
    """A joint effort against terrorists is security cooperation; otherwise coordination."""
    clause = governing_verb(token).subtree
    if any(lemma(t) in _TERROR for t in clause) or _against_armed(token):
        return RelationType.SECURITY_COOPERATION
    return RelationType.DIPLOMATIC_COORDINATION


def _joint_undertaking(agree: Token) -> RelationType:
    """ "agreed to hasten the establishment of military posts": the kind of what is agreed."""
    for xcomp in (c for c in agree.children if c.dep_ == "xcomp"):
        for token in xcomp.subtree:
            if token.lower_ in DOMAIN_WORDS:
                return DOMAIN_WORDS[token.lower_]
        if lemma(xcomp) in _FIGHTING or any(lemma(t) in _TERROR for t in xcomp.subtree):
            return RelationType.SECURITY_COOPERATION  # "agreed to jointly fight the PKK"
    return RelationType.DIPLOMATIC_COORDINATION


def _trigger_type(token: Token) -> RelationType | None:
    word = lemma(token)
    if word in _RECONCILIATION and token.pos_ == "NOUN":
        return RelationType.RIVALRY
    if _cooperate_split(token):
        return RelationType.DIPLOMATIC_COORDINATION
    if _opposed_sides(token):
        return RelationType.RIVALRY
    if token.pos_ == "VERB":
        if word in WORK_VERBS:
            # "work together", "work with X", "A and B discuss working against X"
            if any(c.lower_ in _TOGETHER for c in token.children) or any(
                c.dep_ == "prep" and c.lower_ in ("with", "against") for c in token.children
            ):
                return RelationType.DIPLOMATIC_COORDINATION
            return None
        if word in _SUPPLYING:
            # "supplying Russia with artillery shells", "sent weapons to Ukraine": arms given
            given = [c for c in token.children if c.dep_ == "dobj"]
            given += list(_prep_objects(token, frozenset({"with"})))
            armed = any(lemma(t) in _ARMS for g in given for t in g.subtree)
            return RelationType.BACKING if armed else None
        if word == "agree" and any(
            c.dep_ == "xcomp" and lemma(c) not in MEETING_VERBS for c in token.children
        ):
            # "A and B agreed to build ..." (agreeing to meet is a planned meeting)
            return _joint_undertaking(token)
        found = RELATION_VERBS.get(word)
        if found is RelationType.INTELLIGENCE_SHARING:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            return found if any(o.lower_ == "intelligence" for o in objects) else None
        return found
    if token.pos_ in ("NOUN", "PROPN"):
        if token.lower_ == "ties" or word == "tie":
            return RelationType.DIPLOMATIC_COORDINATION
        if token.lower_ == "relations" and _bilateral(token):
            return RelationType.DIPLOMATIC_COORDINATION  # "restored diplomatic relations"
        if word == "sharing" and any(c.lower_ == "intelligence" for c in token.children):
            return RelationType.INTELLIGENCE_SHARING  # "intelligence-sharing" split at the hyphen
        if word == "engagement":
            # "our engagements are proceeding", "engagement with Moscow"; a "military
            # engagement" is a battle, not a tie
            combat = any(c.lower_ in _COMBAT for c in token.children)
            return None if combat else RelationType.DIPLOMATIC_COORDINATION
        if word in _EFFORTS and _joint_effort(token):
            return _effort_domain(token)
        if word in _JOINT_NOUNS and any(
            c.dep_ == "amod" and c.lower_ in _JOINT for c in token.children
        ):
            # "joint measures against Kurdish militants", "a joint statement"
            return _effort_domain(token)
        if word == "support" and token.dep_ == "dobj":
            return RelationType.BACKING
        if word in _DRILLS and (
            any(c.dep_ == "amod" and c.lower_ in _JOINT for c in token.children)
            or any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
        ):
            return RelationType.MILITARY_COOPERATION  # "held joint military exercises"
        if word in _AID and any(c.lower_ in _AID_KINDS for c in token.children):
            return RelationType.BACKING  # "military aid to Ukraine", not humanitarian aid
        if word == "concert" and not any(c.lower_ == "with" for c in token.head.children):
            return RelationType.DIPLOMATIC_COORDINATION if token.head.lower_ == "in" else None
        return RELATION_NOUNS.get(word) or RELATION_NOUNS.get(token.lower_)
    return None


_RELATIONS_KINDS = frozenset(
    {"diplomatic", "bilateral", "full", "normal", "close", "closer", "warm", "friendly", "strong"}
)


def _bilateral(token: Token) -> bool:
    """ "diplomatic relations", "relations between A and B": ties, not "public relations"."""
    if token.dep_ == "dobj" and lemma(token.head) in _RELATING_VERBS:
        return True  # "agreed to normalise relations", "broke off relations"
    return any(
        (c.dep_ == "amod" and c.lower_ in _RELATIONS_KINDS)
        or (c.dep_ == "prep" and c.lower_ in ("between", "with"))
        for c in token.children
    )


#: Verbs whose object "relations" can only be relations between states.
_RELATING_VERBS = frozenset(
    {
        "normalise",
        "normalize",
        "restore",
        "establish",
        "sever",
        "cut",
        "break",
        "resume",
        "re-establish",
        "reestablish",
        "upgrade",
        "downgrade",
        "improve",
        "strengthen",
        "deepen",
    }
)


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
            if token.dep_ == "prep" and token.lower_ in ("on", "in") and sub.dep_ == "pobj":
                # "cooperating closely on security", "cooperation in counterterrorism"
                if sub.lower_ in DOMAIN_WORDS:
                    return DOMAIN_WORDS[sub.lower_]
                if lemma(sub) in _TERROR or sub.lower_.replace("-", "") in _COUNTERTERRORISM:
                    return RelationType.SECURITY_COOPERATION
            if token.dep_ == "prep" and token.lower_ in ("between", "among"):
                # "coordination between the two countries' militaries / security services"
                modifiers = (c for c in sub.children if c.dep_ in ("amod", "compound", "nmod"))
                for part in (sub, *modifiers):
                    if part.lower_ in DOMAIN_WORDS:
                        return DOMAIN_WORDS[part.lower_]
    return rtype


def _by_agency(rtype: RelationType, agents: list[Token]) -> RelationType:
    """ "the two intelligence agencies were working together": the kind of the agencies."""
    for agent in agents:
        for word in (agent, *(c for c in agent.children if c.dep_ in ("compound", "amod"))):
            if word.lower_ in DOMAIN_WORDS:
                return DOMAIN_WORDS[word.lower_]
    return rtype


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    for child in token.children:  # "sent drones to Russia" may parse "to" as a dative
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def _with_objects(token: Token, depth: int = 0) -> list[Token]:
    """ "share intelligence on ISIS with Russia": a with-phrase hanging lower in the object."""
    found = list(_prep_objects(token, frozenset({"with"})))
    if depth < 3:
        for child in token.children:
            if child.dep_ in ("prep", "pobj"):
                found += _with_objects(child, depth + 1)
    return found


def _co_subjects(verb: Token, trigger: Token) -> list[Token]:
    """ "the alliance of A, B, and C will ...": a mis-parsed extra subject of the same verb."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != trigger.i]


def _trailing_conjunct(trigger: Token) -> list[Token]:
    """ "the alliance of A, B, C, and D will ...": D parsed as the verb's subject."""
    doc = trigger.doc
    j = trigger.right_edge.i
    if doc[j].lower_ != "and":
        j += 1
        while j < len(doc) and doc[j].is_punct:
            j += 1
    if (
        j + 1 < len(doc)
        and doc[j].lower_ == "and"
        and doc[j + 1].ent_type_ in ("GPE", "ORG", "NORP")
        and doc[j + 1].head.i != trigger.i
        and doc[j + 1].dep_ in ("nsubj", "nsubjpass")
    ):
        return [doc[j + 1]]
    return []


def _sanction_sides(trigger: Token) -> tuple[list[Token], list[Token]]:
    """ "US sanctions on Iran", "X joined the sanctions slapped on Moscow": who penalises whom.

    The source is the noun's own owner or modifier, else the subject of the verb
    taking the sanctions as its object; the target follows "on" or "against".
    """
    agents = [
        c
        for c in trigger.children
        if c.dep_ in ("poss", "nmod", "compound") and c.lower_ not in _POSSESSIVE_PRONOUNS
    ]
    holder = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.dep_ == "dobj":
        holder = trigger.head.head  # "lifted most of its sanctions on Syria"
    if not agents and holder.dep_ == "dobj":
        agents = subjects(holder.head)  # "imposed sanctions", "lifted its sanctions on X"
    described = [c for c in trigger.children if c.dep_ == "acl"]
    patients = [o for h in (trigger, *described) for o in _prep_objects(h, _PENALISED)]
    if not patients and trigger.dep_ == "dobj":  # "refuses to impose sanctions on Russia"
        patients = list(_prep_objects(trigger.head, _PENALISED))
    return agents, patients


def _arguments(trigger: Token) -> tuple[list[Token], list[Token]]:
    """(agent-side, patient-side) argument tokens of a trigger."""
    if trigger.pos_ == "VERB":
        agents = subjects(trigger)
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        patients = list(objects) if lemma(trigger) != "share" else []
        patients += list(_prep_objects(trigger, _MEMBER_PREPS))
        if lemma(trigger) == "help":  # "help Syria defeat the rebels": the one helped
            patients += [
                c
                for comp in trigger.children
                if comp.dep_ in ("ccomp", "xcomp")
                for c in comp.children
                if c.dep_ == "nsubj"
                or (c.dep_ == "dobj" and lemma(comp) in _BUILDING_UP)  # "help train X"
            ]
        for obj in objects:
            patients += _with_objects(obj)
        return agents, patients
    if _opposed_sides(trigger):
        verb = governing_verb(trigger)
        # "on an opposite side of the conflict from X": X hangs on the side or its conflict
        holders = [trigger, verb, *_prep_objects(trigger, frozenset({"of"}))]
        return subjects(verb), [
            o for h in holders for o in _prep_objects(h, frozenset({"from", "with"}))
        ]
    if lemma(trigger) == "sanction" and trigger.pos_ == "NOUN":
        return _sanction_sides(trigger)
    agents = []
    backing = RELATION_NOUNS.get(lemma(trigger)) is RelationType.BACKING or lemma(trigger) in _AID
    if backing and lemma(trigger) in _ACTS:
        # "its support for the rebels": the owner gives, the for-object receives
        owners = [c for c in trigger.children if c.dep_ == "poss"]
        agents += [o for o in owners if o.lower_ not in _POSSESSIVE_PRONOUNS]
        # "Iranian support", "US backing": the giver named by a modifier
        agents += [c for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")]
        patients = [
            o for t in _prep_objects(trigger, _MEMBER_PREPS | {"for"}) for o in _act_owner(t)
        ]
        thanked = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and lemma(thanked) in _THANKING:
            # "Azerbaijan thanked Turkey for its support": the one thanked gave it
            givers = [c for c in thanked.children if c.dep_ == "dobj"]
            return givers, subjects(thanked)
        if not patients and trigger.dep_ == "dobj" and lemma(trigger.head) in _RECEIVING:
            patients += subjects(trigger.head)  # "Iraq welcomed Iranian support"
            return agents, patients
        if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
            # "pledged military support to Ukraine": the recipient hangs on the verb
            patients += list(_prep_objects(trigger.head, frozenset({"to", "for"})))
        if owners and not agents:
            agents += subjects(governing_verb(trigger))
    else:
        # "Russia's partner", "an agreement with Iran": the other side
        patients = [c for c in trigger.children if c.dep_ == "poss"]
        patients += list(_prep_objects(trigger, _MEMBER_PREPS))
        if lemma(trigger) in _EFFORTS:  # "the effort by the four countries": its makers
            patients += list(_prep_objects(trigger, frozenset({"by"})))
            patients += [o for c in trigger.children if c.dep_ == "agent" for o in c.children]
            if trigger.dep_ in SUBJECTS:
                return agents, patients

    head = trigger.head
    if lemma(trigger) in _RECONCILIATION and any(
        c.dep_ == "prep" and c.lower_ in ("between", "among") for c in trigger.children
    ):
        return agents, patients  # "a rapprochement between Ankara and Damascus": its parties
    if trigger.dep_ == "pobj" and head.head.i != head.i:  # "in concert with Iran"
        patients += list(_prep_objects(head.head, frozenset({"with"})))
        head = head.head
    copula = trigger.sent.root
    if trigger.dep_ == "appos":  # "Turkey and Syria — two bitter rivals"
        agents.append(head)
    elif (
        trigger.dep_ in ("nsubj", "nsubjpass")
        and lemma(copula) == "be"
        and copula.i < trigger.i
        and any(c.dep_ == "nsubj" for c in copula.children)
    ):
        # "Russia, along with Iran, is the key backer of X and ...": the copula's subject
        agents += [c for c in copula.children if c.dep_ == "nsubj"]
    elif trigger.dep_ in ("dobj", "attr", "pobj", "conj", "nsubjpass"):
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        if verb.pos_ == "ADV" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "moving closer to a deal"
        # "a threat to all our allies": one side named by a pronoun, the other unnamed
        unnamed = (
            trigger.tag_ == "NNS"
            and lemma(trigger) in _AGENT_NOUNS  # "their ties" are the subjects' own
            and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in trigger.children)
        )
        if verb.pos_ in ("VERB", "AUX") and not unnamed:
            agents += subjects(verb)
    elif trigger.dep_ in ("nsubj",):
        agents += _co_subjects(head, trigger)
    patients += _trailing_conjunct(trigger)
    if not agents and RELATION_NOUNS.get(lemma(trigger)) is RelationType.BACKING:
        root = trigger.sent.root  # "Russia, along with Iran, is the key backer of ..." mis-parsed
        agents += [c for c in root.children if c.dep_ == "nsubj"]
    return agents, patients


def _act_owner(token: Token) -> list[Token]:
    """ "support for Russia's invasion of Ukraine": the one backed is the act's owner, not its
    target; an act without a named owner ("support for the war") backs nobody named."""
    if lemma(token) not in HOSTILE_NOUNS - {"effort"}:
        return [token]
    return [c for c in token.children if c.dep_ in ("poss", "amod", "compound")]


def _its_owner(trigger: Token, actors: ActorContext) -> Entity | None:
    """ "Britain imposed sanctions on Belarus over its support for X": "its" is the latest
    state named before it (Belarus), not the clause's subject."""
    if trigger.pos_ != "NOUN" or lemma(trigger) not in _ACTS:
        return None
    children = list(trigger.children)
    its = [c for c in children if c.dep_ == "poss" and c.lower_ == "its"]
    if not its or any(c.dep_ in ("amod", "compound", "nmod") for c in children):
        return None
    return actors.state_before(its[0])


#: Verbs by which the receiver of support names its giver ("thanked X for its support").
_THANKING = frozenset({"thank", "praise", "commend", "hail"})
#: Verbs whose subject receives the support that is their object.
_RECEIVING = frozenset({"welcome", "receive", "accept", "seek", "request", "get", "enjoy"})
#: "help lead / train / arm X": what is helped to be built up is the one backed.
_BUILDING_UP = frozenset(
    {"lead", "train", "arm", "equip", "organise", "organize", "fund", "finance", "rebuild"}
)
#: Verbs of giving that back the receiver when what is given is arms.
_SUPPLYING = frozenset({"supply", "provide", "deliver", "send", "ship", "sell", "transfer"})
_AID = frozenset({"aid", "assistance"})
_DRILLS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame", "patrol"})
_AID_KINDS = frozenset({"military", "defence", "defense", "security", "lethal", "financial"})
_AGREEMENT_NOUNS = frozenset({"agreement", "deal", "pact", "treaty", "accord", "memorandum"})
#: Verbs by which the subjects become the parties of an agreement ("A and B agreed to a deal").
_CONCLUDING = frozenset({"agree", "sign", "reach", "strike", "conclude", "seal"})
#: Hardware whose production or supply makes a deal a military one.
_ARMS = frozenset(
    {
        "weapon",
        "weaponry",
        "arms",
        "drone",
        "missile",
        "munition",
        "tank",
        "jet",
        "ammunition",
        "shell",
        "artillery",
        "rocket",
        "howitzer",
        "warplane",
        *("defence", "defense", "interceptor", "fighter", "helicopter", "warship", "bomb"),
    }
)
#: Verbs under which a course of action is only being weighed ("discuss working against X").
_DELIBERATING = frozenset({"discuss", "explore", "consider", "weigh", "debate"})


def _concluded(token: Token) -> bool:
    """ "agreed to a deal", "signed a pact": the agreement is the object of a concluding verb."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to":
        head = head.head
    elif token.dep_ != "dobj":
        return False
    return head.pos_ == "VERB" and lemma(head) in _CONCLUDING


#: Verbs under which an agreement is only being pursued ("negotiating a pact").
_PURSUING = frozenset(
    {"negotiate", "discuss", "seek", "pursue", "explore", "consider", "finalise", "finalize"}
)
_APPROACHING = frozenset({"closer", "close", "toward", "towards", "near", "nearer"})


def _pursued(token: Token) -> bool:
    """ "negotiating a new maritime agreement", "moving closer to a normalisation deal"."""
    head = token.head
    if token.dep_ == "dobj":
        return head.pos_ == "VERB" and lemma(head) in _PURSUING
    if token.dep_ == "pobj" and head.lower_ in ("to", "toward", "towards"):
        return head.head.lower_ in _APPROACHING or head.lower_ != "to"
    return False


def _on_topic(t: Token, noun: Token) -> bool:
    """Whether ``t`` is in a prepositional phrase of ``noun`` that says what it is on."""
    on = False
    while t.i != noun.i:
        if t.dep_ not in ("prep", "pobj", "compound", "amod", "nmod"):
            return False
        on = on or (t.dep_ == "prep" and t.lower_ in ("on", "for"))
        t = t.head
    return on


def _agreement_type(token: Token) -> RelationType | None:
    """ "intelligence-sharing agreement", "security pact": an agreement names its domain."""
    if token.pos_ != "NOUN" or lemma(token) not in _AGREEMENT_NOUNS:
        return None
    words = " ".join(t.lower_ for t in token.subtree if t.i < token.i)
    # "a memorandum of understanding on security cooperation": what it is on
    topic = [t.lower_ for t in token.subtree if t.i > token.i and _on_topic(t, token)]
    words = " ".join([words, *topic])
    for word, rtype in DOMAIN_WORDS.items():
        if word in words.split():
            return rtype
    for t in token.subtree:  # "a strategic partnership treaty", "an alliance pact"
        named = RELATION_NOUNS.get(lemma(t))
        if t.i < token.i and named in (RelationType.STRATEGIC_PARTNERSHIP, RelationType.ALLIANCE):
            return named
    concluded = _concluded(token) or _pursued(token)
    if concluded and any(lemma(t) in _ARMS for t in token.subtree):
        return RelationType.MILITARY_COOPERATION  # "a deal to produce armed drones"
    if concluded or any(
        c.dep_ == "prep" and c.lower_ in ("between", "among") for c in token.children
    ):
        return RelationType.DIPLOMATIC_COORDINATION  # "the agreement between A and B"
    return None


_ARMED_WORDS = frozenset(
    {
        "separatist",
        "militant",
        "rebel",
        "insurgent",
        "jihadist",
        "militia",
        "terrorist",
        "terrorism",
    }
)


def _against_armed(trigger: Token) -> bool:
    """Cooperation against armed groups or terrorism ("coordinating against the presence of
    armed Kurdish separatists") is security cooperation."""
    # "coordinate their efforts against the Islamic State": the against-phrase may hang on
    # the object of the verb
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    return any(_names_armed(o) for h in holders for o in _prep_objects(h, frozenset({"against"})))


def _names_armed(phrase: Token) -> bool:
    """The phrase names armed groups or terrorism ("Kurdish separatists", "the Islamic State")."""
    words = [t.lower_ for t in phrase.subtree]
    if any(w in _ARMED_NAMES for w in words) or "islamic state" in " ".join(words):
        return True
    return any(lemma(t) in _ARMED_WORDS for t in phrase.subtree)


#: Words of names of armed groups with no word from _ARMED_WORDS ("the Islamic State").
_ARMED_NAMES = frozenset(
    {
        "isis",
        "isil",
        "daesh",
        "qaeda",
        "taliban",
        "pkk",
        "hezbollah",
        "hamas",
        "houthis",
        "houthi",
        "shabaab",
        "boko",
    }
)


def _mutual(trigger: Token) -> bool:
    """ "support each other", "giving each other support", "back one another"."""
    verb = trigger if trigger.pos_ == "VERB" else governing_verb(trigger)
    return any(
        t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one")
        for c in verb.children
        for t in c.subtree
    )


def _group_like(token: Token) -> bool:
    """An unlinked name that may be an armed group to cooperate with ("the Taliban"), not an
    agency's acronym the gazetteer lacks ("the NSA")."""
    return token.pos_ == "NOUN" or not (token.text.isupper() and len(token.text) <= 5)


_QUANTITY_NOUNS = frozenset(
    {"collection", "number", "group", "range", "handful", "host", "array", "coalition"}
)


def _through_quantities(tokens: list[Token]) -> list[Token]:
    """ "a collection of rebels": the of-object of a quantity noun stands for the group."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if lemma(token) in _QUANTITY_NOUNS:
            out += list(_prep_objects(token, frozenset({"of"})))
    return out


#: "US-allied", "Iran-backed", "Turkish-sponsored": the actor before the hyphen is the patron.
_HYPHEN_RELATIONS = {
    "ally": RelationType.ALLIANCE,
    "back": RelationType.BACKING,
    "support": RelationType.BACKING,
    "sponsor": RelationType.BACKING,
    "arm": RelationType.BACKING,
    "fund": RelationType.BACKING,
}


def _hyphen_backed(token: Token, actors: ActorContext) -> list[RelationFinding]:
    """ "the US-allied SDF", "Iran-backed militias": a patron and its client in one phrase."""
    rtype = _HYPHEN_RELATIONS.get(lemma(token))
    if rtype is None or token.tag_ != "VBN" or token.dep_ != "amod" or token.i < 2:
        return []
    patron_token = token.doc[token.i - 2]
    if token.doc[token.i - 1].text != "-" or patron_token.head.i != token.i:
        return []
    patrons = actors.states_of(actors.actors(patron_token))
    if not patrons and (state := actors.demonym(patron_token)) is not None:
        patrons = [state]
    own = actors.entity_at(token.head)
    keys = {p.key for p in patrons}
    clients = [e for e in actors.states_of([own] if own else []) if e.key not in keys] or [
        g for g in [actors.armed_group(token.head, after=token.i)] if g is not None
    ]
    mood = Modality.ASSERTED  # an epithet describes, whatever the clause says of its noun
    out: list[RelationFinding] = []
    for patron in patrons:
        for client in clients:
            if patron.key == client.key:
                continue
            if rtype.directed:
                out.append(RelationFinding(rtype, (patron, client), mood, token, patron, client))
            else:
                out.append(RelationFinding(rtype, (patron, client), mood, token))
    return out


#: Words in an organisation's name that mark a defence alliance ("North Atlantic Treaty ...").
_ALLIANCE_NAMES = frozenset({"treaty", "alliance", "pact", "defence", "defense"})


def _membership(token: Token, actors: ActorContext) -> list[RelationFinding]:
    """ "Turkey's membership in NATO", "the latter's NATO membership": allied with the pact."""
    if lemma(token) != "membership" or token.pos_ != "NOUN":
        return []
    owners = [c for c in token.children if c.dep_ == "poss"]
    named = [c for c in token.children if c.dep_ == "compound"]
    named += list(_prep_objects(token, frozenset({"in", "of"})))
    pacts = [
        e
        for t in named
        for e in actors.actors(t)
        if e.kind is not ActorKind.STATE and set(e.label.lower().split()) & _ALLIANCE_NAMES
    ]
    members: list[Entity] = []
    for owner in owners:
        if owner.lower_ == "latter":  # the last state named before it
            state = actors.state_before(owner)
            members += [state] if state is not None else []
        else:
            members += actors.states_of(actors.actors(owner))
    return [
        RelationFinding(RelationType.ALLIANCE, (m, p), modality(token), token)
        for m in members
        for p in pacts
        if m.key != p.key
    ]


#: Words of buying arms ("its purchase of Russian S-400 systems", "took delivery of").
_BUYING = frozenset({"purchase", "delivery", "acquisition", "buy", "acquire"})


def _arms_purchase(token: Token, actors: ActorContext) -> list[RelationFinding]:
    """ "Turkey's purchase of Russian S-400 missile systems", "Ankara took delivery of
    Russian S-400s", "India bought French jets": buyer and seller cooperate militarily."""
    if lemma(token) not in _BUYING or token.pos_ not in ("NOUN", "VERB"):
        return []
    goods = (
        [c for c in token.children if c.dep_ == "dobj"]
        if token.pos_ == "VERB"
        else list(_prep_objects(token, frozenset({"of"})))
    )
    # arms by name ("missile systems", "jets") or by model ("S-400s", "F-35s")
    if not any(
        lemma(t) in _ARMS or ("-" in t.text and t.text[:1].isupper())
        for g in goods
        for t in g.subtree
    ):
        return []
    sellers = actors.states_of(
        e
        for g in goods
        for c in g.subtree
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < g.i + 1
        for e in actors.own_actors(c)
    )
    buyers: list[Entity] = []
    for owner in (c for c in token.children if c.dep_ == "poss"):
        if owner.lower_ in _POSSESSIVE_PRONOUNS:
            state = actors.state_before(owner)
            buyers += [state] if state is not None else []
        else:
            buyers += actors.states_of(actors.actors(owner))
    if not buyers:
        verb = token if token.pos_ == "VERB" else governing_verb(token)
        buyers = actors.states_of(e for t in subjects(verb) for e in actors.actors(t))
    # "sanctions over its purchase of ...": the purchase that gave the grounds took place
    grounds = token.dep_ == "pobj" and token.head.lower_ in ("over", "after", "for", "following")
    mood = Modality.ASSERTED if grounds else modality(token)
    return [
        RelationFinding(RelationType.MILITARY_COOPERATION, (b, s), mood, token)
        for b in buyers[:1]
        for s in sellers[:1]
        if b.key != s.key
    ]


def find_relations(sent: Span, actors: ActorContext) -> list[RelationFinding]:
    """Every relationship stated (in any modality) in one sentence."""
    found: list[RelationFinding] = []
    for token in tokens_of(sent):
        found += _hyphen_backed(token, actors)
        found += _membership(token, actors)
        found += _arms_purchase(token, actors)
        rtype = _trigger_type(token)
        agreement = _agreement_type(token) if rtype is None else None
        if rtype is None and agreement is None:
            continue
        rtype = agreement or _refine(rtype or RelationType.DIPLOMATIC_COORDINATION, token)
        reconciled = lemma(token) in _RECONCILIATION
        # "since a 2016 reconciliation deal": the deal's place in the clause gives the parties
        holder = token.head if reconciled and token.dep_ == "compound" else token
        agent_tokens, patient_tokens = _arguments(holder)
        agent_entities = [e for t in agent_tokens for e in actors.actors(t)]
        patient_entities = [e for t in patient_tokens for e in actors.actors(t)]
        agents = actors.states_of(agent_entities)
        if rtype is RelationType.BACKING and (owner := _its_owner(holder, actors)) is not None:
            agents = [owner]
        if rtype in REFINABLE:
            rtype = _by_agency(rtype, agent_tokens)
            if rtype in REFINABLE and _against_armed(token):
                rtype = RelationType.SECURITY_COOPERATION  # "coordinating against separatists"
            # "the Mossad and the CIA are cooperating": intelligence services working together
            parties = [*agent_entities, *patient_entities]
            agencies = [e for e in parties if e.kind is ActorKind.INTELLIGENCE_SERVICE]
            if len(parties) >= 2 and len(agencies) == len(parties):
                rtype = RelationType.INTELLIGENCE_SHARING
            elif len(parties) >= 2 and agencies and rtype is RelationType.DIPLOMATIC_COORDINATION:
                rtype = RelationType.SECURITY_COOPERATION  # an agency with "Iraqi authorities"
        patients = actors.states_of(patient_entities)
        if rtype is RelationType.BACKING or (rtype in REFINABLE and len(agents) == 1):
            # "backed the rebels", "supports Hezbollah and the Houthis", "cooperating with
            # the Taliban": a non-state armed group (each conjunct the gazetteer lacks)
            known = {p.key for p in patients}
            groups = [
                g
                for t in _through_quantities(patient_tokens)
                for c in (t, *t.conjuncts)
                if not actors.states_of(actors.own_actors(c))  # "Syrian government forces"
                and (g := actors.armed_group(c)) is not None
                and g.key not in known
                and (rtype is RelationType.BACKING or _group_like(c))
            ]
            patients += list({g.key: g for g in groups}.values())
        mood = modality(token)
        deliberated = any(lemma(t) in _DELIBERATING for t in chain(token) if t.i != token.i)
        # "discuss working against X", "met to discuss counter-terrorism cooperation"
        weighed = (
            token.pos_ == "VERB"
            or lemma(token) in _JOINT_NOUNS | _EFFORTS
            or (token.dep_ == "dobj" and lemma(token.head) in _DELIBERATING)
        )
        if mood in (Modality.ASSERTED, Modality.PLANNED) and deliberated and weighed:
            # "discuss working against X", "discussed future steps aimed at coordinating
            # against X": weighed, not yet done
            mood = Modality.PROPOSED
        if mood is Modality.ASSERTED and called_for(token):
            mood = Modality.PROPOSED  # a call for cooperation proposes it
        if agreement is not None and mood in (Modality.ASSERTED, Modality.AGREED):
            # "signed a deal" is agreed; "negotiating a deal" only proposed
            mood = Modality.PROPOSED if _pursued(token) else Modality.AGREED
        if reconciled and mood in (Modality.ASSERTED, Modality.AGREED):
            mood = Modality.ENDED  # a reconciliation ends the rivalry
        elif reconciled:
            continue  # "pushed for a rapprochement": the rivalry goes on, nothing ended
        if rtype is RelationType.BACKING and not patients and len(agents) >= 2 and _mutual(token):
            # "the two allies are giving each other support": partners, not one-way backing
            partners = RelationType.STRATEGIC_PARTNERSHIP
            found.append(RelationFinding(partners, tuple(agents), mood, token))
            continue
        if rtype.directed:
            pairs = [(a, p) for a in agents for p in patients]
            if len(agents) == len(patients) > 1 and any(
                t.lower_ == "respectively" for t in token.sent
            ):
                pairs = list(zip(agents, patients, strict=True))  # "back X and Y respectively"
            found += [
                RelationFinding(rtype, (source, target), mood, token, source=source, target=target)
                for source, target in pairs
                if source.key != target.key
            ]
            continue
        if _opposed_sides(token):  # one side against each actor on the other side
            if mood is Modality.DENIED and any(c.lower_ == "same" for c in token.children):
                mood = Modality.ASSERTED  # "not on the same side": the negation is the rivalry
            found += [
                RelationFinding(rtype, (a, p), mood, token)
                for a in agents
                for p in patients
                if a.key != p.key
            ]
            continue
        members = tuple(dict.fromkeys([*agents, *patients]))
        if not members and rtype in REFINABLE and _refers_back(token):
            members = actors.latest_states()  # "The cooperation comes despite ...": named before
        if (
            len(members) == 1
            and lemma(token) not in _AGENT_NOUNS
            and any(t.lower_ in _FIRST_PLURAL for t in [*agent_tokens, *patient_tokens])
        ):
            # "our coordination": the speaker's state with the counterparts the sentence
            # names ("not on the same side with Russia, but our engagements ...", "our joint
            # efforts ..., Rouhani said during a meeting with Putin"), else the circle the
            # speaker belongs to; "our efforts" alone name nobody else
            speaker = members[0]
            others = [c for c in _counterparts(sent, actors) if c.key != speaker.key]
            if others:
                members = (speaker, *others)
            elif lemma(token) not in _EFFORTS:
                members = actors.group_with(speaker)
        if len(members) >= 2:
            found.append(RelationFinding(rtype, members, mood, token))
    return _dedupe(found)


#: Prepositions whose object is a place or an adversary, not a party ("a summit in Tehran",
#: "efforts against the GRU").
_NOT_PARTY = frozenset({"in", "at", "to", "from", "into", "against", "on", "near", "across"})


def _counterparts(sent: Span, actors: ActorContext) -> list[Entity]:
    """The states a sentence names as parties: not as a place, nor as an adversary."""
    found: list[Entity] = []
    for token in tokens_of(sent):
        entity = actors.entity_at(token)
        if entity is None:
            continue
        head = token
        while head.head.i != head.i and head.pos_ != "ADP" and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.pos_ == "ADP" and head.lower_ in _NOT_PARTY:
            continue
        found.append(entity)
    return actors.states_of(found)


_DEFINITE = frozenset({"the", "this", "that", "such"})


def _refers_back(token: Token) -> bool:
    """ "The cooperation comes despite ...": a bare definite relation noun opening a clause."""
    children = list(token.children)
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.dep_ in SUBJECTS
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ in _DEFINITE
    )


def _dedupe(findings: list[RelationFinding]) -> list[RelationFinding]:
    """One finding per (type, members) in a sentence; the more specific modality wins.

    Generic coordination gives way to a more specific cooperative type between the
    same members in the same modality ("strengthen ties and improve military
    coordination"); an alliance is another fact ("an effort to establish a
    triumvirate in concert with X" keeps both).
    """
    specific = {
        (frozenset(m.key for m in f.members), f.modality)
        for f in findings
        if f.type in _DOMAIN_TYPES
    }
    findings = [
        f
        for f in findings
        if f.type is not RelationType.DIPLOMATIC_COORDINATION
        or (frozenset(m.key for m in f.members), f.modality) not in specific
    ]
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
