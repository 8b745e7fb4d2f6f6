"""Figures of the flights package on the path, one JSON line: bench/flights_round48/RULE.md's
measures. Stop 47's one measure script (``../flights_round47/measure_flround47.py``) is imported
for its reading and predictors; this adds the stop-48 judges and per-language rows.

  measure_flround48.py studied|judges [--as-service] [--candidate A|B|AB]

``studied``: every flights file but the judges; ``judges``: flights_fresh47 + flights_fresh47b
pooled, aggregates only (counts; no id, no per-item prediction is printed). ``--candidate``
switches ``roles.CANDIDATES_48`` on (a tree without the switch is read as it is).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import wirewatch_flights
from wirewatch_flights import roles
from wirewatch_flights.evaluation import score

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "measure_flround47", HERE.parent / "flights_round47" / "measure_flround47.py"
)
assert _SPEC is not None and _SPEC.loader is not None
round47 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(round47)

JUDGES = ("flights_fresh47", "flights_fresh47b")
LATER = ("flights_fresh48", "flights_fresh48b")  # sealed after the round: not read here


def figures(items: list[dict[str, Any]], as_service: bool) -> dict[str, Any]:
    scores = score(items, round47.predictor(as_service))
    p, r = scores.precision(), scores.recall()
    return {
        "items": len(items),
        "tp": scores.tp,
        "fp": scores.fp,
        "fn": scores.fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "right": dict(scores.correct),
    }


def judge_paths(names: tuple[str, ...] = JUDGES) -> list[Path]:
    """The judge files of a round (this round's by default; later rounds name theirs)."""
    paths = [round47.DATA / f"{name}.jsonl" for name in names]
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"judge missing: {missing}")
    return paths


def row(what: str, paths: list[Path], as_service: bool, candidate: str) -> dict[str, Any]:
    """One measure's JSON line: counts and per-field figures, overall and per language."""
    items = round47.lines(paths)
    return {
        "measure": what,
        "path": "service" if as_service else "plain",
        "tree": wirewatch_flights.__file__.split("/services/")[0],
        "candidate": candidate or "-",
        "files": len(paths),
        **figures(items, as_service),
        "by_lang": {
            lang: figures([x for x in items if x.get("lang") == lang], as_service)
            for lang in ("en", "es")
        },
    }


def main_for(
    judges: tuple[str, ...], studied: Callable[[], list[Path]], switch: ModuleType, name: str
) -> None:
    """A later round's measure script (``studied|judges [--as-service] [--candidate X]``): its
    judges and studied files, and the candidates' switch ``switch.name`` set to X's letters."""
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        setattr(switch, name, frozenset(candidate))
    paths = judge_paths(judges) if what == "judges" else studied()
    print(json.dumps(row(what, paths, as_service, candidate)))


def main() -> None:
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        roles.CANDIDATES_48 = frozenset(candidate)  # type: ignore[attr-defined]
    if what == "judges":
        paths = judge_paths()
    else:
        data = round47.DATA
        paths = sorted(p for p in data.glob("flights_*.jsonl") if p.stem not in JUDGES + LATER)
    print(json.dumps(row(what, paths, as_service, candidate)))


if __name__ == "__main__":
    main()
