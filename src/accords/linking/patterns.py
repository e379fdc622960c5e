"""spaCy EntityRuler patterns from the gazetteer, so the pipeline finds its names."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler

from accords.linking.gazetteer import ROLE_WORDS, Gazetteer

RULER_NAME = "accords_gazetteer"
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


def _role_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    states_with_offices = {o.state_qid for o in gazetteer.offices}
    refs: list[tuple[str, list[dict[str, Any]]]] = []
    for demonym, qid in gazetteer.demonym_of.items():
        if qid in states_with_offices:
            refs.append((qid, [{"ORTH": demonym}]))
    for qid in states_with_offices:
        state = gazetteer.entities[qid]
        names = {state.label} | {n.text for n in gazetteer.names.get(state.label.casefold(), [])}
        names |= {
            n.text
            for ns in gazetteer.names.values()
            for n in ns
            if n.key == qid and n.form == "alias" and " " not in n.text and n.text.isalpha()
        }
        for name in names:
            refs.append((qid, [{"ORTH": name}, {"ORTH": {"IN": ["'s", "\u2019s"]}}]))
    patterns = []
    for words, role in ROLE_WORDS.items():
        role_tokens = [{"LOWER": w} for w in words.split()]
        for qid, ref in refs:
            patterns.append(
                {"label": "PERSON", "pattern": ref + role_tokens, "id": f"role|{qid}|{role}"}
            )
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
