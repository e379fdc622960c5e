"""Attributed statements: who said what about whom, from one sentence.

A claim needs a reporting cue (a verb such as "said", "accused", "denies", or
"according to X") and a speaker; its content is the quotation when there is
one, else the reported clause. The content is kept as text: it is never turned
into facts of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from accords.nlp.actors import ActorContext
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
        "powers",
        "diplomat",
        "diplomats",
        "statement",
    }
)
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "advcl"})


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


def _speaker(tokens: list[Token], actors: ActorContext) -> Entity | None:
    # "U.S. Ambassador to the U.N. Nikki Haley": the person the phrase names, not her country
    people = [
        t
        for head in tokens
        for t in head.subtree
        if t.ent_type_ == "PERSON" and t.dep_ != "poss" and t.head.dep_ != "poss"
    ]
    tokens = [*people, *tokens]
    for token in tokens:
        named = actors.named_unlinked(token)
        if named is not None:  # a person or organisation the gazetteer does not know
            kind = ActorKind.PERSON if named.label_ == "PERSON" else ActorKind.ACTOR
            country = next(
                (
                    s.qid
                    for s in actors.states_of(
                        actors.actors(c)[0]
                        for c in token.children
                        if c.dep_ in ("appos", "amod", "compound") and actors.actors(c)
                    )
                ),
                None,
            )
            entity = Entity(
                key=f"nil-{_slug(named.text)}", label=named.text, kind=kind, country_qid=country
            )
            if kind is ActorKind.PERSON:
                actors.note_person(entity)
            return entity
        found = actors.actors(token)
        if found:
            return found[0]
    for token in tokens:  # an unlinked speaker: "a Turkish presidential source", "western powers"
        if token.lemma_.lower() in _SPEAKER_NOUNS or token.ent_type_ in ("ORG", "PERSON", "NORP"):
            words = token.doc[token.left_edge.i : token.i + 1]
            label = re.sub(r"^(a|an|the|one|some)\s+", "", words.text, flags=re.I)
            return Entity(key=f"nil-{_slug(label)}", label=label, kind=ActorKind.ACTOR)
    return None


def _content(cue: Token, sent: Span) -> tuple[int, int] | None:
    """Character offsets of what was said: the reported clause, else the quotation."""
    if lemma(cue) in ("accuse", "blame", "charge", "indict"):
        # "blames him for supporting X": the accused and what of
        parts = [c for c in cue.children if c.dep_ in ("dobj", "prep") and c.lower_ != "on"]
        if parts:
            last = parts[-1].right_edge
            return parts[0].left_edge.idx, last.idx + len(last.text)
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS and child.i != cue.i and not child.is_punct:
            start = child.left_edge.idx
            end = child.right_edge.idx + len(child.right_edge.text)
            if end - start >= 8 and not _QUOTE.fullmatch(sent.doc.text[start:end]):
                return start, end
    quote = _QUOTE.search(sent.text)
    if quote is not None and len(quote.group(1).split()) >= 3:
        return sent.start_char + quote.start(1), sent.start_char + quote.end(1)
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


def _about(
    start: int, end: int, sent: Span, actors: ActorContext, speaker: Entity
) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for token in sent:
        if start <= token.idx < end:
            entity = actors.entity_at(token) or (actors.group_for(token) or (None,))[0]
            if entity is not None and entity.key != speaker.key and entity.kind is not None:
                found.append(entity)
    return tuple(dict.fromkeys(found))


def _claim_type(cue: Token, content: str) -> ClaimType:
    ctype = CLAIM_VERBS.get(lemma(cue), ClaimType.ASSERTION)
    if ctype is ClaimType.ASSERTION and re.search(
        r"\b(I suggest|should|must|we propose)\b", content
    ):
        return ClaimType.PROPOSAL
    if ctype is ClaimType.ASSERTION and re.search(r"\bthreat\b|\bwarn", content):
        return ClaimType.WARNING
    return ctype


def find_claims(sent: Span, actors: ActorContext) -> list[ClaimFinding]:
    """The attributed statements in one sentence."""
    found: list[ClaimFinding] = []
    for token in sent:
        speaker_tokens: list[Token]
        if token.pos_ == "VERB" and lemma(token) in CLAIM_VERBS:
            speaker_tokens = subjects(token)
            if lemma(token) == "deny" and token.dep_ == "relcl":
                speaker_tokens = [token.head]
        elif token.lower_ == "according" and token.nbor(1).lower_ == "to":
            speaker_tokens = [o for o in token.nbor(1).children if o.dep_ == "pobj"]
            speaker_tokens += [o for o in token.children if o.dep_ == "prep" for o in o.children]
        else:
            continue
        speaker = _speaker(speaker_tokens, actors)
        if speaker is None:
            continue
        if token.lower_ == "according":
            start, end = sent.start_char, token.idx
            span_text = sent.doc.text[start:end].rstrip(" ,")
            bounds: tuple[int, int] | None = (start, start + len(span_text))
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
        content = sent.doc.text[start:end]
        found.append(
            ClaimFinding(
                type=_claim_type(token, content),
                claimant=speaker,
                content=content,
                content_start=start,
                content_end=end,
                about=_about(start, end, sent, actors, speaker),
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
