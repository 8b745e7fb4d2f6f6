"""Studied items (stop 53's studied files only) whose headline or lede matches a regex, with
the gold label (record or not) and main's verdict: the class check of RULE.md's study.

Usage: .venv/bin/python bench/flights_round53/probe_flround53.py REGEX [--text]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, predict

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import study_flround53 as study  # noqa: E402


def main() -> None:
    pattern = re.compile(sys.argv[1], re.I)
    counts: dict[str, int] = {}
    for path in study.studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            text = f"{obj.get('title') or ''} || {obj.get('summary') or ''}"
            m = pattern.search(text)
            if m is None:
                continue
            gold, got = gold_record(obj) is not None, predict(obj) is not None
            key = f"gold={'R' if gold else '-'} main={'R' if got else '-'}"
            counts[key] = counts.get(key, 0) + 1
            print(
                f"{key} {path.stem[8:]:10} {obj['id']:9} {obj.get('lang')} "
                f"[{m.group(0)}] {str(obj.get('title'))[:90]}"
            )
            if "--text" in sys.argv:
                print("      ", text[:500].replace("\n", " "))
    print(counts)


if __name__ == "__main__":
    main()
