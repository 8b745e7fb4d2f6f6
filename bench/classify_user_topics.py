"""Classifier core throughput with 0, 10, 100 ... user topics (issue #12: many user topics).

The items and timing are bench/classify_core.py's (the corpus news feeds mixed with the
dev set, cycled; best of ``--rounds``). The user topics are half boolean queries (the
README's and docs/classify.md's examples and a few of the same shape, renamed per copy)
and half "more like this" topics: each the ``ATLEAST/n`` query of 10 random corpus items
naming one subject (Trump, iPhone, climate...), as ``wirewatch topics add --like`` derives it.

Run under the bench lock: flock /tmp/bench.lock .venv/bin/python bench/classify_user_topics.py
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from wirewatch_classify.engine import Classifier, UserTopic
from wirewatch_classify.like import TooFewExamplesError, like_query

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify_core import corpus_items, cycle, dev_items, timed

QUERIES = (
    '("Darién" OR "Darien Gap") AND migra* NOT tourism',
    '"small boats" NEAR/4 Channel',
    "pateras OR cayucos OR lanchas",
    "Lampedusa AND (migra* OR rescat*)",
    '"Title 42" OR "Title 8"',
    "asylum NEAR/3 (court OR judge OR ruling)",
    'Frontex AND ("push back*" OR pushback*)',
    "ATLEAST/2 (visa* asylum border* frontera)",
)


SUBJECTS = ("trump", "putin", "iphone", "google", "election", "android", "climate", "syria")


def like_topics(items: list[tuple[str, str]], count: int, seed: int) -> list[str]:
    """Each from 10 random items that name one subject (a user's examples share one)."""
    rng = random.Random(seed)
    out: list[str] = []
    for k in range(count):
        word = SUBJECTS[k % len(SUBJECTS)]
        pool = [i for i in items if word in f"{i[0]} {i[1]}".lower()]
        try:
            out.append(like_query(rng.sample(pool, 10)))
        except TooFewExamplesError:  # pragma: no cover - every subject shares words
            continue
    return out


def user_topics(items: list[tuple[str, str]], count: int) -> list[UserTopic]:
    queries = [QUERIES[k % len(QUERIES)] for k in range(count - count // 2)]
    queries += like_topics(items, count // 2, seed=count)
    return [UserTopic.from_query(f"user-{k}", q) for k, q in enumerate(queries)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--topics", default="0,10,100")
    args = parser.parse_args()
    base = Classifier.load()
    corpus = corpus_items()
    mixed = cycle(corpus + dev_items(), args.items)
    for count in (int(c) for c in args.topics.split(",")):
        classifier = base.with_user_topics(user_topics(corpus, count))

        def classify(item: tuple[str, str], c: Classifier = classifier) -> object:
            return c.classify(item[0], item[1], None)

        timed(classify, mixed[:5000])  # warm the token memo, as a running service would be
        rate = max(timed(classify, mixed) for _ in range(args.rounds))
        tagged = sum(
            1
            for t, s in mixed[:10_000]
            if any(m.topic.startswith("user-") for m in classifier.classify(t, s, None)[0])
        )
        print(
            f"{count:4d} user topics: {rate:,.0f} items/s "
            f"({tagged / 100:.1f}% of items tagged by a user topic)"
        )


if __name__ == "__main__":
    main()
