"""Class probe (main's code, studied files only): the true reports main takes whose
destination D is a state that an agency named in the item implies as the deporting state
(an operator or signal with ``state`` D: the Home Office for GB, the PDI for CL), with
the labelled origin and destination and main's. Counts right and wrong rows.

Usage: .venv/bin/python bench/flights_round54b/probe_flround54b.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_shared.text import strip_accents

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "flights_round54"))
import study_flround54 as study  # noqa: E402


def senders(obj: dict[str, object]) -> set[str]:
    """States an agency, force or signal named in the headline or lede implies as the deporter."""
    found: set[str] = set()
    for key in ("title", "summary"):
        text = str(obj.get(key) or "")
        for m in load_lexicon().mentions(text, strip_accents(text).casefold()):
            if m.entry.kind in ("operator", "signal") and m.entry.state:
                found.add(m.entry.state)
    return found


def main() -> None:
    tally: Counter[str] = Counter()
    for path in study.studied_files():
        assert "fresh53" not in path.stem and "fresh54" not in path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold, flight = gold_record(obj), predict(obj)
            if gold is None or flight is None:
                continue
            got_d = normalise("destination", predicted_value(flight, "destination"))
            if got_d is None or got_d not in senders(obj):
                continue
            want_o = normalise("origin", gold.get("origin"))
            want_d = normalise("destination", gold.get("destination"))
            got_o = normalise("origin", predicted_value(flight, "origin"))
            kind = "dest-right" if want_d == got_d else "dest-wrong"
            tally[kind] += 1
            title = str(obj.get("title") or "")[:90]
            print(f"{kind:10} {obj.get('id'):9} o {want_o}<-{got_o} d {want_d}<-{got_d}  {title}")
    print(dict(tally))


if __name__ == "__main__":
    main()
