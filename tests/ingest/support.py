"""Real servers on 127.0.0.1 for the ingest tests: a programmable feed server and a canary."""

from __future__ import annotations

import contextlib
import multiprocessing
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from wirewatch_ingest.parsepool import OutgoingItem


class _QuietServer(ThreadingHTTPServer):
    # The default listen backlog (5) overflows under 64 concurrent connects: Linux then
    # drops the handshake's last ACK and the client waits for an answer that never comes.
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early (timeouts, size caps) are expected here


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    trickle_s: float | None = None
    """Send the body one byte per ``trickle_s`` seconds."""
    delay_s: float = 0.0
    honour_etag: bool = True
    """Answer 304 when If-None-Match equals our ETag header."""


Responder = Callable[[dict[str, str]], Route]


class FeedServer:
    """Threaded HTTP/1.1 server; ``routes`` maps a path to a Route or a responder."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host  # another loopback address (127.0.0.2) is another host for politeness
        self.routes: dict[str, Route | Responder] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server.lock:
                    server.hits[path] += 1
                    server.requests.append((path, headers))
                    route = server.routes.get(path)
                if route is None:
                    route = Route(404, b"not found")
                elif callable(route):
                    route = route(headers)
                if route.delay_s:
                    time.sleep(route.delay_s)
                etag = route.headers.get("ETag")
                if route.honour_etag and etag and headers.get("if-none-match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.trickle_s:
                        for index in range(len(route.body)):
                            self.wfile.write(route.body[index : index + 1])
                            self.wfile.flush()
                            time.sleep(route.trickle_s)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = _QuietServer((host, 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class Canary:
    """A TCP listener on 127.0.0.1 that counts every connection it receives."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port: int = self._sock.getsockname()[1]
        self.connections = 0
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while self._running:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if not self._running:
                conn.close()
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._running = False
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        self._thread.join(timeout=2)
        self._sock.close()


def rss(items: Sequence[tuple[str, str]], *, title: str = "Test feed", extra: str = "") -> bytes:
    """A small RSS 2.0 document; items are (guid, title)."""
    now = format_datetime(datetime.now(UTC), usegmt=True)
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{item_title}</title>"
        f"<link>https://example.org/{guid}</link><pubDate>{now}</pubDate>"
        f"<description>The story of {item_title}.</description></item>"
        for guid, item_title in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.org/</link><language>en</language>"
        f"{extra}{entries}</channel></rss>"
    ).encode()


class Collector:
    """A stub publish callable that keeps every published item."""

    def __init__(self) -> None:
        self.items: list[OutgoingItem] = []
        self.fail = False

    async def __call__(self, items: Sequence[OutgoingItem]) -> None:
        if self.fail:
            raise ConnectionError("broker down")
        self.items.extend(items)

    @property
    def ids(self) -> list[str]:
        return [item.item_id for item in self.items]


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def _serve_files(routes: dict[str, tuple[str, dict[str, str]]], port_queue: Any) -> None:
    """Child-process body of :class:`FileServerProcess`."""
    bodies = {path: (Path(file).read_bytes(), headers) for path, (file, headers) in routes.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            found = bodies.get(self.path)
            body, headers = found if found else (b"not found", {})
            self.send_response(200 if found else 404)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_address[1])
    server.serve_forever(poll_interval=0.1)


class FileServerProcess:
    """Serves files from a separate process (no GIL shared with the code under test)."""

    def __init__(self, routes: dict[str, tuple[str, dict[str, str]]]) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._queue = ctx.Queue()
        self._process = ctx.Process(target=_serve_files, args=(routes, self._queue), daemon=True)

    def __enter__(self) -> FileServerProcess:
        self._process.start()
        self.port: int = self._queue.get(timeout=60)
        return self

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __exit__(self, *exc: object) -> None:
        self._process.terminate()
        self._process.join(timeout=10)
