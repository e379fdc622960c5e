"""Score the extractor on Dstl re3d relations (read in place; nothing is copied).

    python bench/re3d_eval.py RE3D_DIR [--json] [-v]

RE3D_DIR holds source folders (``UK Government/``, ``Wikipedia/``, …) each with
``documents.json``, ``relations.json`` (mongoexport JSON Lines). Each document
text is analysed as is (no cleaning, so re3d offsets stay valid), without a
publication date.

Categories (re3d relation -> what we predict):

* ``AlliesOf``        -> a relationship of a cooperative type
* ``CommWith``        -> a meeting (any type or status)
* ``FightingAgainst`` -> a relationship of type Hostility or Rivalry (extra)

Entity matching: re3d entities are mostly organisations, groups and people that
are not in our gazetteer, so they are matched by character overlap. A
predicted record *covers* a gold relation when the gold source mention and the
gold target mention each overlap a mention of a different actor of the record
inside the record's evidence sentence (the linker's mentions of that actor, or,
for an actor without a mention, an occurrence of its label in the sentence).
Precision = predicted records that cover at least one gold relation of the
category / predicted records of the category; recall = gold relations covered
by at least one predicted record / gold relations. re3d does not annotate every
state-level relation our model extracts, so precision here is a lower bound.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accords.analyse import Analyzer
from accords.records import Document, Entity, Extraction, Meeting, Relationship, RelationType

Record = Relationship | Meeting
CATEGORIES: dict[str, str] = {
    "AlliesOf": "cooperative relationship",
    "CommWith": "meeting",
    "FightingAgainst": "hostility/rivalry relationship",
}


@dataclass(frozen=True)
class GoldRelation:
    document: str
    type: str
    source: tuple[int, int]
    target: tuple[int, int]
    text: str


def _read_lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig").strip()
    if text.startswith("["):
        return list(json.loads(text))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def load_re3d(root: Path) -> tuple[list[Document], list[GoldRelation]]:
    """Documents and the relations of the scored categories from every source folder."""
    folders = sorted(p for p in root.iterdir() if (p / "documents.json").is_file())
    if not folders:
        sys.exit(f"error: {root} has no folder with documents.json (expected the re3d root)")
    documents: list[Document] = []
    relations: list[GoldRelation] = []
    for folder in folders:
        for d in _read_lines(folder / "documents.json"):
            text = d["text"]
            documents.append(Document(
                id=hashlib.sha256(text.encode()).hexdigest()[:16],
                key=f"re3d:{folder.name}/{d['_id']}",
                text=text,
                raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
                title=d.get("title"),
            ))
        for r in _read_lines(folder / "relations.json"):
            if r["type"] in CATEGORIES:
                relations.append(GoldRelation(
                    document=f"re3d:{folder.name}/{r['documentId']}",
                    type=r["type"],
                    source=(r["sourceBegin"], r["sourceEnd"]),
                    target=(r["targetBegin"], r["targetEnd"]),
                    text=f"{r['source']} | {r['value']} | {r['target']}",
                ))
    return documents, relations


def category(record: Record) -> str | None:
    if isinstance(record, Meeting):
        return "CommWith"
    if record.type.cooperative:
        return "AlliesOf"
    if record.type in (RelationType.HOSTILITY, RelationType.RIVALRY):
        return "FightingAgainst"
    return None


def _actors(record: Record) -> list[Entity]:
    if isinstance(record, Meeting):
        return list(record.participants)
    ends = [e for e in (record.source, record.target) if e is not None]
    return list({e.key: e for e in (*record.members, *ends)}.values())


def actor_spans(record: Record, extraction: Extraction) -> dict[str, list[tuple[int, int]]]:
    """Character spans, in the evidence sentence, where each actor of the record is mentioned."""
    sentence = record.evidence.sentence
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in _actors(record):
        found = [
            (m.start, m.end) for m in extraction.mentions
            if m.entity is not None and m.entity.key == entity.key
            and sentence.start <= m.start < sentence.end
        ]
        if not found:
            found = [
                (sentence.start + m.start(), sentence.start + m.end())
                for m in re.finditer(re.escape(entity.label), sentence.text, re.IGNORECASE)
            ]
        spans[entity.key] = found
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covers(spans: dict[str, list[tuple[int, int]]], gold: GoldRelation) -> bool:
    """Source and target each overlap a mention of two different actors."""
    src = {k for k, ss in spans.items() if any(_overlaps(s, gold.source) for s in ss)}
    tgt = {k for k, ss in spans.items() if any(_overlaps(s, gold.target) for s in ss)}
    return any(a != b for a in src for b in tgt)


def evaluate(root: Path, verbose: bool) -> dict[str, dict[str, float | int]]:
    documents, relations = load_re3d(root)
    by_doc: dict[str, list[GoldRelation]] = {}
    for rel in relations:
        by_doc.setdefault(rel.document, []).append(rel)
    covered: set[GoldRelation] = set()
    tp = dict.fromkeys(CATEGORIES, 0)
    n_pred = dict.fromkeys(CATEGORIES, 0)
    for extraction in Analyzer().analyse_many(documents):
        golds = by_doc.get(extraction.document.key, [])
        records: list[Record] = [*extraction.relationships, *extraction.meetings]
        for record in records:
            cat = category(record)
            if cat is None:
                continue
            n_pred[cat] += 1
            spans = actor_spans(record, extraction)
            hits = [g for g in golds if g.type == cat and covers(spans, g)]
            covered.update(hits)
            tp[cat] += bool(hits)
            if verbose and not hits:
                print(f"FP {cat}: {record.type.value} {[e.label for e in _actors(record)]}"
                      f"  | {record.evidence.sentence.text[:150]}", file=sys.stderr)
    if verbose:
        for g in relations:
            if g not in covered:
                print(f"FN {g.type}: {g.text}", file=sys.stderr)
    out: dict[str, dict[str, float | int]] = {}
    for cat in CATEGORIES:
        n_gold = sum(1 for g in relations if g.type == cat)
        found = sum(1 for g in covered if g.type == cat)
        prec = tp[cat] / n_pred[cat] if n_pred[cat] else 0.0
        rec = found / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[cat] = {"predicted": n_pred[cat], "gold": n_gold, "precision": round(prec, 4),
                    "recall": round(rec, 4), "f1": round(f1, 4)}
    out["documents"] = {"count": len(documents)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("re3d", type=Path, help="the re3d folder (source folders inside)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    if not args.re3d.is_dir():
        sys.exit(f"error: {args.re3d} is not a folder")
    scores = evaluate(args.re3d, args.verbose)
    if args.json:
        print(json.dumps(scores, indent=2))
        return
    print(f"documents: {scores.pop('documents')['count']}")
    print(f"{'category':<16} {'as':<32} {'P':>6} {'R':>6} {'F1':>6}  pred/gold")
    for cat, s in scores.items():
        print(f"{cat:<16} {CATEGORIES[cat]:<32} {s['precision']:6.3f} {s['recall']:6.3f} "
              f"{s['f1']:6.3f}  {s['predicted']}/{s['gold']}")


if __name__ == "__main__":
    main()
