"""Notify's per-item path step by step (stop 43): ``bench/notify_cpu41/item_cost.py``'s loop
(batches of one, one story-mode webhook subscription, every item a story of its own) with
the CPU of each step summed apart: the classified item decoded, its batch recorded (the
rules check), the story event decoded, the story batch recorded, the claim, the webhook
request built (no HTTP), the outcome recorded. PostgreSQL: a database of its own, dropped
after. Prints CPU µs per item, in all and per step.

    flock /tmp/bench.lock .venv/bin/python bench/notify_cpu43/steps.py \\
        [--items 2000] [--postgres postgresql+psycopg://…/test]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from wirewatch_notify import claims, outcomes, subscriptions
from wirewatch_notify.app import NotifyService
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.events import ClassifiedItem, StoryEvent

from wirewatch.schema import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notify_cpu41"))
from item_cost import TOPIC, event  # type: ignore[import-not-found]

STEPS = ("decode_classified", "record", "decode_story", "stories", "claim", "request", "outcome")


def _database(server: str, name: str, *, drop: bool = False) -> str:
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(
            f"DROP DATABASE IF EXISTS {name}" if drop else f"CREATE DATABASE {name}"
        )
    engine.dispose()
    return str(sa.engine.make_url(server).set(database=name).render_as_string(False))


def run(url: str, items: int) -> str:
    settings = NotifySettings(
        database_url=url, kafka_bootstrap="127.0.0.1:9", secret_key="b" * 44, log_level="WARNING"
    )
    service = NotifyService(settings)
    upgrade(service.engine)
    request = subscriptions.parse_create(
        {"topic": TOPIC, "channel": "webhook", "target": "https://hooks.example.org/x"}
    )
    subscriptions.create_subscription(service.engine, request, service.box)
    run_id = f"{time.time_ns()}"
    stories = [event(f"{run_id}-{n}").model_dump_json().encode() for n in range(items)]
    classified = [
        StoryEvent.model_validate_json(s).item.model_dump_json().encode() for s in stories
    ]
    worker, spent = service.worker, dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    start = clock()
    for n in range(items):
        t0 = clock()
        batch = [ClassifiedItem.model_validate_json(classified[n])]
        t1 = clock()
        service._record([c for c in batch if c.matches])
        t2 = clock()
        events = [StoryEvent.model_validate_json(stories[n])]
        t3 = clock()
        service._record_stories(events)
        t4 = clock()
        claimed = claims.claim(service.engine, worker.clock(), 16, accept=lambda _i, _s: True)
        t5 = clock()
        sent = []
        for item in claimed:
            assert item.subscription is not None and item.delivery.id is not None
            worker.sender.request_for(item.delivery, item.subscription, worker.clock())
            sent.append(Outcome(item.delivery.id, "sent"))
        t6 = clock()
        outcomes.record_outcomes(service.engine, sent)
        t7 = clock()
        for step, took in zip(
            STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6), strict=True
        ):
            spent[step] += took
    total = clock() - start
    service.engine.dispose()
    per_step = " ".join(f"{step} {spent[step] / items * 1e6:.0f}" for step in STEPS)
    return f"{service.engine.dialect.name}: CPU {total / items * 1e6:.0f} µs/item; {per_step}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--postgres", default="")
    args = parser.parse_args()
    if not args.postgres:
        print(run(f"sqlite:///{Path(tempfile.mkdtemp()) / 'steps.db'}", args.items))
        return
    name = f"ncpu43s_{time.time_ns()}"
    try:
        print(run(_database(args.postgres, name), args.items))
    finally:
        _database(args.postgres, name, drop=True)


if __name__ == "__main__":
    main()
