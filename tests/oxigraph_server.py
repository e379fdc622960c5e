"""Start a real ``oxigraph serve`` on a free 127.0.0.1 port (test helper)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def oxigraph_binary() -> Path:
    """The ``oxigraph`` CLI of the PyPI ``oxigraph`` package beside this Python."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        raise RuntimeError(f"{binary} is missing: pip install -e '.[dev]' installs oxigraph")
    return binary


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """Run a server over ``location``; yield its base URL; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(oxigraph_binary()),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    err = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"oxigraph serve did not start: {err}") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
