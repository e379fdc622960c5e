"""Linking on the seeds: the issue's done-when list, and the recorded figures as a floor."""

from __future__ import annotations

import importlib.util
import socket
import sys
from datetime import date
from pathlib import Path

import pytest

from accords.documents import iter_documents
from accords.linking import link_mentions, load_gazetteer
from accords.nlp.pipeline import load_pipeline
from accords.records import Document, Mention

ROOT = Path(__file__).resolve().parent.parent
#: The figures recorded in bench/RESULTS.md ("Entity linking (seeds)"), as a floor.
FLOOR_PRECISION = 0.99
FLOOR_RECALL = 0.99


def seed_mentions() -> list[Mention]:
    nlp, g = load_pipeline(), load_gazetteer()
    out: list[Mention] = []
    for doc in iter_documents([ROOT / "seeds"]):
        assert isinstance(doc, Document)
        out += link_mentions(nlp(doc.text), doc, g)
    return out


@pytest.fixture(scope="module")
def mentions() -> list[Mention]:
    return seed_mentions()


def key_of(name: str) -> str:
    names = load_gazetteer().lookup(name)
    keys = {n.key for n in names if n.form in ("name", "alias", "abbr")}
    assert len(keys) == 1, (name, names)
    return keys.pop()


def linked(mentions: list[Mention], text: str) -> set[str | None]:
    return {m.entity.key if m.entity else None for m in mentions if m.text == text}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russia", "Russia"),
        ("Iran", "Iran"),
        ("Turkey", "Türkiye"),
        ("Syria", "Syria"),
        ("Iraq", "Iraq"),
        ("the United States", "United States"),
        ("US", "United States"),
        ("United Kingdom", "United Kingdom"),
        ("NATO", "NATO"),
        ("United Nations Security Council", "United Nations Security Council"),
        ("Putin", "Vladimir Putin"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Hassan Rouhani", "Hassan Rouhani"),
        ("Assad", "Bashar al-Assad"),
        ("Haider al-Abadi", "Haider Al-Abadi"),
    ],
)
def test_done_when_entities(mentions: list[Mention], text: str, name: str) -> None:
    assert linked(mentions, text) == {key_of(name)}


def test_russian_intelligence(mentions: list[Mention]) -> None:
    g = load_gazetteer()
    russia = key_of("Russia")
    for text in ("Russian spies", "special services", "GRU", "Russian spy agencies"):
        keys = linked(mentions, text)
        assert keys and None not in keys, text
        for key in keys:
            entity = g.entity(str(key))
            assert entity is not None and entity.country_qid == russia
            assert entity.kind is not None and entity.kind.value == "IntelligenceService"
    assert linked(mentions, "GRU") == {"enwiki-GRU_(Russian_Federation)"}


def test_pierce_and_haley_are_never_wrong(mentions: list[Mention]) -> None:
    for text in ("Karen Pierce", "Nikki Haley"):
        for m in mentions:
            if m.text == text and m.entity is not None:
                assert m.entity.label == text


def _link(text: str, when: date | None) -> list[Mention]:
    doc = Document(id="t", key="t", text=text, raw_sha256="", published=when)
    return link_mentions(load_pipeline()(text), doc, load_gazetteer())


def test_iranian_president_by_document_date() -> None:
    text = "The Iranian President spoke to reporters."
    (in_2018,) = [m for m in _link(text, date(2018, 9, 7)) if "President" in m.text]
    (in_2022,) = [m for m in _link(text, date(2022, 6, 1)) if "President" in m.text]
    assert in_2018.entity is not None and in_2018.entity.label == "Hassan Rouhani"
    assert in_2022.entity is not None and in_2022.entity.label == "Ebrahim Raisi"
    # without a date the holder is unknown, but the office still speaks for its state
    (undated,) = [m for m in _link(text, None) if "President" in m.text]
    assert undated.entity is not None and undated.entity.key == "Q794"
    former = [
        m for m in _link("The former Iranian President spoke.", None) if "President" in m.text
    ]
    assert former and all(m.entity is None for m in former)


def test_capital_as_actor_or_place() -> None:
    ms = _link("Moscow denied the report. The meeting was held in Moscow.", date(2020, 1, 14))
    keys = [m.entity.key for m in ms if m.text == "Moscow" and m.entity]
    assert keys == [key_of("Russia"), "place-Moscow"]


def test_mit_needs_a_turkish_context() -> None:
    alone = [
        m
        for m in _link("Researchers at MIT published a study.", date(2020, 1, 1))
        if m.text == "MIT"
    ]
    assert all(m.entity is None for m in alone)
    turkish = _link("Turkey's MIT met Syrian officials.", date(2020, 1, 1))
    assert {m.entity.key for m in turkish if m.text == "MIT" and m.entity} == {
        "enwiki-National_Intelligence_Organization_(Turkey)"
    }


def test_linker_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    ms = _link("Putin met Erdogan in Ankara.", date(2018, 2, 8))
    assert {m.entity.label for m in ms if m.entity} >= {"Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_seed_figures_do_not_drop() -> None:
    spec = importlib.util.spec_from_file_location("link_eval", ROOT / "bench" / "link_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["link_eval"] = module
    spec.loader.exec_module(module)
    figures = module.summary(module.evaluate())["targets (states, orgs, agencies, leaders)"]
    assert figures["precision"] >= FLOOR_PRECISION
    assert figures["recall"] >= FLOOR_RECALL
    assert figures["nil_accuracy"] == 1.0
