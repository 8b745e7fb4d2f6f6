"""Classify's CPU per item against batch size, at a fixed rate, through the real broker.

The parent starts the embedded Tansu broker and the item store's schema, then for each
batch size B runs the real ``ClassifyService`` in a child process
(``classify_batch_max_records`` = B) and feeds ``wirewatch.items.v1`` at ``--rate`` items/s
in bursts of B (one burst every B / rate s), so the consumer takes batches of about B.
The child's CPU (utime + stime from ``/proc/PID/stat``) is read over the steady window
(after ``--warm`` s) and divided by the items fed in it; the child prints its batches'
mean size when it stops. ``--code DIR``: the worktree whose services the child imports
(before/after pairs alternate in one run, the order reversed every other pair).

``--store postgres`` writes to ``--pg`` (default database ``clbatch44`` on the local server:
``createdb -h 127.0.0.1 -U postgres clbatch44`` first; the schema is brought up by the bench).
``--rate 0``: the idle service, its CPU in ms per second (printed in the µs/item column).

Run: .venv/bin/python bench/classify_batch44/rate.py --batches 1 5 20 100 [--store sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirewatch_classify.settings import ClassifySettings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

CHILD = r"""
import asyncio, json, os, signal, sys
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings

class Counting(ClassifyService):
    batches = 0
    items = 0
    async def handle_items(self, bodies):
        await super().handle_items(bodies)
        Counting.batches += 1
        Counting.items += len(bodies)

async def main():
    settings = ClassifySettings(**json.loads(sys.argv[1]))
    app = Counting(settings).build_app()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await app.start()
    print("READY", flush=True)
    await stop.wait()
    await app.stop()
    print(f"BATCHES {Counting.batches} ITEMS {Counting.items}", flush=True)

asyncio.run(main())
"""


def child_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def feed(
    settings: ClassifySettings,
    base: list[tuple[str, str]],
    n_start: int,
    batch: int,
    rate: float,
    seconds: float,
    mark: Callable[[int], None],
) -> int:
    """Publish bursts of ``batch`` items every batch/rate s for ``seconds``; calls
    ``mark(items_sent)`` each burst. Returns items sent."""
    from wirewatch_shared import streams
    from wirewatch_shared.broker import make_broker
    from wirewatch_shared.events import FeedItem

    now = datetime.now(UTC)
    broker = make_broker(settings, client_suffix="bench-feed")
    await broker.connect()
    sent = 0
    try:
        start = time.monotonic()
        period = batch / rate
        k = 0
        while time.monotonic() - start < seconds:
            pending = []
            for _ in range(batch):
                i = n_start + sent
                title, summary = base[i % len(base)]
                item = FeedItem(
                    item_id=f"b44-{i}",
                    feed_id=1 + i % 50,
                    feed_url=f"https://example.org/feed/{i % 50}",
                    title=title,
                    summary=summary,
                    link=f"https://example.org/item/{i}",
                    published=now,
                    fetched_at=now,
                    language="en",
                )
                pending.append(
                    await broker.publish(
                        item.model_dump_json().encode(),
                        streams.ITEMS,
                        key=item.item_id.encode(),
                        no_confirm=True,
                    )
                )
                sent += 1
            await asyncio.gather(*pending)
            mark(sent)
            k += 1
            await asyncio.sleep(max(0.0, start + k * period - time.monotonic()))
    finally:
        await broker.stop()
    return sent


async def one_run(
    base_settings: dict[str, Any], code: Path, batch: int, args: argparse.Namespace, n_start: int
) -> tuple[float, str, int]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(code / "services/classify"), str(code / "shared"), str(code / "src")]
    )
    child_settings = {**base_settings, "classify_batch_max_records": batch}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, __import__("json").dumps(child_settings)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    while (line := await asyncio.to_thread(proc.stdout.readline)).strip() != "READY":
        assert line, "the child exited before READY"
    await asyncio.sleep(2)  # group join
    window: dict[str, float] = {}
    t0 = time.monotonic()

    def mark(sent: int) -> None:
        el = time.monotonic() - t0
        if "cpu0" not in window and el >= args.warm:
            if args.spy:  # py-spy attached for the window (its own CPU is not the child's)
                spy = ["py-spy", "record", "-p", str(proc.pid), "-d", str(int(args.window))]
                subprocess.Popen([*spy, "-r", "250", "-f", "raw", "-o", args.spy])
            window.update(cpu0=child_cpu(proc.pid), n0=sent, t0=el)
        if el < args.warm + args.window:
            window.update(cpu1=child_cpu(proc.pid), n1=sent, t1=el)

    if not args.rate:  # idle: the child's CPU per second with nothing to consume
        await asyncio.sleep(args.warm)
        cpu0 = child_cpu(proc.pid)
        await asyncio.sleep(args.window)
        window.update(cpu0=cpu0, cpu1=child_cpu(proc.pid), n0=0, n1=args.window * 1e3)
        sent = 0
    else:
        settings = ClassifySettings(**base_settings)
        sent = await feed(
            settings, args.base, n_start, batch, args.rate, args.warm + args.window + 1, mark
        )
    await asyncio.sleep(2)
    proc.send_signal(signal.SIGTERM)
    out = await asyncio.to_thread(proc.stdout.read)
    proc.wait()
    out = " ".join(ln for ln in out.splitlines() if ln.startswith("BATCHES"))
    items = window["n1"] - window["n0"]
    us = (window["cpu1"] - window["cpu0"]) / items * 1e6
    return us, out.strip(), sent


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 5, 20, 100])
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--warm", type=float, default=4.0)
    parser.add_argument("--window", type=float, default=15.0)
    parser.add_argument("--store", choices=["sqlite", "postgres", "none"], default="sqlite")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/clbatch44")
    parser.add_argument("--code", type=Path, nargs="+", default=[HERE.parents[1]])
    parser.add_argument("--spy", help="py-spy raw profile of the child to this file")
    parser.add_argument("--pairs", type=int, default=1)
    args = parser.parse_args()
    from classify_core import corpus_items, dev_items

    args.base = corpus_items() + dev_items()
    from wirewatch_shared import streams
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.embedded import EmbeddedBroker
    from wirewatch_shared.kafka_admin import ensure_streams

    from wirewatch.schema import upgrade

    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        url = {
            "sqlite": f"sqlite:///{Path(tmp) / 'b.db'}",
            "postgres": args.pg,
            "none": f"sqlite:///{Path(tmp) / 'b.db'}",
        }[args.store]
        base = {
            "kafka_bootstrap": embedded.bootstrap,
            "database_url": url,
            "classify_store_items": args.store != "none",
            "log_level": "WARNING",
        }
        await ensure_streams(embedded.bootstrap, streams.ALL_STREAMS)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        n = 0
        results: dict[tuple[str, int], list[float]] = {}
        for pair in range(args.pairs):
            for batch in args.batches:
                for code in args.code if pair % 2 == 0 else args.code[::-1]:
                    us, out, sent = await one_run(base, code, batch, args, n)
                    n += sent
                    results.setdefault((code.name, batch), []).append(us)
                    print(
                        f"pair {pair + 1} B={batch} {code.name}: {us:.0f} µs CPU/item ({out})",
                        flush=True,
                    )
        for (name, batch), found in results.items():
            print(f"summary B={batch} {name}: " + ", ".join(f"{u:.0f}" for u in found))


if __name__ == "__main__":
    asyncio.run(main())
