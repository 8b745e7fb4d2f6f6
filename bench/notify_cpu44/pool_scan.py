"""What the webhook client's connection pool costs per send as its idle connections grow
(stop 44): ``--warm`` concurrent POSTs open that many keep-alive connections to
``bench/notify_receiver.py`` (a process of its own), then ``--sends`` POSTs one at a time
through notify's ``channels.http.post``; prints the event loop's CPU µs per send.

    flock /tmp/bench.lock .venv/bin/python bench/notify_cpu44/pool_scan.py [--warm 1,8,32]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from wirewatch_notify.channels.http import make_http_client, post

RECEIVER = Path(__file__).resolve().parent.parent / "notify_receiver.py"
BODY = b'{"x": "' + b"y" * 1500 + b'"}'


async def _one(client: httpx.AsyncClient, url: str) -> None:
    result = await post(client, url, content=BODY, headers={"x-a": "b"}, timeout_s=10)
    assert result.status == 204, result.status


async def measure(url: str, warm: int, sends: int) -> float:
    client = make_http_client(allow_private=True)
    try:
        await asyncio.gather(*(_one(client, url) for _ in range(warm)))
        start = time.process_time()
        for _ in range(sends):
            await _one(client, url)
        return (time.process_time() - start) / sends * 1e6
    finally:
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warm", default="1,8,32")
    parser.add_argument("--sends", type=int, default=1000)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    receiver = subprocess.Popen([sys.executable, str(RECEIVER), str(port)])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/hook"
        for warm in (int(w) for w in args.warm.split(",")):
            cpu = asyncio.run(measure(url, warm, args.sends))
            print(f"{warm} connections warmed: CPU {cpu:.0f} µs per send")
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)


if __name__ == "__main__":
    main()
