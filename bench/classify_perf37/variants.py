"""Study script (stop 37): the classify service alone over the embedded broker, in
variants that alternate in one run, with the event loop's CPU and the process's minor
page faults per item (a fault is kernel CPU charged to whatever touches new memory).

Variants: ``main`` (as is), ``notrim`` (memory.trim a no-op; study only), ``gcNk`` (the
young collection threshold N thousand instead of the service's 10,000). Also prints the
collector's CPU per item by generation (gen 2: the start-up's collect before gc.freeze).

Run: .venv/bin/python bench/classify_perf37/variants.py --items 40000 --rounds 3 main notrim
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import memory, streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classify_service import CountingClassifyService, fill_items, measure

_TRIM = memory.trim
_GC = {"started": 0.0, "spent": 0.0, "runs": 0}
_BY_GEN: dict[int, list[float]] = {}


def _gc_timer(phase: str, info: dict[str, int]) -> None:
    """CPU time (of the collecting thread) inside the collector, summed."""
    if phase == "start":
        _GC["started"] = time.thread_time()
    else:
        took = time.thread_time() - _GC["started"]
        _GC["spent"] += took
        _GC["runs"] += 1
        found = _BY_GEN.setdefault(info["generation"], [0, 0.0, 0])
        found[0] += 1
        found[1] += took
        found[2] += info["collected"]


def apply(variant: str) -> None:
    memory.trim = _TRIM
    gc.set_threshold(700, 10, 10)  # the service raises the young threshold to its own
    if variant == "notrim":
        memory.trim = lambda: None
    if variant.startswith("gc") and variant.endswith("k"):  # gc50k: young threshold 50,000
        gc.set_threshold(int(variant[2:-1]) * 1000, 10, 10)


async def run_one(settings: ClassifySettings, items: int) -> tuple[float, float, float, float]:
    """One service run over ``items`` new items: rate, process CPU, loop CPU, faults."""
    await fill_items(settings, items)
    service = CountingClassifyService(settings)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    _GC.update(spent=0.0, runs=0)
    _BY_GEN.clear()
    rate, cpu = await measure(service.build_app(), service.progress, items)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    service.engine.dispose()
    loop = service.progress.loop_per_item()
    return rate, cpu, loop[0] if loop else float("nan"), faults / items


def describe(found: tuple[float, float, float, float], items: int) -> str:
    rate, cpu, loop_cpu, faults = found
    by_gen = {g: (n, round(t * 1e3), c) for g, (n, t, c) in sorted(_BY_GEN.items())}
    return (
        f"{rate:8,.0f} items/s, process CPU {cpu:5.1f} µs/item, loop CPU {loop_cpu:5.1f} "
        f"µs/item, {faults:5.2f} minor faults/item, GC {_GC['spent'] / items * 1e6:.2f} "
        f"µs/item ({_GC['runs']} collections; by generation: count, ms, collected {by_gen})"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-store", action="store_true")
    parser.add_argument("variants", nargs="+")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    gc.callbacks.append(_gc_timer)
    found: dict[str, list[tuple[float, float, float, float]]] = {v: [] for v in args.variants}
    with EmbeddedBroker() as embedded, tempfile.TemporaryDirectory() as tmp:
        settings = ClassifySettings(
            kafka_bootstrap=embedded.bootstrap,
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            log_level="WARNING",
            classify_store_items=not args.no_store,
        )
        await ensure_streams(embedded.bootstrap, streams.ALL_STREAMS)
        engine = make_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        for round_no in range(1, args.rounds + 1):
            for variant in args.variants if round_no % 2 else args.variants[::-1]:
                apply(variant)
                found[variant].append(await run_one(settings, args.items))
                print(
                    f"round {round_no} {variant:8s}: {describe(found[variant][-1], args.items)}",
                    flush=True,
                )
        apply("main")
    for variant, rows in found.items():
        print(
            f"median {variant:8s}: {statistics.median(r[0] for r in rows):8,.0f} items/s, "
            f"process CPU {statistics.median(r[1] for r in rows):5.1f}, loop CPU "
            f"{statistics.median(r[2] for r in rows):5.1f} µs/item, "
            f"{statistics.median(r[3] for r in rows):5.2f} faults/item",
            flush=True,
        )


if __name__ == "__main__":
    asyncio.run(main())
