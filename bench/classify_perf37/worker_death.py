"""Study script (stop 37): the real classify service with one worker process over the
embedded broker; the worker is killed (SIGKILL) after the first batch. Prints how many
items were handled and how many batches failed in the next ``--watch`` seconds.

Run: .venv/bin/python bench/classify_perf37/worker_death.py [--items 5000] [--watch 15]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classify_service import CountingClassifyService, fill_items


class Watched(CountingClassifyService):
    failures = 0

    async def handle_items(self, bodies: list[bytes]) -> None:
        try:
            await super().handle_items(bodies)
        except Exception:
            self.failures += 1
            raise


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--watch", type=float, default=15.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            kafka_bootstrap=embedded.bootstrap,
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            log_level="ERROR",
            classify_workers=1,
            classify_batch_max_records=100,
        )
        await ensure_streams(embedded.bootstrap, streams.ALL_STREAMS)
        engine = make_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        await fill_items(settings, args.items)
        service = Watched(settings)
        app = service.build_app()
        await app.start()
        try:
            while service.progress.count == 0:
                await asyncio.sleep(0.05)
            assert service.chunks.pool is not None
            [pid] = list(service.chunks.pool._executor._processes)
            os.kill(pid, signal.SIGKILL)
            killed_at = service.progress.count
            deadline = time.monotonic() + args.watch
            while time.monotonic() < deadline and service.progress.count < args.items:
                await asyncio.sleep(0.1)
            print(
                f"worker killed after {killed_at} items; {args.watch:.0f} s later: "
                f"{service.progress.count} of {args.items} items handled, "
                f"{service.failures} failed batches"
            )
        finally:
            await app.stop()
            service.engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
