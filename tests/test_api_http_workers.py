"""``accords serve --http-workers N``: several uvicorn processes over a read-only store."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def test_two_http_workers_answer_over_a_read_only_store(seeds_store_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "ACCORDS_TOKEN"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "accords.cli",
            "serve",
            "--port",
            str(port),
            "--store",
            str(seeds_store_path),
            "--http-workers",
            "2",
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)

        def ask(i: int) -> tuple[int, str]:
            if i % 2:
                r = httpx.get(base + "/alliances", params={"year": 2018}, timeout=60)
                return r.status_code, str(r.json()["count"])
            r = httpx.get(
                base + "/sparql",
                params={"query": "ASK { ?s ?p ?o }"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=60,
            )
            return r.status_code, str(r.json()["boolean"])

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(ask, range(24)))
        assert {status for status, _ in answers} == {200}
        assert {body for i, (_, body) in enumerate(answers) if i % 2 == 0} == {"True"}
        assert len({body for i, (_, body) in enumerate(answers) if i % 2}) == 1
        assert len(_children(proc.pid)) >= 2  # the uvicorn supervisor's worker processes
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_updates_with_several_http_workers_need_a_remote_store(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "accords.cli",
            "serve",
            "--store",
            str(tmp_path / "s"),
            "--http-workers",
            "2",
            "--port",
            str(_free_port()),
        ],
        env={**os.environ, "ACCORDS_TOKEN": "secret"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "read-only" in result.stderr
