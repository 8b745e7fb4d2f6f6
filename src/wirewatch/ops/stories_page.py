"""The /stories page: recent stories per topic, each with its outlets, languages, first
seen, evidence and links (server-rendered, no JavaScript)."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.engine import Engine
from wirewatch_stories.store import STORY, recent_since, story_dict

from wirewatch.ops.pages import render

RECENT = timedelta(days=7)
PER_TOPIC = 50
"""Stories a topic's section lists when the page shows every topic (its own page: 200)."""
ONE_TOPIC = 200
NO_TOPIC = "(no topic)"


@dataclass(frozen=True, slots=True)
class Section:
    topic: str
    total: int
    """The topic's stories in the period (the section lists the latest of them)."""
    stories: list[dict[str, Any]]


def _latest(
    rows: Iterable[tuple[str, list[str]]], topic: str | None, per_topic: int
) -> tuple[dict[str, list[str]], Counter[str]]:
    """Of (id, topics) rows newest first: each topic's first ``per_topic`` ids and its count
    (only ``topic``'s, if given)."""
    chosen: defaultdict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for story_id, topics in rows:
        for name in topics or [NO_TOPIC]:
            if topic is None or name == topic:
                totals[name] += 1
                if len(chosen[name]) < per_topic:
                    chosen[name].append(story_id)
    return chosen, totals


def sections(engine: Engine, since: datetime, topic: str | None, per_topic: int) -> list[Section]:
    """Each topic's latest ``per_topic`` stories recent since ``since`` and how many it
    has, topics by name (a story with two topics is under both). A topic's place never
    depends on another's: one pass over the period's ids and topics picks each topic's
    latest, then they are read by id."""
    newest_first = (STORY.c.last_published.desc(), STORY.c.id)
    recent = select(STORY.c.id, STORY.c.topics).where(recent_since(since))
    stories: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        rows = conn.execute(recent.order_by(*newest_first)).tuples()
        chosen, totals = _latest(rows, topic, per_topic)
        wanted = sorted({i for ids in chosen.values() for i in ids})
        for k in range(0, len(wanted), 500):
            found = conn.execute(select(STORY).where(STORY.c.id.in_(wanted[k : k + 500])))
            stories.update((row["id"], story_dict(row)) for row in found.mappings())
    return [
        Section(name, totals[name], [stories[i] for i in chosen[name]]) for name in sorted(chosen)
    ]


def stories_page_router(engine: Engine) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/stories", response_class=HTMLResponse)
    async def stories_page(
        topic: Annotated[str | None, Query(max_length=128)] = None,
        days: Annotated[float, Query(gt=0, le=3650)] = RECENT.days,
    ) -> HTMLResponse:
        since = datetime.now(UTC) - timedelta(days=days)
        per_topic = ONE_TOPIC if topic else PER_TOPIC
        found = await asyncio.to_thread(sections, engine, since, topic or None, per_topic)
        return HTMLResponse(render("stories.html", sections=found, topic=topic, days=days))

    return router
