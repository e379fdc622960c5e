"""The installed ``accords`` command: ingest with a summary, then query the store."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ACCORDS = [sys.executable, "-m", "accords.cli"]


def _run(*args: str, env_store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ACCORDS, *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": "/usr/bin:/bin",
            "ACCORDS_STORE": str(env_store),
            "HOME": str(env_store.parent),
        },
    )


def test_ingest_reports_and_query_answers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "garbage.txt").write_bytes(b"\x00\x01binary")
    store = tmp_path / "store"

    ingest = _run("ingest", str(folder), env_store=store)
    assert ingest.returncode == 0, ingest.stderr
    summary = ingest.stderr
    assert "documents read: 6" in summary and "stored: 5" in summary and "skipped: 1" in summary
    assert "garbage.txt" in summary and "binary" in summary

    query = _run(
        "query",
        "meetings_in_period",
        "--param",
        "from=2020-01-01",
        "--param",
        "to=2020-12-31",
        "--format",
        "json",
        env_store=store,
    )
    assert query.returncode == 0, query.stderr
    results = json.loads(query.stdout)
    rows = results["results"]["bindings"]
    assert rows, "the 2020 meeting is missing"
    assert {r["date"]["value"] for r in rows} == {"2020-01-13"}
    assert all(r["sentenceText"]["value"] for r in rows)

    # CSV: one field per variable in every row, also for sentence IRIs ("#char=12,80")
    as_csv = _run(
        *("query", "meetings_in_period", "--param", "from=2020-01-01"),
        *("--param", "to=2020-12-31", "--format", "csv"),
        env_store=store,
    )
    table = list(csv.reader(io.StringIO(as_csv.stdout, newline="")))
    assert table[0] == results["head"]["vars"] and len(table) == len(rows) + 1
    sentence = table[0].index("sentence")
    assert {r[sentence] for r in table[1:]} == {r["sentence"]["value"] for r in rows}

    again = _run("ingest", str(SEEDS), env_store=store)
    assert "unchanged: 5" in again.stderr


def test_unknown_named_query_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("query", "no_such_query", env_store=tmp_path / "store")
    assert result.returncode != 0
    assert "no_such_query" in (result.stderr + result.stdout)
