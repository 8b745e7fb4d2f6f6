"""Operations code on odd input: the HTTP server on port 0, ..."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from wirewatch.ops.server import HttpServer


async def test_port_zero_reports_the_port_it_listens_on() -> None:
    """`WIREWATCH_HTTP_PORT=0` (allowed: "any free port") used to be reported as
    http://127.0.0.1:0, in the log and in runtime.json, so `wirewatch status` could not
    reach the running `up`."""
    app = FastAPI()
    app.get("/ping")(lambda: {"ok": True})
    server = HttpServer(app, "127.0.0.1", 0)
    await server.start()
    try:
        assert not server.url.endswith(":0"), server.url
        async with httpx.AsyncClient() as client:
            answer = await client.get(f"{server.url}/ping", timeout=10)
        assert answer.json() == {"ok": True}
    finally:
        await server.stop()
