"""Stop 43 report: aggregates of one topic model (with the topic files it was fitted on) on
the test split (1,189 items), the vigil43 check half (44 items, a judge: never read item by
item), the vigil43 dev half (46, read to write rules: reported, not a judge) and the whole
lumen set (80, held back whole since stop 41, never fitted by any shipped model).

    .venv/bin/python bench/classify_round43/round43_report.py MODEL.json [--topics-dir DIR]

Prints, per set, F1 per topic and language, TP/FP/FN, the F1 one more error would cost
("one item's worth", the bar of RULE.md), negatives tagged and Brier, as JSON; never an item.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.evaluation import evaluate
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

DATA = Path("tests/data")
HALVES = Path(__file__).with_name("classify_vigil43_halves.json")


def rows_of(stem: str) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for lang in ("en", "es")
        for line in (DATA / f"{stem}_{lang}.jsonl").read_text("utf-8").splitlines()
    ]


def aggregates(clf: Classifier, rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = evaluate(clf, rows)
    out: dict[str, Any] = {
        "items": report.items,
        "negatives_tagged": report.negatives_tagged,
        "negatives": report.negatives,
    }
    f1s = []
    for topic in report.topics:
        counts = report.per_topic[topic]
        tp, fp, fn = counts.tp, counts.fp, counts.fn
        worth = counts.f1 - 2 * tp / (2 * tp + fp + fn + 1) if tp else 0.0
        out[topic] = {
            "f1": round(counts.f1, 4),
            "tp_fp_fn": [tp, fp, fn],
            "one_item": round(worth, 4),
            "brier": round(report.brier(topic), 4),
        }
        f1s.append(counts.f1)
        for (t, lang), lang_counts in sorted(report.per_language.items()):
            if t == topic:
                out[topic][lang] = round(lang_counts.f1, 4)
    out["mean_f1"] = round(sum(f1s) / len(f1s), 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--topics-dir", type=Path, default=None)
    args = parser.parse_args()
    clf = Classifier(load_topics(args.topics_dir), model=TopicModel.load(args.model))
    halves = json.loads(HALVES.read_text(encoding="utf-8"))
    vigil = rows_of("classify_pool_vigil43")
    result = {
        "test": aggregates(clf, [i.row for i in load_split(DATA)["test"]]),
        "vigil43_check": aggregates(clf, [r for r in vigil if r["id"] in set(halves["check"])]),
        "vigil43_dev": aggregates(clf, [r for r in vigil if r["id"] in set(halves["dev"])]),
        "lumen_all": aggregates(clf, rows_of("classify_pool_lumen")),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
