"""The missed reports (FN) of every studied flights file, with the gate's stage that dropped them.

Usage: .venv/bin/python bench/flights_recall46/misses.py [--json OUT]
The judges (flights_fresh45, flights_fresh46) are never read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights import flight_report as fr
from wirewatch_flights import not_a_record as nar
from wirewatch_flights.evaluation import predict
from wirewatch_flights.parts import item_parts

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = {"flights_fresh45", "flights_fresh46"}


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)


def stage(title: str, summary: str) -> str:
    """Where the gate dropped the item."""
    parts = item_parts(title, summary)
    deport = fr._deport_cue(parts) or fr._flown_demonyms(parts) or fr._group_return(parts)
    if deport is None:
        return "no-deport-cue"
    for name in (
        "own_citizens_or_things",
        "statistics",
        "state_fetches_its_citizens",
        "stranded_travellers",
        "proposal",
        "migrants_own_way",
    ):
        if getattr(nar, name)(parts):
            return f"veto:{name}"
    flight = fr._flight_word(parts) or fr._carrier(parts)
    if flight is None and nar.no_removal_at_issue(parts):
        return "veto:no_removal_at_issue"
    if flight is not None:
        for name in ("airport_alone", "by_sea_first"):
            if getattr(nar, name)(parts, flight):
                return f"veto:{name}"
        if nar.evacuation_flights(parts):
            return "veto:evacuation_flights"
        return "gate-ok(flight word); later veto"
    if fr._removal_without_flight_word(parts) is None:
        return "no-flight-word,no-specific-removal"
    return "gate-ok(no flight word); later veto"


def main() -> None:
    rows = []
    for path in studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            if obj.get("flight") is None:
                continue
            if predict(obj) is not None:
                continue
            rows.append(
                {
                    "file": path.stem,
                    "id": obj["id"],
                    "lang": obj.get("lang"),
                    "stage": stage(obj.get("title") or "", obj.get("summary") or ""),
                    "title": obj.get("title"),
                    "summary": (obj.get("summary") or "")[:600],
                }
            )
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    if out:
        Path(out).write_text(
            json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    for r in rows:
        print(
            f"{r['file']} {r['id']} [{r['lang']}] {r['stage']}\n"
            f"  T: {r['title']}\n  S: {r['summary']}\n"
        )
    print(len(rows), "missed reports")


if __name__ == "__main__":
    main()
