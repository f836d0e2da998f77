"""Local servers for tests and benchmarks: a free port on 127.0.0.1, and the first
answer of a server started there (shared by `make serve`'s test, the preview's live
reload test and `benchmarks/serve.py`)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_answer(url: str, process: subprocess.Popen[bytes], limit: float = 120) -> str:
    """The page at `url` once the server `process` started answers (it must not exit)."""
    deadline = time.monotonic() + limit
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - 127.0.0.1
                return answer.read().decode()
        except OSError:
            assert process.poll() is None, f"the server exited before answering {url}"
            assert time.monotonic() < deadline, f"no answer from {url} in {limit:.0f} s"
            time.sleep(0.5)
