"""Main's origin and destination errors on every studied flights file, item by item, by shape.

Usage: .venv/bin/python bench/flights_roles47/study_flroles47.py [--items] [--json OUT]
The judges of this stop (flights_fresh46, flights_fresh47) are never read.

Shapes (general, from the error alone and the item's words around the flight, never an id):
  swapped          origin and destination both wrong and each is the other's gold value
  fetch            the headline or lede sends a flight or plane somewhere to take, bring home or
                   repatriate people (the state flown to is where they are taken from)
  origin-missing   gold origin, none read        destination-missing  gold destination, none read
  origin-spurious  no gold origin, one read       destination-spurious no gold destination, one read
  wrong            another state read
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value
from wirewatch_flights.text import fold

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = {"flights_fresh46", "flights_fresh47"}
ROLES = ("origin", "destination")
FETCH = re.compile(
    r"\b(?:flights?|planes?|airplanes?|aircraft|jets?|vuelos?|aviones|avion|aeronaves?)\b"
    r".{0,100}?\b(?:to take|to bring|to fetch|to pick up|to collect|to repatriate|to evacuate|"
    r"para repatriar|para traer|para recoger|a buscar|para buscar|repatriando)\b"
)


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)


def shape(name: str, want: object, got: object, swapped: bool, fetch: bool) -> str:
    if fetch:
        return "fetch"
    if swapped:
        return "swapped"
    if got is None:
        return f"{name}-missing"
    if want is None:
        return f"{name}-spurious"
    return "wrong"


def rows_of(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        gold = gold_record(obj)
        flight = predict(obj)
        if gold is None or flight is None:
            continue
        pairs = {
            n: (normalise(n, gold.get(n)), normalise(n, predicted_value(flight, n))) for n in ROLES
        }
        (wo, go), (wd, gd) = pairs["origin"], pairs["destination"]
        swapped = wo != go and wd != gd and go == wd and gd == wo
        text = fold(f"{obj.get('title') or ''}. {obj.get('summary') or ''}"[:600])
        fetch = bool(FETCH.search(text))
        for name, (want, got) in pairs.items():
            if name in gold and want != got:
                rows.append(
                    {
                        "file": path.stem,
                        "id": obj["id"],
                        "lang": obj.get("lang"),
                        "field": name,
                        "want": want,
                        "got": got,
                        "shape": shape(name, want, got, swapped, fetch),
                        "title": str(obj.get("title") or "")[:100],
                    }
                )
    return rows


def main() -> None:
    rows = [row for path in studied_files() for row in rows_of(path)]
    if "--json" in sys.argv:
        Path(sys.argv[sys.argv.index("--json") + 1]).write_text(
            json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    counts: dict[str, int] = {}
    for row in rows:
        counts[str(row["shape"])] = counts.get(str(row["shape"]), 0) + 1
    for key in sorted(counts, key=lambda k: -counts[k]):
        print(f"{key:22} {counts[key]}")
    if "--items" in sys.argv:
        for row in sorted(rows, key=lambda r: (str(r["shape"]), str(r["file"]))):
            print(
                row["shape"],
                row["file"],
                row["id"],
                row["field"],
                row["want"],
                row["got"],
                row["title"],
                sep=" | ",
            )


if __name__ == "__main__":
    main()
