"""Regression guard: the extractor's F1 on the seeds never drops below eval/baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accords.evaluation import KINDS, Report, evaluate
from accords.gold import load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
BASELINE = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Report:
    result, skipped = evaluate([ROOT / "seeds"], load_gold_dir(ROOT / "eval" / "gold" / "seeds"))
    assert skipped == []
    return result


def test_every_seed_is_scored(report: Report) -> None:
    assert report.documents == 5
    assert set(BASELINE["f1"]) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_f1_holds_the_recorded_level(report: Report, kind: str) -> None:
    counts = report.kinds[kind].levels["core"]
    recorded = BASELINE["f1"][kind]
    assert counts.f1 >= recorded, (
        f"{kind} F1 {counts.f1:.3f} (P {counts.precision:.3f}, R {counts.recall:.3f}) fell "
        f"below the recorded {recorded}; run `accords eval --errors` to see what changed"
    )


PROBES = {"probe": 60, "probe-news": 50}  # eval/<name>: independently written (see READMEs)


@pytest.fixture(scope="module")
def probe_reports() -> dict[str, Report]:
    reports = {}
    for name in PROBES:
        folder = ROOT / "eval" / name
        result, skipped = evaluate([folder / "docs"], load_gold_dir(folder / "gold"))
        assert skipped == []
        reports[name] = result
    return reports


@pytest.mark.parametrize("name", sorted(PROBES))
@pytest.mark.parametrize("kind", KINDS)
def test_probe_f1_holds_the_recorded_level(
    probe_reports: dict[str, Report], name: str, kind: str
) -> None:
    report = probe_reports[name]
    assert report.documents == PROBES[name]
    counts = report.kinds[kind].levels["core"]
    recorded = BASELINE[name]["f1"][kind]
    assert counts.f1 >= recorded, (
        f"{name} {kind} F1 {counts.f1:.3f} (P {counts.precision:.3f}, R {counts.recall:.3f}) "
        f"fell below the recorded {recorded}; run `{BASELINE[name]['command']} --errors`"
    )
