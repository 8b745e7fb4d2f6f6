"""`wirewatch service NAME`: each service alone serves /healthz, /readyz and /metrics.

The three services run as real processes against the embedded broker and one
SQLite file; their JSON logs carry the service name and never the secret key.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from wirewatch_shared.embedded import EmbeddedBroker

from tests.ops.support import get, value, wait_until
from tests.support.env import WIREWATCH, is_setting
from tests.support.listening import served_url

pytestmark = pytest.mark.integration

SECRET = "ops-test-secret-key-never-logged"
SERVICES = ("ingest", "classify", "notify")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[dict[str, tuple[subprocess.Popen[str], str]]]:
    with EmbeddedBroker() as broker:
        running: dict[str, subprocess.Popen[str]] = {}
        for name in SERVICES:
            env = {k: v for k, v in os.environ.items() if not is_setting(k)}
            env.update(
                WIREWATCH_KAFKA_BOOTSTRAP=broker.bootstrap,
                WIREWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'wirewatch.db'}",
                WIREWATCH_HTTP_PORT="0",  # its own, read from the process: never another's
                WIREWATCH_LOG_JSON="true",
                WIREWATCH_SECRET_KEY=SECRET,
                WIREWATCH_SEED_DEFAULT_FEEDS="false",
                WIREWATCH_PARSE_WORKERS="0",
            )
            log = (tmp_path / f"{name}.log").open("w")
            process = subprocess.Popen(
                [WIREWATCH, "service", name],
                env=env,
                cwd=tmp_path,
                stdout=log,
                stderr=log,
                text=True,
            )
            running[name] = process
        try:
            yield {name: (process, served_url(process)) for name, process in running.items()}
        finally:
            for process in running.values():
                if process.poll() is None:
                    process.kill()
                    process.wait()


async def test_each_service_serves_health_readiness_and_metrics(
    services: dict[str, tuple[subprocess.Popen[str], str]], tmp_path: Path
) -> None:
    async def ready(url: str) -> bool:
        try:
            return (await get(f"{url}/readyz")).status_code == 200
        except Exception:
            return False

    for name, (process, url) in services.items():
        await wait_until(lambda url=url: ready(url), timeout=40, message=f"{name} never ready")  # type: ignore[misc]
        assert process.poll() is None
        assert (await get(f"{url}/healthz")).json()["status"] == "ok"
        checks = (await get(f"{url}/readyz")).json()["checks"]
        assert {"started", "kafka", "database"} <= set(checks), (name, checks)
        assert ("consumers" in checks) == (name != "ingest")
        text = (await get(f"{url}/metrics")).text
        assert value(text, "wirewatch_ready", service=name, check="kafka") == 1
        assert value(text, "process_resident_memory_bytes") is not None

    classify_metrics = (await get(f"{services['classify'][1]}/metrics")).text
    assert (
        value(classify_metrics, "wirewatch_consumer_lag_messages", group="wirewatch-classify") == 0
    )
    notify_url = services["notify"][1]
    notify_metrics = (await get(f"{notify_url}/metrics")).text
    assert value(notify_metrics, "wirewatch_notify_pending_deliveries") == 0
    ingest_metrics = (await get(f"{services['ingest'][1]}/metrics")).text
    assert value(ingest_metrics, "wirewatch_ingest_feeds_readable") == 1
    # Notify alone also serves the pages and the API.
    assert (await get(f"{notify_url}/status")).status_code in (200, 503)
    assert (await get(f"{notify_url}/subscribe")).status_code == 200
    assert (await get(f"{notify_url}/api/v1/subscriptions")).status_code != 404

    for name, (process, _) in services.items():
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, name

    for name in SERVICES:
        lines = (tmp_path / f"{name}.log").read_text().splitlines()
        assert SECRET not in "\n".join(lines)
        records = [json.loads(line) for line in lines if line.startswith("{")]
        assert records, f"{name} wrote no JSON log lines"
        assert all(r.get("service") == name for r in records if "service" in r)
        assert any(r.get("service") == name for r in records)
