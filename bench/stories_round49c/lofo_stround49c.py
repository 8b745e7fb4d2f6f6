"""Stop 49's third stories round's leave-one-file-out measure of one code (main or A; ``RULE.md``).

    /work/main/.venv/bin/python bench/stories_round49c/lofo_stround49c.py main > lofo49c_main.txt
    .venv/bin/python bench/stories_round49c/lofo_stround49c.py A > lofo49c_A.txt

Round 49b's measure (``bench/stories_round49b/lofo_stround49b.py``: ``lofo.per_file`` over the 37
studied files, with the product code the running interpreter imports), writing
``lofo49c_<LABEL>.json`` here; then, against ``lofo49c_main.json`` when it exists, the files whose
F1 moved and whether any fell by more than one pair's worth (clause 1).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round49b"))

import lofo_stround49b

HERE = Path(__file__).resolve().parent


def compare(label: str) -> None:
    """Clause 1 of ``RULE.md``: the mean F1 against main's, every file's move."""
    mine = json.loads((HERE / f"lofo49c_{label}.json").read_text(encoding="utf-8"))
    main = json.loads((HERE / "lofo49c_main.json").read_text(encoding="utf-8"))
    n = len(main)
    means = [sum(f[k]["f1"] for k in f) / n for f in (main, mine)]
    print(f"\nmean F1: main {means[0]:.4f}, {label} {means[1]:.4f}")
    down = []
    for name in sorted(main):
        before, after, worth = main[name]["f1"], mine[name]["f1"], 1 / main[name]["pairs"]
        if abs(after - before) > 1e-9:
            flag = "DOWN beyond one pair" if before - after > worth else ""
            print(f"{name}: {before:.4f} -> {after:.4f} (one pair {worth:.4f}) {flag}")
            if flag:
                down.append(name)
    holds = means[1] >= means[0] and not down
    print(f"clause 1 holds: {holds}")


def main() -> None:
    label = sys.argv[1]
    lofo_stround49b.HERE = HERE  # its output, renamed below, written into this round's folder
    lofo_stround49b.main()
    (HERE / f"lofo49b_{label}.json").rename(HERE / f"lofo49c_{label}.json")
    if label != "main":
        compare(label)


if __name__ == "__main__":
    main()
