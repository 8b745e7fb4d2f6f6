"""Fetching against hostile and quirky servers on 127.0.0.1, each with a time/memory bound."""

from __future__ import annotations

import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import pytest
from wirewatch_ingest.fetcher import Fetcher, FetchError, make_http_client
from wirewatch_ingest.settings import DEFAULT_USER_AGENT, IngestSettings

from tests.ingest.support import FeedServer, Route, rss

MB = 1024 * 1024


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """500 MB unpacked behind a valid feed prefix, gzip-compressed (~0.5 MB on the wire).

    Built as 50 gzip members of 10 MB each (a valid gzip stream, RFC 1952 2.2), which is
    50x faster to make than one 500 MB member and inflates just the same.
    """

    def member(data: bytes) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush()

    head = member(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')
    return head + member(b"\x20" * 10 * MB) * 50


async def make_fetcher(**overrides: object) -> Fetcher:
    settings = IngestSettings(ingest_allow_private_networks=True, **overrides)  # type: ignore[arg-type]
    return Fetcher.from_settings(make_http_client(settings), settings, polite=False)


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    f = await make_fetcher(fetch_total_timeout_s=3.0, fetch_read_timeout_s=2.0)
    yield f
    await f.client.aclose()


async def test_gzip_bomb_is_cut_early(
    feed_server: FeedServer, fetcher: Fetcher, gzip_bomb: bytes
) -> None:
    assert len(gzip_bomb) < 2 * MB
    feed_server.routes["/bomb"] = Route(
        200, gzip_bomb, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
    )
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(feed_server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The cap ends it, not the 3 s total deadline ("timeout" otherwise): no wall-clock bound.
    assert info.value.kind == "too_large"
    assert peak < 20 * MB, f"peak {peak / MB:.1f} MB"  # the 5 MB cap plus change, not 500 MB


async def test_plain_body_over_the_cap(feed_server: FeedServer) -> None:
    fetcher = await make_fetcher(max_body_bytes=100_000)
    feed_server.routes["/big"] = Route(200, b"x" * 300_000)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/big"))
    await fetcher.client.aclose()
    assert info.value.kind == "too_large"


async def test_trickling_server_is_cut_by_the_total_timeout(feed_server: FeedServer) -> None:
    # One byte a second never trips the read timeout; the total deadline must.
    fetcher = await make_fetcher(fetch_total_timeout_s=1.5, fetch_read_timeout_s=10.0)
    feed_server.routes["/slow"] = Route(200, rss([("a", "b")]), trickle_s=1.0)
    started = time.perf_counter()
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/slow"))
    elapsed = time.perf_counter() - started
    await fetcher.client.aclose()
    assert info.value.kind == "timeout"
    # Cut by the 1.5 s deadline, long before the 10 s read timeout; slack for a loaded host.
    assert 1.4 < elapsed < 5.0, elapsed


async def test_redirect_loop(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.routes["/loop"] = Route(302, b"", {"Location": "/loop"})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/loop"))
    # The hop limit, not the 3 s total deadline, ends the loop ("timeout" otherwise):
    # no wall-clock bound, which a loaded CI host broke at 1.2 s.
    assert info.value.kind == "redirects"
    assert feed_server.hits["/loop"] == 6  # the first request and 5 redirects


async def test_redirect_chain_limit(feed_server: FeedServer, fetcher: Fetcher) -> None:
    for hop in range(6):
        feed_server.routes[f"/r{hop}"] = Route(301, b"ignored body", {"Location": f"/r{hop + 1}"})
    feed_server.routes["/r6"] = Route(200, rss([("x", "y")]))
    ok = await fetcher.fetch(feed_server.url("/r1"))  # 5 redirects: fine
    assert ok.status == 200 and ok.url.endswith("/r6")
    with pytest.raises(FetchError):
        await fetcher.fetch(feed_server.url("/r0"))  # 6 redirects: too many


async def test_conditional_get_sends_validators_exactly(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    etag = 'W/"weird etag, with \\"quotes\\""'
    last_modified = "Sat, 31 May 2025 08:30:00 GMT"
    feed_server.routes["/f"] = Route(
        200, rss([("a", "A")]), {"ETag": etag, "Last-Modified": last_modified}
    )
    first = await fetcher.fetch(feed_server.url("/f"))
    assert (first.etag, first.last_modified) == (etag, last_modified)
    second = await fetcher.fetch(
        feed_server.url("/f"), etag=first.etag, last_modified=first.last_modified
    )
    assert second.status == 304 and second.body == b""
    _, headers = feed_server.requests[-1]
    assert headers["if-none-match"] == etag
    assert headers["if-modified-since"] == last_modified
    assert "Wirewatch" in headers["user-agent"] and headers["user-agent"] == DEFAULT_USER_AGENT


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
async def test_deflate_both_flavours(feed_server: FeedServer, fetcher: Fetcher, wbits: int) -> None:
    body = rss([("d", "deflated")])
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    packed = compressor.compress(body) + compressor.flush()
    feed_server.routes["/d"] = Route(200, packed, {"Content-Encoding": "deflate"})
    result = await fetcher.fetch(feed_server.url("/d"))
    assert result.body == body


async def test_unsupported_encoding(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.routes["/br"] = Route(200, b"\x8b\x00\x80", {"Content-Encoding": "br"})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/br"))
    assert info.value.kind == "encoding"


async def test_error_statuses_and_retry_after(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.routes["/429"] = Route(429, b"slow down", {"Retry-After": "120"})
    feed_server.routes["/503"] = Route(503, b"", {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    feed_server.routes["/500"] = Route(500, b"oops")
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/429"))
    assert (info.value.status, info.value.retry_after_s) == (429, 120)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/503"))
    assert info.value.status == 503 and (info.value.retry_after_s or 0) > 86400
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/500"))
    assert info.value.status == 500 and info.value.retry_after_s is None


async def test_connection_refused_is_a_clean_error(fetcher: Fetcher) -> None:
    from wirewatch_shared.embedded import free_port

    with pytest.raises(FetchError) as info:
        await fetcher.fetch(f"http://127.0.0.1:{free_port()}/")
    assert info.value.kind == "network"
