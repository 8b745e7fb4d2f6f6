"""Classify service throughput over the real broker vs a no-op pass-through service.

Starts the embedded Tansu broker, fills ``streams.ITEMS`` with N real-text FeedItems
(news feeds of the local corpus mixed with the labelled dev set, as in
bench/classify_core.py), then in the same run:

1. a pass-through FastStream service: the same batch subscriber settings
   (batch=True, max_records, NACK_ON_ERROR, raw bodies), consume -> publish each
   body unchanged (keyed, confirmations awaited per batch) to a sink topic;
2. the real ClassifyService (decode, classify, publish ClassifiedItem, store the
   item in SQLite unless --no-store).

Sustained rate = items handled (counted after each batch's publishes are confirmed)
per second, from the end of the first batch to the N-th item, so group joins are not
counted. (Tansu's end offsets lag the last batch, so they are not used.) Prints both
rates and their ratio, and the CPU time this process spent per item (the service's
event loop and its store thread, Tansu apart), which a busy VM disturbs less than the
rates.

Each side also prints its event loop thread's time per item from the kernel's scheduler
statistics (``/proc/thread-self/schedstat``, Linux): CPU, waiting for a CPU (the run queue:
other processes on the machine) and idle (waiting for the broker or the item store). CPU +
idle is the time per item the loop would take on a machine of its own, so the ratio of the
two sides' CPU + idle ("net of the run queue") estimates the quiet-machine ratio on a
shared one (the CPU itself still runs slower under load: caches, memory bandwidth).

The two run in turn for ``--rounds`` rounds (default 3), each round on N new items,
because the development VM's 2 cores are shared with other work: a ratio from one
pair of runs can be off by a third. The summary gives every round's ratio, their
median, and the best rate of each side.

Run: .venv/bin/python bench/classify_service.py [--items 50000] [--rounds 3] [--no-store]
     [--workers 0 1]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.broker import make_broker, raw_bodies
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.events import FeedItem
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify_core import corpus_items, cycle, dev_items

SINK = "bench.passthrough.v1"
PASS_GROUP = "bench-passthrough"


def bench_item(i: int, title: str, summary: str, now: datetime) -> FeedItem:
    """The i-th item of the bench stream, as ingest would publish it (50 feeds)."""
    return FeedItem(
        item_id=f"bench-{i}",
        feed_id=1 + i % 50,
        feed_url=f"https://example.org/feed/{i % 50}",
        title=title,
        summary=summary,
        link=f"https://example.org/item/{i}",
        published=now,
        fetched_at=now,
        language="en",
    )


async def fill_items(settings: ClassifySettings, n: int) -> None:
    """Publish n FeedItems to ITEMS the way ingest does (FastStream, keyed, confirmed)."""
    base = corpus_items() + dev_items()
    now = datetime.now(UTC)
    broker = make_broker(settings, client_suffix="bench-fill")
    await broker.connect()
    try:
        pending = []
        for i, (title, summary) in enumerate(cycle(base, n)):
            item = bench_item(i, title, summary, now)
            pending.append(
                await broker.publish(
                    item.model_dump_json().encode(),
                    streams.ITEMS,
                    key=item.item_id.encode(),
                    no_confirm=True,
                )
            )
            if len(pending) >= 2000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await broker.stop()


def loop_times() -> tuple[float, float, float] | None:
    """(wall, CPU, run-queue wait) seconds of the calling thread, None off Linux."""
    try:
        cpu, waited, _ = Path("/proc/thread-self/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return time.monotonic(), int(cpu) / 1e9, int(waited) / 1e9


class Progress:
    """Items handled (counted after each batch's publishes are confirmed), and the
    event loop's scheduler times from the first batch to the last one counted."""

    def __init__(self) -> None:
        self.count = 0
        self.first: float | None = None
        self.first_cpu = 0.0
        self.first_count = 0
        self.loop_first: tuple[float, float, float] | None = None
        self.loop_last: tuple[float, float, float] | None = None

    def add(self, n: int) -> None:
        if self.first is None:
            self.first = time.monotonic()
            self.first_cpu = time.process_time()
            self.loop_first = loop_times()
            self.first_count = n
        else:
            self.loop_last = loop_times()
        self.count += n

    def loop_per_item(self) -> tuple[float, float, float] | None:
        """The loop's CPU, run-queue wait and idle µs per item (None: not measured)."""
        first, last = self.loop_first, self.loop_last
        if first is None or last is None or self.count <= self.first_count:
            return None
        per = 1e6 / (self.count - self.first_count)
        cpu, waited = (last[1] - first[1]) * per, (last[2] - first[2]) * per
        return cpu, waited, (last[0] - first[0]) * per - cpu - waited


def passthrough_app(settings: ClassifySettings, progress: Progress) -> FastStream:
    broker: KafkaBroker = make_broker(settings, client_suffix="passthrough")
    sink = broker.publisher(SINK)

    async def handle(bodies: list[bytes]) -> None:
        pending = [
            await sink.publish(body, key=str(i).encode(), no_confirm=True)
            for i, body in enumerate(bodies)
        ]
        await asyncio.gather(*pending)
        progress.add(len(bodies))

    broker.subscriber(
        streams.ITEMS,
        group_id=PASS_GROUP,
        batch=True,
        max_records=settings.classify_batch_max_records,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        decoder=raw_bodies,
        **settings.consumer_options(),  # type: ignore[arg-type]
    )(handle)
    return FastStream(broker)


class CountingClassifyService(ClassifyService):
    """The real service; only counts each batch once its handler has finished."""

    def __init__(self, settings: ClassifySettings) -> None:
        super().__init__(settings)
        self.progress = Progress()

    async def handle_items(self, bodies: list[bytes]) -> None:
        await super().handle_items(bodies)
        self.progress.add(len(bodies))


async def measure(
    app: FastStream, progress: Progress, n: int, timeout_s: float = 900
) -> tuple[float, float]:
    """Items/s from the end of the first batch to the n-th item (group joins excluded:
    the first batch's items are not counted), and this process's CPU µs per item over
    the same span (the service's event loop and its store thread; Tansu apart)."""
    await app.start()
    try:
        deadline = time.monotonic() + timeout_s
        while progress.first is None:
            await asyncio.sleep(0.01)
        counted_from = progress.count
        while progress.count < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {progress.count:,} of {n:,} items in {timeout_s} s")
            await asyncio.sleep(0.01)
        assert progress.first is not None
        items = progress.count - counted_from
        cpu = (time.process_time() - progress.first_cpu) / items * 1e6
        return items / (time.monotonic() - progress.first), cpu
    finally:
        await app.stop()


def describe_loop(progress: Progress) -> tuple[str, float | None]:
    """The loop's times per item as printed, and its CPU + idle µs per item."""
    found = progress.loop_per_item()
    if found is None:
        return "", None
    cpu, waited, idle = found
    text = (
        f"; event loop per item: CPU {cpu:.1f}, waiting for a CPU {waited:.1f}, idle {idle:.1f} µs"
    )
    return text, cpu + idle


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=500, help="max_records per batch")
    parser.add_argument("--no-store", action="store_true", help="Do not keep items in SQLite.")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="Rounds of (pass-through, classify); each round gets N new items. Other "
        "processes share this VM's cores, so every round's ratio is printed, then the "
        "median ratio and the best rate of each side.",
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[0],
        help="classify_workers settings to measure in each round (default: 0)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            kafka_bootstrap=embedded.bootstrap,
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            classify_batch_max_records=args.batch,
            classify_store_items=not args.no_store,
            log_level="WARNING",
        )
        await ensure_streams(embedded.bootstrap, (*streams.ALL_STREAMS, SINK))
        engine = make_engine(settings.database_url)
        upgrade(engine)  # the schema, as `wirewatch service classify` brings it up
        engine.dispose()
        store = "with" if settings.classify_store_items else "without"
        passes: list[float] = []
        pass_cpu: list[float] = []
        rates: dict[int, list[float]] = {w: [] for w in args.workers}
        cpus: dict[int, list[float]] = {w: [] for w in args.workers}
        nets: dict[int, list[float]] = {w: [] for w in args.workers}
        for round_no in range(1, args.rounds + 1):
            started = time.monotonic()
            await fill_items(settings, args.items)
            print(
                f"round {round_no}: {args.items:,} new items produced in "
                f"{time.monotonic() - started:.1f} s",
                flush=True,
            )
            progress = Progress()
            passthrough, cpu = await measure(
                passthrough_app(settings, progress), progress, args.items
            )
            passes.append(passthrough)
            pass_cpu.append(cpu)
            loop_text, pass_busy = describe_loop(progress)
            print(
                f"  pass-through service: {passthrough:,.0f} items/s, CPU {cpu:.0f} µs/item"
                f"{loop_text}",
                flush=True,
            )
            for run, workers in enumerate(args.workers):
                if run:  # the classify group has consumed this round's items: N more
                    await fill_items(settings, args.items)
                service = CountingClassifyService(
                    settings.model_copy(update={"classify_workers": workers})
                )
                classify, cpu = await measure(service.build_app(), service.progress, args.items)
                service.engine.dispose()
                rates[workers].append(classify)
                cpus[workers].append(cpu)
                loop_text, busy = describe_loop(service.progress)
                if busy and pass_busy:
                    nets[workers].append(pass_busy / busy)
                    loop_text += f" (net of the run queue: {pass_busy / busy:.2f} x)"
                print(
                    f"  classify service, {workers} worker processes, {store} item store: "
                    f"{classify:,.0f} items/s = {classify / passthrough:.2f} x pass-through, "
                    f"CPU {cpu:.0f} µs/item{loop_text}",
                    flush=True,
                )
        for workers, found in rates.items():
            ratios = [c / p for c, p in zip(found, passes, strict=True)]
            per_round = ", ".join(f"{r:.2f}" for r in ratios)
            print(
                f"summary, {workers} worker processes, {store} item store, {args.rounds} rounds "
                f"of {args.items:,} items: ratio per round "
                f"{per_round} (median {statistics.median(ratios):.2f}); "
                f"best rates: classify {max(found):,.0f} items/s, pass-through "
                f"{max(passes):,.0f} items/s = {max(found) / max(passes):.2f} x; "
                f"median CPU per item: pass-through {statistics.median(pass_cpu):.0f} µs, "
                f"classify {statistics.median(cpus[workers]):.0f} µs"
                + (
                    "; ratio net of the run queue per round "
                    + ", ".join(f"{r:.2f}" for r in nets[workers])
                    + f" (median {statistics.median(nets[workers]):.2f})"
                    if nets[workers]
                    else ""
                ),
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main())
