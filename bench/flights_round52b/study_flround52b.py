"""Main's wrong fields on the true reports of every studied flights file of stop 52 (every
``tests/data/flights_*.jsonl`` but the judges ``flights_fresh51``, ``flights_fresh51b``, left out
by the substring ``fresh51``; stop 50's sets are studied now), one line per wrong field, then
counts per field, language and shape. The tools round 51 measured with, by import: round 48's
measure (``round47``'s data folder, reader and predictor).

Usage: .venv/bin/python bench/flights_round52b/study_flround52b.py [--field people] [--lang es]
       [--as-service] [--text] [--counts]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import gold_record, normalise, predicted_value
from wirewatch_flights.model import FIELDS

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE.parent / "flights_round49")]
import measure_flround48 as round48  # noqa: E402
from study_flround49 import shape  # noqa: E402  (called on want != got: never both None)

JUDGES = ("flights_fresh51", "flights_fresh51b")


def studied_files() -> list[Path]:
    """Every flights file but this stop's judges (any name holding ``fresh51``)."""
    paths = round48.round47.DATA.glob("flights_*.jsonl")
    return sorted(p for p in paths if "fresh51" not in p.stem)


def field_rows(paths: list[Path], as_service: bool = False) -> list[dict[str, Any]]:
    """One row per wrong field of a true report main extracts (a missed report: field "record")."""
    predict = round48.round47.predictor(as_service)
    rows: list[dict[str, Any]] = []
    for path in paths:
        for obj in round48.round47.lines([path]):
            gold = gold_record(obj)
            if gold is None:
                continue
            base = {"file": path.stem[8:], "id": obj["id"], "lang": obj.get("lang"), "obj": obj}
            flight = predict(obj)
            if flight is None:
                rows.append({**base, "field": "record", "want": True, "got": None, "shape": "miss"})
                continue
            for name in FIELDS:
                want = normalise(name, gold.get(name))
                got = normalise(name, predicted_value(flight, name))
                if want != got:
                    rows.append(
                        {**base, "field": name, "want": want, "got": got, "shape": shape(want, got)}
                    )
    return rows


def main() -> None:
    field = sys.argv[sys.argv.index("--field") + 1] if "--field" in sys.argv else ""
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else ""
    rows = field_rows(studied_files(), "--as-service" in sys.argv)
    rows = [r for r in rows if field in ("", r["field"]) and lang in ("", r["lang"])]
    if "--counts" not in sys.argv:
        for r in rows:
            title = str(r["obj"].get("title") or "")[:110]
            print(
                f"{r['file']:10} {r['id']:9} {r['lang']} {r['field']:11} {r['shape']:8} "
                f"want={r['want']!r} got={r['got']!r} | {title}"
            )
            if "--text" in sys.argv:
                print("      ", str(r["obj"].get("summary") or "")[:500].replace("\n", " "))
    counts = Counter((str(r["lang"]), str(r["field"]), str(r["shape"])) for r in rows)
    for (lg, name, shp), n in sorted(counts.items()):
        print(f"{lg:3} {name:12} {shp:9} {n}")


if __name__ == "__main__":
    main()
