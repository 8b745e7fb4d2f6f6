"""Per-file, per-language figures of `wirewatch flights eval` on the released labelled files
(stop 39 study; never flights_hearth.jsonl, a judge).

Usage: people39_eval.py OUT.json [--without RULE ...]
Run with PYTHONPATH=<an older wirewatch_flights' parent> for the code before the round.
``--without`` switches one of this round's rules off (an ablation; see RULES).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from people39_diff import released_files
from wirewatch_flights import cues, people_cues
from wirewatch_flights import people as ex
from wirewatch_flights.evaluation import score
from wirewatch_flights.model import FIELDS

NEVER = re.compile(r"(?!)")


def _without_harmed() -> None:
    people_cues.HARMED_BEFORE = NEVER
    people_cues.HARMED_AFTER = NEVER


def _without_of_them() -> None:
    ex._removed_of_them = lambda part, number: False  # type: ignore[assignment]


def _without_breakdown() -> None:
    ex._breakdowns = lambda part: {}  # type: ignore[assignment]


def _without_another() -> None:
    people_cues.MODIFIER_BEFORE = re.compile(
        people_cues.MODIFIER_BEFORE.pattern.replace(r"|up to", r"|otros|otras|another|up to")
    )


def _without_turned_back() -> None:
    cues.TURNED_BACK_BEFORE = NEVER


RULES = {
    "harmed": _without_harmed,
    "of_them": _without_of_them,
    "breakdown": _without_breakdown,
    "another": _without_another,
    "turned_back": _without_turned_back,
}


def figures(lines: list[dict[str, Any]]) -> dict[str, Any]:
    s = score(lines)
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, **{k: s.correct[k] for k in FIELDS}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--without", action="append", default=[], choices=sorted(RULES))
    args = parser.parse_args(argv)
    for rule in args.without:
        RULES[rule]()
    out: dict[str, Any] = {}
    for path in released_files():
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        name = path.stem.removeprefix("flights_")
        out[name] = {
            lang: figures([o for o in lines if lang == "all" or o.get("lang") == lang])
            for lang in ("all", "en", "es")
        }
    Path(args.out).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
