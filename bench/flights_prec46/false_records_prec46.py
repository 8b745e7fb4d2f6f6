"""The false records (the extractor accepts, the label says no record) of every studied flights
file, and of the pool: the stories and classify items labelled *without* repatriation-flights that
the extractor accepts (sealed files, any name holding fresh45 or fresh46, left out; items sharing
a folded title or link with any flights file skipped, compared without reading them).

The pool is split by file with seed 20261346 before anything of it is read: half W ("write") may
be read and cues taken from it; half H ("held") is only measured (measure_prec46.py held). This
script lists W's items and prints only H's count.

Usage: .venv/bin/python bench/flights_prec46/false_records_prec46.py [--json OUT]
The judges (flights_fresh45, flights_fresh46) are never read.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import predict
from wirewatch_flights.text import fold

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = ("flights_fresh45", "flights_fresh46")
SEALED = ("fresh45", "fresh46")
SEED = 20261346


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def keys(obj: dict[str, Any]) -> set[str]:
    out = {fold(str(obj.get("title") or "")).strip()}
    link = obj.get("link") or obj.get("url")
    if link:
        out.add(str(link).strip())
    return out - {""}


def studied_files() -> list[Path]:
    return sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)


def halves() -> tuple[list[str], list[str]]:
    files = sorted(
        p.stem
        for p in [*DATA.glob("classify_*.jsonl"), *DATA.glob("stories_*.jsonl")]
        if not any(s in p.stem for s in SEALED)
    )
    shuffled = files[:]
    random.Random(SEED).shuffle(shuffled)
    return sorted(shuffled[: len(files) // 2]), sorted(shuffled[len(files) // 2 :])


def pool(stems: list[str]) -> list[dict[str, Any]]:
    """The half's items labelled without repatriation-flights, deduplicated, none sharing a title
    or link with any flights file (judge or studied)."""
    flights: set[str] = set()
    for path in DATA.glob("flights_*.jsonl"):
        for obj in rows(path):
            flights |= keys(obj)
    seen: set[str] = set()
    out = []
    for stem in stems:
        for obj in rows(DATA / f"{stem}.jsonl"):
            if "repatriation-flights" in list(obj.get("labels") or []):
                continue
            k = keys(obj)
            if k & flights or k & seen:
                continue
            seen |= k
            if obj.get("published") is None and obj.get("date"):
                obj = {**obj, "published": obj["date"]}
            out.append({**obj, "file": stem})
    return out


def studied_false() -> list[dict[str, Any]]:
    out = []
    for path in studied_files():
        for obj in rows(path):
            if obj.get("flight") is None and predict(obj) is not None:
                out.append({**obj, "file": path.stem})
    return out


def main() -> None:
    write, held = halves()
    fs = studied_false()
    pw = [o for o in pool(write) if predict(o) is not None]
    ph = [o for o in pool(held) if predict(o) is not None]
    listed = [*fs, *pw]
    for o in listed:
        print(
            f"{o['file']} {o['id']} [{o.get('lang')}]\n"
            f"  T: {o.get('title')}\n  S: {str(o.get('summary') or '')[:500]}\n"
        )
    print(f"studied flights files: {len(fs)} false records")
    print(f"pool W ({len(write)} files): {len(pw)} accepted without the label")
    print(f"pool H ({len(held)} files): {len(ph)} accepted without the label (not listed)")
    if "--json" in sys.argv:
        Path(sys.argv[sys.argv.index("--json") + 1]).write_text(
            json.dumps(
                [{k: o.get(k) for k in ("file", "id", "lang", "title", "summary")} for o in listed],
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
