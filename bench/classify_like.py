"""How well a topic defined by example items finds its topic (issue #12's "more like this").

For each shipped topic and example count, examples are drawn at random (five seeds) from
the train split's items carrying the topic; the derived ``ATLEAST/n`` query then classifies
the chosen split (dev by default; the test split only for reporting) as a user topic, and
precision, recall and F1 against the topic's labels are printed (mean and range over
seeds). No shipped rule or model is involved: the user topic alone decides.

    python bench/classify_like.py [--split dev|test] [--counts 10,20,40]
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from wirewatch_classify.dataset import Item, load_split
from wirewatch_classify.engine import Classifier, UserTopic
from wirewatch_classify.like import like_query

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TOPICS = ("repatriation-flights", "border-policy")
SEEDS = 5


def _scores(query: str, items: list[Item], topic: str) -> tuple[float, float, float]:
    classifier = Classifier([], user_topics=[UserTopic.from_query("like", query)])
    tp = fp = fn = 0
    for item in items:
        matches, _ = classifier.classify(item.title, item.summary)
        found = any(m.topic == "like" for m in matches)
        wanted = topic in item.labels
        tp += found and wanted
        fp += found and not wanted
        fn += wanted and not found
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--counts", default="10,20,40")
    args = parser.parse_args()
    splits = load_split(DATA)
    items = splits[args.split]
    print(f"{args.split}: {len(items)} items")
    for topic in TOPICS:
        pool = [(i.title, i.summary) for i in splits["train"] if topic in i.labels]
        for count in (int(c) for c in args.counts.split(",")):
            runs = []
            for seed in range(SEEDS):
                query = like_query(random.Random(seed).sample(pool, count))
                runs.append(_scores(query, items, topic))
            p, r, f = (statistics.mean(x) for x in zip(*runs, strict=True))
            lo, hi = min(x[2] for x in runs), max(x[2] for x in runs)
            print(
                f"{topic:22} {count:3} examples: P {p:.3f} R {r:.3f} F1 {f:.3f} ({lo:.3f}-{hi:.3f})"
            )
            print(f"    seed 0: {like_query(random.Random(0).sample(pool, count))}")


if __name__ == "__main__":
    main()
