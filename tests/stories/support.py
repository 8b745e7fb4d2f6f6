"""Helpers for the stories tests: real labelled items as classified items."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from wirewatch_shared.events import ClassifiedItem, Entities, Evidence, FeedItem, TopicMatch
from wirewatch_stories.offline import parse_published, processing_order

DATA = Path(__file__).resolve().parents[1] / "data" / "stories_dev.jsonl"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def dev_rows() -> list[dict[str, Any]]:
    return labelled_rows("dev")


def labelled_rows(name: str) -> list[dict[str, Any]]:
    """The rows of ``tests/data/stories_<name>.jsonl``: the development set (``dev``) or a
    never-seen set gathered after it (tests/data/README.md); skipped where the file is absent."""
    path = DATA.with_name(f"stories_{name}.jsonl")
    if not path.exists():
        pytest.skip(f"{path} not found")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def classified_row(
    row: dict[str, Any], topic: str = "repatriation-flights", entities: Entities | None = None
) -> ClassifiedItem:
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
        entities=entities or Entities(),
        classified_at=published,
    )


@functools.cache
def _shipped_entity_finder() -> Any:
    """Loading the classifier takes a fraction of a second: once per test session."""
    from wirewatch.cli.stories_cmds import _entity_finder

    return _entity_finder(None)


@functools.cache
def shipped_entities() -> Callable[[str, str], Any]:
    """``wirewatch stories cluster``'s entity finder (the shipped classifier, as
    ``_entity_finder(None)`` builds it), loaded once per test process, each text's entities
    found once: the classifier is pure, so a set clustered in six orders asks it the same
    questions six times (citime54: 0.18 CPU-s a load, ~0.4 ms a row)."""
    return functools.cache(_shipped_entity_finder())


def with_entities(row: dict[str, Any]) -> ClassifiedItem:
    """The row as classify publishes it: with the countries, agencies and places its shipped
    gazetteer finds (some are several words: ``El Paso``, ``Home Office``)."""
    found = _shipped_entity_finder()(str(row.get("title") or ""), str(row.get("summary") or ""))
    entities = Entities(countries=found.countries, agencies=found.agencies, places=found.places)
    return classified_row(row, entities=entities)


def row_cues(row: dict[str, Any]) -> frozenset[str]:
    """The row's story cues, with the entities the shipped gazetteer finds in it."""
    from wirewatch_stories.features import extract

    found = _shipped_entity_finder()(row["title"], row["summary"])
    return extract(
        row["title"],
        row["summary"],
        countries=found.countries,
        agencies=found.agencies,
        places=found.places,
    ).cues


def in_published_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [rows[n] for n in processing_order(rows)]
