"""The extractor's CPU per item, main's tree against the branch's, alternated A B A B in one
session; ratios only (protocol: timed runs under ``flock /tmp/bench.lock``).

Each run is a subprocess with one tree's ``services/flights`` and ``shared`` first on
``PYTHONPATH`` (``trees.sh`` exports them): it loads the tables, reads every studied item once
to warm up, then times (``process_time``) three passes over them and prints the seconds.

    flock /tmp/bench.lock .venv/bin/python bench/flights_round46/cpu.py BASE_TREE BRANCH_TREE
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SKIP = ("flights_fresh45", "flights_fresh46")
PAIRS = 5
PASSES = 3


def worker() -> None:
    from wirewatch_flights.evaluation import predict
    from wirewatch_flights.extract import load_tables
    from wirewatch_flights.training import JUDGES

    rows = [
        json.loads(x)
        for p in sorted(DATA.glob("flights_*.jsonl"))
        if p.name not in JUDGES and not p.name.startswith(SKIP)
        for x in p.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    load_tables()
    for obj in rows:
        predict(obj)
    start = time.process_time()
    for _ in range(PASSES):
        for obj in rows:
            predict(obj)
    print(json.dumps({"items": len(rows), "cpu": time.process_time() - start}))


def run(tree: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=f"{tree}/services/flights:{tree}/shared")
    out = subprocess.run(
        [sys.executable, "-W", "ignore", __file__, "--worker"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    base, branch = Path(sys.argv[1]), Path(sys.argv[2])
    ratios = []
    for _ in range(PAIRS):
        a = run(base)
        b = run(branch)
        ratios.append(b["cpu"] / a["cpu"])
        print(
            f"{int(a['items'])} items x {PASSES}: base {a['cpu']:.2f}s "
            f"branch {b['cpu']:.2f}s ratio {ratios[-1]:.3f}",
            flush=True,
        )
    ratios.sort()
    print(
        f"branch/base CPU per item, {PAIRS} alternated pairs: "
        f"median {ratios[PAIRS // 2]:.3f}, range {ratios[0]:.3f}-{ratios[-1]:.3f}"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        worker()
    else:
        main()
