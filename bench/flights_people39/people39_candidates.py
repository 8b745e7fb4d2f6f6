"""The people candidates of chosen items, with their score (stop 39 study; debugging aid).

Usage: people39_candidates.py FILE_STEM:ID [...]   (never hearth)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.parts import Part, item_parts
from wirewatch_flights.people import _people_score, read_people

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def show(stem: str, item_id: str) -> None:
    assert stem != "hearth", "a judge"
    for line in (DATA / f"flights_{stem}.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if obj.get("id") != item_id:
            continue
        parts = item_parts(obj.get("title") or "", obj.get("summary") or "")
        print("==", stem, item_id, "gold", (obj.get("flight") or {}).get("people"))
        for part in parts:
            show_part(part)
        print("  pick:", read_people(parts))


def show_part(part: Part) -> None:
    demonyms = {m.start for m in part.mentions if m.entry.kind == "people"}
    for n in part.numbers:
        score = _people_score(part, n, demonyms)
        ctx = part.text[max(0, n.start - 30) : n.end + 30].replace("\n", " ")
        print(f"  {part.source:7} {n.value:>6} score={score} | {ctx}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        stem, item_id = arg.split(":")
        show(stem, item_id)
