"""Clustering JSON-lines items offline, exactly as the service assigns them (pure).

Rows carry ``id, title, summary, lang, published, link`` (``published`` ISO 8601, RFC 2822,
Unix seconds or null). They are processed in publication order (rows without a date last,
in file order), each given the ``story_id`` the service would give it. The caller provides
the entities of a row (the service gets them from classify).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch_shared.clock import parse_timestamp

from wirewatch_stories.cluster import Clusterer, Decision
from wirewatch_stories.features import extract


@dataclass(frozen=True, slots=True)
class RowEntities:
    countries: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


EntityFinder = Callable[[str, str], RowEntities]


def parse_published(value: object) -> datetime | None:
    """An aware datetime (naive means UTC) from ISO 8601, a feed's RFC 2822 date or Unix
    seconds; None if absent."""
    return parse_timestamp(value)


def processing_order(rows: Sequence[dict[str, Any]]) -> list[int]:
    """Indexes of ``rows`` in the order the service would see them: by publication."""
    keyed = []
    for n, row in enumerate(rows):
        published = parse_published(row.get("published"))
        keyed.append((published is None, published.timestamp() if published else 0.0, n))
    return [n for _, _, n in sorted(keyed)]


def cluster_rows(
    rows: Sequence[dict[str, Any]],
    entities: EntityFinder | None = None,
    *,
    clusterer: Clusterer | None = None,
) -> list[Decision]:
    """One decision per row (in the rows' order), made in publication order."""
    clusterer = clusterer or Clusterer()
    decisions: list[Decision | None] = [None] * len(rows)
    for n in processing_order(rows):
        row = rows[n]
        title, summary = str(row.get("title") or ""), str(row.get("summary") or "")
        found = entities(title, summary) if entities else RowEntities()
        features = extract(
            title,
            summary,
            countries=found.countries,
            agencies=found.agencies,
            places=found.places,
        )
        published = parse_published(row.get("published"))
        when = published.timestamp() if published else clusterer.clock
        item_id = str(row.get("id") if row.get("id") is not None else n)
        decisions[n] = clusterer.assign(item_id, features.cues, max(when, -1e18))
    return [d for d in decisions if d is not None]


def story_ids(decisions: Iterable[Decision]) -> list[str]:
    return [d.story_id for d in decisions]
