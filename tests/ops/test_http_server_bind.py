"""The HTTP server on a port someone else listens on (stop 50's CI failure: uvicorn's
``sys.exit(3)`` escaped the event loop and ended the test, or `wirewatch up`, with
SystemExit instead of the OSError ``start`` promises)."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from fastapi import FastAPI

from wirewatch.ops.server import HttpServer


def ping_app() -> FastAPI:
    app = FastAPI()
    app.get("/ping")(lambda: {"ok": True})
    return app


async def test_a_port_someone_listens_on_raises_oserror_and_leaves_no_task() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = int(holder.getsockname()[1])
        server = HttpServer(ping_app(), "127.0.0.1", port)
        with pytest.raises(OSError, match=f"127.0.0.1:{port}"):
            await server.start()
        await asyncio.sleep(0)  # a task started and failing would have run by now
        assert not [t for t in asyncio.all_tasks() if t.get_name() == "wirewatch-http"]
        await server.stop()  # nothing to stop, and no error


async def test_the_port_it_chose_is_its_own_and_answers() -> None:
    server = HttpServer(ping_app(), "127.0.0.1", 0)
    await server.start()
    try:
        assert server.port != 0 and server.url == f"http://127.0.0.1:{server.port}"
        with socket.socket() as probe, pytest.raises(OSError):
            probe.bind(("127.0.0.1", server.port))  # held by the server's own socket
        async with httpx.AsyncClient(trust_env=False) as client:
            answer = await client.get(f"{server.url}/ping", timeout=10)
        assert answer.json() == {"ok": True}
    finally:
        await server.stop()
    with socket.socket() as probe:  # released on stop
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", server.port))
