"""The stories read API (FastAPI router): ``GET /api/v1/stories`` and
``GET /api/v1/stories/{story_id}``. Read-only and unauthenticated, like /status: it
shows what public feeds published, grouped."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy.engine import Engine

from wirewatch_stories.store import get_story, list_stories


class StoryItemOut(BaseModel):
    id: str = Field(validation_alias="item_id")
    outlet: str
    title: str
    link: str | None
    language: str | None
    published: datetime


class StoryOut(BaseModel):
    id: str
    title: str = Field(description="The title of the story's first item.")
    topics: list[str]
    first_seen: datetime = Field(description="Publication time of its first item.")
    last_published: datetime = Field(description="Publication time of its latest item.")
    item_count: int
    outlets: list[str] = Field(description="Distinct outlets, first reporter first.")
    languages: list[str]
    evidence: list[str] = Field(description="Cues that tied its items together.")
    items: list[StoryItemOut] = Field(description="Its first 50 items, oldest first.")


def _in_utc_range(when: datetime) -> bool:
    """Whether ``when`` has a UTC time (0001-01-01T00:00+14:00 has none: the year before 1)."""
    try:
        when.astimezone(UTC)
    except OverflowError:
        return False
    return True


def story_out(row: dict[str, Any]) -> StoryOut:
    return StoryOut.model_validate(row)


def stories_router(engine: Engine) -> APIRouter:
    router = APIRouter(prefix="/api/v1/stories", tags=["stories"])

    @router.get("")
    async def stories(
        topic: Annotated[str | None, Query(max_length=128, description="Topic name.")] = None,
        since: Annotated[
            AwareDatetime | None,
            Query(description="Stories with an item published, or found by Wirewatch, since."),
        ] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> list[StoryOut]:
        """Recent stories, latest item first."""
        if since is not None and not _in_utc_range(since):
            raise HTTPException(422, "since is out of range (years 1 to 9999 in UTC)")
        rows = await asyncio.to_thread(list_stories, engine, topic=topic, since=since, limit=limit)
        return [story_out(r) for r in rows]

    @router.get("/{story_id}", responses={404: {"description": "No such story."}})
    async def story(
        story_id: Annotated[str, Path(max_length=32, pattern=r"^st_[0-9a-f]{16}$")],
    ) -> StoryOut:
        row = await asyncio.to_thread(get_story, engine, story_id)
        if row is None:
            raise HTTPException(status_code=404, detail="no such story")
        return story_out(row)

    return router
