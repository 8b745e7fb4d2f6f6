"""A fast HTTP receiver (uvicorn, in a thread) that records every webhook it gets.

``tests.support.http.HttpReceiver`` (http.server) tops out around 150 requests/s on
keep-alive connections; floods of alerts need something quicker.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn

from tests.support.listening import served_url
from wirewatch.ops.server import listening_socket

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class FastReceiver:
    """Answers every POST with ``status`` after ``delay_s``; counts webhook-ids."""

    def __init__(self, *, status: int = 204, delay_s: float = 0.0) -> None:
        self.status = status
        self.delay_s = delay_s
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()
        config = uvicorn.Config(self.app, log_level="error", lifespan="off", interface="asgi3")
        # Bound here, on a port the system chooses: one chosen ahead may be taken by
        # another xdist worker before uvicorn binds it.
        self._socket = listening_socket("127.0.0.1", 0, config.backlog)
        self.port = int(self._socket.getsockname()[1])
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        """Serve until :meth:`stop` (in this thread)."""
        self.server.run(sockets=[self._socket])

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        headers = dict(scope["headers"])
        webhook_id = headers.get(b"webhook-id", b"").decode()
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        with self.lock:
            self.ids[webhook_id] += 1
        await send(
            {
                "type": "http.response.start",
                "status": self.status,
                "headers": [(b"content-length", b"0")],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def total(self) -> int:
        with self.lock:
            return sum(self.ids.values())

    def unique(self) -> int:
        with self.lock:
            return len(self.ids)

    def start(self) -> FastReceiver:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("receiver did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)


class ReceiverProcess:
    """:class:`FastReceiver` in its own process (no GIL shared with the test), queried over
    HTTP: ``GET /_stats`` -> ``{"total": n, "unique": n}``, ``GET /_ids`` -> the counts."""

    def __init__(self) -> None:
        import subprocess
        import sys

        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.notify.receiver"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import httpx

        base_url = served_url(self._process, timeout=20)  # its own port, never another's
        self.port = int(base_url.rsplit(":", 1)[1])
        self._client = httpx.Client(base_url=base_url, timeout=10)
        deadline = time.monotonic() + 20
        while True:
            try:
                self.stats()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.05)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stats(self) -> dict[str, int]:
        result: dict[str, int] = self._client.get("/_stats").json()
        return result

    def total(self) -> int:
        return self.stats()["total"]

    def ids(self) -> Counter[str]:
        return Counter(self._client.get("/_ids").json())

    def stop(self) -> None:
        self._client.close()
        self._process.terminate()
        self._process.wait(timeout=10)


class _StatsReceiver(FastReceiver):
    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in ("/_stats", "/_ids"):
            import json

            with self.lock:
                if scope["path"] == "/_stats":
                    data: Any = {"total": sum(self.ids.values()), "unique": len(self.ids)}
                else:
                    data = dict(self.ids)
            body = json.dumps(data).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await super().app(scope, receive, send)


if __name__ == "__main__":
    _StatsReceiver().run()
