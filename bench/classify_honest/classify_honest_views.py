"""Honest rules views of the classify training items (issue 12, stop 32).

The stack of the topic model (``training.fit_stack``) reads the rules' view of every fitted
item: the positive and negative rule sums, the hard-negative flag and the ``core`` flag. The
rules were hand-tuned on those very items, so with the *current* rules the view is in-sample
and flatters the rules. This script reconstructs, for every train and dev item of the split
manifest, the view of the rules *as they were before the item was added to the data*: the
topic files at the parent of the first commit in which the item's id appears in its file,
loaded with the current engine (the topic-file format never changed, so every historical
file loads as is). Those rules had never seen the item.

Items that entered the data before any topic file existed (``classify_dev.jsonl``, added
before the first rules, which were written on it) have no honest view: they are listed with
``"view": null`` and the stack is fitted without them.

The test split and the held-back sets are never read (only the train and dev keys of the
manifest are looked up). Output: ``classify_honest_views.json`` beside this script, read by
``classify_honest_stack.py`` (stop 32: measured, not adopted; the shipped training does not
read it). Regenerate with

    .venv/bin/python bench/classify_honest/classify_honest_views.py

(deterministic: only git history and the data files are read; ~30 s).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import Item, load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.topicdef import load_topic_file
from wirewatch_classify.training import CORES, GATES, title_only

REPO = Path(__file__).resolve().parents[2]
DATA = Path("tests/data")
TOPICS = "services/classify/wirewatch_classify/topics"
OUT = REPO / "bench" / "classify_honest" / "classify_honest_views.json"
FITTED = ("train", "dev")
"""Only these splits are read: never the test split nor the held-back sets."""


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True
    ).stdout


def ids_in(text: str) -> set[str]:
    out: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and row.get("id"):
            out.add(str(row["id"]))
    return out


def first_commits(stem: str, wanted: set[str]) -> dict[str, str]:
    """id -> the first commit (oldest first, parents before children) whose version of
    ``tests/data/<stem>.jsonl`` holds it. Renames are followed."""
    log = git(
        "log",
        "--reverse",
        "--topo-order",
        "--follow",
        "--name-only",
        "--format=%H",
        "--",
        str(DATA / f"{stem}.jsonl"),
    )
    found: dict[str, str] = {}
    commit = ""
    for line in log.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) == 40 and all(c in "0123456789abcdef" for c in line):
            commit = line
            continue
        try:
            text = git("show", f"{commit}:{line}")
        except subprocess.CalledProcessError:
            continue  # deleted in this commit
        for item_id in ids_in(text) & wanted:
            found.setdefault(item_id, commit)
        if len(found) == len(wanted):
            break
    return found


def rules_at(commit: str, cache: dict[str, Classifier | None]) -> tuple[str, Classifier | None]:
    """The tree of the topic files at ``commit`` and the rules-only classifier over them
    (None when there were no topic files yet)."""
    try:
        tree = git("rev-parse", f"{commit}:{TOPICS}").strip()
    except subprocess.CalledProcessError:
        return "", None
    if tree not in cache:
        with tempfile.TemporaryDirectory() as tmp:
            specs = []
            for name in git("ls-tree", "--name-only", tree).split():
                if not name.endswith((".yaml", ".yml")):
                    continue
                path = Path(tmp) / name
                path.write_text(git("show", f"{tree}:{name}"), encoding="utf-8")
                specs.append(load_topic_file(path))
        cache[tree] = Classifier(specs)
    return tree, cache[tree]


def view_of(rules: Classifier, item: Item) -> dict[str, Any]:
    """Per topic [positive sum, negative sum, excluded, core, rules-alone score, rules-alone
    tag, gated] (gated: a gate group of ``training.GATES`` occurs, so the model reads it)."""
    views = rules.rule_views(item.title, item.summary)
    present = rules.groups_present(item.title, item.summary)
    scores = rules.topic_scores(item.title, item.summary)
    tagged = {m.topic for m in rules.classify(item.title, item.summary)[0]}
    gated = any((t, g) in present for t, groups in GATES.items() for g in groups)
    out: dict[str, Any] = {}
    for topic, groups in CORES.items():
        pos, neg, exc = views.get(topic, (0.0, 0.0, 0.0))
        core = any((topic, g) in present for g in groups)
        score = round(scores.get(topic, 0.0), 4)
        out[topic] = [round(pos, 4), round(neg, 4), exc, core, score, topic in tagged, gated]
    return out


def build(splits: dict[str, list[Item]]) -> dict[str, Any]:
    items = [item for name in FITTED for item in splits[name]]
    split_of = {item.key: name for name in FITTED for item in splits[name]}
    by_stem: dict[str, set[str]] = {}
    for item in items:
        stem, _, item_id = item.key.partition(":")
        by_stem.setdefault(stem, set()).add(item_id)
    added: dict[str, str] = {}
    for stem, wanted in sorted(by_stem.items()):
        for item_id, commit in first_commits(stem, wanted).items():
            added[f"{stem}:{item_id}"] = commit
    cache: dict[str, Classifier | None] = {}
    versions: dict[str, dict[str, int]] = {}
    out: dict[str, Any] = {}
    for item in items:
        commit = added.get(item.key, "")
        parent = git("rev-parse", f"{commit}^1").strip() if commit else ""
        tree, rules = rules_at(parent, cache) if parent else ("", None)
        if rules is not None and tree not in versions:
            versions[tree] = {t.topic: t.version for t in rules.topics}
        out[item.key] = {
            "split": split_of[item.key],
            "added_in": commit[:12],
            "rules_tree": tree[:12],
            "view": view_of(rules, item) if rules else None,
            "title_view": view_of(rules, title_only(item)) if rules else None,
        }
    return {
        "about": (
            "Honest rules views (issue 12, stop 32): per train/dev item, the view of the "
            "topic files as they were at the parent of the commit that added the item "
            "(view: per topic [positive sum, negative sum, excluded, core, rules-alone score, "
            "rules-alone tag, gated]; title_view: the same for the title-only copy; null: no "
            "topic file existed before the item). Regenerate with "
            "bench/classify_honest/classify_honest_views.py."
        ),
        "rules_trees": {t[:12]: v for t, v in sorted(versions.items())},
        "items": out,
    }


def dumps(data: dict[str, Any]) -> str:
    """Compact JSON, one item a line (reviewable diffs)."""
    head = {k: v for k, v in data.items() if k != "items"}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "items": {']
    rows = [
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, separators=(',', ':'))}"
        for k, v in data["items"].items()
    ]
    return "\n".join([*lines, ",\n".join(rows), "}}"]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    splits = load_split(REPO / DATA)
    data = build(splits)
    args.out.write_text(dumps(data), encoding="utf-8")
    items = data["items"]
    none = sum(1 for v in items.values() if v["view"] is None)
    print(
        f"{args.out}: {len(items)} items, {none} without an honest view, "
        f"{len(data['rules_trees'])} rule versions",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
