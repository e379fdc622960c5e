"""Dependency-tree helpers shared by the extractors: subjects, scope, modality."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from accords.nlp.lexicon import ALLEGING_VERBS, MODALITY_CUES, MODALITY_ORDER
from accords.records import Modality

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB_DEPS = frozenset({"xcomp", "conj", "acl", "advcl", "pcomp", "relcl", "ccomp"})
_TRYING = frozenset({"effort", "attempt", "bid"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
_REPORTING = frozenset({"say", "tell", "report", "state", "add", "insist", "confirm", "announce"})


def lemma(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


#: Nouns whose "of"-gerund is what the holder of the noun would do.
_PURPOSES = frozenset(
    {"possibility", "idea", "option", "prospect", "aim", "goal", "intention", "purpose", "hope"}
)


def subjects(verb: Token) -> list[Token]:
    """The subject tokens of a verb, borrowed from the governing verb for xcomp/conj chains."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        found = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        # "the official who said", "Russia, which denies": the noun the pronoun stands for
        named = [c for c in found if c.tag_ not in _RELATIVE_TAGS]
        if named:
            return _listed_before(current, named[0]) + named
        if found and current.dep_ == "relcl":
            return [current.head]
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            # "Putin's effort to establish ...", "Russia's use of propaganda to undermine ...":
            # the owner of the effort
            owners = _owners(current.head)
            if owners:
                return owners
        if current.dep_ == "relcl":  # "Russia, which denies ...": the noun it describes
            return [current.head]
        gerund = _gerund_subject(current)
        if gerund is not None:
            return [gerund]
        prep = current.head
        aimed = prep.head
        if (
            current.dep_ == "pcomp"
            and prep.lower_ == "at"
            and aimed.dep_ == "acl"
            and aimed.head.dep_ in ("dobj", "conj")
            and aimed.head.head.pos_ == "VERB"
        ):
            # "discussed future steps aimed at coordinating against X": those who discussed
            current = aimed.head.head
            continue
        if (
            current.dep_ == "pcomp"
            and prep.lower_ in ("of", "for", "to")
            and prep.head.pos_ in ("VERB", "ADJ")
            and prep.head.i != prep.i
        ):
            # "X was accused of supporting Y" (X), "A accused B of supporting Y" (B), "X is
            # committed to supporting Y" (X)
            objects = [c for c in prep.head.children if c.dep_ == "dobj"]
            if objects:
                return objects
            current = prep.head
            continue
        noun = current.head.head
        if current.dep_ == "pcomp" and current.head.lower_ == "of" and lemma(noun) in _PURPOSES:
            # "exploring the possibility of working together", "invaded with the aim of
            # repelling X": the subject of the verb that holds the purpose
            holder = noun.head if noun.dep_ == "dobj" else noun.head.head
            if noun.dep_ in ("dobj", "pobj") and holder.pos_ in ("VERB", "AUX"):
                current = holder
                continue
        if (
            current.dep_ not in ("xcomp", "conj", "acl", "advcl", "acomp")
            or current.head.i == current.i
        ):
            break
        current = current.head
    return []


def _gerund_subject(verb: Token) -> Token | None:
    """ "despite Turkey still being on ...": the subject of a gerund parsed as the preposition's object."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp"):
        return None
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if (
        before is not None
        and before.dep_ == "pobj"
        and before.pos_ == "PROPN"
        and before.head.dep_ == "prep"
        and before.head.head.i in (verb.head.i, verb.i)
    ):
        return before
    return None


def _owners(noun: Token) -> list[Token]:
    """The possessor of a noun, or of the noun it is coordinated with or "of" ("X's use of Y")."""
    current = noun
    for _ in range(4):
        owners = [c for c in current.children if c.dep_ == "poss"]
        if owners:
            return owners
        if current.dep_ == "conj":
            current = current.head
        elif current.dep_ == "pobj" and current.head.lower_ == "of":
            current = current.head.head
        else:
            break
    return []


def _listed_before(verb: Token, subject: Token) -> list[Token]:
    """ "Turkey, Russia look to ...": a headline's first listed subject parsed as a modifier."""
    doc = verb.doc
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.pos_ == "PROPN"
        and c.i + 2 == subject.i
        and doc[c.i + 1].text == ","
    ]


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the token itself when none)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        if current.head.i == current.i:
            break
        current = current.head
    return token


def chain(token: Token, coordinate: bool = True) -> Iterator[Token]:
    """The token and its heads up to (not past) a reporting verb or the sentence root.

    With ``coordinate`` False the chain also stops at a participle describing a
    noun ("rebels fighting against X" is not under what governs "rebels").
    """
    current = token
    for _ in range(14):
        yield current
        if current.head.i == current.i or (
            current.dep_ == "ccomp" and lemma(current.head) in _REPORTING
        ):
            return
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ == "relcl" or (current.dep_ == "advcl" and not infinitive):
            return  # a subordinate clause of its own ("look to strengthen" goes on up)
        if (
            not coordinate
            and current.dep_ == "acl"
            and current.tag_ in ("VBG", "VBN")
            and not any(c.dep_ == "mark" for c in current.children)
        ):
            # "rebels fighting against X": a participle describing a noun (but "rumours
            # that X and Y were sharing intelligence" is the noun's content: go on up)
            return
        current = current.head


def _cues(token: Token) -> Iterator[Modality]:
    cue = MODALITY_CUES.get(lemma(token)) or MODALITY_CUES.get(token.lower_)
    if cue is not None:
        yield cue
    if ruled_out(token):
        yield Modality.DENIED
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no"):
            yield Modality.DENIED
        elif child.dep_ in ("aux", "advmod", "amod", "det"):
            found = MODALITY_CUES.get(lemma(child)) or MODALITY_CUES.get(child.lower_)
            if found is not None:
                yield found


def ruled_out(token: Token) -> bool:
    """ "ruled out talks with Russia", "ruled out any cooperation": excluded, not done."""
    return lemma(token) == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children
    )


def modality(trigger: Token) -> Modality:
    """The modality of a fact whose trigger is this token (see ``MODALITY_ORDER``)."""
    seen: set[Modality] = set()
    # a noun that is the subject of its clause exists whatever the clause predicates of it
    own_only = trigger.pos_ == "NOUN" and (trigger.dep_ in SUBJECT_DEPS or trigger.dep_ == "dep")
    scope = [trigger] if own_only else chain(trigger, coordinate=False)
    coordinated = False
    for token in scope:
        # "accused X and launched Y": the first verb's cues do not govern the second
        if not coordinated:
            seen.update(_cues(token))
            if token.i != trigger.i and lemma(token) in ALLEGING_VERBS:
                seen.add(Modality.RUMOURED)
        coordinated = token.dep_ == "conj" and token.pos_ == "VERB"
        if trigger.dep_ == "dobj" and lemma(token) in _TRYING:
            # "an effort to establish a triumvirate": what is to be established is planned
            seen.add(Modality.PLANNED)
    if _headline_infinitive(trigger):
        seen.add(Modality.PLANNED)
    if any(lemma(t) in ("continue", "remain") for t in chain(trigger, coordinate=False)):
        seen.discard(Modality.PLANNED)  # "will continue to back X": it goes on, it holds now
    for modality_ in MODALITY_ORDER:
        if modality_ in seen:
            return modality_
    return Modality.ASSERTED


def in_aside(token: Token) -> bool:
    """ "... supporting Kurdish paramilitaries, who have waged a war against Ankara": the
    token's clause is a non-restrictive relative clause (after a comma), the writer's aside."""
    clause = list(chain(token))[-1]
    if clause.dep_ != "relcl" or clause.left_edge.i == 0:
        return False
    return clause.doc[clause.left_edge.i - 1].text == ","


def called_for(trigger: Token) -> bool:
    """ "France and Germany called for closer defence cooperation": what is called for."""
    return any(
        lemma(t) in ("call", "push", "press", "appeal")
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children)
        for t in chain(trigger, coordinate=False)
    )


def _headline_infinitive(trigger: Token) -> bool:
    """ "Iraq to share intelligence ...": a headline's bare infinitive announces a plan."""
    verb = governing_verb(trigger)
    return verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_future(token: Token) -> bool:
    """True when the clause of this token speaks of the future."""
    for head in chain(token):
        for child in head.children:
            if child.lower_ in ("will", "'ll", "\u2019ll", "shall") and child.dep_ == "aux":
                return True
        if lemma(head) in ("plan", "set", "schedule", "head", "expect", "due"):
            return True
        if head.tag_ == "VBG" and any(c.lower_ in ("is", "are") for c in head.children):
            # "is heading to Turkey on Thursday for talks": progressive with a future time
            continue
    return False


def clause_extent(token: Token) -> tuple[int, int]:
    """Character extent of the clause of a token's governing verb (where its time may stand)."""
    verb = governing_verb(token)
    return verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)


def phrase(token: Token) -> str:
    """The text of a token's subtree."""
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1].text
