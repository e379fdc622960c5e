"""Attributed statements: who said what about whom, from one sentence.

A claim needs a reporting cue (a verb such as "said", "accused", "denies", or
"according to X") and a speaker; its content is the quotation when there is
one, else the reported clause. The content is kept as text: it is never turned
into facts of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from accords.nlp.actors import ActorContext, quotation_spans
from accords.nlp.doctext import doc_text, tokens_of
from accords.nlp.lexicon import CLAIM_VERBS
from accords.nlp.syntax import lemma, subjects
from accords.records import ActorKind, ClaimType, Entity

_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
_SPEAKER_NOUNS = frozenset(
    {
        "source",
        "sources",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "government",
        "agency",
        "power",
        "powers",
        "diplomat",
        "diplomats",
        "statement",
        "leader",
        "leaders",
        "authority",
        "authorities",
        "analyst",
        "analysts",
        "expert",
        "experts",
    }
)
_PRONOUN_SPEAKERS = frozenset({"he", "she"})
#: Prepositions whose objects are not the speaker ("an agreement between X and Y").
_NOT_SPEAKER_PREPS = frozenset({"between", "among", "with", "against", "over", "about"})
#: Verbs whose content is the object and its complement ("considers Iran a sponsor of terror").
_JUDGING_VERBS = frozenset({"consider", "deem", "regard", "assess"})
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "advcl"})
#: Verbs that label someone ("refers to X as a terrorist"); pejorative labels accuse.
_LABELLING = frozenset({"refer", "describe", "brand", "label", "dub", "portray", "depict"})
_PEJORATIVE = re.compile(
    r"\b(terrorist|criminal|dictator|aggressor|murderer|butcher|puppet|thug|tyrant|"
    r"war criminal|sponsor of terror|rogue|occupier|warmonger|threat)",
    re.I,
)
#: What an assertion accuses someone of ("preparing to use chemical weapons",
#: "a pattern of propaganda", "the most active state-sponsor of terrorism").
_WRONGDOING = re.compile(
    r"\b(chemical weapons?|propaganda|disinformation|sponsor of terror\w*|war crimes?|"
    r"atrocit\w+|massacres?|genocide|ethnic cleansing|sabotage|meddling|interference in|"
    r"assassinat\w+|poison\w*|lies|lying|stok\w+|brutali[sz]\w+)\b",
    re.I,
)
#: Nouns of a complaint, aired or voiced by the subject of their verb.
_COMPLAINTS = frozenset({"complaint", "criticism", "grievance"})
_GROUNDS = frozenset({"over", "about", "at", "of", "regarding"})


@dataclass(frozen=True)
class ClaimFinding:
    type: ClaimType
    claimant: Entity
    content: str
    content_start: int
    content_end: int
    about: tuple[Entity, ...]
    cue: Token


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "unknown"


def _under_foreign_prep(token: Token, head: Token) -> bool:
    """True when a token hangs below ``head`` through "between", "with"…: not the speaker."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in _NOT_SPEAKER_PREPS:
            return True
        current = current.head
    return False


#: A state's own voices: "its foreign ministry said", "its government denied".
_STATE_VOICES = frozenset(
    {
        "ministry",
        "government",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "embassy",
        "cabinet",
        "presidency",
        "office",
        "military",
        "army",
        "president",
        "leader",
        "foreign",
    }
)


def _speaker(tokens: list[Token], actors: ActorContext) -> Entity | None:
    # "U.S. Ambassador to the U.N. Nikki Haley": the person the phrase names, not her country
    people = [
        t
        for head in tokens
        for t in head.subtree
        if t.ent_type_ == "PERSON"
        and t.dep_ != "poss"
        and t.head.dep_ != "poss"
        and not _under_foreign_prep(t, head)
    ]
    # a linked person first ("Turkey's President Recep Tayyip Erdogan": Erdogan, not "President")
    people.sort(key=lambda t: actors.entity_at(t) is None)
    tokens = [*people, *tokens]
    for token in tokens:
        if token.lower_ in _PRONOUN_SPEAKERS and token.pos_ == "PRON":
            return actors.speaker_for(token)
        voice = lemma(token) in _STATE_VOICES or token.lower_ in _STATE_VOICES
        owners = [c for c in token.children if c.dep_ == "poss"] if voice else []
        named_owners = actors.states_of(
            e
            for o in owners
            if o.lower_ not in ("its", "his", "her", "their")
            for e in actors.actors(o)
        )
        if named_owners:
            return named_owners[0]  # "Turkey's foreign ministry said": Turkey
        if any(o.lower_ in ("his", "her") for o in owners):
            # "Erdogan spoke with Putin on Sunday, his office said": the person the report is about
            reported = [
                e
                for clause in token.head.children
                if clause.dep_ == "ccomp"
                for subject in subjects(clause)
                for e in actors.actors(subject)
                if e.kind is ActorKind.PERSON
            ]
            if reported:
                return actors.state_of(reported[0]) or reported[0]
        named = actors.named_unlinked(token)
        if named is not None:  # a person or organisation the gazetteer does not know
            entity = actors.unlinked_entity(named)
            if entity.kind is ActorKind.PERSON:
                actors.note_person(entity)
            return entity
        found = actors.actors(token)
        if found:
            return found[0]
    for token in tokens:
        # "a spokesman for the Iranian foreign ministry", "an official at the Kremlin"
        if lemma(token) in _SPEAKER_NOUNS or token.lower_ in _SPEAKER_NOUNS:
            bodies = [
                o
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "in")
                for o in c.children
                if o.dep_ == "pobj"
            ]
            states = actors.states_of(e for b in bodies for e in actors.actors(b))
            if states:
                return states[0]
    for token in tokens:
        # "India will not join, its foreign ministry said": the body of the state named before
        its = [c for c in token.children if c.dep_ == "poss" and c.lower_ == "its"]
        if its and (lemma(token) in _STATE_VOICES or token.lower_ in _STATE_VOICES):
            state = actors.state_before(its[0])
            if state is not None:
                return state
    for token in tokens:  # an unlinked speaker: "a Turkish presidential source", "western powers"
        if (
            token.lemma_.lower() in _SPEAKER_NOUNS
            or token.lower_ in _SPEAKER_NOUNS
            or token.ent_type_ in ("ORG", "PERSON", "NORP")
            or (token.pos_ == "PROPN" and token.dep_ in ("nsubj", "pobj"))
        ):
            words = token.doc[token.left_edge.i : token.i + 1]
            label = re.sub(r"^(a|an|the|one|some)\s+", "", words.text, flags=re.I)
            return Entity(key=f"nil-{_slug(label)}", label=label, kind=ActorKind.ACTOR)
    return None


def _extent(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _clause(cue: Token) -> tuple[int, int] | None:
    """The reported clause: a that-clause first, then an object or complement."""
    for deps in (("ccomp",), ("dobj", "xcomp"), ("advcl",)):
        for child in cue.children:
            if child.dep_ not in deps or child.is_punct:
                continue
            if child.dep_ == "advcl" and child.tag_ == "VBG":
                continue  # "citing two sources, Reuters reported that ...": the frame
            start, end = _extent(child)
            addressee = [
                c for c in child.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > child.i
            ]
            if child.dep_ == "dobj" and addressee:
                # "confirmed these reports to the Reuters news agency": to whom, not what
                last = child.doc[addressee[-1].i - 1]
                end = last.idx + len(last.text)
            if end - start >= 8:
                return start, end
    return None


def _judged(cue: Token) -> tuple[int, int] | None:
    """ "considers Iran the most active sponsor": from the object to the end of the clause."""
    objects = [c for c in cue.children if c.dep_ in ("dobj", "ccomp", "oprd", "xcomp")]
    if not objects:
        return None
    last = max((c for c in cue.children if c.i > cue.i and not c.is_punct), key=lambda c: c.i)
    return objects[0].left_edge.idx, last.right_edge.idx + len(last.right_edge.text)


def _called(cue: Token) -> tuple[int, int] | None:
    """ "called for the toppling of X", "calling on Moscow to allow ...": what was called for."""
    preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
    if not preps:
        return None
    tail = [c for c in cue.children if c.i > preps[0].i and not c.is_punct]
    last = max([preps[0], *tail], key=lambda c: c.right_edge.i).right_edge
    first = cue.doc[preps[0].i + 1]
    if last.i < first.i:
        return None
    return first.idx, last.idx + len(last.text)


def _to_task(token: Token) -> bool:
    """ "took Obama to task over ...": a rebuke."""
    return (
        token.pos_ == "VERB"
        and lemma(token) == "take"
        and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "task" for o in c.children)
            for c in token.children
        )
    )


def _grounds(cue: Token) -> tuple[int, int] | None:
    """ "aired a rare complaint over the Russian stalling of the talks": what about."""
    for holder in (cue, cue.head):
        for prep in holder.children:
            if prep.dep_ not in ("prep", "prt") or prep.lower_ not in _GROUNDS:
                continue
            if prep.dep_ == "prep" and prep.i > cue.i and any(True for _ in prep.children):
                return _extent(prep)
            if prep.i > cue.i:
                # "took X to task over failing to ...": "over" parsed as a particle
                after = [c for c in holder.children if c.i > prep.i and not c.is_punct]
                if after:
                    last = after[0].right_edge
                    return prep.idx, last.idx + len(last.text)
    return None


def _labelled(cue: Token) -> tuple[int, int] | None:
    """ "refers to al-Assad as a “terrorist”", "described Putin as a war criminal", "branded
    the group a terrorist organisation": who is labelled and as what."""
    labelled = [c for c in cue.children if c.dep_ == "dobj"]
    labelled += [
        o
        for p in cue.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    labels = [
        c for c in cue.children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"
    ]
    if not labelled or not labels:
        return None
    first, last = labelled[0].left_edge, labels[-1].right_edge
    return first.idx, last.idx + len(last.text)


#: Words that make an unlinked speaker an official of some state.
_OFFICIAL_WORDS = frozenset(
    {
        "minister",
        "chancellor",
        "president",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "official",
        "officials",
        "premier",
        "ambassador",
        "envoy",
    }
)


def _official_of(speaker: Entity, tokens: list[Token], cue: Token, actors: ActorContext) -> Entity:
    """ "Germany will supply ..., Chancellor Olaf Scholz said": an official whose state the
    title does not name speaks for the state his statement is about (its subject), else for
    the state of the claimant just before (within two sentences)."""
    if speaker.kind not in (ActorKind.PERSON, ActorKind.ACTOR) or actors.state_of(speaker):
        return speaker
    words = {t.lower_ for h in tokens for t in h.subtree}
    if not words & _OFFICIAL_WORDS:
        return speaker
    content_subjects = [s for c in cue.children if c.dep_ == "ccomp" for s in subjects(c)] + (
        [cue.head] if cue.dep_ in ("ccomp", "parataxis") else []
    )
    if cue.dep_ in ("ccomp", "parataxis"):  # "X will ..., the minister said" parsed upside down
        content_subjects += subjects(cue.head)
    states = [
        e
        for e in actors.states_of(x for t in content_subjects for x in actors.actors(t))
        if e.kind is ActorKind.STATE
    ]
    if not states and actors.speaker is not None and actors.sentence_no - actors.speaker[0] <= 2:
        earlier = actors.state_of(actors.speaker[1])
        states = [earlier] if earlier is not None and earlier.kind is ActorKind.STATE else []
    if not states:
        return speaker
    return (
        replace(speaker, country_qid=states[0].qid)
        if speaker.kind is ActorKind.PERSON
        else states[0]
    )


def _announces_words(cue: Token, sent: Span) -> bool:
    """An announcement with a reported clause or a quotation, not only an object."""
    if any(c.dep_ in ("ccomp", "advcl") for c in cue.children):
        return True
    return bool(quotation_spans(sent))


def _blamed_one(cue: Token) -> bool:
    """ "X blamed for Y", "X accused of Y" (a headline's passive, or "X was accused of"): the
    subject is the one accused, and nobody named accuses."""
    if lemma(cue) not in ("accuse", "blame"):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return not any(c.dep_ == "agent" for c in cue.children)
    has_object = any(c.dep_ in ("dobj", "ccomp") for c in cue.children)
    grounds = any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in cue.children)
    return not has_object and grounds  # "accused of" with nobody accused is a passive


def _according_content(cue: Token, sent: Span) -> tuple[int, int] | None:
    """What is reported "according to X": the text before the phrase, or, when the phrase
    opens the sentence ("According to X, A and B are ..."), the text after its comma."""
    text = doc_text(sent.doc)
    before = text[sent.start_char : cue.idx].rstrip(" ,")
    if before.strip():
        return sent.start_char, sent.start_char + len(before)
    comma = next((t for t in sent if t.i > cue.i and t.text == ","), None)
    if comma is None or comma.i + 1 >= sent.end:
        return None
    start = sent.doc[comma.i + 1].idx
    after = text[start : sent.end_char].rstrip(" .")
    return (start, start + len(after)) if after.strip() else None


def _content(cue: Token, sent: Span) -> tuple[int, int] | None:
    """Character offsets of what was said: the reported clause, else the quotation."""
    if lemma(cue) in _LABELLING:
        return _labelled(cue)
    if (
        lemma(cue) in _COMPLAINTS
        or (lemma(cue) == "complain" and _clause(cue) is None)
        or _to_task(cue)
    ):
        return _grounds(cue)
    if lemma(cue) in ("accuse", "blame", "charge", "indict"):
        # "blames him for supporting X": the accused and what of
        parts = [c for c in cue.children if c.dep_ in ("dobj", "prep") and c.lower_ != "on"]
        if parts:
            last = parts[-1].right_edge
            return parts[0].left_edge.idx, last.idx + len(last.text)
    if lemma(cue) in _JUDGING_VERBS:
        return _judged(cue)
    if lemma(cue) in ("warn", "caution") and _clause(cue) is None:
        # "warned Beijing against providing lethal aid to Moscow": whom, and against what
        warned = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("against", "of")]
        if warned:
            objects = [c for c in cue.children if c.dep_ == "dobj" and c.i < warned[0].i]
            first = (objects or warned)[0].left_edge
            last = warned[0].right_edge
            return first.idx, last.idx + len(last.text)
    if lemma(cue) == "call":
        return _called(cue)
    quotes = [(a, b) for a, b in quotation_spans(sent) if len(doc_text(sent.doc)[a:b].split()) >= 3]
    inside = any(a <= cue.idx < b for a, b in quotes)
    clause = _clause(cue)
    # "“...,” X said": the quotation, unless the clause holds more than the quotation
    within = clause is None or any(a - 1 <= clause[0] and clause[1] <= b + 1 for a, b in quotes)
    if quotes and not inside and within:
        return min(quotes, key=lambda q: min(abs(q[0] - cue.idx), abs(q[1] - cue.idx)))
    if clause is not None:
        return clause
    if quotes:
        return quotes[0]
    # "X, Y said." with the clause before the cue
    if cue.i > sent.start + 3 and cue.dep_ == "ROOT":
        first = sent[0]
        last = cue.doc[cue.i - 1]
        while last.i > first.i and (
            last.is_punct or last.ent_type_ or last.dep_ in ("nsubj", "compound")
        ):
            last = cue.doc[last.i - 1]
        return first.idx, last.idx + len(last.text)
    return None


def claim_about(
    start: int, end: int, sent: Span, actors: ActorContext, speaker: Entity
) -> tuple[Entity, ...]:
    """The actors a claim's content is about: those it names or refers to ("the two sides",
    "him"), not the places it names ("the ceasefire in Syria's Idlib", "travel to Syria")."""
    found: list[Entity] = []
    for token in tokens_of(sent):
        if not start <= token.idx < end or _a_place(token):
            continue
        entity = actors.entity_at(token)
        named = [entity] if entity is not None else list(actors.group_for(token))
        if not named and token.lower_ in ("him", "her") and token.pos_ == "PRON":
            person = actors.person_for(token)
            named = [person] if person is not None else []
        # a state named in its own spokesman's words is what they are about too
        found += [e for e in named if e.kind is not None and e.key != speaker.key]
        found += [e for e in named if e.key == speaker.key and e.kind is not ActorKind.PERSON]
    return tuple(dict.fromkeys(found))


#: Prepositions of location, and those of motion after a verb of going or sending.
_AT_PLACE = frozenset({"in", "at", "into", "inside", "near", "across", "around", "throughout"})
_TO_PLACE = frozenset({"to", "from"})
_MOTION = frozenset({"go", "travel", "fly", "send", "return", "come", "move", "head", "flee"})


def _a_place(token: Token) -> bool:
    """Whether a name stands as a location: the object (or its owner) of a place preposition."""
    head = token
    while (
        head.dep_ in ("compound", "poss", "amod", "conj", "appos", "case") and head.head.i != head.i
    ):
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.pos_ != "ADP":
        return False
    if prep.lower_ in _AT_PLACE:
        return True
    return prep.lower_ in _TO_PLACE and lemma(prep.head) in _MOTION


#: Content that rejects what others said ("the claim was meaningless").
_DISMISSAL = re.compile(
    r"\b(accusations?|allegations?|claims?|reports?|charges?)\b[^.]{0,40}\b(were|was|are|is)\b"
    r"[^.]{0,20}\b(baseless|meaningless|nonsense|false|untrue|groundless|fabricated|lies|absurd|"
    r"unfounded|ridiculous)",
    re.IGNORECASE,
)
#: Content that says something did not happen ("there had been no such contacts").
_NEGATION = re.compile(
    r"\b(no such|no (plans?|intention) to|not (been )?involved|(had|has|was|were) not been informed)\b",
    re.IGNORECASE,
)
#: Content that promises a response ("would respond", "will retaliate", "further measures").
_RETALIATION = re.compile(
    r"\b(would|will|could)\s+(respond|retaliate|hit back)\b|\bconsequences\b"
    r"|\bfurther (measures|steps)\b|\bpay a (heavy |high )?price\b",
    re.IGNORECASE,
)
#: Content that names the author of an attack ("Iran is behind this attack").
_BEHIND = re.compile(
    r"\b(is|was|are|were)\s+(behind|responsible for)\s+(the|this|that|these|those|an?)\s+"
    r"(\w+\s+)?(attacks?|strikes?|bombings?|plot|killings?|assassination|explosions?|sabotage)",
    re.IGNORECASE,
)
#: Content that offers something ("was ready to host talks", "is willing to mediate").
_OFFER = re.compile(r"\b(is|was|are|were) (ready|willing|prepared) to\b", re.IGNORECASE)


def claim_type(cue: Token, content: str) -> ClaimType:
    if lemma(cue) in _COMPLAINTS or _to_task(cue):
        return ClaimType.ACCUSATION
    if lemma(cue) in _LABELLING:
        accusing = lemma(cue) in ("brand", "label") or _PEJORATIVE.search(content)
        return ClaimType.ACCUSATION if accusing else ClaimType.ASSERTION
    ctype = CLAIM_VERBS.get(lemma(cue), ClaimType.ASSERTION)
    if ctype is ClaimType.ASSERTION and re.search(
        r"\b(I suggest|we suggest|I propose|we propose|should|must|I call for|we call for)\b",
        content,
    ):
        return ClaimType.PROPOSAL
    if ctype is ClaimType.ASSERTION and (_DISMISSAL.search(content) or _NEGATION.search(content)):
        return ClaimType.DENIAL  # "the accusations were baseless", "the reports were nonsense"
    if ctype is ClaimType.ASSERTION and re.search(r"\bthreat\b|\bwarn", content):
        return ClaimType.WARNING
    if ctype is ClaimType.ASSERTION and _RETALIATION.search(content):
        return ClaimType.WARNING  # "it would respond at a time of its choosing"
    if ctype is ClaimType.ASSERTION and _OFFER.search(content):
        return ClaimType.PROPOSAL  # "Ankara was ready to host new peace talks"
    if ctype is ClaimType.ASSERTION and _BEHIND.search(content):
        return ClaimType.ACCUSATION  # "Iran is behind this attack"
    if ctype is ClaimType.ASSERTION and _WRONGDOING.search(content):
        return ClaimType.ACCUSATION  # "Those claims follow a pattern of Russian propaganda"
    return ctype


def find_claims(sent: Span, actors: ActorContext) -> list[ClaimFinding]:
    """The attributed statements in one sentence."""
    found: list[ClaimFinding] = []
    for token in tokens_of(sent):
        speaker_tokens: list[Token]
        if (
            token.pos_ == "NOUN"
            and lemma(token) in _COMPLAINTS
            and token.dep_ == "dobj"
            and token.head.pos_ == "VERB"
        ):
            speaker_tokens = subjects(token.head)  # "X aired a rare complaint over Y"
        elif _to_task(token):
            speaker_tokens = subjects(token)  # "Putin took Obama to task over failing to ..."
        elif token.pos_ == "VERB" and lemma(token) in _LABELLING and _labelled(token):
            speaker_tokens = subjects(token)
        elif token.pos_ == "VERB" and lemma(token) in CLAIM_VERBS:
            if lemma(token) in _JUDGING_VERBS and not any(
                c.dep_ in ("oprd", "ccomp") for c in token.children
            ):
                continue  # "is considering talks": not a judgement
            if lemma(token) == "call" and not any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in token.children
            ):
                continue
            if _blamed_one(token):
                continue  # "Israel blamed for attack on ...": Israel is blamed, not blaming
            if lemma(token) in ("announce", "unveil") and not _announces_words(token, sent):
                continue  # "Beijing announced sanctions on ...": an act, not a statement
            speaker_tokens = subjects(token)
            agents = [o for c in token.children if c.dep_ == "agent" for o in c.children]
            if agents and any(c.dep_ == "nsubjpass" for c in token.children):
                speaker_tokens = agents  # "Syria was accused by France of ...": France
            if lemma(token) == "deny" and token.dep_ == "relcl":
                speaker_tokens = [token.head]
        elif token.lower_ == "according" and token.nbor(1).lower_ == "to":
            speaker_tokens = [o for o in token.nbor(1).children if o.dep_ == "pobj"]
            speaker_tokens += [
                o
                for p in token.children
                if p.dep_ == "prep"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        else:
            continue
        speaker = _speaker(speaker_tokens, actors)
        if speaker is None:
            continue
        speaker = _official_of(speaker, speaker_tokens, token, actors)
        if token.lower_ == "according":
            bounds: tuple[int, int] | None = _according_content(token, sent)
        elif lemma(token) == "deny":
            objs = [c for c in token.children if c.dep_ in ("dobj", "ccomp")]
            bounds = (
                (objs[0].left_edge.idx, objs[0].right_edge.idx + len(objs[0].right_edge.text))
                if objs
                else _content(token, sent)
            )
        else:
            bounds = _content(token, sent)
        if bounds is None:
            continue
        start, end = bounds
        content = doc_text(sent.doc)[start:end]
        found.append(
            ClaimFinding(
                type=claim_type(token, content),
                claimant=speaker,
                content=content,
                content_start=start,
                content_end=end,
                about=claim_about(start, end, sent, actors, speaker),
                cue=token,
            )
        )
    return _one_per_speaker(found)


def _one_per_speaker(findings: list[ClaimFinding]) -> list[ClaimFinding]:
    """A sentence with two cues for one speaker and content ("said ... adding") keeps the first."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for finding in findings:
        key = (finding.claimant.key, finding.content_start, finding.content_end)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
