"""A table of bench/flights_round49/compare_<what>.jsonl (aggregates only): per row, record counts
and the right counts of each field, overall and per language, and the difference from main.

  table_flround49.py studied|judges
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ("origin", "destination", "people", "status", "flight_date", "operator")


def main() -> None:
    rows = [json.loads(x) for x in (HERE / f"compare_{sys.argv[1]}.jsonl").read_text().splitlines()]
    main_rows = {r["path"]: r for r in rows if r["tree"].startswith("/tmp/")}
    for row in rows:
        base = main_rows[row["path"]]
        name = "main" if row is base else row["candidate"] if row["candidate"] != "-" else "branch"
        counts = f"{row['tp']}/{row['fp']}/{row['fn']}"
        cells = [f"{row['path']:7} {name:6} tp/fp/fn {counts} f1 {row['f1']}"]
        for field in FIELDS:
            d = row["right"][field] - base["right"][field]
            by = "/".join(
                f"{row['by_lang'][lg]['right'][field]}"
                f"{row['by_lang'][lg]['right'][field] - base['by_lang'][lg]['right'][field]:+d}"
                for lg in ("en", "es")
            )
            cells.append(f"{field[:4]} {row['right'][field]}{d:+d} ({by})")
        print(" | ".join(cells))


if __name__ == "__main__":
    main()
