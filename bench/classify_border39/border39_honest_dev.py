"""Honest dev for stop 39: fit on the train split alone, score dev (never test, never a judge).

Usage: .venv/bin/python bench/classify_border39/border39_honest_dev.py OUT_MODEL.json [ERRORS.jsonl]
Prints the dev report (rules of the worktree + that train-only model); writes every dev item
whose border-policy tag is wrong (either way), with both topics' scores, to ERRORS.jsonl.
"""

import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import Item, load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import evaluate, format_report
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics
from wirewatch_classify.training import train

DATA = Path("tests/data")
TOPIC = "border-policy"


def _error_row(clf: Classifier, item: Item) -> dict[str, Any] | None:
    """The item's row if its border-policy tag is wrong (either way), else None."""
    matches, _ = clf.classify(item.title, item.summary, item.lang)
    tagged = {m.topic: m for m in matches}
    if (TOPIC in tagged) == (TOPIC in item.labels):
        return None
    scores = clf.topic_scores(item.title, item.summary)
    return {
        "key": item.key,
        "lang": item.lang,
        "labels": list(item.labels),
        "tagged": {t: round(m.score, 3) for t, m in tagged.items()},
        "scores": {t: round(s, 3) for t, s in scores.items()},
        "rules": [f"{m.topic}:{r}" for m in matches for r in m.rules],
        "title": item.title,
        "summary": item.summary[:400],
    }


def main() -> None:
    out = Path(sys.argv[1])
    if not out.exists():
        train(DATA, out, fit_on=("train",), background=Path("../shared/corpus/feeds"))
    clf = Classifier(load_topics(), model=TopicModel.load(out))
    dev = load_split(DATA)["dev"]
    print(format_report(evaluate(clf, [i.row for i in dev]), misses=False))
    if len(sys.argv) < 3:
        return
    rows = [row for item in dev if (row := _error_row(clf, item)) is not None]
    Path(sys.argv[2]).write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8"
    )


if __name__ == "__main__":
    main()
