"""The honest replay of stop 46's status candidates (``RULE.md``, (a2)).

Each candidate applied, as its rule reads, to the honest rules' status cue of every true report
of the 27 files with honest cues (``bench/flights_honest/flights_honest_cues.json``: what the
extractor said before any rule was tuned on the file). A: an honest blocked cue whose clause
names no flight or removal (candidate A's ``_clause_names_the_flight``, copied here from
``candidate_A.diff`` since A left the product) is read ``completed``; B: an
honest planned cue whose word is a noun (candidate B's ``NOUN_FORM``, copied here from
``candidate_B.diff``) is read ``completed``. A
report the honest rules missed stays wrong. Writes ``replay.json`` beside it and prints it.

    .venv/bin/python -W ignore bench/flights_round46/replay.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))

from studied_sets import read_lines
from wirewatch_flights import cues
from wirewatch_flights.text import fold
from wirewatch_flights.training import HONEST_CUES, load_cues

DATA = Path("tests/data")
OUT = Path(__file__).with_name("replay.json")
CLAUSE_MARK = re.compile(r"[;:,!?]|(?<!\b\w)\.(?=\s|$)|\b(?:but|pero|sin embargo|while|mientras)\b")
"""Candidate A's clause marks (``candidates.diff``, ``status_cues.CLAUSE_MARK``)."""


NOUN_FORM = re.compile(r"\w+(?:tions?|cion|ciones|ments?|tivos?)")
"""Candidate B's noun forms (``candidate_B.diff``, ``status_cues.NOUN_FORM``)."""


def _clause_names_the_flight(folded: str, blocked: re.Match[str]) -> bool:
    """Candidate A (``candidates.diff``): the blocked cue's clause names a flight or removal."""
    start = 0
    for mark in CLAUSE_MARK.finditer(folded, 0, blocked.start()):
        start = mark.end()
    after = CLAUSE_MARK.search(folded, blocked.end())
    clause = folded[start : after.start() if after else len(folded)]
    return bool(cues.FLIGHT.search(clause) or cues.DEPORT.search(clause))


def cue_match(text: str, cue: dict[str, Any]) -> re.Match[str] | None:
    """The honest cue as a match over the folded text (at its span, else its first place)."""
    folded = fold(text)
    phrase = fold(cue["phrase"])
    if folded[cue["start"] : cue["end"]] == phrase:
        return re.compile(re.escape(phrase)).match(folded, cue["start"])
    return re.compile(re.escape(phrase)).search(folded)


def main() -> None:
    honest = load_cues(HONEST_CUES)
    tally: dict[str, dict[str, Any]] = {
        "A": {"before": 0, "after": 0, "changed": []},
        "B": {"before": 0, "after": 0, "changed": []},
    }
    reports = 0
    for name, entry in sorted(honest.items()):
        rows = {r["id"]: r for r in entry["items"]}
        for obj in read_lines(DATA / name):
            gold = obj.get("flight")
            if not gold:
                continue
            reports += 1
            row = rows[obj["id"]]
            cue = row["cue"]
            value = cue["value"] if row["record"] else None
            new = {"A": value, "B": value}
            text = str(obj.get(cue["source"]) or "") if cue["phrase"] else ""
            m = cue_match(text, cue) if text else None
            if value == "blocked" and m and not _clause_names_the_flight(fold(text), m):
                new["A"] = "completed"
            if value == "planned" and m and NOUN_FORM.fullmatch(m.group(0)):
                new["B"] = "completed"
            for k, got in new.items():
                tally[k]["before"] += value == gold["status"]
                tally[k]["after"] += got == gold["status"]
                if got != value:
                    tally[k]["changed"].append(
                        {
                            "file": name,
                            "id": obj["id"],
                            "gold": gold["status"],
                            "from": value,
                            "to": got,
                        }
                    )
    out = {"reports": reports, "candidates": tally}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
