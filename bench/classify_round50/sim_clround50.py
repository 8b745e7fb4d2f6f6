"""Stop 50 (RULE.md): a candidate's rules read by main's fitted stack, before any training.

    .venv/bin/python bench/classify_round50/sim_clround50.py DIR [--list]

DIR holds the candidate's topic files with ``version`` left at main's, so the classifier
keeps main's model and stacks and only the rule views change (an approximation of the
retrained model: the stack is refitted by training). Study sets only (study_clround50's:
train, dev, classify_dev.jsonl, the check ids of every held-back set but the judges). Prints
per study part the flights and border-policy tags gained and lost against main, by label, and
with ``--list`` each changed item (study items may be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from wirewatch_classify.engine import Classifier
from wirewatch_classify.topicdef import load_topics

sys.path.insert(0, str(Path(__file__).resolve().parent))
import study_clround50  # noqa: F401  (sets round 47's study script to this stop's judges)
from study_clround47 import study_rows

FL, BP = "repatriation-flights", "border-policy"


def tags(clf: Classifier, row: dict[str, object]) -> set[str]:
    matches, _ = clf.classify(str(row.get("title", "")), str(row.get("summary", "")), None)
    return {m.topic for m in matches}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("topics_dir", type=Path)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    base = Classifier.load(None)
    model = base.model
    cand = Classifier(load_topics(args.topics_dir), model=model)
    tally: dict[str, Counter[str]] = {}
    for row in study_rows(["train", "dev", "dev_file", "held"]):
        where = row["_set"] if row["_set"] in ("train", "dev", "dev_file") else "held"
        before, after = tags(base, row), tags(cand, row)
        labels = set(row.get("labels") or [])
        for topic in (FL, BP):
            if (topic in before) == (topic in after):
                continue
            change = "gain" if topic in after else "loss"
            kind = "pos" if topic in labels else ("neg" if not labels else "other")
            tally.setdefault(where, Counter())[f"{topic[:7]} {change} {kind}"] += 1
            if args.list:
                print(f"{topic[:7]} {change} {kind}\t{row['_set']}\t{row.get('title')}")
    print(json.dumps({k: dict(v) for k, v in tally.items()}, indent=1))


if __name__ == "__main__":
    main()
