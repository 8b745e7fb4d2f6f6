"""Peak memory of the classify service, as bench/pipeline.py's "peak RSS" lines see it.

Starts the embedded Tansu broker and a SQLite database, fills ``streams.ITEMS`` with N
real-text FeedItems (the news feeds of the local corpus mixed with the labelled dev
set, as bench/classify_core.py and bench/classify_service.py do), then runs
``wirewatch service classify`` in its own process (the entry point the pipeline
starts) until its item store holds the N items. Samples the service's VmRSS every
0.1 s (the pipeline samples every 0.5 s) and prints its peak, the kernel's VmHWM
(the true high-water mark), and the RSS after start-up (model and topics loaded,
before the first item).

Run: .venv/bin/python bench/classify_memory.py [--items 40000] [--batch 500] [--runs 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify_service import fill_items

WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))


def status_mb(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MB (empty once it has exited)."""
    out: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line[:5]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def stored(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM classify_item")).scalar_one())
    except Exception:  # the table is being written: ask again
        return -1
    finally:
        engine.dispose()


def run_service(settings: ClassifySettings, tmp: Path, n: int, timeout_s: float) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        WIREWATCH_KAFKA_BOOTSTRAP=str(settings.kafka_bootstrap),
        WIREWATCH_DATABASE_URL=settings.database_url,
        WIREWATCH_LOG_LEVEL="WARNING",
        WIREWATCH_SECRET_KEY="bench-secret-key",
        WIREWATCH_CLASSIFY_BATCH_MAX_RECORDS=str(settings.classify_batch_max_records),
    )
    log = open(tmp / "classify.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [WIREWATCH, "service", "classify"], env=env, stdout=log, stderr=log, cwd=tmp
    )
    peak = started = 0.0
    begin = time.monotonic()
    next_count = 0.0
    count = 0
    try:
        while count < n:
            if process.poll() is not None:
                raise RuntimeError(f"the service exited ({process.returncode}): see {log.name}")
            if time.monotonic() - begin > timeout_s:
                raise TimeoutError(f"{count:,} of {n:,} items stored in {timeout_s} s")
            rss = status_mb(process.pid).get("VmRSS", 0.0)
            peak = max(peak, rss)
            now = time.monotonic()
            if now >= next_count:
                count = stored(settings.database_url)
                next_count = now + 0.5
                if count <= 0:
                    started = rss  # loaded, nothing classified yet (or not yet up)
            time.sleep(0.1)
        last = status_mb(process.pid)
        peak = max(peak, last.get("VmRSS", 0.0))
        print(
            f"classify service, {n:,} items in {time.monotonic() - begin:.1f} s: "
            f"peak RSS (sampled) {peak:.1f} MB, VmHWM {last.get('VmHWM', 0.0):.1f} MB, "
            f"RSS before the first item {started:.1f} MB, "
            f"at the end {last.get('VmRSS', 0.0):.1f} MB",
            flush=True,
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40_000)
    parser.add_argument("--batch", type=int, default=500, help="max_records per batch")
    parser.add_argument("--runs", type=int, default=1, help="service runs, each on N new items")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            database_url = f"sqlite:///{Path(tmp) / f'memory{run}.db'}"
            settings = ClassifySettings(
                kafka_bootstrap=embedded.bootstrap,
                database_url=database_url,
                classify_batch_max_records=args.batch,
                log_level="WARNING",
            )
            if run == 0:
                asyncio.run(ensure_streams(embedded.bootstrap, streams.ALL_STREAMS))
            engine = make_engine(database_url)
            upgrade(engine)
            engine.dispose()
            asyncio.run(fill_items(settings, args.items))
            run_service(settings, Path(tmp), args.items, args.timeout)


if __name__ == "__main__":
    main()
