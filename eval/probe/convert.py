"""Rebuild docs/ and gold/ of the probe set from sentences.jsonl.

.venv/bin/python eval/probe/convert.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from accords.documents import iter_documents
from accords.records import Document

ROOT = Path(__file__).resolve().parent


def _sentence(item: dict[str, Any], g: dict[str, Any], text: str) -> dict[str, Any]:
    quoted = g.get("sentence") or text.rstrip()
    start = text.find(quoted)
    if start < 0:
        sys.exit(f"{item['id']}: sentence not in the text: {quoted!r}")
    return {"start": start, "end": start + len(quoted), "text": quoted}


def _records(item: dict[str, Any], text: str) -> dict[str, list[dict[str, Any]]]:
    """The item's gold records in the accords-gold/1 shape."""
    out: dict[str, list[dict[str, Any]]] = {"relationships": [], "meetings": [], "claims": []}
    for g in item["gold"]:
        sentence = _sentence(item, g, text)
        if g["kind"] == "relationship":
            out["relationships"].append(
                {
                    **{k: g.get(k) for k in ("type", "members", "source", "target", "modality")},
                    **{"valid_from": None, "valid_until": None, "observed": None},
                    "sentence": sentence,
                }
            )
        elif g["kind"] == "meeting":
            place = {"name": g["place"], "qid": None} if g.get("place") else None
            out["meetings"].append(
                {
                    **{k: g.get(k) for k in ("type", "participants", "date", "status")},
                    **{"persons": [], "place": place, "sentence": sentence},
                }
            )
        elif g["kind"] == "claim":
            start = text.find(g["content"])
            if start < 0:
                sys.exit(f"{item['id']}: claim content not in the text: {g['content']!r}")
            speaker = g.get("speaker")
            out["claims"].append(
                {
                    "type": g["type"],
                    "claimant": {
                        "actor": speaker or "nil:unknown",
                        "label": speaker or "unknown",
                        "state": speaker,
                    },
                    "content": {
                        "start": start,
                        "end": start + len(g["content"]),
                        "text": g["content"],
                    },
                    **{"date": None, "about": [], "disputes": None, "sentence": sentence},
                }
            )
    return out


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    docs, gold = root / "docs", root / "gold"
    for folder in (docs, gold):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    lines = (root / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    meta: dict[str, Any] = {
        "description": "Publication dates of the probe sentences (see eval/probe/README.md).",
        "documents": [],
    }
    for item in items:
        (docs / f"{item['id']}.txt").write_text(item["text"] + "\n", encoding="utf-8")
        meta["documents"].append(
            {
                "file": f"{item['id']}.txt",
                "published": item["published"],
                "precision": "day",
                "estimated": False,
                "basis": "the date given with the sentence",
            }
        )
    (docs / "metadata.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    read = {
        Path(d.source_path or "").name: d for d in iter_documents([docs]) if isinstance(d, Document)
    }
    for item in items:
        doc = read[f"{item['id']}.txt"]
        record = {
            "format": "accords-gold/1",
            "document": {
                "file": f"{item['id']}.txt",
                "id": doc.id,
                "published": item["published"],
                "text_length": len(doc.text),
            },
            **_records(item, doc.text),
        }
        text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
        (gold / f"{item['id']}.json").write_text(text, encoding="utf-8")
    print(f"{len(items)} documents")


if __name__ == "__main__":
    main()
