"""Main's and a candidate's verdict (record or not) on named studied items, by id: the drafting
check of RULE.md (the class's items and the true reports beside it, never a file as a
whole). It needs the switch form of ``candidates.diff`` (the shipped form has no switch: both
columns are alike).

Usage: .venv/bin/python bench/flights_round53/by_id_flround53.py LETTERS ID...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights import cues
from wirewatch_flights.evaluation import gold_record, predict

SWITCH = "CANDIDATES_53"  # cues.CANDIDATES_53 of the switch form (RULE.md)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import study_flround53 as study  # noqa: E402


def main() -> None:
    letters, ids = sys.argv[1], set(sys.argv[2:])
    for path in study.studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line) if line.strip() else {}
            if obj.get("id") not in ids:
                continue
            setattr(cues, SWITCH, frozenset())
            main_got = predict(obj)
            setattr(cues, SWITCH, frozenset(letters))
            cand = predict(obj)
            print(
                f"{obj['id']:9} gold={'R' if gold_record(obj) else '-'} "
                f"main={'R' if main_got else '-'} {letters}={'R' if cand else '-'} "
                f"people main={main_got and main_got.people} {letters}={cand and cand.people}"
            )


if __name__ == "__main__":
    main()
