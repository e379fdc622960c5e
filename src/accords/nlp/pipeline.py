"""The spaCy pipeline accords runs: the configured model plus the gazetteer's EntityRuler."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from accords.config import Settings
from accords.linking.gazetteer import load_gazetteer
from accords.linking.patterns import add_gazetteer_patterns
from accords.nlp.segment import add_line_breaks

#: Components not needed for sentences, entities, parse, tense and lemmas (none so far:
#: the extractors look trigger words up by lemma, and the rule lemmatizer is cheap).
EXCLUDED: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def _load(model: str) -> Language:
    nlp = spacy.load(model, exclude=list(EXCLUDED))
    add_gazetteer_patterns(nlp, load_gazetteer())
    add_line_breaks(nlp)
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """The model (default: ``Settings.from_env().spacy_model``) with gazetteer patterns; cached."""
    return _load(model or Settings.from_env().spacy_model)
