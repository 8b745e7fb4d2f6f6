"""Notify benchmarks: the delivery worker alone, or the whole service over the broker.

Worker mode (default): the delivery worker of ``NotifyService`` in this process,
``--subscriptions`` webhook subscriptions (1 = one endpoint, as in bench/pipeline.py),
every delivery signed and its outcome durably recorded (group commit), against a
uvicorn receiver answering after ~1 ms in another process. The baseline is plain
``httpx.AsyncClient`` POSTs at the same concurrency, in the same run.

    .venv/bin/python bench/notify_bench.py [--subscriptions 1 --items 2000] [--postgres]

Kafka mode (``--kafka``): the notify hop of bench/pipeline.py without ingest and
classify in front of it, with the same pieces (embedded broker, ``wirewatch service
notify`` as its own process, PostgreSQL when reachable, one webhook subscription, the
same in-process webhook receiver): the raw broker ceiling; ``--hop-items`` classified
items already on the topic when notify starts (its consume rate vs the ceiling, and
how long until every webhook arrived); then ``--rate`` classified items/s for
``--steady-seconds`` (classified publish -> webhook arrival p50/p95/p99); notify's
peak RSS.

``--alert-mode story`` (the pipeline's default subscription): each item is also a story
of its own on the stories topic, as the stories stage publishes it, so notify consumes
both streams and sends one story alert per item, as in bench/pipeline.py; the latency is
then story event publish -> webhook.

Notify's CPU per item (user + system time of its process, all threads, from /proc) is
printed for both phases, against a baseline measured in the same run: this process's
own CPU to consume one message with a bare aiokafka consumer and to make one httpx POST
to the same receiver (the least a hop that delivers a message must do). On a shared
machine the wall-clock figures move with other work; CPU per item, and its ratio to the
baseline, much less.

    .venv/bin/python bench/notify_bench.py --kafka [--hop-items 5000 --rate 100]
    .venv/bin/python bench/notify_bench.py --kafka --alert-mode story --hop-items 2000

Story path (``--story-path EVENTS``): in this process, no broker, one story event per
batch at ``--rate``/s through ``NotifyService.handle_story_events`` and the real delivery
worker (fresh PostgreSQL database, the uvicorn receiver): CPU per alert, pool checkouts
and claims per alert (what each message costs on the database side).

    .venv/bin/python bench/notify_bench.py --story-path 1000
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
from typing import TYPE_CHECKING, Any

import httpx
import structlog
from sqlalchemy.pool import NullPool

if TYPE_CHECKING:
    from wirewatch_shared.events import ClassifiedItem

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

    from tests.notify.support import classified, make_service

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
                {
                    "topic": "bench",
                    "channel": "webhook",
                    "target": f"{url}/hook/{n}",
                    "alert_mode": "item",
                }
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


def _classified_item(run: int, n: int) -> ClassifiedItem:
    from datetime import UTC, datetime

    from pipeline import PAD, TOPIC
    from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch

    now = datetime.now(UTC)
    title = f"Deportation flight {run}-{n} carrying migrants lands in Caracas"
    item = FeedItem(
        item_id=f"nb-{run}-{n}",
        feed_id=1,
        feed_url="http://127.0.0.1/feed.xml",
        feed_title="Bench",
        title=title,
        summary=f"The charter flight carrying Venezuelan deportees landed, officials said. {PAD}",
        link=f"http://example.org/nb-{run}-{n}",
        published=now,
        fetched_at=now,
        language="en",
    )
    phrase = "Deportation flight"
    evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="flight")
    return ClassifiedItem(
        item=item,
        matches=(TopicMatch(topic=TOPIC, score=0.9, evidence=(evidence,), rules=("flight",)),),
        classified_at=now,
    )


def _classified(run: int, n: int) -> tuple[bytes, bytes]:
    classified = _classified_item(run, n)
    return classified.item.item_id.encode(), classified.model_dump_json().encode()


def _story_event(run: int, n: int) -> tuple[bytes, bytes]:
    """The item's story event as the stories stage publishes it: a story of its own."""
    from datetime import UTC, datetime

    from wirewatch_shared.events import StoryEvent, StoryItemRef

    classified = _classified_item(run, n)
    item = classified.item
    story_id = f"s-{run}-{n}"
    event = StoryEvent(
        kind="opened",
        story_id=story_id,
        position=1,
        item=classified,
        topics=tuple(m.topic for m in classified.matches),
        item_count=1,
        outlets=(item.feed_title,),
        languages=(item.language or "en",),
        first_seen=item.published,
        items=(
            StoryItemRef(
                item_id=item.item_id,
                outlet=item.feed_title,
                title=item.title,
                link=item.link,
                language=item.language,
                published=item.published,
            ),
        ),
        assigned_at=datetime.now(UTC),
    )
    return story_id.encode(), event.model_dump_json().encode()


def _py_spy(path: str | None, pid: int, seconds: float) -> subprocess.Popen[bytes] | None:
    """``py-spy record`` of ``pid`` for ``seconds`` into ``path`` (collapsed stacks, every
    sample from the thread holding the GIL: where the Python CPU goes), or None without a path."""
    if not path:
        return None
    command = [str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(pid)]
    command += ["--duration", str(round(seconds)), "--format", "raw", "--gil", "-o", path]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _transactions(database_url: str) -> int | None:
    """Transactions so far in the bench database (PostgreSQL's statistics: about one per
    connection checkout, a pool ping included), or None on SQLite."""
    if not database_url.startswith("postgresql"):
        return None
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url, poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_stat_force_next_flush()"))
        n = conn.execute(
            text(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                "WHERE datname = current_database()"
            )
        ).scalar_one()
    engine.dispose()
    return int(n)


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _baseline_cpu(bootstrap: str, url: str, count: int) -> tuple[float, float]:
    """CPU seconds of this thread per message consumed by a bare aiokafka consumer, and per
    bare httpx POST of an alert-sized body to ``url`` (8 at a time)."""
    import uuid

    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from wirewatch_shared.kafka_admin import ensure_streams

    topic = f"bench.baseline.{uuid.uuid4().hex[:6]}"
    await ensure_streams(bootstrap, [topic], partitions=3)
    messages = [_classified(0, n) for n in range(count)]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, acks="all")
    await producer.start()
    await asyncio.gather(*[await producer.send(topic, v, key=k) for k, v in messages])
    await producer.stop()
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", fetch_max_wait_ms=30
    )
    await consumer.start()
    started = time.thread_time()
    got = 0
    while got < count:
        batch = await consumer.getmany(timeout_ms=200, max_records=100)
        got += sum(len(records) for records in batch.values())
    consume_s = (time.thread_time() - started) / count
    await consumer.stop()
    body = messages[0][1]
    gate = asyncio.Semaphore(8)
    async with httpx.AsyncClient(trust_env=False) as client:

        async def one() -> None:
            async with gate:
                response = await client.post(
                    url, content=body, headers={"content-type": "application/json"}
                )
                response.raise_for_status()

        await asyncio.gather(*(one() for _ in range(8)))  # connections open
        started = time.thread_time()
        await asyncio.gather(*(one() for _ in range(count)))
        post_s = (time.thread_time() - started) / count
    return consume_s, post_s


async def kafka_main(args: argparse.Namespace) -> None:
    """The notify hop over the real broker, notify as its own process (see the docstring)."""
    from aiokafka import AIOKafkaProducer
    from pipeline import (
        Cluster,
        Servers,
        _rate,
        broker_ceiling,
        consumed,
        database,
        pct,
        subscribe,
    )
    from wirewatch_shared import streams
    from wirewatch_shared.embedded import EmbeddedBroker
    from wirewatch_shared.kafka_admin import ensure_streams

    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-notify-bench-"))
    servers = Servers(1)
    print(f"cpus: {os.cpu_count()}  logs: {tmp}")
    with EmbeddedBroker() as broker, database(tmp) as database_url:
        await ensure_streams(broker.bootstrap, streams.ALL_STREAMS, partitions=args.partitions)
        story = args.alert_mode == "story"
        if args.record_only:
            _subscribe_digest(database_url, servers.url("/hook"))
        else:
            subscribe(database_url, servers.url("/hook"), servers.url("/story"), [args.alert_mode])
        ceiling = await broker_ceiling(broker.bootstrap, args.ceiling_messages, 1500)
        print(f"\nraw broker ceiling (produce+consume, 1.5 KB): {ceiling:,.0f} msg/s")
        consume_s, post_s = await _baseline_cpu(
            broker.bootstrap, servers.url("/ping"), args.baseline_messages
        )
        baseline_ms = ((2 if story else 1) * consume_s + post_s) * 1000
        print(
            f"baseline CPU per item: {baseline_ms:.3f} ms (bare aiokafka consume "
            f"{consume_s * 1000:.3f} ms per message x {2 if story else 1}, bare httpx POST "
            f"{post_s * 1000:.3f} ms)"
        )

        def cpu_line(cpu: float, items: int, xacts: tuple[int | None, int | None]) -> str:
            per_item = cpu / items * 1000
            line = (
                f"  notify CPU {cpu:.1f} s = {per_item:.2f} ms per item "
                f"= {per_item / baseline_ms:.1f}x baseline"
            )
            if xacts[0] is not None and xacts[1] is not None:
                line += f"; {(xacts[1] - xacts[0]) / items:.1f} database transactions per item"
            return line

        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, linger_ms=5, acks="all")
        await producer.start()
        cluster = Cluster(broker.bootstrap, database_url, tmp)
        try:
            # 1. A backlog of classified items, then notify starts: how fast it drains it.
            messages = [_classified(1, n) for n in range(args.hop_items)]
            sends = [await producer.send(streams.CLASSIFIED, v, key=k) for k, v in messages]
            if story:
                events = [_story_event(1, n) for n in range(args.hop_items)]
                sends += [await producer.send(streams.STORIES, v, key=k) for k, v in events]
            await asyncio.gather(*sends)
            notify = cluster.start("notify")
            await cluster.wait_ready()
            cluster.sample()
            ready_rss = cluster.services[0].peak_rss_mb
            xact_before = await asyncio.to_thread(_transactions, database_url)
            cpu_before = _cpu_s(notify.process.pid)
            started = time.monotonic()
            marks: list[tuple[float, int]] = []
            while True:
                cluster.sample()
                marks.append((time.monotonic(), int(await consumed(cluster, "notify"))))
                if servers.delivered() >= args.hop_items or (
                    args.record_only and marks[-1][1] >= args.hop_items
                ):
                    break
                if time.monotonic() - started > 600:
                    raise TimeoutError(f"only {servers.delivered()} delivered")
                await asyncio.sleep(0.1)
            seconds = time.monotonic() - started
            hop_cpu = _cpu_s(notify.process.pid) - cpu_before
            await asyncio.sleep(1.0)  # the last outcomes committed
            hop_xacts = (xact_before, await asyncio.to_thread(_transactions, database_url))
            rate = _rate(marks)
            print(f"\nnotify hop: {args.hop_items} classified items waiting when notify starts")
            print(
                f"  notify RSS when ready {ready_rss:.0f} MB, peak while draining the backlog "
                f"{cluster.services[0].peak_rss_mb:.0f} MB"
            )
            print(
                f"  notify consumed {rate:,.0f} msg/s = {rate / ceiling:.2f}x ceiling "
                "(goal >= 0.5x)"
            )
            print(cpu_line(hop_cpu, args.hop_items, hop_xacts))
            if args.record_only:
                print(f"  (record only: digest subscription, nothing sent; {seconds:.1f} s)")
                return
            print(
                f"  all {args.hop_items} webhooks delivered {seconds:.1f} s after ready "
                f"({args.hop_items / seconds:,.0f} alerts/s)"
            )
            # Idle: nothing to consume or send (polls, ticks, fetches that come back empty).
            cpu_before = _cpu_s(notify.process.pid)
            await asyncio.sleep(args.idle_seconds)
            idle = (_cpu_s(notify.process.pid) - cpu_before) / args.idle_seconds
            print(f"\nidle for {args.idle_seconds:g} s: notify CPU {idle * 1000:.0f} ms per second")
            # 2. Steady load: classified (story event) publish -> webhook arrival.
            arrivals = servers.story_arrivals if story else servers.arrivals
            before = set(arrivals)
            stamps: dict[str, float] = {}
            count = int(args.rate * args.steady_seconds)
            xact_before = await asyncio.to_thread(_transactions, database_url)
            cpu_before = _cpu_s(notify.process.pid)
            spy = _py_spy(args.py_spy, notify.process.pid, args.steady_seconds + 1)
            begin = time.monotonic()
            pending = []
            for n in range(count):
                key, value = _classified(2, n)
                sent = await producer.send(streams.CLASSIFIED, value, key=key)
                if story:
                    story_key, story_value = _story_event(2, n)
                    sent = await producer.send(streams.STORIES, story_value, key=story_key)
                pending.append((key.decode(), sent))
                cluster.sample()
                pause = begin + (n + 1) / args.rate - time.monotonic()
                if pause > 0:
                    await asyncio.sleep(pause)
            for item_id, future in pending:
                stamps[item_id] = (await future).timestamp / 1000
            fed_s = time.monotonic() - begin
            deadline = time.monotonic() + 60
            while len(set(arrivals) - before) < count and time.monotonic() < deadline:
                cluster.sample()
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # the last outcomes committed
            steady_cpu = _cpu_s(notify.process.pid) - cpu_before
            steady_xacts = (xact_before, await asyncio.to_thread(_transactions, database_url))
            if spy is not None:
                spy.wait()
            with servers.lock:
                fresh = {k: v for k, v in arrivals.items() if k not in before}
            latency = [fresh[k] - t for k, t in stamps.items() if k in fresh]
            print(
                f"\nsteady {args.rate:g} classified items/s for {args.steady_seconds:g} s "
                f"(fed in {fed_s:.1f} s): {len(latency)}/{count} delivered"
            )
            print(
                f"  {'story event' if story else 'classified'} publish -> webhook: "
                f"p50 {pct(latency, 0.5) * 1000:.0f} ms, "
                f"p95 {pct(latency, 0.95) * 1000:.0f} ms, p99 {pct(latency, 0.99) * 1000:.0f} ms"
            )
            print(cpu_line(steady_cpu, count, steady_xacts))
            print(f"\npeak RSS: notify {notify.peak_rss_mb:.0f} MB (goal <= 150 MB)")
        finally:
            await producer.stop()
            cluster.stop()
    servers.stop()


async def story_path(events_n: int, rate: float) -> None:
    """The story path in this process, one story event per batch at ``rate``/s
    (``NotifyService.handle_story_events``, no broker), the real delivery worker sending to
    the uvicorn receiver, a fresh PostgreSQL database: CPU per alert (this process), pool
    checkouts and claims per alert."""
    from sqlalchemy import event
    from wirewatch_notify import claims, outbox, subscriptions
    from wirewatch_notify.models import DeliveryStatus
    from wirewatch_shared.events import StoryEvent

    from tests.notify.support import make_service

    url = _fresh_postgres()
    port = free_port()
    receiver = start_receiver(port)
    try:
        service = make_service(
            url, log_level="WARNING", delivery_tick_s=0.2, webhook_timeout_s=15.0
        )
        target = f"http://127.0.0.1:{port}/hook"
        data = {"topics": ["repatriation-flights"], "channel": "webhook", "target": target}
        subscriptions.create_subscription(
            service.engine, subscriptions.parse_create({**data, "alert_mode": "story"}), service.box
        )
        events = [StoryEvent.model_validate_json(_story_event(9, n)[1]) for n in range(events_n)]
        counts = {"checkouts": 0, "claims": 0, "empty": 0}

        def checkout(*_: object) -> None:
            counts["checkouts"] += 1

        event.listen(service.engine.pool, "checkout", checkout)
        real_claim = claims.claim

        def claim(*args: Any, **kwargs: Any) -> list[claims.Claimed]:
            got = real_claim(*args, **kwargs)
            counts["claims"] += 1
            counts["empty"] += not got
            return got

        claims.claim = claim  # type: ignore[assignment]
        stop = asyncio.Event()
        task = asyncio.create_task(service.worker.run(stop))
        await asyncio.sleep(1.0)
        started_cpu, started = time.process_time(), time.monotonic()
        for n, story_event in enumerate(events):
            await service.handle_story_events([story_event])
            pause = started + (n + 1) / rate - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
        while True:
            done = await asyncio.to_thread(outbox.count_by_status, service.engine)
            if done.get(DeliveryStatus.SENT, 0) >= events_n:
                break
            await asyncio.sleep(0.05)
        cpu = time.process_time() - started_cpu
        stop.set()
        await task
        claims.claim = real_claim  # type: ignore[assignment]
        for channel in service.channels.values():
            await channel.aclose()
        service.engine.dispose()
    finally:
        receiver.terminate()
        receiver.wait()
        _drop_postgres(url)
    per = {k: v / events_n for k, v in counts.items()}
    print(
        f"story path, {events_n} events at {rate:g}/s, one per batch: CPU "
        f"{cpu / events_n * 1000:.2f} ms per alert; per alert {per['checkouts']:.2f} pool "
        f"checkouts, {per['claims']:.2f} claims ({per['empty']:.2f} empty)"
    )


def _subscribe_digest(database_url: str, target: str) -> None:
    """A subscription whose alerts are held for an hour: the Kafka side alone is measured."""
    from pipeline import TOPIC
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {
                "topics": [TOPIC],
                "channel": "webhook",
                "target": target,
                "mode": "digest",
                "digest_interval_minutes": 60,
            }
        ),
        SecretBox(b"bench-secret-key"),
    )
    engine.dispose()


def _fresh_postgres() -> str:
    from sqlalchemy import create_engine, text

    admin_url = os.environ.get(
        "WIREWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"wwnb_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def _drop_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscriptions", type=int, default=1000)
    parser.add_argument("--items", type=int, default=3, help="alerts per subscription")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database")
    parser.add_argument("--kafka", action="store_true", help="the notify hop over the broker")
    parser.add_argument("--hop-items", type=int, default=5000)
    parser.add_argument(
        "--record-only",
        action="store_true",
        help="with --kafka: a digest subscription, so only consuming + recording is measured",
    )
    parser.add_argument(
        "--alert-mode",
        choices=("item", "story"),
        default="item",
        help="with --kafka: the subscription's mode; story also puts each item's story "
        "event on the stories topic (as in bench/pipeline.py)",
    )
    parser.add_argument(
        "--baseline-messages", type=int, default=2000, help="with --kafka: for the CPU baseline"
    )
    parser.add_argument(
        "--story-path",
        type=int,
        metavar="EVENTS",
        help="the story path in this process, one event per batch at --rate (PostgreSQL)",
    )
    parser.add_argument(
        "--py-spy",
        metavar="PATH",
        help="with --kafka: py-spy record notify during the steady phase into PATH "
        "(collapsed stacks)",
    )
    parser.add_argument(
        "--idle-seconds", type=float, default=5.0, help="with --kafka: the idle CPU window"
    )
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--steady-seconds", type=float, default=20.0)
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--ceiling-messages", type=int, default=20_000)
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    logging.basicConfig(level=logging.WARNING)
    if args.kafka:
        await kafka_main(args)
        return
    if args.story_path:
        await story_path(args.story_path, args.rate)
        return
    fresh = args.postgres and not args.database_url
    if fresh:
        args.database_url = _fresh_postgres()
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
        if fresh:
            _drop_postgres(database_url)
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
