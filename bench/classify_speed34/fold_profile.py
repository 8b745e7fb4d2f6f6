"""Study script (stop 34): self and inclusive shares of a py-spy ``--format raw`` profile.

Usage: fold_profile.py PROFILE.raw [--under FUNC] [--top N] [--lines]
Only stacks containing a frame whose function name is FUNC count (default: every stack).
Frames are "function (file:line)"; without --lines the line is dropped (per function).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

FRAME = re.compile(r"^(.*) \((.*?)(?::(\d+))?\)$")


def key(frame: str, lines: bool) -> str:
    m = FRAME.match(frame)
    if not m:
        return frame
    name, path, line = m.groups()
    short = path.rsplit("/", 1)[-1]
    return f"{name} ({short}:{line})" if lines and line else f"{name} ({short})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("profile")
    parser.add_argument("--under", default=None)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--lines", action="store_true")
    args = parser.parse_args()
    selfc: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    total = 0
    with open(args.profile, encoding="utf-8") as fh:
        for row in fh:
            stack, _, count = row.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            if args.under is not None:
                at = [i for i, f in enumerate(frames) if f.startswith(args.under + " ")]
                if not at:
                    continue
                frames = frames[at[0] :]
            n = int(count)
            total += n
            keys = [key(f, args.lines) for f in frames]
            selfc[keys[-1]] += n
            for k in set(keys):
                incl[k] += n
    print(f"{total} samples")
    print("-- self")
    for k, n in selfc.most_common(args.top):
        print(f"{100 * n / total:5.1f}%  {k}")
    print("-- inclusive")
    for k, n in incl.most_common(args.top):
        print(f"{100 * n / total:5.1f}%  {k}")


if __name__ == "__main__":
    main()
