"""Honest dev for stop 33: fit on the train split alone, score dev (never test, never a judge).

Usage: .venv/bin/python bench/classify_vocab33/train_only.py OUT_MODEL.json
Prints the dev report of the rules as they are in the worktree with that train-only model.
"""

import sys
from pathlib import Path

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import evaluate, format_report
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics
from wirewatch_classify.training import train


def main() -> None:
    out = Path(sys.argv[1])
    if not out.exists():
        train(Path("tests/data"), out, fit_on=("train",), background=Path("../shared/corpus/feeds"))
    clf = Classifier(load_topics(), model=TopicModel.load(out))
    rows = [i.row for i in load_split(Path("tests/data"))["dev"]]
    print(format_report(evaluate(clf, rows)))


if __name__ == "__main__":
    main()
