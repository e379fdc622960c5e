"""Document -> Extraction: spaCy, entity linking, time expressions, extractors.

An :class:`Analyzer` loads the spaCy pipeline and the gazetteer once and then
turns documents into :class:`~accords.records.Extraction` records, one at a
time or streamed in batches through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accords.config import Settings
from accords.linking.gazetteer import Gazetteer, load_gazetteer
from accords.linking.linker import link_mentions
from accords.nlp.extract import extract
from accords.nlp.pipeline import load_pipeline
from accords.nlp.segment import add_line_breaks
from accords.nlp.timex import tag
from accords.records import Document, Extraction


class Analyzer:
    """Holds the loaded models; ``analyse`` is deterministic for a given model."""

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.model = model or Settings.from_env().spacy_model
        self.nlp = load_pipeline(self.model)
        add_line_breaks(self.nlp)
        self.gazetteer = gazetteer or load_gazetteer()

    def _records(self, document: Document, doc: object) -> Extraction:
        from spacy.tokens import Doc

        assert isinstance(doc, Doc)
        mentions = link_mentions(doc, document, self.gazetteer)
        timexes = tag(document.text, document.published, document.published_precision)
        return extract(doc, document, mentions, timexes, self.gazetteer, model=self.model)

    def analyse(self, document: Document) -> Extraction:
        return self._records(document, self.nlp(document.text))

    def analyse_many(
        self, documents: Iterable[Document], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Stream extractions in input order; documents are never all held at once."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield self._records(document, doc)
