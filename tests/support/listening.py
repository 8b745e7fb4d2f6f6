"""The URL a `wirewatch up` or `wirewatch service` process serves HTTP on, once it listens.

Tests start those processes on port 0 and ask the process itself: a port chosen free
ahead and bound later may be taken meanwhile (two xdist workers), and then the test
talks to another test's server (stop 50: notify's /metrics answered with another test's
pending deliveries).
"""

from __future__ import annotations

import subprocess
import time
from typing import Any

import psutil


def listening_ports(pid: int) -> set[int]:
    """The TCP ports process ``pid`` itself listens on (not its children's)."""
    return {
        conn.laddr.port
        for conn in psutil.Process(pid).net_connections(kind="tcp")
        if conn.status == psutil.CONN_LISTEN and conn.laddr
    }


def served_url(process: subprocess.Popen[Any], timeout: float = 60.0) -> str:
    """``http://127.0.0.1:PORT`` of the one port ``process`` listens on (its HTTP server:
    the embedded broker, SeaweedFS and parse workers are processes of their own); fails
    when the process exits first or does not listen within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise AssertionError(f"{process.args!r} exited with {process.returncode}")
        try:
            ports = listening_ports(process.pid)
        except psutil.NoSuchProcess:  # it exited meanwhile: poll() above says how
            continue
        if ports:
            assert len(ports) == 1, f"{process.args!r} listens on {sorted(ports)}"
            return f"http://127.0.0.1:{ports.pop()}"
        if time.monotonic() > deadline:
            raise AssertionError(f"{process.args!r} did not listen within {timeout} s")
        time.sleep(0.05)
