"""Flight records on a busy route: does storing a report slow down as the route fills?

Every report below is a new story's flown flight to the same destination on the same day
(what ``bench/pipeline.py`` sends). A storied report can only join its own story's record
or an announcement (``merge.same_flight``), so its cost should not grow with the route's
other records. Reports per CPU second over the first ``--batch`` reports (an empty route)
are the baseline; the last batch, with ``--reports`` records already on the route, is
compared with it. Goal: the ratio stays >= 0.5 (SQLite, one process).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_flights.extract import extract
from wirewatch_flights.merge import Observation
from wirewatch_flights.model import Flight, SourceInfo

from wirewatch.schema import upgrade

PUBLISHED = datetime(2025, 3, 1, tzinfo=UTC)
SOURCE = SourceInfo(
    outlet="bench", title="bench", link="http://127.0.0.1/bench", language="en",
    topics=("repatriation-flights",),
)  # fmt: skip


def bench_flight() -> Flight:
    flight = extract(
        "Deportation flight carrying 120 migrants lands in Caracas",
        "The charter flight carrying Venezuelan deportees from the US landed, officials said.",
        PUBLISHED.date(),
    )
    assert flight is not None, "the bench report must be a flight record"
    return flight


def store_batch(engine: Engine, flight: Flight, start: int, count: int) -> float:
    """Store ``count`` reports of new stories; reports per CPU second."""
    began = time.process_time()
    for n in range(start, start + count):
        observation = Observation(f"item-{n}", PUBLISHED, flight, f"story-{n}")
        store.record_observation(engine, observation, SOURCE)
    return count / (time.process_time() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1500, help="records on the route")
    parser.add_argument("--batch", type=int, default=200, help="reports per timed batch")
    args = parser.parse_args()
    engine = create_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'flights.db'}")
    upgrade(engine)
    flight = bench_flight()
    empty = store_batch(engine, flight, 0, args.batch)
    store_batch(engine, flight, args.batch, args.reports - args.batch)  # fill the route
    full = store_batch(engine, flight, args.reports, args.batch)
    print(f"empty route: {empty:,.0f} reports per CPU second")
    print(f"{args.reports:,} records on the route: {full:,.0f} reports per CPU second")
    print(f"ratio {full / empty:.2f} (goal >= 0.5)")


if __name__ == "__main__":
    main()
