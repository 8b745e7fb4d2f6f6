"""Stop 49 (RULE.md): aggregates of main's shipped model and candidates A, B and C, never an
item. Round 47's script (imported) with this round's models, diffs and study sets.

    .venv/bin/python bench/classify_round49/figures_clround49.py test
    .venv/bin/python bench/classify_round49/figures_clround49.py study
    .venv/bin/python bench/classify_round49/figures_clround49.py judge fresh48 fresh48b
    .venv/bin/python bench/classify_round49/figures_clround49.py clauses

``study``: the check ids of every held-back set but this stop's judges (888 items, fresh47 and
fresh47b included). ``judge`` (``read_judge_clround49.sh``): the two judges and their rows
pooled. ``clauses`` (clauses 1 and 2 of RULE.md, for A, B and C) reads the three figure files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "classify_round47"))
import figures_clround47 as f47  # noqa: E402
import study_clround49  # noqa: E402, F401  (sets round 47's study script to this stop's judges)
from study_clround47 import held_rows  # noqa: E402

FL, BP = f47.FL, f47.BP
CANDIDATES = ("A", "B", "C")
f47.HERE = HERE
f47.MODELS = {"main": f47.MODELS["main"]} | {
    name: (HERE / f"candidate_{name.lower()}.json", HERE / f"candidate_{name.lower()}.diff")
    for name in CANDIDATES
}
_sets_for = f47.sets_for


def sets_for(what: str, stems: list[str]) -> dict[str, list[dict[str, Any]]]:
    if what == "study":
        rows = held_rows()
        return {f"held_back_study_{len(rows)}": rows}
    named: dict[str, list[dict[str, Any]]] = _sets_for(what, stems)
    return named


def _noise(main: dict[str, Any], cand: dict[str, Any]) -> dict[str, list[Any]]:
    """Clause 2 on one studied set: F1 within the noise allowance, negatives ≤ main's + 2."""
    fl, bp = (main[FL]["f1"], cand[FL]["f1"]), (main[BP]["f1"], cand[BP]["f1"])
    neg = (main["negatives_tagged"], cand["negatives_tagged"])
    return {
        "flights": [*fl, fl[1] >= fl[0] - 0.0031],
        "policy": [*bp, bp[1] >= bp[0] - 0.0043],
        "negatives": [*neg, neg[1] <= neg[0] + 2],
    }


def clauses() -> dict[str, Any]:
    figs = {
        w: json.loads((HERE / f"figures_{w}.json").read_text("utf-8"))
        for w in ("judge", "test", "study")
    }
    out: dict[str, Any] = {}
    for name in CANDIDATES:
        if not all(name in f for f in figs.values()):
            continue
        m, c = figs["judge"]["main"]["pooled"], figs["judge"][name]["pooled"]
        cells = {}
        for topic in (FL, BP):
            for lang in ("en", "es"):
                errs = [sum(x[topic][lang]["tp_fp_fn"][1:]) for x in (m, c)]
                cells[f"{topic}/{lang}"] = [*errs, errs[1] <= errs[0] + 1]
        res: dict[str, Any] = {
            "1a_mean": [m["mean_f1"], c["mean_f1"], c["mean_f1"] >= m["mean_f1"]],
            "1b_cells_errors": cells,
            "1c_negatives": [
                m["negatives_tagged"],
                c["negatives_tagged"],
                c["negatives_tagged"] <= m["negatives_tagged"] + 1,
            ],
        }
        for what in ("test", "study"):
            key = next(iter(figs[what]["main"]))
            res[f"2_{what}"] = _noise(figs[what]["main"][key], figs[what][name][key])
        res["1_and_2_pass"] = (
            res["1a_mean"][-1]
            and all(v[-1] for v in cells.values())
            and res["1c_negatives"][-1]
            and all(v[-1] for w in ("test", "study") for v in res[f"2_{w}"].values())
        )
        out[name] = res
    return out


f47.sets_for = sets_for
f47.clauses = clauses

if __name__ == "__main__":
    f47.main()
