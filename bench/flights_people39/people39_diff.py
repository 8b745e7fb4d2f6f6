"""Per-item diff of `people`, `origin`, `destination` on the released labelled flights files
(stop 39 study). Never reads flights_hearth.jsonl (a judge).

Usage: people39_diff.py [--field people] [--files a,b] [--json OUT] [--quiet]
Prints each true report whose field is wrong: file, id, lang, gold, predicted, title, lede.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import gold_record, normalise, predict

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = frozenset({"hearth"})
FIELDS = ("people", "origin", "destination")


def released_files() -> list[Path]:
    out = []
    for path in sorted(DATA.glob("flights_*.jsonl")):
        name = path.stem.removeprefix("flights_")
        if name not in JUDGES:
            out.append(path)
    return out


def rows(paths: list[Path]) -> list[dict[str, Any]]:
    """One row per true flight report: gold and predicted values of the three fields."""
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold = gold_record(obj)
            if gold is None:
                continue
            flight = predict(obj)
            row = {
                "file": path.stem.removeprefix("flights_"),
                "id": obj.get("id"),
                "lang": obj.get("lang"),
                "title": obj.get("title"),
                "summary": obj.get("summary"),
                "note": obj.get("note"),
                "found": flight is not None,
            }
            for name in FIELDS:
                row[f"gold_{name}"] = normalise(name, gold.get(name))
                row[f"pred_{name}"] = (
                    normalise(name, getattr(flight, name)) if flight is not None else "MISSED"
                )
            out.append(row)
    return out


def print_figures(table: list[dict[str, Any]]) -> None:
    for lang in ("all", "en", "es"):
        sub = [r for r in table if lang == "all" or r["lang"] == lang]
        for name in FIELDS:
            ok = sum(r[f"gold_{name}"] == r[f"pred_{name}"] for r in sub)
            print(f"{lang} {name} {ok}/{len(sub)} = {ok / max(len(sub), 1):.3f}")


def print_errors(table: list[dict[str, Any]], f: str) -> None:
    """Each found report whose field ``f`` is wrong, with its title, lede and note."""
    for r in table:
        if r[f"gold_{f}"] == r[f"pred_{f}"] or not r["found"]:
            continue
        gold, pred = r[f"gold_{f}"], r[f"pred_{f}"]
        print("---", r["file"], r["id"], r["lang"], "gold", gold, "pred", pred)
        print("T:", r["title"])
        print("S:", (r["summary"] or "")[:600])
        print("N:", (r["note"] or "")[:300])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--field", default="people", choices=FIELDS)
    parser.add_argument("--files", default="")
    parser.add_argument("--json", default="")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    paths = released_files()
    if args.files:
        wanted = set(args.files.split(","))
        paths = [p for p in paths if p.stem.removeprefix("flights_") in wanted]
    table = rows(paths)
    if args.json:
        Path(args.json).write_text(json.dumps(table, ensure_ascii=False, indent=0))
    print_figures(table)
    if not args.quiet:
        print_errors(table, args.field)
    return 0


if __name__ == "__main__":
    sys.exit(main())
