"""Stop 44 report: aggregates of one topic model (with the topic files it was fitted on), never
an item.

    .venv/bin/python bench/classify_round44/round44_report.py MODEL.json [--topics-dir DIR] \
        [--set STEM ...]

Without ``--set``: main's 1,189 test items (``split_main.json``: the comparison of RULE.md),
the items the candidates' split (``split_a.json``: the 350 held-back items pooled) adds to
test (66 pooled items, never fitted by main: reported apart), the two judges vigil43 (90) and
lumen (80), held back whole, and the two judges pooled (item-weighted). With ``--set``: only
the named sets, each STEM read as ``tests/data/STEM.jsonl``, else ``tests/data/STEM_*.jsonl``, else
``tests/data/classify_pool_STEM_*.jsonl`` (so ``--set vigil43`` and
``--set classify_pool_vigil43`` are the same), and, if more than one, their pool.

Per set, as JSON: items, negatives tagged, and per topic F1 (and per language), TP/FP/FN, the
F1 one more error would cost (``one_item``: the bar of RULE.md) and Brier; the mean F1 of the
two topics; whether the model's stack was fitted on these topic files' versions.
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
HERE = Path(__file__).parent
MAIN_SPLIT = HERE / "split_main.json"
POOLED_SPLIT = HERE / "split_a.json"
JUDGES = ("vigil43", "lumen")


FLIGHTS, POLICY = "repatriation-flights", "border-policy"


def linked_dir(out: Path, skip: set[str]) -> None:
    """``out`` holds a symlink to every file of tests/data except the names in ``skip``
    (stops 45 and 46 build their candidate data dirs with it)."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(DATA.iterdir()):
        if path.is_file() and path.name not in skip and not (out / path.name).exists():
            (out / path.name).symlink_to(path.resolve())


def judge_cells(label: str, row: dict[str, Any]) -> list[str]:
    """One judge table row of stops 45 and 46: per topic F1 (en / es) and TP/FP/FN, mean F1,
    negatives tagged, Brier."""
    cells = [label]
    for topic in (FLIGHTS, POLICY):
        t = row[topic]
        tp, fp, fn = t["tp_fp_fn"]
        cells.append(f"{t['f1']:.4f} ({t.get('en', 0):.4f} / {t.get('es', 0):.4f}), {tp}/{fp}/{fn}")
    return [
        *cells,
        f"{row['mean_f1']:.4f}",
        f"{row['negatives_tagged']}/{row['negatives']}",
        f"{row[FLIGHTS]['brier']:.4f} / {row[POLICY]['brier']:.4f}",
    ]


def set_files(stem: str) -> list[Path]:
    for pattern in (f"{stem}.jsonl", f"{stem}_*.jsonl", f"classify_pool_{stem}_*.jsonl"):
        found = sorted(DATA.glob(pattern))
        if found:
            return found
    raise SystemExit(f"no labelled file for set {stem!r} under {DATA}")


def rows_of(stem: str) -> list[dict[str, Any]]:
    rows = []
    for path in set_files(stem):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if isinstance(row, dict) and isinstance(row.get("labels"), list):
                rows.append(row)
    return rows


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
        for (t, lang), lang_counts in sorted(report.per_language.items()):
            if t == topic:
                out[topic][lang] = round(lang_counts.f1, 4)
        f1s.append(counts.f1)
    out["mean_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    return out


def default_sets(clf: Classifier) -> dict[str, Any]:
    main_test = load_split(DATA, MAIN_SPLIT)["test"]
    current = load_split(DATA, POOLED_SPLIT)["test"]
    old = {item.key for item in main_test}
    judges = {name: rows_of(name) for name in JUDGES}
    return {
        "test_main_1189": aggregates(clf, [i.row for i in main_test]),
        "test_pooled_apart": aggregates(clf, [i.row for i in current if i.key not in old]),
        **{name: aggregates(clf, rows) for name, rows in judges.items()},
        "judges_pooled": aggregates(clf, [r for rows in judges.values() for r in rows]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--topics-dir", type=Path, default=None)
    parser.add_argument(
        "--set", dest="sets", action="extend", nargs="+", default=[], metavar="STEM"
    )
    args = parser.parse_args()
    topics = load_topics(args.topics_dir)
    model = TopicModel.load(args.model)
    clf = Classifier(topics, model=model)
    stacks = json.loads(args.model.read_text("utf-8"))["stack"]
    result: dict[str, Any] = {
        "model": str(args.model),
        "rules_versions_match": all(
            stacks.get(t.topic, {}).get("rules_version") == t.version for t in topics
        ),
    }
    if args.sets:
        named = {stem: rows_of(stem) for stem in args.sets}
        result |= {stem: aggregates(clf, rows) for stem, rows in named.items()}
        if len(named) > 1:
            result["pooled"] = aggregates(clf, [r for rows in named.values() for r in rows])
    else:
        result |= default_sets(clf)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
