"""RULE.md's clauses 1 and 2 read from bench/flights_round50/compare_<what>.jsonl (aggregates
only): per candidate row and path, record tp/fp/fn, precision and recall, and each field's right
count (pooled and per language) beside main's, with the clause verdict.

  clauses_flround50.py studied|judges
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIELDS = ("origin", "destination", "people", "status", "flight_date", "operator")


def _verdict(what: str, row: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """The clause's failures for one row (empty: it holds)."""
    fails = []
    right, was = row["right"], base["right"]
    if what == "judges":
        if row["precision"] < base["precision"] or row["recall"] < base["recall"]:
            fails.append("record P/R")
        fails += [f"{f} down" for f in FIELDS if right[f] < was[f]]
        return fails
    if row["tp"] < base["tp"] or row["fp"] > base["fp"]:
        fails.append("tp/fp")
    fails += [f"{f} down" for f in FIELDS if f != "people" and right[f] < was[f] - 1]
    fails += [
        f"people {lg} down"
        for lg in ("en", "es")
        if row["by_lang"][lg]["right"]["people"] < base["by_lang"][lg]["right"]["people"]
    ]
    needs_gain = row["candidate"] not in ("-", "A")
    if needs_gain and row["path"] == "plain" and right["people"] < was["people"] + 1:
        fails.append("people not up")
    return fails


def main() -> None:
    what = sys.argv[1]
    rows = [json.loads(x) for x in (HERE / f"compare_{what}.jsonl").read_text().splitlines()]
    main_rows = {r["path"]: r for r in rows if r["tree"].startswith("/tmp/")}
    for row in rows:
        base = main_rows[row["path"]]
        name = "main" if row is base else row["candidate"] if row["candidate"] != "-" else "branch"
        cells = [
            f"{row['path']:7} {name:6} tp/fp/fn {row['tp']}/{row['fp']}/{row['fn']} "
            f"P {row['precision']} R {row['recall']}"
        ]
        for field in FIELDS:
            by = "/".join(str(row["by_lang"][lg]["right"][field]) for lg in ("en", "es"))
            gain = row["right"][field] - base["right"][field]
            cells.append(f"{field[:4]} {row['right'][field]}{gain:+d} ({by})")
        fails = [] if row is base else _verdict(what, row, base)
        cells.append("FAIL " + ", ".join(fails) if fails else "pass")
        print(" | ".join(cells))


if __name__ == "__main__":
    main()
