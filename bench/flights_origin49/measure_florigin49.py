"""Figures of the flights package on the path, one JSON line: bench/flights_origin49/RULE.md's
measures. Stop 49's fields-round measure script (``../flights_round49/measure_flround49.py``) is
imported for its ``studied_paths`` and stop 48's ``row`` and ``judge_paths`` (stop 49's judges);
this switches ``places.OUTLET_49``.

  measure_florigin49.py studied|judges [--as-service] [--candidate A|AB]

``studied``: every flights file but the judges (and any set sealed during stop 49); ``judges``:
flights_fresh48 + flights_fresh48b pooled, aggregates only (counts; no id, no per-item prediction
is printed). A tree without the switch (main's copy) is read as it is.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from wirewatch_flights import places

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "measure_flround49", HERE.parent / "flights_round49" / "measure_flround49.py"
)
assert _SPEC is not None and _SPEC.loader is not None
round49 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(round49)


def main() -> None:
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        places.OUTLET_49 = frozenset(candidate)  # type: ignore[attr-defined]
    if what == "judges":
        paths = round49.round48.judge_paths(round49.JUDGES)
    else:
        paths = round49.studied_paths()
    print(json.dumps(round49.round48.row(what, paths, as_service, candidate)))


if __name__ == "__main__":
    main()
