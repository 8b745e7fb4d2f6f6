"""Classifier output identity: a digest of everything the classifier says about real items.

For a speed change that must not change any output. Every item with a title of every
``tests/data/*.jsonl`` (the classify sets, and the flights and stories sets: more real
news), plus the news feeds of the local corpus (as in ``bench/classify_core.py``), is
classified by

- ``Classifier.classify`` (topics, exact scores, rules, evidence with spans, entities),
  twice over the whole list: with cold per-token memos, then warm;
- the same classifier with a few user topics (queries, NEAR, ATLEAST, NOT, prefixes);
- ``topic_scores`` and ``rule_views`` (what evaluation and training read).

The process runs with ``PYTHONHASHSEED=0`` unless another seed is set (it re-executes
itself so): set iteration
order, and so the last bits of the model's float sums, depends on string hashing.
Nothing about labels is read or printed: only a SHA-256 per source of the outputs'
canonical JSON. Run it with main's code and with a branch's, and compare:

    PYTHONPATH=/path/to/main/services/classify .venv/bin/python bench/classify_identity.py \
        --write bench/classify_identity_golden.json          # main's code, once
    .venv/bin/python bench/classify_identity.py --check bench/classify_identity_golden.json

The golden file is only valid for the topic files and model it was computed with: a
rule or model change changes the outputs on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from wirewatch_classify.engine import Classifier, UserTopic

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify_core import corpus_items
from wirewatch_flights.training import JUDGES as FLIGHTS_JUDGES

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"

USER_TOPICS = (
    ("deport-near", "deport* NEAR/4 (flight OR vuelo* OR plane)"),
    ("asylum-not-court", "asylum NOT court"),
    ("at-least", 'ATLEAST/2 (border frontera asylum asilo "migrants" ICE)'),
    ("phrase-and", '"border patrol" AND (=ICE OR migrants)'),
    ("numbers", "# NEAR/2 (deportees OR deportados OR migrants OR migrantes)"),
)


# Never-seen judge sets are read by the lead alone, so no study tool touches them.
# The stories judges are bench/stories_learned/common.py's JUDGES (not importable here:
# mypy reads that folder as its own package).
# Since stop 46 the flights judges include fresh45 and fresh46 (training.JUDGES), and the
# stories judges are fresh45 and fresh46 (the older five were released for study).
JUDGE_FILES = FLIGHTS_JUDGES | {
    "stories_fresh45.jsonl",
    "stories_fresh46.jsonl",
    "stories_fresh47a.jsonl",
    "stories_fresh47b.jsonl",
    "stories_fresh48.jsonl",
    "stories_fresh48b.jsonl",
    "stories_fresh49.jsonl",
    "stories_fresh49b.jsonl",
    "stories_fresh50.jsonl",
    "stories_fresh50b.jsonl",
    "stories_fresh51.jsonl",
    "stories_fresh51b.jsonl",
    "stories_fresh52.jsonl",
    "stories_fresh52b.jsonl",
    "stories_fresh53.jsonl",
    "stories_fresh54.jsonl",
    "classify_pool_halcyon_en.jsonl",
    "classify_pool_halcyon_es.jsonl",
    "classify_pool_ember_en.jsonl",
    "classify_pool_ember_es.jsonl",
    "classify_pool_gloaming_en.jsonl",
    "classify_pool_gloaming_es.jsonl",
    "classify_pool_fresh45_en.jsonl",
    "classify_pool_fresh45_es.jsonl",
    "classify_pool_fresh46_en.jsonl",
    "classify_pool_fresh46_es.jsonl",
    "classify_pool_fresh47_en.jsonl",
    "classify_pool_fresh47_es.jsonl",
    "classify_pool_fresh47b_en.jsonl",
    "classify_pool_fresh47b_es.jsonl",
    "classify_pool_fresh48_en.jsonl",
    "classify_pool_fresh48_es.jsonl",
    "classify_pool_fresh48b_en.jsonl",
    "classify_pool_fresh48b_es.jsonl",
    "classify_pool_fresh49_en.jsonl",
    "classify_pool_fresh49_es.jsonl",
    "classify_pool_fresh49b_en.jsonl",
    "classify_pool_fresh49b_es.jsonl",
    "classify_pool_fresh50_en.jsonl",
    "classify_pool_fresh50_es.jsonl",
    "classify_pool_fresh50b_en.jsonl",
    "classify_pool_fresh50b_es.jsonl",
    "classify_pool_fresh51_en.jsonl",
    "classify_pool_fresh51_es.jsonl",
    "classify_pool_fresh51b_en.jsonl",
    "classify_pool_fresh51b_es.jsonl",
    "classify_pool_fresh52_en.jsonl",
    "classify_pool_fresh52_es.jsonl",
    "classify_pool_fresh52b_en.jsonl",
    "classify_pool_fresh52b_es.jsonl",
    "classify_pool_fresh53_en.jsonl",
    "classify_pool_fresh53_es.jsonl",
    "classify_pool_fresh54_en.jsonl",
    "classify_pool_fresh54_es.jsonl",
}


def data_items() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name in JUDGE_FILES:
            continue
        items: list[tuple[str, str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "title" in row:
                items.append((row.get("title") or "", row.get("summary") or ""))
        if items:
            yield path.name, items


def classify_outputs(classifier: Classifier, items: Sequence[tuple[str, str]]) -> list[object]:
    out: list[object] = []
    for title, summary in items:
        matches, entities = classifier.classify(title, summary, None)
        out.append([[m.model_dump(mode="json") for m in matches], entities.model_dump(mode="json")])
    return out


def digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compute() -> dict[str, str]:
    sources = list(data_items())
    corpus = corpus_items()
    if corpus:
        sources.append(("feed corpus", corpus))
    everything = [item for _, items in sources for item in items]
    classifier = Classifier.load()
    result: dict[str, str] = {}
    # Cold memos: each source in turn, as the first pass over a fresh process.
    for name, items in sources:
        result[f"classify cold: {name}"] = digest(classify_outputs(classifier, items))
    result["classify warm: all"] = digest(classify_outputs(classifier, everything))
    users = classifier.with_user_topics(UserTopic.from_query(n, q) for n, q in USER_TOPICS)
    result["classify with user topics: all"] = digest(classify_outputs(users, everything))
    result["topic_scores: all"] = digest([classifier.topic_scores(t, s) for t, s in everything])
    result["rule_views: all"] = digest([classifier.rule_views(t, s) for t, s in everything])
    result["items"] = str(len(everything))
    return result


def main() -> None:
    if os.environ.get("PYTHONHASHSEED", "random") == "random":
        # The model's logits sum per-token rows in set order, which string hashing
        # (random per process) decides: the last bits of unrounded scores vary
        # between runs of the same code unless the seed is fixed.
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests to this JSON file")
    group.add_argument("--check", type=Path, help="compare with the digests in this file")
    args = parser.parse_args()
    found = compute()
    if args.write:
        args.write.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
        print(f"{len(found) - 1} digests over {found['items']} items written to {args.write}")
        return
    golden = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [k for k in sorted(set(golden) | set(found)) if golden.get(k) != found.get(k)]
    for key in differ:
        print(f"DIFFERS: {key}")
    print(
        f"{len(found) - 1 - len(differ)} of {len(found) - 1} digests identical "
        f"over {found['items']} items"
    )
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
