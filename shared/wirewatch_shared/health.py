"""Liveness and readiness of a service process.

Liveness (``/healthz``): the process answers and its event loop runs — a
:class:`Heartbeat` task ticks every half second and records how late each tick was.

Readiness (``/readyz``): every registered check passes — the service finished
starting, the Kafka broker answers, each consumer group was joined, the database
answers. Checks run concurrently, each with a timeout; a failing check gives a
one-line reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiokafka import ConsumerRebalanceListener, TopicPartition
from faststream.kafka import KafkaBroker
from sqlalchemy import text
from sqlalchemy.engine import Engine

from wirewatch_shared.metrics import EVENT_LOOP_LAG, READY


@dataclass(frozen=True, slots=True)
class CheckResult:
    ok: bool
    reason: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": self.ok}
        if self.reason:
            out["reason"] = self.reason
        out.update(self.detail)
        return out


Check = Callable[[], Awaitable[CheckResult]]


@dataclass(frozen=True, slots=True)
class ReadinessReport:
    service: str
    checks: Mapping[str, CheckResult]

    @property
    def ready(self) -> bool:
        return all(c.ok for c in self.checks.values())

    def as_json(self) -> dict[str, Any]:
        failing = [f"{name}: {c.reason}" for name, c in self.checks.items() if not c.ok]
        out: dict[str, Any] = {
            "status": "ready" if self.ready else "not ready",
            "service": self.service,
            "checks": {name: c.as_json() for name, c in self.checks.items()},
        }
        if failing:
            out["reason"] = "; ".join(failing)
        return out


class Readiness:
    """Named async checks of one service (or of the all-in-one process)."""

    def __init__(self, service: str, *, check_timeout_s: float = 2.0) -> None:
        self.service = service
        self.check_timeout_s = check_timeout_s
        self.started = False
        self._checks: dict[str, Check] = {"started": self._started_check}

    def add(self, name: str, check: Check) -> None:
        self._checks[name] = check

    def extend(self, other: Readiness, prefix: str = "") -> None:
        """Adopt another service's checks (the all-in-one runner)."""
        for name, check in other._checks.items():
            if name != "started":
                self._checks[f"{prefix}{name}"] = check

    @property
    def names(self) -> list[str]:
        return list(self._checks)

    async def _started_check(self) -> CheckResult:
        return CheckResult(True) if self.started else CheckResult(False, "starting")

    async def _run(self, check: Check) -> CheckResult:
        try:
            return await asyncio.wait_for(check(), self.check_timeout_s)
        except TimeoutError:
            return CheckResult(False, f"no answer within {self.check_timeout_s:g} s")
        except Exception as exc:
            return CheckResult(False, _one_line(exc))

    async def evaluate(self) -> ReadinessReport:
        names = list(self._checks)
        results = await asyncio.gather(*(self._run(self._checks[n]) for n in names))
        report = ReadinessReport(self.service, dict(zip(names, results, strict=True)))
        for name, result in report.checks.items():
            READY.labels(self.service, name).set(1 if result.ok else 0)
        return report


def _one_line(exc: BaseException) -> str:
    text_ = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text_[0]}" if text_ else type(exc).__name__


def broker_check(broker: KafkaBroker, timeout_s: float = 1.0) -> Check:
    """The Kafka cluster answers a metadata request."""

    async def check() -> CheckResult:
        if await broker.ping(timeout_s):
            return CheckResult(True)
        return CheckResult(False, "Kafka broker unreachable")

    return check


REBALANCE_GRACE_S = 60.0
"""How long a member that had its assignment stays ready while its group rebalances.

Readiness says whether to send this process work (a load balancer drops an unready
one; notify serves the API). A rebalance is group-wide and routine: a replica joining
or leaving revokes every member's partitions for a few seconds, so failing readiness
then would drop every replica at once for no fault of theirs. A rebalance that lasts
longer than this is a stuck group, and that is not ready."""


class GroupMembership(ConsumerRebalanceListener):  # type: ignore[misc]
    """A group consumer's rebalance listener: ``joined`` while the group has given it an
    assignment (possibly empty), off from the start of each rebalance until the next
    assignment; ``rebalancing_since`` when a rebalance started after a first assignment.
    (aiokafka has no public "joined" flag; this is its public listener.)"""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.joined = False
        self.ever_joined = False
        self.rebalancing_since: float | None = None
        self._clock = clock

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        self.joined = False
        if self.ever_joined and self.rebalancing_since is None:
            self.rebalancing_since = self._clock()

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self.joined = True
        self.ever_joined = True
        self.rebalancing_since = None

    def rebalancing_for(self) -> float | None:
        """Seconds since the current rebalance started (None: none under way)."""
        if self.joined or self.rebalancing_since is None:
            return None
        return self._clock() - self.rebalancing_since


_MEMBERSHIPS: weakref.WeakKeyDictionary[Any, GroupMembership] = weakref.WeakKeyDictionary()


def group_subscriber(broker: KafkaBroker, *topics: str, group_id: str, **options: Any) -> Any:
    """``broker.subscriber(*topics, group_id=…, **options)`` with a
    :class:`GroupMembership` listener, which :func:`consumer_groups_check` reads: every
    consumer-group subscriber of a service is made here."""
    membership = GroupMembership()
    subscriber = broker.subscriber(*topics, group_id=group_id, listener=membership, **options)
    _MEMBERSHIPS[subscriber] = membership
    return subscriber


def consumer_groups_check(broker: KafkaBroker) -> Check:
    """Every consumer of ``broker`` is running and got its (possibly empty) assignment.

    A group member with no partitions (more consumers than partitions) is ready: it
    takes over partitions at the next rebalance. Group membership is read from the
    subscriber's :class:`GroupMembership` (:func:`group_subscriber`); a consumer without
    one (no group, or made elsewhere) is ready once it has partitions.
    """

    async def check() -> CheckResult:
        detail: dict[str, Any] = {}
        problems: list[str] = []
        for subscriber in broker.subscribers:
            group = getattr(subscriber, "group_id", None)
            name = group or ",".join(getattr(subscriber, "topic_names_for_subscribe", [])) or "?"
            consumer = getattr(subscriber, "consumer", None)
            if consumer is None:
                problems.append(f"{name}: consumer not running")
                continue
            partitions = len(consumer.assignment())
            problem, found = _member_state(name, _MEMBERSHIPS.get(subscriber), partitions)
            if problem:
                problems.append(problem)
            else:
                detail[name] = found
        if problems:
            return CheckResult(False, "; ".join(problems), {"groups": detail})
        return CheckResult(True, detail={"groups": detail})

    return check


def _member_state(
    name: str, member: GroupMembership | None, partitions: int
) -> tuple[str | None, dict[str, Any]]:
    """(the problem, else None; the detail) of one consumer (see REBALANCE_GRACE_S)."""
    if member.joined if member is not None else partitions:
        return None, {"partitions": partitions}
    rebalancing = member.rebalancing_for() if member is not None else None
    if rebalancing is None:
        return f"{name}: waiting for partition assignment", {}
    if rebalancing > REBALANCE_GRACE_S:
        return f"{name}: group rebalancing for {rebalancing:.0f} s (stuck?)", {}
    return None, {"partitions": partitions, "rebalancing_s": round(rebalancing, 1)}


def database_check(engine: Engine) -> Check:
    """The database answers a query that touches its catalogue."""
    probe = "SELECT count(*) FROM sqlite_master" if engine.dialect.name == "sqlite" else "SELECT 1"

    def query() -> None:
        with engine.connect() as conn:
            conn.execute(text(probe)).scalar()

    async def check() -> CheckResult:
        await asyncio.to_thread(query)
        return CheckResult(True)

    return check


class Heartbeat:
    """Ticks on the event loop; how late each tick runs is the loop's lag."""

    def __init__(self, interval_s: float = 0.5, stale_after_s: float = 10.0) -> None:
        self.interval_s = interval_s
        self.stale_after_s = stale_after_s
        self.last_tick = time.monotonic()
        self.lag_s = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self.last_tick = time.monotonic()
            self._task = asyncio.create_task(self._run(), name="wirewatch-heartbeat")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            expected = time.monotonic() + self.interval_s
            await asyncio.sleep(self.interval_s)
            now = time.monotonic()
            self.lag_s = max(0.0, now - expected)
            self.last_tick = now
            EVENT_LOOP_LAG.set(self.lag_s)

    def alive(self) -> CheckResult:
        age = time.monotonic() - self.last_tick
        detail = {"loop_lag_s": round(self.lag_s, 4), "last_tick_age_s": round(age, 3)}
        if self._task is not None and self._task.done():
            return CheckResult(False, "heartbeat task stopped", detail)
        if age > self.stale_after_s:
            return CheckResult(False, f"event loop stalled for {age:.1f} s", detail)
        return CheckResult(True, detail=detail)
