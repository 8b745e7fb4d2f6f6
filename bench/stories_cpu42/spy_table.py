"""A py-spy raw profile of ``stage_cost.py`` as a table: the share of the timed loop's samples
spent in (inclusive) and directly in (self) each function.

    .venv/bin/py-spy record -f raw -r 250 -o /tmp/spy.txt -- \
        .venv/bin/python bench/stories_cpu42/stage_cost.py --postgres
    .venv/bin/python bench/stories_cpu42/spy_table.py /tmp/spy.txt [--top 40]

Only the samples of the timed loop count (stacks through ``run`` of stage_cost.py, not through
the classifying before it nor the digest after it).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

_FRAME = re.compile(r"^(?P<function>.*?) \((?P<file>[^():]+)(?::\d+)?\)$")


def _name(frame: str) -> str:
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match.group("file")
    short = "/".join(path.split("/")[-2:])
    return f"{match.group('function')} ({short})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    with open(args.raw, encoding="utf-8") as stream:
        for line in stream:
            stack, _, count_text = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            count = int(count_text)
            frames = [_name(f) for f in stack.split(";")]
            if not any(f.startswith("run (") and "stage_cost.py" in f for f in frames):
                continue
            if any(
                f.startswith(("classified_messages ", "_digest ", "upgrade ", "make_engine "))
                for f in frames
            ):
                continue
            total += count
            for name in set(frames):
                inclusive[name] += count
            own[frames[-1]] += count
    print(f"{total} samples of the timed loop")
    print(f"{'incl %':>7} {'self %':>7}  function")
    for name, count in inclusive.most_common(args.top):
        print(f"{100 * count / total:7.1f} {100 * own[name] / total:7.1f}  {name}")
    print("\nby self time:")
    for name, count in own.most_common(args.top // 2):
        print(f"{100 * count / total:7.1f}  {name}")


if __name__ == "__main__":
    main()
