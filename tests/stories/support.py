"""Helpers for the stories tests: real labelled items as classified items."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from wirewatch_shared.events import ClassifiedItem, Entities, Evidence, FeedItem, TopicMatch
from wirewatch_stories.offline import parse_published, processing_order

DATA = Path(__file__).resolve().parents[1] / "data" / "stories_dev.jsonl"
NEW_DATA = DATA.with_name("stories_new.jsonl")  # never-seen stories (tests/data/README.md)
FRESH_DATA = DATA.with_name("stories_fresh.jsonl")  # a third never-seen set, ditto
UNSEEN_DATA = DATA.with_name("stories_unseen.jsonl")  # a fourth never-seen set, ditto
NIGHT_DATA = DATA.with_name("stories_night.jsonl")  # a sixth never-seen set, ditto
DAWN_DATA = DATA.with_name("stories_dawn.jsonl")  # a seventh never-seen set, ditto
NOON_DATA = DATA.with_name("stories_noon.jsonl")  # an eighth never-seen set, ditto
MIDNIGHT_DATA = DATA.with_name("stories_midnight.jsonl")  # a ninth never-seen set, ditto
PREDAWN_DATA = DATA.with_name("stories_predawn.jsonl")  # a tenth never-seen set, ditto
SUNRISE_DATA = DATA.with_name("stories_sunrise.jsonl")  # an eleventh never-seen set, ditto
MORNING_DATA = DATA.with_name("stories_morning.jsonl")  # a twelfth never-seen set, ditto
NOONDAY_DATA = DATA.with_name("stories_noonday.jsonl")  # a thirteenth never-seen set, ditto
FRIDAY_DATA = DATA.with_name("stories_friday.jsonl")  # a fourteenth never-seen set, ditto
SATURDAY_DATA = DATA.with_name("stories_saturday.jsonl")  # a fifteenth never-seen set, ditto
AFTERNOON_DATA = DATA.with_name("stories_afternoon.jsonl")  # a sixteenth never-seen set, ditto
EVENING_DATA = DATA.with_name("stories_evening.jsonl")  # a seventeenth never-seen set, ditto
TWILIGHT_DATA = DATA.with_name("stories_twilight.jsonl")  # an eighteenth never-seen set, ditto
NIGHTFALL_DATA = DATA.with_name("stories_nightfall.jsonl")  # a nineteenth never-seen set, ditto
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def dev_rows() -> list[dict[str, Any]]:
    if not DATA.exists():
        pytest.skip(f"{DATA} not found")
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def new_rows() -> list[dict[str, Any]]:
    if not NEW_DATA.exists():
        pytest.skip(f"{NEW_DATA} not found")
    text = NEW_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def fresh_rows() -> list[dict[str, Any]]:
    if not FRESH_DATA.exists():
        pytest.skip(f"{FRESH_DATA} not found")
    text = FRESH_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def unseen_rows() -> list[dict[str, Any]]:
    if not UNSEEN_DATA.exists():
        pytest.skip(f"{UNSEEN_DATA} not found")
    text = UNSEEN_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def night_rows() -> list[dict[str, Any]]:
    if not NIGHT_DATA.exists():
        pytest.skip(f"{NIGHT_DATA} not found")
    text = NIGHT_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def dawn_rows() -> list[dict[str, Any]]:
    if not DAWN_DATA.exists():
        pytest.skip(f"{DAWN_DATA} not found")
    text = DAWN_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def noon_rows() -> list[dict[str, Any]]:
    if not NOON_DATA.exists():
        pytest.skip(f"{NOON_DATA} not found")
    text = NOON_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def midnight_rows() -> list[dict[str, Any]]:
    if not MIDNIGHT_DATA.exists():
        pytest.skip(f"{MIDNIGHT_DATA} not found")
    text = MIDNIGHT_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def predawn_rows() -> list[dict[str, Any]]:
    if not PREDAWN_DATA.exists():
        pytest.skip(f"{PREDAWN_DATA} not found")
    text = PREDAWN_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def sunrise_rows() -> list[dict[str, Any]]:
    if not SUNRISE_DATA.exists():
        pytest.skip(f"{SUNRISE_DATA} not found")
    text = SUNRISE_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def morning_rows() -> list[dict[str, Any]]:
    if not MORNING_DATA.exists():
        pytest.skip(f"{MORNING_DATA} not found")
    text = MORNING_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def noonday_rows() -> list[dict[str, Any]]:
    if not NOONDAY_DATA.exists():
        pytest.skip(f"{NOONDAY_DATA} not found")
    text = NOONDAY_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def friday_rows() -> list[dict[str, Any]]:
    if not FRIDAY_DATA.exists():
        pytest.skip(f"{FRIDAY_DATA} not found")
    text = FRIDAY_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def saturday_rows() -> list[dict[str, Any]]:
    if not SATURDAY_DATA.exists():
        pytest.skip(f"{SATURDAY_DATA} not found")
    text = SATURDAY_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def afternoon_rows() -> list[dict[str, Any]]:
    if not AFTERNOON_DATA.exists():
        pytest.skip(f"{AFTERNOON_DATA} not found")
    text = AFTERNOON_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def evening_rows() -> list[dict[str, Any]]:
    if not EVENING_DATA.exists():
        pytest.skip(f"{EVENING_DATA} not found")
    text = EVENING_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def twilight_rows() -> list[dict[str, Any]]:
    if not TWILIGHT_DATA.exists():
        pytest.skip(f"{TWILIGHT_DATA} not found")
    text = TWILIGHT_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def nightfall_rows() -> list[dict[str, Any]]:
    if not NIGHTFALL_DATA.exists():
        pytest.skip(f"{NIGHTFALL_DATA} not found")
    text = NIGHTFALL_DATA.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def classified_row(row: dict[str, Any], topic: str = "repatriation-flights") -> ClassifiedItem:
    published = parse_published(row.get("published")) or NOW
    link = row.get("link")
    item = FeedItem(
        item_id=str(row["id"]),
        feed_id=1,
        feed_url=link or "https://example.org/feed.xml",
        feed_title=str(row.get("source") or ""),
        title=row.get("title") or "",
        summary=row.get("summary") or "",
        link=link,
        published=published,
        fetched_at=published,
        language=row.get("lang"),
    )
    phrase = item.title[:5] or "x"
    evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="r")
    return ClassifiedItem(
        item=item,
        matches=(TopicMatch(topic=topic, score=0.9, evidence=(evidence,), rules=("r",)),),
        entities=Entities(),
        classified_at=published,
    )


def in_published_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [rows[n] for n in processing_order(rows)]
