"""Load test: N concurrent clients mixing REST routes and SPARQL for a fixed time.

The data is a synthetic graph (accords.synthetic). Reports requests/s, p50/p99 and
errors (which must be zero), then measures the latency
of a simple query alone and while a pathological query runs (it is stopped at the
deadline by killing its worker). 127.0.0.1 only; bounded in time.

    .venv/bin/python bench/load.py --facts 20000 --seconds 10 --clients 8
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from sparql_http import BIN, QUERY, free_port, pct, stop, wait_up

from accords.synthetic import load_synthetic

PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = "ASK { ?s a <https://w3id.org/accords/ontology#Alliance> }"


def paths() -> list[str]:
    year = random.randint(1995, 2022)
    q = urllib.parse.urlencode
    return [
        f"/alliances?{q({'year': year, 'limit': 20})}",
        f"/alliances?{q({'year': year, 'member': 'Q1007', 'limit': 20})}",
        f"/meetings?{q({'from': f'{year}-01-01', 'to': f'{year}-12-31'})}",
        f"/claims?{q({'by': 'Q1003', 'limit': 10})}",
        f"/entities/Q{1000 + random.randint(0, 199)}?limit=50",
        f"/sparql?{q({'query': QUERY})}",
        f"/sparql?{q({'query': SIMPLE})}",
    ]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    conn.request("GET", path, headers={"Accept": "application/json, */*;q=0.5"})
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.perf_counter() - t0


def mixed(port: int, seconds: float, clients: int) -> tuple[list[float], list[str]]:
    stop_at = time.monotonic() + seconds
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def loop() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        bad: list[str] = []
        while time.monotonic() < stop_at:
            path = random.choice(paths())
            try:
                status, dt = get(conn, path)
                mine.append(dt)
                if status != 200:
                    bad.append(f"{status} {path[:60]}")
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{exc!r} {path[:60]}")
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        with lock:
            lat.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, errors


def simple_latencies(port: int, n: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    path = "/sparql?" + urllib.parse.urlencode({"query": SIMPLE})
    out = []
    for _ in range(n):
        status, dt = get(conn, path)
        assert status == 200, status
        out.append(dt)
        time.sleep(0.02)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=20_000)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=3.0, help="query deadline (s)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="accords-load-"))
    server = None
    try:
        store = ox.Store(str(tmp / "store"))
        load_synthetic(store, args.facts)  # the accords vocabulary with its index triples
        del store
        port = free_port()
        env = {**os.environ, "ACCORDS_TOKEN": "", "ACCORDS_QUERY_TIMEOUT": str(args.timeout)}
        server = subprocess.Popen(
            [
                str(BIN / "accords"),
                "serve",
                "--store",
                str(tmp / "store"),
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        wait_up(port, "/health")
        mixed(port, 2.0, 2)  # warm up
        lat, errors = mixed(port, args.seconds, args.clients)
        print(
            f"mixed REST+SPARQL, {args.clients} clients, {args.seconds:.0f} s, "
            f"{args.facts} facts: {len(lat) / args.seconds:.1f} req/s, "
            f"p50 {pct(lat, 0.5):.1f} ms, p99 {pct(lat, 0.99):.1f} ms, errors {len(errors)}"
        )
        for e in errors[:5]:
            print("  error:", e)
        alone = simple_latencies(port, 50)
        slow_status: list[int] = []

        def pathological() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            path = "/sparql?" + urllib.parse.urlencode({"query": PATHOLOGICAL})
            slow_status.append(get(conn, path)[0])

        t = threading.Thread(target=pathological)
        t.start()
        time.sleep(0.2)
        during = simple_latencies(port, 50)
        t.join()
        print(
            f"simple query alone: p50 {pct(alone, 0.5):.1f} ms, p99 {pct(alone, 0.99):.1f} ms; "
            f"while a pathological query runs: p50 {pct(during, 0.5):.1f} ms, "
            f"p99 {pct(during, 0.99):.1f} ms; pathological answered {slow_status[0]} "
            f"(deadline {args.timeout:g} s)"
        )
        print(
            f"median simple latency ratio during/alone: "
            f"{statistics.median(during) / statistics.median(alone):.2f}"
        )
    finally:
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
