"""Notify delivery throughput vs raw httpx POSTs to the same local receiver.

One notify process (the delivery worker of ``NotifyService``), 1,000 webhook
subscriptions, every delivery signed and its outcome durably recorded (group
commit), against a uvicorn receiver answering after ~1 ms in another process.
The baseline is plain ``httpx.AsyncClient`` POSTs at the same concurrency, in the
same run. Run: ``.venv/bin/python bench/notify_bench.py [--items 3] [--database-url URL]``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import structlog

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    from wirewatch_shared.embedded import free_port as pick

    return pick()


def start_receiver(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, str(HERE / "notify_receiver.py"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            httpx.post(f"http://127.0.0.1:{port}/ping", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("receiver did not start")


async def raw_rate(url: str, requests: int, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as client:
        gate = asyncio.Semaphore(concurrency)

        async def one(n: int) -> None:
            async with gate:
                response = await client.post(
                    f"{url}/hook/{n % 1000}",
                    content=b'{"type":"wirewatch.alert.v1"}',
                    headers={"content-type": "application/json"},
                )
                response.raise_for_status()

        await asyncio.gather(*(one(n) for n in range(min(concurrency, requests))))  # warm up
        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(requests)))
        return requests / (time.perf_counter() - started)


async def notify_rate(
    url: str, database_url: str, subscriptions_n: int, items: int, concurrency: int
) -> tuple[float, float, int]:
    from wirewatch_notify import outbox, subscriptions
    from wirewatch_notify.models import DeliveryStatus

    from tests.notify.helpers import classified, make_service

    service = make_service(
        database_url,
        delivery_concurrency=concurrency,
        log_level="WARNING",
        delivery_tick_s=0.2,
        webhook_timeout_s=15.0,
        claim_lease_s=60.0,
    )
    for n in range(subscriptions_n):
        subscriptions.create_subscription(
            service.engine,
            subscriptions.parse_create(
                {"topic": "bench", "channel": "webhook", "target": f"{url}/hook/{n}"}
            ),
            service.box,
        )
    batch = [classified("bench", item_id=f"bench-{n}") for n in range(items)]
    started = time.perf_counter()
    await service.handle_batch(batch)
    record_rate = items * subscriptions_n / (time.perf_counter() - started)
    total = items * subscriptions_n
    stop = asyncio.Event()
    started = time.perf_counter()
    task = asyncio.create_task(service.worker.run(stop))
    while True:
        await asyncio.sleep(0.05)
        counts = await asyncio.to_thread(outbox.count_by_status, service.engine)
        if counts.get(DeliveryStatus.SENT, 0) >= total:
            break
    elapsed = time.perf_counter() - started
    stop.set()
    await task
    for channel in service.channels.values():
        await channel.aclose()
    counts = outbox.count_by_status(service.engine)
    return total / elapsed, record_rate, counts.get(DeliveryStatus.SENT, 0)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscriptions", type=int, default=1000)
    parser.add_argument("--items", type=int, default=3, help="alerts per subscription")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    logging.basicConfig(level=logging.WARNING)
    database_url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    port = free_port()
    receiver = start_receiver(port)
    url = f"http://127.0.0.1:{port}"
    total = args.subscriptions * args.items
    try:
        raw = await raw_rate(url, total, args.concurrency)
        rate, record_rate, sent = await notify_rate(
            url, database_url, args.subscriptions, args.items, args.concurrency
        )
        raw_after = await raw_rate(url, total, args.concurrency)
    finally:
        receiver.terminate()
        receiver.wait()
    baseline = max(raw, raw_after)
    db = database_url.split(":", 1)[0]
    print(
        f"\nnotify delivery benchmark: {args.subscriptions} subscriptions x {args.items} "
        f"alerts = {total} deliveries, concurrency {args.concurrency}, {db}, "
        f"{os.cpu_count()} cores"
    )
    print(f"{'':32} {'per second':>12} {'vs raw':>8}")
    print(f"{'raw httpx POST (best of 2)':32} {baseline:12.0f} {1.0:8.2f}")
    print(f"{'notify deliveries (signed+recorded)':32} {rate:12.0f} {rate / baseline:8.2f}")
    print(f"{'notify recording (outbox insert)':32} {record_rate:12.0f} {'':>8}")
    print(f"sent and recorded: {sent}/{total}")


if __name__ == "__main__":
    asyncio.run(main())
