"""Notify's outbound POST (webhooks, Slack): a client from ``make_http_client`` sends
straight to its connection pool, and that must be the request httpx's own client sends,
byte for byte, with the same answer read and the same errors.

The reference is a client built as ``make_http_client`` built it before (the shared
``make_guarded_client``, same backend, limits and headers), which ``post`` sends through
httpx's client; both talk to a raw TCP server that records the bytes it receives and
answers with scripted bytes.
"""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from wirewatch_notify.channels.base import PermanentDeliveryError, RetryableDeliveryError
from wirewatch_notify.channels.http import (
    USER_AGENT,
    HttpResult,
    make_http_client,
    post,
)
from wirewatch_notify.channels.webhook import signature_header
from wirewatch_shared.netbackend import AsyncioBackend
from wirewatch_shared.ssrf import make_guarded_client

from tests.support.loopback import LoopbackServer, read_request

NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"


def _reference_client() -> httpx.AsyncClient:
    """What ``make_http_client`` returned before the direct path: httpx's client."""
    return make_guarded_client(
        allow_private=True,
        inner_backend=AsyncioBackend(),
        limits=httpx.Limits(max_connections=10, max_keepalive_connections=10),
        follow_redirects=False,
        headers={"user-agent": USER_AGENT},
    )


class RawServer(LoopbackServer):
    """Records each request's bytes; answers each with the next scripted reply (bytes;
    ``None`` closes the connection without answering), ``NO_CONTENT`` when none is left."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[bytes] = []
        self.replies: list[bytes | None] = []
        self.close_after_reply = False  # the end of an answer cut short: the close

    def url(self, path: str = "/hook", host: str | None = None) -> str:
        return super().url(path, host)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while (request := await read_request(reader)) is not None:
                self.requests.append(b"".join(request))
                reply = self.replies.pop(0) if self.replies else NO_CONTENT
                if reply is None:
                    return
                writer.write(reply)
                await writer.drain()
                if self.close_after_reply:
                    return
        finally:
            writer.close()


@pytest.fixture
async def server() -> AsyncIterator[RawServer]:
    async with RawServer() as raw:
        yield raw


@pytest.fixture
async def clients(
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """(the direct client, the reference client); checks afterwards that the direct one
    never sent through httpx's client (with no cookie to send back) and the other did."""
    direct, reference = make_http_client(allow_private=True), _reference_client()
    through_httpx: list[httpx.AsyncClient] = []
    send = httpx.AsyncClient.send

    async def observed(self: httpx.AsyncClient, *args: Any, **kwargs: Any) -> httpx.Response:
        through_httpx.append(self)
        return await send(self, *args, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "send", observed)
    yield direct, reference
    assert reference in through_httpx
    assert direct not in through_httpx or direct.cookies.jar
    await direct.aclose()
    await reference.aclose()


def _signed_headers(body: bytes) -> dict[str, str]:
    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    return {
        "content-type": "application/json",
        "webhook-id": "msg_2qk3hd0bq5mj6w9f0vx1c4d8e7",
        "webhook-timestamp": "1796558400",
        "webhook-signature": signature_header((secret,), "msg_2qk3hd0bq5", 1796558400, body),
    }


async def _both(
    server: RawServer,
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
    replies: list[bytes | None],
    url: str,
    **kwargs: object,
) -> list[HttpResult | Exception]:
    """The same POST through each client, each answered with ``replies``: the results
    (or the errors raised), direct first."""
    outcomes: list[HttpResult | Exception] = []
    for client in clients:
        server.replies = list(replies)
        try:
            outcomes.append(await post(client, url, timeout_s=5, **kwargs))  # type: ignore[arg-type]
        except Exception as exc:
            outcomes.append(exc)
    return outcomes


def _same(outcomes: list[HttpResult | Exception]) -> None:
    direct, reference = outcomes
    if isinstance(reference, Exception):
        assert type(direct) is type(reference), (direct, reference)
        assert str(direct) == str(reference)
        return
    assert isinstance(direct, HttpResult), direct
    assert direct.status == reference.status
    assert direct.headers.multi_items() == reference.headers.multi_items()
    assert direct.body == reference.body


@pytest.mark.parametrize(
    ("path", "body", "headers"),
    [
        ("/hook", b'{"type":"wirewatch.alert.v1","data":{"t":"\xc3\xa9"}}', None),
        ("/services/T000/B000/XXXX?x=1&y=%20z", b'{"text":"hi"}', {"content-type": "a/b"}),
        ("/", b"", {"content-type": "application/json"}),
    ],
)
async def test_the_request_on_the_wire_is_httpx_s(
    server: RawServer,
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
    path: str,
    body: bytes,
    headers: dict[str, str] | None,
) -> None:
    sent = headers if headers is not None else _signed_headers(body)
    outcomes = await _both(server, clients, [], server.url(path), content=body, headers=sent)
    _same(outcomes)
    direct, reference = server.requests
    assert direct == reference
    assert direct.startswith(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n".encode())


def _reply(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


GZIPPED = gzip.compress(b"invalid_token: " + b"x" * 600)


@pytest.mark.parametrize(
    "reply",
    [
        NO_CONTENT,
        _reply("200 OK", [("content-length", "2")], b"ok"),
        _reply("410 Gone", [("content-length", "0")], b""),
        _reply("429 Too Many Requests", [("retry-after", "7"), ("content-length", "0")], b""),
        _reply("404 Not Found", [("transfer-encoding", "chunked")], b"5\r\nnope!\r\n0\r\n\r\n"),
        _reply(
            "403 Forbidden",
            [("content-encoding", "gzip"), ("content-length", str(len(GZIPPED)))],
            GZIPPED,
        ),
        _reply("200 OK", [("content-length", str(100_000))], b"y" * 100_000),
        _reply("302 Found", [("location", "/elsewhere"), ("content-length", "0")], b""),
    ],
)
async def test_the_answer_is_read_as_httpx_reads_it(
    server: RawServer, clients: tuple[httpx.AsyncClient, httpx.AsyncClient], reply: bytes
) -> None:
    outcomes = await _both(
        server, clients, [reply], server.url(), content=b"{}", headers={}, read_limit=512
    )
    _same(outcomes)


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (None, RetryableDeliveryError),  # closed without an answer
        (b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nab", RetryableDeliveryError),  # cut
        (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nab", RetryableDeliveryError),
        (b"NOT HTTP AT ALL\r\n\r\n", RetryableDeliveryError),
        (
            _reply("301 Moved", [("location", "http://[::1"), ("content-length", "0")], b""),
            RetryableDeliveryError,
        ),
        (
            _reply("200 OK", [("content-encoding", "gzip"), ("content-length", "4")], b"oops"),
            RetryableDeliveryError,
        ),
    ],
)
async def test_a_failed_exchange_fails_as_with_httpx(
    server: RawServer,
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
    reply: bytes | None,
    error: type[Exception],
) -> None:
    server.close_after_reply = True
    outcomes = await _both(server, clients, [reply], server.url(), content=b"{}", headers={})
    assert isinstance(outcomes[1], error), outcomes
    _same(outcomes)


async def test_unreachable_and_invalid_targets_fail_as_with_httpx(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    closed = RawServer()
    await closed.start()
    await closed.stop()  # nothing listens on its port now
    for url, error in (
        (closed.url(), RetryableDeliveryError),
        ("http://0177.0.0.1:9/hook", PermanentDeliveryError),
        ("ftp://127.0.0.1/hook", RetryableDeliveryError),
        ("https://xn--zz.invalid/hook", UnicodeError),  # bad A-label: fails before any look-up
    ):
        outcomes = await _both(closed, clients, [], url, content=b"{}", headers={})
        assert isinstance(outcomes[1], error), (url, outcomes)
        _same(outcomes)


async def test_a_cookie_set_by_a_receiver_is_sent_back_as_by_httpx(
    server: RawServer, clients: tuple[httpx.AsyncClient, httpx.AsyncClient]
) -> None:
    cookie = _reply("204 No Content", [("set-cookie", "session=abc; Path=/")], b"")
    for client in clients:
        server.replies = [cookie]
        for _ in range(2):
            await post(client, server.url(), content=b"{}", headers={}, timeout_s=5)
    first_direct, second_direct, first_reference, second_reference = server.requests
    assert first_direct == first_reference
    assert b"cookie: session=abc" in second_reference.lower()
    assert second_direct == second_reference
