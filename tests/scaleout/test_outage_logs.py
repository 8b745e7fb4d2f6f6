"""A service whose Kafka broker is down says so in a bounded number of log lines.

aiokafka logs every refused connection, metadata refresh, fetch, heartbeat and produce
retry at ERROR, several times a second per client: one ``wirewatch service stories``
wrote ~80 lines a second (~1.4 MB a minute per service) for as long as the broker was
away, burying everything else and flooding log shipping. The first of each kind still
shows; repeats within a window are counted and folded into the next one that shows."""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.logging import FoldRepeats

from tests.support.env import WIREWATCH, is_setting
from tests.support.listening import served_url
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

OUTAGE_S = 6.0


def _status(url: str) -> int | None:
    try:
        return httpx.get(f"{url}/readyz", timeout=2).status_code
    except httpx.HTTPError:
        return None


def _wait(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {what}")
        time.sleep(0.1)


def test_a_broker_outage_logs_a_bounded_number_of_kafka_errors(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'outage.db'}"
    engine = make_engine(database_url)
    upgrade(engine)
    engine.dispose()
    log_path = tmp_path / "stories.log"
    with EmbeddedBroker() as broker:
        env = {k: v for k, v in os.environ.items() if not is_setting(k)}
        env.update(
            WIREWATCH_KAFKA_BOOTSTRAP=broker.bootstrap,
            WIREWATCH_DATABASE_URL=database_url,
            WIREWATCH_LOG_LEVEL="WARNING",
            WIREWATCH_HTTP_PORT="0",
        )
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [WIREWATCH, "service", "stories"],
                env=env,
                cwd=tmp_path,
                stdout=log,
                stderr=log,
            )
        try:
            url = served_url(process)
            _wait(lambda: _status(url) == 200, 60, "stories ready")
            started = log_path.stat().st_size
            broker.stop()
            _wait(lambda: _status(url) == 503, 30, "not ready while the broker is down")
            time.sleep(OUTAGE_S)  # the outage itself: what it logs meanwhile is the point
            assert process.poll() is None
        finally:
            process.terminate()
            process.wait(timeout=30)
    with log_path.open("rb") as log:
        log.seek(started)
        lines = log.read().decode(errors="replace").splitlines()
    kafka = [line for line in lines if "[aiokafka" in line]
    print(f"{len(kafka)} aiokafka lines in the {OUTAGE_S:.0f} s outage")
    # The outage shows (its first error of each kind is never folded away); which kind comes
    # first depends on where the client was: a refused connection, or a fetch to a node not
    # ready (stop 46 CI: only the latter in the 6 s).
    assert any("[error" in line for line in kafka), lines[:20]
    assert len(kafka) <= 40, f"{len(kafka)} aiokafka lines in {OUTAGE_S:.0f} s:\n" + "\n".join(
        kafka[:10]
    )


def test_repeats_are_folded_per_kind_and_counted_in_the_next_line_shown() -> None:
    now = [0.0]
    fold = FoldRepeats(window_s=30, clock=lambda: now[0])

    def record(name: str, msg: str, *args: object) -> logging.LogRecord:
        return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)

    refused = "Unable connect to node with id %s: %s"
    first = record("aiokafka", refused, 1, "refused")
    assert fold.filter(first)
    assert not any(fold.filter(record("aiokafka", refused, 1, "refused")) for _ in range(50))
    # Another kind shows at once; records of other loggers are never folded.
    assert fold.filter(record("aiokafka.consumer.fetcher", "Failed fetch messages from %s", 1))
    assert all(fold.filter(record("wirewatch.stories", "assigning failed")) for _ in range(3))
    now[0] = 31.0
    again = record("aiokafka", refused, 1, "refused")
    assert fold.filter(again)
    assert again.getMessage() == (
        "Unable connect to node with id 1: refused (50 more like it in 30 s not shown)"
    )
