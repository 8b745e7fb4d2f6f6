"""Honest (out-of-sample) rules output on every studied flights set (issue 15, stop 32).

Each studied set ``tests/data/flights_<name>.jsonl`` was committed blind, before any rule
was tuned on it. The extractor at the PARENT of the commit that added the file had never
seen it, so its output on that file is what the rules look like on tomorrow's news. This
script rebuilds that output: for each studied file it exports the parent commit's
``services/flights`` and ``shared`` (``git archive``) into a temporary directory, runs that
version's ``evaluation.predict`` on the file's items (current text and ids) in a
subprocess whose ``PYTHONPATH`` puts the old tree first, and writes per item: record or
not, every field, and the rules' status cue (its value and phrase; for a report the old
rules missed, the cue of its ``_status(_parts(...))``). Items without a publication date
are read as published on the parent commit's day (old code used ``date.today()``).

Never a judge (tideline, lodestar, firelight), and not ``flights_dev.jsonl``: it was added
(``3d8408a``) before the extractor existed (``9bdadac``), so every rule was written on it
and no honest version exists.

    .venv/bin/python bench/flights_honest/flights_honest_cues.py   # writes its .json beside it
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wirewatch_flights.training import JUDGES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
OUT = Path(__file__).resolve().parent / "flights_honest_cues.json"
EXCLUDED = frozenset({"flights_dev.jsonl"})
FIELDS = ("origin", "destination", "people", "status", "flight_date", "operator")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def studied() -> list[Path]:
    return [
        p
        for p in sorted(DATA.glob("flights_*.jsonl"))
        if p.name not in JUDGES and p.name not in EXCLUDED
    ]


def adding_commit(path: Path) -> str:
    """The (first) commit that added the file."""
    shas = _git("log", "--diff-filter=A", "--format=%H", "--", str(path.relative_to(ROOT)))
    return shas.splitlines()[-1]


def worker(path: str, day: str) -> None:
    """Runs inside the old tree (PYTHONPATH): the old rules' output on each item."""
    from datetime import date

    from wirewatch_flights import evaluation, extract

    if not Path(evaluation.__file__).is_relative_to(Path.cwd()):
        raise SystemExit(f"not the old tree: {evaluation.__file__}")
    fixed = date.fromisoformat(day)

    class _Day(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            return fixed

    evaluation.date = _Day  # type: ignore[attr-defined,misc]
    out: list[dict[str, Any]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        flight = evaluation.predict(obj)
        row: dict[str, Any] = {"id": obj.get("id"), "record": flight is not None}
        if flight is not None:
            for name in FIELDS:
                row[name] = evaluation.predicted_value(flight, name)
            clue = next(c for c in flight.evidence if c.field == "status")
        else:
            title, summary = str(obj.get("title") or ""), str(obj.get("summary") or "")
            clue = extract._status(extract._parts(title, summary))  # type: ignore[attr-defined]  # the old tree's names
        row["cue"] = {
            "value": clue.value,
            "phrase": clue.span.phrase,
            "source": clue.span.source,
            "start": clue.span.start,
            "end": clue.span.end,
        }
        out.append(row)
    print(json.dumps(out, ensure_ascii=False))


def tally(rows: list[tuple[dict[str, Any] | None, dict[str, Any] | None]]) -> dict[str, Any]:
    """(gold, predicted) pairs -> the figures ``evaluation.score`` gives."""
    from wirewatch_flights.evaluation import normalise

    tp = fp = fn = tn = 0
    right = dict.fromkeys(FIELDS, 0)
    for gold, got in rows:
        if gold is None:
            fp += got is not None
            tn += got is None
        elif got is None:
            fn += 1
        else:
            tp += 1
            for name in FIELDS:
                right[name] += normalise(name, gold.get(name)) == normalise(name, got.get(name))
    reports = tp + fn
    return {
        "items": len(rows),
        "reports": reports,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / reports, 4) if reports else None,
        "right": right,
    }


def scores(path: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """First-read figures of the old rules against the file's current labels."""
    gold = {
        o["id"]: o.get("flight")
        for o in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }
    return tally([(gold[row["id"]], row if row["record"] else None) for row in rows])


def main() -> None:
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="flhist") as tmp:
        for path in studied():
            added = adding_commit(path)
            parent = _git("rev-parse", f"{added}^")
            day = _git("show", "-s", "--format=%cs", parent)
            tree = Path(tmp) / parent[:10]
            if not tree.exists():
                tree.mkdir()
                archive = subprocess.run(
                    ["git", "-C", str(ROOT), "archive", parent, "services/flights", "shared"],
                    check=True,
                    capture_output=True,
                ).stdout
                subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            env = dict(os.environ)
            env["PYTHONPATH"] = f"{tree / 'services' / 'flights'}{os.pathsep}{tree / 'shared'}"
            done = subprocess.run(
                [sys.executable, "-W", "ignore", __file__, "--worker", str(path), day],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=tree,
            )
            rows = json.loads(done.stdout)
            result[path.name] = {
                "added_by": added[:10],
                "rules_of": parent[:10],
                "day": day,
                "first_read": scores(path, rows),
                "items": rows,
            }
            print(path.name, parent[:10], result[path.name]["first_read"], file=sys.stderr)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        main()
