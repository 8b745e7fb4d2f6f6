"""Audit (stop 36): one poll of many broken feeds (and two good ones) on a real HTTP
server on 127.0.0.1, with the JSON log captured: for each feed its status, health, error
and how many log lines name it; then the good feeds' items. A raw TCP server covers what
``http.server`` cannot send (a body cut short, a non-HTTP answer, a hang-up).

    PYTHONPATH=. .venv/bin/python bench/ingest_audit36/broken_feeds.py
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import io
import json
import os
import socket
import sys
import tempfile
import threading
from collections import Counter

from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.db import make_engine
from wirewatch_shared.logging import configure_logging

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from tests.ingest.test_parsing import BILLION_LAUGHS
from wirewatch.schema import upgrade

GOOD = rss([("g1", "Good one"), ("g2", "Good two")])


def raw_server(answers: dict[str, bytes]) -> int:
    """A TCP server on 127.0.0.1: reads a request, writes ``answers[path]`` and closes."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(32)

    def serve() -> None:
        while True:
            conn, _ = sock.accept()
            with conn:
                request = conn.recv(65536).decode("latin-1")
                path = request.split(" ", 2)[1] if " " in request else "/"
                with contextlib.suppress(OSError):
                    conn.sendall(answers.get(path, b""))

    threading.Thread(target=serve, daemon=True).start()
    return int(sock.getsockname()[1])


def routes(server: FeedServer) -> dict[str, Route]:
    nested = b"[" * 100_000 + b"]" * 100_000
    return {
        "/good": Route(200, GOOD),
        "/http-404": Route(404, b"gone"),
        "/http-410": Route(410, b""),
        "/http-403": Route(403, b"<html>denied</html>"),
        "/http-500": Route(500, b"oops"),
        "/http-429-date": Route(429, b"", {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}),
        "/http-503-garbage-retry": Route(503, b"", {"Retry-After": "soon"}),
        "/slow-headers": Route(200, GOOD, delay_s=3.0),
        "/trickle": Route(200, GOOD, trickle_s=0.05),
        "/redirect-loop": Route(302, b"", {"Location": "/redirect-loop"}),
        "/redirect-no-location": Route(302, b""),
        "/redirect-relative": Route(301, b"", {"Location": "good"}),
        "/redirect-to-ftp": Route(302, b"", {"Location": "ftp://127.0.0.1/x"}),
        "/garbage": Route(200, os.urandom(20_000)),
        "/png": Route(200, b"\x89PNG\r\n\x1a\n" + os.urandom(500), {"Content-Type": "image/png"}),
        "/empty": Route(200, b""),
        "/whitespace": Route(200, b"\n\n   \n"),
        "/empty-feed": Route(200, b'<rss version="2.0"><channel><title>E</title></channel></rss>'),
        "/huge": Route(200, b"<rss>" + b"x" * 3_000_000),
        "/gzip-bomb": Route(200, gzip.compress(b"\0" * 50_000_000), {"Content-Encoding": "gzip"}),
        "/gzip-lie": Route(200, GOOD, {"Content-Encoding": "gzip"}),
        "/gzip-truncated": Route(200, gzip.compress(GOOD)[:-20], {"Content-Encoding": "gzip"}),
        "/billion-laughs": Route(200, BILLION_LAUGHS),
        "/external-dtd": Route(200, GOOD.replace(
            b"<rss", b'<!DOCTYPE rss SYSTEM "' + server.url("/evil.dtd").encode() + b'"><rss', 1
        )),
        "/html": Route(200, b"<!doctype html><html><body>hi</body></html>",
                       {"Content-Type": "text/html"}),
        "/json-array": Route(200, b"[1,2]", {"Content-Type": "application/json"}),
        "/json-deep": Route(200, nested, {"Content-Type": "application/json"}),
        "/json-no-version": Route(200, json.dumps({"items": [{"id": 1, "content_text": "x"}]})
                                  .encode()),
        "/json-items-not-list": Route(200, json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "items": {"a": 1}}).encode()),
        "/json-utf16": Route(200, json.dumps({"version": "https://jsonfeed.org/version/1",
            "items": [{"id": "u", "title": "Utf sixteen"}]}).encode("utf-16")),
        "/json-latin1": Route(200, json.dumps({"version": "https://jsonfeed.org/version/1",
            "items": [{"id": "l", "title": "Gen\u00e8ve"}]}, ensure_ascii=False).encode("latin-1"),
            {"Content-Type": "application/feed+json; charset=iso-8859-1"}),
        "/no-ids": Route(200, b'<rss version="2.0"><channel><item><description>a</description>'
                         b"</item><item><description>b</description></item></channel></rss>"),
        "/dup-guids": Route(200, rss([("d", "One"), ("d", "One")])),
        "/cp1252-undeclared": Route(200, GOOD.replace(b"Good one", "Caf\u00e9 \u2019".encode(
            "cp1252")).replace(b' encoding="utf-8"', b"")),
        "/also-good": Route(200, rss([("a1", "Also good")])),
    }  # fmt: skip


async def main() -> int:
    configure_logging("INFO", json=True)
    server = FeedServer().start()
    raw_port = raw_server({
        "/cut-short": b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + GOOD[:200],
        "/not-http": b"SSH-2.0-OpenSSH_9.6\r\n",
        "/hang-up": b"",
        "/bad-status-line": b"HTTP/1.1 abc\r\n\r\n",
        "/header-bomb": b"HTTP/1.1 200 OK\r\n" + b"X-A: " + b"a" * 200_000 + b"\r\n\r\n",
    })  # fmt: skip
    table = routes(server)
    server.routes.update(table)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/audit.db")
        upgrade(engine)
        urls = [server.url(p) for p in table] + [
            f"http://127.0.0.1:{raw_port}{p}"
            for p in ("/cut-short", "/not-http", "/hang-up", "/bad-status-line", "/header-bomb")
        ]
        feedstore.add_feeds(engine, [(u, "") for u in urls])
        collector = Collector()
        poller = FeedPoller(engine, ingest_settings(
            fetch_total_timeout_s=2.0, fetch_read_timeout_s=1.0, max_body_bytes=2_000_000,
            parse_workers=1, parse_inline_max_bytes=4096, parse_timeout_s=10,
        ), collector)  # fmt: skip
        captured = io.StringIO()
        real_stderr, sys.stderr = sys.stderr, captured
        try:
            configure_logging("INFO", json=True)
            outcomes = await poller.run_until_idle()
        finally:
            await poller.aclose()
            sys.stderr = real_stderr
        lines = [json.loads(line) for line in captured.getvalue().splitlines() if line]
        per_feed = Counter(line.get("feed_url") for line in lines)
        health = {f.url: f.health for f in feedstore.list_feeds(engine)}
        for outcome in sorted(outcomes, key=lambda o: o.url):
            path = outcome.url.split("/", 3)[3]
            print(f"{path:28} {outcome.status:12} {health[outcome.url]:8} "
                  f"logs={per_feed[outcome.url]} {outcome.items}/{outcome.new_items} "
                  f"{(outcome.error or '')[:90]}")  # fmt: skip
        other = [line for line in lines if not line.get("feed_url")]
        print("log lines without a feed:", [(x.get("event"), x.get("reason")) for x in other])
        print("published:", sorted(i.feed_item().title or i.feed_item().summary
                                   for i in collector.items))  # fmt: skip
        print("evil.dtd fetched:", server.hits["/evil.dtd"])
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
