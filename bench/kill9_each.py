"""kill -9 of each service in turn while items flow; nothing may be lost.

    .venv/bin/python bench/kill9_each.py [--services ingest,classify,stories,flights,notify]

The five services run as separate processes (`wirewatch service NAME`) against the
embedded broker and PostgreSQL (SQLite when no server answers), with a local feed server
and webhook receiver (the pipeline benchmark's). For each service in turn, feeds are
added at a steady pace; at a random moment the service is SIGKILLed and restarted at
once. The round passes when every item reaches the item-mode webhook, every consumer
group's lag drains to 0 (the stories and flights stages deliver nothing by webhook:
their lag is how a lost message would show) and nothing is dead-lettered. Printed per
round: items, delivered, lost, duplicate POSTs, restart→ready seconds, drain seconds.
This is the hardening issue's attack, re-run; it is not part of the test suite because
five services started five times take minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import (  # noqa: E402
    Cluster,
    Servers,
    TopicWatch,
    database,
    subscribe,
)
from wirewatch_shared import streams  # noqa: E402
from wirewatch_shared.embedded import EmbeddedBroker  # noqa: E402
from wirewatch_shared.kafka_admin import ensure_streams, group_lag  # noqa: E402

SERVICES = ("ingest", "classify", "stories", "flights", "notify")


@dataclass
class Round:
    service: str
    items: int
    delivered: int
    duplicates: int
    restart_ready_s: float
    drain_s: float
    lag: int
    dead_letters: int

    @property
    def lost(self) -> int:
        return self.items - self.delivered


async def total_lag(bootstrap: str) -> int:
    return sum(entry.lag or 0 for entry in await group_lag(bootstrap))


async def one_round(
    cluster: Cluster,
    servers: Servers,
    dead: TopicWatch,
    run: int,
    name: str,
    feeds: int,
    per_feed: int,
    rng: random.Random,
) -> Round:
    expected = feeds * per_feed
    before = set(servers.arrivals)
    posts_before = servers.posts
    kill_after = rng.uniform(0.2, 0.8) * feeds
    restart_ready = 0.0
    for n in range(feeds):
        await asyncio.to_thread(cluster.add_feeds, [servers.url(f"/feed/{run}/{n}.xml")])
        if restart_ready == 0.0 and n >= kill_after:
            victim = next(s for s in cluster.services if s.name == name)
            victim.process.kill()
            victim.process.wait()
            cluster.services.remove(victim)
            killed = time.monotonic()
            cluster.start(name)
            await cluster.wait_ready(timeout=120)  # the others are up: this one
            restart_ready = time.monotonic() - killed
        await asyncio.sleep(0.05)
    started = time.monotonic()
    deadline = started + 180
    while time.monotonic() < deadline:
        arrived = len(set(servers.arrivals) - before)
        if arrived >= expected and await total_lag(cluster.bootstrap) == 0:
            break
        await asyncio.sleep(0.5)
    arrived = len(set(servers.arrivals) - before)
    lag = await total_lag(cluster.bootstrap)
    return Round(
        name,
        expected,
        arrived,
        servers.posts - posts_before - arrived,
        restart_ready,
        time.monotonic() - started,
        lag,
        len(dead.stamps),
    )


async def main(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-kill9-"))
    servers = Servers(args.items_per_feed)
    print(f"logs: {tmp}")
    rounds: list[Round] = []
    with EmbeddedBroker() as broker, database(tmp) as database_url:
        await ensure_streams(broker.bootstrap, streams.ALL_STREAMS)
        subscribe(database_url, servers.url("/hook"), servers.url("/story"), ["item", "story"])
        dead = TopicWatch(broker.bootstrap, streams.DEAD_LETTER)
        await dead.start()
        cluster = Cluster(broker.bootstrap, database_url, tmp)
        try:
            for name in SERVICES:
                cluster.start(name)
            await cluster.wait_ready()
            for run, name in enumerate(args.services.split(","), start=1):
                result = await one_round(
                    cluster, servers, dead, run, name, args.feeds, args.items_per_feed, rng
                )
                rounds.append(result)
                print(
                    f"kill -9 {result.service:9s} items {result.items}  delivered "
                    f"{result.delivered}  lost {result.lost}  duplicate POSTs "
                    f"{result.duplicates}  ready again after {result.restart_ready_s:.1f} s  "
                    f"drained in {result.drain_s:.1f} s  lag {result.lag}  "
                    f"dead letters {result.dead_letters}",
                    flush=True,
                )
        finally:
            await dead.stop()
            cluster.stop()  # no service process outlives a failed run
    servers.stop()
    failed = [r for r in rounds if r.lost or r.lag or r.dead_letters]
    print("0 lost, 0 jammed, 0 dead-lettered" if not failed else f"FAILED: {failed}")
    return 1 if failed else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", default=",".join(SERVICES))
    parser.add_argument("--feeds", type=int, default=40, help="feeds added per round")
    parser.add_argument("--items-per-feed", type=int, default=5)
    parser.add_argument("--seed", type=int, default=9)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
