"""spaCy EntityRuler patterns from the gazetteer, so the pipeline finds its names."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from accords.linking.gazetteer import ROLE_WORDS, Gazetteer

RULER_NAME = "accords_gazetteer"
_POSSESSIVE = ("'s", "\u2019s")
#: Single-token surnames that are also common words or given names: left to spaCy's NER.
_SURNAME_STOP = {
    "May",
    "Brown",
    "Bush",
    "Rice",
    "Wall",
    "Burns",
    "Park",
    "Duke",
    "Jones",
    "Kelly",
    "Hayes",
    "Walker",
    "Carter",
    "Moore",
    "Hussein",
    "Sharon",
    "Salim",
    "Hamid",
    "Johnson",
    "Lewis",
    "Wolf",
    "Stern",
    "Khamis",
    "Hijab",
    "Bennett",
    "Cohen",
    "Levin",
    "Katz",
    "Gul",
    "Gül",
    "Mero",
    "Safar",
    "Jackson",
    "Lebedev",
    "Ivanov",
}
#: Longer names that contain a gazetteer name but are something else (kept as NIL).
BLOCKERS = (
    "National Security Council",
    "Security Council of Russia",
    "Russian Security Council",
    "Supreme National Security Council",
    "Free Syrian Army",
    "Syrian Democratic Forces",
    "Islamic State",
)
_LABELS = {
    "demonym": "NORP",
    "capital": "GPE",
    "seat": "GPE",
    "collective": "ORG",
    "surname": "PERSON",
    "contextual": "ORG",
}


def _label(gazetteer: Gazetteer, key: str, form: str) -> str:
    if form in _LABELS:
        return _LABELS[form]
    entity = gazetteer.entities.get(key)
    if entity is None or entity.kind is None:
        return "GPE"
    return {"State": "GPE", "Person": "PERSON"}.get(entity.kind.value, "ORG")


def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Phrase patterns for names, aliases, acronyms and intelligence phrases; token patterns
    for role phrases ("the Iranian President", "Turkey's intelligence chief")."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for entries in gazetteer.names.values():
        for name in entries:
            if name.form == "demonym":
                continue  # bare demonyms are left to the NER (NORP) to keep longer names whole
            if name.form == "surname" and name.text in _SURNAME_STOP:
                continue
            label = _label(gazetteer, name.key, name.form)
            variants = {name.text, name.text[:1].upper() + name.text[1:]}
            variants |= {v.replace("'", "\u2019") for v in variants}
            for text in sorted(variants):
                if (label, text) not in seen:
                    seen.add((label, text))
                    patterns.append({"label": label, "pattern": text})
    for text in BLOCKERS:
        patterns.append({"label": "ORG", "pattern": text, "id": "blocker"})
    patterns.extend(_role_patterns(gazetteer))
    return patterns


@lru_cache(maxsize=4)
def role_references(gazetteer: Gazetteer) -> tuple[dict[str, str], dict[str, str]]:
    """Words that name a state before a role word, with the state's QID: demonyms
    ("Iranian President") and names before a possessive ("Turkey's intelligence chief").

    Only states with known office holders; a word of two states goes to the first by QID.
    """
    states = sorted({o.state_qid for o in gazetteer.offices})
    demonyms: dict[str, str] = {}
    for demonym, qid in sorted(gazetteer.demonym_of.items()):
        if qid in states:
            demonyms.setdefault(demonym, qid)
    possessives: dict[str, str] = {}
    for qid in states:
        state = gazetteer.entities[qid]
        names = {state.label} | {n.text for n in gazetteer.names.get(state.label.casefold(), [])}
        names |= {
            n.text
            for ns in gazetteer.names.values()
            for n in ns
            if n.key == qid and n.form == "alias" and " " not in n.text and n.text.isalpha()
        }
        for name in sorted(names):
            possessives.setdefault(name, qid)
    return demonyms, possessives


def role_state(gazetteer: Gazetteer, span: Span) -> str | None:
    """The QID of the state a matched role phrase starts with (see :func:`role_references`)."""
    demonyms, possessives = role_references(gazetteer)
    first = span[0].text
    if len(span) > 1 and span[1].text in _POSSESSIVE:
        return possessives.get(first)
    return demonyms.get(first)


def _role_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """One token pattern per role and reference kind (the state is read from the match)."""
    demonyms, possessives = role_references(gazetteer)
    refs: list[list[dict[str, Any]]] = []
    if demonyms:
        refs.append([{"ORTH": {"IN": sorted(demonyms)}}])
    if possessives:
        refs.append([{"ORTH": {"IN": sorted(possessives)}}, {"ORTH": {"IN": list(_POSSESSIVE)}}])
    patterns = []
    for words, role in ROLE_WORDS.items():
        role_tokens = [{"LOWER": w} for w in words.split()]
        for ref in refs:
            patterns.append({"label": "PERSON", "pattern": ref + role_tokens, "id": f"role|{role}"})
    return patterns


def add_gazetteer_patterns(nlp: Language, gazetteer: Gazetteer) -> None:
    """Add an EntityRuler before ``ner`` (NER keeps its own entities around the matches)."""
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before, config={"overwrite_ents": False}
    )
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(gazetteer_patterns(gazetteer))
