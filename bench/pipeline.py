"""End-to-end pipeline benchmark over the real (embedded) broker.

    .venv/bin/python bench/pipeline.py [--feeds 200 --items-per-feed 10 --rate 100 ...]

A local feed server serves many feeds; the four services run as separate processes
(`wirewatch service ingest|classify|stories|notify`, so their RSS is measurable); a local
webhook receiver takes the alerts. Every item matches a subscription, so every item
becomes one signed webhook POST. The run prints:

1. the raw broker ceiling: produce+consume rate of a bare aiokafka pair, same broker,
   same message size, measured in the same run;
2. the hops at batch sizes: ``--hop-items`` items put on the items topic at once (as
   ingest would after a busy poll round), classify's and notify's rates against the
   ceiling while both work; then the classify→notify hop alone: as many classified
   items (the real classifier's output) put on the classified topic at once, notify's
   consume rate against the ceiling;
3. a burst through ingest (all feeds present at once): sustained items/s end to end;
4. a steady load (``--rate`` items/s, by adding feeds at that pace): publish→delivery
   latency p50/p95/p99, where "publish" is the Kafka timestamp of the item ingest
   published and "delivery" the moment the webhook receiver got the POST, split into
   the classify hop (item → classified timestamps) and the notify hop (→ webhook);
5. peak RSS of each service process (and of its worker children);
6. the scale check: the hop again with 2 classify processes instead of 1.

Between phases the script waits until every stage's consumer group has caught up and
notify's outbox is empty, so no phase is measured on the previous one's backlog.

The stories stage always runs. The webhook subscription is in story mode (the default of
a new subscription), so every alert passes through the stories stage; every bench item
is a story of its own, so that is still one webhook per item. ``--alert-modes item,story``
adds an item-mode subscription (twice the webhooks). ``--stages
flights`` also runs that stage as a process beside the others (it
read the same streams: the flights stage reads the story events, every bench item is a
deportation flight report, so every item goes through extraction and the flight feedstore),
to measure the pipeline's latency with them in the path.

Services use PostgreSQL when ``WIREWATCH_TEST_POSTGRES_URL`` (or the local test server)
is reachable — a fresh database per run — else a SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import runpy
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import Engine

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from wirewatch_shared import streams  # noqa: E402
from wirewatch_shared.embedded import EmbeddedBroker, free_port  # noqa: E402
from wirewatch_shared.kafka_admin import ensure_streams  # noqa: E402

WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))
TOPIC = "repatriation-flights"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6


# --- local HTTP servers -----------------------------------------------------------------


def _rss(n: int, feed: int, items: int) -> bytes:
    entries = []
    for i in range(items):
        guid = f"bench-{n}-{feed}-{i}"
        entries.append(
            f"<item><title>Deportation flight {feed}-{i} carrying migrants lands in Caracas"
            f"</title><link>http://example.org/{guid}</link><guid>{guid}</guid>"
            f"<description>The charter flight carrying Venezuelan deportees landed, officials "
            f"said. {PAD}</description><pubDate>Tue, 10 Oct 2023 14:00:00 GMT</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed}</title><link>http://example.org/</link>"
        f"<description>bench</description><language>en</language>{''.join(entries)}"
        "</channel></rss>"
    ).encode()


class Servers:
    """Feeds at /feed/<run>/<n>.xml, the webhook at /hook (records arrival times)."""

    def __init__(self, items_per_feed: int) -> None:
        self.items_per_feed = items_per_feed
        self.arrivals: dict[str, float] = {}  # item-mode alerts (/hook), by item id
        self.first: dict[str, float] = {}  # an item's first alert of either mode, by item id
        self.story_alerts: dict[str, float] = {}  # story-mode alerts (/story), by story id
        self.story_arrivals: dict[str, float] = {}  # the same, by the id of the alert's item
        self.story_of: dict[str, str] = {}  # a story-mode alert's item id -> its story id
        self.posts = 0  # item-mode POSTs, duplicates included
        self.lock = threading.Lock()
        servers = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = self.path.strip("/").split("/")
                if len(parts) == 3 and parts[0] == "feed":
                    body = _rss(int(parts[1]), int(parts[2].split(".")[0]), servers.items_per_feed)
                    self._reply(200, body, "application/rss+xml")
                else:
                    self._reply(404, b"", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                now = time.time()
                if self.path.startswith("/story"):
                    try:
                        data = json.loads(body)["data"]
                        story_id, alert_item = data["story"]["id"], data["item"]["id"]
                    except (ValueError, KeyError, TypeError):
                        story_id = alert_item = None
                    with servers.lock:
                        servers.story_alerts.setdefault(story_id or "?", now)
                        if alert_item:
                            servers.story_arrivals.setdefault(alert_item, now)
                            servers.story_of.setdefault(alert_item, story_id or "?")
                            servers.first.setdefault(alert_item, now)
                    self._reply(204, b"", "text/plain")
                    return
                try:
                    item_id = json.loads(body)["data"]["item"]["id"]
                except (ValueError, KeyError):
                    item_id = None
                if item_id:
                    with servers.lock:
                        servers.posts += 1
                        servers.arrivals.setdefault(item_id, now)
                        servers.first.setdefault(item_id, now)
                self._reply(204, b"", "text/plain")

            def _reply(self, status: int, body: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def delivered(self) -> int:
        """Items alerted so far, by whichever subscription mode."""
        with self.lock:
            return len(self.first)

    def stop(self) -> None:
        self.httpd.shutdown()


# --- database -------------------------------------------------------------------------


@contextmanager
def database(tmp: Path) -> Iterator[str]:
    admin_url = os.environ.get("WIREWATCH_TEST_POSTGRES_URL", DEFAULT_PG)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"wwbench_{uuid.uuid4().hex[:8]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        print("database: SQLite (PostgreSQL unreachable)")
        yield f"sqlite:///{tmp / 'bench.db'}"
        return
    print("database: PostgreSQL")
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- service processes ----------------------------------------------------------------


@contextmanager
def connected(database_url: str) -> Iterator[Connection]:
    """One connection of a throwaway engine: the report's reads after (or beside) a run."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _children(pid: int) -> list[int]:
    """The child processes of ``pid``: one read of the kernel's list where it keeps one, a
    scan of /proc otherwise (that scan, ten times a second, once took a quarter of this
    process's CPU and delayed the webhook receiver's arrival times)."""
    try:  # each thread's own list: a child started from another thread is only in its list
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
        return [int(c) for task in tasks for c in (task / "children").read_text().split()]
    except OSError:
        pass
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Service:
    name: str
    process: subprocess.Popen[bytes]
    url: str
    peak_rss_mb: float = 0.0
    peak_children_mb: float = 0.0

    def sample(self) -> None:
        self.peak_rss_mb = max(self.peak_rss_mb, _rss_mb(self.process.pid))
        kids = sum(_rss_mb(c) for c in _children(self.process.pid))
        self.peak_children_mb = max(self.peak_children_mb, kids)


@dataclass
class Cluster:
    bootstrap: str
    database_url: str
    tmp: Path
    services: list[Service] = field(default_factory=list)
    sample_every_s: float = 0.5
    _next_sample: float = 0.0
    _engine: Engine | None = None
    extra_env: dict[str, str] = field(default_factory=dict)  # --env, over the defaults

    def env(self, port: int) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
        env.update(
            WIREWATCH_KAFKA_BOOTSTRAP=self.bootstrap,
            WIREWATCH_DATABASE_URL=self.database_url,
            WIREWATCH_HTTP_PORT=str(port),
            WIREWATCH_LOG_LEVEL="WARNING",
            WIREWATCH_SECRET_KEY="bench-secret-key",
            WIREWATCH_SEED_DEFAULT_FEEDS="false",
            WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS="true",
            WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS="true",
            WIREWATCH_POLL_TICK_S="0.05",
            WIREWATCH_HOST_MAX_CONCURRENT="64",
            WIREWATCH_HOST_MIN_GAP_S="0",
            WIREWATCH_DELIVERY_TICK_S="0.2",
        )
        env.update(self.extra_env)
        return env

    def start(self, name: str) -> Service:
        port = free_port()
        log = (self.tmp / f"{name}-{len(self.services)}.log").open("wb")
        process = subprocess.Popen(
            [WIREWATCH, "service", name], env=self.env(port), stdout=log, stderr=log, cwd=self.tmp
        )
        service = Service(name, process, f"http://127.0.0.1:{port}")
        self.services.append(service)
        return service

    # A start-up deadline, not a figure: on the shared host (load 20+ on 2 cores) ingest
    # alone took over 60 s to answer /readyz.
    async def wait_ready(self, timeout: float = 300, skip: list[Service] | None = None) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2, trust_env=False) as client:
            for service in self.services:
                if service in (skip or []):
                    continue
                while True:
                    if service.process.poll() is not None:
                        raise RuntimeError(f"{service.name} exited (see {self.tmp})")
                    try:
                        if (await client.get(f"{service.url}/readyz")).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{service.name} not ready")
                    await asyncio.sleep(0.1)

    def sample(self) -> None:
        """Peak RSS of every service; at most every ``sample_every_s`` (the callers' loops
        run faster, and the harness must not compete with what it measures)."""
        now = time.monotonic()
        if now < self._next_sample:
            return
        self._next_sample = now + self.sample_every_s
        for service in self.services:
            service.sample()

    def add_feeds(self, urls: list[str]) -> None:
        """Add feeds for ingest to poll (blocking), on one engine kept for the run: the
        steady phase adds one every 0.1 s, and a new engine plus a schema check each time
        cost this process more CPU than some of the services it measures."""
        from wirewatch_ingest import feedstore
        from wirewatch_shared.db import make_engine

        if self._engine is None:
            self._engine = make_engine(self.database_url)
        feedstore.add_feeds(self._engine, [(url, "") for url in urls])

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        for service in self.services:
            if service.process.poll() is None:
                service.process.terminate()
        for service in self.services:
            try:
                service.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                service.process.kill()


# --- measurements ---------------------------------------------------------------------


async def broker_ceiling(bootstrap: str, count: int, size: int) -> float:
    """Messages/s through one produce→consume hop on a bare aiokafka pair."""
    topic = f"bench.ceiling.{uuid.uuid4().hex[:6]}"
    await ensure_streams(bootstrap, [topic], partitions=3)
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"bench-{topic}",
        auto_offset_reset="earliest",
        fetch_max_wait_ms=30,
        session_timeout_ms=6000,
        heartbeat_interval_ms=1000,
    )
    await consumer.start()
    while not consumer.assignment():
        await asyncio.sleep(0.05)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, acks="all")
    await producer.start()
    payload = b"x" * size
    started = time.monotonic()
    sends = [await producer.send(topic, payload, key=str(i).encode()) for i in range(count)]
    got = 0
    while got < count:
        batch = await consumer.getmany(timeout_ms=200, max_records=1000)
        got += sum(len(records) for records in batch.values())
    elapsed = time.monotonic() - started
    await asyncio.gather(*sends)
    await producer.stop()
    await consumer.stop()
    return count / elapsed


class TopicWatch:
    """Reads a topic from the start without a group: Kafka timestamp per item id."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self.consumer = AIOKafkaConsumer(
            topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", fetch_max_wait_ms=30
        )
        self.stamps: dict[str, float] = {}
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.consumer.start()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            batch = await self.consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batch.values():
                for r in records:
                    if r.key:
                        self.stamps.setdefault(r.key.decode(), r.timestamp / 1000)

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
        await self.consumer.stop()


class StoryWatch(TopicWatch):
    """The stories stream: Kafka timestamp of each item's story event, by item id, and
    which items opened a story."""

    opened: set[str]

    async def _run(self) -> None:
        self.opened = set()
        while True:
            batch = await self.consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batch.values():
                for r in records:
                    event = json.loads(r.value)
                    item_id = event["item"]["item"]["item_id"]
                    self.stamps.setdefault(item_id, r.timestamp / 1000)
                    if event["kind"] == "opened":
                        self.opened.add(item_id)


@dataclass
class Expected:
    """The alerts each item should bring, by subscription mode: item mode, one per item;
    story mode, one per item that opened a story (an item joining a story already alerted
    brings at most the story's one follow-up)."""

    servers: Servers
    items: TopicWatch
    stories: StoryWatch
    modes: list[str]

    def alerted(self, key: str) -> bool:
        if "item" in self.modes and key not in self.servers.arrivals:
            return False
        if "story" in self.modes:
            if key not in self.stories.stamps:
                return False
            if key in self.stories.opened and key not in self.servers.story_arrivals:
                return False
        return True

    def all_alerted(self, keys: list[str] | set[str]) -> bool:
        with self.servers.lock:
            return all(self.alerted(k) for k in keys)

    async def wait_new(
        self, cluster: Cluster, before: set[str], count: int, *, timeout: float
    ) -> set[str]:
        """Wait until ``count`` items not in ``before`` reached the items topic and got
        their alerts; those items."""
        deadline = time.monotonic() + timeout
        while True:
            fresh = set(self.items.stamps) - before
            if len(fresh) >= count and self.all_alerted(fresh):
                return fresh
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(fresh)}/{count} items seen, not all alerted")
            cluster.sample()
            await asyncio.sleep(0.1)


def subscribe(database_url: str, target: str, story_target: str, modes: list[str]) -> None:
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    box = SecretBox(b"bench-secret-key")
    # Item mode: one webhook per item. Story mode (the default of a new subscription): one
    # alert per story (and a follow-up), through the stories stage; every bench item is a
    # story of its own (their head counts differ), so either mode is one webhook per item.
    for mode, url in (("item", target), ("story", story_target)):
        if mode not in modes:
            continue
        data: dict[str, object] = {
            "topics": [TOPIC],
            "channel": "webhook",
            "target": url,
            "alert_mode": mode,
        }
        subscriptions.create_subscription(engine, subscriptions.parse_create(data), box)
    engine.dispose()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class BurstResult:
    items: int
    seconds: float


async def burst(
    cluster: Cluster, servers: Servers, expected: Expected, run: int, feeds: int, per_feed: int
) -> BurstResult:
    """All feeds at once: end-to-end items/s (feed fetch to delivered webhook)."""
    count = feeds * per_feed
    before = set(expected.items.stamps)
    urls = [servers.url(f"/feed/{run}/{n}.xml") for n in range(feeds)]
    started = time.monotonic()
    await asyncio.to_thread(cluster.add_feeds, urls)
    await expected.wait_new(cluster, before, count, timeout=600)
    return BurstResult(count, time.monotonic() - started)


def _rate(marks: list[tuple[float, int]]) -> float:
    """Messages/s while the count moved (first to last change): the hop's working rate."""
    moving = [(t, n) for t, n in marks if n > 0]
    if len(moving) < 2:
        return float("nan")
    last = max(n for _, n in moving)
    first_t = moving[0][0]
    last_t = next(t for t, n in moving if n == last)
    start_n = moving[0][1]
    return (last - start_n) / (last_t - first_t) if last_t > first_t else float("nan")


def _rate_text(rate: float, ceiling: float) -> str:
    """A hop's rate against the broker's ceiling; NaN when the whole hop was read between two
    samples of the group's offsets (too quick to time), which the line says instead."""
    if math.isnan(rate):
        return "read between two offset samples (too quick to time)"
    return f"{rate:,.0f} msg/s ({rate / ceiling:.2f}x ceiling)"


def _feed_item(run: int, n: int) -> tuple[bytes, bytes]:
    from datetime import UTC, datetime

    from wirewatch_shared.events import FeedItem

    now = datetime.now(UTC)
    item = FeedItem(
        item_id=f"hop-{run}-{n}",
        feed_id=1,
        feed_url="http://127.0.0.1/feed.xml",
        feed_title="Bench",
        title=f"Deportation flight {run}-{n} carrying migrants lands in Caracas",
        summary=f"The charter flight carrying Venezuelan deportees landed, officials said. {PAD}",
        link=f"http://example.org/hop-{run}-{n}",
        published=now,
        fetched_at=now,
        language="en",
    )
    return item.item_id.encode(), item.model_dump_json().encode()


@dataclass
class HopResult:
    items: int
    seconds: float
    classify_rate: float
    notify_rate: float


async def consumed(cluster: Cluster, service: str) -> float:
    """Messages consumed so far by every process of ``service`` (their /metrics)."""
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    async with httpx.AsyncClient(timeout=5, trust_env=False) as client:
        for s in cluster.services:
            if s.name != service or s.process.poll() is not None:
                continue
            text = (await client.get(f"{s.url}/metrics")).text
            for family in text_string_to_metric_families(text):
                for sample in family.samples:
                    if sample.name == "faststream_received_messages_total" and sample.labels.get(
                        "handler"
                    ) in (streams.ITEMS, streams.CLASSIFIED):
                        total += sample.value
    return total


async def balanced(cluster: Cluster, service: str, timeout: float = 60) -> None:
    """Wait until every classify process owns partitions (the rebalance is over)."""
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(timeout=5, trust_env=False) as client:
        while time.monotonic() < deadline:
            owned = []
            for s in cluster.services:
                if s.name == service and s.process.poll() is None:
                    checks = (await client.get(f"{s.url}/readyz")).json()["checks"]
                    groups = checks.get("consumers", {}).get("groups", {})
                    owned.append(groups.get(streams.GROUP_CLASSIFY, {}).get("partitions", 0))
            if owned and all(n > 0 for n in owned):
                return
            await asyncio.sleep(0.2)
    raise TimeoutError(f"{service} processes never all got partitions")


async def hop(
    cluster: Cluster,
    expected: Expected,
    classified: TopicWatch,
    run: int,
    count: int,
    *,
    through_notify: bool = True,
) -> HopResult:
    """``count`` items published at once on the items topic; how fast the hops drain it.

    classify's rate comes from the Kafka timestamps of its output (first to last
    classified item of the run); notify's from its own consumed-messages counter.
    """
    keys = [f"hop-{run}-{n}" for n in range(count)]
    base_notify = await consumed(cluster, "notify") if through_notify else 0.0
    producer = AIOKafkaProducer(bootstrap_servers=cluster.bootstrap, linger_ms=5, acks="all")
    await producer.start()
    messages = [_feed_item(run, n) for n in range(count)]
    started = time.monotonic()
    sends = [await producer.send(streams.ITEMS, value, key=key) for key, value in messages]
    await asyncio.gather(*sends)
    await producer.stop()
    notify_marks: list[tuple[float, int]] = []
    deadline = started + 600
    while True:
        cluster.sample()
        done = all(k in classified.stamps for k in keys)
        if through_notify:
            n = int(await consumed(cluster, "notify") - base_notify)
            notify_marks.append((time.monotonic(), n))
            done = done and expected.all_alerted(keys)
        if done:
            break
        if time.monotonic() > deadline:
            raise TimeoutError("hop did not drain")
        await asyncio.sleep(0.25)
    seconds = time.monotonic() - started
    stamps = sorted(classified.stamps[k] for k in keys)
    classify_rate = (count - 1) / (stamps[-1] - stamps[0]) if stamps[-1] > stamps[0] else 0.0
    notify_rate = _rate(notify_marks) if through_notify else float("nan")
    return HopResult(count, seconds, classify_rate, notify_rate)


def _classified_messages(run: int, count: int) -> list[tuple[bytes, bytes]]:
    """What classify publishes for ``count`` hop items: the real classifier's output."""
    from datetime import UTC, datetime

    from wirewatch_classify.engine import Classifier
    from wirewatch_shared.events import ClassifiedItem, FeedItem

    classifier = Classifier.load()
    messages = []
    for key, body in (_feed_item(run, n) for n in range(count)):
        item = FeedItem.model_validate_json(body)
        matches, entities = classifier.classify(item.title, item.summary, item.language)
        event = ClassifiedItem(
            item=item, matches=matches, entities=entities, classified_at=datetime.now(UTC)
        )
        messages.append((key, event.model_dump_json().encode()))
    return messages


async def notify_hop(cluster: Cluster, expected: Expected, run: int, count: int) -> HopResult:
    """The classify→notify hop alone: ``count`` classified items (the real classifier's
    output) put on the classified topic at once, as classify publishes them after a
    busy batch; notify's consume rate from its consumed-messages counter, with classify
    idle, so the hop does not share the CPUs with the hop before it."""
    messages = await asyncio.to_thread(_classified_messages, run, count)
    base_notify = await consumed(cluster, "notify")
    keys = [key.decode() for key, _ in messages]
    producer = AIOKafkaProducer(bootstrap_servers=cluster.bootstrap, linger_ms=5, acks="all")
    await producer.start()
    started = time.monotonic()
    sends = [await producer.send(streams.CLASSIFIED, value, key=key) for key, value in messages]
    await asyncio.gather(*sends)
    await producer.stop()
    marks: list[tuple[float, int]] = []
    deadline = started + 600
    while not expected.all_alerted(keys):
        marks.append((time.monotonic(), int(await consumed(cluster, "notify") - base_notify)))
        cluster.sample()
        if time.monotonic() > deadline:
            raise TimeoutError("notify hop did not drain")
        await asyncio.sleep(0.1)
    return HopResult(count, time.monotonic() - started, float("nan"), _rate(marks))


async def steady(
    cluster: Cluster,
    servers: Servers,
    expected: Expected,
    run: int,
    rate: float,
    seconds: float,
    per_feed: int,
) -> dict[str, float]:
    """Items enter at ``rate``/s (one feed of ``per_feed`` items at a time)."""
    feeds = max(1, int(rate * seconds / per_feed))
    interval = per_feed / rate
    before = set(expected.items.stamps)
    started = time.monotonic()
    for n in range(feeds):
        await asyncio.to_thread(cluster.add_feeds, [servers.url(f"/feed/{run}/{n}.xml")])
        cluster.sample()
        pause = started + (n + 1) * interval - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
    fresh = await expected.wait_new(cluster, before, feeds * per_feed, timeout=300)
    # The rate the pipeline really got: a harness slower than ``interval`` per feed (it
    # was, at ~0.15 s per feed under load, before one engine served every feed) would
    # feed it less than ``rate`` and flatter the latency.
    published = sorted(expected.items.stamps[k] for k in fresh)
    if len(published) > 1:
        span = published[-1] - published[0]
        print(f"\n(steady input: {len(published)} items published by ingest in {span:.1f} s)")
    with servers.lock:
        first = {k: servers.first[k] for k in fresh if k in servers.first}
    return {k: arrived - expected.items.stamps[k] for k, arrived in first.items()}


async def drained(cluster: Cluster, timeout: float = 900) -> float:
    """Wait until the phases before have left nothing behind: every running stage's
    consumer group caught up and no delivery waiting in notify's outbox, on two checks in
    a row; the seconds it took. (A phase started on another's backlog measures the
    backlog: the story-mode alerts of the hop and burst phases are not counted there.)"""
    from wirewatch_shared.kafka_admin import group_lag

    running = {s.name for s in cluster.services if s.process.poll() is None}
    groups = {
        c.group: stream
        for stream, info in streams.STREAM_INFO.items()
        for c in info.consumers
        if c.group is not None and c.service in running
    }
    engine = create_engine(cluster.database_url)
    started = time.monotonic()
    calm = 0
    try:
        while calm < 2:
            if time.monotonic() - started > timeout:
                raise TimeoutError("the pipeline did not drain")
            lag = await group_lag(cluster.bootstrap, groups)
            with engine.connect() as conn:
                waiting = conn.execute(
                    text("SELECT count(*) FROM notify_delivery WHERE status IN ('pending', 'held')")
                ).scalar_one()
            idle = waiting == 0 and all(row.lag == 0 for row in lag)
            calm = calm + 1 if idle else 0
            cluster.sample()
            await asyncio.sleep(1)
    finally:
        engine.dispose()
    return time.monotonic() - started


def report_latency(
    latency: dict[str, float],
    watch: TopicWatch,
    classified: TopicWatch,
    story_events: TopicWatch,
    servers: Servers,
    modes: list[str],
    outbox_rows: dict[str, OutboxRow],
    gc_pauses: dict[str, list[tuple[float, float]]] | None = None,
) -> None:
    """publish→alert percentiles per subscription mode, split at each hop's timestamp
    (story mode's last hop also at the outbox row's recorded and sent times)."""

    def line(label: str, values: list[float]) -> None:
        print(
            f"  {label}: p50 {pct(values, 0.5) * 1000:.0f} ms, "
            f"p95 {pct(values, 0.95) * 1000:.0f} ms, p99 {pct(values, 0.99) * 1000:.0f} ms"
        )

    published = watch.stamps

    def since_published(later: dict[str, float]) -> list[float]:
        return [later[k] - published[k] for k in latency if k in later]

    line("classify hop (item→classified)", since_published(classified.stamps))
    line("stories stage (item→story event)", since_published(story_events.stamps))
    with servers.lock:
        by_mode = {"item": dict(servers.arrivals), "story": dict(servers.story_arrivals)}
    for mode in modes:
        arrived = by_mode[mode]
        keys = [k for k in latency if k in arrived]
        print(f"  {mode}-mode subscription: {len(keys)} alerts")
        line("  publish→delivery", [arrived[k] - published[k] for k in keys])
        before = classified.stamps if mode == "item" else story_events.stamps
        line("  last hop (→webhook)", [arrived[k] - before[k] for k in keys if k in before])
        if mode == "story" and outbox_rows:
            with servers.lock:
                story_of = dict(servers.story_of)
            rows = {k: outbox_rows.get(f"story:{story_of.get(k)}") for k in keys}
            timed = {k: r for k, r in rows.items() if r and k in before}
            line("    story event→outbox row", [timed[k].made - before[k] for k in timed])
            line("    outbox row→sent", [timed[k].sent - timed[k].made for k in timed])
            # The row's own path: waiting for a claim, then queue + send (to the webhook's
            # arrival), then the outcome's group commit (sent_at).
            claimed = {k: r for k, r in timed.items() if r.claimed is not None}
            line("      row→claimed", [r.claimed - r.made for r in claimed.values()])  # type: ignore[operator]
            line("      claimed→arrived", [arrived[k] - r.claimed for k, r in claimed.items()])  # type: ignore[operator]
            line("      arrived→sent recorded", [r.sent - arrived[k] for k, r in timed.items()])
            worst_second(timed, arrived, before)
            claim_waits(claimed, arrived)
            tail_split(latency, published, classified.stamps, before, arrived, gc_pauses)
    print("  goal: publish→delivery p99 <= 500 ms")


def tail_split(
    latency: dict[str, float],
    published: dict[str, float],
    classified: dict[str, float],
    stories: dict[str, float],
    arrived: dict[str, float],
    gc_pauses: dict[str, list[tuple[float, float]]] | None = None,
) -> None:
    """Where the slow 1 % waits (stop 45): each item's publish→delivery cut at the classified
    and story events' timestamps into three stages (classify, stories, notify + receiver);
    each stage's percentiles over all items, then the slowest 1 % (at or over the p99): each
    stage's median there, which stage held most of each such item's time, and how the slow
    items spread over the phase (a stall puts them in one second, per-item waits spread
    them). With ``gc_pauses`` (``--gc-log``: each stage's collections of 1 ms or more, as
    (end, ms)), how many items had a pause in the stage they were waiting in, slow 1 %
    against all."""
    keys = [k for k in latency if k in classified and k in stories and k in arrived]
    if len(keys) < 100:
        return
    spans = {k: (published[k], classified[k], stories[k], arrived[k]) for k in keys}
    names = ("classify", "stories", "notify")
    parts = {k: (c - p, s - c, a - s) for k, (p, c, s, a) in spans.items()}
    total = {k: a - p for k, (p, _, _, a) in spans.items()}
    for n, name in enumerate(names):
        values = [v[n] for v in parts.values()]
        print(
            f"  tail45 stage {name}: p50 {pct(values, 0.5) * 1000:.0f} ms, p95 "
            f"{pct(values, 0.95) * 1000:.0f} ms, p99 {pct(values, 0.99) * 1000:.0f} ms, "
            f"max {max(values) * 1000:.0f} ms"
        )
    cut = pct(list(total.values()), 0.99)
    slow = [k for k in keys if total[k] >= cut]
    held = Counter(names[max(range(3), key=lambda n: parts[k][n])] for k in slow)
    start = min(p for p, *_ in spans.values())
    seconds = sorted({int(spans[k][0] - start) for k in slow})
    print(
        f"  tail45 slow 1 % ({len(slow)} items, total >= {cut * 1000:.0f} ms): median "
        + ", ".join(
            f"{name} {pct([parts[k][n] for k in slow], 0.5) * 1000:.0f}"
            for n, name in enumerate(names)
        )
        + " ms; most of the time in "
        + ", ".join(f"{name} {held[name]}" for name in names)
        + f"; published in {len(seconds)} distinct seconds of the phase: {seconds}"
    )
    if gc_pauses is None:
        return
    end = max(a for *_, a in spans.values())
    window = [ms for done, ms in gc_pauses.get("harness", []) if start <= done <= end]
    print(f"  tail45 GC harness: {len(window)} pauses >= 1 ms ({sum(window):.0f} ms)")

    def paused(k: str, n: int, at_least: float) -> float:
        """GC ms of stage ``n``'s processes while item ``k`` was in that stage."""
        begin, end = spans[k][n], spans[k][n + 1]
        return sum(
            ms
            for done, ms in gc_pauses.get(names[n], [])
            if ms >= at_least and begin < done and done - ms / 1000 < end
        )

    for n, name in enumerate(names):
        window = [ms for done, ms in gc_pauses.get(name, []) if start <= done <= end]
        hit_all = sum(1 for k in keys if paused(k, n, 5) > 0) / len(keys)
        hit_slow = sum(1 for k in slow if paused(k, n, 5) > 0) / len(slow)
        print(
            f"  tail45 GC {name}: {len(window)} pauses >= 1 ms in the phase "
            f"({sum(window):.0f} ms, max {max(window, default=0):.0f} ms); items with a "
            f"pause >= 5 ms while in this stage: all {hit_all:.0%}, slow 1 % {hit_slow:.0%}"
        )


def worst_second(
    timed: dict[str, OutboxRow], arrived: dict[str, float], before: dict[str, float]
) -> None:
    """The rows written in the worst second of the run (by row→arrival): when the tail
    happened and where its time went."""
    buckets: dict[int, list[str]] = {}
    for k, r in timed.items():
        buckets.setdefault(int(r.made), []).append(k)
    if not buckets:
        return
    start = min(buckets)

    def delay(k: str) -> float:
        return arrived[k] - timed[k].made

    second = max(buckets, key=lambda b: max(delay(k) for k in buckets[b]))
    keys = buckets[second]
    worst = max(keys, key=delay)
    r = timed[worst]
    claim = f"{(r.claimed - r.made) * 1000:.0f} ms" if r.claimed is not None else "?"
    by_4s: dict[int, list[float]] = {}
    for b, ks in buckets.items():
        by_4s.setdefault((b - start) // 4, []).extend(delay(k) for k in ks)
    print(
        "      row→arrived p50 by 4 s of the phase (a backlog climbs, a stall spikes): "
        + ", ".join(f"{pct(v, 0.5) * 1000:.0f}" for _, v in sorted(by_4s.items()))
        + " ms"
    )
    print(
        f"      worst second: {second - start} s into the phase, {len(keys)} rows, "
        f"row→arrived max {delay(worst) * 1000:.0f} ms (event→row "
        f"{(r.made - before[worst]) * 1000:.0f} ms, row→claimed {claim})"
    )


def claim_waits(rows: dict[str, OutboxRow], arrived: dict[str, float]) -> None:
    """While rows waited for their claim, how many rows did notify hold claimed and not yet
    delivered (claimed → the webhook's arrival)? At its endpoint's claim cap (two rounds
    of its concurrency, 16 by default) a wait is the endpoint's throughput; below it, the
    worker did not claim what was due (its wake-up, or the claim itself)."""
    events: list[tuple[float, int, int]] = []  # (time, change of waiting, change of held)
    for k, r in rows.items():
        if r.claimed is not None and k in arrived:
            events += [(r.made, 1, 0), (r.claimed, -1, 1), (arrived[k], 0, -1)]
    if not events:
        return
    events.sort()
    waited = {"<8": 0.0, "8-15": 0.0, ">=16": 0.0}
    waiting = held = 0
    last = events[0][0]
    for moment, d_wait, d_held in events:
        band = "<8" if held < 8 else "8-15" if held < 16 else ">=16"
        waited[band] += waiting * max(0.0, moment - last)
        waiting, held, last = waiting + d_wait, held + d_held, moment
    total = sum(waited.values()) or 1.0
    print(
        f"      row-seconds waiting for a claim: {sum(waited.values()):.1f}, while notify held "
        + ", ".join(f"{band} rows {v / total:.0%}" for band, v in waited.items())
    )
    # The rows of one claim share its lease end, so its start too.
    claims = Counter(round(r.claimed, 6) for r in rows.values() if r.claimed is not None)
    starts = sorted(claims)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    print(
        f"      claims that took rows: {len(claims)}, rows per claim p50 "
        f"{pct(list(map(float, claims.values())), 0.5):.0f} / max {max(claims.values())}; "
        f"gap between claims p50 {pct(gaps, 0.5) * 1000:.0f} ms, "
        f"p99 {pct(gaps, 0.99) * 1000:.0f} ms"
    )


class Sampler:
    """CPU seconds of every service process (and the harness) and the largest event-loop
    lag notify reported, over a window: who had the cores while the tail formed."""

    def __init__(self, cluster: Cluster, broker_pid: int | None = None) -> None:
        self.cluster = cluster
        self.broker_pid = broker_pid
        self.used: dict[str, float] = {}
        self.lag_max: dict[str, float] = {}
        self._cpu0: dict[str, float] = {}
        self._task: asyncio.Task[None] | None = None

    @staticmethod
    def _cpu(pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _cpus(self) -> dict[str, float]:
        out: dict[str, float] = {"harness": self._cpu(os.getpid())}
        for n, s in enumerate(self.cluster.services):
            out[f"{s.name}#{n}"] = self._cpu(s.process.pid)
        if self.broker_pid is not None:
            out["broker"] = self._cpu(self.broker_pid)
        return out

    def _wal(self) -> tuple[float, float] | None:
        """Commits in the bench database and WAL flushes (fsyncs) of the whole server so
        far: every commit waits for its WAL flush, shared with other databases."""
        if not self.cluster.database_url.startswith("postgresql"):
            return None
        with connected(self.cluster.database_url) as conn:
            commits = conn.execute(
                text("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
            ).scalar_one()
            syncs = conn.execute(text("SELECT wal_sync FROM pg_stat_wal")).scalar_one()
        return float(commits), float(syncs)

    def start(self) -> None:
        self._cpu0 = self._cpus()
        self._wal0 = self._wal()
        self.load0 = os.getloadavg()[0]
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        async with httpx.AsyncClient(timeout=2, trust_env=False) as client:
            while True:
                for n, s in enumerate(self.cluster.services):
                    if s.name != "notify":
                        continue
                    try:
                        metrics = (await client.get(f"{s.url}/metrics")).text
                    except httpx.HTTPError:
                        continue
                    for row in metrics.splitlines():
                        if row.startswith("wirewatch_event_loop_lag_seconds "):
                            lag = float(row.split()[1])
                            key = f"{s.name}#{n}"
                            self.lag_max[key] = max(self.lag_max.get(key, 0.0), lag)
                await asyncio.sleep(0.5)

    def stop(self, seconds: float, window: str = "steady") -> None:
        if self._task:
            self._task.cancel()
        used = self.used = {k: v - self._cpu0.get(k, 0.0) for k, v in self._cpus().items()}
        total = sum(used.values())
        print(
            f"  CPU s in the {window} window ({seconds:.0f} s; load {self.load0:.1f} → "
            f"{os.getloadavg()[0]:.1f}): {total:.1f} in all, "
            + ", ".join(f"{k} {v:.1f}" for k, v in used.items())
        )
        wal = self._wal()
        if wal and self._wal0:
            print(
                f"  PostgreSQL: {(wal[0] - self._wal0[0]) / seconds:.0f} commits/s in the bench "
                f"database, {(wal[1] - self._wal0[1]) / seconds:.0f} WAL flushes/s on the server"
            )
        if self.lag_max:
            print(
                "  notify event-loop lag, largest sampled: "
                + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in self.lag_max.items())
            )


CLAIM_LEASE_S = 60.0  # notify's default claim lease (the bench does not set it)


@dataclass(frozen=True)
class OutboxRow:
    """A sent delivery's times (epoch s): recorded (``created_at``), claimed (its lease
    start: a claim pushes ``next_attempt_at`` one lease ahead, and a row sent at its first
    attempt keeps that; None otherwise) and the outcome committed (``sent_at``)."""

    made: float
    claimed: float | None
    sent: float


def outbox_times(database_url: str) -> dict[str, OutboxRow]:
    """Each sent delivery's times, by its key (item id or story:<id>): where notify's
    part of the last hop goes."""
    with connected(database_url) as conn:
        rows = conn.execute(
            text(
                "SELECT item_id, created_at, next_attempt_at, attempts, sent_at"
                " FROM notify_delivery WHERE sent_at IS NOT NULL"
            )
        ).all()
    return {
        key: OutboxRow(
            _epoch(made),
            _epoch(due) - CLAIM_LEASE_S if attempts == 1 else None,
            _epoch(sent),
        )
        for key, made, due, attempts, sent in rows
    }


GC_LOGGER = REPO / "bench" / "tail45" / "gclog"  # its sitecustomize.py (--gc-log)


def gc_logs(folder: str, cluster: Cluster) -> dict[str, list[tuple[float, float]]]:
    """The GC pauses ``--gc-log`` recorded, (end, ms) by stage: a service's process and its
    worker children under the service's name, this process as "harness"."""
    owner = {os.getpid(): "harness"}
    for s in cluster.services:
        owner[s.process.pid] = s.name
        owner.update((child, s.name) for child in _children(s.process.pid))
    pauses: dict[str, list[tuple[float, float]]] = {}
    for path in Path(folder).glob("*.gc"):
        lines = path.read_text().splitlines()
        head = lines[0] if lines else ""
        words = head.split()
        name = owner.get(int(path.stem))
        if name is None and "service" in words[:-1]:
            name = words[words.index("service") + 1]
        for line in lines[1:]:
            if line.startswith("#"):  # BENCH_GC_TYPES's lines
                continue
            done, _, ms, _ = line.split()
            pauses.setdefault(name or "other", []).append((float(done), float(ms)))
    return pauses


def _epoch(value: datetime | str) -> float:
    """A timestamp column as epoch seconds (SQLite hands back text, naive means UTC)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


async def main(args: argparse.Namespace) -> None:
    from wirewatch_classify.engine import Classifier

    matches, _ = Classifier.load().classify(
        "Deportation flight 1-1 carrying migrants lands in Caracas",
        "The charter flight carrying Venezuelan deportees landed, officials said.",
        "en",
    )
    assert any(m.topic == TOPIC for m in matches), "bench items must match the subscription"

    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    if args.gc_log:  # before any service starts: they inherit this environment
        Path(args.gc_log).mkdir(parents=True, exist_ok=True)
        os.environ["BENCH_GC_LOG"] = args.gc_log
        os.environ["PYTHONPATH"] = os.pathsep.join(
            [str(GC_LOGGER), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        runpy.run_path(str(GC_LOGGER / "sitecustomize.py"), run_name="bench_gc_log")
    servers = Servers(args.items_per_feed)
    print(f"cpus: {os.cpu_count()}  logs: {tmp}")
    with EmbeddedBroker() as broker, database(tmp) as database_url:
        await ensure_streams(broker.bootstrap, streams.ALL_STREAMS, partitions=args.partitions)
        subscribe(database_url, servers.url("/hook"), servers.url("/story"), args.alert_modes)
        ceiling = await broker_ceiling(broker.bootstrap, args.ceiling_messages, 1500)
        print(f"\nraw broker ceiling (produce+consume, 1.5 KB): {ceiling:,.0f} msg/s")

        watch = TopicWatch(broker.bootstrap, streams.ITEMS)
        classified = TopicWatch(broker.bootstrap, streams.CLASSIFIED)
        story_events = StoryWatch(broker.bootstrap, streams.STORIES)
        await watch.start()
        await classified.start()
        await story_events.start()
        expected = Expected(servers, watch, story_events, args.alert_modes)
        cluster = Cluster(
            broker.bootstrap, database_url, tmp, extra_env=dict(v.split("=", 1) for v in args.env)
        )
        try:
            stages = [s for s in args.stages.split(",") if s and s != "stories"]  # always runs
            for name in ("ingest", "classify", "stories", *stages):
                cluster.start(name)
            for _ in range(args.notify_processes):  # they share the outbox and the groups
                cluster.start("notify")
            if stages:
                print(f"extra stages running: {', '.join(stages)}")
            await cluster.wait_ready()

            one = await hop(cluster, expected, classified, 1, args.hop_items)
            print(f"\nclassify→notify hop: {one.items} items on the items topic at once")
            print(
                f"  classify {one.classify_rate:,.0f} msg/s "
                f"({one.classify_rate / ceiling:.2f}x ceiling), "
                f"notify {_rate_text(one.notify_rate, ceiling)}; goal >= 0.5x"
            )
            print(
                f"  all {one.items} webhooks delivered after {one.seconds:.1f} s "
                f"({one.items / one.seconds:,.0f} alerts/s)"
            )

            alone = await notify_hop(cluster, expected, 6, args.hop_items)
            print(f"\nclassify→notify hop alone: {alone.items} classified items at once")
            print(
                f"  notify {_rate_text(alone.notify_rate, ceiling)}; "
                f"goal >= 0.5x; all webhooks delivered after {alone.seconds:.1f} s "
                f"({alone.items / alone.seconds:,.0f} alerts/s)"
            )

            print(f"\n(drained the backlog in {await drained(cluster):.1f} s)")
            flood = await burst(cluster, servers, expected, 2, args.feeds, args.items_per_feed)
            print(
                f"\nburst through ingest: {flood.items} items "
                f"({args.feeds} feeds x {args.items_per_feed})"
            )
            print(
                f"  end to end: {flood.items / flood.seconds:,.0f} items/s ({flood.seconds:.1f} s)"
            )

            print(f"\n(drained the backlog in {await drained(cluster):.1f} s)")
            if args.idle_seconds > 0:  # nothing to do: what the services' polling costs
                print(f"\nidle for {args.idle_seconds:g} s (no new items):")
                idle = Sampler(cluster, broker.pid)
                idle.start()
                window = time.monotonic()
                await asyncio.sleep(args.idle_seconds)
                idle.stop(time.monotonic() - window, "idle")
            sampler = Sampler(cluster, broker.pid)
            sampler.start()
            spies = []
            if args.py_spy:  # every thread, idle samples too: where each loop waits
                for spied in args.py_spy_services.split(","):
                    service = next(x for x in cluster.services if x.name == spied)
                    out = args.py_spy if spied == "notify" else f"{args.py_spy}.{spied}"
                    spies.append(subprocess.Popen(
                        [str(Path(sys.executable).with_name("py-spy")), "record", "--pid",
                         str(service.process.pid), "--duration",
                         str(round(args.steady_seconds + 2)),
                         "--format", "raw", "--threads", "-o", out,
                         *([] if args.py_spy_cpu else ["--idle"])],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    ))  # fmt: skip
            window = time.monotonic()
            latency = await steady(
                cluster, servers, expected, 3, args.rate, args.steady_seconds, args.items_per_feed
            )
            sampler.stop(time.monotonic() - window)
            for spy in spies:
                await asyncio.to_thread(spy.wait)
            await drained(cluster)  # the last story events and story-mode alerts
            print(
                f"\nsteady {args.rate:g} items/s for {args.steady_seconds:g} s: "
                f"{len(latency)} items alerted"
            )
            if latency:  # less load-sensitive than the latency: CPU per item alerted
                services = sum(v for k, v in sampler.used.items() if k not in ("harness", "broker"))
                print(
                    f"  CPU ms per item alerted: {services * 1000 / len(latency):.2f} in the "
                    "services, "
                    + ", ".join(
                        f"{k} {v * 1000 / len(latency):.2f}" for k, v in sampler.used.items()
                    )
                )
            rows = await asyncio.to_thread(outbox_times, cluster.database_url)
            report_latency(
                latency,
                watch,
                classified,
                story_events,
                servers,
                args.alert_modes,
                rows,
                gc_logs(args.gc_log, cluster) if args.gc_log else None,
            )
            print(f"  {len(servers.story_alerts)} stories alerted in all (story mode)")

            print("\npeak RSS (goal <= 150 MB per service):")
            for s in cluster.services:
                extra = (
                    f" + {s.peak_children_mb:.0f} MB in worker processes"
                    if s.peak_children_mb
                    else ""
                )
                print(f"  {s.name:9s} {s.peak_rss_mb:6.0f} MB{extra}")

            if not args.skip_scale:
                # Classify alone (notify stopped), so the two runs compete only with the broker
                # and the database for the CPUs, not with webhook delivery.
                notifies = [x for x in cluster.services if x.name == "notify"]
                for notify in notifies:
                    notify.process.terminate()
                    notify.process.wait(timeout=30)
                single = await hop(
                    cluster, expected, classified, 4, args.hop_items, through_notify=False
                )
                cluster.start("classify")
                await cluster.wait_ready(skip=notifies)
                await balanced(cluster, "classify")
                double = await hop(
                    cluster, expected, classified, 5, args.hop_items, through_notify=False
                )
                print("\nscale check, classify alone on the same batch of items:")
                print(f"  1 process:  {single.classify_rate:,.0f} msg/s")
                print(
                    f"  2 processes: {double.classify_rate:,.0f} msg/s = "
                    f"{double.classify_rate / single.classify_rate:.2f}x"
                )

            await watch.stop()
            await classified.stop()
            await story_events.stop()
        finally:
            cluster.stop()  # no service process outlives a failed run
    servers.stop()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hop-items", type=int, default=5000, help="items in the hop test")
    parser.add_argument("--feeds", type=int, default=200, help="feeds in the burst")
    parser.add_argument("--items-per-feed", type=int, default=10)
    parser.add_argument("--partitions", type=int, default=6)
    parser.add_argument("--rate", type=float, default=100.0, help="steady items/s")
    parser.add_argument("--steady-seconds", type=float, default=20.0)
    parser.add_argument(
        "--idle-seconds",
        type=float,
        default=0.0,
        help="before the steady phase, CPU seconds of every process while idle for this long",
    )
    parser.add_argument("--ceiling-messages", type=int, default=20_000)
    parser.add_argument(
        "--alert-modes",
        type=lambda v: [m for m in v.split(",") if m],
        default=["story"],
        help="subscription modes, each one webhook subscription: story (the default of a new "
        "subscription, through the stories stage), item, or item,story (twice the webhooks)",
    )
    parser.add_argument("--skip-scale", action="store_true", help="skip the 2-classify run")
    parser.add_argument(
        "--notify-processes",
        type=int,
        default=1,
        help="notify processes (they share the outbox and the consumer groups)",
    )
    parser.add_argument(
        "--stages", default="", help="more stages to run beside them, e.g. stories,flights"
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for every service process (e.g. WIREWATCH_ENDPOINT_CONCURRENCY=32)",
    )
    parser.add_argument(
        "--py-spy",
        metavar="PATH",
        help="py-spy record notify (every thread, idle samples too) during the steady phase "
        "into PATH (collapsed stacks)",
    )
    parser.add_argument(
        "--py-spy-services",
        default="notify",
        metavar="NAMES",
        help="with --py-spy: the services to profile, comma-separated (notify into PATH, "
        "each other one into PATH.<name>), e.g. notify,classify,stories,flights,ingest",
    )
    parser.add_argument(
        "--py-spy-cpu",
        action="store_true",
        help="with --py-spy: sample only threads on a CPU (no --idle): where the CPU goes",
    )
    parser.add_argument(
        "--gc-log",
        metavar="DIR",
        help="log every process's garbage-collector pauses of 1 ms or more into DIR "
        "(bench/tail45/gclog/sitecustomize.py on the services' PYTHONPATH, and in this "
        "process) and relate them to the slow 1 %% of the steady phase (stop 45)",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
