"""citime53: replays pytest-xdist's ``--dist loadfile`` scheduling (xdist 3.8's
LoadScopeScheduling: whole files, one at a time to the first free worker, a worker given
another file once it has at most two tests pending) over measured per-test durations, for a
given file order. A model of the tail, not a timing: it assumes each worker runs at the
measured speed whatever the others do.

Usage: simulate_citime53.py DURATIONS.json [long files ...]
DURATIONS.json: {"tests": [[nodeid, seconds], ...] in collection order}.
Prints the makespan of xdist's default order (most tests first) and of the given long files
first, then the rest by test count."""

from __future__ import annotations

import heapq
import json
import sys


def files_of(tests: list[tuple[str, float]]) -> dict[str, list[float]]:
    files: dict[str, list[float]] = {}
    for nodeid, seconds in tests:
        files.setdefault(nodeid.split("::", 1)[0], []).append(seconds)
    return files


def makespan(order: list[list[float]], workers: int = 4) -> float:
    queue = list(order)
    pending: list[list[float]] = [[] for _ in range(workers)]
    clock = [0.0] * workers

    def assign(w: int) -> None:
        if queue:
            pending[w].extend(queue.pop(0))

    for w in range(workers):
        assign(w)
    for w in range(workers):
        if len(pending[w]) <= 2:
            assign(w)
    events = [(0.0, w) for w in range(workers)]
    heapq.heapify(events)
    while events:
        now, w = heapq.heappop(events)
        if not pending[w]:
            clock[w] = now
            continue
        now += pending[w].pop(0)
        if len(pending[w]) <= 2:
            assign(w)
        heapq.heappush(events, (now, w))
    return max(clock)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as source:
        data = json.load(source)
    files = files_of([(n, s) for n, s in data["tests"]])
    long = set(sys.argv[2:])
    default = sorted(files, key=lambda f: -len(files[f]))
    marked = sorted(files, key=lambda f: (f not in long, -len(files[f])))
    lpt = sorted(files, key=lambda f: -sum(files[f]))
    total = sum(sum(v) for v in files.values())
    print(f"test-seconds {total:.0f}, files {len(files)}, ideal {total / 4:.0f} s")
    for name, order in (("default", default), ("marked first", marked), ("LPT", lpt)):
        print(f"{name:>13}: makespan {makespan([files[f] for f in order]):.0f} s")
    top = sorted(files, key=lambda f: -sum(files[f]))[:25]
    for f in top:
        rank = default.index(f)
        print(f"  {sum(files[f]):7.1f} s  {len(files[f]):4d} tests  rank {rank:3d}  {f}")


if __name__ == "__main__":
    main()
