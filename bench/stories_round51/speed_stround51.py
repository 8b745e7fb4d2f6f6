"""Stop 51's stories round, clause 4 (``RULE.md``): CPU seconds per item, main against a candidate.

    .venv/bin/python bench/stories_round51/speed_stround51.py pairs A 5   # -> speed51_A.txt
    .venv/bin/python bench/stories_round51/speed_stround51.py run A       # one run (no lock)

``pairs LABEL N [FIRST]``: pairs FIRST (default 1) to N alternated, main (``cluster.LATE_51 =
""``) first, each run a process of its own under ``flock /tmp/bench.lock`` (the lock held for that
run only), the load average recorded with each, appended to ``speed51_<LABEL>.txt`` (FIRST 1
starts it anew); then the ratio of the medians of CPU seconds per item (LABEL / main) over every
pair in the file. ``HOLD=1``: the lock is taken once for these pairs (as stop 50's
``speed_stround50.sh``: with four helpers' benches queued on it each acquisition waited ~5
minutes, so five pairs would not end in the bench window; nothing else timed runs between them).
``run LABEL``: one run of ``../stories_round48b/cpu_stround48b.py`` (imported: the stories bench's
10,000 open stories and 2,000 arrivals, items per CPU second) with the label's switch.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round48b"))

HERE = Path(__file__).resolve().parent
SWITCH = {"main": "", "A": "A", "B": "B"}


def run(label: str) -> None:
    import cpu_stround48b
    from wirewatch_stories import cluster

    cluster.LATE_51 = SWITCH[label]
    sys.argv = [sys.argv[0], label]
    cpu_stround48b.main()


def pairs(label: str, count: int, first: int) -> None:
    out = HERE / f"speed51_{label}.txt"
    held = os.environ.get("HOLD") == "1"
    lock = [] if held else ["flock", "/tmp/bench.lock"]
    rates: dict[str, list[float]] = {"main": [], label: []}
    lines = [] if first == 1 else out.read_text(encoding="utf-8").splitlines()
    lines = [x for x in lines if x.startswith("pair ")]
    for line in lines:
        found = re.search(rf" (main|{label}): .*?([\d.]+) items per CPU s", line)
        assert found is not None, line
        rates[found.group(1)].append(float(found.group(2)))
    for n in range(first, count + 1):
        for code in ("main", label):
            done = subprocess.run(
                [*lock, sys.executable, __file__, "run", code],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            load = Path("/proc/loadavg").read_text().split()[0]
            hold = " (lock held)" if held else ""
            line = f"pair {n}{hold} {time.strftime('%H:%M:%S', time.gmtime())} load {load} {done}"
            print(line, flush=True)
            lines.append(line)
            found = re.search(r"([\d.]+) items per CPU s", done)
            assert found is not None, done
            rates[code].append(float(found.group(1)))
    per_item = {k: statistics.median(1 / r for r in v) for k, v in rates.items()}
    summary = (
        f"median CPU s per item: main {per_item['main']:.6f}, {label} {per_item[label]:.6f}; "
        f"ratio {label} / main {per_item[label] / per_item['main']:.3f}"
    )
    print(summary)
    out.write_text("\n".join([*lines, summary]) + "\n", encoding="utf-8")


def main() -> None:
    if sys.argv[1] == "run":
        run(sys.argv[2])
    elif os.environ.get("HOLD") == "1" and not os.environ.get("HELD"):
        lock = ["flock", "/tmp/bench.lock", sys.executable, *sys.argv]
        os.execvpe("flock", lock, {**os.environ, "HELD": "1"})
    else:
        first = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        pairs(sys.argv[2], int(sys.argv[3]), first)


if __name__ == "__main__":
    main()
