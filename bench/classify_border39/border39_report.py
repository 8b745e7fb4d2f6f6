"""Stop 39 report: aggregates of one model on a split (dev or test), all items and the items
that split held before the border39 pool (the manifest of ``--base``, a git revision).

Usage: .venv/bin/python bench/classify_border39/border39_report.py MODEL.json SPLIT [--base main]
Prints F1 per topic and language, negatives tagged and Brier, as JSON; never an item.
"""

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import evaluate
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

DATA = Path("tests/data")


def _aggregates(clf: Classifier, rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = evaluate(clf, rows)
    out: dict[str, Any] = {
        "items": report.items,
        "negatives_tagged": report.negatives_tagged,
        "negatives": report.negatives,
    }
    for topic in report.topics:
        out[topic] = {
            "f1": round(report.per_topic[topic].f1, 4),
            "brier": round(report.brier(topic), 4),
        }
        for (t, lang), counts in sorted(report.per_language.items()):
            if t == topic:
                out[topic][lang] = round(counts.f1, 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("split", choices=("dev", "test"))
    parser.add_argument("--base", default="main")
    args = parser.parse_args()
    clf = Classifier(load_topics(), model=TopicModel.load(args.model))
    items = load_split(DATA)[args.split]
    base = json.loads(
        subprocess.run(
            ["git", "show", f"{args.base}:tests/data/classify_split.json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    old = set(base["splits"][args.split])
    result = {
        "all": _aggregates(clf, [i.row for i in items]),
        "old": _aggregates(clf, [i.row for i in items if i.key in old]),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
