"""Status errors on the studied flights files (stop 46, issue 15; helper flround46).

For every true flight report of every studied file (``studied_sets.measured_files``: never a
judge of ``training.JUDGES``, and never ``flights_fresh45`` or ``flights_fresh46``, this
round's judges): the labelled status, today's rules' status clue (before the arbiter), the
arbitrated status, and the honest rules' status (``flights_honest_cues.json``, where the file
has one). Writes ``study.json`` beside it and prints the errors by class.

    .venv/bin/python bench/flights_round46/round46_study.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))

from studied_sets import measured_files, read_lines
from wirewatch_flights.evaluation import predict
from wirewatch_flights.parts import item_parts
from wirewatch_flights.places import read_roles
from wirewatch_flights.status import rules_status
from wirewatch_flights.status_model import cue_kind
from wirewatch_flights.training import HONEST_CUES, load_cues

ROUND_JUDGES = ("flights_fresh45", "flights_fresh46")
OUT = Path(__file__).with_name("study.json")


def rules_clue(obj: dict[str, Any]) -> tuple[str, str, str, str]:
    parts = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
    origin, _ = read_roles(parts)
    clue = rules_status(parts, origin, {})
    return clue.value, clue.span.phrase, clue.span.source, cue_kind(clue)


def main() -> None:
    honest = load_cues(HONEST_CUES)
    rows: list[dict[str, Any]] = []
    for path in measured_files(skip=ROUND_JUDGES):
        cues = {r["id"]: r for r in honest.get(path.name, {}).get("items", [])}
        for obj in read_lines(path):
            gold = obj.get("flight")
            if not gold:
                continue
            flight = predict(obj)
            value, phrase, source, kind = rules_clue(obj)
            h = cues.get(obj["id"])
            rows.append(
                {
                    "file": path.name,
                    "id": obj["id"],
                    "lang": obj.get("lang"),
                    "gold": gold["status"],
                    "found": flight is not None,
                    "final": flight.status if flight else None,
                    "rules": value,
                    "phrase": phrase,
                    "source": source,
                    "kind": kind,
                    "honest": (h["cue"]["value"] if h else None),
                    "honest_record": (bool(h["record"]) if h else None),
                    "title": obj.get("title"),
                    "summary": (obj.get("summary") or "")[:300],
                }
            )
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    found = [r for r in rows if r["found"]]
    print(f"reports {len(rows)}, found {len(found)}")
    print("final right", sum(r["final"] == r["gold"] for r in found))
    print("rules right", sum(r["rules"] == r["gold"] for r in found))
    ov = [r for r in found if r["final"] != r["rules"]]
    print(
        "arbiter overrules",
        len(ov),
        "right",
        sum(r["final"] == r["gold"] for r in ov),
        "wrong",
        sum(r["rules"] == r["gold"] for r in ov),
    )
    hon = [r for r in rows if r["honest"] is not None]
    print(
        "honest cue right (all reports with one)",
        sum(r["honest"] == r["gold"] for r in hon),
        "/",
        len(hon),
    )
    print(
        "today's confusions (gold->final):",
        Counter((r["gold"], r["final"]) for r in found if r["final"] != r["gold"]),
    )
    print(
        "honest confusions (gold->cue):",
        Counter((r["gold"], r["honest"]) for r in hon if r["honest"] != r["gold"]),
    )


if __name__ == "__main__":
    main()
