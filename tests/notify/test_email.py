"""Email: verified TLS only, multipart + escaping, hostile subjects, RFC 8058 one-click
unsubscribe, double opt-in, SMTP 4xx/5xx, digests and quiet hours — against real SMTP."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from wirewatch_notify import outbox, subscriptions, tokens
from wirewatch_notify.channels.base import DeliveryRequest
from wirewatch_notify.channels.email import EmailChannel
from wirewatch_notify.models import DeliveryKind, DeliveryStatus
from wirewatch_notify.payloads import alert_envelope
from wirewatch_shared.clock import utcnow

from tests.notify.support import (
    NOW,
    api_client,
    bearer,
    classified,
    make_service,
    make_settings,
    running_worker,
    wait_until,
)
from tests.notify.tls import TlsSmtpSink, self_signed, server_context
from tests.support.smtp import SmtpSink


def _smtp(sink: SmtpSink, **extra: Any) -> dict[str, Any]:
    return {"smtp_host": sink.host, "smtp_port": sink.port, **extra}


def _email_sub(service, address: str = "desk@example.org", **fields: Any):  # type: ignore[no-untyped-def]
    body = {
        "alert_mode": "item",
        "topic": "flights",
        "channel": "email",
        "target": address,
        **fields,
    }
    sub = subscriptions.create_subscription(
        service.engine, subscriptions.parse_create(body), service.box
    ).subscription
    assert sub.id is not None
    return sub


@pytest.fixture
def cert(tmp_path: Path) -> tuple[Path, Path]:
    return self_signed(tmp_path)


@pytest.fixture(params=["starttls", "tls"])
def tls_sink(request: pytest.FixtureRequest, cert: tuple[Path, Path]) -> Iterator[TlsSmtpSink]:
    sink = TlsSmtpSink(server_context(*cert), request.param)
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


async def test_untrusted_certificate_means_zero_sends(
    sqlite_url: str, tls_sink: TlsSmtpSink, cert: tuple[Path, Path]
) -> None:
    mode = "starttls" if isinstance(tls_sink, TlsSmtpSink) and tls_sink else "tls"
    security = "tls" if tls_sink._controller.ssl_context else "starttls"
    service = make_service(sqlite_url, **_smtp(tls_sink, smtp_security=security))
    _email_sub(service)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(
            lambda: bool(outbox.list_deliveries(service.engine, failed=True)), timeout=10
        )
    assert tls_sink.messages == [], mode
    [row] = outbox.list_deliveries(service.engine)
    assert "CERTIFICATE_VERIFY_FAILED" in (row.last_error or "")


async def test_trusted_certificate_delivers(
    sqlite_url: str, tls_sink: TlsSmtpSink, cert: tuple[Path, Path]
) -> None:
    security = "tls" if tls_sink._controller.ssl_context else "starttls"
    service = make_service(
        sqlite_url, **_smtp(tls_sink, smtp_security=security, smtp_ca_file=str(cert[0]))
    )
    _email_sub(service)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(lambda: len(tls_sink.messages) == 1)


async def test_required_starttls_refuses_a_clear_text_server(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    service = make_service(sqlite_url, **_smtp(smtp_server, smtp_security="starttls"))
    _email_sub(service)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(lambda: bool(outbox.list_deliveries(service.engine, failed=True)))
    assert smtp_server.messages == []
    [row] = outbox.list_deliveries(service.engine)
    assert "STARTTLS" in (row.last_error or "")


HOSTILE = [
    "\r\nBcc: victim@example.org",
    "\nX-Injected: yes",
    "\rSubject: second",
    "\0NUL\0",
    "line\u2028separator\u2029paragraph",
    "next\x85line\x0bvtab\x0cff\x1cfs",
    "\r\n\r\nbody injection",
    "=?utf-8?b?QmNjOiB4QHkuego=?=",
    "\u202eRTL override",
    "émoji 🚀 ünïcode",
    "x" * 240,  # up to four of them: within the event bound on titles (1,000)
    "   ",
    "",
    "Content-Type: text/html\r\n",
]


def _hostile_title(rng: random.Random) -> str:
    return "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 4)))


async def test_a_thousand_hostile_subjects_never_crash_or_inject(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    settings = make_settings(sqlite_url, **_smtp(smtp_server))
    channel = EmailChannel(settings)
    rng = random.Random(4)
    gate = asyncio.Semaphore(16)

    async def send(n: int) -> None:
        item = classified("flights", title=_hostile_title(rng), item_id=f"h{n}")
        envelope = alert_envelope(item, item.matches, now=NOW)
        async with gate:
            await channel.send(
                DeliveryRequest(
                    f"msg_{n}",
                    "desk@example.org",
                    envelope,
                    unsubscribe_url="http://testserver/api/v1/email/unsubscribe/1.0.x",
                )
            )

    await asyncio.gather(*(send(n) for n in range(1000)))
    mails = smtp_server.wait_for(1000)
    expected = Counter(
        [
            "From", "To", "Subject", "Date", "Message-ID", "X-Wirewatch-Message-Id",
            "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type",
        ]
    )  # fmt: skip
    parser = BytesParser(policy=policy.default)
    for mail in mails:
        message = parser.parsebytes(mail.raw, headersonly=True)
        assert Counter(message.keys()) == expected, message.keys()
        subject = str(message["Subject"])
        assert not any(c in subject for c in "\r\n\0")
        assert mail.rcpt_tos == ["desk@example.org"]


async def test_multipart_escaped_html_and_one_click_headers(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    service = make_service(sqlite_url, **_smtp(smtp_server))
    _email_sub(service)
    title = '<script>alert("x")</script> & more'
    async with running_worker(service):
        await service.handle_classified(
            classified("flights", title=title, link="javascript:alert(1)")
        )
        await wait_until(lambda: len(smtp_server.messages) == 1)
    message = smtp_server.messages[0].message
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert title in text.get_content()
    html_body = html.get_content()
    assert "&lt;script&gt;" in html_body and "<script>" not in html_body
    assert "javascript:" not in html_body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http://testserver/api/v1/email/unsubscribe/")
    # On the wire: a plain <URL> on one line, not RFC 2047-encoded by line folding.
    raw = smtp_server.messages[0].raw
    header = next(line for line in raw.split(b"\r\n") if line.startswith(b"List-Unsubscribe:"))
    url = message["List-Unsubscribe"].strip("<>").encode()
    assert len(url) > 78  # long enough that the default policy would have encoded it
    assert header == b"List-Unsubscribe: <" + url + b">"
    assert b"=?utf-8?" not in raw.split(b"\r\n\r\n", 1)[0].lower()


async def test_one_click_unsubscribe_takes_effect_before_the_next_alert(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    service = make_service(sqlite_url, **_smtp(smtp_server))
    sub = _email_sub(service)
    async with running_worker(service), api_client(service) as client:
        await service.handle_classified(classified("flights"))
        await wait_until(lambda: len(smtp_server.messages) == 1)
        link = smtp_server.messages[0].message["List-Unsubscribe"].strip("<>")
        page = await client.get(urlsplit(link).path)
        assert page.status_code == 200 and "<form" in page.text
        assert subscriptions.get_subscription(service.engine, sub.id).active  # type: ignore[union-attr]
        response = await client.post(
            urlsplit(link).path,
            content=b"List-Unsubscribe=One-Click",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert response.status_code == 200
        forged = await client.post(urlsplit(link).path[:-3] + "abc")
        assert forged.status_code == 404
        await service.handle_classified(classified("flights"))
        await wait_until(service.worker.idle)
    assert len(smtp_server.messages) == 1
    stored = subscriptions.get_subscription(service.engine, sub.id)
    assert stored is not None and not stored.active
    assert "unsubscribed" in (stored.disabled_reason or "")


async def test_double_opt_in_nothing_before_confirm_alert_after(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    service = make_service(sqlite_url, **_smtp(smtp_server))
    token = tokens.create_token(service.engine, "desk").plaintext
    async with running_worker(service), api_client(service) as client:
        created = await client.post(
            "/api/v1/subscriptions",
            json={
                "alert_mode": "item",
                "topics": ["flights"],
                "channel": "email",
                "target": "new@example.org",
            },
            headers=bearer(token),
        )
        assert created.status_code == 201, created.text
        assert created.json()["status"] == "awaiting_confirmation"
        await wait_until(lambda: len(smtp_server.messages) == 1)
        confirmation = smtp_server.messages[0].message
        assert "confirm" in str(confirmation["Subject"]).lower()
        assert confirmation["List-Unsubscribe"] is None
        await service.handle_classified(classified("flights", title="Before confirming"))
        test = await client.post(
            f"/api/v1/subscriptions/{created.json()['id']}/test", headers=bearer(token)
        )
        assert test.status_code == 409
        await wait_until(service.worker.idle)
        assert len(smtp_server.messages) == 1  # nothing but the confirmation

        text = confirmation.get_body(("plain",))
        assert text is not None
        link = next(w for w in text.get_content().split() if "/email/confirm/" in w)
        path = urlsplit(link).path
        page = await client.get(path)  # a mail scanner's GET confirms nothing
        assert page.status_code == 200 and "<form" in page.text
        still = await client.get(
            f"/api/v1/subscriptions/{created.json()['id']}", headers=bearer(token)
        )
        assert still.json()["status"] == "awaiting_confirmation"
        assert (await client.post(path)).status_code == 200

        await service.handle_classified(classified("flights", title="After confirming"))
        await wait_until(lambda: len(smtp_server.messages) == 2)
        await wait_until(service.worker.idle)
    subjects = [str(m.message["Subject"]) for m in smtp_server.messages]
    assert "After confirming" in subjects[1]
    assert not any("Before confirming" in s for s in subjects)


async def test_expired_confirmation_link_is_refused(sqlite_url: str) -> None:
    service = make_service(sqlite_url)
    sub = _email_sub(service)
    token = service.links.token("confirm", sub.id, sub.link_key, ttl_s=-10)
    async with api_client(service) as client:
        response = await client.post(f"/api/v1/email/confirm/{token}")
    assert response.status_code == 404 and "expired" in response.text


async def test_smtp_4xx_is_retried(sqlite_url: str, smtp_server: SmtpSink) -> None:
    smtp_server.fail_next("451 4.3.0 try again later")
    service = make_service(sqlite_url, **_smtp(smtp_server))
    _email_sub(service)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(lambda: len(smtp_server.messages) == 1)
        await wait_until(service.worker.idle)
    [row] = outbox.list_deliveries(service.engine)
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 2)


async def test_smtp_5xx_stops_mail_to_that_address(sqlite_url: str, smtp_server: SmtpSink) -> None:
    smtp_server.fail_next("550 5.1.1 no such user")
    service = make_service(sqlite_url, **_smtp(smtp_server))
    sub = _email_sub(service)
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(
            lambda: not subscriptions.get_subscription(service.engine, sub.id).active  # type: ignore[union-attr]
        )
        await service.handle_classified(classified("flights"))
        await wait_until(service.worker.idle)
    assert smtp_server.messages == []
    stored = subscriptions.get_subscription(service.engine, sub.id)
    assert stored is not None and "550" in (stored.disabled_reason or "")
    [dead] = outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD)
    assert dead.attempts == 1


async def test_digest_one_email_per_period_listing_all(
    sqlite_url: str, smtp_server: SmtpSink
) -> None:
    service = make_service(sqlite_url, **_smtp(smtp_server))
    _email_sub(service, mode="digest", digest_interval_minutes=60)
    offset = timedelta(0)
    service.worker.clock = lambda: utcnow() + offset
    titles = [f"Story number {n}" for n in range(3)]
    async with running_worker(service):
        for title in titles:
            await service.handle_classified(classified("flights", title=title))
        held = outbox.list_deliveries(service.engine, status=DeliveryStatus.HELD)
        assert len(held) == 3
        await asyncio.sleep(0.2)  # several worker rounds: nothing may go out yet
        assert smtp_server.messages == []
        offset = timedelta(minutes=61)  # the period is over
        await wait_until(lambda: len(smtp_server.messages) == 1)
        await wait_until(service.worker.idle)
    message = smtp_server.messages[0].message
    assert "Digest: 3 alert(s)" in str(message["Subject"])
    body = message.get_body(("plain",))
    assert body is not None and all(t in body.get_content() for t in titles)
    rows = outbox.list_deliveries(service.engine)
    assert Counter(r.status for r in rows) == {DeliveryStatus.SENT: 4}
    assert [r.kind for r in rows if r.batch_id is None] == [DeliveryKind.DIGEST]


async def test_quiet_hours_hold_then_send(sqlite_url: str, smtp_server: SmtpSink) -> None:
    now = utcnow()
    start = (now - timedelta(hours=1)).strftime("%H:%M")
    end = (now + timedelta(hours=1)).strftime("%H:%M")
    service = make_service(sqlite_url, **_smtp(smtp_server))
    _email_sub(service, quiet_hours={"start": start, "end": end})
    offset = timedelta(0)
    service.worker.clock = lambda: utcnow() + offset
    async with running_worker(service):
        await service.handle_classified(classified("flights", title="Night news"))
        [held] = outbox.list_deliveries(service.engine)
        assert held.status == DeliveryStatus.HELD
        await asyncio.sleep(0.2)
        assert smtp_server.messages == []
        offset = timedelta(hours=1, minutes=1)
        await wait_until(lambda: len(smtp_server.messages) == 1)
    assert "Night news" in str(smtp_server.messages[0].message["Subject"])
