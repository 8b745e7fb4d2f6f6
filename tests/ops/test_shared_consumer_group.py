"""Two services configured with the same consumer group (a copy-paste in an env file)
would split the group's partitions: each would miss the other's share of the stream,
silently. A service that finds another service's client in one of its groups at start
refuses with one line naming the group; a second replica of the same service is
welcome (tests/ops/test_consumer_rebalance.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from wirewatch_shared.embedded import EmbeddedBroker

from tests.ops.support import get, wait_until
from tests.support.env import spawn_service
from tests.support.listening import served_url

pytestmark = pytest.mark.integration


def _service(
    name: str, broker: EmbeddedBroker, tmp_path: Path, **settings: str
) -> tuple[subprocess.Popen[bytes], Path]:
    log = tmp_path / f"{name}.log"
    process = spawn_service(
        name,
        broker.bootstrap,
        f"sqlite:///{tmp_path / 'wirewatch.db'}",
        tmp_path,
        log=log,
        WIREWATCH_SECRET_KEY="shared-group-test-key",
        **settings,
    )
    return process, log


async def _ready(url: str) -> bool:
    try:
        return (await get(f"{url}/readyz")).status_code == 200
    except Exception:
        return False


async def test_a_service_refuses_a_group_another_service_is_in(tmp_path: Path) -> None:
    running: list[subprocess.Popen[bytes]] = []
    with EmbeddedBroker() as broker:
        try:
            notify, _ = _service("notify", broker, tmp_path)
            running.append(notify)
            notify_url = served_url(notify)
            await wait_until(lambda: _ready(notify_url), timeout=90, message="notify not ready")
            # The copy-paste: stories told to use notify's group on the same stream.
            stories, log = _service(
                "stories", broker, tmp_path, WIREWATCH_STORIES_CONSUMER_GROUP="wirewatch-notify"
            )
            running.append(stories)
            await wait_until(
                lambda: stories.poll() is not None, timeout=90, message="stories did not refuse"
            )
            # Configuration to fix, like any bad setting: exit 2 (not 1, an internal error).
            assert stories.returncode == 2
            lines = log.read_text().splitlines()
            refusal = [line for line in lines if "wirewatch-notify" in line]
            assert len(refusal) == 1, lines
            assert "another service" in refusal[0] and "'wirewatch-notify'" in refusal[0]
            assert refusal[0].startswith("error: consumer group 'wirewatch-notify'"), refusal
            assert "Traceback" not in log.read_text()
            # The service already in the group goes on, ready.
            assert notify.poll() is None and await _ready(notify_url)
        finally:
            for process in running:
                if process.poll() is None:
                    process.kill()
                    process.wait()


def test_a_members_client_id_comes_from_kafka_or_from_tansus_member_id() -> None:
    from wirewatch_shared.kafka_admin import member_client_id

    kafka = {"client_id": "wirewatch-notify", "member_id": "wirewatch-notify-1-x"}
    tansu = {"client_id": "", "member_id": "wirewatch-stories-1283ec29-76d5-4821-ab83-c6573c89e022"}
    assert member_client_id(kafka) == "wirewatch-notify"
    assert member_client_id(tansu) == "wirewatch-stories"
