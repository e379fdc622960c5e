"""Meetings (summits, talks, calls, visits) from one sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from accords.nlp.actors import ActorContext
from accords.nlp.doctext import tokens_of
from accords.nlp.lexicon import MEETING_NOUNS, MEETING_VERBS, PHONE_WORDS
from accords.nlp.syntax import chain, governing_verb, is_future, lemma, ruled_out, subjects
from accords.records import ActorKind, Entity, MeetingStatus, MeetingType

_PARTICIPANT_PREPS = frozenset({"between", "among", "with", "of"})
_PLACE_PREPS = frozenset({"in", "at"})
_PROPOSAL_CUES = frozenset(
    {
        "possible",
        "potential",
        "consideration",
        "consider",
        "interest",
        "propose",
        "suggest",
        "broker",
        "call",
        "want",
        "offer",
        "could",
        "might",
        "may",
    }
)
_CANCEL_CUES = frozenset({"cancel", "postpone", "scrap", "call off"})
_INTENT_NOUNS = frozenset({"interest", "plan", "proposal", "offer", "invitation"})
#: "called for a summit with X": the one calling would take part.
_ASKING = frozenset({"call", "push", "press", "appeal", "ask"})
_HOLDING = frozenset({"hold", "have", "conduct", "host", "begin", "open", "start"})
_ROUNDS = frozenset({"round", "series", "session", "cycle"})
_TOPIC_VERBS = frozenset({"discuss", "focus", "dedicate", "address"})
_TRAVEL_VERBS = frozenset({"head", "travel", "fly", "go", "arrive", "come"})
_VISITORS = frozenset(
    {"delegation", "minister", "president", "envoy", "premier", "chancellor", "prince", "king"}
)


@dataclass(frozen=True)
class MeetingFinding:
    type: MeetingType
    participants: tuple[Entity, ...]
    status: MeetingStatus
    trigger: Token
    place: Entity | None
    place_name: str | None
    topic: str | None
    refers_back: bool = False  # "the meeting was held in Moscow": the meeting named before


def _anaphoric(token: Token) -> bool:
    """ "that meeting", "the meeting" with no participants or place of its own, or "meetings"."""
    if token.tag_ == "NNS" and lemma(token) not in ("talk", "contact"):
        return True
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    own = any(
        c.dep_ in ("amod", "compound", "poss", "nmod")
        or (c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS)
        or (  # "the talks in Astana"
            c.dep_ == "prep"
            and c.lower_ in _PLACE_PREPS
            and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in c.children)
        )
        for c in token.children
    )
    return bool(determiners & {"the", "that", "this"}) and not own


#: Verbs whose subjects arrange a meeting they take part in.
_ARRANGING_VERBS = frozenset({"agree", "decide", "arrange", "plan", "propose"})
#: Verbs that say something of a meeting itself ("the meeting was held in Moscow").
_MEETING_PREDICATES = frozenset(
    {
        "hold",
        "take",
        "occur",
        "happen",
        "last",
        "begin",
        "end",
        "start",
        "conclude",
        "open",
        "close",
        "acknowledge",
        "confirm",
        "schedule",
        "postpone",
        "cancel",
        "set",
        "plan",
        "expect",  # "The visit is expected to focus on border security"
        "focus",
    }
)


def _reports_meeting(token: Token) -> bool:
    """A back-reference is evidence only when its sentence reports the meeting itself.

    "The meeting was held in Moscow" is; "said during the meeting", "the
    meeting coincided with …", "the visit comes as …" only use it as a setting.
    """
    return token.dep_ in ("nsubj", "nsubjpass") and lemma(token.head) in _MEETING_PREDICATES


def _organ_meeting(trigger: Token, participants: list[Entity]) -> bool:
    """ "a United Nations Security Council meeting", "a NATO summit": an organ meets."""
    return (
        trigger.pos_ == "NOUN"
        and len(participants) == 1
        and participants[0].kind is ActorKind.INTERNATIONAL_ORGANIZATION
        and any(c.dep_ == "compound" for c in trigger.children)
    )


def _led_by(token: Token) -> list[Token]:
    """ "the delegation led by X", "counterparts headed by Y": the one leading the group."""
    return [
        o
        for acl in token.children
        if acl.dep_ == "acl" and lemma(acl) in ("lead", "head")
        for agent in acl.children
        if agent.dep_ == "agent"
        for o in agent.children
        if o.dep_ == "pobj"
    ]


def _travel(token: Token) -> bool:
    """ "a Russian delegation is heading to Turkey for talks": a visit on the way."""
    if token.pos_ != "VERB" or lemma(token) not in _TRAVEL_VERBS:
        return False
    goes_to = any(
        c.dep_ == "prep" and c.lower_ in _destination_preps(token) for c in token.children
    )
    # "for talks", "for a two-day visit", "on his first foreign trip"
    purpose = any(
        c.dep_ == "prep"
        and c.lower_ in ("for", "on")
        and any(MEETING_NOUNS.get(lemma(o)) for o in c.children if o.dep_ == "pobj")
        for c in token.children
    )
    # "the minister", or a name under its title ("Iranian President Masoud Pezeshkian")
    visitor = any(
        lemma(t) in _VISITORS
        for s in subjects(token)
        for t in (s, *(c for c in s.children if c.dep_ in ("compound", "amod", "appos")))
    )
    return goes_to and (purpose or visitor)


def _purpose_of_travel(token: Token) -> bool:
    """A meeting noun naming the purpose of a journey reported by its verb."""
    head = token.head
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and head.lower_ in ("for", "on")
        and head.head.pos_ == "VERB"
        and _travel(head.head)
    )


def _destination_preps(verb: Token) -> frozenset[str]:
    """Where a traveller goes: "to" a place, or "in" it for one who arrives."""
    return frozenset({"to", "in"}) if lemma(verb) == "arrive" else frozenset({"to"})


def _joint_appearance(token: Token) -> bool:
    """ "a joint press conference with X", "a joint presser with his counterpart": the two
    sides met; a press conference alone is no meeting."""
    word = lemma(token)
    press = word == "presser" or (
        word == "conference" and any(c.lower_ in ("press", "news") for c in token.children)
    )
    joint = any(c.dep_ == "amod" and c.lower_ == "joint" for c in token.children)
    return press and joint


#: Verbs whose object is a guest met ("hosted his Iranian counterpart"), or one phoned.
_RECEIVING = frozenset({"host", "receive", "welcome"})
_PHONING = frozenset({"telephone", "phone", "ring"})
_GUEST_NOUNS = frozenset(
    {
        *("counterpart", "delegation", "president", "minister", "premier", "leader", "envoy"),
        *("adviser", "advisor", "ambassador", "chancellor", "emir", "king", "secretary", "chief"),
        *("official", "officials", "negotiator", "negotiators", "counterparts"),
    }
)


def _guest(verb: Token) -> Token | None:
    """The object of a verb of receiving when it is a person or delegation, not a thing."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        if obj.ent_type_ == "PERSON" or lemma(obj) in _GUEST_NOUNS:
            return obj
    return None


def _with_someone(verb: Token) -> bool:
    return bool(_with_objects(verb))


def _with_objects(verb: Token) -> list[Token]:
    """Whom one speaks with: "with X", also under "by telephone" ("spoke by telephone with X")."""
    holders = [verb] + [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for o in c.children
        if o.dep_ == "pobj" and o.lower_ in PHONE_WORDS
    ]
    return [
        o
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _held_in_noun(verb: Token) -> bool:
    """A meeting noun under the verb ("discussed X during a phone call, at a summit")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("during", "at", "in", "on")
        and any(o.dep_ == "pobj" and _meeting_type(o) for o in c.children)
        for c in verb.children
    )


def _meeting_type(token: Token) -> MeetingType | None:
    if _travel(token):
        return MeetingType.VISIT
    word = lemma(token)
    if token.pos_ in ("NOUN", "PROPN") and _joint_appearance(token):
        return MeetingType.MEETING
    if token.pos_ in ("NOUN", "PROPN"):
        found = MEETING_NOUNS.get(word) or MEETING_NOUNS.get(token.lower_)
        if found is MeetingType.PHONE_CALL:
            words = {c.lower_ for c in token.children} | {token.head.lower_}
            return found if words & PHONE_WORDS else None
        if found is MeetingType.MEETING and any(c.lower_ == "summit" for c in token.children):
            return MeetingType.SUMMIT
        if found is MeetingType.MEETING and lemma(token) == "contact":
            # "contact" alone is too vague to call a meeting; "contacts between A and B" is one
            between = any(
                c.dep_ == "prep" and c.lower_ in ("between", "among") for c in token.children
            )
            return found if between else None
        return found
    if token.pos_ == "VERB" and word in ("speak", "talk") and _with_someone(token):
        # "Biden spoke with Zelensky by phone", "the ministers talked with ..."
        phone = any(t.lower_ in PHONE_WORDS for c in token.children for t in c.subtree)
        return MeetingType.PHONE_CALL if phone else MeetingType.TALKS
    if token.pos_ == "VERB" and word in _PHONING and _guest(token) is not None:
        return MeetingType.PHONE_CALL  # "the emir telephoned the Iranian president"
    if token.pos_ == "VERB" and word in _RECEIVING:
        # "Xi will host Putin", "Macron received Zelensky"; "hosted talks": the noun carries it
        if _guest(token) is None:
            return None
        # "hosted Putin and Rouhani in Ankara for a three-way summit": of the summit's kind
        purposes = [
            MEETING_NOUNS.get(lemma(o))
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return next((m for m in purposes if m is not None), MeetingType.MEETING)
    if token.pos_ == "VERB":
        found = MEETING_VERBS.get(word)
        if word == "discuss" and (not subjects(token) or _held_in_noun(token)):
            return None  # "discussed Syria during a phone call": the call is the meeting
        return found
    return None


def _status(trigger: Token) -> MeetingStatus:
    words: set[str] = set()
    for token in chain(trigger):
        if token.i != trigger.i:  # "held a phone call": the trigger's own "call" proposes nothing
            words.add(lemma(token))
        words.update(
            lemma(c)
            for c in token.children
            if c.i != trigger.i
            and (
                c.dep_ in ("amod", "aux", "advmod", "neg", "xcomp", "acomp")
                or (c.dep_ == "dobj" and lemma(c) in _INTENT_NOUNS)
            )
        )
    if trigger.pos_ == "NOUN":
        words.update(lemma(c) for c in trigger.children)
    called_off = any(
        lemma(t) == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in t.children)
        for t in (trigger, trigger.head, *chain(trigger))
    )
    if words & _CANCEL_CUES or called_off:  # "called off a planned summit"
        return MeetingStatus.CANCELLED
    arranged = trigger.dep_ == "xcomp" and lemma(trigger.head) in _ARRANGING_VERBS - {"propose"}
    if arranged and not words & _PROPOSAL_CUES:
        return MeetingStatus.PLANNED  # "the two countries agreed to meet again"
    if words & _PROPOSAL_CUES:
        return MeetingStatus.PROPOSED
    if is_future(trigger) or words & {"next", "upcoming", "will", "plan", "set", "head"}:
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD


def _participant_tokens(trigger: Token) -> list[Token]:
    tokens: list[Token] = []
    if _travel(trigger):  # the travellers, where they go, and whom the journey is for
        purposes = [
            o
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ in ("for", "on")
            for o in p.children
            if o.dep_ == "pobj" and MEETING_NOUNS.get(lemma(o))
        ]
        return (
            subjects(trigger)
            + [
                o
                for p in trigger.children
                if p.dep_ == "prep" and p.lower_ in _destination_preps(trigger)
                for o in p.children
                if o.dep_ == "pobj"
            ]
            + [
                o
                for noun in purposes
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in ("with", "between")
                for o in p.children
                if o.dep_ == "pobj"
            ]
        )
    if trigger.pos_ == "VERB":
        tokens += subjects(trigger)
        if lemma(trigger) not in _TOPIC_VERBS:  # "discussed Syria": Syria is the topic
            tokens += [c for c in trigger.children if c.dep_ in ("dobj",)]
        if trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
            tokens.append(trigger.head)  # "the General Assembly, where he'll meet ...": its organ
        tokens += _with_objects(trigger)
        return tokens
    tokens += [c for c in trigger.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if MEETING_NOUNS.get(lemma(trigger)) is MeetingType.VISIT:
        # "Putin's visit to China": the host is where the visit goes
        tokens += [
            o
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in _PARTICIPANT_PREPS:
            tokens += [o for o in prep.children if o.dep_ == "pobj"]
    # "Putin during a summit", "X hosted talks", "X will hold talks with ..."
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in _ROUNDS:
        # "A and B held a new round of talks": the talks stand where the round stands
        tokens += [
            o
            for p in head.head.children
            if p.dep_ == "prep" and p.lower_ in ("with", "between", "among")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        trigger, head = head.head, head.head.head
    asking = lemma(head.head) in _ASKING and not _between_objects(trigger)  # not "talks between"
    travelling = head.lower_ == "for" and (lemma(head.head) in _TRAVEL_VERBS or asking)
    if trigger.dep_ == "pobj" and (
        head.lower_ in ("during", "at", "in", "after", "following") or travelling
    ):
        head = head.head  # "Putin during a summit", "flew to X for talks", "called for talks"
        if lemma(head) in _TRAVEL_VERBS:  # "heading to Turkey for talks": the host too
            tokens += [
                o
                for p in head.children
                if p.dep_ == "prep" and p.lower_ == "to"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        if head.pos_ in ("PROPN", "NOUN"):
            tokens.append(head)
    if head.pos_ in ("VERB", "AUX") and trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        if not (_between_objects(trigger) and lemma(head) not in _HOLDING):
            # "A and B held talks"; not "Egypt declined to attend the talks between X and Y"
            tokens += subjects(head)
        if head.dep_ == "ccomp" and lemma(head.head) in _ARRANGING_VERBS:
            # "A and B agreed the next summit with C will be held in X": A and B take part
            tokens += subjects(head.head)
        # "met with X", "a meeting had taken place in Moscow between the heads of A and B"
        tokens += [
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in ("with", "between", "among")
            for o in p.children
            if o.dep_ == "pobj"
        ]
    elif trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        # "expressing interest in a meeting with X": whoever expresses the interest
        owner = head.head
        if lemma(owner) in _INTENT_NOUNS:
            tokens += subjects(governing_verb(owner))
    return tokens


def travel_purpose(trigger: Token) -> bool:
    """ "heading to Egypt for talks": the talks are what the visit is for (the visit names it)."""
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ == "for" and lemma(head.head) in _TRAVEL_VERBS


def _between_objects(trigger: Token) -> list[Token]:
    """The objects of a meeting noun's "between" / "among" phrase."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    return [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("between", "among")
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _place(trigger: Token, actors: ActorContext) -> tuple[Entity | None, str | None]:
    place, name, _ = _whereabouts(trigger, actors)
    return place, name


def _whereabouts(trigger: Token, actors: ActorContext) -> tuple[Entity | None, str | None, bool]:
    """The meeting's place, and whether it is where travellers go (a host, not a venue)."""
    candidates = [trigger]
    if trigger.pos_ != "VERB":
        candidates += [trigger.head, trigger.head.head]
    # "looks set to take place in Istanbul": down the verb chain of the clause
    for verb in list(candidates):
        candidates += [c for c in verb.children if c.dep_ in ("xcomp", "acomp")]
        candidates += [
            g
            for c in verb.children
            if c.dep_ in ("xcomp", "acomp")
            for g in c.children
            if g.dep_ == "xcomp"
        ]
    # "the talks held under the auspices of the UN in Geneva": in the clause describing it
    held = [c for c in trigger.children if c.dep_ == "acl" and lemma(c) in _MEETING_PREDICATES]
    candidates += [t for c in held for t in c.subtree if t.pos_ == "NOUN"]
    # "held talks with his Saudi counterpart in Riyadh": the place may hang on the partner
    candidates += [
        o
        for holder in candidates[:3]
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "hosted Erdogan in Sochi", "met Zelensky in Kyiv": or on the guest met
    if trigger.pos_ == "VERB":
        candidates += [c for c in trigger.children if c.dep_ == "dobj"]
    for token in candidates:
        found = _located(token, actors, _PLACE_PREPS)
        if found is not None:
            return (*found, False)
    # "heading to Turkey for talks", "flew to New York for the General Assembly, where he'll
    # meet ...": where the travellers go
    current = trigger
    for _ in range(4):
        if current.pos_ == "VERB" and lemma(current) in _TRAVEL_VERBS:
            found = _located(current, actors, _destination_preps(current))
            if found is not None:
                return (*found, True)
        if current.head.i == current.i:
            break
        current = current.head
    return None, None, False


def _located(
    token: Token, actors: ActorContext, preps: frozenset[str]
) -> tuple[Entity | None, str | None] | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    # "New York": the name with its compounds
                    first = min([obj, *(c for c in obj.children if c.dep_ == "compound")])
                    return actors.entity_at(obj), obj.doc[first.i : obj.i + 1].text
    return None


def _topic(trigger: Token) -> str | None:
    for token in (trigger, *trigger.children, trigger.head):
        for child in token.children:
            cue = lemma(child) in _TOPIC_VERBS or child.lower_ in ("on", "about")
            if cue and child.dep_ in ("acl", "xcomp", "advcl", "prep", "relcl"):
                text = token.doc[child.i : child.right_edge.i + 1].text
                if len(text.split()) >= 3:
                    return text
    return None


_SPEAKING = frozenset({"speak", "address"})
_ORGAN_WORDS = frozenset({"assembly", "council", "summit", "conference", "parliament"})


def _organ_session(token: Token, actors: ActorContext) -> MeetingFinding | None:
    """ "Obama spoke before Putin at the General Assembly", "X addressed the Security
    Council": the organ met, with the speakers (and whoever spoke before or after)."""
    if token.pos_ != "VERB" or lemma(token) not in _SPEAKING:
        return None
    venues = [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in ("at", "to", "before", "after")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if lemma(token) == "address":
        venues += [c for c in token.children if c.dep_ == "dobj"]
    # "spoke after Johnson at the General Assembly": the venue parsed under the other speaker
    venues += [
        o
        for v in list(venues)
        for p in v.children
        if p.dep_ == "prep" and p.lower_ == "at"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    organs = [
        e
        for v in venues
        if (e := actors.entity_at(v)) is not None
        and e.kind is ActorKind.INTERNATIONAL_ORGANIZATION
        and set(e.label.lower().split()) & _ORGAN_WORDS
    ]
    if not organs:
        return None
    people = [e for t in [*subjects(token), *venues] for e in actors.actors(t)]
    people = [e for e in dict.fromkeys(people) if e.kind is not None]
    states = actors.states_of(e for e in people if e.kind is not ActorKind.STATE)
    participants = tuple(dict.fromkeys([*people, *states]))
    if not any(e.kind is ActorKind.STATE for e in participants):
        return None
    return MeetingFinding(
        MeetingType.MEETING, participants, _status(token), token, None, None, None
    )


_NEGATING = frozenset({"deny", "refuse", "reject", "fail", "decline"})


def _no_plans(noun: Token) -> bool:
    """ "no plans", "no intention": an intent noun with "no"."""
    return lemma(noun) in ("plan", "intention", "intent") and any(
        c.lower_ == "no" for c in noun.children
    )


def _negated(trigger: Token) -> bool:
    """ "have not met since 2011", "refused to meet", "the meeting did not take place",
    "rumours of a meeting were denied": no meeting is reported."""
    # the verb of the meeting: the trigger itself, or the first verb above its noun; a
    # refusal to send a delegation to the talks is no denial of the talks
    verb = trigger
    if trigger.pos_ not in ("VERB", "AUX"):
        noun = trigger  # "rumours of a meeting were denied": through "of" to the argument
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
            noun = noun.head.head
        argument = noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        verb = noun.head if argument else trigger
    scope = [trigger, verb]
    light = verb.i == trigger.i or lemma(verb) in ("hold", "have", "conduct", "host")
    if light and verb.dep_ == "xcomp":
        scope.append(verb.head)  # "refused to meet" (declining to attend talks denies no talks)
    for token in scope:
        if token.i != trigger.i and (lemma(token) in _NEGATING or ruled_out(token)):
            return True
        if token.dep_ in ("acl", "xcomp") and _no_plans(token.head):
            return True  # "Tehran had no plans to meet American officials"
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children):
            return True
    return False


def find_meetings(sent: Span, actors: ActorContext) -> list[MeetingFinding]:
    """Meetings named in one sentence with the actors taking part."""
    found: list[MeetingFinding] = []
    for token in tokens_of(sent):
        # a negated meeting word is none: checked after the cheaper word tests
        session = _organ_session(token, actors)
        if session is not None:
            if not _negated(token):
                found.append(session)
            continue
        mtype = _meeting_type(token)
        if mtype is None or _negated(token):
            continue
        if _purpose_of_travel(token):
            continue  # "arrived in Riyadh for a two-day visit": the journey is the record
        if token.pos_ in ("NOUN", "PROPN") and _anaphoric(token):
            one = token.tag_ != "NNS" or lemma(token) == "talk"  # "the talks" are one meeting
            if one and _reports_meeting(token):
                place, place_name = _place(token, actors)
                found.append(
                    MeetingFinding(
                        mtype,
                        (),
                        _status(token),
                        token,
                        place,
                        place_name,
                        _topic(token),
                        refers_back=True,
                    )
                )
            continue
        people: list[Entity] = []
        for arg in _participant_tokens(token):
            people.extend(actors.actors(arg))
            for leader in _led_by(arg):  # "the delegation led by Deputy Minister X"
                people.extend(actors.actors(leader))
        # "talks between the rebel groups and the government": an armed group as one side
        sides = [
            g
            for arg in _between_objects(token)
            for t in (arg, *arg.conjuncts)
            if (g := actors.armed_group(t)) is not None
        ]
        people.extend(sides)
        place, place_name, destination = _whereabouts(token, actors)
        # "met in Russia": the venue is no participant; "heading to Turkey": the host is
        participants = [
            e
            for e in dict.fromkeys(people)
            if e.kind is not None and (place is None or destination or e.key != place.key)
        ]
        # "a planned visit to Washington", "heading to Ankara": the city's state is the host
        participants += [
            s
            for s in actors.states_of(e for e in people if e.kind is None)
            if s not in participants
        ]
        # people come with the states they represent
        with_states = list(participants)
        for state in actors.states_of(e for e in participants if e.kind is not ActorKind.STATE):
            if state not in with_states:
                with_states.append(state)
        states = [e for e in with_states if e.kind is ActorKind.STATE]
        organ = _organ_meeting(token, with_states)
        # "spoke with reporters in Ohio": speaking needs someone on the other side
        spoken = token.pos_ == "VERB" and lemma(token) in ("speak", "talk")
        placed = (place is not None or place_name is not None) and not spoken
        # "talks between the rebels and the government", "he'll meet at the UN General
        # Assembly": a state with an armed group or an international organ
        organs = [e for e in with_states if e.kind is ActorKind.INTERNATIONAL_ORGANIZATION]
        two_sides = (bool(sides) or bool(organs)) and bool(states)
        if len(states) < 2 and not (with_states and placed) and not organ and not two_sides:
            continue  # one side and no place is not enough to call it a meeting
        found.append(
            MeetingFinding(
                type=mtype,
                participants=tuple(with_states),
                status=_status(token),
                trigger=token,
                place=place,
                place_name=place_name,
                topic=_topic(token),
            )
        )
    return found
