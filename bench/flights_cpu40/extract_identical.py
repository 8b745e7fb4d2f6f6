"""Whether ``wirewatch flights extract`` writes the same bytes as before, for every
``tests/data/flights_*.jsonl`` (stop 40: the stage's CPU work must not change any output).

``--write DIR`` stores each file's output (run it on the code before the change);
``--compare DIR`` runs the current code and compares byte for byte, naming each file
that differs. The CLI runs in a subprocess, exactly as a user runs it.

Run: .venv/bin/python bench/flights_cpu40/extract_identical.py --write /tmp/before
     .venv/bin/python bench/flights_cpu40/extract_identical.py --compare /tmp/before
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))


def outputs() -> dict[str, bytes]:
    out = {}
    for path in sorted(DATA.glob("flights_*.jsonl")):
        done = subprocess.run(
            [WIREWATCH, "flights", "extract", "--input", str(path)],
            capture_output=True,
            check=True,
        )
        out[path.name] = done.stdout
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    found = outputs()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for name, data in found.items():
            (args.write / name).write_bytes(data)
        print(f"wrote {len(found)} outputs to {args.write}")
        return
    differ = []
    lines = 0
    for name, data in found.items():
        before = (args.compare / name).read_bytes()
        lines += data.count(b"\n")
        if data != before:
            differ.append(name)
    digest = hashlib.sha256(b"".join(found[n] for n in sorted(found))).hexdigest()[:16]
    print(
        f"{len(found)} files, {lines} lines: {len(found) - len(differ)} identical, "
        f"{len(differ)} differ {differ or ''} (sha256 of all outputs {digest})"
    )
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
