"""The honest measure's items: the pool (stories and classify files, items labelled
repatriation-flights, sealed sets and items of any flights file left out, as pool_rejects.py)
split by file with seed 20261246; half W ("write") is where the cues may be read from, half H
("held") is measured. Lists H's items main rejects that hold a cue either candidate reads (a
running total word, or a removing state's agency named): the only items a candidate, which can
only accept more, could change. Their labels (held_labels.json) were written before any
candidate ran.

Usage: .venv/bin/python bench/flights_recall46/held_half.py [--show]
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from wirewatch_flights.evaluation import predict
from wirewatch_flights.parts import item_parts
from wirewatch_flights.text import fold

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
SEED = 20261246
SEALED = ("fresh45", "fresh46")
SELECT = re.compile(
    r"\b(?:suma\w*|eleva\w*|asciende\w*|ascendi\w*|(?:ya )?van \d|supera\w*|"
    r"bringing|raising|brings|(?:the|el|la) total|acumula\w*)\b"
)


def halves() -> tuple[list[str], list[str]]:
    files = sorted(
        {p.stem for p in [*DATA.glob("classify_*.jsonl"), *DATA.glob("stories_*.jsonl")]}
        - {s for s in (p.stem for p in DATA.glob("*.jsonl")) if any(x in s for x in SEALED)}
    )
    shuffled = files[:]
    random.Random(SEED).shuffle(shuffled)
    return sorted(shuffled[: len(files) // 2]), sorted(shuffled[len(files) // 2 :])


def keys(obj: dict[str, object]) -> set[str]:
    out = {fold(str(obj.get("title") or "")).strip()}
    link = obj.get("link") or obj.get("url")
    if link:
        out.add(str(link).strip())
    return out - {""}


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def pool(stems: list[str]) -> list[dict[str, object]]:
    """The half's items labelled repatriation-flights, deduplicated, none in a flights file."""
    flights: set[str] = set()
    for path in DATA.glob("flights_*.jsonl"):
        for obj in rows(path):
            flights |= keys(obj)
    seen: set[str] = set()
    out = []
    for stem in stems:
        for obj in rows(DATA / f"{stem}.jsonl"):
            if "repatriation-flights" not in list(obj.get("labels") or []):  # type: ignore[call-overload]
                continue
            k = keys(obj)
            if k & flights or k & seen:
                continue
            seen |= k
            if obj.get("published") is None and obj.get("date"):
                obj = {**obj, "published": obj["date"]}
            out.append({**obj, "file": stem})
    return out


def cue_bearing(obj: dict[str, object]) -> bool:
    parts = item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))
    if any(SELECT.search(p.folded) for p in parts):
        return True
    return any(
        m.entry.kind == "operator" and m.entry.agency and m.entry.state
        for p in parts
        for m in p.mentions
    )


def held_rejects() -> list[dict[str, object]]:
    _, held = halves()
    return [o for o in pool(held) if predict(o) is None and cue_bearing(o)]


def main() -> None:
    found = held_rejects()
    if "--show" in sys.argv:
        for o in found:
            print(
                f"{o['file']} {o['id']} [{o.get('lang')}]\n"
                f"  T: {o['title']}\n  S: {o.get('summary')}\n"
            )
    print(len(found), "held rejects with a candidate's cue")


if __name__ == "__main__":
    main()
