"""Latency of the paged REST routes on a large synthetic store (p50/p99 per route).

Builds (or reuses, with --store) a store of N synthetic facts in the accords vocabulary
(accords.synthetic: relationships, meetings, claims, with the query index triples the
graph builder writes), starts `accords serve` on 127.0.0.1 and sends a fixed number of
paged requests per route from a few keep-alive clients, with parameters drawn from a
seeded generator. Bounded in count and time; nothing leaves 127.0.0.1.

    .venv/bin/python bench/rest_p99.py --facts 1000000 --requests 300 --clients 2
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from sparql_http import BIN, free_port, pct, stop, wait_up

from accords.synthetic import load_synthetic, state_qid


def routes(rnd: random.Random) -> dict[str, str]:
    """One request per route with random parameters."""
    year = rnd.randint(1995, 2024)
    member = state_qid(rnd.randint(0, 199))
    q = urllib.parse.urlencode
    return {
        "alliances year": f"/alliances?{q({'year': year, 'limit': 20})}",
        "alliances year+member": f"/alliances?{q({'year': year, 'member': member, 'limit': 20})}",
        "alliances at day+type": f"/alliances?{q({'at': f'{year}-06-01', 'type': 'Rivalry'})}",
        "meetings period": f"/meetings?{q({'from': f'{year}-01-01', 'to': f'{year}-03-31'})}",
        "claims page": f"/claims?{q({'limit': 20, 'offset': rnd.randint(0, 5) * 20})}",
        "claims by": f"/claims?{q({'by': state_qid(rnd.randint(0, 20)), 'limit': 10})}",
        "document": f"/documents/{rnd.randint(0, 999):016x}?limit=50",
    }


def run(port: int, requests: int, clients: int, seed: int) -> dict[str, list[float]]:
    lat: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        rnd = random.Random(seed + k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine: dict[str, list[float]] = {}
        for _ in range(requests // clients):
            for name, path in routes(rnd).items():
                t0 = time.perf_counter()
                conn.request("GET", path, headers={"Accept": "application/json"})
                resp = conn.getresponse()
                resp.read()
                mine.setdefault(name, []).append(time.perf_counter() - t0)
                if resp.status != 200:
                    with lock:
                        errors.append(f"{resp.status} {path}")
        with lock:
            for name, values in mine.items():
                lat.setdefault(name, []).extend(values)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in errors[:5]:
        print("  error:", e)
    print(f"errors: {len(errors)}")
    return lat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=300, help="requests per route")
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--store", type=Path, help="reuse (or create) the store here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="accords-rest-"))
    location = args.store or tmp / "store"
    server = None
    try:
        if not location.exists():
            t0 = time.perf_counter()
            store = ox.Store(str(location))
            load_synthetic(store, args.facts)
            del store
            print(f"data: {args.facts} facts loaded in {time.perf_counter() - t0:.0f} s")
        port = free_port()
        env = {**os.environ, "ACCORDS_TOKEN": "", "ACCORDS_QUERY_TIMEOUT": "30"}
        server = subprocess.Popen(
            [
                *(str(BIN / "accords"), "serve", "--store", str(location)),
                *("--port", str(port), "--workers", str(args.workers)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        wait_up(port, "/health")
        run(port, 2 * args.clients, args.clients, seed=1)  # warm the workers and caches
        t0 = time.perf_counter()
        lat = run(port, args.requests, args.clients, seed=7)
        print(
            f"{args.facts} facts, {args.clients} clients, {args.workers} workers, "
            f"{sum(map(len, lat.values()))} requests in {time.perf_counter() - t0:.0f} s"
        )
        print(f"{'route':24s} {'n':>5s} {'p50 ms':>8s} {'p90 ms':>8s} {'p99 ms':>8s}")
        for name, values in lat.items():
            print(
                f"{name:24s} {len(values):5d} {pct(values, 0.5):8.1f} "
                f"{pct(values, 0.9):8.1f} {pct(values, 0.99):8.1f}"
            )
        every = [v for values in lat.values() for v in values]
        print(
            f"{'all':24s} {len(every):5d} {pct(every, 0.5):8.1f} {pct(every, 0.9):8.1f} "
            f"{pct(every, 0.99):8.1f}"
        )
    finally:
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
