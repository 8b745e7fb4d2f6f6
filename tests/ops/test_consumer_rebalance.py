"""Readiness through a consumer-group rebalance, with two real processes.

Readiness tells a load balancer (Kubernetes, compose) whether to send this process
work; a rebalance is group-wide and routine (a replica joins, leaves or restarts), so a
member that had its assignment stays ready while the group re-forms. It goes red only
when the rebalance lasts longer than a member can be absent (the group is stuck).
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import TopicPartition
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.health import REBALANCE_GRACE_S, GroupMembership, _member_state

from tests.ops.support import get, wait_until
from tests.support.env import spawn_service
from tests.support.listening import served_url

pytestmark = pytest.mark.integration


@pytest.fixture
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


def _classify(broker: EmbeddedBroker, tmp_path: Path, which: str) -> subprocess.Popen[bytes]:
    process = spawn_service(
        "classify",
        broker.bootstrap,
        f"sqlite:///{tmp_path / 'wirewatch.db'}",
        tmp_path,
        log=tmp_path / f"classify-{which}.log",
    )
    return process


async def _readyz(url: str) -> tuple[int, dict[str, object]]:
    try:
        answer = await get(f"{url}/readyz")
    except Exception:
        return 0, {}
    return answer.status_code, answer.json()


def _partitions(body: dict[str, object]) -> int | None:
    checks = body.get("checks", {})
    assert isinstance(checks, dict)
    groups = checks.get("consumers", {}).get("groups", {})
    found = groups.get("wirewatch-classify")
    return found.get("partitions") if found else None


async def test_a_second_replica_joining_leaves_the_first_ready(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    first = _classify(broker, tmp_path, "first")
    second: subprocess.Popen[bytes] | None = None
    try:
        first_url = served_url(first)
        await wait_until(
            lambda: _ready(first_url),
            timeout=90,
            message="the first classify never ready",
        )
        assert _partitions((await _readyz(first_url))[1]) == 3

        seen: list[tuple[int, dict[str, object]]] = []
        polling = True

        async def poll() -> None:
            while polling:
                seen.append(await _readyz(first_url))
                await asyncio.sleep(0.05)

        poller = asyncio.create_task(poll())
        second = _classify(broker, tmp_path, "second")
        second_url = await asyncio.to_thread(served_url, second)  # the poll goes on meanwhile
        await wait_until(lambda: _ready(second_url), timeout=90, message="second never ready")
        # The rebalance is over once the first holds fewer than all three partitions.
        await wait_until(
            lambda: _fewer_than_all(first_url), timeout=60, message="no rebalance happened"
        )
        polling = False
        await poller
        red = [body for status, body in seen if status != 200]
        assert not red, f"{len(red)} of {len(seen)} answers not ready, e.g. {red[0]}"
        assert len(seen) > 20  # the poll really ran through the rebalance
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


async def _ready(url: str) -> bool:
    return (await _readyz(url))[0] == 200


async def _fewer_than_all(url: str) -> bool:
    _status, body = await _readyz(url)
    found = _partitions(body) if body else None
    return found is not None and found < 3


async def test_a_member_is_unready_before_its_first_assignment_and_when_a_rebalance_sticks() -> (
    None
):
    now = [100.0]
    member = GroupMembership(clock=lambda: now[0])
    tp = TopicPartition("wirewatch.items.v1", 0)
    await member.on_partitions_revoked(set())  # aiokafka's call before the first join
    assert _member_state("g", member, 0) == ("g: waiting for partition assignment", {})
    await member.on_partitions_assigned({tp})
    assert _member_state("g", member, 1) == (None, {"partitions": 1})

    await member.on_partitions_revoked({tp})
    now[0] += 4.0
    assert _member_state("g", member, 0) == (None, {"partitions": 0, "rebalancing_s": 4.0})
    now[0] += REBALANCE_GRACE_S
    problem, _ = _member_state("g", member, 0)
    assert problem == f"g: group rebalancing for {REBALANCE_GRACE_S + 4:.0f} s (stuck?)"
    await member.on_partitions_assigned(set())  # more members than partitions: ready
    assert _member_state("g", member, 0) == (None, {"partitions": 0})
