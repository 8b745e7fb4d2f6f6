"""The fixed tune / held-out split of tests/data/flights_dev.jsonl.

Items are split by story (an item without a story label is its own group), so no
story has items on both sides: a third of the groups, chosen by a hash of the group
key, is held out. Extraction was tuned on the tune part only; figures are reported on
the held-out part.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "flights_dev.jsonl"


def group(obj: dict[str, Any]) -> str:
    return str(obj.get("story") or obj["id"])


SALT = "5"
"""Chosen among the first salts for the held-out part's size alone (about a third of the
items and of the negatives), before any figure was looked at."""


def held_out(obj: dict[str, Any]) -> bool:
    return int(hashlib.sha256(f"{SALT}:{group(obj)}".encode()).hexdigest(), 16) % 3 == 0


def load(part: str) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [o for o in lines if held_out(o) == (part == "heldout")]


if __name__ == "__main__":
    import sys

    for obj in load(sys.argv[1]):
        print(json.dumps(obj, ensure_ascii=False))


SETS = Path(__file__).resolve().parents[1] / "data"
AFTERNOON = SETS / "flights_afternoon.jsonl"
AFTERNOON_SEED = 20261204
"""Fixed before the afternoon set was measured (PROTOCOL of 2026-12-04)."""
TWILIGHT = SETS / "flights_twilight.jsonl"
TWILIGHT_SEED = 20261218
"""Fixed before the twilight set was measured or any of its errors read (eighteenth round)."""
NIGHTFALL = SETS / "flights_nightfall.jsonl"
NIGHTFALL_SEED = 20261219
"""Fixed before the nightfall set was measured or any of its errors read (nineteenth round)."""


def check_half(path: Path, seed: int) -> frozenset[str]:
    """The check half of a never-seen set: per (language, report or negative) stratum, ids
    sorted and shuffled with random.Random(seed), the first half to check (an odd stratum
    gives its extra item to check on a coin of the same generator). A check half is only
    counted, never read one by one, while its round lasts (docs/measurements/flights.md)."""
    import random

    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    strata: dict[tuple[str, bool], list[str]] = {}
    for obj in lines:
        strata.setdefault((obj["lang"], obj["flight"] is not None), []).append(obj["id"])
    rng = random.Random(seed)
    check: set[str] = set()
    for key in sorted(strata):
        ids = sorted(strata[key])
        rng.shuffle(ids)
        size = len(ids) // 2 + (len(ids) % 2 if rng.random() < 0.5 else 0)
        check.update(ids[:size])
    return frozenset(check)


def afternoon_check_ids() -> frozenset[str]:
    """Since the seventeenth round development data like the dev half."""
    return check_half(AFTERNOON, AFTERNOON_SEED)


def twilight_check_ids() -> frozenset[str]:
    return check_half(TWILIGHT, TWILIGHT_SEED)


def nightfall_check_ids() -> frozenset[str]:
    return check_half(NIGHTFALL, NIGHTFALL_SEED)
