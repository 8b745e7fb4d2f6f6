"""Notify's own CPU per item on the pipeline's path, the real send included (stop 42).

``bench/notify_cpu41/item_cost.py`` with the delivery worker's real loop and a real
receiver: per bench item (one story-mode webhook subscription, every item a story of its
own, signed with a secret), its classified item and its story event are decoded, the
classified batch's rules check and the story batch are recorded (in a worker thread, as
the consumers do), the worker is woken and claims the alert, signs and POSTs it over
keep-alive HTTP to ``bench/notify_receiver.py`` on 127.0.0.1 (a process of its own: its
CPU is not counted) and group-commits its outcome; the next batch is fed once the
outcome is committed. Batches of ``--size``. Prints CPU and wall µs per item (CPU of the
whole process: the event loop and its worker threads).

    flock /tmp/bench.lock .venv/bin/python bench/notify_send42/send_cost.py \
        [--items 2000] [--size 1] [--postgres postgresql+psycopg://…/test] [--profile PATH]

``--profile`` writes a cProfile of the event loop's thread only; for the whole process
run the script under ``py-spy record --idle -r 200 -f raw -o PATH --``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from wirewatch_notify import subscriptions
from wirewatch_notify.app import NotifyService
from wirewatch_notify.models import DeliveryStatus
from wirewatch_notify.outbox import count_by_status
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.events import ClassifiedItem, StoryEvent
from wirewatch_shared.logging import configure_logging

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notify_cpu41"))
from item_cost import TOPIC, event

RECEIVER = Path(__file__).resolve().parent.parent / "notify_receiver.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_listening(port: int, deadline_s: float = 15.0) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"receiver not listening on {port}")


def _fresh_database(server: str) -> str:
    """A new database on the server ``server`` names (its URL; the database part is
    replaced): every run starts from an empty outbox."""
    name = f"send42_{time.time_ns()}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return str(sa.engine.make_url(server).set(database=name).render_as_string(False))


async def run(args: argparse.Namespace, port: int) -> None:
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'cost.db'}"
    if args.postgres:
        url = _fresh_database(args.postgres)
    settings = NotifySettings(
        database_url=url,
        kafka_bootstrap="127.0.0.1:9",
        secret_key="b" * 44,
        log_level="WARNING",
        notify_allow_private_networks=True,
        delivery_tick_s=0.2,  # as bench/pipeline.py runs notify
    )
    configure_logging(settings.log_level)
    service = NotifyService(settings)
    upgrade(service.engine)
    request = subscriptions.parse_create(
        {"topic": TOPIC, "channel": "webhook", "target": f"http://127.0.0.1:{port}/hook"}
    )
    subscriptions.create_subscription(service.engine, request, service.box, settings=settings)
    run_id = f"{time.time_ns()}"
    stories = [event(f"{run_id}-{n}").model_dump_json().encode() for n in range(args.items)]
    classified = [
        StoryEvent.model_validate_json(s).item.model_dump_json().encode() for s in stories
    ]
    worker = service.worker
    # Bench-side count of committed outcomes (the recorder's own entry point, wrapped).
    committed = 0
    changed = asyncio.Event()
    record: Callable[[Outcome], Awaitable[None]] = worker.recorder.record

    async def counted(outcome: Outcome) -> None:
        nonlocal committed
        await record(outcome)
        if outcome.status == DeliveryStatus.SENT:
            committed += 1
            changed.set()

    worker.recorder.record = counted  # type: ignore[method-assign]
    stop = asyncio.Event()
    loop_task = asyncio.create_task(worker.run(stop))
    await asyncio.sleep(0.2)  # the worker's first release round
    profile = cProfile.Profile(time.process_time) if args.profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profile:
        profile.enable()
    for start in range(0, args.items, args.size):
        items = [
            ClassifiedItem.model_validate_json(c) for c in classified[start : start + args.size]
        ]
        await service.handle_batch(items)
        events = [StoryEvent.model_validate_json(s) for s in stories[start : start + args.size]]
        await service.handle_story_events(events)
        want = min(start + args.size, args.items)
        while committed < want:
            changed.clear()
            await asyncio.wait_for(changed.wait(), timeout=30)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    stop.set()
    await loop_task
    for channel in service.channels.values():
        await channel.aclose()
    counts = count_by_status(service.engine)
    assert counts.get(DeliveryStatus.SENT) == args.items, counts
    print(
        f"{service.engine.dialect.name}: {args.items} items in batches of {args.size}, "
        f"{committed} sent: CPU {cpu / args.items * 1e6:.0f} µs/item, wall "
        f"{wall / args.items * 1e6:.0f} µs/item"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--size", type=int, default=1)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--postgres", default="", help="a PostgreSQL URL: each run gets a fresh database there"
    )
    parser.add_argument("--profile", default="")
    with_receiver(lambda port: run(parser.parse_args(), port))


def with_receiver(bench: Callable[[int], Coroutine[Any, Any, None]]) -> None:
    """Start ``bench/notify_receiver.py`` on a free loopback port, run ``bench(port)`` once it
    listens, stop the receiver (``post_cost.py`` runs its sends the same way)."""
    port = free_port()
    receiver = subprocess.Popen([sys.executable, str(RECEIVER), str(port)])
    try:
        wait_listening(port)
        asyncio.run(bench(port))
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)


if __name__ == "__main__":
    main()
