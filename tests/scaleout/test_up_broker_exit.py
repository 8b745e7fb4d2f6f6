"""`wirewatch up` whose embedded broker dies stops, saying why, instead of running on
without a broker.

Nothing watched the broker process: killed (the OOM killer, a crash), it stayed a
zombie while ``up`` went on, every service retrying against nothing and ``/readyz``
503 for ever, with nothing in the log naming the cause. Now ``up`` logs it and exits
with code 1, so a supervisor (or the user) starts it again; durable mode loses nothing
(tests/ops/test_crash_safety.py restarts a killed ``up --durable``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support.env import WIREWATCH
from tests.support.listening import served_url

pytestmark = pytest.mark.integration


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=2, trust_env=False).status_code == 200
    except httpx.HTTPError:
        return False


def _broker_child(pid: int) -> int:
    # Per thread: the broker is forked by the lifeline's spawning thread.
    tasks = Path(f"/proc/{pid}/task").iterdir()
    children = [int(c) for task in tasks for c in (task / "children").read_text().split()]
    for child in children:
        if "tansu" in Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace"):
            return child
    raise AssertionError(f"no broker among the children of {pid}: {children}")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_up_exits_with_a_reason_when_its_embedded_broker_dies(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        WIREWATCH_DATA_DIR=str(tmp_path / "data"),
        WIREWATCH_HTTP_PORT="0",
        WIREWATCH_SECRET_KEY="broker-exit-test-key",
        WIREWATCH_SEED_DEFAULT_FEEDS="false",
        WIREWATCH_LOG_LEVEL="WARNING",
    )
    log_path = tmp_path / "up.log"
    with log_path.open("wb") as log:
        up = subprocess.Popen(
            [WIREWATCH, "up", "--in-memory"], env=env, cwd=tmp_path, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 90
        url = served_url(up, timeout=90)
        while not _ready(url):
            assert up.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "up not ready"
            time.sleep(0.2)
        os.kill(_broker_child(up.pid), signal.SIGKILL)
        try:
            code = up.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError("up still runs 30 s after its broker died") from None
    finally:
        if up.poll() is None:
            up.kill()
            up.wait()
    assert code == 1
    assert "the embedded Kafka broker exited" in log_path.read_text()
