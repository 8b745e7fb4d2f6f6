"""Stop 47 (issue 12): main's misses on the study sets, by miss class, item by item.

    .venv/bin/python bench/classify_round47/study_clround47.py [--model M] [--topics-dir D] \
        [--list CLASS ...] [--sets train dev dev_file held]

Study sets (the brief): the train and dev lists of the split manifest, classify_dev.jsonl, and
every held-back set read at an earlier stop (each ``classify_*_halves.json``'s ``check`` ids),
fresh46 and fresh47 (the judges) excluded. The test split, the midday check set and the judges
are never read here. Classes (issue 12): ``flights_fn_no_flight_word`` (a flight or return
missed, no flight-group word), ``flights_fn_flight_word``, ``policy_fn`` (border-policy
missed, only-policy items), ``both_second_tag`` (both-topic items with one tag missing),
``false_alarm_neg`` (a tag on a negative), ``false_alarm_other`` (the other topic added).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier, _rule_view
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

DATA = Path("tests/data")
MANIFEST = DATA / "classify_split.json"
JUDGES: tuple[str, ...] = ("fresh46", "fresh47")
FL, BP = "repatriation-flights", "border-policy"


def held_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for halves in sorted(DATA.glob("classify_*_halves.json")):
        if any(j in halves.name for j in JUDGES):
            continue
        spec = json.loads(halves.read_text("utf-8"))
        check = set(spec.get("check", []))
        if not check:
            continue
        pattern = spec["set"].replace("{en,es}", "*")
        for path in sorted(DATA.glob(pattern)):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    if row.get("id") in check:
                        rows.append(row | {"_set": halves.name.split("_")[1]})
    return rows


def study_rows(which: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    split = load_split(DATA, MANIFEST)
    for name in ("train", "dev"):
        if name in which:
            rows += [item.row | {"_set": name} for item in split[name]]
    if "dev_file" in which:
        for line in (DATA / "classify_dev.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line) | {"_set": "dev_file"})
    if "held" in which:
        rows += held_rows()
    return rows


def classes(clf: Classifier, row: dict[str, Any]) -> tuple[list[str], set[str], list[str]]:
    title, summary = str(row.get("title", "")), str(row.get("summary", ""))
    matches, _ = clf.classify(title, summary, row.get("lang"))
    pred = {m.topic for m in matches}
    exp = {t for t in row.get("labels", []) if t in (FL, BP)}
    groups = clf.groups_present(title, summary)
    out = []
    if FL in exp and FL not in pred:
        if BP in exp:
            out.append("both_second_tag")
        elif (FL, "flight") in groups:
            out.append("flights_fn_flight_word")
        else:
            out.append("flights_fn_no_flight_word")
    if BP in exp and BP not in pred:
        out.append("both_second_tag" if FL in exp else "policy_fn")
    out += ["false_alarm_neg" if not exp else "false_alarm_other" for _ in pred - exp]
    groups_hit = clf._scan(title, summary)
    scores = clf.topic_scores(title, summary)
    rules = []
    for name, topic in clf._compiled.items():
        fired = ",".join(r.name for r, _ in _rule_view(topic, groups_hit)[0])
        rules.append(f"{name[:2]}={scores.get(name, 0):.2f}:{fired}")
    return sorted(set(out)), pred, rules


def fires(clf: Classifier, rows: list[dict[str, Any]], names: set[str]) -> None:
    """Rules only: every study item on which one of ``names`` fires, with its labels, and a
    tally per rule of the items it fires on by label (a firing check, not a figure)."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        title, summary = str(row.get("title", "")), str(row.get("summary", ""))
        hits = clf._scan(title, summary)
        for name, topic in clf._compiled.items():
            fired = {r.name for r, _ in _rule_view(topic, hits)[0]} & names
            for rule in sorted(fired):
                labels = row.get("labels") or []
                on = "pos" if name in labels else "other" if labels else "neg"
                tally[rule][on] += 1
                print(f"{rule}\t{row['_set']}\t{on}\t{row.get('labels')}\t{title[:110]}")
    print(json.dumps({k: dict(v) for k, v in tally.items()}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--topics-dir", type=Path, default=None)
    parser.add_argument("--list", nargs="*", default=[])
    parser.add_argument("--sets", nargs="*", default=["train", "dev", "dev_file", "held"])
    parser.add_argument("--fires", nargs="*", default=[], metavar="RULE")
    args = parser.parse_args()
    topics = load_topics(args.topics_dir)
    if args.fires:
        fires(Classifier(topics), study_rows(args.sets), set(args.fires))
        return
    model = TopicModel.load(args.model) if args.model else None
    clf = Classifier(topics, model=model) if model else Classifier.load(args.topics_dir)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in study_rows(args.sets):
        found, pred, rules = classes(clf, row)
        where = row["_set"] if row["_set"] in ("train", "dev", "dev_file") else "held"
        counts[where]["items"] += 1
        for c in found:
            counts[where][c] += 1
            if c in args.list:
                print(
                    json.dumps(
                        {
                            "class": c,
                            "set": row["_set"],
                            "id": row["id"],
                            "labels": row.get("labels"),
                            "pred": sorted(pred),
                            "rules": rules,
                            "title": row.get("title"),
                            "summary": str(row.get("summary", ""))[:400],
                        },
                        ensure_ascii=False,
                    )
                )
    print(json.dumps({k: dict(v) for k, v in counts.items()}, indent=1))


if __name__ == "__main__":
    main()
