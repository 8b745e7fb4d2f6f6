"""Audit (stop 36): can one slow host hold every fetch slot? N feeds on a host whose
answers trickle past the fetch deadline, due before one good feed on another host; how
long until the good feed is polled. Real servers on 127.0.0.1 ("localhost" counts as
another host for politeness).

    PYTHONPATH=. .venv/bin/python bench/ingest_audit36/host_blocking.py [N=40]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import timedelta

from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller, PollOutcome
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import make_engine

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from wirewatch.schema import upgrade


async def main(slow_feeds: int) -> None:
    slow, good = FeedServer().start(), FeedServer().start()
    slow.routes.update({f"/s{n}": Route(200, rss([("x", "X")]), trickle_s=0.5)
                        for n in range(slow_feeds)})  # fmt: skip
    good.routes["/good"] = Route(200, rss([("g", "Good")]))
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/block.db")
        upgrade(engine)
        feedstore.add_feeds(engine, [(slow.url(f"/s{n}"), "") for n in range(slow_feeds)])
        (good_feed,), _ = feedstore.add_feeds(engine, [(f"http://localhost:{good.port}/good", "")])
        feedstore.make_due(engine, when=utcnow() - timedelta(seconds=60))
        feedstore.make_due(engine, [good_feed.id or 0], when=utcnow() - timedelta(seconds=1))
        started = time.monotonic()
        seen: dict[str, float] = {}

        def note(outcome: PollOutcome) -> None:
            seen[outcome.url] = time.monotonic() - started

        settings = ingest_settings(max_concurrent_fetches=32, host_max_concurrent=2,
                                   fetch_total_timeout_s=1.0, log_level="WARNING")  # fmt: skip
        poller = FeedPoller(engine, settings, Collector(), on_outcome=note)
        try:
            await poller.run_until_idle()
        finally:
            await poller.aclose()
        good_at = seen[f"http://localhost:{good.port}/good"]
        print(f"{slow_feeds} slow feeds (1 s deadline, 2 per host, 32 slots): the good feed "
              f"on another host was polled after {good_at:.1f} s; all done after "
              f"{max(seen.values()):.1f} s")  # fmt: skip
    slow.stop()
    good.stop()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
