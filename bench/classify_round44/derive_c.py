"""Stop 44 candidate C (RULE.md): candidate A's model with each topic's reporting threshold
re-chosen on A's out-of-fold stack scores of the fitted items (judge-free; no refit).

    .venv/bin/python bench/classify_round44/derive_c.py OOF.json candidate_a.json candidate_c.json

The threshold in {0.50, 0.55, ..., 0.80} with the best out-of-fold F1, no margin over 0.5
(ties: the one nearest 0.5). Prints each topic's out-of-fold F1 per threshold (fitted items
only) and the choice.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_classify.training import threshold_f1

GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def main() -> None:
    oof_path, a_path, c_path = (Path(p) for p in sys.argv[1:4])
    oof = json.loads(oof_path.read_text("utf-8"))
    model = json.loads(a_path.read_text("utf-8"))
    for topic, rec in oof.items():
        f1s = {t: threshold_f1(rec["scores"], rec["y"], t) for t in GRID}
        best = max(GRID, key=lambda t: (f1s[t], -abs(t - 0.5)))
        print(topic, "A chose", rec["chosen"], "out-of-fold F1", f1s, "-> C", best)
        model["stack"][topic]["threshold"] = best
    model["card"]["threshold_choice"] = (
        "stop 44 candidate C: best out-of-fold F1 over 0.50-0.80, no margin (derive_c.py)"
    )
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n"
    c_path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
