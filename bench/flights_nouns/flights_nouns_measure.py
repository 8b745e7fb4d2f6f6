"""People vocabulary round (issue 15, stop 33): per studied file, the counts of the goal fields
(precision, recall, destination, status, origin, people) with this checkout's extractor, and
the people on the honest study's "not read" list. Never a judge set (firelight, tideline,
lodestar are skipped by name). Aggregates and study ids only.

    .venv/bin/python -W ignore bench/flights_nouns/flights_nouns_measure.py OUT.json
    .venv/bin/python -W ignore bench/flights_nouns/flights_nouns_measure.py --compare A.json B.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))
from studied_sets import measure_with_study, print_file_table

STUDY_NOT_READ = (
    *("fl-20033", "fl-18018", "fl-9003"),  # a people noun not read
    *("fl-8024", "fl-18021", "fl-28027", "fl-9517"),  # a counted demonym not read
    *("fl-7011", "fl-3013", "fl-27031"),  # number words or styles
)
"""The honest study's "rules null, the number in the text" errors of vocabulary
(bench/flights_honest/flights_people_study.py, KINDS)."""


def measure() -> dict[str, Any]:
    return measure_with_study("people", STUDY_NOT_READ)


def compare(a: dict[str, Any], b: dict[str, Any]) -> None:
    print_file_table(a["files"], b["files"])
    for k in a["study"]:
        print(f"study {k}: {a['study'][k]} -> {b['study'][k]}")


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(*(json.loads(Path(p).read_text()) for p in sys.argv[2:4]))
    else:
        Path(sys.argv[1]).write_text(json.dumps(measure(), indent=1) + "\n")
