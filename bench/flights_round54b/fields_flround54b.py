"""Main's origin and destination on the true reports it takes, studied files only (round 54's
``study_flround54.studied_files``: every flights file but ``*fresh53*`` and ``*fresh54*``). One
line per report whose origin or destination differs from its label, with (want, got), the title
and (``--text``) the lede; the tally of (field, want, got) at the end.

Usage: .venv/bin/python bench/flights_round54b/fields_flround54b.py [--text]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "flights_round54"))
import study_flround54 as study  # noqa: E402

FIELDS = ("origin", "destination")


def main() -> None:
    text = "--text" in sys.argv
    tally: Counter[tuple[str, object, object]] = Counter()
    right: Counter[str] = Counter()
    for path in study.studied_files():
        assert "fresh53" not in path.stem and "fresh54" not in path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold, flight = gold_record(obj), predict(obj)
            if gold is None or flight is None:
                continue
            wrong = []
            for name in FIELDS:
                want = normalise(name, gold.get(name))
                got = normalise(name, predicted_value(flight, name))
                if want == got:
                    right[name] += 1
                else:
                    wrong.append(f"{name[:4]} {want}<-{got}")
                    tally[(name, want, got)] += 1
            if wrong:
                title = str(obj.get("title") or "")[:110]
                print(f"{path.stem[8:]:10} {obj.get('id'):9} {' '.join(wrong):28} {title}")
                if text:
                    print("       " + str(obj.get("summary") or "")[:400])
    print("right:", dict(right))
    for key, n in tally.most_common():
        print(n, *key)


if __name__ == "__main__":
    main()
