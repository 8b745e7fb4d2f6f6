"""Figures of the flights package on the path, one JSON line: bench/flights_round50/RULE.md's
measures. Stop 48's measure script (``../flights_round48/measure_flround48.py``) is imported for
its ``row`` (counts and per-field figures, overall and per language) and ``judge_paths``; this
names stop 50's judges and studied files and switches ``numbers.CANDIDATES_50``.

  measure_flround50.py studied|judges [--as-service] [--candidate A|B|C|AB|...]

``studied``: every flights file but the judges (and any set sealed during stop 50); ``judges``:
flights_fresh49 + flights_fresh49b pooled, aggregates only (counts; no id, no per-item prediction
is printed). A tree without the switch (main's copy) is read as it is.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from wirewatch_flights import numbers

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "measure_flround48", HERE.parent / "flights_round48" / "measure_flround48.py"
)
assert _SPEC is not None and _SPEC.loader is not None
round48 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(round48)

JUDGES = ("flights_fresh49", "flights_fresh49b")


def studied_paths() -> list[Path]:
    return sorted(
        p
        for p in round48.round47.DATA.glob("flights_*.jsonl")
        if p.stem not in JUDGES and "50" not in p.stem.removeprefix("flights_")
    )


def main() -> None:
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        numbers.CANDIDATES_50 = frozenset(candidate)  # type: ignore[attr-defined]
    paths = round48.judge_paths(JUDGES) if what == "judges" else studied_paths()
    print(json.dumps(round48.row(what, paths, as_service, candidate)))


if __name__ == "__main__":
    main()
