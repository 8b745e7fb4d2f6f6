"""An HTTP server (uvicorn) inside the running event loop, started and stopped by the runner."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Generator
from typing import Any

import uvicorn


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # The runner owns SIGINT/SIGTERM (loop.add_signal_handler); uvicorn must not swap them.
        yield


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

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host  # noqa: S104
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        """Listen; raise OSError when the address cannot be bound."""
        self._task = asyncio.create_task(self._server.serve(), name="wirewatch-http")
        while not self._server.started and not self._task.done():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        if self._task.done():
            with contextlib.suppress(SystemExit):  # uvicorn exits on a bind error (logged)
                self._task.result()
            self._task = None
            raise OSError(f"cannot listen on {self.host}:{self.port} (address in use?)")
        if self.port == 0:  # "any free port": the URL names the one the kernel chose
            self.port = self._server.servers[0].sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._task is None:
            return
        self._server.should_exit = True
        try:
            await self._task
        finally:
            self._task = None
