"""Stop 50 (RULE.md, outcome): candidate C on the judges, read once, after main, A and B were
read in the first session (C's training ended after it); aggregates only, merged into
``figures_judge.json`` beside the first session's rows (main, A and B are not read again).

    .venv/bin/python bench/classify_round50/judge_c_clround50.py fresh49 fresh49b
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "classify_round47"))
import figures_clround47 as f47  # noqa: E402
import figures_clround50  # noqa: E402, F401  (points round 47's figures at this round's models)


def main() -> None:
    clf = f47.classifier("C")
    if clf is None:
        raise SystemExit("candidate_c.json absent")
    sets = f47.sets_for("judge", sys.argv[1:])
    rows = {key: f47.aggregates(clf, items) for key, items in sets.items()}
    for key, agg in rows.items():
        print(f47.one_line("C", key, agg))
    path = HERE / "figures_judge.json"
    figures = json.loads(path.read_text("utf-8"))
    figures["C"] = rows
    path.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
