"""Trigger words for relationships, meetings, claims and modality.

Lemma-keyed (lower case). Kept as data so they can be read and reviewed.
"""

from __future__ import annotations

from accords.records import ClaimType, MeetingType, Modality, RelationType

#: Nouns whose phrase names a relationship.
RELATION_NOUNS: dict[str, RelationType] = {
    "alliance": RelationType.ALLIANCE,
    "triumvirate": RelationType.ALLIANCE,
    "axis": RelationType.ALLIANCE,
    "ally": RelationType.ALLIANCE,
    "partnership": RelationType.STRATEGIC_PARTNERSHIP,
    "partner": RelationType.STRATEGIC_PARTNERSHIP,
    "cooperation": RelationType.DIPLOMATIC_COORDINATION,
    "co-operation": RelationType.DIPLOMATIC_COORDINATION,
    "coordination": RelationType.DIPLOMATIC_COORDINATION,
    "co-ordination": RelationType.DIPLOMATIC_COORDINATION,
    "concert": RelationType.DIPLOMATIC_COORDINATION,
    "tie": RelationType.DIPLOMATIC_COORDINATION,
    "ties": RelationType.DIPLOMATIC_COORDINATION,
    "intelligence-sharing": RelationType.INTELLIGENCE_SHARING,
    "backer": RelationType.BACKING,
    "supporter": RelationType.BACKING,
    "sponsor": RelationType.BACKING,
    "support": RelationType.BACKING,
    "backing": RelationType.BACKING,
    "rival": RelationType.RIVALRY,
    "rivalry": RelationType.RIVALRY,
    "enemy": RelationType.HOSTILITY,
    "hostility": RelationType.HOSTILITY,
    "sanction": RelationType.SANCTIONS,
    "sanctions": RelationType.SANCTIONS,
}

#: Verbs whose clause states a relationship.
RELATION_VERBS: dict[str, RelationType] = {
    "cooperate": RelationType.DIPLOMATIC_COORDINATION,
    "co-operate": RelationType.DIPLOMATIC_COORDINATION,
    "coordinate": RelationType.DIPLOMATIC_COORDINATION,
    "ally": RelationType.ALLIANCE,
    "back": RelationType.BACKING,
    "support": RelationType.BACKING,
    "assist": RelationType.BACKING,
    "help": RelationType.BACKING,  # only with an actor as object
    "arm": RelationType.BACKING,
    "sanction": RelationType.SANCTIONS,
    "share": RelationType.INTELLIGENCE_SHARING,  # only with "intelligence" as object
}

#: "work together", "work with": generic cooperation.
WORK_VERBS = frozenset({"work"})

#: Domain words that refine a generic cooperation into its kind.
DOMAIN_WORDS: dict[str, RelationType] = {
    "military": RelationType.MILITARY_COOPERATION,
    "defense": RelationType.MILITARY_COOPERATION,
    "defence": RelationType.MILITARY_COOPERATION,
    "security": RelationType.SECURITY_COOPERATION,
    "intelligence": RelationType.INTELLIGENCE_SHARING,
    "spy": RelationType.INTELLIGENCE_SHARING,
    "spies": RelationType.INTELLIGENCE_SHARING,
    "militaries": RelationType.MILITARY_COOPERATION,
    "army": RelationType.MILITARY_COOPERATION,
    "armies": RelationType.MILITARY_COOPERATION,
    "militarily": RelationType.MILITARY_COOPERATION,  # "cooperating militarily"
    "strategic": RelationType.STRATEGIC_PARTNERSHIP,  # "a strategic cooperation agreement"
}

#: Cooperative types a domain word may refine (backing and alliance keep theirs).
REFINABLE = frozenset({RelationType.DIPLOMATIC_COORDINATION})

MEETING_NOUNS: dict[str, MeetingType] = {
    "summit": MeetingType.SUMMIT,
    "meeting": MeetingType.MEETING,
    "talk": MeetingType.TALKS,
    "talks": MeetingType.TALKS,
    "negotiation": MeetingType.TALKS,
    "conversation": MeetingType.PHONE_CALL,  # only with telephone/phone
    "call": MeetingType.PHONE_CALL,  # only with telephone/phone
    "visit": MeetingType.VISIT,
    "trip": MeetingType.VISIT,
    "contact": MeetingType.MEETING,
}

MEETING_VERBS: dict[str, MeetingType] = {
    "meet": MeetingType.MEETING,
    "visit": MeetingType.VISIT,
    "host": MeetingType.MEETING,
    "discuss": MeetingType.TALKS,
}

PHONE_WORDS = frozenset({"telephone", "phone", "video"})

#: Reporting verbs and the claim type they signal.
CLAIM_VERBS: dict[str, ClaimType] = {
    "say": ClaimType.ASSERTION,
    "tell": ClaimType.ASSERTION,
    "insist": ClaimType.ASSERTION,
    "claim": ClaimType.ASSERTION,
    "report": ClaimType.ASSERTION,
    "confirm": ClaimType.ASSERTION,
    "add": ClaimType.ASSERTION,
    "state": ClaimType.ASSERTION,
    "declare": ClaimType.ASSERTION,
    "announce": ClaimType.ASSERTION,
    "counter": ClaimType.ASSERTION,
    "argue": ClaimType.ASSERTION,
    "assert": ClaimType.ASSERTION,
    "quote": ClaimType.ASSERTION,
    "concur": ClaimType.AGREEMENT,
    "accuse": ClaimType.ACCUSATION,
    "blame": ClaimType.ACCUSATION,
    "allege": ClaimType.ACCUSATION,
    "indict": ClaimType.ACCUSATION,
    "deny": ClaimType.DENIAL,
    "reject": ClaimType.DENIAL,
    "dismiss": ClaimType.DENIAL,
    "warn": ClaimType.WARNING,
    "threaten": ClaimType.WARNING,
    "suggest": ClaimType.PROPOSAL,
    "propose": ClaimType.PROPOSAL,
    "urge": ClaimType.PROPOSAL,
    "call": ClaimType.PROPOSAL,  # only "call for", "call on"
    "demand": ClaimType.PROPOSAL,
    "consider": ClaimType.ASSERTION,  # only "considers X a Y"
    "assess": ClaimType.ASSERTION,
    "stress": ClaimType.ASSERTION,
    "note": ClaimType.ASSERTION,
    "acknowledge": ClaimType.ASSERTION,
    "admit": ClaimType.ASSERTION,
    "condemn": ClaimType.ACCUSATION,
    "complain": ClaimType.ACCUSATION,
}

#: Claim verbs whose content is an allegation, not a fact the article asserts.
ALLEGING_VERBS = frozenset({"accuse", "blame", "allege", "claim"})

#: Words that, governing a fact, give its modality.
MODALITY_CUES: dict[str, Modality] = {
    "deny": Modality.DENIED,
    "refuse": Modality.DENIED,
    "reject": Modality.DENIED,
    "rumor": Modality.RUMOURED,
    "rumour": Modality.RUMOURED,
    "reportedly": Modality.RUMOURED,
    "allegedly": Modality.RUMOURED,
    "alleged": Modality.RUMOURED,
    "speculation": Modality.RUMOURED,
    "believe": Modality.RUMOURED,  # "is believed to have helped"
    "suggest": Modality.PROPOSED,
    "propose": Modality.PROPOSED,
    "proposal": Modality.PROPOSED,
    "should": Modality.PROPOSED,
    "must": Modality.PROPOSED,
    "urge": Modality.PROPOSED,
    "possibility": Modality.PROPOSED,
    "possible": Modality.PROPOSED,
    "explore": Modality.PROPOSED,
    "want": Modality.PROPOSED,
    "interest": Modality.PROPOSED,
    "consider": Modality.PROPOSED,
    "consideration": Modality.PROPOSED,
    "agree": Modality.AGREED,
    "agreement": Modality.AGREED,
    "deal": Modality.AGREED,
    "sign": Modality.AGREED,
    "will": Modality.PLANNED,
    "would": Modality.PLANNED,  # "Iran said it would back Syria": reported future
    "plan": Modality.PLANNED,
    "seek": Modality.PLANNED,
    "look": Modality.PLANNED,
    "aim": Modality.PLANNED,
    "set": Modality.PLANNED,
    "intend": Modality.PLANNED,
    "try": Modality.PLANNED,  # "trying to broker a rapprochement": not reached yet
    "attempt": Modality.PLANNED,
    "pledge": Modality.PLANNED,
    "promise": Modality.PLANNED,
    "vow": Modality.PLANNED,
    "prepare": Modality.PLANNED,
    "future": Modality.PLANNED,
    "next": Modality.PLANNED,
    "end": Modality.ENDED,
    "lift": Modality.ENDED,
    "withdraw": Modality.ENDED,
    "suspend": Modality.ENDED,
    "sever": Modality.ENDED,
    "cut": Modality.ENDED,  # "cut diplomatic ties", "cut military aid"
    "freeze": Modality.ENDED,  # "froze its military cooperation with Israel"
    "break": Modality.ENDED,  # "broke off relations"
    "halt": Modality.ENDED,
    "stop": Modality.ENDED,
    "cease": Modality.ENDED,
}

#: When several cues govern a fact, the first in this order wins.
MODALITY_ORDER = (
    Modality.DENIED,
    Modality.RUMOURED,
    Modality.PROPOSED,
    Modality.AGREED,
    Modality.PLANNED,
    Modality.ENDED,
    Modality.ASSERTED,
)

#: Noun phrases that refer back to a group of actors named earlier.
GROUP_ANAPHORA: dict[str, int] = {
    "two countries": 2,
    "two nations": 2,
    "two sides": 2,
    "both sides": 2,
    "two leaders": 2,
    "two allies": 2,
    "two intelligence agencies": 2,
    "two states": 2,
    "three countries": 3,
    "trio": 3,
    "four countries": 4,
}
#: "the two governments", "the three agencies", "both countries": a number (or "both") and a
#: noun for states or their bodies.
_GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}
_GROUP_HEADS = (
    "countries",
    "nations",
    "states",
    "governments",
    "sides",
    "allies",
    "neighbours",
    "neighbors",
    "powers",
    "agencies",
    "intelligence agencies",
    "intelligence services",
    "services",
    "militaries",
    "capitals",
)
for _size_word, _size in _GROUP_SIZES.items():
    for _head in _GROUP_HEADS:
        GROUP_ANAPHORA.setdefault(f"{_size_word} {_head}", _size)

#: Nouns of a hostile act; the target follows "against" or "on".
HOSTILE_NOUNS = frozenset(
    {
        "assault",
        "attack",
        "offensive",
        "war",
        "campaign",
        "airstrike",
        "bombing",
        "operation",
        "crackdown",
        "invasion",
        "seizure",  # "Russia's seizure of Ukrainian ships"
        "annexation",
        "occupation",
        "aggression",
        "fight",
        "incursion",
        "effort",  # only with a target: "efforts against the GRU"
    }
)
