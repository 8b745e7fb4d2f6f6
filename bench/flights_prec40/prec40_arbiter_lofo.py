"""Stop 38's record/no-record arbiter study re-run with ridgeline released (issue 15, stop 40).

``bench/flights_prec38/prec38_arbiter_lofo.py`` unchanged (its features, C grid, threshold rule
chosen inside each fold, leave-one-file-out, and the stop-38 bar of
bench/flights_prec38/README.md), on its 27 released files plus ``flights_ridgeline.jsonl``:
the honest records of the 27 are ``bench/flights_honest``'s, ridgeline's are main ``ffecbbb``'s
(``prec40_ridgeline_cues.json``, the extractor before the file was added). Only the item
source is swapped; nothing else of the study moves. ``--only27`` re-runs stop 38's 27 files
with today's code (the reproduction check). Never a judge.

    .venv/bin/python -W ignore bench/flights_prec40/prec40_arbiter_lofo.py [--words] [--only27]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "flights_prec38"))

import prec38_arbiter_lofo as study  # noqa: E402
import prec38_honest as honest  # noqa: E402

RIDGELINE = HERE / "prec40_ridgeline_cues.json"


def items() -> Iterator[honest.Item]:
    yield from honest.items()
    if "--only27" in sys.argv:
        return
    cues: dict[str, Any] = json.loads(RIDGELINE.read_text(encoding="utf-8"))
    for name, entry in cues.items():
        if name in honest.NEVER:
            raise SystemExit(f"{name} is a judge")
        rows = {r["id"]: r for r in entry["items"]}
        for line in (honest.DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                yield honest.Item(name, obj, rows[obj["id"]])


if __name__ == "__main__":
    # the one change: the item source (main() reads the module global)
    study.items = items  # type: ignore[attr-defined]
    study.main()
