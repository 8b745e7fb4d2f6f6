"""Stop 39 report: aggregates of one model on a split (dev or test), all items and the items
that split held before the border39 pool (the manifest of ``--base``, a git revision).

Usage: .venv/bin/python bench/classify_border39/border39_report.py MODEL.json SPLIT [--base main]
Prints F1 per topic and language, negatives tagged and Brier, as JSON; never an item.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "classify_round41"))
from round41_report import aggregates

DATA = Path("tests/data")


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
        "all": aggregates(clf, [i.row for i in items]),
        "old": aggregates(clf, [i.row for i in items if i.key in old]),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
