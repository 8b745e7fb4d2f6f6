"""Schema of tests/data/stories_unseen.jsonl, a fourth never-seen set (tests/data/README.md):
real items, apart from every earlier stories file."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
COMMON = ["id", "title", "summary", "lang", "published", "link", "source"]
FIELDS = [*COMMON, "story", "labels", "note"]
STORY_LABEL = re.compile(r"^\d{4}-\d{2}(-\d{2})?-[a-z0-9]+(-[a-z0-9]+)*$")
TOPICS = {"repatriation-flights", "border-policy"}


def _load(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_unseen_set_is_well_formed_and_apart_from_earlier_sets() -> None:
    unseen = _load("stories_unseen.jsonl")
    for item in unseen:
        assert list(item) == FIELDS, item.get("id")
        assert item["id"].startswith("st-4"), item["id"]
        assert item["title"].strip() and item["summary"].strip() and item["source"].strip()
        assert item["lang"] in {"en", "es"}, item["id"]
        assert datetime.fromisoformat(item["published"].replace("Z", "+00:00")).tzinfo
        assert item["link"].startswith(("http://", "https://")), item["id"]
        assert STORY_LABEL.match(item["story"]), item["id"]
        assert item["labels"] and set(item["labels"]) <= TOPICS, item["id"]
    assert len({i["id"] for i in unseen}) == len(unseen)
    assert len({i["link"] for i in unseen}) == len(unseen)
    for name in (
        "stories_dev.jsonl",
        "stories_new.jsonl",
        "stories_check.jsonl",
        "stories_fresh.jsonl",
    ):
        earlier = _load(name)
        assert {i["link"] for i in unseen}.isdisjoint(i["link"] for i in earlier), name
        assert {i["story"] for i in unseen}.isdisjoint(i["story"] for i in earlier), name
        assert {i["id"] for i in unseen}.isdisjoint(i["id"] for i in earlier), name
    per_story: defaultdict[str, set[str]] = defaultdict(set)
    for item in unseen:
        per_story[item["story"]].add(item["source"])
    assert len(unseen) >= 118 and len(per_story) >= 23
    assert sum(len(outlets) >= 3 for outlets in per_story.values()) > len(per_story) / 2
    assert 0.35 <= sum(i["lang"] == "es" for i in unseen) / len(unseen) <= 0.55


def test_late_check_is_well_formed_and_apart_from_earlier_sets() -> None:
    late = _load("stories_late.jsonl")
    for item in late:
        assert list(item) == FIELDS, item.get("id")
        assert item["id"].startswith("st-5"), item["id"]
        assert item["lang"] in {"en", "es"}, item["id"]
        assert datetime.fromisoformat(item["published"].replace("Z", "+00:00")).tzinfo
        assert item["link"].startswith(("http://", "https://")), item["id"]
        assert STORY_LABEL.match(item["story"]), item["id"]
        assert item["labels"] and set(item["labels"]) <= TOPICS, item["id"]
    assert len({i["link"] for i in late}) == len(late) >= 45
    for name in (
        "stories_dev.jsonl",
        "stories_new.jsonl",
        "stories_check.jsonl",
        "stories_fresh.jsonl",
        "stories_unseen.jsonl",
    ):
        earlier = _load(name)
        assert {i["link"] for i in late}.isdisjoint(i["link"] for i in earlier), name
        assert {i["story"] for i in late}.isdisjoint(i["story"] for i in earlier), name
        assert {i["id"] for i in late}.isdisjoint(i["id"] for i in earlier), name
