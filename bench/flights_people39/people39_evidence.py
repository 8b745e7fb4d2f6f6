"""The evidence of chosen fields for chosen items (stop 39 study; debugging aid).

Usage: people39_evidence.py FIELD FILE_STEM:ID [...]   (never hearth)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.evaluation import predict

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def show(name: str, stem: str, item_id: str) -> None:
    assert stem != "hearth", "a judge"
    for line in (DATA / f"flights_{stem}.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if obj.get("id") != item_id:
            continue
        flight = predict(obj)
        gold = (obj.get("flight") or {}).get(name)
        got = getattr(flight, name) if flight else "NOREC"
        clues = [c for c in (flight.evidence if flight else ()) if c.field == name]
        phrases = [(c.span.source, c.span.phrase) for c in clues]
        print(stem, item_id, "gold", gold, "pred", got, phrases)


if __name__ == "__main__":
    field = sys.argv[1]
    for arg in sys.argv[2:]:
        stem, item_id = arg.split(":")
        show(field, stem, item_id)
