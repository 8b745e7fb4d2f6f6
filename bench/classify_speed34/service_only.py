"""Study script (stop 34): the classify service alone over the embedded broker, optionally
profiled by py-spy while it consumes (the pass-through of bench/classify_service.py left out).

Fills ``--items`` FeedItems (the bench's stream), then runs the real service over them for
``--rounds`` rounds and prints the event loop's CPU / run-queue / idle µs per item of each.
``--pyspy OUT`` records the process with py-spy (``--format raw``, idle samples included,
threads apart) during the last round only.

Run with the code of another checkout: PYTHONPATH=<checkout>/services/classify:<checkout>/shared
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

from wirewatch_classify import batch
from wirewatch_classify.history import ItemHistory
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classify_service import (
    CountingClassifyService,
    Progress,
    describe_loop,
    fill_items,
    measure,
    passthrough_app,
)


def cpu_seconds(pid: int | None) -> float:
    """utime + stime of a process (Linux), 0.0 when unknown."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TimedHistory(ItemHistory):
    """Times each store write (``_save``: from its start to its end, thread included)."""

    save_s = 0.0
    saves = 0

    async def _save(self, records: list[batch.ItemRecord]) -> None:
        start = time.monotonic()
        await super()._save(records)
        self.save_s += time.monotonic() - start
        self.saves += 1


class TimedService(CountingClassifyService):
    """Also times each store write (the item history's, see :class:`TimedHistory`)."""

    def __init__(self, settings: ClassifySettings) -> None:
        super().__init__(settings)
        self.timed = TimedHistory(self.engine)
        self.history = self.handler.history = self.timed


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--pyspy", default=None)
    parser.add_argument("--no-store", action="store_true")
    parser.add_argument("--passthrough", action="store_true", help="also the pass-through")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            kafka_bootstrap=embedded.bootstrap,
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            log_level="WARNING",
            classify_store_items=not args.no_store,
        )
        await ensure_streams(embedded.bootstrap, (*streams.ALL_STREAMS, "bench.passthrough.v1"))
        engine = make_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        for round_no in range(1, args.rounds + 1):
            await fill_items(settings, args.items)
            spy = None
            if args.pyspy and round_no == args.rounds:
                spy = subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "py-spy"),
                        "record",
                        "-r",
                        "250",
                        "--threads",
                        "--idle",
                        "--format",
                        "raw",
                        "-o",
                        args.pyspy,
                        "--pid",
                        str(os.getpid()),
                    ],
                    stdout=subprocess.DEVNULL,
                )
                await asyncio.sleep(1.0)
            if args.passthrough:
                progress = Progress()
                broker_cpu = cpu_seconds(embedded.pid)
                rate, cpu = await measure(passthrough_app(settings, progress), progress, args.items)
                broker_cpu = (cpu_seconds(embedded.pid) - broker_cpu) / args.items * 1e6
                text, _ = describe_loop(progress)
                print(f"  pass-through: {rate:,.0f} items/s, CPU {cpu:.1f} µs/item{text}")
                print(f"  broker CPU {broker_cpu:.1f} µs/item (whole run, start and fill apart)")
            broker_cpu = cpu_seconds(embedded.pid)
            service = TimedService(settings)
            began = time.monotonic()
            rate, cpu = await measure(service.build_app(), service.progress, args.items)
            service.engine.dispose()
            if spy is not None:
                spy.send_signal(2)
                spy.wait()
            text, _ = describe_loop(service.progress)
            wall = time.monotonic() - began
            broker_cpu = (cpu_seconds(embedded.pid) - broker_cpu) / args.items * 1e6
            print(f"round {round_no}: {rate:,.0f} items/s, process CPU {cpu:.1f} µs/item{text}")
            timed = service.timed
            print(
                f"  store writes: {timed.saves}, {timed.save_s:.2f} s of {wall:.2f} s "
                f"({timed.save_s / max(timed.saves, 1) * 1e3:.1f} ms each); "
                f"broker CPU {broker_cpu:.1f} µs/item"
            )


if __name__ == "__main__":
    asyncio.run(main())
