"""The lead's check after stop 54's merges: main's LOFO with every fold refit on the code it
evaluates (``FIGURES_S`` at 72 h, main before stround54's A, or 96 h, A's final form).

    cd bench/stories_round54 && ../../.venv/bin/python refit_lead54.py 72   # or 96

Round 54's clause 1 fitted each fold with A off (main-fit folds), which is how the shipped,
frozen table relates to A; this asks what a refit of the table with A on would give.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent


def main() -> None:
    hours = sys.argv[1]
    scoring.FIGURES_S = float(hours) * 3600.0
    vars(scoring)["ROUND_REFIT"] = ""  # no switch: both sides are the code as it is
    lofo.run_round(
        "main",
        (scoring, "ROUND_REFIT"),
        HERE / f"lofo54_refit_{hours}h.json",
        HERE / "lofo54_main.json",
        studied=47,
        present=("fresh52", "fresh52b"),
        absent=("fresh53", "fresh54"),
    )


if __name__ == "__main__":
    main()
