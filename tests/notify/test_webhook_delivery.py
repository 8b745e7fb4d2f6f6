"""Webhook deliveries through the worker: signatures (and rotation), 410, Retry-After."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy.engine import Engine
from standardwebhooks.webhooks import Webhook
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.models import DeliveryStatus

from tests.notify.support import (
    classified,
    make_service,
    running_worker,
    wait_received,
    wait_until,
)
from tests.support.http import HttpReceiver, RecordedRequest, Reply


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _webhook(service, url: str, topic: str = "flights"):  # type: ignore[no-untyped-def]
    return subscriptions.create_subscription(
        service.engine,
        subscriptions.parse_create(
            {"alert_mode": "item", "topic": topic, "channel": "webhook", "target": url}
        ),
        service.box,
    )


async def test_signed_with_both_secrets_during_rotation(
    engine: Engine, http_receiver: HttpReceiver
) -> None:
    service = make_service(_url(engine), secret_rotation_grace_s=3600)
    created = _webhook(service, http_receiver.url("/hook"))
    sub = created.subscription
    assert sub.id is not None and created.webhook_secret
    old = created.webhook_secret
    rotation = subscriptions.rotate_secret(service.engine, sub.id, service.box, grace_s=3600)
    assert rotation is not None and rotation.webhook_secret != old
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        [request] = await wait_received(http_receiver, 1, "/hook")
    signatures = request.headers["webhook-signature"].split(" ")
    assert len(signatures) == 2 and all(s.startswith("v1,") for s in signatures)
    for secret in (old, rotation.webhook_secret):
        payload = Webhook(secret).verify(request.body, request.headers)
        assert payload["type"] == "wirewatch.alert.v1"
    assert json.loads(request.body)["data"]["matches"][0]["topic"] == "flights"


async def test_after_the_grace_period_only_the_new_secret_signs(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    from standardwebhooks.webhooks import WebhookVerificationError

    service = make_service(sqlite_url)
    created = _webhook(service, http_receiver.url("/hook"))
    assert created.subscription.id is not None and created.webhook_secret
    rotation = subscriptions.rotate_secret(
        service.engine, created.subscription.id, service.box, grace_s=0
    )
    assert rotation is not None
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        [request] = await wait_received(http_receiver, 1, "/hook")
    assert len(request.headers["webhook-signature"].split(" ")) == 1
    Webhook(rotation.webhook_secret).verify(request.body, request.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(created.webhook_secret).verify(request.body, request.headers)


async def test_410_disables_the_endpoint(sqlite_url: str, http_receiver: HttpReceiver) -> None:
    http_receiver.routes["/gone"] = Reply(410, b"gone")
    service = make_service(sqlite_url)
    sub = _webhook(service, http_receiver.url("/gone")).subscription
    assert sub.id is not None
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(
            lambda: not subscriptions.get_subscription(service.engine, sub.id).active  # type: ignore[arg-type, union-attr]
        )
        await service.handle_classified(classified("flights"))
        await wait_until(service.worker.idle)
    stored = subscriptions.get_subscription(service.engine, sub.id)
    assert stored is not None and "410" in (stored.disabled_reason or "")
    assert len(http_receiver.received("/gone")) == 1  # nothing after the 410
    [dead] = outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD)
    assert dead.attempts == 1


async def test_retry_after_is_honoured(sqlite_url: str, http_receiver: HttpReceiver) -> None:
    calls: list[float] = []

    def busy_once(request: RecordedRequest) -> Reply:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply(503, b"busy", {"retry-after": "20"})
        return Reply(200)

    http_receiver.routes["/busy"] = busy_once
    service = make_service(sqlite_url, retry_after_scale=0.05)  # 20 s -> 1 s
    _webhook(service, http_receiver.url("/busy"))
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_received(http_receiver, 2, "/busy")
    assert calls[1] - calls[0] >= 0.95


async def test_a_redelivered_item_is_not_sent_twice(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    service = make_service(sqlite_url)
    _webhook(service, http_receiver.url("/hook"))
    item = classified("flights")
    async with running_worker(service):
        for _ in range(3):
            await service.handle_classified(item)
        await wait_received(http_receiver, 1, "/hook")
        await wait_until(service.worker.idle)
    assert len(http_receiver.received("/hook")) == 1
