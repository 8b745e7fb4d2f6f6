"""Stop 51's stories round, clause 4 (``RULE.md``): CPU seconds per item, main against a candidate.

    .venv/bin/python bench/stories_round51/speed_stround51.py pairs A 5   # -> speed51_A.txt
    .venv/bin/python bench/stories_round51/speed_stround51.py run A       # one run (no lock)

``pairs LABEL N``: N alternated pairs, main (``cluster.LATE_51 = ""``) first, each run a process
of its own under ``flock /tmp/bench.lock`` (the lock held for that run only), the load average
recorded with each; then the ratio of the medians of CPU seconds per item (LABEL / main). ``run
LABEL``: one run of ``../stories_round48b/cpu_stround48b.py`` (imported: the stories bench's
10,000 open stories and 2,000 arrivals, items per CPU second) with the label's switch.
"""

from __future__ import annotations

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


def pairs(label: str, count: int) -> None:
    out = HERE / f"speed51_{label}.txt"
    rates: dict[str, list[float]] = {"main": [], label: []}
    lines: list[str] = []
    for n in range(1, count + 1):
        for code in ("main", label):
            done = subprocess.run(
                ["flock", "/tmp/bench.lock", sys.executable, __file__, "run", code],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            load = Path("/proc/loadavg").read_text().split()[0]
            line = f"pair {n} {time.strftime('%H:%M:%S', time.gmtime())} load {load} {done}"
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
    else:
        pairs(sys.argv[2], int(sys.argv[3]))


if __name__ == "__main__":
    main()
