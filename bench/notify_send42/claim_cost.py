"""CPU of one claim alone (stop 42): ``claims.claim`` of one due alert (limit 1, an
``accept`` callback as the worker's, so candidates are over-fetched), 1,500 times over a
fresh outbox of one webhook subscription's alerts. Prints CPU µs per claim.

    flock /tmp/bench.lock .venv/bin/python bench/notify_send42/claim_cost.py \
        [--claims 1500] [--postgres postgresql+psycopg://…/postgres]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from wirewatch_notify import claims, outbox, subscriptions
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import make_engine

from wirewatch.schema import upgrade


def _fresh_database(server: str) -> str:
    name = f"claim42_{time.time_ns()}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return str(sa.engine.make_url(server).set(database=name).render_as_string(False))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=1500)
    parser.add_argument("--postgres", default="")
    args = parser.parse_args()
    url = (
        _fresh_database(args.postgres)
        if args.postgres
        else f"sqlite:///{Path(tempfile.mkdtemp()) / 'claim.db'}"
    )
    engine = make_engine(url)
    upgrade(engine)
    request = subscriptions.parse_create(
        {"topic": "flights", "channel": "webhook", "target": "https://hooks.example.org/x"}
    )
    created = subscriptions.create_subscription(engine, request, SecretBox(b"b" * 44))
    sub_id = created.subscription.id
    assert sub_id is not None
    envelope = {"type": "wirewatch.alert.v1", "data": {"summary": "v" * 1500}}
    outbox.enqueue(
        engine, [outbox.NewDelivery(sub_id, f"item-{n}", envelope) for n in range(args.claims)]
    )
    now = utcnow()
    cpu = time.process_time()
    for _ in range(args.claims):
        claimed = claims.claim(engine, now, 1, accept=lambda _id, _sub: True)
        assert len(claimed) == 1
    cpu = time.process_time() - cpu
    print(f"{engine.dialect.name}: CPU {cpu / args.claims * 1e6:.0f} µs/claim")
    engine.dispose()


if __name__ == "__main__":
    main()
