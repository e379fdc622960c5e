"""The per-Doc caches give what spaCy itself gives (text, tokens, entity spans)."""

from __future__ import annotations

from pathlib import Path

from accords.analyse import Analyzer
from accords.documents import iter_documents
from accords.nlp.doctext import doc_text, entity_span, release, tokens_of
from accords.records import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_caches_agree_with_spacy_on_every_seed_token(analyzer: Analyzer) -> None:
    documents = [d for d in iter_documents([SEEDS]) if isinstance(d, Document)]
    checked = 0
    for document in documents:
        doc = analyzer.nlp(document.text)
        assert doc_text(doc) == doc.text
        for sent in doc.sents:
            assert [t.i for t in tokens_of(sent)] == [t.i for t in sent]
            for token in sent:
                expected = next((e for e in sent.ents if e.start <= token.i < e.end), None)
                found = entity_span(token)
                if expected is None:
                    assert found is None
                else:
                    assert found is not None
                    assert (found.start, found.end, found.label_) == (
                        expected.start,
                        expected.end,
                        expected.label_,
                    )
                    checked += 1
        release(doc)
        assert "accords.tokens" not in doc.user_data
    assert checked > 300  # the seeds hold hundreds of entity tokens
