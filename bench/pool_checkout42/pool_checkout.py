"""What a PostgreSQL pool checkout costs: ``pool_pre_ping`` against ``make_engine``'s check
of a closed connection (stop 42).

Each round checks a connection out and back in ``--checkouts`` times (``engine.connect()``
then close: no statement, so the checkout's own work is what is timed), with an engine as
``make_engine`` builds it and with one that pre-pings as it did before stop 42, alternated.
Per checkout: this process's CPU, the server backend's CPU (``/proc/<pid>/stat`` of the
connection's backend: the server must be on this host) and wall time. The pipeline's
notify checks out ~4 connections per item (``bench/notify_cpu41/item_cost.py``'s path).

    flock /tmp/bench.lock .venv/bin/python bench/pool_checkout42/pool_checkout.py \
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine

TICK = os.sysconf("SC_CLK_TCK")


def _backend_cpu(pid: int) -> float:
    """Seconds of CPU the backend process has used (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def measure(engine: Engine, checkouts: int) -> tuple[float, float, float]:
    """µs per checkout: client CPU, server CPU, wall."""
    with engine.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    server, cpu, wall = _backend_cpu(pid), time.process_time(), time.perf_counter()
    for _ in range(checkouts):
        with engine.connect():
            pass
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    server = _backend_cpu(pid) - server
    with engine.connect() as conn:  # the same backend throughout: nothing reconnected
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() == pid
    return cpu / checkouts * 1e6, server / checkouts * 1e6, wall / checkouts * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    parser.add_argument("--checkouts", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    engines = {
        "pre-ping": create_engine(args.database_url, pool_pre_ping=True, pool_size=10),
        "check": make_engine(args.database_url),
    }
    for round_ in range(1, args.rounds + 1):
        for name, engine in engines.items():
            cpu, server, wall = measure(engine, args.checkouts)
            print(
                f"round {round_} {name:<8}: client CPU {cpu:5.1f} µs, server CPU {server:5.1f} µs,"
                f" wall {wall:6.1f} µs per checkout"
            )
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")


if __name__ == "__main__":
    main()
