"""Main's errors on every studied flights file, by class: origin and destination (the shapes of
``bench/flights_roles47/study_flroles47.py``, whose ``rows_of`` this reuses), misses and false
records, per language.

Usage: .venv/bin/python bench/flights_round48/study_flround48.py [--items] [--lang en]
The judges of stop 48 (flights_fresh47, flights_fresh47b) are never read.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from wirewatch_flights.evaluation import gold_record, predict

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = {"flights_fresh47", "flights_fresh47b"}
LATER = {"flights_fresh48", "flights_fresh48b"}  # sealed after the round: never read here


def _roles47() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "study_flroles47", HERE.parent / "flights_roles47" / "study_flroles47.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES | LATER)


def record_rows(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        gold, got = gold_record(obj), predict(obj)
        if (gold is None) == (got is None):
            continue
        rows.append(
            {
                "file": path.stem,
                "id": obj["id"],
                "lang": obj.get("lang"),
                "field": "record",
                "want": gold is not None,
                "got": got is not None,
                "shape": "miss" if got is None else "false-record",
                "title": str(obj.get("title") or "")[:110],
            }
        )
    return rows


def main() -> None:
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else ""
    roles = _roles47()
    rows = []
    for path in studied_files():
        rows += roles.rows_of(path) + record_rows(path)
    report(rows, lang, 22)


def report(rows: list[dict[str, object]], lang: str, width: int) -> None:
    """Error counts by language, field and shape; with ``--items`` every row (the rounds'
    study output, shared by stop 49's)."""
    if lang:
        rows = [r for r in rows if r["lang"] == lang]
    counts = Counter((str(r["lang"]), str(r["field"]), str(r["shape"])) for r in rows)
    for (lg, field, shp), n in sorted(counts.items()):
        print(f"{lg:3} {field:12} {shp:{width}} {n}")
    if "--items" in sys.argv:
        for row in sorted(rows, key=lambda r: (str(r["field"]), str(r["shape"]), str(r["file"]))):
            print(
                *(row[k] for k in ("shape", "file", "id", "lang", "field", "want", "got", "title")),
                sep=" | ",
            )


if __name__ == "__main__":
    main()
