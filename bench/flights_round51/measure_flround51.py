"""Figures of the flights package on the path, one JSON line: bench/flights_round51/RULE.md's
measures. The row is ``../flights_round48/measure_flround48.py``'s ``row``; this sets stop 51's
paths (``study_flround51``) and the switch ``not_a_record.CANDIDATES_51``.

  measure_flround51.py studied|judges [--as-service] [--candidate V|M|A|VMA...]

``studied``: every flights file but the judges; ``judges``: flights_fresh50 + flights_fresh50b
pooled, aggregates only (counts; no id, no per-item prediction is printed). A tree without the
switch is read as it is.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from wirewatch_flights import not_a_record

HERE = Path(__file__).resolve().parent


def _import(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


round48 = _import("measure_flround48", HERE.parent / "flights_round48" / "measure_flround48.py")
study = _import("study_flround51", HERE / "study_flround51.py")


def main() -> None:
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        not_a_record.CANDIDATES_51 = frozenset(candidate)  # type: ignore[attr-defined]
    paths = round48.judge_paths(study.JUDGES) if what == "judges" else study.studied_files()
    print(json.dumps(round48.row(what, paths, as_service, candidate)))


if __name__ == "__main__":
    main()
