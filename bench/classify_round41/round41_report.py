"""Stop 41 report: aggregates of one topic model on the test split (all its items, and the
1,189 items it held before the lumen dev half was pooled: the manifest at ``--base``) and on
the lumen check half (held back: never fitted, never read item by item).

    .venv/bin/python bench/classify_round41/round41_report.py MODEL.json [--base REV] [--topics-dir DIR]

(``--topics-dir``: the topic files the model was fitted on, when they are not the shipped ones:
a model only combines with the file version it records.)

Prints F1 per topic and language, negatives tagged and Brier as JSON; never an item.
"""

from __future__ import annotations

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
LUMEN = [DATA / f"classify_pool_lumen_{lang}.jsonl" for lang in ("en", "es")]


def aggregates(clf: Classifier, rows: list[dict[str, Any]]) -> dict[str, Any]:
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


def check_half() -> list[dict[str, Any]]:
    halves = json.loads((DATA / "classify_lumen_halves.json").read_text(encoding="utf-8"))
    check = set(halves["check"])
    rows = [json.loads(line) for path in LUMEN for line in path.read_text("utf-8").splitlines()]
    return [row for row in rows if row["id"] in check]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--base", default="main")
    parser.add_argument("--topics-dir", type=Path, default=None)
    args = parser.parse_args()
    clf = Classifier(load_topics(args.topics_dir), model=TopicModel.load(args.model))
    test = load_split(DATA)["test"]
    base = json.loads(
        subprocess.run(
            ["git", "show", f"{args.base}:tests/data/classify_split.json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    old = set(base["splits"]["test"])
    result = {
        "test_all": aggregates(clf, [i.row for i in test]),
        "test_old": aggregates(clf, [i.row for i in test if i.key in old]),
        "lumen_check": aggregates(clf, check_half()),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
