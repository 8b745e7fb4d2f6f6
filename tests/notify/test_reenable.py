"""An operator turns back on a subscription notify disabled (the endpoint answered 410,
the mail server refused the address), and loses no alert: the CLI's
``subscriptions show|pause|enable`` and the API's PATCH ``active``; the alerts that
were waiting when it was disabled are dead letters, replayed once it is on again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from wirewatch_notify import dead_letters, outbox, outcomes, subscriptions, tokens
from wirewatch_notify.app import NotifyService
from wirewatch_notify.models import DeliveryStatus

from tests.notify.support import (
    SECRET_KEY,
    CliResult,
    api_client,
    bearer,
    classified,
    make_service,
    run_cli,
    running_worker,
    subscribe_webhook,
    wait_until,
)
from tests.support.env import clear_settings
from tests.support.http import HttpReceiver, Reply

ALERTS = 5


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clear_settings(monkeypatch)
    monkeypatch.chdir(tmp_path)


def cli(database_url: str, *args: str, **settings: str) -> CliResult:
    """The CLI in-process, on the service's database."""
    env = {"WIREWATCH_DATABASE_URL": database_url, "WIREWATCH_SECRET_KEY": SECRET_KEY, **settings}
    return run_cli(args, env)


def _statuses(service: NotifyService) -> list[str]:
    return sorted(d.status for d in outbox.list_deliveries(service.engine))


async def _disabled_by_410(service: NotifyService, receiver: HttpReceiver) -> int:
    """A subscription with ALERTS alerts recorded at once, whose endpoint answers 410:
    disabled, and none of its alerts waiting any more."""
    receiver.routes["/moved"] = Reply(410, b"gone")
    sub_id = subscribe_webhook(service, receiver.url("/moved"))
    items = [classified("flights", title=f"Deportation flight {n} lands") for n in range(ALERTS)]
    await service.handle_batch(items)
    await wait_until(lambda: DeliveryStatus.PENDING not in _statuses(service))
    await wait_until(service.worker.idle)
    sub = subscriptions.get_subscription(service.engine, sub_id)
    assert sub is not None and not sub.active and "410" in (sub.disabled_reason or "")
    return sub_id


def _delivered_ids(receiver: HttpReceiver) -> set[str]:
    return {r.headers["webhook-id"] for r in receiver.received("/moved")}


async def test_the_alerts_waiting_when_notify_disabled_it_are_replayed_once_re_enabled(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """One alert got the 410; the four queued behind it were cancelled ("subscription
    inactive") and could never be replayed: re-enabled, the subscription got 1 of 5."""
    service = make_service(
        database_url, log_level="WARNING", endpoint_concurrency=1, endpoint_concurrency_max=1
    )
    async with running_worker(service):
        sub_id = await _disabled_by_410(service, http_receiver)
        assert _statuses(service) == [DeliveryStatus.DEAD] * ALERTS
        assert dead_letters.replay(service.engine) == 0  # disabled: they stay dead
        http_receiver.routes["/moved"] = Reply(200)
        on = subscriptions.parse_update({"active": True})
        assert subscriptions.update_subscription(service.engine, sub_id, on) is not None
        assert dead_letters.replay(service.engine) == ALERTS
        await wait_until(lambda: _statuses(service) == [DeliveryStatus.SENT] * ALERTS)
    assert len(_delivered_ids(http_receiver)) == ALERTS
    service.engine.dispose()


async def test_the_operator_sees_why_and_turns_it_back_on_with_the_cli(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    service = make_service(
        database_url, log_level="WARNING", endpoint_concurrency=1, endpoint_concurrency_max=1
    )
    async with running_worker(service):
        sub_id = await _disabled_by_410(service, http_receiver)
        shown = cli(database_url, "subscriptions", "show", str(sub_id))
        assert shown.returncode == 0, shown.output
        assert "disabled" in shown.output and "HTTP 410" in shown.output
        assert f"dead: {ALERTS}" in shown.output
        http_receiver.routes["/moved"] = Reply(200)
        enabled = cli(database_url, "subscriptions", "enable", str(sub_id), "--replay")
        assert enabled.returncode == 0, enabled.output
        assert f"replayed {ALERTS} dead deliveries" in enabled.output
        await wait_until(lambda: _statuses(service) == [DeliveryStatus.SENT] * ALERTS)
        sub = subscriptions.get_subscription(service.engine, sub_id)
        assert sub is not None and sub.active and sub.disabled_reason is None
        listed = cli(database_url, "subscriptions", "list")
        assert "HTTP 410" not in listed.output and "active" in listed.output
    assert len(_delivered_ids(http_receiver)) == ALERTS
    service.engine.dispose()


async def test_pause_and_enable_from_the_cli(database_url: str, tmp_path: Path) -> None:
    service = make_service(database_url)
    sub_id = subscribe_webhook(service, "https://hooks.example.org/x")
    paused = cli(database_url, "subscriptions", "pause", str(sub_id))
    assert paused.returncode == 0 and f"paused subscription {sub_id}" in paused.output
    shown = cli(database_url, "subscriptions", "show", str(sub_id))
    assert "paused" in shown.output
    again = cli(database_url, "subscriptions", "enable", str(sub_id))
    assert again.returncode == 0 and f"subscription {sub_id} is active" in again.output
    missing = cli(database_url, "subscriptions", "enable", "9999")
    assert missing.returncode == 1 and "no subscription with id 9999" in missing.output
    missing = cli(database_url, "subscriptions", "show", "9999")
    assert missing.returncode == 1
    service.engine.dispose()


async def test_a_recipient_who_unsubscribed_is_not_turned_back_on(database_url: str) -> None:
    """The recipient's one-click unsubscribe is their word: neither the API's owner nor
    the operator may start mailing them again (a new subscription asks them again)."""
    service = make_service(database_url)
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    async with api_client(service) as client:
        created = await client.post(
            "/api/v1/subscriptions",
            json={"topic": "flights", "channel": "email", "target": "reader@example.org"},
            headers=auth,
        )
        sub_id = created.json()["id"]
        assert subscriptions.unsubscribe(service.engine, sub_id)
        answer = await client.patch(
            f"/api/v1/subscriptions/{sub_id}", json={"active": True}, headers=auth
        )
        assert answer.status_code == 409, answer.text
        assert "unsubscribed" in answer.json()["detail"]
    refused = cli(database_url, "subscriptions", "enable", str(sub_id))
    assert refused.returncode == 2 and "unsubscribed" in refused.output
    sub = subscriptions.get_subscription(service.engine, sub_id)
    assert sub is not None and not sub.active
    service.engine.dispose()


async def test_the_api_turns_a_disabled_subscription_back_on(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    service = make_service(
        database_url, log_level="WARNING", endpoint_concurrency=1, endpoint_concurrency_max=1
    )
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    async with api_client(service) as client, running_worker(service):
        created = await client.post(
            "/api/v1/subscriptions",
            json={
                "alert_mode": "item",
                "topic": "flights",
                "channel": "webhook",
                "target": http_receiver.url("/moved"),
            },
            headers=auth,
        )
        sub_id = created.json()["id"]
        http_receiver.routes["/moved"] = Reply(410, b"gone")
        await service.handle_batch([classified("flights")])
        path = f"/api/v1/subscriptions/{sub_id}"
        await wait_until(lambda: not subscriptions.get_subscription(service.engine, sub_id).active)  # type: ignore[union-attr]
        got: dict[str, Any] = (await client.get(path, headers=auth)).json()
        assert got["status"] == "disabled" and "410" in got["disabled_reason"]
        answer = await client.patch(path, json={"active": True}, headers=auth)
        assert answer.status_code == 200, answer.text
        body = json.loads(answer.text)
        assert body["status"] == "active" and body["disabled_reason"] is None
        assert isinstance(client, httpx.AsyncClient)
    service.engine.dispose()


async def test_alerts_held_through_quiet_hours_wait_dead_for_a_disabled_subscription(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """Held alerts released while notify has the subscription disabled were cancelled;
    they are dead letters now, sent once it is re-enabled and replayed."""
    from datetime import timedelta

    from wirewatch_notify.release import release_held
    from wirewatch_shared.clock import utcnow

    service = make_service(database_url, log_level="WARNING")
    http_receiver.routes["/hook"] = Reply(200)
    sub_id = subscribe_webhook(
        service,
        http_receiver.url("/hook"),
        quiet_hours={"start": "00:00", "end": "23:59"},
    )
    await service.handle_batch([classified("flights"), classified("flights")])
    assert _statuses(service) == [DeliveryStatus.HELD] * 2
    outcomes.disable_subscription(service.engine, sub_id, "HTTP 410")
    # Quiet hours off (the subscription changed), the hold is due: released while disabled.
    patch = subscriptions.parse_update({"quiet_hours": None})
    assert subscriptions.update_subscription(service.engine, sub_id, patch) is not None
    assert release_held(service.engine, utcnow() + timedelta(days=2)) == 2
    assert _statuses(service) == [DeliveryStatus.DEAD] * 2
    on = subscriptions.parse_update({"active": True})
    assert subscriptions.update_subscription(service.engine, sub_id, on) is not None
    assert dead_letters.replay(service.engine) == 2
    async with running_worker(service):
        await wait_until(lambda: _statuses(service) == [DeliveryStatus.SENT] * 2)
    assert len(http_receiver.received("/hook")) == 2
    service.engine.dispose()


async def test_enable_says_an_email_subscription_still_awaits_its_confirmation(
    database_url: str,
) -> None:
    service = make_service(database_url)
    request = subscriptions.parse_create(
        {"topic": "flights", "channel": "email", "target": "reader@example.org"}
    )
    created = subscriptions.create_subscription(
        service.engine, request, service.box, require_confirmation=True
    )
    enabled = cli(database_url, "subscriptions", "enable", str(created.subscription.id))
    assert enabled.returncode == 0 and "is awaiting confirmation" in enabled.output, enabled.output
    service.engine.dispose()


def test_a_failed_test_send_is_not_replayed_as_an_alert(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """The walk of the operator flows: a test send that met the 410 was dead, so turning
    the subscription back on with --replay (or ``deliveries replay --all-dead``) sent the
    receiver a stale "test alert" long after the test. A test is not retried, ever."""
    service = make_service(database_url)
    http_receiver.routes["/moved"] = Reply(410, b"gone")
    sub_id = subscribe_webhook(service, http_receiver.url("/moved"))
    env_private = {"WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS": "true"}
    tested = cli(database_url, "subscriptions", "test", str(sub_id), **env_private)
    assert tested.returncode == 2 and "410" in tested.output, tested.output
    [dead] = outbox.list_deliveries(service.engine)
    assert dead.status == DeliveryStatus.DEAD
    http_receiver.routes["/moved"] = Reply(200)
    enabled = cli(database_url, "subscriptions", "enable", str(sub_id), "--replay")
    assert "replayed 0 dead deliveries" in enabled.output, enabled.output
    every = cli(database_url, "deliveries", "replay", "--all-dead")
    assert "replayed 0 dead deliveries" in every.output and "stay dead" not in every.output
    one = cli(database_url, "deliveries", "replay", str(dead.id))
    assert one.returncode == 2 and "a test send" in one.output, one.output
    assert len(http_receiver.received("/moved")) == 1
    service.engine.dispose()
