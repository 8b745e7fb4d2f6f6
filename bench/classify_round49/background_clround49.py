"""Stop 49 (RULE.md): the corpus background negatives (``training.background_items``) of main's
topic files against a candidate's, before any training is read: when they are the same items,
the candidate's n-gram models are main's and only the changed topic's stack is refitted.

    .venv/bin/python bench/classify_round49/background_clround49.py DIR [DIR ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_classify.engine import Classifier
from wirewatch_classify.topicdef import load_topics
from wirewatch_classify.training import background_items

FEEDS = Path("../shared/corpus/feeds")


def keys(topics_dir: Path | None) -> set[str]:
    return {item.key for item in background_items(FEEDS, Classifier(load_topics(topics_dir)))}


def main() -> None:
    base = keys(None)
    print(f"main: {len(base)} background negatives")
    for arg in sys.argv[1:]:
        other = keys(Path(arg))
        extra, missing = len(other - base), len(base - other)
        print(f"{arg}: {len(other)}; not in main {extra}, main's not here {missing}")


if __name__ == "__main__":
    main()
