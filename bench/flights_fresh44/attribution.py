"""Where false records and misses come from in the flights service path (issue 15, stop 44).

The service reads an item only if the shipped classifier tags it with a flights topic
(``repatriation-flights``), then the extractor decides whether it is a flight report and
reads its fields. For each labelled set this prints:

- the extractor alone ("plain", ``wirewatch flights eval``) and the gated path ("service",
  ``--as-service``): precision, recall, the six goal fields, per language;
- the gate's account: false records of the extractor the classifier removes (saved) or lets
  through, reports it drops (lost), and every service error in one class: (i) classifier tag
  missing on a report the extractor reads, (ii) the extractor's "is a flight report"
  decision (a record on a negative the classifier also tagged, or no record on a report),
  (iii) field errors on a record both kept.

For flights_fresh44 and fresh44b (studied from stop 44) it lists each error by id and class; ``a+b``
reads two sets as one; for every other set only counts (tideline, lodestar and hearth are judges:
aggregates only).

    .venv/bin/python bench/flights_fresh44/attribution.py [NAME ...]   # default: fresh44 fresh44b
                                                  # fresh44+fresh44b quarry tideline lodestar hearth
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import Scores, gold_record, normalise, predict, score
from wirewatch_flights.evaluation import predicted_value as value_of
from wirewatch_flights.model import FIELDS
from wirewatch_flights.settings import FlightsSettings

from wirewatch.cli.classify_cmds import load_classifier

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
DEFAULT = ("fresh44", "fresh44b", "fresh44+fresh44b", "quarry", "tideline", "lodestar", "hearth")
STUDIED = {"fresh44", "fresh44b"}
GOAL = ("destination", "status", "origin", "people")
TOPICS = frozenset(FlightsSettings.model_fields["flights_topics"].default)


@dataclass
class Account:
    saved: int = 0
    passed: int = 0
    lost: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    rows: list[str] = field(default_factory=list)


def load(name: str) -> list[dict[str, Any]]:
    """``a+b`` reads both sets as one."""
    lines = []
    for part in name.split("+"):
        path = DATA / f"flights_{part}.jsonl"
        lines += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    return lines


def figures(scores: Scores) -> str:
    goal = " ".join(f"{scores.accuracy(n):.3f}" for n in GOAL)
    return (
        f"P {scores.precision():.3f} ({scores.tp}/{scores.tp + scores.fp}) R {scores.recall():.3f}"
        f" | dest status origin people {goal} | n {scores.reports}"
    )


def field_errors(obj: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    flight = predict(obj)
    assert flight is not None
    wrong = []
    for name in FIELDS:
        want, got = normalise(name, gold.get(name)), normalise(name, value_of(flight, name))
        if want != got:
            wrong.append(f"{name} {want!r}->{got!r}")
    return wrong


def account(lines: list[dict[str, Any]], tags: dict[str, bool]) -> Account:
    acc = Account()
    for obj in lines:
        key, gold, read = str(obj["id"]), gold_record(obj), predict(obj) is not None
        tagged = tags[key]
        if gold is None and read:
            acc.saved += not tagged
            acc.passed += tagged
            if tagged:
                acc.classes["(ii) extractor record on a negative the classifier tagged"] += 1
                acc.rows.append(f"{key} false record: (ii), tagged too")
            else:
                acc.rows.append(f"{key} false record of the extractor: gate saves it (untagged)")
        elif gold is not None and not tagged:
            acc.lost += read
            kind = "(i) classifier tag missing" if read else "(i)+(ii) untagged and unread"
            acc.classes[kind] += 1
            acc.rows.append(f"{key} missed: {kind}")
        elif gold is not None and not read:
            acc.classes["(ii) extractor missed a tagged report"] += 1
            acc.rows.append(f"{key} missed: (ii), tagged")
        elif gold is not None:
            wrong = field_errors(obj, gold)
            if wrong:
                acc.classes["(iii) field errors on a kept record"] += 1
                acc.rows.append(f"{key} (iii) {'; '.join(wrong)}")
    return acc


def report_set(name: str, tagged: Callable[[dict[str, Any]], bool]) -> None:
    lines = load(name)
    tags = {str(o["id"]): tagged(o) for o in lines}

    def gated(obj: dict[str, Any]) -> Any:
        return predict(obj) if tags[str(obj["id"])] else None

    print(f"== {name}: {len(lines)} items")
    for lang in ("all", "en", "es"):
        part = [o for o in lines if lang == "all" or o.get("lang") == lang]
        print(f"  {lang:<3} plain   {figures(score(part))}")
        print(f"  {lang:<3} service {figures(score(part, gated))}")
    acc = account(lines, tags)
    print(
        f"  gate: extractor false records saved {acc.saved}, let through {acc.passed};"
        f" reports lost {acc.lost}"
    )
    for kind, count in sorted(acc.classes.items()):
        print(f"  {count:>3}  {kind}")
    if name in STUDIED:
        for row in acc.rows:
            print(f"    {row}")


def main(names: list[str]) -> None:
    classifier = load_classifier(None)

    def tagged(obj: dict[str, Any]) -> bool:
        matches, _ = classifier.classify(
            str(obj.get("title") or ""), str(obj.get("summary") or ""), obj.get("lang")
        )
        return any(m.topic in TOPICS for m in matches)

    for name in names:
        report_set(name, tagged)


if __name__ == "__main__":
    main(sys.argv[1:] or list(DEFAULT))
