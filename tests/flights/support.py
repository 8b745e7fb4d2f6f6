"""Helpers of the flights tests: development-set items as observations and feed items."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.merge import Observation
from wirewatch_flights.model import SourceInfo

from tests.flights.split import DATA


def dev_items(*ids: str) -> list[dict[str, Any]]:
    """Items of tests/data/flights_dev.jsonl by id, in the order asked."""
    by_id = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            by_id[obj["id"]] = obj
    return [by_id[i] for i in ids]


def labelled_item(name: str, item_id: str) -> dict[str, Any]:
    """One item of tests/data/flights_<name>.jsonl by id; skips where the file or id is absent."""
    path = Path(__file__).resolve().parents[1] / "data" / f"flights_{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    for line in path.read_text(encoding="utf-8").splitlines():
        obj: dict[str, Any] = json.loads(line) if line else {}
        if obj.get("id") == item_id:
            return obj
    pytest.skip(f"{item_id} is not in {path.name}")


def data_item(stem: str, item_id: str) -> dict[str, Any]:
    """One item of tests/data/<stem>.jsonl by id (any labelled file: flights, stories, classify),
    a copy; an item with no ``published`` is read at its labelled ``date``, as the eval reads it."""
    obj = dict(_rows(stem)[item_id])
    if obj.get("published") is None and obj.get("date"):
        obj["published"] = obj["date"]
    return obj


@cache
def _rows(stem: str) -> dict[str, dict[str, Any]]:
    text = (DATA.parent / f"{stem}.jsonl").read_text(encoding="utf-8")
    return {o["id"]: o for o in (json.loads(x) for x in text.splitlines() if x.strip())}


def assert_field(obj: dict[str, Any], field: str, want: object) -> None:
    """The extractor reads ``obj`` as a flight whose ``field`` is ``want``."""
    flight = predict(obj)
    assert flight is not None
    assert getattr(flight, field) == want


CLASSIFY_DATA = Path(__file__).resolve().parents[1] / "data"
CLASSIFY_JUDGES = ("zenith", "halcyon", "ember")
"""Classify sets held back as judges: no flights round reads them."""


def classify_record(item_id: str) -> dict[str, Any]:
    """A labelled classify item by id, as stored: a pool's (never a judge's) or
    classify_dev.jsonl's; skips where it is absent."""
    paths = [
        path
        for path in sorted(CLASSIFY_DATA.glob("classify_pool_*.jsonl"))
        if not any(judge in path.name for judge in CLASSIFY_JUDGES)
    ]
    for path in [*paths, CLASSIFY_DATA / "classify_dev.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            obj: dict[str, Any] = json.loads(line) if line else {}
            if obj.get("id") == item_id:
                return obj
    pytest.skip(f"{item_id} is not in a classify pool or classify_dev.jsonl")


def classify_item(item_id: str) -> dict[str, Any]:
    """A labelled classify item (:func:`classify_record`) as a flights item."""
    obj = classify_record(item_id)
    return {"title": obj["title"], "summary": obj["summary"], "published": obj["date"]}


def published(obj: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(obj["published"].replace("Z", "+00:00")).astimezone(UTC)


def observation(obj: dict[str, Any], story_id: str | None = None) -> tuple[Observation, SourceInfo]:
    flight = predict(obj)
    assert flight is not None, obj["title"]
    source = SourceInfo(
        outlet=obj["source"],
        title=obj["title"],
        link=obj["link"],
        language=obj["lang"],
        topics=("repatriation-flights",),
    )
    return Observation(obj["id"], published(obj), flight, story_id), source


def rss(items: list[dict[str, Any]], title: str = "Desk") -> bytes:
    """An RSS feed of development-set items (title, summary, link, date, language)."""
    entries = "".join(
        f"<item><title>{escape(o['title'])}</title><link>{escape(o['link'])}</link>"
        f"<guid>{escape(o['link'])}</guid><description>{escape(o['summary'])}</description>"
        f"<pubDate>{published(o).strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate></item>"
        for o in items
    )
    lang = items[0]["lang"] if items else "en"
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link><description>d"
        f"</description><language>{lang}</language>{entries}</channel></rss>"
    ).encode()
