"""Sends at once per endpoint adapt to the endpoint: more while it keeps up with work
waiting, half as many once it times out or answers 429/5xx (AIMD), within
[1, WIREWATCH_ENDPOINT_CONCURRENCY_MAX]; a fixed limit where the channel says so."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from pydantic import ValidationError
from wirewatch_notify import outbox
from wirewatch_notify.endpoint_limits import AdaptiveLimit, EndpointLimits
from wirewatch_notify.models import DeliveryStatus
from wirewatch_shared.metrics import REGISTRY

from tests.notify.support import (
    classified,
    make_service,
    make_settings,
    running_worker,
    subscribe_webhook,
    wait_until,
)
from tests.support.http import HttpReceiver, RecordedRequest, Reply


def test_the_limit_grows_only_while_the_endpoint_is_at_it() -> None:
    limit = AdaptiveLimit(2, 5)
    for _ in range(10):
        limit.succeeded(at_limit=False)
    assert limit.limit == 2
    for _ in range(10):
        limit.succeeded(at_limit=True)
    assert limit.limit == 5


def test_after_an_overload_the_limit_grows_a_slot_per_round_of_sends() -> None:
    limit = AdaptiveLimit(4, 32)
    limit.overloaded(window=limit.window)
    assert limit.limit == 2
    for _ in range(2 + 3):  # 2 sends at the limit to reach 3, then 3 more to reach 4
        limit.succeeded(at_limit=True)
    assert limit.limit == 4


def test_one_burst_of_failures_halves_the_limit_once() -> None:
    limit = AdaptiveLimit(8, 32)
    for _ in range(8):
        limit.succeeded(at_limit=True)
    assert limit.limit == 16
    window = limit.window  # 16 sends under way when the endpoint falls over
    for _ in range(16):
        limit.overloaded(window=window)
    assert limit.limit == 8
    limit.overloaded(window=limit.window)  # a send started after the cut fails too
    assert limit.limit == 4
    for _ in range(5):
        limit.overloaded(window=limit.window)
    assert limit.limit == 1  # never below one


def test_a_fixed_limit_never_moves() -> None:
    limit = AdaptiveLimit(1, 1)
    limit.succeeded(at_limit=True)
    limit.overloaded(window=limit.window)
    assert (limit.limit, limit.fixed) == (1, True)


def test_bounds_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="initial"):
        AdaptiveLimit(8, 4)
    with pytest.raises(ValidationError, match="endpoint_concurrency_max"):
        make_settings("sqlite://", endpoint_concurrency=8, endpoint_concurrency_max=4)


def test_endpoint_limits_forget_the_oldest_beyond_their_bound() -> None:
    limits = EndpointLimits(max_tracked=2)
    limits.of("a", 2, 8).succeeded(at_limit=True)
    limits.of("b", 2, 8)
    limits.of("c", 2, 8)
    assert len(limits) == 2 and limits.get("a") is None
    assert limits.of("a", 2, 8).limit == 2  # learned again from the start


class _Endpoint:
    """A receiver that takes ``capacity`` requests at once (503 beyond, when given) and
    counts the most it ever saw at once."""

    def __init__(self, *, delay_s: float, capacity: int | None = None) -> None:
        self.delay_s = delay_s
        self.capacity = capacity
        self.lock = threading.Lock()
        self.active = 0
        self.peak = 0
        self.refused = 0
        self.accepted: Counter[str] = Counter()
        self.done = threading.Event()

    def __call__(self, request: RecordedRequest) -> Reply:
        with self.lock:
            if self.capacity is not None and self.active >= self.capacity:
                self.refused += 1
                return Reply(503, b"busy")
            self.active += 1
            self.peak = max(self.peak, self.active)
        self.done.wait(self.delay_s)  # the work, without sleeping through a shutdown
        with self.lock:
            self.active -= 1
            self.accepted[request.headers["webhook-id"]] += 1
        return Reply(204, b"")


def _overloads() -> float:
    value = REGISTRY.get_sample_value(
        "wirewatch_notify_endpoint_overloads_total", {"channel": "webhook"}
    )
    return value or 0.0


async def test_an_endpoint_that_keeps_up_gets_more_sends_at_once(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    endpoint = _Endpoint(delay_s=0.03)
    http_receiver.routes["/hook"] = endpoint
    service = make_service(
        database_url,
        endpoint_concurrency=2,
        endpoint_concurrency_max=6,
        delivery_concurrency=32,
        log_level="WARNING",
    )
    url = http_receiver.url("/hook")
    subscribe_webhook(service, url)
    async with running_worker(service):
        await service.handle_batch([classified("flights", item_id=f"grow-{n}") for n in range(120)])
        await wait_until(lambda: len(endpoint.accepted) == 120, timeout=30)
        await wait_until(service.worker.idle)
    assert max(endpoint.accepted.values()) == 1  # every alert once
    assert 2 < endpoint.peak <= 6, endpoint.peak
    assert service.worker.endpoints.limit_of("webhook", url) == 6
    assert outbox.count_by_status(service.engine) == {DeliveryStatus.SENT: 120}


async def test_an_overloaded_endpoint_gets_fewer_sends_at_once(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """The receiver takes 3 at once and answers 503 beyond: the limit climbs to it, is
    halved at each refusal, and every alert still arrives once (retried)."""
    endpoint = _Endpoint(delay_s=0.03, capacity=3)
    http_receiver.routes["/hook"] = endpoint
    service = make_service(
        database_url,
        endpoint_concurrency=2,
        endpoint_concurrency_max=16,
        delivery_concurrency=32,
        retry_schedule_s=[0.1, 0.2, 0.4, 0.8, 1.6, 3.2],
        log_level="WARNING",
    )
    url = http_receiver.url("/hook")
    subscribe_webhook(service, url)
    cuts_before = _overloads()
    async with running_worker(service):
        await service.handle_batch([classified("flights", item_id=f"cut-{n}") for n in range(120)])
        await wait_until(lambda: len(endpoint.accepted) == 120, timeout=60)
        await wait_until(service.worker.idle, timeout=30)
    assert max(endpoint.accepted.values()) == 1
    assert endpoint.refused > 0  # it was pushed to its capacity ...
    limit = service.worker.endpoints.limit_of("webhook", url)
    # ... and the limit stayed near it, far under the ceiling (16): after its last cut it
    # probes upwards again by the sends made at the limit since, which timing decides (a
    # slow CI host ended at 5 once). Without the halving it ends at 7 and the refusals
    # below pass 50: that count is what tells a working limit.
    assert limit is not None and limit <= 2 * 3, limit
    # 14-19 refusals measured; a fixed limit of 16 here meets 91-114 (every alert ~once).
    assert endpoint.refused < 50, endpoint.refused
    assert _overloads() > cuts_before  # operators see it on /metrics
    assert outbox.count_by_status(service.engine) == {DeliveryStatus.SENT: 120}
