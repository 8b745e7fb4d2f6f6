"""The README's path: `make demo`, Ctrl-C, then `make run`. The demo's own feed reader and
webhook sender talk to its own HTTP server, so when it stops the server's end of those
connections waits in TIME_WAIT on port 8080 for a minute. Nothing listens there: the next
`wirewatch up` (whose server binds with SO_REUSEADDR, as asyncio does) must start, and the
next demo must keep the port it announces, instead of "port 8080 is in use"."""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.support.env import WIREWATCH, is_setting
from wirewatch.demo.run import pick_port


def port_left_in_time_wait() -> int:
    """A loopback port nothing listens on, whose server end of a closed connection waits
    in TIME_WAIT (the server closed first, as a stopping HTTP server does; like asyncio's
    and so uvicorn's, its listening socket has SO_REUSEADDR)."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = int(listener.getsockname()[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            conn, _ = listener.accept()
            conn.close()
            assert client.recv(1) == b""  # the server's FIN has arrived
    with socket.socket() as probe:  # the condition under test holds: a plain bind fails
        with pytest.raises(OSError) as refused:
            probe.bind(("127.0.0.1", port))
        assert refused.value.errno == errno.EADDRINUSE
    return port


def test_demo_keeps_a_port_that_is_only_in_time_wait() -> None:
    port = port_left_in_time_wait()
    assert pick_port(port) == port


def test_demo_still_moves_off_a_port_someone_listens_on() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        busy = int(listener.getsockname()[1])
        assert pick_port(busy) != busy


@pytest.mark.integration
def test_up_starts_on_a_port_left_in_time_wait(tmp_path: Path, wirewatch_home: Path) -> None:
    port = port_left_in_time_wait()
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env |= {"WIREWATCH_DATA_DIR": str(wirewatch_home), "WIREWATCH_PARSE_WORKERS": "0"}
    up = subprocess.Popen(
        [WIREWATCH, "up", "--in-memory", "--no-default-feeds", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert up.stderr is not None
        seen: list[str] = []
        for line in up.stderr:  # ends when `up` exits: a refusal cannot hang the test
            seen.append(line)
            if "Wirewatch is up" in line:
                break
        assert any("Wirewatch is up" in line for line in seen), "".join(seen)[-2000:]
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10, trust_env=False)
        assert health.status_code == 200
    finally:
        up.send_signal(signal.SIGINT)
        _, err = up.communicate(timeout=60)
    assert up.returncode == 0, err[-2000:]
