"""Scale benchmark: ingest throughput by engine, store write cost, 1x vs 10x corpus.

Usage (from the repository root):

    .venv/bin/python bench/scale.py engines --variants 4      # words/s vs raw nlp.pipe
    .venv/bin/python bench/scale.py stores --variants 4       # embedded vs oxigraph serve
    .venv/bin/python bench/scale.py growth --variants 10      # 1x and 10x: time, peak memory

The corpus is the seeds varied (years shifted, a numbered closing line) so that
every variant has its own document id; it is written as JSON Lines to a
temporary folder. Every measured run starts in a fresh process, so the peak
memory (ru_maxrss) of the writer and of its workers is that run's own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "tests"))


def make_corpus(folder: Path, variants: int) -> Path:
    """``variants`` copies of every seed, each with shifted years and its own key."""
    meta = {m["file"]: m for m in json.loads((SEEDS / "metadata.json").read_text())["documents"]}
    out = folder / f"corpus-{variants}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for i in range(variants):
            for path in sorted(SEEDS.glob("*.txt")):
                shift = i % 10
                text = re.sub(
                    r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m, s=shift: str(int(m.group()) + s),
                    path.read_text(encoding="utf-8"),
                )
                text += f"\n\n(Report {i} of the benchmark corpus.)\n"
                entry = meta[path.name]
                year = int(entry["published"][:4]) + shift
                record = {
                    "text": text,
                    "url": f"{entry.get('url', 'https://example.org/' + path.name)}#variant-{i}",
                    "published": f"{year}{entry['published'][4:]}",
                    "precision": entry.get("precision", "day"),
                }
                handle.write(json.dumps(record) + "\n")
    return out


def words(corpus: Path) -> int:
    with corpus.open(encoding="utf-8") as handle:
        return sum(len(json.loads(line)["text"].split()) for line in handle)


def _peaks() -> dict[str, float]:
    """Peak memory of this process and of its largest child; CPU time of both (pool workers
    are joined, so theirs counts; Ray's actors are not children and do not)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    return {
        "peak_writer_mb": round(me.ru_maxrss / 1024, 1),
        "peak_worker_mb": round(children.ru_maxrss / 1024, 1),
        "cpu_s": round(cpu, 1),
    }


# --- one measured run, in its own process ------------------------------------------------


def run_one(kind: str, corpus: str, store: str, workers: int) -> dict[str, Any]:
    from accords.documents import iter_documents
    from accords.store import open_store

    if kind == "spacy":  # raw nlp.pipe over the same texts: the reference speed
        from accords.analyse import Analyzer

        nlp = Analyzer().nlp
        texts = [d.text for d in iter_documents([corpus]) if not isinstance(d, Exception)]
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return {"seconds": time.perf_counter() - start, **_peaks()}
    target = open_store(store)
    times: list[float] = []

    def on_result(_: object) -> None:
        times.append(time.perf_counter())

    start = time.perf_counter()
    if kind == "sequential":
        from accords.analyse import Analyzer
        from accords.ingest import ingest_paths

        analyzer = Analyzer()
        start = time.perf_counter()  # model loading is not throughput
        summary = ingest_paths([corpus], target, analyzer, on_result=on_result)
    elif kind == "pool":
        from accords.parallel.pool import ingest_paths_pool

        summary = ingest_paths_pool([corpus], target, workers=workers, on_result=on_result)
    elif kind == "ray":
        from accords.parallel.ray_engine import ingest_ray

        summary = ingest_ray([corpus], target, actors=workers, on_result=on_result)
    else:
        raise SystemExit(f"unknown run kind {kind}")
    end = time.perf_counter()
    seconds = end - start
    stats = target.stats()
    target.close()
    folder = Path(store)
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0
    # ingest reports a batch of documents at a time: "after the first" starts when the
    # first batch (results within 50 ms of the first one) is out, and counts what follows
    first_batch = sum(1 for t in times if t - times[0] < 0.05)
    return {
        "store_mb": round(size / 2**20, 1),
        "seconds": seconds, "to_first": times[0] - start,
        "after_first": end - times[first_batch - 1], "first_batch": first_batch,
        "documents": len(summary.results),
        "stored": summary.count("stored"), "problems": len(summary.problems),
        "quads": stats.quads, **_peaks(),
    }


def measure(kind: str, corpus: Path, store: str, workers: int = 1) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "one", kind, str(corpus), store, str(workers)],
        capture_output=True, text=True, check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# --- the three benchmarks ----------------------------------------------------------------------


def engines(variants: int, tmp: Path) -> None:
    corpus = make_corpus(tmp, variants)
    n = words(corpus)
    base = measure("spacy", corpus, ":memory:")
    rows = [("raw spaCy nlp.pipe (1 process)", base)]
    rows.append(("ingest, 1 process", measure("sequential", corpus, str(tmp / "s1"))))
    rows.append(("ingest --workers 2 (pool)", measure("pool", corpus, str(tmp / "s2"), 2)))
    rows.append(("ingest --engine ray (2 actors)", measure("ray", corpus, str(tmp / "s3"), 2)))
    print(f"corpus: {variants} x 5 seeds = {variants * 5} articles, {n} words; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    print("| run | wall s | to first doc s | words/s (wall) | words/s (steady) "
          "| steady ratio to raw nlp.pipe | peak writer MB | peak worker MB |")
    print("|---|---|---|---|---|---|---|---|")
    raw = n / base["seconds"]
    for name, r in rows:
        docs = r.get("documents", 1)
        later = docs - r.get("first_batch", 1)
        steady = n * later / docs / r["after_first"] if "after_first" in r and later else raw
        print(
            f"| {name} | {r['seconds']:.1f} | {r.get('to_first', 0):.1f} | {n / r['seconds']:,.0f} "
            f"| {steady:,.0f} | {steady / raw:.3f} | {r['peak_writer_mb']} | {r['peak_worker_mb']} |"
        )


def stores(variants: int, tmp: Path) -> None:
    """Writing the same prepared documents into the embedded store and into oxigraph serve."""
    from oxigraph_server import oxigraph_server

    from accords.analyse import Analyzer
    from accords.documents import iter_documents
    from accords.parallel.prepared import prepare_document, write_prepared
    from accords.store import open_store

    corpus = make_corpus(tmp, variants)
    analyzer = Analyzer()
    prepared = [prepare_document(analyzer, d) for d in iter_documents([corpus])]
    triples = sum(p.triples for p in prepared)

    def timed(location: str) -> float:
        store = open_store(location)
        start = time.perf_counter()
        for p in prepared:
            write_prepared(store, p)
        seconds = time.perf_counter() - start
        store.close()
        return seconds

    embedded = timed(str(tmp / "embedded"))
    with oxigraph_server(tmp / "server") as url:
        remote = timed(url)
    print(f"{len(prepared)} prepared documents, {triples} triples (parse + write, one by one)")
    print("| store | seconds | ms per document | triples/s |")
    print("|---|---|---|---|")
    for name, s in (("embedded (pyoxigraph on disk)", embedded), ("oxigraph serve over HTTP", remote)):
        print(f"| {name} | {s:.2f} | {1000 * s / len(prepared):.1f} | {triples / s:,.0f} |")


def growth(variants: int, tmp: Path) -> None:
    print("| corpus | articles | words | wall s (pool, 2 workers) | to first doc s "
          "| s per article after the first | peak writer MB | peak worker MB | quads | store MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale in (max(1, variants // 10), variants):
        corpus = make_corpus(tmp, scale)
        r = measure("pool", corpus, str(tmp / f"g{scale}"), 2)
        articles = scale * 5
        print(
            f"| {scale}x seeds | {articles} | {words(corpus)} | {r['seconds']:.1f} "
            f"| {r['to_first']:.1f} | {r['after_first'] / max(1, articles - r['first_batch']):.3f} "
            f"| {r['peak_writer_mb']} | {r['peak_worker_mb']} | {r['quads']} | {r['store_mb']} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["engines", "stores", "growth", "one"])
    parser.add_argument("rest", nargs="*")
    parser.add_argument("--variants", type=int, default=4)
    args = parser.parse_args()
    if args.what == "one":
        kind, corpus, store, workers = args.rest
        print(json.dumps(run_one(kind, corpus, store, int(workers))))
        return
    with tempfile.TemporaryDirectory() as folder:
        {"engines": engines, "stores": stores, "growth": growth}[args.what](args.variants, Path(folder))


if __name__ == "__main__":
    main()
