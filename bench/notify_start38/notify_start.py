"""Notify's start-to-ready on the embedded broker (Tansu): how long ``app.start()`` takes
(streams ensured, the three consumer groups joined, the worker started) and when the
readiness check (every consumer group joined) first passes. Several runs, each a fresh
NotifyService on a fresh SQLite database and fresh consumer groups (the flights group's
name is fixed: it is reused). ``--sequential`` starts the subscribers one after the other,
as FastStream's own ``KafkaBroker.start`` does (the code before stop 38).

Between runs the bench waits a session timeout: Tansu numbers a group's first generation
0, and aiokafka sends no LeaveGroup from generation 0, so the stopped run's member of the
reused flights group stays in it until its session expires, and a start right after waits
for that (~11 s; a restart of ``wirewatch up`` within 6 s meets the same).

    flock /tmp/bench.lock .venv/bin/python bench/notify_start38/notify_start.py \
        --runs 7 [--sequential]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from faststream.kafka import KafkaBroker
from wirewatch_notify.app import NotifyService
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.broker import ConcurrentStartBroker
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.health import consumer_groups_check

from wirewatch.schema import upgrade


async def one_run(bootstrap: str, data: Path) -> tuple[float, float]:
    run = uuid.uuid4().hex[:8]
    settings = NotifySettings(
        kafka_bootstrap=bootstrap,
        database_url=f"sqlite:///{data / f'{run}.db'}",
        secret_key="bench-secret-key",
        consumer_group=f"bench-notify-{run}",
        story_consumer_group=f"bench-notify-stories-{run}",
        log_level="WARNING",
    )
    service = NotifyService(settings)
    upgrade(service.engine)
    app = service.build_app()
    check = consumer_groups_check(service.broker)
    started = time.perf_counter()
    await app.start()
    start_s = time.perf_counter() - started
    while not (await check()).ok:
        await asyncio.sleep(0.01)
    ready_s = time.perf_counter() - started
    await app.stop()
    service.engine.dispose()
    return start_s, ready_s


SESSION_S = NotifySettings.model_fields["kafka_session_timeout_ms"].default / 1000


async def main(runs: int) -> None:
    results = []
    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory() as tmp:
        await one_run(broker.bootstrap, Path(tmp))  # warm-up: streams created once
        for _ in range(runs):
            await asyncio.sleep(SESSION_S + 1)  # the last run's members have left
            results.append(await one_run(broker.bootstrap, Path(tmp)))
    starts = [s for s, _ in results]
    readies = [r for _, r in results]
    print("start s:", " ".join(f"{s:.2f}" for s in starts))
    print("ready s:", " ".join(f"{r:.2f}" for r in readies))
    print(
        f"ready median {statistics.median(readies):.2f} s, min {min(readies):.2f}, "
        f"max {max(readies):.2f} ({runs} runs)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sequential", action="store_true")
    args = parser.parse_args()
    if args.sequential:
        ConcurrentStartBroker.start = KafkaBroker.start  # type: ignore[method-assign]
    print("sequential" if args.sequential else "concurrent", "subscriber starts")
    asyncio.run(main(args.runs))
