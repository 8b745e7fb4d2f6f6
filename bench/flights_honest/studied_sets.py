"""The studied flights sets counted per file, and main against a branch: what the stop-33 rules
rounds compared (``bench/flights_nouns``, ``flights_dest33``, ``flights_prec33``), and the
report tail of the error studies. Never a judge set: the files of
``wirewatch_flights.training.JUDGES`` are skipped."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import Scores, normalise, predict, predicted_value, score
from wirewatch_flights.training import HONEST_CUES, JUDGES, load_cues, studied_files

DATA = Path("tests/data")
GOALS = ("tp", "fp", "fn", "destination", "status", "origin", "people")


def measured_files(pattern: str = "flights_*.jsonl", skip: tuple[str, ...] = ()) -> list[Path]:
    """The files of ``tests/data`` matching ``pattern``, without the judges and ``skip``
    (names, or their beginnings). ``flights_dev.jsonl`` is one of them, unlike in
    ``training.studied_files`` (the files with honest cues)."""
    return [
        p
        for p in sorted(DATA.glob(pattern))
        if p.name not in JUDGES and not any(p.name.startswith(s) for s in skip)
    ]


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def goal_counts(scores: Scores) -> dict[str, Any]:
    """tp, fp, fn and the reports right per goal field."""
    return {"tp": scores.tp, "fp": scores.fp, "fn": scores.fn} | {
        k: scores.correct[k] for k in GOALS[3:]
    }


def print_file_table(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> None:
    """Each file whose counts differ (``a -> b``, a star where a count moved), then the sums."""
    print(f"{'file':28s} " + " ".join(f"{g:>11s}" for g in GOALS))
    sums = {g: [0, 0] for g in GOALS}
    for name, row in a.items():
        other = b[name]
        for g in GOALS:
            sums[g][0] += row[g]
            sums[g][1] += other[g]
        if any(other[g] != row[g] for g in GOALS):
            cells = [
                f"{row[g]:>4d}->{other[g]:<4d}{'*' if other[g] != row[g] else ' '}" for g in GOALS
            ]
            print(f"{name:28s} " + " ".join(cells))
    print(f"{'SUM':28s} " + " ".join(f"{x:>4d}->{y:<5d}" for x, y in sums.values()))


def check_listed(listed: Iterable[str], seen: set[str]) -> None:
    """Stop when an id a study lists by hand is no longer one of its errors."""
    missing = set(listed) - seen
    if missing:
        raise SystemExit(f"listed but no longer an error: {sorted(missing)}")


def write_report(out: Path, lines: list[str]) -> None:
    """A study's report, written beside it and printed."""
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def honest_reports() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each true flight report of the files with honest cues, with the honest rules' row
    (``bench/flights_honest/flights_honest_cues.json``)."""
    cues = load_cues(HONEST_CUES)
    for path in studied_files(DATA, cues):
        rows = {r["id"]: r for r in cues[path.name]["items"]}
        for obj in read_lines(path):
            if obj.get("flight"):
                yield obj, rows[obj["id"]]


def now_right(obj: dict[str, Any], name: str) -> bool:
    """Whether this checkout's extractor finds a record of ``obj`` with field ``name`` right."""
    flight = predict(obj)
    if flight is None:
        return False
    return bool(
        normalise(name, predicted_value(flight, name)) == normalise(name, obj["flight"][name])
    )


def measure_with_study(name: str, study_ids: Iterable[str]) -> dict[str, Any]:
    """Goal counts per measured file, and ``now_right`` for field ``name`` of each listed id."""
    wanted = set(study_ids)
    files: dict[str, dict[str, Any]] = {}
    study: dict[str, bool] = {}
    for path in measured_files():
        lines = read_lines(path)
        files[path.name] = goal_counts(score(lines))
        for obj in lines:
            if obj.get("id") in wanted:
                study[obj["id"]] = now_right(obj, name)
    return {"files": files, "study": study}
