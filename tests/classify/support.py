"""Helpers of the classify tests."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from wirewatch_classify import itemstore
from wirewatch_classify.batch import ItemRecord
from wirewatch_classify.engine import Classifier, _fire_rules
from wirewatch_classify.evaluation import Report
from wirewatch_shared.events import FeedItem


def fired_rules(rules: Classifier, topic: str, title: str, summary: str) -> set[str]:
    """Names of ``topic``'s rules that fire on an item (the model cannot hide them)."""
    groups = rules._scan(title, summary)
    return {rule.name for rule, _ in _fire_rules(rules._compiled[topic], groups)}


def below_floors(
    report: Report,
    topic_floors: Mapping[str, float],
    language_floors: Mapping[tuple[str, str], float],
) -> list[str]:
    """Every F1 of ``report`` under its floor, one readable line each (empty: all hold)."""
    low = [
        f"{topic}: F1 {report.per_topic[topic].f1:.3f} < {floor}"
        for topic, floor in sorted(topic_floors.items())
        if report.per_topic[topic].f1 < floor
    ]
    low += [
        f"{topic} ({lang}): F1 {report.per_language[(topic, lang)].f1:.3f} < {floor}"
        for (topic, lang), floor in sorted(language_floors.items())
        if report.per_language[(topic, lang)].f1 < floor
    ]
    return low


def check_set_rows(*paths: Path) -> list[dict[str, Any]]:
    """The labelled rows of a check set's JSON-lines files (the test skips, saying which file,
    when one is missing)."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        if not path.exists():
            pytest.skip(f"check set not found at {path}")
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows


def assert_held_back_whole(halves_path: Path, files: Mapping[str, Path]) -> None:
    """A measuring set held back whole: every id is ``check``, none ``dev``, and the split
    manifest lists every item under ``held_back`` and in none of train, dev and test."""
    halves = json.loads(halves_path.read_text(encoding="utf-8"))
    assert sorted(halves["check"]) == sorted(row["id"] for row in check_set_rows(*files.values()))
    assert halves["dev"] == []
    manifest = json.loads(halves_path.with_name("classify_split.json").read_text(encoding="utf-8"))
    keys = {f"{path.stem}:{row['id']}" for path in files.values() for row in check_set_rows(path)}
    assert keys <= set(manifest["held_back"])
    for name in ("train", "dev", "test"):
        assert not keys & set(manifest["splits"][name]), name


def stored_records(classifier: Classifier, items: Iterable[FeedItem]) -> list[ItemRecord]:
    """``items`` as the classify service stores them: the item and the topics it got."""
    return [
        ItemRecord(
            item.item_id,
            item.published,
            item.fetched_at,
            item.model_dump_json().encode(),
            itemstore.matches_json(classifier.classify(item.title, item.summary)[0]),
        )
        for item in items
    ]


def feed_item(item_id: str, title: str, summary: str = "") -> FeedItem:
    """An English item of feed 1, published now."""
    now = datetime.now(UTC)
    return FeedItem(
        item_id=item_id,
        feed_id=1,
        feed_url="https://example.org/feed",
        title=title,
        summary=summary,
        published=now,
        fetched_at=now,
        language="en",
    )
