"""A fast loopback feed server for the ingest benchmark (runs in its own process).

asyncio, HTTP/1.1 keep-alive, headers and body in one write, TCP_NODELAY. Serves
``/f/<n>`` with body ``n % len(bodies)`` (so 10,000 feeds can share 1,000 bodies),
answers 304 to a matching ``If-None-Match``, and can add a fixed latency to every
response. Listens on many loopback addresses (127.0.<a>.<b>) so feeds are spread
over distinct hosts, as in production.
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
from multiprocessing.connection import Connection
from typing import Any


def host_addresses(count: int) -> list[str]:
    return [f"127.0.{10 + i // 250}.{1 + i % 250}" for i in range(count)]


class _State:
    def __init__(self, bodies: list[bytes], latency_s: float) -> None:
        self.bodies = bodies
        self.etags = [f'"{hashlib.sha1(b).hexdigest()[:16]}"'.encode() for b in bodies]
        self.latency_s = latency_s
        self.requests = 0
        self.not_modified = 0


async def _handle(
    state: _State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, _, rest = head.partition(b"\r\n")
            parts = request_line.split(b" ")
            path = parts[1] if len(parts) > 1 else b"/"
            etag_sent = None
            for line in rest.split(b"\r\n"):
                if line[:14].lower() == b"if-none-match:":
                    etag_sent = line[14:].strip()
            state.requests += 1
            try:
                index = int(path.rsplit(b"/", 1)[1].split(b"?")[0]) % len(state.bodies)
            except ValueError:
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                continue
            if state.latency_s:
                await asyncio.sleep(state.latency_s)
            etag = state.etags[index]
            if etag_sent == etag:
                state.not_modified += 1
                writer.write(b"HTTP/1.1 304 Not Modified\r\nETag: " + etag + b"\r\n\r\n")
            else:
                body = state.bodies[index]
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: "
                    + etag
                    + b"\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + body
                )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def _serve(bodies: list[bytes], hosts: list[str], port: int, conn: Connection) -> None:
    state = _State(bodies, 0.0)
    server = await asyncio.start_server(
        lambda r, w: _handle(state, r, w), host=hosts, port=port, backlog=1024
    )
    conn.send(server.sockets[0].getsockname()[1])
    loop = asyncio.get_running_loop()
    while True:
        command: Any = await loop.run_in_executor(None, conn.recv)
        if command[0] == "latency":
            state.latency_s = float(command[1])
            conn.send("ok")
        elif command[0] == "stats":
            conn.send((state.requests, state.not_modified))
        elif command[0] == "stop":
            server.close()
            conn.send("bye")
            return


def serve(bodies: list[bytes], hosts: list[str], port: int, conn: Connection) -> None:
    """Process entry point: sends the port on ``conn``, then obeys commands from it."""
    asyncio.run(_serve(bodies, hosts, port, conn))
