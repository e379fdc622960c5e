"""Side-by-side HTTP benchmark: our /sparql against `oxigraph serve`, same data, same query.

Generates N relationship facts in the accords vocabulary (docs/model.md), loads them
into two stores, starts both servers on 127.0.0.1, and drives each in interleaved
rounds with the same closed-loop clients (keep-alive HTTP/1.1), printing requests/s,
p50/p99 latency and the ratio. Bounded in time; nothing leaves 127.0.0.1.

    .venv/bin/python bench/sparql_http.py --facts 100000 --seconds 8 --rounds 3
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

ACC = "https://w3id.org/accords/ontology#"
ID = "https://w3id.org/accords/id/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
TYPES = (
    "Alliance",
    "StrategicPartnership",
    "MilitaryCooperation",
    "SecurityCooperation",
    "IntelligenceSharing",
    "Backing",
    "DiplomaticCoordination",
    "Rivalry",
)
QUERY = f"""PREFIX acc: <{ACC}>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?r ?type ?member ?from ?text WHERE {{
  ?r a ?type ; acc:member ?member ; acc:hasEvidence ?e .
  ?e acc:validFrom ?from ; acc:sentence ?s .
  ?s <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?text .
  OPTIONAL {{ ?e acc:validUntil ?until }}
  FILTER(?from <= "2018-12-31"^^xsd:date && COALESCE(?until >= "2018-01-01"^^xsd:date, true))
}} LIMIT 100"""
BIN = Path(sys.executable).parent


def generate(path: Path, facts: int, seed: int = 7) -> None:
    """N-Quads of ``facts`` relationships, 1000 per document graph (~12 quads each)."""
    rnd = random.Random(seed)
    states = [f"Q{1000 + i}" for i in range(200)]
    with path.open("w", encoding="utf-8") as out:
        bg = "<https://w3id.org/accords/graph/wikidata>"
        for q in states:
            out.write(
                f'<{ID}entity/{q}> <http://www.w3.org/2000/01/rdf-schema#label> "State {q}" {bg} .\n'
            )
            out.write(f'<{ID}entity/{q}> <{ACC}wikidataId> "{q}" {bg} .\n')
        for i in range(facts):
            if i % 1000 == 0:
                doc = f"{i // 1000:016x}"
                out.write(
                    f'<{ID}doc/{doc}> <{ACC}documentId> "{doc}" <https://w3id.org/accords/graph/{doc}> .\n'
                )
            doc = f"{i // 1000:016x}"
            g = f"<https://w3id.org/accords/graph/{doc}>"
            rel = f"<{ID}relationship/{rnd.choice(TYPES)}/{i:016x}>"
            ev = f"<{ID}evidence/{doc}/{i:016x}>"
            sent = f"<{ID}doc/{doc}#char={i},{i + 150}>"
            a, b = rnd.sample(states, 2)
            start = f"{rnd.randint(1990, 2022)}-{rnd.randint(1, 12):02d}-01"
            lines = [
                f"{rel} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{ACC}{rel.split('/')[-2]}>",
                f"{rel} <{ACC}member> <{ID}entity/{a}>",
                f"{rel} <{ACC}member> <{ID}entity/{b}>",
                f"{rel} <{ACC}hasEvidence> {ev}",
                f"{ev} <{ACC}sentence> {sent}",
                f"{ev} <{ACC}document> <{ID}doc/{doc}>",
                f"{ev} <{ACC}modality> <{ACC}Asserted>",
                f'{ev} <{ACC}validFrom> "{start}"^^<{XSD_DATE}>',
                f'{ev} <{ACC}observedFrom> "{start}"^^<{XSD_DATE}>',
                f"{sent} <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "
                f'"{a} and {b} agreed to deepen their cooperation, officials said in a statement '
                f'published on {start} after talks in the capital of one of them, sentence {i}."',
            ]
            if rnd.random() < 0.3:
                lines.append(
                    f'{ev} <{ACC}validUntil> "{rnd.randint(2000, 2024)}-12-31"^^<{XSD_DATE}>'
                )
            out.write("".join(f"{line} {g} .\n" for line in lines))


def load(nquads: Path, location: Path) -> None:
    store = ox.Store(str(location))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    """The p-quantile of latencies in seconds, in milliseconds."""
    s = sorted(values)
    return 1000 * s[min(len(s) - 1, max(0, int(len(s) * p) - 1))]


def stop(server: subprocess.Popen[bytes] | None) -> None:
    """Stop a server started by a bench script (terminate, then kill)."""
    if server is None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def wait_up(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


def _client(url: str, seconds: float, threads: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    parts = urllib.parse.urlsplit(url)
    latencies: list[float] = []
    errors = [0]
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def loop() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine: list[float] = []
        bad = 0
        path = parts.path + ("?" + parts.query if parts.query else "")
        while time.monotonic() < stop_at:
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    ts = [threading.Thread(target=loop) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    out.put((latencies, errors[0]))


def drive(url: str, seconds: float, procs: int = 2, threads: int = 4) -> dict[str, float]:
    """Closed-loop load: procs x threads keep-alive clients for ``seconds``."""
    q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    ps = [mp.Process(target=_client, args=(url, seconds, threads, q)) for _ in range(procs)]
    for p in ps:
        p.start()
    results = [q.get() for _ in ps]
    for p in ps:
        p.join()
    lat = sorted(x for r in results for x in r[0])
    errors = sum(r[1] for r in results)
    return {
        "rps": len(lat) / seconds,
        "p50_ms": 1000 * statistics.median(lat) if lat else float("nan"),
        "p99_ms": 1000 * lat[int(len(lat) * 0.99) - 1] if lat else float("nan"),
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="our query worker processes")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="accords-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        t0 = time.perf_counter()
        generate(tmp / "data.nq", args.facts)
        load(tmp / "data.nq", tmp / "ours")
        load(tmp / "data.nq", tmp / "oxigraph")
        print(f"data: {args.facts} facts loaded twice in {time.perf_counter() - t0:.1f} s")
        p_ox, p_us = free_port(), free_port()
        procs.append(
            subprocess.Popen(
                [
                    str(BIN / "oxigraph"),
                    "serve",
                    "--location",
                    str(tmp / "oxigraph"),
                    "--bind",
                    f"127.0.0.1:{p_ox}",
                    "--union-default-graph",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        env = {**os.environ, "ACCORDS_TOKEN": ""}
        procs.append(
            subprocess.Popen(
                [
                    str(BIN / "accords"),
                    "serve",
                    "--store",
                    str(tmp / "ours"),
                    "--port",
                    str(p_us),
                    "--workers",
                    str(args.workers),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        )
        wait_up(p_ox, "/")
        wait_up(p_us, "/health")
        q = urllib.parse.urlencode({"query": QUERY})
        urls = {
            "oxigraph serve": f"http://127.0.0.1:{p_ox}/query?{q}",
            "accords /sparql": f"http://127.0.0.1:{p_us}/sparql?{q}",
        }
        for url in urls.values():  # warm both (first query, worker start)
            drive(url, 2.0, procs=1, threads=2)
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in urls}
        for rnd in range(args.rounds):
            for name, url in urls.items():
                r = drive(url, args.seconds)
                runs[name].append(r)
                print(
                    f"round {rnd + 1} {name:16s} {r['rps']:7.1f} req/s  p50 {r['p50_ms']:.1f} ms"
                    f"  p99 {r['p99_ms']:.1f} ms  errors {r['errors']:.0f}"
                )
        med = {k: statistics.median(r["rps"] for r in v) for k, v in runs.items()}
        ratio = med["accords /sparql"] / med["oxigraph serve"]
        print(
            f"median req/s: oxigraph serve {med['oxigraph serve']:.1f}, "
            f"accords {med['accords /sparql']:.1f}; ratio {ratio:.2f}x (target >= 0.9x)"
        )
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
