"""Main's origin on the studied flights files against the item's outlet (its link's host):
bench/flights_origin49/RULE.md's study. For every true report main reads, the link's host, the
country its ccTLD names (``.uk`` -> GB) and whether the labelled origin is that state; the
origin-missing rows are listed with their titles.

Usage: .venv/bin/python bench/flights_origin49/study_florigin49.py [--items]
Studied: ``../flights_round49/study_flround49.py``'s files (every ``tests/data/flights_*.jsonl``
but this stop's judges flights_fresh48, flights_fresh48b and any set sealed during stop 49),
imported; the judges are never read here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value

HERE = Path(__file__).resolve().parent


def _round49() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "study_flround49", HERE.parent / "flights_round49" / "study_flround49.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tld_state(host: str) -> str:
    """The host's last label upper-cased (``uk`` -> GB); generic TLDs are shown as they are."""
    last = host.rsplit(".", 1)[-1].upper()
    return "GB" if last == "UK" else last


def main() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    items: list[tuple[str, ...]] = []
    for path in _round49().studied_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold, flight = gold_record(obj), predict(obj)
            if gold is None or flight is None or "origin" not in gold:
                continue
            want = normalise("origin", gold.get("origin"))
            got = normalise("origin", predicted_value(flight, "origin"))
            host = urlsplit(str(obj.get("link") or "")).hostname or ""
            state = tld_state(host)
            kind = "cc" if len(state) == 2 else "generic"
            if got is None:
                shape = "missing" if want else "both-null"
            else:
                shape = "right" if got == want else "wrong"
            counts[(shape, f"{kind}:{'outlet' if state == want else 'other'}")] += 1
            if shape == "missing" or (shape == "both-null" and kind == "cc"):
                dest = normalise("destination", gold.get("destination"))
                items.append(
                    (
                        shape,
                        path.stem,
                        str(obj["id"]),
                        str(want),
                        str(dest),
                        host,
                        str(obj.get("title") or "")[:100],
                    )
                )
    for (shape, kind), n in sorted(counts.items()):
        print(f"{shape:10} {kind:16} {n}")
    if "--items" in sys.argv:
        for row in sorted(items):
            print(*row, sep=" | ")


if __name__ == "__main__":
    main()
