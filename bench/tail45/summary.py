"""One line per run of ``bench/tail45/pairs.sh``: the load, publish→delivery p99, each
stage's p99, the slow 1 %'s stage, GC pauses in the steady phase (count >= 1 ms / largest,
by stage) and CPU ms per item against ingest in the same run (stop 45).

    .venv/bin/python bench/tail45/summary.py /tmp/tail45runs/pairs
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

P99 = re.compile(r"publish→delivery: p50 (\d+) ms, p95 (\d+) ms, p99 (\d+) ms")
STAGE = re.compile(r"tail45 stage (\w+): p50 (\d+) ms, p95 (\d+) ms, p99 (\d+) ms")
GC = re.compile(r"tail45 GC (\w+): (\d+) pauses >= 1 ms in the phase \((\d+) ms, max (\d+) ms\)")
SLOW = re.compile(r"most of the time in classify (\d+), stories (\d+), notify (\d+)")
LOAD = re.compile(r"steady window \(\d+ s; load ([\d.]+) → ([\d.]+)\)")
CPU = re.compile(r"CPU ms per item alerted: ([\d.]+) in the services, (.*)")


def line(text: str) -> str:
    out = []
    if m := LOAD.search(text):
        out.append(f"load {m[1]}-{m[2]}")
    if m := P99.search(text):
        out.append(f"p50 {m[1]} p99 {m[3]}")
    out.append("stage p99 " + "/".join(m[4] for m in STAGE.finditer(text)))
    if m := SLOW.search(text):
        out.append(f"slow in c/s/n {m[1]}/{m[2]}/{m[3]}")
    gc = {m[1]: f"{m[2]}/{m[4]}" for m in GC.finditer(text)}
    out.append("GC n/max " + " ".join(f"{k} {v}" for k, v in gc.items()))
    if m := CPU.search(text):
        cpu = dict(
            (name.split("#")[0], float(v)) for name, v in (p.split() for p in m[2].split(", "))
        )
        ingest = cpu.get("ingest") or float("nan")
        rel = " ".join(
            f"{k} {cpu[k] / ingest:.2f}" for k in ("classify", "stories", "flights", "notify")
        )
        out.append(f"CPU ms/item {m[1]} (ingest {ingest:.2f}; x ingest: {rel})")
    return " | ".join(out)


def main() -> None:
    for path in sorted(Path(sys.argv[1]).glob("*.txt")):
        print(f"{path.stem}: {line(path.read_text())}")


if __name__ == "__main__":
    main()
