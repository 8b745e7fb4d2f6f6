"""Every studied flights file's errors (misses, false records, wrong fields), item by item.

Usage: .venv/bin/python bench/flights_round47/study_flround47.py [--json OUT]
The judges of this stop (flights_fresh46, flights_fresh47) are never read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = {"flights_fresh46", "flights_fresh47"}
FIELDS = ("origin", "destination", "people", "status")


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)


def rows_of(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        gold = gold_record(obj)
        flight = predict(obj)
        base = {"file": path.stem, "id": obj["id"], "lang": obj.get("lang")}
        if gold is None and flight is None:
            continue
        if gold is None:
            rows.append({**base, "kind": "fp", "title": obj.get("title")})
            continue
        if flight is None:
            rows.append({**base, "kind": "fn", "title": obj.get("title")})
            continue
        for name in FIELDS:
            if name not in gold:
                continue
            want = normalise(name, gold[name])
            got = normalise(name, predicted_value(flight, name))
            if want != got:
                rows.append(
                    {**base, "kind": name, "want": want, "got": got, "title": obj.get("title")}
                )
    return rows


def main() -> None:
    rows = [row for path in studied_files() for row in rows_of(path)]
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    if out:
        Path(out).write_text(
            json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    counts: dict[tuple[str, object], int] = {}
    for row in rows:
        key = (str(row["kind"]), row["lang"])
        counts[key] = counts.get(key, 0) + 1
    for key, n in sorted(counts.items(), key=str):
        print(key, n)


if __name__ == "__main__":
    main()
