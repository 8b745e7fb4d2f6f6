"""Before against after on a notify driver, alternated (stop 44): each pair runs the driver
with ``--before-python`` then with this interpreter (the order swapped every other pair),
each run under ``flock /tmp/bench.lock``; prints each run's last line and the after/before
ratio of the CPU µs the driver reports (the ``CPU <n> µs`` of its last line that has one).

    .venv/bin/python bench/notify_cpu44/before_after.py \\
        --before-python /work/wt/before44/.venv/bin/python [--pairs 3] -- \\
        bench/notify_send42/send_cost.py --size 16 --postgres postgresql+psycopg://…/test
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

CPU = re.compile(r"CPU (\d+) µs")


def _run(python: str, driver: list[str]) -> tuple[str, int]:
    out = subprocess.run(
        ["flock", "/tmp/bench.lock", python, *driver], check=True, capture_output=True, text=True
    ).stdout
    lines = [line for line in out.strip().splitlines() if CPU.search(line)]
    assert lines, out
    match = CPU.search(lines[-1])
    assert match is not None
    return lines[-1], int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before-python", required=True)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("driver", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    driver = [a for a in args.driver if a != "--"]
    ratios = []
    for pair in range(args.pairs):
        sides = [("before", args.before_python), ("after", sys.executable)]
        if pair % 2:
            sides.reverse()
        runs = {name: _run(python, driver) for name, python in sides}
        ratios.append(runs["after"][1] / runs["before"][1])
        print(
            f"pair {pair + 1} ({sides[0][0]} first): before {runs['before'][0]} | "
            f"after {runs['after'][0]} | {ratios[-1]:.2f}",
            flush=True,
        )
    print("after/before CPU:", ", ".join(f"{r:.2f}" for r in ratios))


if __name__ == "__main__":
    main()
