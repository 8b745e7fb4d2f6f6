"""Main against the branch on notify's per-item drivers, alternated (stop 43).

Runs ``bench/notify_cpu41/item_cost.py`` (``--driver item``) or
``bench/notify_send42/send_cost.py`` (``--driver send``) with main's interpreter and with
the branch's, one after the other, ``--pairs`` times, each run under
``flock /tmp/bench.lock`` and (PostgreSQL) on a database of its own, created before and
dropped after the run. Prints each run's line and the branch/main ratio of CPU per item
of each pair.

    .venv/bin/python bench/notify_cpu43/alternate.py --main-python /work/main/.venv/bin/python \\
        [--driver item|send] [--pairs 3] [--items 2000] [--postgres postgresql+psycopg://…/test]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent.parent
DRIVERS = {
    "item": BENCH / "notify_cpu41" / "item_cost.py",
    "send": BENCH / "notify_send42" / "send_cost.py",
}
CPU = re.compile(r"CPU (\d+) µs/item")


def _database(server: str, name: str, *, drop: bool = False) -> str:
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(
            f"DROP DATABASE IF EXISTS {name}" if drop else f"CREATE DATABASE {name}"
        )
    engine.dispose()
    return str(sa.engine.make_url(server).set(database=name).render_as_string(False))


def _run(python: str, args: argparse.Namespace) -> tuple[str, int]:
    command = [
        "flock",
        "/tmp/bench.lock",
        python,
        str(DRIVERS[args.driver]),
        "--items",
        str(args.items),
    ]
    name = f"ncpu43_{time.time_ns()}"
    if args.postgres and args.driver == "item":
        command += ["--database-url", _database(args.postgres, name)]
    elif args.postgres:
        command += ["--postgres", args.postgres]
    try:
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    finally:
        if args.postgres and args.driver == "item":
            _database(args.postgres, name, drop=True)
    line = out.strip().splitlines()[-1]
    match = CPU.search(line)
    assert match, out
    return line, int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--main-python", required=True)
    parser.add_argument("--branch-python", default=sys.executable)
    parser.add_argument("--driver", choices=sorted(DRIVERS), default="item")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--postgres", default="")
    args = parser.parse_args()
    ratios = []
    for pair in range(args.pairs):
        main_line, main_cpu = _run(args.main_python, args)
        branch_line, branch_cpu = _run(args.branch_python, args)
        ratios.append(branch_cpu / main_cpu)
        print(f"pair {pair + 1}: main {main_line} | branch {branch_line} | {ratios[-1]:.2f}")
        sys.stdout.flush()
    print("branch/main CPU per item:", ", ".join(f"{r:.2f}" for r in ratios))


if __name__ == "__main__":
    main()
