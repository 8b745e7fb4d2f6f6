"""Operations code on odd input: the HTTP server on port 0, a stop asked for while
`wirewatch up` is still starting."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from tests.support.env import WIREWATCH, is_setting
from tests.support.listening import served_url
from wirewatch.ops.server import HttpServer


async def test_port_zero_reports_the_port_it_listens_on() -> None:
    """`WIREWATCH_HTTP_PORT=0` (allowed: "any free port") used to be reported as
    http://127.0.0.1:0, in the log and in runtime.json, so `wirewatch status` could not
    reach the running `up`."""
    app = FastAPI()
    app.get("/ping")(lambda: {"ok": True})
    server = HttpServer(app, "127.0.0.1", 0)
    await server.start()
    try:
        assert not server.url.endswith(":0"), server.url
        async with httpx.AsyncClient() as client:
            answer = await client.get(f"{server.url}/ping", timeout=10)
        assert answer.json() == {"ok": True}
    finally:
        await server.stop()


@pytest.mark.parametrize(
    "command", [["up", "--no-default-feeds"], ["service", "ingest"]], ids=["up", "service"]
)
def test_sigterm_while_starting_stops_at_once(tmp_path: Path, command: list[str]) -> None:
    """SIGTERM (docker stop, systemd, Ctrl-C) during a start that waits on Kafka used to
    be held until the start gave up (30 s here; for ever when a group join never ends)."""
    with socket.socket() as silent:  # accepts connections (the kernel does), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        env = {k: v for k, v in os.environ.items() if not is_setting(k)}
        env.update(
            WIREWATCH_DATA_DIR=str(tmp_path),
            WIREWATCH_KAFKA_BOOTSTRAP=f"127.0.0.1:{silent.getsockname()[1]}",
            WIREWATCH_PARSE_WORKERS="0",
            WIREWATCH_HTTP_PORT="0",
        )
        up = subprocess.Popen(
            [WIREWATCH, *command],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _wait_for_http(f"{served_url(up)}/healthz", up)
            up.send_signal(signal.SIGTERM)
            began = time.monotonic()
            _, err = up.communicate(timeout=60)
            took = time.monotonic() - began
        finally:
            if up.poll() is None:
                up.kill()
                up.communicate()
    assert took < 10, f"{took:.1f} s to stop: {err[-500:]}"
    assert up.returncode == 0, err[-1000:]


def _wait_for_http(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1][-1000:]
        try:
            if httpx.get(url, timeout=1).status_code in (200, 503):
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")
