"""End-to-end ingest throughput as a ratio to raw spaCy ``nlp.pipe`` (same texts, same run).

    .venv/bin/python bench/ingest.py [--copies 20] [--rounds 3]

The corpus is the five seeds, copied ``--copies`` times with a distinct line
appended to each copy so every copy is a new document. Each round measures
raw spaCy (the default model, all its components, ``nlp.pipe``) and then the
whole ingest (reading, cleaning, spaCy, linking, time, extraction, RDF, SHACL,
store on disk) into a fresh store; rounds are interleaved to cancel drift.
Peak memory is the resident set size of a child process per corpus size. Both wall-clock
and process CPU time are compared: on a machine shared with other jobs the CPU-time ratio
moves less.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> tuple[Path, int]:
    """Write ``copies`` x the seeds as JSON Lines; returns the file and its word count."""
    from accords.documents import iter_documents
    from accords.records import Document

    seeds = [d for d in iter_documents([ROOT / "seeds"]) if isinstance(d, Document)]
    path = folder / f"corpus-{copies}.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for doc in seeds:
                text = f"{doc.text}\n(Copy {copy} of this report.)"
                words += len(text.split())
                record = {
                    "id": f"{doc.key}#{copy}",
                    "text": text,
                    "published": doc.published.isoformat() if doc.published else None,
                }
                out.write(json.dumps(record) + "\n")
    return path, words


def raw_spacy(path: Path, model: str) -> tuple[float, float]:
    import spacy

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = spacy.load(model)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def full_ingest(path: Path, analyzer: object) -> tuple[float, float]:
    from accords.analyse import Analyzer
    from accords.ingest import ingest_paths
    from accords.store import open_store

    assert isinstance(analyzer, Analyzer)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        start, cpu = time.perf_counter(), time.process_time()
        summary = ingest_paths([path], store, analyzer)
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
        store.close()
    stored = summary.count("stored")
    if stored != len(summary.results):
        raise SystemExit(f"ingest stored {stored} of {len(summary.results)} documents")
    return elapsed, used


_PEAK = """
import resource, sys
from pathlib import Path
from accords.analyse import Analyzer
from accords.ingest import ingest_paths
from accords.store import open_store
store = open_store(sys.argv[2])
ingest_paths([Path(sys.argv[1])], store, Analyzer())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(path: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", _PEAK, str(path), str(Path(tmp) / "store")],
            check=True,
            capture_output=True,
            text=True,
        )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from accords.analyse import Analyzer
    from accords.config import Settings

    model = Settings.from_env().spacy_model
    analyzer = Analyzer(model)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, words = make_corpus(Path(tmp), args.copies)
        raw_runs, ingest_runs = [], []
        for _ in range(args.rounds):
            raw_runs.append(raw_spacy(corpus, model))
            ingest_runs.append(full_ingest(corpus, analyzer))
        raw, full = (statistics.median(r[0] for r in runs) for runs in (raw_runs, ingest_runs))
        raw_cpu, full_cpu = (statistics.median(r[1] for r in runs) for runs in (raw_runs, ingest_runs))
        print(f"corpus: {args.copies * 5} documents, {words} words; model {model}")
        print(f"raw spaCy nlp.pipe : {words / raw:8.0f} words/s (median of {args.rounds})")
        print(f"accords ingest     : {words / full:8.0f} words/s (median of {args.rounds})")
        print(f"ratio ingest / raw : {raw / full:8.2f}x (wall clock)")
        print(f"ratio by CPU time  : {raw_cpu / full_cpu:8.2f}x (process CPU seconds: "
              f"{raw_cpu:.1f} raw, {full_cpu:.1f} ingest; steadier on a shared machine)")
        small, _ = make_corpus(Path(tmp), max(1, args.copies // 10))
        print(f"peak RSS at {max(1, args.copies // 10) * 5} docs: {peak_rss_mb(small):.0f} MB")
        print(f"peak RSS at {args.copies * 5} docs: {peak_rss_mb(corpus):.0f} MB")


if __name__ == "__main__":
    main()
