"""Study script (stop 34): ``bench/classify_identity.py`` without the never-seen judge sets.

The same digests (classify cold per file and warm, with user topics, ``topic_scores``,
``rule_views``; ``PYTHONHASHSEED=0``) over every ``tests/data/*.jsonl`` except the judge
sets the data rule keeps out of any measurement (flights ``JUDGES``,
``classify_pool_halcyon*``, the stories sets kindling/cinder/ember/meridian), plus the feed
corpus. The committed golden file covers them and is stale on main at stop 34 (main
itself differs on 7 of 137 digests: files added since it was written), so compare two
checkouts directly: ``--write`` with main's code, ``--check`` with the branch's.

    <main>/.venv/bin/python bench/classify_speed34/identity_nojudge.py --write /tmp/main.json
    .venv/bin/python bench/classify_speed34/identity_nojudge.py --check /tmp/main.json
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import classify_identity

JUDGE_STEMS = (
    "flights_tideline",
    "flights_lodestar",
    "flights_firelight",
    "flights_brazier",
    "classify_pool_halcyon",
    "stories_kindling",
    "stories_cinder",
    "stories_ember",
    "stories_meridian",
)


def judged(name: str) -> bool:
    return name.startswith(JUDGE_STEMS)


_all = classify_identity.data_items


def data_items() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """classify_identity's sources, judge sets left out (by name, before any line is read)."""
    for path in sorted(classify_identity.DATA.glob("*.jsonl")):
        if judged(path.name):
            continue
        yield from _items(path)


def _items(path: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    # classify_identity.data_items reads every file; read just this one the same way.
    saved = classify_identity.DATA
    try:
        classify_identity.DATA = _OneFile(path)  # type: ignore[assignment]
        yield from _all()
    finally:
        classify_identity.DATA = saved


class _OneFile:
    """A stand-in directory whose glob lists one file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def glob(self, _pattern: str) -> list[Path]:
        return [self.path]


classify_identity.data_items = data_items

if __name__ == "__main__":
    classify_identity.main()
