"""Score entity linking on the seeds against tests/gold/links/*.json.

Usage: .venv/bin/python bench/link_eval.py [--json]

A predicted mention matches a gold mention when their character spans
overlap. Precision = correct links / predicted links (a link on a span with no
gold mention counts as wrong); recall = gold links found with the right key;
NIL accuracy = gold NIL mentions not given any key. Figures per gold kind.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "links"
SEEDS = ROOT / "seeds"
#: The kinds the issue's targets are about.
TARGET_KINDS = ("State", "InternationalOrganization", "IntelligenceService", "Person")


@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    nil: int = 0
    nil_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found
        self.nil += other.nil
        self.nil_ok += other.nil_ok
        self.errors += other.errors

    def figures(self) -> dict[str, Any]:
        return {
            "precision": round(self.correct / self.predicted, 3) if self.predicted else None,
            "recall": round(self.found / self.gold, 3) if self.gold else None,
            "nil_accuracy": round(self.nil_ok / self.nil, 3) if self.nil else None,
            "predicted_links": self.predicted,
            "gold_links": self.gold,
            "gold_nil": self.nil,
        }


def _overlaps(a: dict[str, Any], start: int, end: int) -> bool:
    return bool(a["start"] < end and start < a["end"])


def evaluate() -> dict[str, Tally]:
    from accords.documents import iter_documents
    from accords.linking import link_mentions, load_gazetteer
    from accords.nlp.pipeline import load_pipeline
    from accords.records import Document

    gazetteer = load_gazetteer()
    nlp = load_pipeline()
    tallies: dict[str, Tally] = defaultdict(Tally)
    for result in iter_documents([SEEDS]):
        if not isinstance(result, Document):
            raise SystemExit(f"cannot read a seed: {result}")
        name = Path(result.source_path or result.key).stem
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        mentions = link_mentions(nlp(result.text), result, gazetteer)
        for g in gold:
            if result.text[g["start"] : g["end"]] != g["text"]:
                raise SystemExit(
                    f"{name}: gold offsets {g['start']}-{g['end']} do not give {g['text']!r}"
                )
        for m in mentions:
            if m.entity is None:
                continue
            match = [g for g in gold if _overlaps(g, m.start, m.end)]
            kind = (
                match[0]["kind"] if match else (m.entity.kind.value if m.entity.kind else "Place")
            )
            tally = tallies[kind]
            tally.predicted += 1
            if match and any(g["key"] == m.entity.key for g in match):
                tally.correct += 1
            else:
                want = match[0]["key"] if match else "no gold mention"
                tally.errors.append(f"{name} {m.start} {m.text!r} -> {m.entity.key} (gold {want})")
        for g in gold:
            tally = tallies[g["kind"]]
            hits = [m for m in mentions if _overlaps(g, m.start, m.end) and m.entity is not None]
            if g["key"] is None:
                tally.nil += 1
                tally.nil_ok += not hits
            else:
                tally.gold += 1
                if any(m.entity is not None and m.entity.key == g["key"] for m in hits):
                    tally.found += 1
                else:
                    tally.errors.append(f"{name} {g['start']} {g['text']!r}: missed {g['key']}")
    return dict(tallies)


def summary(tallies: dict[str, Tally]) -> dict[str, dict[str, Any]]:
    target, overall = Tally(), Tally()
    for kind, tally in tallies.items():
        overall.add(tally)
        if kind in TARGET_KINDS:
            target.add(tally)
    out = {kind: tallies[kind].figures() for kind in sorted(tallies)}
    out["targets (states, orgs, agencies, leaders)"] = target.figures()
    out["all"] = overall.figures()
    return out


def main() -> None:
    tallies = evaluate()
    figures = summary(tallies)
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
        return
    print(f"{'kind':45} {'P':>6} {'R':>6} {'NIL':>6} {'links':>6} {'gold':>5} {'nil':>4}")
    for kind, f in figures.items():

        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.3f}"

        print(
            f"{kind:45} {fmt(f['precision']):>6} {fmt(f['recall']):>6} "
            f"{fmt(f['nil_accuracy']):>6} {f['predicted_links']:>6} {f['gold_links']:>5} "
            f"{f['gold_nil']:>4}"
        )
    for tally in tallies.values():
        for error in tally.errors:
            print("  ", error)


if __name__ == "__main__":
    main()
