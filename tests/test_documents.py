"""Reading and cleaning documents."""

from __future__ import annotations

import json
from pathlib import Path

from accords.documents import clean_text, document_id, iter_documents
from accords.errors import InputError
from accords.records import Document, Precision

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _docs(*paths: Path) -> list[Document]:
    return [d for d in iter_documents(paths) if isinstance(d, Document)]


def test_double_escaped_entities_and_tags_are_cleaned() -> None:
    raw = '<p style="x">Syria &amp;mdash; two rivals &ldquo;met&rdquo; in Moscow.</p>'
    assert clean_text(raw) == "Syria — two rivals “met” in Moscow."


def test_boilerplate_lines_are_dropped() -> None:
    raw = "Headline\n2 min read\nBody text here.\nReporter’s code: 50101\nNews Code 47296\nYour Comment\nYou are replying to: .\ncaptcha"
    assert clean_text(raw) == "Headline\nBody text here."


def test_repeated_lines_are_dropped_once_seen() -> None:
    raw = "Lead one.\nLead two.\nLead one.\nLead two.\nNew line."
    assert clean_text(raw) == "Lead one.\nLead two.\nNew line."


def test_unicode_is_nfc() -> None:
    assert clean_text("Erdog\u0306an") == "Erdo\u011fan"  # decomposed g + breve


def test_seed_001_reads_clean_with_its_metadata() -> None:
    [doc] = _docs(SEEDS / "001_56359b7bbeab6d04.txt")
    assert "&" not in doc.text and "<p" not in doc.text
    assert "Turkey and Syria — two bitter rivals" in doc.text
    assert "captcha" not in doc.text and "News Code" not in doc.text
    assert doc.published is not None and doc.published.isoformat() == "2020-01-14"
    assert doc.published_precision is Precision.DAY and doc.date_estimated
    assert doc.url == "https://en.kurdpress.com/news/47296"
    assert doc.key == doc.url
    assert doc.id == document_id(doc.text)
    raw = (SEEDS / "001_56359b7bbeab6d04.txt").read_bytes()
    import hashlib

    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()


def test_seed_004_repeated_lead_appears_once() -> None:
    [doc] = _docs(SEEDS / "004_e2b3fa343296aad9.txt")
    assert doc.text.count("Iran is now Russia’s biggest military backer.") == 1


def test_all_five_seeds_read() -> None:
    docs = _docs(SEEDS)
    assert len(docs) == 5
    assert all(d.published is not None and not d.date_inferred for d in docs)


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text("Russia and Iran signed a deal.", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "c_empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "d_latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    results = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    errors = [r for r in results if isinstance(r, InputError)]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.key for d in docs] == ["a_good.txt"]
    problems = {Path(e.source).name: e.problem for e in errors}
    assert "binary" in problems["b_binary.txt"]
    assert "empty" in problems["c_empty.txt"]
    assert "UTF-8" in problems["d_latin1.txt"]
    assert "no such file" in problems["missing.txt"]


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "n1",
                "text": "Turkey and Russia met.",
                "published": "2018-02",
                "url": "https://x/1",
            }
        ),
        "{not json",
        json.dumps({"id": "n2"}),
        json.dumps({"id": "n3", "text": "Iran backs Syria.", "published": "20180231"}),
        json.dumps({"id": "n4", "text": "Iraq shares intelligence."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_documents([path]))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.key for d in docs] == ["n1", "n4"]
    assert docs[0].published_precision is Precision.MONTH and docs[0].url == "https://x/1"
    assert docs[1].published is None
    assert [e.source.rsplit(" ", 1)[-1] for e in errors] == ["2", "3", "4"]


def test_undated_document_infers_its_date_from_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Headline\n08 February, 2018\nRussia and Turkey agreed on Thursday.", encoding="utf-8"
    )
    [doc] = _docs(path)
    assert doc.published is not None and doc.published.isoformat() == "2018-02-08"
    assert doc.date_inferred and doc.date_basis and "08 February, 2018" in doc.date_basis


def test_sidecar_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Russia and Iran agreed.", encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text(
        json.dumps({"url": "https://example.org/s", "published": "2019", "title": "T"}),
        encoding="utf-8",
    )
    [doc] = _docs(path)
    assert (doc.url, doc.title, doc.published_precision) == (
        "https://example.org/s",
        "T",
        Precision.YEAR,
    )
