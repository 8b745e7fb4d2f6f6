"""Study script (stop 37): the classify service in this process over a backlog of
``--items`` items; its RSS as the last batch is handled and ``--settle`` seconds later
(the heap is trimmed once batches pause), and the kernel's high-water mark.

Run: .venv/bin/python bench/classify_perf37/rss_after.py [--items 20000] [--settle 1.5]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classify_service import CountingClassifyService, fill_items


def status(field: str) -> float:
    """A VmRSS-like field of /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--settle", type=float, default=1.5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            kafka_bootstrap=embedded.bootstrap,
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            log_level="WARNING",
        )
        await ensure_streams(embedded.bootstrap, streams.ALL_STREAMS)
        engine = make_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        await fill_items(settings, args.items)
        service = CountingClassifyService(settings)
        app = service.build_app()
        await app.start()
        try:
            before = status("VmRSS")
            while service.progress.count < args.items:
                await asyncio.sleep(0.01)
            at_end = status("VmRSS")
            await asyncio.sleep(args.settle)  # the measurement itself: RSS after a pause
            print(
                f"RSS before the first item {before:.1f} MB, as the last batch was handled "
                f"{at_end:.1f} MB, {args.settle} s later {status('VmRSS'):.1f} MB; "
                f"VmHWM {status('VmHWM'):.1f} MB"
            )
        finally:
            await app.stop()
            service.engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
