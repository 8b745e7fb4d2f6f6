"""The /stories page: recent stories per topic, each with its outlets, languages, first
seen, evidence and links (server-rendered, no JavaScript)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Engine
from wirewatch_stories.store import list_stories

from wirewatch.ops.pages import render

RECENT = timedelta(days=7)


def by_topic(stories: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each topic's stories (a story with two topics is under both), topics by name."""
    grouped: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for story in stories:
        for topic in story["topics"] or ["(no topic)"]:
            grouped[topic].append(story)
    return dict(sorted(grouped.items()))


def stories_page_router(engine: Engine) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/stories", response_class=HTMLResponse)
    async def stories_page(
        topic: Annotated[str | None, Query(max_length=128)] = None,
        days: Annotated[float, Query(gt=0, le=3650)] = RECENT.days,
    ) -> HTMLResponse:
        since = datetime.now(UTC) - timedelta(days=days)
        stories = await asyncio.to_thread(
            list_stories, engine, topic=topic or None, since=since, limit=200
        )
        return HTMLResponse(
            render("stories.html", groups=by_topic(stories), topic=topic, days=days)
        )

    return router
