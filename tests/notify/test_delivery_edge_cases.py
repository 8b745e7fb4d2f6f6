"""Stop 37 audit: notify delivery under adverse and edge conditions (clock changes, SMTP
refusals, re-posted items), against real databases and servers."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from wirewatch_notify import dead_letters, outbox, subscriptions
from wirewatch_notify.models import DeliveryKind, DeliveryStatus
from wirewatch_notify.release import release_held
from wirewatch_shared.embedded import free_port

from tests.notify.support import (
    classified,
    make_service,
    running_worker,
    subscribe_webhook,
    wait_until,
)
from tests.support.http import HttpReceiver, Reply

EXAMPLE_HOOK = "https://hooks.example.org/x"


def _fixed(now: datetime) -> datetime:
    return now


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


async def test_alerts_in_the_repeated_hour_wait_for_their_digest(database_url: str) -> None:
    """New York, 2024-11-03: 01:00-02:00 comes twice. Two alerts at the second 01:10 and
    01:20 (EST) belong to the 30-minute digest ending at 01:30 EST. Their period end was
    computed as 01:30 EDT, an hour in the past: each alert was released at the next tick,
    a digest per alert all through that hour instead of one at 01:30."""
    service = make_service(database_url, log_level="WARNING")
    subscribe_webhook(
        service,
        EXAMPLE_HOOK,
        mode="digest",
        digest_interval_minutes=30,
        timezone="America/New_York",
    )
    for at, title in (("01:10", "First flight"), ("01:20", "Second flight")):
        now = _utc(f"2024-11-03T{at}:00-05:00")
        service.worker.clock = functools.partial(_fixed, now)
        await service.handle_classified(classified("flights", title=title))
        assert release_held(service.engine, now) == 0  # held: the period is not over
    held = outbox.list_deliveries(service.engine, status=DeliveryStatus.HELD)
    assert {d.next_attempt_at for d in held} == {_utc("2024-11-03T01:30:00-05:00")}
    assert release_held(service.engine, _utc("2024-11-03T01:30:00-05:00")) == 2
    [digest] = outbox.list_deliveries(service.engine, status=DeliveryStatus.PENDING)
    assert digest.kind == DeliveryKind.DIGEST
    assert json.loads(digest.payload)["data"]["count"] == 2
    service.engine.dispose()


class RefusingSmtp:
    """A real SMTP server (aiosmtpd) whose next RCPT TO or DATA answers can be set."""

    def __init__(self, *, smtputf8: bool = True) -> None:
        self.host = "127.0.0.1"
        self.port = free_port(self.host)
        self.lock = threading.Lock()
        self.replies: dict[str, list[str]] = {"RCPT": [], "DATA": []}
        self.accepted: list[bytes] = []
        self.recipients: list[str] = []
        self.controller = Controller(
            self, hostname=self.host, port=self.port, enable_SMTPUTF8=smtputf8
        )

    def refuse_next(self, command: str, reply: str) -> None:
        with self.lock:
            self.replies[command].append(reply)

    def _next(self, command: str) -> str | None:
        with self.lock:
            queued = self.replies[command]
            return queued.pop(0) if queued else None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        reply = self._next("RCPT")
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = self._next("DATA")
        if reply is not None:
            return reply
        with self.lock:
            self.accepted.append(envelope.content)
            self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture
def refusing_smtp() -> Iterator[RefusingSmtp]:
    server = RefusingSmtp()
    server.controller.start()
    try:
        yield server
    finally:
        server.controller.stop()


# Refusals of our sender, our relay settings or one message's content: not of the
# subscriber's address. Verbatim forms of Gmail's DMARC refusal, Postfix's relay refusal
# and a content filter's answer.
NOT_THE_ADDRESS = [
    (
        "DATA",
        "550 5.7.26 Unauthenticated email from example.org is not accepted due to "
        "domain's DMARC policy",
    ),
    ("RCPT", "554 5.7.1 <desk@example.org>: Relay access denied"),
    ("DATA", "554 5.6.0 Message rejected: content looks like spam"),
    ("DATA", "552 5.3.4 Message size exceeds fixed maximum message size"),
    ("RCPT", "550 5.1.8 Bad sender's system address"),
]


@pytest.mark.parametrize(("command", "reply"), NOT_THE_ADDRESS)
async def test_a_refusal_of_our_mail_does_not_unsubscribe_the_reader(
    database_url: str, refusing_smtp: RefusingSmtp, command: str, reply: str
) -> None:
    """A 5xx that is about the sender (DMARC, relay access) or about one message (content,
    size) disabled the subscription as if the address did not exist: one misconfigured
    SPF record or one headline a filter disliked stopped every reader for good. The
    message is dead-lettered (replayable once fixed); the next alert still goes out."""
    service = make_service(database_url, smtp_host=refusing_smtp.host, smtp_port=refusing_smtp.port)
    sub_id = subscribe_webhook(service, "desk@example.org", channel="email")
    refusing_smtp.refuse_next(command, reply)
    async with running_worker(service):
        await service.handle_classified(classified("flights", title="First flight"))
        await wait_until(
            lambda: bool(outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD))
        )
        await service.handle_classified(classified("flights", title="Second flight"))
        await wait_until(lambda: len(refusing_smtp.accepted) == 1)
        await wait_until(service.worker.idle)
    stored = subscriptions.get_subscription(service.engine, sub_id)
    assert stored is not None and stored.active and stored.disabled_reason is None
    [dead] = outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD)
    assert dead.attempts == 1 and reply.split(" ")[1] in (dead.last_error or "")
    assert b"Second flight" in refusing_smtp.accepted[0]
    service.engine.dispose()


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("RCPT", "550 5.1.1 <desk@example.org>: Recipient address rejected: User unknown"),
        ("RCPT", "550 No such user here"),
        ("DATA", "550 5.1.1 The email account that you tried to reach does not exist."),
        ("DATA", "550 5.2.1 The email account that you tried to reach is disabled."),
    ],
)
async def test_a_refusal_of_the_address_still_stops_mail_to_it(
    sqlite_url: str, refusing_smtp: RefusingSmtp, command: str, reply: str
) -> None:
    service = make_service(sqlite_url, smtp_host=refusing_smtp.host, smtp_port=refusing_smtp.port)
    sub_id = subscribe_webhook(service, "desk@example.org", channel="email")
    refusing_smtp.refuse_next(command, reply)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(
            lambda: not subscriptions.get_subscription(service.engine, sub_id).active  # type: ignore[union-attr]
        )
    stored = subscriptions.get_subscription(service.engine, sub_id)
    assert stored is not None and reply.split(" ")[0] in (stored.disabled_reason or "")
    assert refusing_smtp.accepted == []


async def test_an_item_reposted_with_the_same_link_and_title_alerts_once(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """An outlet that re-posts an article (a new guid, the same link and headline) or
    carries it in two of its feeds makes two items: an item-mode subscriber got the
    same alert twice. One alert per (subscription, link and headline) now; entries that
    share a link but not a headline (a feed whose entries all link to its news page)
    still alert each, and a redelivered item is still recorded once."""
    service = make_service(database_url, log_level="WARNING")
    subscribe_webhook(service, http_receiver.url("/hook"))
    link = "https://example.org/news/deportation-flight"
    title = "Deportation flight lands in Caracas"
    first = classified("flights", title=title, link=link)
    repost = classified("flights", title=f"  {title} ", link=link, feed_id=2)
    other_entry = classified("flights", title="Second flight lands in Caracas", link=link)
    async with running_worker(service):
        await service.handle_classified(first)
        await service.handle_batch([repost, first])  # a re-post, and a redelivery
        await service.handle_batch([other_entry, repost])
        await wait_until(lambda: len(http_receiver.received("/hook")) >= 2)
        await wait_until(service.worker.idle)
    titles = [json.loads(r.body)["data"]["item"]["title"] for r in http_receiver.received("/hook")]
    assert sorted(titles) == sorted([title, other_entry.item.title])
    service.engine.dispose()


async def test_replaying_a_disabled_subscriptions_dead_letter_keeps_it_until_re_enabled(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    """The endpoint answered 410: the subscription was disabled, the alert dead. The
    operator fixed the endpoint and ran ``deliveries replay --all-dead`` before turning
    the subscription back on: the worker cancelled the replayed alert (subscription
    inactive), so once re-enabled there was nothing left to replay and the alert was
    lost. Replay now leaves a paused or disabled subscription's dead letters dead."""
    http_receiver.routes["/moved"] = Reply(410, b"gone")
    service = make_service(database_url, log_level="WARNING")
    sub_id = subscribe_webhook(service, http_receiver.url("/moved"))
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(
            lambda: bool(outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD))
        )
        http_receiver.routes["/moved"] = Reply(200)  # the endpoint is back
        replayed = dead_letters.replay(service.engine)  # its subscription is still disabled
        await wait_until(service.worker.idle)
        [dead] = outbox.list_deliveries(service.engine)
        assert (dead.status, replayed) == (DeliveryStatus.DEAD, 0)
        on = subscriptions.parse_update({"active": True})
        assert subscriptions.update_subscription(service.engine, sub_id, on) is not None
        assert dead_letters.replay(service.engine) == 1
        await wait_until(lambda: len(http_receiver.received("/moved")) == 2)
        await wait_until(service.worker.idle)
    [sent] = outbox.list_deliveries(service.engine)
    assert sent.status == DeliveryStatus.SENT
    assert dead_letters.replay(service.engine) == 0  # replayed twice: sent once
    service.engine.dispose()


async def test_an_address_at_an_international_domain_reaches_a_relay_without_smtputf8(
    database_url: str,
) -> None:
    """``leser@bücher.de`` was accepted as a subscription, but every mail to it failed at
    a relay that does not offer SMTPUTF8 (Amazon SES, older Postfix) with
    "SMTPNotSupported", retried for a day and dead-lettered: the domain was sent as
    Unicode. Its ASCII form (``xn--bcher-kva.de``) is the same address to every relay."""
    relay = RefusingSmtp(smtputf8=False)
    relay.controller.start()
    try:
        service = make_service(database_url, smtp_host=relay.host, smtp_port=relay.port)
        subscribe_webhook(service, "leser@bücher.de", channel="email")
        async with running_worker(service):
            await service.handle_classified(classified("flights"))
            await wait_until(lambda: len(relay.accepted) == 1, timeout=5)
            await wait_until(service.worker.idle)
    finally:
        relay.controller.stop()
    assert relay.recipients == ["leser@xn--bcher-kva.de"]
    assert b"To: leser@xn--bcher-kva.de" in relay.accepted[0]
    service.engine.dispose()
