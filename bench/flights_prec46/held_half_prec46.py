"""The honest measure's items: half H of the pool (false_records.halves(), seed 20261346), every
stories/classify item whatever its labels (sealed files and items of any flights file left out),
that main's extractor accepts and that holds a cue of either candidate's class: no flight word or
carrier and no sending state read (A), or a word of being stranded or a Gulf state named (B). A
candidate can only reject more, so only these can change. Their labels (held_labels.json: is it a
flight record, by docs/flights.md, title and summary only) were written before any candidate ran.

Usage: .venv/bin/python bench/flights_prec46/held_half_prec46.py [--show]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from wirewatch_flights import cues, not_a_record_cues
from wirewatch_flights.evaluation import predict
from wirewatch_flights.flight_report import is_flight_report
from wirewatch_flights.parts import first_span, item_parts, names_a_state

sys.path.insert(0, str(Path(__file__).resolve().parent))
from false_records_prec46 import DATA, halves, keys, rows


def pool_any(stems: list[str]) -> list[dict[str, Any]]:
    """The half's items, any labels, deduplicated, none sharing a title or link with a flights
    file."""
    flights: set[str] = set()
    for path in DATA.glob("flights_*.jsonl"):
        for obj in rows(path):
            flights |= keys(obj)
    seen: set[str] = set()
    out = []
    for stem in stems:
        for obj in rows(DATA / f"{stem}.jsonl"):
            k = keys(obj)
            if k & flights or k & seen:
                continue
            seen |= k
            if obj.get("published") is None and obj.get("date"):
                obj = {**obj, "published": obj["date"]}
            out.append({**obj, "file": stem})
    return out


def cue_bearing(obj: dict[str, Any], flight: Any) -> bool:
    parts = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
    gate = is_flight_report(parts)
    if gate is not None and not gate[2] and flight.origin is None:
        return True
    return first_span(parts, not_a_record_cues.STRANDED) is not None or names_a_state(
        parts, cues.GULF_HOSTS
    )


def held_accepts() -> list[dict[str, Any]]:
    out = []
    for o in pool_any(halves()[1]):
        f = predict(o)
        if f is not None and cue_bearing(o, f):
            out.append(o)
    return out


def main() -> None:
    found = held_accepts()
    if "--show" in sys.argv:
        for o in found:
            print(
                f"{o['file']} {o['id']} [{o.get('lang')}] labels={o.get('labels')}\n"
                f"  T: {o['title']}\n  S: {o.get('summary')}\n"
            )
    print(len(found), "held accepts with a candidate's cue")


if __name__ == "__main__":
    main()
