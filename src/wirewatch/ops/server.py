"""An HTTP server (uvicorn) inside the running event loop, started and stopped by the runner."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Generator
from typing import Any

import uvicorn


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # The runner owns SIGINT/SIGTERM (loop.add_signal_handler); uvicorn must not swap them.
        yield


def listening_socket(host: str, port: int, backlog: int) -> socket.socket:
    """A socket listening on ``host:port`` (port 0: one the system chooses), or OSError.

    Bound here rather than by uvicorn, which answers a bind error with ``sys.exit(3)``:
    inside a task that SystemExit escapes the event loop and ends the whole process.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        # SO_REUSEADDR on POSIX, as asyncio's own servers: a port left in TIME_WAIT by
        # the previous run is free (tests/ops/test_port_after_stop.py).
        return socket.create_server((host, port), family=family, backlog=backlog)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc


class HttpServer:
    def __init__(self, app: Any, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._server = _EmbeddedServer(
            uvicorn.Config(
                app,
                host=host,
                port=port,
                log_level="warning",
                lifespan="off",
                access_log=False,
            )
        )
        self._task: asyncio.Task[None] | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host  # noqa: S104
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        """Listen; raise OSError when the address cannot be bound."""
        sock = listening_socket(self.host, self.port, self._server.config.backlog)
        # The port it listens on, so that ``url`` is reachable when 0 was asked for.
        self.port = int(sock.getsockname()[1])
        self._socket = sock
        self._task = asyncio.create_task(self._server.serve([sock]), name="wirewatch-http")
        while not self._server.started and not self._task.done():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        if self._task.done():
            task, self._task, self._socket = self._task, None, None
            sock.close()
            task.result()  # its error, if any
            raise OSError(f"the HTTP server on {self.host}:{self.port} stopped on start")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._server.should_exit = True
        try:
            await self._task
        finally:
            self._task = None
            if self._socket is not None:  # uvicorn closes it too, once it started
                self._socket.close()
                self._socket = None
