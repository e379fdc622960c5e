"""Link entity mentions in a spaCy ``Doc`` to gazetteer entities, aware of the document date.

Two passes: names, aliases, demonyms, acronyms, capitals and role phrases
first; then bare surnames, which are accepted only with support (the full name
in the same document, or one candidate in office at the document date). A
mention whose best score is below :data:`THRESHOLD`, or whose top candidates
tie, is NIL (``entity=None``): a wrong QID is worse than none.

Capitals ("Moscow", "Tehran") name the state's government when they act
(subject, object, "between Ankara and Damascus") and a place when they are
where something happens ("held in Moscow", "a Moscow meeting"): the place is
``Entity(key="place-Moscow", kind=None, country_qid=<state>)``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span

from accords.linking.gazetteer import Gazetteer, Name, normalize
from accords.linking.patterns import role_state
from accords.nlp.doctext import doc_text
from accords.records import ActorKind, Document, Entity, Mention

THRESHOLD = 0.6
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "to",
    "from",
    "into",
    "outside",
    "inside",
    "around",
    "across",
    "via",
    "toward",
    "towards",
    "within",
    "through",
}
_PLACE_NOUNS = {"meeting", "summit", "talks", "visit", "conference", "talk", "trip", "meetings"}
_NOT_CURRENT = {"former", "ex", "late", "then", "previous", "next", "future", "incoming", "new"}
_HONORIFICS = (
    "mr ",
    "mrs ",
    "ms ",
    "dr ",
    "president ",
    "prime minister ",
    "king ",
    "queen ",
    "sheikh ",
    "general ",
    "gen ",
    "minister ",
)
_BARE_INTEL = ("special services",)
#: Words before a state name that make it part of a geographic name ("Lake Chad").
_GEO_PREFIX = {"lake", "gulf", "sea", "bay", "strait", "straits", "mount", "river", "basin"}
#: Abbreviations of organisations common enough to link without their full name nearby.
_KNOWN_ABBR = {
    "UN",
    "NATO",
    "EU",
    "CSTO",
    "SCO",
    "OPEC",
    "ASEAN",
    "OSCE",
    "GCC",
    "OIC",
    "CIS",
    "IAEA",
    "UNSC",
    "UNGA",
    "AU",
    "WTO",
    "IMF",
    "ICC",
    "EAEU",
    "UNHCR",
    "UNICEF",
    "WHO",
    "Interpol",
    "INTERPOL",
    "OECD",
}

#: Acronyms of intelligence services common enough in the news to link without their
#: country nearby ("the CIA and the Mossad").
_KNOWN_AGENCY_ABBR = {"CIA", "FSB", "SVR", "GRU", "GCHQ", "NSA"}


@dataclass
class _Found:
    start: int
    end: int
    text: str
    sentence: int
    label: str
    span: Span | None = None
    entity: Entity | None = None
    score: float = 0.0
    candidates: tuple[str, ...] = ()
    reason: str = ""
    form: str = ""
    deferred: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class _Context:
    text: str
    at: date | None
    states: Counter[str]
    persons: set[str]
    person_names: dict[str, str]
    un_context: bool


def link_mentions(doc: Doc, document: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Every actor or place mention of ``doc`` (made from ``document.text``), linked or NIL."""
    starts = [s.start_char for s in doc.sents]
    found = _spans(doc, starts)
    ctx = _Context(
        doc_text(doc), document.published, Counter(), set(), {}, _mentions_un(doc_text(doc))
    )
    for item in found:
        _first_pass(item, gazetteer, ctx)
        if item.entity is not None and item.score >= THRESHOLD:
            _note(item.entity, gazetteer, ctx)
    for item in found:
        if item.deferred:
            _second_pass(item, gazetteer, ctx)
    _coordinated_intel(found, gazetteer)
    mentions = []
    for item in found:
        linked = item.entity if item.score >= THRESHOLD else None
        reason = item.reason if linked else f"NIL: {item.reason}" if item.reason else "NIL"
        mentions.append(
            Mention(
                item.start,
                item.end,
                item.text,
                linked,
                round(item.score, 3),
                item.sentence,
                item.candidates,
                reason,
            )
        )
    return mentions


def _mentions_un(text: str) -> bool:
    return "United Nations" in text or " UN " in text or "U.N." in text or "UN " in text


def _sentence(starts: list[int], char: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= char:
            index = i
    return index


def _spans(doc: Doc, starts: list[int]) -> list[_Found]:
    found = [
        _Found(e.start_char, e.end_char, e.text, _sentence(starts, e.start_char), e.label_, e)
        for e in doc.ents
        if e.label_ in ACTOR_LABELS
    ]
    taken = {i for e in doc.ents for i in range(e.start_char, e.end_char)}
    lower = doc_text(doc).lower()
    for phrase in _BARE_INTEL:
        pos = lower.find(phrase)
        while pos >= 0:
            if pos not in taken:
                end = pos + len(phrase)
                found.append(
                    _Found(
                        pos,
                        end,
                        doc_text(doc)[pos:end],
                        _sentence(starts, pos),
                        "ORG",
                        extra={"bare_intel": "1"},
                    )
                )
            pos = lower.find(phrase, pos + 1)
    found.sort(key=lambda f: f.start)
    return found


def _note(entity: Entity, gazetteer: Gazetteer, ctx: _Context) -> None:
    if entity.kind is ActorKind.STATE:
        ctx.states[entity.key] += 1
    elif entity.kind is ActorKind.PERSON:
        ctx.persons.add(entity.key)
        state = gazetteer.represents(entity.key, ctx.at)
        if state is not None:
            ctx.states[state.key] += 1
    elif entity.country_qid:
        ctx.states[entity.country_qid] += 1


def _first_pass(item: _Found, gazetteer: Gazetteer, ctx: _Context) -> None:
    span = item.span
    ent_id = span.ent_id_ if span is not None else ""
    if ent_id == "blocker":
        item.reason = "name not in the gazetteer"
        return
    if ent_id.startswith("role|"):
        _role(item, gazetteer, ctx, ent_id)
        return
    if item.extra.get("bare_intel"):
        item.deferred = True
        return
    names = _lookup(gazetteer, item.text)
    if not names and span is not None and len(span) > 1 and span[0].text in gazetteer.demonym_of:
        names = _lookup(gazetteer, span[0].text)  # "Kazakh capital": the demonym alone
        item.end, item.text, item.label = span[0].idx + len(span[0].text), span[0].text, "NORP"
    if not names:
        item.reason = "no gazetteer name matches"
        if item.label == "PERSON":
            ctx.person_names[normalize(item.text)] = item.text
        return
    item.candidates = tuple(dict.fromkeys(n.key for n in names))
    if (
        any(n.form == "surname" for n in names)
        and all(
            n.form == "surname" or gazetteer.entities.get(n.key, _NO).kind is ActorKind.PERSON
            for n in names
        )
        and len({n.key for n in names}) >= 1
        and _only_surname(names)
    ):
        item.deferred = True
        return
    best = _score_all(item, names, gazetteer, ctx)
    if best:
        item.entity, item.score, item.reason = best


_NO = Entity("", "", None)


def _only_surname(names: list[Name]) -> bool:
    return all(n.form == "surname" for n in names)


def _lookup(gazetteer: Gazetteer, text: str) -> list[Name]:
    names = gazetteer.lookup(text)
    if names:
        return names
    norm = normalize(text)
    for prefix in _HONORIFICS:
        if norm.startswith(prefix):
            return gazetteer.lookup(norm.removeprefix(prefix))
    return []


def _score_all(
    item: _Found, names: list[Name], gazetteer: Gazetteer, ctx: _Context
) -> tuple[Entity, float, str] | None:
    scored: dict[str, tuple[Entity, float, str]] = {}
    for name in names:
        result = _score(item, name, gazetteer, ctx)
        if result and (result[0].key not in scored or result[1] > scored[result[0].key][1]):
            scored[result[0].key] = result
    if not scored:
        return None
    ranked = sorted(scored.values(), key=lambda r: -r[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.05:
        ranked = _break_tie(ranked, gazetteer, ctx)
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.05:
            keys = ", ".join(r[0].key for r in ranked[:3])
            item.reason = f"ambiguous between {keys}"
            return None
    return ranked[0]


def _break_tie(
    ranked: list[tuple[Entity, float, str]], gazetteer: Gazetteer, ctx: _Context
) -> list[tuple[Entity, float, str]]:
    """Prefer people in office at the document date, then entities of states in the document."""
    top = [r for r in ranked if r[1] >= ranked[0][1] - 0.05]
    people = [r for r in top if r[0].kind is ActorKind.PERSON]
    if ctx.at and len(people) == len(top):
        valid = [r for r in top if gazetteer.represents(r[0].key, ctx.at) is not None]
        if len(valid) == 1:
            entity, score, reason = valid[0]
            return [(entity, score, f"{reason}; the only candidate in office at {ctx.at}")]
    members = [r for r in top if gazetteer.state_kind.get(r[0].key) == "un_member_state"]
    if len(members) == 1 and all(r[0].kind is ActorKind.STATE for r in top):
        entity, score, reason = members[0]
        return [(entity, score, f"{reason}; the only UN member state among the candidates")]
    local = [r for r in top if r[0].country_qid and ctx.states[r[0].country_qid] > 0]
    if len(local) == 1:
        entity, score, reason = local[0]
        return [(entity, score, f"{reason}; its country is mentioned in the document")]
    return top


def _score(
    item: _Found, name: Name, gazetteer: Gazetteer, ctx: _Context
) -> tuple[Entity, float, str] | None:
    if name.form in ("capital", "seat"):
        return _capital(item, name, gazetteer)
    entity = gazetteer.entities.get(name.key)
    if entity is None:
        return None
    what = f"{name.form} {name.text!r} of {entity.label}"
    if entity.kind is ActorKind.STATE:
        before = _before(item)
        if before in _GEO_PREFIX:
            return entity, 0.3, f"{what}, but part of a place name after {before!r}"
        if item.label == "PERSON" and name.form != "demonym":
            return entity, 0.5, f"{what}, but tagged as a person"
        return entity, (0.9 if name.form == "demonym" else 0.95), what
    if entity.kind is ActorKind.INTERNATIONAL_ORGANIZATION:
        if name.form == "contextual":
            return _contextual_org(item, entity, what, ctx)
        if name.form == "abbr":
            return _org_abbr(item, entity, name, what, ctx)
        return entity, 0.95, what
    if entity.kind is ActorKind.INTELLIGENCE_SERVICE:
        return _agency(entity, name, what, ctx)
    if entity.kind is ActorKind.PERSON:
        return entity, 0.95, what
    return None


def _org_abbr(
    item: _Found, entity: Entity, name: Name, what: str, ctx: _Context
) -> tuple[Entity, float, str]:
    label = normalize(entity.label)
    defined = ctx.text.find(f"({item.text})")
    if defined > 0 and label not in normalize(ctx.text[max(0, defined - 80) : defined]):
        return entity, 0.3, f"{what}, but the document defines {item.text!r} as something else"
    if label in normalize(ctx.text) or name.text.replace(".", "") in _KNOWN_ABBR:
        return entity, 0.9, what
    return entity, 0.5, f"{what}: a rare abbreviation without the full name in the document"


def _before(item: _Found) -> str:
    span = item.span
    if span is None or span.start == 0:
        return ""
    return span.doc[span.start - 1].lower_


def _contextual_org(
    item: _Found, entity: Entity, what: str, ctx: _Context
) -> tuple[Entity, float, str]:
    span = item.span
    before = span.doc[span.start - 1] if span is not None and span.start > 0 else None
    if before is not None and (before.ent_type_ in ("NORP", "GPE") or before.lower_ == "national"):
        return entity, 0.3, f"{what}: preceded by {before.text!r}, a national body"
    if ctx.un_context:
        return entity, 0.9, f"{what} in a document about the United Nations"
    return entity, 0.4, f"{what}, but the document does not mention the United Nations"


def _agency(entity: Entity, name: Name, what: str, ctx: _Context) -> tuple[Entity, float, str]:
    if name.form == "collective":
        return entity, 0.9, what
    if entity.country_qid and ctx.states[entity.country_qid] > 0:
        return entity, 0.92, f"{what}; its country is mentioned in the document"
    if name.form == "name" or " " in name.text:
        return entity, 0.75, what
    if name.form == "abbr" and name.text.replace(".", "") in _KNOWN_AGENCY_ABBR:
        return entity, 0.8, f"{what}: a well-known acronym"
    return entity, 0.5, f"{what}, but its country is not mentioned in the document"


def _capital(item: _Found, name: Name, gazetteer: Gazetteer) -> tuple[Entity, float, str] | None:
    state = gazetteer.entities.get(name.key)
    if state is None:
        return None
    if name.form == "seat":
        return state, 0.9, f"{name.text!r} is the seat of the government of {state.label}"
    if item.span is not None and not _acts(item.span):
        place = gazetteer.place(name.text, state.key)
        return place, 0.85, f"{name.text!r} is where something happens: a place in {state.label}"
    return state, 0.85, f"{name.text!r} acts here: the government of {state.label}"


def _acts(span: Span) -> bool:
    """Whether a capital is an actor (metonym) rather than a location in this sentence."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return False
    return not (root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in _PLACE_NOUNS)


def _role(item: _Found, gazetteer: Gazetteer, ctx: _Context, ent_id: str) -> None:
    role = ent_id.split("|")[-1]
    span = item.span
    assert span is not None
    state_qid = role_state(gazetteer, span)
    if state_qid is None:
        item.reason = f"{span[0].text!r} names no state with known office holders"
        return
    item.candidates = (state_qid,)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    named = after is not None and (
        after.ent_type_ == "PERSON" or (after.is_title and after.pos_ == "PROPN")
    )
    if named:
        # "Iranian President Hassan Rouhani": the name is the person; keep the state part.
        cut = next((t.i for t in span if t.lower_ in ("'s", "\u2019s")), span.start + 1)
        ref = span.doc[span.start : cut]
        state = gazetteer.entities.get(state_qid)
        item.end = ref.end_char
        item.text = ref.text
        item.label = "GPE"
        if state is not None:
            item.entity, item.score = state, 0.9
            item.reason = f"{ref.text!r} names {state.label} (title before a name)"
        return
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _NOT_CURRENT:
        item.reason = f"{before!r} {role}: not the holder at the document date"
        return
    holder = gazetteer.office_holder(state_qid, role, ctx.at) if ctx.at is not None else None
    if holder is None:
        # the office speaks for its state even when its holder then is unknown
        state = gazetteer.entities.get(state_qid)
        unknown = (
            "the document has no date" if ctx.at is None else f"no single known holder at {ctx.at}"
        )
        item.reason = f"{role} of {state_qid}: {unknown}"
        if state is not None:
            item.entity, item.score = state, 0.7
            item.reason += f"; stands for {state.label}"
        return
    item.entity, item.score = holder, 0.9
    item.candidates = (holder.key,)
    item.reason = f"{role} of {state_qid} at {ctx.at} (office holder)"


def _second_pass(item: _Found, gazetteer: Gazetteer, ctx: _Context) -> None:
    if item.extra.get("bare_intel"):
        _bare_intel(item, gazetteer, ctx)
        return
    names = _lookup(gazetteer, item.text)
    keys = list(dict.fromkeys(n.key for n in names))
    item.candidates = tuple(keys)
    span = item.span
    after = span.doc[span.end] if span is not None and span.end < len(span.doc) else None
    if after is not None and after.pos_ == "PROPN" and after.is_title:
        # "Ibrahim Kalin" cut by the parser into "Ibrahim" and "Kalin": a first name, not the
        # surname of a gazetteer person
        item.reason = f"{item.text!r} is followed by {after.text!r}: part of a longer name"
        return
    surname = normalize(item.text)
    named = [k for k in keys if k in ctx.persons]
    if len(named) == 1:
        entity = gazetteer.entities[named[0]]
        item.entity, item.score = entity, 0.95
        item.reason = f"surname of {entity.label}, named in the document"
        return
    others = [n for n in ctx.person_names if n.split()[-1] == surname and n != surname]
    if others:
        other = ctx.person_names[others[0]]
        item.score, item.reason = 0.3, f"surname of {other!r}, not in the gazetteer"
        return
    if ctx.at is None:
        if len(keys) == 1:
            entity = gazetteer.entities[keys[0]]
            item.entity, item.score = entity, 0.65
            item.reason = f"surname of {entity.label}, the only candidate (no document date)"
        else:
            item.reason = "surname of several people and no document date"
        return
    at = ctx.at
    valid = [k for k in keys if gazetteer.represents(k, at) is not None]
    if len(valid) == 1:
        entity = gazetteer.entities[valid[0]]
        item.entity, item.score = entity, 0.85
        item.reason = f"surname of {entity.label}, in office at {at}"
        return
    near = [k for k in keys if gazetteer.held_office_near(k, at, 4)]
    if len(keys) == 1 and len(near) == 1:
        entity = gazetteer.entities[keys[0]]
        item.entity, item.score = entity, 0.7
        item.reason = f"surname of {entity.label}, the only one, in office within 4 years of {at}"
        return
    item.score = 0.4
    item.reason = f"surname matches {len(keys)} people, none clearly in office at {at}"


def _bare_intel(item: _Found, gazetteer: Gazetteer, ctx: _Context) -> None:
    """ "special services" with no country: the document's leading state with known services."""
    ranked = [(q, n) for q, n in ctx.states.most_common() if q in gazetteer.intel_of]
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        item.reason = f"{item.text!r} with no single state in context"
        return
    state_qid = ranked[0][0]
    entity = gazetteer.entities[gazetteer.intel_of[state_qid]]
    item.entity, item.score, item.candidates = entity, 0.75, (entity.key,)
    item.reason = f"{item.text!r} in a document mostly about {state_qid}"


def _coordinated_intel(found: list[_Found], gazetteer: Gazetteer) -> None:
    """ "Turkish and Syrian intelligence": the first demonym also names intelligence services."""
    for first, second in pairwise(found):
        if (
            second.entity is not None
            and second.entity.key.startswith("intel-")
            and first.entity is not None
            and first.entity.kind is ActorKind.STATE
            and first.span is not None
            and second.span is not None
            and second.span.start == first.span.end + 1
            and first.span.doc[first.span.end].lower_ in ("and", "or")
        ):
            key = gazetteer.intel_of.get(first.entity.key)
            if key:
                first.entity = gazetteer.entities[key]
                first.reason = f"{first.text!r} coordinated with {second.text!r}"
                first.candidates = (key,)
