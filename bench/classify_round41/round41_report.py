"""Stop 41 report: aggregates of one topic model on the test split (all its items, and the
1,189 items it held before the lumen dev half was pooled: the manifest at ``--base``) and on
the lumen check half (held back: never fitted, never read item by item) and the whole lumen set
(only informative for a model that did not fit its dev half).

    .venv/bin/python bench/classify_round41/round41_report.py MODEL.json
        [--base REV] [--topics-dir DIR]

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


CHECK_IDS = Path(__file__).with_name("lumen_check_ids.json")


def lumen_rows(check_only: bool) -> list[dict[str, Any]]:
    """The lumen set, or its check half (the 41 ids of the seeded split, lumen_halves.py)."""
    check = set(json.loads(CHECK_IDS.read_text(encoding="utf-8"))["check"])
    rows = [json.loads(line) for path in LUMEN for line in path.read_text("utf-8").splitlines()]
    return [row for row in rows if row["id"] in check or not check_only]


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
        "lumen_check": aggregates(clf, lumen_rows(check_only=True)),
        "lumen_all": aggregates(clf, lumen_rows(check_only=False)),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
